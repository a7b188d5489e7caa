// Subscription: the public façade of one channel. State changes and protocol work happen in
// the client's ClientSubscriptions (and ClientCalls for its calls) on the client's thread;
// calls from other threads are queued there.

#include "realtime/subscription.h"

#include "realtime/client.h"
#include "realtime/client_p.h"
#include "realtime/logging.h"
#include "realtime/subscription_p.h"

#include <QMutexLocker>
#include <QPointer>
#include <QThread>

namespace Centrifuge {

SubscriptionPrivate::SubscriptionPrivate(Subscription* q_, Client* client_, QString channel_,
    SubscriptionOptions options_, std::chrono::milliseconds minResubscribeDelay,
    std::chrono::milliseconds maxResubscribeDelay, TokenPacing tokenPacing)
    : q(q_)
    , client(client_)
    , channel(std::move(channel_))
    , options(std::move(options_))
    , token(options.token)
    , resubscribeBackoff(minResubscribeDelay, maxResubscribeDelay)
    , tokenPacer(std::make_shared<TokenPacer>(tokenPacing))
    , resubscribeTimer(q_) // children: they follow the subscription to the client's thread
    , refresher(q_)
    , waitingTimer(q_)
{
    resubscribeTimer.setSingleShot(true);
    resubscribeTimer.setTimerType(Qt::PreciseTimer); // never early: see ClientConnection
    waitingTimer.setSingleShot(true);
    if (options.since && options.since->isValid()) {
        position = *options.since;
        recover = true; // the first subscribe already recovers (persisted across restarts)
    }
}

void SubscriptionPrivate::setState(Subscription::State next)
{
    if (state == next)
        return;
    state = next;
    Q_EMIT q->stateChanged(next);
}

void SubscriptionPrivate::setPosition(const StreamPosition& next)
{
    QMutexLocker lock(&positionMutex);
    position = next;
}

StreamPosition SubscriptionPrivate::currentPosition() const
{
    QMutexLocker lock(&positionMutex);
    return position;
}

void SubscriptionPrivate::forgetStreamState()
{
    if (options.useTokenProvider)
        token.clear();
    if (currentPosition().isValid()) {
        setPosition(StreamPosition {0, QStringLiteral("_")});
        recover = true;
    }
    delta.reset();
}

Subscription::Subscription(Client* client, QString channel, SubscriptionOptions options)
    : d(std::make_unique<SubscriptionPrivate>(this, client, std::move(channel), std::move(options),
        client->d->options.minResubscribeDelay, client->d->options.maxResubscribeDelay,
        client->d->tokens.pacing()))
{
    connect(&d->resubscribeTimer, &QTimer::timeout, this,
        [this] { d->client->d->subs.startSubscribing(d.get()); });
    connect(&d->refresher, &TokenRefresher::due, this,
        [this] { d->client->d->subs.refreshSubscriptionToken(d.get()); });
    connect(&d->waitingTimer, &QTimer::timeout, this,
        [this] { d->client->d->calls.expireSubscriptionCalls(d.get()); });
}

Subscription::~Subscription()
{
    // Deleted directly instead of through removeSubscription(): leave the registry, and tell
    // the server if it may hold the subscription.
    d->client->d->subs.forgetSubscription(this, true);
    d->client->d->calls.failSubscriptionCalls(
        d.get(), CallCode::SubscriptionUnsubscribed, QStringLiteral("subscription deleted"));
}

Subscription::State Subscription::state() const
{
    return d->state.load();
}

QString Subscription::channel() const
{
    return d->channel;
}

StreamPosition Subscription::position() const
{
    return d->currentPosition();
}

QFuture<CallResult> Subscription::publish(const QByteArray& jsonData)
{
    return d->client->d->calls.subscriptionCall(
        this, Protocol::PublishRequest {d->channel, jsonData});
}

QFuture<CallResult> Subscription::history(
    int limit, std::optional<StreamPosition> since, bool reverse)
{
    return d->client->d->calls.subscriptionCall(
        this, Protocol::HistoryRequest {d->channel, limit, since, reverse});
}

QFuture<CallResult> Subscription::presence()
{
    return d->client->d->calls.subscriptionCall(this, Protocol::PresenceRequest {d->channel});
}

QFuture<CallResult> Subscription::presenceStats()
{
    return d->client->d->calls.subscriptionCall(this, Protocol::PresenceStatsRequest {d->channel});
}

void Subscription::subscribe()
{
    if (QThread::currentThread() != thread()) {
        QPointer<Subscription> guard = this;
        QMetaObject::invokeMethod(
            this,
            [guard] {
                if (guard)
                    guard->subscribe();
            },
            Qt::QueuedConnection);
        return;
    }
    d->client->d->subs.subscribe(d.get());
}

void Subscription::unsubscribe()
{
    if (QThread::currentThread() != thread()) {
        QPointer<Subscription> guard = this;
        QMetaObject::invokeMethod(
            this,
            [guard] {
                if (guard)
                    guard->unsubscribe();
            },
            Qt::QueuedConnection);
        return;
    }
    d->client->d->subs.unsubscribe(
        d.get(), UnsubscribedCode::UnsubscribeCalled, QStringLiteral("unsubscribe called"));
}

} // namespace Centrifuge
