#pragma once

//! \file inboxstore.h
//! \brief The façade the UI uses: the models of the current organization, kept fresh.
//!
//! It owns the query cache and the models, loads the local SQLite cache so the app opens
//! instantly (shown as Stale until the first refresh), wires realtime publications to
//! invalidations and optimistic patches, resyncs everything after a reconnect that did not
//! recover, a network return, a system resume or an organization switch, and watches for a
//! silent socket. See docs/architecture.md for the path of a publication.
//!
//! Wiring in the composition root: Session::currentOrganizationChanged -> setOrganization();
//! Session::signedOut -> setOrganization({}) and BackendTokenProvider::invalidate(); the OS's
//! network-back / resume notifications -> handleNetworkBack() / handleSystemResume().

#include "models/api/apierror.h"
#include "models/api/apitypes.h"
#include "models/store/channeltemplates.h"
#include "models/store/clock.h"
#include "models/store/freshness.h"
#include "models/store/querykey.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <memory>

class QAbstractItemModel;

namespace Centrifuge {
class Client;
}

namespace WhaTrack {

class ApiClient;
class ChatListModel;
class ChatListProxyModel;
class MessageListModel;
class QueryCache;
class RealtimeBinding;
class StagesModel;
class TicketModel;

struct InboxStoreOptions
{
    ChannelTemplates channels;
    int messagesPageSize = 50;
    qint64 coalesceMs = 150; //!< invalidation window per query key
    //! SQLite file of the local cache; empty = no local cache (tests).
    QString localCachePath;
    //! Silent-socket watchdog: grace for a publication to follow activity seen over REST, and
    //! the probe period when no publication arrived at all.
    qint64 watchdogGraceMs = 15000;
    qint64 watchdogProbeMs = 120000;
    Clock* clock = nullptr; //!< tests; Clock::system() by default
};

class InboxStore : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString organizationId READ organizationId NOTIFY organizationChanged)
    Q_PROPERTY(QString openChatId READ openChatId NOTIFY openChatChanged)
    Q_PROPERTY(WhaTrack::Freshness freshness READ freshness NOTIFY freshnessChanged)

public:
    enum class Mutation { Stage, Assignee, Value, Close };
    Q_ENUM(Mutation)

    //! \a api must outlive the store. \a realtime may be null (no live updates, e.g. the CLI);
    //! it may live on another thread and must outlive the store.
    InboxStore(ApiClient* api, Centrifuge::Client* realtime, InboxStoreOptions options = {},
        QObject* parent = nullptr);
    ~InboxStore() override;

    //! Switches organization: drops the models (one reset each), the query state and the
    //! subscriptions of the previous one, loads the local cache, then fetches everything.
    //! An empty id unloads (signed out).
    void setOrganization(const QString& organizationId);
    QString organizationId() const;

    //! Sorted by last activity, filtered by setSearch(). This is what the chat list view shows.
    QAbstractItemModel* chatListModel() const;
    ChatListProxyModel* chatListProxy() const;
    ChatListModel* chatListSourceModel() const;
    MessageListModel* messageListModel() const;
    TicketModel* ticketModel() const;
    StagesModel* stagesModel() const;
    QueryCache* queryCache() const;

    //! Opens a chat (conversation or lead id): messages page 1 and its ticket are observed and
    //! fetched, its unread count is cleared and its last-seen time saved.
    void openChat(const QString& chatId);
    void closeChat();
    QString openChatId() const;
    //! Filters the list at once; also asks the backend (`?q=`) and accepts what it matched.
    void setSearch(const QString& text);

    // Ticket mutations on the open chat's ticket. Each ends with mutationFinished(); the ticket
    // and the chat list are refetched afterwards (the backend publishes nothing for them).
    void setTicketStage(const QString& stageId);
    //! An empty id unassigns.
    void setTicketAssignee(const QString& userId);
    //! \a value is a decimal string ("1500.00"); an empty string clears it.
    void setTicketValue(const QString& value);
    void closeTicket(TicketOutcome outcome, const QString& reason = {},
        const std::optional<QString>& dealValue = {});

    //! Refetch everything observed now and mark the rest stale ("Resync now").
    void resyncAll(const QString& reason);
    //! Call when the OS reports the network back / the machine resumed: resync now.
    void handleNetworkBack();
    void handleSystemResume();

    Freshness freshness() const;
    //! The subscribed channel names (from the templates) for the diagnostics panel.
    QStringList channels() const;
    //! The one realtime -> GUI path (connection panel inputs); null without a realtime client.
    RealtimeBinding* realtimeBinding() const;
    //! Wall time of the last publication received on \a channel (invalid if none yet).
    QDateTime lastPublicationAt(const QString& channel) const;
    QHash<QString, QDateTime> lastPublicationTimes() const;
    //! Refetches started since the organization was set, per key kind (diagnostics, benchmarks).
    QHash<WhaTrack::QueryKey::Kind, int> refetchCounts() const;

Q_SIGNALS:
    void organizationChanged(const QString& organizationId);
    void openChatChanged(const QString& chatId);
    void freshnessChanged(const WhaTrack::Freshness& freshness);
    void lastPublicationChanged(const QString& channel, const QDateTime& at);
    //! The silent-socket watchdog saw activity realtime never announced; a resync follows.
    void realtimeMayBeStale(const QString& reason);
    void mutationFinished(WhaTrack::InboxStore::Mutation mutation, const WhaTrack::ApiError& error);
    //! A refresh failed (not for 401: Session signs out; the models keep their data).
    void refreshFailed(const WhaTrack::QueryKey& key, const WhaTrack::ApiError& error);
    //! A resync (after reconnect, resume, switch, "Resync now") finished: the models match the
    //! backend as of its start.
    void resyncFinished(bool ok);
    //! A new inbound message (a `message_created` publication from the customer) in \a chatId:
    //! the chat's id, or for a chat the list does not show yet, its conversation/lead id.
    //! For desktop notifications; may repeat for a publication delivered twice.
    void inboundMessageReceived(const QString& chatId, const QString& messageId);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace WhaTrack
