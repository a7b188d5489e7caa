#include "tests/chaos/clilistener.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>
#include <sys/prctl.h>

namespace Chaos {

CliListener::CliListener(QObject* parent)
    : QObject(parent)
{
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &CliListener::readLines);
    m_clock.start();
}

CliListener::~CliListener()
{
    stop();
}

void CliListener::start(const QStringList& listenArguments)
{
    startProgram(
        QStringLiteral(INBOX_CLI_BIN), QStringList {QStringLiteral("listen")} + listenArguments);
}

void CliListener::startProgram(
    const QString& program, const QStringList& arguments, const QProcessEnvironment& environment)
{
    m_process.setProgram(program);
    m_process.setArguments(arguments);
    m_process.setProcessEnvironment(environment);
    // Never outlives the test, even when it crashes.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process.start();
}

void CliListener::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
    readLines();
}

QString CliListener::stderrTail() const
{
    if (m_process.program().isEmpty())
        return {}; // never started (a skipped receiver)
    return QString::fromUtf8(const_cast<QProcess&>(m_process).readAllStandardError().right(2000));
}

void CliListener::readLines()
{
    m_partial += m_process.readAllStandardOutput();
    qsizetype nl;
    while ((nl = m_partial.indexOf('\n')) >= 0) {
        const QJsonObject line = QJsonDocument::fromJson(m_partial.left(nl)).object();
        m_partial.remove(0, nl + 1);
        const QString event = line.value(QStringLiteral("event")).toString();
        if (event == QStringLiteral("subscribed")) {
            m_checker.subscribed(line.value(QStringLiteral("wasRecovering")).toBool(),
                line.value(QStringLiteral("recovered")).toBool());
        } else if (event == QStringLiteral("connecting")) {
            if (line.value(QStringLiteral("code")).toInt() != 0) {
                ++m_losses;
                m_lastLossAtMs = m_clock.elapsed();
            }
        } else if (event == QStringLiteral("publication")) {
            const qint64 seq = line.value(QStringLiteral("data"))
                                   .toObject()
                                   .value(QStringLiteral("seq"))
                                   .toInteger();
            if (seq > 0)
                m_checker.publication(seq);
        }
    }
}

} // namespace Chaos
