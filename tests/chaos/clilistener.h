#pragma once

//! \file clilistener.h
//! \brief `whatrack-inbox-cli listen` as a child process whose JSON lines feed a SeqChecker:
//! the CLI is checked the way a user scripting it would see it. The centrifuge-js receiver
//! (bench/realtime/js-receiver/chaos-receiver.mjs, see centrifugejs.h) prints the same lines
//! and is read by the same class (startProgram()).

#include "tests/chaos/chaosmode.h"

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace Chaos {

class CliListener : public QObject
{
    Q_OBJECT

public:
    explicit CliListener(QObject* parent = nullptr);
    ~CliListener() override;

    //! Starts `whatrack-inbox-cli listen ARGS`.
    void start(const QStringList& listenArguments);
    //! Starts any program printing the same JSON lines (secrets go in \a environment).
    void startProgram(const QString& program, const QStringList& arguments,
        const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment());
    void stop();
    const SeqChecker& checker() const { return m_checker; }
    bool subscribedOnce() const { return m_checker.subscribes() > 0; }
    QString stderrTail() const;
    //! `connecting` lines with a non-zero code: the connection was lost (not the first connect).
    int connectionLosses() const { return m_losses; }
    //! When the last loss was printed (ms on a clock started with the listener; -1 before one).
    qint64 lastLossAtMs() const { return m_lastLossAtMs; }
    qint64 nowMs() const { return m_clock.elapsed(); }

private:
    void readLines();

    QProcess m_process;
    QByteArray m_partial;
    SeqChecker m_checker;
    QElapsedTimer m_clock;
    int m_losses = 0;
    qint64 m_lastLossAtMs = -1;
};

} // namespace Chaos
