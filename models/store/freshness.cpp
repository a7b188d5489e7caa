#include "models/store/freshness.h"

namespace WhaTrack {

Freshness::State computeFreshnessState(const FreshnessInputs& in, QString* reason)
{
    if (!in.serverReachable) {
        *reason = in.lastError.isEmpty()
            ? QStringLiteral("The server cannot be reached; showing saved data")
            : QStringLiteral("The server cannot be reached (%1); showing saved data")
                  .arg(in.lastError);
        return Freshness::State::Offline;
    }
    if (in.refreshing) {
        *reason = in.haveServerData ? QStringLiteral("Catching up") : QStringLiteral("Loading");
        return Freshness::State::Refreshing;
    }
    if (!in.haveServerData) {
        *reason = QStringLiteral("Showing saved data");
        return Freshness::State::Stale;
    }
    if (!in.lastError.isEmpty()) {
        *reason = QStringLiteral("Last refresh failed: %1").arg(in.lastError);
        return Freshness::State::Stale;
    }
    if (in.realtimeConfigured && !in.realtimeConnected) {
        *reason = QStringLiteral("Realtime disconnected; updates may be missing");
        return Freshness::State::Stale;
    }
    if (in.watchdogSuspicious) {
        *reason = QStringLiteral("Realtime may be stale");
        return Freshness::State::Stale;
    }
    *reason = in.realtimeConfigured ? QStringLiteral("Live")
                                    : QStringLiteral("Up to date (no realtime)");
    return Freshness::State::Live;
}

} // namespace WhaTrack
