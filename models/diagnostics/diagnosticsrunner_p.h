#pragma once

//! \file diagnosticsrunner_p.h
//! \brief The runner's state, shared by its step files (diagnosticsrunner.cpp: orchestration,
//! backend, sign-in, token; diagnosticsrunner_realtime.cpp: Centrifugo steps).

#include "models/diagnostics/diagnosticsrunner.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

namespace Centrifuge {
class Client;
class Subscription;
} // namespace Centrifuge

namespace WhaTrack::Diagnostics {

class DiagnosticsRunner::Private
{
public:
    explicit Private(DiagnosticsRunner* q);
    ~Private();

    void plan();
    void runNext();
    void runStep(Step& step);
    //! Ends the running step. Ignored when it already ended (late callbacks).
    void complete(StepStatus status, Failure failure = {});
    void fail(Failure failure) { complete(StepStatus::Failed, std::move(failure)); }
    void finish();
    //! A step's dependency failed or was skipped: the reason, else empty.
    QString blockedBy(const Step& step) const;
    Step& current() { return steps[currentIndex]; }
    QSslConfiguration sslConfiguration() const;
    ApiClient* api() const;
    QStringList channels() const;

    // diagnosticsrunner.cpp
    void runBackend();
    void runSignIn();
    void chooseOrganization();
    void runToken();

    // diagnosticsrunner_realtime.cpp
    void runCentrifugo();
    void runWebSocket();
    void runConnect();
    void runSubscribe(const QString& channel, bool withToken, const Failure& firstFailure);
    void runIsolation();
    void runPublication();
    void closeClient();

    DiagnosticsRunner* q;
    DiagnosticsConfig config;
    QPointer<ApiClient> externalApi;
    ApiClient* ownApi = nullptr;
    QList<Step> steps;
    int currentIndex = -1;
    bool running = false;
    bool canceled = false;
    QElapsedTimer runClock;
    QElapsedTimer stepClock;
    QTimer stepDeadline;
    //! Destroyed at the end of each step: callbacks bound to it are dropped with it.
    QObject* stepContext = nullptr;

    // Facts carried between steps (never reported as such).
    QString organizationId;
    QString token; //!< the connection JWT: memory only, cleared at finish
    QDateTime serverDate; //!< the backend's Date header
    qint64 serverDateSkewSeconds = 0; //!< local - server, when serverDate is valid
    int pingIntervalSeconds = -1;
    Centrifuge::Client* client = nullptr;
    QList<QPointer<Centrifuge::Subscription>> subscribed;
};

} // namespace WhaTrack::Diagnostics
