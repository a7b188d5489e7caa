#pragma once

//! \file unreadtracker.h
//! \brief Client-side unread counts: the backend always sends 0 (anchors §1.9). Unread = inbound
//! messages newer than the agent's last-seen time of the chat; opening the chat clears it.
//! Counted from publications (exact) and from the chat list's last message (at least one, for
//! activity that happened while we were offline).

#include "models/api/apitypes.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QStringList>

namespace WhaTrack {

class UnreadTracker
{
public:
    void clear();
    //! Restores the persisted state; \a cachedChats (the list last saved) tells which messages
    //! were already accounted for before the restart.
    void load(const QHash<QString, QDateTime>& lastSeen, const QHash<QString, int>& unread,
        const QList<ChatItem>& cachedChats);
    //! The same with the saved list's last activity per chat built beforehand (off the GUI
    //! thread, newestActivities()): O(1) for the list.
    void load(const QHash<QString, QDateTime>& lastSeen, const QHash<QString, int>& unread,
        QHash<QString, QDateTime> newestActivity, bool haveChats);
    static QHash<QString, QDateTime> newestActivities(const QList<ChatItem>& chats);

    //! A refreshed chat list. Returns the chats whose count changed (id -> new count). The very
    //! first list (no state at all) is the baseline: nothing in it counts as unread.
    QHash<QString, int> onChats(
        const QList<ChatItem>& chats, const QString& openChatId, const QDateTime& now);
    //! One slice of a list applied over several calls: \a baseline is whether the whole list is
    //! the baseline (hasBaseline() was false when it arrived), so its later slices are too.
    QHash<QString, int> onChats(const QList<ChatItem>& chats, const QString& openChatId,
        const QDateTime& now, bool baseline);
    bool hasBaseline() const { return m_initialised; }
    //! Room for a list of \a chats chats, before it arrives slice by slice (no rehash).
    void reserve(qsizetype chats)
    {
        if (m_lastSeen.capacity() < chats)
            m_lastSeen.reserve(chats);
        if (m_newestCounted.capacity() < chats)
            m_newestCounted.reserve(chats);
    }
    //! An inbound message. Returns the new count, or -1 if unchanged.
    int onInbound(const QString& chatId, const QString& messageId, const QDateTime& timestamp,
        const QString& openChatId, const QDateTime& now);
    //! The agent looked at the chat. Returns true if the count changed.
    bool markSeen(const QString& chatId, const QDateTime& when);
    //! Chats the server no longer lists: their counts and last-seen times are dropped, so they
    //! cannot keep a badge or come back as ghosts. Returns the ids that had a count.
    QStringList forget(const QStringList& chatIds);

    int unread(const QString& chatId) const { return m_unread.value(chatId); }
    //! Message ids held to count each message once, over all chats (bounded: the ids at each
    //! chat's newest counted time, at most kMaxIdsPerChat per chat).
    qsizetype rememberedIds() const;
    static constexpr qsizetype kMaxIdsPerChat = 256;
    QDateTime lastSeen(const QString& chatId) const { return m_lastSeen.value(chatId); }

private:
    QHash<QString, QDateTime> m_lastSeen;
    QHash<QString, QDateTime> m_newestCounted;
    QHash<QString, int> m_unread;
    QHash<QString, QSet<QString>> m_countedIds;
    bool m_initialised = false;
};

} // namespace WhaTrack
