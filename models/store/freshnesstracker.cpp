#include "models/store/freshnesstracker.h"

namespace WhaTrack {

void FreshnessTracker::noteFetch(const QueryKey& key, bool ok, const ApiError& error)
{
    if (!ok) {
        if (error.isConnectivity())
            m_serverReachable = false;
        else if (error.kind != ApiError::Kind::Unauthorized)
            m_lastError = error.describe();
    } else if (key.isUnfilteredChatList()) {
        m_lastError.clear();
    }
}

bool FreshnessTracker::noteServerReached()
{
    if (m_serverReachable)
        return false;
    m_serverReachable = true;
    return true;
}

bool FreshnessTracker::update(FreshnessInputs in, bool signedIn, const QDateTime& now)
{
    in.serverReachable = m_serverReachable;
    in.lastError = m_lastError;
    Freshness f;
    if (!signedIn) {
        f.state = Freshness::State::Stale;
        f.reason = QStringLiteral("Not signed in");
    } else {
        f.state = computeFreshnessState(in, &f.reason);
    }
    if (f == m_current)
        return false; // same state and reason: the badge and its "since" stay
    f.since = now;
    m_current = f;
    return true;
}

} // namespace WhaTrack
