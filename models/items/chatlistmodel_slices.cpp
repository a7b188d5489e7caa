// ChatListModel: large updates applied in slices across event-loop turns (see chatlistmodel.h).

#include "models/items/chatlistmodel.h"
#include "models/items/chatrevisions.h"
#include "models/logging.h"
#include "models/platform/offthread.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QSet>
#include <QThreadPool>

#include <limits>

namespace WhaTrack {

namespace {
struct Prepared
{
    QList<ChatItem> items;
    QSet<QString> keep; //!< the ids of an authoritative list
};
} // namespace

struct ChatListModel::Job
{
    QList<ChatItem> items; //!< upserted from `next` on
    QStringList removeIds; //!< removed first, from `nextRemove` on
    bool needsPrepare = false; //!< deduplicate, intern and sort on the pool first
    bool preparing = false;
    bool interned = false;
    bool authoritative = false; //!< rows whose id is not in `keep` go (after preparing)
    QSet<QString> keep;
    int keepCursor = 0; //!< next row to check against `keep`
    qsizetype nextRemove = 0;
    qsizetype next = 0;
    MergeStats stats;
    bool reportSlices = false; //!< an applyDelta(): deltaSliceApplied() after each slice
    //! Chats per slice, adapted to what a slice really costs: the receivers of
    //! deltaSliceApplied and the proxy's inserts count against the budget too.
    int rowsPerSlice = 0;
};

void ChatListModel::setMaxRowsPerSlice(int rows)
{
    m_maxRowsPerSlice = std::max(1, rows);
}

void ChatListModel::setSliceBudgetMs(int ms)
{
    m_sliceBudgetMs = std::max(1, ms);
}

void ChatListModel::enqueue(QList<ChatItem> items, QStringList removeIds, JobKind kind)
{
    auto job = std::make_shared<Job>();
    job->items = std::move(items);
    job->removeIds = std::move(removeIds);
    const bool prepared = kind == JobKind::Prepared || kind == JobKind::PreparedQuiet;
    job->interned = prepared;
    job->needsPrepare = !prepared;
    job->authoritative = kind == JobKind::UnpreparedAuthoritative;
    job->reportSlices = kind == JobKind::Prepared;
    const bool first = m_jobs.isEmpty();
    m_jobs.append(std::move(job));
    if (first)
        qCDebug(lcModels) << "chat list: large update queued, applied in slices";
    m_pump.start();
}

void ChatListModel::cancelJobs()
{
    if (m_jobs.isEmpty())
        return;
    ++m_generation; // a preparation still running on the pool is dropped when it ends
    m_jobs.clear();
    m_deferred.clear();
    m_pump.stop();
}

void ChatListModel::runSlice()
{
    QElapsedTimer timer;
    timer.start();
    const qint64 budgetNs = qint64(m_sliceBudgetMs) * 1000000;
    // One slice per event-loop turn: a finished job may hand the rest of the turn to the next.
    while (!m_jobs.isEmpty()) {
        std::shared_ptr<Job> job = m_jobs.first();
        if (!runJobSlice(*job, timer, budgetNs))
            return; // more to do (or waiting for the pool): the timer fires again
        m_jobs.removeFirst();
        qCDebug(lcModels) << "chat list: queued update applied:" << job->stats.inserted << "new,"
                          << job->stats.changed << "changed," << job->stats.removed << "removed";
        releaseOffThread(std::move(job->items)); // 70,000 moved-from chats: not freed here
        if (timer.nsecsElapsed() >= budgetNs / 2)
            break;
    }
    if (m_jobs.isEmpty()) {
        m_pump.stop();
        m_deferred.clear(); // what is left names chats the lists did not have
        Q_EMIT applied();
    }
}

bool ChatListModel::runJobSlice(Job& job, const QElapsedTimer& timer, qint64 budgetNs)
{
    if (job.preparing) {
        m_pump.stop(); // idle until the pool is done (its watcher starts the pump again)
        return false;
    }
    if (job.needsPrepare) {
        // Off the GUI thread: dedupe, intern, sort (O(n log n) with a big constant).
        job.needsPrepare = false;
        job.preparing = true;
        m_pump.stop(); // later jobs wait for this one: idle until it is prepared
        auto promise = std::make_shared<QPromise<Prepared>>();
        auto* watcher = new QFutureWatcher<Prepared>(this);
        const quint64 generation = m_generation;
        std::shared_ptr<Job> self = m_jobs.first();
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, self] {
            watcher->deleteLater();
            if (generation != m_generation || !watcher->future().isResultReadyAt(0))
                return; // dropped by a reset or clear meanwhile
            Prepared p = watcher->future().takeResult();
            self->items = std::move(p.items);
            self->keep = std::move(p.keep);
            self->interned = true;
            self->preparing = false;
            m_pump.start();
        });
        watcher->setFuture(promise->future());
        promise->start();
        runInBackground(
            [promise, items = std::move(job.items), authoritative = job.authoritative]() mutable {
                Prepared p;
                StringPool pool;
                prepareChatList(items, pool);
                if (authoritative) {
                    p.keep.reserve(items.size());
                    for (const auto& c : std::as_const(items))
                        p.keep.insert(c.id);
                }
                p.items = std::move(items);
                promise->addResult(std::move(p));
                promise->finish();
            });
        job.items = {};
        return false;
    }
    const int maxRows = job.rowsPerSlice > 0 ? job.rowsPerSlice : m_maxRowsPerSlice;
    // 1. Explicit removals (a delta's gone chats).
    if (job.nextRemove < job.removeIds.size()) {
        QList<int> rows;
        while (job.nextRemove < job.removeIds.size() && rows.size() < maxRows) {
            const int row = rowOf(job.removeIds.at(job.nextRemove++));
            if (row >= 0)
                rows.append(row);
        }
        const int before = job.stats.removed;
        removeRows(std::move(rows), job.stats);
        if (job.stats.removed != before)
            Q_EMIT countChanged();
        if (job.nextRemove < job.removeIds.size() || timer.nsecsElapsed() >= budgetNs)
            return false;
    }
    // 2. An authoritative list: rows it does not name go, a bounded stretch per slice.
    if (job.authoritative && job.keepCursor < m_items.size()) {
        QList<int> rows;
        const int end = std::min<int>(int(m_items.size()), job.keepCursor + maxRows);
        for (int row = job.keepCursor; row < end; ++row) {
            if (!job.keep.contains(m_items.at(row).id))
                rows.append(row);
        }
        job.keepCursor = end - int(rows.size()); // the rows below moved up
        const int before = job.stats.removed;
        removeRows(std::move(rows), job.stats);
        if (job.stats.removed != before)
            Q_EMIT countChanged();
        if (job.keepCursor < m_items.size())
            return false;
        job.authoritative = false; // done: the rows inserted below are this list's
        job.keep = {};
    }
    // 3. Upserts; new chats go in at the end, one block per slice.
    if (job.next < job.items.size()) {
        if (job.next == 0) {
            // Growing a list of 200,000 chats moves every one of them in one slice: room for
            // everything this job may add, with headroom for the refreshes after it.
            const qsizetype need = m_items.size() + job.items.size();
            if (m_items.capacity() < need)
                m_items.reserve(need + need / 4);
            // The id index too: a rehash of 70,000 ids is one long slice.
            if (m_rowById.capacity() < need)
                m_rowById.reserve(need + need / 4);
        }
        const int before = job.stats.inserted;
        const qsizetype from = job.next;
        const qint64 startNs = timer.nsecsElapsed();
        QStringList ids;
        m_sliceIds = job.reportSlices ? &ids : nullptr;
        upsertSlice(job.items, job.next, job.interned, job.stats, maxRows, &timer, budgetNs);
        m_sliceIds = nullptr;
        if (job.stats.inserted != before)
            Q_EMIT countChanged();
        if (!ids.isEmpty())
            Q_EMIT deltaSliceApplied(ids);
        // upsertSlice() stops on the budget, but what follows each slice (the receivers above,
        // the views' rowsInserted) cannot: the next slice takes as many chats as fit.
        const qint64 spentNs = timer.nsecsElapsed() - startNs;
        const qsizetype done = job.next - from;
        if (spentNs > budgetNs && done > 1)
            job.rowsPerSlice = std::max<int>(8, int(double(done) * double(budgetNs) / spentNs));
        else if (spentNs < budgetNs / 2 && job.rowsPerSlice > 0)
            job.rowsPerSlice = std::min(m_maxRowsPerSlice, job.rowsPerSlice * 2);
    }
    return job.next >= job.items.size();
}

void ChatListModel::upsertSlice(QList<ChatItem>& items, qsizetype& next, bool interned,
    MergeStats& stats, int maxRows, const QElapsedTimer* timer, qint64 budgetNs)
{
    QList<ChatItem> added;
    QHash<QString, qsizetype> addedAt;
    int done = 0;
    while (next < items.size() && done < maxRows) {
        ChatItem& item = items[next++];
        ++done;
        if (m_sliceIds)
            m_sliceIds->append(item.id);
        if (!interned)
            intern(item);
        if (!m_deferred.isEmpty())
            applyDeferred(item);
        const int row = m_rowById.value(item.id, -1);
        if (row >= 0)
            updateRow(row, std::move(item), interned, stats);
        else if (!addedAt.contains(item.id)) { // the first copy of an id wins
            addedAt.insert(item.id, added.size());
            added.append(std::move(item));
        }
        // Checked per chat: a changed chat that moves in the proxy costs O(rows) there.
        if (timer && timer->nsecsElapsed() >= budgetNs)
            break;
    }
    if (added.isEmpty())
        return;
    const int first = static_cast<int>(m_items.size());
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    for (auto& c : added) {
        m_rowById.insert(c.id, static_cast<int>(m_items.size()));
        m_items.append(std::move(c));
    }
    endInsertRows();
    stats.inserted += static_cast<int>(added.size());
}

void ChatListModel::applyDeferred(ChatItem& item)
{
    const auto it = m_deferred.find(item.id);
    if (it == m_deferred.end())
        return;
    // Publications that came while the chat was queued: newer than the list's copy.
    if (it->message
        && (!item.lastMessageAt.isValid() || !it->message->timestamp.isValid()
            || it->message->timestamp >= item.lastMessageAt)
        && (!item.lastMessage || item.lastMessage->id != it->message->id)) {
        item.lastMessage = *it->message;
        if (it->message->timestamp.isValid())
            item.lastMessageAt = it->message->timestamp;
    }
    for (const auto& [messageId, status] : std::as_const(it->statuses)) {
        if (item.lastMessage
            && (item.lastMessage->id == messageId || item.lastMessage->wamid == messageId)
            && isStatusUpgrade(item.lastMessage->status, status))
            item.lastMessage->status = status;
    }
    m_deferred.erase(it);
}

} // namespace WhaTrack
