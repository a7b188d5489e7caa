// The real whatrack-inbox binary and the files it leaves: credentials in a URL are refused on
// the command line and dropped from the saved settings (never written, never printed); the
// settings file and the SQLite cache are 0600 in 0700 folders; the per-host cache files of
// older versions are removed.

#include "models/api/apiconfig.h"
#include "tests/support/fakeinboxbackend.h"

#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace WhaTrack;
using namespace WhaTrack::Testing;

namespace {
const QByteArray kSession
    = R"({"session":{"id":"s1","userId":"u1","expiresAt":"2099-01-01T00:00:00.000Z",
    "activeOrganizationId":null},"user":{"id":"u1","name":"Ana Souza","email":"ana@clinica.test"}})";
const QString kPassword = QStringLiteral("s3cretPw");

int modeOf(const QString& path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return static_cast<int>(st.st_mode & 07777);
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TstAppPrivacy : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeInboxBackend> m_backend;
    std::unique_ptr<QTemporaryDir> m_home;

    QString configDir() const { return m_home->filePath(QStringLiteral("config/WhaTrack")); }
    QString settingsFile() const { return configDir() + QStringLiteral("/WhaTrack Inbox.conf"); }
    QString dataDir() const
    {
        return m_home->filePath(QStringLiteral("data/WhaTrack/WhaTrack Inbox"));
    }

    void prepare(QProcess& app) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home->filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("INBOX_TEST_PASSWORD"), QStringLiteral("secret"));
        app.setProcessEnvironment(env);
    }

    //! Runs the app to its screenshot; returns its exit code (-1 if it did not finish).
    int runToScreenshot(const QStringList& extra)
    {
        QProcess app;
        prepare(app);
        app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        const QStringList args {QStringLiteral("--ws-url"),
            QStringLiteral("ws://127.0.0.1:9/connection/websocket"), QStringLiteral("--email"),
            QStringLiteral("ana@clinica.test"), QStringLiteral("--password-env"),
            QStringLiteral("INBOX_TEST_PASSWORD"), QStringLiteral("--organization"),
            QStringLiteral("org-1"), QStringLiteral("--screenshot"),
            m_home->filePath(QStringLiteral("shot.png")), QStringLiteral("--screenshot-after-ms"),
            QStringLiteral("1500")};
        app.start(QStringLiteral(INBOX_APP_BINARY), args + extra);
        if (!app.waitForStarted(10000))
            return -1;
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
        m_backend = std::make_unique<FakeInboxBackend>(6);
        QVERIFY(m_backend->start());
        auto& server = m_backend->server();
        server.route("POST", QStringLiteral("/api/v1/auth/sign-in/email"), [](const HttpRequest&) {
            HttpResponse r = HttpResponse::json(200, kSession);
            r.headers.append(qMakePair(QByteArray("Set-Cookie"),
                QByteArray("better-auth.session_token=tok.sig; Path=/; HttpOnly")));
            return r;
        });
        server.route(
            "GET", QStringLiteral("/api/v1/auth/organization/list"), [](const HttpRequest&) {
                return HttpResponse::json(
                    200, R"([{"id":"org-1","name":"Clínica Sorriso","slug":"c"}])");
            });
    }

    void cleanup()
    {
        m_backend.reset();
        m_home.reset();
    }

    void credentialsAreFoundInAnyUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("refused");
        QTest::newRow("user and password") << QStringLiteral("http://agent:pw@host") << true;
        QTest::newRow("user only") << QStringLiteral("https://agent@host:8443/x") << true;
        QTest::newRow("empty user, password") << QStringLiteral("wss://:pw@host/ws") << true;
        QTest::newRow("encoded") << QStringLiteral("http://a%40b:p%3Aw@host") << true;
        QTest::newRow("plain") << QStringLiteral("https://app.whatrack.com") << false;
        QTest::newRow("at in the path") << QStringLiteral("https://host/a@b") << false;
        QTest::newRow("at in the query") << QStringLiteral("https://host/?u=a@b") << false;
    }

    void credentialsAreFoundInAnyUrl()
    {
        QFETCH(QString, url);
        QFETCH(bool, refused);
        const QString problem = urlCredentialsProblem(QUrl(url), QStringLiteral("The backend URL"));
        QCOMPARE(!problem.isEmpty(), refused);
        if (refused) {
            QCOMPARE(problem,
                QStringLiteral("The backend URL must not contain a user name or password; sign in "
                               "with the sign-in dialog."));
            QVERIFY(withoutCredentials(QUrl(url)).userInfo().isEmpty());
            QCOMPARE(withoutCredentials(QUrl(url)).host(), QUrl(url).host());
        }
    }

    void credentialsOnTheCommandLineAreRefused_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("url");
        QTest::newRow("backend") << QStringLiteral("--backend-url")
                                 << QStringLiteral("http://agent:%1@127.0.0.1:9").arg(kPassword);
        QTest::newRow("websocket")
            << QStringLiteral("--ws-url")
            << QStringLiteral("ws://agent:%1@127.0.0.1:9/connection/websocket").arg(kPassword);
    }

    void credentialsOnTheCommandLineAreRefused()
    {
        QFETCH(QString, option);
        QFETCH(QString, url);
        QProcess app;
        prepare(app);
        QStringList args {option, url};
        if (option != QLatin1String("--backend-url"))
            args << QStringLiteral("--backend-url") << m_backend->server().baseUrl().toString();
        app.start(QStringLiteral(INBOX_APP_BINARY), args);
        QVERIFY(app.waitForStarted(10000));
        // The message goes to stderr, then a message box waits for the agent (or it exits).
        QByteArray err;
        QVERIFY(QTest::qWaitFor(
            [&] {
                err += app.readAllStandardError();
                return err.contains("sign-in dialog") || app.state() == QProcess::NotRunning;
            },
            30000));
        err += app.readAllStandardError();
        if (app.state() != QProcess::NotRunning) {
            app.kill();
            app.waitForFinished();
        } else {
            QCOMPARE(app.exitCode(), 64);
        }
        QVERIFY2(err.contains("must not contain a user name or password; sign in with the "
                              "sign-in dialog"),
            err.constData());
        QVERIFY2(!err.contains(kPassword.toUtf8()), err.constData()); // never printed
        QVERIFY(!readAll(settingsFile()).contains(kPassword.toUtf8())); // never saved
        QCOMPARE(m_backend->server().requestCount(), 0); // never used
    }

    void cliRefusesCredentialsInUrls_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString listen = QStringLiteral("listen");
        const QString ws = QStringLiteral("ws://127.0.0.1:9/connection/websocket");
        const QString secretWs
            = QStringLiteral("ws://agent:%1@127.0.0.1:9/connection/websocket").arg(kPassword);
        const QString http = QStringLiteral("http://127.0.0.1:9");
        const QString secretHttp = QStringLiteral("http://agent:%1@127.0.0.1:9/t").arg(kPassword);
        QTest::newRow("listen ws-url") << QStringList {listen, QStringLiteral("--ws-url"), secretWs,
            QStringLiteral("--token"),
            QStringLiteral("x")} << 2 << QStringLiteral("--ws-url must not contain a user name");
        QTest::newRow("listen token-url") << QStringList {listen, QStringLiteral("--ws-url"), ws,
            QStringLiteral("--token-url"),
            secretHttp} << 2 << QStringLiteral("--token-url must not contain a user name");
        QTest::newRow("listen subscription-token-url")
            << QStringList {listen, QStringLiteral("--ws-url"), ws, QStringLiteral("--token"),
                   QStringLiteral("x"), QStringLiteral("--subscription-token-url"), secretHttp}
            << 2 << QStringLiteral("--subscription-token-url must not contain a user name");
        // diagnose exits 64 on bad arguments; the cookie is never read when a URL is refused.
        const QStringList cookie {QStringLiteral("--cookie"), QStringLiteral("c=1")};
        QTest::newRow("diagnose backend-url")
            << (QStringList {QStringLiteral("diagnose"), QStringLiteral("--backend-url"),
                    secretHttp, QStringLiteral("--ws-url"), ws}
                   + cookie)
            << 64 << QStringLiteral("--backend-url must not contain a user name");
        QTest::newRow("diagnose ws-url")
            << (QStringList {QStringLiteral("diagnose"), QStringLiteral("--backend-url"), http,
                    QStringLiteral("--ws-url"), secretWs}
                   + cookie)
            << 64 << QStringLiteral("--ws-url must not contain a user name");
        QTest::newRow("sign-in backend-url")
            << QStringList {QStringLiteral("sign-in"), QStringLiteral("--backend-url"), secretHttp,
                   QStringLiteral("--email"), QStringLiteral("a@example.com"),
                   QStringLiteral("--print-cookie")}
            << 2 << QStringLiteral("--backend-url must not contain a user name");
    }

    void cliRefusesCredentialsInUrls()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("WHATRACK_PASSWORD"), kPassword); // must not be used either
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(INBOX_CLI_BIN), arguments);
        QVERIFY(cli.waitForStarted(10000));
        QVERIFY(cli.waitForFinished(30000));
        const QByteArray err = cli.readAllStandardError();
        QCOMPARE(cli.exitCode(), exitCode); // bad arguments
        QVERIFY2(err.contains(message.toUtf8()), err.constData());
        QVERIFY2(!err.contains(kPassword.toUtf8()), err.constData());
        QVERIFY2(!cli.readAllStandardOutput().contains(kPassword.toUtf8()), "password printed");
    }

    void savedCredentialsAreDroppedAndFilesArePrivate()
    {
        // A profile of an older version: world-readable settings holding a password in the URL,
        // and a world-readable per-host cache file.
        QVERIFY(QDir().mkpath(configDir()));
        QVERIFY(QDir().mkpath(dataDir()));
        QUrl saved = m_backend->server().baseUrl();
        saved.setUserName(QStringLiteral("agent"));
        saved.setPassword(kPassword);
        {
            QFile f(settingsFile());
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("[connection]\nbackendUrl=" + saved.toString().toUtf8() + "\n");
        }
        const QString legacy = dataDir() + QStringLiteral("/cache-127.0.0.1.sqlite");
        {
            QFile f(legacy);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        const auto open
            = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;
        QVERIFY(QFile::setPermissions(settingsFile(), open));
        QVERIFY(QFile::setPermissions(
            configDir(), open | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther));
        QCOMPARE(modeOf(settingsFile()), 0644);

        QCOMPARE(runToScreenshot({}), 0); // the saved backend, minus the credentials, works
        QVERIFY(m_backend->server().requestCount() > 0);
        for (const auto& r : m_backend->server().requests())
            QVERIFY(!r.headers.contains("authorization")); // no Basic auth sent

        const QByteArray settings = readAll(settingsFile());
        QVERIFY2(!settings.contains(kPassword.toUtf8()), settings.constData());
        QVERIFY(settings.contains(m_backend->server().baseUrl().host().toUtf8()));
        QCOMPARE(modeOf(settingsFile()), 0600);
        QCOMPARE(modeOf(configDir()), 0700);

        // The cache: a private file in a private folder; the per-host file is gone.
        QVERIFY(!QFile::exists(legacy));
        QCOMPARE(modeOf(dataDir()), 0700);
        QStringList cacheFiles;
        QDirIterator it(dataDir(), {QStringLiteral("inbox-cache-*")}, QDir::Files);
        while (it.hasNext())
            cacheFiles << it.next();
        QVERIFY(!cacheFiles.isEmpty());
        for (const QString& file : std::as_const(cacheFiles))
            QVERIFY2(modeOf(file) == 0600, qPrintable(file));
    }
};

QTEST_MAIN(TstAppPrivacy)
#include "tst_appprivacy.moc"
