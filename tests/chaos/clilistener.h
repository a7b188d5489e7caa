#pragma once

//! \file clilistener.h
//! \brief `whatrack-inbox-cli listen` as a child process whose JSON lines feed a SeqChecker:
//! the CLI is checked the way a user scripting it would see it.

#include "tests/chaos/chaosmode.h"

#include <QObject>
#include <QProcess>
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
    void stop();
    const SeqChecker& checker() const { return m_checker; }
    bool subscribedOnce() const { return m_checker.subscribes() > 0; }
    QString stderrTail() const;

private:
    void readLines();

    QProcess m_process;
    QByteArray m_partial;
    SeqChecker m_checker;
};

} // namespace Chaos
