#pragma once

//! \file realtimebinding.h
//! \brief The organization's channels on a Centrifuge::Client: subscribes, decodes publications
//! into InboxEvents, tracks liveness and the last publication per channel, and asks for a
//! resync whenever a subscription comes back without recovery (always, with history off).
//!
//! The client may live on another thread: subscriptions are created and removed on its thread
//! through queued calls, and their signals reach this object queued.
//!
//! Subscription tokens: a channel refused with 103 without a token is subscribed again with the
//! client's TokenProvider (the backend's subscription-token route), and from then on every
//! channel uses tokens (see subscribeOnClientThread() for why not from the start).

#include "models/channeltemplates.h"
#include "models/inboxevent.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>

namespace Centrifuge {
class Client;
struct Publication;
struct SubscribedEvent;
} // namespace Centrifuge

namespace WhaTrack {

class RealtimeBinding : public QObject
{
    Q_OBJECT

public:
    RealtimeBinding(
        Centrifuge::Client* client, ChannelTemplates templates, QObject* parent = nullptr);
    ~RealtimeBinding() override;

    //! Leaves the previous organization's channels and joins the new one's (empty: none).
    void setOrganization(const QString& org);
    QStringList channels() const;
    //! Connected and every channel subscribed.
    bool isLive() const { return m_live; }
    QDateTime lastPublicationAt(const QString& channel) const
    {
        return m_lastPublication.value(channel);
    }
    QHash<QString, QDateTime> lastPublicationTimes() const { return m_lastPublication; }
    //! Asks the client to reconnect now (system resume).
    void handleSystemResume();
    //! The server refused a channel without a subscription token: tokens are in use now.
    bool usesSubscriptionTokens() const { return m_useSubscriptionTokens; }

Q_SIGNALS:
    void eventReceived(const WhaTrack::InboxEvent& event);
    //! Missed publications are possible: refetch everything.
    void resyncNeeded(const QString& reason);
    void liveChanged(bool live);
    void publicationSeen(const QString& channel, const QDateTime& at);
    //! A channel was refused (102 unknown channel: wrong naming; 103 permission denied).
    void channelError(const QString& channel, int code, const QString& message);

private:
    void onClientState(int state);
    void onSubscribed(const QString& channel, const Centrifuge::SubscribedEvent& event);
    void onSubscriptionState(const QString& channel, int state);
    void onPublication(const QString& channel, const Centrifuge::Publication& publication);
    void updateLive();
    void subscribeOnClientThread(const QString& channel, bool replace);
    void retryWithToken(const QString& channel, quint64 generation);
    void removeOnClientThread(const QString& channel);

    QPointer<Centrifuge::Client> m_client;
    ChannelTemplates m_templates;
    QString m_org;
    QHash<QString, InboxEvent::Channel> m_channels;
    QHash<QString, bool> m_subscribed;
    QHash<QString, bool> m_everSubscribed;
    QHash<QString, QDateTime> m_lastPublication;
    bool m_clientConnected = false;
    bool m_live = false;
    bool m_useSubscriptionTokens = false; //!< a property of the server: kept across organizations
    quint64 m_generation = 0; //!< bumps on organization change; stale signals are ignored
};

} // namespace WhaTrack
