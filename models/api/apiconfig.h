#pragma once

//! \file apiconfig.h
//! \brief Everything the REST client needs to know about one backend.

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <optional>

namespace WhaTrack {

//! Route names that changed between backend builds (anchors §0.2: ticket era vs deal era).
struct RouteNames
{
    QString tickets = QStringLiteral("tickets"); //!< /api/v1/{tickets}/{id}
    QString conversationTicket = QStringLiteral("ticket"); //!< /api/v1/conversations/{id}/{ticket}
    QString ticketStages = QStringLiteral("ticket-stages"); //!< /api/v1/{ticket-stages}
    QString authBase = QStringLiteral("/api/v1/auth"); //!< better-auth basePath

    //! The deal-era names (`deals`, `deal`, `deal-stages`).
    static RouteNames dealEra();
};

struct ApiConfig
{
    using ms = std::chrono::milliseconds;

    QUrl baseUrl; //!< e.g. https://app.whatrack.com (no trailing /api)
    QString organizationId; //!< sent as `x-organization-id`; may be set later
    //! Full TLS configuration (replaces the default one) for private deployments.
    std::optional<QSslConfiguration> sslConfiguration;
    //! Extra trusted CAs added to the default configuration (e.g. the devstack CA).
    QList<QSslCertificate> caCertificates;
    ms timeout {15000}; //!< per attempt, from send to the last byte
    int maxGetRetries = 3; //!< idempotent GETs only; never for 401/403/404
    ms retryBaseDelay {400}; //!< doubled per attempt, with full jitter
    ms retryMaxDelay {8000};
    ms maxRetryAfter {60000}; //!< cap on a server-given Retry-After we honour inline
    RouteNames routes;
    //! Direction ids of ticket-era raw rows (`directionId`), when known from configuration.
    //! More are learned at run time (see MessageCodec::learnDirection).
    QStringList inboundDirectionIds;
    QStringList outboundDirectionIds;
    QString userAgent = QStringLiteral("WhaTrackInbox/0.1 (Qt)");
    QString origin; //!< `Origin` header for better-auth's CSRF check; baseUrl if empty

    //! `caCertificates`/`sslConfiguration` resolved into the configuration each request uses.
    QSslConfiguration effectiveSslConfiguration() const;
};

//! Why \a url must not be used as a server address, or an empty string if it may. A URL with
//! a user name or password (`http://user:pass@host`) is refused: the app signs in through its
//! sign-in dialog only, and a URL is saved in the settings and shown in logs and diagnostics,
//! where a password must never be. \a what names the URL in the message ("the backend URL").
//! The message never repeats the URL or its credentials.
QString urlCredentialsProblem(const QUrl& url, const QString& what);

//! \a url without its user name and password (for a URL saved by an older version).
QUrl withoutCredentials(const QUrl& url);

} // namespace WhaTrack
