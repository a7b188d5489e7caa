#pragma once

//! \file clientsubscriptions.h
//! \brief The client's subscriptions: client-side ones (subscribe/unsubscribe commands, their
//! replies, pushes, recovery positions, their tokens and getState, resubscribe backoff) and
//! server-side ones (ServerSubscriptions), with the registry the public getters read from any
//! thread. Talks to the connection through ConnectionLink, sends through ClientCalls' pending
//! replies and asks for tokens through ConnectionToken.
//!
//! Duplicate subscribes (server error 105, centrifuge-js#265/#272/#285) are prevented by
//! design: a subscription has at most one subscribe in flight (`inFlight`), and a channel has
//! no new subscribe while any subscribe/unsubscribe for it is in flight (`channelOps`).

#include "realtime/clientoptions.h"
#include "realtime/pendingcalls.h"
#include "realtime/protocol/messages.h"
#include "realtime/serversubscriptions.h"

#include <QHash>
#include <QMap>
#include <QMutex>

#include <functional>
#include <optional>
#include <vector>

namespace Centrifuge {

class Client;
class ClientCalls;
class ConnectionLink;
class ConnectionToken;
class Subscription;
class SubscriptionPrivate;

class ClientSubscriptions
{
public:
    //! \a q (the client's QObject: parent of the subscriptions) and the rest outlive this.
    ClientSubscriptions(Client* q, const ClientOptions& options, ConnectionLink& link,
        ClientCalls& calls, ConnectionToken& tokens);

    // ---- registry (any thread) ----
    Subscription* newSubscription(
        const QString& channel, const SubscriptionOptions& options, QString* error);
    void forgetSubscription(Subscription* subscription, bool inDestructor = false);
    QList<Subscription*> subscriptionsSnapshot() const;
    Subscription* find(const QString& channel) const;
    //! The client is being destroyed: subscriptions go without events or commands.
    void setDestroying() { m_destroying = true; }

    // ---- what a Subscription asks (its façade, on the client's thread) ----
    void subscribe(SubscriptionPrivate* sp);
    void unsubscribe(SubscriptionPrivate* sp, int code, const QString& reason);
    //! Sends the subscribe when everything it needs is there (also the resubscribe timer's).
    void startSubscribing(SubscriptionPrivate* sp);
    //! The subscription token is due for refresh.
    void refreshSubscriptionToken(SubscriptionPrivate* sp);

    // ---- what the connection tells ----
    //! For the connect command: the server-side subscriptions to recover.
    QMap<QString, Protocol::ServerSubRecovery> serverRecoveryState() const;
    //! Optimistic subscriptions: every subscribe that can ride in the connect frame.
    std::vector<Protocol::Command> subscribesForConnect();
    //! Connected: server-side \a subs first, then the client-side subscribes. \a alive is
    //! checked after every event (a handler may end the connection).
    void onConnected(
        const QMap<QString, Protocol::SubscribeResult>& subs, const std::function<bool()>& alive);
    //! The connection ended (teardown): channel ops and compaction ids were per connection.
    void onConnectionEnded();
    //! Transport lost: subscribed ones go subscribing; server-side ones too if \a wasConnected.
    void onTransportLost(bool wasConnected);
    //! Client closed: every subscription goes unsubscribed.
    void onClose();
    //! State invalidated (3014): positions dropped, so the next subscribes report recovered=false.
    void invalidate();
    //! A channel push (publication, join, leave, subscribe, unsubscribe): routed to its
    //! client-side or server-side subscription. False if \a push is not a channel push.
    bool handlePush(const Protocol::Push& push);

private:
    SubscriptionPrivate* activeSubscription(const QString& channel) const;
    std::optional<Protocol::Command> buildSubscribe(SubscriptionPrivate* sp);
    void onSubscribeReply(SubscriptionPrivate* sp, quint64 subAttempt, const CallOutcome& outcome);
    void onSubscribed(SubscriptionPrivate* sp, const Protocol::SubscribeResult& result);
    void handleSubscriptionPublication(SubscriptionPrivate* sp, Publication publication);
    void handleUnsubscribePush(SubscriptionPrivate* sp, int code, const QString& reason);
    void goUnsubscribed(SubscriptionPrivate* sp, int code, const QString& reason);
    void scheduleResubscribe(SubscriptionPrivate* sp, int minDelayMs = -1);
    void sendUnsubscribe(const QString& channel);
    void channelOpDone(const QString& channel);
    void setChannelId(SubscriptionPrivate* sp, qint64 id);
    // getState (subscriptionstate.cpp)
    void fetchSubscriptionState(SubscriptionPrivate* sp);
    //! Error 112 with getState: forget the position, so the next attempt asks getState again.
    void handleUnrecoverablePosition(SubscriptionPrivate* sp);

    Client* const m_q;
    const ClientOptions& m_options;
    ConnectionLink& m_link;
    ClientCalls& m_calls;
    ConnectionToken& m_tokens;
    bool m_destroying = false;

    ServerSubscriptions m_serverSubs;
    mutable QMutex m_registryMutex; //!< guards m_registry (read from any thread)
    QMap<QString, Subscription*> m_registry;
    //! Subscribe/unsubscribe commands in flight per channel: a new subscribe for the channel
    //! waits until they settle, so the server never sees two subscribes at once (no 105).
    QHash<QString, int> m_channelOps;
    //! Channel compaction: SubscribeResult::id -> channel, for pushes that carry only the id.
    //! Per connection: cleared when it ends.
    QHash<qint64, QString> m_channelIds;
};

} // namespace Centrifuge
