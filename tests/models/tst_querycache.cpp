// QueryCache with an injected clock: coalescing, dedup, stale-on-unobserved, out-of-order.

#include "models/store/querycache.h"
#include "tests/support/manualclock.h"

#include <QSignalSpy>
#include <QTest>

#include <type_traits>

using namespace WhaTrack;
using WhaTrack::Testing::ManualClock;

namespace {

//! A fetcher whose requests the test completes by hand, in any order.
struct ManualFetcher
{
    struct Pending
    {
        QueryKey key;
        QueryCache::Complete complete;
        int payload;
    };
    QList<Pending> pending;
    int started = 0;
    QList<int> applied; //!< payloads applied, in order

    QueryCache::Fetcher fetcher()
    {
        return [this](const QueryKey& key, QueryCache::Complete complete) {
            pending.append({key, std::move(complete), ++started});
        };
    }
    void complete(int index, bool ok = true)
    {
        Pending p = pending.takeAt(index);
        QueryCache::FetchResult r;
        if (!ok)
            r.error = ApiError::make(ApiError::Kind::Server, QStringLiteral("boom"), 500);
        const int payload = p.payload;
        r.apply = [this, payload] { applied.append(payload); };
        p.complete(std::move(r));
    }
};

const QueryKey kChats = QueryKey::chats(QStringLiteral("org1"));
const QueryKey kMessages = QueryKey::messages(QStringLiteral("org1"), QStringLiteral("chatA"));

} // namespace

class TestQueryCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstObserverFetchesAtOnce()
    {
        ManualClock clock;
        QueryCache cache(&clock);
        ManualFetcher f;
        cache.setFetcher(QueryKey::Kind::Chats, f.fetcher());
        QCOMPARE(cache.info(kChats).status, QueryCache::Status::Idle);
        cache.observe(kChats);
        QCOMPARE(f.started, 1);
        QVERIFY(cache.info(kChats).fetching);
        f.complete(0);
        QCOMPARE(cache.info(kChats).status, QueryCache::Status::Fresh);
        QCOMPARE(cache.info(kChats).updatedAt, clock.wallNow());
        QCOMPARE(f.applied, QList<int>({1}));
        // A second observer does not fetch a fresh query again.
        cache.observe(kChats);
        QCOMPARE(f.started, 1);
    }

    void invalidationsInsideOneWindowGiveOneFetch()
    {
        ManualClock clock;
        QueryCache cache(&clock);
        ManualFetcher f;
        QueryCache::Policy p;
        p.coalesceMs = 150;
        cache.setFetcher(QueryKey::Kind::Chats, f.fetcher(), p);
        cache.observe(kChats);
        f.complete(0);

        for (int i = 0; i < 50; ++i) {
            cache.invalidate(kChats);
            clock.advance(2); // 50 invalidations in 100 ms
        }
        QCOMPARE(f.started, 1); // still inside the window
        QVERIFY(cache.info(kChats).scheduled);
        QCOMPARE(cache.info(kChats).status, QueryCache::Status::Stale);
        clock.advance(60);
        QCOMPARE(f.started, 2);
        f.complete(0);
        clock.advance(1000);
        QCOMPARE(f.started, 2);
        QCOMPARE(cache.info(kChats).status, QueryCache::Status::Fresh);
    }

    void invalidationDuringFetchGivesExactlyOneMore()
    {
        ManualClock clock;
        QueryCache cache(&clock);
        ManualFetcher f;
        cache.setFetcher(QueryKey::Kind::Chats, f.fetcher());
        cache.observe(kChats);
        QCOMPARE(f.started, 1);
        for (int i = 0; i < 20; ++i)
            cache.invalidate(kChats); // all while the first fetch runs
        clock.advance(10000);
        QCOMPARE(f.started, 1); // dedup: never two at once
        f.complete(0);
        QCOMPARE(cache.info(kChats).status, QueryCache::Status::Stale); // known to be behind
        clock.advance(2000); // the rest after a slow fetch (Policy::maxRestMs)
        QCOMPARE(f.started, 2); // exactly one follow-up
        f.complete(0);
        clock.advance(10000);
        QCOMPARE(f.started, 2);
        QCOMPARE(cache.info(kChats).status, QueryCache::Status::Fresh);
    }

    void stormGivesAtMostOneFetchPerWindow()
    {
        ManualClock clock;
        QueryCache cache(&clock);
        ManualFetcher f;
        QueryCache::Policy p;
        p.coalesceMs = 150;
        cache.setFetcher(QueryKey::Kind::Chats, f.fetcher(), p);
        cache.observe(kChats);
        f.complete(0);
        // 1000 invalidations per second for 3 s; fetches answer after 40 ms.
        for (int ms = 0; ms < 3000; ++ms) {
            cache.invalidate(kChats);
            clock.advance(1);
            if (!f.pending.isEmpty() && ms % 40 == 0)
                f.complete(0);
        }
        while (!f.pending.isEmpty()) {
            f.complete(0);
            clock.advance(200);
        }
        QVERIFY2(f.started <= 1 + 3000 / 150 + 1, qPrintable(QString::number(f.started)));
        QVERIFY(f.started >= 10); // it did keep refreshing during the storm
    }

    // Issue 15: in a 1000/s storm the 20,000-chat list (a fetch of ~500 ms, window 150 ms) was
    // refetched back to back, so a worker decoded 18 MB bodies without a pause and the GUI
    // thread waited for it. A slow key now rests as long as its last fetch took.
    void slowFetchRestsBeforeItsFollowUp()
    {
        ManualClock clock;
        QueryCache cache(&clock);
        ManualFetcher f;
        QueryCache::Policy p;
        p.coalesceMs = 150;
        cache.setFetcher(QueryKey::Kind::Chats, f.fetcher(), p);
        cache.observe(kChats);
        clock.advance(500); // the list takes 500 ms to fetch and decode
        cache.invalidate(kChats); // a publication meanwhile
        f.complete(0);
        clock.advance(1);
        QCOMPARE(f.started, 1); // not at once...
        QVERIFY(cache.info(kChats).scheduled);
        clock.advance(450);
        QCOMPARE(f.started, 1);
        clock.advance(49);
        QCOMPARE(f.started, 2); // ...but 500 ms after the slow fetch ended
        // The storm goes on: over 10 s the list is fetched at most every 2 x 500 ms.
        int seen = f.started;
        qint64 startedAt = clock.nowMs();
        for (int ms = 0; ms < 10000; ++ms) {
            cache.invalidate(kChats);
            clock.advance(1);
            if (f.started != seen) {
                seen = f.started;
                startedAt = clock.nowMs();
            }
            if (!f.pending.isEmpty() && clock.nowMs() - startedAt >= 500)
                f.complete(0);
        }
        QVERIFY2(f.started <= 2 + 10, qPrintable(QString::number(f.started)));
        QVERIFY(f.started >= 8); // and it did keep refreshing
        // A fast key keeps its window: a 10 ms fetch is followed 150 ms after it started.
        cache.unobserve(kChats);
        while (!f.pending.isEmpty())
            f.complete(0);
        cache.setFetcher(QueryKey::Kind::Messages, f.fetcher(), p);
        cache.observe(kMessages);
        const int before = f.started;
        clock.advance(10);
        cache.invalidate(kMessages);
        f.complete(f.pending.size() - 1);
        clock.advance(139);
        QCOMPARE(f.started, before);
        clock.advance(1);
        QCOMPARE(f.started, before + 1);
    }

    void unobservedTurnsStaleAndFetchesWhenObserved()
    {
        ManualClock clock;
        QueryCache cache(&clock);
        ManualFetcher f;
        cache.setFetcher(QueryKey::Kind::Messages, f.fetcher());
        cache.observe(kMessages);
        f.complete(0);
        cache.unobserve(kMessages);
        cache.invalidate(kMessages);
        clock.advance(5000);
        QCOMPARE(f.started, 1); // nobody looks: no fetch
        QCOMPARE(cache.info(kMessages).status, QueryCache::Status::Stale);
        cache.observe(kMessages);
        QCOMPARE(f.started, 2); // at once when looked at again
    }

    void unobserveCancelsAScheduledFetch()
    {
        ManualClock clock;
        QueryCache cache(&clock);
        ManualFetcher f;
        cache.setFetcher(QueryKey::Kind::Messages, f.fetcher());
        cache.observe(kMessages);
        f.complete(0);
        cache.invalidate(kMessages);
        QVERIFY(cache.info(kMessages).scheduled);
        cache.unobserve(kMessages);
        clock.advance(5000);
        QCOMPARE(f.started, 1);
    }

    void olderResponseNeverOverwritesNewer()
    {
        ManualClock clock;
        QueryCache cache(&clock);
        ManualFetcher f;
        QueryCache::Policy p;
        p.fetchTimeoutMs = 1000;
        cache.setFetcher(QueryKey::Kind::Chats, f.fetcher(), p);
        cache.observe(kChats); // fetch #1 hangs
        clock.advance(1001); // abandoned
        QCOMPARE(cache.info(kChats).status, QueryCache::Status::Error);
        cache.refetch(kChats); // fetch #2
        QCOMPARE(f.started, 2);
        f.complete(1); // #2 answers first
        QCOMPARE(f.applied, QList<int>({2}));
        f.complete(0); // #1 answers late: dropped
        QCOMPARE(f.applied, QList<int>({2}));
        QCOMPARE(cache.info(kChats).status, QueryCache::Status::Fresh);
    }

    void lateAbandonedResponseStillNewerIsApplied()
    {
        ManualClock clock;
        QueryCache cache(&clock);
        ManualFetcher f;
        QueryCache::Policy p;
        p.fetchTimeoutMs = 1000;
        cache.setFetcher(QueryKey::Kind::Chats, f.fetcher(), p);
        cache.observe(kChats); // #1
        clock.advance(1001);
        cache.refetch(kChats); // #2
        f.complete(0); // #1 late, but nothing newer applied yet: it may apply
        QCOMPARE(f.applied, QList<int>({1}));
        f.complete(0); // #2
        QCOMPARE(f.applied, QList<int>({1, 2}));
    }

    void removedKeysDropTheirResponses()
    {
        ManualClock clock;
        QueryCache cache(&clock);
        ManualFetcher f;
        cache.setFetcher(QueryKey::Kind::Chats, f.fetcher());
        cache.observe(kChats);
        cache.remove(); // organization switch
        f.complete(0);
        QVERIFY(f.applied.isEmpty());
        // The same key again (switch back): a response of the old life is still dropped.
        cache.observe(kChats);
        QCOMPARE(f.started, 2);
        f.complete(0);
        QCOMPARE(f.applied, QList<int>({2}));
    }

    void prefixInvalidationHitsEverySearch()
    {
        ManualClock clock;
        QueryCache cache(&clock);
        ManualFetcher f;
        cache.setFetcher(QueryKey::Kind::Chats, f.fetcher());
        const QueryKey search = QueryKey::chats(QStringLiteral("org1"), QStringLiteral("ana"));
        const QueryKey other = QueryKey::chats(QStringLiteral("org2"));
        cache.observe(kChats);
        cache.observe(search);
        cache.observe(other);
        while (!f.pending.isEmpty())
            f.complete(0);
        cache.invalidatePrefix(QueryScope::of(QueryKey::Kind::Chats, QStringLiteral("org1")));
        clock.advance(1000);
        QCOMPARE(f.started, 5);
        QCOMPARE(cache.info(other).status, QueryCache::Status::Fresh);
    }

    void errorsKeepStateAndRefetchOnObserve()
    {
        ManualClock clock;
        QueryCache cache(&clock);
        ManualFetcher f;
        QSignalSpy finished(&cache, &QueryCache::fetchFinished);
        cache.setFetcher(QueryKey::Kind::Chats, f.fetcher());
        cache.observe(kChats);
        f.complete(0, false);
        QCOMPARE(cache.info(kChats).status, QueryCache::Status::Error);
        QCOMPARE(cache.info(kChats).lastError.kind, ApiError::Kind::Server);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(1).toBool(), false);
        QVERIFY(f.applied.isEmpty());
        cache.unobserve(kChats);
        cache.observe(kChats);
        QCOMPARE(f.started, 2);
    }

    void staleAfterExpires()
    {
        ManualClock clock;
        QueryCache cache(&clock);
        ManualFetcher f;
        QueryCache::Policy p;
        p.staleAfterMs = 30000;
        cache.setFetcher(QueryKey::Kind::Ticket, f.fetcher(), p);
        const QueryKey key = QueryKey::ticket(QStringLiteral("org1"), QStringLiteral("c1"));
        cache.observe(key);
        f.complete(0);
        cache.unobserve(key);
        clock.advance(10000);
        cache.observe(key);
        QCOMPARE(f.started, 1); // still fresh
        cache.unobserve(key);
        clock.advance(30001);
        cache.observe(key);
        QCOMPARE(f.started, 2);
    }

    void seededDataIsStaleUntilFetched()
    {
        ManualClock clock;
        QueryCache cache(&clock);
        ManualFetcher f;
        cache.setFetcher(QueryKey::Kind::Chats, f.fetcher());
        const QDateTime saved = clock.wallNow().addDays(-1);
        cache.seed(kChats, saved);
        QCOMPARE(cache.info(kChats).status, QueryCache::Status::Stale);
        QCOMPARE(cache.info(kChats).updatedAt, saved);
        cache.observe(kChats);
        QCOMPARE(f.started, 1);
    }

    // A key was a QStringList read by position: anything could pass for a key (a list with a
    // part missing, a prefix, a hand-joined string) and a fetcher read "part 2" whatever the
    // kind. Now only the kinds' factories build keys, and each part has a name.
    void keysAreBuiltOnlyByTheirKind()
    {
        static_assert(!std::is_constructible_v<QueryKey, QStringList>);
        static_assert(!std::is_constructible_v<QueryKey, QString>);
        static_assert(!std::is_constructible_v<QueryKey, QString, QString, QString>);
        static_assert(!std::is_convertible_v<QueryKey, QStringList>);
        static_assert(!std::is_convertible_v<QueryScope, QueryKey>);
        static_assert(!std::is_convertible_v<QueryKey, QueryScope>);

        const QString org = QStringLiteral("org1");
        const QueryKey ticket = QueryKey::ticket(org, QStringLiteral("C1"));
        QCOMPARE(ticket.kind(), QueryKey::Kind::Ticket);
        QCOMPARE(ticket.organization(), org);
        QCOMPARE(ticket.conversationId(), QStringLiteral("C1"));
        QVERIFY(ticket.chatId().isEmpty()); // a ticket key has no chat id to misread
        QVERIFY(ticket.search().isEmpty());
        QVERIFY(!QueryKey().isValid());
        QVERIFY(QueryKey::chats(org).isUnfilteredChatList());
        QVERIFY(!QueryKey::chats(org, QStringLiteral("ana")).isUnfilteredChatList());
        QVERIFY(!QueryKey::stages(org).isUnfilteredChatList());
        // Same organization and id, another kind: another key.
        QVERIFY(QueryKey::messages(org, QStringLiteral("C1")) != ticket);
        QVERIFY(!QueryScope::of(QueryKey::Kind::Messages, org).covers(ticket));
        QVERIFY(QueryScope::of(QueryKey::Kind::Ticket, org).covers(ticket));
        QVERIFY(!QueryScope::of(QueryKey::Kind::Ticket, QStringLiteral("org2")).covers(ticket));
        QVERIFY(QueryScope::all().covers(ticket));
    }

    // Ids come from the server (and the search from the agent): a separator inside one must not
    // make it two parts, in the cache or in the logs.
    void anIdThatLooksLikeTwoPartsStaysOne()
    {
        const QueryKey one = QueryKey::messages(QStringLiteral("org1"), QStringLiteral("a:b"));
        const QueryKey two = QueryKey::messages(QStringLiteral("org1:a"), QStringLiteral("b"));
        QVERIFY(one != two);
        QVERIFY(one.toString() != two.toString());
        QCOMPARE(one.toString(), QStringLiteral("chat-messages(\"org1\", \"a:b\")"));
        const QueryKey quote = QueryKey::messages(QStringLiteral("o"), QStringLiteral("a\", \"b"));
        const QueryKey split = QueryKey::messages(QStringLiteral("o\", \"a"), QStringLiteral("b"));
        QVERIFY(quote.toString() != split.toString());

        ManualClock clock;
        QueryCache cache(&clock);
        ManualFetcher f;
        cache.setFetcher(QueryKey::Kind::Messages, f.fetcher());
        cache.observe(one);
        cache.observe(two);
        QCOMPARE(f.started, 2);
        QCOMPARE(f.pending.at(0).key.chatId(), QStringLiteral("a:b"));
        QCOMPARE(f.pending.at(0).key.organization(), QStringLiteral("org1"));
        QCOMPARE(f.pending.at(1).key.chatId(), QStringLiteral("b"));
        QCOMPARE(cache.keys().size(), 2);
        // Removing one organization's messages leaves the other's.
        cache.remove(QueryScope::of(QueryKey::Kind::Messages, QStringLiteral("org1")));
        QCOMPARE(cache.keys(), QList<QueryKey>({two}));
    }
};

QTEST_GUILESS_MAIN(TestQueryCache)
#include "tst_querycache.moc"
