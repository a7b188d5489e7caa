// What the server says about client-side and server-side subscriptions: subscribe replies and
// channel pushes (publications, join/leave, subscribe/unsubscribe), routed to their
// subscription.

#include "realtime/client.h"
#include "realtime/clientcalls.h"
#include "realtime/clientsubscriptions.h"
#include "realtime/connectionlink.h"
#include "realtime/connectiontoken.h"
#include "realtime/logging.h"
#include "realtime/subscription_p.h"

#include <QPointer>

namespace Centrifuge {

bool ClientSubscriptions::handlePush(const Protocol::Push& push)
{
    const bool channelPush = std::visit(
        [](const auto& payload) {
            using T = std::decay_t<decltype(payload)>;
            return std::is_same_v<T,
                       Protocol::
                           PublicationPush> || std::is_same_v<T, Protocol::JoinPush> || std::is_same_v<T, Protocol::LeavePush> || std::is_same_v<T, Protocol::UnsubscribePush> || std::is_same_v<T, Protocol::SubscribePush>;
        },
        push.payload);
    if (!channelPush)
        return false;
    QString channel = push.channel;
    // Channel compaction: the push names its channel by the id of our subscribe result. Only
    // client-side subscriptions negotiate ids, so an unknown id (already unsubscribed, or from
    // before a reconnect) belongs to nobody.
    const bool compacted = push.id > 0 && channel.isEmpty();
    if (compacted) {
        channel = m_channelIds.value(push.id);
        if (channel.isEmpty()) {
            qCDebug(lcRealtime) << "push for unknown channel id" << push.id << "dropped";
            return true;
        }
    }
    SubscriptionPrivate* sp = channel.isEmpty() ? nullptr : activeSubscription(channel);
    // A client-side subscription only takes channel pushes while subscribed: anything that
    // raced its unsubscribe belongs to nobody.
    const bool subscribed = sp && sp->state == Subscription::State::Subscribed;
    if (compacted && (!sp || sp->state == Subscription::State::Unsubscribed)) {
        qCDebug(lcRealtime) << "push for" << channel << "after unsubscribe dropped";
        return true;
    }

    std::visit(
        [&](const auto& payload) {
            using T = std::decay_t<decltype(payload)>;
            if constexpr (std::is_same_v<T, Protocol::PublicationPush>) {
                Publication publication = payload.publication;
                publication.channel = channel;
                if (subscribed)
                    handleSubscriptionPublication(sp, std::move(publication));
                else if (!m_serverSubs.handlePublication(std::move(publication)))
                    qCDebug(lcRealtime)
                        << "publication for unknown channel" << channel << "dropped";
            } else if constexpr (std::is_same_v<T, Protocol::JoinPush>) {
                if (subscribed)
                    Q_EMIT sp->q->joined(payload.info);
                else
                    m_serverSubs.handleJoin(channel, payload.info);
            } else if constexpr (std::is_same_v<T, Protocol::LeavePush>) {
                if (subscribed)
                    Q_EMIT sp->q->left(payload.info);
                else
                    m_serverSubs.handleLeave(channel, payload.info);
            } else if constexpr (std::is_same_v<T, Protocol::UnsubscribePush>) {
                if (sp && sp->state != Subscription::State::Unsubscribed)
                    handleUnsubscribePush(sp, payload.code, payload.reason);
                else
                    m_serverSubs.handleUnsubscribePush(channel, payload.code, payload.reason);
            } else if constexpr (std::is_same_v<T, Protocol::SubscribePush>) {
                m_serverSubs.handleSubscribePush(channel, payload);
            }
        },
        push.payload);
    return true;
}

void ClientSubscriptions::onSubscribeReply(
    SubscriptionPrivate* sp, quint64 forAttempt, const CallOutcome& outcome)
{
    sp->inFlight = false; // one subscribe at most is in flight, and this was it
    if (!outcome.reply) {
        if (outcome.code == CallCode::Timeout && m_link.state() == Client::State::Connected) {
            // The server may have subscribed us anyway: only a new connection is certain.
            qCWarning(lcRealtime) << "subscribe to" << sp->channel << "timed out";
            m_link.reconnect(ConnectingCode::SubscribeTimeout, QStringLiteral("subscribe timeout"));
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

void ClientSubscriptions::onSubscribed(
    SubscriptionPrivate* sp, const Protocol::SubscribeResult& result)
{
    const quint64 forAttempt = sp->attempt;
    const quint64 forSession = m_link.session();
    sp->resubscribeBackoff.reset();
    sp->deltaNegotiated = result.delta;
    sp->delta.reset(); // a recovered chain or the next publication starts with a full payload
    if (result.recoverable || result.positioned)
        sp->setPosition(StreamPosition {result.offset, result.epoch});
    sp->recover = result.recoverable;
    if (result.expires)
        sp->refresher.scheduleIn(m_tokens.plannedRefreshDelay(*sp->tokenPacer, result.ttl));
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
        return guard && sp->attempt == forAttempt && m_link.session() == forSession
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
        m_calls.flushSubscriptionCalls(sp);
}

void ClientSubscriptions::handleSubscriptionPublication(
    SubscriptionPrivate* sp, Publication publication)
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
            if (m_link.state() == Client::State::Connected
                && sp->state == Subscription::State::Subscribed) {
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

void ClientSubscriptions::handleUnsubscribePush(
    SubscriptionPrivate* sp, int code, const QString& reason)
{
    if (!shouldResubscribeAfterUnsubscribeCode(code)) {
        ++sp->attempt;
        sp->resubscribeTimer.stop();
        sp->refresher.stop();
        setChannelId(sp, 0);
        sp->setState(Subscription::State::Unsubscribed);
        qCInfo(lcRealtime) << "server unsubscribed" << sp->channel << code << reason;
        m_calls.failSubscriptionCalls(
            sp, CallCode::SubscriptionUnsubscribed, QStringLiteral("subscription unsubscribed"));
        Q_EMIT sp->q->unsubscribed(code, reason);
        return;
    }
    if (code == 2501 && sp->options.useTokenProvider)
        sp->token.clear(); // subscription expired: a fresh token is needed
    if (code == 2502) {
        sp->forgetStreamState(); // state invalidated: recovered=false on the next subscribe
    }
    ++sp->attempt;
    sp->refresher.stop();
    sp->setState(Subscription::State::Subscribing);
    qCInfo(lcRealtime) << "server asks to resubscribe" << sp->channel << code << reason;
    Q_EMIT sp->q->subscribing(code, reason);
    startSubscribing(sp);
}

} // namespace Centrifuge
