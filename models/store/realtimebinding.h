#pragma once

//! \file realtimebinding.h
//! \brief The organization's channels on a Centrifuge::Client: subscribes, decodes publications
//! into InboxEvents, tracks liveness and the last publication per channel, and asks for a
//! resync whenever a subscription comes back without recovery (always, with history off).
//!
//! The client may live on another thread: subscriptions are created and removed on its thread
//! through queued calls, and their signals reach this object queued.
//!
//! The one path from the realtime client to the GUI: the binding owns the subscriptions and
//! republishes, on its own thread, what the connection panel shows (client state, errors with
//! their category, reconnect schedule, each channel's state, errors and publications). Nobody
//! else connects to the client's or the subscriptions' signals, and nobody looks subscriptions
//! up by name (docs/architecture.md, "One path from a frame to a row").
//!
//! Subscription tokens: a channel refused with 103 without a token is subscribed again with the
//! client's TokenProvider (the backend's subscription-token route), and from then on every
//! channel uses tokens (see subscribeOnClientThread() for why not from the start).

#include "models/store/channeltemplates.h"
#include "models/store/inboxevent.h"
#include "realtime/client.h"
#include "realtime/subscription.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>

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
    //! A channel was refused (102 unknown channel: wrong naming; 103 permission denied). Not
    //! emitted for the first refusal without a subscription token (a retry with one follows).
    void channelError(const QString& channel, int code, const QString& message);

    // The connection panel's inputs, republished from the client and the subscriptions.
    //! The organization's channels (after setOrganization), messages first.
    void channelsChanged(const QStringList& channels);
    void channelStateChanged(const QString& channel, Centrifuge::Subscription::State state);
    void channelUnsubscribed(const QString& channel, int code, const QString& reason);
    void clientStateChanged(Centrifuge::Client::State state);
    void clientConnecting(int code, const QString& reason);
    void clientConnected(const QString& clientId, const QString& serverVersion);
    void clientDisconnected(int code, const QString& reason);
    //! Client::failed: switch on error.category (TLS, HTTP status, network...).
    void clientError(const Centrifuge::Error& error);
    void reconnectScheduled(int attempt, qint64 delayMs);
    void tokenRefreshed(qint64 expiresInSeconds);

private:
    void forwardClient(Centrifuge::Client* client);
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
