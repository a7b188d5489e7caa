#pragma once

//! \file chatidresolver.h
//! \brief Which chat a publication is about. `ChatItem.id` may be a lead id while publications
//! carry conversation ids, and one lead may have several conversations (one per instance), all
//! shown in one chat (anchors §1.9). Learned from the chat list, message rows and events.

#include "models/api/apitypes.h"

#include <QHash>

#include <utility>

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
    //! Entries held for last messages (ids and wamids): two per chat at most.
    qsizetype lastMessageEntries() const { return m_chatByLastMessage.size(); }

private:
    //! A chat's last message is now \a id / \a wamid: the keys of the one before are dropped
    //! (kept, they grew by two per delivered message: the soak's slow RSS climb).
    void noteLastMessage(const QString& chatId, const QString& id, const QString& wamid);

    QHash<QString, QString> m_chatByConversation;
    QHash<QString, QString> m_chatByLead;
    QHash<QString, QString> m_conversationByChat;
    QHash<QString, QString> m_chatByLastMessage;
    QHash<QString, std::pair<QString, QString>> m_lastMessageOfChat; //!< chat -> {id, wamid}
};

} // namespace WhaTrack
