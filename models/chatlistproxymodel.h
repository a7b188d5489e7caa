#pragma once

//! \file chatlistproxymodel.h
//! \brief Sorts the chat list by last activity (newest first) and filters it by the search text.
//!
//! Sorting compares the source rows' timestamps directly (no QVariant per comparison), so
//! 20,000 chats sort in a few milliseconds. Rows the server matched for the current search
//! (setServerMatches) are accepted too, because the backend may match fields we do not have.

#include <QSet>
#include <QSortFilterProxyModel>

namespace WhaTrack {

class ChatListModel;

class ChatListProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)

public:
    explicit ChatListProxyModel(QObject* parent = nullptr);

    void setSourceModel(QAbstractItemModel* model) override;

    // A flat list: rows have no children. Answered here, so the base class never adds a mapping
    // per row asked about (see the .cpp).
    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;

    QString searchText() const { return m_search; }
    void setSearchText(const QString& text);
    void setServerMatches(QSet<QString> chatIds);

Q_SIGNALS:
    void searchTextChanged(const QString& text);

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    ChatListModel* m_chats = nullptr;
    QString m_search; //!< normalised (case-folded, trimmed)
    QString m_searchDigits; //!< the digits of the search, for phone numbers
    QSet<QString> m_serverMatches;
};

} // namespace WhaTrack
