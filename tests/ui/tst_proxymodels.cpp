// The ui/ proxies over the store's models, each under QAbstractItemModelTester: the conversation's
// OlderPagesProxyModel (older pages only on request, never because the last row is visible) and
// the ticket panel's StageIconProxyModel (a colour icon per stage, also for the current item).

#include "models/items/messagelistmodel.h"
#include "models/items/stagesmodel.h"
#include "ui/olderpagesproxymodel.h"
#include "ui/stageiconproxymodel.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QImage>
#include <QTest>

using namespace WhaTrack;
using WhaTrack::Ui::OlderPagesProxyModel;
using WhaTrack::Ui::StageIconProxyModel;

namespace {

using Tester = QAbstractItemModelTester;

Message message(int n)
{
    Message m;
    m.id = QStringLiteral("m%1").arg(n);
    m.body = QStringLiteral("message %1").arg(n);
    m.type = QStringLiteral("text");
    m.direction = MessageDirection::Inbound;
    m.timestamp = QDateTime(QDate(2026, 1, 1), QTime(9, 0)).addSecs(60 * n);
    m.createdAt = m.timestamp;
    return m;
}

//! Page \a page of a chat of \a total messages, \a size per page, oldest first within the page.
MessagePage page(int page, int size, int total)
{
    MessagePage p;
    p.page = page;
    p.pageSize = size;
    p.total = total;
    const int newest = total - (page - 1) * size; // messages are numbered 1..total
    for (int n = qMax(1, newest - size + 1); n <= newest; ++n)
        p.items << message(n);
    return p;
}

Stage stage(const QString& id, const QString& color, int order)
{
    Stage s;
    s.id = id;
    s.name = id;
    s.color = color;
    s.order = order;
    return s;
}

QColor iconColour(const QVariant& decoration)
{
    const QIcon icon = decoration.value<QIcon>();
    const QImage image = icon.pixmap(12, 12).toImage();
    return image.pixelColor(image.width() / 2, image.height() / 2);
}

} // namespace

class TestProxyModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void olderPagesLoadOnlyWhenAsked()
    {
        MessageListModel messages;
        OlderPagesProxyModel proxy;
        // No tester on the source: QAbstractItemModelTester calls fetchMore() itself, which is
        // what a view does and what the proxy hides (the source has its own tests).
        Tester proxyTester(&proxy, Tester::FailureReportingMode::QtTest);
        QList<int> requested;
        messages.setPageLoader([&](const QString&, int p, int) { requested << p; });
        messages.setPageSize(3);
        proxy.setSourceModel(&messages);
        messages.setChat(QStringLiteral("c1"));
        messages.mergeNewestPage(page(1, 3, 7));
        QCOMPARE(proxy.rowCount(), 3);

        // A view asks the proxy whenever the last row is visible: it must not page through the
        // chat's history on open.
        QVERIFY(!proxy.canFetchMore({}));
        proxy.fetchMore({});
        QVERIFY(requested.isEmpty());

        // The conversation view asks near the top: page 2 is prepended, oldest at row 0.
        QVERIFY(proxy.canFetchOlder());
        proxy.fetchOlder();
        QCOMPARE(requested, QList<int> {2});
        proxy.fetchOlder(); // in flight: not asked twice
        QCOMPARE(requested, QList<int> {2});
        messages.mergeOlderPage(page(2, 3, 7));
        QCOMPARE(proxy.rowCount(), 6);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("message 2"));
        QCOMPARE(proxy.index(5, 0).data().toString(), QStringLiteral("message 7"));

        proxy.fetchOlder();
        messages.mergeOlderPage(page(3, 3, 7));
        QCOMPARE(proxy.rowCount(), 7);
        QVERIFY(!proxy.canFetchOlder()); // the oldest message is shown
        proxy.fetchOlder();
        QCOMPARE(requested, (QList<int> {2, 3}));

        // Another chat is a reset through the proxy.
        messages.setChat(QStringLiteral("c2"));
        QCOMPARE(proxy.rowCount(), 0);
    }

    void olderPagesWithoutSourceDoNothing()
    {
        OlderPagesProxyModel proxy;
        Tester proxyTester(&proxy, Tester::FailureReportingMode::QtTest);
        QVERIFY(!proxy.canFetchOlder());
        proxy.fetchOlder(); // no crash without a source
    }

    void stageIconsFollowTheStages()
    {
        StagesModel stages;
        StageIconProxyModel proxy;
        Tester sourceTester(&stages, Tester::FailureReportingMode::QtTest);
        Tester proxyTester(&proxy, Tester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&stages);
        stages.setStages({stage(QStringLiteral("new"), QStringLiteral("#ff0000"), 1),
            stage(QStringLiteral("won"), QStringLiteral("#0000ff"), 2)});
        QCOMPARE(proxy.rowCount(), 2);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("new"));
        // A combo box draws only QIcon decorations for its current item, not QColor.
        const QVariant decoration = proxy.index(0, 0).data(Qt::DecorationRole);
        QCOMPARE(decoration.userType(), QMetaType::QIcon);
        QCOMPARE(iconColour(decoration), QColor(Qt::red));
        QCOMPARE(iconColour(proxy.index(1, 0).data(Qt::DecorationRole)), QColor(Qt::blue));

        // Reordered and recoloured stages: the icons move and change with them.
        stages.setStages({stage(QStringLiteral("new"), QStringLiteral("#00ff00"), 3),
            stage(QStringLiteral("won"), QStringLiteral("#0000ff"), 2)});
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("won"));
        QCOMPARE(iconColour(proxy.index(1, 0).data(Qt::DecorationRole)), QColor(Qt::green));

        // A colour the backend sent badly is grey, not an empty icon.
        stages.setStages({stage(QStringLiteral("odd"), QStringLiteral("not a colour"), 1)});
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(iconColour(proxy.index(0, 0).data(Qt::DecorationRole)), QColor(Qt::gray));
        stages.clear();
        QCOMPARE(proxy.rowCount(), 0);
    }
};

QTEST_MAIN(TestProxyModels)
#include "tst_proxymodels.moc"
