#include "realtime/protocol/codec.h"

#include "realtime/protocol/jsoncursor.h"

#include <cstring>
#include <limits>
#include <new>
#include <type_traits>

namespace Centrifuge::Protocol {

namespace {

// ---- decoding -------------------------------------------------------------------------------
//
// Each line is parsed by nlohmann/json into a token tape, then read by a JsonCursor straight
// into the protocol structs: keys in any order, unknown keys skipped, `null` read as "not
// sent". Malformed JSON and wrong types throw JsonCursor::Failure, which never leaves this file:
// decodeFrame() turns it into a DecodeError for that line.

using Key = std::string_view;
using Cursor = JsonCursor;

template<typename T> void readUnsigned(Cursor& in, const char* field, T& out)
{
    static_assert(std::is_unsigned_v<T>);
    quint64 v = out;
    in.readUnsigned(field, std::numeric_limits<T>::max(), v);
    out = static_cast<T>(v);
}

template<typename T> void readSigned(Cursor& in, const char* field, T& out)
{
    static_assert(std::is_signed_v<T>);
    qint64 v = out;
    in.readSigned(field, std::numeric_limits<T>::min(), std::numeric_limits<T>::max(), v);
    out = static_cast<T>(v);
}

QString keyString(Key key)
{
    return QString::fromUtf8(key.data(), qsizetype(key.size()));
}

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

//! Push payload fields in order of precedence; a push type we do not know is skipped.
constexpr const char* PushFields[] = {"pub", "join", "leave", "unsubscribe", "message", "subscribe",
    "disconnect", "connect", "refresh"};

int pushRank(Key key)
{
    for (int i = 0; i < int(std::size(PushFields)); ++i) {
        if (key == PushFields[i])
            return i;
    }
    return -1;
}

PushPayload decodePushPayload(Cursor& in, int rank)
{
    switch (rank) {
    case 0:
        return PublicationPush {decodePublication(in)};
    case 1:
        return JoinPush {decodeInfoHolder(in, "join")};
    case 2:
        return LeavePush {decodeInfoHolder(in, "leave")};
    case 3: {
        UnsubscribePush p;
        in.beginObject("unsubscribe");
        Key k;
        while (in.nextKey(k)) {
            if (k == "code")
                readSigned(in, "code", p.code);
            else if (k == "reason")
                in.readString("reason", p.reason);
            else
                in.skipValue();
        }
        return p;
    }
    case 4: {
        MessagePush p;
        in.beginObject("message");
        Key k;
        while (in.nextKey(k)) {
            if (k == "data")
                p.data = in.rawValue();
            else
                in.skipValue();
        }
        return p;
    }
    case 5: {
        SubscribePush p;
        in.beginObject("subscribe");
        Key k;
        while (in.nextKey(k)) {
            if (k == "recoverable")
                in.readBool("recoverable", p.recoverable);
            else if (k == "epoch")
                in.readString("epoch", p.epoch);
            else if (k == "offset")
                readUnsigned(in, "offset", p.offset);
            else if (k == "positioned")
                in.readBool("positioned", p.positioned);
            else if (k == "data")
                p.data = in.rawValue();
            else
                in.skipValue();
        }
        return p;
    }
    case 6: {
        DisconnectPush p;
        in.beginObject("disconnect");
        Key k;
        while (in.nextKey(k)) {
            if (k == "code")
                readSigned(in, "code", p.code);
            else if (k == "reason")
                in.readString("reason", p.reason);
            else if (k == "reconnect")
                in.readBool("reconnect", p.reconnect);
            else
                in.skipValue();
        }
        return p;
    }
    case 7:
        return ConnectPush {decodeConnectResult(in)};
    default: {
        const auto r = decodeExpiry<SubRefreshResult>(in, "refresh");
        return RefreshPush {r.expires, r.ttl};
    }
    }
}

//! Returns false (no message) for a push of a type this codec does not know.
//! The channel of the previous push: a batched frame repeats it on every line, so its QString is
//! shared instead of converted again.
struct ChannelCache
{
    std::string bytes;
    QString value;
};

bool decodePush(Cursor& in, Push& push, ChannelCache& cache)
{
    in.beginObject("push");
    int best = -1;
    Key k;
    while (in.nextKey(k)) {
        if (k == "channel") {
            std::string_view bytes;
            if (in.readStringBytes("channel", bytes)) {
                if (cache.value.isNull() || bytes != cache.bytes) {
                    cache.bytes.assign(bytes);
                    cache.value = QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
                }
                push.channel = cache.value;
            }
            continue;
        }
        if (k == "id") {
            readSigned(in, "id", push.id);
            continue;
        }
        const int rank = pushRank(k);
        if (rank < 0 || in.takeNull()) {
            if (rank < 0)
                in.skipValue();
            continue;
        }
        PushPayload payload = decodePushPayload(in, rank);
        if (best < 0 || rank < best) {
            best = rank;
            push.payload = std::move(payload);
        }
    }
    if (best < 0)
        return false;
    if (auto* pub = std::get_if<PublicationPush>(&push.payload)) {
        if (pub->publication.channel.isEmpty())
            pub->publication.channel = push.channel;
    }
    return true;
}

//! Decodes one line; returns false (no message) for a push type we do not know.
bool decodeLine(Cursor& in, ServerMessage& out, ChannelCache& cache)
{
    if (in.peek() != '{') {
        in.skipValue(); // invalid JSON reports as such
        JsonCursor::fail("message", "expected a JSON object");
    }
    quint32 id = 0;
    std::optional<Error> error;
    Result result;
    int resultBest = -1;
    bool hasPush = false;
    bool pushKnown = false;
    Push push;
    in.beginObject("message");
    Key k;
    while (in.nextKey(k)) {
        if (k == "id") {
            readUnsigned(in, "id", id);
        } else if (k == "push") {
            if (in.takeNull())
                continue;
            hasPush = true;
            pushKnown = decodePush(in, push, cache);
        } else if (k == "error") {
            if (!in.takeNull())
                error = decodeError(in);
        } else if (const int rank = resultRank(k); rank >= 0) {
            if (in.takeNull())
                continue;
            Result r = decodeResult(in, rank);
            if (resultBest < 0 || rank < resultBest) {
                resultBest = rank;
                result = std::move(r);
            }
        } else {
            in.skipValue();
        }
    }
    in.expectEnd();

    if (id > 0) {
        Reply reply;
        reply.id = id;
        if (error) {
            reply.error = std::move(error);
        } else if (resultBest >= 0) {
            reply.result = std::move(result);
        } else {
            // `ping` result, `{}`, or a result type newer than this codec: the call settles.
            reply.result = EmptyResult {};
        }
        out = std::move(reply);
        return true;
    }
    if (hasPush) {
        if (!pushKnown)
            return false;
        out = std::move(push);
        return true;
    }
    out = Ping {}; // `{}` (or an object with neither id nor push): a server ping
    return true;
}

QString failureMessage(const char* field, const char* problem)
{
    return QString::fromLatin1(field) + QStringLiteral(": ") + QString::fromLatin1(problem);
}

} // namespace

DecodedFrame decodeFrame(QByteArrayView frame)
{
    DecodedFrame result;
    ChannelCache cache;
    // One message per line: reserving avoids moving large variants while the vector grows.
    size_t lines = 1;
    for (const char* p = frame.data(); p && p < frame.data() + frame.size(); ++lines) {
        p = static_cast<const char*>(std::memchr(p, '\n', size_t(frame.data() + frame.size() - p)));
        if (!p)
            break;
        ++p;
    }
    result.messages.reserve(lines);
    // One tape per thread, reused: a publication frame then costs no allocation for parsing.
    thread_local JsonTape tape;
    const char* const begin = frame.data();
    const char* const end = begin + frame.size();
    qsizetype lineIndex = 0;
    for (const char* lineStart = begin; lineStart < end; ++lineIndex) {
        const void* newline = std::memchr(lineStart, '\n', size_t(end - lineStart));
        const char* lineEnd = newline ? static_cast<const char*>(newline) : end;
        const char* first = lineStart;
        const char* last = lineEnd;
        lineStart = lineEnd + 1;
        while (first < last && isJsonSpace(*first))
            ++first;
        while (last > first && isJsonSpace(last[-1]))
            --last;
        if (first == last)
            continue; // blank line (a trailing '\n', "\r\n" endings)

        try {
            JsonCursor cursor(tape, first, last);
            ServerMessage message;
            if (decodeLine(cursor, message, cache))
                result.messages.push_back(std::move(message));
        } catch (const JsonCursor::Failure& f) {
            result.error = DecodeError {lineIndex, failureMessage(f.field, f.problem)};
            return result;
        } catch (const std::exception&) { // bad_alloc: nothing may escape into Qt
            result.error = DecodeError {lineIndex, QStringLiteral("malformed message")};
            return result;
        }
    }
    return result;
}

} // namespace Centrifuge::Protocol
