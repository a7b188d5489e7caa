#include "models/store/unreadtracker.h"

namespace WhaTrack {

void UnreadTracker::clear()
{
    m_lastSeen.clear();
    m_newestCounted.clear();
    m_unread.clear();
    m_countedIds.clear();
    m_initialised = false;
}

void UnreadTracker::load(const QHash<QString, QDateTime>& lastSeen,
    const QHash<QString, int>& unread, const QList<ChatItem>& cachedChats)
{
    load(lastSeen, unread, newestActivities(cachedChats), !cachedChats.isEmpty());
}

QHash<QString, QDateTime> UnreadTracker::newestActivities(const QList<ChatItem>& chats)
{
    QHash<QString, QDateTime> newest;
    newest.reserve(chats.size());
    for (const auto& c : chats) {
        if (c.lastMessageAt.isValid())
            newest.insert(c.id, c.lastMessageAt);
    }
    return newest;
}

void UnreadTracker::load(const QHash<QString, QDateTime>& lastSeen,
    const QHash<QString, int>& unread, QHash<QString, QDateTime> newestActivity, bool haveChats)
{
    m_lastSeen = lastSeen;
    m_unread = unread;
    // What was counted since the start stays when it is newer (few entries, the list many).
    for (auto it = m_newestCounted.cbegin(); it != m_newestCounted.cend(); ++it) {
        auto saved = newestActivity.find(it.key());
        if (saved == newestActivity.end() || *saved < it.value())
            newestActivity.insert(it.key(), it.value());
    }
    std::swap(m_newestCounted, newestActivity);
    m_initialised = haveChats || !lastSeen.isEmpty();
}

QHash<QString, int> UnreadTracker::onChats(
    const QList<ChatItem>& chats, const QString& openChatId, const QDateTime& now)
{
    return onChats(chats, openChatId, now, !m_initialised);
}

QHash<QString, int> UnreadTracker::onChats(
    const QList<ChatItem>& chats, const QString& openChatId, const QDateTime& now, bool baseline)
{
    QHash<QString, int> changed;
    if (baseline) {
        // First run: everything already there counts as seen.
        for (const auto& c : chats) {
            if (c.lastMessageAt.isValid())
                m_lastSeen.insert(c.id, c.lastMessageAt);
        }
        m_initialised = true;
        return changed;
    }
    for (const auto& c : chats) {
        if (!c.lastMessage || c.lastMessage->direction != MessageDirection::Inbound)
            continue;
        const int n = onInbound(c.id, c.lastMessage->id, c.lastMessageAt, openChatId, now);
        if (n >= 0)
            changed.insert(c.id, n);
    }
    return changed;
}

int UnreadTracker::onInbound(const QString& chatId, const QString& messageId,
    const QDateTime& timestamp, const QString& openChatId, const QDateTime& now)
{
    if (chatId.isEmpty())
        return -1;
    if (chatId == openChatId) {
        markSeen(chatId, now);
        return -1;
    }
    auto& counted = m_countedIds[chatId];
    if (!messageId.isEmpty() && counted.contains(messageId))
        return -1;
    const QDateTime seen = m_lastSeen.value(chatId);
    const QDateTime newest = m_newestCounted.value(chatId);
    if (timestamp.isValid()
        && ((seen.isValid() && timestamp <= seen) || (newest.isValid() && timestamp <= newest)))
        return -1;
    // The ids only guard what the timestamp check above cannot: messages at the newest counted
    // time (a duplicate of an older one is older than `newest`) and messages without a time.
    // Keeping every id until the chat is opened grew by one per inbound message of every chat
    // the agent did not open (90,000 ids in the 30-minute soak, ~15 MB, docs/reliability.md).
    if (timestamp.isValid() && (!newest.isValid() || timestamp > newest))
        counted.clear();
    else if (counted.size() >= kMaxIdsPerChat)
        counted.clear(); // a burst without times: bounded, at worst one recount
    if (!messageId.isEmpty())
        counted.insert(messageId);
    if (timestamp.isValid())
        m_newestCounted.insert(chatId, timestamp);
    const int n = m_unread.value(chatId) + 1;
    m_unread.insert(chatId, n);
    return n;
}

bool UnreadTracker::markSeen(const QString& chatId, const QDateTime& when)
{
    const QDateTime current = m_lastSeen.value(chatId);
    if (!current.isValid() || when > current)
        m_lastSeen.insert(chatId, when);
    m_countedIds.remove(chatId);
    return m_unread.remove(chatId) > 0;
}

QStringList UnreadTracker::forget(const QStringList& chatIds)
{
    QStringList hadCount;
    for (const QString& id : chatIds) {
        if (m_unread.remove(id) > 0)
            hadCount.append(id);
        m_lastSeen.remove(id);
        m_newestCounted.remove(id);
        m_countedIds.remove(id);
    }
    return hadCount;
}

qsizetype UnreadTracker::rememberedIds() const
{
    qsizetype n = 0;
    for (const auto& ids : m_countedIds)
        n += ids.size();
    return n;
}

} // namespace WhaTrack
