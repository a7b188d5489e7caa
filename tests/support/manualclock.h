#pragma once

//! \file manualclock.h
//! \brief A Clock (realtime/clock.h) that only moves when told to: timers fire in due order
//! inside advance(). For every layer: token pacing, the query cache, the connection status.

#include "realtime/clock.h"

#include <QMap>
#include <QTimeZone>

namespace WhaTrack::Testing {

class ManualClock final : public Centrifuge::Clock
{
public:
    explicit ManualClock(
        QDateTime wallStart = QDateTime(QDate(2026, 5, 18), QTime(12, 0), QTimeZone::utc()))
        : m_wallStart(std::move(wallStart))
    {
    }

    qint64 nowMs() const override { return m_now; }
    QDateTime wallNow() const override { return m_wallStart.addMSecs(m_now); }

    TimerId schedule(qint64 delayMs, std::function<void()> fn) override
    {
        const TimerId id = m_nextId++;
        m_timers.insert({m_now + std::max<qint64>(0, delayMs), id}, std::move(fn));
        return id;
    }

    void cancel(TimerId id) override
    {
        for (auto it = m_timers.begin(); it != m_timers.end(); ++it) {
            if (it.key().second == id) {
                m_timers.erase(it);
                return;
            }
        }
    }

    //! Moves time forward, firing every timer that falls due (including ones scheduled meanwhile).
    void advance(qint64 ms)
    {
        const qint64 end = m_now + ms;
        while (!m_timers.isEmpty() && m_timers.firstKey().first <= end) {
            auto it = m_timers.begin();
            m_now = std::max(m_now, it.key().first);
            auto fn = std::move(it.value());
            m_timers.erase(it);
            fn();
        }
        m_now = end;
    }
    //! advance() to the monotonic time \a ms (never backwards).
    void setNowMs(qint64 ms) { advance(std::max<qint64>(0, ms - m_now)); }

    int pendingTimers() const { return static_cast<int>(m_timers.size()); }

private:
    QDateTime m_wallStart;
    qint64 m_now = 0;
    TimerId m_nextId = 1;
    QMap<QPair<qint64, TimerId>, std::function<void()>> m_timers;
};

} // namespace WhaTrack::Testing
