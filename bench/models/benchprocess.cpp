#include "benchprocess.h"

#include "benchserver.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <sys/prctl.h>

namespace BenchModels {

QJsonObject runChild(const QString& self, const QStringList& args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // A phase dies with the runner, and its server and Centrifugo with it.
    p.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    QElapsedTimer wall;
    wall.start();
    p.start(self, args);
    constexpr int kLimitMinutes = 30;
    bool timedOut = false;
    if (p.waitForStarted(30000) && !p.waitForFinished(kLimitMinutes * 60 * 1000)) {
        timedOut = true;
        p.kill();
        p.waitForFinished(10000);
    }
    const double seconds = double(wall.elapsed()) / 1000.0;
    // How the phase ended, in words: a run that printed no figures still says why (issue 15: two
    // of three naive runs at 1000/s printed nothing, and the table did not say so).
    QString ending;
    if (p.error() == QProcess::FailedToStart)
        ending = QStringLiteral("did not start (%1)").arg(p.errorString());
    else if (timedOut)
        ending = QStringLiteral("killed at the runner's %1-minute limit").arg(kLimitMinutes);
    else if (p.exitStatus() == QProcess::CrashExit)
        ending = QStringLiteral("crashed (signal %1, %2)")
                     .arg(p.exitCode())
                     .arg(QString::fromLocal8Bit(::strsignal(p.exitCode())));
    else if (p.exitCode() != 0)
        ending = QStringLiteral("exited with code %1").arg(p.exitCode());
    QJsonObject result;
    bool found = false;
    for (const QByteArray& line : p.readAllStandardOutput().split('\n')) {
        if (line.startsWith("RESULT ")) {
            result = QJsonDocument::fromJson(line.mid(7)).object();
            found = true;
        }
    }
    if (!found) {
        result.insert(QStringLiteral("error"),
            QStringLiteral("did not finish: %1 after %2 s (%3)")
                .arg(ending.isEmpty() ? QStringLiteral("exited without a result") : ending)
                .arg(seconds, 0, 'f', 0)
                .arg(args.join(QLatin1Char(' '))));
    } else if (!ending.isEmpty() && !result.contains(QStringLiteral("error"))) {
        // Figures were printed, then the process failed on its way out: say so beside them.
        result.insert(
            QStringLiteral("exit"), QString(ending + QStringLiteral(" after its result")));
    }
    result.insert(QStringLiteral("wallSeconds"), seconds);
    return result;
}

namespace {
//! CPU time of the calling thread: unlike wall-clock gaps, not inflated when other processes
//! take the core (this machine is shared).
qint64 threadCpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}
} // namespace

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool spinUntil(const std::function<bool()>& done, int timeoutMs)
{
    QEventLoop loop;
    QTimer check;
    check.setInterval(5);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    check.start();
    if (!done())
        loop.exec();
    return done();
}

StallProbe::StallProbe()
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(1);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const qint64 now = monotonicNs();
        const qint64 cpu = threadCpuNs();
        if (m_lastCpu)
            m_maxBusy = std::max(m_maxBusy, double(cpu - m_lastCpu) / 1e6);
        m_lastCpu = cpu;
        if (m_last) {
            const double gap = std::max(0.0, double(now - m_last) / 1e6 - 1.0);
            m_stalls.append(gap);
            m_max = std::max(m_max, gap);
            if (gap > 50 && qEnvironmentVariableIsSet("BENCH_LOG_STALLS"))
                std::fprintf(
                    stderr, "STALL %.1f ms, ended at %.3f s (monotonic)\n", gap, double(now) / 1e9);
        }
        m_last = now;
    });
}

void StallProbe::start()
{
    m_stalls.clear();
    m_last = 0;
    m_max = 0;
    m_lastCpu = 0;
    m_maxBusy = 0;
    m_timer.start();
}

QList<double> StallProbe::stop()
{
    m_timer.stop();
    return m_stalls;
}

bool Server::start(const QString& self, int chats, int messages)
{
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // If this process dies, the server dies too, and with it its Centrifugo child.
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    process.start(self,
        {QStringLiteral("--serve"), QStringLiteral("--chats"), QString::number(chats),
            QStringLiteral("--messages"), QString::number(messages)});
    if (!process.waitForStarted(10000))
        return false;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 60000) {
        if (!process.canReadLine() && !process.waitForReadyRead(1000)) {
            if (process.state() == QProcess::NotRunning)
                return false; // e.g. no Centrifugo binary: the server said why on stderr
            continue;
        }
        const QList<QByteArray> parts = process.readLine().trimmed().split(' ');
        if (parts.value(0) == "READY") {
            httpPort = static_cast<quint16>(parts.value(1).toUInt());
            wsUrl = QUrl(QString::fromLatin1(parts.value(2)));
            token = QString::fromLatin1(parts.value(3));
            return true;
        }
    }
    return false;
}

void Server::storm(double rate, double seconds, double share)
{
    process.write(QStringLiteral("storm %1 %2 %3\n").arg(rate).arg(seconds).arg(share).toLatin1());
}

qint64 Server::waitDone(int timeoutMs)
{
    QByteArray buffer;
    qint64 done = -1;
    spinUntil(
        [&] {
            buffer += process.readAll();
            const qsizetype i = buffer.indexOf("DONE ");
            if (i >= 0 && buffer.indexOf('\n', i) > 0) {
                const QList<QByteArray> parts
                    = buffer.mid(i + 5, buffer.indexOf('\n', i) - i - 5).split(' ');
                done = parts.value(0).toLongLong();
                publishFailures = parts.value(1).toLongLong();
                publishP50Ms = parts.value(2).toDouble();
                publishP99Ms = parts.value(3).toDouble();
                publishMaxMs = parts.value(4).toDouble();
                lagP50Ms = parts.value(5).toDouble();
                lagP99Ms = parts.value(6).toDouble();
                lagMaxMs = parts.value(7).toDouble();
                batches = parts.value(8).toLongLong();
            }
            return done >= 0;
        },
        timeoutMs);
    return done;
}

Server::~Server()
{
    process.closeWriteChannel();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(5000);
    }
}

} // namespace BenchModels
