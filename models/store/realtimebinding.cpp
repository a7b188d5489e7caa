#include "models/store/realtimebinding.h"

#include "models/logging.h"
#include "realtime/client.h"
#include "realtime/subscription.h"

namespace WhaTrack {

RealtimeBinding::RealtimeBinding(
    Centrifuge::Client* client, ChannelTemplates templates, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_templates(std::move(templates))
{
    if (!client)
        return;
    m_clientConnected = client->state() == Centrifuge::Client::State::Connected;
    connect(client, &Centrifuge::Client::stateChanged, this, [this](Centrifuge::Client::State s) {
        onClientState(static_cast<int>(s));
        Q_EMIT clientStateChanged(s);
    });
    forwardClient(client);
}

void RealtimeBinding::forwardClient(Centrifuge::Client* client)
{
    using Centrifuge::Client;
    // Queued when the client runs on its own thread: the receivers read plain values.
    connect(client, &Client::connecting, this, &RealtimeBinding::clientConnecting);
    connect(client, &Client::connected, this,
        [this](const QString& id, const QString& version, const QByteArray&) {
            Q_EMIT clientConnected(id, version);
        });
    connect(client, &Client::disconnected, this, &RealtimeBinding::clientDisconnected);
    connect(client, &Client::failed, this, &RealtimeBinding::clientError);
    connect(client, &Client::reconnectScheduled, this, &RealtimeBinding::reconnectScheduled);
    connect(client, &Client::tokenRefreshed, this, &RealtimeBinding::tokenRefreshed);
}

RealtimeBinding::~RealtimeBinding()
{
    setOrganization({});
}

QStringList RealtimeBinding::channels() const
{
    QStringList out = m_channels.keys();
    // Messages first, then tickets: a stable order for the diagnostics panel.
    std::sort(out.begin(), out.end(), [this](const QString& a, const QString& b) {
        return m_channels.value(a) < m_channels.value(b);
    });
    return out;
}

void RealtimeBinding::setOrganization(const QString& org)
{
    if (org == m_org)
        return;
    ++m_generation;
    for (auto it = m_channels.cbegin(); it != m_channels.cend(); ++it)
        removeOnClientThread(it.key());
    m_channels.clear();
    m_subscribed.clear();
    m_everSubscribed.clear();
    m_lastPublication.clear();
    m_org = org;
    if (!org.isEmpty() && m_client) {
        const QString messages = m_templates.messagesChannel(org);
        m_channels.insert(messages, InboxEvent::Channel::Messages);
        if (!m_templates.tickets.isEmpty())
            m_channels.insert(m_templates.ticketsChannel(org), InboxEvent::Channel::Tickets);
        for (auto it = m_channels.cbegin(); it != m_channels.cend(); ++it)
            subscribeOnClientThread(it.key(), false);
    }
    Q_EMIT channelsChanged(channels());
    updateLive();
}

// When to ask for subscription tokens: only after the server refused a channel without one.
// The real WhaTrack backend has no subscription-token route (its `org` namespace lets any
// client subscribe, docs/api.md "Differences") and its web app never asks for subscription
// tokens (../shared/docs/whatrack-and-inbox-anchors.md 1.4): with the provider always set, the
// SDK would fetch a token before every subscribe, get a 404 and never subscribe. A server that
// wants tokens (Centrifugo client.subscription_token.enabled, the devstack `secure` profile)
// answers 103 to a subscribe without one; then we subscribe again with the provider, and keep
// using tokens for every channel (also after an organization switch), so a refusal costs one
// extra round trip once per run. The provider caches tokens until shortly before `exp` and the
// client paces token requests; a 103 with a token is final (channelError, no retry loop).
static constexpr int kPermissionDenied = Centrifuge::ReplyError::PermissionDenied;

void RealtimeBinding::subscribeOnClientThread(const QString& channel, bool replace)
{
    QPointer<RealtimeBinding> self(this);
    const quint64 generation = m_generation;
    const bool withToken = m_useSubscriptionTokens;
    Centrifuge::Client* client = m_client;
    QMetaObject::invokeMethod(
        client,
        [self, client, channel, generation, withToken, replace] {
            if (!self)
                return;
            Centrifuge::Subscription* sub = client->subscription(channel);
            if (replace) {
                if (!sub)
                    return; // left meanwhile (organization switch): nothing to replace
                client->removeSubscription(sub); // deleted later: its connections go with it
                sub = nullptr;
            }
            if (!sub) {
                Centrifuge::SubscriptionOptions options;
                options.useTokenProvider = withToken;
                sub = client->newSubscription(channel, options);
            }
            if (!sub)
                return;
            // Handlers first, then subscribe (a publication may follow the subscribe at once).
            QObject::connect(sub, &Centrifuge::Subscription::publication, self.data(),
                [self, channel, generation](const Centrifuge::Publication& p) {
                    if (self && self->m_generation == generation)
                        self->onPublication(channel, p);
                });
            QObject::connect(sub, &Centrifuge::Subscription::subscribed, self.data(),
                [self, channel, generation](const Centrifuge::SubscribedEvent& e) {
                    if (self && self->m_generation == generation)
                        self->onSubscribed(channel, e);
                });
            QObject::connect(sub, &Centrifuge::Subscription::stateChanged, self.data(),
                [self, channel, generation](Centrifuge::Subscription::State s) {
                    if (self && self->m_generation == generation) {
                        self->onSubscriptionState(channel, static_cast<int>(s));
                        Q_EMIT self->channelStateChanged(channel, s);
                    }
                });
            QObject::connect(sub, &Centrifuge::Subscription::errorOccurred, self.data(),
                [self, channel, withToken](
                    Centrifuge::ErrorType type, int code, const QString& message) {
                    if (!withToken && type == Centrifuge::ErrorType::Subscribe
                        && code == kPermissionDenied) {
                        qCInfo(lcModels) << "channel" << channel
                                         << "refused without a subscription token; asking the "
                                            "backend for one";
                        return; // not the user's problem yet: retryWithToken() follows
                    }
                    qCWarning(lcModels) << "channel" << channel << "error" << code << message;
                    if (self)
                        Q_EMIT self->channelError(channel, code, message);
                });
            QObject::connect(sub, &Centrifuge::Subscription::unsubscribed, self.data(),
                [self, channel, generation, withToken](int code, const QString& reason) {
                    if (!self)
                        return;
                    if (!withToken && code == kPermissionDenied) {
                        self->retryWithToken(channel, generation);
                        return;
                    }
                    if (self->m_generation == generation)
                        Q_EMIT self->channelUnsubscribed(channel, code, reason);
                    if (code != 0)
                        qCWarning(lcModels)
                            << "unsubscribed from" << channel << "code" << code << reason;
                    if (code == Centrifuge::ReplyError::UnknownChannel || code == kPermissionDenied
                        || code == Centrifuge::UnsubscribedCode::Unauthorized)
                        Q_EMIT self->channelError(channel, code, reason);
                });
            sub->subscribe();
        },
        // A replacement comes from the old subscription's own signal: never delete it there.
        replace ? Qt::QueuedConnection : Qt::AutoConnection);
    qCInfo(lcModels) << "subscribing to" << channel << (withToken ? "with a token" : "");
}

void RealtimeBinding::retryWithToken(const QString& channel, quint64 generation)
{
    if (generation != m_generation || !m_channels.contains(channel))
        return;
    if (!m_useSubscriptionTokens)
        qCInfo(lcModels) << "the server wants subscription tokens: using them from now on";
    m_useSubscriptionTokens = true;
    subscribeOnClientThread(channel, true);
}

void RealtimeBinding::removeOnClientThread(const QString& channel)
{
    Centrifuge::Client* client = m_client;
    if (!client)
        return;
    QMetaObject::invokeMethod(client, [client, channel] {
        if (Centrifuge::Subscription* sub = client->subscription(channel))
            client->removeSubscription(sub);
    });
    qCInfo(lcModels) << "leaving" << channel;
}

void RealtimeBinding::onClientState(int state)
{
    const bool connected = state == static_cast<int>(Centrifuge::Client::State::Connected);
    if (connected == m_clientConnected)
        return;
    m_clientConnected = connected;
    if (!connected) {
        for (auto it = m_subscribed.begin(); it != m_subscribed.end(); ++it)
            it.value() = false;
    }
    updateLive();
}

void RealtimeBinding::onSubscriptionState(const QString& channel, int state)
{
    const bool subscribed = state == static_cast<int>(Centrifuge::Subscription::State::Subscribed);
    if (!m_channels.contains(channel))
        return;
    m_subscribed.insert(channel, subscribed);
    updateLive();
}

void RealtimeBinding::onSubscribed(const QString& channel, const Centrifuge::SubscribedEvent& event)
{
    if (!m_channels.contains(channel))
        return;
    const bool again = m_everSubscribed.value(channel);
    m_everSubscribed.insert(channel, true);
    m_subscribed.insert(channel, true);
    qCInfo(lcModels) << "subscribed to" << channel << "recovered:" << event.recovered
                     << "again:" << again;
    updateLive();
    if (!event.recovered) {
        // With history off nothing is ever recovered: whatever was published while we were
        // not subscribed is lost, so the REST state is the only truth. The first subscribe of
        // an organization also races the initial fetch, hence no exception for it.
        Q_EMIT resyncNeeded(again
                ? QStringLiteral("resubscribed to %1 without recovery").arg(channel)
                : QStringLiteral("subscribed to %1").arg(channel));
    }
}

void RealtimeBinding::onPublication(
    const QString& channel, const Centrifuge::Publication& publication)
{
    const auto kind = m_channels.constFind(channel);
    if (kind == m_channels.constEnd())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_lastPublication.insert(channel, now);
    Q_EMIT publicationSeen(channel, now);
    auto event = parseInboxEvent(*kind, publication.data);
    if (!event) {
        qCWarning(lcModels) << "ignoring an undecodable publication on" << channel << "("
                            << publication.data.size() << "bytes)";
        return;
    }
    qCDebug(lcModels) << "publication" << event->typeName << "on" << channel << "conversation"
                      << event->conversationId;
    Q_EMIT eventReceived(*event);
}

void RealtimeBinding::updateLive()
{
    bool live = m_clientConnected && !m_channels.isEmpty();
    for (auto it = m_channels.cbegin(); live && it != m_channels.cend(); ++it)
        live = m_subscribed.value(it.key());
    if (live == m_live)
        return;
    m_live = live;
    qCInfo(lcModels) << "realtime" << (live ? "live" : "not live");
    Q_EMIT liveChanged(live);
}

void RealtimeBinding::handleSystemResume()
{
    if (Centrifuge::Client* client = m_client)
        QMetaObject::invokeMethod(client, &Centrifuge::Client::handleSystemResume);
}

} // namespace WhaTrack
