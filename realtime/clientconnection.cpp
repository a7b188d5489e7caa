// The connection lifecycle: connect, frames, disconnect rules, reconnect with backoff.

#include "realtime/clientconnection.h"

#include "realtime/clientcalls.h"
#include "realtime/clientsubscriptions.h"
#include "realtime/connectiontoken.h"
#include "realtime/framelog.h"
#include "realtime/logging.h"
#include "realtime/protocol/codec.h"
#include "realtime/subscription.h"
#include "realtime/subscription_p.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QWebSocketProtocol>

namespace Centrifuge {

ClientConnection::ClientConnection(Client* q_, QUrl url, const ClientOptions& options_)
    : q(q_)
    , m_url(std::move(url))
    , options(options_)
    , m_transport(new Transport(q_))
    , m_watchdog(new PingWatchdog(q_))
    , m_network(options.networkMonitor ? options.networkMonitor.get() : new NetworkWatcher(q_))
    , m_reconnectTimer(new QTimer(q_))
    , m_reconnectBackoff(options.minReconnectDelay, options.maxReconnectDelay)
    , m_protocolErrorBackoff(options.minReconnectDelay, options.maxReconnectDelay)
{
    m_reconnectTimer->setSingleShot(true);
    // A coarse timer may fire up to 5% early; the token pacer would then send the attempt back
    // to wait the last few milliseconds (and count another backoff step).
    m_reconnectTimer->setTimerType(Qt::PreciseTimer);
    QObject::connect(
        m_transport, &Transport::opened, q, [this](quint64 gen) { onTransportOpened(gen); });
    QObject::connect(m_transport, &Transport::frameReceived, q,
        [this](quint64 gen, const QByteArray& frame) { onFrame(gen, frame); });
    QObject::connect(
        m_transport, &Transport::closed, q, [this](quint64 gen, int code, const QString& reason) {
            onTransportClosed(gen, code, reason);
        });
    QObject::connect(m_transport, &Transport::errorOccurred, q,
        [this](quint64 gen, const Error& error) { onTransportError(gen, error); });
    QObject::connect(m_watchdog, &PingWatchdog::expired, q, [this] {
        qCWarning(lcRealtime) << "no ping from the server in time";
        goConnecting(ConnectingCode::NoPing, QStringLiteral("no ping"));
    });
    QObject::connect(m_reconnectTimer, &QTimer::timeout, q, [this] {
        m_reconnectAtMs = -1;
        if (m_state == Client::State::Connecting)
            startConnecting();
    });
    QObject::connect(m_network, &NetworkMonitor::networkAvailable, q, [this] {
        if (!options.watchNetworkReachability)
            return;
        qCInfo(lcRealtime) << "network available";
        resetBackoff();
        if (m_state == Client::State::Connecting && m_reconnectTimer->isActive())
            reconnectNow(ConnectingCode::NetworkChanged, QStringLiteral("network changed"));
    });
}

void ClientConnection::attach(
    ClientCalls& calls, ConnectionToken& tokens, ClientSubscriptions& subs)
{
    m_calls = &calls;
    m_tokens = &tokens;
    m_subs = &subs;
}

void ClientConnection::closeTransport()
{
    m_transport->close(QWebSocketProtocol::CloseCodeNormal);
}

void ClientConnection::setState(Client::State next)
{
    if (m_state == next)
        return;
    qCInfo(lcRealtime) << "state" << m_state.load() << "->" << next;
    m_state = next;
    Q_EMIT q->stateChanged(next);
}

void ClientConnection::connect()
{
    if (m_state == Client::State::Closed) {
        qCWarning(lcRealtime) << "connectToServer() on a closed client ignored";
        return;
    }
    if (m_state != Client::State::Disconnected)
        return;
    if (options.watchNetworkReachability) {
        // On the monitor's own thread: an application's monitor may live elsewhere.
        QMetaObject::invokeMethod(m_network, [monitor = m_network] { monitor->start(); });
    }
    resetBackoff();
    m_protocolErrorBackoff.reset();
    setState(Client::State::Connecting);
    qCInfo(lcRealtime) << "connecting to" << redactedUrl(m_url);
    Q_EMIT q->connecting(ConnectingCode::ConnectCalled, QStringLiteral("connect called"));
    if (m_state != Client::State::Connecting)
        return; // a handler changed its mind
    startConnecting();
}

void ClientConnection::disconnect()
{
    if (m_state != Client::State::Connecting && m_state != Client::State::Connected)
        return;
    goDisconnected(DisconnectedCode::DisconnectCalled, QStringLiteral("disconnect called"));
}

void ClientConnection::close()
{
    if (m_state == Client::State::Closed)
        return;
    disconnect();
    qCInfo(lcRealtime) << "closing client";
    m_subs->onClose();
    m_calls->failWaiting(CallCode::ClientClosed, QStringLiteral("client closed"));
    setState(Client::State::Closed);
}

void ClientConnection::startConnecting()
{
    cancelReconnect();
    ++m_attempt;
    if (m_tokens->expiredForGood()) {
        // The server rejected our static token as expired and nothing can replace it.
        qCWarning(lcRealtime) << "connection token expired and no token provider is set";
        goDisconnected(DisconnectedCode::Unauthorized, QStringLiteral("unauthorized"));
        return;
    }
    if (m_tokens->needsFetch()) {
        m_tokens->fetchForConnect();
        return;
    }
    openTransport();
}

void ClientConnection::openTransport()
{
    Transport::Config config;
    config.url = m_url;
    config.headers = options.headers;
    config.sslConfiguration = options.sslConfiguration;
    config.openTimeout = options.timeout;
    config.maxIncomingMessageSize = options.maxIncomingMessageSize;
    m_serverWantsPong = false;
    m_generation = m_transport->open(config);
}

void ClientConnection::onTransportOpened(quint64 gen)
{
    if (!isCurrent(gen) || m_state != Client::State::Connecting)
        return;
    qCInfo(lcRealtime) << "WebSocket open, sending connect";
    Protocol::ConnectRequest request;
    request.token = m_tokens->token();
    request.data = options.data;
    request.name = options.name;
    request.version = options.version;
    request.subs = m_subs->serverRecoveryState();

    std::vector<Protocol::Command> commands;
    const quint32 id = m_calls->replies().add(
        options.timeout, [this, gen](const CallOutcome& outcome) { onConnectReply(gen, outcome); });
    commands.push_back(Protocol::Command {id, std::move(request)});
    // Optimistic subscriptions: every subscription that can go now rides in the same frame.
    // The server handles the frame in order, so they arrive right after a successful connect.
    for (Protocol::Command& subscribe : m_subs->subscribesForConnect())
        commands.push_back(std::move(subscribe));
    const QByteArray frame = Protocol::encodeCommands(commands);
    if (!sendFrame(frame))
        goConnecting(ConnectingCode::TransportClosed, QStringLiteral("transport closed"));
}

bool ClientConnection::sendFrame(const QByteArray& frame)
{
    logFrame("->", frame);
    if (m_transport->send(frame))
        return true;
    qCWarning(lcRealtime) << "could not write to the WebSocket";
    return false;
}

void ClientConnection::onFrame(quint64 gen, const QByteArray& frame)
{
    if (!isCurrent(gen))
        return;
    logFrame("<-", frame);
    m_watchdog->feed();
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

void ClientConnection::onProtocolError(quint64 gen, int code, const QString& message)
{
    // centrifuge-js (5.8) reconnects here too: one bad frame (a proxy's error page, a server
    // bug) must not end realtime for a client that stays open all day. Terminal endings are
    // left to the server (codes 3500-3999/4500-4999, reconnect: false).
    reportError(Error::make(ErrorType::BadProtocol, code, message));
    if (!isCurrent(gen) && m_generation != 0)
        return; // a handler already moved on to another connection
    if (m_state != Client::State::Connecting && m_state != Client::State::Connected)
        return;
    const bool tooBig = code == DisconnectedCode::MessageSizeLimit;
    goConnecting(tooBig ? ConnectingCode::MessageSizeLimit : ConnectingCode::BadProtocol,
        tooBig ? QStringLiteral("message size limit") : QStringLiteral("bad protocol"),
        nextProtocolErrorDelay());
}

int ClientConnection::nextProtocolErrorDelay()
{
    // Forgive old errors: after a quiet period the next one starts at the first step again.
    const qint64 quietMs = 3 * std::max<qint64>(options.maxReconnectDelay.count(), 1000);
    if (m_lastProtocolError.isValid() && m_lastProtocolError.hasExpired(quietMs))
        m_protocolErrorBackoff.reset();
    m_lastProtocolError.start();
    return int(
        std::min<qint64>(m_protocolErrorBackoff.next().count(), std::numeric_limits<int>::max()));
}

void ClientConnection::dispatch(quint64 gen, const Protocol::ServerMessage& message)
{
    if (std::holds_alternative<Protocol::Ping>(message)) {
        if (m_state == Client::State::Connected && m_serverWantsPong)
            sendFrame(Protocol::encodePong());
        return;
    }
    if (const auto* reply = std::get_if<Protocol::Reply>(&message)) {
        if (!m_calls->replies().settle(*reply))
            qCInfo(lcRealtime) << "reply to unknown or timed-out call" << reply->id << "dropped";
        return;
    }
    if (const auto* push = std::get_if<Protocol::Push>(&message)) {
        if (m_state == Client::State::Connected
            || std::holds_alternative<Protocol::DisconnectPush>(push->payload))
            handlePush(*push);
    }
    Q_UNUSED(gen);
}

void ClientConnection::onConnectReply(quint64 gen, const CallOutcome& outcome)
{
    if (!isCurrent(gen) || m_state != Client::State::Connecting)
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
            m_tokens->markExpired(); // token expired: fetch a new one before the next attempt
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

void ClientConnection::onConnected(const Protocol::ConnectResult& result)
{
    const quint64 gen = m_generation;
    ++m_session;
    resetBackoff();
    m_tokens->connected(result.expires, result.ttl);
    m_serverWantsPong = result.pong;
    m_watchdog->arm(std::chrono::seconds {result.ping}, options.maxServerPingDelay);
    qCInfo(lcRealtime) << "connected, client" << result.client << "server" << result.version
                       << "ping" << result.ping << "s, token ttl"
                       << (result.expires ? qint64(result.ttl) : qint64(-1)) << "s";
    setState(Client::State::Connected);
    auto alive = [this, gen] { return isCurrent(gen) && m_state == Client::State::Connected; };
    Q_EMIT q->connected(result.client, result.version, result.data);
    if (!alive())
        return;
    m_subs->onConnected(result.subs, alive);
    if (!alive())
        return;
    m_calls->flushWaiting();
}

void ClientConnection::onTransportClosed(quint64 gen, int code, const QString& reason)
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
    m_generation = 0;
    handleDisconnectAdvice(code, reason);
}

void ClientConnection::onTransportError(quint64 gen, const Error& error)
{
    if (!isCurrent(gen))
        return;
    qCWarning(lcRealtime) << "transport error:" << error.category << error.message;
    // A refused upgrade's HTTP status travels as the code and TLS as the category, so nobody
    // parses them out of text.
    reportError(error);
}

void ClientConnection::reportError(const Error& error)
{
    Q_EMIT q->errorOccurred(error.type, error.code, error.message);
    Q_EMIT q->failed(error);
}

void ClientConnection::handleDisconnectAdvice(int code, QString reason)
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

void ClientConnection::teardown(int closeCode)
{
    ++m_session; // every reply or token answer of the ended session is now stale
    if (m_generation != 0) {
        m_transport->close(closeCode);
        m_generation = 0;
    }
    m_watchdog->disarm();
    m_tokens->stopRefresh();
    m_serverWantsPong = false;
    m_subs->onConnectionEnded();
    m_calls->replies().failAll(CallCode::ConnectionClosed, QStringLiteral("connection closed"));
}

void ClientConnection::goConnecting(int code, const QString& reason, int minDelayMs)
{
    const bool wasConnected = m_state == Client::State::Connected;
    teardown(QWebSocketProtocol::CloseCodeNormal);
    if (m_state == Client::State::Closed || m_state == Client::State::Disconnected)
        return;
    qCInfo(lcRealtime) << "connection lost, code" << code << reason;
    setState(Client::State::Connecting);
    if (wasConnected)
        Q_EMIT q->connecting(code, reason);
    if (m_state != Client::State::Connecting)
        return;
    m_subs->onTransportLost(wasConnected);
    if (m_state == Client::State::Connecting && !m_reconnectTimer->isActive() && m_generation == 0)
        scheduleReconnect(minDelayMs);
}

void ClientConnection::goDisconnected(int code, const QString& reason)
{
    ++m_attempt; // token answers for any attempt so far are void
    cancelReconnect();
    teardown(QWebSocketProtocol::CloseCodeNormal);
    if (m_state == Client::State::Disconnected || m_state == Client::State::Closed)
        return;
    qCInfo(lcRealtime) << "disconnected, code" << code << reason;
    setState(Client::State::Disconnected);
    m_calls->failWaiting(CallCode::ClientDisconnected, QStringLiteral("client disconnected"));
    Q_EMIT q->disconnected(code, reason);
    if (m_state != Client::State::Disconnected)
        return;
    m_subs->onTransportLost(true);
}

void ClientConnection::scheduleReconnect(int minDelayMs)
{
    const int attemptNo = m_reconnectBackoff.attempt();
    qint64 delay = m_reconnectBackoff.next().count();
    if (minDelayMs > delay)
        delay = minDelayMs; // a server-given wait (Retry-After) is honoured
    m_reconnectAttempt = m_reconnectBackoff.attempt();
    m_reconnectAtMs = QDeadlineTimer(delay, Qt::PreciseTimer).deadline();
    m_reconnectTimer->start(int(std::min<qint64>(delay, std::numeric_limits<int>::max())));
    qCInfo(lcRealtime) << "reconnect attempt" << attemptNo + 1 << "in" << delay << "ms";
    Q_EMIT q->reconnectScheduled(attemptNo + 1, delay);
}

void ClientConnection::cancelReconnect()
{
    m_reconnectTimer->stop();
    m_reconnectAtMs = -1;
}

void ClientConnection::reconnectNow(int code, const QString& reason)
{
    if (m_state != Client::State::Connecting || !m_reconnectTimer->isActive()) {
        qCInfo(lcRealtime) << "reconnect now: nothing is waiting (" << reason << ")";
        return;
    }
    qCInfo(lcRealtime) << "reconnecting now:" << reason;
    Q_EMIT q->connecting(code, reason);
    if (m_state == Client::State::Connecting)
        startConnecting();
}

void ClientConnection::resetBackoff()
{
    m_reconnectBackoff.reset();
    m_reconnectAttempt = 0;
}

void ClientConnection::invalidateState()
{
    qCInfo(lcRealtime) << "server invalidated state: dropping positions";
    m_tokens->invalidate();
    m_subs->invalidate();
}

void ClientConnection::handlePush(const Protocol::Push& push)
{
    if (m_subs->handlePush(push))
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
                    m_tokens->scheduleRefresh(payload.ttl);
            } else if constexpr (std::is_same_v<T, Protocol::ConnectPush>) {
                qCDebug(lcRealtime) << "connect push ignored on WebSocket";
            }
        },
        push.payload);
}

} // namespace Centrifuge
