#include "models/store/resynctracker.h"

namespace WhaTrack {

void ResyncTracker::begin(const QList<QueryKey>& keys)
{
    m_ok = true;
    for (const auto& key : keys)
        m_pending.insert(key, false);
}

void ResyncTracker::fetchStarted(const QueryKey& key)
{
    ++m_fetchCounts[key.kind()];
    if (auto it = m_pending.find(key); it != m_pending.end())
        *it = true;
}

std::optional<bool> ResyncTracker::fetchFinished(const QueryKey& key, bool ok)
{
    // Only a fetch that started after the resync began counts (not one already in flight).
    if (!m_pending.value(key, false))
        return std::nullopt;
    m_pending.remove(key);
    m_ok = m_ok && ok;
    if (!m_pending.isEmpty())
        return std::nullopt;
    return m_ok;
}

void ResyncTracker::clear()
{
    m_pending.clear();
    m_fetchCounts.clear();
}

} // namespace WhaTrack
