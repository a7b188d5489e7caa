#include "models/store/realtimewatchdog.h"

#include "models/logging.h"
#include "models/store/clock.h"

#include <QSet>

namespace WhaTrack {

RealtimeWatchdog::RealtimeWatchdog(Clock* clock, qint64 graceMs, qint64 probeMs, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_graceMs(graceMs)
    , m_probeMs(probeMs)
{
}

RealtimeWatchdog::~RealtimeWatchdog()
{
    if (m_checkTimer)
        m_clock->cancel(m_checkTimer);
    if (m_probeTimer)
        m_clock->cancel(m_probeTimer);
}

void RealtimeWatchdog::reset()
{
    m_lastActivity.clear();
    m_announcedAtMs.clear();
    m_pendingSinceMs.clear();
    m_haveList = false;
    m_suspicious = false;
    m_lastPublicationMs = -1;
}

void RealtimeWatchdog::setLive(bool live)
{
    if (live == m_live)
        return;
    m_live = live;
    m_liveSinceMs = live ? m_clock->nowMs() : -1;
    // Activity seen while not live is expected to be unannounced; the reconnect resync covers it.
    m_pendingSinceMs.clear();
    if (live) {
        m_suspicious = false;
        armProbe();
    } else if (m_probeTimer) {
        m_clock->cancel(m_probeTimer);
        m_probeTimer = 0;
    }
}

void RealtimeWatchdog::notePublication()
{
    m_lastPublicationMs = m_clock->nowMs();
    if (m_suspicious) {
        qCInfo(lcModels) << "watchdog: publications flow again";
        m_suspicious = false;
    }
}

void RealtimeWatchdog::noteAnnounced(const QString& chatId)
{
    if (chatId.isEmpty())
        return;
    const qint64 now = m_clock->nowMs();
    m_announcedAtMs.insert(chatId, now);
    m_pendingSinceMs.remove(chatId);
}

void RealtimeWatchdog::noteActivity(const ChatItem& c, qint64 now)
{
    const qint64 at = c.lastMessageAt.isValid() ? c.lastMessageAt.toMSecsSinceEpoch() : 0;
    const qint64 before = m_lastActivity.value(c.id, -1);
    m_lastActivity.insert(c.id, at);
    if (!m_haveList || !m_live || before >= at)
        return;
    // Newer activity: fine if a publication named the chat recently (it may also arrive a
    // little after the REST response, hence the grace period).
    const qint64 announced = m_announcedAtMs.value(c.id, -1);
    if (announced >= 0 && now - announced <= m_graceMs + m_probeMs)
        return;
    if (!m_pendingSinceMs.contains(c.id))
        m_pendingSinceMs.insert(c.id, now);
}

void RealtimeWatchdog::onChatList(const QList<ChatItem>& chats)
{
    const qint64 now = m_clock->nowMs();
    QSet<QString> present;
    present.reserve(chats.size());
    for (const auto& c : chats) {
        present.insert(c.id);
        noteActivity(c, now);
    }
    m_lastActivity.removeIf([&present](const auto& it) { return !present.contains(it.key()); });
    m_haveList = true;
    armCheck();
}

void RealtimeWatchdog::onChatListDelta(const QList<ChatItem>& changed, const QStringList& removed)
{
    const qint64 now = m_clock->nowMs();
    for (const auto& c : changed)
        noteActivity(c, now);
    for (const auto& id : removed)
        m_lastActivity.remove(id);
    m_haveList = true;
    armCheck();
}

void RealtimeWatchdog::onChatListSlice(const QList<ChatItem>& chats)
{
    const qint64 now = m_clock->nowMs();
    for (const auto& c : chats)
        noteActivity(c, now);
    armCheck();
}

void RealtimeWatchdog::armCheck()
{
    if (!m_pendingSinceMs.isEmpty() && !m_checkTimer) {
        m_checkTimer = m_clock->schedule(m_graceMs, [this] {
            m_checkTimer = 0;
            check();
        });
    }
}

void RealtimeWatchdog::check()
{
    if (!m_live) {
        m_pendingSinceMs.clear();
        return;
    }
    const qint64 now = m_clock->nowMs();
    int overdue = 0;
    for (auto it = m_pendingSinceMs.begin(); it != m_pendingSinceMs.end();) {
        if (now - it.value() >= m_graceMs) {
            ++overdue;
            it = m_pendingSinceMs.erase(it);
        } else {
            ++it;
        }
    }
    if (overdue > 0 && !m_suspicious) {
        m_suspicious = true;
        const QString reason
            = QStringLiteral("%1 chat(s) changed on the server without a realtime notice")
                  .arg(overdue);
        qCWarning(lcModels) << "watchdog:" << reason;
        Q_EMIT suspicious(reason);
    }
    if (!m_pendingSinceMs.isEmpty() && !m_checkTimer) {
        m_checkTimer = m_clock->schedule(m_graceMs, [this] {
            m_checkTimer = 0;
            check();
        });
    }
}

void RealtimeWatchdog::armProbe()
{
    if (m_probeTimer || m_probeMs <= 0)
        return;
    m_probeTimer = m_clock->schedule(m_probeMs, [this] {
        m_probeTimer = 0;
        if (!m_live)
            return;
        const qint64 now = m_clock->nowMs();
        const qint64 quietSince = std::max(m_lastPublicationMs, m_liveSinceMs);
        if (now - quietSince >= m_probeMs) {
            qCInfo(lcModels) << "watchdog: no publication for" << (now - quietSince) / 1000
                             << "s; probing the chat list";
            Q_EMIT probeRequested();
        }
        armProbe();
    });
}

} // namespace WhaTrack
