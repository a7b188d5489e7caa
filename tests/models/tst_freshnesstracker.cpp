// FreshnessTracker: the badge the agent trusts ("Offline", "Last refresh failed", "Live")
// follows fetch outcomes, and changes (with a new "since") only when its state or reason does.

#include "models/store/freshnesstracker.h"

#include <QTest>
#include <QTimeZone>

using namespace WhaTrack;

namespace {
const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1'800'000'000, QTimeZone::utc());

FreshnessInputs liveInputs()
{
    FreshnessInputs in;
    in.realtimeConnected = true;
    in.haveServerData = true;
    return in;
}
} // namespace

class TestFreshnessTracker : public QObject
{
    Q_OBJECT

private:
    const QueryKey chats = QueryKey::chats(QStringLiteral("org"));
    const QueryKey search = QueryKey::chats(QStringLiteral("org"), QStringLiteral("ana"));
    const QueryKey messages = QueryKey::messages(QStringLiteral("org"), QStringLiteral("c1"));

private Q_SLOTS:
    void offlineUntilTheServerAnswers()
    {
        FreshnessTracker t;
        QVERIFY(t.update(liveInputs(), true, t0));
        QCOMPARE(t.current().state, Freshness::State::Live);
        t.noteFetch(messages, false, ApiError::make(ApiError::Kind::Network, QStringLiteral("x")));
        QVERIFY(t.update(liveInputs(), true, t0.addSecs(1)));
        QCOMPARE(t.current().state, Freshness::State::Offline);
        QVERIFY(t.noteServerReached());
        QVERIFY(!t.noteServerReached()); // already reachable: nothing to redraw
        QVERIFY(t.update(liveInputs(), true, t0.addSecs(2)));
        QCOMPARE(t.current().state, Freshness::State::Live);
    }

    void aFailedRefreshShowsUntilTheListIsFetchedAgain()
    {
        FreshnessTracker t;
        t.noteFetch(
            messages, false, ApiError::make(ApiError::Kind::Server, QStringLiteral("boom"), 500));
        t.update(liveInputs(), true, t0);
        QCOMPARE(t.current().state, Freshness::State::Stale);
        QVERIFY(t.current().reason.startsWith(QStringLiteral("Last refresh failed")));
        t.noteFetch(search, true, {}); // a search result does not vouch for the list
        t.noteFetch(messages, true, {});
        QVERIFY(!t.update(liveInputs(), true, t0.addSecs(1)));
        t.noteFetch(chats, true, {});
        QVERIFY(t.update(liveInputs(), true, t0.addSecs(2)));
        QCOMPARE(t.current().state, Freshness::State::Live);
    }

    void aSignInErrorIsNotARefreshError()
    {
        FreshnessTracker t;
        t.noteFetch(
            chats, false, ApiError::make(ApiError::Kind::Unauthorized, QStringLiteral("401"), 401));
        t.update(liveInputs(), true, t0);
        QCOMPARE(t.current().state, Freshness::State::Live);
    }

    void unchangedKeepsItsSince()
    {
        FreshnessTracker t;
        QVERIFY(t.update(liveInputs(), true, t0));
        QVERIFY(!t.update(liveInputs(), true, t0.addSecs(60)));
        QCOMPARE(t.current().since, t0);
    }

    void anOrganizationSwitchForgetsTheError()
    {
        FreshnessTracker t;
        t.noteFetch(
            chats, false, ApiError::make(ApiError::Kind::Forbidden, QStringLiteral("no"), 403));
        t.clearError();
        t.update(liveInputs(), true, t0);
        QCOMPARE(t.current().state, Freshness::State::Live);
        QVERIFY(!t.update(liveInputs(), true, t0));
        QVERIFY(t.update(liveInputs(), false, t0));
        QCOMPARE(t.current().reason, QStringLiteral("Not signed in"));
    }
};

QTEST_GUILESS_MAIN(TestFreshnessTracker)
#include "tst_freshnesstracker.moc"
