#include "models/store/chatidresolver.h"

namespace WhaTrack {

void ChatIdResolver::clear()
{
    m_chatByConversation.clear();
    m_chatByLead.clear();
    m_conversationByChat.clear();
    m_chatByLastMessage.clear();
    m_lastMessageOfChat.clear();
}

void ChatIdResolver::reserve(qsizetype chats)
{
    // Only ever grows, never rehashes what is there for a list of the same chats.
    auto grow = [](QHash<QString, QString>& h, qsizetype n) {
        if (h.capacity() < n)
            h.reserve(n);
    };
    grow(m_chatByConversation, 2 * chats);
    grow(m_chatByLead, chats);
    grow(m_conversationByChat, chats);
    grow(m_chatByLastMessage, 2 * chats);
    if (m_lastMessageOfChat.capacity() < chats)
        m_lastMessageOfChat.reserve(chats);
}

void ChatIdResolver::adoptOlder(ChatIdResolver older)
{
    std::swap(*this, older); // `older` now holds the newer facts: few, re-noted on top
    auto over = [](QHash<QString, QString>& into, const QHash<QString, QString>& newer) {
        for (auto it = newer.cbegin(); it != newer.cend(); ++it)
            into.insert(it.key(), it.value());
    };
    over(m_chatByConversation, older.m_chatByConversation);
    over(m_chatByLead, older.m_chatByLead);
    over(m_conversationByChat, older.m_conversationByChat);
    // The newer last messages replace the older ones of the same chat (and their keys).
    for (auto it = older.m_lastMessageOfChat.cbegin(); it != older.m_lastMessageOfChat.cend(); ++it)
        noteLastMessage(it.key(), it.value().first, it.value().second);
}

void ChatIdResolver::noteChat(const ChatItem& chat)
{
    // The id is a conversation id or a lead id; either way events carrying it map to the chat.
    m_chatByConversation.insert(chat.id, chat.id);
    if (!chat.conversationId.isEmpty()) {
        m_chatByConversation.insert(chat.conversationId, chat.id);
        m_conversationByChat.insert(chat.id, chat.conversationId);
    }
    if (!chat.leadId.isEmpty())
        m_chatByLead.insert(chat.leadId, chat.id);
    if (chat.lastMessage)
        noteLastMessage(chat.id, chat.lastMessage->id, chat.lastMessage->wamid);
}

void ChatIdResolver::noteLastMessage(const QString& chatId, const QString& id, const QString& wamid)
{
    if (id.isEmpty() && wamid.isEmpty())
        return;
    auto previous = m_lastMessageOfChat.find(chatId);
    if (previous != m_lastMessageOfChat.end()) {
        for (const QString& key : {previous->first, previous->second}) {
            // Only if it still names this chat (an id never moves, but a hostile list may).
            if (!key.isEmpty() && key != id && key != wamid
                && m_chatByLastMessage.value(key) == chatId)
                m_chatByLastMessage.remove(key);
        }
    }
    if (!id.isEmpty())
        m_chatByLastMessage.insert(id, chatId);
    if (!wamid.isEmpty())
        m_chatByLastMessage.insert(wamid, chatId);
    m_lastMessageOfChat.insert(chatId, {id, wamid});
}

void ChatIdResolver::noteMessage(const QString& chatId, const Message& message)
{
    if (!message.conversationId.isEmpty())
        m_chatByConversation.insert(message.conversationId, chatId);
    if (!message.leadId.isEmpty())
        m_chatByLead.insert(message.leadId, chatId);
}

void ChatIdResolver::noteEvent(const QString& conversationId, const QString& leadId)
{
    if (conversationId.isEmpty() || leadId.isEmpty()
        || m_chatByConversation.contains(conversationId))
        return;
    const QString chat = m_chatByLead.value(leadId);
    if (!chat.isEmpty())
        m_chatByConversation.insert(conversationId, chat);
}

QString ChatIdResolver::chatFor(const QString& conversationId, const QString& leadId) const
{
    if (!conversationId.isEmpty()) {
        const QString chat = m_chatByConversation.value(conversationId);
        if (!chat.isEmpty())
            return chat;
    }
    if (!leadId.isEmpty())
        return m_chatByLead.value(leadId);
    return {};
}

QString ChatIdResolver::chatForMessage(const QString& messageIdOrWamid) const
{
    return m_chatByLastMessage.value(messageIdOrWamid);
}

QString ChatIdResolver::conversationFor(const QString& chatId) const
{
    return m_conversationByChat.value(chatId, chatId);
}

} // namespace WhaTrack
