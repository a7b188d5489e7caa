// Issue 8: a 70,000-chat list froze the UI because the store walked every chat of the delta in
// one call (chat-id resolver, unread counts, watchdog) before the model sliced its part. The
// store's per-chat work now follows the model's slices: a 0 ms heartbeat runs between the first
// and the last unread badge of a big list, and at the end the counts and the chat-id resolution
// are complete. No timing asserts: event-loop turns are counted.

#include "models/api/apiclient.h"
#include "models/items/chatlistmodel.h"
#include "models/store/inboxstore.h"
#include "realtime/client.h"
#include "tests/support/fakecentrifugo.h"
#include "tests/support/fakeinboxbackend.h"

#include <QAbstractItemModelTester>
#include <QTest>
#include <QTimer>

using namespace WhaTrack;
using namespace WhaTrack::Testing;

namespace {
const QString kOrg = QStringLiteral("org1");
const QString kMessages = QStringLiteral("org:org1:messages");
constexpr int kBig = 3000; // 30 model slices of 100 chats (see startLive)
using Tester = QAbstractItemModelTester;

//! A lead-keyed chat whose conversation id only its last (inbound) message tells.
QJsonObject bigChat(int i, qint64 at)
{
    const QString id = QStringLiteral("L%1").arg(i, 6, 10, QLatin1Char('0'));
    const QJsonObject message {{QStringLiteral("id"), QString(id + QStringLiteral("-m"))},
        {QStringLiteral("leadId"), QString(QStringLiteral("lead-") + id)},
        {QStringLiteral("conversationId"), QString(QStringLiteral("conv-") + id)},
        {QStringLiteral("direction"), QStringLiteral("INBOUND")},
        {QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("body"), id},
        {QStringLiteral("status"), QStringLiteral("delivered")},
        {QStringLiteral("timestamp"), FakeInboxBackend::iso(at)},
        {QStringLiteral("createdAt"), FakeInboxBackend::iso(at)}};
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("name"), id},
        {QStringLiteral("phone"), QStringLiteral("+5511900000000")},
        {QStringLiteral("lastMessageAt"), FakeInboxBackend::iso(at)},
        {QStringLiteral("leadId"), QString(QStringLiteral("lead-") + id)},
        {QStringLiteral("unreadCount"), 0}, {QStringLiteral("lastMessage"), message}};
}

QJsonObject created(const QString& chatId, const QString& messageId, qint64 at)
{
    return QJsonObject {{QStringLiteral("type"), QStringLiteral("message_created")},
        {QStringLiteral("conversationId"), QString(QStringLiteral("conv-") + chatId)},
        {QStringLiteral("messageId"), messageId},
        {QStringLiteral("leadId"), QString(QStringLiteral("lead-") + chatId)},
        {QStringLiteral("body"), QStringLiteral("mais uma")},
        {QStringLiteral("timestamp"), FakeInboxBackend::iso(at)},
        {QStringLiteral("direction"), QStringLiteral("INBOUND")}};
}
} // namespace

class TestStoreSlices : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeInboxBackend> m_backend;
    std::unique_ptr<TestSupport::FakeCentrifugo> m_centrifugo;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<Centrifuge::Client> m_client;
    std::unique_ptr<InboxStore> m_store;
    std::unique_ptr<Tester> m_tester;

    ChatListModel* source() const { return m_store->chatListSourceModel(); }

    int unreadOf(const QString& id) const
    {
        const int row = source()->rowOf(id);
        return row < 0
            ? -1
            : source()->data(source()->index(row), ChatListModel::UnreadCountRole).toInt();
    }

    void startLive()
    {
        ApiConfig c;
        c.baseUrl = m_backend->url();
        c.retryBaseDelay = std::chrono::milliseconds(10);
        m_api = std::make_unique<ApiClient>(c);
        m_client = std::make_unique<Centrifuge::Client>(m_centrifugo->url());
        InboxStoreOptions options;
        options.coalesceMs = 50;
        m_store = std::make_unique<InboxStore>(m_api.get(), m_client.get(), options);
        m_tester = std::make_unique<Tester>(source(), Tester::FailureReportingMode::QtTest);
        source()->setMaxRowsPerSlice(100); // many slices from a list a debug build decodes fast
        m_store->setOrganization(kOrg);
        m_client->connectToServer();
        QTRY_COMPARE(m_store->freshness().state, Freshness::State::Live);
    }

    void waitForBigList()
    {
        QTRY_COMPARE_WITH_TIMEOUT(source()->rowCount(), kBig + 1, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!source()->isApplying(), 60000);
    }

private Q_SLOTS:
    void init()
    {
        m_backend = std::make_unique<FakeInboxBackend>(FakeInboxBackend::Empty);
        QVERIFY(m_backend->start());
        m_backend->addChat(QStringLiteral("C1"), QStringLiteral("Ana"), 100);
        m_centrifugo = std::make_unique<TestSupport::FakeCentrifugo>();
    }

    void cleanup()
    {
        m_tester.reset();
        m_store.reset();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        m_client.reset();
        m_api.reset();
        m_centrifugo.reset();
        m_backend.reset();
    }

    void bigRefetchBadgesFollowTheSlices()
    {
        startLive();
        QTRY_COMPARE(source()->rowCount(), 1); // the baseline: nothing unread yet
        for (int i = 0; i < kBig; ++i)
            m_backend->chats.append(bigChat(i, 1000 + i));

        // Every badge of the 20,000 new chats (each has one inbound message) and the event-loop
        // turn it appeared in.
        int turn = 0;
        QTimer heartbeat;
        heartbeat.setInterval(0);
        connect(&heartbeat, &QTimer::timeout, this, [&turn] { ++turn; });
        heartbeat.start();
        QList<int> badgeTurns;
        connect(source(), &QAbstractItemModel::dataChanged, this,
            [&](const QModelIndex&, const QModelIndex&, const QList<int>& roles) {
                if (roles.contains(ChatListModel::UnreadCountRole))
                    badgeTurns << turn;
            });
        m_store->resyncAll(QStringLiteral("test: a big list"));
        waitForBigList();
        heartbeat.stop();

        // Before the fix every count was set in one call, before the rows existed.
        QCOMPARE(badgeTurns.size(), kBig);
        QVERIFY2(badgeTurns.first() < badgeTurns.last(),
            "the store handled every chat of the list in one event-loop turn");
        QCOMPARE(unreadOf(QStringLiteral("C1")), 0);
        for (int i = 0; i < kBig; i += 997)
            QCOMPARE(unreadOf(bigChat(i, 0)[QStringLiteral("id")].toString()), 1);

        // The chat the model applied last is resolved from its conversation id.
        const QString last = source()->at(source()->rowCount() - 1).id;
        m_centrifugo->publish(kMessages, created(last, QStringLiteral("pub-1"), 90000));
        QTRY_COMPARE(unreadOf(last), 2);
        QCOMPARE(source()->rowCount(), kBig + 1);
    }

    void firstBigListIsTheBaselineInEverySlice()
    {
        for (int i = 0; i < kBig; ++i)
            m_backend->chats.append(bigChat(i, 1000 + i));
        startLive();
        waitForBigList();
        // No saved state: the whole first list counts as seen, not just its first slice.
        for (int r = 0; r < source()->rowCount(); ++r)
            QCOMPARE(source()->data(source()->index(r), ChatListModel::UnreadCountRole).toInt(), 0);

        const QString last = source()->at(source()->rowCount() - 1).id;
        m_centrifugo->publish(kMessages, created(last, QStringLiteral("pub-1"), 90000));
        QTRY_COMPARE(unreadOf(last), 1);
    }
};

QTEST_GUILESS_MAIN(TestStoreSlices)
#include "tst_storeslices.moc"
