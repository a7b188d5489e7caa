#pragma once

//! \file types.h
//! \brief Value types shared by the protocol codec and the public client API.

#include <QByteArray>
#include <QHash>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Centrifuge {

//! Who published or joined: the `ClientInfo` of the protocol. Info fields are raw JSON text.
struct ClientInfo
{
    QString user;
    QString client;
    QByteArray connInfo; //!< raw JSON from the connection token's `info` claim, empty if absent
    QByteArray chanInfo; //!< raw JSON from the subscription token's `info` claim, empty if absent
};

//! A position in a channel stream. Offsets are exact 64-bit values, never routed through double.
struct StreamPosition
{
    quint64 offset = 0;
    QString epoch;

    bool isValid() const { return !epoch.isEmpty(); }
    friend bool operator==(const StreamPosition&, const StreamPosition&) = default;
};

//! A message in a channel. `data` is the publication payload as compact raw JSON text.
struct Publication
{
    QString channel;
    quint64 offset = 0;
    QByteArray data;
    QHash<QString, QString> tags;
    std::optional<ClientInfo> info; //!< set only for publications made by clients
    bool delta = false; //!< protocol flag; the client resolves deltas before emitting
    qint64 timeMs = 0; //!< server time in ms since the epoch, 0 if not sent
};

//! What the `subscribed` event reports (for client-side and server-side subscriptions alike).
struct SubscribedEvent
{
    QString channel;
    bool recoverable = false;
    bool positioned = false;
    StreamPosition position; //!< valid when recoverable or positioned
    bool wasRecovering = false;
    bool recovered = false;
    bool hasRecoveredPublications = false;
    bool serverSide = false;
    QByteArray data; //!< raw JSON from the subscribe result, empty if absent
};

} // namespace Centrifuge

Q_DECLARE_METATYPE(Centrifuge::ClientInfo)
Q_DECLARE_METATYPE(Centrifuge::StreamPosition)
Q_DECLARE_METATYPE(Centrifuge::Publication)
Q_DECLARE_METATYPE(Centrifuge::SubscribedEvent)
