#include "realtime/pendingcalls.h"

#include "realtime/callresult.h"
#include "realtime/logging.h"

#include <vector>

namespace Centrifuge {

PendingCalls::PendingCalls(QObject* parent)
    : QObject(parent)
    , m_timer(this)
{
    connect(&m_timer, &OverdueTimer::expired, this, &PendingCalls::expireOverdue);
}

quint32 PendingCalls::add(std::chrono::milliseconds timeout, Handler handler)
{
    do {
        ++m_lastId;
    } while (m_lastId == 0 || m_calls.count(m_lastId) != 0);
    m_calls.emplace(m_lastId, Call {QDeadlineTimer(timeout, Qt::PreciseTimer), std::move(handler)});
    rearm();
    return m_lastId;
}

bool PendingCalls::settle(const Protocol::Reply& reply)
{
    auto it = m_calls.find(reply.id);
    if (it == m_calls.end())
        return false;
    // Remove before calling: the handler may add calls or tear everything down.
    Handler handler = std::move(it->second.handler);
    m_calls.erase(it);
    rearm();
    handler(CallOutcome {&reply, 0, {}});
    return true;
}

bool PendingCalls::fail(quint32 id, int code, const QString& message)
{
    auto it = m_calls.find(id);
    if (it == m_calls.end())
        return false;
    Handler handler = std::move(it->second.handler);
    m_calls.erase(it);
    rearm();
    handler(CallOutcome {nullptr, code, message});
    return true;
}

void PendingCalls::failAll(int code, const QString& message)
{
    std::vector<Handler> handlers;
    handlers.reserve(m_calls.size());
    for (auto& [id, call] : m_calls)
        handlers.push_back(std::move(call.handler));
    m_calls.clear();
    m_timer.stop();
    for (auto& handler : handlers)
        handler(CallOutcome {nullptr, code, message});
}

void PendingCalls::rearm()
{
    if (m_calls.empty()) {
        m_timer.stop();
        return;
    }
    qint64 earliest = std::numeric_limits<qint64>::max();
    for (const auto& [id, call] : m_calls)
        earliest = std::min(earliest, call.deadline.remainingTime());
    // An active grace step must not be restarted by unrelated traffic, or a steady stream of
    // calls would postpone every timeout forever.
    if (m_timer.isActive() && earliest <= 0)
        return;
    m_timer.start(std::chrono::milliseconds {std::max<qint64>(earliest, 0)});
}

void PendingCalls::expireOverdue()
{
    std::vector<std::pair<quint32, Handler>> overdue;
    for (auto it = m_calls.begin(); it != m_calls.end();) {
        if (it->second.deadline.hasExpired()) {
            overdue.emplace_back(it->first, std::move(it->second.handler));
            it = m_calls.erase(it);
        } else {
            ++it;
        }
    }
    rearm();
    for (auto& [id, handler] : overdue) {
        qCInfo(lcRealtime) << "call" << id << "timed out";
        handler(CallOutcome {nullptr, CallCode::Timeout, QStringLiteral("timeout")});
    }
}

} // namespace Centrifuge
