// libFuzzer target: decodeFrame() on arbitrary bytes must never crash, hang or leak, and what
// it decodes must survive re-encoding of every request kind it can feed.

#include "realtime/protocol/codec.h"
#include "realtime/protocol/jsoncursor.h"

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

//! Differential check: our strict JSON cursor and nlohmann's validator must agree on what is
//! valid JSON. Known, intended differences: nesting beyond JsonCursor::MaxDepth (we refuse) and
//! numbers out of double range such as 1e400 (nlohmann refuses; raw data passes them through,
//! like Go's and JS's JSON decoders do). nlohmann also stops at a NUL byte as if the input
//! ended there ("{}\0junk" is valid to it), so inputs with NUL bytes are not compared.
void compareWithNlohmann(const char* first, const char* last)
{
    if (std::memchr(first, 0, size_t(last - first)))
        return;
    bool mine = true;
    bool tooDeep = false;
    try {
        JsonCursor ours(first, last);
        ours.skipValue();
        ours.expectEnd();
    } catch (const JsonCursor::Failure& f) {
        mine = false;
        tooDeep = std::strcmp(f.problem, "nesting too deep") == 0;
    }
    bool theirs = false;
    bool overflow = false;
    try {
        (void)nlohmann::json::parse(first, last);
        theirs = true;
    } catch (const nlohmann::json::exception& e) {
        overflow = std::strstr(e.what(), "number overflow") != nullptr;
    }
    if (mine && !theirs && !overflow)
        __builtin_trap(); // we accepted invalid JSON
    if (!mine && theirs && !tooDeep)
        __builtin_trap(); // we refused valid JSON
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const char* first = reinterpret_cast<const char*>(data);
    compareWithNlohmann(first, first + size);
    const DecodedFrame frame = decodeFrame(QByteArrayView(first, qsizetype(size)));
    if (frame.error && frame.error->line < 0)
        __builtin_trap();
    for (const ServerMessage& message : frame.messages)
        echo(message);
    return 0;
}
