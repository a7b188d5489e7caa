#include "realtime/protocol/codec.h"

#include "realtime/protocol/lineparser.h"

#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <type_traits>

namespace Centrifuge::Protocol {

namespace {

using Json = LineParser::Json;

// ---- decoding -------------------------------------------------------------------------------
//
// Each line is parsed by LineParser (strict, no exceptions) into a DOM of the protocol
// structure, then walked field by field.
// Structural problems inside a valid JSON line (wrong types, out-of-range numbers) raise a
// DecodeFailure, which never leaves this file: decodeFrame() turns it into a DecodeError for that
// line.

struct DecodeFailure
{
    const char* field;
    const char* problem;
};

[[noreturn]] void fail(const char* field, const char* problem)
{
    throw DecodeFailure {field, problem};
}

//! The value of \a key, or nullptr when absent or null (null is read as "not sent", like the
//! server's Go decoder reads it as the zero value).
const Json* member(const Json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return nullptr;
    return &*it;
}

const Json& requireObject(const Json& value, const char* field)
{
    if (!value.is_object())
        fail(field, "expected an object");
    return value;
}

QString toQString(const std::string& s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

void readString(const Json& object, const char* key, QString& out)
{
    if (const Json* v = member(object, key)) {
        if (!v->is_string())
            fail(key, "expected a string");
        out = toQString(v->get_ref<const std::string&>());
    }
}

void readBool(const Json& object, const char* key, bool& out)
{
    if (const Json* v = member(object, key)) {
        if (!v->is_boolean())
            fail(key, "expected a boolean");
        out = v->get<bool>();
    }
}

//! Unsigned integers are read from nlohmann's exact 64-bit representation, never from a double.
template<typename T> void readUnsigned(const Json& object, const char* key, T& out)
{
    static_assert(std::is_unsigned_v<T>);
    const Json* v = member(object, key);
    if (!v)
        return;
    if (v->is_number_unsigned()) {
        const auto n = v->get<std::uint64_t>();
        if (n > std::numeric_limits<T>::max())
            fail(key, "unsigned integer out of range");
        out = static_cast<T>(n);
        return;
    }
    if (v->is_number_integer()) // a negative value: nlohmann stores non-negative ones unsigned
        fail(key, "expected a non-negative integer");
    fail(key, "expected an unsigned integer");
}

template<typename T> void readSigned(const Json& object, const char* key, T& out)
{
    static_assert(std::is_signed_v<T>);
    const Json* v = member(object, key);
    if (!v)
        return;
    if (v->is_number_unsigned()) {
        const auto n = v->get<std::uint64_t>();
        if (n > static_cast<std::uint64_t>(std::numeric_limits<T>::max()))
            fail(key, "integer out of range");
        out = static_cast<T>(n);
        return;
    }
    if (v->is_number_integer()) {
        const auto n = v->get<std::int64_t>();
        if (n < std::numeric_limits<T>::min() || n > std::numeric_limits<T>::max())
            fail(key, "integer out of range");
        out = static_cast<T>(n);
        return;
    }
    fail(key, "expected an integer");
}

//! Walks the DOM of one line. Raw fields are binary nodes holding their text in the parser.
struct Decoder
{
    const LineParser& parser;

    void readRaw(const Json& object, const char* key, QByteArray& out) const
    {
        if (const Json* v = member(object, key))
            out = parser.rawText(*v);
    }

    ClientInfo decodeClientInfo(const Json& value) const
    {
        requireObject(value, "info");
        ClientInfo info;
        readString(value, "user", info.user);
        readString(value, "client", info.client);
        readRaw(value, "conn_info", info.connInfo);
        readRaw(value, "chan_info", info.chanInfo);
        return info;
    }

    Publication decodePublication(const Json& value) const
    {
        requireObject(value, "publication");
        Publication pub;
        readString(value, "channel", pub.channel);
        readUnsigned(value, "offset", pub.offset);
        readRaw(value, "data", pub.data);
        if (const Json* info = member(value, "info"))
            pub.info = decodeClientInfo(*info);
        if (const Json* tags = member(value, "tags")) {
            requireObject(*tags, "tags");
            pub.tags.reserve(static_cast<qsizetype>(tags->size()));
            for (auto it = tags->begin(); it != tags->end(); ++it) {
                if (!it->is_string())
                    fail("tags", "expected string values");
                pub.tags.insert(toQString(it.key()), toQString(it->get_ref<const std::string&>()));
            }
        }
        readBool(value, "delta", pub.delta);
        readSigned(value, "time", pub.timeMs);
        return pub;
    }

    std::vector<Publication> decodePublications(const Json& object) const
    {
        std::vector<Publication> out;
        if (const Json* list = member(object, "publications")) {
            if (!list->is_array())
                fail("publications", "expected an array");
            out.reserve(list->size());
            for (const Json& item : *list)
                out.push_back(decodePublication(item));
        }
        return out;
    }

    SubscribeResult decodeSubscribeResult(const Json& value) const
    {
        requireObject(value, "subscribe");
        SubscribeResult r;
        readBool(value, "expires", r.expires);
        readUnsigned(value, "ttl", r.ttl);
        readBool(value, "recoverable", r.recoverable);
        readString(value, "epoch", r.epoch);
        r.publications = decodePublications(value);
        readBool(value, "recovered", r.recovered);
        readUnsigned(value, "offset", r.offset);
        readBool(value, "positioned", r.positioned);
        readRaw(value, "data", r.data);
        readBool(value, "was_recovering", r.wasRecovering);
        readBool(value, "delta", r.delta);
        return r;
    }

    ConnectResult decodeConnectResult(const Json& value) const
    {
        requireObject(value, "connect");
        ConnectResult r;
        readString(value, "client", r.client);
        readString(value, "version", r.version);
        readBool(value, "expires", r.expires);
        readUnsigned(value, "ttl", r.ttl);
        readRaw(value, "data", r.data);
        if (const Json* subs = member(value, "subs")) {
            requireObject(*subs, "subs");
            for (auto it = subs->begin(); it != subs->end(); ++it)
                r.subs.insert(toQString(it.key()), decodeSubscribeResult(it.value()));
        }
        readUnsigned(value, "ping", r.ping);
        readBool(value, "pong", r.pong);
        return r;
    }

    RefreshResult decodeRefreshResult(const Json& value) const
    {
        requireObject(value, "refresh");
        RefreshResult r;
        readString(value, "client", r.client);
        readString(value, "version", r.version);
        readBool(value, "expires", r.expires);
        readUnsigned(value, "ttl", r.ttl);
        return r;
    }

    SubRefreshResult decodeSubRefreshResult(const Json& value) const
    {
        requireObject(value, "sub_refresh");
        SubRefreshResult r;
        readBool(value, "expires", r.expires);
        readUnsigned(value, "ttl", r.ttl);
        return r;
    }

    PresenceResult decodePresenceResult(const Json& value) const
    {
        requireObject(value, "presence");
        PresenceResult r;
        if (const Json* clients = member(value, "presence")) {
            requireObject(*clients, "presence");
            r.clients.reserve(static_cast<qsizetype>(clients->size()));
            for (auto it = clients->begin(); it != clients->end(); ++it)
                r.clients.insert(toQString(it.key()), decodeClientInfo(it.value()));
        }
        return r;
    }

    PresenceStatsResult decodePresenceStatsResult(const Json& value) const
    {
        requireObject(value, "presence_stats");
        PresenceStatsResult r;
        readUnsigned(value, "num_clients", r.numClients);
        readUnsigned(value, "num_users", r.numUsers);
        return r;
    }

    HistoryResult decodeHistoryResult(const Json& value) const
    {
        requireObject(value, "history");
        HistoryResult r;
        r.publications = decodePublications(value);
        readString(value, "epoch", r.epoch);
        readUnsigned(value, "offset", r.offset);
        return r;
    }

    template<typename T> T decodeEmpty(const Json& value, const char* field) const
    {
        requireObject(value, field);
        return T {};
    }

    RpcResult decodeRpcResult(const Json& value) const
    {
        requireObject(value, "rpc");
        RpcResult r;
        readRaw(value, "data", r.data);
        return r;
    }

    Result decodeResult(const Json& line) const
    {
        if (const Json* v = member(line, "connect"))
            return decodeConnectResult(*v);
        if (const Json* v = member(line, "subscribe"))
            return decodeSubscribeResult(*v);
        if (const Json* v = member(line, "unsubscribe"))
            return decodeEmpty<UnsubscribeResult>(*v, "unsubscribe");
        if (const Json* v = member(line, "publish"))
            return decodeEmpty<PublishResult>(*v, "publish");
        if (const Json* v = member(line, "presence"))
            return decodePresenceResult(*v);
        if (const Json* v = member(line, "presence_stats"))
            return decodePresenceStatsResult(*v);
        if (const Json* v = member(line, "history"))
            return decodeHistoryResult(*v);
        if (const Json* v = member(line, "rpc"))
            return decodeRpcResult(*v);
        if (const Json* v = member(line, "refresh"))
            return decodeRefreshResult(*v);
        if (const Json* v = member(line, "sub_refresh"))
            return decodeSubRefreshResult(*v);
        return EmptyResult {}; // `ping` result, `{}` or a result type we do not know
    }

    Reply decodeReply(const Json& line, quint32 id) const
    {
        Reply reply;
        reply.id = id;
        if (const Json* error = member(line, "error")) {
            requireObject(*error, "error");
            Error e;
            readSigned(*error, "code", e.code);
            readString(*error, "message", e.message);
            readBool(*error, "temporary", e.temporary);
            reply.error = std::move(e);
            return reply;
        }
        // The result is the first known result field; a reply with only unknown fields (a result
        // type newer than this codec) decodes as EmptyResult so the pending call still settles.
        reply.result = decodeResult(line);
        return reply;
    }

    //! Returns false for a push type this codec does not know (a newer server): it is skipped.
    bool decodePush(const Json& value, Push& push) const
    {
        requireObject(value, "push");
        readString(value, "channel", push.channel);
        if (const Json* v = member(value, "pub")) {
            PublicationPush p {decodePublication(*v)};
            if (p.publication.channel.isEmpty())
                p.publication.channel = push.channel;
            push.payload = std::move(p);
            return true;
        }
        if (const Json* v = member(value, "join")) {
            requireObject(*v, "join");
            const Json* info = member(*v, "info");
            push.payload = JoinPush {info ? decodeClientInfo(*info) : ClientInfo {}};
            return true;
        }
        if (const Json* v = member(value, "leave")) {
            requireObject(*v, "leave");
            const Json* info = member(*v, "info");
            push.payload = LeavePush {info ? decodeClientInfo(*info) : ClientInfo {}};
            return true;
        }
        if (const Json* v = member(value, "unsubscribe")) {
            requireObject(*v, "unsubscribe");
            UnsubscribePush p;
            readSigned(*v, "code", p.code);
            readString(*v, "reason", p.reason);
            push.payload = std::move(p);
            return true;
        }
        if (const Json* v = member(value, "message")) {
            requireObject(*v, "message");
            MessagePush p;
            readRaw(*v, "data", p.data);
            push.payload = std::move(p);
            return true;
        }
        if (const Json* v = member(value, "subscribe")) {
            requireObject(*v, "subscribe");
            SubscribePush p;
            readBool(*v, "recoverable", p.recoverable);
            readString(*v, "epoch", p.epoch);
            readUnsigned(*v, "offset", p.offset);
            readBool(*v, "positioned", p.positioned);
            readRaw(*v, "data", p.data);
            push.payload = std::move(p);
            return true;
        }
        if (const Json* v = member(value, "disconnect")) {
            requireObject(*v, "disconnect");
            DisconnectPush p;
            readSigned(*v, "code", p.code);
            readString(*v, "reason", p.reason);
            readBool(*v, "reconnect", p.reconnect);
            push.payload = std::move(p);
            return true;
        }
        if (const Json* v = member(value, "connect")) {
            push.payload = ConnectPush {decodeConnectResult(*v)};
            return true;
        }
        if (const Json* v = member(value, "refresh")) {
            requireObject(*v, "refresh");
            RefreshPush p;
            readBool(*v, "expires", p.expires);
            readUnsigned(*v, "ttl", p.ttl);
            push.payload = std::move(p);
            return true;
        }
        return false; // a push type this codec does not know
    }

    //! Decodes one line; returns false (no message) for a push type we do not know.
    bool decodeLine(const Json& line, ServerMessage& out) const
    {
        if (!line.is_object())
            fail("message", "expected a JSON object");
        quint32 id = 0;
        readUnsigned(line, "id", id);
        if (id > 0) {
            out = decodeReply(line, id);
            return true;
        }
        if (const Json* push = member(line, "push")) {
            Push p;
            if (!decodePush(*push, p))
                return false;
            out = std::move(p);
            return true;
        }
        out = Ping {}; // `{}` (or an object with neither id nor push): a server ping
        return true;
    }
};

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

QString failureMessage(const char* field, const char* problem)
{
    return QString::fromLatin1(field) + QStringLiteral(": ") + QString::fromLatin1(problem);
}

} // namespace

DecodedFrame decodeFrame(QByteArrayView frame)
{
    DecodedFrame result;
    const char* const begin = frame.data();
    const char* const end = begin + frame.size();
    qsizetype lineIndex = 0;
    LineParser parser;
    const Decoder decoder {parser};
    for (const char* lineStart = begin; lineStart < end; ++lineIndex) {
        const void* newline = std::memchr(lineStart, '\n', static_cast<size_t>(end - lineStart));
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
            if (!parser.parse(first, last)) {
                result.error = DecodeError {lineIndex, QString::fromLatin1(parser.error())};
                return result;
            }
            ServerMessage message;
            if (decoder.decodeLine(parser.root(), message))
                result.messages.push_back(std::move(message));
        } catch (const DecodeFailure& f) {
            result.error = DecodeError {lineIndex, failureMessage(f.field, f.problem)};
            return result;
        } catch (const std::exception&) {
            // nlohmann type errors or bad_alloc: nothing may escape into Qt.
            result.error = DecodeError {lineIndex, QStringLiteral("malformed message")};
            return result;
        }
    }
    return result;
}

} // namespace Centrifuge::Protocol
