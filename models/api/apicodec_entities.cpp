// Entity decoders of the REST contract (chat, message, stage, ticket, user): strict per field,
// see apicodec_p.h. No recursion: nested objects are a fixed, shallow shape.

#include "models/api/apicodec_p.h"
#include "models/api/directionregistry.h"
#include "models/items/phonedigits.h"

#include <limits>

namespace WhaTrack::Codec::detail {

namespace {

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
    // Vendor hints outside the contract: read when they have the expected type, else ignored.
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
        const QString s = hint(j, k).toLower();
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

} // namespace

Message message(const json& j, DirectionRegistry* directions, Problem& p)
{
    Message m;
    m.id = requiredText(j, "id", p);
    m.wamid = text(j, "wamid", p);
    m.leadId = text(j, "leadId", p);
    m.conversationId = text(j, "conversationId", p);
    if (m.conversationId.isEmpty())
        m.conversationId = text(j, "appConversationId", p);
    m.instanceId = text(j, "instanceId", p);
    m.type = text(j, "type", p);
    if (m.type.isEmpty())
        m.type = QStringLiteral("unknown");
    m.body = text(j, "body", p);
    m.mediaUrl = text(j, "mediaUrl", p);
    m.status = messageStatusFromString(text(j, "status", p));
    m.timestamp = time(j, "timestamp", p);
    m.createdAt = time(j, "createdAt", p);
    if (!m.timestamp.isValid())
        m.timestamp = m.createdAt;
    m.optimistic = flag(j, "optimistic", p); // only in our own cache encoding
    if (p.failed())
        return m;

    // Direction: a name (newer rows) > a known direction id (ticket era) > fromMe-like hints.
    m.directionId = text(j, "directionId", p);
    if (const json* d = field(j, "direction")) {
        if (d->is_string())
            m.direction
                = directionFromText(QString::fromStdString(d->get_ref<const std::string&>()));
        else if (d->is_object())
            m.direction = directionFromText(text(*d, "name", p));
        else
            p.wrongType("direction", "text", *d);
    }
    if (p.failed())
        return m;
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
    if (!raw || !raw->is_object()) // Meta's payload: not the contract's, read when it fits
        return;
    const QString from = phoneDigits(hint(*raw, "from"));
    const QString to = phoneDigits(hint(*raw, "to"));
    const QString p = phoneDigits(phone);
    if (p.isEmpty())
        return;
    if (!from.isEmpty() && (from.endsWith(p) || p.endsWith(from)))
        m.direction = MessageDirection::Inbound;
    else if (!to.isEmpty() && (to.endsWith(p) || p.endsWith(to)))
        m.direction = MessageDirection::Outbound;
    if (directions)
        directions->learn(m.directionId, m.direction);
}

Stage stage(const json& j, Problem& p)
{
    Stage s;
    s.id = text(j, "id", p);
    s.name = text(j, "name", p);
    s.color = text(j, "color", p);
    s.order = ordinal(j, "order", p);
    s.isClosed = flag(j, "isClosed", p);
    s.isDefault = flag(j, "isDefault", p);
    return s;
}

ChatItem chat(const json& j, DirectionRegistry* directions, Problem& p)
{
    ChatItem c;
    c.id = requiredText(j, "id", p);
    c.name = text(j, "name", p);
    c.phone = text(j, "phone", p);
    c.profilePicUrl = text(j, "profilePicUrl", p);
    c.lastMessageAt = time(j, "lastMessageAt", p);
    c.unreadCount = count(j, "unreadCount", p);
    c.leadId = text(j, "leadId", p);
    nested(j, "lead", p, [&](const json& lead) {
        if (c.leadId.isEmpty())
            c.leadId = text(lead, "id", p);
    });
    c.conversationId = text(j, "conversationId", p);
    if (p.failed())
        return c;
    nested(j, "lastMessage", p, [&](const json& last) {
        Message m = message(last, directions, p);
        if (p.failed())
            return;
        resolveFromRawMeta(m, last, c.phone, directions);
        if (c.leadId.isEmpty())
            c.leadId = m.leadId;
        if (c.conversationId.isEmpty())
            c.conversationId = m.conversationId;
        if (!c.lastMessageAt.isValid())
            c.lastMessageAt = m.timestamp;
        c.lastMessage = std::move(m);
    });
    nested(j, "currentTicket", p, [&](const json& t) {
        TicketSummary s;
        s.id = text(t, "id", p);
        s.status = text(t, "status", p);
        nested(t, "stage", p, [&](const json& st) { s.stage = stage(st, p); });
        nested(t, "tracking", p, [&](const json& tr) {
            s.sourceType = text(tr, "sourceType", p);
            s.utmSource = text(tr, "utmSource", p);
        });
        c.currentTicket = std::move(s);
    });
    return c;
}

Ticket ticket(const json& j, Problem& p)
{
    Ticket t;
    t.id = requiredText(j, "id", p);
    t.conversationId = text(j, "conversationId", p);
    if (const json* st = field(j, "status"); st && st->is_object()) // a relation in some routes
        t.status = text(*st, "name", p);
    else
        t.status = text(j, "status", p);
    t.windowOpen = flag(j, "windowOpen", p);
    t.windowExpiresAt = time(j, "windowExpiresAt", p);
    t.dealValue = decimal(j, "dealValue", p); // a string here, a number in PATCH/close answers
    nested(j, "stage", p, [&](const json& s) { t.stage = stage(s, p); });
    nested(j, "assignee", p, [&](const json& a) {
        t.assignee = Assignee {
            text(a, "id", p), text(a, "name", p), text(a, "email", p), text(a, "image", p)};
    });
    nested(j, "tracking", p, [&](const json& tr) {
        t.tracking = TicketTracking {text(tr, "sourceType", p), text(tr, "utmSource", p),
            text(tr, "utmMedium", p), text(tr, "utmCampaign", p), text(tr, "ctwaclid", p)};
    });
    t.closedReason = text(j, "closedReason", p);
    t.closedAt = time(j, "closedAt", p);
    t.updatedAt = time(j, "updatedAt", p);
    if (field(j, "kpis")) {
        nested(j, "kpis", p, [&](const json& k) {
            constexpr qint64 maxSeconds = std::numeric_limits<qint64>::max() / 1000;
            t.kpis.messagesCount = count(k, "messagesCount", p);
            t.kpis.inboundMessagesCount = count(k, "inboundMessagesCount", p);
            t.kpis.outboundMessagesCount = count(k, "outboundMessagesCount", p);
            t.kpis.firstResponseTimeSec = integer(k, "firstResponseTimeSec", 0, maxSeconds, p);
            t.kpis.resolutionTimeSec = integer(k, "resolutionTimeSec", 0, maxSeconds, p);
        });
    } else {
        t.kpis.messagesCount = count(j, "messagesCount", p);
    }
    return t;
}

User user(const json& j, Problem& p)
{
    return User {
        requiredText(j, "id", p), text(j, "name", p), text(j, "email", p), text(j, "image", p)};
}

} // namespace WhaTrack::Codec::detail
