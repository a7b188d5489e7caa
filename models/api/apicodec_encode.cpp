// Encoding half of the codec: request bodies and the local cache's entity JSON.

#include "models/api/apicodec.h"

#include <nlohmann/json.hpp>

namespace WhaTrack::Codec {

using json = nlohmann::json;

namespace {

std::string s8(const QString& s)
{
    return s.toStdString();
}

json timeJson(const QDateTime& t)
{
    return t.isValid() ? json(s8(formatTime(t))) : json(nullptr);
}

json stageJson(const Stage& s)
{
    return json {{"id", s8(s.id)}, {"name", s8(s.name)}, {"color", s8(s.color)}, {"order", s.order},
        {"isClosed", s.isClosed}, {"isDefault", s.isDefault}};
}

json messageJson(const Message& m)
{
    json j {{"id", s8(m.id)}, {"wamid", s8(m.wamid)}, {"leadId", s8(m.leadId)},
        {"conversationId", s8(m.conversationId)}, {"instanceId", s8(m.instanceId)},
        {"directionId", s8(m.directionId)}, {"type", s8(m.type)}, {"body", s8(m.body)},
        {"mediaUrl", s8(m.mediaUrl)}, {"status", s8(messageStatusName(m.status))},
        {"timestamp", timeJson(m.timestamp)}, {"createdAt", timeJson(m.createdAt)}};
    if (m.direction != MessageDirection::Unknown)
        j["direction"] = s8(messageDirectionName(m.direction));
    if (m.optimistic)
        j["optimistic"] = true;
    return j;
}

} // namespace

QByteArray encodeSignIn(const QString& email, const QString& password)
{
    return QByteArray::fromStdString(
        json {{"email", s8(email)}, {"password", s8(password)}}.dump());
}

QByteArray encodeTicketPatch(const TicketPatch& patch)
{
    json j = json::object();
    if (patch.stageId)
        j["stageId"] = s8(*patch.stageId);
    if (patch.assigneeId)
        j["assigneeId"] = patch.assigneeId->isEmpty() ? json(nullptr) : json(s8(*patch.assigneeId));
    if (patch.dealValue) {
        bool ok = false;
        const double v = patch.dealValue->toDouble(&ok);
        j["dealValue"] = patch.dealValue->isEmpty() ? json(nullptr)
            : ok                                    ? json(v)
                                                    : json(s8(*patch.dealValue));
    }
    return QByteArray::fromStdString(j.dump());
}

QByteArray encodeTicketClose(
    TicketOutcome outcome, const QString& closedReason, const std::optional<QString>& dealValue)
{
    json j {{"reason", outcome == TicketOutcome::Won ? "won" : "lost"}};
    if (!closedReason.isEmpty())
        j["closedReason"] = s8(closedReason);
    if (dealValue && !dealValue->isEmpty()) {
        bool ok = false;
        const double v = dealValue->toDouble(&ok);
        j["dealValue"] = ok ? json(v) : json(s8(*dealValue));
    }
    return QByteArray::fromStdString(j.dump());
}

QByteArray encodeChannel(const QString& channel)
{
    return QByteArray::fromStdString(json {{"channel", s8(channel)}}.dump());
}

QByteArray encodeChat(const ChatItem& c)
{
    json j {{"id", s8(c.id)}, {"name", s8(c.name)}, {"phone", s8(c.phone)},
        {"profilePicUrl", s8(c.profilePicUrl)}, {"lastMessageAt", timeJson(c.lastMessageAt)},
        {"unreadCount", c.unreadCount}, {"leadId", s8(c.leadId)},
        {"conversationId", s8(c.conversationId)}};
    j["lastMessage"] = c.lastMessage ? messageJson(*c.lastMessage) : json(nullptr);
    if (c.currentTicket) {
        j["currentTicket"] = json {{"id", s8(c.currentTicket->id)},
            {"status", s8(c.currentTicket->status)}, {"stage", stageJson(c.currentTicket->stage)},
            {"tracking",
                {{"sourceType", s8(c.currentTicket->sourceType)},
                    {"utmSource", s8(c.currentTicket->utmSource)}}}};
    }
    return QByteArray::fromStdString(j.dump());
}

QByteArray encodeMessage(const Message& m)
{
    return QByteArray::fromStdString(messageJson(m).dump());
}

QByteArray encodeTicket(const Ticket& t)
{
    json j {{"id", s8(t.id)}, {"conversationId", s8(t.conversationId)}, {"status", s8(t.status)},
        {"windowOpen", t.windowOpen}, {"windowExpiresAt", timeJson(t.windowExpiresAt)},
        {"dealValue", s8(t.dealValue)}, {"stage", stageJson(t.stage)},
        {"closedReason", s8(t.closedReason)}, {"closedAt", timeJson(t.closedAt)},
        {"updatedAt", timeJson(t.updatedAt)},
        {"tracking",
            {{"sourceType", s8(t.tracking.sourceType)}, {"utmSource", s8(t.tracking.utmSource)},
                {"utmMedium", s8(t.tracking.utmMedium)},
                {"utmCampaign", s8(t.tracking.utmCampaign)},
                {"ctwaclid", s8(t.tracking.ctwaclid)}}}};
    j["assignee"] = t.assignee ? json {{"id", s8(t.assignee->id)}, {"name", s8(t.assignee->name)},
                        {"email", s8(t.assignee->email)}, {"image", s8(t.assignee->image)}}
                               : json(nullptr);
    json k {{"messagesCount", t.kpis.messagesCount},
        {"inboundMessagesCount", t.kpis.inboundMessagesCount},
        {"outboundMessagesCount", t.kpis.outboundMessagesCount}};
    k["firstResponseTimeSec"]
        = t.kpis.firstResponseTimeSec ? json(*t.kpis.firstResponseTimeSec) : json(nullptr);
    k["resolutionTimeSec"]
        = t.kpis.resolutionTimeSec ? json(*t.kpis.resolutionTimeSec) : json(nullptr);
    j["kpis"] = k;
    return QByteArray::fromStdString(j.dump());
}

QByteArray encodeStage(const Stage& s)
{
    return QByteArray::fromStdString(stageJson(s).dump());
}

} // namespace WhaTrack::Codec
