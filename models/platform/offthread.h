#pragma once

//! \file offthread.h
//! \brief Work the GUI thread hands off and never waits for: decoding big REST bodies,
//! preparing and freeing big lists. It runs on backgroundPool(), whose threads run below the
//! GUI thread's CPU priority, so on a busy 2-core machine the GUI thread gets the core first
//! (issue 15: the decode of an 18 MB chat list competed with the GUI thread for the cores).

#include <QThreadPool>

#include <functional>
#include <utility>

namespace WhaTrack {

//! The process-wide pool for background work (not QThreadPool::globalInstance(): its threads
//! are lowered once and stay lowered, and Linux does not let a thread raise itself back).
QThreadPool* backgroundPool();

//! Lowers the calling thread's CPU priority below normal, once per thread; what is already
//! lowered stays as it is. Linux: nice + 10 for this thread only. (Qt 6.4's QThread::setPriority
//! and QThreadPool::setThreadPriority do nothing for SCHED_OTHER threads except IdlePriority,
//! which is SCHED_IDLE: a decode would then get no CPU at all while the GUI thread is busy.)
//! Returns the thread's nice value afterwards (0 where it is not supported).
int lowerCurrentThreadPriority();

//! Runs \a task off the GUI thread at normal priority, for work that holds locks the GUI
//! thread also takes (malloc_trim holds each arena's lock): on a lowered thread that is
//! preempted, the GUI thread would wait as long (priority inversion).
void runAtNormalPriority(std::function<void()> task);

//! Runs \a task on backgroundPool(), below the GUI thread's priority.
template<typename F> void runInBackground(F&& task)
{
    backgroundPool()->start([task = std::forward<F>(task)]() mutable {
        lowerCurrentThreadPriority();
        task();
    });
}

//! Frees big containers in the background. A list of 70,000 decoded chats, or a hash of
//! 70,000 ids, takes 50-110 ms to free (a million small blocks, glibc's arena locks): never on
//! the GUI thread (issue 8). The value is moved into a task that drops it; what is implicitly
//! shared with someone else only loses a reference there.
template<typename T> void releaseOffThread(T&& value)
{
    runInBackground([gone = std::forward<T>(value)]() mutable {
        [[maybe_unused]] const auto dropped = std::move(gone);
    });
}

} // namespace WhaTrack
