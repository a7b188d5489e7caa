#pragma once

//! \file chatidresolver.h
//! \brief Which chat a publication is about. `ChatItem.id` may be a lead id while publications
//! carry conversation ids, and one lead may have several conversations (one per instance), all
//! shown in one chat (anchors §1.9). Learned from the chat list, message rows and events.

#include "models/api/apitypes.h"

#include <QHash>

namespace WhaTrack {

class ChatIdResolver
{
public:
    void clear();
    //! Room for a list of \a chats chats: noted slice by slice, it never rehashes.
    void reserve(qsizetype chats);
    //! Takes \a older (built off the GUI thread from a saved list) as the base in O(1); what
    //! this resolver learned already is newer and stays on top of it.
    void adoptOlder(ChatIdResolver older);
    void noteChat(const ChatItem& chat);
    void noteMessage(const QString& chatId, const Message& message);
    //! From a publication: a known lead tells us the chat of a new conversation id.
    void noteEvent(const QString& conversationId, const QString& leadId);

    //! The chat id for a conversation and/or lead id; empty when unknown.
    QString chatFor(const QString& conversationId, const QString& leadId = {}) const;
    //! The chat whose last message (in the list) has this id or wamid; empty when unknown.
    QString chatForMessage(const QString& messageIdOrWamid) const;
    //! The conversation id to ask the ticket route with (the chat id itself when unknown).
    QString conversationFor(const QString& chatId) const;

private:
    QHash<QString, QString> m_chatByConversation;
    QHash<QString, QString> m_chatByLead;
    QHash<QString, QString> m_conversationByChat;
    QHash<QString, QString> m_chatByLastMessage;
};

} // namespace WhaTrack
