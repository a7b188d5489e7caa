#pragma once

//! \file chatlistmodel.h
//! \brief The chat list as a flat, unsorted list model; ChatListProxyModel sorts and filters it.
//!
//! Updates are fine-grained: a refresh merges by id in O(n) (one hash lookup per item), emits
//! `dataChanged` with only the roles that changed, inserts new chats at the end and removes the
//! ones that are gone. A reset happens only on first load and organization switch.
//!
//! Large updates never hold the GUI thread: above maxRowsPerSlice() chats, the work is queued
//! and applied in slices, one per event-loop turn (a 0 ms timer), each ending after
//! sliceBudgetMs() or maxRowsPerSlice() rows, whichever comes first; new chats are inserted
//! with one rowsInserted per slice. A big list that is not prepared yet (resetItems, mergeItems)
//! is deduplicated, interned and sorted on the thread pool first (the chat-list refetch is
//! prepared by ChatRevisions on the decode worker). While work is queued, publications for a
//! chat that is not in the model yet are kept and applied when it arrives.

#include "models/api/apitypes.h"
#include "models/items/stringpool.h"

#include <QAbstractListModel>
#include <QElapsedTimer>
#include <QHash>
#include <QTimer>

#include <memory>

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
    ~ChatListModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! First load / organization switch: one model reset (of an empty model, then slices
    //! when there are more than maxRowsPerSlice() chats). Ignored while queued work is applied
    //! (that list is newer: the saved list loses to the server's); clear() first to replace it.
    void resetItems(QList<ChatItem> items);
    //! resetItems() for a list already prepared off the GUI thread (ChatRevisions::diff of a
    //! saved list): queued as it is when big, without deltaSliceApplied (nothing new to count).
    void resetPreparedItems(QList<ChatItem> items);
    //! resetPreparedItems() on top of rows already shown (the saved list's head, issue 14):
    //! upserted without a reset (the shown rows never blank), in quiet slices when big.
    //! Ignored while queued work is applied, as resetItems() is.
    void mergePreparedItems(QList<ChatItem> items);
    //! A refresh: fine-grained signals only. Starts with resetItems() when the model is empty.
    //! When the work is queued (see isApplying()), the stats count what was queued.
    MergeStats mergeItems(QList<ChatItem> items, MergeMode mode = MergeMode::Authoritative);
    //! A refresh already reduced to its changes and prepared (ChatRevisions::diff, sorted and
    //! interned): O(changes), spread over slices when there are many.
    MergeStats applyDelta(QList<ChatItem> changed, const QStringList& removed);

    //! True while queued work is applied slice by slice; applied() follows.
    bool isApplying() const { return !m_jobs.isEmpty(); }
    int maxRowsPerSlice() const { return m_maxRowsPerSlice; }
    void setMaxRowsPerSlice(int rows);
    int sliceBudgetMs() const { return m_sliceBudgetMs; }
    void setSliceBudgetMs(int ms);
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
    //! The queued work is done: the model holds everything that was handed to it.
    void applied();
    //! A slice of a queued applyDelta() is in the model: \a ids name its changed and new chats
    //! (find() gives them), so per-chat bookkeeping can follow slice by slice too.
    void deltaSliceApplied(const QStringList& ids);

private:
    struct Job; // chatlistmodel_slices.cpp
    enum class JobKind {
        Prepared, //!< deduplicated, interned, sorted (ChatRevisions::diff)
        PreparedQuiet, //!< the same, without deltaSliceApplied (a saved list)
        Unprepared, //!< prepared on the pool first
        UnpreparedAuthoritative, //!< also: rows it does not list are removed
    };
    struct Deferred
    {
        std::optional<Message> message; //!< a newer last message (applyIncomingMessage)
        QList<std::pair<QString, MessageStatus>> statuses; //!< applyLastMessageStatus
    };

    //! resetItems(), resetPreparedItems(): a big list is queued as \a kind.
    void resetWith(QList<ChatItem> items, JobKind kind);
    QList<int> changedRoles(const ChatItem& before, const ChatItem& after) const;
    //! Upserts from \a items[*next] on; stops after \a maxRows chats or when \a timer passes
    //! \a budgetNs (0: no limit). New chats are inserted at the end, one block.
    void upsertSlice(QList<ChatItem>& items, qsizetype& next, bool interned, MergeStats& stats,
        int maxRows, const QElapsedTimer* timer, qint64 budgetNs);
    void updateRow(int row, ChatItem&& item, bool interned, MergeStats& stats);
    //! Removes \a rows (any order), in contiguous blocks from the bottom.
    void removeRows(QList<int> rows, MergeStats& stats);
    void intern(ChatItem& c);
    void rebuildIndex();
    void reindexFrom(int row);
    void enqueue(QList<ChatItem> items, QStringList removeIds, JobKind kind);
    void runSlice();
    bool runJobSlice(Job& job, const QElapsedTimer& timer, qint64 budgetNs);
    void cancelJobs();
    void applyDeferred(ChatItem& item);

    int m_maxRowsPerSlice = 1000;
    int m_sliceBudgetMs = 8;
    QList<std::shared_ptr<Job>> m_jobs; //!< applied in order, one slice per event-loop turn
    QTimer m_pump; //!< 0 ms: a slice, then the event loop runs (input, paint, timers)
    quint64 m_generation = 0; //!< bumped when the queue is dropped (reset, clear)
    QHash<QString, Deferred> m_deferred; //!< patches for chats that are still queued
    QStringList* m_sliceIds = nullptr; //!< set while upsertSlice() reports (deltaSliceApplied)

    QList<ChatItem> m_items;
    StringPool m_pool; //!< stage names/colours, types, instance and direction ids: stored once
    QList<int> m_unread; //!< parallel to m_items
    QHash<QString, int> m_rowById;
    QHash<QString, int> m_unreadById; //!< survives refreshes (the backend always sends 0)
};

//! One-line preview of a message for the list ("[image]" when there is no caption).
QString messagePreview(const Message& message);

} // namespace WhaTrack
