#include "models/store/inboxstore.h"

#include "models/api/apiclient.h"
#include "models/cache/localcacheworker.h"
#include "models/logging.h"
#include "models/platform/memorytuning.h"
#include "models/platform/offthread.h"
#include "models/store/clock.h"
#include "models/store/inboxstore_p.h"
#include "models/store/realtimebinding.h"
#include "models/store/realtimewatchdog.h"

namespace WhaTrack {

namespace {
constexpr qint64 kSaveDelayMs = 2000; // local-cache writes are batched; the server is the truth
constexpr qint64 kSearchPauseMs = 300; // the server search waits for typing to pause
} // namespace

InboxStore::Private::Private(
    InboxStore* qq, ApiClient* api, Centrifuge::Client* realtime, InboxStoreOptions options)
    : q(qq)
    , m_api(api)
    , m_realtime(realtime)
    , m_options(std::move(options))
    , m_clock(m_options.clock ? m_options.clock : Clock::system())
    , m_search(m_clock, kSearchPauseMs, [this](const QString& search) { setSearchKey(search); })
{
}

InboxStore::Private::~Private()
{
}

InboxStore::InboxStore(
    ApiClient* api, Centrifuge::Client* realtime, InboxStoreOptions options, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, api, realtime, std::move(options)))
{
    tuneAllocatorForLargeBodies();
    d->m_cache = new QueryCache(d->m_clock, this);
    d->m_chats = new ChatListModel(this);
    d->m_proxy = new ChatListProxyModel(this);
    d->m_proxy->setSourceModel(d->m_chats);
    d->m_messages = new MessageListModel(this);
    d->m_messages->setPageSize(d->m_options.messagesPageSize);
    d->m_ticket = new TicketModel(d->m_clock, this);
    d->m_stages = new StagesModel(this);
    d->m_watchdog = new RealtimeWatchdog(
        d->m_clock, d->m_options.watchdogGraceMs, d->m_options.watchdogProbeMs, this);
    if (!d->m_options.localCachePath.isEmpty()) {
        d->m_localCache = std::make_unique<LocalCacheWorker>(d->m_options.localCachePath);
        d->m_saver = std::make_unique<CacheSaver>(d->m_clock, kSaveDelayMs,
            [p = d.get()](const CacheSaver::Dirty& dirty) { return p->writeCache(dirty); });
    }

    connect(d->m_chats, &ChatListModel::deltaSliceApplied, this,
        [this](const QStringList& ids) { d->onDeltaSlice(ids); });
    connect(d->m_chats, &ChatListModel::applied, this, [this] { d->onQueuedApplied(); });
    d->registerFetchers();
    connect(d->m_cache, &QueryCache::fetchStarted, this,
        [this](const QueryKey& key) { d->m_resync.fetchStarted(key); });
    connect(d->m_cache, &QueryCache::fetchFinished, this,
        [this](const QueryKey& key, bool ok, const ApiError& error) {
            d->onFetchFinished(key, ok, error);
        });
    connect(api, &ApiClient::serverReached, this, [this] {
        if (d->m_freshness.noteServerReached())
            d->updateFreshness();
    });

    if (realtime) {
        d->m_binding = new RealtimeBinding(realtime, d->m_options.channels, this);
        connect(d->m_binding, &RealtimeBinding::eventReceived, this,
            [this](const InboxEvent& e) { d->onEvent(e); });
        connect(d->m_binding, &RealtimeBinding::resyncNeeded, this,
            [this](const QString& why) { d->resync(why); });
        connect(d->m_binding, &RealtimeBinding::liveChanged, this, [this](bool live) {
            d->m_watchdog->setLive(live);
            d->updateFreshness();
        });
        connect(d->m_binding, &RealtimeBinding::publicationSeen, this,
            &InboxStore::lastPublicationChanged);
    }
    connect(d->m_watchdog, &RealtimeWatchdog::suspicious, this, [this](const QString& reason) {
        Q_EMIT realtimeMayBeStale(reason);
        d->updateFreshness();
        d->resync(QStringLiteral("watchdog: ") + reason);
    });
    connect(d->m_watchdog, &RealtimeWatchdog::probeRequested, this, [this] {
        if (!d->m_org.isEmpty())
            d->m_cache->refetch(QueryKey::chats(d->m_org));
    });
    d->updateFreshness();
}

InboxStore::~InboxStore()
{
    if (d->m_localCache) {
        // Writes still waiting for their batch go now: a list that dropped chats must not
        // bring them back at the next start.
        d->m_saver->flush();
        d->m_localCache->flush();
    }
    // 70,000 chats' worth of ids, revisions and unread state die on the pool, not in the GUI
    // thread at sign-out or quit (the models free their rows the same way).
    releaseOffThread(std::exchange(d->m_resolver, {}));
    releaseOffThread(std::exchange(d->m_unread, {}));
    releaseOffThread(std::move(d->m_fullChats));
    releaseOffThread(std::move(d->m_revisions));
}

void InboxStore::Private::observe(const QueryKey& key)
{
    m_observed.append(key);
    m_cache->observe(key);
}

void InboxStore::Private::unobserveAll(std::optional<QueryKey::Kind> kind)
{
    for (qsizetype i = m_observed.size() - 1; i >= 0; --i) {
        if (kind && m_observed.at(i).kind() != *kind)
            continue;
        m_cache->unobserve(m_observed.at(i));
        m_observed.removeAt(i);
    }
}

void InboxStore::setOrganization(const QString& organizationId)
{
    if (organizationId == d->m_org)
        return;
    qCInfo(lcModels) << "switching organization" << d->m_org << "->" << organizationId;
    d->unobserveAll();
    d->m_cache->remove(); // in-flight responses of the old organization are dropped
    if (d->m_saver) // the old organization's pending writes, under its own scope
        d->m_saver->flush();
    d->m_org = organizationId;
    ++d->m_orgEpoch;
    d->m_cacheScope = organizationId.isEmpty()
        ? QString()
        : LocalCache::scopeKey(d->m_api->config().baseUrl, organizationId);
    d->m_openChat.clear();
    d->m_openConversation.clear();
    d->m_search.forgetQuery();
    releaseOffThread(std::exchange(d->m_resolver, {})); // big ones are freed on the pool
    d->m_revisions->clear();
    releaseOffThread(std::exchange(d->m_fullChats, {}));
    releaseOffThread(std::exchange(d->m_unread, {}));
    d->m_watchdog->reset();
    d->m_deltaQueued = false; // the model drops its queue below
    d->m_unreadBaseline = false;
    d->m_queuedRemoved.clear();
    d->m_cachedMessages.clear();
    d->m_cachedTickets.clear();
    d->m_eventDirections.clear();
    d->m_resync.clear();
    d->m_haveServerData = false;
    d->m_freshness.clearError();
    if (d->m_saver)
        d->m_saver->discard();
    // One reset per model: the only resets besides the first load.
    d->m_chats->clear();
    d->m_messages->setChat({});
    d->m_ticket->setConversation({});
    d->m_stages->clear();
    d->m_proxy->setServerMatches({});
    Q_EMIT openChatChanged({});

    d->m_api->setOrganizationId(organizationId);
    if (d->m_binding)
        d->m_binding->setOrganization(organizationId);
    Q_EMIT organizationChanged(organizationId);
    if (organizationId.isEmpty()) {
        d->updateFreshness();
        return;
    }
    d->loadLocalCache(organizationId);
    d->m_resync.begin({QueryKey::chats(organizationId), QueryKey::stages(organizationId)});
    d->observe(QueryKey::chats(organizationId));
    d->observe(QueryKey::stages(organizationId));
    d->m_search.queryNow();
    d->updateFreshness();
}

QString InboxStore::organizationId() const
{
    return d->m_org;
}

QAbstractItemModel* InboxStore::chatListModel() const
{
    return d->m_proxy;
}

ChatListProxyModel* InboxStore::chatListProxy() const
{
    return d->m_proxy;
}

ChatListModel* InboxStore::chatListSourceModel() const
{
    return d->m_chats;
}

MessageListModel* InboxStore::messageListModel() const
{
    return d->m_messages;
}

TicketModel* InboxStore::ticketModel() const
{
    return d->m_ticket;
}

StagesModel* InboxStore::stagesModel() const
{
    return d->m_stages;
}

QueryCache* InboxStore::queryCache() const
{
    return d->m_cache;
}

void InboxStore::openChat(const QString& chatId)
{
    if (chatId == d->m_openChat || d->m_org.isEmpty())
        return;
    d->unobserveAll(QueryKey::Kind::Messages);
    d->unobserveAll(QueryKey::Kind::Ticket);
    d->m_openChat = chatId;
    d->m_openConversation = chatId.isEmpty() ? QString() : d->m_resolver.conversationFor(chatId);
    d->m_messages->setChat(chatId);
    d->m_ticket->setConversation(d->m_openConversation);
    Q_EMIT openChatChanged(chatId);
    if (chatId.isEmpty())
        return;
    qCInfo(lcModels) << "opening chat" << chatId;

    // Saved data first, so the chat shows at once (offline too); the refetch merges over it.
    if (auto it = d->m_cachedMessages.constFind(chatId); it != d->m_cachedMessages.constEnd())
        d->m_messages->setCachedMessages(*it);
    if (auto it = d->m_cachedTickets.constFind(d->m_openConversation);
        it != d->m_cachedTickets.constEnd())
        d->m_ticket->setTicket(*it);

    const QString org = d->m_org;
    QPointer<InboxStore> self(this);
    d->m_messages->setPageLoader([this, self, org](const QString& chat, int page, int pageSize) {
        d->m_api->fetchMessages(
            chat, page, pageSize, this, [this, org, chat](ApiResult<MessagePage> r) {
                if (org != d->m_org || chat != d->m_messages->chatId())
                    return;
                if (!r.ok()) {
                    d->m_messages->olderPageFailed();
                    Q_EMIT refreshFailed(QueryKey::messages(org, chat), r.error);
                    return;
                }
                d->learnDirections(r.value);
                for (const auto& m : std::as_const(r.value.items))
                    d->m_resolver.noteMessage(chat, m);
                d->m_messages->mergeOlderPage(r.value);
            });
    });
    d->observe(QueryKey::messages(org, chatId));
    d->observe(QueryKey::ticket(org, d->m_openConversation));

    const QDateTime now = d->m_clock->wallNow();
    d->m_unread.markSeen(chatId, now);
    d->m_chats->setUnreadCount(chatId, 0);
    d->saveReadState(chatId); // the last-seen time moves even when nothing was unread
}

void InboxStore::closeChat()
{
    openChat({});
}

QString InboxStore::openChatId() const
{
    return d->m_openChat;
}

void InboxStore::setSearch(const QString& text)
{
    d->m_search.type(text); // the server query follows once typing pauses
    d->m_proxy->setSearchText(d->m_search.text()); // at once, on what we have
}

void InboxStore::Private::setSearchKey(const QString& search)
{
    for (qsizetype i = m_observed.size() - 1; i >= 0; --i) {
        const QueryKey& k = m_observed.at(i);
        if (k.kind() == QueryKey::Kind::Chats && !k.search().isEmpty()) {
            m_cache->unobserve(k);
            m_observed.removeAt(i);
        }
    }
    if (!search.isEmpty() && !m_org.isEmpty())
        observe(QueryKey::chats(m_org, search));
}

void InboxStore::resyncAll(const QString& reason)
{
    d->resync(reason);
}

void InboxStore::handleNetworkBack()
{
    d->m_freshness.noteServerReached();
    d->resync(QStringLiteral("network back"));
}

void InboxStore::handleSystemResume()
{
    if (d->m_binding)
        d->m_binding->handleSystemResume();
    d->resync(QStringLiteral("system resumed"));
}

Freshness InboxStore::freshness() const
{
    return d->m_freshness.current();
}

RealtimeBinding* InboxStore::realtimeBinding() const
{
    return d->m_binding;
}

QStringList InboxStore::channels() const
{
    return d->m_binding ? d->m_binding->channels() : QStringList();
}

QDateTime InboxStore::lastPublicationAt(const QString& channel) const
{
    return d->m_binding ? d->m_binding->lastPublicationAt(channel) : QDateTime();
}

QHash<QString, QDateTime> InboxStore::lastPublicationTimes() const
{
    return d->m_binding ? d->m_binding->lastPublicationTimes() : QHash<QString, QDateTime>();
}

QHash<QueryKey::Kind, int> InboxStore::refetchCounts() const
{
    return d->m_resync.fetchCounts();
}

void InboxStore::Private::updateFreshness()
{
    FreshnessInputs in;
    in.realtimeConfigured = m_binding != nullptr;
    in.realtimeConnected = m_binding && m_binding->isLive();
    in.refreshing = m_resync.isRunning();
    in.haveServerData = m_haveServerData;
    in.watchdogSuspicious = m_watchdog->isSuspicious();
    if (!m_freshness.update(in, !m_org.isEmpty(), m_clock->wallNow()))
        return;
    const Freshness f = m_freshness.current();
    qCInfo(lcModels) << "freshness:" << f.state << f.reason;
    Q_EMIT q->freshnessChanged(f);
}

} // namespace WhaTrack
