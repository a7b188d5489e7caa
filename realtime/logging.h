#pragma once

//! \file logging.h
//! \brief Logging categories of the realtime module. Enable with QT_LOGGING_RULES, e.g.
//! "inbox.realtime.protocol.debug=true" dumps frames (tokens are redacted before logging).

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcRealtime) // inbox.realtime: lifecycle events
Q_DECLARE_LOGGING_CATEGORY(lcRealtimeProtocol) // inbox.realtime.protocol: frames, off by default
