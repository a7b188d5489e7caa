#pragma once

//! \file tokenrefresher.h
//! \brief Asking the application's TokenProvider safely, and timing token refreshes.

#include "realtime/tokenprovider.h"

#include <QMutex>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>

namespace Centrifuge {

//! Lets callbacks from any thread reach an object that may be gone by then: post() queues the
//! function to the target's thread while the target lives, and does nothing after cut().
class Lifeline
{
public:
    explicit Lifeline(QObject* target)
        : m_target(target)
    {
    }
    void post(std::function<void()> function);
    void cut();

private:
    QMutex m_mutex;
    QObject* m_target;
};

//! Asks \a provider for a token and calls \a done on \a lifeline's thread exactly once: with the
//! provider's reply, or with a Failed reply after \a timeout if the provider never answers (a
//! stuck provider must not freeze the connection). Always asynchronous, even if the provider
//! answers inside fetchToken(), so callers never re-enter themselves.
void requestToken(const std::shared_ptr<TokenProvider>& provider, const TokenRequest& request,
    const std::shared_ptr<Lifeline>& lifeline, QObject* context, std::chrono::milliseconds timeout,
    std::function<void(const TokenReply&)> done);

//! Fires when a token is due for refresh (planned by TokenPacer::refreshDelay()), or after a
//! retry delay when a refresh failed.
class TokenRefresher : public QObject
{
    Q_OBJECT
public:
    explicit TokenRefresher(QObject* parent = nullptr);

    void scheduleIn(std::chrono::milliseconds delay);
    void stop() { m_timer.stop(); }
    bool isActive() const { return m_timer.isActive(); }

Q_SIGNALS:
    void due();

private:
    QTimer m_timer;
};

} // namespace Centrifuge
