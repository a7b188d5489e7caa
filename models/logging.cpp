#include "models/logging.h"

Q_LOGGING_CATEGORY(lcModels, "inbox.models", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "inbox.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCache, "inbox.cache", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "inbox.auth", QtInfoMsg)
