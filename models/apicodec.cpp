#include "models/apicodec.h"

#include "models/directionregistry.h"

#include <QTimeZone>

#include <nlohmann/json.hpp>

namespace WhaTrack::Codec {

using json = nlohmann::json;

namespace {

json parse(const QByteArray& body)
{
    return json::parse(body.constBegin(), body.constEnd(), nullptr, false);
}

const json* field(const json& j, const char* key)
{
    if (!j.is_object())
        return nullptr;
    auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return nullptr;
    return &*it;
}

QString str(const json& j, const char* key)
{
    const json* v = field(j, key);
    if (!v)
        return {};
    if (v->is_string())
        return QString::fromStdString(v->get_ref<const std::string&>());
    if (v->is_number_integer())
        return QString::number(v->get<qint64>());
    if (v->is_number_float())
        return QString::number(v->get<double>(), 'f', -1);
    if (v->is_boolean())
        return v->get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

qint64 integer(const json& j, const char* key, qint64 fallback = 0)
{
    const json* v = field(j, key);
    if (!v)
        return fallback;
    if (v->is_number_integer())
        return v->get<qint64>();
    if (v->is_number_float())
        return static_cast<qint64>(v->get<double>());
    if (v->is_string()) {
        bool ok = false;
        const qint64 n = QString::fromStdString(v->get_ref<const std::string&>()).toLongLong(&ok);
        return ok ? n : fallback;
    }
    return fallback;
}

std::optional<qint64> optInteger(const json& j, const char* key)
{
    const json* v = field(j, key);
    if (!v || !(v->is_number() || v->is_string()))
        return std::nullopt;
    return integer(j, key);
}

bool boolean(const json& j, const char* key, bool fallback = false)
{
    const json* v = field(j, key);
    if (!v)
        return fallback;
    if (v->is_boolean())
        return v->get<bool>();
    if (v->is_number())
        return v->get<double>() != 0;
    if (v->is_string()) {
        const auto s = QString::fromStdString(v->get_ref<const std::string&>()).toLower();
        return s == QLatin1String("true") || s == QLatin1String("1");
    }
    return fallback;
}

QDateTime time(const json& j, const char* key)
{
    const json* v = field(j, key);
    if (!v)
        return {};
    if (v->is_number()) {
        const double n = v->get<double>();
        const auto ms = static_cast<qint64>(n > 1e11 ? n : n * 1000.0);
        return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    }
    return parseTime(str(j, key));
}

//! A list that may come bare or wrapped in one of the usual envelope keys.
const json* listOf(const json& j, std::initializer_list<const char*> keys)
{
    if (j.is_array())
        return &j;
    for (const char* k : keys) {
        const json* v = field(j, k);
        if (v && v->is_array())
            return v;
        if (v && v->is_object()) {
            if (const json* inner = listOf(*v, keys))
                return inner;
        }
    }
    return nullptr;
}

MessageDirection directionFromText(QString text)
{
    text = text.trimmed().toLower();
    if (text == QLatin1String("inbound") || text == QLatin1String("incoming")
        || text == QLatin1String("in") || text == QLatin1String("received"))
        return MessageDirection::Inbound;
    if (text == QLatin1String("outbound") || text == QLatin1String("outgoing")
        || text == QLatin1String("out") || text == QLatin1String("sent"))
        return MessageDirection::Outbound;
    return MessageDirection::Unknown;
}

MessageDirection directionFromHints(const json& j)
{
    for (const char* k :
        {"fromMe", "isFromMe", "from_me", "isOutbound", "outgoing", "isOutgoing"}) {
        if (const json* v = field(j, k); v && v->is_boolean())
            return v->get<bool>() ? MessageDirection::Outbound : MessageDirection::Inbound;
    }
    for (const char* k : {"isInbound", "incoming", "isIncoming"}) {
        if (const json* v = field(j, k); v && v->is_boolean())
            return v->get<bool>() ? MessageDirection::Inbound : MessageDirection::Outbound;
    }
    if (const json* key = field(j, "key"); key && key->is_object()) { // Evolution/Baileys shape
        if (const json* v = field(*key, "fromMe"); v && v->is_boolean())
            return v->get<bool>() ? MessageDirection::Outbound : MessageDirection::Inbound;
    }
    for (const char* k : {"senderType", "sender_type", "origin", "messageType", "message_type"}) {
        const QString s = str(j, k).toLower();
        if (s.isEmpty())
            continue;
        if (s == QLatin1String("contact") || s == QLatin1String("lead")
            || s == QLatin1String("customer") || s == QLatin1String("incoming"))
            return MessageDirection::Inbound;
        if (s == QLatin1String("user") || s == QLatin1String("agent")
            || s == QLatin1String("agent_app") || s == QLatin1String("phone_echo")
            || s == QLatin1String("campaign") || s == QLatin1String("outgoing"))
            return MessageDirection::Outbound;
    }
    return MessageDirection::Unknown;
}

QString digits(const QString& s)
{
    QString out;
    for (QChar c : s) {
        if (c.isDigit())
            out += c;
    }
    return out;
}

Message message(const json& j, DirectionRegistry* directions)
{
    Message m;
    m.id = str(j, "id");
    m.wamid = str(j, "wamid");
    m.leadId = str(j, "leadId");
    m.conversationId = str(j, "conversationId");
    if (m.conversationId.isEmpty())
        m.conversationId = str(j, "appConversationId");
    m.instanceId = str(j, "instanceId");
    m.type = str(j, "type");
    if (m.type.isEmpty())
        m.type = QStringLiteral("unknown");
    m.body = str(j, "body");
    m.mediaUrl = str(j, "mediaUrl");
    m.status = messageStatusFromString(str(j, "status"));
    m.timestamp = time(j, "timestamp");
    m.createdAt = time(j, "createdAt");
    if (!m.timestamp.isValid())
        m.timestamp = m.createdAt;
    m.optimistic = boolean(j, "optimistic"); // only in our own cache encoding

    // Direction: a name (newer rows) > a known direction id (ticket era) > fromMe-like hints.
    m.directionId = str(j, "directionId");
    if (const json* d = field(j, "direction")) {
        if (d->is_string())
            m.direction
                = directionFromText(QString::fromStdString(d->get_ref<const std::string&>()));
        else if (d->is_object())
            m.direction = directionFromText(str(*d, "name"));
    }
    if (directions) {
        directions->noteSeen(m.directionId);
        if (m.direction != MessageDirection::Unknown)
            directions->learn(m.directionId, m.direction);
        else
            m.direction = directions->resolve(m.directionId);
    }
    if (m.direction == MessageDirection::Unknown)
        m.direction = directionFromHints(j);
    return m;
}

//! For a chat's last message with no resolvable direction: Meta's raw `from` is the customer's
//! number on inbound messages. Learns the direction id so the messages route resolves too.
void resolveFromRawMeta(
    Message& m, const json& row, const QString& phone, DirectionRegistry* directions)
{
    if (m.direction != MessageDirection::Unknown || phone.isEmpty())
        return;
    const json* raw = field(row, "rawMeta");
    if (!raw || !raw->is_object())
        return;
    const QString from = digits(str(*raw, "from"));
    const QString to = digits(str(*raw, "to"));
    const QString p = digits(phone);
    if (p.isEmpty())
        return;
    if (!from.isEmpty() && (from.endsWith(p) || p.endsWith(from)))
        m.direction = MessageDirection::Inbound;
    else if (!to.isEmpty() && (to.endsWith(p) || p.endsWith(to)))
        m.direction = MessageDirection::Outbound;
    if (directions)
        directions->learn(m.directionId, m.direction);
}

Stage stage(const json& j)
{
    Stage s;
    s.id = str(j, "id");
    s.name = str(j, "name");
    s.color = str(j, "color");
    s.order = static_cast<int>(integer(j, "order"));
    s.isClosed = boolean(j, "isClosed");
    s.isDefault = boolean(j, "isDefault");
    return s;
}

ChatItem chat(const json& j, DirectionRegistry* directions)
{
    ChatItem c;
    c.id = str(j, "id");
    c.name = str(j, "name");
    c.phone = str(j, "phone");
    c.profilePicUrl = str(j, "profilePicUrl");
    c.lastMessageAt = time(j, "lastMessageAt");
    c.unreadCount = static_cast<int>(integer(j, "unreadCount"));
    c.leadId = str(j, "leadId");
    if (const json* lead = field(j, "lead"); lead && lead->is_object() && c.leadId.isEmpty())
        c.leadId = str(*lead, "id");
    c.conversationId = str(j, "conversationId");
    if (const json* last = field(j, "lastMessage"); last && last->is_object()) {
        Message m = message(*last, directions);
        resolveFromRawMeta(m, *last, c.phone, directions);
        if (c.leadId.isEmpty())
            c.leadId = m.leadId;
        if (c.conversationId.isEmpty())
            c.conversationId = m.conversationId;
        if (!c.lastMessageAt.isValid())
            c.lastMessageAt = m.timestamp;
        c.lastMessage = std::move(m);
    }
    if (const json* t = field(j, "currentTicket"); t && t->is_object()) {
        TicketSummary s;
        s.id = str(*t, "id");
        s.status = str(*t, "status");
        if (const json* st = field(*t, "stage"); st && st->is_object())
            s.stage = stage(*st);
        if (const json* tr = field(*t, "tracking"); tr && tr->is_object()) {
            s.sourceType = str(*tr, "sourceType");
            s.utmSource = str(*tr, "utmSource");
        }
        c.currentTicket = std::move(s);
    }
    return c;
}

Ticket ticket(const json& j)
{
    Ticket t;
    t.id = str(j, "id");
    t.conversationId = str(j, "conversationId");
    t.status = str(j, "status");
    if (const json* st = field(j, "status"); st && st->is_object()) // a relation in some routes
        t.status = str(*st, "name");
    t.windowOpen = boolean(j, "windowOpen");
    t.windowExpiresAt = time(j, "windowExpiresAt");
    t.dealValue = str(j, "dealValue"); // a string here, a number in PATCH/close responses
    if (const json* s = field(j, "stage"); s && s->is_object())
        t.stage = stage(*s);
    if (const json* a = field(j, "assignee"); a && a->is_object())
        t.assignee = Assignee {str(*a, "id"), str(*a, "name"), str(*a, "email"), str(*a, "image")};
    if (const json* tr = field(j, "tracking"); tr && tr->is_object()) {
        t.tracking = TicketTracking {str(*tr, "sourceType"), str(*tr, "utmSource"),
            str(*tr, "utmMedium"), str(*tr, "utmCampaign"), str(*tr, "ctwaclid")};
    }
    t.closedReason = str(j, "closedReason");
    t.closedAt = time(j, "closedAt");
    t.updatedAt = time(j, "updatedAt");
    if (const json* k = field(j, "kpis"); k && k->is_object()) {
        t.kpis.messagesCount = static_cast<int>(integer(*k, "messagesCount"));
        t.kpis.inboundMessagesCount = static_cast<int>(integer(*k, "inboundMessagesCount"));
        t.kpis.outboundMessagesCount = static_cast<int>(integer(*k, "outboundMessagesCount"));
        t.kpis.firstResponseTimeSec = optInteger(*k, "firstResponseTimeSec");
        t.kpis.resolutionTimeSec = optInteger(*k, "resolutionTimeSec");
    } else {
        t.kpis.messagesCount = static_cast<int>(integer(j, "messagesCount"));
    }
    return t;
}

User user(const json& j)
{
    return User {str(j, "id"), str(j, "name"), str(j, "email"), str(j, "image")};
}

} // namespace

QDateTime parseTime(const QString& text)
{
    if (text.isEmpty())
        return {};
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    if (ok) // Meta sends epoch seconds as a string
        return QDateTime::fromMSecsSinceEpoch(n > 100000000000LL ? n : n * 1000, QTimeZone::utc());
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (t.isValid() && t.timeSpec() == Qt::LocalTime) // no offset given: the backend means UTC
        t.setTimeZone(QTimeZone::utc());
    return t.isValid() ? t.toUTC() : QDateTime();
}

QString formatTime(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

std::optional<QList<ChatItem>> decodeChats(const QByteArray& body, DirectionRegistry* directions)
{
    // Streamed: each chat is decoded as soon as its object closes and then dropped from the
    // DOM, so 20,000 chats never exist as one nlohmann tree (which costs ~10x the body size).
    QList<ChatItem> out;
    bool bareArray = false;
    for (char ch : body) {
        if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t')
            continue;
        bareArray = ch == '[';
        break;
    }
    const int itemDepth = bareArray ? 1 : 2;
    bool inList = bareArray;
    bool sawList = bareArray;
    const json::parser_callback_t cb = [&](int depth, json::parse_event_t event, json& parsed) {
        if (!bareArray && depth == 1 && event == json::parse_event_t::key) {
            const std::string& k = parsed.get_ref<const std::string&>();
            inList = k == "items" || k == "data" || k == "chats";
            sawList = sawList || inList;
        }
        if (inList && depth == itemDepth && event == json::parse_event_t::object_end) {
            ChatItem c = chat(parsed, directions);
            if (!c.id.isEmpty())
                out.append(std::move(c));
            return false; // discard: keep the DOM small
        }
        return true;
    };
    const json j = json::parse(body.constBegin(), body.constEnd(), cb, false);
    if (j.is_discarded() || !sawList)
        return std::nullopt;
    return out;
}

std::optional<MessagePage> decodeMessagePage(const QByteArray& body, DirectionRegistry* directions)
{
    const json j = parse(body);
    const json* list = listOf(j, {"items", "data", "messages"});
    if (!list)
        return std::nullopt;
    MessagePage page;
    page.items.reserve(static_cast<qsizetype>(list->size()));
    for (const auto& item : *list) {
        if (!item.is_object())
            continue;
        Message m = message(item, directions);
        if (!m.id.isEmpty())
            page.items.append(std::move(m));
    }
    page.total = static_cast<int>(integer(j, "total", page.items.size()));
    page.page = static_cast<int>(integer(j, "page", 1));
    page.pageSize = static_cast<int>(integer(j, "pageSize", page.items.size()));
    return page;
}

std::optional<std::optional<Ticket>> decodeTicket(const QByteArray& body)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty() || trimmed == "null")
        return std::optional<Ticket> {};
    json j = parse(trimmed);
    if (j.is_object() && j.contains("ticket")) // tolerate an envelope
        j = j["ticket"];
    if (j.is_null())
        return std::optional<Ticket> {};
    if (!j.is_object())
        return std::nullopt;
    Ticket t = ticket(j);
    if (t.id.isEmpty())
        return std::nullopt;
    return std::optional<Ticket> {std::move(t)};
}

std::optional<QList<Stage>> decodeStages(const QByteArray& body)
{
    const json j = parse(body);
    const json* list = listOf(j, {"items", "data", "stages"});
    if (!list)
        return std::nullopt;
    QList<Stage> out;
    for (const auto& item : *list) {
        if (item.is_object() && !str(item, "id").isEmpty())
            out.append(stage(item));
    }
    return out;
}

std::optional<std::optional<SessionInfo>> decodeSession(const QByteArray& body)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty() || trimmed == "null")
        return std::optional<SessionInfo> {};
    const json j = parse(trimmed);
    if (j.is_null())
        return std::optional<SessionInfo> {};
    if (!j.is_object())
        return std::nullopt;
    const json* u = field(j, "user");
    if (!u || !u->is_object())
        return std::optional<SessionInfo> {};
    SessionInfo s;
    s.user = user(*u);
    if (const json* sess = field(j, "session"); sess && sess->is_object()) {
        s.expiresAt = time(*sess, "expiresAt");
        s.activeOrganizationId = str(*sess, "activeOrganizationId");
    }
    return std::optional<SessionInfo> {std::move(s)};
}

std::optional<QList<Organization>> decodeOrganizations(const QByteArray& body)
{
    const json j = parse(body);
    const json* list = listOf(j, {"items", "data", "organizations"});
    if (!list)
        return std::nullopt;
    QList<Organization> out;
    for (const auto& item : *list) {
        if (!item.is_object())
            continue;
        Organization o {str(item, "id"), str(item, "name"), str(item, "slug"), str(item, "role")};
        if (!o.id.isEmpty())
            out.append(std::move(o));
    }
    return out;
}

std::optional<QString> decodeToken(const QByteArray& body)
{
    const json j = parse(body);
    const QString token = str(j, "token");
    if (token.isEmpty())
        return std::nullopt;
    return token;
}

QString decodeErrorMessage(const QByteArray& body)
{
    const json j = parse(body);
    QString msg = str(j, "error");
    if (msg.isEmpty())
        msg = str(j, "message");
    if (msg.isEmpty()) {
        if (const json* e = field(j, "error"); e && e->is_object())
            msg = str(*e, "message");
    }
    return msg.left(300);
}

std::optional<ChatItem> decodeChat(const QByteArray& body)
{
    const json j = parse(body);
    if (!j.is_object())
        return std::nullopt;
    ChatItem c = chat(j, nullptr);
    if (c.id.isEmpty())
        return std::nullopt;
    return c;
}

std::optional<Message> decodeMessage(const QByteArray& body)
{
    const json j = parse(body);
    if (!j.is_object())
        return std::nullopt;
    Message m = message(j, nullptr);
    if (m.id.isEmpty())
        return std::nullopt;
    return m;
}

std::optional<Stage> decodeStage(const QByteArray& body)
{
    const json j = parse(body);
    if (!j.is_object())
        return std::nullopt;
    return stage(j);
}

} // namespace WhaTrack::Codec
