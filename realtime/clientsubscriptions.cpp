// Client-side subscriptions on the wire: subscribe/unsubscribe commands, their replies, pushes,
// recovery positions, tokens and resubscribe backoff.
//
// Duplicate subscribes (server error 105, centrifuge-js#265/#272/#285) are prevented by design:
// a subscription has at most one subscribe in flight (`inFlight`), and a channel has no new
// subscribe while any subscribe/unsubscribe for it is in flight (`channelOps`).

#include "realtime/client_p.h"
#include "realtime/logging.h"
#include "realtime/protocol/codec.h"
#include "realtime/subscription_p.h"

#include <QMutexLocker>
#include <QPointer>
#include <QThread>

namespace Centrifuge {
Subscription* ClientPrivate::newSubscription(
    const QString& channel, const SubscriptionOptions& subOptions, QString* error)
{
    auto refuse = [&](const QString& why) -> Subscription* {
        qCWarning(lcRealtime) << "subscription to" << channel << "refused:" << why;
        if (error)
            *error = why;
        return nullptr;
    };
    // The server keeps one delta chain per channel, not per filter (centrifuge-js and
    // centrifuge-go refuse the combination the same way).
    if (!subOptions.tagsFilter.isNull() && subOptions.deltaFossil)
        return refuse(QStringLiteral("a tags filter cannot be combined with delta compression"));
    QString filterError;
    if (!subOptions.tagsFilter.isValid(&filterError))
        return refuse(filterError);
    QMutexLocker lock(&registryMutex);
    if (registry.contains(channel))
        return refuse(QStringLiteral("a subscription to %1 exists already").arg(channel));
    auto* sub = new Subscription(q, channel, subOptions);
    if (QThread::currentThread() == q->thread()) {
        sub->setParent(q);
    } else {
        // Created on a foreign thread: hand it to the client's thread, where it gets its parent.
        sub->moveToThread(q->thread());
        QPointer<Subscription> guard = sub;
        QMetaObject::invokeMethod(
            q,
            [this, guard] {
                if (guard && !destroying)
                    guard->setParent(q);
            },
            Qt::QueuedConnection);
    }
    registry.insert(channel, sub);
    qCInfo(lcRealtime) << "subscription created for" << channel;
    return sub;
}

void ClientPrivate::forgetSubscription(Subscription* subscription, bool inDestructor)
{
    SubscriptionPrivate* sp = subscription->d.get();
    {
        QMutexLocker lock(&registryMutex);
        if (registry.value(sp->channel) != subscription)
            return;
    }
    if (!destroying && sp->state != Subscription::State::Unsubscribed) {
        if (!inDestructor) {
            unsubscribe(
                sp, UnsubscribedCode::UnsubscribeCalled, QStringLiteral("unsubscribe called"));
        } else if ((sp->state == Subscription::State::Subscribed || sp->inFlight)
            && state == Client::State::Connected) {
            sendUnsubscribe(sp->channel); // no events from a half-destroyed object
        }
    }
    QMutexLocker lock(&registryMutex);
    registry.remove(sp->channel);
}

QList<Subscription*> ClientPrivate::subscriptionsSnapshot() const
{
    QMutexLocker lock(&registryMutex);
    return registry.values();
}

SubscriptionPrivate* ClientPrivate::activeSubscription(const QString& channel) const
{
    QMutexLocker lock(&registryMutex);
    Subscription* sub = registry.value(channel);
    return sub ? sub->d.get() : nullptr;
}

void ClientPrivate::subscribe(SubscriptionPrivate* sp)
{
    if (sp->state != Subscription::State::Unsubscribed)
        return;
    if (state == Client::State::Closed) {
        qCWarning(lcRealtime) << "subscribe() on a closed client ignored";
        return;
    }
    ++sp->attempt;
    sp->resubscribeBackoff.reset();
    sp->setState(Subscription::State::Subscribing);
    qCInfo(lcRealtime) << "subscribing to" << sp->channel;
    Q_EMIT sp->q->subscribing(SubscribingCode::SubscribeCalled, QStringLiteral("subscribe called"));
    startSubscribing(sp);
}

void ClientPrivate::unsubscribe(SubscriptionPrivate* sp, int code, const QString& reason)
{
    if (sp->state == Subscription::State::Unsubscribed)
        return;
    goUnsubscribed(sp, code, reason);
}

void ClientPrivate::goUnsubscribed(SubscriptionPrivate* sp, int code, const QString& reason)
{
    const bool serverMayHoldIt = sp->state == Subscription::State::Subscribed || sp->inFlight;
    ++sp->attempt;
    sp->resubscribeTimer.stop();
    sp->refresher.stop();
    // The unsubscribe goes out before the event: a handler that subscribes again at once then
    // puts its subscribe after our unsubscribe on the wire.
    if (serverMayHoldIt && state == Client::State::Connected)
        sendUnsubscribe(sp->channel);
    setChannelId(sp, 0);
    sp->setState(Subscription::State::Unsubscribed);
    qCInfo(lcRealtime) << "unsubscribed from" << sp->channel << code << reason;
    calls.failSubscriptionCalls(
        sp, CallCode::SubscriptionUnsubscribed, QStringLiteral("subscription unsubscribed"));
    Q_EMIT sp->q->unsubscribed(code, reason);
}

void ClientPrivate::startSubscribing(SubscriptionPrivate* sp)
{
    if (sp->state != Subscription::State::Subscribing || sp->inFlight || sp->fetchingToken
        || sp->fetchingState || sp->resubscribeTimer.isActive())
        return;
    // The application's state loads while we connect: its position is a lower bound, the
    // subscribe recovers whatever came after it.
    if (sp->needsState()) {
        fetchSubscriptionState(sp);
        return;
    }
    if (state != Client::State::Connected)
        return; // the subscribe rides in the next connect frame
    if (channelOps.value(sp->channel) > 0)
        return; // channelOpDone() comes back here
    if (sp->needsToken()) {
        if (!tokens.hasProvider()) {
            Q_EMIT sp->q->errorOccurred(ErrorType::BadConfiguration, 0,
                QStringLiteral("subscription wants a token provider but none is set"));
            goUnsubscribed(sp, UnsubscribedCode::Unauthorized, QStringLiteral("unauthorized"));
            return;
        }
        // Paced like the connection token: a failing route is not asked at resubscribe pace.
        if (const auto wait = sp->tokenPacer->waitBeforeRequest(); wait.count() > 0) {
            qCInfo(lcRealtime) << "subscription token requests of" << sp->channel
                               << "paced: next in" << wait.count() << "ms";
            scheduleResubscribe(
                sp, int(std::min<qint64>(wait.count(), std::numeric_limits<int>::max())));
            return;
        }
        // Fetched only now that we are connected: a token fetched while disconnected can expire
        // before it is used (centrifuge-go#153).
        sp->fetchingToken = true;
        const quint64 forAttempt = sp->attempt;
        QPointer<Subscription> guard = sp->q;
        tokens.requestToken(sp->tokenPacer,
            TokenRequest {TokenRequest::Kind::Subscription, sp->channel},
            [this, guard, forAttempt](const TokenReply& reply) {
                if (!guard)
                    return;
                SubscriptionPrivate* self = guard->d.get();
                self->fetchingToken = false;
                if (forAttempt != self->attempt
                    || self->state != Subscription::State::Subscribing) {
                    qCInfo(lcRealtime) << "subscription token for an ended attempt discarded";
                    startSubscribing(self); // a newer attempt waited for this fetch to end
                    return;
                }
                if (reply.status == TokenReply::Status::Failed) {
                    Q_EMIT self->q->errorOccurred(ErrorType::SubscribeToken, 0, reply.error);
                    if (forAttempt == self->attempt
                        && self->state == Subscription::State::Subscribing)
                        scheduleResubscribe(self,
                            int(std::min<qint64>(self->tokenPacer->waitBeforeRequest().count(),
                                std::numeric_limits<int>::max())));
                    return;
                }
                if (reply.status == TokenReply::Status::Unauthorized || reply.token.isEmpty()) {
                    goUnsubscribed(
                        self, UnsubscribedCode::Unauthorized, QStringLiteral("unauthorized"));
                    return;
                }
                self->token = reply.token;
                startSubscribing(self); // sends now if still connected, else with the next connect
            });
        return;
    }
    if (auto command = buildSubscribe(sp)) {
        if (!sendFrame(Protocol::encodeCommand(*command)))
            calls.replies().fail(
                command->id, CallCode::TransportWriteError, QStringLiteral("write error"));
    }
}

std::optional<Protocol::Command> ClientPrivate::buildSubscribe(SubscriptionPrivate* sp)
{
    if (sp->state != Subscription::State::Subscribing || sp->inFlight || sp->fetchingToken
        || sp->needsToken() || sp->fetchingState || sp->needsState()
        || sp->resubscribeTimer.isActive() || channelOps.value(sp->channel) > 0)
        return std::nullopt;
    Protocol::SubscribeRequest request;
    request.channel = sp->channel;
    request.token = sp->token;
    request.data = sp->options.data;
    request.positioned = sp->options.positioned;
    request.recoverable = sp->options.recoverable;
    request.joinLeave = sp->options.joinLeave;
    if (sp->options.deltaFossil)
        request.delta = QStringLiteral("fossil");
    request.tf = sp->options.tagsFilter;
    // Compaction is always offered, as the SDKs do: servers that do not allow it ignore the bit.
    // Rejecting unrecovered positions only makes sense when getState can reload the state.
    request.flag = Protocol::SubscribeFlag::ChannelCompaction;
    if (sp->options.getState)
        request.flag |= Protocol::SubscribeFlag::RejectUnrecovered;
    if (sp->recover) {
        const StreamPosition position = sp->currentPosition();
        request.recover = true;
        request.epoch = position.epoch;
        request.offset = position.offset;
    }
    sp->inFlight = true;
    ++channelOps[sp->channel];
    const quint64 forAttempt = sp->attempt;
    const QString channel = sp->channel;
    QPointer<Subscription> guard = sp->q;
    const quint32 id = calls.replies().add(
        options.timeout, [this, guard, forAttempt, channel](const CallOutcome& outcome) {
            channelOpDone(channel);
            if (guard)
                onSubscribeReply(guard->d.get(), forAttempt, outcome);
        });
    if (request.recover)
        qCInfo(lcRealtime) << "subscribe" << channel << "recovering from" << request.offset
                           << request.epoch;
    else
        qCInfo(lcRealtime) << "subscribe" << channel;
    return Protocol::Command {id, std::move(request)};
}

void ClientPrivate::channelOpDone(const QString& channel)
{
    auto it = channelOps.find(channel);
    if (it == channelOps.end())
        return;
    if (--it.value() > 0)
        return;
    channelOps.erase(it);
    // Whoever waited for the channel to be free may go now (after the current handler returns).
    QMetaObject::invokeMethod(
        q,
        [this, channel] {
            if (SubscriptionPrivate* sp = activeSubscription(channel))
                startSubscribing(sp);
        },
        Qt::QueuedConnection);
}

void ClientPrivate::onSubscribeReply(
    SubscriptionPrivate* sp, quint64 forAttempt, const CallOutcome& outcome)
{
    sp->inFlight = false; // one subscribe at most is in flight, and this was it
    if (!outcome.reply) {
        if (outcome.code == CallCode::Timeout && state == Client::State::Connected) {
            // The server may have subscribed us anyway: only a new connection is certain.
            qCWarning(lcRealtime) << "subscribe to" << sp->channel << "timed out";
            goConnecting(ConnectingCode::SubscribeTimeout, QStringLiteral("subscribe timeout"));
        }
        return;
    }
    if (forAttempt != sp->attempt || sp->state != Subscription::State::Subscribing) {
        // Unsubscribed (an unsubscribe already followed it on the wire) or superseded.
        startSubscribing(sp);
        return;
    }
    if (const auto& error = outcome.reply->error) {
        if (error->code == ReplyError::UnrecoverablePosition && sp->options.getState) {
            // Not an error with getState: the answer we asked for instead of recovered=false.
            handleUnrecoverablePosition(sp);
            return;
        }
        qCWarning(lcRealtime) << "subscribe to" << sp->channel << "failed:" << error->code
                              << error->message;
        Q_EMIT sp->q->errorOccurred(ErrorType::Subscribe, error->code, error->message);
        if (forAttempt != sp->attempt || sp->state != Subscription::State::Subscribing)
            return;
        if (error->code == ReplyError::TokenExpired && sp->options.useTokenProvider)
            sp->token.clear(); // expired subscription token: fetch another
        if (isRetryableReplyError(error->code, error->temporary))
            scheduleResubscribe(sp);
        else
            goUnsubscribed(sp, error->code, error->message);
        return;
    }
    const auto* result = std::get_if<Protocol::SubscribeResult>(&outcome.reply->result);
    if (!result) {
        scheduleResubscribe(sp);
        return;
    }
    onSubscribed(sp, *result);
}

void ClientPrivate::onSubscribed(SubscriptionPrivate* sp, const Protocol::SubscribeResult& result)
{
    const quint64 forAttempt = sp->attempt;
    const quint64 forSession = session;
    sp->resubscribeBackoff.reset();
    sp->deltaNegotiated = result.delta;
    sp->delta.reset(); // a recovered chain or the next publication starts with a full payload
    if (result.recoverable || result.positioned)
        sp->setPosition(StreamPosition {result.offset, result.epoch});
    sp->recover = result.recoverable;
    if (result.expires)
        sp->refresher.scheduleIn(tokens.plannedRefreshDelay(*sp->tokenPacer, result.ttl));
    setChannelId(sp, result.id);
    sp->setState(Subscription::State::Subscribed);

    SubscribedEvent event;
    event.channel = sp->channel;
    event.recoverable = result.recoverable;
    event.positioned = result.positioned;
    event.position = sp->currentPosition();
    event.wasRecovering = result.wasRecovering;
    event.recovered = result.recovered;
    event.hasRecoveredPublications = !result.publications.empty();
    event.data = result.data;
    qCInfo(lcRealtime) << "subscribed to" << sp->channel << "recovered" << result.recovered
                       << "publications" << result.publications.size();
    QPointer<Subscription> guard = sp->q;
    auto alive = [&] {
        return guard && sp->attempt == forAttempt && session == forSession
            && sp->state == Subscription::State::Subscribed;
    };
    // subscribed first, then recovered publications, then live ones (centrifuge-js order).
    Q_EMIT sp->q->subscribed(event);
    for (const Publication& recovered : result.publications) {
        if (!alive())
            return;
        handleSubscriptionPublication(sp, recovered);
    }
    // Calls that waited for `subscribed` go now, after what the subscription already holds.
    if (alive())
        calls.flushSubscriptionCalls(sp);
}

void ClientPrivate::handleSubscriptionPublication(SubscriptionPrivate* sp, Publication publication)
{
    publication.channel = sp->channel;
    if (sp->deltaNegotiated) {
        QString error;
        std::optional<QByteArray> data
            = sp->delta.decode(publication.data, publication.delta, &error);
        if (!data) {
            // Our base is not the server's: resubscribe from the last good position, the
            // server then starts the chain with a full payload.
            qCWarning(lcRealtime) << "delta decoding failed on" << sp->channel << error;
            Q_EMIT sp->q->errorOccurred(ErrorType::BadProtocol, 0, error);
            if (state == Client::State::Connected && sp->state == Subscription::State::Subscribed) {
                ++sp->attempt;
                sendUnsubscribe(sp->channel);
                sp->setState(Subscription::State::Subscribing);
                Q_EMIT sp->q->subscribing(SubscribingCode::TransportClosed, error);
                startSubscribing(sp);
            }
            return;
        }
        publication.data = *data;
        publication.delta = false;
    }
    if (publication.offset > 0) {
        StreamPosition position = sp->currentPosition();
        position.offset = publication.offset;
        sp->setPosition(position);
    }
    Q_EMIT sp->q->publication(publication);
}

void ClientPrivate::handleUnsubscribePush(SubscriptionPrivate* sp, int code, const QString& reason)
{
    if (!shouldResubscribeAfterUnsubscribeCode(code)) {
        ++sp->attempt;
        sp->resubscribeTimer.stop();
        sp->refresher.stop();
        setChannelId(sp, 0);
        sp->setState(Subscription::State::Unsubscribed);
        qCInfo(lcRealtime) << "server unsubscribed" << sp->channel << code << reason;
        calls.failSubscriptionCalls(
            sp, CallCode::SubscriptionUnsubscribed, QStringLiteral("subscription unsubscribed"));
        Q_EMIT sp->q->unsubscribed(code, reason);
        return;
    }
    if (code == 2501 && sp->options.useTokenProvider)
        sp->token.clear(); // subscription expired: a fresh token is needed
    if (code == 2502) {
        // State invalidated: sentinel position so the server reports recovered=false.
        if (sp->options.useTokenProvider)
            sp->token.clear();
        if (sp->currentPosition().isValid()) {
            sp->setPosition(StreamPosition {0, QStringLiteral("_")});
            sp->recover = true;
        }
        sp->delta.reset();
    }
    ++sp->attempt;
    sp->refresher.stop();
    sp->setState(Subscription::State::Subscribing);
    qCInfo(lcRealtime) << "server asks to resubscribe" << sp->channel << code << reason;
    Q_EMIT sp->q->subscribing(code, reason);
    startSubscribing(sp);
}

void ClientPrivate::scheduleResubscribe(SubscriptionPrivate* sp, int minDelayMs)
{
    qint64 delay = sp->resubscribeBackoff.next().count();
    delay = std::max<qint64>(delay, minDelayMs);
    qCInfo(lcRealtime) << "resubscribe to" << sp->channel << "in" << delay << "ms";
    sp->resubscribeTimer.start(int(std::min<qint64>(delay, std::numeric_limits<int>::max())));
}

void ClientPrivate::sendUnsubscribe(const QString& channel)
{
    ++channelOps[channel];
    const quint64 forSession = session;
    const quint32 id = calls.replies().add(
        options.timeout, [this, channel, forSession](const CallOutcome& outcome) {
            channelOpDone(channel);
            if (forSession != session || state != Client::State::Connected)
                return;
            const bool failed = outcome.reply ? outcome.reply->error.has_value()
                                              : outcome.code != CallCode::ConnectionClosed;
            if (failed) {
                // We cannot know what the server holds: only a new connection is certain.
                qCWarning(lcRealtime) << "unsubscribe from" << channel << "failed";
                goConnecting(ConnectingCode::UnsubscribeError, QStringLiteral("unsubscribe error"));
            }
        });
    qCInfo(lcRealtime) << "unsubscribe" << channel;
    if (!sendFrame(Protocol::encodeCommand(
            Protocol::Command {id, Protocol::UnsubscribeRequest {channel}})))
        calls.replies().fail(id, CallCode::ConnectionClosed, QStringLiteral("write error"));
}

void ClientPrivate::setChannelId(SubscriptionPrivate* sp, qint64 id)
{
    if (sp->channelId > 0 && channelIds.value(sp->channelId) == sp->channel)
        channelIds.remove(sp->channelId);
    sp->channelId = id;
    if (id > 0)
        channelIds.insert(id, sp->channel);
}

void ClientPrivate::subscriptionsOnTransportLost()
{
    for (Subscription* sub : subscriptionsSnapshot()) {
        SubscriptionPrivate* sp = sub->d.get();
        sp->inFlight = false;
        sp->channelId = 0; // ids belong to the connection (channelIds is cleared in teardown)
        sp->refresher.stop();
        sp->resubscribeTimer.stop();
        if (sp->state == Subscription::State::Subscribed) {
            ++sp->attempt;
            sp->setState(Subscription::State::Subscribing);
            Q_EMIT sub->subscribing(
                SubscribingCode::TransportClosed, QStringLiteral("transport closed"));
        }
    }
}

void ClientPrivate::subscriptionsOnConnected()
{
    for (Subscription* sub : subscriptionsSnapshot()) {
        if (state != Client::State::Connected)
            return;
        startSubscribing(sub->d.get());
    }
}

void ClientPrivate::subscriptionsOnClose()
{
    for (Subscription* sub : subscriptionsSnapshot()) {
        SubscriptionPrivate* sp = sub->d.get();
        if (sp->state != Subscription::State::Unsubscribed)
            goUnsubscribed(sp, UnsubscribedCode::ClientClosed, QStringLiteral("client closed"));
    }
}

} // namespace Centrifuge
