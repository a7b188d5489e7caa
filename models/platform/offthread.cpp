#include "models/platform/offthread.h"

#include "models/logging.h"

#include <QThread>

#if defined(Q_OS_LINUX)
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace WhaTrack {

namespace {
//! How far below normal: nice 10 weighs 110 against the GUI thread's 1024 (nice 0), so when
//! both want a core the GUI thread gets about 90 % of it, and a decode still finishes when the
//! GUI thread is busy for a while.
constexpr int kNiceIncrement = 10;
// Declared (and, in backgroundPool(), created) first, so destroyed last: at exit the
// background pool waits for its tasks, and those may still hand work to this one. (Qt's
// global pool is no use for that: it is gone with the QCoreApplication, and a decode that
// finished after it crashed in QThreadPool::start(); seen with bench_models' naive peer.)
Q_GLOBAL_STATIC(QThreadPool, s_normalPool)
Q_GLOBAL_STATIC(QThreadPool, s_backgroundPool)
} // namespace

QThreadPool* backgroundPool()
{
    // A new thread inherits its creator's nice value: the normal pool's one thread is started
    // here, by the first thread that asks for background work (the GUI thread in the app), and
    // never expires; started later by a lowered task it would have been lowered too.
    [[maybe_unused]] static QThreadPool* const normal = [] {
        QThreadPool* pool = s_normalPool();
        pool->setMaxThreadCount(1);
        pool->setExpiryTimeout(-1);
        pool->start([] {});
        return pool;
    }();
    return s_backgroundPool();
}

void runAtNormalPriority(std::function<void()> task)
{
    backgroundPool(); // creates the pools in their order
    if (QThreadPool* pool = s_normalPool())
        pool->start(std::move(task));
    else
        task(); // after static destruction: nothing else is left to run it
}

int lowerCurrentThreadPriority()
{
#if defined(Q_OS_LINUX)
    thread_local int lowered = -100;
    if (lowered != -100)
        return lowered;
    // On Linux the nice value belongs to the thread (setpriority(2), NOTES): PRIO_PROCESS with
    // this thread's id changes this thread only, not the GUI thread.
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    errno = 0;
    const int now = ::getpriority(PRIO_PROCESS, tid);
    if (now == -1 && errno != 0)
        return lowered = 0;
    const int wanted = std::min(19, now + kNiceIncrement);
    if (wanted > now && ::setpriority(PRIO_PROCESS, tid, wanted) != 0) {
        qCWarning(lcModels) << "could not lower a background thread's priority:"
                            << qt_error_string(errno);
        return lowered = now;
    }
    qCDebug(lcModels) << "background thread" << tid << "runs at nice" << wanted;
    return lowered = std::max(now, wanted);
#else
    return 0;
#endif
}

} // namespace WhaTrack
