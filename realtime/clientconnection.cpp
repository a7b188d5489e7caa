// The connection state machine: connect, frames, disconnect rules, reconnect with backoff.

#include "realtime/client_p.h"
#include "realtime/framelog.h"
#include "realtime/logging.h"
#include "realtime/protocol/codec.h"
#include "realtime/subscription.h"
#include "realtime/subscription_p.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Centrifuge {

void ClientPrivate::setState(Client::State next)
{
    if (state == next)
        return;
    qCInfo(lcRealtime) << "state" << state.load() << "->" << next;
    state = next;
    Q_EMIT q->stateChanged(next);
}

void ClientPrivate::connect()
{
    if (state == Client::State::Closed) {
        qCWarning(lcRealtime) << "connectToServer() on a closed client ignored";
        return;
    }
    if (state != Client::State::Disconnected)
        return;
    if (options.watchNetworkReachability) {
        // On the monitor's own thread: an application's monitor may live elsewhere.
        QMetaObject::invokeMethod(network, [monitor = network] { monitor->start(); });
    }
    resetBackoff();
    setState(Client::State::Connecting);
    qCInfo(lcRealtime) << "connecting to" << redactedUrl(url);
    Q_EMIT q->connecting(ConnectingCode::ConnectCalled, QStringLiteral("connect called"));
    if (state != Client::State::Connecting)
        return; // a handler changed its mind
    startConnecting();
}

void ClientPrivate::disconnect()
{
    if (state != Client::State::Connecting && state != Client::State::Connected)
        return;
    goDisconnected(DisconnectedCode::DisconnectCalled, QStringLiteral("disconnect called"));
}

void ClientPrivate::close()
{
    if (state == Client::State::Closed)
        return;
    disconnect();
    qCInfo(lcRealtime) << "closing client";
    subscriptionsOnClose();
    serverSubs.clear(UnsubscribedCode::ClientClosed, QStringLiteral("client closed"));
    failWaiting(CallCode::ClientClosed, QStringLiteral("client closed"));
    setState(Client::State::Closed);
}

void ClientPrivate::startConnecting()
{
    cancelReconnect();
    ++attempt;
    if (refreshRequired && !provider) {
        // The server rejected our static token as expired and nothing can replace it.
        qCWarning(lcRealtime) << "connection token expired and no token provider is set";
        goDisconnected(DisconnectedCode::Unauthorized, QStringLiteral("unauthorized"));
        return;
    }
    if (provider && (token.isEmpty() || refreshRequired)) {
        fetchConnectToken();
        return;
    }
    openTransport();
}

void ClientPrivate::openTransport()
{
    Transport::Config config;
    config.url = url;
    config.headers = options.headers;
    config.sslConfiguration = options.sslConfiguration;
    config.openTimeout = options.timeout;
    serverWantsPong = false;
    generation = transport->open(config);
}

void ClientPrivate::onTransportOpened(quint64 gen)
{
    if (!isCurrent(gen) || state != Client::State::Connecting)
        return;
    qCInfo(lcRealtime) << "WebSocket open, sending connect";
    Protocol::ConnectRequest request;
    request.token = token;
    request.data = options.data;
    request.name = options.name;
    request.version = options.version;
    request.subs = serverSubs.recoveryState();

    std::vector<Protocol::Command> commands;
    const quint32 id = calls->add(
        options.timeout, [this, gen](const CallOutcome& outcome) { onConnectReply(gen, outcome); });
    commands.push_back(Protocol::Command {id, std::move(request)});
    // Optimistic subscriptions: every subscription that can go now rides in the same frame.
    // The server handles the frame in order, so they arrive right after a successful connect.
    for (Subscription* sub : subscriptionsSnapshot()) {
        if (auto command = buildSubscribe(sub->d.get()))
            commands.push_back(std::move(*command));
    }
    const QByteArray frame = Protocol::encodeCommands(commands);
    if (!sendFrame(frame))
        goConnecting(ConnectingCode::TransportClosed, QStringLiteral("transport closed"));
}

bool ClientPrivate::sendFrame(const QByteArray& frame)
{
    logFrame("->", frame);
    if (transport->send(frame))
        return true;
    qCWarning(lcRealtime) << "could not write to the WebSocket";
    return false;
}

void ClientPrivate::onFrame(quint64 gen, const QByteArray& frame)
{
    if (!isCurrent(gen))
        return;
    logFrame("<-", frame);
    watchdog->feed();
    const Protocol::DecodedFrame decoded = Protocol::decodeFrame(frame);
    for (const Protocol::ServerMessage& message : decoded.messages) {
        dispatch(gen, message);
        if (!isCurrent(gen))
            return; // a reply or a handler ended this connection: the rest belongs to it
    }
    if (decoded.error) {
        qCWarning(lcRealtime) << "undecodable frame from server, line" << decoded.error->line
                              << decoded.error->message;
        Q_EMIT q->errorOccurred(
            ErrorType::BadProtocol, DisconnectedCode::BadProtocol, decoded.error->message);
        if (isCurrent(gen))
            goDisconnected(DisconnectedCode::BadProtocol, QStringLiteral("bad protocol"));
    }
}

void ClientPrivate::dispatch(quint64 gen, const Protocol::ServerMessage& message)
{
    if (std::holds_alternative<Protocol::Ping>(message)) {
        if (state == Client::State::Connected && serverWantsPong)
            sendFrame(Protocol::encodePong());
        return;
    }
    if (const auto* reply = std::get_if<Protocol::Reply>(&message)) {
        if (!calls->settle(*reply))
            qCInfo(lcRealtime) << "reply to unknown or timed-out call" << reply->id << "dropped";
        return;
    }
    if (const auto* push = std::get_if<Protocol::Push>(&message)) {
        if (state == Client::State::Connected
            || std::holds_alternative<Protocol::DisconnectPush>(push->payload))
            handlePush(*push);
    }
    Q_UNUSED(gen);
}

void ClientPrivate::onConnectReply(quint64 gen, const CallOutcome& outcome)
{
    if (!isCurrent(gen) || state != Client::State::Connecting)
        return;
    if (!outcome.reply) {
        if (outcome.code != CallCode::Timeout)
            return; // connection closed: onTransportClosed decides
        qCWarning(lcRealtime) << "connect timed out";
        Q_EMIT q->errorOccurred(
            ErrorType::Timeout, CallCode::Timeout, QStringLiteral("connect timeout"));
        if (isCurrent(gen))
            goConnecting(ConnectingCode::TransportClosed, QStringLiteral("connect timeout"));
        return;
    }
    if (const auto& error = outcome.reply->error) {
        qCWarning(lcRealtime) << "connect failed:" << error->code << error->message;
        if (error->code == 109)
            refreshRequired = true; // token expired: fetch a new one before the next attempt
        Q_EMIT q->errorOccurred(ErrorType::Connect, error->code, error->message);
        if (!isCurrent(gen))
            return;
        if (isRetryableReplyError(error->code, error->temporary))
            goConnecting(ConnectingCode::TransportClosed, error->message);
        else
            goDisconnected(error->code, error->message);
        return;
    }
    const auto* result = std::get_if<Protocol::ConnectResult>(&outcome.reply->result);
    if (!result) {
        Q_EMIT q->errorOccurred(ErrorType::BadProtocol, DisconnectedCode::BadProtocol,
            QStringLiteral("connect reply without a connect result"));
        if (isCurrent(gen))
            goDisconnected(DisconnectedCode::BadProtocol, QStringLiteral("bad protocol"));
        return;
    }
    onConnected(*result);
}

void ClientPrivate::onConnected(const Protocol::ConnectResult& result)
{
    const quint64 gen = generation;
    ++session;
    resetBackoff();
    refreshRequired = false;
    serverWantsPong = result.pong;
    watchdog->arm(std::chrono::seconds {result.ping}, options.maxServerPingDelay);
    if (result.expires)
        refresher->scheduleAtTtl(result.ttl);
    qCInfo(lcRealtime) << "connected, client" << result.client << "server" << result.version
                       << "ping" << result.ping << "s, token ttl"
                       << (result.expires ? qint64(result.ttl) : qint64(-1)) << "s";
    setState(Client::State::Connected);
    auto alive = [this, gen] { return isCurrent(gen) && state == Client::State::Connected; };
    Q_EMIT q->connected(result.client, result.version, result.data);
    if (!alive())
        return;
    serverSubs.handleConnected(result.subs, alive);
    if (!alive())
        return;
    subscriptionsOnConnected();
    if (!alive())
        return;
    flushWaiting();
}

void ClientPrivate::onTransportClosed(quint64 gen, int code, const QString& reason)
{
    if (!isCurrent(gen))
        return;
    generation = 0;
    qCInfo(lcRealtime) << "WebSocket closed, code" << code << "reason" << reason;
    handleDisconnectAdvice(code, reason);
}

void ClientPrivate::onTransportError(quint64 gen, const QString& message)
{
    if (!isCurrent(gen))
        return;
    qCWarning(lcRealtime) << "transport error:" << message;
    Q_EMIT q->errorOccurred(ErrorType::Transport, 0, message);
}

void ClientPrivate::handleDisconnectAdvice(int code, QString reason)
{
    bool reconnect = shouldReconnectAfterServerCode(code);
    // Legacy servers put {"reason": ..., "reconnect": ...} in the close reason.
    const QJsonDocument legacy = QJsonDocument::fromJson(reason.toUtf8());
    if (legacy.isObject() && legacy.object().contains(QStringLiteral("reconnect"))) {
        reconnect = legacy.object().value(QStringLiteral("reconnect")).toBool();
        reason = legacy.object().value(QStringLiteral("reason")).toString();
    } else if (code == QWebSocketProtocol::CloseCodeTooMuchData) {
        goDisconnected(DisconnectedCode::MessageSizeLimit, QStringLiteral("message size limit"));
        return;
    } else if (code < 3000) {
        code = ConnectingCode::TransportClosed;
        reason = QStringLiteral("transport closed");
    }
    if (code == 3014)
        invalidateState();
    if (reconnect)
        goConnecting(code, reason);
    else
        goDisconnected(code, reason);
}

void ClientPrivate::teardown(int closeCode)
{
    ++session; // every reply or token answer of the ended session is now stale
    if (generation != 0) {
        transport->close(closeCode);
        generation = 0;
    }
    watchdog->disarm();
    refresher->stop();
    serverWantsPong = false;
    channelOps.clear();
    channelIds.clear(); // compaction ids are per connection
    calls->failAll(CallCode::ConnectionClosed, QStringLiteral("connection closed"));
}

void ClientPrivate::goConnecting(int code, const QString& reason, int minDelayMs)
{
    const bool wasConnected = state == Client::State::Connected;
    teardown(QWebSocketProtocol::CloseCodeNormal);
    if (state == Client::State::Closed || state == Client::State::Disconnected)
        return;
    qCInfo(lcRealtime) << "connection lost, code" << code << reason;
    setState(Client::State::Connecting);
    if (wasConnected)
        Q_EMIT q->connecting(code, reason);
    if (state != Client::State::Connecting)
        return;
    subscriptionsOnTransportLost();
    if (wasConnected)
        serverSubs.handleTransportLost();
    if (state == Client::State::Connecting && !reconnectTimer->isActive() && generation == 0)
        scheduleReconnect(minDelayMs);
}

void ClientPrivate::goDisconnected(int code, const QString& reason)
{
    ++attempt; // token answers for any attempt so far are void
    cancelReconnect();
    teardown(QWebSocketProtocol::CloseCodeNormal);
    if (state == Client::State::Disconnected || state == Client::State::Closed)
        return;
    qCInfo(lcRealtime) << "disconnected, code" << code << reason;
    setState(Client::State::Disconnected);
    failWaiting(CallCode::ClientDisconnected, QStringLiteral("client disconnected"));
    Q_EMIT q->disconnected(code, reason);
    if (state != Client::State::Disconnected)
        return;
    subscriptionsOnTransportLost();
    serverSubs.handleTransportLost();
}

void ClientPrivate::scheduleReconnect(int minDelayMs)
{
    const int attemptNo = reconnectBackoff.attempt();
    qint64 delay = reconnectBackoff.next().count();
    if (minDelayMs > delay)
        delay = minDelayMs; // a server-given wait (Retry-After) is honoured
    reconnectAttempt = reconnectBackoff.attempt();
    reconnectAtMs = QDeadlineTimer(delay, Qt::PreciseTimer).deadline();
    reconnectTimer->start(int(std::min<qint64>(delay, std::numeric_limits<int>::max())));
    qCInfo(lcRealtime) << "reconnect attempt" << attemptNo + 1 << "in" << delay << "ms";
    Q_EMIT q->reconnectScheduled(attemptNo + 1, delay);
}

void ClientPrivate::cancelReconnect()
{
    reconnectTimer->stop();
    reconnectAtMs = -1;
}

void ClientPrivate::reconnectNow(int code, const QString& reason)
{
    if (state != Client::State::Connecting || !reconnectTimer->isActive()) {
        qCInfo(lcRealtime) << "reconnect now: nothing is waiting (" << reason << ")";
        return;
    }
    qCInfo(lcRealtime) << "reconnecting now:" << reason;
    Q_EMIT q->connecting(code, reason);
    if (state == Client::State::Connecting)
        startConnecting();
}

void ClientPrivate::resetBackoff()
{
    reconnectBackoff.reset();
    reconnectAttempt = 0;
}

void ClientPrivate::invalidateState()
{
    qCInfo(lcRealtime) << "server invalidated state: dropping positions";
    if (provider)
        token.clear(); // only a provider can give another; a static token stays
    serverSubs.invalidate();
    for (Subscription* sub : subscriptionsSnapshot()) {
        SubscriptionPrivate* sp = sub->d.get();
        if (sp->options.useTokenProvider)
            sp->token.clear();
        if (sp->currentPosition().isValid()) {
            sp->setPosition(StreamPosition {0, QStringLiteral("_")});
            sp->recover = true;
        }
        sp->delta.reset();
    }
}

} // namespace Centrifuge
