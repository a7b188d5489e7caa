#pragma once

//! \file callresult.h
//! \brief Outcome of an asynchronous call (publish, history, presence, rpc...).

#include "realtime/protocol/messages.h"

namespace Centrifuge {

//! Client-side CallResult codes (the centrifuge-js error codes, same numbers).
namespace CallCode {
inline constexpr int Timeout = 1;
inline constexpr int ClientDisconnected = 3;
inline constexpr int ClientClosed = 4;
inline constexpr int SubscriptionUnsubscribed = 7;
inline constexpr int TransportWriteError = 10;
inline constexpr int ConnectionClosed = 11;
} // namespace CallCode

struct CallResult
{
    //! 0 on success; a server error code (100-1999) or a client-side code below 100:
    //! 1 timeout, 11 connection closed, 3 client disconnected, 7 subscription not subscribed.
    int code = 0;
    QString message;
    bool temporary = false;
    Protocol::Result result; //!< the typed reply, set when code == 0

    bool ok() const { return code == 0; }
};

} // namespace Centrifuge

Q_DECLARE_METATYPE(Centrifuge::CallResult)
