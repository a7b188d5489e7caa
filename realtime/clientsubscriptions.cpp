// Client-side subscriptions: the registry, subscribe/unsubscribe and their commands, and
// what the connection tells them (connected, lost, closed, invalidated).

#include "realtime/clientsubscriptions.h"

#include "realtime/client.h"
#include "realtime/clientcalls.h"
#include "realtime/connectionlink.h"
#include "realtime/connectiontoken.h"
#include "realtime/logging.h"
#include "realtime/protocol/codec.h"
#include "realtime/subscription_p.h"

#include <QMutexLocker>
#include <QPointer>
#include <QThread>

namespace Centrifuge {
Subscription* ClientSubscriptions::newSubscription(
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
    QMutexLocker lock(&m_registryMutex);
    if (m_registry.contains(channel))
        return refuse(QStringLiteral("a subscription to %1 exists already").arg(channel));
    auto* sub = new Subscription(m_q, channel, subOptions);
    if (QThread::currentThread() == m_q->thread()) {
        sub->setParent(m_q);
    } else {
        // Created on a foreign thread: hand it to the client's thread, where it gets its parent.
        sub->moveToThread(m_q->thread());
        QPointer<Subscription> guard = sub;
        QMetaObject::invokeMethod(
            m_q,
            [this, guard] {
                if (guard && !m_destroying)
                    guard->setParent(m_q);
            },
            Qt::QueuedConnection);
    }
    m_registry.insert(channel, sub);
    qCInfo(lcRealtime) << "subscription created for" << channel;
    return sub;
}

void ClientSubscriptions::forgetSubscription(Subscription* subscription, bool inDestructor)
{
    SubscriptionPrivate* sp = subscription->d.get();
    {
        QMutexLocker lock(&m_registryMutex);
        if (m_registry.value(sp->channel) != subscription)
            return;
    }
    if (!m_destroying && sp->state != Subscription::State::Unsubscribed) {
        if (!inDestructor) {
            unsubscribe(
                sp, UnsubscribedCode::UnsubscribeCalled, QStringLiteral("unsubscribe called"));
        } else if ((sp->state == Subscription::State::Subscribed || sp->inFlight)
            && m_link.state() == Client::State::Connected) {
            sendUnsubscribe(sp->channel); // no events from a half-destroyed object
        }
    }
    QMutexLocker lock(&m_registryMutex);
    m_registry.remove(sp->channel);
}

QList<Subscription*> ClientSubscriptions::subscriptionsSnapshot() const
{
    QMutexLocker lock(&m_registryMutex);
    return m_registry.values();
}

SubscriptionPrivate* ClientSubscriptions::activeSubscription(const QString& channel) const
{
    QMutexLocker lock(&m_registryMutex);
    Subscription* sub = m_registry.value(channel);
    return sub ? sub->d.get() : nullptr;
}

void ClientSubscriptions::subscribe(SubscriptionPrivate* sp)
{
    if (sp->state != Subscription::State::Unsubscribed)
        return;
    if (m_link.state() == Client::State::Closed) {
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

void ClientSubscriptions::unsubscribe(SubscriptionPrivate* sp, int code, const QString& reason)
{
    if (sp->state == Subscription::State::Unsubscribed)
        return;
    goUnsubscribed(sp, code, reason);
}

void ClientSubscriptions::goUnsubscribed(SubscriptionPrivate* sp, int code, const QString& reason)
{
    const bool serverMayHoldIt = sp->state == Subscription::State::Subscribed || sp->inFlight;
    ++sp->attempt;
    sp->resubscribeTimer.stop();
    sp->refresher.stop();
    // The unsubscribe goes out before the event: a handler that subscribes again at once then
    // puts its subscribe after our unsubscribe on the wire.
    if (serverMayHoldIt && m_link.state() == Client::State::Connected)
        sendUnsubscribe(sp->channel);
    setChannelId(sp, 0);
    sp->setState(Subscription::State::Unsubscribed);
    qCInfo(lcRealtime) << "unsubscribed from" << sp->channel << code << reason;
    m_calls.failSubscriptionCalls(
        sp, CallCode::SubscriptionUnsubscribed, QStringLiteral("subscription unsubscribed"));
    Q_EMIT sp->q->unsubscribed(code, reason);
}

void ClientSubscriptions::startSubscribing(SubscriptionPrivate* sp)
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
    if (m_link.state() != Client::State::Connected)
        return; // the subscribe rides in the next connect frame
    if (m_channelOps.value(sp->channel) > 0)
        return; // channelOpDone() comes back here
    if (sp->needsToken()) {
        if (!m_tokens.hasProvider()) {
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
        m_tokens.requestToken(sp->tokenPacer,
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
        if (!m_link.sendFrame(Protocol::encodeCommand(*command)))
            m_calls.replies().fail(
                command->id, CallCode::TransportWriteError, QStringLiteral("write error"));
    }
}

std::optional<Protocol::Command> ClientSubscriptions::buildSubscribe(SubscriptionPrivate* sp)
{
    if (sp->state != Subscription::State::Subscribing || sp->inFlight || sp->fetchingToken
        || sp->needsToken() || sp->fetchingState || sp->needsState()
        || sp->resubscribeTimer.isActive() || m_channelOps.value(sp->channel) > 0)
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
    ++m_channelOps[sp->channel];
    const quint64 forAttempt = sp->attempt;
    const QString channel = sp->channel;
    QPointer<Subscription> guard = sp->q;
    const quint32 id = m_calls.replies().add(
        m_options.timeout, [this, guard, forAttempt, channel](const CallOutcome& outcome) {
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

void ClientSubscriptions::channelOpDone(const QString& channel)
{
    auto it = m_channelOps.find(channel);
    if (it == m_channelOps.end())
        return;
    if (--it.value() > 0)
        return;
    m_channelOps.erase(it);
    // Whoever waited for the channel to be free may go now (after the current handler returns).
    QMetaObject::invokeMethod(
        m_q,
        [this, channel] {
            if (SubscriptionPrivate* sp = activeSubscription(channel))
                startSubscribing(sp);
        },
        Qt::QueuedConnection);
}

void ClientSubscriptions::scheduleResubscribe(SubscriptionPrivate* sp, int minDelayMs)
{
    qint64 delay = sp->resubscribeBackoff.next().count();
    delay = std::max<qint64>(delay, minDelayMs);
    qCInfo(lcRealtime) << "resubscribe to" << sp->channel << "in" << delay << "ms";
    sp->resubscribeTimer.start(int(std::min<qint64>(delay, std::numeric_limits<int>::max())));
}

void ClientSubscriptions::sendUnsubscribe(const QString& channel)
{
    ++m_channelOps[channel];
    const quint64 forSession = m_link.session();
    const quint32 id = m_calls.replies().add(
        m_options.timeout, [this, channel, forSession](const CallOutcome& outcome) {
            channelOpDone(channel);
            if (forSession != m_link.session() || m_link.state() != Client::State::Connected)
                return;
            const bool failed = outcome.reply ? outcome.reply->error.has_value()
                                              : outcome.code != CallCode::ConnectionClosed;
            if (failed) {
                // We cannot know what the server holds: only a new connection is certain.
                qCWarning(lcRealtime) << "unsubscribe from" << channel << "failed";
                m_link.reconnect(
                    ConnectingCode::UnsubscribeError, QStringLiteral("unsubscribe error"));
            }
        });
    qCInfo(lcRealtime) << "unsubscribe" << channel;
    if (!m_link.sendFrame(Protocol::encodeCommand(
            Protocol::Command {id, Protocol::UnsubscribeRequest {channel}})))
        m_calls.replies().fail(id, CallCode::ConnectionClosed, QStringLiteral("write error"));
}

void ClientSubscriptions::setChannelId(SubscriptionPrivate* sp, qint64 id)
{
    if (sp->channelId > 0 && m_channelIds.value(sp->channelId) == sp->channel)
        m_channelIds.remove(sp->channelId);
    sp->channelId = id;
    if (id > 0)
        m_channelIds.insert(id, sp->channel);
}

ClientSubscriptions::ClientSubscriptions(Client* q, const ClientOptions& options,
    ConnectionLink& link, ClientCalls& calls, ConnectionToken& tokens)
    : m_q(q)
    , m_options(options)
    , m_link(link)
    , m_calls(calls)
    , m_tokens(tokens)
    , m_serverSubs(q)
{
}

Subscription* ClientSubscriptions::find(const QString& channel) const
{
    QMutexLocker lock(&m_registryMutex);
    return m_registry.value(channel);
}

QMap<QString, Protocol::ServerSubRecovery> ClientSubscriptions::serverRecoveryState() const
{
    return m_serverSubs.recoveryState();
}

std::vector<Protocol::Command> ClientSubscriptions::subscribesForConnect()
{
    std::vector<Protocol::Command> commands;
    for (Subscription* sub : subscriptionsSnapshot()) {
        if (auto command = buildSubscribe(sub->d.get()))
            commands.push_back(std::move(*command));
    }
    return commands;
}

void ClientSubscriptions::onConnected(
    const QMap<QString, Protocol::SubscribeResult>& subs, const std::function<bool()>& alive)
{
    m_serverSubs.handleConnected(subs, alive);
    for (Subscription* sub : subscriptionsSnapshot()) {
        if (!alive())
            return;
        startSubscribing(sub->d.get());
    }
}

void ClientSubscriptions::onConnectionEnded()
{
    m_channelOps.clear();
    m_channelIds.clear(); // compaction ids are per connection
}

void ClientSubscriptions::onTransportLost(bool wasConnected)
{
    for (Subscription* sub : subscriptionsSnapshot()) {
        SubscriptionPrivate* sp = sub->d.get();
        sp->inFlight = false;
        sp->channelId = 0; // ids belong to the connection (m_channelIds is cleared with it)
        sp->refresher.stop();
        sp->resubscribeTimer.stop();
        if (sp->state == Subscription::State::Subscribed) {
            ++sp->attempt;
            sp->setState(Subscription::State::Subscribing);
            Q_EMIT sub->subscribing(
                SubscribingCode::TransportClosed, QStringLiteral("transport closed"));
        }
    }
    if (wasConnected)
        m_serverSubs.handleTransportLost();
}

void ClientSubscriptions::onClose()
{
    for (Subscription* sub : subscriptionsSnapshot()) {
        SubscriptionPrivate* sp = sub->d.get();
        if (sp->state != Subscription::State::Unsubscribed)
            goUnsubscribed(sp, UnsubscribedCode::ClientClosed, QStringLiteral("client closed"));
    }
    m_serverSubs.clear(UnsubscribedCode::ClientClosed, QStringLiteral("client closed"));
}

void ClientSubscriptions::invalidate()
{
    m_serverSubs.invalidate();
    for (Subscription* sub : subscriptionsSnapshot()) {
        sub->d->forgetStreamState();
    }
}

} // namespace Centrifuge
