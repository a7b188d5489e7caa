#pragma once

//! \file clientconnection.h
//! \brief The connection lifecycle: the state machine (connect, frames, the disconnect rules,
//! reconnect with backoff), the transport, the ping watchdog and network reachability. It is
//! the ConnectionLink the other parts (calls, subscriptions, the connection token) talk to;
//! it tells them about its own events through their narrow entry points.

#include "realtime/backoff.h"
#include "realtime/client.h"
#include "realtime/connectionlink.h"
#include "realtime/networkwatcher.h"
#include "realtime/pendingcalls.h"
#include "realtime/pingwatchdog.h"
#include "realtime/protocol/messages.h"
#include "realtime/transport.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QUrl>

#include <atomic>

namespace Centrifuge {

class ClientCalls;
class ClientSubscriptions;
class ConnectionToken;

class ClientConnection final : public ConnectionLink
{
public:
    //! \a q (the client's QObject: signals, parent of the timers) and \a options outlive this.
    ClientConnection(Client* q, QUrl url, const ClientOptions& options);
    //! The parts it drives; they live as long as the connection (ClientPrivate holds them all).
    void attach(ClientCalls& calls, ConnectionToken& tokens, ClientSubscriptions& subs);

    // ---- the Client façade (client's thread, unless said otherwise) ----
    const QUrl& url() const { return m_url; }
    void connect();
    void disconnect();
    void close();
    void reconnectNow(int code, const QString& reason);
    void resetBackoff();
    //! The client is being destroyed: the socket goes without events.
    void closeTransport();
    //! Any thread: QDeadlineTimer::deadline() of the next attempt, -1 if none.
    qint64 reconnectAtMs() const { return m_reconnectAtMs.load(); }
    //! Any thread: mirrors the reconnect backoff's attempt.
    int reconnectAttempt() const { return m_reconnectAttempt.load(); }

    // ---- ConnectionLink (what the parts may ask) ----
    Client::State state() const override { return m_state.load(); }
    quint64 session() const override { return m_session; }
    quint64 attempt() const override { return m_attempt; }
    bool sendFrame(const QByteArray& frame) override;
    void reportError(const Error& error) override;
    void openTransport() override;
    void retryConnect(int minDelayMs) override { scheduleReconnect(minDelayMs); }
    void reconnect(int code, const QString& reason) override { goConnecting(code, reason); }
    void end(int code, const QString& reason) override { goDisconnected(code, reason); }

private:
    void setState(Client::State next);
    void startConnecting();
    void onTransportOpened(quint64 gen);
    void onFrame(quint64 gen, const QByteArray& frame);
    void onTransportClosed(quint64 gen, int code, const QString& reason);
    void onTransportError(quint64 gen, const Error& error);
    //! The server sent something unreadable (\a code: DisconnectedCode::BadProtocol or
    //! MessageSizeLimit): error event with \a message, then reconnect with backoff.
    void onProtocolError(quint64 gen, int code, const QString& message);
    int nextProtocolErrorDelay();
    void onConnectReply(quint64 gen, const CallOutcome& outcome);
    void onConnected(const Protocol::ConnectResult& result);
    //! Applies the disconnect rules of §2.3 to a close frame or a disconnect push.
    void handleDisconnectAdvice(int code, QString reason);
    //! Transient loss: tear down, state connecting, reconnect with backoff.
    void goConnecting(int code, const QString& reason, int minDelayMs = -1);
    //! Terminal: tear down, state disconnected.
    void goDisconnected(int code, const QString& reason);
    void teardown(int closeCode);
    void scheduleReconnect(int minDelayMs = -1);
    void cancelReconnect();
    void invalidateState();
    void dispatch(quint64 gen, const Protocol::ServerMessage& message);
    void handlePush(const Protocol::Push& push);
    bool isCurrent(quint64 gen) const { return gen != 0 && gen == m_generation; }

    Client* const q;
    const QUrl m_url;
    const ClientOptions& options;
    ClientCalls* m_calls = nullptr;
    ConnectionToken* m_tokens = nullptr;
    ClientSubscriptions* m_subs = nullptr;

    std::atomic<Client::State> m_state {Client::State::Disconnected};
    Transport* m_transport;
    PingWatchdog* m_watchdog;
    NetworkMonitor* m_network; //!< options.networkMonitor, or our own NetworkWatcher
    QTimer* m_reconnectTimer;
    std::atomic<qint64> m_reconnectAtMs {-1};
    Backoff m_reconnectBackoff;
    //! Delays after unreadable or oversize frames. Not reset by a successful connect (a server
    //! that sends garbage after every connect reply must not be retried at the first backoff
    //! step forever); reset after a quiet period or by connect().
    Backoff m_protocolErrorBackoff;
    QElapsedTimer m_lastProtocolError;
    std::atomic<int> m_reconnectAttempt {0};
    quint64 m_generation = 0; //!< current transport generation, 0 when none is open
    quint64 m_attempt = 0; //!< connect attempt id: a token for an older attempt is dropped
    quint64 m_session = 0; //!< bumped when a connection starts or ends: stale replies dropped
    bool m_serverWantsPong = false;
};

} // namespace Centrifuge
