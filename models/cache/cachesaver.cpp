#include "models/cache/cachesaver.h"

namespace WhaTrack {

CacheSaver::CacheSaver(Clock* clock, qint64 delayMs, Write write)
    : m_clock(clock)
    , m_delayMs(delayMs)
    , m_write(std::move(write))
{
}

CacheSaver::~CacheSaver()
{
    if (m_timer)
        m_clock->cancel(m_timer);
}

void CacheSaver::chatsChanged()
{
    m_dirty.chats = true;
    schedule();
}

void CacheSaver::messagesChanged(const QString& chatId)
{
    m_dirty.messageChats.insert(chatId);
    schedule();
}

void CacheSaver::schedule()
{
    if (m_timer)
        return; // the write already scheduled takes this change along
    m_timer = m_clock->schedule(m_delayMs, [this] {
        m_timer = 0;
        writeNow();
    });
}

void CacheSaver::forgetChats(const QStringList& chatIds)
{
    for (const QString& id : chatIds)
        m_dirty.messageChats.remove(id);
}

void CacheSaver::flush()
{
    if (!m_timer)
        return; // nothing waiting (what a failed write kept waits for the next change)
    m_clock->cancel(m_timer);
    m_timer = 0;
    writeNow();
}

void CacheSaver::discard()
{
    m_dirty = {};
}

void CacheSaver::writeNow()
{
    if (m_write(m_dirty))
        m_dirty = {};
}

} // namespace WhaTrack
