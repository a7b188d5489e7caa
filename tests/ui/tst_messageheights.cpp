// The message list stays quick to grow (issue 14): QListView lays out every row again after
// any insertion, so a new message or an older page must not lay out every bubble again. The
// delegate keeps each row's height; only the new rows and the row under them (its day
// separator or sender gap may change) are measured. The heights stay exactly those a fresh
// delegate measures: a cached height is never a stale one.

#include "models/items/messagelistmodel.h"
#include "ui/messagedelegate.h"

#include <QAbstractItemModelTester>
#include <QIdentityProxyModel>
#include <QListView>
#include <QTest>

using namespace WhaTrack;
using namespace WhaTrack::Ui;

namespace {

const QDateTime kStart = QDateTime(QDate(2026, 11, 2), QTime(8, 0));

//! Message \a n of the chat: one every 7 minutes (several days in 2,000), both directions,
//! bodies of one to several lines.
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

//! Counts the bodies the delegate reads: it reads a body only to lay out (measure) a bubble.
class BodyReads : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex& index, int role) const override
    {
        if (role == MessageListModel::BodyRole)
            ++reads;
        return QIdentityProxyModel::data(index, role);
    }
    mutable int reads = 0;
};

//! The rows' heights in \a view, as laid out.
QList<int> heights(QListView& view)
{
    QList<int> out;
    for (int row = 0; row < view.model()->rowCount(); ++row)
        out.append(view.visualRect(view.model()->index(row, 0)).height());
    return out;
}

//! The heights a delegate that has measured nothing before gives the same rows.
QList<int> freshHeights(QAbstractItemModel* model, const QSize& size)
{
    QListView view;
    MessageDelegate delegate;
    delegate.setToday(kStart.date().addDays(30));
    view.setItemDelegate(&delegate);
    view.setModel(model);
    view.resize(size);
    view.doItemsLayout();
    return heights(view);
}

struct Fixture
{
    MessageListModel model;
    BodyReads proxy;
    QAbstractItemModelTester tester {&proxy};
    MessageDelegate delegate;
    QListView view;

    explicit Fixture(int newestFrom, int count)
    {
        model.setChat(QStringLiteral("C1"));
        model.mergeNewestPage(page(newestFrom, count));
        proxy.setSourceModel(&model);
        delegate.setToday(kStart.date().addDays(30));
        view.setItemDelegate(&delegate);
        view.setModel(&proxy);
        view.setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        view.resize(480, 600);
        view.doItemsLayout(); // the view's delayed layout, run now
    }
    //! Bubbles laid out by the view's next layout (the one its delayed-layout timer runs).
    int measuredByNextLayout()
    {
        proxy.reads = 0;
        view.doItemsLayout();
        return proxy.reads;
    }
};

} // namespace

class TstMessageHeights : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void olderPageMeasuresOnlyItsRows()
    {
        // 2,000 messages loaded, then older pages of 500 prepended as the agent scrolls up.
        Fixture f(10000, 2000);
        for (int from = 9500; from >= 8000; from -= 500) {
            f.model.mergeOlderPage(page(from, 500));
            // The page's rows and the row under it; not the rows already there (was: all).
            QCOMPARE_LE(f.measuredByNextLayout(), 501);
        }
        QCOMPARE(f.model.rowCount(), 4000);
        QCOMPARE(heights(f.view), freshHeights(&f.model, f.view.size()));
    }

    void prependedRowChangesTheSeparatorOfTheRowUnderIt()
    {
        // The first row shows a day separator; a message of the same day prepended above it
        // takes the separator away from it: that row is measured again, not taken from cache.
        Fixture f(500, 3);
        const int before = f.view.visualRect(f.proxy.index(0, 0)).height();
        f.model.mergeOlderPage(page(499, 1));
        f.view.doItemsLayout();
        QVERIFY(f.view.visualRect(f.proxy.index(1, 0)).height() < before);
        QCOMPARE(heights(f.view), freshHeights(&f.model, f.view.size()));
    }

    void newMessageMeasuresOnlyItself()
    {
        // A storm into the open chat: one message per event-loop pass, one layout each.
        Fixture f(0, 2000);
        for (int n = 2000; n < 2050; ++n) {
            QVERIFY(f.model.insertOptimistic(msg(n)));
            QCOMPARE_LE(f.measuredByNextLayout(), 1);
        }
        QCOMPARE(heights(f.view), freshHeights(&f.model, f.view.size()));
    }

    void changesAreMeasuredAgain()
    {
        Fixture f(0, 50);
        // The unread divider makes its row taller, and leaves it shorter when it moves on.
        const QString id = f.proxy.index(20, 0).data(MessageListModel::IdRole).toString();
        const int plain = f.view.visualRect(f.proxy.index(20, 0)).height();
        f.delegate.setUnreadDivider(id, 30);
        f.view.doItemsLayout();
        QCOMPARE_GT(f.view.visualRect(f.proxy.index(20, 0)).height(), plain);
        f.delegate.setUnreadDivider(QString(), 0);
        f.view.doItemsLayout();
        QCOMPARE(heights(f.view), freshHeights(&f.model, f.view.size()));

        // A narrower window wraps the bodies on more lines.
        const QList<int> wide = heights(f.view);
        f.view.resize(300, 600);
        f.view.doItemsLayout();
        QVERIFY(heights(f.view) != wide);
        QCOMPARE(heights(f.view), freshHeights(&f.model, f.view.size()));
    }
};

QTEST_MAIN(TstMessageHeights)
#include "tst_messageheights.moc"
