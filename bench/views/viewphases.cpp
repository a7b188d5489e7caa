#include "viewphases.h"

#include "../models/benchclient.h"
#include "../models/benchprocess.h"
#include "../models/benchserver.h"
#include "models/api/apiclient.h"
#include "models/items/chatlistmodel.h"
#include "models/items/messagelistmodel.h"
#include "models/store/inboxstore.h"
#include "models/store/querycache.h"
#include "naiveviews.h"
#include "paintprobe.h"
#include "realtime/client.h"
#include "ui/avatarpainter.h"
#include "ui/chatlistdelegate.h"
#include "ui/messagedelegate.h"
#include "viewsession.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QListView>
#include <QPixmapCache>
#include <QScrollBar>

namespace BenchViews {

using BenchModels::percentiles;
using BenchModels::rssKb;
using BenchModels::spin;
using BenchModels::spinUntil;

namespace {

QJsonObject toJson(const BenchModels::Percentiles& p)
{
    return {{QStringLiteral("p50"), p.p50}, {QStringLiteral("p99"), p.p99},
        {QStringLiteral("max"), p.max}, {QStringLiteral("n"), p.count}};
}

Endpoints endpointsOf(const BenchModels::Server& s)
{
    return {s.httpPort, s.wsUrl, s.token};
}

//! Scrolls \a list so row \a row is at the top: "the list scrolled", not parked at row 0.
void scrollToRow(QListView* list, int row)
{
    list->scrollTo(list->model()->index(row, 0), QAbstractItemView::PositionAtTop);
}

//! One fling: scrollbar steps of half a page from the top to the bottom, each painted at once.
//! A frame is the step plus its synchronous repaint (what a wheel fling costs the GUI thread).
QList<double> fling(QListView* list, int maxFrames)
{
    QScrollBar* bar = list->verticalScrollBar();
    bar->setValue(0);
    QCoreApplication::processEvents();
    const int step = std::max(1, bar->pageStep() / 2);
    QList<double> frames;
    QElapsedTimer t;
    for (int v = 0; v <= bar->maximum() && frames.size() < maxFrames; v += step) {
        t.start();
        bar->setValue(v);
        list->viewport()->repaint();
        frames.append(double(t.nsecsElapsed()) / 1e6);
        QCoreApplication::processEvents(); // deferred work between frames, as the loop would
    }
    return frames;
}

void setCaching(bool on)
{
    WhaTrack::Ui::ChatListDelegate::setCaching(on);
    WhaTrack::Ui::MessageDelegate::setCaching(on);
    WhaTrack::Ui::setAvatarCaching(on);
    QPixmapCache::clear();
}

//! Pages the open chat to its oldest message, as scrolling to the top would.
bool pageAll(WhaTrack::InboxStore* store, int timeoutMs)
{
    auto* messages = store->messageListModel();
    return spinUntil(
        [messages] {
            if (messages->canFetchMore({}))
                messages->fetchMore({});
            return messages->reachedOldest() && !messages->isLoadingOlder();
        },
        timeoutMs);
}

} // namespace

QJsonObject runStormPhase(const ViewOptions& o, const QString& self)
{
    QJsonObject result {{QStringLiteral("phase"), QStringLiteral("storm")},
        {QStringLiteral("mode"), o.mode}, {QStringLiteral("chats"), o.chats},
        {QStringLiteral("rate"), o.rate}, {QStringLiteral("seconds"), o.seconds}};
    BenchModels::Server server;
    if (!server.start(self, o.chats, o.messages))
        return {{QStringLiteral("error"), QStringLiteral("server did not start")}};
    const Endpoints e = endpointsOf(server);
    std::unique_ptr<ViewSession> session;
    std::unique_ptr<WhaTrack::ApiClient> api;
    QThread realtimeThread;
    Centrifuge::Client* client = nullptr;
    std::unique_ptr<NaiveViews> naive;
    if (o.mode == QLatin1String("store")) {
        session = std::make_unique<ViewSession>(e, 50);
        session->start();
        if (!session->waitLive(120000) || !session->openChat(BenchModels::kOpenChat, 60000))
            result.insert(QStringLiteral("error"), QStringLiteral("never live"));
        scrollToRow(session->chatList(), 20);
    } else {
        WhaTrack::ApiConfig config;
        config.baseUrl = e.baseUrl();
        config.organizationId = BenchModels::kOrg;
        api = std::make_unique<WhaTrack::ApiClient>(config);
        realtimeThread.start();
        client = new Centrifuge::Client(e.wsUrl);
        client->setToken(e.token);
        client->moveToThread(&realtimeThread);
        naive = std::make_unique<NaiveViews>(
            api.get(), client, BenchModels::kChannel, BenchModels::kOpenChat);
        QMetaObject::invokeMethod(client, &Centrifuge::Client::connectToServer);
        naive->loadInitial();
        if (!spinUntil([&] { return naive->ready(); }, 120000))
            result.insert(QStringLiteral("error"), QStringLiteral("peer never ready"));
        scrollToRow(naive->chatList(), 20);
    }
    spin(1000);
    Heartbeat heartbeat;
    heartbeat.start(); // the idle floor: the same window, nothing published
    spin(2000);
    const auto idle = percentiles(heartbeat.stop());
    PaintLatency latency;
    latency.install();
    heartbeat.start();
    if (naive)
        naive->setDeadline(BenchModels::monotonicNs() + qint64((o.seconds + 3) * 1e9));
    server.storm(o.rate, o.seconds, o.openShare);
    const qint64 sent = server.waitDone(int(o.seconds * 1000) + 60000);
    spin(1500); // the last rows paint
    const auto frames = percentiles(heartbeat.stop());
    latency.uninstall();
    result.insert(QStringLiteral("published"), sent);
    result.insert(QStringLiteral("frame"), toJson(frames));
    result.insert(QStringLiteral("idleFrame"), toJson(idle));
    result.insert(QStringLiteral("chatRow"), toJson(percentiles(latency.chatRows)));
    result.insert(QStringLiteral("message"), toJson(percentiles(latency.messages)));
    result.insert(QStringLiteral("rowsPainted"), latency.paints);
    result.insert(QStringLiteral("peakRssKb"), rssKb("VmHWM"));
    if (naive) {
        result.insert(QStringLiteral("resets"), naive->resets());
        result.insert(QStringLiteral("dropped"), naive->dropped());
    }
    session.reset();
    if (client) {
        naive.reset();
        QMetaObject::invokeMethod(
            client,
            [client] {
                client->close();
                QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
                delete client;
            },
            Qt::BlockingQueuedConnection);
        realtimeThread.quit();
        realtimeThread.wait();
    }
    return result;
}

QJsonObject runScrollPhase(const ViewOptions& o, const QString& self)
{
    QJsonObject result {{QStringLiteral("phase"), QStringLiteral("scroll")},
        {QStringLiteral("chats"), o.chats}, {QStringLiteral("messages"), o.messages}};
    BenchModels::Server server;
    if (!server.start(self, o.chats, o.messages))
        return {{QStringLiteral("error"), QStringLiteral("server did not start")}};
    ViewSession session(endpointsOf(server), 500);
    session.start();
    if (!session.waitLive(120000) || !session.openChat(BenchModels::kOpenChat, 60000)
        || !pageAll(session.store(), 600000))
        result.insert(QStringLiteral("error"), QStringLiteral("not loaded"));
    result.insert(QStringLiteral("rowsMessages"), session.store()->messageListModel()->rowCount());
    spin(1000);
    const int maxFrames = o.quick ? 1500 : 100000;
    // Off first, so "on" starts from empty caches as well (QPixmapCache cleared).
    for (const bool on : {false, true}) {
        setCaching(on);
        const QString suffix = on ? QStringLiteral("Cached") : QStringLiteral("Uncached");
        const auto chats = percentiles(fling(session.chatList(), maxFrames));
        const auto messages = percentiles(fling(session.messageList(), maxFrames));
        result.insert(QStringLiteral("chatList") + suffix, toJson(chats));
        result.insert(QStringLiteral("messageList") + suffix, toJson(messages));
    }
    result.insert(QStringLiteral("peakRssKb"), rssKb("VmHWM"));
    return result;
}

QJsonObject runMemoryPhase(const ViewOptions& o, const QString& self)
{
    QJsonObject result {{QStringLiteral("phase"), QStringLiteral("memory")},
        {QStringLiteral("chats"), o.chats}, {QStringLiteral("messages"), o.messages}};
    const qint64 rssStart = rssKb("VmRSS");
    BenchModels::Server server;
    if (!server.start(self, o.chats, o.messages))
        return {{QStringLiteral("error"), QStringLiteral("server did not start")}};
    ViewSession session(endpointsOf(server), 500);
    session.start();
    if (!session.waitLive(120000))
        result.insert(QStringLiteral("error"), QStringLiteral("never live"));
    // A small chat open first: "before" is the window with the list and a conversation.
    session.openChat(BenchModels::chatId(1), 60000);
    spin(2000);
    const qint64 before = rssKb("VmRSS");
    QElapsedTimer paging;
    paging.start();
    if (!session.openChat(BenchModels::kOpenChat, 60000) || !pageAll(session.store(), 900000))
        result.insert(QStringLiteral("error"), QStringLiteral("not paged in"));
    result.insert(QStringLiteral("pagingMs"), double(paging.elapsed()));
    result.insert(QStringLiteral("rowsMessages"), session.store()->messageListModel()->rowCount());
    session.messageList()->scrollToTop(); // every row laid out and the oldest painted
    spin(2000);
    const qint64 open = rssKb("VmRSS");
    // Closing the big chat: the agent opens another one.
    session.openChat(BenchModels::chatId(1), 60000);
    spin(3000);
    result.insert(QStringLiteral("rssStartKb"), rssStart);
    result.insert(QStringLiteral("rssBeforeKb"), before);
    result.insert(QStringLiteral("rssOpenKb"), open);
    result.insert(QStringLiteral("rssAfterCloseKb"), rssKb("VmRSS"));
    result.insert(QStringLiteral("peakRssKb"), rssKb("VmHWM"));
    result.insert(QStringLiteral("afterVsBefore"), double(rssKb("VmRSS")) / double(before));
    return result;
}

} // namespace BenchViews
