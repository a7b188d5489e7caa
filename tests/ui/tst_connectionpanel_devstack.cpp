// The connection panel's "Run diagnostics" with the real engine against the real local stack
// (devstack: Centrifugo, nginx TLS, the reference backend): all green on the `secure` profile,
// then Centrifugo stopped behind nginx gives the "Realtime server down" step, in words.

#include "tests/support/devstackprocess.h"
#include "ui/connectiondetailsdialog.h"
#include "ui/connectiondiagnostics.h"
#include "ui/connectionmonitor.h"
#include "ui/diagnosticsstepsview.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTest>

using namespace WhaTrack::Ui;
using WhaTrack::Testing::DevstackProcess;
namespace Diag = WhaTrack::Diagnostics;

class TstConnectionPanelDevstack : public QObject
{
    Q_OBJECT

    std::unique_ptr<DevstackProcess> m_stack;
    std::unique_ptr<ConnectionMonitor> m_monitor;
    std::unique_ptr<ConnectionDiagnostics> m_diagnostics;

    Diag::DiagnosticsConfig config() const
    {
        Diag::DiagnosticsConfig c;
        // Through nginx with the run's CA, as a production deployment.
        c.backendUrl = m_stack->httpsUrl();
        c.wsUrl = QUrl(m_stack->stack().value(QStringLiteral("centrifugo_wss_url")).toString());
        c.caCertificates = QSslCertificate::fromPath(m_stack->caCertPath(), QSsl::Pem);
        c.email = m_stack->demoEmail();
        c.password = m_stack->demoPassword();
        c.organizationId = m_stack->firstOrganizationId();
        c.channelTemplates
            = QStringList {m_stack->messagesChannelTemplate(), m_stack->ticketsChannelTemplate()};
        c.stepTimeout = std::chrono::milliseconds(15000);
        return c;
    }

    //! Clicks "Run diagnostics" and waits for the last step.
    QStringList run(ConnectionDetailsDialog& dialog)
    {
        QSignalSpy finished(m_diagnostics.get(), &ConnectionDiagnostics::finished);
        auto* button = dialog.findChild<QPushButton*>(QStringLiteral("runDiagnostics"));
        if (!button || !button->isEnabled())
            return {};
        button->click();
        if (!finished.wait(120000))
            return {};
        return dialog.stepsView()->rowTexts();
    }

private Q_SLOTS:
    void initTestCase()
    {
        DevstackProcess::Options options;
        // `secure`: subscription tokens required, so "channels are protected" passes too.
        options.profile = QStringLiteral("secure");
        m_stack = std::make_unique<DevstackProcess>(options);
        QString error;
        QVERIFY2(m_stack->start(&error), qPrintable(error));
        m_monitor = std::make_unique<ConnectionMonitor>();
        m_monitor->setEndpoints(m_stack->httpsUrl(),
            QUrl(m_stack->stack().value(QStringLiteral("centrifugo_wss_url")).toString()));
        m_monitor->start();
        m_diagnostics = std::make_unique<ConnectionDiagnostics>();
        m_diagnostics->setConfigSource([this] { return config(); });
        m_monitor->setDiagnostics(m_diagnostics.get());
    }

    void cleanupTestCase()
    {
        m_monitor.reset();
        m_diagnostics.reset();
        if (m_stack)
            m_stack->stop();
    }

    void allGreenAgainstTheRealStack()
    {
        ConnectionDetailsDialog dialog(m_monitor.get());
        dialog.show();
        const QStringList rows = run(dialog);
        QVERIFY2(rows.size() >= 8, qPrintable(rows.join(QLatin1Char('\n'))));
        for (const QString& row : rows)
            QVERIFY2(row.contains(QStringLiteral(" — ok · ")), qPrintable(row));
        QVERIFY(m_diagnostics->summary().allPassed());
        QVERIFY(dialog.stepsView()->bannerTexts().isEmpty());
        const auto* summary = dialog.findChild<QLabel*>(QStringLiteral("diagnosticsSummary"));
        QVERIFY(summary);
        QVERIFY2(summary->text().startsWith(QStringLiteral("Every check passed")),
            qPrintable(summary->text()));
        // The facts an IT person asks for first are on screen, the secrets are not.
        const QString all = rows.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("server 6.")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("HTTP 101")), qPrintable(all));
        const QString report = dialog.reportText();
        QVERIFY(!report.contains(m_stack->demoPassword()));
        QVERIFY(!report.contains(QStringLiteral("eyJ")));
    }

    void centrifugoStoppedBehindNginx()
    {
        QString error;
        QVERIFY2(m_stack->stopServer(QStringLiteral("centrifugo"), &error), qPrintable(error));
        ConnectionDetailsDialog dialog(m_monitor.get());
        dialog.show();
        const QStringList rows = run(dialog);
        QVERIFY2(rows.size() >= 6, qPrintable(rows.join(QLatin1Char('\n'))));
        // nginx still answers: the WebSocket upgrade gets 502, in words with a next step.
        const auto failed = std::find_if(rows.cbegin(), rows.cend(),
            [](const QString& r) { return r.contains(QStringLiteral(" — failed")); });
        QVERIFY2(failed != rows.cend(), qPrintable(rows.join(QLatin1Char('\n'))));
        QVERIFY2(failed->contains(QStringLiteral("WebSocket upgrade")), qPrintable(*failed));
        QVERIFY2(failed->contains(QStringLiteral("Realtime server down")), qPrintable(*failed));
        QVERIFY2(failed->contains(QStringLiteral("What to do")), qPrintable(*failed));
        QVERIFY(!rows.join(QLatin1Char('\n')).contains(QStringLiteral("QWebSocketPrivate")));
        const QString banners = dialog.stepsView()->bannerTexts().join(QLatin1Char('\n'));
        QVERIFY2(
            banners.contains(QStringLiteral("failed: Realtime server down")), qPrintable(banners));
        QVERIFY2(m_stack->startServer(QStringLiteral("centrifugo"), &error), qPrintable(error));
    }
};

QTEST_MAIN(TstConnectionPanelDevstack)
#include "tst_connectionpanel_devstack.moc"
