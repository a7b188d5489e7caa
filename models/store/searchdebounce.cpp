#include "models/store/searchdebounce.h"

namespace WhaTrack {

SearchDebounce::SearchDebounce(Clock* clock, qint64 pauseMs, Query query)
    : m_clock(clock)
    , m_pauseMs(pauseMs)
    , m_query(std::move(query))
{
}

SearchDebounce::~SearchDebounce()
{
    if (m_timer)
        m_clock->cancel(m_timer);
}

void SearchDebounce::type(const QString& text)
{
    m_text = text.trimmed();
    // The server query waits for typing to pause: each key restarts the wait.
    if (m_timer)
        m_clock->cancel(m_timer);
    m_timer = m_clock->schedule(m_pauseMs, [this] {
        m_timer = 0;
        queryNow();
    });
}

void SearchDebounce::queryNow()
{
    if (m_text == m_queried && !m_text.isEmpty())
        return;
    m_queried = m_text;
    m_query(m_text);
}

} // namespace WhaTrack
