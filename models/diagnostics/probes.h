#pragma once

//! \file probes.h
//! \brief Low-level checks the diagnostics make themselves, because the usual clients hide the
//! details: DNS, TCP and TLS of a host (with the certificate's subject, issuer and expiry), and
//! the WebSocket upgrade over a raw socket (QWebSocket hides the HTTP status of a refusal).
//!
//! Asynchronous; the callback runs once on \a context's thread, unless \a context is destroyed
//! first. TLS errors are never ignored.

#include "models/diagnostics/causes.h"

#include <QObject>
#include <QSslConfiguration>
#include <QUrl>
#include <QVariantMap>

#include <chrono>
#include <functional>

namespace WhaTrack::Diagnostics {

struct ProbeResult
{
    Failure failure; //!< Kind::None when everything answered
    //! host, port, addresses, dnsMs, tcpMs, tlsMs, tlsProtocol, certificateSubject,
    //! certificateIssuer, certificateExpires, certificateDaysLeft; for the upgrade: httpStatus,
    //! server, and from a connect over it: serverVersion, pingIntervalSeconds.
    QVariantMap facts;
    QDateTime serverDate; //!< the HTTP `Date` header of the upgrade answer, when given
};

using ProbeCallback = std::function<void(const ProbeResult&)>;

//! DNS, then TCP, then TLS for https:// and wss:// URLs. \a where names the side in failures.
void probeHost(QObject* context, Where where, const QUrl& url, const QSslConfiguration& ssl,
    std::chrono::milliseconds timeout, ProbeCallback done);

//! Sends the WebSocket upgrade request for \a url and reads the status line and headers. On 101,
//! and when \a token is not empty, sends a Centrifugo connect command over it to learn the ping
//! interval, then closes. A status other than 101 is Kind::HttpStatus with the code.
void probeWebSocketUpgrade(QObject* context, const QUrl& url, const QSslConfiguration& ssl,
    const QString& token, std::chrono::milliseconds timeout, ProbeCallback done);

//! An HTTP `Date` header ("Thu, 03 Dec 2026 07:49:57 GMT"); invalid when unreadable.
QDateTime parseHttpDate(const QByteArray& value);

//! Certificate facts for the report: subject and issuer (CN and O), expiry (ISO, UTC), days left.
QVariantMap certificateFacts(const QSslCertificate& certificate);

} // namespace WhaTrack::Diagnostics
