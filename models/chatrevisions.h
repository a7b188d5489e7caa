#pragma once

//! \file chatrevisions.h
//! \brief What the chat list model holds, as one content hash per chat, readable from the
//! decode worker: a refetched list of 20,000 chats is diffed *there*, and the GUI thread only
//! merges the handful that changed (and frees nothing else). Thread-safe.

#include "models/apitypes.h"

#include <QHash>
#include <QMutex>
#include <QStringList>

#include <memory>

namespace WhaTrack {

//! A content hash of everything the list shows about a chat (0 is never returned).
quint64 chatRevision(const ChatItem& chat);

//! A refetched list, reduced to what differs from the model.
struct ChatListDelta
{
    QList<ChatItem> changed; //!< new or different chats, in the server's order
    QList<quint64> revisions; //!< parallel to `changed`
    QStringList removed; //!< ids the model has and the (authoritative) list lacks
    int total = 0; //!< chats in the response
    //! The whole decoded list, kept only when someone saves it (the local cache).
    std::shared_ptr<const QList<ChatItem>> full;
};

class ChatRevisions
{
public:
    //! Worker side: the delta of \a incoming against what the model holds now.
    ChatListDelta diff(QList<ChatItem> incoming, bool authoritative, bool keepFull) const;
    //! GUI side, after the delta was merged.
    void commit(const ChatListDelta& delta);
    void clear();
    int size() const;

private:
    mutable QMutex m_mutex;
    QHash<QString, quint64> m_revisions;
};

} // namespace WhaTrack
