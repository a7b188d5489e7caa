#pragma once

//! \file overduetimer.h
//! \brief A single-shot timer that lets already-received data win before it reports expiry.
//!
//! Why: after a laptop sleep, or while the client's thread was busy, a timer and the socket can
//! become ready in the same event-loop turn. Firing "no ping" or a call timeout then would throw
//! away a ping or a reply that is already waiting in the socket (centrifuge-js#398, #423,
//! centrifuge-go#142). So expiry is confirmed only after a grace step: one more event-loop turn
//! normally, one second when the timer itself fired late (the thread was blocked or the machine
//! slept), which also gives a resumed network interface time to deliver.

#include <QObject>
#include <QTimer>

#include <chrono>

namespace Centrifuge {

class OverdueTimer : public QObject
{
    Q_OBJECT
public:
    explicit OverdueTimer(QObject* parent = nullptr);

    //! (Re)starts the timer; cancels a grace step in progress.
    void start(std::chrono::milliseconds interval);
    //! Moves the deadline to now + the last interval, like start(), but cheaply: the QTimer is
    //! not re-armed here but when it fires early. Meant for once per received frame, where
    //! re-registering a timer with the event dispatcher cost 2-4 % of the client's CPU.
    void touch();
    void stop();
    bool isActive() const;

    //! How late a timer must fire to earn the long grace.
    static constexpr std::chrono::milliseconds lateThreshold {1000};
    static constexpr std::chrono::milliseconds longGrace {1000};

Q_SIGNALS:
    //! The interval passed and the grace step found nothing that restarted the timer.
    void expired();

private:
    void onTimeout();

    using Clock = std::chrono::steady_clock;

    QTimer m_timer;
    QTimer m_grace;
    //! Wall clock minus monotonic clock, in ms: it grows by the time the machine was suspended
    //! (the monotonic clock, which QTimer uses, stands still then).
    static qint64 suspendOffsetMs();

    std::chrono::milliseconds m_interval {0};
    Clock::time_point m_deadline;
    qint64 m_offsetAtStartMs = 0; //!< at the last start() or touch()
};

} // namespace Centrifuge
