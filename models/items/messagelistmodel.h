#pragma once

//! \file messagelistmodel.h
//! \brief The messages of the open chat, oldest at row 0 and newest at the bottom.
//!
//! The newest page comes first (page 1 of the route); older pages are prepended through
//! canFetchMore()/fetchMore() with an in-flight guard. Everything merges by message id, so a
//! refetch after an optimistic insert neither duplicates nor flickers: an unchanged row emits
//! nothing, a changed one emits `dataChanged` with the changed roles only.

#include "models/api/apitypes.h"
#include "models/items/stringpool.h"

#include <QAbstractListModel>
#include <QHash>

#include <functional>

namespace WhaTrack {

class MessageListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(QString chatId READ chatId NOTIFY chatChanged)
    Q_PROPERTY(bool loadingOlder READ isLoadingOlder NOTIFY loadingOlderChanged)

public:
    enum Roles {
        IdRole = Qt::UserRole + 1, //!< QString
        WamidRole, //!< QString
        DirectionRole, //!< MessageDirection
        TypeRole, //!< QString
        BodyRole, //!< QString (also Qt::DisplayRole)
        MediaUrlRole, //!< QString (backend ref, see anchors §1.7)
        StatusRole, //!< MessageStatus
        TimestampRole, //!< QDateTime
        CreatedAtRole, //!< QDateTime
        PendingRole, //!< bool: shown from a publication, not yet confirmed
        ConversationIdRole, //!< QString
        LeadIdRole, //!< QString
    };
    Q_ENUM(Roles)

    //! Asked by fetchMore() to load \a page (2, 3, ...); must end with mergeOlderPage() or
    //! olderPageFailed().
    using PageLoader = std::function<void(const QString& chatId, int page, int pageSize)>;

    explicit MessageListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    QString chatId() const { return m_chatId; }
    //! Switches to another chat (a model reset) or clears with an empty id.
    void setChat(const QString& chatId);
    void setPageLoader(PageLoader loader) { m_loader = std::move(loader); }
    void setPageSize(int size) { m_pageSize = size; }
    int pageSize() const { return m_pageSize; }

    //! Page 1 (newest) from the backend. The first one after setChat() is a reset.
    void mergeNewestPage(const MessagePage& page);
    void mergeOlderPage(const MessagePage& page);
    void olderPageFailed();
    //! Fills the model from the local cache (a reset); marks nothing as loaded from the server.
    void setCachedMessages(const QList<Message>& messages);

    //! Optimistic insert from a `message_created` publication; no-op if the id is known.
    bool insertOptimistic(const Message& message);
    //! Forward-only tick update by message id (or wamid); `Failed` always applies.
    bool applyStatus(const QString& messageId, MessageStatus status);

    bool isLoadingOlder() const { return m_loadingOlder; }
    int rowOf(const QString& messageId) const;
    const Message& at(int row) const { return m_items.at(row); }
    QList<Message> items() const { return m_items; }
    //! True once the server said the oldest page was reached.
    bool reachedOldest() const;

Q_SIGNALS:
    void chatChanged(const QString& chatId);
    void loadingOlderChanged(bool loading);
    //! A message id that arrived for the first time (optimistically or from the server).
    void messageAdded(const WhaTrack::Message& message);

private:
    void mergePage(const MessagePage& page, bool newest);
    int insertPosition(const Message& message) const;
    void insertAt(int row, const Message& message);
    void rebuildIndex(int fromRow = 0);
    int rowFor(const QString& id) const;
    QList<int> changedRoles(const Message& before, const Message& after) const;
    void intern(Message& m);

    QString m_chatId;
    QList<Message> m_items;
    //! id -> key; row = key - m_keyBase, so prepending a page only lowers the base (O(page)).
    QHash<QString, qint64> m_rowById;
    qint64 m_keyBase = 0;
    QHash<QString, QString> m_idByWamid;
    StringPool m_pool; //!< the chat's repeated ids and types, stored once
    PageLoader m_loader;
    int m_pageSize = 50;
    int m_total = -1; //!< from the server, -1 before the first page
    int m_highestPageLoaded = 0;
    bool m_loadingOlder = false;
    bool m_reachedOldest = false; //!< an older page came back short
    int m_optimisticCount = 0; //!< rows shown from publications, not yet confirmed
};

} // namespace WhaTrack
