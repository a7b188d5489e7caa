#pragma once

//! \file serversubscriptions.h
//! \brief Server-side subscriptions (JWT `channels`/`subs` claims, server API subscribe, connect
//! proxy): their registry, stream positions and the client-level events they produce.

#include "realtime/protocol/messages.h"

#include <QMap>
#include <QString>

#include <functional>

namespace Centrifuge {

class Client;

class ServerSubscriptions
{
public:
    explicit ServerSubscriptions(Client* client)
        : m_client(client)
    {
    }

    //! What goes into ConnectRequest::subs so the server can recover them on reconnect. Only
    //! recoverable ones, as centrifuge-js does.
    QMap<QString, Protocol::ServerSubRecovery> recoveryState() const;

    //! The connect reply's `subs`: emits subscribed (+ recovered publications) for each, and
    //! unsubscribed for channels that vanished since the last connection. \a alive is checked
    //! after every emit: a handler may tear the connection down.
    void handleConnected(
        const QMap<QString, Protocol::SubscribeResult>& subs, const std::function<bool()>& alive);
    void handleSubscribePush(const QString& channel, const Protocol::SubscribePush& push);
    void handleUnsubscribePush(const QString& channel, int code, const QString& reason);
    //! False if \a channel is no server-side subscription of ours.
    bool handlePublication(Publication publication);
    bool handleJoin(const QString& channel, const ClientInfo& info);
    bool handleLeave(const QString& channel, const ClientInfo& info);
    //! Transport lost: each goes subscribing (code 1), keeping its position for recovery.
    void handleTransportLost();
    //! State invalidated (3014): positions reset so the next connect reports recovered=false.
    void invalidate();
    //! Client closed: each goes unsubscribed and the registry empties.
    void clear(int code, const QString& reason);

    bool contains(const QString& channel) const { return m_subs.contains(channel); }
    StreamPosition position(const QString& channel) const { return m_subs.value(channel).position; }
    QStringList channels() const { return m_subs.keys(); }

private:
    struct Entry
    {
        bool recoverable = false;
        bool positioned = false;
        StreamPosition position;
    };

    Client* m_client;
    QMap<QString, Entry> m_subs;
};

} // namespace Centrifuge
