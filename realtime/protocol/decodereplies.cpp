// Decoders of Centrifugo replies (connect, subscribe, presence, history, rpc, refresh, errors)
// and of the values pushes share with them. Malformed JSON and wrong types throw
// JsonCursor::Failure; decodeFrame() (codec.cpp) turns it into a DecodeError for that line.

#include "realtime/protocol/decodereplies_p.h"

namespace Centrifuge::Protocol::Detail {

ClientInfo decodeClientInfo(Cursor& in)
{
    ClientInfo info;
    in.beginObject("info");
    Key k;
    while (in.nextKey(k)) {
        if (k == "user")
            in.readString("user", info.user);
        else if (k == "client")
            in.readString("client", info.client);
        else if (k == "conn_info")
            info.connInfo = in.rawValue();
        else if (k == "chan_info")
            info.chanInfo = in.rawValue();
        else
            in.skipValue();
    }
    return info;
}

Publication decodePublication(Cursor& in)
{
    Publication pub;
    in.beginObject("publication");
    Key k;
    while (in.nextKey(k)) {
        if (k == "data") {
            pub.data = in.rawValue();
        } else if (k == "offset") {
            readUnsigned(in, "offset", pub.offset);
        } else if (k == "channel") {
            in.readString("channel", pub.channel);
        } else if (k == "info") {
            if (!in.takeNull())
                pub.info = decodeClientInfo(in);
        } else if (k == "tags") {
            if (in.takeNull())
                continue;
            in.beginObject("tags");
            Key tag;
            while (in.nextKey(tag)) {
                const QString name = keyString(tag);
                QString value;
                in.readString("tags", value);
                pub.tags.insert(name, value);
            }
        } else if (k == "delta") {
            in.readBool("delta", pub.delta);
        } else if (k == "time") {
            readSigned(in, "time", pub.timeMs);
        } else {
            in.skipValue();
        }
    }
    return pub;
}

void decodePublications(Cursor& in, std::vector<Publication>& out)
{
    if (in.takeNull())
        return;
    in.beginArray("publications");
    while (in.nextElement())
        out.push_back(decodePublication(in));
}

SubscribeResult decodeSubscribeResult(Cursor& in, const char* field)
{
    SubscribeResult r;
    in.beginObject(field);
    Key k;
    while (in.nextKey(k)) {
        if (k == "expires")
            in.readBool("expires", r.expires);
        else if (k == "ttl")
            readUnsigned(in, "ttl", r.ttl);
        else if (k == "recoverable")
            in.readBool("recoverable", r.recoverable);
        else if (k == "epoch")
            in.readString("epoch", r.epoch);
        else if (k == "publications")
            decodePublications(in, r.publications);
        else if (k == "recovered")
            in.readBool("recovered", r.recovered);
        else if (k == "offset")
            readUnsigned(in, "offset", r.offset);
        else if (k == "positioned")
            in.readBool("positioned", r.positioned);
        else if (k == "data")
            r.data = in.rawValue();
        else if (k == "was_recovering")
            in.readBool("was_recovering", r.wasRecovering);
        else if (k == "delta")
            in.readBool("delta", r.delta);
        else if (k == "id")
            readSigned(in, "id", r.id);
        else
            in.skipValue();
    }
    return r;
}

ConnectResult decodeConnectResult(Cursor& in)
{
    ConnectResult r;
    in.beginObject("connect");
    Key k;
    while (in.nextKey(k)) {
        if (k == "client") {
            in.readString("client", r.client);
        } else if (k == "version") {
            in.readString("version", r.version);
        } else if (k == "expires") {
            in.readBool("expires", r.expires);
        } else if (k == "ttl") {
            readUnsigned(in, "ttl", r.ttl);
        } else if (k == "data") {
            r.data = in.rawValue();
        } else if (k == "subs") {
            if (in.takeNull())
                continue;
            in.beginObject("subs");
            Key channel;
            while (in.nextKey(channel)) {
                const QString name = keyString(channel);
                r.subs.insert(name, decodeSubscribeResult(in, "subs"));
            }
        } else if (k == "ping") {
            readUnsigned(in, "ping", r.ping);
        } else if (k == "pong") {
            in.readBool("pong", r.pong);
        } else {
            in.skipValue();
        }
    }
    return r;
}

RefreshResult decodeRefreshResult(Cursor& in)
{
    RefreshResult r;
    in.beginObject("refresh");
    Key k;
    while (in.nextKey(k)) {
        if (k == "client")
            in.readString("client", r.client);
        else if (k == "version")
            in.readString("version", r.version);
        else if (k == "expires")
            in.readBool("expires", r.expires);
        else if (k == "ttl")
            readUnsigned(in, "ttl", r.ttl);
        else
            in.skipValue();
    }
    return r;
}

template<typename T> T decodeExpiry(Cursor& in, const char* field)
{
    T r;
    in.beginObject(field);
    Key k;
    while (in.nextKey(k)) {
        if (k == "expires")
            in.readBool("expires", r.expires);
        else if (k == "ttl")
            readUnsigned(in, "ttl", r.ttl);
        else
            in.skipValue();
    }
    return r;
}

PresenceResult decodePresenceResult(Cursor& in)
{
    PresenceResult r;
    in.beginObject("presence");
    Key k;
    while (in.nextKey(k)) {
        if (k != "presence" || in.takeNull()) {
            if (k != "presence")
                in.skipValue();
            continue;
        }
        in.beginObject("presence");
        Key client;
        while (in.nextKey(client)) {
            const QString id = keyString(client);
            r.clients.insert(id, decodeClientInfo(in));
        }
    }
    return r;
}

PresenceStatsResult decodePresenceStatsResult(Cursor& in)
{
    PresenceStatsResult r;
    in.beginObject("presence_stats");
    Key k;
    while (in.nextKey(k)) {
        if (k == "num_clients")
            readUnsigned(in, "num_clients", r.numClients);
        else if (k == "num_users")
            readUnsigned(in, "num_users", r.numUsers);
        else
            in.skipValue();
    }
    return r;
}

HistoryResult decodeHistoryResult(Cursor& in)
{
    HistoryResult r;
    in.beginObject("history");
    Key k;
    while (in.nextKey(k)) {
        if (k == "publications")
            decodePublications(in, r.publications);
        else if (k == "epoch")
            in.readString("epoch", r.epoch);
        else if (k == "offset")
            readUnsigned(in, "offset", r.offset);
        else
            in.skipValue();
    }
    return r;
}

//! An object whose fields we ignore (`{}` results), type-checked and validated.
void skipObject(Cursor& in, const char* field)
{
    in.beginObject(field);
    Key k;
    while (in.nextKey(k))
        in.skipValue();
}

RpcResult decodeRpcResult(Cursor& in)
{
    RpcResult r;
    in.beginObject("rpc");
    Key k;
    while (in.nextKey(k)) {
        if (k == "data")
            r.data = in.rawValue();
        else
            in.skipValue();
    }
    return r;
}

//! Result fields in the order of precedence when a reply (oddly) carries several.
constexpr const char* ResultFields[] = {"connect", "subscribe", "unsubscribe", "publish",
    "presence", "presence_stats", "history", "rpc", "refresh", "sub_refresh"};

//! Index of \a key in ResultFields, -1 if it is not a result field.
int resultRank(Key key)
{
    for (int i = 0; i < int(std::size(ResultFields)); ++i) {
        if (key == ResultFields[i])
            return i;
    }
    return -1;
}

Result decodeResult(Cursor& in, int rank)
{
    switch (rank) {
    case 0:
        return decodeConnectResult(in);
    case 1:
        return decodeSubscribeResult(in, "subscribe");
    case 2:
        skipObject(in, "unsubscribe");
        return UnsubscribeResult {};
    case 3:
        skipObject(in, "publish");
        return PublishResult {};
    case 4:
        return decodePresenceResult(in);
    case 5:
        return decodePresenceStatsResult(in);
    case 6:
        return decodeHistoryResult(in);
    case 7:
        return decodeRpcResult(in);
    case 8:
        return decodeRefreshResult(in);
    default:
        return decodeExpiry<SubRefreshResult>(in, "sub_refresh");
    }
}

Error decodeError(Cursor& in)
{
    Error e;
    in.beginObject("error");
    Key k;
    while (in.nextKey(k)) {
        if (k == "code")
            readSigned(in, "code", e.code);
        else if (k == "message")
            in.readString("message", e.message);
        else if (k == "temporary")
            in.readBool("temporary", e.temporary);
        else
            in.skipValue();
    }
    return e;
}

ClientInfo decodeInfoHolder(Cursor& in, const char* field)
{
    ClientInfo info;
    in.beginObject(field);
    Key k;
    while (in.nextKey(k)) {
        if (k == "info" && !in.takeNull())
            info = decodeClientInfo(in);
        else if (k != "info")
            in.skipValue();
    }
    return info;
}

SubRefreshResult decodeSubRefresh(Cursor& in, const char* field)
{
    return decodeExpiry<SubRefreshResult>(in, field);
}

} // namespace Centrifuge::Protocol::Detail
