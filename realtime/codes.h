#pragma once

//! \file codes.h
//! \brief Client-side event codes (the numbers every official SDK uses) and server code rules.

#include <QObject>

namespace Centrifuge {
Q_NAMESPACE

//! Error codes of Centrifugo replies (centrifuge errors.go); the cause of each, in plain words,
//! is in models/diagnostics/causes_centrifugo.cpp.
namespace ReplyError {
inline constexpr int Internal = 100;
inline constexpr int Unauthorized = 101;
inline constexpr int UnknownChannel = 102;
inline constexpr int PermissionDenied = 103;
inline constexpr int MethodNotFound = 104;
inline constexpr int AlreadySubscribed = 105;
inline constexpr int LimitExceeded = 106;
inline constexpr int BadRequest = 107;
inline constexpr int NotAvailable = 108;
inline constexpr int TokenExpired = 109;
inline constexpr int Expired = 110;
inline constexpr int TooManyRequests = 111;
inline constexpr int UnrecoverablePosition = 112;
} // namespace ReplyError

//! Codes carried by the `connecting` event (client-side, < 3000) besides server disconnect codes.
namespace ConnectingCode {
inline constexpr int ConnectCalled = 0;
inline constexpr int TransportClosed = 1;
inline constexpr int NoPing = 2;
inline constexpr int SubscribeTimeout = 3;
inline constexpr int UnsubscribeError = 4;
// Ours, beyond the SDK spec: why a reconnect was started early.
inline constexpr int NetworkChanged = 5;
inline constexpr int SystemResumed = 6;
inline constexpr int ReconnectRequested = 7;
//! The server sent a frame we cannot read (error event `BadProtocol`, code 2 before it). The
//! SDKs end the connection for good here; an inbox open all day reconnects with backoff instead.
inline constexpr int BadProtocol = 8;
//! The server sent a message over ClientOptions::maxIncomingMessageSize, or closed with 1009
//! (error event `BadProtocol`, code 3 before it). Reconnects with backoff.
inline constexpr int MessageSizeLimit = 9;
} // namespace ConnectingCode

//! Codes carried by the terminal `disconnected` event besides server codes 3500-3999/4500-4999.
//! BadProtocol and MessageSizeLimit are no longer terminal (see ConnectingCode): they remain as
//! the `code` of the BadProtocol error event that says what the server sent.
namespace DisconnectedCode {
inline constexpr int DisconnectCalled = 0;
inline constexpr int Unauthorized = 1;
inline constexpr int BadProtocol = 2;
inline constexpr int MessageSizeLimit = 3;
} // namespace DisconnectedCode

namespace SubscribingCode {
inline constexpr int SubscribeCalled = 0;
inline constexpr int TransportClosed = 1;
} // namespace SubscribingCode

namespace UnsubscribedCode {
inline constexpr int UnsubscribeCalled = 0;
inline constexpr int Unauthorized = 1;
inline constexpr int ClientClosed = 2;
// Ours: a server-side subscription the server did not renew in the connect reply after a
// reconnect (the SDKs report it without a dedicated code).
inline constexpr int ServerSideRemoved = 3;
} // namespace UnsubscribedCode

//! The `type` of an error event (centrifuge-js error codes, same numbers).
enum class ErrorType {
    Timeout = 1,
    TransportClosed = 2,
    ClientDisconnected = 3,
    ClientClosed = 4,
    ConnectToken = 5,
    RefreshToken = 6,
    SubscriptionUnsubscribed = 7,
    SubscribeToken = 8,
    SubscriptionRefreshToken = 9,
    TransportWriteError = 10,
    ConnectionClosed = 11,
    BadConfiguration = 12,
    Connect = 13, //!< a connect reply carried an error
    Subscribe = 14, //!< a subscribe reply carried an error
    Refresh = 15, //!< a refresh/sub_refresh reply carried an error
    //! The WebSocket reported an error (TLS, DNS, refused...). `code`: the HTTP status when the
    //! server refused the upgrade (404, 502...), else 0.
    Transport = 16,
    BadProtocol = 17, //!< the server sent something we cannot decode
    GetState = 18, //!< SubscriptionOptions::getState failed or timed out
};
Q_ENUM_NS(ErrorType)

//! What kind of failure, for the application to choose a reaction (a TLS dialog, a countdown).
enum class ErrorCategory {
    Network, //!< DNS, refused, unreachable, reset: the server could not be reached
    Tls, //!< the secure connection failed (see Error::tls)
    HttpStatus, //!< the server answered the WebSocket upgrade with an HTTP error (code)
    Timeout, //!< no answer in time (connect, open, call)
    Protocol, //!< the server sent something we cannot decode
    ServerCode, //!< a Centrifugo reply error (code 100-113, see ReplyError)
    Token, //!< the TokenProvider (the backend's token route) failed
    Closed, //!< the connection or client was closed under the operation
    Configuration, //!< the client was used wrongly (a bug, not the network)
};
Q_ENUM_NS(ErrorCategory)

//! The most telling problem of a TLS failure. Several QSslErrors map to one problem: an agent
//! needs "add your company's CA", not the five OpenSSL names for it.
enum class TlsProblem {
    None,
    WrongHost, //!< the certificate is for another host name (a CA would not help)
    Expired,
    NotYetValid, //!< usually a wrong clock
    Untrusted, //!< self-signed or an unknown CA: configure the CA that signed it
    Revoked,
    NoCertificate,
    InvalidPurpose,
    Handshake, //!< no certificate error: not a TLS server, no common version or cipher
    Other,
};
Q_ENUM_NS(TlsProblem)

//! Stable lower-case name of an error type, for logs and the `listen` console output.
QString errorTypeName(ErrorType type);

//! Disconnect rule of the server (centrifuge disconnect.go): true if the client should reconnect.
constexpr bool shouldReconnectAfterServerCode(int code)
{
    if (code < 3000)
        return true; // transport-level closes (1000, 1001, 1006...) except 1009, handled apart
    if (code >= 3500 && code < 4000)
        return false;
    if (code >= 4500 && code < 5000)
        return false;
    return true;
}

//! Unsubscribe push rule: codes >= 2500 mean "resubscribe", below mean "stay unsubscribed".
constexpr bool shouldResubscribeAfterUnsubscribeCode(int code)
{
    return code >= 2500;
}

//! Reply error rule of the SDKs: retry if client-side, temporary, or "token expired" (109).
constexpr bool isRetryableReplyError(int code, bool temporary)
{
    return code < ReplyError::Internal || temporary || code == ReplyError::TokenExpired;
}

} // namespace Centrifuge
