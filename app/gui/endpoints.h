#pragma once

//! \file endpoints.h
//! \brief What the options say about where to connect: the WebSocket URL derived from the
//! backend's, the server's name for messages, the channel templates, the offline cache file.
//! Pure functions (the cache path also prepares its folder), unit-tested in tests/app.

#include "app/gui/guioptions.h"

#include <QStringList>
#include <QUrl>

namespace WhaTrack::Gui {

//! The configured WebSocket URL, or one origin for both (as behind a single reverse proxy):
//! the backend's host with ws/wss and /connection/websocket.
QUrl effectiveWebSocketUrl(const GuiOptions& options);

//! "host" or "host:port" for messages: no scheme, path or credentials.
QString serverName(const QUrl& url);

//! The channel templates in use, messages first; tickets disabled with "-" (as in the store).
QStringList channelTemplates(const GuiOptions& options);

//! The offline cache file: the one given, else one file per backend origin in the app's
//! private (0700) data folder; older per-host files that mixed two servers are removed.
QString localCachePath(const GuiOptions& options);

} // namespace WhaTrack::Gui
