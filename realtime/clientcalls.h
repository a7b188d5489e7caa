#pragma once

//! \file clientcalls.h
//! \brief The client's calls (publish, history, presence, presence_stats, rpc, send) and the
//! commands waiting for their reply (PendingCalls). Each call settles its QFuture exactly once:
//! reply, timeout, "connection closed" (11), "client disconnected" (3) or "client closed" (4).
//! Calls made while connecting wait for the connection, those of a subscription for
//! `subscribed`, within their timeout.

#include "realtime/callresult.h"
#include "realtime/clientoptions.h"
#include "realtime/pendingcalls.h"
#include "realtime/protocol/messages.h"

#include <QDeadlineTimer>
#include <QFuture>
#include <QPromise>

#include <memory>
#include <vector>

class QTimer;

namespace Centrifuge {

class Client;
class ConnectionLink;
class Subscription;
class SubscriptionPrivate;

class ClientCalls
{
public:
    using Promise = std::shared_ptr<QPromise<CallResult>>;

    //! \a q (the client's QObject, for threads and timers) and \a options outlive this.
    ClientCalls(Client* q, const ClientOptions& options, ConnectionLink& link);

    //! Commands of every part (connect, subscribe, refresh...) waiting for their reply.
    PendingCalls& replies() { return *m_replies; }

    //! From any thread: runs on the client's thread.
    QFuture<CallResult> call(Protocol::Request request);
    //! By the connection's state: fails, waits for the connection, or sends.
    void dispatch(Protocol::Request request, const Promise& promise);
    //! Connected: the calls that waited go now.
    void flushWaiting();
    void failWaiting(int code, const QString& message);

    // ---- calls of a subscription: they wait for `subscribed` ----
    QFuture<CallResult> subscriptionCall(Subscription* subscription, Protocol::Request request);
    void flushSubscriptionCalls(SubscriptionPrivate* sp);
    void failSubscriptionCalls(SubscriptionPrivate* sp, int code, const QString& message);
    void expireSubscriptionCalls(SubscriptionPrivate* sp);

private:
    struct Waiting
    {
        Protocol::Request request;
        Promise promise;
        QDeadlineTimer deadline;
    };

    void send(Protocol::Request request, const Promise& promise);
    void expireWaiting();
    static void settle(const Promise& promise, CallResult result);
    static CallResult resultFromOutcome(const CallOutcome& outcome);

    Client* const m_q;
    const ClientOptions& m_options;
    ConnectionLink& m_link;
    PendingCalls* m_replies; //!< child of the client
    QTimer* m_waitingTimer; //!< child of the client
    std::vector<Waiting> m_waiting;
};

} // namespace Centrifuge
