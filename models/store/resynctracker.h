#pragma once

//! \file resynctracker.h
//! \brief Which refetches a resync still waits for, and how many fetches each query kind ran.
//!
//! Why its own object: "the resync is over" is a promise to the agent (the Refreshing badge goes,
//! resyncFinished(ok) fires) and it has one subtle rule, kept here where a test can reach it
//! without a store: only a fetch that *started after* the resync began counts, never one that
//! was already in flight (its answer may predate what realtime missed).

#include "models/store/querykey.h"

#include <QHash>
#include <QList>

#include <optional>

namespace WhaTrack {

class ResyncTracker
{
public:
    //! A resync begins: it waits for a fresh fetch of each of \a keys (added to any resync
    //! still running, whose errors are forgotten).
    void begin(const QList<QueryKey>& keys);
    //! The query cache started fetching \a key: counted, and it now counts for a resync.
    void fetchStarted(const QueryKey& key);
    //! The fetch of \a key ended. Returns the resync's outcome (true when every awaited fetch
    //! succeeded) when it was the last one awaited, nothing otherwise.
    std::optional<bool> fetchFinished(const QueryKey& key, bool ok);
    //! A resync is waiting for at least one fetch (the store shows "Refreshing").
    bool isRunning() const { return !m_pending.isEmpty(); }
    //! Fetches started per query kind since the last clear() (diagnostics, tests).
    const QHash<QueryKey::Kind, int>& fetchCounts() const { return m_fetchCounts; }
    //! Forgets everything (organization switch).
    void clear();

private:
    //! Keys a resync waits for: false until a fetch started after the resync began, then true.
    QHash<QueryKey, bool> m_pending;
    bool m_ok = true;
    QHash<QueryKey::Kind, int> m_fetchCounts;
};

} // namespace WhaTrack
