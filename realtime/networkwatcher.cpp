#include "realtime/networkwatcher.h"

#include "realtime/logging.h"

#include <QCoreApplication>
#include <QNetworkInformation>
#include <QPointer>
#include <QThread>

namespace Centrifuge {

NetworkWatcher::NetworkWatcher(QObject* parent)
    : NetworkMonitor(parent)
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
    handleReachability(info->reachability()); // the starting point: no signal for it
    connect(info, &QNetworkInformation::reachabilityChanged, this,
        [this](QNetworkInformation::Reachability reachability) {
            qCInfo(lcRealtime) << "network reachability changed to" << reachability;
            handleReachability(reachability);
        });
    if (info->supports(QNetworkInformation::Feature::TransportMedium)) {
        connect(info, &QNetworkInformation::transportMediumChanged, this,
            [this](QNetworkInformation::TransportMedium medium) {
                qCInfo(lcRealtime) << "network transport medium changed to" << medium;
                handleTransportMediumChange();
            });
    }
}

NetworkMonitor::Reachability NetworkWatcher::reachabilityOf(
    QNetworkInformation::Reachability reachability)
{
    switch (reachability) {
    case QNetworkInformation::Reachability::Online:
    case QNetworkInformation::Reachability::Site:
    case QNetworkInformation::Reachability::Local:
        return Reachability::Online;
    case QNetworkInformation::Reachability::Disconnected:
        return Reachability::Offline;
    case QNetworkInformation::Reachability::Unknown:
        break;
    }
    return Reachability::Unknown;
}

void NetworkWatcher::handleReachability(QNetworkInformation::Reachability reachability)
{
    // The first report after attaching is only where we start from, not a change.
    const bool isChange = m_haveStartingPoint;
    m_haveStartingPoint = true;
    const Reachability previous = m_reachability;
    m_reachability = reachabilityOf(reachability);
    if (m_reachability != previous || !isChange)
        Q_EMIT reachabilityChanged(m_reachability);
    if (!isChange || m_reachability == previous)
        return;
    if (m_reachability == Reachability::Online)
        Q_EMIT networkAvailable();
    else if (m_reachability == Reachability::Offline)
        Q_EMIT networkLost();
}

void NetworkWatcher::handleTransportMediumChange()
{
    if (m_reachability == Reachability::Online)
        Q_EMIT networkAvailable();
}

} // namespace Centrifuge
