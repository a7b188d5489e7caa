#include "models/items/chatrevisions.h"

#include "models/platform/offthread.h"

#include <QSet>

#include <algorithm>
#include <numeric>

namespace WhaTrack {

namespace {
size_t messageHash(const Message& m, size_t seed)
{
    return qHashMulti(seed, m.id, m.wamid, m.body, m.type, m.mediaUrl, static_cast<int>(m.status),
        static_cast<int>(m.direction), m.timestamp.toMSecsSinceEpoch(), m.conversationId, m.leadId,
        m.optimistic);
}

qint64 activityMs(const ChatItem& c)
{
    return c.lastMessageAt.isValid() ? c.lastMessageAt.toMSecsSinceEpoch() : 0;
}
} // namespace

quint64 chatRevision(const ChatItem& c)
{
    size_t h = qHashMulti(0x9e3779b97f4a7c15ULL, c.id, c.name, c.phone, c.profilePicUrl,
        c.lastMessageAt.isValid() ? c.lastMessageAt.toMSecsSinceEpoch() : qint64(-1), c.unreadCount,
        c.leadId, c.conversationId);
    if (c.lastMessage)
        h = messageHash(*c.lastMessage, h);
    if (c.currentTicket) {
        const TicketSummary& t = *c.currentTicket;
        h = qHashMulti(
            h, t.id, t.status, t.stage.id, t.stage.name, t.stage.color, t.sourceType, t.utmSource);
    }
    return h == 0 ? 1 : quint64(h);
}

bool chatShowsBefore(const ChatItem& a, const ChatItem& b)
{
    const qint64 ta = activityMs(a);
    const qint64 tb = activityMs(b);
    if (ta != tb)
        return ta > tb; // newest first
    return a.id < b.id;
}

void internChat(ChatItem& c, StringPool& pool)
{
    if (c.lastMessage) {
        pool.intern(c.lastMessage->instanceId);
        pool.intern(c.lastMessage->directionId);
        pool.intern(c.lastMessage->type);
    }
    if (c.currentTicket) {
        pool.intern(c.currentTicket->status);
        pool.intern(c.currentTicket->stage.id);
        pool.intern(c.currentTicket->stage.name);
        pool.intern(c.currentTicket->stage.color);
        pool.intern(c.currentTicket->sourceType);
        pool.intern(c.currentTicket->utmSource);
    }
}

void prepareChatList(QList<ChatItem>& chats, StringPool& pool)
{
    QSet<QString> seen;
    seen.reserve(chats.size());
    chats.removeIf([&seen](const ChatItem& c) {
        if (seen.contains(c.id))
            return true;
        seen.insert(c.id);
        return false;
    });
    for (auto& c : chats)
        internChat(c, pool);
    std::sort(chats.begin(), chats.end(), chatShowsBefore); // ids are unique: a total order
}

struct ChatRevisionState
{
    struct Entry
    {
        quint64 revision = 0;
        qsizetype fullIndex = -1; //!< position in `full`, -1 if not there
    };
    QHash<QString, Entry> revisions;
    std::shared_ptr<const QList<ChatItem>> full; //!< the list these positions refer to
};

namespace {
//! Above this many changes the worker builds the next state (commit() is then O(1)).
constexpr qsizetype kPrebuiltStateAbove = 512;

//! Big states die on a pool thread: freeing 200,000 hash nodes is not the GUI's job.
void releaseBigState(std::shared_ptr<ChatRevisionState> state)
{
    if (state && state.use_count() == 1 && state->revisions.size() > kPrebuiltStateAbove)
        releaseOffThread(std::move(state));
}
} // namespace

ChatRevisions::ChatRevisions()
    : m_state(std::make_shared<ChatRevisionState>())
{
}

ChatRevisions::~ChatRevisions() = default;

ChatListDelta ChatRevisions::diff(QList<ChatItem> incoming, bool authoritative, bool keepFull) const
{
    ChatListDelta d;
    d.total = static_cast<int>(incoming.size());
    std::shared_ptr<const ChatRevisionState> baseState;
    {
        QMutexLocker lock(&m_mutex);
        baseState = m_state; // immutable while shared: read without the lock below
    }
    d.base = baseState;
    const ChatRevisionState& base = *baseState;
    QSet<QString> seen;
    seen.reserve(incoming.size());
    QList<ChatItem> full;
    QHash<QString, ChatRevisionState::Entry> next;
    // The next state is needed to look chats up in `full` next time, or to spare the GUI
    // thread thousands of inserts.
    const bool buildNext = keepFull || incoming.size() > kPrebuiltStateAbove;
    if (keepFull)
        full.reserve(incoming.size());
    if (buildNext)
        next.reserve(incoming.size());
    {
        QMutexLocker poolLock(&m_poolMutex);
        for (auto& c : incoming) {
            if (seen.contains(c.id))
                continue; // the route lists the newest first: later copies are stale
            seen.insert(c.id);
            const quint64 rev = chatRevision(c);
            const auto it = base.revisions.constFind(c.id);
            const bool same = it != base.revisions.constEnd() && it->revision == rev;
            if (buildNext)
                next.insert(c.id, {rev, keepFull ? full.size() : -1});
            if (same) {
                // Unchanged: the previous list's copy shares its strings with the model.
                if (keepFull) {
                    const bool reuse = base.full && it->fullIndex >= 0
                        && it->fullIndex < base.full->size()
                        && base.full->at(it->fullIndex).id == c.id;
                    full.append(reuse ? base.full->at(it->fullIndex) : c);
                }
                continue;
            }
            internChat(c, m_pool);
            d.changed.append(c);
            d.revisions.append(rev);
            if (keepFull)
                full.append(std::move(c));
        }
    }
    if (authoritative) {
        for (auto it = base.revisions.cbegin(); it != base.revisions.cend(); ++it) {
            if (!seen.contains(it.key()))
                d.removed.append(it.key());
        }
    }
    // Sorted here so the model appends new chats in slices that land at the proxy's end.
    if (d.changed.size() > 1) {
        QList<qsizetype> order(d.changed.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&d](qsizetype a, qsizetype b) {
            return chatShowsBefore(d.changed.at(a), d.changed.at(b));
        });
        QList<ChatItem> changed;
        QList<quint64> revisions;
        changed.reserve(order.size());
        revisions.reserve(order.size());
        for (qsizetype i : std::as_const(order)) {
            changed.append(std::move(d.changed[i]));
            revisions.append(d.revisions.at(i));
        }
        d.changed = std::move(changed);
        d.revisions = std::move(revisions);
    }
    if (keepFull)
        d.full = std::make_shared<const QList<ChatItem>>(std::move(full));
    if (buildNext && (keepFull || d.changed.size() + d.removed.size() > kPrebuiltStateAbove)) {
        if (!authoritative) {
            // A partial list: what it does not mention stays as it was.
            for (auto it = base.revisions.cbegin(); it != base.revisions.cend(); ++it) {
                if (!next.contains(it.key()))
                    next.insert(it.key(), {it->revision, -1});
            }
        }
        d.next = std::make_shared<ChatRevisionState>();
        d.next->revisions = std::move(next);
        d.next->full = d.full;
        d.complete = authoritative;
    }
    // `incoming` (most of the list, unchanged) is freed here, on the worker.
    return d;
}

void ChatRevisions::commit(const ChatListDelta& d)
{
    std::shared_ptr<ChatRevisionState> old;
    {
        QMutexLocker lock(&m_mutex);
        if (d.next && (d.complete || d.base.lock() == m_state)) {
            // O(1): built on the worker. A complete list is the whole truth even when a saved
            // list was committed since its diff began (the model then gets more "changed" chats
            // than needed, which it applies as no-ops; 70,000 inserts here were a 0.5 s stall).
            old = std::exchange(m_state, d.next);
        } else {
            if (m_state.use_count() > 1) // a diff is reading it: edit a copy
                m_state = std::make_shared<ChatRevisionState>(*m_state);
            // Positions are only valid for the list they were built with.
            if (d.full || m_state->full) {
                m_state->full.reset();
            }
            for (qsizetype i = 0; i < d.changed.size(); ++i)
                m_state->revisions.insert(d.changed.at(i).id, {d.revisions.at(i), -1});
            for (const auto& id : d.removed)
                m_state->revisions.remove(id);
        }
    }
    releaseBigState(std::move(old));
}

void ChatRevisions::clear()
{
    std::shared_ptr<ChatRevisionState> old;
    {
        QMutexLocker lock(&m_mutex);
        old = std::exchange(m_state, std::make_shared<ChatRevisionState>());
    }
    releaseBigState(std::move(old));
    QMutexLocker poolLock(&m_poolMutex);
    m_pool.clear();
}

int ChatRevisions::size() const
{
    QMutexLocker lock(&m_mutex);
    return static_cast<int>(m_state->revisions.size());
}

} // namespace WhaTrack
