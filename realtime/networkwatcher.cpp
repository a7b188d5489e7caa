#include "realtime/networkwatcher.h"

#include "realtime/logging.h"

#include <QCoreApplication>
#include <QNetworkInformation>
#include <QPointer>
#include <QThread>

namespace Centrifuge {

NetworkWatcher::NetworkWatcher(QObject* parent)
    : QObject(parent)
{
}

void NetworkWatcher::start()
{
    if (m_started)
        return;
    m_started = true;
    QCoreApplication* app = QCoreApplication::instance();
    if (!app)
        return;
    QPointer<NetworkWatcher> self = this;
    auto load = [self] {
        const bool loaded = QNetworkInformation::instance()
            || QNetworkInformation::loadBackendByFeatures(
                QNetworkInformation::Feature::Reachability);
        if (!loaded) {
            qCInfo(lcRealtime) << "no network reachability backend; network changes not watched";
            return;
        }
        // Back to the watcher's own thread to connect (the instance lives on the app thread,
        // its signal reaches us queued when we run elsewhere).
        if (self)
            QMetaObject::invokeMethod(self.data(), [self] {
                if (self)
                    self->attach();
            });
    };
    if (QThread::currentThread() == app->thread())
        load();
    else
        QMetaObject::invokeMethod(app, load, Qt::QueuedConnection);
}

void NetworkWatcher::attach()
{
    QNetworkInformation* info = QNetworkInformation::instance();
    if (!info || m_attached)
        return;
    m_attached = true;
    qCInfo(lcRealtime) << "watching network reachability with backend" << info->backendName();
    m_lastReachability = int(info->reachability());
    connect(info, &QNetworkInformation::reachabilityChanged, this,
        [this](QNetworkInformation::Reachability reachability) {
            const int previous = m_lastReachability;
            m_lastReachability = int(reachability);
            qCInfo(lcRealtime) << "network reachability changed to" << reachability;
            switch (reachability) {
            case QNetworkInformation::Reachability::Online:
            case QNetworkInformation::Reachability::Site:
            case QNetworkInformation::Reachability::Local:
                if (previous != m_lastReachability)
                    Q_EMIT networkAvailable();
                break;
            case QNetworkInformation::Reachability::Disconnected:
                Q_EMIT networkLost();
                break;
            case QNetworkInformation::Reachability::Unknown:
                break;
            }
        });
}

} // namespace Centrifuge
