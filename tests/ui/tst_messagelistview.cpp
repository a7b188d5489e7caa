// The message list grows with the rows that arrive, not with the rows it holds (issue 14). A
// non-uniform QListView asked the delegate for every row's size after each insertion: under a
// storm into the open chat that was once per event-loop pass over thousands of bubbles, and
// paging a 100,000-message chat in walked every loaded row per page (37 s against 5.2 s without
// a view). MessageListView asks only for the new or changed rows and the row under them, and
// lays them out exactly where a fresh layout puts them.

#include "models/items/messagelistmodel.h"
#include "ui/messagedelegate.h"
#include "ui/messagelistview.h"

#include <QAbstractItemModelTester>
#include <QIdentityProxyModel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTest>

using namespace WhaTrack;
using namespace WhaTrack::Ui;

namespace {

const QDateTime kStart = QDateTime(QDate(2026, 11, 2), QTime(8, 0));

//! Message \a n: one every 7 minutes (several days in 2,000), both directions, 1-9 lines.
Message msg(int n)
{
    Message m;
    m.id = QStringLiteral("m%1").arg(n, 6, 10, QLatin1Char('0'));
    m.conversationId = QStringLiteral("C1");
    m.direction = n % 3 == 0 ? MessageDirection::Outbound : MessageDirection::Inbound;
    m.type = QStringLiteral("text");
    m.body = QStringLiteral("Mensagem %1 ").arg(n).repeated(1 + n % 9);
    m.status = MessageStatus::Delivered;
    m.timestamp = kStart.addSecs(qint64(n) * 7 * 60);
    m.createdAt = m.timestamp;
    return m;
}

MessagePage page(int from, int count)
{
    MessagePage p;
    for (int n = from; n < from + count; ++n)
        p.items.append(msg(n));
    p.total = 100000;
    return p;
}

//! Counts the sizes the view asks for: each is a row walked by a layout.
class CountingDelegate : public MessageDelegate
{
public:
    using MessageDelegate::MessageDelegate;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        ++asked;
        return MessageDelegate::sizeHint(option, index);
    }
    mutable int asked = 0;
};

QString g_lastPainted;
void rememberPainted(const QModelIndex& index)
{
    g_lastPainted = index.data(MessageListModel::IdRole).toString();
}

//! Each row's rectangle in content coordinates, as laid out.
QList<QRect> rects(QAbstractItemView& view)
{
    QList<QRect> out;
    const int offset = view.verticalScrollBar()->value();
    for (int row = 0; row < view.model()->rowCount(); ++row)
        out.append(view.visualRect(view.model()->index(row, 0)).translated(0, offset));
    return out;
}

//! The rectangles Qt's own QListView gives the same rows with a delegate that measured nothing.
QList<QRect> freshRects(QAbstractItemModel* model, const QSize& size)
{
    QListView view;
    MessageDelegate delegate;
    delegate.setToday(kStart.date().addDays(30));
    view.setItemDelegate(&delegate);
    view.setModel(model);
    view.setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    view.resize(size);
    view.doItemsLayout();
    QList<QRect> out;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QRect r = view.visualRect(model->index(row, 0));
        out.append(QRect(0, r.top() + view.verticalScrollBar()->value(), r.width(), r.height()));
    }
    return out;
}

struct Chat
{
    MessageListModel model;
    QIdentityProxyModel proxy; // as the conversation view's OlderPagesProxyModel
    QAbstractItemModelTester tester {&proxy};
    CountingDelegate delegate;
    MessageListView view;

    Chat(int newestFrom, int count)
    {
        model.setChat(QStringLiteral("C1"));
        model.mergeNewestPage(page(newestFrom, count));
        proxy.setSourceModel(&model);
        delegate.setToday(kStart.date().addDays(30));
        view.setItemDelegate(&delegate);
        view.setModel(&proxy);
        view.setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
        view.resize(480, 600);
        view.show();
    }
    //! The agent follows the bottom: the view lays out what arrived and paints the newest row.
    bool followBottom()
    {
        view.ensureScrollRange(); // as the conversation view does: rows came in this pass
        view.scrollToBottom();
        const QString newest
            = proxy.index(proxy.rowCount() - 1, 0).data(MessageListModel::IdRole).toString();
        return QTest::qWaitFor([&] { return g_lastPainted == newest; });
    }
};

//! Rows whose height is their Qt::UserRole: any model, any change.
class HeightDelegate : public QStyledItemDelegate
{
public:
    QSize sizeHint(const QStyleOptionViewItem&, const QModelIndex& index) const override
    {
        return {100, index.data(Qt::UserRole).toInt()};
    }
};

QStandardItem* item(int height)
{
    auto* i = new QStandardItem(QString::number(height));
    i->setData(height, Qt::UserRole);
    return i;
}

//! Rows laid out one under the other, each as tall as its data says, and found where they are.
void checkStacked(MessageListView& view, QStandardItemModel& model)
{
    int y = 0;
    const int offset = view.verticalScrollBar()->value();
    for (int row = 0; row < model.rowCount(); ++row) {
        const QRect r = view.visualRect(model.index(row, 0));
        QCOMPARE(r.top() + offset, y);
        QCOMPARE(r.height(), model.index(row, 0).data(Qt::UserRole).toInt());
        if (r.height() > 0 && view.viewport()->rect().contains(r.center()))
            QCOMPARE(view.indexAt(r.center()).row(), row);
        y += r.height();
    }
    QCOMPARE(view.contentHeight(), y);
    // The scroll range follows on the next event-loop pass.
    QTRY_COMPARE(view.verticalScrollBar()->maximum(), std::max(0, y - view.viewport()->height()));
}

} // namespace

class TstMessageListView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { MessageDelegate::setPaintHook(&rememberPainted); }
    void cleanupTestCase() { MessageDelegate::setPaintHook(nullptr); }

    void newMessagesAskOnlyForThemselves()
    {
        // A storm into the open chat: a message per event-loop pass, 2,000 bubbles above it.
        Chat chat(0, 2000);
        QVERIFY(QTest::qWaitForWindowExposed(&chat.view));
        QVERIFY(chat.followBottom());
        for (int n = 2000; n < 2040; ++n) {
            chat.delegate.asked = 0;
            QVERIFY(chat.model.insertOptimistic(msg(n)));
            QVERIFY(chat.followBottom());
            // The new row, not every row above it (QListView: 2,001 and more each time).
            QCOMPARE_LE(chat.delegate.asked, 2);
        }
        QCOMPARE(rects(chat.view), freshRects(&chat.proxy, chat.view.size()));
    }

    void olderPagesAskOnlyForTheirRows()
    {
        // Paging up a long chat: each page of 500 costs its rows and the row under it.
        Chat chat(10000, 2000);
        QVERIFY(QTest::qWaitForWindowExposed(&chat.view));
        QVERIFY(chat.followBottom());
        for (int from = 9500; from >= 8000; from -= 500) {
            chat.delegate.asked = 0;
            chat.model.mergeOlderPage(page(from, 500));
            QVERIFY(chat.followBottom());
            QCOMPARE_LE(chat.delegate.asked, 501); // QListView: every row, 2,500 to 4,000
        }
        QCOMPARE(chat.proxy.rowCount(), 4000);
        QCOMPARE(rects(chat.view), freshRects(&chat.proxy, chat.view.size()));
    }

    void aNarrowerViewLaysEveryRowOutAgain()
    {
        Chat chat(0, 300);
        QVERIFY(QTest::qWaitForWindowExposed(&chat.view));
        const QList<QRect> wide = rects(chat.view);
        chat.view.resize(300, 600); // bodies wrap on more lines
        QVERIFY(rects(chat.view) != wide);
        QCOMPARE(rects(chat.view), freshRects(&chat.proxy, chat.view.size()));
    }

    void aStatusChangeIsMeasuredAgain()
    {
        Chat chat(0, 300);
        QVERIFY(QTest::qWaitForWindowExposed(&chat.view));
        QVERIFY(chat.followBottom());
        chat.delegate.asked = 0;
        QVERIFY(chat.model.applyStatus(msg(297).id, MessageStatus::Read)); // an outbound row
        QTRY_COMPARE_GE(chat.delegate.asked, 1); // on the next pass: the row and the one under
        QCOMPARE_LE(chat.delegate.asked, 2);
        QCOMPARE(rects(chat.view), freshRects(&chat.proxy, chat.view.size()));
    }

    void rowsOfOnePassMoveTheScrollRangeOnce()
    {
        // Each move of the range makes the conversation view follow the bottom, and each
        // follow blits the whole viewport: once per event-loop pass, not once per message.
        Chat chat(0, 300);
        QVERIFY(QTest::qWaitForWindowExposed(&chat.view));
        QVERIFY(chat.followBottom());
        QSignalSpy ranges(chat.view.verticalScrollBar(), &QScrollBar::rangeChanged);
        for (int n = 300; n < 320; ++n)
            QVERIFY(chat.model.insertOptimistic(msg(n)));
        QTRY_COMPARE(chat.view.verticalScrollBar()->maximum(),
            chat.view.contentHeight() - chat.view.viewport()->height());
        QCOMPARE(ranges.count(), 1); // was 20
        QVERIFY(chat.followBottom());
        QCOMPARE(rects(chat.view), freshRects(&chat.proxy, chat.view.size()));
    }

    void insertsRemovalsAndChangesStayStacked()
    {
        QStandardItemModel model;
        QAbstractItemModelTester tester(&model);
        for (int i = 0; i < 40; ++i)
            model.appendRow(item(20 + i % 7));
        HeightDelegate delegate;
        MessageListView view;
        view.setItemDelegate(&delegate);
        view.setModel(&model);
        view.setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        view.resize(200, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        checkStacked(view, model);

        model.insertRow(0, item(50)); // an older message on top
        model.insertRow(20, item(33));
        model.appendRow(item(41)); // a new one at the bottom
        checkStacked(view, model);

        model.removeRows(5, 3);
        model.removeRow(0);
        model.removeRow(model.rowCount() - 1);
        checkStacked(view, model);

        const int before = view.rowsMeasured();
        model.setData(model.index(10, 0), 77, Qt::UserRole); // a row grows (a thumbnail)
        QTRY_COMPARE(view.visualRect(model.index(10, 0)).height(), 77);
        QCOMPARE_LE(view.rowsMeasured() - before, 2);
        checkStacked(view, model);

        view.scrollTo(model.index(12, 0), QAbstractItemView::PositionAtTop);
        QCOMPARE(view.visualRect(model.index(12, 0)).top(), 0);
        view.scrollTo(model.index(3, 0)); // above the view: comes in at the top
        QCOMPARE(view.visualRect(model.index(3, 0)).top(), 0);
        view.scrollTo(model.index(model.rowCount() - 1, 0));
        QCOMPARE(view.visualRect(model.index(model.rowCount() - 1, 0)).bottom(),
            view.viewport()->height() - 1);
        checkStacked(view, model);

        model.clear();
        QCOMPARE(view.contentHeight(), 0);
        QVERIFY(!view.indexAt(QPoint(5, 5)).isValid());
    }
};

QTEST_MAIN(TstMessageListView)
#include "tst_messagelistview.moc"
