#pragma once

//! \file pingwatchdog.h
//! \brief Detects a silent server: no frame within `ping + maxServerPingDelay`.

#include "realtime/overduetimer.h"

#include <QObject>

#include <chrono>

namespace Centrifuge {

class PingWatchdog : public QObject
{
    Q_OBJECT
public:
    explicit PingWatchdog(QObject* parent = nullptr);

    //! Arms the watchdog for a session whose server pings every \a pingInterval. A zero interval
    //! (pings disabled by the server) disarms it.
    void arm(std::chrono::milliseconds pingInterval, std::chrono::milliseconds maxServerPingDelay);
    void disarm();
    //! Any received frame proves the server is alive (as centrifuge-js does, not only pings:
    //! a busy stream may delay a ping behind publications).
    void feed();
    bool isArmed() const { return m_limit.count() > 0; }

Q_SIGNALS:
    void expired();

private:
    OverdueTimer m_timer;
    std::chrono::milliseconds m_limit {0};
};

} // namespace Centrifuge
