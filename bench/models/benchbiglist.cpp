// bench_models --phase biglist: an organization with a very large chat list (70,000 chats by
// default) loaded through the real path (REST client, decode and diff on the pool, InboxStore,
// ChatListModel, ChatListProxyModel, SQLite local cache), with a 1 ms heartbeat on the GUI
// thread. Reports the longest GUI-thread stall and the peak RSS of each step.

#include "benchclient.h"
#include "benchprocess.h"
#include "benchserver.h"
#include "models/api/apiclient.h"
#include "models/items/chatlistmodel.h"
#include "models/items/chatlistproxymodel.h"
#include "models/items/chatrevisions.h"
#include "models/store/inboxstore.h"
#include "models/store/querycache.h"
#include "models/store/querykey.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

namespace BenchModels {

using WhaTrack::ChatItem;
using WhaTrack::Message;

namespace {

//! Resets VmHWM to the current RSS (Linux >= 4.0), so each step reports its own peak.
void resetPeakRss()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

} // namespace

QJsonObject runBigListPhase(const PhaseOptions& o, const QString& self)
{
    QJsonObject result {{QStringLiteral("phase"), o.phase}, {QStringLiteral("chats"), o.chats}};
    result.insert(QStringLiteral("rssStartKb"), rssKb("VmRSS"));
    Server server;
    if (!server.start(self, o.chats, 20)) {
        result.insert(QStringLiteral("error"), QStringLiteral("server did not start"));
        return result;
    }
    WhaTrack::ApiConfig config;
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.httpPort));
    config.organizationId = kOrg;
    WhaTrack::ApiClient api(config);
    QTemporaryDir dir;
    WhaTrack::InboxStoreOptions options;
    options.localCachePath = dir.filePath(QStringLiteral("cache.sqlite"));

    // No realtime client: this phase measures loading, not publications.
    auto store = std::make_unique<WhaTrack::InboxStore>(&api, nullptr, options);
    bool resynced = false;
    auto watchResync = [&resynced](WhaTrack::InboxStore* s) {
        QObject::connect(
            s, &WhaTrack::InboxStore::resyncFinished, s, [&resynced] { resynced = true; });
    };
    watchResync(store.get());
    const int chats = o.chats;
    auto listComplete = [&store, chats] {
        return store->chatListModel()->rowCount() == chats
            && store->queryCache()->inFlightCount() == 0
            && store->refetchCounts().value(WhaTrack::QueryKey::Kind::Chats) > 0;
    };

    StallProbe probe;
    double worstStall = 0;
    qint64 worstPeak = 0;
    QJsonObject steps;
    auto step = [&](const QString& name, const std::function<void()>& action,
                    const std::function<bool()>& done) {
        resetPeakRss();
        probe.start();
        QElapsedTimer t;
        t.start();
        action();
        const bool ok = spinUntil(done, 600000);
        const double loadMs = double(t.elapsed());
        spin(3000); // the debounced local-cache save (2 s) and deferred frees
        const Percentiles stalls = percentiles(probe.stop());
        QList<double> raw = probe.stop();
        const qint64 over50
            = std::count_if(raw.cbegin(), raw.cend(), [](double v) { return v > 50; });
        const qint64 peak = rssKb("VmHWM");
        worstStall = std::max(worstStall, stalls.max);
        worstPeak = std::max(worstPeak, peak);
        steps.insert(name,
            QJsonObject {{QStringLiteral("ok"), ok}, {QStringLiteral("loadMs"), loadMs},
                {QStringLiteral("maxStallMs"), stalls.max},
                {QStringLiteral("maxBusyMs"), probe.maxBusyMs()},
                {QStringLiteral("p99StallMs"), stalls.p99},
                {QStringLiteral("stallsOver50ms"), over50},
                {QStringLiteral("rows"), store->chatListModel()->rowCount()},
                {QStringLiteral("rssKb"), rssKb("VmRSS")}, {QStringLiteral("peakRssKb"), peak}});
    };

    // 1. First sign-in: nothing cached, the whole list from the server.
    step(
        QStringLiteral("cold"), [&] { store->setOrganization(kOrg); }, listComplete);
    // 2. A refresh with nothing changed (the worker-side diff drops everything).
    step(
        QStringLiteral("refresh"),
        [&] {
            resynced = false;
            store->resyncAll(QStringLiteral("bench"));
        },
        [&] { return resynced; });
    // 3. A refresh after 2 % of the chats got a new last message (they move to the top).
    step(
        QStringLiteral("touched"),
        [&] {
            server.process.write(
                QByteArray("touch ") + QByteArray::number(std::max(1, chats / 50)) + '\n');
            spinUntil([&] { return server.process.readAll().contains("TOUCHED"); }, 30000);
            resynced = false;
            store->resyncAll(QStringLiteral("bench"));
        },
        [&] { return resynced; });
    // 4. Next start: the saved list from SQLite first, then the server's.
    step(
        QStringLiteral("warm"),
        [&] {
            store.reset();
            store = std::make_unique<WhaTrack::InboxStore>(&api, nullptr, options);
            store->setOrganization(kOrg);
        },
        listComplete);
    result.insert(QStringLiteral("steps"), steps);
    result.insert(QStringLiteral("maxStallMs"), worstStall);
    result.insert(QStringLiteral("peakRssKb"), worstPeak);
    store.reset();
    return result;
}

QJsonObject runModelOnlyPhase(const PhaseOptions& o)
{
    // The model side alone (no network, no store): ChatRevisions::diff as on the decode
    // worker, then ChatListModel + ChatListProxyModel with the 1 ms heartbeat.
    const QDateTime t0 = QDateTime::currentDateTimeUtc().addDays(-30);
    QList<ChatItem> list;
    list.reserve(o.chats);
    for (int i = 0; i < o.chats; ++i) {
        ChatItem c;
        c.id = chatId(i);
        c.name = QStringLiteral("Cliente %1").arg(i);
        c.phone = QStringLiteral("55119%1").arg(10000000 + i);
        c.lastMessageAt = t0.addSecs(qint64(o.chats - i) * 60);
        Message m;
        m.id = QStringLiteral("seed-") + c.id;
        m.body = QStringLiteral("Olá, tudo bem?");
        m.type = QStringLiteral("text");
        m.timestamp = c.lastMessageAt;
        c.lastMessage = m;
        list << c;
    }
    WhaTrack::ChatListModel model;
    WhaTrack::ChatListProxyModel proxy;
    proxy.setSourceModel(&model);
    WhaTrack::ChatRevisions revisions;
    StallProbe probe;
    QJsonObject steps;
    auto step = [&](const QString& name, QList<ChatItem> input) {
        WhaTrack::ChatListDelta d = revisions.diff(std::move(input), true, true);
        probe.start();
        QElapsedTimer t;
        t.start();
        revisions.commit(d);
        model.applyDelta(std::move(d.changed), d.removed);
        const double callMs = double(t.nsecsElapsed()) / 1e6;
        spinUntil([&] { return !model.isApplying(); }, 600000);
        const double totalMs = double(t.elapsed());
        const Percentiles p = percentiles(probe.stop());
        steps.insert(name,
            QJsonObject {{QStringLiteral("callMs"), callMs}, {QStringLiteral("totalMs"), totalMs},
                {QStringLiteral("maxStallMs"), p.max}, {QStringLiteral("p99StallMs"), p.p99},
                {QStringLiteral("maxBusyMs"), probe.maxBusyMs()},
                {QStringLiteral("rows"), proxy.rowCount()}});
    };
    step(QStringLiteral("cold"), list);
    for (int i = 0; i < o.chats; i += 50)
        list[i].lastMessageAt = list[i].lastMessageAt.addDays(60); // 2 % move to the top
    step(QStringLiteral("touched"), list);
    return {{QStringLiteral("phase"), o.phase}, {QStringLiteral("chats"), o.chats},
        {QStringLiteral("steps"), steps}};
}

} // namespace BenchModels
