#include "realtime/pingwatchdog.h"

namespace Centrifuge {

PingWatchdog::PingWatchdog(QObject* parent)
    : QObject(parent)
    , m_timer(this)
{
    connect(&m_timer, &OverdueTimer::expired, this, [this] {
        m_limit = std::chrono::milliseconds {0};
        Q_EMIT expired();
    });
}

void PingWatchdog::arm(
    std::chrono::milliseconds pingInterval, std::chrono::milliseconds maxServerPingDelay)
{
    if (pingInterval.count() <= 0) {
        disarm();
        return;
    }
    m_limit = pingInterval + maxServerPingDelay;
    m_timer.start(m_limit);
}

void PingWatchdog::disarm()
{
    m_limit = std::chrono::milliseconds {0};
    m_timer.stop();
}

void PingWatchdog::feed()
{
    if (isArmed())
        m_timer.touch();
}

} // namespace Centrifuge
