#pragma once

//! \file serverprocess.h
//! \brief A child server process that dies with the test: killed in the destructor, and by the
//! kernel (PR_SET_PDEATHSIG) if the test process itself crashes.

#include <QProcess>
#include <QString>
#include <QStringList>

namespace TestSupport {

class ServerProcess
{
public:
    ServerProcess() = default;
    ~ServerProcess() { stop(); }
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    bool start(const QString& program, const QStringList& arguments, QString* error);
    //! SIGTERM, then SIGKILL if it does not exit within \a graceMs.
    void stop(int graceMs = 3000);
    bool isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }
    //! The last lines of its output, for failure messages.
    QString outputTail(int lines = 20) const;

private:
    QProcess* m_process = nullptr;
    QByteArray m_output;
};

//! A TCP port on 127.0.0.1 that was free a moment ago.
quint16 freePort();

//! Waits until something accepts TCP connections on 127.0.0.1:\a port.
bool waitForPort(quint16 port, int timeoutMs);

} // namespace TestSupport
