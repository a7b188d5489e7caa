#include "tests/support/devstackprocess.h"

#include "models/api/session.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace WhaTrack::Testing {

QString sourceDir()
{
#ifdef INBOX_SOURCE_DIR
    return QStringLiteral(INBOX_SOURCE_DIR);
#else
    return QDir::currentPath();
#endif
}

DevstackProcess::DevstackProcess(Options options)
    : m_options(std::move(options))
{
}

DevstackProcess::DevstackProcess()
    : DevstackProcess(Options {})
{
}

DevstackProcess::~DevstackProcess()
{
    stop();
}

QString DevstackProcess::runDir() const
{
    return m_dir ? m_dir->path() + QStringLiteral("/run") : QString();
}

bool DevstackProcess::start(QString* error)
{
    m_dir = std::make_unique<QTemporaryDir>(
        QDir::tempPath() + QStringLiteral("/inbox-devstack-XXXXXX"));
    if (!m_dir->isValid()) {
        *error = QStringLiteral("cannot create a temporary run dir");
        return false;
    }
    startReaper(); // before up: even a crash during up leaves nothing running
    QStringList args {QStringLiteral("--run-dir"), runDir(), QStringLiteral("--quiet"),
        QStringLiteral("--profile"), m_options.profile, QStringLiteral("--engine"),
        m_options.engine};
    if (!m_options.channelStyle.isEmpty())
        args << QStringLiteral("--channel-style") << m_options.channelStyle;
    if (m_options.tokenTtl > 0)
        args << QStringLiteral("--token-ttl") << QString::number(m_options.tokenTtl);
    args << m_options.extraArgs;

    QProcess up;
    up.setProcessChannelMode(QProcess::MergedChannels);
    up.start(sourceDir() + QStringLiteral("/devstack/up"), args);
    m_running = true; // from here on stop() must run down
    if (!up.waitForFinished(m_options.timeoutMs)) {
        up.kill();
        up.waitForFinished(5000);
        *error = QStringLiteral("devstack/up did not finish in time: ")
            + QString::fromUtf8(up.readAll().right(4000));
        stop();
        return false;
    }
    if (up.exitStatus() != QProcess::NormalExit || up.exitCode() != 0) {
        *error = QStringLiteral("devstack/up failed (exit %1): %2")
                     .arg(up.exitCode())
                     .arg(QString::fromUtf8(up.readAll().right(4000)));
        stop();
        return false;
    }
    if (!readStack(error)) {
        stop();
        return false;
    }
    return true;
}

bool DevstackProcess::readStack(QString* error)
{
    QFile f(runDir() + QStringLiteral("/stack.json"));
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("no stack.json in ") + runDir();
        return false;
    }
    QJsonParseError pe;
    const auto doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (!doc.isObject()) {
        *error = QStringLiteral("unreadable stack.json: ") + pe.errorString();
        return false;
    }
    m_stack = doc.object();
    return true;
}

void DevstackProcess::startReaper()
{
    // Waits for this test process to end, then stops whatever the run left (a no-op when the
    // run dir is already gone after a normal stop()).
    const QString script = QStringLiteral(
        "while kill -0 %1 2>/dev/null; do sleep 1; done; "
        "if [ -d '%2' ]; then '%3/devstack/down' --run-dir '%2' --quiet; rm -rf '%4'; fi")
                               .arg(QCoreApplication::applicationPid())
                               .arg(runDir(), sourceDir(), m_dir->path());
    QProcess::startDetached(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script});
}

void DevstackProcess::stop()
{
    if (!m_running)
        return;
    m_running = false;
    QProcess down;
    down.setProcessChannelMode(QProcess::MergedChannels);
    down.start(sourceDir() + QStringLiteral("/devstack/down"),
        {QStringLiteral("--run-dir"), runDir(), QStringLiteral("--quiet")});
    if (!down.waitForFinished(60000)) {
        down.kill();
        down.waitForFinished(5000);
    }
    if (down.exitCode() != 0)
        qWarning("devstack/down reported: %s", down.readAll().constData());
    // Servers restarted by restartServer() are ours too.
    for (qint64 pid : std::as_const(m_restartedPids)) {
        if (::kill(static_cast<pid_t>(pid), 0) == 0)
            ::kill(static_cast<pid_t>(pid), SIGKILL);
    }
    m_dir.reset(); // removes the run dir: the reaper then has nothing to do
}

QUrl DevstackProcess::backendUrl() const
{
    return QUrl(m_stack.value(QStringLiteral("backend_url")).toString());
}

QUrl DevstackProcess::httpsUrl() const
{
    return QUrl(m_stack.value(QStringLiteral("https_url")).toString());
}

QUrl DevstackProcess::centrifugoWsUrl() const
{
    return QUrl(m_stack.value(QStringLiteral("centrifugo_ws_url")).toString());
}

QUrl DevstackProcess::centrifugoApiUrl() const
{
    return QUrl(m_stack.value(QStringLiteral("centrifugo_api_url")).toString());
}

QString DevstackProcess::centrifugoApiKey() const
{
    return m_stack.value(QStringLiteral("centrifugo_api_key")).toString();
}

QString DevstackProcess::caCertPath() const
{
    return m_stack.value(QStringLiteral("ca_cert")).toString();
}

QString DevstackProcess::messagesChannelTemplate() const
{
    return m_stack.value(QStringLiteral("messages_channel")).toString();
}

QString DevstackProcess::ticketsChannelTemplate() const
{
    return m_stack.value(QStringLiteral("tickets_channel")).toString();
}

QString DevstackProcess::webhookSecret() const
{
    return m_stack.value(QStringLiteral("webhook_secret")).toString();
}

QString DevstackProcess::demoEmail() const
{
    return m_stack.value(QStringLiteral("demo"))
        .toObject()
        .value(QStringLiteral("email"))
        .toString();
}

QString DevstackProcess::demoPassword() const
{
    return m_stack.value(QStringLiteral("demo"))
        .toObject()
        .value(QStringLiteral("password"))
        .toString();
}

QString DevstackProcess::firstOrganizationId() const
{
    const auto orgs = m_stack.value(QStringLiteral("demo"))
                          .toObject()
                          .value(QStringLiteral("organizations"))
                          .toArray();
    return orgs.isEmpty() ? QString()
                          : orgs.first().toObject().value(QStringLiteral("id")).toString();
}

QString DevstackProcess::phoneNumberIdOf(const QString& organizationId) const
{
    const auto instances = m_stack.value(QStringLiteral("demo"))
                               .toObject()
                               .value(QStringLiteral("instances"))
                               .toArray();
    for (const auto& i : instances) {
        const QJsonObject instance = i.toObject();
        if (instance.value(QStringLiteral("organizationId")).toString() == organizationId)
            return instance.value(QStringLiteral("phoneNumberId")).toString();
    }
    return QStringLiteral("104857600000001");
}

bool DevstackProcess::signInDemo(
    Session& session, const QString& organizationId, int timeoutMs) const
{
    QSignalSpy signedIn(&session, &Session::signedIn);
    session.signIn(demoEmail(), demoPassword());
    if (signedIn.isEmpty() && !signedIn.wait(timeoutMs))
        return false;
    session.setCurrentOrganizationId(organizationId);
    return true;
}

qint64 DevstackProcess::pid(const QString& server) const
{
    if (m_restartedPids.contains(server))
        return m_restartedPids.value(server);
    return static_cast<qint64>(
        m_stack.value(QStringLiteral("pids")).toObject().value(server).toDouble());
}

QString DevstackProcess::logTail(const QString& server, int lines) const
{
    QFile f(runDir() + QStringLiteral("/logs/") + server + QStringLiteral(".log"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> all = f.readAll().split('\n');
    return QString::fromUtf8(all.mid(std::max<qsizetype>(0, all.size() - lines)).join('\n'));
}

bool DevstackProcess::stopServer(const QString& server, QString* error)
{
    const qint64 p = pid(server);
    if (p <= 0) {
        *error = QStringLiteral("no pid for ") + server;
        return false;
    }
    const QString proc = QStringLiteral("/proc/%1/").arg(p);
    QFile cmd(proc + QStringLiteral("cmdline")), env(proc + QStringLiteral("environ"));
    if (!cmd.open(QIODevice::ReadOnly) || !env.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read /proc for ") + server;
        return false;
    }
    Launch launch;
    for (const QByteArray& a : cmd.readAll().split('\0')) {
        if (!a.isEmpty())
            launch.argv << QString::fromLocal8Bit(a);
    }
    for (const QByteArray& e : env.readAll().split('\0')) {
        if (!e.isEmpty())
            launch.environment << QString::fromLocal8Bit(e);
    }
    launch.cwd = QFile::symLinkTarget(proc + QStringLiteral("cwd"));
    if (launch.argv.isEmpty()) {
        *error = QStringLiteral("empty command line for ") + server;
        return false;
    }
    ::kill(static_cast<pid_t>(p), SIGTERM);
    // Not our child: no finished() signal, so ask the kernel until the pid is gone.
    (void)QTest::qWaitFor([p] { return ::kill(static_cast<pid_t>(p), 0) != 0; }, 10000);
    if (::kill(static_cast<pid_t>(p), 0) == 0)
        ::kill(static_cast<pid_t>(p), SIGKILL);
    m_stopped.insert(server, launch);
    m_restartedPids.remove(server);
    return true;
}

bool DevstackProcess::startServer(const QString& server, QString* error)
{
    if (!m_stopped.contains(server)) {
        *error = server + QStringLiteral(" was not stopped by stopServer()");
        return false;
    }
    Launch launch = m_stopped.take(server);
    QProcess proc;
    proc.setProgram(launch.argv.takeFirst());
    proc.setArguments(launch.argv);
    proc.setEnvironment(launch.environment);
    proc.setWorkingDirectory(launch.cwd);
    const QString log
        = runDir() + QStringLiteral("/logs/") + server + QStringLiteral(".restarted.log");
    proc.setStandardOutputFile(log, QIODevice::Append);
    proc.setStandardErrorFile(log, QIODevice::Append);
    qint64 newPid = 0;
    if (!proc.startDetached(&newPid)) {
        *error = QStringLiteral("cannot restart ") + server;
        return false;
    }
    m_restartedPids.insert(server, newPid);
    return true;
}

} // namespace WhaTrack::Testing
