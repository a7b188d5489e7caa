#include "models/items/chatlistproxymodel.h"

#include "models/items/chatlistmodel.h"
#include "models/items/chatrevisions.h"
#include "models/items/phonedigits.h"
#include "models/logging.h"

#include <QMap>

#include <algorithm>

namespace WhaTrack {

namespace {
// More separate blocks of rows than this in one change (a search typed over 20,000 chats, a
// refresh that touched thousands) and one reset is cheaper for the views than that many row
// signals, each of which shifts the whole mapping.
constexpr int kMaxRowSignals = 1000;

//! Contiguous runs of \a rows (sorted descending), highest first: {first, last} pairs.
QList<std::pair<int, int>> runsDescending(QList<int> rows)
{
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    QList<std::pair<int, int>> runs;
    for (int r : std::as_const(rows)) {
        if (!runs.isEmpty() && runs.last().first == r + 1)
            runs.last().first = r;
        else
            runs.append({r, r});
    }
    return runs;
}
} // namespace

ChatListProxyModel::ChatListProxyModel(QObject* parent)
    : QAbstractProxyModel(parent)
{
}

void ChatListProxyModel::setSourceModel(QAbstractItemModel* model)
{
    beginResetModel();
    for (const auto& c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    QAbstractProxyModel::setSourceModel(model);
    m_chats = qobject_cast<ChatListModel*>(model);
    if (model && !m_chats)
        qCWarning(lcModels) << "chat list proxy: the source is not a ChatListModel; no rows";
    if (m_chats) {
        auto* m = m_chats;
        m_connections << connect(
            m, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); })
                      << connect(m, &QAbstractItemModel::modelReset, this,
                             [this] {
                                 rebuild();
                                 endResetModel();
                             })
                      << connect(m, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                             &ChatListProxyModel::onRowsAboutToBeRemoved)
                      << connect(m, &QAbstractItemModel::rowsRemoved, this,
                             &ChatListProxyModel::onRowsRemoved)
                      << connect(m, &QAbstractItemModel::rowsInserted, this,
                             &ChatListProxyModel::onRowsInserted)
                      << connect(m, &QAbstractItemModel::dataChanged, this,
                             &ChatListProxyModel::onDataChanged)
                      << connect(m, &QAbstractItemModel::layoutAboutToBeChanged, this,
                             &ChatListProxyModel::onLayoutAboutToBeChanged)
                      << connect(m, &QAbstractItemModel::layoutChanged, this,
                             &ChatListProxyModel::onLayoutChanged)
                      << connect(m, &QAbstractItemModel::rowsAboutToBeMoved, this,
                             &ChatListProxyModel::onLayoutAboutToBeChanged)
                      << connect(m, &QAbstractItemModel::rowsMoved, this,
                             &ChatListProxyModel::onLayoutChanged)
                      << connect(m, &QObject::destroyed, this, [this] {
                             beginResetModel();
                             m_chats = nullptr;
                             m_rows.clear();
                             m_proxyOf.clear();
                             endResetModel();
                         });
    }
    rebuild();
    endResetModel();
}

// A flat list: rows have no children.
QModelIndex ChatListProxyModel::index(int row, int column, const QModelIndex& parent) const
{
    if (parent.isValid() || row < 0 || row >= m_rows.size() || column < 0
        || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex ChatListProxyModel::parent(const QModelIndex&) const
{
    return {};
}

QModelIndex ChatListProxyModel::sibling(int row, int column, const QModelIndex&) const
{
    return index(row, column);
}

int ChatListProxyModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ChatListProxyModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_chats ? 0 : 1; // a list model
}

bool ChatListProxyModel::hasChildren(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_rows.isEmpty();
}

QModelIndex ChatListProxyModel::mapToSource(const QModelIndex& proxyIndex) const
{
    if (!m_chats || !proxyIndex.isValid() || proxyIndex.model() != this
        || proxyIndex.row() >= m_rows.size())
        return {};
    return m_chats->index(m_rows.at(proxyIndex.row()), proxyIndex.column());
}

QModelIndex ChatListProxyModel::mapFromSource(const QModelIndex& sourceIndex) const
{
    if (!m_chats || !sourceIndex.isValid() || sourceIndex.model() != m_chats
        || sourceIndex.row() >= m_proxyOf.size())
        return {};
    const int row = m_proxyOf.at(sourceIndex.row());
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

void ChatListProxyModel::setSearchText(const QString& text)
{
    const QString normalised = text.trimmed().toCaseFolded();
    if (normalised == m_search)
        return;
    m_search = normalised;
    m_searchDigits = phoneDigits(normalised);
    if (m_searchDigits.size() < 3)
        m_searchDigits.clear(); // "2" would match every phone number
    m_serverMatches.clear();
    refilter();
    Q_EMIT searchTextChanged(text);
}

void ChatListProxyModel::setServerMatches(QSet<QString> chatIds)
{
    if (chatIds == m_serverMatches)
        return;
    m_serverMatches = std::move(chatIds);
    refilter();
}

void ChatListProxyModel::setDynamicSortFilter(bool enable)
{
    if (enable == m_dynamic)
        return;
    m_dynamic = enable;
    if (enable) {
        refilter(); // names that changed meanwhile
        resortAll();
    }
}

bool ChatListProxyModel::accepts(int sourceRow) const
{
    if (m_search.isEmpty())
        return true;
    const ChatItem& c = m_chats->at(sourceRow);
    if (c.name.contains(m_search, Qt::CaseInsensitive)
        || c.phone.contains(m_search, Qt::CaseInsensitive))
        return true;
    if (!m_searchDigits.isEmpty() && phoneDigits(c.phone).contains(m_searchDigits))
        return true;
    return m_serverMatches.contains(c.id);
}

bool ChatListProxyModel::before(int a, int b) const
{
    // Direct access: no QVariant per comparison. The same order as prepared lists
    // (chatShowsBefore), so a slice of new chats lands as one block.
    const ChatItem& ca = m_chats->at(a);
    const ChatItem& cb = m_chats->at(b);
    if (chatShowsBefore(ca, cb))
        return true;
    if (chatShowsBefore(cb, ca))
        return false;
    return a < b; // the same id twice: keep the source order
}

int ChatListProxyModel::insertionPoint(int sourceRow, int from, int to) const
{
    const auto it = std::lower_bound(m_rows.cbegin() + from, m_rows.cbegin() + to, sourceRow,
        [this](int row, int s) { return before(row, s); });
    return static_cast<int>(it - m_rows.cbegin());
}

void ChatListProxyModel::rebuild()
{
    m_rows.clear();
    m_proxyOf.clear();
    if (!m_chats)
        return;
    const int n = m_chats->rowCount();
    m_rows.reserve(n);
    for (int r = 0; r < n; ++r) {
        if (accepts(r))
            m_rows.append(r);
    }
    std::sort(m_rows.begin(), m_rows.end(), [this](int a, int b) { return before(a, b); });
    m_proxyOf.fill(-1, n);
    remapFrom(0);
}

void ChatListProxyModel::remapFrom(int proxyRow)
{
    for (int i = proxyRow; i < m_rows.size(); ++i)
        m_proxyOf[m_rows.at(i)] = i;
}

void ChatListProxyModel::removeProxyRows(QList<int> proxyRows)
{
    if (proxyRows.isEmpty())
        return;
    const auto runs = runsDescending(std::move(proxyRows));
    if (runs.size() > kMaxRowSignals) {
        beginResetModel();
        for (const auto& [first, last] : runs) {
            for (int p = first; p <= last; ++p)
                m_proxyOf[m_rows.at(p)] = -1;
            m_rows.remove(first, last - first + 1);
        }
        remapFrom(0);
        endResetModel();
        return;
    }
    for (const auto& [first, last] : runs) {
        beginRemoveRows({}, first, last);
        for (int p = first; p <= last; ++p)
            m_proxyOf[m_rows.at(p)] = -1;
        m_rows.remove(first, last - first + 1);
        remapFrom(first);
        endRemoveRows();
    }
}

void ChatListProxyModel::insertSourceRows(QList<int> sourceRows)
{
    if (sourceRows.isEmpty())
        return;
    std::sort(sourceRows.begin(), sourceRows.end(), [this](int a, int b) { return before(a, b); });
    // Rows that land between the same two shown rows form one block (one rowsInserted).
    QMap<int, QList<int>> blocks;
    for (int r : std::as_const(sourceRows))
        blocks[insertionPoint(r, 0, static_cast<int>(m_rows.size()))].append(r);
    if (blocks.size() > kMaxRowSignals) {
        beginResetModel();
        m_rows.append(sourceRows);
        std::sort(m_rows.begin(), m_rows.end(), [this](int a, int b) { return before(a, b); });
        remapFrom(0);
        endResetModel();
        return;
    }
    // From the bottom up, so the positions found above stay right.
    for (auto it = blocks.cend(); it != blocks.cbegin();) {
        --it;
        const int at = it.key();
        const QList<int>& block = it.value();
        beginInsertRows({}, at, at + static_cast<int>(block.size()) - 1);
        m_rows.insert(at, block.size(), 0);
        std::copy(block.cbegin(), block.cend(), m_rows.begin() + at);
        remapFrom(at);
        endInsertRows();
    }
}

void ChatListProxyModel::refilter()
{
    if (!m_chats)
        return;
    QList<int> gone;
    for (int p = 0; p < m_rows.size(); ++p) {
        if (!accepts(m_rows.at(p)))
            gone.append(p);
    }
    removeProxyRows(std::move(gone));
    QList<int> added;
    for (int r = 0; r < m_proxyOf.size(); ++r) {
        if (m_proxyOf.at(r) < 0 && accepts(r))
            added.append(r);
    }
    insertSourceRows(std::move(added));
}

void ChatListProxyModel::resortAll()
{
    const auto less = [this](int a, int b) { return before(a, b); };
    if (std::is_sorted(m_rows.cbegin(), m_rows.cend(), less))
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    QList<int> sources;
    sources.reserve(from.size());
    for (const QModelIndex& i : from)
        sources.append(m_rows.value(i.row(), -1));
    std::sort(m_rows.begin(), m_rows.end(), less);
    remapFrom(0);
    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype i = 0; i < from.size(); ++i)
        to.append(sources.at(i) < 0 ? QModelIndex()
                                    : index(m_proxyOf.at(sources.at(i)), from.at(i).column()));
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void ChatListProxyModel::onRowsAboutToBeRemoved(const QModelIndex& parent, int first, int last)
{
    if (parent.isValid())
        return;
    QList<int> shown;
    for (int r = first; r <= last && r < m_proxyOf.size(); ++r) {
        if (m_proxyOf.at(r) >= 0)
            shown.append(m_proxyOf.at(r));
    }
    if (runsDescending(shown).size() > kMaxRowSignals) {
        // Scattered over the list: one reset, ended once the source has removed them.
        beginResetModel();
        m_resetInRemoval = true;
        return;
    }
    removeProxyRows(std::move(shown));
}

void ChatListProxyModel::onRowsRemoved(const QModelIndex& parent, int first, int last)
{
    if (parent.isValid())
        return;
    if (m_resetInRemoval) {
        m_resetInRemoval = false;
        rebuild();
        endResetModel();
        return;
    }
    const int count = last - first + 1;
    for (int& r : m_rows) {
        if (r > last)
            r -= count;
    }
    m_proxyOf.remove(first, std::min<qsizetype>(count, m_proxyOf.size() - first));
}

void ChatListProxyModel::onRowsInserted(const QModelIndex& parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    for (int& r : m_rows) {
        if (r >= first)
            r += count;
    }
    m_proxyOf.insert(first, count, -1);
    QList<int> added;
    for (int r = first; r <= last; ++r) {
        if (accepts(r))
            added.append(r);
    }
    insertSourceRows(std::move(added));
}

void ChatListProxyModel::onDataChanged(
    const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles)
{
    if (!topLeft.isValid() || topLeft.parent().isValid())
        return;
    // The roles ChatListModel::changedRoles reports for a new name/phone and a new activity.
    const bool filterMayChange = roles.isEmpty() || roles.contains(ChatListModel::NameRole);
    const bool orderMayChange
        = roles.isEmpty() || roles.contains(ChatListModel::LastActivityMsRole);
    for (int r = topLeft.row(); r <= bottomRight.row(); ++r) {
        if (r >= m_proxyOf.size())
            break;
        if (m_dynamic && filterMayChange) {
            const bool shown = m_proxyOf.at(r) >= 0;
            const bool wanted = accepts(r);
            if (shown && !wanted) {
                removeProxyRows({m_proxyOf.at(r)});
                continue;
            }
            if (!shown && wanted) {
                insertSourceRows({r});
                continue;
            }
        }
        if (m_proxyOf.at(r) < 0)
            continue;
        if (m_dynamic && orderMayChange)
            moveToItsPlace(m_proxyOf.at(r));
        const int p = m_proxyOf.at(r);
        Q_EMIT dataChanged(index(p, topLeft.column()), index(p, bottomRight.column()), roles);
    }
}

void ChatListProxyModel::moveToItsPlace(int p)
{
    const int source = m_rows.at(p);
    const int n = static_cast<int>(m_rows.size());
    if (p > 0 && before(source, m_rows.at(p - 1))) {
        const int to = insertionPoint(source, 0, p);
        beginMoveRows({}, p, p, {}, to);
        m_rows.move(p, to);
        for (int i = to; i <= p; ++i)
            m_proxyOf[m_rows.at(i)] = i;
        endMoveRows();
    } else if (p + 1 < n && before(m_rows.at(p + 1), source)) {
        const int below = insertionPoint(source, p + 1, n); // the first row that stays below
        beginMoveRows({}, p, p, {}, below);
        m_rows.move(p, below - 1);
        for (int i = p; i < below; ++i)
            m_proxyOf[m_rows.at(i)] = i;
        endMoveRows();
    }
}

void ChatListProxyModel::onLayoutAboutToBeChanged()
{
    Q_EMIT layoutAboutToBeChanged();
    m_layoutProxy = persistentIndexList();
    m_layoutSource.clear();
    m_layoutSource.reserve(m_layoutProxy.size());
    for (const QModelIndex& i : std::as_const(m_layoutProxy))
        m_layoutSource.append(QPersistentModelIndex(mapToSource(i)));
}

void ChatListProxyModel::onLayoutChanged()
{
    rebuild();
    QModelIndexList to;
    to.reserve(m_layoutProxy.size());
    for (const QPersistentModelIndex& s : std::as_const(m_layoutSource))
        to.append(mapFromSource(s));
    changePersistentIndexList(m_layoutProxy, to);
    m_layoutProxy.clear();
    m_layoutSource.clear();
    Q_EMIT layoutChanged();
}

} // namespace WhaTrack
