#pragma once

//! \file messages.h
//! \brief Commands, replies and pushes of the Centrifugo client protocol v2 (JSON encoding).
//!
//! Plain structs with no I/O. Field names follow `client.proto`; raw JSON fields (`data`, `info`)
//! are kept as compact JSON text in QByteArray so payloads pass through without re-encoding.

#include "realtime/tagsfilter.h"
#include "realtime/types.h"

#include <QMap>

#include <variant>
#include <vector>

namespace Centrifuge::Protocol {

// ---- client -> server ---------------------------------------------------------------------

struct SubscribeRequest
{
    QString channel;
    QString token;
    bool recover = false;
    QString epoch;
    quint64 offset = 0;
    QByteArray data; //!< raw JSON, omitted when empty
    bool positioned = false;
    bool recoverable = false;
    bool joinLeave = false;
    QString delta; //!< "fossil" to ask for delta compression, empty otherwise
    TagsFilter tf; //!< publication tags filter, omitted when null
    qint64 flag = 0; //!< SubscribeFlag bits, omitted when 0
};

//! Bits of SubscribeRequest::flag (centrifuge `client.go`). Servers ignore bits they do not use.
namespace SubscribeFlag {
inline constexpr qint64 ChannelCompaction = 1; //!< pushes may carry SubscribeResult::id
inline constexpr qint64 RejectUnrecovered = 2; //!< error 112 instead of recovered=false
} // namespace SubscribeFlag

//! Recovery state of a server-side subscription, sent back in ConnectRequest::subs.
struct ServerSubRecovery
{
    bool recover = true;
    QString epoch;
    quint64 offset = 0;
};

struct ConnectRequest
{
    QString token;
    QByteArray data;
    QMap<QString, ServerSubRecovery> subs;
    QString name;
    QString version;
};

struct UnsubscribeRequest
{
    QString channel;
};
struct PublishRequest
{
    QString channel;
    QByteArray data;
};
struct PresenceRequest
{
    QString channel;
};
struct PresenceStatsRequest
{
    QString channel;
};
struct HistoryRequest
{
    QString channel;
    qint32 limit = 0; //!< 0: only the stream top; -1: everything the server allows
    std::optional<StreamPosition> since;
    bool reverse = false;
};
struct RpcRequest
{
    QString method;
    QByteArray data;
};
struct RefreshRequest
{
    QString token;
};
struct SubRefreshRequest
{
    QString channel;
    QString token;
};
//! `send` carries no id and gets no reply.
struct SendRequest
{
    QByteArray data;
};

using Request = std::variant<ConnectRequest, SubscribeRequest, UnsubscribeRequest, PublishRequest,
    PresenceRequest, PresenceStatsRequest, HistoryRequest, RpcRequest, RefreshRequest,
    SubRefreshRequest, SendRequest>;

struct Command
{
    quint32 id = 0; //!< > 0 for everything but `send`
    Request request;
};

// ---- server -> client ---------------------------------------------------------------------

struct Error
{
    int code = 0;
    QString message;
    bool temporary = false;
};

struct SubscribeResult
{
    bool expires = false;
    quint32 ttl = 0;
    bool recoverable = false;
    QString epoch;
    std::vector<Publication> publications;
    bool recovered = false;
    quint64 offset = 0;
    bool positioned = false;
    QByteArray data;
    bool wasRecovering = false;
    bool delta = false;
    qint64 id = 0; //!< channel compaction: pushes for this channel may carry it instead of a name
};

struct ConnectResult
{
    QString client;
    QString version;
    bool expires = false;
    quint32 ttl = 0;
    QByteArray data;
    QMap<QString, SubscribeResult> subs; //!< server-side subscriptions
    quint32 ping = 0; //!< seconds between server pings, 0 when disabled
    bool pong = false; //!< the server expects a pong for each ping
};

struct RefreshResult
{
    QString client;
    QString version;
    bool expires = false;
    quint32 ttl = 0;
};
struct SubRefreshResult
{
    bool expires = false;
    quint32 ttl = 0;
};
struct UnsubscribeResult
{
};
struct PublishResult
{
};
struct PresenceResult
{
    QHash<QString, ClientInfo> clients;
};
struct PresenceStatsResult
{
    quint32 numClients = 0;
    quint32 numUsers = 0;
};
struct HistoryResult
{
    std::vector<Publication> publications;
    QString epoch;
    quint64 offset = 0;
};
struct RpcResult
{
    QByteArray data;
};
struct EmptyResult
{
}; //!< legacy `ping` result and any result field we do not know

using Result = std::variant<std::monostate, ConnectResult, SubscribeResult, UnsubscribeResult,
    PublishResult, PresenceResult, PresenceStatsResult, HistoryResult, RpcResult, RefreshResult,
    SubRefreshResult, EmptyResult>;

struct Reply
{
    quint32 id = 0;
    std::optional<Error> error;
    Result result;
};

struct PublicationPush
{
    Publication publication;
};
struct JoinPush
{
    ClientInfo info;
};
struct LeavePush
{
    ClientInfo info;
};
struct UnsubscribePush
{
    int code = 0;
    QString reason;
};
struct MessagePush
{
    QByteArray data;
};
struct SubscribePush
{
    bool recoverable = false;
    QString epoch;
    quint64 offset = 0;
    bool positioned = false;
    QByteArray data;
};
struct DisconnectPush
{
    int code = 0;
    QString reason;
    bool reconnect = false;
};
struct ConnectPush
{
    ConnectResult result;
};
struct RefreshPush
{
    bool expires = false;
    quint32 ttl = 0;
};

using PushPayload = std::variant<PublicationPush, JoinPush, LeavePush, UnsubscribePush, MessagePush,
    SubscribePush, DisconnectPush, ConnectPush, RefreshPush>;

struct Push
{
    QString channel;
    qint64 id = 0; //!< channel compaction: set instead of `channel` (see SubscribeResult::id)
    PushPayload payload;
};

//! The empty object `{}` from the server: a ping that wants a pong when ConnectResult::pong is set.
struct Ping
{
};

//! One decoded server message. A frame may hold several, split on '\n', kept in order.
using ServerMessage = std::variant<Reply, Push, Ping>;

} // namespace Centrifuge::Protocol
