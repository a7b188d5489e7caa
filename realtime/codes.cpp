#include "realtime/codes.h"

namespace Centrifuge {

QString errorTypeName(ErrorType type)
{
    switch (type) {
    case ErrorType::Timeout:
        return QStringLiteral("timeout");
    case ErrorType::TransportClosed:
        return QStringLiteral("transportClosed");
    case ErrorType::ClientDisconnected:
        return QStringLiteral("clientDisconnected");
    case ErrorType::ClientClosed:
        return QStringLiteral("clientClosed");
    case ErrorType::ConnectToken:
        return QStringLiteral("connectToken");
    case ErrorType::RefreshToken:
        return QStringLiteral("refreshToken");
    case ErrorType::SubscriptionUnsubscribed:
        return QStringLiteral("subscriptionUnsubscribed");
    case ErrorType::SubscribeToken:
        return QStringLiteral("subscribeToken");
    case ErrorType::SubscriptionRefreshToken:
        return QStringLiteral("subscriptionRefreshToken");
    case ErrorType::TransportWriteError:
        return QStringLiteral("transportWriteError");
    case ErrorType::ConnectionClosed:
        return QStringLiteral("connectionClosed");
    case ErrorType::BadConfiguration:
        return QStringLiteral("badConfiguration");
    case ErrorType::Connect:
        return QStringLiteral("connect");
    case ErrorType::Subscribe:
        return QStringLiteral("subscribe");
    case ErrorType::Refresh:
        return QStringLiteral("refresh");
    case ErrorType::Transport:
        return QStringLiteral("transport");
    case ErrorType::BadProtocol:
        return QStringLiteral("badProtocol");
    case ErrorType::GetState:
        return QStringLiteral("getState");
    }
    return QStringLiteral("unknown");
}

} // namespace Centrifuge
