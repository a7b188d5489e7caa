#include "app/gui/reportingtokenprovider.h"

#include "models/backendtokenprovider.h"
#include "ui/connectionmonitor.h"

#include <QDateTime>
#include <QMetaObject>

namespace WhaTrack::Gui {

ReportingTokenProvider::ReportingTokenProvider(
    std::shared_ptr<Centrifuge::TokenProvider> inner, Ui::ConnectionMonitor* monitor)
    : m_inner(std::move(inner))
    , m_monitor(monitor)
{
}

void ReportingTokenProvider::fetchToken(const Centrifuge::TokenRequest& request, Callback done)
{
    const bool connection = request.kind == Centrifuge::TokenRequest::Kind::Connection;
    QPointer<Ui::ConnectionMonitor> monitor = m_monitor;
    m_inner->fetchToken(
        request, [monitor, connection, done = std::move(done)](Centrifuge::TokenReply reply) {
            if (monitor && connection) {
                // Only the outcome and the expiry cross over; the token itself stays here.
                const bool ok = reply.status == Centrifuge::TokenReply::Status::Ok;
                QString description = reply.error;
                if (reply.status == Centrifuge::TokenReply::Status::Unauthorized)
                    description = QStringLiteral("unauthorized: ") + reply.error;
                qint64 expiresIn = -1;
                if (ok) {
                    if (const auto exp = jwtExpiry(reply.token))
                        expiresIn = *exp - QDateTime::currentSecsSinceEpoch();
                }
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
            }
            done(std::move(reply));
        });
}

} // namespace WhaTrack::Gui
