// `whatrack-inbox-cli listen` against what the real server will not do on demand (the fake
// server, tests/support/fakecentrifugo): an unreadable frame, a token route that fails, and a
// reader that stops reading stdout. The CLI keeps its connection in every case.

#include "tests/support/fakecentrifugo.h"
#include "tests/support/fakehttpserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using TestSupport::FakeCentrifugo;
using WhaTrack::Testing::FakeHttpServer;
using WhaTrack::Testing::HttpRequest;
using WhaTrack::Testing::HttpResponse;

#ifndef INBOX_CLI_BIN
#error "INBOX_CLI_BIN must point to the built whatrack-inbox-cli"
#endif

namespace {

QList<QJsonObject> events(const QByteArray& output)
{
    QList<QJsonObject> out;
    for (const QByteArray& line : output.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonDocument document = QJsonDocument::fromJson(line);
        if (!document.isObject()) {
            qWarning("not a JSON object: %s", line.left(200).constData());
            return {};
        }
        out << document.object();
    }
    return out;
}

QList<QJsonObject> named(const QList<QJsonObject>& all, const QString& event)
{
    QList<QJsonObject> out;
    for (const QJsonObject& object : all) {
        if (object.value(QStringLiteral("event")).toString() == event)
            out << object;
    }
    return out;
}

void start(QProcess& process, const QStringList& arguments)
{
    process.setProgram(QStringLiteral(INBOX_CLI_BIN));
    process.setArguments(QStringList {QStringLiteral("listen")} + arguments);
    process.start();
    QVERIFY(process.waitForStarted(5000));
}

} // namespace

class TestCliHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badFrameReconnectsInsteadOfExiting()
    {
        FakeCentrifugo server;
        QProcess cli;
        QByteArray out;
        connect(&cli, &QProcess::readyReadStandardOutput, this,
            [&] { out += cli.readAllStandardOutput(); });
        start(cli,
            {QStringLiteral("--ws-url"), server.url().toString(), QStringLiteral("--token"),
                QStringLiteral("t"), QStringLiteral("--channel"), QStringLiteral("ch")});
        QTRY_COMPARE_WITH_TIMEOUT(server.count(QStringLiteral("subscribe")), 1, 5000);
        server.sendRaw("<html><body>502 Bad Gateway</body></html>");
        // Reconnected after a backoff and subscribed again; still running.
        QTRY_COMPARE_WITH_TIMEOUT(server.count(QStringLiteral("subscribe")), 2, 5000);
        QCOMPARE(cli.state(), QProcess::Running);
        cli.terminate();
        // Not waitForFinished(): the fake server lives in this thread.
        QTRY_COMPARE_WITH_TIMEOUT(cli.state(), QProcess::NotRunning, 5000);
        out += cli.readAllStandardOutput();
        QCOMPARE(cli.exitCode(), 0); // was 3: a terminal disconnect
        const QList<QJsonObject> all = events(out);
        const QList<QJsonObject> errors = named(all, QStringLiteral("error"));
        QVERIFY(!errors.isEmpty());
        QCOMPARE(
            errors.first().value(QStringLiteral("type")).toString(), QStringLiteral("badProtocol"));
        QVERIFY(errors.first()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("could not be read")));
        bool reconnecting = false;
        for (const QJsonObject& event : named(all, QStringLiteral("connecting")))
            reconnecting |= event.value(QStringLiteral("code")).toInt() == 8;
        QVERIFY(reconnecting);
        QCOMPARE(named(all, QStringLiteral("connected")).size(), 2);
        QVERIFY(named(all, QStringLiteral("disconnected")).size() <= 1); // only ours at SIGTERM
    }

    void failingTokenRouteIsNotHammered_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addRow("http 500") << 500 << QByteArray("internal error");
        QTest::addRow("garbage body") << 200 << QByteArray("<html>sign in</html>");
    }

    void failingTokenRouteIsNotHammered()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        FakeCentrifugo server;
        FakeHttpServer tokens;
        QVERIFY(tokens.listen());
        tokens.setHandler(
            [status, body](const HttpRequest&) { return HttpResponse::json(status, body); });
        QProcess cli;
        QByteArray out;
        connect(&cli, &QProcess::readyReadStandardOutput, this,
            [&] { out += cli.readAllStandardOutput(); });
        start(cli,
            {QStringLiteral("--ws-url"), server.url().toString(), QStringLiteral("--token-url"),
                tokens.url(QStringLiteral("/token")).toString()});
        QTRY_COMPARE_WITH_TIMEOUT(tokens.requestCount(), 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(out.contains("\"type\":\"connectToken\""), 5000);
        // The reconnect backoff alone (0.5-1 s, 0.5-1.5 s...) would ask 3-4 more times in 3 s;
        // a failing token route waits at least 12 s.
        QTest::qWait(3000); // duration, not a wait for an event: no second ask
        QCOMPARE(tokens.requestCount(), 1);
        QCOMPARE(cli.state(), QProcess::Running);
        cli.terminate();
        QTRY_COMPARE_WITH_TIMEOUT(cli.state(), QProcess::NotRunning, 5000);
        QCOMPARE(server.connections, 0);
    }

    void tokenRouteRedirectIsNotFollowed()
    {
        // The request carries the user's credentials (--header): a redirect to another origin
        // must not get them. It is an error with its cause, not a resend.
        FakeHttpServer elsewhere;
        QVERIFY(elsewhere.listen());
        elsewhere.setHandler(
            [](const HttpRequest&) { return HttpResponse::json(200, R"({"token":"x"})"); });
        FakeHttpServer route;
        QVERIFY(route.listen());
        const QByteArray location = elsewhere.url(QStringLiteral("/steal")).toEncoded();
        route.setHandler([location](const HttpRequest&) {
            HttpResponse redirect;
            redirect.status = 307;
            redirect.headers.append(qMakePair(QByteArray("Location"), location));
            return redirect;
        });
        FakeCentrifugo server;
        QProcess cli;
        QByteArray out;
        connect(&cli, &QProcess::readyReadStandardOutput, this,
            [&] { out += cli.readAllStandardOutput(); });
        start(cli,
            {QStringLiteral("--ws-url"), server.url().toString(), QStringLiteral("--token-url"),
                route.url(QStringLiteral("/token")).toString(), QStringLiteral("--header"),
                QStringLiteral("Cookie: session=secret")});
        QTRY_VERIFY_WITH_TIMEOUT(out.contains("\"type\":\"connectToken\""), 5000);
        QCOMPARE(route.requestCount(), 1);
        QVERIFY(route.requests().first().headers.value("cookie").contains("session=secret"));
        QVERIFY(out.contains("redirects are not followed"));
        QCOMPARE(elsewhere.requestCount(), 0);
        cli.terminate();
        QTRY_COMPARE_WITH_TIMEOUT(cli.state(), QProcess::NotRunning, 5000);
    }

    void hugeTokenAnswerIsCutOff()
    {
        FakeCentrifugo server;
        FakeHttpServer tokens;
        QVERIFY(tokens.listen());
        tokens.setHandler([](const HttpRequest&) {
            return HttpResponse::json(200, QByteArray(20 * 1024 * 1024, 'x'));
        });
        QProcess cli;
        QByteArray out;
        connect(&cli, &QProcess::readyReadStandardOutput, this,
            [&] { out += cli.readAllStandardOutput(); });
        start(cli,
            {QStringLiteral("--ws-url"), server.url().toString(), QStringLiteral("--token-url"),
                tokens.url(QStringLiteral("/token")).toString()});
        QTRY_VERIFY_WITH_TIMEOUT(out.contains("\"type\":\"connectToken\""), 10000);
        QVERIFY2(out.contains("larger than 65536 bytes"), out.constData());
        cli.terminate();
        QTRY_COMPARE_WITH_TIMEOUT(cli.state(), QProcess::NotRunning, 5000);
    }

    void blockedOutputNeverBlocksPongs()
    {
        // stdout is a pipe nobody reads for now (a FIFO shrunk to one page): the old printer
        // blocked in fwrite() on the client's thread and the server got no pong.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray fifo = QFile::encodeName(dir.filePath(QStringLiteral("stdout")));
        QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
        const int reader = ::open(fifo.constData(), O_RDONLY | O_NONBLOCK);
        QVERIFY(reader >= 0);
        auto closeReader = qScopeGuard([reader] { ::close(reader); });
        ::fcntl(reader, F_SETPIPE_SZ, 4096);

        FakeCentrifugo server;
        QProcess cli;
        cli.setStandardOutputFile(QFile::decodeName(fifo));
        QByteArray err;
        connect(&cli, &QProcess::readyReadStandardError, this,
            [&] { err += cli.readAllStandardError(); });
        start(cli,
            {QStringLiteral("--ws-url"), server.url().toString(), QStringLiteral("--token"),
                QStringLiteral("t"), QStringLiteral("--channel"), QStringLiteral("ch")});
        QTRY_COMPARE_WITH_TIMEOUT(server.count(QStringLiteral("subscribe")), 1, 5000);

        // ~2.4 MB of publications: far more than the pipe and the CLI's 1 MiB queue hold.
        constexpr int published = 600;
        const QJsonObject data {{QStringLiteral("text"), QString(4000, QLatin1Char('x'))}};
        for (int i = 1; i <= published; ++i)
            server.publish(QStringLiteral("ch"), data, quint64(i));
        // The client keeps answering pings while nobody reads its output.
        for (int round = 1; round <= 3; ++round) {
            const int before = server.pongs;
            server.sendPing();
            QTRY_VERIFY_WITH_TIMEOUT(server.pongs > before, 5000);
        }
        QCOMPARE(cli.state(), QProcess::Running);

        // Now the reader reads: what was queued arrives, then the count of what was dropped.
        cli.terminate();
        QByteArray output;
        auto drain = [&] {
            char buffer[65536];
            for (;;) {
                const ssize_t n = ::read(reader, buffer, sizeof buffer);
                if (n <= 0)
                    return;
                output.append(buffer, qsizetype(n));
            }
        };
        QVERIFY(QTest::qWaitFor(
            [&] {
                drain();
                return cli.state() == QProcess::NotRunning;
            },
            15000));
        drain();
        QCOMPARE(cli.exitCode(), 0);

        const QList<QJsonObject> all = events(output);
        QVERIFY(!all.isEmpty());
        const int printed = int(named(all, QStringLiteral("publication")).size());
        qint64 dropped = 0;
        qint64 total = 0;
        for (const QJsonObject& report : named(all, QStringLiteral("dropped"))) {
            dropped += report.value(QStringLiteral("count")).toInteger();
            total = report.value(QStringLiteral("total")).toInteger();
        }
        qInfo("%d publications printed, %lld lines dropped of %d published", printed, dropped,
            published);
        QVERIFY2(dropped > 0, "no dropped lines reported");
        QCOMPARE(total, dropped);
        QVERIFY2(printed + dropped >= published,
            qPrintable(QStringLiteral("%1 printed + %2 dropped < %3")
                           .arg(printed)
                           .arg(dropped)
                           .arg(published)));
        QVERIFY2(printed > 0, "nothing printed once the reader read");
        err += cli.readAllStandardError();
        QVERIFY2(err.contains("dropped"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliHostile)
#include "tst_cli_hostile.moc"
