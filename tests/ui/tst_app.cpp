// The composition root, end to end: the real whatrack-inbox binary (offscreen) signs in with
// --email/--password-env against an in-process backend, opens the organization and a chat,
// writes its --screenshot and exits cleanly; a 401 sends it back to the sign-in dialog once,
// with no retry loop.

#include "fakeinboxbackend.h"

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace WhaTrack::Testing;

namespace {
const QByteArray kSession
    = R"({"session":{"id":"s1","userId":"u1","expiresAt":"2099-01-01T00:00:00.000Z",
    "activeOrganizationId":null},"user":{"id":"u1","name":"Ana Souza","email":"ana@clinica.test"}})";
} // namespace

class TstApp : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeInboxBackend> m_backend;
    QTemporaryDir m_home;

    int count(const QByteArray& method, const QString& path) const
    {
        int n = 0;
        for (const auto& r : m_backend->server().requests())
            n += r.method == method && r.path == path;
        return n;
    }

    //! Runs the app to its screenshot; returns its exit code (-1 if it did not finish).
    int run(const QString& shot, const QStringList& extra = {})
    {
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("INBOX_TEST_PASSWORD"), QStringLiteral("secret"));
        app.setProcessEnvironment(env);
        app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QStringList args {QStringLiteral("--backend-url"), m_backend->server().baseUrl().toString(),
            // Nothing listens there: realtime keeps retrying, which must not block the UI.
            QStringLiteral("--ws-url"), QStringLiteral("ws://127.0.0.1:9/connection/websocket"),
            QStringLiteral("--email"), QStringLiteral("ana@clinica.test"),
            QStringLiteral("--password-env"), QStringLiteral("INBOX_TEST_PASSWORD"),
            QStringLiteral("--screenshot"), shot, QStringLiteral("--screenshot-after-ms"),
            QStringLiteral("1500")};
        app.start(QStringLiteral(INBOX_APP_BINARY), args + extra);
        if (!app.waitForStarted(10000))
            return -1;
        // The fake backend lives in this process: keep its event loop running while waiting.
        if (!QTest::qWaitFor([&app] { return app.state() == QProcess::NotRunning; }, 60000)) {
            app.kill();
            app.waitForFinished();
            return -1;
        }
        return app.exitStatus() == QProcess::NormalExit ? app.exitCode() : -2;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_home.isValid());
        m_backend = std::make_unique<FakeInboxBackend>(20);
        QVERIFY(m_backend->start());
        auto& server = m_backend->server();
        server.route(
            "POST", QStringLiteral("/api/v1/auth/sign-in/email"), [](const HttpRequest& r) {
                if (!r.body.contains("\"password\":\"secret\""))
                    return HttpResponse::json(401, R"({"error":"Invalid email or password"})");
                HttpResponse resp = HttpResponse::json(200, kSession);
                resp.headers.append(qMakePair(QByteArray("Set-Cookie"),
                    QByteArray(
                        "better-auth.session_token=tok.sig; Path=/; HttpOnly; Max-Age=604800")));
                return resp;
            });
        server.route(
            "GET", QStringLiteral("/api/v1/auth/organization/list"), [](const HttpRequest&) {
                return HttpResponse::json(
                    200, R"([{"id":"org-1","name":"Clínica Sorriso","slug":"c"}])");
            });
        server.route("GET", QStringLiteral("/api/v1/centrifugo/token"), [](const HttpRequest&) {
            return HttpResponse::json(200,
                R"({"token":"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSIsImV4cCI6NDEwMjQ0NDgwMH0.x"})");
        });
    }

    void cleanup() { m_backend.reset(); }

    void signsInOpensAChatAndScreenshots()
    {
        const QString shot = m_home.filePath(QStringLiteral("inbox.png"));
        QCOMPARE(run(shot,
                     {QStringLiteral("--organization"), QStringLiteral("org-1"),
                         QStringLiteral("--open-chat"), QStringLiteral("first")}),
            0);
        const QImage image(shot);
        QCOMPARE(image.size(), QSize(1280, 800));
        QCOMPARE(count("POST", QStringLiteral("/api/v1/auth/sign-in/email")), 1);
        QVERIFY(count("GET", QStringLiteral("/api/v1/whatsapp/chats")) >= 1);
        // --open-chat first: the newest chat's messages and ticket were loaded.
        QVERIFY(count("GET", QStringLiteral("/api/v1/whatsapp/chats/C1/messages")) >= 1);
        QVERIFY(count("GET", QStringLiteral("/api/v1/conversations/C1/ticket")) >= 1);
        // Every REST call carried the organization; none carried the password in the URL.
        for (const auto& r : m_backend->server().requests()) {
            if (r.path.startsWith(QLatin1String("/api/v1/whatsapp")))
                QCOMPARE(r.headers.value("x-organization-id"), QByteArray("org-1"));
            QVERIFY(!r.query.toString().contains(QLatin1String("secret")));
        }
        QVERIFY(!QFile::exists(m_home.filePath(QStringLiteral("inbox-dialog1.png")))); // no dialog
    }

    void unauthorizedGoesBackToSignInOnce()
    {
        m_backend->server().route(
            "GET", QStringLiteral("/api/v1/whatsapp/chats"), [](const HttpRequest&) {
                return HttpResponse::json(401, R"({"error":"Unauthorized"})");
            });
        const QString shot = m_home.filePath(QStringLiteral("expired.png"));
        QCOMPARE(run(shot, {QStringLiteral("--organization"), QStringLiteral("org-1")}), 0);
        // The sign-in dialog is up (saved beside the screenshot) ...
        const QImage dialog(m_home.filePath(QStringLiteral("expired-dialog1.png")));
        QVERIFY(!dialog.isNull());
        // ... and nothing retried: one sign-in (the command-line one), no loop on the 401.
        QCOMPARE(count("POST", QStringLiteral("/api/v1/auth/sign-in/email")), 1);
        QVERIFY2(count("GET", QStringLiteral("/api/v1/whatsapp/chats")) <= 2,
            qPrintable(QString::number(count("GET", QStringLiteral("/api/v1/whatsapp/chats")))));
    }

    void wrongPasswordShowsSignIn()
    {
        const QString shot = m_home.filePath(QStringLiteral("wrong.png"));
        m_backend->server().route(
            "POST", QStringLiteral("/api/v1/auth/sign-in/email"), [](const HttpRequest&) {
                return HttpResponse::json(401, R"({"error":"Invalid email or password"})");
            });
        QCOMPARE(run(shot), 0);
        QVERIFY(!QImage(m_home.filePath(QStringLiteral("wrong-dialog1.png"))).isNull());
        QCOMPARE(count("POST", QStringLiteral("/api/v1/auth/sign-in/email")), 1); // never retried
        QCOMPARE(count("GET", QStringLiteral("/api/v1/whatsapp/chats")), 0);
    }
};

QTEST_MAIN(TstApp)
#include "tst_app.moc"
