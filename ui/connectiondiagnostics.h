#pragma once

//! \file connectiondiagnostics.h
//! \brief "Run diagnostics" for the connection panel: runs the diagnostics engine
//! (models/diagnostics/diagnosticsrunner.h) with the app's current settings and session, and
//! keeps the steps of the current or last run for the panel and the report.
//!
//! The runner's signals land in public slots, so tests can also feed step results by hand.
//! The configuration is read from a callback at each run: the organization, the URLs and the
//! channel templates are the ones in use at that moment. Nothing secret is kept here: with the
//! app's ApiClient the runner uses its session; the steps hold no token, cookie or password.

#include "models/diagnostics/diagnosticsrunner.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <functional>

namespace WhaTrack {
class ApiClient;
}

namespace WhaTrack::Ui {

class ConnectionDiagnostics : public QObject
{
    Q_OBJECT

public:
    using ConfigSource = std::function<WhaTrack::Diagnostics::DiagnosticsConfig()>;

    explicit ConnectionDiagnostics(QObject* parent = nullptr);
    ~ConnectionDiagnostics() override;

    //! Where run() gets its settings from. Without one, run() does nothing (canRun() is false).
    void setConfigSource(ConfigSource source);
    //! The app's signed-in REST client (same thread): the runner checks its session and asks
    //! the token route through it.
    void setApiClient(WhaTrack::ApiClient* api);

    bool canRun() const { return bool(m_source); }
    bool isRunning() const { return m_running; }
    bool hasRun() const { return !m_steps.isEmpty(); }
    const QList<WhaTrack::Diagnostics::Step>& steps() const { return m_steps; }
    const WhaTrack::Diagnostics::Summary& summary() const { return m_summary; }
    QDateTime startedAt() const { return m_startedAt; }
    //! The engine's text report of the last run (empty before one): no secrets by design.
    QString reportText() const;

public Q_SLOTS:
    //! Starts a run with the current settings. Ignored while one runs.
    void run();
    void cancel();

    // What the runner reports; public so tests can play a run without servers.
    void onPlanned(const QList<WhaTrack::Diagnostics::Step>& steps);
    void onStepStarted(const WhaTrack::Diagnostics::Step& step);
    void onStepFinished(const WhaTrack::Diagnostics::Step& step);
    void onFinished(const WhaTrack::Diagnostics::Summary& summary);

Q_SIGNALS:
    void started();
    //! The list of steps was replaced (a new plan).
    void planned();
    //! Step \a index (0-based) changed state.
    void stepChanged(int index);
    void finished(const WhaTrack::Diagnostics::Summary& summary);

private:
    void updateStep(const WhaTrack::Diagnostics::Step& step);

    ConfigSource m_source;
    QPointer<WhaTrack::ApiClient> m_api;
    WhaTrack::Diagnostics::DiagnosticsRunner* m_runner = nullptr;
    QList<WhaTrack::Diagnostics::Step> m_steps;
    WhaTrack::Diagnostics::Summary m_summary;
    QDateTime m_startedAt;
    bool m_running = false;
};

} // namespace WhaTrack::Ui
