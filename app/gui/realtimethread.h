#pragma once

//! \file realtimethread.h
//! \brief The Centrifugo client on its own QThread, so a busy GUI never delays a pong.
//!
//! The client is created here, moved to the worker thread before anything connects, and its
//! signals reach the GUI (ConnectionMonitor, InboxStore) queued. stop() closes it on its own
//! thread, then quits and waits the thread: nothing leaks, nothing runs after.

#include "realtime/client.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QUrl>

#include <memory>

namespace WhaTrack::Ui {
class ConnectionMonitor;
}

namespace WhaTrack::Gui {

class RealtimeThread : public QObject
{
    Q_OBJECT

public:
    RealtimeThread(const QUrl& url, const Centrifuge::ClientOptions& options,
        Ui::ConnectionMonitor* monitor, QObject* parent = nullptr);
    ~RealtimeThread() override;

    //! Lives on the worker thread: call only its thread-safe methods from the GUI.
    Centrifuge::Client* client() const { return m_client; }

    void setTokenProvider(std::shared_ptr<Centrifuge::TokenProvider> provider);
    //! Subscribes the monitor to the state of \a channels' subscriptions (created by the store).
    void watchChannels(const QStringList& channels);

public Q_SLOTS:
    void connectToServer();
    void disconnectFromServer();
    //! "Try now": skip the backoff, or start again after a terminal disconnect.
    void reconnectNow();
    //! Closes the client on its thread, then stops the thread. Idempotent.
    void stop();

private:
    void wireClient();
    void wireChannel(const QString& channel, int attempt);

    QThread m_thread;
    QPointer<Centrifuge::Client> m_client;
    Ui::ConnectionMonitor* m_monitor;
    QStringList m_watched;
    QList<QPointer<QObject>> m_wired; //!< subscriptions already connected to the monitor
};

} // namespace WhaTrack::Gui
