// InboxStore: publications -> optimistic patches + invalidations; resyncs; fetch outcomes.

#include "models/api/apiclient.h"
#include "models/logging.h"
#include "models/store/clock.h"
#include "models/store/inboxstore_p.h"
#include "models/store/realtimewatchdog.h"

namespace WhaTrack {

namespace {
constexpr int kMaxRememberedDirections = 5000;
}

void InboxStore::Private::onEvent(const InboxEvent& e)
{
    if (m_org.isEmpty())
        return;
    m_watchdog->notePublication();
    m_resolver.noteEvent(e.conversationId, e.leadId);
    QString chat = m_resolver.chatFor(e.conversationId, e.leadId);
    if (chat.isEmpty() && e.type == InboxEvent::Type::MessageStatusUpdated)
        chat = m_resolver.chatForMessage(e.messageId.isEmpty() ? e.wamid : e.messageId);
    if (chat.isEmpty() && !e.conversationId.isEmpty() && e.conversationId == m_openConversation)
        chat = m_openChat;
    if (!chat.isEmpty()) {
        m_watchdog->noteAnnounced(chat);
    } else {
        // A chat the list does not show yet (a new contact): its id will be the new
        // conversation's id, or the lead's while it has none. Announce both so its arrival in
        // the next list is not taken for activity realtime missed.
        m_watchdog->noteAnnounced(e.conversationId);
        m_watchdog->noteAnnounced(e.leadId);
    }

    if (!e.messageId.isEmpty() && e.direction != MessageDirection::Unknown) {
        if (m_eventDirections.size() > kMaxRememberedDirections)
            m_eventDirections.clear();
        m_eventDirections.insert(e.messageId, e.direction);
    }

    switch (e.type) {
    case InboxEvent::Type::MessageCreated: {
        const Message m = e.toMessage();
        if (!chat.isEmpty())
            m_chats->applyIncomingMessage(chat, m);
        if (!chat.isEmpty() && chat == m_openChat)
            m_messages->insertOptimistic(m); // reconciled by the page-1 refetch, merged by id
        if (e.direction == MessageDirection::Inbound && !chat.isEmpty()) {
            const int n = m_unread.onInbound(
                chat, e.messageId, e.timestamp, m_openChat, m_clock->wallNow());
            if (n >= 0) {
                m_chats->setUnreadCount(chat, n);
                saveReadState(chat);
            }
        }
        if (e.direction == MessageDirection::Inbound) {
            const QString id = !chat.isEmpty() ? chat
                : !e.conversationId.isEmpty()  ? e.conversationId
                                               : e.leadId;
            if (!id.isEmpty())
                Q_EMIT q->inboundMessageReceived(id, e.messageId);
        }
        break;
    }
    case InboxEvent::Type::MessageStatusUpdated: {
        const QString id = e.messageId.isEmpty() ? e.wamid : e.messageId;
        if (!m_messages->applyStatus(id, e.status) && !e.wamid.isEmpty())
            m_messages->applyStatus(e.wamid, e.status);
        if (!chat.isEmpty())
            m_chats->applyLastMessageStatus(chat, id, e.status);
        break;
    }
    case InboxEvent::Type::TicketUpdated:
    case InboxEvent::Type::Other:
        break;
    }

    RuleContext ctx {m_org, chat, m_openChat, m_openConversation};
    apply(invalidationForEvent(e, ctx));
}

void InboxStore::Private::apply(const Invalidation& inv)
{
    for (const auto& key : inv.keys)
        m_cache->invalidate(key);
    for (const auto& prefix : inv.prefixes)
        m_cache->invalidatePrefix(prefix);
}

void InboxStore::Private::resync(const QString& reason)
{
    if (m_org.isEmpty())
        return;
    qCInfo(lcModels) << "resync:" << reason;
    QList<QueryKey> observed;
    const auto keys = m_cache->keys();
    for (const auto& key : keys) {
        if (m_cache->info(key).observers > 0)
            observed.append(key);
        else
            m_cache->invalidate(key); // refetched when looked at again
    }
    m_resync.begin(observed); // before the refetches start: only those count
    for (const auto& key : std::as_const(observed))
        m_cache->refetch(key);
    updateFreshness();
}

void InboxStore::Private::onFetchFinished(const QueryKey& key, bool ok, const ApiError& error)
{
    if (key.organization() != m_org)
        return;
    m_freshness.noteFetch(key, ok, error);
    if (!ok && error.kind != ApiError::Kind::Unauthorized)
        Q_EMIT q->refreshFailed(key, error);
    if (const std::optional<bool> resyncOk = m_resync.fetchFinished(key, ok)) {
        qCInfo(lcModels) << "resync finished" << (*resyncOk ? "ok" : "with errors");
        Q_EMIT q->resyncFinished(*resyncOk);
    }
    updateFreshness();
}

} // namespace WhaTrack
