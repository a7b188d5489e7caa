#include "tests/support/storeharness.h"

#include "models/api/secretstore.h"
#include "models/items/chatlistmodel.h"
#include "models/items/messagelistmodel.h"
#include "models/items/stagesmodel.h"
#include "models/items/ticketmodel.h"
#include "models/store/querycache.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

namespace WhaTrack::Testing {

StoreHarness::~StoreHarness()
{
    stop();
}

bool StoreHarness::start(
    DevstackProcess& stack, QString* error, Centrifuge::ClientOptions clientOptions)
{
    Options options;
    options.client = std::move(clientOptions);
    return start(stack, error, std::move(options));
}

bool StoreHarness::start(DevstackProcess& stack, QString* error, Options harness)
{
    Centrifuge::ClientOptions clientOptions = std::move(harness.client);
    ApiConfig config;
    config.baseUrl = stack.backendUrl();
    m_api = std::make_unique<ApiClient>(config);
    m_session = std::make_unique<Session>(m_api.get(), std::make_shared<MemorySecretStore>());
    const QString org = stack.firstOrganizationId();
    if (!stack.signInDemo(*m_session, org, 30000)) { // tests/support: one stack sign-in
        *error = QStringLiteral("sign-in did not finish");
        return false;
    }

    // The machine's own reachability never steers a test; a test's played monitor does.
    if (!clientOptions.networkMonitor)
        clientOptions.watchNetworkReachability = false;
    m_client = std::make_unique<Centrifuge::Client>(
        harness.wsUrl.isEmpty() ? stack.centrifugoWsUrl() : harness.wsUrl, clientOptions);
    m_tokens = std::make_shared<BackendTokenProvider>(m_api.get());
    m_client->setTokenProvider(m_tokens);
    m_realtimeThread.setObjectName(QStringLiteral("realtime"));
    m_realtimeThread.start();
    m_client->moveToThread(&m_realtimeThread);

    InboxStoreOptions options = std::move(harness.store);
    options.channels.messages = stack.messagesChannelTemplate();
    options.channels.tickets = stack.ticketsChannelTemplate();
    m_store = std::make_unique<InboxStore>(m_api.get(), m_client.get(), options);
    const QList<QAbstractItemModel*> models {m_store->chatListModel(),
        m_store->chatListSourceModel(), m_store->messageListModel(), m_store->ticketModel(),
        m_store->stagesModel()};
    for (QAbstractItemModel* m : harness.modelTesters ? models : QList<QAbstractItemModel*>()) {
        m_testers << std::make_shared<QAbstractItemModelTester>(
            m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    if (harness.beforeConnect)
        harness.beforeConnect(m_store.get());
    m_store->setOrganization(org);
    QMetaObject::invokeMethod(m_client.get(), &Centrifuge::Client::connectToServer);
    if (!harness.waitLive)
        return true;
    if (!QTest::qWaitFor(
            [this] { return m_store->freshness().state == Freshness::State::Live; }, 60000)) {
        *error = QStringLiteral("the store never became Live");
        return false;
    }
    return true;
}

void StoreHarness::stop()
{
    m_testers.clear();
    m_store.reset();
    if (m_client) {
        QMetaObject::invokeMethod(
            m_client.get(),
            [c = m_client.get()] {
                c->close();
                QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
                c->moveToThread(QCoreApplication::instance()->thread());
            },
            Qt::BlockingQueuedConnection);
    }
    m_realtimeThread.quit();
    m_realtimeThread.wait();
    m_client.reset();
    m_tokens.reset();
    m_session.reset();
    m_api.reset();
}

QStringList StoreHarness::phones(int max) const
{
    QStringList out;
    auto* src = m_store->chatListSourceModel();
    for (int r = 0; r < src->rowCount() && out.size() < max; ++r) {
        const ChatItem& c = src->at(r);
        if (!c.phone.isEmpty() && c.id == c.conversationId && !out.contains(c.phone))
            out << c.phone;
    }
    return out;
}

QString StoreHarness::differenceFromBackend()
{
    std::optional<ApiResult<QList<ChatItem>>> chats;
    m_api->fetchChats({}, nullptr, [&](ApiResult<QList<ChatItem>> r) { chats = std::move(r); });
    if (!QTest::qWaitFor([&] { return chats.has_value(); }, 15000))
        return QStringLiteral("the backend did not list the chats within 15 s");
    if (!chats->ok())
        return QStringLiteral("the backend did not list the chats: ") + chats->error.describe();
    const QList<ChatItem>& server = chats->value;
    auto* proxy = m_store->chatListModel();
    if (proxy->rowCount() != server.size())
        return QStringLiteral("%1 chats shown, the backend has %2")
            .arg(proxy->rowCount())
            .arg(server.size());
    for (int r = 0; r < server.size(); ++r) {
        const ChatItem* mine = m_store->chatListSourceModel()->find(server.at(r).id);
        if (!mine)
            return QStringLiteral("chat %1 missing").arg(server.at(r).id);
        const QString mineLast = mine->lastMessage ? mine->lastMessage->id : QString();
        const QString serverLast
            = server.at(r).lastMessage ? server.at(r).lastMessage->id : QString();
        if (mineLast != serverLast || mine->lastMessageAt != server.at(r).lastMessageAt)
            return QStringLiteral("chat %1: last message %2, the backend says %3")
                .arg(server.at(r).id, mineLast, serverLast);
    }
    const QString open = m_store->openChatId();
    if (open.isEmpty())
        return {};
    std::optional<ApiResult<MessagePage>> page;
    m_api->fetchMessages(
        open, 1, 50, nullptr, [&](ApiResult<MessagePage> r) { page = std::move(r); });
    if (!QTest::qWaitFor([&] { return page.has_value(); }, 15000) || !page->ok())
        return QStringLiteral("the backend did not list the open chat's messages");
    QStringList mineIds;
    for (const Message& m : m_store->messageListModel()->items()) {
        if (!m.optimistic)
            mineIds << m.id;
    }
    QStringList serverIds;
    for (const Message& m : page->value.items)
        serverIds << m.id;
    // The model may hold more than the newest page (live inserts, older pages). Deliveries of
    // one second share a timestamp, so the order of ties is not compared: every message of the
    // backend's newest page must be shown, and none twice.
    const QSet<QString> mineSet(mineIds.cbegin(), mineIds.cend());
    if (mineSet.size() != mineIds.size())
        return QStringLiteral("open chat: a message is shown twice");
    int missing = 0;
    for (const QString& id : std::as_const(serverIds))
        missing += mineSet.contains(id) ? 0 : 1;
    if (missing > 0)
        return QStringLiteral("open chat: %1 of the backend's newest %2 messages not shown "
                              "(%3 shown)")
            .arg(missing)
            .arg(serverIds.size())
            .arg(mineIds.size());
    return {};
}

QString StoreHarness::settledDifferenceFromBackend(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QString difference = differenceFromBackend();
    while (!difference.isEmpty() && !deadline.hasExpired()) {
        qInfo("not equal yet: %s", qPrintable(difference));
        int changes = 0;
        QList<QMetaObject::Connection> links;
        const auto count = [&changes] { ++changes; };
        for (QAbstractItemModel* model :
            {static_cast<QAbstractItemModel*>(m_store->chatListSourceModel()),
                static_cast<QAbstractItemModel*>(m_store->messageListModel())}) {
            links << QObject::connect(model, &QAbstractItemModel::dataChanged, count)
                  << QObject::connect(model, &QAbstractItemModel::rowsInserted, count)
                  << QObject::connect(model, &QAbstractItemModel::rowsRemoved, count)
                  << QObject::connect(model, &QAbstractItemModel::rowsMoved, count)
                  << QObject::connect(model, &QAbstractItemModel::modelReset, count)
                  << QObject::connect(model, &QAbstractItemModel::layoutChanged, count);
        }
        const bool settled = QTest::qWaitFor(
            [&] { return changes > 0 && m_store->queryCache()->inFlightCount() == 0; },
            int(deadline.remainingTime()));
        for (const auto& link : std::as_const(links))
            QObject::disconnect(link);
        difference = differenceFromBackend();
        if (!settled)
            break; // nothing more arrived in time: this difference is the answer
    }
    return difference;
}

} // namespace WhaTrack::Testing
