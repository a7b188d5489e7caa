#include "tests/support/serverprocess.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <csignal>
#include <sys/prctl.h>

namespace TestSupport {

bool ServerProcess::start(const QString& program, const QStringList& arguments, QString* error)
{
    stop();
    m_output.clear();
    m_process = new QProcess;
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    QObject::connect(m_process, &QProcess::readyRead, m_process, [this] {
        m_output += m_process->readAll();
        if (m_output.size() > 256 * 1024)
            m_output = m_output.right(128 * 1024);
    });
    m_process->start(program, arguments);
    if (!m_process->waitForStarted(5000)) {
        if (error)
            *error = QStringLiteral("cannot start %1: %2").arg(program, m_process->errorString());
        delete m_process;
        m_process = nullptr;
        return false;
    }
    return true;
}

void ServerProcess::stop(int graceMs)
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(graceMs)) {
            m_process->kill();
            m_process->waitForFinished(3000);
        }
    }
    m_output += m_process->readAll();
    delete m_process;
    m_process = nullptr;
}

QString ServerProcess::outputTail(int lines) const
{
    const QList<QByteArray> all = m_output.split('\n');
    return QString::fromUtf8(all.mid(std::max<qsizetype>(0, all.size() - lines)).join('\n'));
}

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

bool waitForPort(quint16 port, int timeoutMs)
{
    // A child's listening socket has no signal: try to connect until it accepts.
    return QTest::qWaitFor(
        [port] {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            return socket.waitForConnected(200);
        },
        timeoutMs);
}

} // namespace TestSupport
