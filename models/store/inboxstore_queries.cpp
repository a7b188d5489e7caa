// InboxStore: the query fetchers, how their results reach the models, and the local cache.

#include "models/api/apiclient.h"
#include "models/api/directionregistry.h"
#include "models/cache/localcacheworker.h"
#include "models/logging.h"
#include "models/platform/offthread.h"
#include "models/store/clock.h"
#include "models/store/inboxstore_p.h"
#include "models/store/realtimewatchdog.h"

#include <QElapsedTimer>

#include <algorithm>

namespace WhaTrack {

void InboxStore::Private::registerFetchers()
{
    QueryCache::Policy list;
    list.coalesceMs = m_options.coalesceMs;
    QueryCache::Policy ticket = list;
    ticket.staleAfterMs = 30000; // like the web app's staleTime for the ticket
    QueryCache::Policy stages = list;
    stages.staleAfterMs = 5 * 60000;

    // Each fetcher hands an `apply` to the cache, which runs it only if the response is still
    // the newest for its key (and the key was not dropped by an organization switch).
    m_cache->setFetcher(
        QueryKey::Kind::Chats,
        [this](const QueryKey& key, QueryCache::Complete complete) {
            const QString org = key.organization(), search = key.search();
            if (!search.isEmpty()) {
                // Search results are small and their whole id set matters: no delta.
                m_api->fetchChats(
                    search, q, [this, org, search, complete](ApiResult<QList<ChatItem>> r) {
                        QueryCache::FetchResult result {r.error, {}};
                        if (r.ok())
                            result.apply
                                = [this, org, search, items = std::move(r.value)]() mutable {
                                      applySearch(org, search, std::move(items));
                                  };
                        complete(std::move(result));
                    });
                return;
            }
            // The full list is diffed on the decode worker against what the model holds.
            m_api->fetchChatsDelta({}, m_revisions, m_localCache != nullptr, q,
                [this, org, complete](ApiResult<ChatListDelta> r) {
                    QueryCache::FetchResult result {r.error, {}};
                    if (r.ok()) {
                        // Applied or dropped (out of date), a 70,000-chat delta is freed on
                        // the pool, never by the query cache on the GUI thread.
                        std::shared_ptr<ChatListDelta> delta(
                            new ChatListDelta(std::move(r.value)), [](ChatListDelta* d) {
                                releaseOffThread(std::move(*d));
                                delete d;
                            });
                        result.apply = [this, org, delta]() { applyChats(org, std::move(*delta)); };
                    }
                    complete(std::move(result));
                });
        },
        list);
    m_cache->setFetcher(
        QueryKey::Kind::Messages,
        [this](const QueryKey& key, QueryCache::Complete complete) {
            fetchNewestMessages(key.organization(), key.chatId(), 1, {}, std::move(complete));
        },
        list);
    m_cache->setFetcher(
        QueryKey::Kind::Ticket,
        [this](const QueryKey& key, QueryCache::Complete complete) {
            const QString org = key.organization(), conversation = key.conversationId();
            m_api->fetchConversationTicket(conversation, q,
                [this, org, conversation, complete](ApiResult<std::optional<Ticket>> r) {
                    QueryCache::FetchResult result {r.error, {}};
                    if (r.ok())
                        result.apply = [this, org, conversation, t = std::move(r.value)]() mutable {
                            applyTicket(org, conversation, std::move(t));
                        };
                    complete(std::move(result));
                });
        },
        ticket);
    m_cache->setFetcher(
        QueryKey::Kind::Stages,
        [this](const QueryKey& key, QueryCache::Complete complete) {
            const QString org = key.organization();
            m_api->fetchTicketStages(q, [this, org, complete](ApiResult<QList<Stage>> r) {
                QueryCache::FetchResult result {r.error, {}};
                if (r.ok())
                    result.apply = [this, org, s = std::move(r.value)]() mutable {
                        applyStages(org, std::move(s));
                    };
                complete(std::move(result));
            });
        },
        stages);
}

void InboxStore::Private::applySearch(
    const QString& org, const QString& search, QList<ChatItem> chats)
{
    if (org != m_org)
        return;
    // Search results never remove anything; they widen what the filter accepts.
    QSet<QString> ids;
    for (const auto& c : std::as_const(chats)) {
        m_resolver.noteChat(c);
        ids.insert(c.id);
    }
    noteShown(chats); // a later full list that lacks them removes them
    m_chats->mergeItems(std::move(chats), ChatListModel::MergeMode::Upsert);
    if (search == m_search.text())
        m_proxy->setServerMatches(std::move(ids));
}

void InboxStore::Private::applyChats(const QString& org, ChatListDelta delta)
{
    if (org != m_org)
        return;
    QElapsedTimer timer;
    timer.start();
    // Everything here is O(changes): the worker already dropped the unchanged chats.
    m_revisions->commit(delta);
    const QStringList removed = delta.removed;
    // A big delta is applied by the model in slices; the per-chat bookkeeping follows each
    // slice (onDeltaSlice) instead of walking 70,000 chats here in one go. The copy is dropped
    // before the model's first slice, so its list is never detached.
    QList<ChatItem> changed = delta.changed;
    auto stats = m_chats->applyDelta(std::move(delta.changed), removed);
    if (m_chats->isApplying()) {
        // The slices note their chats (onDeltaSlice): room for all of them now, so the
        // resolver's hashes never rehash 70,000 ids in the middle of a slice.
        m_resolver.reserve(delta.total);
        m_unread.reserve(delta.total);
        m_watchdog->reserve(delta.total);
        changed = {};
        if (!m_unread.hasBaseline())
            m_unreadBaseline = true;
        // The watchdog learns the list is complete (its baseline) once the slices are in.
        m_queuedRemoved += removed;
        m_deltaQueued = true;
    } else {
        noteChats(changed, removed, !m_unread.hasBaseline(), false);
    }
    // The list is authoritative: what it lacks is gone, with its badge and saved state.
    QStringList gone = removed;
    if (delta.full && m_chats->rowCount() > delta.full->size()) {
        const QStringList missed = rowsMissingFrom(*delta.full);
        if (!missed.isEmpty()) {
            ChatListDelta drop;
            drop.removed = missed;
            m_revisions->commit(drop);
            stats.removed += m_chats->applyDelta({}, missed).removed;
            gone += missed;
        }
    }
    forgetChats(gone);
    followOpenConversation();
    m_haveServerData = true;
    if (delta.full) {
        // Keep the newest full list for the next save; the previous one dies on a worker.
        std::shared_ptr<const QList<ChatItem>> old
            = std::exchange(m_fullChats, std::move(delta.full));
        if (old)
            releaseOffThread(std::move(old));
        if (stats.inserted || stats.changed || stats.removed)
            scheduleSave(QStringLiteral("chats"));
    }
    qCDebug(lcModels) << "chat list of" << delta.total << "applied in"
                      << timer.nsecsElapsed() / 1000 << "us";
    releaseOffThread(std::move(delta)); // what the model did not take (ids, revisions)
    releaseOffThread(std::move(changed));
}

void InboxStore::Private::noteChats(
    const QList<ChatItem>& chats, const QStringList& removed, bool unreadBaseline, bool slice)
{
    for (const auto& c : chats)
        m_resolver.noteChat(c);
    const QHash<QString, int> unread
        = m_unread.onChats(chats, m_openChat, m_clock->wallNow(), unreadBaseline);
    // A slice is not the whole list yet: a first list stays the watchdog's baseline until
    // onQueuedApplied() tells it the list is complete.
    if (slice)
        m_watchdog->onChatListSlice(chats);
    else
        m_watchdog->onChatListDelta(chats, removed);
    for (auto it = unread.cbegin(); it != unread.cend(); ++it) {
        m_chats->setUnreadCount(it.key(), it.value());
        saveReadState(it.key());
    }
}

void InboxStore::Private::onDeltaSlice(const QStringList& ids)
{
    // The model's copies: they also carry publications that came while the chat was queued.
    QList<ChatItem> chats;
    chats.reserve(ids.size());
    for (const auto& id : ids) {
        if (const ChatItem* c = m_chats->find(id))
            chats.append(*c);
    }
    noteChats(chats, {}, m_unreadBaseline, true);
    followOpenConversation();
}

void InboxStore::Private::onQueuedApplied()
{
    if (!m_deltaQueued)
        return; // a saved list or search results: not the server's list
    m_deltaQueued = false;
    m_unreadBaseline = false;
    m_watchdog->onChatListDelta({}, std::exchange(m_queuedRemoved, {}));
}

void InboxStore::Private::followOpenConversation()
{
    if (m_openChat.isEmpty())
        return;
    const QString conv = m_resolver.conversationFor(m_openChat);
    if (conv == m_openConversation)
        return;
    for (qsizetype i = m_observed.size() - 1; i >= 0; --i) {
        if (m_observed.at(i).kind() == QueryKey::Kind::Ticket) {
            m_cache->unobserve(m_observed.at(i));
            m_observed.removeAt(i);
        }
    }
    m_openConversation = conv;
    m_ticket->setConversation(conv);
    observe(QueryKey::ticket(m_org, conv));
}

void InboxStore::Private::learnDirections(MessagePage& page)
{
    DirectionRegistry* registry = m_api->directionRegistry();
    for (auto& m : page.items) {
        if (m.direction != MessageDirection::Unknown)
            continue;
        const auto known = m_eventDirections.constFind(m.id);
        if (known == m_eventDirections.constEnd())
            continue;
        m.direction = *known;
        registry->learn(m.directionId, *known); // the other rows of this shape resolve from now on
    }
    for (auto& m : page.items) {
        if (m.direction == MessageDirection::Unknown)
            m.direction = registry->resolve(m.directionId);
    }
}

void InboxStore::Private::fetchNewestMessages(const QString& org, const QString& chat, int page,
    MessagePage newer, QueryCache::Complete complete)
{
    m_api->fetchMessages(chat, page, m_options.messagesPageSize, q,
        [this, org, chat, page, newer, complete](ApiResult<MessagePage> r) mutable {
            if (!r.ok() && page == 1) {
                complete({r.error, {}});
                return;
            }
            // A burst on the open chat can bring more than a page between two refetches (a
            // refetch rests while the last one was slow): the newest page alone would leave a
            // hole the agent never sees. Ask for the next page until one reaches a message the
            // chat already shows (bounded; a later page that fails leaves what was fetched).
            bool reachesShown = true;
            if (r.ok() && chat == m_messages->chatId() && m_messages->rowCount() > 0
                && r.value.items.size() >= m_options.messagesPageSize) {
                reachesShown = std::any_of(r.value.items.cbegin(), r.value.items.cend(),
                    [this](const Message& m) { return m_messages->rowOf(m.id) >= 0; });
            }
            if (r.ok()) {
                if (page == 1) {
                    newer = std::move(r.value);
                } else {
                    r.value.items.append(newer.items); // a later page is older
                    newer.items = std::move(r.value.items);
                }
            }
            constexpr int kMaxPagesToReachShown = 10;
            if (r.ok() && !reachesShown && page < kMaxPagesToReachShown) {
                qCInfo(lcModels) << "newest page of" << chat << "does not reach what is shown:"
                                 << "asking page" << page + 1;
                fetchNewestMessages(org, chat, page + 1, std::move(newer), std::move(complete));
                return;
            }
            QueryCache::FetchResult result {ApiError {}, {}};
            result.apply = [this, org, chat, all = std::move(newer)]() mutable {
                applyMessages(org, chat, std::move(all));
            };
            complete(std::move(result));
        });
}

void InboxStore::Private::applyMessages(const QString& org, const QString& chatId, MessagePage page)
{
    if (org != m_org)
        return;
    learnDirections(page);
    for (const auto& m : std::as_const(page.items))
        m_resolver.noteMessage(chatId, m);
    if (chatId == m_messages->chatId())
        m_messages->mergeNewestPage(page);
    m_cachedMessages.insert(chatId, page.items);
    if (m_saver)
        m_saver->messagesChanged(chatId);
}

void InboxStore::Private::applyTicket(
    const QString& org, const QString& conversationId, std::optional<Ticket> ticket)
{
    if (org != m_org)
        return;
    if (ticket && ticket->conversationId.isEmpty())
        ticket->conversationId = conversationId;
    if (conversationId == m_ticket->conversationId())
        m_ticket->setTicket(ticket);
    m_cachedTickets.insert(conversationId, ticket);
    if (m_localCache)
        m_localCache->saveTicket(m_cacheScope, conversationId, ticket);
}

void InboxStore::Private::applyStages(const QString& org, QList<Stage> stages)
{
    if (org != m_org)
        return;
    m_stages->setStages(stages);
    if (m_localCache)
        m_localCache->saveStages(m_cacheScope, stages);
}

void InboxStore::Private::noteShown(const QList<ChatItem>& chats)
{
    ChatListDelta shown;
    shown.changed = chats;
    shown.revisions.reserve(chats.size());
    for (const auto& c : chats)
        shown.revisions.append(chatRevision(c));
    m_revisions->commit(shown);
}

QStringList InboxStore::Private::rowsMissingFrom(const QList<ChatItem>& full) const
{
    QSet<QString> listed;
    listed.reserve(full.size());
    for (const auto& c : full)
        listed.insert(c.id);
    QStringList missing;
    for (int row = 0; row < m_chats->rowCount(); ++row) {
        if (!listed.contains(m_chats->at(row).id))
            missing.append(m_chats->at(row).id);
    }
    return missing;
}

void InboxStore::Private::forgetChats(const QStringList& chatIds)
{
    if (chatIds.isEmpty())
        return;
    qCInfo(lcModels) << chatIds.size() << "chat(s) no longer listed by the server: removed";
    m_unread.forget(chatIds);
    for (const QString& id : chatIds) {
        m_chats->setUnreadCount(id, 0); // the badge must not come back with the id
        m_cachedMessages.remove(id);
    }
    if (m_saver)
        m_saver->forgetChats(chatIds);
    if (m_localCache && !m_cacheScope.isEmpty())
        m_localCache->forgetChats(m_cacheScope, chatIds);
    scheduleSave(QStringLiteral("chats"));
}

void InboxStore::Private::scheduleSave(const QString& what)
{
    Q_UNUSED(what) // every caller says "chats"; messages go through m_saver directly
    if (m_saver)
        m_saver->chatsChanged();
}

bool InboxStore::Private::writeCache(const CacheSaver::Dirty& dirty)
{
    if (!m_localCache || m_cacheScope.isEmpty())
        return false; // kept until there is an organization to file it under
    if (dirty.chats && m_fullChats)
        m_localCache->saveChats(m_cacheScope, *m_fullChats); // shared, not copied
    for (const auto& chat : std::as_const(dirty.messageChats))
        m_localCache->saveMessages(m_cacheScope, chat, m_cachedMessages.value(chat));
    return true;
}

void InboxStore::Private::saveReadState(const QString& chatId)
{
    if (m_localCache && !m_cacheScope.isEmpty())
        m_localCache->saveReadState(
            m_cacheScope, chatId, m_unread.lastSeen(chatId), m_unread.unread(chatId));
}

} // namespace WhaTrack
