// The cold-start phase of bench_views: process start -> first chat row painted from the local
// cache -> live, with 20,000 cached chats, against the real Centrifugo.
//
// Two "live" moments, both reported (issue 14 defines live as connected and subscribed):
// - subscribedMs: realtime connected and the inbox channel subscribed (RealtimeBinding live):
//   from then on no publication is missed, the saved list is on screen, and the badge still
//   says "Loading" (Freshness Refreshing) until the server's list is in;
// - liveMs: Freshness::Live, the badge the agent trusts: subscribed AND the chat list fetched
//   after the subscription (a list fetched before it may predate a missed publication) applied.

#include "../models/benchprocess.h"
#include "../models/benchserver.h"
#include "models/api/apiclient.h"
#include "models/cache/localcache.h"
#include "models/store/inboxstore.h"
#include "models/store/realtimebinding.h"
#include "paintprobe.h"
#include "viewphases.h"
#include "viewsession.h"

#include <QJsonDocument>
#include <QListView>
#include <QProcess>
#include <QTemporaryDir>

#include <csignal>
#include <sys/prctl.h>

namespace BenchViews {

using BenchModels::monotonicNs;
using BenchModels::spinUntil;

namespace {

//! The server's chat list saved in the local cache, as a previous session would have left it.
bool prepareCache(const Endpoints& e, const QString& path, int* saved)
{
    WhaTrack::ApiConfig config;
    config.baseUrl = e.baseUrl();
    config.organizationId = BenchModels::kOrg;
    WhaTrack::ApiClient api(config);
    QList<WhaTrack::ChatItem> chats;
    bool done = false;
    api.fetchChats({}, &api, [&](WhaTrack::ApiResult<QList<WhaTrack::ChatItem>> r) {
        if (r.ok())
            chats = r.value;
        done = true;
    });
    if (!spinUntil([&] { return done; }, 120000) || chats.isEmpty())
        return false;
    WhaTrack::LocalCache cache(path);
    *saved = int(chats.size());
    return cache.isOpen()
        && cache.saveChats(
            WhaTrack::LocalCache::scopeKey(config.baseUrl, BenchModels::kOrg), chats);
}

} // namespace

QJsonObject runColdPhase(const ViewOptions& o, const QString& self)
{
    BenchModels::Server server;
    if (!server.start(self, o.chats, 50))
        return {{QStringLiteral("error"), QStringLiteral("server did not start")}};
    const Endpoints e {server.httpPort, server.wsUrl, server.token};
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    int saved = 0;
    if (!prepareCache(e, path, &saved))
        return {{QStringLiteral("error"), QStringLiteral("cache not prepared")}};
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    const qint64 t0 = monotonicNs();
    child.start(self,
        {QStringLiteral("--phase"), QStringLiteral("coldchild"), QStringLiteral("--endpoints"),
            QStringLiteral("%1 %2 %3 %4").arg(e.httpPort).arg(e.wsUrl.toString(), e.token, path),
            QStringLiteral("--t0"), QString::number(t0)});
    if (!child.waitForFinished(180000))
        child.kill();
    for (const QByteArray& line : child.readAllStandardOutput().split('\n')) {
        if (line.startsWith("RESULT ")) {
            QJsonObject r = QJsonDocument::fromJson(line.mid(7)).object();
            r.insert(QStringLiteral("cachedChats"), saved);
            return r;
        }
    }
    return {{QStringLiteral("error"), QStringLiteral("no result from the cold child")}};
}

QJsonObject runColdChild(const QString& args, qint64 t0)
{
    const double mainMs = double(monotonicNs() - t0) / 1e6;
    const QStringList parts = args.split(QLatin1Char(' '));
    const Endpoints e {quint16(parts.value(0).toUInt()), QUrl(parts.value(1)), parts.value(2)};
    PaintLatency paint;
    paint.install();
    qint64 liveNs = 0;
    qint64 subscribedNs = 0;
    int rowsAtSubscribed = 0;
    ViewSession session(e, 50, parts.value(3));
    QObject::connect(session.store(), &WhaTrack::InboxStore::freshnessChanged, session.store(),
        [&](const WhaTrack::Freshness& f) {
            if (!liveNs && f.state == WhaTrack::Freshness::State::Live)
                liveNs = monotonicNs();
        });
    if (auto* binding = session.store()->findChild<WhaTrack::RealtimeBinding*>()) {
        QObject::connect(
            binding, &WhaTrack::RealtimeBinding::liveChanged, session.store(), [&](bool live) {
                if (live && !subscribedNs) {
                    subscribedNs = monotonicNs();
                    rowsAtSubscribed = session.chatList()->model()->rowCount();
                }
            });
    }
    const double windowMs = double(monotonicNs() - t0) / 1e6;
    session.start();
    QJsonObject r {{QStringLiteral("phase"), QStringLiteral("cold")},
        {QStringLiteral("mainMs"), mainMs}, {QStringLiteral("windowMs"), windowMs}};
    if (!spinUntil([&] { return paint.firstRowPainted; }, 60000))
        r.insert(QStringLiteral("error"), QStringLiteral("no chat row painted"));
    // Where the first rows came from: the cache answers well before a 20,000-chat REST list.
    r.insert(QStringLiteral("rowsAtFirstPaint"), session.chatList()->model()->rowCount());
    if (!spinUntil([&] { return liveNs != 0; }, 60000))
        r.insert(QStringLiteral("error"), QStringLiteral("never live"));
    paint.uninstall();
    r.insert(QStringLiteral("firstPaintMs"), double(paint.firstRowNs - t0) / 1e6);
    r.insert(QStringLiteral("liveMs"), double(liveNs - t0) / 1e6);
    if (subscribedNs) {
        r.insert(QStringLiteral("subscribedMs"), double(subscribedNs - t0) / 1e6);
        r.insert(QStringLiteral("rowsAtSubscribed"), rowsAtSubscribed);
    }
    return r;
}

} // namespace BenchViews
