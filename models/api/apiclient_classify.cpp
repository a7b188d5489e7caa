//! \file apiclient_classify.cpp
//! \brief How a finished reply is judged: a refused redirect, an oversize body, a timeout, TLS,
//! the network, or the HTTP status (with Retry-After), each an ApiError with a plain cause.
//! Apart from apiclient.cpp, which sends and retries, so each file keeps one concern.

#include "models/api/apiclient_p.h"
#include "models/api/apicodec.h"

#include <QDateTime>
#include <QNetworkReply>

#include <algorithm>
#include <cmath>

namespace WhaTrack {

namespace {

//! Retry-After: delta-seconds or an HTTP-date. -1 when absent or unreadable.
qint64 parseRetryAfter(const QByteArray& value)
{
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const double secs = value.trimmed().toDouble(&ok);
    if (ok) {
        // A hostile header ("1e300", "nan") must not become an undefined float-to-int cast:
        // anything beyond a day is a day, which is past every caller's maxRetryAfter anyway.
        if (!std::isfinite(secs))
            return -1;
        return static_cast<qint64>(std::clamp(secs, 0.0, 86400.0) * 1000);
    }
    const QDateTime at
        = QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    if (!at.isValid())
        return -1;
    return std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(at));
}

} // namespace

ApiError ApiClientPrivate::classify(Call* call, int* statusOut, QByteArray* bodyOut)
{
    QNetworkReply* reply = call->reply;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    *statusOut = status;
    if (reply->isOpen()) { // an aborted (timed out) reply is closed
        readAvailable(call);
        *bodyOut = std::move(call->body);
    }
    call->body = {};
    // Progress counts the bytes on the wire; a compressed body is checked again once inflated.
    if (bodyOut->size() > call->request.maxBodyBytes)
        call->tooLarge = true;
    ApiError e;
    e.httpStatus = status;
    e.route = routeOf(call->request);
    e.networkError = reply->error();

    if (!call->refusedRedirect.isEmpty()) {
        e.kind = ApiError::Kind::BadResponse;
        e.message = call->refusedRedirect;
        bodyOut->clear();
        return e;
    }
    if (call->tooLarge) {
        Q_EMIT q->serverReached();
        e = ApiError::undecodable(
            QStringLiteral("answer larger than %1 bytes").arg(call->request.maxBodyBytes), status);
        e.route = routeOf(call->request);
        bodyOut->clear();
        return e;
    }
    if (call->timedOut) {
        e.kind = ApiError::Kind::Timeout;
        e.message = QStringLiteral("no answer within %1 s").arg(m_config.timeout.count() / 1000.0);
        return e;
    }
    if (status == 0) {
        if (!call->sslErrors.isEmpty()
            || reply->error() == QNetworkReply::SslHandshakeFailedError) {
            e.kind = ApiError::Kind::Tls;
            e.sslErrors = call->sslErrors;
            e.message = QStringLiteral("secure connection failed");
        } else if (reply->error() == QNetworkReply::TimeoutError) {
            e.kind = ApiError::Kind::Timeout;
            e.message = reply->errorString();
        } else {
            e.kind = ApiError::Kind::Network;
            e.message = reply->errorString();
        }
        return e;
    }
    Q_EMIT q->serverReached();
    if (status >= 200 && status < 300)
        return e; // ok
    if (status == 404 && call->request.notFoundIsResult)
        return e;
    e.message = Codec::decodeErrorMessage(*bodyOut);
    if (status == 401) {
        e.kind = ApiError::Kind::Unauthorized;
        if (e.message.isEmpty())
            e.message = QStringLiteral("please sign in again");
    } else if (status == 403) {
        e.kind = ApiError::Kind::Forbidden;
    } else if (status == 404) {
        e.kind = ApiError::Kind::NotFound;
    } else if (status == 429) {
        e.kind = ApiError::Kind::RateLimited;
        e.retryAfterMs = parseRetryAfter(reply->rawHeader("Retry-After"));
    } else if (status >= 500) {
        e.kind = ApiError::Kind::Server;
        e.retryAfterMs = parseRetryAfter(reply->rawHeader("Retry-After"));
    } else if (status >= 300 && status < 400) {
        e.kind = ApiError::Kind::BadResponse;
        e.message = QStringLiteral("unexpected redirect");
    } else {
        e.kind = ApiError::Kind::BadRequest;
    }
    return e;
}

} // namespace WhaTrack
