#pragma once

//! \file diagnosticsstackhelper.h
//! \brief For tst_diagnostics_integration: a signed inbound webhook (the backend publishes
//! `message_created`), and the backend restarted with its test-only `--token-fault-file`, which
//! devstack/up cannot pass (it scrubs WHATRACK_* variables from the servers' environment).

#include "tests/support/devstackprocess.h"

#include <QNetworkAccessManager>
#include <QProcess>

class QNetworkReply;

class DiagnosticsStackHelper
{
public:
    explicit DiagnosticsStackHelper(WhaTrack::Testing::DevstackProcess& stack);
    ~DiagnosticsStackHelper();

    //! Plays Meta: one inbound text message to the first organization's first number.
    QNetworkReply* postInbound(const WhaTrack::Testing::DevstackProcess& stack);
    //! Stops the stack's backend and starts the same command line plus --token-fault-file.
    bool restartBackendWithTokenFault(const QString& faultFile, QString* error);
    //! Stops that backend (if running) and starts the stack's own again.
    void restoreBackend();
    bool backendHealthy();
    QNetworkAccessManager& nam() { return m_nam; }

private:
    WhaTrack::Testing::DevstackProcess& m_stack;
    QNetworkAccessManager m_nam;
    QProcess m_faultyBackend;
};
