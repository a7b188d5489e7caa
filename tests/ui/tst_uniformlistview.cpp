// The chat list places rows by arithmetic (issue 14). QListView lays out every row again after
// a moved, inserted or removed row, even with uniformItemSizes: with 20,000 chats and a chat
// moving to the top per publication, that walk over every row ran once per event-loop pass of a
// storm (18 % of the GUI thread in the profile). UniformListView asks the delegate for one size
// and touches only the rows it paints.

#include "ui/uniformlistview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QElapsedTimer>
#include <QIdentityProxyModel>
#include <QMouseEvent>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTest>

using namespace WhaTrack::Ui;

namespace {

//! Counts the indexes the view asks for: a layout walk asks for every row's.
class CountingProxy : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override
    {
        ++asked;
        return QIdentityProxyModel::index(row, column, parent);
    }
    mutable int asked = 0;
};

//! 60 px rows; remembers what it painted and in which state.
class RowDelegate : public QStyledItemDelegate
{
public:
    QSize sizeHint(const QStyleOptionViewItem&, const QModelIndex&) const override
    {
        ++sizes;
        return {200, 60};
    }
    void paint(
        QPainter*, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        painted.append(index.data().toString());
        if (option.state & QStyle::State_MouseOver)
            hovered = index.data().toString();
    }
    mutable int sizes = 0;
    mutable QStringList painted;
    mutable QString hovered;
};

struct Chats
{
    QStandardItemModel model;
    CountingProxy proxy;
    QAbstractItemModelTester tester {&proxy};
    RowDelegate delegate;
    UniformListView view;

    explicit Chats(int rows)
    {
        for (int i = 0; i < rows; ++i)
            model.appendRow(new QStandardItem(QStringLiteral("chat %1").arg(i)));
        proxy.setSourceModel(&model);
        view.setItemDelegate(&delegate);
        view.setModel(&proxy);
        view.setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        view.setMouseTracking(true);
        view.resize(300, 610);
        view.show();
    }
    //! Lets the view lay out and paint what changed; true once \a text was painted.
    bool paints(const QString& text)
    {
        return QTest::qWaitFor([&] { return delegate.painted.contains(text); });
    }
};

} // namespace

class TstUniformListView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aChatMovingToTheTopTouchesOnlyTheRowsOnScreen()
    {
        Chats chats(20000);
        QVERIFY(QTest::qWaitForWindowExposed(&chats.view));
        chats.view.scrollTo(chats.proxy.index(20, 0), QAbstractItemView::PositionAtTop);
        QVERIFY(chats.paints(QStringLiteral("chat 20")));
        for (int n = 0; n < 20; ++n) {
            // A publication to a chat far down: it moves to the top (the list's order).
            chats.delegate.painted.clear();
            const int from = 19999 - n * 7;
            chats.model.insertRow(0, chats.model.takeRow(from));
            chats.proxy.asked = 0; // what the model tester asked is not the view's
            // Every row on screen moved down by one: the one now at the top gets painted.
            QVERIFY(chats.paints(chats.view.indexAt(QPoint(10, 10)).data().toString()));
            // The ~11 rows painted (and what they ask), not all 20,000 (QListView: 20,000+).
            QCOMPARE_LE(chats.proxy.asked, 200);
        }
        QCOMPARE_LE(chats.delegate.sizes, 45); // one per layout, never one per row
    }

    void changesWithinAFrameArePaintedOnce()
    {
        // A storm moves a chat to the top every event-loop pass: the rows on screen are painted
        // once per 16 ms frame, with the last order, not once per pass.
        Chats chats(300);
        QVERIFY(QTest::qWaitForWindowExposed(&chats.view));
        chats.view.scrollTo(chats.proxy.index(20, 0), QAbstractItemView::PositionAtTop);
        QVERIFY(chats.paints(QStringLiteral("chat 20")));
        const int perScreen = chats.view.viewport()->height() / 60 + 2;
        chats.delegate.painted.clear();
        QElapsedTimer elapsed;
        elapsed.start();
        for (int n = 0; n < 100; ++n) {
            chats.model.insertRow(0, chats.model.takeRow(299));
            QCoreApplication::processEvents();
        }
        const qint64 ms = elapsed.elapsed();
        const QString top = chats.view.indexAt(QPoint(10, 10)).data().toString();
        QVERIFY(chats.paints(top)); // the last order is painted
        // One screen per frame that passed (timer slack and the edges allowed); was one per
        // pass (100 screens).
        QCOMPARE_LE(chats.delegate.painted.size(), int(ms * 1.25 / 16 + 3) * perScreen);
    }

    void rowsAreWhereArithmeticPutsThem()
    {
        Chats chats(500);
        QVERIFY(QTest::qWaitForWindowExposed(&chats.view));
        QCOMPARE(chats.view.rowHeight(), 60);
        QCOMPARE(
            chats.view.verticalScrollBar()->maximum(), 500 * 60 - chats.view.viewport()->height());
        chats.view.scrollTo(chats.proxy.index(100, 0), QAbstractItemView::PositionAtTop);
        QCOMPARE(chats.view.visualRect(chats.proxy.index(100, 0)).top(), 0);
        QCOMPARE(chats.view.indexAt(QPoint(10, 130)).row(), 102);
        chats.view.scrollTo(chats.proxy.index(50, 0)); // above: comes in at the top
        QCOMPARE(chats.view.visualRect(chats.proxy.index(50, 0)).top(), 0);
        chats.view.scrollTo(chats.proxy.index(80, 0)); // below: comes in at the bottom
        QCOMPARE(chats.view.visualRect(chats.proxy.index(80, 0)).bottom(),
            chats.view.viewport()->height() - 1);

        // Keys move the current chat and keep it in view.
        chats.view.setCurrentIndex(chats.proxy.index(80, 0));
        QTest::keyClick(&chats.view, Qt::Key_Down);
        QCOMPARE(chats.view.currentIndex().row(), 81);
        QVERIFY(chats.view.viewport()->rect().contains(
            chats.view.visualRect(chats.view.currentIndex())));
        QTest::keyClick(&chats.view, Qt::Key_Home);
        QCOMPARE(chats.view.currentIndex().row(), 0);

        // A click selects the row under it.
        QTest::mouseClick(chats.view.viewport(), Qt::LeftButton, {}, QPoint(10, 70));
        QCOMPARE(chats.view.currentIndex().row(), 1);
        QVERIFY(chats.view.selectionModel()->isSelected(chats.proxy.index(1, 0)));

        // The row under the mouse paints hovered.
        chats.delegate.hovered.clear();
        QMouseEvent move(QEvent::MouseMove, QPointF(10, 150), QPointF(10, 150), Qt::NoButton,
            Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(chats.view.viewport(), &move);
        QTRY_COMPARE(chats.delegate.hovered, QStringLiteral("chat 2"));

        chats.model.removeRows(0, 495);
        QCOMPARE(chats.view.verticalScrollBar()->maximum(), 0);
        QCOMPARE(chats.view.indexAt(QPoint(10, 10)).data().toString(), QStringLiteral("chat 495"));
        QVERIFY(!chats.view.indexAt(QPoint(10, 5 * 60 + 1)).isValid());
    }
};

QTEST_MAIN(TstUniformListView)
#include "tst_uniformlistview.moc"
