// The chat list's sorting proxy at the size agents have (issue 15): a publication that moves
// one chat moves one row. A re-sort of the whole list (layoutChanged) makes every view lay out
// and every persistent index (selection, current chat, delegate caches) be remapped, once per
// publication, which at 1000 publications/s over 20,000 chats is what stalled the GUI thread.
// Every step under QAbstractItemModelTester; the order is checked against chatShowsBefore.

#include "models/items/chatlistmodel.h"
#include "models/items/chatlistproxymodel.h"
#include "models/items/chatrevisions.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace WhaTrack;

namespace {

const QDateTime kT0(QDate(2026, 5, 18), QTime(10, 0), QTimeZone::utc());
constexpr int kChats = 2000;

QString chatId(int i)
{
    return QStringLiteral("c%1").arg(i, 5, 10, QLatin1Char('0'));
}

Message message(const QString& chat, int minutes, int serial)
{
    Message m;
    m.id = QStringLiteral("%1-m%2").arg(chat).arg(serial);
    m.body = QStringLiteral("olá %1").arg(serial);
    m.type = QStringLiteral("text");
    m.direction = MessageDirection::Inbound;
    m.status = MessageStatus::Sent;
    m.timestamp = kT0.addSecs(qint64(minutes) * 60);
    return m;
}

ChatItem chat(int i, int minutes)
{
    ChatItem c;
    c.id = chatId(i);
    c.name = QStringLiteral("Cliente %1").arg(i);
    c.phone = QStringLiteral("+55 11 9%1").arg(i, 8, 10, QLatin1Char('0'));
    c.lastMessage = message(c.id, minutes, 0);
    c.lastMessageAt = c.lastMessage->timestamp;
    return c;
}

QString idAt(const QAbstractItemModel& m, int row)
{
    return m.index(row, 0).data(ChatListModel::IdRole).toString();
}

} // namespace

class TestChatListProxy : public QObject
{
    Q_OBJECT

private:
    ChatListModel* m_model = nullptr;
    ChatListProxyModel* m_proxy = nullptr;
    QAbstractItemModelTester* m_modelTester = nullptr;
    QAbstractItemModelTester* m_proxyTester = nullptr;
    int m_minute = 100000;
    int m_serial = 0;

    //! The proxy's rows must be the shown chats in chatShowsBefore order.
    void checkOrder()
    {
        for (int r = 1; r < m_proxy->rowCount(); ++r) {
            const ChatItem& above
                = m_model->at(m_proxy->mapToSource(m_proxy->index(r - 1, 0)).row());
            const ChatItem& below = m_model->at(m_proxy->mapToSource(m_proxy->index(r, 0)).row());
            if (!chatShowsBefore(above, below))
                QFAIL(qPrintable(QStringLiteral("row %1 (%2) shows after row %3 (%4)")
                                     .arg(r - 1)
                                     .arg(above.id)
                                     .arg(r)
                                     .arg(below.id)));
        }
    }

    //! A new inbound message for the chat shown at proxy row \a row: it becomes the newest.
    QString publishTo(int row)
    {
        const QString id = idAt(*m_proxy, row);
        m_model->applyIncomingMessage(id, message(id, ++m_minute, ++m_serial));
        return id;
    }

private Q_SLOTS:
    void init()
    {
        m_model = new ChatListModel;
        m_proxy = new ChatListProxyModel;
        m_proxy->setSourceModel(m_model);
        m_modelTester = new QAbstractItemModelTester(
            m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_proxyTester = new QAbstractItemModelTester(
            m_proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<ChatItem> list;
        for (int i = 0; i < kChats; ++i)
            list << chat(i, i * 3); // source order: oldest first, the proxy shows newest first
        m_model->resetItems(std::move(list));
        QVERIFY(QTest::qWaitFor([this] { return !m_model->isApplying(); }, 30000));
        QCOMPARE(m_proxy->rowCount(), kChats);
        QCOMPARE(idAt(*m_proxy, 0), chatId(kChats - 1));
    }

    void cleanup()
    {
        delete m_proxyTester;
        delete m_modelTester;
        delete m_proxy;
        delete m_model;
    }

    void publicationMovesOneRow()
    {
        QSignalSpy layouts(m_proxy, &QAbstractItemModel::layoutChanged);
        QSignalSpy moves(m_proxy, &QAbstractItemModel::rowsMoved);
        QSignalSpy changes(m_proxy, &QAbstractItemModel::dataChanged);
        const QPersistentModelIndex top(m_proxy->index(0, 0));
        const QPersistentModelIndex untouched(m_proxy->index(1500, 0));
        const QString untouchedId = idAt(*m_proxy, 1500);

        const QString id = publishTo(700);

        QCOMPARE(idAt(*m_proxy, 0), id);
        QCOMPARE(layouts.count(), 0); // no re-sort of all 2,000 rows
        QCOMPARE(moves.count(), 1);
        QCOMPARE(moves.at(0).at(1).toInt(), 700);
        QCOMPARE(moves.at(0).at(2).toInt(), 700);
        QCOMPARE(moves.at(0).at(4).toInt(), 0);
        QCOMPARE(changes.count(), 1); // the preview, at the chat's new row
        QCOMPARE(changes.at(0).at(0).toModelIndex().row(), 0);
        // Rows above the old place shift down one; rows below it stay put.
        QCOMPARE(top.row(), 1);
        QCOMPARE(untouched.row(), 1500);
        QCOMPARE(untouched.data(ChatListModel::IdRole).toString(), untouchedId);
        checkOrder();
    }

    void publicationToTheTopChatMovesNothing()
    {
        QSignalSpy layouts(m_proxy, &QAbstractItemModel::layoutChanged);
        QSignalSpy moves(m_proxy, &QAbstractItemModel::rowsMoved);
        const QString id = publishTo(0);
        QCOMPARE(idAt(*m_proxy, 0), id);
        QCOMPARE(layouts.count(), 0);
        QCOMPARE(moves.count(), 0);
    }

    void olderActivityMovesTheRowDown()
    {
        // A refetch corrects a chat's last activity backwards: it moves down to its place.
        QSignalSpy layouts(m_proxy, &QAbstractItemModel::layoutChanged);
        QSignalSpy moves(m_proxy, &QAbstractItemModel::rowsMoved);
        const QString id = idAt(*m_proxy, 3);
        const int index = id.mid(1).toInt();
        ChatItem older = chat(index, 30); // between chats 9 and 10
        older.lastMessage->id = QStringLiteral("corrected");
        m_model->mergeItems({older}, ChatListModel::MergeMode::Upsert);
        QVERIFY(QTest::qWaitFor([this] { return !m_model->isApplying(); }, 30000));
        QCOMPARE(layouts.count(), 0);
        QCOMPARE(moves.count(), 1);
        QCOMPARE(idAt(*m_proxy, kChats - 11), id);
        checkOrder();
    }

    void manyPublicationsKeepTheOrder()
    {
        QSignalSpy layouts(m_proxy, &QAbstractItemModel::layoutChanged);
        QRandomGenerator rng(15);
        for (int i = 0; i < 500; ++i)
            publishTo(int(rng.bounded(kChats)));
        QCOMPARE(layouts.count(), 0);
        QCOMPARE(m_proxy->rowCount(), kChats);
        checkOrder();
    }

    void heldSortMovesNothingUntilReleased()
    {
        // The pointer is over the list (ChatListPane holds the order): rows stay, then one
        // re-sort when it leaves.
        m_proxy->setDynamicSortFilter(false);
        QSignalSpy layouts(m_proxy, &QAbstractItemModel::layoutChanged);
        QSignalSpy moves(m_proxy, &QAbstractItemModel::rowsMoved);
        const QString a = publishTo(10);
        const QString b = publishTo(20);
        QCOMPARE(moves.count(), 0);
        QCOMPARE(idAt(*m_proxy, 10), a);
        QCOMPARE(idAt(*m_proxy, 20), b);
        const QPersistentModelIndex held(m_proxy->index(20, 0));
        m_proxy->setDynamicSortFilter(true);
        QCOMPARE(layouts.count(), 1);
        QCOMPARE(idAt(*m_proxy, 0), b);
        QCOMPARE(idAt(*m_proxy, 1), a);
        QCOMPARE(held.row(), 0); // the persistent index followed its chat
        checkOrder();
    }

    void searchFiltersAndPublicationsStayInside()
    {
        m_proxy->setSearchText(QStringLiteral("cliente 12"));
        // 12, 120-129, 1200-1299
        QCOMPARE(m_proxy->rowCount(), 1 + 10 + 100);
        checkOrder();
        QSignalSpy inserts(m_proxy, &QAbstractItemModel::rowsInserted);
        const QString outside = chatId(5);
        m_model->applyIncomingMessage(outside, message(outside, ++m_minute, ++m_serial));
        QCOMPARE(inserts.count(), 0);
        QCOMPARE(m_proxy->rowCount(), 111);
        const QString inside = publishTo(50);
        QCOMPARE(idAt(*m_proxy, 0), inside);
        m_proxy->setSearchText(QString());
        QCOMPARE(m_proxy->rowCount(), kChats);
        QCOMPARE(idAt(*m_proxy, 0), inside);
        QCOMPARE(idAt(*m_proxy, 1), outside);
        checkOrder();
    }

    void newAndRemovedChatsLandInPlace()
    {
        // A refresh with new chats (one newest, one in the middle) and one gone.
        QList<ChatItem> list;
        for (int i = 0; i < kChats; ++i) {
            if (i != 4)
                list << chat(i, i * 3);
        }
        list << chat(kChats, kChats * 3 + 1) << chat(kChats + 1, 301);
        m_model->mergeItems(std::move(list), ChatListModel::MergeMode::Authoritative);
        QVERIFY(QTest::qWaitFor([this] { return !m_model->isApplying(); }, 30000));
        QCOMPARE(m_proxy->rowCount(), kChats + 1);
        QCOMPARE(idAt(*m_proxy, 0), chatId(kChats));
        checkOrder();
    }
};

QTEST_GUILESS_MAIN(TestChatListProxy)
#include "tst_chatlistproxy.moc"
