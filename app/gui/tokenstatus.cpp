#include "app/gui/tokenstatus.h"

#include "ui/connectionmonitor.h"

#include <QDateTime>
#include <QPointer>

namespace WhaTrack::Gui {

BackendTokenProvider::Observer tokenFetchObserver(Ui::ConnectionMonitor* monitor)
{
    return [monitor = QPointer<Ui::ConnectionMonitor>(monitor)](
               const Centrifuge::TokenRequest& request, Centrifuge::TokenReply::Status status,
               const QString& error, int /*retryAfterMs*/, qint64 expiresAt, bool /*fromCache*/) {
        if (request.kind != Centrifuge::TokenRequest::Kind::Connection)
            return;
        const bool ok = status == Centrifuge::TokenReply::Status::Ok;
        const QString description = status == Centrifuge::TokenReply::Status::Unauthorized
            ? QStringLiteral("unauthorized: ") + error
            : error;
        const qint64 expiresIn
            = ok && expiresAt > 0 ? expiresAt - QDateTime::currentSecsSinceEpoch() : -1;
        QMetaObject::invokeMethod(
            monitor,
            [monitor, ok, description, expiresIn] {
                if (!monitor)
                    return;
                monitor->onTokenFetch(ok, description);
                if (expiresIn >= 0)
                    monitor->onTokenRefreshed(expiresIn);
            },
            Qt::QueuedConnection);
    };
}

} // namespace WhaTrack::Gui
