#include "realtime/logging.h"

Q_LOGGING_CATEGORY(lcRealtime, "inbox.realtime", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRealtimeProtocol, "inbox.realtime.protocol", QtWarningMsg)
