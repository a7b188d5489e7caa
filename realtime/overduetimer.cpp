#include "realtime/overduetimer.h"

#include <QDateTime>

namespace Centrifuge {

OverdueTimer::OverdueTimer(QObject* parent)
    : QObject(parent)
    , m_timer(this) // children, so moveToThread() takes them along
    , m_grace(this)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    m_grace.setSingleShot(true);
    m_grace.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &OverdueTimer::onTimeout);
    connect(&m_grace, &QTimer::timeout, this, &OverdueTimer::expired);
}

void OverdueTimer::start(std::chrono::milliseconds interval)
{
    m_grace.stop();
    m_interval = interval;
    m_deadline = Clock::now() + interval;
    m_offsetAtStartMs = suspendOffsetMs();
    m_timer.start(interval);
}

void OverdueTimer::touch()
{
    if (m_grace.isActive()) { // expiry was being confirmed: this is the data that wins
        start(m_interval);
        return;
    }
    if (m_timer.isActive()) {
        m_deadline = Clock::now() + m_interval;
        m_offsetAtStartMs = suspendOffsetMs(); // a suspend before this data does not count
    }
}

void OverdueTimer::stop()
{
    m_timer.stop();
    m_grace.stop();
}

bool OverdueTimer::isActive() const
{
    return m_timer.isActive() || m_grace.isActive();
}

qint64 OverdueTimer::suspendOffsetMs()
{
    const auto mono
        = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch());
    return QDateTime::currentMSecsSinceEpoch() - mono.count();
}

void OverdueTimer::onTimeout()
{
    using std::chrono::milliseconds;
    const qint64 suspendedMs = suspendOffsetMs() - m_offsetAtStartMs;
    const auto late = std::chrono::floor<milliseconds>(Clock::now() - m_deadline);
    if (suspendedMs < lateThreshold.count() && late.count() < 0) {
        // Touched since the timer was armed: not due yet. Re-armed once per interval at most.
        m_timer.start(-late);
        return;
    }
    const bool slow = suspendedMs >= lateThreshold.count() || late >= lateThreshold;
    // Zero: let the rest of this event-loop turn (socket notifiers, queued frames) run first.
    m_grace.start(slow ? longGrace : milliseconds {0});
}

} // namespace Centrifuge
