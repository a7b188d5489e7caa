#pragma once

//! \file client.h
//! \brief The Centrifugo client: one WebSocket connection, its subscriptions and server-side subs.
//!
//! Shaped like QMqttClient: a read-only `state` property, commands as methods, one signal per SDK
//! event. Attach every handler before calling connectToServer()/Subscription::subscribe().
//!
//! Threading: a Client and its Subscriptions live on one thread (move the client to a worker
//! QThread before connecting; subscriptions follow it). Every public method may be called from
//! any thread: calls from other threads are queued to the client's thread. Signals are emitted on
//! the client's thread, so receivers on the GUI thread get them queued and a busy GUI never
//! delays a pong.

#include "realtime/callresult.h"
#include "realtime/clientoptions.h"
#include "realtime/codes.h"
#include "realtime/error.h"
#include "realtime/tokenprovider.h"
#include "realtime/types.h"

#include <QFuture>
#include <QObject>
#include <QUrl>

#include <memory>

namespace Centrifuge {

class Subscription;
class ClientPrivate;

class Client : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QUrl url READ url CONSTANT)

public:
    enum class State { Disconnected, Connecting, Connected, Closed };
    Q_ENUM(State)

    explicit Client(QUrl url, ClientOptions options = {}, QObject* parent = nullptr);
    ~Client() override;

    State state() const;
    QUrl url() const;

    //! Shared with the client. Set before connectToServer(). Asked on the client's thread; it
    //! may answer from any thread (see TokenProvider).
    void setTokenProvider(std::shared_ptr<TokenProvider> provider);
    //! Replace the static token (e.g. after signing in again). Does not reconnect by itself.
    void setToken(const QString& token);

    //! Creates a subscription in the registry (state unsubscribed). Owned by the client.
    //! Returns nullptr, and says why in \a error, if one for the channel exists already (see
    //! subscription()) or the options cannot work: a tags filter with delta compression (the
    //! SDKs refuse it too), or a tags filter the server would reject.
    Subscription* newSubscription(
        const QString& channel, const SubscriptionOptions& options = {}, QString* error = nullptr);
    Subscription* subscription(const QString& channel) const;
    //! Unsubscribes first, then deletes the subscription.
    void removeSubscription(Subscription* subscription);
    QList<Subscription*> subscriptions() const;

    //! Milliseconds until the next reconnect attempt, -1 when none is scheduled. Any thread.
    qint64 millisToReconnect() const;
    int reconnectAttempt() const;

    // Calls. Each settles exactly once: with the reply, a timeout, or "connection closed".
    QFuture<CallResult> publish(const QString& channel, const QByteArray& jsonData);
    QFuture<CallResult> history(const QString& channel, int limit = 0,
        std::optional<StreamPosition> since = {}, bool reverse = false);
    QFuture<CallResult> presence(const QString& channel);
    QFuture<CallResult> presenceStats(const QString& channel);
    QFuture<CallResult> rpc(const QString& method, const QByteArray& jsonData);
    //! Fire-and-forget message to the server (no reply in the protocol).
    QFuture<CallResult> send(const QByteArray& jsonData);

public Q_SLOTS:
    void connectToServer();
    void disconnectFromServer();
    //! Skip the remaining backoff and try at once ("Try now" in the UI). Only while a reconnect
    //! is scheduled (state connecting); emits connecting(7, "reconnect requested").
    void reconnectNow();
    //! Treat as a network change: reset backoff, and reconnect at once if a reconnect is
    //! scheduled (connecting(6, "system resumed")). Call on resume from sleep.
    void handleSystemResume();
    //! Releases everything; subscriptions go unsubscribed (code 2); the client is unusable after.
    void close();

Q_SIGNALS:
    void stateChanged(Centrifuge::Client::State state);
    void connecting(int code, const QString& reason);
    void connected(const QString& clientId, const QString& serverVersion, const QByteArray& data);
    void disconnected(int code, const QString& reason);
    void errorOccurred(Centrifuge::ErrorType type, int code, const QString& message);
    //! The same error as a value with its category (network, TLS, HTTP status, protocol,
    //! server code...), emitted right after errorOccurred: switch on it, never on the text.
    void failed(const Centrifuge::Error& error);
    void messageReceived(const QByteArray& data);
    void reconnectScheduled(int attempt, qint64 delayMs);
    //! The connection token was refreshed; -1 when the new one does not expire.
    void tokenRefreshed(qint64 expiresInSeconds);

    // Server-side subscriptions (connection token `channels`, server API subscribe...).
    void serverSubscribing(const QString& channel, int code, const QString& reason);
    void serverSubscribed(const Centrifuge::SubscribedEvent& event);
    void serverUnsubscribed(const QString& channel, int code, const QString& reason);
    void serverPublication(const Centrifuge::Publication& publication);
    void serverJoin(const QString& channel, const Centrifuge::ClientInfo& info);
    void serverLeave(const QString& channel, const Centrifuge::ClientInfo& info);

private:
    friend class Subscription;
    friend class ClientPrivate;
    std::unique_ptr<ClientPrivate> d;
};

} // namespace Centrifuge
