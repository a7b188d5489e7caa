#include "app/gui/realtimethread.h"

#include "realtime/client.h"
#include "realtime/subscription.h"
#include "ui/connectionmonitor.h"
#include "ui/logging.h"

#include <QTimer>

namespace WhaTrack::Gui {

using Centrifuge::Client;
using Centrifuge::Subscription;
using Ui::ConnectionMonitor;

RealtimeThread::RealtimeThread(const QUrl& url, const Centrifuge::ClientOptions& options,
    ConnectionMonitor* monitor, QObject* parent)
    : QObject(parent)
    , m_client(new Client(url, options))
    , m_monitor(monitor)
{
    m_thread.setObjectName(QStringLiteral("realtime"));
    // Move before any connection exists, so every timer and socket is born on the worker.
    m_client->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_client, &QObject::deleteLater);
    wireClient();
    m_thread.start();
    qCInfo(lcUi) << "realtime thread started";
}

RealtimeThread::~RealtimeThread()
{
    stop();
}

void RealtimeThread::wireClient()
{
    // Receivers live on the GUI thread: every one of these connections is queued.
    Client* c = m_client;
    connect(c, &Client::stateChanged, m_monitor, &ConnectionMonitor::onStateChanged);
    connect(c, &Client::connecting, m_monitor, &ConnectionMonitor::onConnecting);
    connect(c, &Client::connected, m_monitor,
        [m = m_monitor](
            const QString& id, const QString& version) { m->onConnected(id, version); });
    connect(c, &Client::disconnected, m_monitor, &ConnectionMonitor::onDisconnected);
    connect(c, &Client::errorOccurred, m_monitor, &ConnectionMonitor::onError);
    connect(c, &Client::reconnectScheduled, m_monitor, &ConnectionMonitor::onReconnectScheduled);
    connect(c, &Client::tokenRefreshed, m_monitor, &ConnectionMonitor::onTokenRefreshed);
}

void RealtimeThread::setTokenProvider(std::shared_ptr<Centrifuge::TokenProvider> provider)
{
    m_client->setTokenProvider(std::move(provider)); // queued to the client's thread
}

void RealtimeThread::watchChannels(const QStringList& channels)
{
    m_watched = channels;
    for (const auto& channel : channels)
        wireChannel(channel, 0);
}

void RealtimeThread::wireChannel(const QString& channel, int attempt)
{
    if (!m_client || !m_watched.contains(channel))
        return;
    // subscription() is thread-safe (a locked registry). The store creates the subscriptions;
    // if it has not yet, look again shortly.
    Subscription* sub = m_client->subscription(channel);
    if (!sub) {
        if (attempt < 50)
            QTimer::singleShot(
                100, this, [this, channel, attempt] { wireChannel(channel, attempt + 1); });
        else
            qCWarning(lcUi) << "no subscription appeared for" << channel;
        return;
    }
    m_wired.removeAll(nullptr);
    if (m_wired.contains(sub))
        return;
    m_wired.append(sub);
    ConnectionMonitor* m = m_monitor;
    connect(sub, &Subscription::stateChanged, m,
        [m, channel](Subscription::State s) { m->onSubscriptionState(channel, s); });
    connect(sub, &Subscription::errorOccurred, m,
        [m, channel](Centrifuge::ErrorType, int code, const QString& message) {
            m->onSubscriptionError(channel, code, message);
        });
    connect(sub, &Subscription::unsubscribed, m, [m, channel](int code, const QString& reason) {
        m->onUnsubscribed(channel, code, reason);
    });
    connect(sub, &Subscription::publication, m,
        [m, channel](const Centrifuge::Publication&) { m->onPublication(channel); });
    // The state may have moved before we connected.
    m->onSubscriptionState(channel, sub->state());
}

void RealtimeThread::connectToServer()
{
    if (m_client)
        QMetaObject::invokeMethod(m_client, &Client::connectToServer, Qt::QueuedConnection);
}

void RealtimeThread::disconnectFromServer()
{
    if (m_client)
        QMetaObject::invokeMethod(m_client, &Client::disconnectFromServer, Qt::QueuedConnection);
}

void RealtimeThread::reconnectNow()
{
    if (!m_client)
        return;
    const auto state = m_client->state();
    if (state == Client::State::Disconnected)
        connectToServer();
    else
        QMetaObject::invokeMethod(m_client, &Client::reconnectNow, Qt::QueuedConnection);
}

void RealtimeThread::stop()
{
    if (!m_thread.isRunning())
        return;
    if (m_client) {
        // Graceful close on the client's own thread (no cross-thread socket access), then the
        // thread's finished() deletes the client there.
        QMetaObject::invokeMethod(m_client, &Client::close, Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
    qCInfo(lcUi) << "realtime thread stopped";
}

} // namespace WhaTrack::Gui
