#pragma once

//! \file realtimethread.h
//! \brief The Centrifugo client on its own QThread, so a busy GUI never delays a pong.
//!
//! The client is created here and moved to the worker thread before anything connects. Nothing
//! here listens to it: the store's RealtimeBinding owns the subscriptions and republishes every
//! event the GUI shows (queued). stop() closes the client on its own thread, then quits and
//! waits the thread: nothing leaks, nothing runs after.

#include "realtime/client.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QUrl>

#include <memory>

namespace WhaTrack::Gui {

class RealtimeThread : public QObject
{
    Q_OBJECT

public:
    RealtimeThread(
        const QUrl& url, const Centrifuge::ClientOptions& options, QObject* parent = nullptr);
    ~RealtimeThread() override;

    //! Lives on the worker thread: call only its thread-safe methods from the GUI.
    Centrifuge::Client* client() const { return m_client; }

    void setTokenProvider(std::shared_ptr<Centrifuge::TokenProvider> provider);

public Q_SLOTS:
    void connectToServer();
    void disconnectFromServer();
    //! "Try now": skip the backoff, or start again after a terminal disconnect.
    void reconnectNow();
    //! Closes the client on its thread, then stops the thread. Idempotent.
    void stop();

private:
    QThread m_thread;
    QPointer<Centrifuge::Client> m_client;
};

} // namespace WhaTrack::Gui
