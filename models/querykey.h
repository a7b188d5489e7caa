#pragma once

//! \file querykey.h
//! \brief Query keys, shaped like the web app's React Query keys: `[kind, organization, ...]`.
//! Prefix invalidation works on leading parts: `{"whatsapp-chats", org}` covers every search.

#include <QStringList>

namespace WhaTrack {

using QueryKey = QStringList;

namespace QueryKeys {
inline const QString Chats = QStringLiteral("whatsapp-chats");
inline const QString Messages = QStringLiteral("chat-messages");
inline const QString Ticket = QStringLiteral("conversation-ticket");
inline const QString Stages = QStringLiteral("ticket-stages");

//! `whatsapp-chats(org, search)`; the unfiltered list has an empty search.
inline QueryKey chats(const QString& org, const QString& search = {})
{
    return {Chats, org, search};
}
//! `chat-messages(chat)`: page 1 of a chat (a conversation id or a lead id).
inline QueryKey messages(const QString& org, const QString& chatId)
{
    return {Messages, org, chatId};
}
//! `conversation-ticket(conversation)`.
inline QueryKey ticket(const QString& org, const QString& conversationId)
{
    return {Ticket, org, conversationId};
}
//! `ticket-stages(org)`.
inline QueryKey stages(const QString& org)
{
    return {Stages, org};
}
inline QueryKey kindPrefix(const QString& kind, const QString& org)
{
    return {kind, org};
}

inline bool hasPrefix(const QueryKey& key, const QueryKey& prefix)
{
    if (prefix.size() > key.size())
        return false;
    for (qsizetype i = 0; i < prefix.size(); ++i) {
        if (key.at(i) != prefix.at(i))
            return false;
    }
    return true;
}
} // namespace QueryKeys

} // namespace WhaTrack
