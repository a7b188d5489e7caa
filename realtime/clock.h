#pragma once

//! \file clock.h
//! \brief The one clock of the code base: monotonic time, wall time and single-shot timers
//! behind an interface, so token pacing, the query cache, the watchdog, the ticket countdown,
//! the connection status and token expiry can be tested with a manual clock
//! (tests/support/manualclock.h) instead of sleeps. It lives here, in the lowest layer that
//! needs it; models/ and ui/ use it as it is.

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <functional>

class QTimer;

namespace Centrifuge {

class Clock
{
public:
    using TimerId = quint64;
    virtual ~Clock() = default;
    //! Monotonic milliseconds (only differences are meaningful). Safe from any thread.
    virtual qint64 nowMs() const = 0;
    //! Wall-clock time (UTC), for "last updated" labels, token expiry and comparisons with
    //! server timestamps. Safe from any thread.
    virtual QDateTime wallNow() const = 0;
    //! Runs \a fn once after \a delayMs on the clock's thread. Returns a non-zero id. Call it
    //! from the clock's thread.
    virtual TimerId schedule(qint64 delayMs, std::function<void()> fn) = 0;
    virtual void cancel(TimerId id) = 0;

    //! The process-wide real clock (QElapsedTimer + QTimer). Its timers run on the
    //! application's main thread, whichever thread asks for it first; its time may be read
    //! from any thread (the realtime client's token pacing runs on its own).
    static Clock* system();
};

//! The real clock. Timers are QTimer single shots parented to it.
class SystemClock final : public QObject, public Clock
{
    Q_OBJECT

public:
    explicit SystemClock(QObject* parent = nullptr);
    ~SystemClock() override;
    qint64 nowMs() const override;
    QDateTime wallNow() const override;
    TimerId schedule(qint64 delayMs, std::function<void()> fn) override;
    void cancel(TimerId id) override;

private:
    QElapsedTimer m_elapsed;
    QHash<TimerId, QTimer*> m_timers;
    TimerId m_nextId = 1;
};

} // namespace Centrifuge
