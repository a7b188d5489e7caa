// The typed WhaTrack calls of ApiClient, built on ApiClient::send (see apiclient.cpp).

#include "models/api/apiclient.h"
#include "models/api/apiclient_p.h"
#include "models/api/apicodec.h"

namespace WhaTrack {

namespace {

//! An answer that does not match the contract: Kind::Undecodable with the codec's reason.
template<typename T> ApiResult<T> undecodable(const QString& problem)
{
    ApiResult<T> r;
    r.error = ApiError::undecodable(problem);
    return r;
}

template<typename T> ApiResult<T> okResult(T value)
{
    ApiResult<T> r;
    r.value = std::move(value);
    return r;
}

ApiRequest get(QString path)
{
    ApiRequest r;
    r.path = std::move(path);
    return r;
}

ApiRequest post(QString path, QByteArray body, QByteArray method = "POST")
{
    ApiRequest r;
    r.method = std::move(method);
    r.path = std::move(path);
    r.jsonBody = body.isEmpty() ? QByteArrayLiteral("{}") : std::move(body);
    return r;
}

QString enc(const QString& id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace

#define WT_TYPED_CALL(T, request, what, ...)                                                       \
    const bool hasContext = context != nullptr;                                                    \
    auto decoder = __VA_ARGS__;                                                                    \
    ApiRequest typedRequest = request;                                                             \
    typedRequest.reportAfterDecode = true;                                                         \
    return d->start(typedRequest, context,                                                         \
        [this, context, hasContext, decoder, done = std::move(done)](                              \
            ApiResult<ApiResponse> raw) mutable {                                                  \
            d->decodeThen<T>(std::move(raw), context, hasContext, decoder, std::move(done));       \
        })

ApiClient::RequestId ApiClient::signInEmail(const QString& email, const QString& password,
    const QObject* context, Callback<SessionInfo> done)
{
    ApiRequest r = post(d->m_config.routes.authBase + QStringLiteral("/sign-in/email"),
        Codec::encodeSignIn(email, password));
    r.sendOrganization = false;
    WT_TYPED_CALL(SessionInfo, r, "session", [](const ApiResponse& resp) {
        QString problem;
        auto s = Codec::decodeSession(resp.body, &problem);
        if (s && !*s)
            problem = QStringLiteral("sign-in answer: no user");
        if (!s || !*s)
            return undecodable<SessionInfo>(problem);
        return okResult(**s);
    });
}

ApiClient::RequestId ApiClient::getSession(
    const QObject* context, Callback<std::optional<SessionInfo>> done)
{
    ApiRequest r = get(d->m_config.routes.authBase + QStringLiteral("/get-session"));
    r.sendOrganization = false;
    WT_TYPED_CALL(std::optional<SessionInfo>, r, "session", [](const ApiResponse& resp) {
        QString problem;
        auto s = Codec::decodeSession(resp.body, &problem);
        if (!s)
            return undecodable<std::optional<SessionInfo>>(problem);
        return okResult(*s);
    });
}

ApiClient::RequestId ApiClient::signOut(const QObject* context, Callback<Empty> done)
{
    ApiRequest r = post(d->m_config.routes.authBase + QStringLiteral("/sign-out"), {});
    r.sendOrganization = false;
    WT_TYPED_CALL(Empty, r, "sign-out", [](const ApiResponse&) { return okResult(Empty {}); });
}

ApiClient::RequestId ApiClient::listOrganizations(
    const QObject* context, Callback<QList<Organization>> done)
{
    ApiRequest r = get(d->m_config.routes.authBase + QStringLiteral("/organization/list"));
    r.sendOrganization = false;
    WT_TYPED_CALL(QList<Organization>, r, "organizations", [](const ApiResponse& resp) {
        QString problem;
        auto o = Codec::decodeOrganizations(resp.body, &problem);
        return o ? okResult(*o) : undecodable<QList<Organization>>(problem);
    });
}

ApiClient::RequestId ApiClient::fetchChats(
    const QString& search, const QObject* context, Callback<QList<ChatItem>> done)
{
    ApiRequest r = get(QStringLiteral("/api/v1/whatsapp/chats"));
    if (!search.isEmpty())
        r.query.addQueryItem(
            QStringLiteral("q"), QString::fromLatin1(QUrl::toPercentEncoding(search)));
    r.maxBodyBytes = kMaxChatListBodyBytes;
    std::shared_ptr<DirectionRegistry> directions = d->m_directions;
    WT_TYPED_CALL(QList<ChatItem>, r, "chats", [directions](const ApiResponse& resp) {
        QString problem;
        auto c = Codec::decodeChats(resp.body, directions.get(), &problem);
        return c ? okResult(std::move(*c)) : undecodable<QList<ChatItem>>(problem);
    });
}

ApiClient::RequestId ApiClient::fetchChatsDelta(const QString& search,
    std::shared_ptr<ChatRevisions> revisions, bool keepFull, const QObject* context,
    Callback<ChatListDelta> done)
{
    ApiRequest r = get(QStringLiteral("/api/v1/whatsapp/chats"));
    if (!search.isEmpty())
        r.query.addQueryItem(
            QStringLiteral("q"), QString::fromLatin1(QUrl::toPercentEncoding(search)));
    r.maxBodyBytes = kMaxChatListBodyBytes;
    std::shared_ptr<DirectionRegistry> directions = d->m_directions;
    const bool authoritative = search.isEmpty();
    WT_TYPED_CALL(ChatListDelta, r, "chats",
        [directions, revisions, authoritative, keepFull](const ApiResponse& resp) {
            QString problem;
            auto c = Codec::decodeChats(resp.body, directions.get(), &problem);
            if (!c) // the revisions are not touched: the next good list diffs as before
                return undecodable<ChatListDelta>(problem);
            return okResult(revisions->diff(std::move(*c), authoritative, keepFull));
        });
}

ApiClient::RequestId ApiClient::fetchMessages(const QString& chatId, int page, int pageSize,
    const QObject* context, Callback<MessagePage> done)
{
    ApiRequest r = get(QStringLiteral("/api/v1/whatsapp/chats/%1/messages").arg(enc(chatId)));
    r.query.addQueryItem(QStringLiteral("page"), QString::number(page));
    r.query.addQueryItem(QStringLiteral("pageSize"), QString::number(pageSize));
    std::shared_ptr<DirectionRegistry> directions = d->m_directions;
    WT_TYPED_CALL(MessagePage, r, "messages", [directions](const ApiResponse& resp) {
        QString problem;
        auto p = Codec::decodeMessagePage(resp.body, directions.get(), &problem);
        return p ? okResult(std::move(*p)) : undecodable<MessagePage>(problem);
    });
}

ApiClient::RequestId ApiClient::fetchConversationTicket(
    const QString& conversationId, const QObject* context, Callback<std::optional<Ticket>> done)
{
    ApiRequest r = get(QStringLiteral("/api/v1/conversations/%1/%2")
                           .arg(enc(conversationId), d->m_config.routes.conversationTicket));
    r.notFoundIsResult = true; // 404 `null` = no open ticket
    WT_TYPED_CALL(std::optional<Ticket>, r, "ticket", [conversationId](const ApiResponse& resp) {
        if (resp.httpStatus == 404) {
            // Only a `null` (or empty) 404 means "no open ticket"; an error body is a real 404.
            const QByteArray b = resp.body.trimmed();
            if (b.isEmpty() || b == "null")
                return okResult(std::optional<Ticket> {});
            ApiResult<std::optional<Ticket>> nf;
            nf.error = ApiError::make(ApiError::Kind::NotFound, Codec::decodeErrorMessage(b), 404);
            return nf;
        }
        QString problem;
        auto t = Codec::decodeTicket(resp.body, &problem);
        if (!t)
            return undecodable<std::optional<Ticket>>(problem);
        if (*t && (*t)->conversationId.isEmpty())
            (*t)->conversationId = conversationId;
        return okResult(*t);
    });
}

ApiClient::RequestId ApiClient::fetchTicketStages(
    const QObject* context, Callback<QList<Stage>> done)
{
    ApiRequest r = get(QStringLiteral("/api/v1/") + d->m_config.routes.ticketStages);
    WT_TYPED_CALL(QList<Stage>, r, "stages", [](const ApiResponse& resp) {
        QString problem;
        auto s = Codec::decodeStages(resp.body, &problem);
        return s ? okResult(*s) : undecodable<QList<Stage>>(problem);
    });
}

ApiClient::RequestId ApiClient::patchTicket(const QString& ticketId, const TicketPatch& patch,
    const QObject* context, Callback<Ticket> done)
{
    ApiRequest r
        = post(QStringLiteral("/api/v1/%1/%2").arg(d->m_config.routes.tickets, enc(ticketId)),
            Codec::encodeTicketPatch(patch), "PATCH");
    WT_TYPED_CALL(Ticket, r, "ticket", [](const ApiResponse& resp) {
        QString problem;
        auto t = Codec::decodeTicket(resp.body, &problem);
        if (t && !*t)
            problem = QStringLiteral("updated ticket: null");
        if (!t || !*t)
            return undecodable<Ticket>(problem);
        return okResult(**t);
    });
}

ApiClient::RequestId ApiClient::closeTicket(const QString& ticketId, TicketOutcome outcome,
    const QString& closedReason, const std::optional<QString>& dealValue, const QObject* context,
    Callback<Ticket> done)
{
    ApiRequest r
        = post(QStringLiteral("/api/v1/%1/%2/close").arg(d->m_config.routes.tickets, enc(ticketId)),
            Codec::encodeTicketClose(outcome, closedReason, dealValue));
    WT_TYPED_CALL(Ticket, r, "ticket", [](const ApiResponse& resp) {
        QString problem;
        auto t = Codec::decodeTicket(resp.body, &problem);
        if (t && !*t)
            problem = QStringLiteral("closed ticket: null");
        if (!t || !*t)
            return undecodable<Ticket>(problem);
        return okResult(**t);
    });
}

ApiClient::RequestId ApiClient::fetchConnectionToken(const QObject* context, Callback<QString> done)
{
    ApiRequest r = get(QStringLiteral("/api/v1/centrifugo/token"));
    r.allowRetry = false; // 5 a minute: the realtime client's backoff decides
    WT_TYPED_CALL(QString, r, "token", [](const ApiResponse& resp) {
        QString problem;
        auto t = Codec::decodeToken(resp.body, &problem);
        return t ? okResult(*t) : undecodable<QString>(problem);
    });
}

ApiClient::RequestId ApiClient::fetchSubscriptionToken(
    const QString& channel, const QObject* context, Callback<QString> done)
{
    ApiRequest r = post(
        QStringLiteral("/api/v1/centrifugo/subscription-token"), Codec::encodeChannel(channel));
    WT_TYPED_CALL(QString, r, "token", [](const ApiResponse& resp) {
        QString problem;
        auto t = Codec::decodeToken(resp.body, &problem);
        return t ? okResult(*t) : undecodable<QString>(problem);
    });
}

#undef WT_TYPED_CALL

} // namespace WhaTrack
