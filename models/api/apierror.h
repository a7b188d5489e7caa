#pragma once

//! \file apierror.h
//! \brief The classified outcome of a REST call, and the typed result wrapper.

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace WhaTrack {

//! Why a call failed, classified so callers can react without looking at HTTP details.
struct ApiError
{
    enum class Kind {
        None, //!< success
        Network, //!< DNS, refused, reset, unreachable: the server was not reached
        Tls, //!< certificate or handshake problem; `sslErrors` lists them (never ignored)
        Timeout, //!< no complete answer within the per-request timeout
        Unauthorized, //!< 401: the session is gone; sign in again (never retried)
        Forbidden, //!< 403: signed in but not allowed (role, organization)
        NotFound, //!< 404 (the "no open ticket" 404 is a normal result, not this)
        RateLimited, //!< 429; `retryAfterMs` carries Retry-After when given
        Server, //!< 5xx
        BadRequest, //!< other 4xx (validation); `message` holds the server's `error`
        BadResponse, //!< an answer the client refuses to act on (a redirect it will not follow)
        Canceled, //!< canceled by us (organization switch, shutdown)
        //! A 2xx whose body does not match the contract (not JSON, wrong types, out of range,
        //! too deep, too big). `message` is the plain text, `detail` says what (never the body).
        //! Never retried, never applied: cached data stays.
        Undecodable,
    };

    Kind kind = Kind::None;
    int httpStatus = 0; //!< 0 when no HTTP response arrived
    int networkError = 0; //!< QNetworkReply::NetworkError, 0 if none
    QString message; //!< plain language, safe to show and log (no secrets)
    QStringList sslErrors; //!< QSslError::errorString() of each TLS error
    qint64 retryAfterMs = -1; //!< from Retry-After (429/503), -1 when absent
    QString route; //!< method and path without query string, for logs/diagnostics
    //! A short technical reason for the connection report (key names, types, sizes), or empty.
    QString detail;

    bool ok() const { return kind == Kind::None; }
    //! Worth retrying later without user action (network, timeout, 429, 5xx).
    bool isTransient() const;
    //! The server was not reached at all (network/TLS/timeout): the app is effectively offline.
    bool isConnectivity() const;
    //! One line for logs and the diagnostics panel.
    QString describe() const;

    static ApiError make(Kind kind, QString message, int httpStatus = 0);
    //! Kind::Undecodable with the plain text and \a detail.
    static ApiError undecodable(QString detail, int httpStatus = 0);
};

//! The plain-language text of Kind::Undecodable.
QString undecodableAnswerText();

QString apiErrorKindName(ApiError::Kind kind);

//! A typed result: `value` is meaningful only when `ok()`.
template<typename T> struct ApiResult
{
    T value {};
    ApiError error;
    bool ok() const { return error.ok(); }
};

//! For calls with no payload to return.
struct Empty
{
};

} // namespace WhaTrack

Q_DECLARE_METATYPE(WhaTrack::ApiError)
