#include "realtime/clock.h"

#include <QCoreApplication>
#include <QTimer>

namespace Centrifuge {

Clock* Clock::system()
{
    static SystemClock* clock = [] {
        auto* c = new SystemClock; // lives for the whole process
        // The first caller may be a worker thread (the realtime client's); timers belong to
        // the main thread, where the models schedule theirs.
        if (auto* app = QCoreApplication::instance(); app && c->thread() != app->thread())
            c->moveToThread(app->thread());
        return c;
    }();
    return clock;
}

SystemClock::SystemClock(QObject* parent)
    : QObject(parent)
{
    m_elapsed.start();
}

SystemClock::~SystemClock() = default;

qint64 SystemClock::nowMs() const
{
    return m_elapsed.elapsed();
}

QDateTime SystemClock::wallNow() const
{
    return QDateTime::currentDateTimeUtc();
}

Clock::TimerId SystemClock::schedule(qint64 delayMs, std::function<void()> fn)
{
    const TimerId id = m_nextId++;
    auto* timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer);
    connect(timer, &QTimer::timeout, this, [this, id, fn = std::move(fn)] {
        if (QTimer* t = m_timers.take(id))
            t->deleteLater();
        fn();
    });
    m_timers.insert(id, timer);
    timer->start(static_cast<int>(std::max<qint64>(0, delayMs)));
    return id;
}

void SystemClock::cancel(TimerId id)
{
    if (QTimer* t = m_timers.take(id)) {
        t->stop();
        t->deleteLater();
    }
}

} // namespace Centrifuge
