#pragma once

//! \file diagnosticsrunner.h
//! \brief The diagnostics engine: the ordered checks of docs/troubleshooting.md, one step at a
//! time, each ok / warning / failed / skipped with its duration, facts and cause (causes.h).
//!
//! Steps, in order: WhaTrack server reachable (DNS, TCP, TLS certificate, HTTP) -> signed in
//! (and the organization) -> the token route gives a JWT (sub, exp, info.organizationId; clock
//! skew) -> realtime server reachable (DNS, TCP, TLS) -> WebSocket upgrade (the HTTP status when
//! refused) -> Centrifugo connect (server version, client id, ping interval) -> subscribe to
//! each channel -> channels are protected (another organization's channel must be refused) ->
//! optionally, a publication arrives within N seconds.
//!
//! A failure skips only the steps that depend on it: a backend failure still lets the
//! Centrifugo host and the WebSocket upgrade be checked; a failed connect skips the rest.
//!
//! Asynchronous and non-blocking: use it from the GUI thread. All work happens on the runner's
//! thread; signals are emitted there. Secrets (password, cookie, token) stay in memory for the
//! run only and never reach a step, a log line or the report.

#include "models/diagnostics/step.h"

#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <memory>

namespace WhaTrack {
class ApiClient;
}

namespace WhaTrack::Diagnostics {

struct DiagnosticsConfig
{
    QUrl backendUrl; //!< e.g. https://app.whatrack.com (no /api)
    QUrl wsUrl; //!< e.g. wss://centrifugo.whatrack.com/connection/websocket
    //! Sign in with these, or with `cookie`, or (neither) with the ApiClient given to
    //! setApiClient(), whose session is checked.
    QString email;
    QString password;
    QString cookie; //!< "name=value[; name=value]" as a Cookie header carries it
    QString organizationId; //!< empty: the user's first organization
    //! Channel templates (`{org}` is replaced); ticket era by default.
    QStringList channelTemplates {
        QStringLiteral("org:{org}:messages"), QStringLiteral("org:{org}:tickets")};
    QList<QSslCertificate> caCertificates; //!< extra trusted CAs (private deployments)
    int waitPublicationSeconds = 0; //!< 0: no publication step
    bool checkIsolation = true;
    std::chrono::milliseconds stepTimeout {10000};
    qint64 clockSkewWarningSeconds = 60;
};

class DiagnosticsRunner : public QObject
{
    Q_OBJECT

public:
    explicit DiagnosticsRunner(QObject* parent = nullptr);
    ~DiagnosticsRunner() override;

    //! The application's REST client (same thread), already signed in: the sign-in step then
    //! checks its session and the token route is asked through it. Without it (the CLI) the
    //! runner makes its own client and signs in with the config's email/password or cookie.
    void setApiClient(ApiClient* api);

    bool isRunning() const;
    //! The steps of the current or last run (all planned at start(), Pending until run).
    QList<Step> steps() const;
    Summary summary() const;

public Q_SLOTS:
    //! Plans the steps (planned()) and runs them. Ignored while running.
    void start(const WhaTrack::Diagnostics::DiagnosticsConfig& config);
    //! The running step fails as canceled, the rest are skipped; finished() follows.
    void cancel();

Q_SIGNALS:
    void planned(const QList<WhaTrack::Diagnostics::Step>& steps);
    void stepStarted(const WhaTrack::Diagnostics::Step& step);
    void stepFinished(const WhaTrack::Diagnostics::Step& step);
    void finished(const WhaTrack::Diagnostics::Summary& summary);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace WhaTrack::Diagnostics
