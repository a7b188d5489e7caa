#include "app/gui/realtimethread.h"

#include "realtime/client.h"
#include "ui/logging.h"

namespace WhaTrack::Gui {

using Centrifuge::Client;

RealtimeThread::RealtimeThread(
    const QUrl& url, const Centrifuge::ClientOptions& options, QObject* parent)
    : QObject(parent)
    , m_client(new Client(url, options))
{
    m_thread.setObjectName(QStringLiteral("realtime"));
    // Move before any connection exists, so every timer and socket is born on the worker.
    m_client->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_client, &QObject::deleteLater);
    m_thread.start();
    qCInfo(lcUi) << "realtime thread started";
}

RealtimeThread::~RealtimeThread()
{
    stop();
}

void RealtimeThread::setTokenProvider(std::shared_ptr<Centrifuge::TokenProvider> provider)
{
    m_client->setTokenProvider(std::move(provider)); // queued to the client's thread
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
