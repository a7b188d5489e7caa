#pragma once

//! \file subscription_p.h
//! \brief Private state of Subscription. The protocol logic lives in the client's
//! ClientSubscriptions (clientsubscriptions.h): a subscription is only a view of the channel on
//! one connection.

#include "realtime/backoff.h"
#include "realtime/callresult.h"
#include "realtime/deltadecoder.h"
#include "realtime/subscription.h"
#include "realtime/tokenpacer.h"
#include "realtime/tokenrefresher.h"

#include <QDeadlineTimer>
#include <QMutex>
#include <QPromise>
#include <QTimer>

#include <atomic>
#include <memory>
#include <vector>

namespace Centrifuge {

class ClientSubscriptions;

class SubscriptionPrivate
{
public:
    SubscriptionPrivate(Subscription* q, Client* client, QString channel,
        SubscriptionOptions options, std::chrono::milliseconds minResubscribeDelay,
        std::chrono::milliseconds maxResubscribeDelay, TokenPacing tokenPacing);

    Subscription* const q;
    Client* const client;
    const QString channel;
    const SubscriptionOptions options;
    std::atomic<Subscription::State> state {Subscription::State::Unsubscribed};

    QString token; //!< the static token, or the last one the provider gave
    bool inFlight = false; //!< a subscribe command of ours awaits its reply
    bool fetchingToken = false;
    bool fetchingState = false; //!< options.getState was asked and has not answered yet
    qint64 channelId = 0; //!< channel compaction id on the current connection, 0 if none
    quint64 attempt = 0; //!< bumped by every subscribe/unsubscribe: stale results dropped
    Backoff resubscribeBackoff;
    //! Paces this channel's token requests (subscribe, 109, refresh), see tokenpacer.h.
    std::shared_ptr<TokenPacer> tokenPacer;
    QTimer resubscribeTimer;
    TokenRefresher refresher;

    // Stream position, read by the application from any thread to persist it.
    mutable QMutex positionMutex;
    StreamPosition position;
    bool recover = false; //!< send recover+epoch+offset on the next subscribe
    bool deltaNegotiated = false;
    DeltaDecoder delta;

    //! Calls made while subscribing wait for `subscribed` (the SDKs' ready()), within their
    //! timeout; `unsubscribed` fails them with code 7.
    struct WaitingCall
    {
        Protocol::Request request;
        std::shared_ptr<QPromise<CallResult>> promise;
        QDeadlineTimer deadline;
    };
    std::vector<WaitingCall> waitingCalls;
    QTimer waitingTimer;

    bool needsToken() const { return options.useTokenProvider && token.isEmpty(); }
    //! getState is asked when there is no position to recover from.
    bool needsState() const { return options.getState && !recover; }
    void setState(Subscription::State next);
    void setPosition(const StreamPosition& next);
    StreamPosition currentPosition() const;
    //! The server lost this channel's state (2502) or the client can no longer trust its own
    //! (invalidate): drop the token, and resubscribe from a sentinel position so the server
    //! answers recovered=false and the app refetches.
    void forgetStreamState();
};

} // namespace Centrifuge
