#pragma once

//! \file clock.h
//! \brief Time and single-shot timers behind an interface, so the query cache, the watchdog and
//! the ticket countdown can be tested with a manual clock instead of sleeps.

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <functional>

class QTimer;

namespace WhaTrack {

class Clock
{
public:
    using TimerId = quint64;
    virtual ~Clock() = default;
    //! Monotonic milliseconds (only differences are meaningful).
    virtual qint64 nowMs() const = 0;
    //! Wall-clock time, for "last updated" labels and comparisons with server timestamps.
    virtual QDateTime wallNow() const = 0;
    //! Runs \a fn once after \a delayMs on the clock's thread. Returns a non-zero id.
    virtual TimerId schedule(qint64 delayMs, std::function<void()> fn) = 0;
    virtual void cancel(TimerId id) = 0;

    //! The process-wide real clock (QElapsedTimer + QTimer), living on the thread that first
    //! asks for it: call it from the GUI thread first.
    static Clock* system();
};

//! The real clock. Timers are QTimer single shots parented to an internal QObject.
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

} // namespace WhaTrack
