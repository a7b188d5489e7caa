#pragma once

//! \file logging.h
//! \brief Logging categories of the data layer.

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcModels) // inbox.models: item models and query cache
Q_DECLARE_LOGGING_CATEGORY(lcApi) // inbox.api: REST calls (URLs sanitised, no cookies)
Q_DECLARE_LOGGING_CATEGORY(lcCache) // inbox.cache: the local SQLite cache
Q_DECLARE_LOGGING_CATEGORY(lcAuth) // inbox.auth: session and keychain
