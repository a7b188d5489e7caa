// The diagnostics engine without servers: the order of its signals, what a failure skips, cancel,
// and reports that never carry the password.

#include "models/diagnostics/diagnosticsrunner.h"
#include "models/diagnostics/report.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace WhaTrack::Diagnostics;

class TestDiagnosticsRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nothingListening();
    void cancelSkipsTheRest();
    void badUrlsAreTheirStepsCause();

private:
    static int closedPort()
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost);
        return server.serverPort();
    }
    static DiagnosticsConfig config()
    {
        DiagnosticsConfig c;
        c.backendUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort()));
        c.wsUrl = QUrl(QStringLiteral("ws://127.0.0.1:%1/connection/websocket").arg(closedPort()));
        c.email = QStringLiteral("agent@example.com");
        c.password = QStringLiteral("hunter2-secret");
        c.waitPublicationSeconds = 5;
        c.stepTimeout = std::chrono::seconds(5);
        return c;
    }
};

void TestDiagnosticsRunner::nothingListening()
{
    DiagnosticsRunner runner;
    QSignalSpy planned(&runner, &DiagnosticsRunner::planned);
    QSignalSpy started(&runner, &DiagnosticsRunner::stepStarted);
    QSignalSpy finishedSteps(&runner, &DiagnosticsRunner::stepFinished);
    QSignalSpy finished(&runner, &DiagnosticsRunner::finished);
    runner.start(config());
    QVERIFY(runner.isRunning());
    QCOMPARE(planned.size(), 1);
    const auto plannedSteps = planned.first().first().value<QList<Step>>();
    // backend, sign-in, token, centrifugo, websocket, connect, 2 channels, isolation, publication
    QCOMPARE(plannedSteps.size(), 10);
    for (const Step& s : plannedSteps)
        QCOMPARE(s.status, StepStatus::Pending);
    QVERIFY(finished.wait(30000));
    QVERIFY(!runner.isRunning());
    // Only the backend and the Centrifugo host are tried; everything else depends on them.
    QCOMPARE(started.size(), 2);
    QCOMPARE(started.at(0).first().value<Step>().id, QStringLiteral("backend"));
    QCOMPARE(started.at(1).first().value<Step>().id, QStringLiteral("centrifugo"));
    QCOMPARE(finishedSteps.size(), 10);
    const QList<Step> steps = runner.steps();
    for (int i = 0; i < steps.size(); ++i) {
        QCOMPARE(finishedSteps.at(i).first().value<Step>().number, i + 1); // in order
        QCOMPARE(steps.at(i).status, (i == 0 || i == 3) ? StepStatus::Failed : StepStatus::Skipped);
    }
    QCOMPARE(steps.at(0).cause.id, QStringLiteral("refused"));
    QCOMPARE(steps.at(3).cause.id, QStringLiteral("refused"));
    QVERIFY(steps.at(1).skippedBecause.contains(QLatin1String("step 1")));
    QVERIFY(steps.at(4).skippedBecause.contains(QLatin1String("step 4")));
    const Summary summary = finished.first().first().value<Summary>();
    QCOMPARE(summary.firstFailedStep, 1);
    QCOMPARE(summary.failed, 2);
    QCOMPARE(summary.skipped, 8);
    QVERIFY(!summary.allPassed());
    // The reports hold the causes and never the password.
    const QString text = textReport(steps, summary);
    QVERIFY(text.contains(QLatin1String("Connection refused")));
    QVERIFY(text.contains(QLatin1String("What to do:")));
    QVERIFY(!text.contains(QLatin1String("hunter2")));
    const QByteArray json = jsonReport(steps, summary);
    QVERIFY(!json.contains("hunter2"));
    const QList<QByteArray> lines = json.trimmed().split('\n');
    QCOMPARE(lines.size(), 11);
    const QJsonObject last = QJsonDocument::fromJson(lines.last()).object();
    QCOMPARE(last.value(QStringLiteral("type")).toString(), QStringLiteral("summary"));
    QCOMPARE(last.value(QStringLiteral("firstFailedStep")).toInt(), 1);
}

void TestDiagnosticsRunner::cancelSkipsTheRest()
{
    DiagnosticsRunner runner;
    QSignalSpy finished(&runner, &DiagnosticsRunner::finished);
    // Canceled from a slot while step 1 runs, as a panel's Cancel button would.
    bool once = false;
    connect(&runner, &DiagnosticsRunner::stepStarted, &runner, [&] {
        if (!std::exchange(once, true))
            runner.cancel();
    });
    runner.start(config());
    QVERIFY(finished.wait(5000));
    const Summary summary = finished.first().first().value<Summary>();
    QVERIFY(summary.canceled);
    QCOMPARE(runner.steps().first().cause.id, QStringLiteral("canceled"));
    for (const Step& s : runner.steps().mid(1))
        QCOMPARE(s.status, StepStatus::Skipped);
}

void TestDiagnosticsRunner::badUrlsAreTheirStepsCause()
{
    DiagnosticsRunner runner;
    QSignalSpy finished(&runner, &DiagnosticsRunner::finished);
    DiagnosticsConfig c = config();
    c.backendUrl = QUrl(QStringLiteral("ftp://example.com"));
    c.wsUrl = QUrl(QStringLiteral("https://example.com/connection/websocket"));
    runner.start(c);
    QVERIFY(finished.wait(10000));
    const QList<Step> steps = runner.steps();
    QCOMPARE(steps.at(0).status, StepStatus::Failed);
    QVERIFY(steps.at(0).cause.action.contains(QLatin1String("--backend-url")));
    QCOMPARE(steps.at(3).status, StepStatus::Failed);
    QVERIFY(steps.at(3).cause.action.contains(QLatin1String("--ws-url")));
}

QTEST_GUILESS_MAIN(TestDiagnosticsRunner)
#include "tst_diagnostics_runner.moc"
