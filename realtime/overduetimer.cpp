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
    m_expectedWallMs = QDateTime::currentMSecsSinceEpoch() + interval.count();
    m_timer.start(interval);
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

void OverdueTimer::onTimeout()
{
    const qint64 lateMs = QDateTime::currentMSecsSinceEpoch() - m_expectedWallMs;
    // Zero: let the rest of this event-loop turn (socket notifiers, queued frames) run first.
    m_grace.start(lateMs >= lateThreshold.count() ? longGrace : std::chrono::milliseconds {0});
}

} // namespace Centrifuge
