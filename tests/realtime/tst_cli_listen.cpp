// `whatrack-inbox-cli listen` end to end: the built console against the REAL Centrifugo.

#include "tests/support/fakehttpserver.h"
#include "tests/support/localcentrifugo.h"
#include "tests/support/testcertificates.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <csignal>

using TestSupport::LocalCentrifugo;
using WhaTrack::Testing::FakeHttpServer;
using WhaTrack::Testing::HttpRequest;
using WhaTrack::Testing::HttpResponse;

#ifndef INBOX_CLI_BIN
#error "INBOX_CLI_BIN must point to the built whatrack-inbox-cli"
#endif

class TestCliListen : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalCentrifugo> m_server;

    //! Lines of stdout parsed as JSON objects; fails the test on a line that is not one.
    static QList<QJsonObject> events(const QByteArray& output)
    {
        QList<QJsonObject> out;
        for (const QByteArray& line : output.split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(line, &error);
            if (!document.isObject()) {
                qWarning("not a JSON object: %s", line.constData());
                return {};
            }
            out << document.object();
        }
        return out;
    }
    static QJsonObject first(const QList<QJsonObject>& all, const QString& event)
    {
        for (const QJsonObject& object : all) {
            if (object.value(QStringLiteral("event")).toString() == event)
                return object;
        }
        return {};
    }
    //! Starts the CLI; stdout accumulates in \a out.
    static void start(QProcess& process, const QStringList& arguments)
    {
        process.setProgram(QStringLiteral(INBOX_CLI_BIN));
        process.setArguments(QStringList {QStringLiteral("listen")} + arguments);
        process.start();
        QVERIFY(process.waitForStarted(5000));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<LocalCentrifugo>();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }
    void cleanupTestCase() { m_server.reset(); }

    void printsEventsAndExitsZeroAfterDuration()
    {
        const QString token = m_server->token(QStringLiteral("cli"));
        QProcess cli;
        QByteArray out;
        connect(&cli, &QProcess::readyReadStandardOutput, this,
            [&] { out += cli.readAllStandardOutput(); });
        start(cli,
            {QStringLiteral("--ws-url"), m_server->wsUrl().toString(), QStringLiteral("--token"),
                token, QStringLiteral("--channel"), QStringLiteral("pub:cli"),
                QStringLiteral("--duration"), QStringLiteral("3")});
        QTRY_VERIFY_WITH_TIMEOUT(out.contains("\"event\":\"subscribed\""), 5000);
        QString error;
        const quint64 offset = m_server->publish(QStringLiteral("pub:cli"),
            QJsonObject {{QStringLiteral("text"), QStringLiteral("hi")}}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(cli.waitForFinished(8000));
        out += cli.readAllStandardOutput();
        const QByteArray err = cli.readAllStandardError();
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 0);
        QVERIFY2(!err.contains(token.toLatin1()), "token leaked to stderr");
        QVERIFY2(!out.contains(token.toLatin1()), "token leaked to stdout");

        const QList<QJsonObject> all = events(out);
        QVERIFY(!all.isEmpty());
        for (const QJsonObject& event : all)
            QVERIFY(event.value(QStringLiteral("ts")).toInteger() > 1'600'000'000'000);
        QCOMPARE(first(all, QStringLiteral("connecting")).value(QStringLiteral("code")).toInt(), 0);
        QCOMPARE(first(all, QStringLiteral("connected"))
                     .value(QStringLiteral("version"))
                     .toString()
                     .isEmpty(),
            false);
        const QJsonObject subscribed = first(all, QStringLiteral("subscribed"));
        QCOMPARE(subscribed.value(QStringLiteral("channel")).toString(), QStringLiteral("pub:cli"));
        QCOMPARE(subscribed.value(QStringLiteral("recoverable")).toBool(), true);
        QCOMPARE(subscribed.value(QStringLiteral("serverSide")).toBool(), false);
        QVERIFY(subscribed.contains(QStringLiteral("wasRecovering")));
        QVERIFY(subscribed.contains(QStringLiteral("epoch")));
        const QJsonObject publication = first(all, QStringLiteral("publication"));
        QCOMPARE(quint64(publication.value(QStringLiteral("offset")).toInteger()), offset);
        QCOMPARE(publication.value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("text"))
                     .toString(),
            QStringLiteral("hi"));
    }

    void serverSideSubscriptionsAndSignal()
    {
        // A `channels` claim makes server-side subscriptions; SIGTERM ends with status 0.
        const QString token = m_server->token(QStringLiteral("cli2"), 3600,
            QJsonObject {
                {QStringLiteral("channels"), QJsonArray {QStringLiteral("pub:server-side")}}});
        QProcess cli;
        QByteArray out;
        connect(&cli, &QProcess::readyReadStandardOutput, this,
            [&] { out += cli.readAllStandardOutput(); });
        start(cli,
            {QStringLiteral("--ws-url"), m_server->wsUrl().toString(), QStringLiteral("--token"),
                token});
        QTRY_VERIFY_WITH_TIMEOUT(out.contains("\"event\":\"subscribed\""), 5000);
        m_server->publish(
            QStringLiteral("pub:server-side"), QJsonObject {{QStringLiteral("n"), 1}});
        QTRY_VERIFY_WITH_TIMEOUT(out.contains("\"event\":\"publication\""), 5000);
        ::kill(pid_t(cli.processId()), SIGTERM);
        QVERIFY(cli.waitForFinished(5000));
        out += cli.readAllStandardOutput();
        QCOMPARE(cli.exitCode(), 0);
        const QList<QJsonObject> all = events(out);
        QCOMPARE(
            first(all, QStringLiteral("subscribed")).value(QStringLiteral("serverSide")).toBool(),
            true);
        QCOMPARE(
            first(all, QStringLiteral("publication")).value(QStringLiteral("channel")).toString(),
            QStringLiteral("pub:server-side"));
    }

    void tokenUrlHeadersAndTerminalDisconnect()
    {
        LocalCentrifugo* server = m_server.get();
        FakeHttpServer tokens;
        QVERIFY(tokens.listen());
        tokens.setHandler([server](const HttpRequest& request) {
            if (request.headers.value("authorization") != "Bearer session-cookie")
                return HttpResponse::json(401, R"({"error":"no"})");
            if (request.path == QLatin1String("/sub"))
                return HttpResponse::json(200,
                    QJsonDocument(QJsonObject {{QStringLiteral("token"),
                                      server->subscriptionToken(QStringLiteral("cli3"),
                                          QJsonDocument::fromJson(request.body)
                                              .object()
                                              .value(QStringLiteral("channel"))
                                              .toString())}})
                        .toJson());
            return HttpResponse::json(200,
                QJsonDocument(
                    QJsonObject {{QStringLiteral("token"), server->token(QStringLiteral("cli3"))}})
                    .toJson());
        });
        QProcess cli;
        QByteArray out;
        connect(&cli, &QProcess::readyReadStandardOutput, this,
            [&] { out += cli.readAllStandardOutput(); });
        start(cli,
            {QStringLiteral("--ws-url"), m_server->wsUrl().toString(),
                QStringLiteral("--token-url"), tokens.url(QStringLiteral("/token")).toString(),
                QStringLiteral("--subscription-token-url"),
                tokens.url(QStringLiteral("/sub")).toString(), QStringLiteral("--header"),
                QStringLiteral("Authorization: Bearer session-cookie"), QStringLiteral("--channel"),
                QStringLiteral("sec:cli")});
        QTRY_VERIFY_WITH_TIMEOUT(out.contains("\"event\":\"subscribed\""), 5000);
        QCOMPARE(tokens.requestCount(), 2);
        QCOMPARE(tokens.requests().at(1).method, QByteArray("POST"));
        QString error;
        m_server->api(QStringLiteral("disconnect"),
            QJsonObject {{QStringLiteral("user"), QStringLiteral("cli3")},
                {QStringLiteral("disconnect"),
                    QJsonObject {{QStringLiteral("code"), 4501},
                        {QStringLiteral("reason"), QStringLiteral("bye")}}}},
            &error);
        QTRY_COMPARE_WITH_TIMEOUT(cli.state(), QProcess::NotRunning, 5000);
        out += cli.readAllStandardOutput();
        QCOMPARE(cli.exitCode(), 3);
        const QJsonObject disconnected = first(events(out), QStringLiteral("disconnected"));
        QCOMPARE(disconnected.value(QStringLiteral("code")).toInt(), 4501);
        QCOMPARE(disconnected.value(QStringLiteral("reason")).toString(), QStringLiteral("bye"));
    }

    void unauthorizedTokenUrlIsTerminal()
    {
        FakeHttpServer tokens;
        QVERIFY(tokens.listen());
        tokens.setHandler([](const HttpRequest&) { return HttpResponse::json(403, "{}"); });
        QProcess cli;
        start(cli,
            {QStringLiteral("--ws-url"), m_server->wsUrl().toString(),
                QStringLiteral("--token-url"), tokens.url(QStringLiteral("/token")).toString()});
        // Not waitForFinished(): the token server lives in this thread and must keep answering.
        QTRY_COMPARE_WITH_TIMEOUT(cli.state(), QProcess::NotRunning, 5000);
        QCOMPARE(cli.exitCode(), 3);
        QCOMPARE(tokens.requestCount(), 1); // no retry loop
        const QJsonObject disconnected
            = first(events(cli.readAllStandardOutput()), QStringLiteral("disconnected"));
        QCOMPARE(disconnected.value(QStringLiteral("code")).toInt(), 1);
    }

    void caCertConnectsOverWss()
    {
        // The real Centrifugo serving wss:// with a certificate of a private CA.
        TestSupport::TestCertificates certificates;
        QString error;
        QVERIFY2(certificates.generate(&error), qPrintable(error));
        LocalCentrifugo::Options options;
        options.tlsCertificateFile = certificates.certificatePath();
        options.tlsKeyFile = certificates.keyPath();
        LocalCentrifugo server(options);
        QVERIFY2(server.start(&error), qPrintable(error));
        QCOMPARE(server.wsUrl().scheme(), QStringLiteral("wss"));
        const QString token = server.token(QStringLiteral("cli-tls"));

        // Without the CA: the certificate problem is printed in plain words, again and again
        // (the client keeps retrying), and nothing connects.
        QProcess untrusting;
        start(untrusting,
            {QStringLiteral("--ws-url"), server.wsUrl().toString(), QStringLiteral("--token"),
                token, QStringLiteral("--channel"), QStringLiteral("pub:tls"),
                QStringLiteral("--duration"), QStringLiteral("2")});
        QVERIFY(untrusting.waitForFinished(8000));
        QCOMPARE(untrusting.exitCode(), 0); // not terminal: it would have kept trying
        const QList<QJsonObject> refused = events(untrusting.readAllStandardOutput());
        int tlsErrors = 0;
        for (const QJsonObject& event : refused) {
            const QString name = event.value(QStringLiteral("event")).toString();
            QVERIFY2(name != QStringLiteral("connected") && name != QStringLiteral("subscribed"),
                qPrintable(name));
            if (name != QStringLiteral("error"))
                continue;
            QCOMPARE(event.value(QStringLiteral("type")).toString(), QStringLiteral("transport"));
            QVERIFY2(
                event.value(QStringLiteral("message"))
                    .toString()
                    .startsWith(QStringLiteral("TLS: the server's certificate is not trusted")),
                qPrintable(event.value(QStringLiteral("message")).toString()));
            ++tlsErrors;
        }
        QVERIFY2(tlsErrors >= 2, "expected a TLS error for every attempt");

        // With --ca-cert: connected, subscribed, publications arrive.
        QProcess cli;
        QByteArray out;
        connect(&cli, &QProcess::readyReadStandardOutput, this,
            [&] { out += cli.readAllStandardOutput(); });
        start(cli,
            {QStringLiteral("--ws-url"), server.wsUrl().toString(), QStringLiteral("--token"),
                token, QStringLiteral("--channel"), QStringLiteral("pub:tls"),
                QStringLiteral("--ca-cert"), certificates.caPath(), QStringLiteral("--duration"),
                QStringLiteral("3")});
        QTRY_VERIFY_WITH_TIMEOUT(out.contains("\"event\":\"subscribed\""), 5000);
        server.publish(QStringLiteral("pub:tls"), QJsonObject {{QStringLiteral("over"), 1}});
        QTRY_VERIFY_WITH_TIMEOUT(out.contains("\"event\":\"publication\""), 5000);
        QVERIFY(cli.waitForFinished(8000));
        out += cli.readAllStandardOutput();
        QCOMPARE(cli.exitCode(), 0);
        const QList<QJsonObject> all = events(out);
        QVERIFY(!first(all, QStringLiteral("connected")).isEmpty());
        QVERIFY(first(all, QStringLiteral("error")).isEmpty());
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addRow("no url") << QStringList {QStringLiteral("--token"), QStringLiteral("x")};
        QTest::addRow("http url") << QStringList {QStringLiteral("--ws-url"),
            QStringLiteral("http://x"), QStringLiteral("--token"), QStringLiteral("x")};
        QTest::addRow("no token") << QStringList {
            QStringLiteral("--ws-url"), QStringLiteral("ws://x")};
        QTest::addRow("both tokens") << QStringList {QStringLiteral("--ws-url"),
            QStringLiteral("ws://x"), QStringLiteral("--token"), QStringLiteral("x"),
            QStringLiteral("--token-url"), QStringLiteral("http://t")};
        QTest::addRow("bad duration") << QStringList {QStringLiteral("--ws-url"),
            QStringLiteral("ws://x"), QStringLiteral("--token"), QStringLiteral("x"),
            QStringLiteral("--duration"), QStringLiteral("soon")};
        QTest::addRow("bad header") << QStringList {QStringLiteral("--ws-url"),
            QStringLiteral("ws://x"), QStringLiteral("--token"), QStringLiteral("x"),
            QStringLiteral("--header"), QStringLiteral("nocolon")};
        QTest::addRow("unknown option")
            << QStringList {QStringLiteral("--ws-url"), QStringLiteral("ws://x"),
                   QStringLiteral("--token"), QStringLiteral("x"), QStringLiteral("--frobnicate")};
        QTest::addRow("missing ca file") << QStringList {QStringLiteral("--ws-url"),
            QStringLiteral("wss://x"), QStringLiteral("--token"), QStringLiteral("x"),
            QStringLiteral("--ca-cert"), QStringLiteral("/nonexistent.pem")};
    }
    void badArguments()
    {
        QFETCH(QStringList, arguments);
        QProcess cli;
        start(cli, arguments);
        QVERIFY(cli.waitForFinished(5000));
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY(cli.readAllStandardOutput().isEmpty());
    }

    void unknownSubcommand()
    {
        QProcess cli;
        cli.start(QStringLiteral(INBOX_CLI_BIN), {QStringLiteral("frobnicate")});
        QVERIFY(cli.waitForFinished(5000));
        QCOMPARE(cli.exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(TestCliListen)
#include "tst_cli_listen.moc"
