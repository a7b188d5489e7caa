#pragma once

//! \file causes.h
//! \brief The one table of causes: a structured failure in, {title, cause in plain words, what to
//! do} out. Used by the diagnostics engine, the connection panel and pill, the report and
//! `whatrack-inbox-cli diagnose`, so every surface explains a failure the same way.
//!
//! Build a Failure by hand or with the adapters in causeadapters.h (Qt network errors, TLS
//! errors, ApiError, the realtime library's error/disconnect/unsubscribe codes), then explain().

#include <QMetaType>
#include <QObject>
#include <QString>

namespace WhaTrack::Diagnostics {
Q_NAMESPACE

//! Where the failure happened: decides which server is named and which hint applies (an HTTP
//! 404 means "wrong path" on the WebSocket upgrade but "wrong backend URL" on the token route).
enum class Where {
    Unknown,
    Backend, //!< the REST backend itself (DNS, TCP, TLS, HTTP of the base URL)
    SignIn, //!< email/password sign-in or the session cookie check
    Organization, //!< the organization chosen for this user
    TokenRoute, //!< GET /api/v1/centrifugo/token (connection JWT)
    SubscriptionTokenRoute, //!< POST /api/v1/centrifugo/subscription-token
    Centrifugo, //!< DNS, TCP, TLS of the Centrifugo host
    WebSocket, //!< the HTTP upgrade to WebSocket
    Connect, //!< the Centrifugo connect command (and the connection afterwards)
    Subscribe, //!< a channel subscription
    Isolation, //!< the "channels are protected" check
    Publications, //!< waiting for or watching publications
};
Q_ENUM_NS(Where)

enum class Kind {
    None,
    DnsFailure, //!< host name not found
    Refused, //!< nothing listens on that port
    Timeout, //!< no answer in time
    Unreachable, //!< no route / network down
    ConnectionClosed, //!< the peer closed or reset the connection before answering
    Proxy, //!< the configured HTTP/SOCKS proxy failed
    TlsUntrusted, //!< unknown CA or self-signed
    TlsExpired, //!< certificate expired
    TlsNotYetValid, //!< certificate not valid yet (clock behind)
    TlsWrongHost, //!< certificate for another host name (a CA will not help)
    TlsOther, //!< handshake failed otherwise (plain port, incompatible settings)
    HttpStatus, //!< an HTTP status; `code` holds it
    CentrifugoError, //!< a Centrifugo reply error; `code` 100-113
    Disconnect, //!< a close/disconnect code; `code` (1000-1015, 3000-4999)
    Unsubscribed, //!< a server unsubscribe; `code` 2000-2999
    PublicationsStopped, //!< the connection is up but publications stopped arriving
    NoPublication, //!< none arrived in the diagnostics' wait
    DecodeError, //!< an answer we cannot read (or a 200 without the expected value)
    SessionExpired, //!< the stored cookie is no longer valid
    NotMember, //!< the user does not belong to the organization asked for
    ClockSkew, //!< this computer's clock differs from the server's; `detail` says by how much
    IsolationBreach, //!< another organization's channel could be subscribed to
    Canceled, //!< stopped by us
    Other,
};
Q_ENUM_NS(Kind)

//! The outcome of a diagnostics step (step.h).
enum class StepStatus {
    Pending, //!< planned, not started
    Running,
    Ok,
    Warning, //!< passed, but something needs attention (clock skew, channels not protected)
    Failed,
    Skipped, //!< not run: an earlier failure makes it meaningless (see `skippedBecause`)
};
Q_ENUM_NS(StepStatus)

//! What a step checks. Subscribe steps repeat, one per channel.
enum class StepKind {
    Backend, //!< WhaTrack server reachable: DNS, TCP, TLS (certificate), HTTP
    SignIn, //!< signed in, organization chosen
    Token, //!< the token route gives a JWT; claims and clock skew
    Centrifugo, //!< realtime server reachable: DNS, TCP, TLS (certificate)
    WebSocket, //!< the WebSocket upgrade (HTTP status when refused)
    Connect, //!< Centrifugo connect: server version, client id, ping interval
    Subscribe, //!< one channel
    Isolation, //!< "channels are protected": another organization's channel is refused
    Publication, //!< a publication arrives within the wait
};
Q_ENUM_NS(StepKind)

//! What went wrong, without interpretation. Safe to log: never a token, cookie or body.
struct Failure
{
    Where where = Where::Unknown;
    Kind kind = Kind::None;
    int code = 0; //!< HTTP status, Centrifugo error, disconnect or unsubscribe code
    QString detail; //!< the technical text (Qt's, the server's reason), for the report
    qint64 retryAfterMs = -1; //!< from Retry-After, -1 when unknown
    QString subject; //!< what it is about: a host name, a channel name

    bool isNone() const { return kind == Kind::None; }
    static Failure make(Where where, Kind kind, int code = 0, QString detail = {});
};

//! The row of the table for one failure.
struct Cause
{
    QString id; //!< stable key ("tls-wrong-host", "centrifugo-103"): JSON, tests, docs
    QString title; //!< a few words for a list or the pill's tooltip
    QString cause; //!< what happened, in words an agent understands
    QString action; //!< what to do next (agent first, then IT)

    bool isEmpty() const { return id.isEmpty(); }
    //! "title: cause What to do: action" on one line, for logs and the pill's tooltip.
    QString oneLine() const;
};

//! Explains \a failure. Kind::None gives an empty Cause.
Cause explain(const Failure& failure);

//! Stable lower-case names for JSON ("websocket", "tls-untrusted").
QString whereName(Where where);
QString kindName(Kind kind);
//! "the WhaTrack server" / "the realtime server (Centrifugo)": who failed, in words.
QString serverWords(Where where);

} // namespace WhaTrack::Diagnostics

Q_DECLARE_METATYPE(WhaTrack::Diagnostics::Failure)
Q_DECLARE_METATYPE(WhaTrack::Diagnostics::Cause)
