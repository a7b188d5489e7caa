#include "models/items/messagelistmodel.h"

#include "models/logging.h"

namespace WhaTrack {

namespace {
bool before(const Message& a, const Message& b)
{
    return a.timestamp < b.timestamp;
}
} // namespace

MessageListModel::MessageListModel(QObject* parent)
    : QAbstractListModel(parent)
{
}

int MessageListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

QVariant MessageListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Message& m = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole:
        return m.body;
    case IdRole:
        return m.id;
    case WamidRole:
        return m.wamid;
    case DirectionRole:
        return QVariant::fromValue(m.direction);
    case TypeRole:
        return m.type;
    case MediaUrlRole:
        return m.mediaUrl;
    case StatusRole:
        return QVariant::fromValue(m.status);
    case TimestampRole:
        return m.timestamp;
    case CreatedAtRole:
        return m.createdAt;
    case PendingRole:
        return m.optimistic;
    case ConversationIdRole:
        return m.conversationId;
    case LeadIdRole:
        return m.leadId;
    default:
        return {};
    }
}

void MessageListModel::intern(Message& m)
{
    m_pool.intern(m.leadId);
    m_pool.intern(m.conversationId);
    m_pool.intern(m.instanceId);
    m_pool.intern(m.directionId);
    m_pool.intern(m.type);
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    return {{IdRole, "messageId"}, {WamidRole, "wamid"}, {DirectionRole, "direction"},
        {TypeRole, "type"}, {BodyRole, "body"}, {MediaUrlRole, "mediaUrl"}, {StatusRole, "status"},
        {TimestampRole, "timestamp"}, {CreatedAtRole, "createdAt"}, {PendingRole, "pending"},
        {ConversationIdRole, "conversationId"}, {LeadIdRole, "leadId"},
        {Qt::DisplayRole, "display"}};
}

bool MessageListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_loader && !m_chatId.isEmpty() && m_total >= 0 && !m_loadingOlder
        && !reachedOldest();
}

void MessageListModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    m_loadingOlder = true; // the in-flight guard: views call fetchMore repeatedly while scrolling
    Q_EMIT loadingOlderChanged(true);
    const int page = m_highestPageLoaded + 1;
    qCDebug(lcModels) << "loading page" << page << "of chat" << m_chatId;
    m_loader(m_chatId, page, m_pageSize);
}

bool MessageListModel::reachedOldest() const
{
    if (m_reachedOldest)
        return true;
    if (m_total < 0)
        return false;
    // Counted, not scanned: views call canFetchMore() all the time.
    return m_items.size() - m_optimisticCount >= m_total;
}

void MessageListModel::setChat(const QString& chatId)
{
    if (chatId == m_chatId && chatId.isEmpty())
        return;
    beginResetModel();
    m_chatId = chatId;
    m_items.clear();
    m_rowById.clear();
    m_idByWamid.clear();
    m_keyBase = 0;
    m_optimisticCount = 0;
    m_pool.clear();
    m_total = -1;
    m_highestPageLoaded = 0;
    m_reachedOldest = false;
    const bool wasLoading = m_loadingOlder;
    m_loadingOlder = false;
    endResetModel();
    if (wasLoading)
        Q_EMIT loadingOlderChanged(false);
    Q_EMIT chatChanged(chatId);
}

void MessageListModel::setCachedMessages(const QList<Message>& messages)
{
    beginResetModel();
    m_items = messages;
    for (auto& m : m_items)
        intern(m);
    std::stable_sort(m_items.begin(), m_items.end(), before);
    rebuildIndex();
    m_optimisticCount = static_cast<int>(std::count_if(
        m_items.begin(), m_items.end(), [](const Message& m) { return m.optimistic; }));
    endResetModel();
}

int MessageListModel::rowFor(const QString& id) const
{
    const auto it = m_rowById.constFind(id);
    return it == m_rowById.constEnd() ? -1 : static_cast<int>(*it - m_keyBase);
}

void MessageListModel::rebuildIndex(int fromRow)
{
    if (fromRow == 0) {
        m_rowById.clear();
        m_idByWamid.clear();
        m_keyBase = 0;
    }
    for (int i = fromRow; i < m_items.size(); ++i) {
        const Message& m = m_items.at(i);
        m_rowById.insert(m.id, i + m_keyBase);
        if (!m.wamid.isEmpty())
            m_idByWamid.insert(m.wamid, m.id);
    }
}

int MessageListModel::insertPosition(const Message& message) const
{
    // After every message with the same or an earlier time: arrivals keep their order.
    auto it = std::upper_bound(m_items.begin(), m_items.end(), message, before);
    return static_cast<int>(it - m_items.begin());
}

void MessageListModel::insertAt(int row, const Message& message)
{
    beginInsertRows({}, row, row);
    m_items.insert(row, message);
    if (row == m_items.size() - 1) {
        m_rowById.insert(message.id, row + m_keyBase);
        if (!message.wamid.isEmpty())
            m_idByWamid.insert(message.wamid, message.id);
    } else {
        rebuildIndex(row);
    }
    endInsertRows();
}

QList<int> MessageListModel::changedRoles(const Message& a, const Message& b) const
{
    QList<int> roles;
    if (a.body != b.body)
        roles << Qt::DisplayRole << BodyRole;
    if (a.wamid != b.wamid)
        roles << WamidRole;
    if (a.direction != b.direction)
        roles << DirectionRole;
    if (a.type != b.type)
        roles << TypeRole;
    if (a.mediaUrl != b.mediaUrl)
        roles << MediaUrlRole;
    if (a.status != b.status)
        roles << StatusRole;
    if (a.timestamp != b.timestamp)
        roles << TimestampRole;
    if (a.createdAt != b.createdAt)
        roles << CreatedAtRole;
    if (a.optimistic != b.optimistic)
        roles << PendingRole;
    if (a.conversationId != b.conversationId)
        roles << ConversationIdRole;
    if (a.leadId != b.leadId)
        roles << LeadIdRole;
    return roles;
}

void MessageListModel::mergePage(const MessagePage& page, bool newest)
{
    m_total = page.total;
    m_highestPageLoaded = std::max(m_highestPageLoaded, page.page);
    if (!newest && page.items.size() < m_pageSize)
        m_reachedOldest = true;

    if (m_items.isEmpty()) {
        if (page.items.isEmpty())
            return;
        beginResetModel(); // first load of this chat
        m_items = page.items;
        for (auto& m : m_items)
            intern(m);
        m_optimisticCount = 0;
        std::stable_sort(m_items.begin(), m_items.end(), before);
        rebuildIndex();
        endResetModel();
        for (const auto& m : std::as_const(m_items))
            Q_EMIT messageAdded(m);
        return;
    }

    QList<Message> added;
    for (Message incoming : page.items) {
        intern(incoming);
        int row = rowFor(incoming.id);
        if (row < 0 && !incoming.wamid.isEmpty()) {
            const QString known = m_idByWamid.value(incoming.wamid);
            if (!known.isEmpty())
                row = rowFor(known);
        }
        if (row < 0) {
            added.append(std::move(incoming));
            continue;
        }
        Message& current = m_items[row];
        if (current.optimistic && !incoming.optimistic)
            --m_optimisticCount; // confirmed by the server
        // Ticks move forward only: a refetch that started before a status publication must not
        // take the blue ticks back.
        if (!isStatusUpgrade(current.status, incoming.status)
            && current.status != MessageStatus::Unknown)
            incoming.status = current.status;
        if (incoming.direction == MessageDirection::Unknown)
            incoming.direction = current.direction;
        const bool fitsHere = (row == 0 || !before(incoming, m_items.at(row - 1)))
            && (row == m_items.size() - 1 || !before(m_items.at(row + 1), incoming));
        if (!fitsHere) {
            // The server's time differs enough to reorder (rare: an optimistic time was off).
            beginRemoveRows({}, row, row);
            m_items.removeAt(row);
            endRemoveRows();
            rebuildIndex();
            insertAt(insertPosition(incoming), incoming);
            continue;
        }
        const QList<int> roles = changedRoles(current, incoming);
        if (roles.isEmpty())
            continue;
        current = std::move(incoming);
        Q_EMIT dataChanged(index(row), index(row), roles);
    }
    if (added.isEmpty())
        return;
    std::stable_sort(added.begin(), added.end(), before);
    // Common cases in one signal each: all newer (new messages) or all older (an older page).
    if (!before(added.first(), m_items.last())) {
        const int first = static_cast<int>(m_items.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        m_items.append(added);
        rebuildIndex(first);
        endInsertRows();
    } else if (!before(m_items.first(), added.last())) {
        // An older page: QList prepends in amortised O(1); existing keys stay valid.
        const int n = static_cast<int>(added.size());
        beginInsertRows({}, 0, n - 1);
        for (int i = n - 1; i >= 0; --i)
            m_items.prepend(added.at(i));
        m_keyBase -= n;
        for (int i = 0; i < n; ++i) {
            const Message& m = m_items.at(i);
            m_rowById.insert(m.id, i + m_keyBase);
            if (!m.wamid.isEmpty())
                m_idByWamid.insert(m.wamid, m.id);
        }
        endInsertRows();
    } else {
        for (const auto& m : std::as_const(added))
            insertAt(insertPosition(m), m);
    }
    for (const auto& m : std::as_const(added))
        Q_EMIT messageAdded(m);
}

void MessageListModel::mergeNewestPage(const MessagePage& page)
{
    mergePage(page, true);
}

void MessageListModel::mergeOlderPage(const MessagePage& page)
{
    const bool was = m_loadingOlder;
    m_loadingOlder = false;
    mergePage(page, false);
    if (was)
        Q_EMIT loadingOlderChanged(false);
}

void MessageListModel::olderPageFailed()
{
    if (!m_loadingOlder)
        return;
    m_loadingOlder = false;
    Q_EMIT loadingOlderChanged(false);
}

bool MessageListModel::insertOptimistic(const Message& message)
{
    if (message.id.isEmpty() || m_rowById.contains(message.id))
        return false;
    if (!message.wamid.isEmpty() && m_idByWamid.contains(message.wamid))
        return false;
    Message m = message;
    m.optimistic = true;
    intern(m);
    ++m_optimisticCount;
    insertAt(insertPosition(m), m);
    Q_EMIT messageAdded(m);
    return true;
}

bool MessageListModel::applyStatus(const QString& messageId, MessageStatus status)
{
    int row = rowFor(messageId);
    if (row < 0) {
        const QString id = m_idByWamid.value(messageId);
        if (!id.isEmpty())
            row = rowFor(id);
    }
    if (row < 0 || !isStatusUpgrade(m_items.at(row).status, status))
        return false;
    m_items[row].status = status;
    Q_EMIT dataChanged(index(row), index(row), {StatusRole});
    return true;
}

int MessageListModel::rowOf(const QString& messageId) const
{
    return rowFor(messageId);
}

} // namespace WhaTrack
