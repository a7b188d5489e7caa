#include "models/diagnostics/causeadapters.h"

#include "models/api/apierror.h"
#include "realtime/transport.h"

#include <QRegularExpression>

namespace WhaTrack::Diagnostics {

namespace {

//! Qt's texts are matched in English and translated: the library passes Qt's own strings on.
bool textHas(const QString& text, const char* needle)
{
    return text.contains(QLatin1String(needle), Qt::CaseInsensitive);
}

//! ApiError carries the TLS errors as QSslError::errorString() texts: find the enum back
//! (Qt's own texts, compared whole; an unknown text stays an unspecified TLS error).
QSslError sslErrorFromText(const QString& text)
{
    static const QSslError::SslError known[] = {QSslError::HostNameMismatch,
        QSslError::CertificateExpired, QSslError::CertificateNotYetValid,
        QSslError::SelfSignedCertificate, QSslError::SelfSignedCertificateInChain,
        QSslError::UnableToGetLocalIssuerCertificate, QSslError::UnableToGetIssuerCertificate,
        QSslError::UnableToVerifyFirstCertificate, QSslError::CertificateUntrusted};
    for (QSslError::SslError e : known) {
        if (QSslError(e).errorString() == text)
            return QSslError(e);
    }
    return QSslError(QSslError::UnspecifiedError);
}

} // namespace

Kind tlsKind(Centrifuge::TlsProblem problem)
{
    using P = Centrifuge::TlsProblem;
    switch (problem) {
    case P::None:
        return Kind::None;
    case P::WrongHost:
        return Kind::TlsWrongHost;
    case P::Expired:
        return Kind::TlsExpired;
    case P::NotYetValid:
        return Kind::TlsNotYetValid;
    case P::Untrusted:
        return Kind::TlsUntrusted;
    default:
        return Kind::TlsOther;
    }
}

Kind tlsKind(QSslError::SslError error)
{
    return tlsKind(Centrifuge::tlsProblemOf(error));
}

Failure fromSslErrors(Where where, const QList<QSslError>& errors)
{
    if (errors.isEmpty())
        return {};
    QStringList texts;
    for (const QSslError& e : errors) {
        if (!texts.contains(e.errorString()))
            texts << e.errorString();
    }
    return Failure::make(where, tlsKind(Centrifuge::mostTellingTlsProblem(errors)), 0,
        texts.join(QStringLiteral("; ")));
}

Failure fromSocketError(Where where, QAbstractSocket::SocketError error, const QString& detail)
{
    Kind kind = Kind::Other;
    switch (error) {
    case QAbstractSocket::HostNotFoundError:
        kind = Kind::DnsFailure;
        break;
    case QAbstractSocket::ConnectionRefusedError:
        kind = Kind::Refused;
        break;
    case QAbstractSocket::SocketTimeoutError:
        kind = Kind::Timeout;
        break;
    case QAbstractSocket::NetworkError:
        kind = Kind::Unreachable;
        break;
    case QAbstractSocket::RemoteHostClosedError:
        kind = Kind::ConnectionClosed;
        break;
    case QAbstractSocket::ProxyConnectionRefusedError:
    case QAbstractSocket::ProxyConnectionClosedError:
    case QAbstractSocket::ProxyConnectionTimeoutError:
    case QAbstractSocket::ProxyNotFoundError:
    case QAbstractSocket::ProxyProtocolError:
    case QAbstractSocket::ProxyAuthenticationRequiredError:
        kind = Kind::Proxy;
        break;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        kind = Kind::TlsOther;
        break;
    default:
        break;
    }
    return Failure::make(where, kind, 0, detail);
}

Failure fromNetworkError(
    Where where, QNetworkReply::NetworkError error, int httpStatus, const QString& detail)
{
    if (httpStatus >= 300)
        return Failure::make(where, Kind::HttpStatus, httpStatus, detail);
    Kind kind = Kind::Other;
    switch (error) {
    case QNetworkReply::NoError:
        kind = Kind::None;
        break;
    case QNetworkReply::HostNotFoundError:
        kind = Kind::DnsFailure;
        break;
    case QNetworkReply::ConnectionRefusedError:
        kind = Kind::Refused;
        break;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // the transfer timeout aborts with this
        kind = Kind::Timeout;
        break;
    case QNetworkReply::RemoteHostClosedError:
        kind = Kind::ConnectionClosed;
        break;
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
        kind = Kind::Unreachable;
        break;
    case QNetworkReply::SslHandshakeFailedError:
        kind = Kind::TlsOther;
        break;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
        kind = Kind::Proxy;
        break;
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::ProtocolUnknownError:
        kind = Kind::DecodeError;
        break;
    default:
        break;
    }
    return Failure::make(where, kind, httpStatus, detail);
}

Failure fromApiError(Where where, const ApiError& error)
{
    using K = ApiError::Kind;
    Failure f = Failure::make(where, Kind::Other, error.httpStatus, error.describe());
    f.retryAfterMs = error.retryAfterMs;
    switch (error.kind) {
    case K::None:
        return {};
    case K::Network:
        f.kind = fromNetworkError(where, QNetworkReply::NetworkError(error.networkError)).kind;
        if (f.kind == Kind::None || f.kind == Kind::Other)
            f.kind = Kind::Unreachable;
        break;
    case K::Tls: {
        QList<QSslError> errors;
        for (const QString& text : error.sslErrors)
            errors << sslErrorFromText(text);
        f.kind = tlsKind(Centrifuge::mostTellingTlsProblem(errors));
        break;
    }
    case K::Timeout:
        f.kind = Kind::Timeout;
        break;
    case K::Unauthorized:
    case K::Forbidden:
    case K::NotFound:
    case K::RateLimited:
    case K::Server:
    case K::BadRequest:
    case K::BadResponse: {
        static const QHash<K, int> defaults {{K::Unauthorized, 401}, {K::Forbidden, 403},
            {K::NotFound, 404}, {K::RateLimited, 429}, {K::Server, 500}, {K::BadRequest, 400},
            {K::BadResponse, 302}};
        f.kind = Kind::HttpStatus;
        if (f.code == 0)
            f.code = defaults.value(error.kind);
        break;
    }
    case K::Undecodable:
        f.kind = Kind::DecodeError;
        break;
    case K::Canceled:
        f.kind = Kind::Canceled;
        break;
    }
    return f;
}

Failure fromTransportText(Where where, const QString& message)
{
    // Texts recorded before the library gave the status as the error's code (old reports).
    if (const int status = Centrifuge::refusedUpgradeStatus(message); status != 0)
        return Failure::make(Where::WebSocket, Kind::HttpStatus, status, message);
    Kind kind = Kind::Other;
    if (message.startsWith(QLatin1String("TLS: "))) {
        if (textHas(message, "another host name"))
            kind = Kind::TlsWrongHost;
        else if (textHas(message, "has expired"))
            kind = Kind::TlsExpired;
        else if (textHas(message, "not valid yet"))
            kind = Kind::TlsNotYetValid;
        else if (textHas(message, "not trusted"))
            kind = Kind::TlsUntrusted;
        else
            kind = Kind::TlsOther;
    } else if (textHas(message, "host not found") || textHas(message, "not known")) {
        kind = Kind::DnsFailure;
    } else if (textHas(message, "refused")) {
        kind = Kind::Refused;
    } else if (textHas(message, "timed out") || textHas(message, "timeout")) {
        kind = Kind::Timeout;
    } else if (textHas(message, "remote host closed")) {
        kind = Kind::ConnectionClosed;
    } else if (textHas(message, "network unreachable") || textHas(message, "unreachable")) {
        kind = Kind::Unreachable;
    } else if (textHas(message, "proxy")) {
        kind = Kind::Proxy;
    }
    return Failure::make(where, kind, 0, message);
}

Failure fromRealtimeError(Where where, const Centrifuge::Error& error)
{
    using C = Centrifuge::ErrorCategory;
    const Where socket = where == Where::Unknown ? Where::WebSocket : where;
    switch (error.category) {
    case C::Tls:
        return Failure::make(socket, tlsKind(error.tls), 0, error.message);
    case C::HttpStatus:
        if (error.type == Centrifuge::ErrorType::Transport)
            return Failure::make(Where::WebSocket, Kind::HttpStatus, error.code, error.message);
        break;
    case C::Timeout:
        if (error.type == Centrifuge::ErrorType::Transport)
            return Failure::make(socket, Kind::Timeout, error.code, error.message);
        break;
    default:
        break;
    }
    return fromRealtimeError(where, error.type, error.code, error.message);
}

Failure fromRealtimeError(Where where, Centrifuge::ErrorType type, int code, const QString& message)
{
    using T = Centrifuge::ErrorType;
    switch (type) {
    case T::Connect:
    case T::Refresh:
        return Failure::make(Where::Connect, Kind::CentrifugoError, code, message);
    case T::Subscribe:
        return Failure::make(Where::Subscribe, Kind::CentrifugoError, code, message);
    case T::Transport:
        // The library gives a refused upgrade's HTTP status as the code (404 wrong path, 502
        // Centrifugo down behind the proxy); other transport errors come as text with code 0.
        if (code >= 100 && code <= 599)
            return Failure::make(Where::WebSocket, Kind::HttpStatus, code, message);
        return fromTransportText(where == Where::Unknown ? Where::WebSocket : where, message);
    case T::Timeout:
        return Failure::make(where, Kind::Timeout, code, message);
    case T::ConnectToken:
    case T::RefreshToken:
    case T::SubscribeToken:
    case T::SubscriptionRefreshToken: {
        // The token provider's text: "HTTP 429 ..." when the route answered.
        static const QRegularExpression http(QStringLiteral("\\b(?:HTTP|status) (\\d{3})\\b"));
        const Where route = (type == T::SubscribeToken || type == T::SubscriptionRefreshToken)
            ? Where::SubscriptionTokenRoute
            : Where::TokenRoute;
        const QRegularExpressionMatch m = http.match(message);
        if (m.hasMatch())
            return Failure::make(route, Kind::HttpStatus, m.captured(1).toInt(), message);
        Failure f = fromTransportText(route, message);
        return f;
    }
    case T::BadProtocol:
        return Failure::make(where, Kind::DecodeError, code, message);
    case T::ClientDisconnected:
    case T::ClientClosed:
    case T::ConnectionClosed:
    case T::TransportClosed:
        return Failure::make(where, Kind::Disconnect, code < 1000 ? 1006 : code, message);
    default:
        return Failure::make(where, Kind::Other, code, message);
    }
}

Failure fromDisconnect(int code, const QString& reason)
{
    using namespace Centrifuge;
    if (code == DisconnectedCode::DisconnectCalled)
        return {};
    if (code == DisconnectedCode::Unauthorized)
        return Failure::make(Where::TokenRoute, Kind::HttpStatus, 401, reason);
    if (code == DisconnectedCode::BadProtocol)
        return Failure::make(Where::Connect, Kind::DecodeError, code, reason);
    if (code == DisconnectedCode::MessageSizeLimit)
        return Failure::make(Where::Connect, Kind::Disconnect, 1009, reason);
    if (code >= 100 && code < 200) // a terminal connect error ends the client with its code
        return Failure::make(Where::Connect, Kind::CentrifugoError, code, reason);
    return Failure::make(Where::Connect, Kind::Disconnect, code, reason);
}

Failure fromConnecting(int code, const QString& reason)
{
    using namespace Centrifuge;
    switch (code) {
    case ConnectingCode::ConnectCalled:
    case ConnectingCode::NetworkChanged:
    case ConnectingCode::SystemResumed:
    case ConnectingCode::ReconnectRequested:
        return {};
    case ConnectingCode::NoPing:
        return Failure::make(Where::Connect, Kind::Disconnect, 3012, reason);
    case ConnectingCode::SubscribeTimeout:
        return Failure::make(Where::Subscribe, Kind::Timeout, code, reason);
    case ConnectingCode::TransportClosed:
        return Failure::make(Where::Connect, Kind::Disconnect, 1006, reason);
    case ConnectingCode::BadProtocol:
        return Failure::make(Where::Connect, Kind::DecodeError, code, reason);
    case ConnectingCode::MessageSizeLimit:
        return Failure::make(Where::Connect, Kind::Disconnect, 1009, reason);
    default:
        return Failure::make(Where::Connect, Kind::Disconnect, code, reason);
    }
}

Failure fromUnsubscribed(const QString& channel, int code, const QString& reason)
{
    using namespace Centrifuge;
    Failure f;
    if (code == UnsubscribedCode::UnsubscribeCalled || code == UnsubscribedCode::ClientClosed)
        return f;
    if (code == UnsubscribedCode::Unauthorized)
        f = Failure::make(Where::SubscriptionTokenRoute, Kind::HttpStatus, 403, reason);
    else if (code >= 100 && code < 200)
        f = Failure::make(Where::Subscribe, Kind::CentrifugoError, code, reason);
    else if (code >= 2000 && code < 3000)
        f = Failure::make(Where::Subscribe, Kind::Unsubscribed, code, reason);
    else
        f = Failure::make(Where::Subscribe, Kind::Other, code, reason);
    f.subject = channel;
    return f;
}

} // namespace WhaTrack::Diagnostics
