#pragma once

//! \file inboxevent.h
//! \brief A WhaTrack publication, normalised (anchors §1.5). Publications are hints: they name
//! what changed; the REST refetch is the truth.

#include "models/api/apitypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace WhaTrack {

struct InboxEvent
{
    enum class Channel { Messages, Tickets };
    enum class Type { MessageCreated, MessageStatusUpdated, TicketUpdated, Other };

    Channel channel = Channel::Messages;
    Type type = Type::Other;
    QString typeName; //!< the raw `type`, for logs
    QString conversationId; //!< may be empty (status events, AI ticket events)
    QString leadId;
    QString messageId;
    QString wamid;
    QString ticketId;
    QString body; //!< message_created only; never logged
    MessageDirection direction = MessageDirection::Unknown;
    MessageStatus status = MessageStatus::Unknown;
    QDateTime timestamp; //!< ISO string or Meta's epoch-seconds string

    //! The message a `message_created` describes, marked optimistic.
    Message toMessage() const;
};

//! Decodes a publication's raw JSON. `std::nullopt` for JSON that is not an object.
std::optional<InboxEvent> parseInboxEvent(InboxEvent::Channel channel, const QByteArray& data);

} // namespace WhaTrack
