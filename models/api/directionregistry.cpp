#include "models/api/directionregistry.h"

#include "models/logging.h"

namespace WhaTrack {

void DirectionRegistry::seed(const QStringList& inboundIds, const QStringList& outboundIds)
{
    for (const auto& id : inboundIds)
        learn(id, MessageDirection::Inbound);
    for (const auto& id : outboundIds)
        learn(id, MessageDirection::Outbound);
}

void DirectionRegistry::learn(const QString& directionId, MessageDirection direction)
{
    if (directionId.isEmpty() || direction == MessageDirection::Unknown)
        return;
    QMutexLocker lock(&m_mutex);
    auto it = m_known.find(directionId);
    if (it != m_known.end()) {
        if (*it != direction)
            qCWarning(lcApi) << "direction id" << directionId
                             << "seen with both directions; keeping" << messageDirectionName(*it);
        return;
    }
    m_known.insert(directionId, direction);
    if (!m_seen.contains(directionId))
        m_seen.append(directionId);
    qCDebug(lcApi) << "learned direction id" << directionId << "="
                   << messageDirectionName(direction);
}

void DirectionRegistry::noteSeen(const QString& directionId)
{
    if (directionId.isEmpty())
        return;
    QMutexLocker lock(&m_mutex);
    if (!m_seen.contains(directionId) && m_seen.size() < 16)
        m_seen.append(directionId);
}

MessageDirection DirectionRegistry::resolve(const QString& directionId) const
{
    if (directionId.isEmpty())
        return MessageDirection::Unknown;
    QMutexLocker lock(&m_mutex);
    if (auto it = m_known.constFind(directionId); it != m_known.constEnd())
        return *it;
    // Two ids in the table, one known: the other one is the opposite direction.
    if (m_seen.size() == 2 && m_seen.contains(directionId) && m_known.size() == 1) {
        const auto known = m_known.constBegin();
        if (known.key() != directionId)
            return known.value() == MessageDirection::Inbound ? MessageDirection::Outbound
                                                              : MessageDirection::Inbound;
    }
    return MessageDirection::Unknown;
}

} // namespace WhaTrack
