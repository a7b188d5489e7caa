// The composition root, end to end: the real whatrack-inbox binary (offscreen) against an
// in-process backend.
// - As an agent runs it (no --screenshot: the platform keychain, saved settings and layout, the
//   single-instance lock): signs in with --email/--password-env, opens the organization and a
//   chat, remembers them in its settings, and never writes the session cookie to a plain file.
// - In screenshot mode (a scripted run with an in-memory keychain and no settings, used by
//   scripts/screenshots): writes its --screenshot and exits cleanly; a 401 sends it back to the
//   sign-in dialog once, with no retry loop.

#include "tests/support/fakeinboxbackend.h"

#include <QDirIterator>
#include <QImage>
#include <QProcess>
#include <QScopeGuard>
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
    std::unique_ptr<QTemporaryDir> m_home; //!< a fresh profile for every test

    int count(const QByteArray& method, const QString& path) const
    {
        int n = 0;
        for (const auto& r : m_backend->server().requests())
            n += r.method == method && r.path == path;
        return n;
    }

    //! The app's environment: its files in the test's folder, offscreen, and a session bus that
    //! does not exist, so the platform keychain is unavailable rather than the developer's own.
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home->filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home->filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home->path());
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
            QStringLiteral("unix:path=") + m_home->filePath(QStringLiteral("no-bus")));
        env.insert(QStringLiteral("INBOX_TEST_PASSWORD"), QStringLiteral("secret"));
        return env;
    }

    QStringList signInArguments() const
    {
        return {QStringLiteral("--backend-url"), m_backend->server().baseUrl().toString(),
            // Nothing listens there: realtime keeps retrying, which must not block the UI.
            QStringLiteral("--ws-url"), QStringLiteral("ws://127.0.0.1:9/connection/websocket"),
            QStringLiteral("--email"), QStringLiteral("ana@clinica.test"),
            QStringLiteral("--password-env"), QStringLiteral("INBOX_TEST_PASSWORD")};
    }

    //! Every file the app wrote under the test's folder whose contents include \a needle.
    QStringList filesContaining(const QByteArray& needle) const
    {
        QStringList found;
        QDirIterator it(m_home->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
                found << file.fileName();
        }
        return found;
    }

    //! Runs the app in screenshot mode to its screenshot; returns its exit code (-1 if it did
    //! not finish).
    int run(const QString& shot, const QStringList& extra = {})
    {
        QProcess app;
        app.setProcessEnvironment(environment());
        app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        // The picture is taken after a fixed delay: that is the scenario's duration, generous so
        // that a busy machine still signs in first (what must be loaded by then is asserted in
        // realConfigurationSignsInAndRemembers, by waiting for it).
        const QStringList args = signInArguments()
            + QStringList {QStringLiteral("--screenshot"), shot,
                QStringLiteral("--screenshot-after-ms"), QStringLiteral("3000")};
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
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
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

    void cleanup()
    {
        m_backend.reset();
        m_home.reset();
    }

    void realConfigurationSignsInAndRemembers()
    {
        QProcess app;
        app.setProcessEnvironment(environment());
        app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        app.start(QStringLiteral(INBOX_APP_BINARY),
            signInArguments()
                + QStringList {QStringLiteral("--organization"), QStringLiteral("org-1"),
                    QStringLiteral("--open-chat"), QStringLiteral("first")});
        QVERIFY(app.waitForStarted(10000));
        auto stop = qScopeGuard([&app] {
            app.kill();
            app.waitForFinished(10000);
        });
        // The fake backend lives in this process: QTRY keeps its event loop running.
        QTRY_VERIFY_WITH_TIMEOUT(
            count("GET", QStringLiteral("/api/v1/conversations/C1/ticket")) >= 1, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(
            count("GET", QStringLiteral("/api/v1/whatsapp/chats/C1/messages")) >= 1, 60000);
        QCOMPARE(app.state(), QProcess::Running); // not a one-shot run: the window stays up
        QCOMPARE(count("POST", QStringLiteral("/api/v1/auth/sign-in/email")), 1);
        QVERIFY(count("GET", QStringLiteral("/api/v1/whatsapp/chats")) >= 1);
        for (const auto& r : m_backend->server().requests()) {
            if (r.path.startsWith(QLatin1String("/api/v1/whatsapp")))
                QCOMPARE(r.headers.value("x-organization-id"), QByteArray("org-1"));
        }
        // Its settings remember the server and the organization (the next start reopens them);
        // the opened chat is remembered as it is shown.
        const QByteArray server = m_backend->server().baseUrl().toEncoded();
        QTRY_VERIFY_WITH_TIMEOUT(!filesContaining(server).isEmpty(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!filesContaining("org-1").isEmpty(), 30000);
        // The session cookie goes to the keychain (unavailable here), never to a plain file.
        QCOMPARE(filesContaining("tok.sig"), QStringList());
    }

    void signsInOpensAChatAndScreenshots()
    {
        const QString shot = m_home->filePath(QStringLiteral("inbox.png"));
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
        QVERIFY(!QFile::exists(m_home->filePath(QStringLiteral("inbox-dialog1.png")))); // no dialog
    }

    void unauthorizedGoesBackToSignInOnce()
    {
        m_backend->server().route(
            "GET", QStringLiteral("/api/v1/whatsapp/chats"), [](const HttpRequest&) {
                return HttpResponse::json(401, R"({"error":"Unauthorized"})");
            });
        const QString shot = m_home->filePath(QStringLiteral("expired.png"));
        QCOMPARE(run(shot, {QStringLiteral("--organization"), QStringLiteral("org-1")}), 0);
        // The sign-in dialog is up (saved beside the screenshot) ...
        const QImage dialog(m_home->filePath(QStringLiteral("expired-dialog1.png")));
        QVERIFY(!dialog.isNull());
        // ... and nothing retried: one sign-in (the command-line one), no loop on the 401.
        QCOMPARE(count("POST", QStringLiteral("/api/v1/auth/sign-in/email")), 1);
        QVERIFY2(count("GET", QStringLiteral("/api/v1/whatsapp/chats")) <= 2,
            qPrintable(QString::number(count("GET", QStringLiteral("/api/v1/whatsapp/chats")))));
    }

    void wrongPasswordShowsSignIn()
    {
        const QString shot = m_home->filePath(QStringLiteral("wrong.png"));
        m_backend->server().route(
            "POST", QStringLiteral("/api/v1/auth/sign-in/email"), [](const HttpRequest&) {
                return HttpResponse::json(401, R"({"error":"Invalid email or password"})");
            });
        QCOMPARE(run(shot), 0);
        QVERIFY(!QImage(m_home->filePath(QStringLiteral("wrong-dialog1.png"))).isNull());
        QCOMPARE(count("POST", QStringLiteral("/api/v1/auth/sign-in/email")), 1); // never retried
        QCOMPARE(count("GET", QStringLiteral("/api/v1/whatsapp/chats")), 0);
    }
};

QTEST_MAIN(TstApp)
#include "tst_app.moc"
