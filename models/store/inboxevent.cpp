#include "models/store/inboxevent.h"

#include "models/api/apicodec.h"

#include <nlohmann/json.hpp>

namespace WhaTrack {

namespace {
using json = nlohmann::json;

QString str(const json& j, const char* key)
{
    auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return {};
    if (it->is_string())
        return QString::fromStdString(it->get_ref<const std::string&>());
    if (it->is_number_integer())
        return QString::number(it->get<qint64>());
    if (it->is_number_float())
        return QString::number(it->get<double>(), 'f', -1);
    return {};
}
} // namespace

Message InboxEvent::toMessage() const
{
    Message m;
    m.id = messageId;
    m.wamid = wamid;
    m.leadId = leadId;
    m.conversationId = conversationId;
    m.direction = direction;
    m.type = QStringLiteral("text");
    m.body = body;
    m.status
        = direction == MessageDirection::Inbound ? MessageStatus::Unknown : MessageStatus::Sent;
    m.timestamp = timestamp;
    m.createdAt = timestamp;
    m.optimistic = true;
    return m;
}

std::optional<InboxEvent> parseInboxEvent(InboxEvent::Channel channel, const QByteArray& data)
{
    const json j = json::parse(data.constBegin(), data.constEnd(), nullptr, false);
    if (!j.is_object())
        return std::nullopt;
    // Some publishers wrap the event: {"type":..., "data"|"payload": {...}}.
    const json* body = &j;
    for (const char* k : {"data", "payload"}) {
        auto it = j.find(k);
        if (it != j.end() && it->is_object() && !j.contains("conversationId")
            && !j.contains("messageId"))
            body = &*it;
    }
    InboxEvent e;
    e.channel = channel;
    e.typeName = str(j, "type");
    if (e.typeName.isEmpty())
        e.typeName = str(*body, "type");
    if (e.typeName == QLatin1String("message_created"))
        e.type = InboxEvent::Type::MessageCreated;
    else if (e.typeName == QLatin1String("message_status_updated"))
        e.type = InboxEvent::Type::MessageStatusUpdated;
    else if (e.typeName == QLatin1String("ticket_updated")
        || e.typeName == QLatin1String("deal_updated"))
        e.type = InboxEvent::Type::TicketUpdated;
    e.conversationId = str(*body, "conversationId");
    e.leadId = str(*body, "leadId");
    e.messageId = str(*body, "messageId");
    e.wamid = str(*body, "wamid");
    e.ticketId = str(*body, "ticketId");
    if (e.ticketId.isEmpty())
        e.ticketId = str(*body, "dealId");
    e.body = str(*body, "body");
    const QString dir = str(*body, "direction").toUpper();
    if (dir == QLatin1String("INBOUND"))
        e.direction = MessageDirection::Inbound;
    else if (dir == QLatin1String("OUTBOUND"))
        e.direction = MessageDirection::Outbound;
    e.status = messageStatusFromString(str(*body, "status"));
    e.timestamp = Codec::parseTime(str(*body, "timestamp"));
    return e;
}

} // namespace WhaTrack
