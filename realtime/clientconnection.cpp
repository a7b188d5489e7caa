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
    protocolErrorBackoff.reset();
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
    subs.onClose();
    calls.failWaiting(CallCode::ClientClosed, QStringLiteral("client closed"));
    setState(Client::State::Closed);
}

void ClientPrivate::startConnecting()
{
    cancelReconnect();
    ++attempt;
    if (tokens.expiredForGood()) {
        // The server rejected our static token as expired and nothing can replace it.
        qCWarning(lcRealtime) << "connection token expired and no token provider is set";
        goDisconnected(DisconnectedCode::Unauthorized, QStringLiteral("unauthorized"));
        return;
    }
    if (tokens.needsFetch()) {
        tokens.fetchForConnect();
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
    config.maxIncomingMessageSize = options.maxIncomingMessageSize;
    serverWantsPong = false;
    generation = transport->open(config);
}

void ClientPrivate::onTransportOpened(quint64 gen)
{
    if (!isCurrent(gen) || state != Client::State::Connecting)
        return;
    qCInfo(lcRealtime) << "WebSocket open, sending connect";
    Protocol::ConnectRequest request;
    request.token = tokens.token();
    request.data = options.data;
    request.name = options.name;
    request.version = options.version;
    request.subs = subs.serverRecoveryState();

    std::vector<Protocol::Command> commands;
    const quint32 id = calls.replies().add(
        options.timeout, [this, gen](const CallOutcome& outcome) { onConnectReply(gen, outcome); });
    commands.push_back(Protocol::Command {id, std::move(request)});
    // Optimistic subscriptions: every subscription that can go now rides in the same frame.
    // The server handles the frame in order, so they arrive right after a successful connect.
    for (Protocol::Command& subscribe : subs.subscribesForConnect())
        commands.push_back(std::move(subscribe));
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
        onProtocolError(gen, DisconnectedCode::BadProtocol,
            QStringLiteral("the server sent a frame that could not be read (line %1: %2)")
                .arg(decoded.error->line)
                .arg(decoded.error->message));
    }
}

void ClientPrivate::onProtocolError(quint64 gen, int code, const QString& message)
{
    // centrifuge-js (5.8) reconnects here too: one bad frame (a proxy's error page, a server
    // bug) must not end realtime for a client that stays open all day. Terminal endings are
    // left to the server (codes 3500-3999/4500-4999, reconnect: false).
    reportError(Error::make(ErrorType::BadProtocol, code, message));
    if (!isCurrent(gen) && generation != 0)
        return; // a handler already moved on to another connection
    if (state != Client::State::Connecting && state != Client::State::Connected)
        return;
    const bool tooBig = code == DisconnectedCode::MessageSizeLimit;
    goConnecting(tooBig ? ConnectingCode::MessageSizeLimit : ConnectingCode::BadProtocol,
        tooBig ? QStringLiteral("message size limit") : QStringLiteral("bad protocol"),
        nextProtocolErrorDelay());
}

int ClientPrivate::nextProtocolErrorDelay()
{
    // Forgive old errors: after a quiet period the next one starts at the first step again.
    const qint64 quietMs = 3 * std::max<qint64>(options.maxReconnectDelay.count(), 1000);
    if (lastProtocolError.isValid() && lastProtocolError.hasExpired(quietMs))
        protocolErrorBackoff.reset();
    lastProtocolError.start();
    return int(
        std::min<qint64>(protocolErrorBackoff.next().count(), std::numeric_limits<int>::max()));
}

void ClientPrivate::dispatch(quint64 gen, const Protocol::ServerMessage& message)
{
    if (std::holds_alternative<Protocol::Ping>(message)) {
        if (state == Client::State::Connected && serverWantsPong)
            sendFrame(Protocol::encodePong());
        return;
    }
    if (const auto* reply = std::get_if<Protocol::Reply>(&message)) {
        if (!calls.replies().settle(*reply))
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
        reportError(
            Error::make(ErrorType::Timeout, CallCode::Timeout, QStringLiteral("connect timeout")));
        if (isCurrent(gen))
            goConnecting(ConnectingCode::TransportClosed, QStringLiteral("connect timeout"));
        return;
    }
    if (const auto& error = outcome.reply->error) {
        qCWarning(lcRealtime) << "connect failed:" << error->code << error->message;
        if (error->code == ReplyError::TokenExpired)
            tokens.markExpired(); // token expired: fetch a new one before the next attempt
        reportError(Error::make(ErrorType::Connect, error->code, error->message));
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
        onProtocolError(gen, DisconnectedCode::BadProtocol,
            QStringLiteral("the server answered connect without a connect result"));
        return;
    }
    onConnected(*result);
}

void ClientPrivate::onConnected(const Protocol::ConnectResult& result)
{
    const quint64 gen = generation;
    ++session;
    resetBackoff();
    tokens.connected(result.expires, result.ttl);
    serverWantsPong = result.pong;
    watchdog->arm(std::chrono::seconds {result.ping}, options.maxServerPingDelay);
    qCInfo(lcRealtime) << "connected, client" << result.client << "server" << result.version
                       << "ping" << result.ping << "s, token ttl"
                       << (result.expires ? qint64(result.ttl) : qint64(-1)) << "s";
    setState(Client::State::Connected);
    auto alive = [this, gen] { return isCurrent(gen) && state == Client::State::Connected; };
    Q_EMIT q->connected(result.client, result.version, result.data);
    if (!alive())
        return;
    subs.onConnected(result.subs, alive);
    if (!alive())
        return;
    calls.flushWaiting();
}

void ClientPrivate::onTransportClosed(quint64 gen, int code, const QString& reason)
{
    if (!isCurrent(gen))
        return;
    qCInfo(lcRealtime) << "WebSocket closed, code" << code << "reason" << reason;
    if (code == QWebSocketProtocol::CloseCodeTooMuchData) {
        // Our own limit (Qt closed the socket when the frame header announced more than
        // maxIncomingMessageSize) or the server's (our message was too big for it). Neither is
        // a reason to stop for good: one oversize message is dropped, the stream recovers.
        const QString message = reason == Transport::tooLargeReason()
            ? QStringLiteral("the server sent a message larger than the client's limit of %1 "
                             "bytes (ClientOptions::maxIncomingMessageSize); it was refused "
                             "unread")
                  .arg(options.maxIncomingMessageSize)
            : QStringLiteral("the server closed the connection: a message was too big for it "
                             "(1009 %1)")
                  .arg(reason);
        onProtocolError(gen, DisconnectedCode::MessageSizeLimit, message);
        return;
    }
    generation = 0;
    handleDisconnectAdvice(code, reason);
}

void ClientPrivate::onTransportError(quint64 gen, const Error& error)
{
    if (!isCurrent(gen))
        return;
    qCWarning(lcRealtime) << "transport error:" << error.category << error.message;
    // A refused upgrade's HTTP status travels as the code and TLS as the category, so nobody
    // parses them out of text.
    reportError(error);
}

void ClientPrivate::reportError(const Error& error)
{
    Q_EMIT q->errorOccurred(error.type, error.code, error.message);
    Q_EMIT q->failed(error);
}

void ClientPrivate::handleDisconnectAdvice(int code, QString reason)
{
    bool reconnect = shouldReconnectAfterServerCode(code);
    // Legacy servers put {"reason": ..., "reconnect": ...} in the close reason.
    const QJsonDocument legacy = QJsonDocument::fromJson(reason.toUtf8());
    if (legacy.isObject() && legacy.object().contains(QStringLiteral("reconnect"))) {
        reconnect = legacy.object().value(QStringLiteral("reconnect")).toBool();
        reason = legacy.object().value(QStringLiteral("reason")).toString();
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
    tokens.stopRefresh();
    serverWantsPong = false;
    subs.onConnectionEnded();
    calls.replies().failAll(CallCode::ConnectionClosed, QStringLiteral("connection closed"));
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
    subs.onTransportLost(wasConnected);
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
    calls.failWaiting(CallCode::ClientDisconnected, QStringLiteral("client disconnected"));
    Q_EMIT q->disconnected(code, reason);
    if (state != Client::State::Disconnected)
        return;
    subs.onTransportLost(true);
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
    tokens.invalidate();
    subs.invalidate();
}

void ClientPrivate::handlePush(const Protocol::Push& push)
{
    if (subs.handlePush(push))
        return;
    std::visit(
        [&](const auto& payload) {
            using T = std::decay_t<decltype(payload)>;
            if constexpr (std::is_same_v<T, Protocol::MessagePush>) {
                Q_EMIT q->messageReceived(payload.data);
            } else if constexpr (std::is_same_v<T, Protocol::DisconnectPush>) {
                qCInfo(lcRealtime) << "disconnect push" << payload.code << payload.reason;
                handleDisconnectAdvice(payload.code, payload.reason);
            } else if constexpr (std::is_same_v<T, Protocol::RefreshPush>) {
                // Unidirectional transports only; on WebSocket the refresh reply carries this.
                if (payload.expires)
                    tokens.scheduleRefresh(payload.ttl);
            } else if constexpr (std::is_same_v<T, Protocol::ConnectPush>) {
                qCDebug(lcRealtime) << "connect push ignored on WebSocket";
            }
        },
        push.payload);
}

} // namespace Centrifuge
