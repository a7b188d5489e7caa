// Helpers of tst_diagnostics_integration: play Meta (tests/support/metawebhook) and run the
// backend with its test-only token fault option.

#include "tests/models/diagnosticsstackhelper.h"

#include "tests/support/metawebhook.h"

#include <QFile>
#include <QNetworkReply>
#include <QTest>

using WhaTrack::Testing::DevstackProcess;
using WhaTrack::Testing::InboundText;
using WhaTrack::Testing::postInboundText;

DiagnosticsStackHelper::DiagnosticsStackHelper(DevstackProcess& stack)
    : m_stack(stack)
{
}

DiagnosticsStackHelper::~DiagnosticsStackHelper()
{
    restoreBackend();
}

QNetworkReply* DiagnosticsStackHelper::postInbound(const DevstackProcess& stack)
{
    InboundText message;
    message.from = QStringLiteral("5511977770001");
    message.body = QStringLiteral("diagnostics test message");
    return postInboundText(m_nam, stack.backendUrl(), stack.webhookSecret().toUtf8(), message);
}

//! The backend cannot get the test-only fault option through devstack/up (it scrubs WHATRACK_*
//! variables), so the test stops it and starts the same command line plus --token-fault-file,
//! with the same environment (which keeps the run marker: devstack/down reaps it too).
bool DiagnosticsStackHelper::restartBackendWithTokenFault(const QString& faultFile, QString* error)
{
    const qint64 pid = m_stack.pid(QStringLiteral("backend"));
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    QFile environment(QStringLiteral("/proc/%1/environ").arg(pid));
    if (pid <= 0 || !cmdline.open(QIODevice::ReadOnly) || !environment.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the backend's command line");
        return false;
    }
    QStringList argv;
    for (const QByteArray& a : cmdline.readAll().split('\0')) {
        if (!a.isEmpty())
            argv << QString::fromLocal8Bit(a);
    }
    QStringList env;
    for (const QByteArray& e : environment.readAll().split('\0')) {
        if (!e.isEmpty())
            env << QString::fromLocal8Bit(e);
    }
    const QString cwd = QFile::symLinkTarget(QStringLiteral("/proc/%1/cwd").arg(pid));
    if (!m_stack.stopServer(QStringLiteral("backend"), error))
        return false;
    m_faultyBackend.setProgram(argv.takeFirst());
    m_faultyBackend.setArguments(
        argv + QStringList {QStringLiteral("--token-fault-file"), faultFile});
    m_faultyBackend.setEnvironment(env);
    m_faultyBackend.setWorkingDirectory(cwd);
    m_faultyBackend.setStandardOutputFile(QProcess::nullDevice());
    m_faultyBackend.setStandardErrorFile(QProcess::nullDevice());
    m_faultyBackend.start();
    if (!backendHealthy() || m_faultyBackend.state() != QProcess::Running) {
        *error = QStringLiteral("the backend with --token-fault-file did not start");
        return false;
    }
    return true;
}

bool DiagnosticsStackHelper::backendHealthy()
{
    QUrl health = m_stack.backendUrl();
    health.setPath(QStringLiteral("/api/v1/health"));
    return QTest::qWaitFor(
        [&] {
            QNetworkReply* reply = m_nam.get(QNetworkRequest(health));
            (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, 2000);
            const bool ok
                = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
            reply->deleteLater();
            return ok;
        },
        30000);
}

void DiagnosticsStackHelper::restoreBackend()
{
    if (m_faultyBackend.state() == QProcess::NotRunning)
        return;
    m_faultyBackend.terminate();
    if (!m_faultyBackend.waitForFinished(10000)) {
        m_faultyBackend.kill();
        m_faultyBackend.waitForFinished();
    }
    QString error;
    if (!m_stack.startServer(QStringLiteral("backend"), &error) || !backendHealthy())
        qWarning("backend restart failed: %s", qPrintable(error));
}
