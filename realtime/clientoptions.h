#pragma once

//! \file clientoptions.h
//! \brief Every knob of the client, with the official SDKs' defaults.

#include "realtime/tagsfilter.h"
#include "realtime/types.h"

#include <QList>
#include <QNetworkRequest>
#include <QPair>
#include <QSslConfiguration>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace Centrifuge {

class NetworkMonitor;

struct ClientOptions
{
    using ms = std::chrono::milliseconds;

    //! Connection token. With a TokenProvider it is only the first one: the provider is asked
    //! when it is empty, when the server says it expired (109) and for every refresh.
    QString token;
    QByteArray data; //!< raw JSON sent in the connect command (connect proxy)
    QString name = QStringLiteral("qt"); //!< client name (<= 16 chars)
    QString version; //!< application version (<= 64 chars)
    ms timeout {5000}; //!< connect/open and every call
    //! How long a TokenProvider may take before its request counts as Failed (a provider that
    //! never calls back must not freeze the connection).
    ms tokenTimeout {10000};
    ms minReconnectDelay {500};
    ms maxReconnectDelay {20000};
    ms maxServerPingDelay {10000};
    ms minResubscribeDelay {500};
    ms maxResubscribeDelay {20000};
    //! Largest WebSocket message (and frame) accepted from the server. A larger one is refused
    //! by its header, before its payload is read (a 40 MB frame would otherwise cost ~10x its
    //! size in memory): error event `BadProtocol` code 3, then a reconnect with backoff.
    //! 0: no limit of ours (Qt's 2 GiB).
    qint64 maxIncomingMessageSize = 4 * 1024 * 1024;
    //! Token requests (the connection's, and each subscription's own) are paced, whatever path
    //! asks (connect, 109, refresh, retries): at most `maxTokenRequestsPerWindow` in any
    //! `tokenRequestWindow`; after a failed request (error, unreadable answer, timeout) the next
    //! waits a backoff from `minTokenRetryDelay` up to `maxTokenRetryDelay`, or Retry-After when
    //! longer. WhaTrack's token route allows 5 a minute. See tokenpacer.h.
    int maxTokenRequestsPerWindow = 5;
    ms tokenRequestWindow {60000};
    ms minTokenRetryDelay {12000};
    ms maxTokenRetryDelay {60000};
    //! How long the server keeps a connection (or subscription) whose token expired open,
    //! waiting for a refresh, before it closes it: Centrifugo's `client.expired_close_delay`
    //! (and `client.expired_sub_close_delay`), 25 s by default; set it to the server's value.
    //! A token that lives shorter than the pacing allows (10 s at 5 requests a minute) is
    //! refreshed every window / maxTokenRequestsPerWindow instead of at its ttl, inside this
    //! grace, so it never needs more than the route allows. 0: refresh at ttl (centrifuge-js).
    //! See TokenPacer::refreshDelay().
    ms tokenExpiryGrace {25000};
    //! Extra headers on the WebSocket upgrade request (e.g. a cookie for a proxy in front).
    QList<QPair<QByteArray, QByteArray>> headers;
    //! TLS settings for wss:// (custom CA for a private deployment). TLS errors are never ignored.
    std::optional<QSslConfiguration> sslConfiguration;
    //! Reset backoff and reconnect at once when the network comes back (QNetworkInformation).
    bool watchNetworkReachability = true;
    //! Replaces QNetworkInformation as the source of reachability events when set (a platform
    //! API of the application, or a test). Shared with the client; only used with
    //! `watchNetworkReachability`. See networkmonitor.h.
    std::shared_ptr<NetworkMonitor> networkMonitor;
};

//! What SubscriptionOptions::getState answers.
struct StateReply
{
    enum class Status {
        Ok, //!< `position` is where the loaded state ends
        Failed, //!< temporary: error event, then the client asks again with resubscribe backoff
    };
    Status status = Status::Failed;
    //! The stream position read BEFORE the state was loaded (a lower bound: publications after
    //! it are recovered, so nothing falls between the state and the live stream). Needs an epoch.
    StreamPosition position;
    QString error; //!< plain-language cause for the error event; no secrets
    int retryAfterMs = -1; //!< a server-given wait, -1 if none

    static StateReply ok(StreamPosition position)
    {
        return {Status::Ok, std::move(position), {}, -1};
    }
    static StateReply failed(QString why, int retryAfterMs = -1)
    {
        return {Status::Failed, {}, std::move(why), retryAfterMs};
    }
};

//! The application loads its own state of \a channel (database, REST) and answers with the
//! position it read first. Called on the client's thread; call \a done exactly once, from any
//! thread (the client marshals it back and drops it if the subscription moved on meanwhile).
using GetStateFunction
    = std::function<void(const QString& channel, std::function<void(StateReply)> done)>;

struct SubscriptionOptions
{
    QString token; //!< static subscription token; the client's provider is asked when empty and
                   //!< `useTokenProvider`
    bool useTokenProvider = false; //!< ask the client's TokenProvider for Kind::Subscription tokens
    QByteArray data; //!< raw JSON in the subscribe command (subscribe proxy)
    std::optional<StreamPosition> since; //!< start by recovering from this position
    bool positioned = false;
    bool recoverable = false;
    bool joinLeave = false;
    bool deltaFossil = false; //!< negotiate fossil delta compression
    //! Only publications whose tags match are delivered (Centrifugo >= 6.4, namespace
    //! `allow_tags_filter`). Cannot be combined with `deltaFossil` (newSubscription refuses).
    TagsFilter tagsFilter;
    //! Stream subscription with application-managed state (§3.11): asked for a position when
    //! the subscription has none (first subscribe without `since`, or after the server said the
    //! position cannot be recovered, error 112); the subscribe then recovers from it. With it
    //! set the server answers 112 instead of `recovered: false`, so state is never silently
    //! incomplete. Needs Centrifugo >= 6.8 (older servers ignore the flag and report
    //! `recovered: false` as usual).
    GetStateFunction getState;
    //! A getState that does not answer within this counts as Failed.
    std::chrono::milliseconds getStateTimeout {30000};
};

} // namespace Centrifuge
