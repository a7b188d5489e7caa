#pragma once

//! \file connectionlink.h
//! \brief What the parts of the client (calls, subscriptions, the connection token) may ask of
//! the connection they share, and nothing more: its state and ids, the wire, and the few
//! transitions they may cause. The connection lifecycle implements it.

#include "realtime/client.h"
#include "realtime/error.h"

#include <QByteArray>
#include <QString>

namespace Centrifuge {

class ConnectionLink
{
public:
    virtual ~ConnectionLink() = default;

    virtual Client::State state() const = 0;
    //! Bumped when a connection starts or ends: an answer tied to an older one is stale.
    virtual quint64 session() const = 0;
    //! Bumped by every connect attempt (and a disconnect): a token for an older one is stale.
    virtual quint64 attempt() const = 0;
    //! Writes one frame to the current WebSocket; false when it could not.
    virtual bool sendFrame(const QByteArray& frame) = 0;
    //! errorOccurred and failed, in that order.
    virtual void reportError(const Error& error) = 0;

    //! The connect attempt's token is ready: open the WebSocket.
    virtual void openTransport() = 0;
    //! The connect attempt waits \a minDelayMs at least (reconnect backoff or more) before
    //! retrying.
    virtual void retryConnect(int minDelayMs) = 0;
    //! What the server holds is uncertain (a subscribe or unsubscribe went wrong): reconnect.
    virtual void reconnect(int code, const QString& reason) = 0;
    //! Terminal: disconnected with \a code.
    virtual void end(int code, const QString& reason) = 0;
};

} // namespace Centrifuge
