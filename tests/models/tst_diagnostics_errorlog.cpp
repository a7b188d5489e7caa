// The connection error log: the last 20 errors with causes, and "retrying in 7 s, attempt 4".

#include "models/diagnostics/errorlog.h"
#include "realtime/client.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace WhaTrack::Diagnostics;

class TestDiagnosticsErrorLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsTheLastTwenty();
    void retrySchedule();
    void realClientAgainstAClosedPort();
};

void TestDiagnosticsErrorLog::keepsTheLastTwenty()
{
    ConnectionErrorLog log;
    QSignalSpy recorded(&log, &ConnectionErrorLog::errorRecorded);
    for (int i = 0; i < 25; ++i)
        log.record(Failure::make(Where::Connect, Kind::Disconnect, 3000 + i));
    log.record(Failure {}); // nothing to record
    QCOMPARE(recorded.size(), 25);
    const QList<LoggedError> entries = log.entries();
    QCOMPARE(entries.size(), 20);
    QCOMPARE(entries.first().failure.code, 3005); // the oldest five dropped
    QCOMPARE(entries.last().failure.code, 3024);
    QCOMPARE(entries.last().cause.id, QStringLiteral("disconnect-3024"));
    QVERIFY(entries.first().time <= entries.last().time);
    QCOMPARE(entries.first().time.timeSpec(), Qt::UTC);
    log.clear();
    QVERIFY(log.entries().isEmpty());
}

void TestDiagnosticsErrorLog::retrySchedule()
{
    ConnectionErrorLog log;
    QSignalSpy changed(&log, &ConnectionErrorLog::retryScheduleChanged);
    QVERIFY(log.retryText().isEmpty());
    log.onReconnectScheduled(4, 7000);
    QCOMPARE(changed.size(), 1);
    const QDateTime now = log.retryDue().addMSecs(-6500);
    QCOMPARE(log.retryText(now), QStringLiteral("retrying in 7 s, attempt 4"));
    QCOMPARE(log.retryText(log.retryDue().addSecs(1)), QStringLiteral("retrying now, attempt 4"));
    log.onConnected();
    QCOMPARE(log.retryAttempt(), 0);
    QVERIFY(log.retryText().isEmpty());
    QCOMPARE(changed.size(), 2);
    log.onConnecting(3012, QStringLiteral("no pong"));
    QCOMPARE(log.entries().last().cause.id, QStringLiteral("disconnect-3012"));
    log.onConnecting(0, QStringLiteral("connect called")); // not an error
    QCOMPARE(log.entries().size(), 1);
}

void TestDiagnosticsErrorLog::realClientAgainstAClosedPort()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    const quint16 port = server.serverPort();
    server.close();
    Centrifuge::ClientOptions options;
    options.token = QStringLiteral("x.y.z");
    options.watchNetworkReachability = false;
    options.minReconnectDelay = std::chrono::milliseconds(5000);
    Centrifuge::Client client(
        QUrl(QStringLiteral("ws://127.0.0.1:%1/connection/websocket").arg(port)), options);
    ConnectionErrorLog log;
    log.watch(&client);
    QSignalSpy recorded(&log, &ConnectionErrorLog::errorRecorded);
    QSignalSpy scheduled(&log, &ConnectionErrorLog::retryScheduleChanged);
    client.connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(!scheduled.isEmpty(), 10000);
    QVERIFY(!recorded.isEmpty());
    QCOMPARE(log.entries().first().cause.id, QStringLiteral("refused"));
    QCOMPARE(log.retryAttempt(), 1);
    QVERIFY(log.retryText().startsWith(QLatin1String("retrying in ")));
    QVERIFY(log.retryText().endsWith(QLatin1String(", attempt 1")));
    client.close();
}

QTEST_GUILESS_MAIN(TestDiagnosticsErrorLog)
#include "tst_diagnostics_errorlog.moc"
