#include "models/items/chatlistmodel.h"

#include "models/items/chatrevisions.h"
#include "models/logging.h"
#include "models/platform/offthread.h"

#include <limits>

namespace WhaTrack {

namespace {
const QList<int> kLastMessageRoles {ChatListModel::LastMessageAtRole,
    ChatListModel::LastActivityMsRole, ChatListModel::LastMessagePreviewRole,
    ChatListModel::LastMessageDirectionRole, ChatListModel::LastMessageStatusRole,
    ChatListModel::LastMessageTypeRole};
}

QString messagePreview(const Message& m)
{
    QString body = m.body.simplified();
    if (!body.isEmpty())
        return body.left(200);
    if (!m.type.isEmpty() && m.type != QLatin1String("text") && m.type != QLatin1String("unknown"))
        return QLatin1Char('[') + m.type + QLatin1Char(']');
    return {};
}

ChatListModel::ChatListModel(QObject* parent)
    : QAbstractListModel(parent)
{
    m_pump.setInterval(0);
    connect(&m_pump, &QTimer::timeout, this, &ChatListModel::runSlice);
}

ChatListModel::~ChatListModel()
{
    cancelJobs();
    // Nobody reads a model being destroyed: its 70,000 chats and their index die on the pool.
    releaseOffThread(std::move(m_items));
    releaseOffThread(std::move(m_rowById));
    releaseOffThread(std::move(m_unreadById));
}

int ChatListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

QVariant ChatListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ChatItem& c = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return c.name;
    case IdRole:
        return c.id;
    case PhoneRole:
        return c.phone;
    case AvatarUrlRole:
        return c.profilePicUrl;
    case LastMessageAtRole:
        return c.lastMessageAt;
    case LastActivityMsRole:
        return c.lastMessageAt.isValid() ? c.lastMessageAt.toMSecsSinceEpoch() : qint64(0);
    case LastMessagePreviewRole:
        return c.lastMessage ? messagePreview(*c.lastMessage) : QString();
    case LastMessageDirectionRole:
        return QVariant::fromValue(
            c.lastMessage ? c.lastMessage->direction : MessageDirection::Unknown);
    case LastMessageStatusRole:
        return QVariant::fromValue(c.lastMessage ? c.lastMessage->status : MessageStatus::Unknown);
    case LastMessageTypeRole:
        return c.lastMessage ? c.lastMessage->type : QString();
    case UnreadCountRole:
        return std::max(c.unreadCount, m_unreadById.value(c.id));
    case TicketIdRole:
        return c.currentTicket ? c.currentTicket->id : QString();
    case TicketStatusRole:
        return c.currentTicket ? c.currentTicket->status : QString();
    case TicketStageNameRole:
        return c.currentTicket ? c.currentTicket->stage.name : QString();
    case TicketStageColorRole:
        return c.currentTicket ? c.currentTicket->stage.color : QString();
    case ConversationIdRole:
        return c.conversationId;
    case LeadIdRole:
        return c.leadId;
    default:
        return {};
    }
}

QHash<int, QByteArray> ChatListModel::roleNames() const
{
    return {{IdRole, "chatId"}, {NameRole, "name"}, {PhoneRole, "phone"},
        {AvatarUrlRole, "avatarUrl"}, {LastMessageAtRole, "lastMessageAt"},
        {LastActivityMsRole, "lastActivityMs"}, {LastMessagePreviewRole, "lastMessagePreview"},
        {LastMessageDirectionRole, "lastMessageDirection"},
        {LastMessageStatusRole, "lastMessageStatus"}, {LastMessageTypeRole, "lastMessageType"},
        {UnreadCountRole, "unreadCount"}, {TicketIdRole, "ticketId"},
        {TicketStatusRole, "ticketStatus"}, {TicketStageNameRole, "ticketStageName"},
        {TicketStageColorRole, "ticketStageColor"}, {ConversationIdRole, "conversationId"},
        {LeadIdRole, "leadId"}, {Qt::DisplayRole, "display"}};
}

void ChatListModel::intern(ChatItem& c)
{
    internChat(c, m_pool);
}

void ChatListModel::rebuildIndex()
{
    m_rowById.clear();
    m_rowById.reserve(m_items.size());
    for (int i = 0; i < m_items.size(); ++i)
        m_rowById.insert(m_items.at(i).id, i);
}

void ChatListModel::reindexFrom(int row)
{
    // Rows above \a row kept their numbers: only the ones below moved (no rehash: same keys).
    for (int i = row; i < m_items.size(); ++i)
        m_rowById[m_items.at(i).id] = i;
}

void ChatListModel::resetItems(QList<ChatItem> items)
{
    resetWith(std::move(items), JobKind::Unprepared);
}

void ChatListModel::resetPreparedItems(QList<ChatItem> items)
{
    resetWith(std::move(items), JobKind::PreparedQuiet);
}

void ChatListModel::mergePreparedItems(QList<ChatItem> items)
{
    if (m_items.isEmpty() || isApplying()) {
        resetPreparedItems(std::move(items)); // the same rules as a first list
        return;
    }
    if (items.isEmpty())
        return;
    enqueue(std::move(items), {}, JobKind::PreparedQuiet);
}

void ChatListModel::resetWith(QList<ChatItem> items, JobKind kind)
{
    if (isApplying()) {
        // A list is being applied (the server answered before the saved copy loaded): it is
        // newer, and ChatRevisions already counts it as held. The older list must not win.
        qCDebug(lcModels) << "chat list reset ignored: a newer list is being applied";
        return;
    }
    if (items.size() > m_maxRowsPerSlice) {
        // A big list: an empty model now, then slices (once the pool has prepared it).
        const bool hadRows = !m_items.isEmpty();
        beginResetModel();
        releaseOffThread(std::exchange(m_items, {}));
        releaseOffThread(std::exchange(m_rowById, {}));
        endResetModel();
        if (hadRows)
            Q_EMIT countChanged();
        enqueue(std::move(items), {}, kind);
        return;
    }
    beginResetModel();
    releaseOffThread(std::exchange(m_items, std::move(items)));
    if (kind == JobKind::Unprepared) {
        for (auto& c : m_items)
            intern(c);
    }
    // Duplicated ids would break the index; keep the first (the newest, in the route's order).
    QSet<QString> seen;
    seen.reserve(m_items.size());
    m_items.removeIf([&seen](const ChatItem& c) {
        if (seen.contains(c.id))
            return true;
        seen.insert(c.id);
        return false;
    });
    rebuildIndex();
    endResetModel();
    qCDebug(lcModels) << "chat list reset with" << m_items.size() << "chats";
    Q_EMIT countChanged();
}

QList<int> ChatListModel::changedRoles(const ChatItem& a, const ChatItem& b) const
{
    QList<int> roles;
    if (a.name != b.name || a.phone != b.phone) {
        // NameRole is the proxy's filter role: a phone change must re-run the filter too.
        roles << Qt::DisplayRole << NameRole;
        if (a.phone != b.phone)
            roles << PhoneRole;
    }
    if (a.profilePicUrl != b.profilePicUrl)
        roles << AvatarUrlRole;
    if (a.lastMessageAt != b.lastMessageAt)
        roles << LastMessageAtRole << LastActivityMsRole;
    if (a.lastMessage != b.lastMessage) {
        for (int r : kLastMessageRoles) {
            if (!roles.contains(r))
                roles << r;
        }
    }
    if (a.unreadCount != b.unreadCount)
        roles << UnreadCountRole;
    if (a.currentTicket != b.currentTicket)
        roles << TicketIdRole << TicketStatusRole << TicketStageNameRole << TicketStageColorRole;
    if (a.conversationId != b.conversationId)
        roles << ConversationIdRole;
    if (a.leadId != b.leadId)
        roles << LeadIdRole;
    return roles;
}

ChatListModel::MergeStats ChatListModel::mergeItems(QList<ChatItem> items, MergeMode mode)
{
    MergeStats stats;
    if (m_items.isEmpty() && m_jobs.isEmpty()) {
        if (items.isEmpty())
            return stats;
        stats.inserted = static_cast<int>(items.size());
        resetItems(std::move(items));
        return stats;
    }
    if (!m_jobs.isEmpty() || items.size() > m_maxRowsPerSlice) {
        // Queued behind what is pending, prepared on the pool, applied in slices.
        stats.changed = static_cast<int>(items.size());
        enqueue(std::move(items), {},
            mode == MergeMode::Authoritative ? JobKind::UnpreparedAuthoritative
                                             : JobKind::Unprepared);
        return stats;
    }
    if (mode == MergeMode::Authoritative) {
        // O(n): one hash of the incoming ids, one pass over our rows.
        QSet<QString> incoming;
        incoming.reserve(items.size());
        for (const auto& c : std::as_const(items))
            incoming.insert(c.id);
        QList<int> gone;
        for (int row = 0; row < m_items.size(); ++row) {
            if (!incoming.contains(m_items.at(row).id))
                gone.append(row);
        }
        removeRows(std::move(gone), stats);
    }
    qsizetype next = 0;
    upsertSlice(items, next, false, stats, std::numeric_limits<int>::max(), nullptr, 0);
    if (stats.inserted || stats.removed)
        Q_EMIT countChanged();
    qCDebug(lcModels) << "chat list merged:" << stats.inserted << "new," << stats.changed
                      << "changed," << stats.removed << "removed";
    return stats;
}

void ChatListModel::removeRows(QList<int> rows, MergeStats& stats)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    // Contiguous blocks, bottom first, so the row numbers stay valid.
    for (qsizetype i = 0; i < rows.size();) {
        const int last = rows.at(i);
        int first = last;
        while (++i < rows.size() && rows.at(i) == first - 1)
            first = rows.at(i);
        beginRemoveRows({}, first, last);
        for (int r = first; r <= last; ++r)
            m_rowById.remove(m_items.at(r).id);
        m_items.remove(first, last - first + 1);
        endRemoveRows();
        stats.removed += last - first + 1;
    }
    reindexFrom(rows.last());
}

void ChatListModel::updateRow(int row, ChatItem&& item, bool interned, MergeStats& stats)
{
    ChatItem& current = m_items[row];
    if (current == item) {
        // Same content. A prepared item shares its strings with the list kept for the local
        // cache: holding it instead of our copy keeps one copy of each chat in memory.
        if (interned)
            current = std::move(item);
        return;
    }
    // A refetch that started before an optimistic patch must not move the chat backwards.
    if (current.lastMessage && current.lastMessage->optimistic
        && current.lastMessageAt > item.lastMessageAt) {
        item.lastMessage = current.lastMessage;
        item.lastMessageAt = current.lastMessageAt;
    } else if (current.lastMessage && item.lastMessage
        && current.lastMessage->id == item.lastMessage->id
        && !isStatusUpgrade(current.lastMessage->status, item.lastMessage->status)) {
        item.lastMessage->status = current.lastMessage->status; // ticks only move forward
    }
    const QList<int> roles = changedRoles(current, item);
    if (roles.isEmpty())
        return;
    current = std::move(item);
    const QModelIndex idx = index(row);
    Q_EMIT dataChanged(idx, idx, roles);
    ++stats.changed;
}

ChatListModel::MergeStats ChatListModel::applyDelta(
    QList<ChatItem> changed, const QStringList& removed)
{
    MergeStats stats;
    if (m_items.isEmpty() && m_jobs.isEmpty() && changed.size() <= m_maxRowsPerSlice) {
        stats.inserted = static_cast<int>(changed.size());
        if (!changed.isEmpty())
            resetItems(std::move(changed));
        return stats;
    }
    if (!m_jobs.isEmpty() || changed.size() + removed.size() > m_maxRowsPerSlice) {
        stats.changed = static_cast<int>(changed.size());
        stats.removed = static_cast<int>(removed.size());
        // ChatRevisions::diff prepared it on the worker.
        enqueue(std::move(changed), removed, JobKind::Prepared);
        return stats;
    }
    QList<int> rows;
    for (const auto& id : removed) {
        const int row = rowOf(id);
        if (row >= 0)
            rows.append(row);
    }
    removeRows(std::move(rows), stats);
    qsizetype next = 0;
    upsertSlice(changed, next, true, stats, std::numeric_limits<int>::max(), nullptr, 0);
    if (stats.inserted || stats.removed)
        Q_EMIT countChanged();
    qCDebug(lcModels) << "chat list delta:" << stats.inserted << "new," << stats.changed
                      << "changed," << stats.removed << "removed";
    return stats;
}

bool ChatListModel::applyIncomingMessage(const QString& chatId, const Message& message)
{
    const int row = rowOf(chatId);
    if (row < 0 && isApplying() && !chatId.isEmpty()) {
        // The chat may still be queued: keep the newest patch until it arrives.
        auto& d = m_deferred[chatId];
        if (!d.message || !d.message->timestamp.isValid()
            || (message.timestamp.isValid() && message.timestamp >= d.message->timestamp))
            d.message = message;
        return true;
    }
    if (row < 0)
        return false;
    ChatItem& c = m_items[row];
    if (c.lastMessage && c.lastMessage->id == message.id)
        return false;
    if (c.lastMessageAt.isValid() && message.timestamp.isValid()
        && message.timestamp < c.lastMessageAt)
        return false; // an older message does not change the preview
    const ChatItem before = c;
    c.lastMessage = message;
    m_pool.intern(c.lastMessage->type);
    if (message.timestamp.isValid())
        c.lastMessageAt = message.timestamp;
    const QList<int> roles = changedRoles(before, c);
    if (!roles.isEmpty())
        Q_EMIT dataChanged(index(row), index(row), roles);
    return true;
}

bool ChatListModel::applyLastMessageStatus(
    const QString& chatId, const QString& messageId, MessageStatus status)
{
    const int row = rowOf(chatId);
    if (row < 0 && isApplying() && !chatId.isEmpty()) {
        m_deferred[chatId].statuses.append({messageId, status});
        return true;
    }
    if (row < 0)
        return false;
    ChatItem& c = m_items[row];
    if (!c.lastMessage || (c.lastMessage->id != messageId && c.lastMessage->wamid != messageId))
        return false;
    if (!isStatusUpgrade(c.lastMessage->status, status))
        return false;
    c.lastMessage->status = status;
    Q_EMIT dataChanged(index(row), index(row), {LastMessageStatusRole});
    return true;
}

void ChatListModel::setUnreadCount(const QString& chatId, int count)
{
    const int old = m_unreadById.value(chatId);
    if (old == count && (count != 0 || !m_unreadById.contains(chatId)))
        return;
    if (count == 0)
        m_unreadById.remove(chatId);
    else
        m_unreadById.insert(chatId, count);
    const int row = rowOf(chatId);
    if (row >= 0 && old != count)
        Q_EMIT dataChanged(index(row), index(row), {UnreadCountRole});
}

void ChatListModel::clear()
{
    cancelJobs();
    if (m_items.isEmpty() && m_unreadById.isEmpty())
        return;
    beginResetModel();
    // An organization switch or sign-out with 70,000 chats: freed on the pool.
    releaseOffThread(std::exchange(m_items, {}));
    releaseOffThread(std::exchange(m_rowById, {}));
    releaseOffThread(std::exchange(m_unreadById, {}));
    m_pool.clear();
    endResetModel();
    Q_EMIT countChanged();
}

int ChatListModel::rowOf(const QString& id) const
{
    return m_rowById.value(id, -1);
}

const ChatItem* ChatListModel::find(const QString& id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_items.at(row);
}

QDateTime ChatListModel::newestActivity() const
{
    QDateTime newest;
    for (const auto& c : m_items) {
        if (c.lastMessageAt.isValid() && (!newest.isValid() || c.lastMessageAt > newest))
            newest = c.lastMessageAt;
    }
    return newest;
}

} // namespace WhaTrack
