#include "realtime/serversubscriptions.h"

#include "realtime/client.h"
#include "realtime/logging.h"

namespace Centrifuge {

QMap<QString, Protocol::ServerSubRecovery> ServerSubscriptions::recoveryState() const
{
    QMap<QString, Protocol::ServerSubRecovery> state;
    for (auto it = m_subs.cbegin(); it != m_subs.cend(); ++it) {
        if (!it->recoverable || !it->position.isValid())
            continue;
        state.insert(
            it.key(), Protocol::ServerSubRecovery {true, it->position.epoch, it->position.offset});
    }
    return state;
}

void ServerSubscriptions::handleConnected(
    const QMap<QString, Protocol::SubscribeResult>& subs, const std::function<bool()>& alive)
{
    // Channels we held before but the server no longer lists are gone for good.
    const QStringList known = m_subs.keys();
    for (const QString& channel : known) {
        if (subs.contains(channel))
            continue;
        m_subs.remove(channel);
        qCInfo(lcRealtime) << "server-side subscription" << channel << "not renewed";
        Q_EMIT m_client->serverUnsubscribed(
            channel, UnsubscribedCode::ServerSideRemoved, QStringLiteral("not renewed by server"));
        if (!alive())
            return;
    }
    for (auto it = subs.cbegin(); it != subs.cend(); ++it) {
        const QString& channel = it.key();
        const Protocol::SubscribeResult& result = it.value();
        Entry& entry = m_subs[channel];
        entry.recoverable = result.recoverable;
        entry.positioned = result.positioned;
        if (result.recoverable || result.positioned)
            entry.position = StreamPosition {result.offset, result.epoch};

        SubscribedEvent event;
        event.channel = channel;
        event.recoverable = result.recoverable;
        event.positioned = result.positioned;
        event.position = entry.position;
        event.wasRecovering = result.wasRecovering;
        event.recovered = result.recovered;
        event.hasRecoveredPublications = !result.publications.empty();
        event.serverSide = true;
        event.data = result.data;
        qCInfo(lcRealtime) << "server-side subscribed" << channel << "recovered" << result.recovered
                           << "publications" << result.publications.size();
        Q_EMIT m_client->serverSubscribed(event);
        if (!alive())
            return;
        for (const Publication& recovered : result.publications) {
            Publication publication = recovered;
            publication.channel = channel;
            handlePublication(std::move(publication));
            if (!alive())
                return;
        }
    }
}

void ServerSubscriptions::handleSubscribePush(
    const QString& channel, const Protocol::SubscribePush& push)
{
    Entry& entry = m_subs[channel];
    entry.recoverable = push.recoverable;
    entry.positioned = push.positioned;
    entry.position = StreamPosition {push.offset, push.epoch};
    SubscribedEvent event;
    event.channel = channel;
    event.recoverable = push.recoverable;
    event.positioned = push.positioned;
    event.position = entry.position;
    event.serverSide = true;
    event.data = push.data;
    qCInfo(lcRealtime) << "server-side subscribed (push)" << channel;
    Q_EMIT m_client->serverSubscribed(event);
}

void ServerSubscriptions::handleUnsubscribePush(
    const QString& channel, int code, const QString& reason)
{
    if (!m_subs.remove(channel))
        return;
    qCInfo(lcRealtime) << "server-side unsubscribed" << channel << code << reason;
    Q_EMIT m_client->serverUnsubscribed(channel, code, reason);
}

bool ServerSubscriptions::handlePublication(Publication publication)
{
    auto it = m_subs.find(publication.channel);
    if (it == m_subs.end())
        return false;
    // Every publication moves the position, or the next connect would recover from a stale
    // offset and replay (centrifuge-swift#107).
    if (publication.offset > 0)
        it->position.offset = publication.offset;
    Q_EMIT m_client->serverPublication(publication);
    return true;
}

bool ServerSubscriptions::handleJoin(const QString& channel, const ClientInfo& info)
{
    if (!m_subs.contains(channel))
        return false;
    Q_EMIT m_client->serverJoin(channel, info);
    return true;
}

bool ServerSubscriptions::handleLeave(const QString& channel, const ClientInfo& info)
{
    if (!m_subs.contains(channel))
        return false;
    Q_EMIT m_client->serverLeave(channel, info);
    return true;
}

void ServerSubscriptions::handleTransportLost()
{
    const QStringList channels = m_subs.keys();
    for (const QString& channel : channels)
        Q_EMIT m_client->serverSubscribing(
            channel, SubscribingCode::TransportClosed, QStringLiteral("transport closed"));
}

void ServerSubscriptions::invalidate()
{
    for (Entry& entry : m_subs) {
        if (entry.position.isValid())
            entry.position = StreamPosition {0, QStringLiteral("_")};
    }
}

void ServerSubscriptions::clear(int code, const QString& reason)
{
    const QStringList channels = m_subs.keys();
    m_subs.clear();
    for (const QString& channel : channels)
        Q_EMIT m_client->serverUnsubscribed(channel, code, reason);
}

} // namespace Centrifuge
