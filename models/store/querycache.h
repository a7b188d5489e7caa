#pragma once

//! \file querycache.h
//! \brief Keyed queries with state, like the web app's React Query, minus the data: the data
//! lives in the item models; the cache decides *when* to fetch and whether a response may still
//! be applied.
//!
//! Rules:
//! - In-flight dedup: one fetch per key at a time.
//! - Coalescing: invalidations of an observed key inside one window (`Policy::coalesceMs`,
//!   counted from the first) give one fetch at the end of the window; an invalidation during a
//!   fetch gives exactly one more fetch after it.
//! - A slow key rests: the next fetch starts no sooner than the last one took after its end
//!   (capped by `Policy::maxRestMs`), so a fetch longer than the window (a 20 MB chat list in a
//!   publication storm) is not repeated back to back and keeps a worker busy at most half the
//!   time.
//! - Only observed keys refetch; an unobserved key turns Stale and refetches when observed.
//! - An older response never overwrites a newer one: a fetch's `apply` runs only if no later
//!   fetch of the key was applied and the key was not removed meanwhile.
//! - A fetch that never completes is abandoned after `Policy::fetchTimeoutMs` (state Error).

#include "models/api/apierror.h"
#include "models/store/clock.h"
#include "models/store/querykey.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <functional>

namespace WhaTrack {

//! Per-kind timing of the QueryCache.
struct QueryPolicy
{
    qint64 coalesceMs = 150; //!< invalidation window
    qint64 staleAfterMs = -1; //!< -1: fresh until invalidated
    qint64 fetchTimeoutMs = 120000; //!< a fetch still running after this is abandoned
    qint64 maxRestMs = 2000; //!< longest rest after a slow fetch before its follow-up
};

class QueryCache : public QObject
{
    Q_OBJECT

public:
    enum class Status {
        Idle, //!< never fetched and nothing seeded
        Fresh,
        Stale, //!< invalidated, seeded from the local cache, or past `staleAfterMs`
        Error, //!< the last fetch failed; data from before (if any) is still shown
    };
    Q_ENUM(Status)

    struct Info
    {
        Status status = Status::Idle;
        bool fetching = false;
        bool scheduled = false; //!< a coalesced fetch is waiting for its window to end
        QDateTime updatedAt; //!< wall time of the last applied data (or seed)
        ApiError lastError;
        int observers = 0;
        int fetchCount = 0; //!< fetches started, for tests and diagnostics
    };

    //! What a fetcher hands back. `apply` (may be empty) merges the data into the models; it is
    //! called only if the response is still the newest for its key.
    struct FetchResult
    {
        ApiError error;
        std::function<void()> apply;
    };
    using Complete = std::function<void(FetchResult)>;
    //! Starts the request for \a key and calls `complete` once (from the cache's thread).
    using Fetcher = std::function<void(const QueryKey& key, Complete complete)>;

    using Policy = QueryPolicy;

    //! \a clock defaults to Clock::system(); it must outlive the cache.
    explicit QueryCache(Clock* clock = nullptr, QObject* parent = nullptr);
    ~QueryCache() override;

    //! The fetcher for every key of \a kind.
    void setFetcher(QueryKey::Kind kind, Fetcher fetcher, Policy policy = {});

    //! Reference-counted. The first observer fetches at once if the key is Idle, Stale, Error or
    //! past `staleAfterMs`.
    void observe(const QueryKey& key);
    void unobserve(const QueryKey& key);

    void invalidate(const QueryKey& key);
    void invalidatePrefix(const QueryScope& scope);
    void invalidateAll();
    //! Fetch now, skipping the coalescing window (dedup still applies: an in-flight fetch gets
    //! one follow-up instead). For explicit user actions and resyncs.
    void refetch(const QueryKey& key);
    //! Marks data loaded from the local cache: Stale, with its original time.
    void seed(const QueryKey& key, const QDateTime& updatedAt);
    //! Forgets the keys in \a scope (all by default); their in-flight responses are dropped.
    void remove(const QueryScope& scope = QueryScope::all());

    Info info(const QueryKey& key) const;
    QList<QueryKey> keys() const;
    int inFlightCount() const;
    Clock* clock() const;

Q_SIGNALS:
    void stateChanged(const WhaTrack::QueryKey& key);
    void fetchStarted(const WhaTrack::QueryKey& key);
    void fetchFinished(const WhaTrack::QueryKey& key, bool ok, const WhaTrack::ApiError& error);

private:
    struct Entry;
    Entry& entry(const QueryKey& key);
    void schedule(const QueryKey& key, Entry& e);
    void start(const QueryKey& key);
    void finish(const QueryKey& key, quint64 seq, quint64 generation, FetchResult result);
    void abandon(const QueryKey& key, quint64 seq);
    void cancelTimers(Entry& e);
    bool isStale(const Entry& e) const;
    const Policy& policyFor(const QueryKey& key) const;

    struct KindEntry
    {
        Fetcher fetcher;
        Policy policy;
    };
    Clock* m_clock;
    QHash<QueryKey::Kind, KindEntry> m_kinds;
    QHash<QueryKey, Entry*> m_entries;
    quint64 m_nextSeq = 1;
};

} // namespace WhaTrack
