#pragma once

//! \file clientoptions.h
//! \brief Every knob of the client, with the official SDKs' defaults.

#include "realtime/types.h"

#include <QList>
#include <QNetworkRequest>
#include <QPair>
#include <QSslConfiguration>
#include <QString>

#include <chrono>
#include <optional>

namespace Centrifuge {

struct ClientOptions
{
    using ms = std::chrono::milliseconds;

    //! Connection token. With a TokenProvider it is only the first one: the provider is asked
    //! when it is empty, when the server says it expired (109) and for every refresh.
    QString token;
    QByteArray data;               //!< raw JSON sent in the connect command (connect proxy)
    QString name = QStringLiteral("qt");  //!< client name (<= 16 chars)
    QString version;               //!< application version (<= 64 chars)
    ms timeout {5000};             //!< connect/open and every call
    //! How long a TokenProvider may take before its request counts as Failed (a provider that
    //! never calls back must not freeze the connection).
    ms tokenTimeout {10000};
    ms minReconnectDelay {500};
    ms maxReconnectDelay {20000};
    ms maxServerPingDelay {10000};
    ms minResubscribeDelay {500};
    ms maxResubscribeDelay {20000};
    //! Extra headers on the WebSocket upgrade request (e.g. a cookie for a proxy in front).
    QList<QPair<QByteArray, QByteArray>> headers;
    //! TLS settings for wss:// (custom CA for a private deployment). TLS errors are never ignored.
    std::optional<QSslConfiguration> sslConfiguration;
    //! Reset backoff and reconnect at once when the network comes back (QNetworkInformation).
    bool watchNetworkReachability = true;
};

struct SubscriptionOptions
{
    QString token;              //!< static subscription token; the client's provider is asked when empty and `useTokenProvider`
    bool useTokenProvider = false; //!< ask the client's TokenProvider for Kind::Subscription tokens
    QByteArray data;            //!< raw JSON in the subscribe command (subscribe proxy)
    std::optional<StreamPosition> since; //!< start by recovering from this position
    bool positioned = false;
    bool recoverable = false;
    bool joinLeave = false;
    bool deltaFossil = false;   //!< negotiate fossil delta compression
};

} // namespace Centrifuge
