// LocalCache: reading at start — the saved list's head (issue 14: shown first) and the rest.

#include "models/api/apicodec.h"
#include "models/cache/localcache.h"
#include "models/items/chatrevisions.h"
#include "models/logging.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimeZone>

namespace WhaTrack {

namespace {

QDateTime fromMs(qint64 v)
{
    return v > 0 ? QDateTime::fromMSecsSinceEpoch(v, QTimeZone::utc()) : QDateTime();
}

} // namespace

CacheSnapshot LocalCache::load(const QString& scope, int maxChatsWithMessages)
{
    CacheSnapshot snap;
    if (!m_open)
        return snap;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT saved_at, json FROM chat_lists WHERE org = ?"));
    q.addBindValue(scope);
    if (q.exec() && q.next()) {
        snap.chatsSavedAt = fromMs(q.value(0).toLongLong());
        if (auto chats = Codec::decodeChats(q.value(1).toByteArray(), nullptr)) {
            snap.chats = std::move(*chats);
            snap.chatRevisions.reserve(snap.chats.size());
            for (const auto& c : std::as_const(snap.chats))
                snap.chatRevisions.append(chatRevision(c));
        } else
            qCWarning(lcCache) << "unreadable chat list in the cache; ignored";
    }
    q.prepare(QStringLiteral(
        "SELECT chat_id, json FROM messages WHERE org = ? ORDER BY saved_at DESC LIMIT ?"));
    q.addBindValue(scope);
    q.addBindValue(maxChatsWithMessages);
    if (q.exec()) {
        while (q.next()) {
            if (auto page = Codec::decodeMessagePage(q.value(1).toByteArray(), nullptr))
                snap.messages.insert(q.value(0).toString(), page->items);
        }
    }
    q.prepare(QStringLiteral("SELECT conversation_id, json FROM tickets WHERE org = ?"));
    q.addBindValue(scope);
    if (q.exec()) {
        while (q.next()) {
            const QByteArray json = q.value(1).toByteArray();
            if (auto t = Codec::decodeTicket(json.isEmpty() ? QByteArrayLiteral("null") : json))
                snap.tickets.insert(q.value(0).toString(), *t);
        }
    }
    q.prepare(QStringLiteral("SELECT json FROM stages WHERE org = ?"));
    q.addBindValue(scope);
    if (q.exec() && q.next()) {
        if (auto stages = Codec::decodeStages(q.value(0).toByteArray()))
            snap.stages = *stages;
    }
    q.prepare(QStringLiteral("SELECT chat_id, last_seen, unread FROM read_state WHERE org = ?"));
    q.addBindValue(scope);
    if (q.exec()) {
        while (q.next()) {
            snap.lastSeen.insert(q.value(0).toString(), fromMs(q.value(1).toLongLong()));
            if (const int unread = q.value(2).toInt())
                snap.unread.insert(q.value(0).toString(), unread);
        }
    }
    qCInfo(lcCache) << "loaded" << snap.chats.size() << "chats," << snap.messages.size()
                    << "message pages," << snap.tickets.size() << "tickets for scope" << scope;
    return snap;
}

CacheHead LocalCache::loadHead(const QString& scope)
{
    CacheHead head;
    if (!m_open)
        return head;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT json FROM chat_heads WHERE org = ?"));
    q.addBindValue(scope);
    if (!q.exec() || !q.next())
        return head;
    auto chats = Codec::decodeChats(q.value(0).toByteArray(), nullptr);
    if (!chats) {
        qCWarning(lcCache) << "unreadable head of the chat list in the cache; ignored";
        return head;
    }
    head.chats = std::move(*chats);
    QSet<QString> ids;
    ids.reserve(head.chats.size());
    for (const auto& c : std::as_const(head.chats))
        ids.insert(c.id);
    q.prepare(
        QStringLiteral("SELECT chat_id, unread FROM read_state WHERE org = ? AND unread > 0"));
    q.addBindValue(scope);
    if (q.exec()) {
        while (q.next()) {
            const QString id = q.value(0).toString();
            if (ids.contains(id))
                head.unread.insert(id, q.value(1).toInt());
        }
    }
    qCInfo(lcCache) << "loaded the first" << head.chats.size() << "chats of the saved list";
    return head;
}

} // namespace WhaTrack
