#pragma once

//! \file connectionsnapshot.h
//! \brief Everything the connection pill and the details dialog know, as plain values.
//!
//! Filled by ConnectionMonitor from the client's signals (queued to the GUI thread) and from the
//! store's freshness. No widgets and no live objects, so tests can build one by hand.

#include "models/diagnostics/causes.h"
#include "models/store/freshness.h"
#include "realtime/client.h"
#include "realtime/networkmonitor.h"
#include "realtime/subscription.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace WhaTrack::Ui {

//! A code and reason with when it happened (wall clock, for display).
struct CodeReason
{
    int code = -1;
    QString reason;
    QDateTime at;

    bool isSet() const { return code >= 0; }
};

//! The last outcome of one REST route (method and path, no query string).
struct RestCall
{
    QString route;
    int httpStatus = 0;
    qint64 latencyMs = 0;
    QString error; //!< empty on success; plain language otherwise
    QDateTime at;
    //! The table's explanation of the failure (empty on success). Shown instead of the bare
    //! status, so an unreadable 200 answer never reads as "HTTP 200".
    WhaTrack::Diagnostics::Cause cause;
};

//! One entry of the error history: what failed, when, and the table's words for it.
struct ErrorEntry
{
    QDateTime at;
    WhaTrack::Diagnostics::Failure failure;
    WhaTrack::Diagnostics::Cause cause; //!< explain(failure), computed once
    int repeats = 1; //!< the same failure again in a row (a reconnect loop) counts here
};

//! One client-side subscription as seen from the GUI thread.
struct ChannelStatus
{
    QString channel;
    Centrifuge::Subscription::State state = Centrifuge::Subscription::State::Unsubscribed;
    QDateTime stateSince;
    CodeReason lastError; //!< last subscribe error (102 unknown channel, 103 denied...)
    CodeReason lastUnsubscribed; //!< last unsubscribed event
    QDateTime lastPublicationAt;
    qint64 publications = 0;
};

struct ConnectionSnapshot
{
    // --- inputs of the status pill ---------------------------------------------------------
    bool started = false; //!< a session started (start()); before that nothing is connecting
    qint64 startedAtMs = 0; //!< monotonic time the session started (Telegram's start grace)
    Centrifuge::Client::State state = Centrifuge::Client::State::Disconnected;
    Centrifuge::Client::State previousState = Centrifuge::Client::State::Disconnected;
    qint64 stateSinceMs = 0; //!< monotonic time of the last state change
    bool hasConnected = false; //!< connected at least once in this session
    qint64 reconnectAtMs = -1; //!< monotonic deadline of the next attempt, -1 if none scheduled
    int reconnectAttempt = 0;
    //! Unknown when the platform cannot tell.
    Centrifuge::NetworkMonitor::Reachability network
        = Centrifuge::NetworkMonitor::Reachability::Unknown;
    bool signedOut = false;
    QString signedOutReason;
    //! The store's freshness; empty until the store reported one.
    std::optional<WhaTrack::Freshness> freshness;
    QDateTime lastSyncAt; //!< wall time of the chat list data on screen (server or saved)

    // --- details only ----------------------------------------------------------------------
    QUrl backendUrl;
    QUrl webSocketUrl;
    QString clientId;
    QString serverVersion;
    QDateTime connectedSince;
    CodeReason lastConnecting;
    CodeReason lastDisconnected;
    CodeReason lastError;
    QDateTime nextRetryAt; //!< wall clock of the next attempt, for display
    QList<ChannelStatus> channels;
    qint64 tokenExpiresAtMs = -1; //!< monotonic expiry of the connection token, -1 unknown
    QString lastTokenFetch; //!< "ok", "HTTP 429 ...", plain language, never the token
    QDateTime lastTokenFetchAt;
    QList<RestCall> restCalls; //!< most recent first, one per route, at most kMaxRestCalls
    static constexpr int kMaxRestCalls = 6;
    //! Why the last connection-token fetch failed; none once a fetch succeeds.
    WhaTrack::Diagnostics::Failure tokenFailure;
    //! The most recent errors first, at most kMaxErrors (a bounded history, not just the last).
    QList<ErrorEntry> errors;
    static constexpr int kMaxErrors = 20;

    const ChannelStatus* channel(const QString& name) const;
    ChannelStatus& channelRef(const QString& name);
};

} // namespace WhaTrack::Ui
