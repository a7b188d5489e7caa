#pragma once

//! \file client_p.h
//! \brief Private state of Client: the parts it is composed of, one object per concern, each
//! with its own state. They run on the client's thread, except the atomics and the
//! subscription registry (guarded by its mutex) that public getters read from anywhere.
//!
//!   connection    the lifecycle: state machine, transport, ping, reconnect (clientconnection.h);
//!                 the others talk to it through ConnectionLink (connectionlink.h)
//!   calls         calls and the commands waiting for their reply (clientcalls.h)
//!   tokens        the connection token: provider, fetch, paced refresh (connectiontoken.h)
//!   subs          client-side and server-side subscriptions (clientsubscriptions.h)

#include "realtime/client.h"
#include "realtime/clientcalls.h"
#include "realtime/clientconnection.h"
#include "realtime/clientsubscriptions.h"
#include "realtime/connectiontoken.h"

namespace Centrifuge {

class ClientPrivate
{
public:
    ClientPrivate(Client* q, QUrl url, ClientOptions options);

    const ClientOptions options;
    ClientConnection connection;
    ClientCalls calls;
    ConnectionToken tokens;
    ClientSubscriptions subs;
};

} // namespace Centrifuge
