#pragma once

//! \file cachesaver.h
//! \brief What of the local cache needs writing, and when: changes are batched behind one
//! debounce so a burst of publications and refetches costs one write, not one per change.
//!
//! Why its own object: the batching is a promise with edges a user notices (a burst writes
//! once; nothing is lost at quit or at an organization switch, where the wait is cut short)
//! and it is testable with a ManualClock alone; the store only says what changed and how to
//! write it.

#include "models/store/clock.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

namespace WhaTrack {

class CacheSaver
{
public:
    //! What is waiting to be written.
    struct Dirty
    {
        bool chats = false; //!< the chat list
        QSet<QString> messageChats; //!< chats whose newest messages changed
    };
    //! Writes \a dirty; returns false when it could not (no organization): kept for later.
    using Write = std::function<bool(const Dirty& dirty)>;

    CacheSaver(Clock* clock, qint64 delayMs, Write write);
    ~CacheSaver();
    CacheSaver(const CacheSaver&) = delete;
    CacheSaver& operator=(const CacheSaver&) = delete;

    //! The chat list changed: written within the delay, with whatever else changed meanwhile.
    void chatsChanged();
    //! The newest messages of \a chatId changed.
    void messagesChanged(const QString& chatId);
    //! Nothing of \a chatIds is to be written any more (the server no longer lists them).
    void forgetChats(const QStringList& chatIds);
    //! Writes what is waiting now instead of at the end of the delay (quit, organization switch).
    void flush();
    //! Drops what is waiting without writing it.
    void discard();
    //! A write is scheduled.
    bool isScheduled() const { return m_timer != 0; }

private:
    void schedule();
    void writeNow();

    Clock* m_clock;
    qint64 m_delayMs;
    Write m_write;
    Dirty m_dirty;
    Clock::TimerId m_timer = 0;
};

} // namespace WhaTrack
