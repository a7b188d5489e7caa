#pragma once

//! \file chatlistproxymodel.h
//! \brief Sorts the chat list by last activity (newest first) and filters it by the search text.
//!
//! A flat proxy of its own rather than a QSortFilterProxyModel: a publication that moves one
//! chat to the top moves that one row (rowsMoved), where QSortFilterProxyModel re-sorts with a
//! layoutChanged, which makes every view and every persistent index look at all 20,000 rows
//! (issue 15). Sorting compares the source rows' items directly (chatShowsBefore, no QVariant).
//! Rows the server matched for the current search (setServerMatches) are accepted too, because
//! the backend may match fields we do not have.

#include <QAbstractProxyModel>
#include <QList>
#include <QSet>

namespace WhaTrack {

class ChatListModel;

class ChatListProxyModel : public QAbstractProxyModel
{
    Q_OBJECT
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)

public:
    explicit ChatListProxyModel(QObject* parent = nullptr);

    //! \a model must be a ChatListModel (anything else shows no rows).
    void setSourceModel(QAbstractItemModel* model) override;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex& idx) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex& proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex& sourceIndex) const override;

    QString searchText() const { return m_search; }
    void setSearchText(const QString& text);
    void setServerMatches(QSet<QString> chatIds);

    //! While off, changed rows stay where they are (the list under the mouse does not jump);
    //! turning it on sorts once (one layoutChanged). Same names as QSortFilterProxyModel's.
    bool dynamicSortFilter() const { return m_dynamic; }
    void setDynamicSortFilter(bool enable);

Q_SIGNALS:
    void searchTextChanged(const QString& text);

private:
    bool accepts(int sourceRow) const;
    bool before(int sourceA, int sourceB) const; //!< a total order (ids break ties)
    //! Where \a sourceRow belongs among proxy rows [from, to), which are sorted.
    int insertionPoint(int sourceRow, int from, int to) const;
    void rebuild(); //!< mapping from scratch, no signals
    void remapFrom(int proxyRow); //!< m_proxyOf for proxy rows >= proxyRow
    void removeProxyRows(QList<int> proxyRows);
    void insertSourceRows(QList<int> sourceRows);
    void refilter();
    void resortAll();

    void onRowsAboutToBeRemoved(const QModelIndex& parent, int first, int last);
    void onRowsRemoved(const QModelIndex& parent, int first, int last);
    void onRowsInserted(const QModelIndex& parent, int first, int last);
    void onDataChanged(
        const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles);
    void onLayoutAboutToBeChanged();
    void onLayoutChanged();
    void moveToItsPlace(int proxyRow);

    ChatListModel* m_chats = nullptr;
    QList<int> m_rows; //!< proxy row -> source row
    QList<int> m_proxyOf; //!< source row -> proxy row, -1 when filtered out
    QList<QMetaObject::Connection> m_connections;
    bool m_dynamic = true;
    bool m_resetInRemoval = false; //!< a removal too scattered for row signals
    //! Source layout change in progress: our persistent indexes and the source rows they showed.
    QModelIndexList m_layoutProxy;
    QList<QPersistentModelIndex> m_layoutSource;
    QString m_search; //!< normalised (case-folded, trimmed)
    QString m_searchDigits; //!< the digits of the search, for phone numbers
    QSet<QString> m_serverMatches;
};

} // namespace WhaTrack
