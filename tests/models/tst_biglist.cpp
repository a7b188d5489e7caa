// A very large chat list (issue 8: 70,000 chats froze the UI for 7 s): the model applies it in
// bounded slices with event-loop turns in between, under QAbstractItemModelTester, and ends up
// holding exactly the input (no lost or duplicated chats, in the list's order). No timing
// asserts: the slices are counted, and a 0 ms heartbeat proves the event loop ran between them.

#include "models/items/chatlistmodel.h"
#include "models/items/chatlistproxymodel.h"
#include "models/items/chatrevisions.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace WhaTrack;

namespace {

const QDateTime kT0(QDate(2026, 5, 18), QTime(10, 0), QTimeZone::utc());
constexpr int kSlice = 50;

ChatItem chat(int i, int minutes)
{
    ChatItem c;
    c.id = QStringLiteral("c%1").arg(i, 6, 10, QLatin1Char('0'));
    c.name = QStringLiteral("Cliente %1").arg(i);
    c.phone = QStringLiteral("+55 11 9%1").arg(i, 8, 10, QLatin1Char('0'));
    c.lastMessageAt = kT0.addSecs(qint64(minutes) * 60);
    Message m;
    m.id = c.id + QStringLiteral("-last");
    m.body = QStringLiteral("olá");
    m.type = QStringLiteral("text");
    m.direction = MessageDirection::Inbound;
    m.timestamp = c.lastMessageAt;
    c.lastMessage = m;
    TicketSummary t;
    t.id = QStringLiteral("T-") + c.id;
    t.status = QStringLiteral("open");
    t.stage.name = QStringLiteral("Novo");
    c.currentTicket = t;
    return c;
}

//! \a n chats in random order, some minutes shared (ties sort by id), plus duplicated ids
//! (a later copy of an id is stale: the first one must win).
QList<ChatItem> shuffledList(int n)
{
    QList<ChatItem> items;
    for (int i = 0; i < n; ++i)
        items << chat(i, i / 3);
    auto* rng = QRandomGenerator::global();
    for (qsizetype i = items.size() - 1; i > 0; --i)
        items.swapItemsAt(i, rng->bounded(i + 1));
    for (int i = 0; i < 20; ++i) {
        ChatItem stale = items.at(i * 7);
        stale.name = QStringLiteral("stale copy");
        items << stale;
    }
    return items;
}

//! What the list must show: the first copy of each id, newest first.
QStringList expectedOrder(const QList<ChatItem>& input)
{
    QList<ChatItem> unique;
    QSet<QString> seen;
    for (const auto& c : input) {
        if (!seen.contains(c.id)) {
            seen.insert(c.id);
            unique << c;
        }
    }
    std::sort(unique.begin(), unique.end(), chatShowsBefore);
    QStringList ids;
    for (const auto& c : std::as_const(unique))
        ids << c.id;
    return ids;
}

QStringList proxyIds(const QAbstractItemModel& m)
{
    QStringList ids;
    for (int r = 0; r < m.rowCount(); ++r)
        ids << m.index(r, 0).data(ChatListModel::IdRole).toString();
    return ids;
}

//! Counts event-loop turns (a 0 ms timer) and what the model emitted in each turn.
struct TurnRecorder
{
    explicit TurnRecorder(ChatListModel* model)
    {
        heartbeat.setInterval(0);
        QObject::connect(&heartbeat, &QTimer::timeout, [this] {
            ++turns;
            rowsThisTurn = 0;
            changesThisTurn = 0;
        });
        heartbeat.start();
        QObject::connect(model, &QAbstractItemModel::rowsInserted,
            [this](const QModelIndex&, int first, int last) {
                ++insertSignals;
                rowsThisTurn += last - first + 1;
                maxRowsPerTurn = std::max(maxRowsPerTurn, rowsThisTurn);
                turnsWithInserts.insert(turns);
            });
        QObject::connect(model, &QAbstractItemModel::dataChanged,
            [this](const QModelIndex& a, const QModelIndex& b) {
                changesThisTurn += b.row() - a.row() + 1;
                maxChangesPerTurn = std::max(maxChangesPerTurn, changesThisTurn);
                turnsWithChanges.insert(turns);
            });
    }
    QTimer heartbeat;
    int turns = 0;
    int insertSignals = 0;
    int rowsThisTurn = 0, maxRowsPerTurn = 0;
    int changesThisTurn = 0, maxChangesPerTurn = 0;
    QSet<int> turnsWithInserts, turnsWithChanges;
};

} // namespace

class TestBigList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstLoadArrivesInSlicesBetweenEventLoopTurns()
    {
        ChatListModel model;
        model.setMaxRowsPerSlice(kSlice);
        ChatListProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

        // The real path: the worker-side diff prepares the list, the GUI side merges it.
        const QList<ChatItem> input = shuffledList(5000);
        ChatRevisions revisions;
        ChatListDelta delta = revisions.diff(input, true, true);
        revisions.commit(delta);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy applied(&model, &ChatListModel::applied);
        TurnRecorder rec(&model);
        model.applyDelta(std::move(delta.changed), delta.removed);
        // Nothing big happened inside the call: the GUI thread got control back at once.
        QVERIFY2(model.rowCount() <= kSlice, qPrintable(QString::number(model.rowCount())));
        QCOMPARE(resets.size(), 0);

        // A publication for a chat that is still queued is not lost.
        const QStringList order = expectedOrder(input);
        const QString late = order.last(); // the oldest chat: inserted in the last slice
        Message m;
        m.id = QStringLiteral("pub-1");
        m.body = QStringLiteral("chegou agora");
        m.direction = MessageDirection::Inbound;
        m.timestamp = kT0.addDays(30);
        QVERIFY(model.applyIncomingMessage(late, m));

        QVERIFY(applied.wait(60000));
        QVERIFY(!model.isApplying());
        QCOMPARE(model.rowCount(), 4999 + 1);
        QVERIFY2(rec.maxRowsPerTurn <= kSlice, qPrintable(QString::number(rec.maxRowsPerTurn)));
        // Each slice had its own event-loop turn (the heartbeat fired between them).
        QCOMPARE(rec.turnsWithInserts.size(), rec.insertSignals);
        QVERIFY(rec.insertSignals >= 5000 / kSlice);

        QStringList want = order;
        want.removeAll(late);
        want.prepend(late); // moved to the top by the publication
        QCOMPARE(proxyIds(proxy), want);
        QCOMPARE(proxy.index(0, 0).data(ChatListModel::LastMessagePreviewRole).toString(),
            QStringLiteral("chegou agora"));
        // The stale duplicate did not win.
        QVERIFY(!proxyIds(proxy).isEmpty());
        for (int r = 0; r < model.rowCount(); ++r)
            QVERIFY(model.at(r).name != QStringLiteral("stale copy"));
    }

    void savedListResetIsPreparedOffThreadAndSliced()
    {
        // The local cache's list (unsorted, not interned) at the next start.
        ChatListModel model;
        model.setMaxRowsPerSlice(kSlice);
        ChatListProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<ChatItem> input = shuffledList(2000);
        QSignalSpy applied(&model, &ChatListModel::applied);
        TurnRecorder rec(&model);
        model.resetItems(input);
        QVERIFY(model.rowCount() <= kSlice);
        QVERIFY(applied.wait(60000));
        QVERIFY(rec.maxRowsPerTurn <= kSlice);
        QCOMPARE(rec.turnsWithInserts.size(), rec.insertSignals);
        QCOMPARE(proxyIds(proxy), expectedOrder(input));
    }

    void manyChangedChatsAreSpreadOverTurns()
    {
        ChatListModel model;
        model.setMaxRowsPerSlice(kSlice);
        ChatListProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<ChatItem> input = shuffledList(1200);
        ChatRevisions revisions;
        ChatListDelta first = revisions.diff(input, true, false);
        revisions.commit(first);
        QSignalSpy applied(&model, &ChatListModel::applied);
        model.applyDelta(std::move(first.changed), first.removed);
        QVERIFY(applied.wait(60000));

        // A refresh after a long time offline: 400 chats have news, 200 are gone, 50 are new.
        QList<ChatItem> next;
        for (int i = 0; i < 1200; ++i) {
            if (i % 6 == 1)
                continue; // gone
            ChatItem c = chat(i, i / 3);
            if (i % 3 == 0)
                c.lastMessageAt = c.lastMessageAt.addSecs(3600 * 24 + i);
            next << c;
        }
        for (int i = 1200; i < 1250; ++i)
            next << chat(i, i);
        ChatListDelta delta = revisions.diff(next, true, false);
        QCOMPARE(delta.removed.size(), 200);
        revisions.commit(delta);
        TurnRecorder rec(&model);
        applied.clear();
        model.applyDelta(std::move(delta.changed), delta.removed);
        QVERIFY(applied.wait(60000));
        QVERIFY2(
            rec.maxChangesPerTurn <= kSlice, qPrintable(QString::number(rec.maxChangesPerTurn)));
        QVERIFY(rec.turnsWithChanges.size() >= 400 / kSlice);
        QVERIFY(rec.maxRowsPerTurn <= kSlice);
        QCOMPARE(proxyIds(proxy), expectedOrder(next));
        QCOMPARE(model.rowCount(), 1000 + 50);
    }

    void savedListArrivingLateDoesNotReplaceTheServersList()
    {
        // The server's list is being applied when the local cache's (older) copy loads.
        ChatListModel model;
        model.setMaxRowsPerSlice(kSlice);
        QAbstractItemModelTester t(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<ChatItem> server = shuffledList(1000);
        ChatRevisions revisions;
        ChatListDelta delta = revisions.diff(server, true, false);
        revisions.commit(delta);
        QSignalSpy applied(&model, &ChatListModel::applied);
        model.applyDelta(std::move(delta.changed), delta.removed);
        QList<ChatItem> saved;
        for (int i = 0; i < 300; ++i)
            saved << chat(5000 + i, i);
        model.resetItems(saved);
        QVERIFY(applied.wait(60000));
        QCOMPARE(model.rowCount(), 1000);
        QVERIFY(model.rowOf(QStringLiteral("c005000")) < 0);
    }

    void bigAuthoritativeMergeAndClearWhileApplying()
    {
        ChatListModel model;
        model.setMaxRowsPerSlice(kSlice);
        ChatListProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy applied(&model, &ChatListModel::applied);
        model.mergeItems(shuffledList(800));
        QVERIFY(applied.wait(60000));
        // A full list that drops every other chat and adds 300.
        QList<ChatItem> next;
        for (int i = 0; i < 1000; i += 2)
            next << chat(i, i / 3);
        for (int i = 1000; i < 1100; ++i)
            next << chat(i, i);
        applied.clear();
        TurnRecorder rec(&model);
        model.mergeItems(next);
        QVERIFY(applied.wait(60000));
        QVERIFY(rec.maxRowsPerTurn <= kSlice);
        QCOMPARE(proxyIds(proxy), expectedOrder(next));

        // Signing out in the middle of a load: nothing of the old list lands afterwards.
        model.clear();
        QSignalSpy firstSlice(&model, &QAbstractItemModel::rowsInserted);
        model.resetItems(shuffledList(800));
        QVERIFY(firstSlice.wait(60000));
        QVERIFY(model.isApplying()); // in the middle of the load
        model.clear();
        QTest::qWait(200); // duration, not a wait for an event: a stale slice would land here
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.isApplying());
    }
};

QTEST_GUILESS_MAIN(TestBigList)
#include "tst_biglist.moc"
