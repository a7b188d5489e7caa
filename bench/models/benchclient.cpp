#include "benchclient.h"

#include "benchprocess.h"
#include "benchserver.h"
#include "models/api/apiclient.h"
#include "models/items/chatlistmodel.h"
#include "models/items/messagelistmodel.h"
#include "models/store/inboxstore.h"
#include "models/store/querycache.h"
#include "naiveinbox.h"
#include "realtime/client.h"

#include <QCoreApplication>

#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSet>
#include <QThread>
#include <QTimer>

namespace BenchModels {

Percentiles percentiles(QList<double> v)
{
    Percentiles p;
    p.count = static_cast<int>(v.size());
    if (v.isEmpty())
        return p;
    std::sort(v.begin(), v.end());
    auto at = [&v](double q) {
        return v.at(std::min<qsizetype>(v.size() - 1, qsizetype(q * double(v.size()))));
    };
    p.p50 = at(0.50);
    p.p99 = at(0.99);
    p.max = v.last();
    return p;
}

qint64 heapInUseKb()
{
#if defined(__GLIBC__)
    return qint64(mallinfo2().uordblks / 1024);
#else
    return -1;
#endif
}

qint64 rssKb(const char* field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field) + 1).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

namespace {

QJsonObject toJson(const Percentiles& p)
{
    return {{QStringLiteral("p50"), p.p50}, {QStringLiteral("p99"), p.p99},
        {QStringLiteral("max"), p.max}, {QStringLiteral("n"), p.count}};
}

qint64 sentAt(const QString& body)
{
    return body.startsWith(QLatin1String("t=")) ? body.mid(2).toLongLong() : 0;
}

double sinceMs(qint64 t)
{
    return double(monotonicNs() - t) / 1e6;
}

} // namespace

QJsonObject runPhase(const PhaseOptions& o, const QString& self)
{
    QJsonObject result {{QStringLiteral("phase"), o.phase}, {QStringLiteral("mode"), o.mode},
        {QStringLiteral("chats"), o.chats}, {QStringLiteral("messages"), o.messages},
        {QStringLiteral("rate"), o.rate}, {QStringLiteral("seconds"), o.seconds}};
    const qint64 rssStart = rssKb("VmRSS");
    Server server;
    if (!server.start(self, o.chats, o.messages)) {
        result.insert(QStringLiteral("error"), QStringLiteral("server did not start"));
        return result;
    }
    WhaTrack::ApiConfig config;
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.httpPort));
    config.organizationId = kOrg;
    WhaTrack::ApiClient api(config);

    // The realtime client on its own thread, as in the app.
    QThread realtimeThread;
    realtimeThread.start();
    auto* client = new Centrifuge::Client(server.wsUrl);
    client->setToken(server.token);
    client->moveToThread(&realtimeThread);

    QList<double> visible, chatRow, confirmed;
    QSet<qint64> seenChatRow;
    std::unique_ptr<WhaTrack::InboxStore> store;
    std::unique_ptr<NaiveInbox> naive;
    QElapsedTimer setup;
    setup.start();

    if (o.mode == QLatin1String("store")) {
        WhaTrack::InboxStoreOptions options;
        options.channels.messages = QStringLiteral("org:{org}:messages");
        options.channels.tickets.clear();
        options.messagesPageSize = o.phase == QLatin1String("rss") ? 100 : 50;
        store = std::make_unique<WhaTrack::InboxStore>(&api, client, options);
        auto* messages = store->messageListModel();
        auto* chats = store->chatListSourceModel();
        QObject::connect(messages, &QAbstractItemModel::rowsInserted, messages,
            [&, messages](const QModelIndex&, int first, int last) {
                for (int r = first; r <= last; ++r) {
                    if (const qint64 t = sentAt(messages->at(r).body))
                        visible.append(sinceMs(t));
                }
            });
        QObject::connect(messages, &QAbstractItemModel::dataChanged, messages,
            [&, messages](const QModelIndex& a, const QModelIndex& b, const QList<int>& roles) {
                if (!roles.contains(WhaTrack::MessageListModel::PendingRole))
                    return;
                for (int r = a.row(); r <= b.row(); ++r) {
                    const auto& m = messages->at(r);
                    if (!m.optimistic && sentAt(m.body))
                        confirmed.append(sinceMs(sentAt(m.body)));
                }
            });
        QObject::connect(chats, &QAbstractItemModel::dataChanged, chats,
            [&, chats](const QModelIndex& a, const QModelIndex& b, const QList<int>& roles) {
                if (!roles.contains(WhaTrack::ChatListModel::LastMessagePreviewRole))
                    return;
                for (int r = a.row(); r <= b.row(); ++r) {
                    const auto& c = chats->at(r);
                    const qint64 t = c.lastMessage ? sentAt(c.lastMessage->body) : 0;
                    if (t && !seenChatRow.contains(t)) {
                        seenChatRow.insert(t);
                        chatRow.append(sinceMs(t));
                    }
                }
            });
        store->setOrganization(kOrg);
        QMetaObject::invokeMethod(client, &Centrifuge::Client::connectToServer);
        if (!spinUntil([&] { return store->freshness().state == WhaTrack::Freshness::State::Live; },
                120000))
            result.insert(QStringLiteral("error"), QStringLiteral("never live"));
        store->openChat(kOpenChat);
        spinUntil(
            [&] { return messages->rowCount() > 0 && store->queryCache()->inFlightCount() == 0; },
            60000);
    } else {
        naive = std::make_unique<NaiveInbox>(&api, client, kChannel, kOpenChat);
        naive->onVisible = [&](double ms) { visible.append(ms); };
        naive->onChatRow = [&](double ms) { chatRow.append(ms); };
        QMetaObject::invokeMethod(client, &Centrifuge::Client::connectToServer);
        naive->loadInitial();
        spinUntil([&] { return naive->ready(); }, 120000);
    }
    result.insert(QStringLiteral("setupMs"), double(setup.elapsed()));
    result.insert(QStringLiteral("rssAfterLoadKb"), rssKb("VmRSS"));
    result.insert(QStringLiteral("heapAfterLoadKb"), heapInUseKb());

    if (o.phase == QLatin1String("rss")) {
        auto* messages = store->messageListModel();
        QElapsedTimer paging;
        paging.start();
        // Like a view scrolled to the top: fetchMore whenever it may, until the oldest page.
        spinUntil(
            [messages] {
                if (messages->canFetchMore({}))
                    messages->fetchMore({});
                return messages->reachedOldest() && !messages->isLoadingOlder();
            },
            600000);
        result.insert(QStringLiteral("pagingMs"), double(paging.elapsed()));
        result.insert(QStringLiteral("rowsChats"), store->chatListSourceModel()->rowCount());
        result.insert(QStringLiteral("rowsMessages"), messages->rowCount());
        spin(3000); // let deferred work settle
        result.insert(QStringLiteral("rssStartKb"), rssStart);
        result.insert(QStringLiteral("rssKb"), rssKb("VmRSS"));
        result.insert(QStringLiteral("peakRssKb"), rssKb("VmHWM"));
        result.insert(QStringLiteral("heapKb"), heapInUseKb());
    } else {
        StallProbe probe;
        // The idle floor first: the same loop with nothing published (the stall peer).
        probe.start();
        spin(2000);
        const Percentiles idle = percentiles(probe.stop());
        visible.clear();
        chatRow.clear();
        confirmed.clear();
        const auto refetchBefore
            = store ? store->refetchCounts() : QHash<WhaTrack::QueryKey::Kind, int> {};
        const int naiveBefore = naive ? naive->refetches() : 0;
        probe.start();
        QElapsedTimer storm;
        storm.start();
        server.storm(o.rate, o.seconds, o.openShare);
        const qint64 sent = server.waitDone(int(o.seconds * 1000) + 60000);
        spin(1500); // the last refetches land
        const double elapsed = double(storm.elapsed()) / 1000.0;
        const Percentiles stalls = percentiles(probe.stop());
        // The GUI thread's longest CPU slice between two ticks: a stall much longer than this
        // was waiting (for a core or a lock), not working.
        result.insert(QStringLiteral("busyMaxMs"), probe.maxBusyMs());
        result.insert(QStringLiteral("published"), sent);
        result.insert(QStringLiteral("publishFailures"), server.publishFailures);
        result.insert(QStringLiteral("publishCall"),
            QJsonObject {{QStringLiteral("p50"), server.publishP50Ms},
                {QStringLiteral("p99"), server.publishP99Ms},
                {QStringLiteral("max"), server.publishMaxMs},
                {QStringLiteral("n"), server.batches}});
        result.insert(QStringLiteral("publisherLag"),
            QJsonObject {{QStringLiteral("p50"), server.lagP50Ms},
                {QStringLiteral("p99"), server.lagP99Ms}, {QStringLiteral("max"), server.lagMaxMs},
                {QStringLiteral("n"), sent}});
        result.insert(QStringLiteral("visible"), toJson(percentiles(visible)));
        result.insert(QStringLiteral("chatRow"), toJson(percentiles(chatRow)));
        result.insert(QStringLiteral("confirmed"), toJson(percentiles(confirmed)));
        result.insert(QStringLiteral("stall"), toJson(stalls));
        result.insert(QStringLiteral("idleStall"), toJson(idle));
        QJsonObject perSecond;
        if (store) {
            const auto after = store->refetchCounts();
            for (auto it = after.cbegin(); it != after.cend(); ++it)
                perSecond.insert(WhaTrack::QueryKey::kindName(it.key()),
                    double(it.value() - refetchBefore.value(it.key())) / elapsed);
        } else {
            perSecond.insert(QStringLiteral("naive (list+page per publication)"),
                double(naive->refetches() - naiveBefore) / elapsed);
        }
        result.insert(QStringLiteral("refetchesPerSecond"), perSecond);
        result.insert(QStringLiteral("peakRssKb"), rssKb("VmHWM"));
    }

    store.reset();
    naive.reset();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QMetaObject::invokeMethod(
        client,
        [client] {
            client->close();
            QCoreApplication::sendPostedEvents(
                nullptr, QEvent::DeferredDelete); // removed subscriptions
            delete client;
        },
        Qt::BlockingQueuedConnection);
    realtimeThread.quit();
    realtimeThread.wait();
    return result;
}

} // namespace BenchModels
