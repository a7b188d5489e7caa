#pragma once

//! \file apiclient.h
//! \brief The WhaTrack REST client (QNetworkAccessManager): cookie session, organization header,
//! classified errors, per-request timeout, retries with backoff for idempotent GETs.
//!
//! Hostile servers: answers are size-capped per route and decoded strictly (see apicodec.h); an
//! answer that does not match the contract is ApiError::Kind::Undecodable and never reaches the
//! caller's data. Redirects are followed only for GETs to the same origin (scheme, host, port);
//! any other redirect is refused before anything is re-sent, so the password, the session
//! cookie and the organization header never go to another server.
//!
//! Every call takes a \a context object and a callback. The callback runs exactly once on the
//! client's thread, always asynchronously, and is dropped if \a context is destroyed first.
//! Large bodies are decoded on a worker thread so a 20,000-chat list never stalls the GUI.
//! Logs carry the method, path (never the query string), status and latency; never cookies,
//! tokens, passwords or message bodies.

#include "models/api/apiconfig.h"
#include "models/api/apierror.h"
#include "models/api/apitypes.h"
#include "models/items/chatrevisions.h"

#include <QByteArray>
#include <QObject>
#include <QUrlQuery>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace WhaTrack {

class CookieJar;
class DirectionRegistry;
class ApiClientPrivate;

//! Default cap of an answer's size (any route): bigger answers are refused while downloading.
inline constexpr qsizetype kDefaultMaxBodyBytes = 4 * 1024 * 1024;
//! The chat list has no pagination (70,000 chats are ~100 MB of JSON): its own, larger cap.
inline constexpr qsizetype kMaxChatListBodyBytes = 256 * 1024 * 1024;

//! A raw request for the generic send(); the typed calls below are built on it.
struct ApiRequest
{
    QByteArray method = "GET";
    QString path; //!< starting with /api/...
    QUrlQuery query;
    QByteArray jsonBody; //!< sent as application/json when not empty
    bool sendOrganization = true;
    //! A 404 is a normal result (the body is handed over, error stays None).
    bool notFoundIsResult = false;
    //! False for routes that must not be retried here (the rate-limited token route).
    bool allowRetry = true;
    //! A larger answer (by Content-Length or while it arrives) is aborted and reported as
    //! ApiError::Kind::Undecodable: a hostile server cannot make the client buffer without end.
    qsizetype maxBodyBytes = kDefaultMaxBodyBytes;
    //! Set by the typed calls: requestFinished() is emitted after the body was decoded, so an
    //! undecodable 200 is reported as the error it is, not as "HTTP 200".
    bool reportAfterDecode = false;
};

struct ApiResponse
{
    int httpStatus = 0;
    QByteArray body;
    qint64 latencyMs = 0; //!< from sending the (last) attempt to its answer
};

class ApiClient : public QObject
{
    Q_OBJECT

public:
    template<typename T> using Callback = std::function<void(ApiResult<T>)>;
    using RequestId = quint64;

    explicit ApiClient(ApiConfig config, QObject* parent = nullptr);
    ~ApiClient() override;

    const ApiConfig& config() const;
    //! Takes effect for requests sent afterwards.
    void setConfig(ApiConfig config);
    QString organizationId() const;
    void setOrganizationId(const QString& organizationId);

    //! The session cookies. Session persists them through the SecretStore.
    CookieJar* cookieJar() const;
    QNetworkAccessManager* networkAccessManager() const;
    //! Direction ids of ticket-era rows, seeded from the config and learned at run time.
    DirectionRegistry* directionRegistry() const;

    // --- better-auth (basePath /api/v1/auth) ------------------------------------------------
    RequestId signInEmail(const QString& email, const QString& password, const QObject* context,
        Callback<SessionInfo> done);
    //! `std::nullopt` when the cookie is missing or expired (better-auth answers `null`).
    RequestId getSession(const QObject* context, Callback<std::optional<SessionInfo>> done);
    RequestId signOut(const QObject* context, Callback<Empty> done);
    RequestId listOrganizations(const QObject* context, Callback<QList<Organization>> done);

    // --- inbox ------------------------------------------------------------------------------
    RequestId fetchChats(
        const QString& search, const QObject* context, Callback<QList<ChatItem>> done);
    //! Like fetchChats(), diffed on the decode worker against \a revisions: only new, changed
    //! and (for the unfiltered list) removed chats reach the caller's thread.
    RequestId fetchChatsDelta(const QString& search, std::shared_ptr<ChatRevisions> revisions,
        bool keepFull, const QObject* context, Callback<ChatListDelta> done);
    //! \a chatId may be a conversation id or a lead id (the route accepts both).
    RequestId fetchMessages(const QString& chatId, int page, int pageSize, const QObject* context,
        Callback<MessagePage> done);
    //! 404 `null` is a normal result: `std::nullopt` = "no open ticket".
    RequestId fetchConversationTicket(const QString& conversationId, const QObject* context,
        Callback<std::optional<Ticket>> done);
    RequestId fetchTicketStages(const QObject* context, Callback<QList<Stage>> done);
    RequestId patchTicket(const QString& ticketId, const TicketPatch& patch, const QObject* context,
        Callback<Ticket> done);
    RequestId closeTicket(const QString& ticketId, TicketOutcome outcome,
        const QString& closedReason, const std::optional<QString>& dealValue,
        const QObject* context, Callback<Ticket> done);

    // --- realtime tokens --------------------------------------------------------------------
    //! GET /api/v1/centrifugo/token -> the connection JWT. Never retried here (rate limited).
    RequestId fetchConnectionToken(const QObject* context, Callback<QString> done);
    //! POST /api/v1/centrifugo/subscription-token {channel} -> a subscription JWT.
    RequestId fetchSubscriptionToken(
        const QString& channel, const QObject* context, Callback<QString> done);

    //! Generic call: classification, timeout and retries apply; the body is not decoded.
    RequestId send(const ApiRequest& request, const QObject* context, Callback<ApiResponse> done);

    //! The callback of a canceled request is not called.
    void cancel(RequestId id);
    //! Cancels everything in flight (organization switch, sign out).
    void cancelAll();
    int inFlightCount() const;

Q_SIGNALS:
    //! Any call got 401. Session turns this into signedOut(SessionExpired).
    void unauthorized(const WhaTrack::ApiError& error);
    //! After every finished call (including failures), for the diagnostics panel.
    void requestFinished(
        const QString& route, int httpStatus, qint64 latencyMs, const WhaTrack::ApiError& error);
    //! A response (of any status) arrived: the server is reachable again.
    void serverReached();

private:
    friend class ApiClientPrivate;
    std::unique_ptr<ApiClientPrivate> d;
};

} // namespace WhaTrack
