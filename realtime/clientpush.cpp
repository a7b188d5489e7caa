// Routing of asynchronous pushes to client-side subscriptions, server-side subscriptions or the
// client itself.

#include "realtime/client_p.h"
#include "realtime/logging.h"
#include "realtime/subscription_p.h"

namespace Centrifuge {

void ClientPrivate::handlePush(const Protocol::Push& push)
{
    QString channel = push.channel;
    // Channel compaction: the push names its channel by the id of our subscribe result. Only
    // client-side subscriptions negotiate ids, so an unknown id (already unsubscribed, or from
    // before a reconnect) belongs to nobody.
    const bool compacted = push.id > 0 && channel.isEmpty();
    if (compacted) {
        channel = channelIds.value(push.id);
        if (channel.isEmpty()) {
            qCDebug(lcRealtime) << "push for unknown channel id" << push.id << "dropped";
            return;
        }
    }
    SubscriptionPrivate* sp = channel.isEmpty() ? nullptr : activeSubscription(channel);
    // A client-side subscription only takes channel pushes while subscribed: anything that
    // raced its unsubscribe belongs to nobody.
    const bool subscribed = sp && sp->state == Subscription::State::Subscribed;
    if (compacted && (!sp || sp->state == Subscription::State::Unsubscribed)) {
        qCDebug(lcRealtime) << "push for" << channel << "after unsubscribe dropped";
        return;
    }

    std::visit(
        [&](const auto& payload) {
            using T = std::decay_t<decltype(payload)>;
            if constexpr (std::is_same_v<T, Protocol::PublicationPush>) {
                Publication publication = payload.publication;
                publication.channel = channel;
                if (subscribed)
                    handleSubscriptionPublication(sp, std::move(publication));
                else if (!serverSubs.handlePublication(std::move(publication)))
                    qCDebug(lcRealtime)
                        << "publication for unknown channel" << channel << "dropped";
            } else if constexpr (std::is_same_v<T, Protocol::JoinPush>) {
                if (subscribed)
                    Q_EMIT sp->q->joined(payload.info);
                else
                    serverSubs.handleJoin(channel, payload.info);
            } else if constexpr (std::is_same_v<T, Protocol::LeavePush>) {
                if (subscribed)
                    Q_EMIT sp->q->left(payload.info);
                else
                    serverSubs.handleLeave(channel, payload.info);
            } else if constexpr (std::is_same_v<T, Protocol::UnsubscribePush>) {
                if (sp && sp->state != Subscription::State::Unsubscribed)
                    handleUnsubscribePush(sp, payload.code, payload.reason);
                else
                    serverSubs.handleUnsubscribePush(channel, payload.code, payload.reason);
            } else if constexpr (std::is_same_v<T, Protocol::SubscribePush>) {
                serverSubs.handleSubscribePush(channel, payload);
            } else if constexpr (std::is_same_v<T, Protocol::MessagePush>) {
                Q_EMIT q->messageReceived(payload.data);
            } else if constexpr (std::is_same_v<T, Protocol::DisconnectPush>) {
                qCInfo(lcRealtime) << "disconnect push" << payload.code << payload.reason;
                handleDisconnectAdvice(payload.code, payload.reason);
            } else if constexpr (std::is_same_v<T, Protocol::RefreshPush>) {
                // Unidirectional transports only; on WebSocket the refresh reply carries this.
                if (payload.expires)
                    tokens.scheduleRefresh(payload.ttl);
            } else if constexpr (std::is_same_v<T, Protocol::ConnectPush>) {
                qCDebug(lcRealtime) << "connect push ignored on WebSocket";
            }
        },
        push.payload);
}

} // namespace Centrifuge
