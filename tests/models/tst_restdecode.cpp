// Hostile or broken REST answers: deep and oversize bodies are refused without a crash, answers
// of the wrong types are an "unreadable answer" error (never coerced, never applied), and the
// report shows that error instead of "HTTP 200".

#include "models/api/apiclient.h"
#include "models/api/apicodec.h"
#include "models/items/chatlistmodel.h"
#include "models/store/inboxstore.h"
#include "models/store/querycache.h"
#include "tests/support/fakeinboxbackend.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace WhaTrack;
using namespace WhaTrack::Testing;

namespace {

template<typename T>
ApiResult<T> wait(std::function<void(ApiClient::Callback<T>)> call, int timeoutMs = 30000)
{
    std::optional<ApiResult<T>> result;
    call([&result](ApiResult<T> r) { result = std::move(r); });
    (void)QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs);
    if (!result) {
        ApiResult<T> r;
        r.error = ApiError::make(ApiError::Kind::Canceled, QStringLiteral("test: no callback"));
        return r;
    }
    return *result;
}

//! `{"data":{"data":...[]...}}` of about \a bytes: the organization list of the crash report.
QByteArray deepEnvelope(const char* key, qsizetype bytes)
{
    const QByteArray open = QByteArray("{\"") + key + "\":";
    const qsizetype n = bytes / (open.size() + 1);
    return open.repeated(n) + "[]" + QByteArray("}").repeated(n);
}

//! Runs the decoder named \a which on \a body; the problem text, or empty when it decoded.
QString decodeProblem(const QByteArray& which, const QByteArray& body)
{
    QString problem;
    bool ok = false;
    if (which == "chats")
        ok = Codec::decodeChats(body, nullptr, &problem).has_value();
    else if (which == "messages")
        ok = Codec::decodeMessagePage(body, nullptr, &problem).has_value();
    else if (which == "ticket")
        ok = Codec::decodeTicket(body, &problem).has_value();
    else if (which == "stages")
        ok = Codec::decodeStages(body, &problem).has_value();
    else if (which == "session")
        ok = Codec::decodeSession(body, &problem).has_value();
    else if (which == "organizations")
        ok = Codec::decodeOrganizations(body, &problem).has_value();
    else if (which == "token")
        ok = Codec::decodeToken(body, &problem).has_value();
    else
        qFatal("unknown decoder");
    if (ok)
        return {};
    return problem.isEmpty() ? QStringLiteral("(no reason given)") : problem;
}

QStringList chatNames(const QAbstractItemModel* model)
{
    QStringList out;
    for (int r = 0; r < model->rowCount(); ++r)
        out << model->index(r, 0).data(ChatListModel::NameRole).toString();
    return out;
}

const QList<QByteArray> kDecoders {
    "chats", "messages", "ticket", "stages", "session", "organizations", "token"};

} // namespace

class TestRestDecode : public QObject
{
    Q_OBJECT

    FakeHttpServer* m_server = nullptr;
    ApiClient* m_api = nullptr;

private Q_SLOTS:
    void init()
    {
        m_server = new FakeHttpServer(this);
        QVERIFY(m_server->listen());
        ApiConfig c;
        c.baseUrl = m_server->baseUrl();
        c.organizationId = QStringLiteral("org-1");
        c.retryBaseDelay = std::chrono::milliseconds(10);
        c.retryMaxDelay = std::chrono::milliseconds(20);
        m_api = new ApiClient(c, this);
    }
    void cleanup()
    {
        delete m_api;
        delete m_server;
    }

    // --- depth and size ------------------------------------------------------------------

    void deepBodiesAreRefusedByEveryDecoder_data()
    {
        QTest::addColumn<QByteArray>("decoder");
        QTest::addColumn<QByteArray>("body");
        for (const QByteArray& d : kDecoders) {
            // 2.7 MB, as in the report (the old list walker recursed once per level).
            QTest::newRow(QByteArray(d + " data envelopes").constData())
                << d << deepEnvelope("data", 2700000);
            QTest::newRow(QByteArray(d + " ticket envelopes").constData())
                << d << deepEnvelope("ticket", 2700000);
            QTest::newRow(QByteArray(d + " items envelopes").constData())
                << d << deepEnvelope("items", 2700000);
            QTest::newRow(QByteArray(d + " arrays").constData())
                << d << QByteArray("[").repeated(1000000);
        }
    }
    void deepBodiesAreRefusedByEveryDecoder()
    {
        QFETCH(QByteArray, decoder);
        QFETCH(QByteArray, body);
        const QString problem = decodeProblem(decoder, body);
        QVERIFY2(problem.contains(QLatin1String("nested deeper than 64")), qPrintable(problem));
    }

    void depthLimitIsExact()
    {
        // 64 levels decode (when the shape fits), 65 do not; brackets in strings do not count.
        const QByteArray inner = QByteArray("[").repeated(62) + QByteArray("]").repeated(62);
        const QByteArray at64 = "{\"items\":[" + inner + "]}";
        QVERIFY(!Codec::checkJsonShape(at64, -1));
        QVERIFY(Codec::checkJsonShape(QByteArray("{\"items\":[[" + inner + "]]}"), -1));
        QVERIFY(!Codec::checkJsonShape(
            QByteArray("{\"s\":\"" + QByteArray("[{\\\"").repeated(200) + "\"}"), -1));
        QVERIFY(Codec::checkJsonShape(QByteArray(11, ' '), 10)); // size
        QVERIFY(!Codec::checkJsonShape(QByteArray(10, ' '), 10));
    }

    void deepOrganizationListIsAnErrorNotACrash()
    {
        // Fetched at every sign-in: a crash here is a crash loop. Decoded on the worker thread.
        const QByteArray body = deepEnvelope("data", 2700000);
        m_server->setHandler([body](const HttpRequest&) { return HttpResponse::json(200, body); });
        auto r
            = wait<QList<Organization>>([this](auto cb) { m_api->listOrganizations(nullptr, cb); });
        QCOMPARE(r.error.kind, ApiError::Kind::Undecodable);
        QCOMPARE(r.error.message, QStringLiteral("the server's answer could not be read"));
        QVERIFY2(
            r.error.detail.contains(QLatin1String("nested deeper")), qPrintable(r.error.detail));
        QCOMPARE(m_server->requestCount(), 1); // not transient: never retried
    }

    void oversizeAnswersAreRefused()
    {
        // 5 MB of valid JSON for the stages: over the 4 MB cap of ordinary routes.
        const QByteArray big
            = "{\"items\":[],\"pad\":\"" + QByteArray(5 * 1024 * 1024, 'x') + "\"}";
        m_server->setHandler([big](const HttpRequest&) { return HttpResponse::json(200, big); });
        auto r = wait<QList<Stage>>([this](auto cb) { m_api->fetchTicketStages(nullptr, cb); });
        QCOMPARE(r.error.kind, ApiError::Kind::Undecodable);
        QVERIFY2(r.error.detail.contains(QLatin1String("larger than")), qPrintable(r.error.detail));
        QCOMPARE(m_server->requestCount(), 1);

        // Compressed on the wire (a few KB), too big once inflated.
        m_server->clearRequests();
        m_server->setHandler([big](const HttpRequest&) {
            HttpResponse z = HttpResponse::json(200, qCompress(big).mid(4)); // zlib = deflate
            z.headers.append(qMakePair(QByteArray("Content-Encoding"), QByteArray("deflate")));
            return z;
        });
        auto z = wait<QList<Stage>>([this](auto cb) { m_api->fetchTicketStages(nullptr, cb); });
        QCOMPARE(z.error.kind, ApiError::Kind::Undecodable);
        QVERIFY2(z.error.detail.contains(QLatin1String("larger than")), qPrintable(z.error.detail));

        // The chat list (no pagination) has its own, larger cap.
        const QByteArray chats
            = "{\"items\":[],\"pad\":\"" + QByteArray(5 * 1024 * 1024, 'x') + "\"}";
        m_server->setHandler(
            [chats](const HttpRequest&) { return HttpResponse::json(200, chats); });
        auto c = wait<QList<ChatItem>>([this](auto cb) { m_api->fetchChats({}, nullptr, cb); });
        QVERIFY2(c.ok(), qPrintable(c.error.describe()));
    }

    // --- types and ranges ----------------------------------------------------------------

    void wrongTypesAreUndecodable_data()
    {
        QTest::addColumn<QByteArray>("decoder");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("reason");
        const QByteArray chat = R"({"id":"C1","name":"Ana","lastMessageAt":"2026-05-18T10:00:00Z")";
        QTest::newRow("number as a name")
            << QByteArray("chats") << QByteArray(R"({"items":[{"id":"C1","name":123}]})")
            << QStringLiteral("[0].name: expected text, got a number");
        QTest::newRow("huge number as a date")
            << QByteArray("chats") << QByteArray(R"({"items":[{"id":"C1","lastMessageAt":1e300}]})")
            << QStringLiteral("lastMessageAt: not a time");
        QTest::newRow("int64 max as a message time")
            << QByteArray("chats")
            << QByteArray(chat + R"(,"lastMessage":{"id":"m","timestamp":9223372036854775807}}]})")
                   .prepend(R"({"items":[)")
            << QStringLiteral("lastMessage.timestamp: not a time");
        QTest::newRow("epoch digits out of range")
            << QByteArray("chats")
            << QByteArray(R"({"items":[{"id":"C1","lastMessageAt":"-9223372036854775807"}]})")
            << QStringLiteral("not a time");
        QTest::newRow("unread count 1e300")
            << QByteArray("chats") << QByteArray(R"({"items":[{"id":"C1","unreadCount":1e300}]})")
            << QStringLiteral("unreadCount: number out of range");
        QTest::newRow("unread count as text")
            << QByteArray("chats") << QByteArray(R"({"items":[{"id":"C1","unreadCount":"5"}]})")
            << QStringLiteral("unreadCount: expected a number");
        QTest::newRow("chat without id")
            << QByteArray("chats") << QByteArray(R"({"items":[{"name":"Ana"}]})")
            << QStringLiteral("[0].id: missing");
        QTest::newRow("items not a list")
            << QByteArray("chats") << QByteArray(R"({"items":{"a":{"id":"C1"}}})")
            << QStringLiteral("items: expected a list");
        QTest::newRow("chat row not an object")
            << QByteArray("chats") << QByteArray(R"({"items":["C1"]})")
            << QStringLiteral("[0]: expected an object");
        QTest::newRow("ticket stage as text")
            << QByteArray("chats")
            << QByteArray(R"({"items":[{"id":"C1","currentTicket":{"id":"T","stage":"s1"}}]})")
            << QStringLiteral("currentTicket.stage: expected an object");
        QTest::newRow("message body as an object")
            << QByteArray("messages")
            << QByteArray(R"({"items":[{"id":"m1"},{"id":"m2","body":{"x":1}}],"total":2})")
            << QStringLiteral("[1].body: expected text");
        QTest::newRow("negative total")
            << QByteArray("messages") << QByteArray(R"({"items":[],"total":-1})")
            << QStringLiteral("total: number out of range");
        QTest::newRow("window flag as text")
            << QByteArray("ticket") << QByteArray(R"({"id":"T1","windowOpen":"yes"})")
            << QStringLiteral("windowOpen: expected a boolean");
        QTest::newRow("deal value 1e308")
            << QByteArray("ticket") << QByteArray(R"({"id":"T1","dealValue":1e308})")
            << QStringLiteral("dealValue: number out of range");
        QTest::newRow("response time 1e19")
            << QByteArray("ticket")
            << QByteArray(R"({"id":"T1","kpis":{"firstResponseTimeSec":1e19}})")
            << QStringLiteral("kpis.firstResponseTimeSec: number out of range");
        QTest::newRow("closedAt not a time")
            << QByteArray("ticket") << QByteArray(R"({"id":"T1","closedAt":"yesterday"})")
            << QStringLiteral("closedAt: not a time");
        QTest::newRow("stage order 1.5")
            << QByteArray("stages") << QByteArray(R"({"items":[{"id":"s1","order":1.5}]})")
            << QStringLiteral("order: number out of range");
        QTest::newRow("organization name as a number")
            << QByteArray("organizations") << QByteArray(R"([{"id":"o1","name":5}])")
            << QStringLiteral("[0].name: expected text");
        QTest::newRow("token as a number")
            << QByteArray("token") << QByteArray(R"({"token":12345})")
            << QStringLiteral("token: expected text");
        QTest::newRow("session user without id")
            << QByteArray("session") << QByteArray(R"({"user":{"name":"Ana"}})")
            << QStringLiteral("user.id: missing");
        QTest::newRow("not JSON") << QByteArray("stages") << QByteArray("<html>gateway</html>")
                                  << QStringLiteral("not valid JSON");
    }
    void wrongTypesAreUndecodable()
    {
        QFETCH(QByteArray, decoder);
        QFETCH(QByteArray, body);
        QFETCH(QString, reason);
        const QString problem = decodeProblem(decoder, body);
        QVERIFY2(problem.contains(reason), qPrintable(problem));
    }

    void tokenProblemIsNamedOnce()
    {
        // Shown in the connection report and the realtime error: "token: missing", not
        // "token: token: missing".
        QCOMPARE(decodeProblem("token", R"({"jwt":"x"})"), QStringLiteral("token: missing"));
        QCOMPARE(decodeProblem("token", R"({"token":12345})"),
            QStringLiteral("token: expected text, got a number"));
        QCOMPARE(
            decodeProblem("token", "[]"), QStringLiteral("token: expected an object, got a list"));
    }

    void contractShapesStillDecode()
    {
        // Optional fields absent or null, numbers where the contract has numbers.
        auto chats = Codec::decodeChats(
            R"({"items":[{"id":"C1","name":"Ana","phone":null,"profilePicUrl":null,
                "lastMessageAt":"2026-05-18T10:00:00.000Z","lastMessage":null,"unreadCount":0},
                {"id":"C2","lastMessage":{"id":"m","body":null,"timestamp":"1716026460"}}]})",
            nullptr);
        QVERIFY(chats);
        QCOMPARE(chats->size(), 2);
        QCOMPARE(chats->at(1).lastMessage->timestamp.toSecsSinceEpoch(), 1716026460);
        auto summary = Codec::decodeTicket(R"({"id":"T1","dealValue":1500.5,"assignee":null,
            "tracking":null,"kpis":{"messagesCount":3,"firstResponseTimeSec":null}})");
        QVERIFY(summary && *summary);
        QCOMPARE((*summary)->dealValue, QStringLiteral("1500.5"));
        QVERIFY(!(*summary)->kpis.firstResponseTimeSec);
        QVERIFY(Codec::decodeOrganizations(R"([{"id":"o1","name":"Acme","slug":"acme",
            "logo":null,"createdAt":"2026-01-01T00:00:00.000Z","metadata":null}])"));
        auto none = Codec::decodeTicket("null");
        QVERIFY(none && !*none);
    }

    void undecodableAnswerIsReportedAsSuchNeverAsHttp200()
    {
        // A contract mismatch in an otherwise fine 200: the error names the field, never the
        // body's text (the report can be pasted into a support ticket).
        m_server->setHandler([](const HttpRequest&) {
            return HttpResponse::json(
                200, R"({"items":[{"id":"C1","name":"Private Customer Name","phone":5511}]})");
        });
        QSignalSpy finished(m_api, &ApiClient::requestFinished);
        auto r = wait<QList<ChatItem>>([this](auto cb) { m_api->fetchChats({}, nullptr, cb); });
        QCOMPARE(r.error.kind, ApiError::Kind::Undecodable);
        QCOMPARE(r.error.message, QStringLiteral("the server's answer could not be read"));
        QCOMPARE(r.error.httpStatus, 200);
        QVERIFY2(r.error.detail.contains(QLatin1String("phone")), qPrintable(r.error.detail));
        QVERIFY(!r.error.describe().contains(QLatin1String("Private")));
        QVERIFY(!r.error.isTransient());

        QCOMPARE(finished.size(), 1);
        const auto reported = finished.at(0).at(3).value<ApiError>();
        QCOMPARE(reported.kind, ApiError::Kind::Undecodable);
        QVERIFY2(reported.describe().contains(QLatin1String("could not be read")),
            qPrintable(reported.describe()));
        QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("GET /api/v1/whatsapp/chats"));

        // A good answer is still reported once, as a success.
        m_server->setHandler(
            [](const HttpRequest&) { return HttpResponse::json(200, R"({"items":[]})"); });
        auto ok = wait<QList<ChatItem>>([this](auto cb) { m_api->fetchChats({}, nullptr, cb); });
        QVERIFY(ok.ok());
        QCOMPARE(finished.size(), 2);
        QVERIFY(finished.at(1).at(3).value<ApiError>().ok());
    }

    void storeKeepsItsRowsWhenAnAnswerIsUnreadable()
    {
        FakeInboxBackend backend(FakeInboxBackend::Empty);
        QVERIFY(backend.start());
        backend.addChat(QStringLiteral("C1"), QStringLiteral("Ana"), 100);
        backend.addChat(QStringLiteral("C2"), QStringLiteral("Bruno"), 200);
        ApiConfig c;
        c.baseUrl = backend.url();
        c.retryBaseDelay = std::chrono::milliseconds(10);
        ApiClient api(c);
        QTemporaryDir dir;
        InboxStoreOptions options;
        options.coalesceMs = 20;
        options.localCachePath = dir.filePath(QStringLiteral("cache.sqlite"));
        const QStringList good {QStringLiteral("Bruno"), QStringLiteral("Ana")};
        {
            InboxStore store(&api, nullptr, options);
            QAbstractItemModelTester tester(
                store.chatListModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
            QSignalSpy failed(&store, &InboxStore::refreshFailed);
            store.setOrganization(QStringLiteral("org1"));
            auto* model = store.chatListModel();
            QTRY_COMPARE_WITH_TIMEOUT(chatNames(model), good, 10000);

            // The server now sends a number as a name and an impossible date.
            backend.chats[0][QStringLiteral("name")] = 123;
            backend.chats[1][QStringLiteral("lastMessageAt")] = 1e300;
            store.resyncAll(QStringLiteral("test"));
            QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 10000);
            const auto error = failed.last().at(1).value<ApiError>();
            QCOMPARE(error.kind, ApiError::Kind::Undecodable);
            QCOMPARE(chatNames(model), good);
            for (int r = 0; r < model->rowCount(); ++r) {
                const QDateTime at
                    = model->index(r, 0).data(ChatListModel::LastMessageAtRole).toDateTime();
                QCOMPARE(at.date().year(), 2026);
            }
        } // the store saves what is pending

        // Next start with the server unreachable: the saved copy is the good one.
        backend.server().setHandler([](const HttpRequest&) { return HttpResponse::close(); });
        InboxStore again(&api, nullptr, options);
        again.setOrganization(QStringLiteral("org1"));
        QTRY_COMPARE_WITH_TIMEOUT(chatNames(again.chatListModel()), good, 10000);
    }
};

QTEST_GUILESS_MAIN(TestRestDecode)
#include "tst_restdecode.moc"
