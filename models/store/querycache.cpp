#include "models/store/querycache.h"

#include "models/logging.h"

#include <QPointer>

namespace WhaTrack {

struct QueryCache::Entry
{
    Status status = Status::Idle;
    bool fetching = false;
    bool followUp = false; //!< invalidated while fetching: one more fetch after this one
    quint64 inflightSeq = 0;
    quint64 appliedSeq = 0;
    quint64 minSeq = 0; //!< responses of fetches started before this entry existed are dropped
    qint64 fetchStartedMs = -1;
    qint64 fetchEndedMs = -1;
    qint64 lastFetchMs = 0; //!< how long the last successful fetch took
    qint64 updatedAtMs = -1;
    Clock::TimerId windowTimer = 0;
    Clock::TimerId timeoutTimer = 0;
    QDateTime updatedAt;
    ApiError lastError;
    int observers = 0;
    int fetchCount = 0;
};

QueryCache::QueryCache(Clock* clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock ? clock : Clock::system())
{
}

QueryCache::~QueryCache()
{
    for (Entry* e : std::as_const(m_entries)) {
        cancelTimers(*e);
        delete e;
    }
}

void QueryCache::cancelTimers(Entry& e)
{
    if (e.windowTimer)
        m_clock->cancel(e.windowTimer);
    if (e.timeoutTimer)
        m_clock->cancel(e.timeoutTimer);
    e.windowTimer = e.timeoutTimer = 0;
}

void QueryCache::setFetcher(QueryKey::Kind kind, Fetcher fetcher, Policy policy)
{
    m_kinds.insert(kind, KindEntry {std::move(fetcher), policy});
}

const QueryCache::Policy& QueryCache::policyFor(const QueryKey& key) const
{
    static const Policy defaults;
    auto it = m_kinds.constFind(key.kind());
    return it == m_kinds.constEnd() ? defaults : it->policy;
}

QueryCache::Entry& QueryCache::entry(const QueryKey& key)
{
    auto it = m_entries.find(key);
    if (it != m_entries.end())
        return **it;
    auto* e = new Entry;
    e->minSeq = m_nextSeq;
    m_entries.insert(key, e);
    return *e;
}

bool QueryCache::isStale(const Entry& e) const
{
    if (e.status != Status::Fresh)
        return true;
    return false;
}

void QueryCache::observe(const QueryKey& key)
{
    Entry& e = entry(key);
    ++e.observers;
    if (e.observers > 1)
        return;
    const Policy& p = policyFor(key);
    const bool expired = p.staleAfterMs >= 0 && e.updatedAtMs >= 0
        && m_clock->nowMs() - e.updatedAtMs > p.staleAfterMs;
    if (e.fetching)
        return; // its result will do; an invalidation meanwhile already set followUp
    if (isStale(e) || expired) {
        if (expired && e.status == Status::Fresh)
            e.status = Status::Stale;
        start(key);
    }
}

void QueryCache::unobserve(const QueryKey& key)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end() || (*it)->observers == 0)
        return;
    Entry& e = **it;
    if (--e.observers > 0)
        return;
    if (e.windowTimer) { // nobody looks: no need to fetch now; it stays Stale
        m_clock->cancel(e.windowTimer);
        e.windowTimer = 0;
        Q_EMIT stateChanged(key);
    }
}

void QueryCache::schedule(const QueryKey& key, Entry& e)
{
    if (e.windowTimer || e.observers == 0)
        return;
    // The window starts at the first invalidation (or at the start of the fetch it follows),
    // so a storm gives at most one fetch per window per key.
    const Policy& policy = policyFor(key);
    const qint64 window = policy.coalesceMs;
    qint64 delay = window;
    if (e.fetchStartedMs >= 0) {
        const qint64 now = m_clock->nowMs();
        delay = std::min(window, std::max<qint64>(0, e.fetchStartedMs + window - now));
        // A fetch that took longer than the window would otherwise be followed at once, again
        // and again: in a storm the 20 MB chat list was decoded back to back, a core busy all
        // the time and the GUI thread waiting for it (issue 15). Rest as long as it took.
        const qint64 rest = std::min(e.lastFetchMs, policy.maxRestMs);
        if (e.fetchEndedMs >= 0 && rest > 0)
            delay = std::max(delay, e.fetchEndedMs + rest - now);
    }
    e.windowTimer = m_clock->schedule(delay, [this, key] {
        auto it = m_entries.find(key);
        if (it == m_entries.end())
            return;
        (*it)->windowTimer = 0;
        if ((*it)->fetching)
            (*it)->followUp = true;
        else if ((*it)->observers > 0)
            start(key);
    });
    Q_EMIT stateChanged(key);
}

void QueryCache::invalidate(const QueryKey& key)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end())
        return; // never fetched: it will fetch when observed
    Entry& e = **it;
    if (e.status == Status::Fresh) {
        e.status = Status::Stale;
        Q_EMIT stateChanged(key);
    }
    if (e.observers == 0)
        return;
    if (e.fetching)
        e.followUp = true;
    else
        schedule(key, e);
}

void QueryCache::invalidatePrefix(const QueryScope& scope)
{
    const auto keys = m_entries.keys();
    for (const auto& key : keys) {
        if (scope.covers(key))
            invalidate(key);
    }
}

void QueryCache::invalidateAll()
{
    invalidatePrefix(QueryScope::all());
}

void QueryCache::refetch(const QueryKey& key)
{
    Entry& e = entry(key);
    if (e.status == Status::Fresh) {
        e.status = Status::Stale;
        Q_EMIT stateChanged(key);
    }
    if (e.windowTimer) {
        m_clock->cancel(e.windowTimer);
        e.windowTimer = 0;
    }
    if (e.fetching)
        e.followUp = true;
    else
        start(key);
}

void QueryCache::seed(const QueryKey& key, const QDateTime& updatedAt)
{
    Entry& e = entry(key);
    if (e.status != Status::Idle)
        return;
    e.status = Status::Stale;
    e.updatedAt = updatedAt;
    Q_EMIT stateChanged(key);
}

void QueryCache::remove(const QueryScope& scope)
{
    const auto keys = m_entries.keys();
    for (const auto& key : keys) {
        if (!scope.covers(key))
            continue;
        Entry* e = m_entries.take(key);
        cancelTimers(*e);
        delete e;
    }
    qCDebug(lcModels) << "query cache: removed" << scope;
}

void QueryCache::start(const QueryKey& key)
{
    auto kind = m_kinds.constFind(key.kind());
    if (kind == m_kinds.constEnd() || !kind->fetcher) {
        qCWarning(lcModels) << "no fetcher for query" << key;
        return;
    }
    Entry& e = entry(key);
    const quint64 seq = m_nextSeq++;
    e.fetching = true;
    e.followUp = false;
    e.inflightSeq = seq;
    e.fetchStartedMs = m_clock->nowMs();
    ++e.fetchCount;
    e.timeoutTimer
        = m_clock->schedule(kind->policy.fetchTimeoutMs, [this, key, seq] { abandon(key, seq); });
    qCDebug(lcModels) << "fetch" << key << "#" << seq;
    Q_EMIT fetchStarted(key);
    Q_EMIT stateChanged(key);

    QPointer<QueryCache> guard(this);
    bool called = false;
    kind->fetcher(key, [this, guard, key, seq, called](FetchResult result) mutable {
        if (called || !guard)
            return; // exactly once
        called = true;
        finish(key, seq, 0, std::move(result));
    });
}

void QueryCache::finish(const QueryKey& key, quint64 seq, quint64, FetchResult result)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end()) {
        qCDebug(lcModels) << "dropping the response of a removed query" << key;
        return;
    }
    Entry& e = **it;
    const bool current = e.fetching && e.inflightSeq == seq;
    if (!current) {
        // An abandoned fetch answering late: useful only if it is still newer than what we have.
        if (seq < e.minSeq || seq <= e.appliedSeq || !result.error.ok()) {
            qCDebug(lcModels) << "dropping an out-of-date response for" << key << "#" << seq;
            return;
        }
        if (result.apply)
            result.apply();
        e.appliedSeq = seq;
        return;
    }
    e.fetching = false;
    if (e.timeoutTimer) {
        m_clock->cancel(e.timeoutTimer);
        e.timeoutTimer = 0;
    }
    e.fetchEndedMs = m_clock->nowMs();
    // Only a fetch that succeeded says how heavy the key is; a failure may be a long timeout.
    e.lastFetchMs = result.error.ok() ? e.fetchEndedMs - e.fetchStartedMs : 0;
    if (result.error.ok()) {
        if (seq > e.appliedSeq) {
            if (result.apply)
                result.apply();
            e.appliedSeq = seq;
        }
        e.status = e.followUp ? Status::Stale : Status::Fresh;
        e.updatedAt = m_clock->wallNow();
        e.updatedAtMs = m_clock->nowMs();
        e.lastError = {};
    } else {
        e.status = Status::Error;
        e.lastError = result.error;
        qCInfo(lcModels) << "query" << key << "failed:" << result.error.describe();
    }
    const ApiError error = result.error;
    const bool followUp
        = e.followUp && e.observers > 0 && error.kind != ApiError::Kind::Unauthorized;
    e.followUp = false;
    if (followUp)
        schedule(key, e);
    Q_EMIT fetchFinished(key, error.ok(), error);
    Q_EMIT stateChanged(key);
}

void QueryCache::abandon(const QueryKey& key, quint64 seq)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end())
        return;
    Entry& e = **it;
    e.timeoutTimer = 0;
    if (!e.fetching || e.inflightSeq != seq)
        return;
    qCWarning(lcModels) << "query" << key << "did not complete in time; abandoned";
    e.fetching = false;
    e.status = Status::Error;
    e.lastError
        = ApiError::make(ApiError::Kind::Timeout, QStringLiteral("the refresh did not complete"));
    const bool followUp = e.followUp && e.observers > 0;
    e.followUp = false;
    if (followUp)
        schedule(key, e);
    Q_EMIT fetchFinished(key, false, e.lastError);
    Q_EMIT stateChanged(key);
}

QueryCache::Info QueryCache::info(const QueryKey& key) const
{
    Info i;
    auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd())
        return i;
    const Entry& e = **it;
    i.status = e.status;
    i.fetching = e.fetching;
    i.scheduled = e.windowTimer != 0;
    i.updatedAt = e.updatedAt;
    i.lastError = e.lastError;
    i.observers = e.observers;
    i.fetchCount = e.fetchCount;
    return i;
}

QList<QueryKey> QueryCache::keys() const
{
    return m_entries.keys();
}

int QueryCache::inFlightCount() const
{
    int n = 0;
    for (const Entry* e : m_entries)
        n += e->fetching ? 1 : 0;
    return n;
}

Clock* QueryCache::clock() const
{
    return m_clock;
}

} // namespace WhaTrack
