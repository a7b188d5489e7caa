#include "ui/connectionmonitor.h"

#include "models/api/apierror.h"
#include "models/diagnostics/causeadapters.h"
#include "models/store/realtimebinding.h"
#include "ui/connectiondiagnostics.h"
#include "ui/logging.h"

#include <QMetaEnum>

namespace WhaTrack::Ui {

using State = Centrifuge::Client::State;
namespace Diag = WhaTrack::Diagnostics;

namespace {

//! The REST route's place in the table: a 404 on the token route means a wrong backend URL,
//! on the sign-in route wrong credentials...
Diag::Where routeWhere(const QString& route)
{
    if (route.contains(QLatin1String("/centrifugo/subscription-token")))
        return Diag::Where::SubscriptionTokenRoute;
    if (route.contains(QLatin1String("/centrifugo/token")))
        return Diag::Where::TokenRoute;
    if (route.contains(QLatin1String("/auth/")) || route.contains(QLatin1String("sign-in")))
        return Diag::Where::SignIn;
    return Diag::Where::Backend;
}

//! The token provider gives only its text; an unreadable answer must not read as its status.
Diag::Failure tokenFetchFailure(const QString& description)
{
    if (description.contains(WhaTrack::undecodableAnswerText()))
        return Diag::Failure::make(
            Diag::Where::TokenRoute, Diag::Kind::DecodeError, 0, description);
    if (description.startsWith(QLatin1String("unauthorized")))
        return Diag::Failure::make(
            Diag::Where::TokenRoute, Diag::Kind::HttpStatus, 401, description);
    return Diag::fromRealtimeError(
        Diag::Where::TokenRoute, Centrifuge::ErrorType::ConnectToken, 0, description);
}

bool sameFailure(const Diag::Failure& a, const Diag::Failure& b)
{
    return a.where == b.where && a.kind == b.kind && a.code == b.code && a.detail == b.detail
        && a.subject == b.subject;
}

} // namespace

ConnectionMonitor::ConnectionMonitor(Centrifuge::Clock* clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock ? clock : Centrifuge::Clock::system())
{
    m_snapshot.startedAtMs = m_clock->nowMs();
    m_snapshot.stateSinceMs = m_snapshot.startedAtMs;
}

CodeReason ConnectionMonitor::stamp(int code, const QString& reason)
{
    return CodeReason {code, reason, QDateTime::currentDateTime()};
}

void ConnectionMonitor::setEndpoints(const QUrl& backendUrl, const QUrl& webSocketUrl)
{
    m_snapshot.backendUrl = backendUrl;
    m_snapshot.webSocketUrl = webSocketUrl;
    Q_EMIT changed();
}

void ConnectionMonitor::setDiagnostics(ConnectionDiagnostics* diagnostics)
{
    m_diagnostics = diagnostics;
    Q_EMIT changed();
}

ConnectionDiagnostics* ConnectionMonitor::diagnostics() const
{
    return m_diagnostics;
}

void ConnectionMonitor::recordFailure(const Diag::Failure& failure)
{
    if (failure.isNone() || failure.kind == Diag::Kind::Canceled)
        return;
    auto& errors = m_snapshot.errors;
    const QDateTime now = QDateTime::currentDateTime();
    if (!errors.isEmpty() && sameFailure(errors.first().failure, failure)) {
        // A reconnect loop repeats one failure: count it rather than push the others out.
        ++errors.first().repeats;
        errors.first().at = now;
    } else {
        errors.prepend(ErrorEntry {now, failure, Diag::explain(failure), 1});
        if (errors.size() > ConnectionSnapshot::kMaxErrors)
            errors.resize(ConnectionSnapshot::kMaxErrors);
    }
    Q_EMIT changed();
}

void ConnectionMonitor::setChannels(const QStringList& channels)
{
    // In the given order (messages first); what is known of a channel already stays.
    QList<ChannelStatus> rows;
    for (const auto& name : channels) {
        const ChannelStatus* known = m_snapshot.channel(name);
        rows << (known ? *known : ChannelStatus {name, {}, {}, {}, {}, {}, 0});
    }
    m_snapshot.channels = rows;
    Q_EMIT changed();
}

void ConnectionMonitor::attach(WhaTrack::RealtimeBinding* binding)
{
    using WhaTrack::RealtimeBinding;
    // Same thread as the binding (the GUI's): direct connections, the snapshot follows at once.
    connect(
        binding, &RealtimeBinding::clientStateChanged, this, &ConnectionMonitor::onStateChanged);
    connect(binding, &RealtimeBinding::clientConnecting, this, &ConnectionMonitor::onConnecting);
    connect(binding, &RealtimeBinding::clientConnected, this, &ConnectionMonitor::onConnected);
    connect(
        binding, &RealtimeBinding::clientDisconnected, this, &ConnectionMonitor::onDisconnected);
    connect(binding, &RealtimeBinding::clientError, this,
        qOverload<const Centrifuge::Error&>(&ConnectionMonitor::onError));
    connect(binding, &RealtimeBinding::reconnectScheduled, this,
        &ConnectionMonitor::onReconnectScheduled);
    connect(binding, &RealtimeBinding::tokenRefreshed, this, &ConnectionMonitor::onTokenRefreshed);
    connect(binding, &RealtimeBinding::channelsChanged, this, &ConnectionMonitor::setChannels);
    connect(binding, &RealtimeBinding::channelStateChanged, this,
        &ConnectionMonitor::onSubscriptionState);
    connect(binding, &RealtimeBinding::channelError, this, &ConnectionMonitor::onSubscriptionError);
    connect(
        binding, &RealtimeBinding::channelUnsubscribed, this, &ConnectionMonitor::onUnsubscribed);
    connect(binding, &RealtimeBinding::publicationSeen, this,
        [this](const QString& channel, const QDateTime&) { onPublication(channel); });
    setChannels(binding->channels());
}

void ConnectionMonitor::start()
{
    ConnectionSnapshot fresh;
    fresh.backendUrl = m_snapshot.backendUrl;
    fresh.webSocketUrl = m_snapshot.webSocketUrl;
    for (const auto& c : std::as_const(m_snapshot.channels))
        fresh.channelRef(c.channel);
    fresh.network = m_snapshot.network;
    fresh.restCalls = m_snapshot.restCalls;
    // The history outlives a session: the errors that led to a sign-in again are still useful.
    fresh.errors = m_snapshot.errors;
    fresh.started = true;
    fresh.startedAtMs = m_clock->nowMs();
    fresh.stateSinceMs = fresh.startedAtMs;
    m_snapshot = fresh;
    Q_EMIT changed();
}

void ConnectionMonitor::onStateChanged(State state)
{
    if (state == m_snapshot.state)
        return;
    qCInfo(lcUi) << "realtime state" << m_snapshot.state << "->" << state;
    m_snapshot.previousState = m_snapshot.state;
    m_snapshot.state = state;
    m_snapshot.stateSinceMs = m_clock->nowMs();
    if (state == State::Connected) {
        m_snapshot.hasConnected = true;
        m_snapshot.reconnectAtMs = -1;
        m_snapshot.nextRetryAt = {};
        m_snapshot.reconnectAttempt = 0;
        m_snapshot.connectedSince = QDateTime::currentDateTime();
        m_snapshot.signedOut = false;
    } else {
        m_snapshot.connectedSince = {};
    }
    Q_EMIT changed();
}

void ConnectionMonitor::onConnecting(int code, const QString& reason)
{
    m_snapshot.lastConnecting = stamp(code, reason);
    Q_EMIT changed();
    recordFailure(Diag::fromConnecting(code, reason));
}

void ConnectionMonitor::onConnected(const QString& clientId, const QString& serverVersion)
{
    m_snapshot.clientId = clientId;
    m_snapshot.serverVersion = serverVersion;
    Q_EMIT changed();
}

void ConnectionMonitor::onDisconnected(int code, const QString& reason)
{
    qCInfo(lcUi) << "realtime disconnected" << code << reason;
    m_snapshot.lastDisconnected = stamp(code, reason);
    m_snapshot.reconnectAtMs = -1;
    m_snapshot.nextRetryAt = {};
    Q_EMIT changed();
    recordFailure(Diag::fromDisconnect(code, reason));
}

void ConnectionMonitor::onError(Centrifuge::ErrorType type, int code, const QString& message)
{
    onError(Centrifuge::Error::make(type, code, message));
}

void ConnectionMonitor::onError(const Centrifuge::Error& error)
{
    // QMetaEnum rather than errorTypeName(): the name is only for display here.
    const char* name = QMetaEnum::fromType<Centrifuge::ErrorType>().valueToKey(int(error.type));
    m_snapshot.lastError = stamp(
        error.code, QLatin1String(name ? name : "Error") + QStringLiteral(": ") + error.message);
    Q_EMIT changed();
    recordFailure(Diag::fromRealtimeError(Diag::Where::Unknown, error));
}

void ConnectionMonitor::onReconnectScheduled(int attempt, qint64 delayMs)
{
    m_snapshot.reconnectAttempt = attempt;
    m_snapshot.reconnectAtMs = m_clock->nowMs() + std::max<qint64>(0, delayMs);
    m_snapshot.nextRetryAt = QDateTime::currentDateTime().addMSecs(delayMs);
    Q_EMIT changed();
}

void ConnectionMonitor::onTokenRefreshed(qint64 expiresInSeconds)
{
    m_snapshot.tokenExpiresAtMs
        = expiresInSeconds > 0 ? m_clock->nowMs() + expiresInSeconds * 1000 : -1;
    Q_EMIT changed();
}

void ConnectionMonitor::onSubscriptionState(
    const QString& channel, Centrifuge::Subscription::State state)
{
    auto& c = m_snapshot.channelRef(channel);
    if (c.state == state)
        return;
    c.state = state;
    c.stateSince = QDateTime::currentDateTime();
    if (state == Centrifuge::Subscription::State::Subscribed)
        c.lastError = {};
    Q_EMIT changed();
}

void ConnectionMonitor::onSubscriptionError(
    const QString& channel, int code, const QString& message)
{
    qCWarning(lcUi) << "subscription error" << channel << code << message;
    m_snapshot.channelRef(channel).lastError = stamp(code, message);
    Q_EMIT changed();
    Diag::Failure f = Diag::fromRealtimeError(
        Diag::Where::Subscribe, Centrifuge::ErrorType::Subscribe, code, message);
    f.subject = channel;
    recordFailure(f);
}

void ConnectionMonitor::onUnsubscribed(const QString& channel, int code, const QString& reason)
{
    m_snapshot.channelRef(channel).lastUnsubscribed = stamp(code, reason);
    Q_EMIT changed();
    recordFailure(Diag::fromUnsubscribed(channel, code, reason));
}

void ConnectionMonitor::onPublication(const QString& channel)
{
    auto& c = m_snapshot.channelRef(channel);
    c.lastPublicationAt = QDateTime::currentDateTime();
    ++c.publications;
    Q_EMIT changed();
}

void ConnectionMonitor::onTokenFetch(bool ok, const QString& description)
{
    m_snapshot.lastTokenFetch = ok ? tr("ok") : description;
    m_snapshot.lastTokenFetchAt = QDateTime::currentDateTime();
    m_snapshot.tokenFailure = ok ? Diag::Failure() : tokenFetchFailure(description);
    Q_EMIT changed();
    recordFailure(m_snapshot.tokenFailure);
}

void ConnectionMonitor::onRestCall(
    const QString& route, int httpStatus, qint64 latencyMs, const QString& error)
{
    auto& calls = m_snapshot.restCalls;
    calls.removeIf([&route](const RestCall& c) { return c.route == route; });
    calls.prepend(RestCall {route, httpStatus, latencyMs, error, QDateTime::currentDateTime(), {}});
    if (calls.size() > ConnectionSnapshot::kMaxRestCalls)
        calls.resize(ConnectionSnapshot::kMaxRestCalls);
    Q_EMIT changed();
}

void ConnectionMonitor::onRestResult(
    const QString& route, int httpStatus, qint64 latencyMs, const WhaTrack::ApiError& error)
{
    if (error.ok()) {
        onRestCall(route, httpStatus, latencyMs, {});
        return;
    }
    const Diag::Failure failure = Diag::fromApiError(routeWhere(route), error);
    auto& calls = m_snapshot.restCalls;
    calls.removeIf([&route](const RestCall& c) { return c.route == route; });
    calls.prepend(RestCall {route, httpStatus, latencyMs, error.describe(),
        QDateTime::currentDateTime(), Diag::explain(failure)});
    if (calls.size() > ConnectionSnapshot::kMaxRestCalls)
        calls.resize(ConnectionSnapshot::kMaxRestCalls);
    Q_EMIT changed();
    // "Run diagnostics" probes through the app's REST client on purpose (a subscription token
    // for a channel that may be refused...): its findings are its steps, not the app's errors.
    if (m_diagnostics && m_diagnostics->isRunning())
        return;
    recordFailure(failure);
}

void ConnectionMonitor::setNetworkReachable(Centrifuge::NetworkMonitor::Reachability reachability)
{
    if (reachability == m_snapshot.network)
        return;
    m_snapshot.network = reachability;
    Q_EMIT changed();
}

void ConnectionMonitor::setSignedOut(bool signedOut, const QString& reason)
{
    m_snapshot.signedOut = signedOut;
    m_snapshot.signedOutReason = reason;
    Q_EMIT changed();
}

void ConnectionMonitor::setFreshness(
    const WhaTrack::Freshness& freshness, const QDateTime& lastSyncAt)
{
    m_snapshot.freshness = freshness;
    if (lastSyncAt.isValid())
        m_snapshot.lastSyncAt = lastSyncAt;
    Q_EMIT changed();
}

} // namespace WhaTrack::Ui
