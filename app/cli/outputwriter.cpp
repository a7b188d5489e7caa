#include "app/cli/outputwriter.h"

#include <QDateTime>

#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace Cli {

struct OutputWriter::State
{
    int fd = 1;
    qsizetype maxQueuedBytes = 0;
    std::mutex mutex;
    std::condition_variable wake; //!< the writer: lines queued, or stop
    std::condition_variable idle; //!< finish(): the queue is empty and nothing is being written
    std::deque<QByteArray> queue;
    qsizetype queuedBytes = 0;
    bool writing = false;
    bool stop = false;
    bool broken = false; //!< the output failed (closed pipe...): everything is dropped
    quint64 droppedTotal = 0;
    quint64 droppedUnreported = 0;
    bool warnedOnStderr = false;
    std::thread thread;

    //! Holding the mutex: queues the report of drops not reported yet (small, never dropped).
    void queueDropReport()
    {
        if (droppedUnreported == 0)
            return;
        const QByteArray line = "{\"event\":\"dropped\",\"ts\":"
            + QByteArray::number(QDateTime::currentMSecsSinceEpoch())
            + ",\"count\":" + QByteArray::number(droppedUnreported)
            + ",\"total\":" + QByteArray::number(droppedTotal) + "}\n";
        droppedUnreported = 0;
        queuedBytes += line.size();
        queue.push_back(line);
    }

    //! The whole buffer, or false when the output is gone. Blocks while the reader does not read.
    bool writeAll(const QByteArray& data) const
    {
        const char* p = data.constData();
        qsizetype left = data.size();
        while (left > 0) {
            const ssize_t n = ::write(fd, p, size_t(left));
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                return false;
            }
            p += n;
            left -= n;
        }
        return true;
    }

    void run()
    {
        std::unique_lock lock(mutex);
        for (;;) {
            wake.wait(lock, [this] { return stop || !queue.empty(); });
            if (queue.empty()) {
                idle.notify_all();
                if (stop)
                    return;
                continue;
            }
            // Take everything queued in one write: fewer syscalls when the reader is fast.
            QByteArray batch;
            while (!queue.empty()) {
                batch += queue.front();
                queue.pop_front();
            }
            writing = true;
            lock.unlock();
            const bool ok = !broken && writeAll(batch);
            lock.lock();
            writing = false;
            queuedBytes = 0;
            for (const QByteArray& line : queue)
                queuedBytes += line.size();
            if (!ok && !broken) {
                broken = true;
                std::fprintf(stderr,
                    "whatrack-inbox-cli: the output cannot be written any more "
                    "(closed?); further lines are dropped\n");
            }
            if (queue.empty())
                idle.notify_all();
        }
    }
};

OutputWriter::OutputWriter(int fd, qsizetype maxQueuedBytes)
    : m_state(std::make_shared<State>())
{
    m_state->fd = fd;
    m_state->maxQueuedBytes = maxQueuedBytes;
    // The thread holds the state too: if it is still blocked in write() when we are gone, it
    // must not touch freed memory.
    m_state->thread = std::thread([state = m_state] { state->run(); });
}

OutputWriter::~OutputWriter()
{
    finish(std::chrono::milliseconds {2000});
}

bool OutputWriter::writeLine(const QByteArray& line)
{
    State& s = *m_state;
    std::lock_guard lock(s.mutex);
    // The batch being written was already taken off the queue: queuedBytes counts only what
    // still waits, so a reader that stalls costs at most maxQueuedBytes (or one line larger
    // than that: an empty queue takes any line, so a big publication is not dropped forever).
    const bool full = s.queuedBytes > 0 && s.queuedBytes + line.size() + 1 > s.maxQueuedBytes;
    if (s.broken || s.stop || full) {
        ++s.droppedTotal;
        ++s.droppedUnreported;
        if (!s.warnedOnStderr && !s.broken) {
            s.warnedOnStderr = true;
            std::fprintf(stderr,
                "whatrack-inbox-cli: stdout is not being read fast enough; dropping lines "
                "(counted in {\"event\":\"dropped\"} lines) so the connection keeps running\n");
        }
        return false;
    }
    s.queueDropReport();
    s.queue.push_back(line + '\n');
    s.queuedBytes += line.size() + 1;
    s.wake.notify_one();
    return true;
}

quint64 OutputWriter::dropped() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->droppedTotal;
}

bool OutputWriter::finish(std::chrono::milliseconds timeout)
{
    if (m_finished)
        return true;
    m_finished = true;
    State& s = *m_state;
    bool drained = false;
    quint64 total = 0;
    {
        std::unique_lock lock(s.mutex);
        if (!s.broken)
            s.queueDropReport();
        s.stop = true;
        s.wake.notify_one();
        drained = s.idle.wait_for(
            lock, timeout, [&s] { return s.broken || (s.queue.empty() && !s.writing); });
        total = s.droppedTotal;
    }
    if (total > 0)
        std::fprintf(stderr, "whatrack-inbox-cli: %llu output line(s) dropped in total\n",
            static_cast<unsigned long long>(total));
    if (drained) {
        s.thread.join();
    } else {
        std::fprintf(stderr, "whatrack-inbox-cli: the output was not read; %s\n",
            "leaving the remaining lines unwritten");
        s.thread.detach();
    }
    return drained;
}

} // namespace Cli
