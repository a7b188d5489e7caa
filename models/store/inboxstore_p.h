#pragma once

//! \file inboxstore_p.h
//! \brief Internals of InboxStore, split over inboxstore.cpp (organization, chat, freshness),
//! inboxstore_queries.cpp (fetchers and local cache), inboxstore_events.cpp (publications,
//! resync, watchdog) and inboxstore_mutations.cpp (ticket changes).
//!
//! Concerns with state of their own are objects of their own, each unit-tested alone:
//! ResyncTracker (m_resync: what a resync waits for, fetch counts), CacheSaver (m_saver:
//! debounced local-cache writes), FreshnessTracker (m_freshness: reachability, last error,
//! the published Freshness) and SearchDebounce (m_search: the search's server query). The
//! chat-list apply path (revisions, unread baseline, queued deltas) and the open chat are still
//! fields here.

#include "models/cache/cachesaver.h"
#include "models/cache/localcache.h"
#include "models/items/chatlistmodel.h"
#include "models/items/chatlistproxymodel.h"
#include "models/items/chatrevisions.h"
#include "models/items/messagelistmodel.h"
#include "models/items/stagesmodel.h"
#include "models/items/ticketmodel.h"
#include "models/store/chatidresolver.h"
#include "models/store/freshnesstracker.h"
#include "models/store/inboxevent.h"
#include "models/store/inboxstore.h"
#include "models/store/invalidationrules.h"
#include "models/store/querycache.h"
#include "models/store/resynctracker.h"
#include "models/store/searchdebounce.h"
#include "models/store/unreadtracker.h"

#include <QSet>

#include <memory>
#include <optional>

namespace WhaTrack {

class ApiClient;
class LocalCacheWorker;
class RealtimeBinding;
class RealtimeWatchdog;

class InboxStore::Private
{
public:
    Private(InboxStore* q, ApiClient* api, Centrifuge::Client* realtime, InboxStoreOptions options);
    ~Private();

    // inboxstore_queries.cpp
    void registerFetchers();
    void applyChats(const QString& org, ChatListDelta delta);
    //! The per-chat bookkeeping of a list (ids, unread counts, watchdog) for \a chats: all at
    //! once for a small delta, slice by slice (deltaSliceApplied) for one the model queues.
    void noteChats(
        const QList<ChatItem>& chats, const QStringList& removed, bool unreadBaseline, bool slice);
    void onDeltaSlice(const QStringList& ids);
    //! The model applied everything it had queued: the list is complete.
    void onQueuedApplied();
    //! A chat opened by lead id may now tell its conversation id (for the ticket route).
    void followOpenConversation();
    void applySearch(const QString& org, const QString& search, QList<ChatItem> chats);
    void applyMessages(const QString& org, const QString& chatId, MessagePage page);
    //! The newest page of \a chat, and older ones while a page does not reach a message the open
    //! chat shows (a burst between two refetches), merged into \a newer.
    void fetchNewestMessages(const QString& org, const QString& chat, int page, MessagePage newer,
        QueryCache::Complete complete);
    void applyTicket(
        const QString& org, const QString& conversationId, std::optional<Ticket> ticket);
    void applyStages(const QString& org, QList<Stage> stages);
    void loadLocalCache(const QString& org);
    //! The saved list's first screenful, shown before the whole list is read (issue 14).
    void applySavedHead(const QString& org, quint64 epoch, CacheHead head);
    //! A saved list bigger than a slice is prepared on the pool first (prepareSnapshot):
    //! resolver, revisions, unread base and the sorted list, swapped in by finishSnapshot().
    void applySnapshot(const QString& org, CacheSnapshot snapshot);
    struct PreparedSnapshot;
    void prepareSnapshot(const QString& org, CacheSnapshot snapshot);
    void finishSnapshot(const QString& org, PreparedSnapshot prepared);
    //! The chat list changed: saved with the next batch (\a what is "chats", the only caller's).
    void scheduleSave(const QString& what);
    //! m_saver's write: the batch \a dirty into the local cache, under this organization's scope.
    bool writeCache(const CacheSaver::Dirty& dirty);
    void saveReadState(const QString& chatId);
    //! Chats the server no longer lists: their rows, unread counts and saved state go.
    void forgetChats(const QStringList& chatIds);
    //! Model rows the authoritative \a full list lacks that the diff could not know about
    //! (shown from the saved copy while that list was being diffed).
    QStringList rowsMissingFrom(const QList<ChatItem>& full) const;
    //! Tells the worker-side diff that the model now holds \a chats too.
    void noteShown(const QList<ChatItem>& chats);
    void learnDirections(MessagePage& page);

    // inboxstore_events.cpp
    void onEvent(const InboxEvent& event);
    void apply(const Invalidation& invalidation);
    void resync(const QString& reason);
    void onFetchFinished(const QueryKey& key, bool ok, const ApiError& error);

    // inboxstore_mutations.cpp
    using MutationCall
        = std::function<quint64(const QString& ticketId, std::function<void(ApiResult<Ticket>)>)>;
    void runMutation(Mutation kind, MutationCall call);

    // inboxstore.cpp
    void observe(const QueryKey& key);
    void unobserveAll(std::optional<QueryKey::Kind> kind = std::nullopt);
    void updateFreshness();
    //! m_search's query: observes the server search for \a search (none when empty).
    void setSearchKey(const QString& search);

    InboxStore* q;
    ApiClient* m_api;
    Centrifuge::Client* m_realtime;
    InboxStoreOptions m_options;
    Clock* m_clock;

    QueryCache* m_cache = nullptr;
    ChatListModel* m_chats = nullptr;
    ChatListProxyModel* m_proxy = nullptr;
    MessageListModel* m_messages = nullptr;
    TicketModel* m_ticket = nullptr;
    StagesModel* m_stages = nullptr;
    RealtimeBinding* m_binding = nullptr;
    RealtimeWatchdog* m_watchdog = nullptr;
    std::unique_ptr<LocalCacheWorker> m_localCache;

    ChatIdResolver m_resolver;
    //! What the chat list model holds, for the worker-side diff of each refetch.
    std::shared_ptr<ChatRevisions> m_revisions = std::make_shared<ChatRevisions>();
    //! The last full server list, kept only for the local cache (freed off the GUI thread).
    std::shared_ptr<const QList<ChatItem>> m_fullChats;
    UnreadTracker m_unread;
    //! A queued list is the unread baseline (the first ever): all its slices are, until applied().
    bool m_unreadBaseline = false;
    //! Chats a queued delta removed, for the watchdog once the delta is applied.
    QStringList m_queuedRemoved;
    //! A delta is being applied in slices (applied() ends it; other queued work does not count).
    bool m_deltaQueued = false;
    QString m_org;
    //! Bumped by each organization switch: work prepared for an older one is dropped.
    quint64 m_orgEpoch = 0;
    //! LocalCache::scopeKey(backend, m_org): what the saved copy is filed under.
    QString m_cacheScope;
    QString m_openChat;
    QString m_openConversation;
    //! The search text, and its server query once typing pauses.
    SearchDebounce m_search;
    QList<QueryKey> m_observed;

    // From the local cache, used when a chat is opened before the server answered.
    QHash<QString, QList<Message>> m_cachedMessages;
    QHash<QString, std::optional<Ticket>> m_cachedTickets;

    //! Directions announced by publications, by message id: teaches ticket-era direction ids.
    QHash<QString, MessageDirection> m_eventDirections;

    //! Freshness inputs from fetch outcomes, and the Freshness last published.
    FreshnessTracker m_freshness;
    bool m_haveServerData = false;
    //! The fetches a resync waits for, and the fetch counts per kind.
    ResyncTracker m_resync;
    //! Debounced local-cache writes; null without a local cache.
    std::unique_ptr<CacheSaver> m_saver;
};

} // namespace WhaTrack
