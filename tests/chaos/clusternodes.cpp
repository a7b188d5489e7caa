#include "tests/chaos/clusternodes.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <sys/types.h>

namespace Chaos {

namespace {

//! GET \a url; the body, or a null QByteArray when there was no 2xx answer in time.
QByteArray get(const QUrl& url, int timeoutMs)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    QNetworkReply* reply = nam.get(request);
    QTest::qWaitFor([reply] { return reply->isFinished(); }, timeoutMs + 1000);
    QByteArray body;
    if (reply->isFinished() && reply->error() == QNetworkReply::NoError) {
        body = reply->readAll();
        if (body.isNull())
            body = QByteArray("");
    }
    reply->abort();
    delete reply;
    return body;
}

//! Running (a zombie that nobody reaped yet counts as gone: it serves nothing).
bool alive(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype paren = text.lastIndexOf(')');
    return paren > 0 && paren + 2 < text.size() && text.at(paren + 2) != 'Z'
        && text.at(paren + 2) != 'X';
}

} // namespace

QUrl ClusterNode::healthUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/health").arg(port));
}

QList<ClusterNode> clusterNodes(const QJsonObject& stack)
{
    QList<ClusterNode> nodes;
    for (const QJsonValue& v : stack.value(QStringLiteral("centrifugo_nodes")).toArray()) {
        const QJsonObject o = v.toObject();
        nodes.append({o.value(QStringLiteral("name")).toString(),
            static_cast<qint64>(o.value(QStringLiteral("pid")).toDouble()),
            o.value(QStringLiteral("port")).toInt(),
            QUrl(o.value(QStringLiteral("metrics_url")).toString())});
    }
    return nodes;
}

int webSocketClients(const ClusterNode& node)
{
    const QByteArray metrics = get(node.metricsUrl, 2000);
    if (metrics.isNull())
        return -1;
    int total = 0;
    for (const QByteArray& line : metrics.split('\n')) {
        if (line.startsWith("centrifugo_client_connections_inflight{")
            && line.contains("transport=\"websocket\"")) {
            total += static_cast<int>(line.mid(line.lastIndexOf(' ') + 1).toDouble());
        }
    }
    return total;
}

int nodeHoldingClients(const QList<ClusterNode>& nodes)
{
    int found = -1;
    for (int i = 0; i < nodes.size(); ++i) {
        if (webSocketClients(nodes.at(i)) > 0) {
            if (found >= 0)
                return -1;
            found = i;
        }
    }
    return found;
}

bool httpOk(const QUrl& url, int timeoutMs)
{
    return !get(url, timeoutMs).isNull();
}

NodeCrash::~NodeCrash()
{
    if (alive(m_restartedPid))
        ::kill(static_cast<pid_t>(m_restartedPid), SIGKILL);
}

bool NodeCrash::kill(const ClusterNode& node, QString* error)
{
    const QString proc = QStringLiteral("/proc/%1/").arg(node.pid);
    QFile cmd(proc + QStringLiteral("cmdline")), env(proc + QStringLiteral("environ"));
    if (!alive(node.pid) || !cmd.open(QIODevice::ReadOnly) || !env.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("node %1 (pid %2) is not running").arg(node.name).arg(node.pid);
        return false;
    }
    m_node = node;
    m_argv.clear();
    m_environment.clear();
    for (const QByteArray& a : cmd.readAll().split('\0')) {
        if (!a.isEmpty())
            m_argv << QString::fromLocal8Bit(a);
    }
    for (const QByteArray& e : env.readAll().split('\0')) {
        if (!e.isEmpty())
            m_environment << QString::fromLocal8Bit(e);
    }
    m_cwd = QFile::symLinkTarget(proc + QStringLiteral("cwd"));
    ::kill(static_cast<pid_t>(node.pid), SIGKILL);
    if (!QTest::qWaitFor([&node] { return !alive(node.pid); }, 10000)) {
        *error = QStringLiteral("node %1 survived SIGKILL").arg(node.name);
        return false;
    }
    return true;
}

bool NodeCrash::restart(const QString& logFile, QString* error)
{
    if (m_argv.isEmpty()) {
        *error = QStringLiteral("no node was killed");
        return false;
    }
    QProcess proc;
    proc.setProgram(m_argv.first());
    proc.setArguments(m_argv.mid(1));
    proc.setEnvironment(m_environment);
    proc.setWorkingDirectory(m_cwd);
    proc.setStandardOutputFile(logFile, QIODevice::Append);
    proc.setStandardErrorFile(logFile, QIODevice::Append);
    if (!proc.startDetached(&m_restartedPid)) {
        *error = QStringLiteral("cannot start %1 again").arg(m_node.name);
        return false;
    }
    const QUrl health = m_node.healthUrl();
    if (!QTest::qWaitFor([&health] { return httpOk(health, 1000); }, 30000)) {
        *error = QStringLiteral("%1 did not answer /health after its restart").arg(m_node.name);
        return false;
    }
    return true;
}

} // namespace Chaos
