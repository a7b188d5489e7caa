#include "models/api/apicodec.h"

#include "models/api/apicodec_p.h"
#include "models/api/directionregistry.h"

#include <QTimeZone>

#include <nlohmann/json.hpp>

namespace WhaTrack::Codec {

using namespace detail;

namespace {

//! Hands the problem to the caller's out-parameter and yields "undecodable".
template<typename T> std::optional<T> failed(const Problem& p, QString* out, const char* what)
{
    // A problem in the field that names the answer ("token: missing" in the token answer) is
    // not prefixed twice.
    const QString prefix = QLatin1String(what) + QStringLiteral(": ");
    if (out)
        *out = p.text().startsWith(prefix) ? p.text() : prefix + p.text();
    return std::nullopt;
}

//! A list that may come bare or wrapped in one of the usual envelope keys, at most two
//! envelopes deep (`{"data":{"items":[...]}}`). A loop, not recursion: the body is hostile.
const json* listOf(const json& j, std::initializer_list<const char*> keys, Problem& p)
{
    const json* current = &j;
    for (int level = 0; level < 3; ++level) {
        if (current->is_array())
            return current;
        const json* next = nullptr;
        for (const char* k : keys) {
            const json* v = field(*current, k);
            if (v && (v->is_array() || v->is_object())) {
                next = v;
                break;
            }
        }
        if (!next)
            break;
        current = next;
    }
    p.fail(QStringLiteral("no list where one was expected"));
    return nullptr;
}

//! Decodes each element of \a list with \a one; a non-object element or a failed one fails
//! the whole list, with the element's index in the problem.
template<typename T, typename One>
std::optional<QList<T>> eachObject(const json& list, Problem& p, One one)
{
    QList<T> out;
    out.reserve(static_cast<qsizetype>(list.size()));
    qsizetype index = 0;
    for (const auto& item : list) {
        if (!item.is_object())
            p.fail(QStringLiteral("expected an object, got %1").arg(typeName(item)));
        else
            out.append(one(item));
        if (p.failed()) {
            p.within(QStringLiteral("[%1].").arg(index));
            return std::nullopt;
        }
        ++index;
    }
    return out;
}

//! `null`, an empty body or (tolerated envelope) `{"ticket": null}`: no entity.
bool isNullBody(const QByteArray& trimmed)
{
    return trimmed.isEmpty() || trimmed == "null";
}

} // namespace

QDateTime parseTime(const QString& text)
{
    if (text.isEmpty())
        return {};
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    if (ok) // Meta sends epoch seconds as a string
        return fromEpochNumber(static_cast<double>(n));
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (t.isValid() && t.timeSpec() == Qt::LocalTime) // no offset given: the backend means UTC
        t.setTimeZone(QTimeZone::utc());
    if (!t.isValid() || !isSaneEpochMs(static_cast<double>(t.toMSecsSinceEpoch())))
        return {};
    return t.toUTC();
}

QString formatTime(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

std::optional<QList<ChatItem>> decodeChats(
    const QByteArray& body, DirectionRegistry* directions, QString* problem)
{
    // Streamed: each chat is decoded as soon as its object closes and then dropped from the
    // DOM, so 20,000 chats never exist as one nlohmann tree (which costs ~10x the body size).
    Problem p;
    if (const auto shape = checkJsonShape(body, -1)) {
        p.fail(*shape);
        return failed<QList<ChatItem>>(p, problem, "chat list");
    }
    QList<ChatItem> out;
    bool bareArray = false;
    for (char ch : body) {
        if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t')
            continue;
        bareArray = ch == '[';
        break;
    }
    const int itemDepth = bareArray ? 1 : 2;
    bool inList = bareArray; // the current root member is one of the list keys
    bool sawList = bareArray;
    qsizetype index = 0;
    using Event = json::parse_event_t;
    const json::parser_callback_t cb = [&](int depth, Event event, json& parsed) {
        if (p.failed())
            return false; // parsing goes on (it cannot be stopped) but keeps nothing
        if (!bareArray && depth == 1) {
            if (event == Event::key) {
                const std::string& k = parsed.get_ref<const std::string&>();
                inList = k == "items" || k == "data" || k == "chats";
            } else if (inList && event == Event::array_start) {
                sawList = true;
            } else if (inList && (event == Event::object_start || event == Event::value)) {
                if (!parsed.is_null()) // `"items": null` is no list; an object is wrong
                    p.fail(QStringLiteral("items: expected a list"));
                inList = false;
            }
            return true;
        }
        if (!inList || depth != itemDepth)
            return true;
        if (event == Event::object_end) {
            ChatItem c = chat(parsed, directions, p);
            if (p.failed())
                p.within(QStringLiteral("[%1].").arg(index));
            else
                out.append(std::move(c));
            ++index;
            return false; // discard: keep the DOM small
        }
        if (event == Event::value || event == Event::array_start) {
            p.fail(QStringLiteral("[%1]: expected an object").arg(index));
            return false;
        }
        return true;
    };
    const json j = json::parse(body.constBegin(), body.constEnd(), cb, false);
    if (j.is_discarded() && !p.failed())
        p.fail(QStringLiteral("not valid JSON"));
    if (!p.failed() && !sawList)
        p.fail(QStringLiteral("no list where one was expected"));
    if (p.failed())
        return failed<QList<ChatItem>>(p, problem, "chat list");
    return out;
}

std::optional<MessagePage> decodeMessagePage(
    const QByteArray& body, DirectionRegistry* directions, QString* problem)
{
    Problem p;
    const json j = parse(body, p);
    const json* list = p.failed() ? nullptr : listOf(j, {"items", "data", "messages"}, p);
    if (!list)
        return failed<MessagePage>(p, problem, "messages");
    auto items = eachObject<Message>(
        *list, p, [&](const json& item) { return message(item, directions, p); });
    MessagePage page;
    if (items) {
        page.items = std::move(*items);
        page.total = count(j, "total", p, static_cast<int>(page.items.size()));
        page.page = count(j, "page", p, 1);
        page.pageSize = count(j, "pageSize", p, static_cast<int>(page.items.size()));
    }
    if (p.failed())
        return failed<MessagePage>(p, problem, "messages");
    return page;
}

std::optional<std::optional<Ticket>> decodeTicket(const QByteArray& body, QString* problem)
{
    const QByteArray trimmed = body.trimmed();
    if (isNullBody(trimmed))
        return std::optional<Ticket> {};
    Problem p;
    const json j = parse(trimmed, p);
    const json* t = &j;
    if (j.is_object() && j.contains("ticket")) // tolerate an envelope (a pointer, not a copy)
        t = &*j.find("ticket");
    if (!p.failed() && t->is_null())
        return std::optional<Ticket> {};
    if (!p.failed() && !t->is_object())
        p.fail(QStringLiteral("expected an object, got %1").arg(typeName(*t)));
    if (p.failed())
        return failed<std::optional<Ticket>>(p, problem, "ticket");
    Ticket decoded = ticket(*t, p);
    if (p.failed())
        return failed<std::optional<Ticket>>(p, problem, "ticket");
    return std::optional<Ticket> {std::move(decoded)};
}

std::optional<QList<Stage>> decodeStages(const QByteArray& body, QString* problem)
{
    Problem p;
    const json j = parse(body, p);
    const json* list = p.failed() ? nullptr : listOf(j, {"items", "data", "stages"}, p);
    if (!list)
        return failed<QList<Stage>>(p, problem, "stages");
    auto out = eachObject<Stage>(*list, p, [&](const json& item) {
        Stage s = stage(item, p);
        if (s.id.isEmpty())
            p.fail(QStringLiteral("id: missing"));
        return s;
    });
    if (!out)
        return failed<QList<Stage>>(p, problem, "stages");
    return out;
}

std::optional<std::optional<SessionInfo>> decodeSession(const QByteArray& body, QString* problem)
{
    const QByteArray trimmed = body.trimmed();
    if (isNullBody(trimmed))
        return std::optional<SessionInfo> {};
    Problem p;
    const json j = parse(trimmed, p);
    if (!p.failed() && j.is_null())
        return std::optional<SessionInfo> {};
    if (!p.failed() && !j.is_object())
        p.fail(QStringLiteral("expected an object, got %1").arg(typeName(j)));
    const json* u = p.failed() ? nullptr : object(j, "user", p);
    if (p.failed())
        return failed<std::optional<SessionInfo>>(p, problem, "session");
    if (!u)
        return std::optional<SessionInfo> {};
    SessionInfo s;
    nested(j, "user", p, [&](const json& uj) { s.user = user(uj, p); });
    nested(j, "session", p, [&](const json& sess) {
        s.expiresAt = time(sess, "expiresAt", p);
        s.activeOrganizationId = text(sess, "activeOrganizationId", p);
    });
    if (p.failed())
        return failed<std::optional<SessionInfo>>(p, problem, "session");
    return std::optional<SessionInfo> {std::move(s)};
}

std::optional<QList<Organization>> decodeOrganizations(const QByteArray& body, QString* problem)
{
    Problem p;
    const json j = parse(body, p);
    const json* list = p.failed() ? nullptr : listOf(j, {"items", "data", "organizations"}, p);
    if (!list)
        return failed<QList<Organization>>(p, problem, "organizations");
    auto out = eachObject<Organization>(*list, p, [&](const json& item) {
        return Organization {requiredText(item, "id", p), text(item, "name", p),
            text(item, "slug", p), text(item, "role", p)};
    });
    if (!out)
        return failed<QList<Organization>>(p, problem, "organizations");
    return out;
}

std::optional<QString> decodeToken(const QByteArray& body, QString* problem)
{
    Problem p;
    const json j = parse(body, p);
    if (!p.failed() && !j.is_object())
        p.fail(QStringLiteral("expected an object, got %1").arg(typeName(j)));
    const QString token = p.failed() ? QString() : requiredText(j, "token", p);
    if (p.failed())
        return failed<QString>(p, problem, "token");
    return token;
}

QString decodeErrorMessage(const QByteArray& body)
{
    Problem p; // an error body that does not fit only loses its message
    const json j = parse(body, p);
    QString msg = hint(j, "error");
    if (msg.isEmpty())
        msg = hint(j, "message");
    if (msg.isEmpty()) {
        if (const json* e = field(j, "error"); e && e->is_object())
            msg = hint(*e, "message");
    }
    return msg.left(300);
}

std::optional<ChatItem> decodeChat(const QByteArray& body)
{
    Problem p;
    const json j = parse(body, p);
    if (p.failed() || !j.is_object())
        return std::nullopt;
    ChatItem c = chat(j, nullptr, p);
    if (p.failed())
        return std::nullopt;
    return c;
}

std::optional<Message> decodeMessage(const QByteArray& body)
{
    Problem p;
    const json j = parse(body, p);
    if (p.failed() || !j.is_object())
        return std::nullopt;
    Message m = message(j, nullptr, p);
    if (p.failed())
        return std::nullopt;
    return m;
}

std::optional<Stage> decodeStage(const QByteArray& body)
{
    Problem p;
    const json j = parse(body, p);
    if (p.failed() || !j.is_object())
        return std::nullopt;
    Stage s = stage(j, p);
    if (p.failed())
        return std::nullopt;
    return s;
}

} // namespace WhaTrack::Codec
