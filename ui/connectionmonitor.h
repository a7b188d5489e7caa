#pragma once

//! \file connectionmonitor.h
//! \brief GUI-thread mirror of the realtime client, the token source and the store freshness.
//!
//! The client lives on its own thread, so the GUI never calls into it to read state: attach()
//! takes the store's RealtimeBinding, the one object that owns the subscriptions and
//! republishes the client's and the subscriptions' events (queued), and the pill and the
//! details dialog read the resulting ConnectionSnapshot. Timestamps come from an injected
//! monotonic clock so tests can drive every debounce rule.

#include "realtime/clock.h"
#include "ui/connectionsnapshot.h"

#include <QObject>
#include <QPointer>

namespace WhaTrack {
struct ApiError;
class RealtimeBinding;
} // namespace WhaTrack

namespace WhaTrack::Ui {

class ConnectionDiagnostics;

class ConnectionMonitor : public QObject
{
    Q_OBJECT

public:
    //! Timestamps are the monotonic time of \a clock (Clock::system() when null), which must
    //! outlive the monitor.
    explicit ConnectionMonitor(Centrifuge::Clock* clock = nullptr, QObject* parent = nullptr);

    const ConnectionSnapshot& snapshot() const { return m_snapshot; }
    qint64 now() const { return m_clock->nowMs(); }

    void setEndpoints(const QUrl& backendUrl, const QUrl& webSocketUrl);
    //! The diagnostics of this session (the details dialog's "Run diagnostics"). The monitor
    //! does not own it; without one the dialog offers no run.
    void setDiagnostics(ConnectionDiagnostics* diagnostics);
    ConnectionDiagnostics* diagnostics() const;
    //! The channels the session subscribes to, listed even before their first event; the
    //! rows of channels not in the list (the previous organization's) go.
    void setChannels(const QStringList& channels);
    //! Follows \a binding: client state, errors, reconnects, token refreshes, and every
    //! channel's state, refusal (channelError) and publications. Call once.
    void attach(WhaTrack::RealtimeBinding* binding);

public Q_SLOTS:
    //! A new session starts (after sign-in): resets everything but the endpoints and starts
    //! the start-grace period.
    void start();

    // Client events.
    void onStateChanged(Centrifuge::Client::State state);
    void onConnecting(int code, const QString& reason);
    void onConnected(const QString& clientId, const QString& serverVersion);
    void onDisconnected(int code, const QString& reason);
    //! The client's error with its category (Client::failed).
    void onError(const Centrifuge::Error& error);
    //! The same from the text API (type, code, message): the category follows from the type.
    void onError(Centrifuge::ErrorType type, int code, const QString& message);
    //! The client's reconnectScheduled(attempt, delayMs): delayMs is millisToReconnect() at
    //! that moment, so the countdown is computed here without calling into the client thread.
    void onReconnectScheduled(int attempt, qint64 delayMs);
    void onTokenRefreshed(qint64 expiresInSeconds);

    // Subscription events (the subscription signals carry no channel; the wiring adds it).
    void onSubscriptionState(const QString& channel, Centrifuge::Subscription::State state);
    void onSubscriptionError(const QString& channel, int code, const QString& message);
    void onUnsubscribed(const QString& channel, int code, const QString& reason);
    void onPublication(const QString& channel);

    // Other inputs.
    //! Result of the last connection-token fetch, in plain language ("ok", "HTTP 429 ...").
    //! A failure is explained by the table of causes and kept in the error history.
    void onTokenFetch(bool ok, const QString& description);
    //! A REST call finished (ApiClient::requestFinished); keeps the latest per route.
    void onRestCall(const QString& route, int httpStatus, qint64 latencyMs, const QString& error);
    //! The same with the client's classified error: the row shows the table's words and a
    //! failure joins the error history.
    void onRestResult(
        const QString& route, int httpStatus, qint64 latencyMs, const WhaTrack::ApiError& error);
    //! Adds a failure to the bounded error history (the same failure again in a row is
    //! counted, not repeated). Kind::None and Canceled are ignored.
    void recordFailure(const WhaTrack::Diagnostics::Failure& failure);
    //! The platform's reachability (Unknown when QNetworkInformation has no backend).
    void setNetworkReachable(Centrifuge::NetworkMonitor::Reachability reachability);
    void setSignedOut(bool signedOut, const QString& reason = {});
    void setFreshness(const WhaTrack::Freshness& freshness, const QDateTime& lastSyncAt = {});

Q_SIGNALS:
    void changed();

private:
    static CodeReason stamp(int code, const QString& reason);

    Centrifuge::Clock* m_clock;
    ConnectionSnapshot m_snapshot;
    QPointer<ConnectionDiagnostics> m_diagnostics;
};

} // namespace WhaTrack::Ui
