// `whatrack-inbox-cli diagnose` against the real stack (devstack: nginx TLS, Centrifugo, the
// reference backend): each broken setup fails at the right step with the right cause, and the
// JSON lines are checked field by field. One stack serves every scenario of the `whatrack`
// profile; the `secure` profile gets its own.

#include "tests/models/diagnosticsstackhelper.h"
#include "tests/support/devstackprocess.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using WhaTrack::Testing::DevstackProcess;

namespace {

struct Run
{
    int exitCode = -1;
    QList<QJsonObject> steps;
    QJsonObject summary;
    QByteArray stdoutText;
    QByteArray stderrText;

    QJsonObject step(const QString& id) const
    {
        for (const QJsonObject& s : steps) {
            if (s.value(QStringLiteral("id")).toString() == id)
                return s;
        }
        return {};
    }
    QString status(const QString& id) const
    {
        return step(id).value(QStringLiteral("status")).toString();
    }
    QString causeId(const QString& id) const
    {
        return step(id)
            .value(QStringLiteral("cause"))
            .toObject()
            .value(QStringLiteral("id"))
            .toString();
    }
    QJsonObject facts(const QString& id) const
    {
        return step(id).value(QStringLiteral("facts")).toObject();
    }
};

int freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    return server.serverPort(); // closed at once: nothing listens there afterwards
}

} // namespace

class TestDiagnosticsIntegration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void allGreenWithPublication();
    void isolationWarningWithTheWhatrackProfile();
    void wrongBackendUrl();
    void wrongPassword();
    void tokenRoute500();
    void tokenRoute429();
    void badWebSocketHost();
    void badWebSocketPort();
    void badWebSocketPath();
    void untrustedCa();
    void wrongChannelTemplate();
    void centrifugoStopped();
    void securedProfileHasNoWarning();

private:
    QStringList baseArgs(const DevstackProcess& stack) const;
    Run diagnose(const QStringList& args, const std::function<void()>& whileRunning = {},
        const QString& password = {});
    DevstackProcess m_stack;
    DiagnosticsStackHelper m_helper {m_stack};
    QTemporaryDir m_tmp;
};

void TestDiagnosticsIntegration::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(INBOX_CLI_BIN)));
    QVERIFY(m_tmp.isValid());
    QString error;
    QVERIFY2(m_stack.start(&error), qPrintable(error));
}

void TestDiagnosticsIntegration::cleanupTestCase()
{
    m_helper.restoreBackend();
    m_stack.stop();
}

QStringList TestDiagnosticsIntegration::baseArgs(const DevstackProcess& stack) const
{
    QUrl ws = stack.httpsUrl();
    ws.setScheme(QStringLiteral("wss"));
    ws.setPath(QStringLiteral("/connection/websocket"));
    return {QStringLiteral("diagnose"), QStringLiteral("--json"), QStringLiteral("--backend-url"),
        stack.httpsUrl().toString(), QStringLiteral("--ws-url"), ws.toString(),
        QStringLiteral("--ca-cert"), stack.caCertPath(), QStringLiteral("--email"),
        stack.demoEmail(), QStringLiteral("--password-stdin"), QStringLiteral("--timeout"),
        QStringLiteral("10")};
}

Run TestDiagnosticsIntegration::diagnose(
    const QStringList& args, const std::function<void()>& whileRunning, const QString& password)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("WHATRACK_PASSWORD"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(INBOX_CLI_BIN), args);
    process.waitForStarted();
    process.write((password.isEmpty() ? m_stack.demoPassword() : password).toUtf8() + '\n');
    process.closeWriteChannel();
    QTimer ticker;
    if (whileRunning) {
        QObject::connect(&ticker, &QTimer::timeout, whileRunning);
        ticker.start(500);
    }
    (void)QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 120000);
    ticker.stop();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
    }
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.stdoutText = process.readAllStandardOutput();
    run.stderrText = process.readAllStandardError();
    for (const QByteArray& line : run.stdoutText.split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(QStringLiteral("type")).toString() == QLatin1String("summary"))
            run.summary = o;
        else
            run.steps << o;
    }
    return run;
}

#define EXPECT_SECRET_FREE(run)                                                                    \
    do {                                                                                           \
        const QByteArray all_ = (run).stdoutText + (run).stderrText;                               \
        QVERIFY(!all_.contains("eyJ"));                                                            \
        QVERIFY(!all_.contains(m_stack.demoPassword().toUtf8()));                                  \
        QVERIFY(!all_.contains("session_token="));                                                 \
    } while (false)

void TestDiagnosticsIntegration::allGreenWithPublication()
{
    QStringList args = baseArgs(m_stack);
    args << QStringLiteral("--no-isolation-check") << QStringLiteral("--wait-publication")
         << QStringLiteral("30");
    // Plays Meta until diagnose ends: an inbound message makes the backend publish.
    const Run run = diagnose(args, [this] {
        QNetworkReply* reply = m_helper.postInbound(m_stack);
        QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    });
    QVERIFY2(run.exitCode == 0, run.stdoutText.constData());
    EXPECT_SECRET_FREE(run);
    const QString org = m_stack.firstOrganizationId();
    const QStringList ids {QStringLiteral("backend"), QStringLiteral("sign-in"),
        QStringLiteral("token"), QStringLiteral("centrifugo"), QStringLiteral("websocket"),
        QStringLiteral("connect"), QStringLiteral("subscribe:org:{org}:messages"),
        QStringLiteral("subscribe:org:{org}:tickets"), QStringLiteral("publication")};
    QCOMPARE(run.steps.size(), ids.size());
    for (int i = 0; i < ids.size(); ++i) {
        const QJsonObject s = run.steps.at(i);
        QCOMPARE(s.value(QStringLiteral("id")).toString(), ids.at(i));
        QCOMPARE(s.value(QStringLiteral("number")).toInt(), i + 1);
        QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(s.value(QStringLiteral("type")).toString(), QStringLiteral("step"));
        QVERIFY(!s.value(QStringLiteral("title")).toString().isEmpty());
        QVERIFY(s.value(QStringLiteral("durationMs")).toInteger(-1) >= 0);
        QVERIFY(!s.contains(QStringLiteral("cause")));
    }
    const QJsonObject backend = run.facts(QStringLiteral("backend"));
    QCOMPARE(backend.value(QStringLiteral("host")).toString(), QStringLiteral("localhost"));
    QCOMPARE(backend.value(QStringLiteral("certificateSubject"))
                 .toString()
                 .section(QLatin1Char(','), 0, 0),
        QStringLiteral("CN=localhost"));
    QVERIFY(backend.value(QStringLiteral("certificateIssuer"))
                .toString()
                .contains(QLatin1String("devstack CA")));
    QVERIFY(backend.value(QStringLiteral("certificateDaysLeft")).toInt() > 0);
    QCOMPARE(backend.value(QStringLiteral("httpStatus")).toInt(), 200);
    const QJsonObject signIn = run.facts(QStringLiteral("sign-in"));
    QCOMPARE(signIn.value(QStringLiteral("user")).toString(), m_stack.demoEmail());
    QCOMPARE(signIn.value(QStringLiteral("organizationId")).toString(), org);
    const QJsonObject token = run.facts(QStringLiteral("token"));
    QVERIFY(!token.value(QStringLiteral("sub")).toString().isEmpty());
    QCOMPARE(token.value(QStringLiteral("organizationId")).toString(), org);
    QVERIFY(token.value(QStringLiteral("expiresInSeconds")).toInt() > 3000);
    QVERIFY(qAbs(token.value(QStringLiteral("clockSkewSeconds")).toInt(99)) <= 5);
    QCOMPARE(
        token.value(QStringLiteral("clockSkewSource")).toString(), QStringLiteral("Date header"));
    QVERIFY(!token.contains(QStringLiteral("token")));
    QCOMPARE(
        run.facts(QStringLiteral("websocket")).value(QStringLiteral("httpStatus")).toInt(), 101);
    const QJsonObject connect = run.facts(QStringLiteral("connect"));
    QVERIFY(connect.value(QStringLiteral("serverVersion"))
                .toString()
                .startsWith(QLatin1String("6.9.6")));
    QVERIFY(!connect.value(QStringLiteral("clientId")).toString().isEmpty());
    QCOMPARE(connect.value(QStringLiteral("pingIntervalSeconds")).toInt(), 25);
    QCOMPARE(run.facts(QStringLiteral("subscribe:org:{org}:messages"))
                 .value(QStringLiteral("channel"))
                 .toString(),
        QStringLiteral("org:%1:messages").arg(org));
    const QJsonObject publication = run.facts(QStringLiteral("publication"));
    QCOMPARE(publication.value(QStringLiteral("channel")).toString(),
        QStringLiteral("org:%1:messages").arg(org));
    QCOMPARE(publication.value(QStringLiteral("publicationType")).toString(),
        QStringLiteral("message_created"));
    QVERIFY(!run.stdoutText.contains("diagnostics test message")); // never the body
    QCOMPARE(run.summary.value(QStringLiteral("total")).toInt(), ids.size());
    QCOMPARE(run.summary.value(QStringLiteral("passed")).toInt(), ids.size());
    QCOMPARE(run.summary.value(QStringLiteral("failed")).toInt(), 0);
    QCOMPARE(run.summary.value(QStringLiteral("warnings")).toInt(), 0);
    QCOMPARE(run.summary.value(QStringLiteral("firstFailedStep")).toInt(), 0);
    QCOMPARE(run.summary.value(QStringLiteral("allPassed")).toBool(), true);
}

void TestDiagnosticsIntegration::isolationWarningWithTheWhatrackProfile()
{
    const Run run = diagnose(baseArgs(m_stack));
    QCOMPARE(run.exitCode, 100); // warnings only: never a silent 0
    const QJsonObject isolation = run.step(QStringLiteral("isolation"));
    QCOMPARE(isolation.value(QStringLiteral("number")).toInt(), 9);
    QCOMPARE(isolation.value(QStringLiteral("status")).toString(), QStringLiteral("warning"));
    QCOMPARE(run.causeId(QStringLiteral("isolation")), QStringLiteral("isolation-breach"));
    const QJsonObject cause = isolation.value(QStringLiteral("cause")).toObject();
    QVERIFY(cause.value(QStringLiteral("action")).toString().contains(QLatin1String("secure")));
    QVERIFY(cause.value(QStringLiteral("text"))
                .toString()
                .contains(QLatin1String("any signed-in user")));
    const QString channel = isolation.value(QStringLiteral("subject")).toString();
    QVERIFY(
        channel.startsWith(QLatin1String("org:")) && channel.endsWith(QLatin1String(":messages")));
    QVERIFY(!channel.contains(m_stack.firstOrganizationId()));
    QCOMPARE(run.summary.value(QStringLiteral("warnings")).toInt(), 1);
    QCOMPARE(run.summary.value(QStringLiteral("failed")).toInt(), 0);
    QCOMPARE(run.summary.value(QStringLiteral("allPassed")).toBool(), false);
}

void TestDiagnosticsIntegration::wrongBackendUrl()
{
    QStringList args = baseArgs(m_stack);
    args[args.indexOf(QStringLiteral("--backend-url")) + 1]
        = QStringLiteral("https://localhost:%1").arg(freePort());
    const Run run = diagnose(args);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.status(QStringLiteral("backend")), QStringLiteral("failed"));
    QCOMPARE(run.causeId(QStringLiteral("backend")), QStringLiteral("refused"));
    QCOMPARE(run.step(QStringLiteral("backend"))
                 .value(QStringLiteral("failure"))
                 .toObject()
                 .value(QStringLiteral("where"))
                 .toString(),
        QStringLiteral("backend"));
    // The realtime server is still checked: a backend problem does not hide a Centrifugo one.
    QCOMPARE(run.status(QStringLiteral("centrifugo")), QStringLiteral("ok"));
    QCOMPARE(run.status(QStringLiteral("websocket")), QStringLiteral("ok"));
    QCOMPARE(run.status(QStringLiteral("sign-in")), QStringLiteral("skipped"));
    QCOMPARE(run.status(QStringLiteral("connect")), QStringLiteral("skipped"));
    QVERIFY(run.step(QStringLiteral("connect"))
                .value(QStringLiteral("skippedBecause"))
                .toString()
                .contains(QLatin1String("step 3")));
    QCOMPARE(run.summary.value(QStringLiteral("firstFailedStep")).toInt(), 1);
}

void TestDiagnosticsIntegration::wrongPassword()
{
    const QString wrong = QStringLiteral("not-the-demo-password");
    const Run run = diagnose(baseArgs(m_stack), {}, wrong);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!QByteArray(run.stdoutText + run.stderrText).contains(wrong.toUtf8()));
    QCOMPARE(run.causeId(QStringLiteral("sign-in")), QStringLiteral("sign-in-http-401"));
    QCOMPARE(run.step(QStringLiteral("sign-in"))
                 .value(QStringLiteral("cause"))
                 .toObject()
                 .value(QStringLiteral("title"))
                 .toString(),
        QStringLiteral("Wrong email or password"));
    QCOMPARE(run.status(QStringLiteral("token")), QStringLiteral("skipped"));
    EXPECT_SECRET_FREE(run);
}

void TestDiagnosticsIntegration::tokenRoute500()
{
    const QString faultFile = m_tmp.filePath(QStringLiteral("token-fault"));
    QString error;
    QVERIFY2(m_helper.restartBackendWithTokenFault(faultFile, &error), qPrintable(error));
    QFile fault(faultFile);
    QVERIFY(fault.open(QIODevice::WriteOnly));
    fault.write("500");
    fault.close();
    const Run run = diagnose(baseArgs(m_stack));
    QFile::remove(faultFile);
    m_helper.restoreBackend();
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.causeId(QStringLiteral("token")), QStringLiteral("token-http-5xx"));
    const QJsonObject failure
        = run.step(QStringLiteral("token")).value(QStringLiteral("failure")).toObject();
    QCOMPARE(failure.value(QStringLiteral("code")).toInt(), 500);
    QCOMPARE(failure.value(QStringLiteral("where")).toString(), QStringLiteral("token-route"));
    QVERIFY(run.step(QStringLiteral("token"))
                .value(QStringLiteral("cause"))
                .toObject()
                .value(QStringLiteral("text"))
                .toString()
                .contains(QLatin1String("CENTRIFUGO_TOKEN_HMAC_SECRET_KEY")));
    QCOMPARE(run.status(QStringLiteral("connect")), QStringLiteral("skipped"));
}

void TestDiagnosticsIntegration::tokenRoute429()
{
    // `sign-in` writes the cookie to a 0600 file; its session then uses up the token route's
    // 5 calls a minute, so diagnose with that cookie meets the real rate limit.
    const QString cookieFile = m_tmp.filePath(QStringLiteral("cookie"));
    QProcess signIn;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("WHATRACK_PASSWORD"), m_stack.demoPassword());
    signIn.setProcessEnvironment(env);
    signIn.start(QStringLiteral(INBOX_CLI_BIN),
        {QStringLiteral("sign-in"), QStringLiteral("--backend-url"),
            m_stack.backendUrl().toString(), QStringLiteral("--email"), m_stack.demoEmail(),
            QStringLiteral("--cookie-file"), cookieFile});
    QVERIFY(signIn.waitForFinished(30000));
    QCOMPARE(signIn.exitCode(), 0);
    QVERIFY(!signIn.readAllStandardOutput().contains("session_token")); // not asked to print
    const QFile::Permissions perms = QFile::permissions(cookieFile);
    QVERIFY(perms.testFlags(QFile::ReadOwner | QFile::WriteOwner));
    QVERIFY(!(perms
        & (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
            | QFile::WriteOther | QFile::ExeOther)));
    QFile file(cookieFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray header = file.readAll().trimmed();
    QVERIFY(header.startsWith("Cookie: "));
    QUrl tokenUrl = m_stack.backendUrl();
    tokenUrl.setPath(QStringLiteral("/api/v1/centrifugo/token"));
    int status = 0;
    for (int i = 0; i < 6 && status != 429; ++i) {
        QNetworkRequest request(tokenUrl);
        request.setRawHeader("Cookie", header.mid(8));
        request.setRawHeader("x-organization-id", m_stack.firstOrganizationId().toUtf8());
        QNetworkReply* reply = m_helper.nam().get(request);
        QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000));
        status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
    }
    QCOMPARE(status, 429);
    QStringList args = baseArgs(m_stack);
    const int email = args.indexOf(QStringLiteral("--email"));
    args.remove(email, 2);
    args.removeAll(QStringLiteral("--password-stdin"));
    args << QStringLiteral("--cookie-file") << cookieFile;
    const Run run = diagnose(args);
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.facts(QStringLiteral("sign-in")).value(QStringLiteral("method")).toString(),
        QStringLiteral("cookie"));
    QCOMPARE(run.causeId(QStringLiteral("token")), QStringLiteral("token-http-429"));
    const QJsonObject failure
        = run.step(QStringLiteral("token")).value(QStringLiteral("failure")).toObject();
    QVERIFY(failure.value(QStringLiteral("retryAfterMs")).toInteger() > 0);
    QVERIFY(run.step(QStringLiteral("token"))
                .value(QStringLiteral("cause"))
                .toObject()
                .value(QStringLiteral("action"))
                .toString()
                .startsWith(QLatin1String("Wait ")));
    EXPECT_SECRET_FREE(run);
}

void TestDiagnosticsIntegration::badWebSocketHost()
{
    QStringList args = baseArgs(m_stack);
    args[args.indexOf(QStringLiteral("--ws-url")) + 1]
        = QStringLiteral("wss://no-such-host.invalid/connection/websocket");
    const Run run = diagnose(args);
    QCOMPARE(run.exitCode, 4);
    QCOMPARE(run.causeId(QStringLiteral("centrifugo")), QStringLiteral("dns-failure"));
    QVERIFY(run.step(QStringLiteral("centrifugo"))
                .value(QStringLiteral("cause"))
                .toObject()
                .value(QStringLiteral("action"))
                .toString()
                .contains(QLatin1String("--ws-url")));
    QCOMPARE(run.status(QStringLiteral("token")), QStringLiteral("ok"));
    QCOMPARE(run.status(QStringLiteral("websocket")), QStringLiteral("skipped"));
}

void TestDiagnosticsIntegration::badWebSocketPort()
{
    QStringList args = baseArgs(m_stack);
    args[args.indexOf(QStringLiteral("--ws-url")) + 1]
        = QStringLiteral("ws://127.0.0.1:%1/connection/websocket").arg(freePort());
    const Run run = diagnose(args);
    QCOMPARE(run.exitCode, 4);
    QCOMPARE(run.causeId(QStringLiteral("centrifugo")), QStringLiteral("refused"));
}

void TestDiagnosticsIntegration::badWebSocketPath()
{
    QStringList args = baseArgs(m_stack);
    QString& ws = args[args.indexOf(QStringLiteral("--ws-url")) + 1];
    ws.replace(QStringLiteral("/connection/websocket"), QStringLiteral("/websocket"));
    const Run run = diagnose(args);
    QCOMPARE(run.exitCode, 5);
    QCOMPARE(run.causeId(QStringLiteral("websocket")), QStringLiteral("websocket-http-404"));
    QCOMPARE(
        run.facts(QStringLiteral("websocket")).value(QStringLiteral("httpStatus")).toInt(), 404);
}

void TestDiagnosticsIntegration::untrustedCa()
{
    QStringList args = baseArgs(m_stack);
    args.remove(args.indexOf(QStringLiteral("--ca-cert")), 2);
    const Run run = diagnose(args);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.causeId(QStringLiteral("backend")), QStringLiteral("tls-untrusted"));
    QCOMPARE(run.causeId(QStringLiteral("centrifugo")), QStringLiteral("tls-untrusted"));
    const QJsonObject facts = run.facts(QStringLiteral("backend"));
    QVERIFY(facts.value(QStringLiteral("certificateIssuer"))
                .toString()
                .contains(QLatin1String("devstack CA")));
    QVERIFY(run.step(QStringLiteral("backend"))
                .value(QStringLiteral("cause"))
                .toObject()
                .value(QStringLiteral("action"))
                .toString()
                .contains(QLatin1String("--ca-cert")));
}

void TestDiagnosticsIntegration::wrongChannelTemplate()
{
    QStringList args = baseArgs(m_stack);
    args << QStringLiteral("--messages-channel") << QStringLiteral("org.{org}.messages");
    const Run run = diagnose(args);
    QCOMPARE(run.exitCode, 7);
    const QJsonObject step = run.step(QStringLiteral("subscribe:org.{org}.messages"));
    QCOMPARE(step.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(run.causeId(QStringLiteral("subscribe:org.{org}.messages")),
        QStringLiteral("centrifugo-103"));
    QVERIFY(step.value(QStringLiteral("cause"))
                .toObject()
                .value(QStringLiteral("text"))
                .toString()
                .contains(QLatin1String("(103): check the channel naming (org: vs org.) and "
                                        "that this user belongs to the organization")));
    QCOMPARE(step.value(QStringLiteral("subject")).toString(),
        QStringLiteral("org.%1.messages").arg(m_stack.firstOrganizationId()));
    // The tickets channel (colon) still subscribes, and the isolation check uses it.
    QCOMPARE(run.status(QStringLiteral("subscribe:org:{org}:tickets")), QStringLiteral("ok"));
    QVERIFY(run.step(QStringLiteral("isolation"))
                .value(QStringLiteral("subject"))
                .toString()
                .endsWith(QLatin1String(":tickets")));
}

void TestDiagnosticsIntegration::centrifugoStopped()
{
    QString error;
    QVERIFY2(m_stack.stopServer(QStringLiteral("centrifugo"), &error), qPrintable(error));
    const Run run = diagnose(baseArgs(m_stack));
    QVERIFY2(m_stack.startServer(QStringLiteral("centrifugo"), &error), qPrintable(error));
    QCOMPARE(run.exitCode, 5); // nginx is up (step 4 ok) and answers the upgrade with 502
    QCOMPARE(run.status(QStringLiteral("centrifugo")), QStringLiteral("ok"));
    QCOMPARE(run.causeId(QStringLiteral("websocket")), QStringLiteral("websocket-http-5xx"));
    const QJsonObject step = run.step(QStringLiteral("websocket"));
    QCOMPARE(step.value(QStringLiteral("failure")).toObject().value(QStringLiteral("code")).toInt(),
        502);
    QCOMPARE(
        step.value(QStringLiteral("cause")).toObject().value(QStringLiteral("title")).toString(),
        QStringLiteral("Realtime server down"));
}

void TestDiagnosticsIntegration::securedProfileHasNoWarning()
{
    DevstackProcess::Options options;
    options.profile = QStringLiteral("secure");
    DevstackProcess secure(options);
    QString error;
    QVERIFY2(secure.start(&error), qPrintable(error));
    const Run run = diagnose(baseArgs(secure), {}, secure.demoPassword());
    secure.stop();
    QVERIFY2(run.exitCode == 0, run.stdoutText.constData());
    QCOMPARE(run.status(QStringLiteral("isolation")), QStringLiteral("ok"));
    QCOMPARE(
        run.facts(QStringLiteral("isolation")).value(QStringLiteral("refusedWith")).toInt(), 103);
    // The real channels need subscription tokens there, fetched from the backend's route.
    QCOMPARE(run.facts(QStringLiteral("subscribe:org:{org}:messages"))
                 .value(QStringLiteral("subscriptionToken"))
                 .toBool(),
        true);
    QCOMPARE(run.summary.value(QStringLiteral("warnings")).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestDiagnosticsIntegration)
#include "tst_diagnostics_integration.moc"
