#pragma once

//! \file directionregistry.h
//! \brief Maps ticket-era `directionId` uuids to directions. Seeded from the configuration and
//! learned at run time (rows that carry both forms, publications that name the direction of a
//! message id, the `from` of a chat's last message). Thread-safe: decoding runs on workers.

#include "models/api/apitypes.h"

#include <QHash>
#include <QMutex>
#include <QStringList>

namespace WhaTrack {

class DirectionRegistry
{
public:
    void seed(const QStringList& inboundIds, const QStringList& outboundIds);
    //! Records that \a directionId means \a direction. Ignores Unknown and empty ids.
    void learn(const QString& directionId, MessageDirection direction);
    //! Known direction of \a directionId. With exactly two ids ever seen and one known, the
    //! other is the opposite one (the lookup table has exactly INBOUND and OUTBOUND).
    MessageDirection resolve(const QString& directionId) const;
    //! Notes an id seen in a payload, for the two-ids inference.
    void noteSeen(const QString& directionId);

private:
    mutable QMutex m_mutex;
    QHash<QString, MessageDirection> m_known;
    QStringList m_seen;
};

} // namespace WhaTrack
