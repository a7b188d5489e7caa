#include "models/chatrevisions.h"

#include <QSet>

namespace WhaTrack {

namespace {
size_t messageHash(const Message& m, size_t seed)
{
    return qHashMulti(seed, m.id, m.wamid, m.body, m.type, m.mediaUrl, static_cast<int>(m.status),
        static_cast<int>(m.direction), m.timestamp.toMSecsSinceEpoch(), m.conversationId, m.leadId,
        m.optimistic);
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

ChatListDelta ChatRevisions::diff(QList<ChatItem> incoming, bool authoritative, bool keepFull) const
{
    ChatListDelta d;
    d.total = static_cast<int>(incoming.size());
    QSet<QString> seen;
    if (authoritative)
        seen.reserve(incoming.size());
    {
        QMutexLocker lock(&m_mutex);
        for (const auto& c : std::as_const(incoming)) {
            const quint64 rev = chatRevision(c);
            if (authoritative)
                seen.insert(c.id);
            const auto it = m_revisions.constFind(c.id);
            if (it == m_revisions.constEnd() || *it != rev) {
                d.changed.append(c);
                d.revisions.append(rev);
            }
        }
        if (authoritative) {
            for (auto it = m_revisions.cbegin(); it != m_revisions.cend(); ++it) {
                if (!seen.contains(it.key()))
                    d.removed.append(it.key());
            }
        }
    }
    if (keepFull)
        d.full = std::make_shared<const QList<ChatItem>>(std::move(incoming));
    // Otherwise `incoming` (most of the list, unchanged) is freed here, on the worker.
    return d;
}

void ChatRevisions::commit(const ChatListDelta& d)
{
    QMutexLocker lock(&m_mutex);
    for (qsizetype i = 0; i < d.changed.size(); ++i)
        m_revisions.insert(d.changed.at(i).id, d.revisions.at(i));
    for (const auto& id : d.removed)
        m_revisions.remove(id);
}

void ChatRevisions::clear()
{
    QMutexLocker lock(&m_mutex);
    m_revisions.clear();
}

int ChatRevisions::size() const
{
    QMutexLocker lock(&m_mutex);
    return static_cast<int>(m_revisions.size());
}

} // namespace WhaTrack
