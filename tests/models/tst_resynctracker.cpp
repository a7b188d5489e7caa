// ResyncTracker: when a resync is over for the agent (the Refreshing badge goes and
// resyncFinished(ok) fires), without a store.

#include "models/store/resynctracker.h"

#include <QTest>

using namespace WhaTrack;

class TestResyncTracker : public QObject
{
    Q_OBJECT

private:
    const QueryKey chats = QueryKey::chats(QStringLiteral("org"));
    const QueryKey stages = QueryKey::stages(QStringLiteral("org"));
    const QueryKey messages = QueryKey::messages(QStringLiteral("org"), QStringLiteral("c1"));

private Q_SLOTS:
    void finishesOnlyWhenEveryQueryRefetched()
    {
        ResyncTracker t;
        t.begin({chats, stages});
        QVERIFY(t.isRunning());
        t.fetchStarted(chats);
        t.fetchStarted(stages);
        QCOMPARE(t.fetchFinished(chats, true), std::nullopt); // stages still loading
        QVERIFY(t.isRunning());
        QCOMPARE(t.fetchFinished(stages, true), std::optional<bool>(true));
        QVERIFY(!t.isRunning());
    }

    void aFetchAlreadyInFlightDoesNotCount()
    {
        // Its answer may predate what realtime missed: the resync waits for a fresh one.
        ResyncTracker t;
        t.fetchStarted(chats); // in flight before the resync
        t.begin({chats});
        QCOMPARE(t.fetchFinished(chats, true), std::nullopt);
        QVERIFY(t.isRunning());
        t.fetchStarted(chats);
        QCOMPARE(t.fetchFinished(chats, true), std::optional<bool>(true));
        QVERIFY(!t.isRunning());
    }

    void oneFailedRefetchFailsTheResync()
    {
        ResyncTracker t;
        t.begin({chats, stages});
        t.fetchStarted(chats);
        t.fetchStarted(stages);
        QCOMPARE(t.fetchFinished(chats, false), std::nullopt);
        QCOMPARE(t.fetchFinished(stages, true), std::optional<bool>(false));
        // The next resync starts clean.
        t.begin({chats});
        t.fetchStarted(chats);
        QCOMPARE(t.fetchFinished(chats, true), std::optional<bool>(true));
    }

    void unrelatedFetchesDoNotEndIt()
    {
        ResyncTracker t;
        t.begin({chats});
        t.fetchStarted(messages);
        QCOMPARE(t.fetchFinished(messages, true), std::nullopt);
        QVERIFY(t.isRunning());
    }

    void countsFetchesPerKindUntilCleared()
    {
        ResyncTracker t;
        t.fetchStarted(chats);
        t.fetchStarted(chats);
        t.fetchStarted(messages);
        QCOMPARE(t.fetchCounts().value(QueryKey::Kind::Chats), 2);
        QCOMPARE(t.fetchCounts().value(QueryKey::Kind::Messages), 1);
        t.begin({chats});
        t.clear(); // organization switch: nothing awaited, nothing counted
        QVERIFY(!t.isRunning());
        QVERIFY(t.fetchCounts().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestResyncTracker)
#include "tst_resynctracker.moc"
