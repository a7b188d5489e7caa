#include "realtime/protocol/codec.h"
#include "realtime/protocol/jsonwriter.h"

namespace Centrifuge::Protocol {

namespace {

// ---- encoding -------------------------------------------------------------------------------

//! A FilterNode: `op` ("" for a leaf), `key`, `cmp`, `val`, `vals`, `nodes`, empty ones omitted.
void writeFilter(JsonWriter& w, const TagsFilter& f)
{
    w.beginObject();
    w.string("op", f.opName());
    w.string("key", f.key());
    w.string("cmp", f.compareName());
    w.string("val", f.value());
    const QStringList values = f.values();
    if (!values.isEmpty()) {
        w.key("vals");
        w.beginArray();
        for (const QString& value : values)
            w.element(value);
        w.endArray();
    }
    const QList<TagsFilter> children = f.children();
    if (!children.isEmpty()) {
        w.key("nodes");
        w.beginArray();
        for (const TagsFilter& child : children)
            writeFilter(w, child);
        w.endArray();
    }
    w.endObject();
}

void writeSubscribe(JsonWriter& w, const SubscribeRequest& r)
{
    w.beginObject();
    w.string("channel", r.channel);
    w.string("token", r.token);
    w.boolean("recover", r.recover);
    w.string("epoch", r.epoch);
    w.unsignedNumber("offset", r.offset);
    w.raw("data", r.data);
    w.boolean("positioned", r.positioned);
    w.boolean("recoverable", r.recoverable);
    w.boolean("join_leave", r.joinLeave);
    w.string("delta", r.delta);
    if (!r.tf.isNull()) {
        w.key("tf");
        writeFilter(w, r.tf);
    }
    w.signedNumber("flag", r.flag);
    w.endObject();
}

void writeConnect(JsonWriter& w, const ConnectRequest& r)
{
    w.beginObject();
    w.string("token", r.token);
    w.raw("data", r.data);
    if (!r.subs.isEmpty()) {
        w.key("subs");
        w.beginObject();
        for (auto it = r.subs.cbegin(); it != r.subs.cend(); ++it) {
            w.key(it.key());
            w.beginObject();
            w.boolean("recover", it->recover);
            w.string("epoch", it->epoch);
            w.unsignedNumber("offset", it->offset);
            w.endObject();
        }
        w.endObject();
    }
    w.string("name", r.name);
    w.string("version", r.version);
    w.endObject();
}

void writeChannelOnly(JsonWriter& w, const QString& channel)
{
    w.beginObject();
    w.string("channel", channel);
    w.endObject();
}

void writeHistory(JsonWriter& w, const HistoryRequest& r)
{
    w.beginObject();
    w.string("channel", r.channel);
    w.signedNumber("limit", r.limit);
    if (r.since) {
        w.key("since");
        w.beginObject();
        w.unsignedNumber("offset", r.since->offset);
        w.string("epoch", r.since->epoch);
        w.endObject();
    }
    w.boolean("reverse", r.reverse);
    w.endObject();
}

struct RequestWriter
{
    JsonWriter& w;

    void operator()(const ConnectRequest& r) const
    {
        w.key("connect");
        writeConnect(w, r);
    }
    void operator()(const SubscribeRequest& r) const
    {
        w.key("subscribe");
        writeSubscribe(w, r);
    }
    void operator()(const UnsubscribeRequest& r) const
    {
        w.key("unsubscribe");
        writeChannelOnly(w, r.channel);
    }
    void operator()(const PublishRequest& r) const
    {
        w.key("publish");
        w.beginObject();
        w.string("channel", r.channel);
        w.raw("data", r.data);
        w.endObject();
    }
    void operator()(const PresenceRequest& r) const
    {
        w.key("presence");
        writeChannelOnly(w, r.channel);
    }
    void operator()(const PresenceStatsRequest& r) const
    {
        w.key("presence_stats");
        writeChannelOnly(w, r.channel);
    }
    void operator()(const HistoryRequest& r) const
    {
        w.key("history");
        writeHistory(w, r);
    }
    void operator()(const RpcRequest& r) const
    {
        w.key("rpc");
        w.beginObject();
        w.raw("data", r.data);
        w.string("method", r.method);
        w.endObject();
    }
    void operator()(const RefreshRequest& r) const
    {
        w.key("refresh");
        w.beginObject();
        w.string("token", r.token);
        w.endObject();
    }
    void operator()(const SubRefreshRequest& r) const
    {
        w.key("sub_refresh");
        w.beginObject();
        w.string("channel", r.channel);
        w.string("token", r.token);
        w.endObject();
    }
    void operator()(const SendRequest& r) const
    {
        w.key("send");
        w.beginObject();
        w.raw("data", r.data);
        w.endObject();
    }
};

void writeCommand(JsonWriter& w, const Command& command)
{
    w.beginObject();
    w.unsignedNumber("id", command.id);
    std::visit(RequestWriter {w}, command.request);
    w.endObject();
}

} // namespace

QByteArray encodeCommand(const Command& command)
{
    JsonWriter w;
    writeCommand(w, command);
    return w.take();
}

QByteArray encodeCommands(const std::vector<Command>& commands)
{
    JsonWriter w;
    bool first = true;
    for (const Command& command : commands) {
        if (!first)
            w.newline();
        first = false;
        writeCommand(w, command);
    }
    return w.take();
}

} // namespace Centrifuge::Protocol
