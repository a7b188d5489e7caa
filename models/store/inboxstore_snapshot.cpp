// InboxStore: the saved copy shown at start (local cache), before the server answers.
//
// A saved list of 70,000 chats took 125-290 ms of GUI thread to apply in one call (resolver,
// revisions and unread base built chat by chat; issue 8). Above one slice of the model it is
// prepared on the pool instead, and the GUI thread swaps the results in (O(1) each) and lets the
// model apply the sorted list in slices.

#include "models/cache/localcacheworker.h"
#include "models/logging.h"
#include "models/platform/offthread.h"
#include "models/store/clock.h"
#include "models/store/inboxstore_p.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QThreadPool>

namespace WhaTrack {

struct InboxStore::Private::PreparedSnapshot
{
    CacheSnapshot snap; //!< `chats` moved into `shown` when prepared
    bool prepared = false;
    bool hadChats = false;
    ChatIdResolver resolver; //!< the saved list's ids (prepared only)
    ChatListDelta shown; //!< the saved list, sorted and interned, with its revisions state
    QHash<QString, QDateTime> newestActivity; //!< UnreadTracker's base (prepared only)
};

void InboxStore::Private::loadLocalCache(const QString& org)
{
    if (!m_localCache)
        return;
    // The head first (issue 14): reading and decoding 20,000 saved chats took 1.1-1.6 s before
    // the first row was painted; the top 200 are on screen within a few ms of the file opening.
    const quint64 epoch = m_orgEpoch;
    m_localCache->loadHead(m_cacheScope, q,
        [this, org, epoch](CacheHead head) { applySavedHead(org, epoch, std::move(head)); });
    m_localCache->load(m_cacheScope, q,
        [this, org](CacheSnapshot snapshot) { applySnapshot(org, std::move(snapshot)); });
}

void InboxStore::Private::applySavedHead(const QString& org, quint64 epoch, CacheHead head)
{
    // Only onto an empty list: once the server's list (or anything else) is shown, the saved
    // head is older than what the agent sees.
    if (org != m_org || epoch != m_orgEpoch || head.chats.isEmpty() || m_haveServerData
        || m_chats->rowCount() > 0 || m_chats->isApplying())
        return;
    for (const auto& c : std::as_const(head.chats))
        m_resolver.noteChat(c);
    // Known to the diff: the whole saved list (prepared against these revisions) then brings
    // only the rest, and the first server list removes what it no longer has.
    noteShown(head.chats);
    // The badges as saved; finishSnapshot() sets the same from the unread tracker.
    for (auto it = head.unread.cbegin(); it != head.unread.cend(); ++it) {
        if (it.key() != m_openChat)
            m_chats->setUnreadCount(it.key(), it.value());
    }
    qCDebug(lcCache) << "showing the first" << head.chats.size() << "saved chats";
    m_chats->resetItems(std::move(head.chats)); // <= HeadChats: one synchronous reset
}

void InboxStore::Private::applySnapshot(const QString& org, CacheSnapshot snap)
{
    if (org != m_org)
        return;
    // Prepared even when the server answered first: the unread base alone walks every chat.
    if (snap.chats.size() > m_chats->maxRowsPerSlice()) {
        prepareSnapshot(org, std::move(snap));
        return;
    }
    PreparedSnapshot p;
    p.hadChats = !snap.chats.isEmpty();
    p.snap = std::move(snap);
    finishSnapshot(org, std::move(p));
}

void InboxStore::Private::prepareSnapshot(const QString& org, CacheSnapshot snap)
{
    QElapsedTimer timer;
    timer.start();
    auto promise = std::make_shared<QPromise<PreparedSnapshot>>();
    auto* watcher = new QFutureWatcher<PreparedSnapshot>(q);
    const quint64 epoch = m_orgEpoch;
    QObject::connect(watcher, &QFutureWatcherBase::finished, q, [this, watcher, org, epoch, timer] {
        watcher->deleteLater();
        if (!watcher->future().isResultReadyAt(0))
            return;
        PreparedSnapshot p = watcher->future().takeResult();
        qCDebug(lcCache) << "saved list of" << p.shown.changed.size() << "chats prepared in"
                         << timer.elapsed() << "ms";
        if (epoch != m_orgEpoch) { // another organization meanwhile
            releaseOffThread(std::move(p));
            return;
        }
        finishSnapshot(org, std::move(p));
    });
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start(
        [promise, revisions = m_revisions, snap = std::move(snap)]() mutable {
            PreparedSnapshot p;
            p.prepared = true;
            p.hadChats = !snap.chats.isEmpty();
            p.newestActivity = UnreadTracker::newestActivities(snap.chats);
            p.resolver.reserve(snap.chats.size());
            for (const auto& c : std::as_const(snap.chats))
                p.resolver.noteChat(c);
            // Not authoritative: the first server list removes what the saved one had extra.
            p.shown = revisions->diff(std::exchange(snap.chats, {}), false, false);
            snap.chatRevisions = {};
            p.snap = std::move(snap);
            promise->addResult(std::move(p));
            promise->finish();
        });
}

void InboxStore::Private::finishSnapshot(const QString& org, PreparedSnapshot p)
{
    if (org != m_org) {
        releaseOffThread(std::move(p));
        return;
    }
    CacheSnapshot& snap = p.snap;
    if (p.prepared)
        m_unread.load(snap.lastSeen, snap.unread, std::move(p.newestActivity), p.hadChats);
    else
        m_unread.load(snap.lastSeen, snap.unread, snap.chats);
    // The saved state loads asynchronously: a chat opened before it arrived stays read.
    if (!m_openChat.isEmpty())
        m_unread.markSeen(m_openChat, m_clock->wallNow());
    if (m_haveServerData) {
        // The server answered first: saved state of chats it does not list is stale.
        QStringList unlisted;
        for (auto it = snap.lastSeen.cbegin(); it != snap.lastSeen.cend(); ++it) {
            if (m_chats->rowOf(it.key()) < 0)
                unlisted.append(it.key());
        }
        for (auto it = snap.unread.cbegin(); it != snap.unread.cend(); ++it) {
            if (m_chats->rowOf(it.key()) < 0 && !snap.lastSeen.contains(it.key()))
                unlisted.append(it.key());
        }
        forgetChats(unlisted);
    }
    for (auto it = snap.unread.cbegin(); it != snap.unread.cend(); ++it)
        m_chats->setUnreadCount(it.key(), m_unread.unread(it.key())); // 0 once forgotten
    m_cachedMessages.insert(snap.messages);
    m_cachedTickets.insert(snap.tickets);
    // The server may have answered first (its list shown or being applied): then the saved
    // copy is not needed.
    // The rows shown so far (if any) are the saved head: the whole saved list joins them.
    if (!m_haveServerData && !m_chats->isApplying() && p.hadChats) {
        if (p.prepared) {
            m_resolver.adoptOlder(std::exchange(p.resolver, {}));
            // Known to the diff: the first server list removes what it no longer has. O(1)
            // when nothing was committed since the pool read the revisions.
            m_revisions->commit(p.shown);
            // Without the head's chats (the diff saw them held): no reset, the head stays.
            m_chats->mergePreparedItems(std::exchange(p.shown.changed, {}));
        } else {
            for (const auto& c : std::as_const(snap.chats))
                m_resolver.noteChat(c);
            if (snap.chatRevisions.size() == snap.chats.size()) {
                ChatListDelta shown;
                shown.changed = snap.chats;
                shown.revisions = std::move(snap.chatRevisions); // hashed on the cache's thread
                m_revisions->commit(shown);
            } else {
                noteShown(snap.chats);
            }
            if (m_chats->rowCount() == 0)
                m_chats->resetItems(snap.chats);
            else // the head, or search results: kept, the rest joins them
                m_chats->mergeItems(snap.chats, ChatListModel::MergeMode::Upsert);
        }
        m_cache->seed(QueryKey::chats(org), snap.chatsSavedAt);
    }
    if (m_stages->rowCount() == 0 && !snap.stages.isEmpty())
        m_stages->setStages(snap.stages);
    qCInfo(lcCache) << "showing saved data for organization" << org << "until the first refresh";
    releaseOffThread(std::move(p)); // what the model did not take: freed on the pool
    updateFreshness();
}

} // namespace WhaTrack
