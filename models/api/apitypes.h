#pragma once

//! \file apitypes.h
//! \brief Value types of the WhaTrack REST contract (ticket era, anchors §1.7), decoded tolerantly.
//!
//! Plain copyable structs with Qt types only, so the UI and tests never see JSON. Fields the
//! backend may omit stay empty/null. Equality is memberwise: the models use it to emit
//! `dataChanged` only for rows that really changed.

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <optional>

namespace WhaTrack {
Q_NAMESPACE

//! Who sent a message. `Unknown` when neither a name, a known direction id nor a hint was given.
enum class MessageDirection { Unknown, Inbound, Outbound };
Q_ENUM_NS(MessageDirection)

//! Delivery status with the server's rank (pending 0 < sent 1 < delivered 2 < read 3 < played 4).
//! `Failed` is terminal and always applies; `Unknown` ranks below everything.
enum class MessageStatus {
    Unknown = -1,
    Pending = 0,
    Sent = 1,
    Delivered = 2,
    Read = 3,
    Played = 4,
    Failed = 100
};
Q_ENUM_NS(MessageStatus)

//! True if moving from \a current to \a next is allowed: forward only, `Failed` always applies.
bool isStatusUpgrade(MessageStatus current, MessageStatus next);
MessageStatus messageStatusFromString(const QString& text);
QString messageStatusName(MessageStatus status);
QString messageDirectionName(MessageDirection direction);

//! How a ticket is closed (`POST /tickets/{id}/close` body `reason`).
enum class TicketOutcome { Won, Lost };
Q_ENUM_NS(TicketOutcome)

struct User
{
    QString id;
    QString name;
    QString email;
    QString image;
    friend bool operator==(const User&, const User&) = default;
};

struct Organization
{
    QString id;
    QString name;
    QString slug;
    QString role; //!< the member's role if the backend says, else empty
    friend bool operator==(const Organization&, const Organization&) = default;
};

//! The better-auth session as `get-session`/`sign-in` report it. The token itself lives only in
//! the cookie jar and the SecretStore, never here.
struct SessionInfo
{
    User user;
    QDateTime expiresAt;
    QString activeOrganizationId;
};

struct Message
{
    QString id;
    QString wamid; //!< Meta's id; secondary key for echoes and status events
    QString leadId;
    QString conversationId; //!< `conversationId` or the raw row's `appConversationId`, if given
    QString instanceId;
    MessageDirection direction = MessageDirection::Unknown;
    QString directionId; //!< ticket-era raw rows: uuid into crm_message_directions
    QString type; //!< text, image, audio, ... ("unknown" when absent)
    QString body;
    QString mediaUrl; //!< `meta_id:<id>` or `r2:<path>` as stored by the backend
    MessageStatus status = MessageStatus::Unknown;
    QDateTime timestamp; //!< provider time (sort key)
    QDateTime createdAt; //!< server time
    bool optimistic = false; //!< built from a publication, not yet confirmed by a refetch
    friend bool operator==(const Message&, const Message&) = default;
};

struct Stage
{
    QString id;
    QString name;
    QString color;
    int order = 0;
    bool isClosed = false;
    bool isDefault = false;
    friend bool operator==(const Stage&, const Stage&) = default;
};

//! `ChatItem.currentTicket`: the summary the chat list shows.
struct TicketSummary
{
    QString id;
    QString status;
    Stage stage;
    QString sourceType;
    QString utmSource;
    friend bool operator==(const TicketSummary&, const TicketSummary&) = default;
};

//! One row of `GET /api/v1/whatsapp/chats`. `id` is a conversation id, or a lead id when the
//! lead has no conversation yet (anchors §1.9).
struct ChatItem
{
    QString id;
    QString name;
    QString phone;
    QString profilePicUrl;
    QDateTime lastMessageAt;
    std::optional<Message> lastMessage;
    int unreadCount = 0; //!< as sent by the backend (always 0 in the ticket era)
    QString leadId; //!< when known (`leadId`, `lead.id`, or the last message's lead)
    QString conversationId; //!< when known (`conversationId`, or the last message's)
    std::optional<TicketSummary> currentTicket;
    friend bool operator==(const ChatItem&, const ChatItem&) = default;
};

struct MessagePage
{
    QList<Message> items; //!< oldest -> newest within the page; page 1 is the newest page
    int total = 0;
    int page = 1;
    int pageSize = 50;
};

struct Assignee
{
    QString id;
    QString name;
    QString email;
    QString image;
    friend bool operator==(const Assignee&, const Assignee&) = default;
};

struct TicketTracking
{
    QString sourceType;
    QString utmSource;
    QString utmMedium;
    QString utmCampaign;
    QString ctwaclid;
    friend bool operator==(const TicketTracking&, const TicketTracking&) = default;
};

struct TicketKpis
{
    int messagesCount = 0;
    int inboundMessagesCount = 0;
    int outboundMessagesCount = 0;
    std::optional<qint64> firstResponseTimeSec;
    std::optional<qint64> resolutionTimeSec;
    friend bool operator==(const TicketKpis&, const TicketKpis&) = default;
};

struct Ticket
{
    QString id;
    QString conversationId;
    QString status; //!< open | closed_won | closed_lost (| closed: expired)
    bool windowOpen = false;
    QDateTime windowExpiresAt; //!< the WhatsApp 24 h customer-service window
    QString dealValue; //!< decimal as a string, empty if none
    Stage stage;
    std::optional<Assignee> assignee;
    TicketTracking tracking;
    QString closedReason;
    QDateTime closedAt;
    TicketKpis kpis;
    QDateTime updatedAt;
    friend bool operator==(const Ticket&, const Ticket&) = default;
};

//! `PATCH /api/v1/tickets/{id}` body. Unset fields are left out; an empty `assigneeId` unassigns.
struct TicketPatch
{
    std::optional<QString> stageId;
    std::optional<QString> assigneeId;
    std::optional<QString> dealValue;
};

} // namespace WhaTrack

Q_DECLARE_METATYPE(WhaTrack::ChatItem)
Q_DECLARE_METATYPE(WhaTrack::Message)
Q_DECLARE_METATYPE(WhaTrack::Ticket)
Q_DECLARE_METATYPE(WhaTrack::Stage)
