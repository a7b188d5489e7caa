#pragma once

//! \file causeadapters.h
//! \brief Failures from what the app actually meets: Qt network and socket errors, TLS error
//! lists, the REST client's ApiError, and the realtime library's error, disconnect and
//! unsubscribe codes. Pure functions; explain() (causes.h) turns the result into words.

#include "models/diagnostics/causes.h"
#include "realtime/codes.h"
#include "realtime/error.h"

#include <QAbstractSocket>
#include <QList>
#include <QNetworkReply>
#include <QSslError>

namespace WhaTrack {
struct ApiError;
}

namespace WhaTrack::Diagnostics {

//! A finished QNetworkReply: its error and, when an answer arrived, its HTTP status (a status
//! >= 300 wins over the error: "HTTP 404" tells more than ContentNotFoundError).
Failure fromNetworkError(
    Where where, QNetworkReply::NetworkError error, int httpStatus = 0, const QString& detail = {});

//! A QTcpSocket/QSslSocket error (the probes, the WebSocket upgrade).
Failure fromSocketError(
    Where where, QAbstractSocket::SocketError error, const QString& detail = {});

//! The most telling problem of a TLS error list (Centrifuge::mostTellingTlsProblem, the one
//! grouping and ranking of TLS errors). Empty list: Kind::None.
Failure fromSslErrors(Where where, const QList<QSslError>& errors);
Kind tlsKind(QSslError::SslError error);
Kind tlsKind(Centrifuge::TlsProblem problem);

//! The REST client's classified error (kind, status, Retry-After, TLS error texts).
Failure fromApiError(Where where, const ApiError& error);

//! Centrifuge::Client/Subscription::errorOccurred. A refused WebSocket upgrade carries its HTTP
//! status as the code; other transport errors arrive as text from the library and the known
//! texts (Qt's and the library's "TLS: ..." lead) are recognised.
Failure fromRealtimeError(
    Where where, Centrifuge::ErrorType type, int code, const QString& message);
//! Client::failed: the error's category decides (TLS with its problem, a refused upgrade's
//! status, a timeout) without reading the message.
Failure fromRealtimeError(Where where, const Centrifuge::Error& error);

//! Client::disconnected (terminal) and Client::connecting (code >= 3000 from the server, or the
//! client-side reasons: no ping, transport closed...).
Failure fromDisconnect(int code, const QString& reason);
Failure fromConnecting(int code, const QString& reason);

//! Subscription::unsubscribed: a terminal subscribe error (100-113), a server unsubscribe
//! (2000-2999) or the client-side "unauthorized" (subscription token refused).
Failure fromUnsubscribed(const QString& channel, int code, const QString& reason);

//! The library's transport texts: "TLS: ...", Qt's "Unhandled http status code: 502", "Host
//! not found", "Connection refused", "connection timed out".
Failure fromTransportText(Where where, const QString& message);

} // namespace WhaTrack::Diagnostics
