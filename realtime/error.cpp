#include "realtime/error.h"

namespace Centrifuge {

namespace {

//! Lower is more telling; used to pick one problem out of a list.
int rank(TlsProblem problem)
{
    switch (problem) {
    case TlsProblem::WrongHost:
        return 0;
    case TlsProblem::Expired:
        return 1;
    case TlsProblem::NotYetValid:
        return 2;
    case TlsProblem::Untrusted:
        return 3;
    case TlsProblem::Revoked:
        return 4;
    default:
        return 5;
    }
}

} // namespace

Error Error::make(ErrorType type, int code, const QString& message)
{
    return Error {type, errorCategoryOf(type, code), code, message, TlsProblem::None};
}

ErrorCategory errorCategoryOf(ErrorType type, int code)
{
    switch (type) {
    case ErrorType::Timeout:
        return ErrorCategory::Timeout;
    case ErrorType::TransportClosed:
    case ErrorType::ClientDisconnected:
    case ErrorType::ClientClosed:
    case ErrorType::ConnectionClosed:
    case ErrorType::SubscriptionUnsubscribed:
        return ErrorCategory::Closed;
    case ErrorType::ConnectToken:
    case ErrorType::RefreshToken:
    case ErrorType::SubscribeToken:
    case ErrorType::SubscriptionRefreshToken:
        return ErrorCategory::Token;
    case ErrorType::TransportWriteError:
        return ErrorCategory::Network;
    case ErrorType::BadConfiguration:
        return ErrorCategory::Configuration;
    case ErrorType::Connect:
    case ErrorType::Subscribe:
    case ErrorType::Refresh:
        return ErrorCategory::ServerCode;
    case ErrorType::Transport:
        return code >= 100 && code <= 599 ? ErrorCategory::HttpStatus : ErrorCategory::Network;
    case ErrorType::BadProtocol:
        return ErrorCategory::Protocol;
    case ErrorType::GetState:
        return ErrorCategory::Token; // the application's own state source, like a token route
    }
    return ErrorCategory::Network;
}

TlsProblem tlsProblemOf(QSslError::SslError error)
{
    switch (error) {
    case QSslError::NoError:
        return TlsProblem::None;
    case QSslError::HostNameMismatch:
        return TlsProblem::WrongHost;
    case QSslError::CertificateExpired:
        return TlsProblem::Expired;
    case QSslError::CertificateNotYetValid:
        return TlsProblem::NotYetValid;
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::CertificateUntrusted:
    case QSslError::CertificateRejected:
        return TlsProblem::Untrusted;
    case QSslError::CertificateRevoked:
        return TlsProblem::Revoked;
    case QSslError::NoPeerCertificate:
        return TlsProblem::NoCertificate;
    case QSslError::InvalidPurpose:
        return TlsProblem::InvalidPurpose;
    default:
        return TlsProblem::Other;
    }
}

TlsProblem mostTellingTlsProblem(const QList<QSslError>& errors)
{
    TlsProblem best = TlsProblem::None;
    for (const QSslError& e : errors) {
        const TlsProblem p = tlsProblemOf(e.error());
        if (p != TlsProblem::None && (best == TlsProblem::None || rank(p) < rank(best)))
            best = p;
    }
    return best == TlsProblem::None ? TlsProblem::Handshake : best;
}

QString tlsProblemText(TlsProblem problem)
{
    switch (problem) {
    case TlsProblem::None:
        return {};
    case TlsProblem::Untrusted:
        return QStringLiteral(
            "the server's certificate is not trusted (self-signed or unknown CA; configure the "
            "CA that signed it)");
    case TlsProblem::WrongHost:
        return QStringLiteral("the server's certificate is for another host name");
    case TlsProblem::Expired:
        return QStringLiteral("the server's certificate has expired");
    case TlsProblem::NotYetValid:
        return QStringLiteral("the server's certificate is not valid yet (check the clock)");
    case TlsProblem::Revoked:
        return QStringLiteral("the server's certificate was revoked");
    case TlsProblem::NoCertificate:
        return QStringLiteral("the server sent no certificate");
    case TlsProblem::InvalidPurpose:
        return QStringLiteral("the server's certificate is not meant for a TLS server");
    case TlsProblem::Handshake:
        return QStringLiteral("the secure connection could not be set up (is it a TLS server?)");
    case TlsProblem::Other:
        break;
    }
    return QStringLiteral("the server's certificate could not be verified");
}

} // namespace Centrifuge
