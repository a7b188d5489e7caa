// The Connection details dialog and its "Copy report": every fact the brief lists is there,
// countdowns move, and nothing secret (tokens, cookies, message text, query strings) leaks.

#include "models/api/apierror.h"
#include "models/diagnostics/causeadapters.h"
#include "models/diagnostics/report.h"
#include "tests/support/manualclock.h"
#include "ui/connectiondetailsdialog.h"
#include "ui/connectiondiagnostics.h"
#include "ui/connectionmonitor.h"
#include "ui/connectionreport.h"
#include "ui/diagnosticsstepsview.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace WhaTrack::Ui;
using State = Centrifuge::Client::State;
using SubState = Centrifuge::Subscription::State;
namespace Diag = WhaTrack::Diagnostics;

namespace {

// Planted secrets: none of them may appear in a report, however they reached the app.
const QString kToken = QStringLiteral(
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2VudC0xIiwiZXhwIjo5OTk5OTk5OTk5fQ.c2VjcmV0LXNpZw");
const QString kCookie = QStringLiteral("better-auth.session_token=CookieValue4242");
const QString kPassword = QStringLiteral("Hunter2-Plant!");
const QString kBody = QStringLiteral("Meu CPF e 123.456.789-00, PIX pendente");

Diag::Step step(int number, Diag::StepKind kind, const QString& title, Diag::StepStatus status,
    qint64 ms = 0, Diag::Failure failure = {})
{
    Diag::Step s;
    s.number = number;
    s.kind = kind;
    s.id = Diag::stepKindName(kind);
    s.title = title;
    s.status = status;
    s.durationMs = ms;
    s.failure = failure;
    s.cause = Diag::explain(failure);
    return s;
}

//! Every text the dialog shows (labels, tab titles), to check what the agent reads.
QString shownText(const QWidget& w)
{
    QStringList texts;
    for (QLabel* label : w.findChildren<QLabel*>()) {
        texts << label->text();
    }
    if (auto* tabs = w.findChild<QTabWidget*>()) {
        for (int i = 0; i < tabs->count(); ++i)
            texts << tabs->tabText(i);
    }
    return texts.join(QLatin1Char('\n'));
}

} // namespace

class TstConnectionDetails : public QObject
{
    Q_OBJECT

    std::unique_ptr<WhaTrack::Testing::ManualClock> m_clock; //!< a new one per test function
    std::unique_ptr<ConnectionMonitor> m_monitor;
    const QString m_channel = QStringLiteral("org:org_1:messages");

    QString report() const
    {
        return ConnectionReport::text(
            m_monitor->snapshot(), m_clock->nowMs(), QDateTime::currentDateTime());
    }

private Q_SLOTS:
    void init()
    {
        QTest::failOnWarning(
            QRegularExpression(QStringLiteral("^(?!This plugin does not support).*")));
        m_monitor.reset();
        m_clock = std::make_unique<WhaTrack::Testing::ManualClock>();
        m_clock->setNowMs(50000);
        m_monitor = std::make_unique<ConnectionMonitor>(m_clock.get());
        m_monitor->setEndpoints(
            QUrl(QStringLiteral("https://agent:hunter2@app.example.com/?session=abc#x")),
            QUrl(QStringLiteral("wss://rt.example.com/connection/"
                                "websocket?token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig")));
        m_monitor->setChannels({m_channel, QStringLiteral("org:org_1:tickets")});
        m_monitor->start();
    }

    void reportHasEveryFact()
    {
        m_monitor->onStateChanged(State::Connecting);
        m_monitor->onConnecting(1, QStringLiteral("transport closed"));
        m_monitor->onDisconnected(3001, QStringLiteral("shutdown"));
        m_monitor->onReconnectScheduled(4, 12000);
        m_monitor->onTokenFetch(false, QStringLiteral("HTTP 429 too many requests, retry in 30 s"));
        m_monitor->onRestCall(QStringLiteral("GET /api/v1/whatsapp/chats"), 200, 42, {});
        m_monitor->onSubscriptionState(m_channel, SubState::Subscribed);
        m_monitor->onPublication(m_channel);
        m_clock->advance(2000);
        const QString text = report();
        for (const char* needle :
            {"https://app.example.com/", "wss://rt.example.com/connection/websocket", "colon style",
                m_channel.toLatin1().constData(), "subscribed", "last publication",
                "Reconnect attempt: 4", "Retrying in 10 s, attempt 4", "HTTP 429", "GET",
                "/api/v1/whatsapp/chats", "HTTP 200 · 42 ms"}) {
            QVERIFY2(text.contains(QString::fromUtf8(needle)), needle);
        }
        // Connecting and disconnected events in the table's words, with their codes.
        const QString lost
            = Diag::explain(Diag::fromConnecting(1, QStringLiteral("transport closed"))).title;
        const QString shutdown
            = Diag::explain(Diag::fromDisconnect(3001, QStringLiteral("shutdown"))).title;
        QVERIFY2(text.contains(lost + QStringLiteral(" (1)")), qPrintable(text));
        QVERIFY2(text.contains(shutdown + QStringLiteral(" (3001)")), qPrintable(text));
        QVERIFY2(text.contains(Diag::explain(
                     Diag::Failure::make(Diag::Where::TokenRoute, Diag::Kind::HttpStatus, 429))
                                   .title),
            qPrintable(text));
    }

    void reportIsRedacted()
    {
        m_monitor->onError(Centrifuge::ErrorType::Transport, 0,
            QStringLiteral("handshake failed token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln "
                           "password: hunter2"));
        const QString text = report();
        QVERIFY(!text.contains(QStringLiteral("hunter2")));
        QVERIFY(!text.contains(QStringLiteral("eyJ")));
        QVERIFY(!text.contains(QStringLiteral("session=abc")));
        QVERIFY(!text.contains(QStringLiteral("#x")));
        QVERIFY(text.contains(QStringLiteral("[redacted]")));
        QCOMPARE(
            ConnectionReport::redact(QStringLiteral("Cookie: better-auth.session_token=s3cr3t; x")),
            QStringLiteral("Cookie: [redacted]; x"));
    }

    void tokenExpiryCountsDown()
    {
        m_monitor->onTokenRefreshed(3600);
        const auto expiry = [this] {
            for (const auto& s : ConnectionReport::sections(
                     m_monitor->snapshot(), m_clock->nowMs(), QDateTime::currentDateTime())) {
                for (const auto& r : s.rows) {
                    if (r.label == QLatin1String("Expiry"))
                        return r.value;
                }
            }
            return QString();
        };
        QCOMPARE(expiry(), QStringLiteral("expires in 1 h 00 min"));
        m_clock->advance(3599 * 1000);
        QCOMPARE(expiry(), QStringLiteral("expires in 1 s"));
        m_clock->advance(2000);
        QCOMPARE(expiry(), QStringLiteral("expired"));
    }

    void stepsFromARunAreShownLive()
    {
        ConnectionDiagnostics diagnostics;
        m_monitor->setDiagnostics(&diagnostics);
        ConnectionDetailsDialog dialog(m_monitor.get());
        dialog.show();
        auto* view = dialog.stepsView();
        QVERIFY(view);

        using K = Diag::StepKind;
        using S = Diag::StepStatus;
        QList<Diag::Step> plan {
            step(1, K::Backend, QStringLiteral("WhaTrack server reachable"), S::Pending),
            step(2, K::SignIn, QStringLiteral("Signed in"), S::Pending),
            step(3, K::Centrifugo, QStringLiteral("Realtime server reachable"), S::Pending),
            step(4, K::WebSocket, QStringLiteral("WebSocket upgrade"), S::Pending),
            step(5, K::Connect, QStringLiteral("Centrifugo connect"), S::Pending),
            step(6, K::Isolation, QStringLiteral("Channels are protected"), S::Pending),
        };
        diagnostics.onPlanned(plan);
        QCOMPARE(view->rowTexts().size(), 6);
        QVERIFY(view->rowTexts().at(0).contains(QStringLiteral("waiting")));

        // Live: a step that starts shows as running, then its outcome and time.
        Diag::Step s1 = plan.at(0);
        s1.status = S::Running;
        diagnostics.onStepStarted(s1);
        QVERIFY2(view->rowTexts().at(0).contains(QStringLiteral("running")),
            qPrintable(view->rowTexts().at(0)));
        s1 = step(1, K::Backend, QStringLiteral("WhaTrack server reachable"), S::Ok, 61);
        s1.facts.insert(QStringLiteral("httpStatus"), 200);
        diagnostics.onStepFinished(s1);
        QVERIFY2(view->rowTexts().at(0).contains(QStringLiteral("ok · 61 ms")),
            qPrintable(view->rowTexts().at(0)));
        QVERIFY(view->rowTexts().at(0).contains(QStringLiteral("HTTP 200")));

        diagnostics.onStepFinished(step(2, K::SignIn, QStringLiteral("Signed in"), S::Ok, 30));
        diagnostics.onStepFinished(
            step(3, K::Centrifugo, QStringLiteral("Realtime server reachable"), S::Ok, 5));
        const Diag::Failure badGateway = Diag::fromTransportText(Diag::Where::WebSocket,
            QStringLiteral("QWebSocketPrivate::processHandshake: Unhandled http status code: 502 "
                           "(Bad Gateway)."));
        diagnostics.onStepFinished(
            step(4, K::WebSocket, QStringLiteral("WebSocket upgrade"), S::Failed, 9, badGateway));
        Diag::Step skipped = step(5, K::Connect, QStringLiteral("Centrifugo connect"), S::Skipped);
        skipped.skippedBecause = QStringLiteral("step 4 (WebSocket upgrade) failed");
        diagnostics.onStepFinished(skipped);
        Diag::Failure breach
            = Diag::Failure::make(Diag::Where::Isolation, Diag::Kind::IsolationBreach, 0, {});
        breach.subject = QStringLiteral("org:other:messages");
        diagnostics.onStepFinished(
            step(6, K::Isolation, QStringLiteral("Channels are protected"), S::Warning, 3, breach));
        Diag::Summary summary = Diag::summarize(diagnostics.steps(), 120, false);
        diagnostics.onFinished(summary);

        const QStringList rows = view->rowTexts();
        const Diag::Cause down = Diag::explain(badGateway);
        QVERIFY2(rows.at(3).contains(QStringLiteral("failed · 9 ms")), qPrintable(rows.at(3)));
        QVERIFY2(rows.at(3).contains(down.title), qPrintable(rows.at(3)));
        QVERIFY2(rows.at(3).contains(QStringLiteral("What to do: ") + down.action),
            qPrintable(rows.at(3)));
        QVERIFY2(rows.at(4).contains(QStringLiteral("skipped")), qPrintable(rows.at(4)));
        QVERIFY2(rows.at(4).contains(QStringLiteral("step 4")), qPrintable(rows.at(4)));
        QVERIFY2(rows.at(5).contains(QStringLiteral("warning")), qPrintable(rows.at(5)));

        // The first failure and the tenant-isolation warning are banners above the rows.
        const QString banners = view->bannerTexts().join(QLatin1Char('\n'));
        QVERIFY2(banners.contains(QStringLiteral("Step 4 failed")), qPrintable(banners));
        QVERIFY2(banners.contains(QStringLiteral("Security warning")), qPrintable(banners));
        QVERIFY2(banners.contains(Diag::explain(breach).action), qPrintable(banners));
        QVERIFY(dialog.findChild<QWidget*>(QStringLiteral("securityBanner")));

        // No raw Qt text anywhere on screen; it stays in the report's technical details.
        QVERIFY(!shownText(dialog).contains(QStringLiteral("QWebSocketPrivate")));
        QVERIFY(!shownText(dialog).contains(QStringLiteral("Unhandled http status")));
        QVERIFY(dialog.reportText().contains(QStringLiteral("4. [FAILED] WebSocket upgrade")));
        dialog.grab();
        m_monitor->setDiagnostics(nullptr);
    }

    void diagnosticsProbesAreNotAppErrors()
    {
        // The run asks the app's REST client for a subscription token of a channel that may be
        // refused: that is a finding of the run (its step), not an error of the app.
        ConnectionDiagnostics diagnostics;
        m_monitor->setDiagnostics(&diagnostics);
        const auto refused = WhaTrack::ApiError::make(
            WhaTrack::ApiError::Kind::Forbidden, QStringLiteral("not a member"), 403);
        diagnostics.onPlanned({step(
            1, Diag::StepKind::Subscribe, QStringLiteral("Subscribe"), Diag::StepStatus::Pending)});
        m_monitor->onRestResult(
            QStringLiteral("POST /api/v1/centrifugo/subscription-token"), 403, 5, refused);
        QVERIFY(m_monitor->snapshot().errors.isEmpty());
        diagnostics.onFinished(Diag::Summary {});
        m_monitor->onRestResult(
            QStringLiteral("POST /api/v1/centrifugo/subscription-token"), 403, 5, refused);
        QCOMPARE(m_monitor->snapshot().errors.size(), 1);
        m_monitor->setDiagnostics(nullptr);
    }

    void runButtonRunsTheEngine()
    {
        ConnectionDiagnostics diagnostics;
        m_monitor->setDiagnostics(&diagnostics);
        ConnectionDetailsDialog dialog(m_monitor.get());
        auto* run = dialog.findChild<QPushButton*>(QStringLiteral("runDiagnostics"));
        QVERIFY(run);
        // Without the app's settings there is nothing to run with.
        QVERIFY(!run->isEnabled());
        diagnostics.setConfigSource([] {
            Diag::DiagnosticsConfig c;
            // Port 1 on loopback: refused at once, no server needed.
            c.backendUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
            c.wsUrl = QUrl(QStringLiteral("ws://127.0.0.1:1/connection/websocket"));
            c.email = QStringLiteral("agent@example.com");
            c.password = kPassword;
            c.checkIsolation = false;
            c.stepTimeout = std::chrono::milliseconds(5000);
            return c;
        });
        dialog.refresh();
        QVERIFY(run->isEnabled());
        QSignalSpy finished(&diagnostics, &ConnectionDiagnostics::finished);
        run->click();
        QVERIFY(!run->isEnabled()); // one run at a time
        QVERIFY(finished.wait(30000));
        QVERIFY(run->isEnabled());
        const QStringList rows = dialog.stepsView()->rowTexts();
        QVERIFY(rows.size() >= 6);
        QVERIFY2(rows.at(0).contains(QStringLiteral("failed")), qPrintable(rows.at(0)));
        QVERIFY2(rows.at(0).contains(QStringLiteral("Connection refused")), qPrintable(rows.at(0)));
        QVERIFY(!dialog.reportText().contains(kPassword));
        m_monitor->setDiagnostics(nullptr);
    }

    void historyKeepsTheLastTwenty()
    {
        for (int i = 0; i < 25; ++i)
            m_monitor->onUnsubscribed(
                QStringLiteral("org:org_%1:messages").arg(i), 103, QStringLiteral("denied"));
        const auto& errors = m_monitor->snapshot().errors;
        QCOMPARE(errors.size(), ConnectionSnapshot::kMaxErrors);
        QCOMPARE(errors.size(), 20);
        // Newest first; the oldest five are gone.
        QCOMPARE(errors.first().failure.subject, QStringLiteral("org:org_24:messages"));
        QCOMPARE(errors.last().failure.subject, QStringLiteral("org:org_5:messages"));
        // A reconnect loop repeating one failure is counted, not pushed 20 times.
        for (int i = 0; i < 30; ++i)
            m_monitor->onError(
                Centrifuge::ErrorType::Transport, 0, QStringLiteral("Connection refused"));
        QCOMPARE(m_monitor->snapshot().errors.size(), 20);
        QCOMPARE(m_monitor->snapshot().errors.first().repeats, 30);
        QCOMPARE(m_monitor->snapshot().errors.at(1).failure.subject,
            QStringLiteral("org:org_24:messages"));

        ConnectionDetailsDialog dialog(m_monitor.get());
        const auto section
            = ConnectionReport::errorSection(m_monitor->snapshot(), QDateTime::currentDateTime());
        QCOMPARE(section.rows.size(), 20);
        // Each with its time (HH:mm:ss today) and the table's words.
        QVERIFY(QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d$"))
                    .match(section.rows.first().label)
                    .hasMatch());
        QVERIFY(section.rows.first().value.contains(QStringLiteral("Connection refused")));
        QVERIFY(section.rows.first().value.contains(QStringLiteral("30 times")));
        QVERIFY(section.rows.at(1).value.contains(QStringLiteral("What to do")));
        QVERIFY2(shownText(dialog).contains(QStringLiteral("Recent errors (20)")),
            qPrintable(shownText(dialog)));
    }

    void retryScheduleInWords()
    {
        ConnectionDetailsDialog dialog(m_monitor.get());
        m_monitor->onStateChanged(State::Connecting);
        m_monitor->onReconnectScheduled(4, 7000);
        QVERIFY2(dialog.headerText().contains(QStringLiteral("Retrying in 7 s, attempt 4")),
            qPrintable(dialog.headerText()));
        m_clock->advance(6500);
        dialog.refresh();
        QVERIFY2(dialog.headerText().contains(QStringLiteral("Retrying in 1 s, attempt 4")),
            qPrintable(dialog.headerText()));
        // The wait is over and the attempt runs: not "none scheduled".
        m_clock->advance(1000);
        dialog.refresh();
        QVERIFY2(dialog.headerText().contains(QStringLiteral("Attempt 4 is running now")),
            qPrintable(dialog.headerText()));
        QVERIFY(!shownText(dialog).contains(QStringLiteral("none scheduled")));
        m_monitor->onStateChanged(State::Connected);
        QVERIFY(dialog.headerText().contains(QStringLiteral("No retry needed")));
    }

    void errorsAreExplainedNotRaw()
    {
        ConnectionDetailsDialog dialog(m_monitor.get());
        m_monitor->onStateChanged(State::Connecting);
        // A host that does not resolve: never "Last error: none".
        m_monitor->onError(Centrifuge::ErrorType::Transport, 0, QStringLiteral("Host not found"));
        QString shown = shownText(dialog);
        QVERIFY2(shown.contains(QStringLiteral("Server name not found")), qPrintable(shown));
        QVERIFY(!ConnectionReport::text(
            m_monitor->snapshot(), m_clock->nowMs(), QDateTime::currentDateTime())
                     .contains(QStringLiteral("Last error: none")));
        // Centrifugo behind nginx stopped: the table's words, not Qt's.
        m_monitor->onError(Centrifuge::ErrorType::Transport, 0,
            QStringLiteral("QWebSocketPrivate::processHandshake: Unhandled http status code: 502 "
                           "(Bad Gateway)."));
        shown = shownText(dialog);
        QVERIFY2(shown.contains(QStringLiteral("Realtime server down")), qPrintable(shown));
        QVERIFY(!shown.contains(QStringLiteral("QWebSocketPrivate")));
        QVERIFY(!shown.contains(QStringLiteral("Bad Gateway")));
        QVERIFY2(dialog.headerText().contains(QStringLiteral("What to do")),
            qPrintable(dialog.headerText()));
        // An unreadable answer is not "HTTP 200", on a REST route or on the token route.
        m_monitor->onRestResult(QStringLiteral("GET /api/v1/whatsapp/chats"), 200, 12,
            WhaTrack::ApiError::undecodable(QStringLiteral("not JSON"), 200));
        m_monitor->onTokenFetch(
            false, WhaTrack::ApiError::undecodable(QStringLiteral("not JSON"), 200).describe());
        shown = shownText(dialog);
        QVERIFY2(!shown.contains(QStringLiteral("HTTP 200")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("Unreadable answer")), qPrintable(shown));
    }

    void copiedAndSavedReportsHoldNoSecrets()
    {
        // Plant a token, a cookie, a password and a message body wherever text can come in.
        const QString hostile = QStringLiteral("token=%1 Cookie: %2 password: %3 "
                                               "{\"body\": \"%4\"} Authorization: Bearer %1")
                                    .arg(kToken, kCookie, kPassword, kBody);
        m_monitor->onStateChanged(State::Connecting);
        m_monitor->onError(Centrifuge::ErrorType::Transport, 0, hostile);
        m_monitor->onConnecting(3503, hostile);
        m_monitor->onDisconnected(3501, hostile);
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("subscription error")));
        m_monitor->onSubscriptionError(m_channel, 103, hostile);
        m_monitor->onUnsubscribed(m_channel, 103, hostile);
        m_monitor->onTokenFetch(false, hostile);
        m_monitor->onRestCall(QStringLiteral("GET /api/v1/whatsapp/chats"), 500, 12, hostile);
        WhaTrack::ApiError apiError
            = WhaTrack::ApiError::make(WhaTrack::ApiError::Kind::Server, hostile, 500);
        m_monitor->onRestResult(QStringLiteral("POST /api/v1/whatsapp/send"), 500, 9, apiError);

        ConnectionDiagnostics diagnostics;
        m_monitor->setDiagnostics(&diagnostics);
        Diag::Step s = step(1, Diag::StepKind::Token, QStringLiteral("Realtime token"),
            Diag::StepStatus::Failed, 5,
            Diag::Failure::make(Diag::Where::TokenRoute, Diag::Kind::DecodeError, 0, hostile));
        s.facts.insert(QStringLiteral("refusedReason"), hostile);
        diagnostics.onPlanned({s});
        diagnostics.onFinished(Diag::summarize({s}, 5, false));

        ConnectionDetailsDialog dialog(m_monitor.get());
        const QString text = dialog.reportText();
        QVERIFY2(text.contains(QStringLiteral("[redacted]")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Realtime token")));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("report.txt"));
        QVERIFY(dialog.saveReport(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString saved = QString::fromUtf8(file.readAll());
        dialog.findChild<QPushButton*>(QStringLiteral("copyReport"))->click();
        const QString copied = QApplication::clipboard()->text();
        for (const QString& report : {text, saved, copied}) {
            QVERIFY(!report.isEmpty());
            for (const QString& secret : {kToken, QStringLiteral("CookieValue4242"), kPassword,
                     kBody, QStringLiteral("eyJ")}) {
                QVERIFY2(!report.contains(secret), qPrintable(secret));
            }
        }
        m_monitor->setDiagnostics(nullptr);
    }

    void dialogButtonsAndLiveValues()
    {
        ConnectionDetailsDialog dialog(m_monitor.get());
        dialog.show();
        QSignalSpy resync(&dialog, &ConnectionDetailsDialog::resyncRequested);
        QSignalSpy reconnect(&dialog, &ConnectionDetailsDialog::reconnectRequested);
        dialog.findChild<QPushButton*>(QStringLiteral("resyncNow"))->click();
        dialog.findChild<QPushButton*>(QStringLiteral("reconnectNow"))->click();
        QCOMPARE(resync.count(), 1);
        QCOMPARE(reconnect.count(), 1);

        // Values follow the monitor without reopening the dialog.
        const auto hasLabel = [&dialog](const QString& text) {
            const auto labels = dialog.findChildren<QLabel*>();
            return std::any_of(
                labels.cbegin(), labels.cend(), [&](QLabel* l) { return l->text() == text; });
        };
        QVERIFY(!hasLabel(QStringLiteral("6.9.6 OSS")));
        m_monitor->onStateChanged(State::Connecting);
        m_monitor->onConnected(QStringLiteral("c1"), QStringLiteral("6.9.6 OSS"));
        m_monitor->onStateChanged(State::Connected);
        QTRY_VERIFY(hasLabel(QStringLiteral("6.9.6 OSS")));

        dialog.findChild<QPushButton*>(QStringLiteral("copyReport"))->click();
        const QString copied = QApplication::clipboard()->text();
        QVERIFY(copied.contains(QStringLiteral("connection report")));
        QVERIFY(!copied.contains(QStringLiteral("hunter2")));
        dialog.grab();
    }
};

QTEST_MAIN(TstConnectionDetails)
#include "tst_connectiondetails.moc"
