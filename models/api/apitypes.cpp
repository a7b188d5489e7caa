#include "models/api/apitypes.h"

namespace WhaTrack {

bool isStatusUpgrade(MessageStatus current, MessageStatus next)
{
    if (next == MessageStatus::Unknown || next == current)
        return false;
    if (next == MessageStatus::Failed)
        return true; // failed always applies (anchors §1.5)
    if (current == MessageStatus::Failed)
        return false; // a late "delivered" does not resurrect a failed message
    return static_cast<int>(next) > static_cast<int>(current);
}

MessageStatus messageStatusFromString(const QString& text)
{
    const QString s = text.trimmed().toLower();
    if (s == QLatin1String("pending") || s == QLatin1String("queued"))
        return MessageStatus::Pending;
    if (s == QLatin1String("sent") || s == QLatin1String("server_ack"))
        return MessageStatus::Sent;
    if (s == QLatin1String("delivered") || s == QLatin1String("delivery_ack"))
        return MessageStatus::Delivered;
    if (s == QLatin1String("read"))
        return MessageStatus::Read;
    if (s == QLatin1String("played"))
        return MessageStatus::Played;
    if (s == QLatin1String("failed") || s == QLatin1String("error"))
        return MessageStatus::Failed;
    return MessageStatus::Unknown;
}

QString messageStatusName(MessageStatus status)
{
    switch (status) {
    case MessageStatus::Pending:
        return QStringLiteral("pending");
    case MessageStatus::Sent:
        return QStringLiteral("sent");
    case MessageStatus::Delivered:
        return QStringLiteral("delivered");
    case MessageStatus::Read:
        return QStringLiteral("read");
    case MessageStatus::Played:
        return QStringLiteral("played");
    case MessageStatus::Failed:
        return QStringLiteral("failed");
    case MessageStatus::Unknown:
        break;
    }
    return {};
}

QString messageDirectionName(MessageDirection direction)
{
    switch (direction) {
    case MessageDirection::Inbound:
        return QStringLiteral("INBOUND");
    case MessageDirection::Outbound:
        return QStringLiteral("OUTBOUND");
    case MessageDirection::Unknown:
        break;
    }
    return {};
}

} // namespace WhaTrack
