#pragma once

//! \file client_p.h
//! \brief Private state of Client. Everything here runs on the client's thread only, except
//! the atomics and the registry (guarded by its mutex) that public getters read from anywhere.

#include "realtime/backoff.h"
#include "realtime/client.h"
#include "realtime/clientcalls.h"
#include "realtime/clientsubscriptions.h"
#include "realtime/connectionlink.h"
#include "realtime/connectiontoken.h"
#include "realtime/networkwatcher.h"
#include "realtime/pendingcalls.h"
#include "realtime/pingwatchdog.h"
#include "realtime/protocol/messages.h"
#include "realtime/transport.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QMutex>
#include <QPromise>
#include <QTimer>
#include <QWebSocketProtocol>

#include <atomic>
#include <memory>
#include <vector>

namespace Centrifuge {

class SubscriptionPrivate;

class ClientPrivate
{
public:
    using ms = std::chrono::milliseconds;

    ClientPrivate(Client* q, QUrl url, ClientOptions options);
    ~ClientPrivate();

    Client* const q;
    const QUrl url;
    ClientOptions options;
    std::atomic<Client::State> state {Client::State::Disconnected};

    // ---- connection ----
    Transport* transport;
    //! The lifecycle below as the parts see it (connectionlink.h).
    class Link;
    std::unique_ptr<Link> link;
    //! Calls and the commands waiting for their reply (clientcalls.h).
    ClientCalls calls;
    //! The connection token: provider, fetch, refresh (connectiontoken.h).
    ConnectionToken tokens;
    PingWatchdog* watchdog;
    NetworkMonitor* network; //!< options.networkMonitor, or our own NetworkWatcher
    QTimer* reconnectTimer;
    std::atomic<qint64> reconnectAtMs {-1}; //!< QDeadlineTimer::deadline() of the next attempt
    Backoff reconnectBackoff;
    //! Delays after unreadable or oversize frames. Not reset by a successful connect (a server
    //! that sends garbage after every connect reply must not be retried at the first backoff
    //! step forever); reset after a quiet period or by connectToServer().
    Backoff protocolErrorBackoff;
    QElapsedTimer lastProtocolError;
    std::atomic<int> reconnectAttempt {0}; //!< mirrors reconnectBackoff for other threads
    quint64 generation = 0; //!< current transport generation, 0 when none is open
    quint64 attempt = 0; //!< connect attempt id: a token for an older attempt is dropped
    quint64 session = 0; //!< bumped when a connection starts or ends: stale replies dropped
    bool serverWantsPong = false;

    //! Client-side and server-side subscriptions (clientsubscriptions.h).
    ClientSubscriptions subs;

    // ---- lifecycle (clientconnection.cpp) ----
    void setState(Client::State next);
    void connect();
    void disconnect();
    void close();
    void startConnecting();
    void openTransport();
    void onTransportOpened(quint64 gen);
    void onFrame(quint64 gen, const QByteArray& frame);
    void onTransportClosed(quint64 gen, int code, const QString& reason);
    void onTransportError(quint64 gen, const Error& error);
    //! errorOccurred and failed, in that order: one error, two forms (text API, typed API).
    void reportError(const Error& error);
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
    void reconnectNow(int code, const QString& reason);
    void resetBackoff();
    void invalidateState();
    void dispatch(quint64 gen, const Protocol::ServerMessage& message);
    void handlePush(const Protocol::Push& push);
    bool sendFrame(const QByteArray& frame);
    bool isCurrent(quint64 gen) const { return gen != 0 && gen == generation; }
};

} // namespace Centrifuge
