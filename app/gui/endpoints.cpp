#include "app/gui/endpoints.h"

#include "models/cache/localcache.h"
#include "models/cache/privatefiles.h"

#include <QStandardPaths>

namespace WhaTrack::Gui {

QUrl effectiveWebSocketUrl(const GuiOptions& options)
{
    if (!options.webSocketUrl.isEmpty())
        return options.webSocketUrl;
    QUrl ws = options.backendUrl;
    ws.setScheme(
        ws.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    ws.setPath(QStringLiteral("/connection/websocket"));
    return ws;
}

QString serverName(const QUrl& url)
{
    return url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
}

QStringList channelTemplates(const GuiOptions& options)
{
    QStringList templates;
    templates << (options.messagesChannel.isEmpty() ? QStringLiteral("org:{org}:messages")
                                                    : options.messagesChannel);
    if (options.ticketsChannel != QLatin1String("-"))
        templates << (options.ticketsChannel.isEmpty() ? QStringLiteral("org:{org}:tickets")
                                                       : options.ticketsChannel);
    return templates;
}

QString localCachePath(const GuiOptions& options)
{
    if (!options.localCachePath.isEmpty())
        return options.localCachePath;
    // The app's own folder: private (0700) even if an older version made it 0755.
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    PrivateFiles::ensureDirectory(dir, true);
    // One file per backend origin (inside, rows are keyed by origin + organization too).
    LocalCache::removeLegacyFiles(dir);
    return dir + QLatin1Char('/') + LocalCache::fileNameFor(options.backendUrl);
}

} // namespace WhaTrack::Gui
