#include "realtime/protocol/codec.h"

#include "realtime/protocol/decodereplies_p.h"
#include "realtime/protocol/jsoncursor.h"

#include <cstring>
#include <limits>
#include <new>
#include <type_traits>

namespace Centrifuge::Protocol {

namespace {

// ---- decoding -------------------------------------------------------------------------------
//
// Each line is parsed by simdjson into a token tape (jsontape.cpp), then read by a JsonCursor
// straight into the protocol structs: keys in any order, unknown keys skipped, `null` read as
// "not sent". Malformed JSON and wrong types throw JsonCursor::Failure, which never leaves the
// codec: decodeFrame() turns it into a DecodeError for that line. Replies are decoded in
// decodereplies.cpp; lines and pushes here.

using namespace Detail;

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
        const auto r = decodeSubRefresh(in, "refresh");
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
