#pragma once

//! \file offthread.h
//! \brief Frees big containers on the thread pool. A list of 70,000 decoded chats, or a hash
//! of 70,000 ids, takes 50-110 ms to free (a million small blocks, glibc's arena locks): never
//! on the GUI thread (issue 8). The value is moved into a pool task that drops it; what is
//! implicitly shared with someone else only loses a reference there.

#include <QThreadPool>

#include <utility>

namespace WhaTrack {

template<typename T> void releaseOffThread(T&& value)
{
    QThreadPool::globalInstance()->start([gone = std::forward<T>(value)]() mutable {
        [[maybe_unused]] const auto dropped = std::move(gone);
    });
}

} // namespace WhaTrack
