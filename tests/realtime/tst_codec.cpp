// Tests of the protocol codec (realtime/protocol/codec.h): decoding server frames, encoding
// commands, raw JSON passthrough and malformed input.

#include "realtime/protocol/codec.h"

#include <QFile>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace Centrifuge;
using namespace Centrifuge::Protocol;
using Json = nlohmann::json;

namespace {

QByteArray fixture(const char* name)
{
    QFile file(QStringLiteral(INBOX_TEST_DATA_DIR "/protocol/") + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", name);
    return file.readAll();
}

//! Decodes a frame expected to hold exactly one message, without error.
ServerMessage decodeOne(const QByteArray& line)
{
    const DecodedFrame frame = decodeFrame(line);
    if (frame.error)
        qFatal("unexpected decode error: %s", qPrintable(frame.error->message));
    if (frame.messages.size() != 1)
        qFatal("expected one message, got %d", int(frame.messages.size()));
    return frame.messages.front();
}

template<typename T> const T& as(const ServerMessage& message)
{
    if (!std::holds_alternative<T>(message))
        qFatal("unexpected message kind %d", int(message.index()));
    return std::get<T>(message);
}

template<typename T> const T& result(const ServerMessage& message)
{
    const Reply& reply = as<Reply>(message);
    if (!std::holds_alternative<T>(reply.result))
        qFatal("unexpected result kind %d", int(reply.result.index()));
    return std::get<T>(reply.result);
}

template<typename T> const T& payload(const ServerMessage& message)
{
    const Push& push = as<Push>(message);
    if (!std::holds_alternative<T>(push.payload))
        qFatal("unexpected push kind %d", int(push.payload.index()));
    return std::get<T>(push.payload);
}

Json parse(const QByteArray& text)
{
    return Json::parse(text.constBegin(), text.constEnd());
}

} // namespace

class TestCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void annotatedSessionDecodes();
    void annotatedSessionEncodes();
    void batchedFrameKeepsOrder();
    void blankLinesAndLineEndings();
    void offsetsAreExact_data();
    void offsetsAreExact();
    void unknownFieldsAreIgnored();
    void everyPushType();
    void everyResultType();
    void errorReplies();
    void malformedInput_data();
    void malformedInput();
    void errorMessagesCarryNoPayload();
    void errorKeepsEarlierMessages();
    void encodeEveryRequest_data();
    void encodeEveryRequest();
    void encodeOmitsEmptyFields();
    void encodeBatch();
    void encodeEscapesStrings();
    void rawDataDecodesCompact_data();
    void rawDataDecodesCompact();
    void rawDataEncodesAsJsonValue_data();
    void rawDataEncodesAsJsonValue();
    void rawDataRoundTrip();
    void unicodePassesThrough();
    void encodeTagsFilterAndFlags();
    void tagsFilterValidation_data();
    void tagsFilterValidation();
    void decodeChannelCompactionIds();
};

// ---- §1.10 of the protocol notes, message by message ----------------------------------------

void TestCodec::annotatedSessionDecodes()
{
    const DecodedFrame frame = decodeFrame(fixture("session.json"));
    QVERIFY(!frame.error);
    QCOMPARE(frame.messages.size(), size_t(7));

    const Reply& connect = as<Reply>(frame.messages[0]);
    QCOMPARE(connect.id, 1u);
    QVERIFY(!connect.error);
    const auto& cr = result<ConnectResult>(frame.messages[0]);
    QCOMPARE(cr.client, QStringLiteral("c1d2e3f4"));
    QCOMPARE(cr.version, QStringLiteral("6.9.6"));
    QVERIFY(cr.expires);
    QCOMPARE(cr.ttl, 3580u);
    QCOMPARE(cr.ping, 25u);
    QVERIFY(cr.pong);
    QVERIFY(cr.data.isEmpty());
    QVERIFY(cr.subs.isEmpty());

    QCOMPARE(as<Reply>(frame.messages[1]).id, 2u);
    const auto& sr = result<SubscribeResult>(frame.messages[1]);
    QVERIFY(sr.recoverable);
    QCOMPARE(sr.epoch, QStringLiteral("Ab3x"));
    QCOMPARE(sr.offset, 41u);
    QVERIFY(sr.positioned);
    QVERIFY(!sr.wasRecovering);
    QVERIFY(!sr.recovered);
    QVERIFY(sr.publications.empty());

    const Push& pubPush = as<Push>(frame.messages[2]);
    QCOMPARE(pubPush.channel, QStringLiteral("org:123:messages"));
    const Publication& pub = payload<PublicationPush>(frame.messages[2]).publication;
    QCOMPARE(pub.data, QByteArray(R"({"text":"hi"})"));
    QCOMPARE(pub.offset, 42u);
    QCOMPARE(pub.channel, QStringLiteral("org:123:messages"));
    QVERIFY(!pub.info);
    QVERIFY(!pub.delta);

    QVERIFY(std::holds_alternative<Ping>(frame.messages[3]));

    QCOMPARE(as<Reply>(frame.messages[4]).id, 3u);
    const auto& recovered = result<SubscribeResult>(frame.messages[4]);
    QVERIFY(recovered.wasRecovering);
    QVERIFY(recovered.recovered);
    QCOMPARE(recovered.offset, 42u);
    QCOMPARE(recovered.publications.size(), size_t(1));
    QCOMPARE(recovered.publications[0].data, QByteArray(R"({"text":"missed"})"));
    QCOMPARE(recovered.publications[0].offset, 43u);

    QCOMPARE(as<Reply>(frame.messages[5]).id, 4u);
    const auto& rr = result<RefreshResult>(frame.messages[5]);
    QCOMPARE(rr.client, QStringLiteral("c1d2e3f4"));
    QVERIFY(rr.expires);
    QCOMPARE(rr.ttl, 3600u);

    QCOMPARE(as<Push>(frame.messages[6]).channel, QStringLiteral("org:123:tickets"));
    const auto& unsub = payload<UnsubscribePush>(frame.messages[6]);
    QCOMPARE(unsub.code, 2000);
    QCOMPARE(unsub.reason, QStringLiteral("server unsubscribe"));

    // The same lines decoded one by one give the same messages.
    const QList<QByteArray> lines = fixture("session.json").trimmed().split('\n');
    QCOMPARE(lines.size(), 7);
    for (qsizetype i = 0; i < lines.size(); ++i)
        QCOMPARE(decodeOne(lines[i]).index(), frame.messages[size_t(i)].index());
}

void TestCodec::annotatedSessionEncodes()
{
    ConnectRequest connect;
    connect.token = QStringLiteral("header.payload.sig");
    connect.name = QStringLiteral("qt");
    connect.version = QStringLiteral("2.3.0");
    SubscribeRequest subscribe;
    subscribe.channel = QStringLiteral("org:123:messages");
    QCOMPARE(encodeCommands({{1, connect}, {2, subscribe}}),
        QByteArray(
            R"({"id":1,"connect":{"token":"header.payload.sig","name":"qt","version":"2.3.0"}})"
            "\n"
            R"({"id":2,"subscribe":{"channel":"org:123:messages"}})"));

    SubscribeRequest resume;
    resume.channel = QStringLiteral("org:123:messages");
    resume.recover = true;
    resume.epoch = QStringLiteral("Ab3x");
    resume.offset = 42;
    QCOMPARE(encodeCommand({3, resume}),
        QByteArray(
            R"({"id":3,"subscribe":{"channel":"org:123:messages","recover":true,"epoch":"Ab3x","offset":42}})"));

    QCOMPARE(encodeCommand({4, RefreshRequest {QStringLiteral("new.jwt.token")}}),
        QByteArray(R"({"id":4,"refresh":{"token":"new.jwt.token"}})"));
    QCOMPARE(encodePong(), QByteArray("{}"));
}

// ---- framing ---------------------------------------------------------------------------------

void TestCodec::batchedFrameKeepsOrder()
{
    const QByteArray frame
        = R"({"push":{"channel":"a","pub":{"data":{"n":1},"offset":1}}})"
          "\n{}\n"
          R"({"id":7,"publish":{}})"
          "\n"
          R"({"push":{"channel":"a","pub":{"data":{"n":2},"offset":2}}})"
          "\n"
          R"({"id":8,"error":{"code":103,"message":"permission denied"}})"
          "\n{}\n"
          R"({"push":{"channel":"b","join":{"info":{"user":"u","client":"c"}}}})";
    const DecodedFrame decoded = decodeFrame(frame);
    QVERIFY(!decoded.error);
    QCOMPARE(decoded.messages.size(), size_t(7));
    QCOMPARE(payload<PublicationPush>(decoded.messages[0]).publication.offset, 1u);
    QVERIFY(std::holds_alternative<Ping>(decoded.messages[1]));
    QCOMPARE(as<Reply>(decoded.messages[2]).id, 7u);
    QVERIFY(std::holds_alternative<PublishResult>(as<Reply>(decoded.messages[2]).result));
    QCOMPARE(
        payload<PublicationPush>(decoded.messages[3]).publication.data, QByteArray(R"({"n":2})"));
    QCOMPARE(as<Reply>(decoded.messages[4]).error->code, 103);
    QVERIFY(std::holds_alternative<Ping>(decoded.messages[5]));
    QCOMPARE(payload<JoinPush>(decoded.messages[6]).info.user, QStringLiteral("u"));

    // Many messages in one frame, as a busy channel produces them.
    QByteArray big;
    for (int i = 1; i <= 1000; ++i) {
        if (i > 1)
            big += '\n';
        big += R"({"push":{"channel":"c","pub":{"data":{"i":)" + QByteArray::number(i)
            + R"(},"offset":)" + QByteArray::number(i) + "}}}";
    }
    const DecodedFrame many = decodeFrame(big);
    QVERIFY(!many.error);
    QCOMPARE(many.messages.size(), size_t(1000));
    for (size_t i = 0; i < many.messages.size(); ++i)
        QCOMPARE(payload<PublicationPush>(many.messages[i]).publication.offset, quint64(i + 1));
}

void TestCodec::blankLinesAndLineEndings()
{
    const DecodedFrame decoded = decodeFrame("{}\r\n\n  \n{\"id\":1,\"publish\":{}}\r\n\n");
    QVERIFY(!decoded.error);
    QCOMPARE(decoded.messages.size(), size_t(2));
    QVERIFY(std::holds_alternative<Ping>(decoded.messages[0]));
    QCOMPARE(as<Reply>(decoded.messages[1]).id, 1u);

    QVERIFY(decodeFrame("").messages.empty());
    QVERIFY(!decodeFrame("").error);
    QVERIFY(decodeFrame("\n\n").messages.empty());
    QVERIFY(!decodeFrame(QByteArrayView()).error);

    // Line indexes count every line, blank ones included.
    const DecodedFrame bad = decodeFrame("{}\n\n{\"id\":\"x\"}");
    QVERIFY(bad.error);
    QCOMPARE(bad.error->line, 2);
    QCOMPARE(bad.messages.size(), size_t(1));
}

// ---- numbers ---------------------------------------------------------------------------------

void TestCodec::offsetsAreExact_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<quint64>("offset");
    QTest::newRow("uint64 max") << QByteArray("18446744073709551615")
                                << quint64(18446744073709551615ULL);
    QTest::newRow("2^53+1") << QByteArray("9007199254740993") << quint64(9007199254740993ULL);
    QTest::newRow("2^63") << QByteArray("9223372036854775808") << quint64(9223372036854775808ULL);
    QTest::newRow("zero") << QByteArray("0") << quint64(0);
}

void TestCodec::offsetsAreExact()
{
    QFETCH(QByteArray, text);
    QFETCH(quint64, offset);

    const auto pub
        = decodeOne(R"({"push":{"channel":"c","pub":{"data":{},"offset":)" + text + "}}}");
    QCOMPARE(payload<PublicationPush>(pub).publication.offset, offset);

    const auto sub = decodeOne(R"({"id":1,"subscribe":{"epoch":"e","offset":)" + text
        + R"(,"publications":[{"data":1,"offset":)" + text + "}]}}");
    QCOMPARE(result<SubscribeResult>(sub).offset, offset);
    QCOMPARE(result<SubscribeResult>(sub).publications.at(0).offset, offset);

    const auto hist = decodeOne(R"({"id":2,"history":{"epoch":"e","offset":)" + text + "}}");
    QCOMPARE(result<HistoryResult>(hist).offset, offset);

    const auto spush = decodeOne(R"({"push":{"channel":"s","subscribe":{"offset":)" + text + "}}}");
    QCOMPARE(payload<SubscribePush>(spush).offset, offset);

    // And back: the encoder writes the same digits.
    SubscribeRequest req;
    req.channel = QStringLiteral("c");
    req.recover = true;
    req.epoch = QStringLiteral("e");
    req.offset = offset;
    const QByteArray encoded = encodeCommand({1, req});
    if (offset != 0)
        QVERIFY(encoded.contains(QByteArray(R"("offset":)" + text)));
    else
        QVERIFY(!encoded.contains("offset"));
    QCOMPARE(parse(encoded)["subscribe"].value("offset", std::uint64_t {0}), offset);
}

// ---- forward compatibility -------------------------------------------------------------------

void TestCodec::unknownFieldsAreIgnored()
{
    const auto reply = decodeOne(
        R"({"id":5,"future":{"x":[1,2]},"subscribe":{"epoch":"E","offset":3,"id":77,"type":1,)"
        R"("phase":2,"cursor":"c","state":{"a":1},"publish_debounce":5,"publications":[{"data":1,)"
        R"("offset":3,"key":"k","removed":false,"score":1.5,"epoch":"x","prev_data":{},"version":9}]}})");
    QCOMPARE(as<Reply>(reply).id, 5u);
    QCOMPARE(result<SubscribeResult>(reply).offset, 3u);
    QCOMPARE(result<SubscribeResult>(reply).publications.at(0).data, QByteArray("1"));

    const auto push
        = decodeOne(R"({"push":{"id":12,"channel":"c","pub":{"offset":2,"data":"d","newer":{}}}})");
    QCOMPARE(payload<PublicationPush>(push).publication.data, QByteArray(R"("d")"));

    // A reply carrying a result this codec does not know still settles its call.
    const auto unknown = decodeOne(R"({"id":9,"new_method":{"a":1}})");
    QCOMPARE(as<Reply>(unknown).id, 9u);
    QVERIFY(std::holds_alternative<EmptyResult>(as<Reply>(unknown).result));

    // A push type this codec does not know is skipped; the rest of the frame still decodes.
    const DecodedFrame frame = decodeFrame(R"({"push":{"channel":"c","shiny":{"a":1}}})"
                                           "\n{}");
    QVERIFY(!frame.error);
    QCOMPARE(frame.messages.size(), size_t(1));
    QVERIFY(std::holds_alternative<Ping>(frame.messages[0]));

    // Null reads as "not sent".
    const auto nulls
        = decodeOne(R"({"id":3,"subscribe":{"epoch":null,"offset":null,"data":null}})");
    QCOMPARE(result<SubscribeResult>(nulls).offset, 0u);
    QVERIFY(result<SubscribeResult>(nulls).data.isEmpty());
}

// ---- every push and result type --------------------------------------------------------------

void TestCodec::everyPushType()
{
    const DecodedFrame frame = decodeFrame(fixture("pushes.json"));
    QVERIFY(!frame.error);
    QCOMPARE(frame.messages.size(), size_t(9));

    const Publication& pub = payload<PublicationPush>(frame.messages[0]).publication;
    QCOMPARE(pub.channel, QStringLiteral("chat"));
    QCOMPARE(pub.data, QByteArray(R"({"input":"x"})"));
    QCOMPARE(pub.offset, quint64(18446744073709551615ULL));
    QVERIFY(pub.info);
    QCOMPARE(pub.info->user, QStringLiteral("42"));
    QCOMPARE(pub.info->client, QStringLiteral("c-1"));
    QCOMPARE(pub.info->connInfo, QByteArray(R"({"name":"Ann"})"));
    QCOMPARE(pub.info->chanInfo, QByteArray(R"({"role":"agent"})"));
    QCOMPARE(pub.tags.size(), 2);
    QCOMPARE(pub.tags.value(QStringLiteral("kind")), QStringLiteral("note"));
    QVERIFY(!pub.delta);
    QCOMPARE(pub.timeMs, qint64(1763898000123));

    const auto& join = payload<JoinPush>(frame.messages[1]);
    QCOMPARE(join.info.user, QStringLiteral("42"));
    QCOMPARE(join.info.connInfo, QByteArray(R"({"name":"Ann"})"));
    QVERIFY(join.info.chanInfo.isEmpty());
    const auto& leave = payload<LeavePush>(frame.messages[2]);
    QCOMPARE(leave.info.client, QStringLiteral("c-1"));
    QCOMPARE(as<Push>(frame.messages[2]).channel, QStringLiteral("chat"));

    const auto& unsub = payload<UnsubscribePush>(frame.messages[3]);
    QCOMPARE(unsub.code, 2500);
    QCOMPARE(unsub.reason, QStringLiteral("insufficient state"));

    QVERIFY(as<Push>(frame.messages[4]).channel.isEmpty());
    QCOMPARE(payload<MessagePush>(frame.messages[4]).data, QByteArray(R"(["a",1,true,null])"));

    const auto& sub = payload<SubscribePush>(frame.messages[5]);
    QCOMPARE(as<Push>(frame.messages[5]).channel, QStringLiteral("server:1"));
    QVERIFY(sub.recoverable);
    QCOMPARE(sub.epoch, QStringLiteral("E1"));
    QCOMPARE(sub.offset, quint64(9007199254740993ULL));
    QVERIFY(sub.positioned);
    QCOMPARE(sub.data, QByteArray(R"({"x":1})"));

    const auto& disc = payload<DisconnectPush>(frame.messages[6]);
    QCOMPARE(disc.code, 3001);
    QCOMPARE(disc.reason, QStringLiteral("shutdown"));
    QVERIFY(disc.reconnect);

    const auto& conn = payload<ConnectPush>(frame.messages[7]).result;
    QCOMPARE(conn.client, QStringLiteral("c-2"));
    QCOMPARE(conn.data, QByteArray(R"({"hello":"world"})"));
    QCOMPARE(conn.subs.size(), 1);
    QCOMPARE(conn.subs.value(QStringLiteral("server:1")).offset, 7u);
    QCOMPARE(conn.ping, 25u);
    QVERIFY(conn.pong);

    const auto& refresh = payload<RefreshPush>(frame.messages[8]);
    QVERIFY(refresh.expires);
    QCOMPARE(refresh.ttl, 120u);
}

void TestCodec::everyResultType()
{
    const DecodedFrame frame = decodeFrame(fixture("results.json"));
    QVERIFY(!frame.error);
    QCOMPARE(frame.messages.size(), size_t(13));
    for (size_t i = 0; i < frame.messages.size(); ++i)
        QCOMPARE(as<Reply>(frame.messages[i]).id, quint32(10 + i));

    const auto& conn = result<ConnectResult>(frame.messages[0]);
    QCOMPARE(conn.client, QStringLiteral("c-3"));
    QVERIFY(conn.expires);
    QCOMPARE(conn.ttl, 60u);
    QCOMPARE(conn.data, QByteArray(R"({"motd":"hi"})"));
    QCOMPARE(conn.subs.size(), 1);
    const SubscribeResult userSub = conn.subs.value(QStringLiteral("user:42"));
    QVERIFY(userSub.recoverable);
    QCOMPARE(userSub.epoch, QStringLiteral("EU"));
    QCOMPARE(userSub.offset, quint64(18446744073709551615ULL));
    QCOMPARE(userSub.publications.size(), size_t(1));
    QCOMPARE(userSub.publications[0].offset, quint64(18446744073709551614ULL));

    const auto& sub = result<SubscribeResult>(frame.messages[1]);
    QVERIFY(sub.expires);
    QCOMPARE(sub.ttl, 300u);
    QVERIFY(sub.recoverable);
    QCOMPARE(sub.epoch, QStringLiteral("EC"));
    QCOMPARE(sub.publications.size(), size_t(2));
    QCOMPARE(sub.publications[1].offset, 6u);
    QCOMPARE(sub.publications[1].tags.value(QStringLiteral("t")), QStringLiteral("1"));
    QVERIFY(sub.recovered);
    QCOMPARE(sub.offset, 4u);
    QVERIFY(sub.positioned);
    QCOMPARE(sub.data, QByteArray(R"({"welcome":true})"));
    QVERIFY(sub.wasRecovering);
    QVERIFY(sub.delta);

    QVERIFY(std::holds_alternative<UnsubscribeResult>(as<Reply>(frame.messages[2]).result));
    QVERIFY(std::holds_alternative<PublishResult>(as<Reply>(frame.messages[3]).result));

    const auto& presence = result<PresenceResult>(frame.messages[4]);
    QCOMPARE(presence.clients.size(), 2);
    QCOMPARE(presence.clients.value(QStringLiteral("c-1")).user, QStringLiteral("42"));
    QCOMPARE(
        presence.clients.value(QStringLiteral("c-1")).connInfo, QByteArray(R"({"name":"Ann"})"));
    QCOMPARE(presence.clients.value(QStringLiteral("c-2")).client, QStringLiteral("c-2"));

    const auto& stats = result<PresenceStatsResult>(frame.messages[5]);
    QCOMPARE(stats.numClients, 2u);
    QCOMPARE(stats.numUsers, 2u);

    const auto& history = result<HistoryResult>(frame.messages[6]);
    QCOMPARE(history.epoch, QStringLiteral("EH"));
    QCOMPARE(history.offset, quint64(9007199254740993ULL));
    QCOMPARE(history.publications.size(), size_t(1));
    QCOMPARE(history.publications[0].offset, quint64(9007199254740993ULL));
    QVERIFY(history.publications[0].channel.isEmpty());

    QCOMPARE(result<RpcResult>(frame.messages[7]).data, QByteArray(R"({"ok":[1,2,3]})"));

    const auto& refresh = result<RefreshResult>(frame.messages[8]);
    QCOMPARE(refresh.version, QStringLiteral("6.9.6"));
    QCOMPARE(refresh.ttl, 3600u);

    const auto& subRefresh = result<SubRefreshResult>(frame.messages[9]);
    QVERIFY(subRefresh.expires);
    QCOMPARE(subRefresh.ttl, 600u);

    QVERIFY(std::holds_alternative<EmptyResult>(as<Reply>(frame.messages[10]).result));
    QVERIFY(!as<Reply>(frame.messages[10]).error);
}

void TestCodec::errorReplies()
{
    const DecodedFrame frame = decodeFrame(fixture("results.json"));
    QVERIFY(!frame.error);

    const Reply& temporary = as<Reply>(frame.messages[11]);
    QVERIFY(temporary.error);
    QCOMPARE(temporary.error->code, 100);
    QCOMPARE(temporary.error->message, QStringLiteral("internal server error"));
    QVERIFY(temporary.error->temporary);
    QVERIFY(std::holds_alternative<std::monostate>(temporary.result));

    const Reply& expired = as<Reply>(frame.messages[12]);
    QCOMPARE(expired.error->code, 109);
    QVERIFY(!expired.error->temporary);

    // An error wins over a result sent alongside it.
    const auto both = decodeOne(R"({"id":1,"connect":{"client":"x"},"error":{"code":101}})");
    QCOMPARE(as<Reply>(both).error->code, 101);
    QVERIFY(as<Reply>(both).error->message.isEmpty());
    QVERIFY(std::holds_alternative<std::monostate>(as<Reply>(both).result));
}

// ---- malformed input -------------------------------------------------------------------------

void TestCodec::malformedInput_data()
{
    QTest::addColumn<QByteArray>("line");
    // Each row is placed after two good lines, so the error must be on line 2.
    auto row = [](const char* name, QByteArray line) { QTest::newRow(name) << line; };
    row("invalid json", "{\"id\":1,");
    row("truncated", R"({"push":{"channel":"c","pub":{"data":{"a":1})");
    row("garbage", "hello");
    row("trailing garbage", "{}}");
    row("two values on a line", "{} {}");
    row("array line", "[1,2,3]");
    row("number line", "42");
    row("string line", "\"{}\"");
    row("null line", "null");
    row("true line", "true");
    row("id string", R"({"id":"1","connect":{}})");
    row("id negative", R"({"id":-1,"connect":{}})");
    row("id float", R"({"id":1.5,"connect":{}})");
    row("id above uint32", R"({"id":4294967296,"connect":{}})");
    row("offset string", R"({"push":{"channel":"c","pub":{"offset":"42"}}})");
    row("offset negative", R"({"push":{"channel":"c","pub":{"offset":-42}}})");
    row("offset float", R"({"push":{"channel":"c","pub":{"offset":4.2}}})");
    row("offset above uint64", R"({"push":{"channel":"c","pub":{"offset":18446744073709551616}}})");
    row("offset exponent", R"({"push":{"channel":"c","pub":{"offset":1e3}}})");
    row("huge exponent offset", R"({"push":{"channel":"c","pub":{"offset":1e400}}})");
    row("bad number", R"({"push":{"channel":"c","pub":{"data":01}}})");
    row("bad number in data", R"({"push":{"channel":"c","pub":{"data":[1.]}}})");
    row("bad escape in data", R"({"push":{"channel":"c","pub":{"data":"\x"}}})");
    row("lone surrogate in data", R"({"push":{"channel":"c","pub":{"data":"\udc00"}}})");
    row("invalid utf8 in data",
        QByteArray("{\"push\":{\"channel\":\"c\",\"pub\":{\"data\":\"\xc0\xaf\"}}}"));
    row("surrogate utf8 in data",
        QByteArray("{\"push\":{\"channel\":\"c\",\"pub\":{\"data\":\"\xed\xa0\x80\"}}}"));
    row("truncated utf8", QByteArray("{\"push\":{\"channel\":\"c\xe2\x82\"}}"));
    row("unterminated data", R"({"push":{"channel":"c","pub":{"data":{"a":[1,2)");
    row("trailing comma", R"({"id":1,"publish":{},})");
    row("missing colon", R"({"id" 1})");
    row("bad literal", R"({"id":1,"error":{"temporary":tru}})");
    row("ttl above uint32", R"({"id":1,"connect":{"ttl":4294967296}})");
    row("ping bool", R"({"id":1,"connect":{"ping":true}})");
    row("pong string", R"({"id":1,"connect":{"pong":"true"}})");
    row("client number", R"({"id":1,"connect":{"client":7}})");
    row("subs array", R"({"id":1,"connect":{"subs":[]}})");
    row("sub result not object", R"({"id":1,"connect":{"subs":{"a":1}}})");
    row("connect array", R"({"id":1,"connect":[]})");
    row("publish string", R"({"id":1,"publish":"ok"})");
    row("error string", R"({"id":1,"error":"bad"})");
    row("error code string", R"({"id":1,"error":{"code":"100"}})");
    row("error code overflow", R"({"id":1,"error":{"code":99999999999}})");
    row("temporary number", R"({"id":1,"error":{"code":100,"temporary":1}})");
    row("push array", R"({"push":[]})");
    row("push channel number", R"({"push":{"channel":5,"pub":{}}})");
    row("pub not object", R"({"push":{"channel":"c","pub":7}})");
    row("tags array", R"({"push":{"channel":"c","pub":{"tags":["a"]}}})");
    row("tag value number", R"({"push":{"channel":"c","pub":{"tags":{"a":1}}}})");
    row("info string", R"({"push":{"channel":"c","pub":{"info":"me"}}})");
    row("join info number", R"({"push":{"channel":"c","join":{"info":1}}})");
    row("delta string", R"({"push":{"channel":"c","pub":{"delta":"yes"}}})");
    row("time float", R"({"push":{"channel":"c","pub":{"time":1.5}}})");
    row("publications object", R"({"id":1,"subscribe":{"publications":{}}})");
    row("publication string", R"({"id":1,"history":{"publications":["x"]}})");
    row("presence array", R"({"id":1,"presence":{"presence":[]}})");
    row("num_users negative", R"({"id":1,"presence_stats":{"num_users":-1}})");
    row("unsubscribe code string", R"({"push":{"channel":"c","unsubscribe":{"code":"2000"}}})");
    row("disconnect reconnect number", R"({"push":{"disconnect":{"code":3001,"reconnect":1}}})");
    row("refresh ttl negative", R"({"push":{"refresh":{"ttl":-5}}})");
    row("invalid utf8", QByteArray("{\"push\":{\"channel\":\"\xff\xfe\",\"pub\":{}}}"));
    row("lone surrogate", R"({"push":{"channel":"\ud800","pub":{}}})");
    row("raw control char", QByteArray("{\"push\":{\"channel\":\"a\tb\",\"pub\":{}}}"));
    row("nul byte", QByteArray("{\"id\":1,\0\"publish\":{}}", 22));
    row("single quote", "{'id':1}");
    row("comment", "{/* c */}");
    row("deep nesting", QByteArray(100000, '[') + QByteArray(100000, ']'));
    row("deep data nesting",
        R"({"push":{"channel":"c","pub":{"data":)" + QByteArray(300, '[') + QByteArray(300, ']')
            + "}}}");
    row("unterminated deep", QByteArray(1 << 20, '{'));
    // nlohmann refuses numbers beyond the range of a double (Go's and JS's decoders pass them):
    // the line is reported, the rest of the frame is kept.
    row("number beyond double range", R"({"push":{"channel":"c","pub":{"data":[1e400]}}})");
}

void TestCodec::malformedInput()
{
    QFETCH(QByteArray, line);
    const QByteArray frame = "{}\n"
                             R"({"id":1,"publish":{}})"
                             "\n"
        + line + "\n{}";
    const DecodedFrame decoded = decodeFrame(frame);
    QVERIFY(decoded.error);
    QCOMPARE(decoded.error->line, 2);
    QVERIFY(!decoded.error->message.isEmpty());
    QCOMPARE(decoded.messages.size(), size_t(2));
    QVERIFY(std::holds_alternative<Ping>(decoded.messages[0]));
    QCOMPARE(as<Reply>(decoded.messages[1]).id, 1u);

    // The same line alone is an error on line 0.
    const DecodedFrame alone = decodeFrame(line);
    QVERIFY(alone.error);
    QCOMPARE(alone.error->line, 0);
    QVERIFY(alone.messages.empty());
}

void TestCodec::errorMessagesCarryNoPayload()
{
    const QByteArray secret = "s3cr3t-t0ken";
    const QList<QByteArray> lines = {
        R"({"push":{"channel":"s3cr3t-t0ken","pub":{"offset":"s3cr3t-t0ken"}}})",
        R"({"id":1,"connect":{"client":"s3cr3t-t0ken","ttl":"s3cr3t-t0ken"}})",
        R"({"s3cr3t-t0ken":)",
        R"({"id":1,"error":{"code":1,"message":"s3cr3t-t0ken","temporary":"s3cr3t-t0ken"}})",
    };
    for (const QByteArray& line : lines) {
        const DecodedFrame decoded = decodeFrame(line);
        QVERIFY(decoded.error);
        QVERIFY2(!decoded.error->message.contains(QString::fromLatin1(secret)),
            qPrintable(decoded.error->message));
    }
    // The message names the field so a log line is still useful.
    QVERIFY(decodeFrame(lines[0]).error->message.contains(QStringLiteral("offset")));
    // nlohmann's own error text quotes the input; only its kind is passed on.
    const DecodedFrame overflow
        = decodeFrame(R"({"push":{"channel":"s3cr3t-t0ken","pub":{"data":1e999}}})");
    QVERIFY(overflow.error);
    QCOMPARE(overflow.error->message, QStringLiteral("message: number out of range"));
}

void TestCodec::errorKeepsEarlierMessages()
{
    const QByteArray frame = fixture("session.json") + "not json\n{}\n";
    const DecodedFrame decoded = decodeFrame(frame);
    QVERIFY(decoded.error);
    QCOMPARE(decoded.error->line, 7);
    QCOMPARE(decoded.messages.size(), size_t(7));
}

// ---- encoding --------------------------------------------------------------------------------

struct EncodeCase
{
    const char* name;
    Command command;
    QByteArray expected;
};

std::vector<EncodeCase> encodeCases()
{
    std::vector<EncodeCase> cases;
    ConnectRequest connect;
    connect.token = QStringLiteral("tok");
    connect.data = R"({"app":"inbox"})";
    connect.subs.insert(
        QStringLiteral("user:42"), {true, QStringLiteral("E"), 18446744073709551615ULL});
    connect.subs.insert(QStringLiteral("a:b"), {true, {}, 0});
    connect.name = QStringLiteral("qt");
    connect.version = QStringLiteral("1.0");
    cases.push_back({"connect", {1, connect},
        R"({"id":1,"connect":{"token":"tok","data":{"app":"inbox"},"subs":{"a:b":{"recover":true},)"
        R"("user:42":{"recover":true,"epoch":"E","offset":18446744073709551615}},"name":"qt",)"
        R"("version":"1.0"}})"});
    cases.push_back({"connect empty", {1, ConnectRequest {}}, R"({"id":1,"connect":{}})"});

    SubscribeRequest sub;
    sub.channel = QStringLiteral("org:1:messages");
    sub.token = QStringLiteral("subtok");
    sub.recover = true;
    sub.epoch = QStringLiteral("ep");
    sub.offset = 9007199254740993ULL;
    sub.data = R"([1,"two"])";
    sub.positioned = true;
    sub.recoverable = true;
    sub.joinLeave = true;
    sub.delta = QStringLiteral("fossil");
    cases.push_back({"subscribe", {2, sub},
        R"({"id":2,"subscribe":{"channel":"org:1:messages","token":"subtok","recover":true,)"
        R"("epoch":"ep","offset":9007199254740993,"data":[1,"two"],"positioned":true,)"
        R"("recoverable":true,"join_leave":true,"delta":"fossil"}})"});
    cases.push_back({"unsubscribe", {3, UnsubscribeRequest {QStringLiteral("c")}},
        R"({"id":3,"unsubscribe":{"channel":"c"}})"});
    cases.push_back({"publish", {4, PublishRequest {QStringLiteral("c"), R"({"text":"hi"})"}},
        R"({"id":4,"publish":{"channel":"c","data":{"text":"hi"}}})"});
    cases.push_back({"presence", {5, PresenceRequest {QStringLiteral("c")}},
        R"({"id":5,"presence":{"channel":"c"}})"});
    cases.push_back({"presence_stats", {6, PresenceStatsRequest {QStringLiteral("c")}},
        R"({"id":6,"presence_stats":{"channel":"c"}})"});
    cases.push_back({"history top", {7, HistoryRequest {QStringLiteral("c"), 0, {}, false}},
        R"({"id":7,"history":{"channel":"c"}})"});
    cases.push_back({"history since",
        {8,
            HistoryRequest {
                QStringLiteral("c"), 10, StreamPosition {5, QStringLiteral("E")}, true}},
        R"({"id":8,"history":{"channel":"c","limit":10,"since":{"offset":5,"epoch":"E"},)"
        R"("reverse":true}})"});
    cases.push_back(
        {"history all", {9, HistoryRequest {QStringLiteral("c"), -1, StreamPosition {}, false}},
            R"({"id":9,"history":{"channel":"c","limit":-1,"since":{}}})"});
    cases.push_back({"rpc", {10, RpcRequest {QStringLiteral("ticket.assign"), R"({"id":"t1"})"}},
        R"({"id":10,"rpc":{"data":{"id":"t1"},"method":"ticket.assign"}})"});
    cases.push_back({"refresh", {11, RefreshRequest {QStringLiteral("jwt")}},
        R"({"id":11,"refresh":{"token":"jwt"}})"});
    cases.push_back(
        {"sub_refresh", {12, SubRefreshRequest {QStringLiteral("c"), QStringLiteral("jwt")}},
            R"({"id":12,"sub_refresh":{"channel":"c","token":"jwt"}})"});
    cases.push_back(
        {"send", {0, SendRequest {R"({"typing":true})"}}, R"({"send":{"data":{"typing":true}}})"});
    cases.push_back({"max id", {4294967295u, UnsubscribeRequest {QStringLiteral("c")}},
        R"({"id":4294967295,"unsubscribe":{"channel":"c"}})"});
    return cases;
}

void TestCodec::encodeEveryRequest_data()
{
    QTest::addColumn<int>("index");
    const auto cases = encodeCases();
    for (size_t i = 0; i < cases.size(); ++i)
        QTest::newRow(cases[i].name) << int(i);
}

void TestCodec::encodeEveryRequest()
{
    QFETCH(int, index);
    const EncodeCase c = encodeCases().at(size_t(index));
    const QByteArray encoded = encodeCommand(c.command);
    QCOMPARE(encoded, c.expected);
    QVERIFY(!encoded.contains('\n'));
    // Valid JSON with exactly one request field besides the id (none for `send`).
    const Json json = parse(encoded);
    QVERIFY(json.is_object());
    QCOMPARE(json.size(), size_t(c.command.id ? 2 : 1));
    if (c.command.id)
        QCOMPARE(json["id"].get<std::uint64_t>(), std::uint64_t(c.command.id));
}

void TestCodec::encodeOmitsEmptyFields()
{
    SubscribeRequest sub;
    sub.channel = QStringLiteral("c");
    QCOMPARE(encodeCommand({1, sub}), QByteArray(R"({"id":1,"subscribe":{"channel":"c"}})"));
    QCOMPARE(encodeCommand({2, PublishRequest {}}), QByteArray(R"({"id":2,"publish":{}})"));
    QCOMPARE(encodeCommand({0, SendRequest {}}), QByteArray(R"({"send":{}})"));
    QCOMPARE(encodeCommand({3, RpcRequest {}}), QByteArray(R"({"id":3,"rpc":{}})"));
}

void TestCodec::encodeBatch()
{
    std::vector<Command> commands;
    for (quint32 id = 1; id <= 3; ++id)
        commands.push_back({id, PresenceRequest {QStringLiteral("c%1").arg(id)}});
    const QByteArray frame = encodeCommands(commands);
    QCOMPARE(frame,
        QByteArray(R"({"id":1,"presence":{"channel":"c1"}})"
                   "\n"
                   R"({"id":2,"presence":{"channel":"c2"}})"
                   "\n"
                   R"({"id":3,"presence":{"channel":"c3"}})"));
    QCOMPARE(encodeCommands({}), QByteArray());
    QCOMPARE(encodeCommands({commands[0]}), encodeCommand(commands[0]));
    for (const Command& c : commands)
        QVERIFY(frame.contains(encodeCommand(c)));
}

void TestCodec::encodeEscapesStrings()
{
    const QString nasty = QStringLiteral("a\"b\\c\nd\re\tf\bg\fh") + QChar(0x01) + QChar(0x1f)
        + QStringLiteral("/é");
    const QByteArray encoded = encodeCommand({1, PublishRequest {nasty, {}}});
    QVERIFY(!encoded.contains('\n'));
    QVERIFY(!encoded.contains('\r'));
    QVERIFY(encoded.contains(R"(\u0001\u001f)"));
    const Json json = parse(encoded);
    const std::string channel = json["publish"]["channel"].get<std::string>();
    QCOMPARE(QString::fromStdString(channel), nasty);

    // Map keys are escaped too.
    ConnectRequest connect;
    connect.subs.insert(QStringLiteral("we\"ird\nkey"), {});
    const Json c = parse(encodeCommand({2, connect}));
    QVERIFY(c["connect"]["subs"].contains("we\"ird\nkey"));
}

// ---- raw JSON passthrough --------------------------------------------------------------------

void TestCodec::rawDataDecodesCompact_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("object") << QByteArray(R"({"a":1,"b":[true,null]})")
                            << QByteArray(R"({"a":1,"b":[true,null]})");
    QTest::newRow("array") << QByteArray(R"([1,"x",{}])") << QByteArray(R"([1,"x",{}])");
    QTest::newRow("string") << QByteArray(R"("plain")") << QByteArray(R"("plain")");
    QTest::newRow("escaped newline")
        << QByteArray(R"({"t":"line1\nline2"})") << QByteArray(R"({"t":"line1\nline2"})");
    QTest::newRow("spaces") << QByteArray(R"( { "a" : [ 1 , 2 ] } )")
                            << QByteArray(R"({"a":[1,2]})");
    QTest::newRow("number") << QByteArray("42") << QByteArray("42");
    QTest::newRow("negative") << QByteArray("-7") << QByteArray("-7");
    QTest::newRow("bool") << QByteArray("false") << QByteArray("false");
    QTest::newRow("empty object") << QByteArray("{}") << QByteArray("{}");
    QTest::newRow("big id") << QByteArray(R"({"id":18446744073709551615})")
                            << QByteArray(R"({"id":18446744073709551615})");
    QTest::newRow("key order kept")
        << QByteArray(R"({"z":1,"a":{"y":2,"b":3}})") << QByteArray(R"({"z":1,"a":{"y":2,"b":3}})");
    QTest::newRow("duplicate keys kept")
        << QByteArray(R"({"a":1,"a":2})") << QByteArray(R"({"a":1,"a":2})");
    QTest::newRow("number spelling kept")
        << QByteArray(R"([1.10,1e2,-0.0,2E-3])") << QByteArray(R"([1.10,1e2,-0.0,2E-3])");
    QTest::newRow("integer beyond 64 bits") << QByteArray("123456789012345678901234567890")
                                            << QByteArray("123456789012345678901234567890");
    QTest::newRow("int64 min") << QByteArray("-9223372036854775808")
                               << QByteArray("-9223372036854775808");
    // Raw values are the server's bytes: escapes are not rewritten, only spaces removed.
    QTest::newRow("escapes kept") << QByteArray(R"("\u00e9\/\u0041\t \ud83d\udc4b")")
                                  << QByteArray(R"("\u00e9\/\u0041\t \ud83d\udc4b")");
    QTest::newRow("tiny exponent")
        << QByteArray("[1E-400,-2e-999]") << QByteArray("[1E-400,-2e-999]");
    QTest::newRow("spaces in strings kept")
        << QByteArray("{ \"a b\" : \" c \\\" d \" }") << QByteArray("{\"a b\":\" c \\\" d \"}");
    QTest::newRow("deep but allowed") << QByteArray(200, '[') + QByteArray(200, ']')
                                      << QByteArray(200, '[') + QByteArray(200, ']');
    QTest::newRow("fossil string")
        << QByteArray(R"("5\n3@0,2:ab1Ck;")") << QByteArray(R"("5\n3@0,2:ab1Ck;")");
}

void TestCodec::rawDataDecodesCompact()
{
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, expected);
    for (const char* key : {"data"}) {
        Q_UNUSED(key);
        const auto pub
            = decodeOne(R"({"push":{"channel":"c","pub":{"offset":1,"data":)" + data + "}}}");
        QCOMPARE(payload<PublicationPush>(pub).publication.data, expected);
        const auto msg = decodeOne(R"({"push":{"message":{"data":)" + data + "}}}");
        QCOMPARE(payload<MessagePush>(msg).data, expected);
        const auto rpc = decodeOne(R"({"id":1,"rpc":{"data":)" + data + "}}");
        QCOMPARE(result<RpcResult>(rpc).data, expected);
        const auto info = decodeOne(R"({"push":{"channel":"c","join":{"info":{"conn_info":)" + data
            + R"(,"chan_info":)" + data + "}}}}");
        QCOMPARE(payload<JoinPush>(info).info.connInfo, expected);
        QCOMPARE(payload<JoinPush>(info).info.chanInfo, expected);
    }
}

void TestCodec::rawDataEncodesAsJsonValue_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("object") << QByteArray(R"({"a":1})") << QByteArray(R"({"a":1})");
    QTest::newRow("array") << QByteArray("[1,2]") << QByteArray("[1,2]");
    QTest::newRow("string") << QByteArray(R"("s")") << QByteArray(R"("s")");
    QTest::newRow("escaped newline in string")
        << QByteArray(R"({"t":"a\nb"})") << QByteArray(R"({"t":"a\nb"})");
    QTest::newRow("pretty printed")
        << QByteArray("{\n  \"a\": [\r\n 1,\t2 ],\n \"s\": \" x \"\n}\n")
        << QByteArray(R"({"a":[1,2],"s":" x "})");
    QTest::newRow("escaped quote and spaces")
        << QByteArray(R"({ "q" : "say \" hi \\" })") << QByteArray(R"({"q":"say \" hi \\"})");
    QTest::newRow("null") << QByteArray("null") << QByteArray("null");
    // Not JSON: sent as a JSON string so the frame stays valid (the server would close the
    // connection with 3501 on a malformed frame).
    QTest::newRow("not json") << QByteArray("hello\nworld") << QByteArray(R"("hello\nworld")");
    QTest::newRow("truncated") << QByteArray(R"({"a":)") << QByteArray(R"("{\"a\":")");
}

void TestCodec::rawDataEncodesAsJsonValue()
{
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, expected);
    const QByteArray encoded = encodeCommand({1, PublishRequest {QStringLiteral("c"), data}});
    QCOMPARE(encoded, R"({"id":1,"publish":{"channel":"c","data":)" + expected + "}}");
    QVERIFY(!encoded.contains('\n'));
    QVERIFY(!encoded.contains('\r'));
    QVERIFY(parse(encoded).is_object());

    // Every raw field of every request gets the same treatment.
    ConnectRequest connect;
    connect.data = data;
    SubscribeRequest sub;
    sub.channel = QStringLiteral("c");
    sub.data = data;
    const QByteArray batch = encodeCommands({{2, connect}, {3, sub},
        {4, RpcRequest {QStringLiteral("m"), data}}, {0, SendRequest {data}}});
    QCOMPARE(batch.count('\n'), 3);
    for (const QByteArray& line : batch.split('\n')) {
        QVERIFY(line.contains(QByteArray(R"("data":)" + expected)));
        QVERIFY(parse(line).is_object());
    }
}

void TestCodec::rawDataRoundTrip()
{
    // What the client publishes is what a subscriber decodes, byte for byte, for compact input.
    const QList<QByteArray> payloads = {
        R"({"text":"hi"})",
        R"({"nested":{"deep":[[[{"x":"y\n\"z\""}]]]},"n":-12,"b":true,"u":"\u0001"})",
        R"(["a",1,null,{"k":"v"}])",
        R"("just a string with \"quotes\" and \\ backslash")",
        R"({"big":18446744073709551615,"neg":-9223372036854775808})",
    };
    for (const QByteArray& data : payloads) {
        const QByteArray encoded = encodeCommand({1, PublishRequest {QStringLiteral("c"), data}});
        // The server relays the value as it came, inside a publication push.
        const QByteArray prefix = R"({"id":1,"publish":{"channel":"c","data":)";
        QVERIFY(encoded.startsWith(prefix));
        QVERIFY(encoded.endsWith("}}"));
        const QByteArray sent = encoded.mid(prefix.size(), encoded.size() - prefix.size() - 2);
        const QByteArray pushLine
            = R"({"push":{"channel":"c","pub":{"offset":1,"data":)" + sent + "}}}";
        const auto pub = decodeOne(pushLine);
        QCOMPARE(payload<PublicationPush>(pub).publication.data, data);
    }
}

void TestCodec::unicodePassesThrough()
{
    const QByteArray data = "{\"t\":\"olá 👋 中文\"}";
    const auto pub
        = decodeOne(R"({"push":{"channel":"c","pub":{"offset":1,"data":)" + data + "}}}");
    QCOMPARE(payload<PublicationPush>(pub).publication.data, data);

    // \u escapes decode to the same characters in string fields.
    const auto join
        = decodeOne(R"({"push":{"channel":"c","join":{"info":{"user":"ol\u00e1 \ud83d\udc4b"}}}})");
    QCOMPARE(payload<JoinPush>(join).info.user, QStringLiteral("olá 👋"));

    const QString channel = QStringLiteral("canal:olá");
    const QByteArray encoded = encodeCommand({1, PresenceRequest {channel}});
    QCOMPARE(encoded, QByteArray("{\"id\":1,\"presence\":{\"channel\":\"canal:olá\"}}"));
}

// ---- tags filter (`tf`), subscribe flags and channel compaction ids ---------------------------

void TestCodec::encodeTagsFilterAndFlags()
{
    using F = TagsFilter;
    SubscribeRequest sub;
    sub.channel = QStringLiteral("quotes");
    sub.tf = F::allOf({F::eq(QStringLiteral("ticker"), QStringLiteral("AAPL")),
        F::anyOf({F::in(QStringLiteral("venue"), {QStringLiteral("a"), QStringLiteral("b\"q")}),
            F::negate(F::exists(QStringLiteral("halted")))}),
        F::gte(QStringLiteral("price"), QStringLiteral("100.5"))});
    sub.flag = SubscribeFlag::ChannelCompaction | SubscribeFlag::RejectUnrecovered;
    const QByteArray encoded = encodeCommand({5, sub});
    QCOMPARE(encoded,
        QByteArray(R"({"id":5,"subscribe":{"channel":"quotes","tf":{"op":"and","nodes":[)"
                   R"({"key":"ticker","cmp":"eq","val":"AAPL"},)"
                   R"({"op":"or","nodes":[{"key":"venue","cmp":"in","vals":["a","b\"q"]},)"
                   R"({"op":"not","nodes":[{"key":"halted","cmp":"ex"}]}]},)"
                   R"({"key":"price","cmp":"gte","val":"100.5"}]},"flag":3}})"));
    // Valid JSON that names every node the way the protocol does.
    const Json tf = parse(encoded)["subscribe"]["tf"];
    QCOMPARE(tf["nodes"].size(), std::size_t(3));
    QCOMPARE(tf["nodes"][1]["nodes"][0]["vals"][1].get<std::string>(), std::string("b\"q"));

    // Every comparison has its protocol spelling.
    const QList<QPair<F, QString>> leaves {
        {F::eq(QStringLiteral("k"), QStringLiteral("v")), QStringLiteral("eq")},
        {F::notEq(QStringLiteral("k"), QStringLiteral("v")), QStringLiteral("neq")},
        {F::in(QStringLiteral("k"), {QStringLiteral("v")}), QStringLiteral("in")},
        {F::notIn(QStringLiteral("k"), {QStringLiteral("v")}), QStringLiteral("nin")},
        {F::exists(QStringLiteral("k")), QStringLiteral("ex")},
        {F::notExists(QStringLiteral("k")), QStringLiteral("nex")},
        {F::startsWith(QStringLiteral("k"), QStringLiteral("v")), QStringLiteral("sw")},
        {F::endsWith(QStringLiteral("k"), QStringLiteral("v")), QStringLiteral("ew")},
        {F::contains(QStringLiteral("k"), QStringLiteral("v")), QStringLiteral("ct")},
        {F::gt(QStringLiteral("k"), QStringLiteral("1")), QStringLiteral("gt")},
        {F::gte(QStringLiteral("k"), QStringLiteral("1")), QStringLiteral("gte")},
        {F::lt(QStringLiteral("k"), QStringLiteral("1")), QStringLiteral("lt")},
        {F::lte(QStringLiteral("k"), QStringLiteral("1")), QStringLiteral("lte")}};
    for (const auto& [filter, cmp] : leaves) {
        SubscribeRequest one;
        one.channel = QStringLiteral("c");
        one.tf = filter;
        const Json json = parse(encodeCommand({1, one}))["subscribe"]["tf"];
        QCOMPARE(QString::fromStdString(json["cmp"].get<std::string>()), cmp);
        QVERIFY(!json.contains("op")); // leaves have an empty op, omitted like the server does
        QVERIFY(filter.isValid());
    }

    // Without a filter and flags nothing extra goes out.
    SubscribeRequest plain;
    plain.channel = QStringLiteral("c");
    QCOMPARE(encodeCommand({1, plain}), QByteArray(R"({"id":1,"subscribe":{"channel":"c"}})"));
}

void TestCodec::tagsFilterValidation_data()
{
    using F = TagsFilter;
    QTest::addColumn<TagsFilter>("filter");
    QTest::addColumn<QString>("error"); // empty: valid
    QTest::addRow("null") << F() << QString();
    QTest::addRow("leaf") << F::eq(QStringLiteral("k"), QStringLiteral("v")) << QString();
    QTest::addRow("no key") << F::eq({}, QStringLiteral("v"))
                            << QStringLiteral("tags filter: 'eq' needs a tag key");
    QTest::addRow("no value") << F::gt(QStringLiteral("k"), {})
                              << QStringLiteral("tags filter: 'gt' needs a value");
    QTest::addRow("no values") << F::in(QStringLiteral("k"), {})
                               << QStringLiteral("tags filter: 'in' needs at least one value");
    QTest::addRow("empty and") << F::allOf({})
                               << QStringLiteral("tags filter: 'and' needs at least one filter");
    QTest::addRow("null child") << F::negate(F())
                                << QStringLiteral("tags filter: 'not' holds an empty filter");
    QTest::addRow("deep error") << F::anyOf(
        {F::exists(QStringLiteral("a")), F::allOf({F::notIn(QStringLiteral("b"), {})})})
                                << QStringLiteral("tags filter: 'nin' needs at least one value");
}

void TestCodec::tagsFilterValidation()
{
    QFETCH(TagsFilter, filter);
    QFETCH(QString, error);
    QString why;
    QCOMPARE(filter.isValid(&why), error.isEmpty());
    QCOMPARE(why, error);
    QCOMPARE(filter, TagsFilter(filter)); // a value type: copies compare equal
}

void TestCodec::decodeChannelCompactionIds()
{
    const auto reply = decodeOne(
        R"({"id":2,"subscribe":{"recoverable":true,"epoch":"E","offset":3,"id":9007199254740993}})");
    QCOMPARE(result<SubscribeResult>(reply).id, qint64(9007199254740993));
    const auto pub = decodeOne(R"({"push":{"id":7,"pub":{"data":{"a":1},"offset":4}}})");
    QCOMPARE(as<Push>(pub).id, qint64(7));
    QVERIFY(as<Push>(pub).channel.isEmpty());
    QCOMPARE(payload<PublicationPush>(pub).publication.offset, 4u);
    const auto leave = decodeOne(R"({"push":{"id":7,"leave":{"info":{"user":"u"}}}})");
    QCOMPARE(as<Push>(leave).id, qint64(7));
    // Without compaction there is no id.
    QCOMPARE(as<Push>(decodeOne(R"({"push":{"channel":"c","pub":{}}})")).id, qint64(0));
    // An id of the wrong type is a protocol error, not a silent 0.
    QVERIFY(decodeFrame(R"({"push":{"id":"7","pub":{}}})").error.has_value());
}

QTEST_GUILESS_MAIN(TestCodec)
#include "tst_codec.moc"
