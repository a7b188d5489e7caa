#pragma once

//! \file outputwriter.h
//! \brief Output lines written by a thread of their own through a bounded queue, so a reader
//! that is slow or stopped (`listen | slow-reader`, a full pipe) never blocks the caller: the
//! realtime client shares the caller's thread and must keep answering pings (a 25 s stall
//! gets the connection closed for "no pong", 3012, and publications lost).
//!
//! A line that does not fit in the queue is dropped and counted. The count is reported in the
//! output itself, before the next line that fits and at the end:
//! `{"event":"dropped","ts":...,"count":N,"total":T}` (N since the last report), and on stderr.

#include <QByteArray>

#include <chrono>
#include <memory>

namespace Cli {

class OutputWriter
{
public:
    //! Writes to \a fd (not owned). At most \a maxQueuedBytes wait in the queue (one line
    //! larger than that is taken when the queue is empty).
    explicit OutputWriter(int fd, qsizetype maxQueuedBytes = 1024 * 1024);
    //! finish() with a short timeout if it was not called.
    ~OutputWriter();
    OutputWriter(const OutputWriter&) = delete;
    OutputWriter& operator=(const OutputWriter&) = delete;

    //! Queues \a line (without its newline) and returns at once; false when it was dropped
    //! because the queue is full (the reader is not keeping up) or the output is gone.
    bool writeLine(const QByteArray& line);
    //! Lines dropped so far.
    quint64 dropped() const;
    //! Reports drops not reported yet, then waits up to \a timeout for the queue to be written.
    //! False if the reader did not take it all in time (the thread is then left to the end of
    //! the process: a write to a pipe nobody reads cannot be interrupted). Idempotent.
    bool finish(std::chrono::milliseconds timeout);

private:
    struct State;
    std::shared_ptr<State> m_state;
    bool m_finished = false;
};

} // namespace Cli
