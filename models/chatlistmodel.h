#pragma once

//! \file chatlistmodel.h
//! \brief The chat list as a flat, unsorted list model; ChatListProxyModel sorts and filters it.
//!
//! Updates are fine-grained: a refresh merges by id in O(n) (one hash lookup per item), emits
//! `dataChanged` with only the roles that changed, inserts new chats at the end and removes the
//! ones that are gone. A reset happens only on first load and organization switch.

#include "models/apitypes.h"
#include "models/stringpool.h"

#include <QAbstractListModel>
#include <QHash>

namespace WhaTrack {

class ChatListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Roles {
        IdRole = Qt::UserRole + 1, //!< QString: conversation id or lead id
        NameRole, //!< QString (also Qt::DisplayRole)
        PhoneRole, //!< QString
        AvatarUrlRole, //!< QString
        LastMessageAtRole, //!< QDateTime
        LastActivityMsRole, //!< qint64 ms since epoch (sort key, 0 if none)
        LastMessagePreviewRole, //!< QString: body, or "[type]" for media without caption
        LastMessageDirectionRole, //!< MessageDirection
        LastMessageStatusRole, //!< MessageStatus
        LastMessageTypeRole, //!< QString
        UnreadCountRole, //!< int, client-side (see UnreadTracker)
        TicketIdRole, //!< QString, empty when no open ticket
        TicketStatusRole, //!< QString
        TicketStageNameRole, //!< QString
        TicketStageColorRole, //!< QString (#rrggbb)
        ConversationIdRole, //!< QString, when known
        LeadIdRole, //!< QString, when known
    };
    Q_ENUM(Roles)

    enum class MergeMode {
        Authoritative, //!< the full list: chats missing from it are removed
        Upsert, //!< a partial list (search results): nothing is removed
    };

    struct MergeStats
    {
        int inserted = 0;
        int removed = 0;
        int changed = 0;
    };

    explicit ChatListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! First load / organization switch: one model reset.
    void resetItems(QList<ChatItem> items);
    //! A refresh: fine-grained signals only. Starts with resetItems() when the model is empty.
    MergeStats mergeItems(QList<ChatItem> items, MergeMode mode = MergeMode::Authoritative);
    //! A refresh already reduced to its changes (see ChatRevisions): O(changes) on this thread.
    MergeStats applyDelta(QList<ChatItem> changed, const QStringList& removed);
    //! Optimistic patch from a `message_created` publication: newer last message and activity.
    //! Returns false if the chat is unknown or the message is not newer than what is shown.
    bool applyIncomingMessage(const QString& chatId, const Message& message);
    //! Forward-only status of the chat's last message (by message id).
    bool applyLastMessageStatus(
        const QString& chatId, const QString& messageId, MessageStatus status);
    void setUnreadCount(const QString& chatId, int count);
    void clear();

    int rowOf(const QString& id) const; //!< -1 if absent
    const ChatItem* find(const QString& id) const;
    const ChatItem& at(int row) const { return m_items.at(row); }
    QList<ChatItem> items() const { return m_items; }
    //! The newest `lastMessageAt` in the list (for the silent-socket watchdog).
    QDateTime newestActivity() const;

Q_SIGNALS:
    void countChanged();

private:
    QList<int> changedRoles(const ChatItem& before, const ChatItem& after) const;
    void upsert(QList<ChatItem> items, MergeStats& stats);
    void intern(ChatItem& c);
    void rebuildIndex();

    QList<ChatItem> m_items;
    StringPool m_pool; //!< stage names/colours, types, instance and direction ids: stored once
    QList<int> m_unread; //!< parallel to m_items
    QHash<QString, int> m_rowById;
    QHash<QString, int> m_unreadById; //!< survives refreshes (the backend always sends 0)
};

//! One-line preview of a message for the list ("[image]" when there is no caption).
QString messagePreview(const Message& message);

} // namespace WhaTrack
