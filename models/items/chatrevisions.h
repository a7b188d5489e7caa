#pragma once

//! \file chatrevisions.h
//! \brief What the chat list model holds, as one content hash per chat, readable from the
//! decode worker: a refetched list of 20,000 chats is diffed *there*, and the GUI thread only
//! merges the handful that changed (and frees nothing else). Thread-safe.
//!
//! The worker also does the O(n) work with a big constant that a first load of 70,000 chats
//! would otherwise put on the GUI thread: duplicate ids are dropped, repeated strings are shared
//! (StringPool) and the chats are sorted in the list's display order, so that ChatListModel can
//! append them in slices that each land as one block at the end of the sorted proxy.

#include "models/api/apitypes.h"
#include "models/items/stringpool.h"

#include <QHash>
#include <QMutex>
#include <QStringList>

#include <memory>

namespace WhaTrack {

//! A content hash of everything the list shows about a chat (0 is never returned).
quint64 chatRevision(const ChatItem& chat);

//! The chat list's display order: newest activity first, then by id (a strict weak order).
//! ChatListProxyModel sorts with it; prepared lists are sorted with it.
bool chatShowsBefore(const ChatItem& a, const ChatItem& b);

//! Off the GUI thread: drops later duplicates of an id (the route lists the newest first),
//! shares repeated strings through \a pool and sorts in chatShowsBefore() order.
void prepareChatList(QList<ChatItem>& chats, StringPool& pool);
//! Shares the repeated strings of one chat (stage, type, status, instance and direction ids).
void internChat(ChatItem& chat, StringPool& pool);

struct ChatRevisionState;

//! A refetched list, reduced to what differs from the model.
struct ChatListDelta
{
    QList<ChatItem> changed; //!< new or different chats, prepared (see prepareChatList)
    QList<quint64> revisions; //!< parallel to `changed`
    QStringList removed; //!< ids the model has and the (authoritative) list lacks
    int total = 0; //!< chats in the response
    //! An authoritative list: `next` holds exactly its chats, whatever was committed since
    //! the diff read its base (a saved list shown meanwhile), so commit() may swap it in.
    bool complete = false;
    //! The whole decoded list, kept only when someone saves it (the local cache). Unchanged
    //! chats are the previous list's copies, so they share their strings with the model.
    std::shared_ptr<const QList<ChatItem>> full;
    //! The revisions as they are after this delta, built on the worker: commit() swaps it in
    //! instead of inserting 70,000 ids on the GUI thread. Null for small deltas.
    std::shared_ptr<ChatRevisionState> next;
    //! What the diff was made against (not owned: a delta never keeps an old state alive).
    std::weak_ptr<const ChatRevisionState> base;
};

class ChatRevisions
{
public:
    ChatRevisions();
    ~ChatRevisions();

    //! Worker side: the delta of \a incoming against what the model holds now.
    ChatListDelta diff(QList<ChatItem> incoming, bool authoritative, bool keepFull) const;
    //! GUI side, after the delta was merged: O(1) for a big delta, O(changes) otherwise.
    void commit(const ChatListDelta& delta);
    void clear();
    int size() const;

private:
    mutable QMutex m_mutex;
    std::shared_ptr<ChatRevisionState> m_state; //!< never null; replaced, not edited, if shared
    mutable QMutex m_poolMutex;
    mutable StringPool m_pool; //!< worker-side, under m_poolMutex
};

} // namespace WhaTrack
