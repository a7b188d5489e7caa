#pragma once

//! \file callresult.h
//! \brief Outcome of an asynchronous call (publish, history, presence, rpc...).

#include "realtime/protocol/messages.h"

namespace Centrifuge {

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
