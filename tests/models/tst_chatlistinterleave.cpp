// The chat list while a big update is applied in slices (the chaos soak crashed here): slices,
// publications for queued / new / shown chats, status ticks, unread counts, removals and
// resets, interleaved in random orders (fixed seeds), with QAbstractItemModelTester on the
// model and on the sorting proxy. After every step the model's id index, its rows and the
// proxy's order must agree, as a list view relies on them.

#include "models/items/chatlistmodel.h"
#include "models/items/chatlistproxymodel.h"
#include "models/items/chatrevisions.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace WhaTrack;

namespace {

const QDateTime kT0(QDate(2026, 5, 18), QTime(10, 0), QTimeZone::utc());
constexpr int kSlice = 20;
constexpr int kIds = 300; //!< ids drawn from 0..kIds-1: lists overlap, so rows move and go

QString chatId(int i)
{
    return QStringLiteral("c%1").arg(i, 4, 10, QLatin1Char('0'));
}

Message message(const QString& id, int minutes, int serial)
{
    Message m;
    m.id = QStringLiteral("%1-m%2").arg(id).arg(serial);
    m.body = QStringLiteral("olá %1").arg(serial);
    m.type = QStringLiteral("text");
    m.direction = MessageDirection::Inbound;
    m.status = MessageStatus::Sent;
    m.timestamp = kT0.addSecs(qint64(minutes) * 60);
    return m;
}

ChatItem chat(int i, int minutes, int serial)
{
    ChatItem c;
    c.id = chatId(i);
    c.name = QStringLiteral("Cliente %1").arg(i);
    c.phone = QStringLiteral("+55 11 9%1").arg(i, 8, 10, QLatin1Char('0'));
    c.lastMessage = message(c.id, minutes, serial);
    c.lastMessageAt = c.lastMessage->timestamp;
    return c;
}

class Interleaver
{
public:
    explicit Interleaver(quint32 seed)
        : m_rng(seed)
    {
        m_model.setMaxRowsPerSlice(kSlice);
        m_proxy.setSourceModel(&m_model);
    }

    //! A list of \a n random chats (duplicates possible: the first copy wins).
    QList<ChatItem> randomList(int n)
    {
        QList<ChatItem> items;
        for (int k = 0; k < n; ++k)
            items << chat(int(m_rng.bounded(kIds)), int(m_rng.bounded(2000)), ++m_serial);
        return items;
    }

    void step()
    {
        const int op = int(m_rng.bounded(100));
        if (op < 8) {
            m_model.mergeItems(randomList(kSlice * 2 + int(m_rng.bounded(kSlice * 4))),
                m_rng.bounded(2) ? ChatListModel::MergeMode::Authoritative
                                 : ChatListModel::MergeMode::Upsert);
        } else if (op < 12) {
            m_model.mergeItems(randomList(1 + int(m_rng.bounded(kSlice))));
        } else if (op < 18) {
            QList<ChatItem> changed = randomList(int(m_rng.bounded(kSlice * 3)));
            StringPool pool;
            prepareChatList(changed, pool);
            QStringList removed;
            const int gone = int(m_rng.bounded(kSlice * 2));
            for (int k = 0; k < gone; ++k)
                removed << chatId(int(m_rng.bounded(kIds)));
            m_model.applyDelta(std::move(changed), removed);
        } else if (op < 20) {
            m_model.resetItems(randomList(int(m_rng.bounded(kSlice * 3))));
        } else if (op < 21) {
            m_model.clear();
        } else if (op < 55) {
            // A publication: for a shown, a queued or an unknown chat; newer or older.
            const QString id = chatId(int(m_rng.bounded(kIds)));
            m_model.applyIncomingMessage(id, message(id, int(m_rng.bounded(2400)), ++m_serial));
        } else if (op < 62) {
            const QString id = chatId(int(m_rng.bounded(kIds)));
            const ChatItem* c = m_model.find(id);
            const QString messageId = c && c->lastMessage ? c->lastMessage->id : id;
            m_model.applyLastMessageStatus(id, messageId, MessageStatus::Read);
        } else if (op < 68) {
            m_model.setUnreadCount(chatId(int(m_rng.bounded(kIds))), int(m_rng.bounded(4)));
        } else if (op < 70) {
            m_proxy.setSearchText(m_rng.bounded(2) ? QStringLiteral("cliente 1") : QString());
        } else {
            // One event-loop turn: a slice runs (or a preparation on the pool ends).
            QCoreApplication::processEvents();
        }
    }

    //! Runs the queue dry (bounded: the pool may still be preparing).
    bool drain()
    {
        return QTest::qWaitFor([this] { return !m_model.isApplying(); }, 10000);
    }

    //! The id index, the rows and the proxy's order agree (what a view relies on).
    void verify() const
    {
        const int rows = m_model.rowCount();
        QSet<QString> ids;
        for (int row = 0; row < rows; ++row) {
            const QString id = m_model.at(row).id;
            QCOMPARE(m_model.rowOf(id), row);
            QVERIFY2(!ids.contains(id), qPrintable(id));
            ids.insert(id);
        }
        for (int i = 0; i < kIds; ++i) {
            if (!ids.contains(chatId(i)))
                QCOMPARE(m_model.rowOf(chatId(i)), -1);
        }
        const int proxyRows = m_proxy.rowCount();
        QVERIFY(proxyRows <= rows);
        if (m_proxy.searchText().isEmpty())
            QCOMPARE(proxyRows, rows);
        for (int r = 0; r < proxyRows; ++r) {
            const QModelIndex source = m_proxy.mapToSource(m_proxy.index(r, 0));
            QVERIFY(source.isValid());
            QVERIFY(source.row() < rows);
            QCOMPARE(m_proxy.index(r, 0).data(ChatListModel::IdRole).toString(),
                m_model.at(source.row()).id);
            if (r > 0) {
                const QModelIndex above = m_proxy.mapToSource(m_proxy.index(r - 1, 0));
                QVERIFY(!chatShowsBefore(m_model.at(source.row()), m_model.at(above.row())));
            }
        }
    }

    ChatListModel m_model;
    ChatListProxyModel m_proxy;
    QAbstractItemModelTester m_modelTester {
        &m_model, QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester m_proxyTester {
        &m_proxy, QAbstractItemModelTester::FailureReportingMode::QtTest};

private:
    QRandomGenerator m_rng;
    int m_serial = 0;
};

} // namespace

class TestChatListInterleave : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void interleaved_data();
    void interleaved();
    void messagesWhileTheListGrows();
};

void TestChatListInterleave::interleaved_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 8; ++seed)
        QTest::addRow("seed %u", seed) << seed;
}

void TestChatListInterleave::interleaved()
{
    QFETCH(quint32, seed);
    Interleaver run(seed);
    for (int i = 0; i < 1500; ++i) {
        run.step();
        run.verify();
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(QStringLiteral("seed %1, step %2").arg(seed).arg(i)));
    }
    QVERIFY(run.drain());
    run.verify();
}

void TestChatListInterleave::messagesWhileTheListGrows()
{
    // The soak's shape: new chats arrive (in slices) while publications keep moving chats to
    // the top, nothing is removed. Every chat reaching the top was once asked for its children
    // (as a view or the model tester does); the proxy must stay sound however many there were.
    ChatListModel model;
    model.setMaxRowsPerSlice(kSlice * 5);
    ChatListProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester modelTester(
        &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(
        &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QRandomGenerator rng(7);
    int serial = 0;
    int minute = 1000;
    int nextToMove = 0;
    constexpr int kBatch = kSlice * 8;
    constexpr int kChats = kBatch * 8;
    for (int grown = 0; grown < kChats; grown += kBatch) {
        QList<ChatItem> more;
        for (int i = grown; i < grown + kBatch; ++i)
            more << chat(i, int(rng.bounded(1000)), ++serial);
        model.mergeItems(std::move(more), ChatListModel::MergeMode::Upsert);
        for (int k = 0; k < kBatch; ++k) {
            if (nextToMove < model.rowCount()) {
                // A chat that was not at the top yet gets a new message: it moves there.
                const QString id = model.at(nextToMove++).id;
                QVERIFY(model.applyIncomingMessage(id, message(id, ++minute, ++serial)));
                QCOMPARE(proxy.index(0, 0).data(ChatListModel::IdRole).toString(), id);
                QVERIFY(!proxy.index(0, 0).parent().isValid());
            }
            if (k % 8 == 0)
                QCoreApplication::processEvents();
            if (QTest::currentTestFailed())
                return;
        }
        QVERIFY(QTest::qWaitFor([&] { return !model.isApplying(); }, 10000));
        QCOMPARE(proxy.rowCount(), model.rowCount());
    }
    QCOMPARE(model.rowCount(), kChats);
}

QTEST_GUILESS_MAIN(TestChatListInterleave)
#include "tst_chatlistinterleave.moc"
