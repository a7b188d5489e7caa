#pragma once

//! \file invalidationrules.h
//! \brief Which queries a publication or a mutation makes stale (anchors §1.6 plus our
//! additions: the ticket on `message_created`, lead-keyed chats). Pure functions, unit-tested.

#include "models/store/inboxevent.h"
#include "models/store/querykey.h"

namespace WhaTrack {

struct Invalidation
{
    QList<QueryKey> keys;
    QList<QueryScope> prefixes;
    bool contains(const QueryKey& key) const;
};

struct RuleContext
{
    QString org;
    QString chatId; //!< the chat the event resolved to (may be empty)
    QString openChatId;
    QString openConversationId; //!< the conversation whose ticket is shown
};

Invalidation invalidationForEvent(const InboxEvent& event, const RuleContext& ctx);
//! After the agent's own ticket mutation on \a conversationId.
Invalidation invalidationForMutation(const QString& org, const QString& conversationId);

} // namespace WhaTrack
