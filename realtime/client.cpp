// Client: the public façade. Every method hops to the client's thread first (the SDKs'
// thread-safety bugs, e.g. centrifuge-swift#61/#64, came from touching state off their queue);
// the protocol logic lives in ClientPrivate (clientconnection.cpp, clientcalls.cpp,
// clientsubscriptions.cpp, clienttoken.cpp).

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

//! The connection lifecycle as ConnectionToken sees it.
class ClientPrivate::Link final : public ConnectionLink
{
public:
    explicit Link(ClientPrivate& d)
        : m_d(d)
    {
    }
    Client::State state() const override { return m_d.state.load(); }
    quint64 session() const override { return m_d.session; }
    quint64 attempt() const override { return m_d.attempt; }
    bool sendFrame(const QByteArray& frame) override { return m_d.sendFrame(frame); }
    void reportError(const Error& error) override { m_d.reportError(error); }
    void openTransport() override { m_d.openTransport(); }
    void retryConnect(int minDelayMs) override { m_d.scheduleReconnect(minDelayMs); }
    void reconnect(int code, const QString& reason) override { m_d.goConnecting(code, reason); }
    void end(int code, const QString& reason) override { m_d.goDisconnected(code, reason); }

private:
    ClientPrivate& m_d;
};

ClientPrivate::ClientPrivate(Client* q_, QUrl url_, ClientOptions options_)
    : q(q_)
    , url(std::move(url_))
    , options(std::move(options_))
    , transport(new Transport(q_))
    , link(std::make_unique<Link>(*this))
    , calls(q_, options, *link)
    , tokens(q_, options, *link, calls.replies())
    , watchdog(new PingWatchdog(q_))
    , network(options.networkMonitor ? options.networkMonitor.get() : new NetworkWatcher(q_))
    , reconnectTimer(new QTimer(q_))
    , reconnectBackoff(options.minReconnectDelay, options.maxReconnectDelay)
    , protocolErrorBackoff(options.minReconnectDelay, options.maxReconnectDelay)
    , subs(q_, options, *link, calls, tokens)
{
    reconnectTimer->setSingleShot(true);
    // A coarse timer may fire up to 5% early; the token pacer would then send the attempt back
    // to wait the last few milliseconds (and count another backoff step).
    reconnectTimer->setTimerType(Qt::PreciseTimer);
    QObject::connect(
        transport, &Transport::opened, q, [this](quint64 gen) { onTransportOpened(gen); });
    QObject::connect(transport, &Transport::frameReceived, q,
        [this](quint64 gen, const QByteArray& frame) { onFrame(gen, frame); });
    QObject::connect(
        transport, &Transport::closed, q, [this](quint64 gen, int code, const QString& reason) {
            onTransportClosed(gen, code, reason);
        });
    QObject::connect(transport, &Transport::errorOccurred, q,
        [this](quint64 gen, const Error& error) { onTransportError(gen, error); });
    QObject::connect(watchdog, &PingWatchdog::expired, q, [this] {
        qCWarning(lcRealtime) << "no ping from the server in time";
        goConnecting(ConnectingCode::NoPing, QStringLiteral("no ping"));
    });
    QObject::connect(reconnectTimer, &QTimer::timeout, q, [this] {
        reconnectAtMs = -1;
        if (state == Client::State::Connecting)
            startConnecting();
    });
    QObject::connect(network, &NetworkMonitor::networkAvailable, q, [this] {
        if (!options.watchNetworkReachability)
            return;
        qCInfo(lcRealtime) << "network available";
        resetBackoff();
        if (state == Client::State::Connecting && reconnectTimer->isActive())
            reconnectNow(ConnectingCode::NetworkChanged, QStringLiteral("network changed"));
    });
}

ClientPrivate::~ClientPrivate() = default;

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
    d->transport->close(QWebSocketProtocol::CloseCodeNormal);
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
    return d->state.load();
}

QUrl Client::url() const
{
    return d->url;
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
    const qint64 at = d->reconnectAtMs.load();
    if (at < 0)
        return -1;
    return std::max<qint64>(0, at - QDeadlineTimer::current(Qt::PreciseTimer).deadline());
}

int Client::reconnectAttempt() const
{
    return d->reconnectAttempt.load();
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
        d->connect();
}

void Client::disconnectFromServer()
{
    if (!queueIfForeign(this, [this] { disconnectFromServer(); }))
        d->disconnect();
}

void Client::reconnectNow()
{
    if (queueIfForeign(this, [this] { reconnectNow(); }))
        return;
    d->reconnectNow(ConnectingCode::ReconnectRequested, QStringLiteral("reconnect requested"));
}

void Client::handleSystemResume()
{
    if (queueIfForeign(this, [this] { handleSystemResume(); }))
        return;
    qCInfo(lcRealtime) << "system resumed";
    d->resetBackoff();
    d->reconnectNow(ConnectingCode::SystemResumed, QStringLiteral("system resumed"));
}

void Client::close()
{
    if (!queueIfForeign(this, [this] { close(); }))
        d->close();
}

} // namespace Centrifuge
