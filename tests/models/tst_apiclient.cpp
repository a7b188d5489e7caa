// ApiClient against an in-process HTTP fake: the contract's edge cases and error classes.

#include "models/api/apiclient.h"
#include "models/api/cookiejar.h"
#include "tests/support/fakehttpserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace WhaTrack;
using namespace WhaTrack::Testing;

namespace {

template<typename T>
ApiResult<T> wait(std::function<void(ApiClient::Callback<T>)> call, int timeoutMs = 15000)
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

QByteArray fixture(const char* name)
{
    QFile f(QStringLiteral(INBOX_TEST_DATA_DIR "/models/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return f.readAll();
}

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

    FakeHttpServer* m_server = nullptr;
    ApiClient* m_api = nullptr;

    ApiConfig config() const
    {
        ApiConfig c;
        c.baseUrl = m_server->baseUrl();
        c.organizationId = QStringLiteral("org-1");
        c.timeout = std::chrono::milliseconds(1500);
        c.retryBaseDelay = std::chrono::milliseconds(20);
        c.retryMaxDelay = std::chrono::milliseconds(60);
        return c;
    }

private Q_SLOTS:
    void init()
    {
        m_server = new FakeHttpServer(this);
        QVERIFY(m_server->listen());
        m_api = new ApiClient(config(), this);
    }
    void cleanup()
    {
        delete m_api;
        delete m_server;
    }

    void chatsDecodeWithOrganizationHeader()
    {
        m_server->route("GET", QStringLiteral("/api/v1/whatsapp/chats"), [](const HttpRequest&) {
            return HttpResponse::json(200, fixture("chats_ticket_era.json"));
        });
        auto r = wait<QList<ChatItem>>(
            [this](auto cb) { m_api->fetchChats(QStringLiteral("a&b=c"), nullptr, cb); });
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QCOMPARE(r.value.size(), 2);
        const ChatItem& a = r.value.at(0);
        QCOMPARE(a.name, QStringLiteral("Ana"));
        QCOMPARE(a.conversationId, QStringLiteral("C1"));
        QCOMPARE(a.leadId, QStringLiteral("L1"));
        QVERIFY(a.currentTicket);
        QCOMPARE(a.currentTicket->stage.name, QStringLiteral("Novo"));
        // Ticket-era row: no direction name, but Meta's `from` is the lead's number.
        QCOMPARE(a.lastMessage->direction, MessageDirection::Inbound);
        QCOMPARE(a.lastMessage->status, MessageStatus::Delivered);
        QVERIFY(!r.value.at(1).lastMessage);

        const HttpRequest req = m_server->requests().last();
        QCOMPARE(req.headers.value("x-organization-id"), QByteArray("org-1"));
        QCOMPARE(req.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded),
            QStringLiteral("a&b=c"));
    }

    void bothMessageShapesDecode()
    {
        m_server->route(
            "GET", QStringLiteral("/api/v1/whatsapp/chats/L1/messages"), [](const HttpRequest&) {
                return HttpResponse::json(200, fixture("messages_ticket_era.json"));
            });
        ApiConfig c = config();
        c.inboundDirectionIds = {QStringLiteral("dir-in")};
        m_api->setConfig(c);
        auto r = wait<MessagePage>(
            [this](auto cb) { m_api->fetchMessages(QStringLiteral("L1"), 1, 50, nullptr, cb); });
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QCOMPARE(r.value.items.size(), 2);
        QCOMPARE(r.value.items.at(0).direction, MessageDirection::Inbound); // configured id
        QCOMPARE(r.value.items.at(1).direction, MessageDirection::Outbound); // the other of two ids
        QCOMPARE(r.value.items.at(0).conversationId, QStringLiteral("C1"));
        QCOMPARE(
            r.value.items.at(1).timestamp.toSecsSinceEpoch(), 1716026460); // epoch seconds string

        // Newer rows carry the name; unknown ids stay unknown without a hint.
        m_server->route(
            "GET", QStringLiteral("/api/v1/whatsapp/chats/L9/messages"), [](const HttpRequest&) {
                return HttpResponse::json(200, fixture("messages_shapes.json"));
            });
        auto n = wait<MessagePage>(
            [this](auto cb) { m_api->fetchMessages(QStringLiteral("L9"), 1, 50, nullptr, cb); });
        QVERIFY(n.ok());
        QCOMPARE(n.value.items.at(0).direction, MessageDirection::Outbound);
        QCOMPARE(n.value.items.at(1).direction, MessageDirection::Inbound); // fromMe hint
        QCOMPARE(n.value.items.at(2).direction, MessageDirection::Unknown);
    }

    void ticketNullIsNoOpenTicket()
    {
        m_server->route("GET", QStringLiteral("/api/v1/conversations/C1/ticket"),
            [](const HttpRequest&) { return HttpResponse::json(404, "null"); });
        auto r = wait<std::optional<Ticket>>(
            [this](auto cb) { m_api->fetchConversationTicket(QStringLiteral("C1"), nullptr, cb); });
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QVERIFY(!r.value.has_value());
        QCOMPARE(m_server->requestCount(), 1); // a normal result: no retry

        m_server->route(
            "GET", QStringLiteral("/api/v1/conversations/C2/ticket"), [](const HttpRequest&) {
                return HttpResponse::json(404, R"({"error":"Conversation not found"})");
            });
        auto e = wait<std::optional<Ticket>>(
            [this](auto cb) { m_api->fetchConversationTicket(QStringLiteral("C2"), nullptr, cb); });
        QCOMPARE(e.error.kind, ApiError::Kind::NotFound);
        QCOMPARE(e.error.message, QStringLiteral("Conversation not found"));
    }

    void ticketDecodes()
    {
        m_server->route("GET", QStringLiteral("/api/v1/conversations/C1/ticket"),
            [](const HttpRequest&) { return HttpResponse::json(200, fixture("ticket.json")); });
        auto r = wait<std::optional<Ticket>>(
            [this](auto cb) { m_api->fetchConversationTicket(QStringLiteral("C1"), nullptr, cb); });
        QVERIFY(r.ok() && r.value);
        QCOMPARE(r.value->stage.order, 2);
        QCOMPARE(r.value->dealValue, QStringLiteral("1500"));
        QCOMPARE(r.value->assignee->email, QStringLiteral("ana@x"));
        QCOMPARE(r.value->kpis.firstResponseTimeSec, std::optional<qint64>(120));
        QVERIFY(!r.value->kpis.resolutionTimeSec);
        QCOMPARE(r.value->conversationId, QStringLiteral("C1"));
    }

    void unauthorizedIsTerminalAndSignalled()
    {
        m_server->setHandler([](const HttpRequest&) {
            return HttpResponse::json(401, R"({"error":"Unauthorized"})");
        });
        QSignalSpy unauthorized(m_api, &ApiClient::unauthorized);
        auto r = wait<QList<ChatItem>>([this](auto cb) { m_api->fetchChats({}, nullptr, cb); });
        QCOMPARE(r.error.kind, ApiError::Kind::Unauthorized);
        QCOMPARE(unauthorized.size(), 1);
        QCOMPARE(m_server->requestCount(), 1); // never retried
    }

    void forbiddenIsNotRetried()
    {
        m_server->setHandler(
            [](const HttpRequest&) { return HttpResponse::json(403, R"({"error":"No access"})"); });
        auto r = wait<QList<Stage>>([this](auto cb) { m_api->fetchTicketStages(nullptr, cb); });
        QCOMPARE(r.error.kind, ApiError::Kind::Forbidden);
        QCOMPARE(r.error.message, QStringLiteral("No access"));
        QCOMPARE(m_server->requestCount(), 1);
    }

    void serverErrorsAreRetriedForGetsOnly()
    {
        int calls = 0;
        m_server->route(
            "GET", QStringLiteral("/api/v1/ticket-stages"), [&calls](const HttpRequest&) {
                return ++calls < 3
                    ? HttpResponse::json(503, R"({"error":"busy"})")
                    : HttpResponse::json(200, R"([{"id":"s1","name":"Novo","order":1}])");
            });
        auto r = wait<QList<Stage>>([this](auto cb) { m_api->fetchTicketStages(nullptr, cb); });
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QCOMPARE(calls, 3);

        m_server->route("PATCH", QStringLiteral("/api/v1/tickets/T1"),
            [](const HttpRequest&) { return HttpResponse::json(500, R"({"error":"oops"})"); });
        TicketPatch p;
        p.stageId = QStringLiteral("s2");
        auto w = wait<Ticket>(
            [this, p](auto cb) { m_api->patchTicket(QStringLiteral("T1"), p, nullptr, cb); });
        QCOMPARE(w.error.kind, ApiError::Kind::Server);
        QCOMPARE(m_server->requestCount(QStringLiteral("/api/v1/tickets/T1")), 1); // not idempotent
        const HttpRequest patch = m_server->requests().last();
        QCOMPARE(patch.method, QByteArray("PATCH"));
        QCOMPARE(patch.body, QByteArray(R"({"stageId":"s2"})"));
        QVERIFY(!patch.headers.value("origin").isEmpty()); // better-auth CSRF check
    }

    void retriesGiveUpAfterTheLimit()
    {
        m_server->setHandler(
            [](const HttpRequest&) { return HttpResponse::json(502, "bad gateway"); });
        auto r = wait<QList<ChatItem>>([this](auto cb) { m_api->fetchChats({}, nullptr, cb); });
        QCOMPARE(r.error.kind, ApiError::Kind::Server);
        QCOMPARE(r.error.httpStatus, 502);
        QCOMPARE(m_server->requestCount(), 1 + m_api->config().maxGetRetries);
    }

    void rateLimitHonoursRetryAfter()
    {
        int calls = 0;
        m_server->route(
            "GET", QStringLiteral("/api/v1/whatsapp/chats"), [&calls](const HttpRequest&) {
                if (++calls == 1) {
                    HttpResponse r = HttpResponse::json(429, R"({"error":"Too many requests"})");
                    r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
                    return r;
                }
                return HttpResponse::json(200, R"({"items":[]})");
            });
        QElapsedTimer t;
        t.start();
        auto r = wait<QList<ChatItem>>([this](auto cb) { m_api->fetchChats({}, nullptr, cb); });
        QVERIFY(r.ok());
        QCOMPARE(calls, 2);
        QVERIFY2(t.elapsed() >= 950, qPrintable(QString::number(t.elapsed()))); // waited as told

        // A wait longer than we hide inline is handed to the caller, with the number.
        m_server->route("GET", QStringLiteral("/api/v1/whatsapp/chats"), [](const HttpRequest&) {
            HttpResponse resp = HttpResponse::json(429, R"({"error":"Too many requests"})");
            resp.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("120")));
            return resp;
        });
        auto l = wait<QList<ChatItem>>([this](auto cb) { m_api->fetchChats({}, nullptr, cb); });
        QCOMPARE(l.error.kind, ApiError::Kind::RateLimited);
        QCOMPARE(l.error.retryAfterMs, 120000);
    }

    void tokenRouteIsNeverRetried()
    {
        m_server->route("GET", QStringLiteral("/api/v1/centrifugo/token"), [](const HttpRequest&) {
            HttpResponse r = HttpResponse::json(429, R"({"error":"Too many requests"})");
            r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("0")));
            return r;
        });
        auto r = wait<QString>([this](auto cb) { m_api->fetchConnectionToken(nullptr, cb); });
        QCOMPARE(r.error.kind, ApiError::Kind::RateLimited);
        QCOMPARE(m_server->requestCount(), 1);
    }

    // A hostile Retry-After ("1e300" seconds would overflow a 64-bit millisecond count, an
    // undefined cast that came out negative: "retry now" in a loop) is a long wait handed to
    // the caller; one that is not a number is no advice at all.
    void hostileRetryAfterIsALongWaitNotARetryLoop_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("expectedMs");
        QTest::newRow("1e300 s") << QByteArray("1e300") << qint64(86400000);
        QTest::newRow("1e17 s") << QByteArray("1e17") << qint64(86400000);
        QTest::newRow("nan") << QByteArray("nan") << qint64(-1);
        QTest::newRow("inf") << QByteArray("inf") << qint64(-1);
        QTest::newRow("negative") << QByteArray("-5") << qint64(0);
    }
    void hostileRetryAfterIsALongWaitNotARetryLoop()
    {
        QFETCH(QByteArray, header);
        QFETCH(qint64, expectedMs);
        m_server->route(
            "GET", QStringLiteral("/api/v1/centrifugo/token"), [header](const HttpRequest&) {
                HttpResponse r = HttpResponse::json(429, R"({"error":"Too many requests"})");
                r.headers.append(qMakePair(QByteArray("Retry-After"), header));
                return r;
            });
        auto r = wait<QString>([this](auto cb) { m_api->fetchConnectionToken(nullptr, cb); });
        QCOMPARE(r.error.kind, ApiError::Kind::RateLimited);
        QCOMPARE(r.error.retryAfterMs, expectedMs);
    }

    void badJsonIsUndecodable()
    {
        m_server->setHandler(
            [](const HttpRequest&) { return HttpResponse::json(200, "<html>gateway</html>"); });
        auto r = wait<QList<ChatItem>>([this](auto cb) { m_api->fetchChats({}, nullptr, cb); });
        QCOMPARE(r.error.kind, ApiError::Kind::Undecodable);
        QCOMPARE(r.error.detail, QStringLiteral("chat list: not valid JSON"));
        QCOMPARE(m_server->requestCount(), 1);
    }

    void timeoutIsClassified()
    {
        ApiConfig c = config();
        c.maxGetRetries = 1;
        c.timeout = std::chrono::milliseconds(300);
        m_api->setConfig(c);
        m_server->setHandler([](const HttpRequest&) { return HttpResponse::hang(); });
        auto r = wait<QList<ChatItem>>([this](auto cb) { m_api->fetchChats({}, nullptr, cb); });
        QCOMPARE(r.error.kind, ApiError::Kind::Timeout);
        QCOMPARE(m_server->requestCount(), 2); // a timeout is transient: one retry
    }

    void droppedConnectionIsNetwork()
    {
        ApiConfig c = config();
        c.maxGetRetries = 0;
        m_api->setConfig(c);
        m_server->setHandler([](const HttpRequest&) { return HttpResponse::close(); });
        auto r = wait<QList<ChatItem>>([this](auto cb) { m_api->fetchChats({}, nullptr, cb); });
        QCOMPARE(r.error.kind, ApiError::Kind::Network);
        QVERIFY(r.error.isConnectivity());

        ApiConfig refused = config();
        refused.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
        refused.maxGetRetries = 0;
        m_api->setConfig(refused);
        auto n = wait<QList<ChatItem>>([this](auto cb) { m_api->fetchChats({}, nullptr, cb); });
        QCOMPARE(n.error.kind, ApiError::Kind::Network);
    }

    void tlsErrorsAreListedNeverIgnored()
    {
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("key.pem")),
                      cert = dir.filePath(QStringLiteral("cert.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                key, QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("1"),
                QStringLiteral("-subj"), QStringLiteral("/CN=localhost")});
        if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
            QSKIP("openssl could not make a test certificate");
        QFile kf(key), cf(cert);
        QVERIFY(kf.open(QIODevice::ReadOnly) && cf.open(QIODevice::ReadOnly));
        QSslConfiguration serverConf = QSslConfiguration::defaultConfiguration();
        serverConf.setPrivateKey(QSslKey(kf.readAll(), QSsl::Rsa));
        const QSslCertificate certificate(cf.readAll());
        serverConf.setLocalCertificate(certificate);
        QSslServer tls;
        tls.setSslConfiguration(serverConf);
        QVERIFY(tls.listen(QHostAddress::LocalHost, 0));

        ApiConfig c = config();
        c.baseUrl = QUrl(QStringLiteral("https://localhost:%1").arg(tls.serverPort()));
        c.maxGetRetries = 2;
        m_api->setConfig(c);
        auto r = wait<QList<ChatItem>>([this](auto cb) { m_api->fetchChats({}, nullptr, cb); });
        QCOMPARE(r.error.kind, ApiError::Kind::Tls);
        QVERIFY(!r.error.sslErrors.isEmpty());
        QVERIFY2(
            r.error.describe().contains(r.error.sslErrors.first()), qPrintable(r.error.describe()));
        QVERIFY(!r.error.isTransient()); // never retried, never ignored

        // Trusting that CA (the devstack way) makes the same server acceptable.
        c.caCertificates = {certificate};
        m_api->setConfig(c);
        connect(&tls, &QSslServer::pendingConnectionAvailable, this, [&tls] {
            while (QTcpSocket* s = tls.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [s] {
                    s->readAll();
                    s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                             "12\r\n\r\n{\"items\":[]}");
                });
            }
        });
        auto ok = wait<QList<ChatItem>>([this](auto cb) { m_api->fetchChats({}, nullptr, cb); });
        QVERIFY2(ok.ok(), qPrintable(ok.error.describe()));
    }

    void canceledAndDeadContextsGetNoCallback()
    {
        m_server->setHandler([](const HttpRequest&) {
            HttpResponse r = HttpResponse::json(200, R"({"items":[]})");
            r.delayMs = 200;
            return r;
        });
        bool called = false;
        const auto id = m_api->fetchChats(
            {}, nullptr, [&called](ApiResult<QList<ChatItem>>) { called = true; });
        m_api->cancel(id);
        auto* context = new QObject;
        m_api->fetchChats({}, context, [&called](ApiResult<QList<ChatItem>>) { called = true; });
        delete context;
        QTest::qWait(500); // duration, not a wait for an event: the answers (200 ms) come and go
        QVERIFY(!called);
        QCOMPARE(m_api->inFlightCount(), 0);
    }

    void largeBodiesDecodeOffThread()
    {
        QByteArray big = "{\"items\":[";
        for (int i = 0; i < 3000; ++i) {
            if (i)
                big += ',';
            big += QStringLiteral(
                R"({"id":"c%1","name":"Chat %1","lastMessageAt":"2026-05-18T10:00:00Z"})")
                       .arg(i)
                       .toUtf8();
        }
        big += "]}";
        m_server->setHandler([big](const HttpRequest&) { return HttpResponse::json(200, big); });
        QObject context;
        auto r = wait<QList<ChatItem>>([&](auto cb) { m_api->fetchChats({}, &context, cb); });
        QVERIFY(r.ok());
        QCOMPARE(r.value.size(), 3000);
    }

    void logsCarryNoSecretsOrQueries()
    {
        static QStringList captured;
        captured.clear();
        const auto previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext&, const QString& msg) { captured << msg; });
        QLoggingCategory::setFilterRules(QStringLiteral("inbox.*=true"));
        m_server->setHandler([](const HttpRequest&) {
            HttpResponse r = HttpResponse::json(500, R"({"error":"x"})");
            r.headers.append(qMakePair(QByteArray("Set-Cookie"),
                QByteArray("better-auth.session_token=SECRETVALUE; Path=/; HttpOnly")));
            return r;
        });
        ApiConfig c = config();
        c.maxGetRetries = 0;
        m_api->setConfig(c);
        auto r = wait<QList<ChatItem>>(
            [this](auto cb) { m_api->fetchChats(QStringLiteral("private-search"), nullptr, cb); });
        auto s = wait<SessionInfo>([this](auto cb) {
            m_api->signInEmail(QStringLiteral("ana@x"), QStringLiteral("hunter2"), nullptr, cb);
        });
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules({});
        const QString all = captured.join(QLatin1Char('\n'));
        QVERIFY(!all.isEmpty());
        QVERIFY(all.contains(QStringLiteral("/api/v1/whatsapp/chats")));
        for (const char* secret : {"SECRETVALUE", "private-search", "hunter2", "ana@x"})
            QVERIFY2(!all.contains(QLatin1String(secret)), secret);
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
