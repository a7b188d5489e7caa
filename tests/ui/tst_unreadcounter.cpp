// The unread total on the tray, the title and the badge (issue 14): a publication storm
// changes one chat's count at a time, up to 1,000 times a second. Each change costs the rows
// that changed, not a read of every chat's count (20,000 chats: 20 million reads a second on
// the GUI thread). The total is always the sum of the counts shown in the list.

#include "models/items/chatlistmodel.h"
#include "ui/trayicon.h"

#include <QAbstractItemModelTester>
#include <QIdentityProxyModel>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>

using namespace WhaTrack;
using namespace WhaTrack::Ui;

namespace {

constexpr int kUnread = ChatListModel::UnreadCountRole;

//! Counts the unread counts read through it.
class CountReads : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex& index, int role) const override
    {
        if (role == kUnread)
            ++reads;
        return QIdentityProxyModel::data(index, role);
    }
    mutable int reads = 0;
};

QStandardItem* chat(int unread)
{
    auto* item = new QStandardItem(QStringLiteral("chat"));
    item->setData(unread, kUnread);
    return item;
}

int sum(const QAbstractItemModel& model)
{
    int total = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        total += qMax(0, model.index(row, 0).data(kUnread).toInt());
    return total;
}

} // namespace

class TstUnreadCounter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneChatsCountCostsOneRead()
    {
        QStandardItemModel chats;
        for (int i = 0; i < 2000; ++i)
            chats.appendRow(chat(i % 3));
        CountReads proxy;
        proxy.setSourceModel(&chats);
        QAbstractItemModelTester tester(&proxy);
        UnreadCounter counter(&proxy);
        QSignalSpy changed(&counter, &UnreadCounter::totalChanged);
        QCOMPARE(counter.total(), sum(chats));

        // A storm: a message into one chat after another.
        for (int i = 0; i < 100; ++i) {
            proxy.reads = 0;
            QStandardItem* item = chats.item((i * 37) % 2000);
            item->setData(item->data(kUnread).toInt() + 1, kUnread);
            QCOMPARE_LE(proxy.reads, 1); // was 2,000: every chat read again
            QCOMPARE(counter.total(), sum(chats));
        }
        QCOMPARE(changed.size(), 100);
        QCOMPARE(changed.last().first().toInt(), sum(chats));

        // Another role changing (the preview, the time) reads nothing.
        proxy.reads = 0;
        chats.item(5)->setData(QStringLiteral("new preview"), Qt::DisplayRole);
        QCOMPARE(proxy.reads, 0);
    }

    void totalFollowsNewAndRemovedChats()
    {
        QStandardItemModel chats;
        for (int i = 0; i < 10; ++i)
            chats.appendRow(chat(1));
        UnreadCounter counter(&chats);
        QSignalSpy changed(&counter, &UnreadCounter::totalChanged);
        QCOMPARE(counter.total(), 10);

        chats.insertRow(3, chat(5));
        QCOMPARE(counter.total(), 15);
        chats.item(3)->setData(2, kUnread); // the row that moved down by one
        chats.item(4)->setData(0, kUnread);
        QCOMPARE(counter.total(), sum(chats));
        chats.removeRows(2, 3);
        QCOMPARE(counter.total(), sum(chats));
        QCOMPARE(changed.last().first().toInt(), sum(chats));
        chats.item(0)->setData(-4, kUnread); // hostile: a negative count counts as none
        QCOMPARE(counter.total(), sum(chats));
        chats.sort(0);
        chats.item(1)->setData(9, kUnread);
        QCOMPARE(counter.total(), sum(chats));
        chats.clear();
        QCOMPARE(counter.total(), 0);
        QCOMPARE(changed.last().first().toInt(), 0);
    }
};

QTEST_MAIN(TstUnreadCounter)
#include "tst_unreadcounter.moc"
