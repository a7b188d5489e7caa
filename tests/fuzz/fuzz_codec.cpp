// libFuzzer target: decodeFrame() on arbitrary bytes must never crash, hang or leak, and what
// it decodes must survive re-encoding of every request kind it can feed.

#include "realtime/protocol/codec.h"
#include "realtime/protocol/jsoncursor.h"
#include "realtime/protocol/jsontape.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>

using namespace Centrifuge::Protocol;

namespace {

//! Re-encodes what a client would send back after reading \a message, exercising the encoder
//! with decoder output (raw JSON from the server goes back as raw JSON in requests).
void echo(const ServerMessage& message)
{
    std::vector<Command> commands;
    if (const auto* push = std::get_if<Push>(&message)) {
        if (const auto* pub = std::get_if<PublicationPush>(&push->payload)) {
            commands.push_back(
                {1, PublishRequest {pub->publication.channel, pub->publication.data}});
            SubscribeRequest sub;
            sub.channel = push->channel;
            sub.recover = true;
            sub.offset = pub->publication.offset;
            sub.data = pub->publication.data;
            commands.push_back({2, sub});
        }
        if (const auto* msg = std::get_if<MessagePush>(&push->payload))
            commands.push_back({0, SendRequest {msg->data}});
    } else if (const auto* reply = std::get_if<Reply>(&message)) {
        if (const auto* rpc = std::get_if<RpcResult>(&reply->result))
            commands.push_back({reply->id, RpcRequest {QStringLiteral("m"), rpc->data}});
        if (const auto* connect = std::get_if<ConnectResult>(&reply->result)) {
            ConnectRequest req;
            req.data = connect->data;
            for (auto it = connect->subs.cbegin(); it != connect->subs.cend(); ++it)
                req.subs.insert(it.key(), {true, it->epoch, it->offset});
            commands.push_back({reply->id, req});
        }
    }
    const QByteArray frame = encodeCommands(commands);
    // The encoder's promise: one line per command, each valid for the decoder's JSON parser.
    if (frame.count('\n') != qsizetype(commands.empty() ? 0 : commands.size() - 1))
        __builtin_trap();
}

//! The tape built with simdjson must accept exactly what nlohmann's validator accepts (except
//! nesting beyond MaxDepth, which we refuse), and every value on it must point at
//! the right bytes: each slice parses on its own, to the value the DOM holds for the whole line
//! at the top, and compacting a slice never changes its value.
void checkTape(const char* first, const char* last)
{
    JsonTape tape;
    const char* problem = nullptr;
    const bool ours = tape.parse(first, last, &problem);
    // nlohmann takes a NUL byte for the end of input, even between iterators ("{}\0junk" is
    // valid to it): such inputs are not compared.
    if (std::memchr(first, 0, size_t(last - first)))
        return;
    const bool theirs = nlohmann::json::accept(first, last);
    const bool tooDeep = !ours && std::strcmp(problem, "nesting too deep") == 0;
    if (ours != theirs && !tooDeep)
        __builtin_trap();
    if (!ours)
        return;
    const auto& tokens = tape.tokens();
    for (size_t i = 0; i < tokens.size(); ++i) {
        const JsonToken& t = tokens[i];
        if (t.kind == JsonToken::EndObject || t.kind == JsonToken::EndArray
            || t.kind == JsonToken::Key)
            continue;
        const char* b = tape.source() + t.sourceBegin;
        const char* e = tape.source() + t.sourceEnd;
        const auto slice = nlohmann::json::parse(b, e, nullptr, false);
        if (slice.is_discarded())
            __builtin_trap(); // a span that is not one whole value
        if (i == 0 && slice != nlohmann::json::parse(first, last))
            __builtin_trap();
    }
    if (tokens.front().kind == JsonToken::Null)
        return; // a raw `null` reads as "not sent"
    JsonTape again;
    JsonCursor cursor(again, first, last);
    const QByteArray raw = cursor.rawValue();
    if (nlohmann::json::parse(raw.cbegin(), raw.cend()) != nlohmann::json::parse(first, last))
        __builtin_trap(); // compacting changed the value
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const char* first = reinterpret_cast<const char*>(data);
    checkTape(first, first + size);
    const DecodedFrame frame = decodeFrame(QByteArrayView(first, qsizetype(size)));
    if (frame.error && frame.error->line < 0)
        __builtin_trap();
    for (const ServerMessage& message : frame.messages)
        echo(message);
    return 0;
}
