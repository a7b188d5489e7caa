#pragma once

//! \file benchprocess.h
//! \brief What every client phase of bench_models shares: running the event loop without
//! QTest's 10 ms naps, the stall probe on the measured thread, and the `--serve` child.

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QTimer>
#include <QUrl>

#include <functional>

namespace BenchModels {

//! Runs `self args` as a child phase that dies with this process, and returns the JSON of its
//! "RESULT {...}" line. When it printed none: {"error": "did not finish: <why> after N s"}
//! (crashed with signal N, exited with code N, killed at the 30-minute limit); when it failed
//! after printing: "exit" says how. "wallSeconds": how long the child ran.
QJsonObject runChild(const QString& self, const QStringList& args);

//! Runs the event loop for \a ms. (QTest::qWait sleeps 10 ms between event batches, which
//! would show up as stalls and latency.)
void spin(int ms);
//! Runs the event loop until \a done or \a timeoutMs; returns done().
bool spinUntil(const std::function<bool()>& done, int timeoutMs);

//! Gaps between 1 ms timer ticks on the thread being measured: how long it could not run.
class StallProbe : public QObject
{
public:
    StallProbe();
    void start();
    QList<double> stop(); //!< each gap minus the 1 ms interval, in ms
    double maxSoFar() const { return m_max; }
    //! The most CPU time the thread used between two ticks (ms): its longest busy slice.
    double maxBusyMs() const { return m_maxBusy; }

private:
    QTimer m_timer;
    qint64 m_last = 0;
    double m_max = 0;
    qint64 m_lastCpu = 0;
    double m_maxBusy = 0;
    QList<double> m_stalls;
};

//! A `bench_models --serve` child (REST fake + real Centrifugo), gone with this process.
struct Server
{
    QProcess process;
    quint16 httpPort = 0;
    QUrl wsUrl;
    QString token; //!< connection JWT for the real Centrifugo the server started
    qint64 publishFailures = 0;
    //! Send time -> Centrifugo's HTTP API answered, over the storm's batch calls.
    double publishP50Ms = 0, publishP99Ms = 0, publishMaxMs = 0;
    //! Due -> sent per publication: how far the publisher fell behind its schedule.
    double lagP50Ms = 0, lagP99Ms = 0, lagMaxMs = 0;
    qint64 batches = 0;

    bool start(const QString& self, int chats, int messages);
    //! Starts the publisher: \a rate publications/s for \a seconds, \a share to the open chat.
    void storm(double rate, double seconds, double share);
    //! Waits for the publisher's "DONE <n> <failed> <p50> <p99> <max> <lag p50> <p99> <max>
    //! <batches>" line; returns n or -1.
    qint64 waitDone(int timeoutMs);
    ~Server();
};

} // namespace BenchModels
