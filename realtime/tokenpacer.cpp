#include "realtime/tokenpacer.h"

#include <algorithm>

namespace Centrifuge {

TokenPacer::TokenPacer(TokenPacing pacing, const Clock* clock, Backoff::RandomSource random)
    : m_pacing(pacing)
    , m_clock(clock ? clock : Clock::system())
    , m_failureBackoff(pacing.minFailureDelay, pacing.maxFailureDelay, std::move(random))
{
    m_pacing.maxRequests = std::max(1, m_pacing.maxRequests);
}

TokenPacer::ms TokenPacer::waitBeforeRequest() const
{
    const qint64 now = m_clock->nowMs();
    qint64 wait = m_hasNotBefore ? m_notBefore - now : 0;
    // Sliding window: the request may start once the oldest of the last `maxRequests` starts
    // is a full window (and the edge margin) old.
    const qint64 window = (m_pacing.window + edgeMargin()).count();
    const auto recent = std::count_if(
        m_starts.begin(), m_starts.end(), [&](qint64 start) { return start > now - window; });
    if (recent >= m_pacing.maxRequests) {
        const qint64 oldestCounted = m_starts[m_starts.size() - size_t(m_pacing.maxRequests)];
        wait = std::max(wait, oldestCounted + window - now);
    }
    return ms(std::max<qint64>(0, wait));
}

TokenPacer::ms TokenPacer::spacing() const
{
    return (m_pacing.window + edgeMargin()) / m_pacing.maxRequests;
}

TokenPacer::ms TokenPacer::waitForSpacing() const
{
    if (m_starts.empty())
        return ms(0);
    return ms(std::max<qint64>(0, m_starts.back() + spacing().count() - m_clock->nowMs()));
}

TokenPacer::ms TokenPacer::refreshDelay(ms ttl, ms grace, ms refreshTakes) const
{
    ttl = std::max(ttl, ms(0));
    grace = std::max(grace, ms(0));
    // The last moment that still leaves the refresh time to complete within the grace; at
    // least half the grace is kept for it, so a refresh is never planned before ttl.
    const ms latest = ttl + grace - std::min(std::max(refreshTakes, ms(0)), grace / 2);
    const ms spread = std::max(ttl, waitForSpacing());
    return std::max(waitBeforeRequest(), std::min(spread, latest));
}

void TokenPacer::requestStarted()
{
    const qint64 now = m_clock->nowMs();
    m_starts.push_back(now);
    const qint64 window = (m_pacing.window + edgeMargin()).count();
    while (!m_starts.empty()
        && (m_starts.front() <= now - window || m_starts.size() > size_t(m_pacing.maxRequests)))
        m_starts.pop_front();
}

void TokenPacer::succeeded()
{
    m_failureBackoff.reset();
    m_hasNotBefore = false;
}

void TokenPacer::failed(int retryAfterMs)
{
    const qint64 delay = std::max<qint64>(m_failureBackoff.next().count(), retryAfterMs);
    m_notBefore = m_clock->nowMs() + delay;
    m_hasNotBefore = true;
}

} // namespace Centrifuge
