#include "models/api/apierror.h"

namespace WhaTrack {

bool ApiError::isTransient() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::RateLimited:
    case Kind::Server:
        return true;
    default:
        return false;
    }
}

bool ApiError::isConnectivity() const
{
    return kind == Kind::Network || kind == Kind::Tls || kind == Kind::Timeout;
}

QString ApiError::describe() const
{
    QString text = apiErrorKindName(kind);
    if (httpStatus)
        text += QStringLiteral(" (HTTP %1)").arg(httpStatus);
    if (!route.isEmpty())
        text += QStringLiteral(" on ") + route;
    if (!message.isEmpty())
        text += QStringLiteral(": ") + message;
    if (!detail.isEmpty())
        text += QStringLiteral(" (") + detail + QLatin1Char(')');
    if (!sslErrors.isEmpty())
        text += QStringLiteral(" [") + sslErrors.join(QStringLiteral("; ")) + QLatin1Char(']');
    if (retryAfterMs >= 0)
        text += QStringLiteral(", retry after %1 ms").arg(retryAfterMs);
    return text;
}

ApiError ApiError::make(Kind kind, QString message, int httpStatus)
{
    ApiError e;
    e.kind = kind;
    e.message = std::move(message);
    e.httpStatus = httpStatus;
    return e;
}

ApiError ApiError::undecodable(QString detail, int httpStatus)
{
    ApiError e = make(Kind::Undecodable, undecodableAnswerText(), httpStatus);
    e.detail = std::move(detail).left(200);
    return e;
}

QString undecodableAnswerText()
{
    return QStringLiteral("the server's answer could not be read");
}

QString apiErrorKindName(ApiError::Kind kind)
{
    switch (kind) {
    case ApiError::Kind::None:
        return QStringLiteral("ok");
    case ApiError::Kind::Network:
        return QStringLiteral("network error");
    case ApiError::Kind::Tls:
        return QStringLiteral("TLS error");
    case ApiError::Kind::Timeout:
        return QStringLiteral("timeout");
    case ApiError::Kind::Unauthorized:
        return QStringLiteral("signed out");
    case ApiError::Kind::Forbidden:
        return QStringLiteral("forbidden");
    case ApiError::Kind::NotFound:
        return QStringLiteral("not found");
    case ApiError::Kind::RateLimited:
        return QStringLiteral("rate limited");
    case ApiError::Kind::Server:
        return QStringLiteral("server error");
    case ApiError::Kind::BadRequest:
        return QStringLiteral("rejected");
    case ApiError::Kind::BadResponse:
        return QStringLiteral("bad response");
    case ApiError::Kind::Canceled:
        return QStringLiteral("canceled");
    case ApiError::Kind::Undecodable:
        return QStringLiteral("unreadable answer");
    }
    return QStringLiteral("error");
}

} // namespace WhaTrack
