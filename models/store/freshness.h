#pragma once

//! \file freshness.h
//! \brief How much the agent can trust what is on screen, with the reason in plain language.

#include <QDateTime>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace WhaTrack {

struct Freshness
{
    Q_GADGET

public:
    enum class State {
        Live, //!< realtime connected and subscribed, last resync succeeded
        Refreshing, //!< a resync is running (first load, reconnect, resume, organization switch)
        Stale, //!< showing data that may be behind: see `reason` and `since`
        Offline, //!< the backend cannot be reached; showing the local cache
    };
    Q_ENUM(State)

    State state = State::Stale;
    QString reason; //!< e.g. "Realtime disconnected", "Showing saved data", "Realtime may be stale"
    QDateTime since; //!< when the current state began

    friend bool operator==(const Freshness& a, const Freshness& b)
    {
        return a.state == b.state && a.reason == b.reason;
    }
};

//! What the freshness is computed from (kept apart so the rule is unit-testable).
struct FreshnessInputs
{
    bool realtimeConnected = false; //!< client connected and every channel subscribed
    bool realtimeConfigured = true; //!< false when running without a realtime client
    bool serverReachable = true; //!< false after a connectivity error, until a response
    bool refreshing = false; //!< a resync is in flight
    bool haveServerData = false; //!< at least one successful refresh since start/switch
    bool watchdogSuspicious = false; //!< the silent-socket watchdog flagged the stream
    QString lastError; //!< the last failed refresh, plain language
};

//! The rule: Offline > Refreshing > Stale(reason) > Live.
Freshness::State computeFreshnessState(const FreshnessInputs& in, QString* reason);

} // namespace WhaTrack

Q_DECLARE_METATYPE(WhaTrack::Freshness)
