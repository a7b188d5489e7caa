// Client: the public façade. Every method hops to the client's thread first (the SDKs'
// thread-safety bugs, e.g. centrifuge-swift#61/#64, came from touching state off their queue);
// the protocol logic lives in the parts ClientPrivate is composed of (client_p.h).

#include "realtime/client.h"

#include "realtime/client_p.h"
#include "realtime/logging.h"
#include "realtime/subscription.h"

#include <QMetaObject>
#include <QMutexLocker>
#include <QThread>

namespace Centrifuge {
namespace {

bool onOwnThread(const QObject* object)
{
    return QThread::currentThread() == object->thread();
}

//! Runs \a function on \a object's thread: now if we are there, queued otherwise.
template<typename F> bool queueIfForeign(QObject* object, F&& function)
{
    if (onOwnThread(object))
        return false;
    QMetaObject::invokeMethod(object, std::forward<F>(function), Qt::QueuedConnection);
    return true;
}

void registerMetaTypes()
{
    static const bool done = [] {
        qRegisterMetaType<Centrifuge::ClientInfo>();
        qRegisterMetaType<Centrifuge::StreamPosition>();
        qRegisterMetaType<Centrifuge::Publication>();
        qRegisterMetaType<Centrifuge::SubscribedEvent>();
        qRegisterMetaType<Centrifuge::CallResult>();
        qRegisterMetaType<Centrifuge::ErrorType>();
        qRegisterMetaType<Centrifuge::Error>();
        qRegisterMetaType<Centrifuge::Client::State>();
        return true;
    }();
    Q_UNUSED(done);
}

} // namespace

ClientPrivate::ClientPrivate(Client* q, QUrl url, ClientOptions options_)
    : options(std::move(options_))
    , connection(q, std::move(url), options)
    , calls(q, options, connection)
    , tokens(q, options, connection, calls.replies())
    , subs(q, options, connection, calls, tokens)
{
    connection.attach(calls, tokens, subs);
}

Client::Client(QUrl url, ClientOptions options, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<ClientPrivate>(this, std::move(url), std::move(options)))
{
    registerMetaTypes();
}

Client::~Client()
{
    d->subs.setDestroying();
    d->tokens.lifeline()->cut();
    d->connection.closeTransport();
    d->calls.replies().failAll(CallCode::ClientClosed, QStringLiteral("client closed"));
    d->calls.failWaiting(CallCode::ClientClosed, QStringLiteral("client closed"));
    // Subscriptions are our children, but their destructors need `d`: delete them while it lives.
    // Children, not the registry: a removed subscription waiting for its deleteLater() has left
    // the registry but would otherwise be destroyed by ~QObject, after `d` is gone.
    const QList<Subscription*> subs = findChildren<Subscription*>(Qt::FindDirectChildrenOnly);
    qDeleteAll(subs);
}

Client::State Client::state() const
{
    return d->connection.state();
}

QUrl Client::url() const
{
    return d->connection.url();
}

void Client::setTokenProvider(std::shared_ptr<TokenProvider> provider)
{
    if (queueIfForeign(this, [this, provider] { setTokenProvider(provider); }))
        return;
    d->tokens.setProvider(std::move(provider));
}

void Client::setToken(const QString& token)
{
    if (queueIfForeign(this, [this, token] { setToken(token); }))
        return;
    d->tokens.setToken(token);
}

Subscription* Client::newSubscription(
    const QString& channel, const SubscriptionOptions& options, QString* error)
{
    return d->subs.newSubscription(channel, options, error);
}

Subscription* Client::subscription(const QString& channel) const
{
    return d->subs.find(channel);
}

void Client::removeSubscription(Subscription* subscription)
{
    if (!subscription)
        return;
    QPointer<Subscription> guard = subscription;
    if (queueIfForeign(this, [this, guard] {
            if (guard)
                removeSubscription(guard);
        }))
        return;
    d->subs.forgetSubscription(subscription);
    subscription->deleteLater();
}

QList<Subscription*> Client::subscriptions() const
{
    return d->subs.subscriptionsSnapshot();
}

qint64 Client::millisToReconnect() const
{
    const qint64 at = d->connection.reconnectAtMs();
    if (at < 0)
        return -1;
    return std::max<qint64>(0, at - QDeadlineTimer::current(Qt::PreciseTimer).deadline());
}

int Client::reconnectAttempt() const
{
    return d->connection.reconnectAttempt();
}

QFuture<CallResult> Client::publish(const QString& channel, const QByteArray& jsonData)
{
    return d->calls.call(Protocol::PublishRequest {channel, jsonData});
}

QFuture<CallResult> Client::history(
    const QString& channel, int limit, std::optional<StreamPosition> since, bool reverse)
{
    return d->calls.call(Protocol::HistoryRequest {channel, limit, since, reverse});
}

QFuture<CallResult> Client::presence(const QString& channel)
{
    return d->calls.call(Protocol::PresenceRequest {channel});
}

QFuture<CallResult> Client::presenceStats(const QString& channel)
{
    return d->calls.call(Protocol::PresenceStatsRequest {channel});
}

QFuture<CallResult> Client::rpc(const QString& method, const QByteArray& jsonData)
{
    return d->calls.call(Protocol::RpcRequest {method, jsonData});
}

QFuture<CallResult> Client::send(const QByteArray& jsonData)
{
    return d->calls.call(Protocol::SendRequest {jsonData});
}

void Client::connectToServer()
{
    if (!queueIfForeign(this, [this] { connectToServer(); }))
        d->connection.connect();
}

void Client::disconnectFromServer()
{
    if (!queueIfForeign(this, [this] { disconnectFromServer(); }))
        d->connection.disconnect();
}

void Client::reconnectNow()
{
    if (queueIfForeign(this, [this] { reconnectNow(); }))
        return;
    d->connection.reconnectNow(
        ConnectingCode::ReconnectRequested, QStringLiteral("reconnect requested"));
}

void Client::handleSystemResume()
{
    if (queueIfForeign(this, [this] { handleSystemResume(); }))
        return;
    qCInfo(lcRealtime) << "system resumed";
    d->connection.resetBackoff();
    d->connection.reconnectNow(ConnectingCode::SystemResumed, QStringLiteral("system resumed"));
}

void Client::close()
{
    if (!queueIfForeign(this, [this] { close(); }))
        d->connection.close();
}

} // namespace Centrifuge
