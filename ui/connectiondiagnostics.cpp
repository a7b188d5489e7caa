#include "ui/connectiondiagnostics.h"

#include "models/api/apiclient.h"
#include "models/diagnostics/report.h"
#include "ui/logging.h"

namespace WhaTrack::Ui {

using namespace WhaTrack::Diagnostics;

ConnectionDiagnostics::ConnectionDiagnostics(QObject* parent)
    : QObject(parent)
{
}

ConnectionDiagnostics::~ConnectionDiagnostics() = default;

void ConnectionDiagnostics::setConfigSource(ConfigSource source)
{
    m_source = std::move(source);
}

void ConnectionDiagnostics::setApiClient(WhaTrack::ApiClient* api)
{
    m_api = api;
    if (m_runner)
        m_runner->setApiClient(api);
}

QString ConnectionDiagnostics::reportText() const
{
    return m_steps.isEmpty() ? QString() : textReport(m_steps, m_summary);
}

void ConnectionDiagnostics::run()
{
    if (m_running || !m_source)
        return;
    if (!m_runner) {
        // One runner for the session: it lives on this (the GUI) thread, as the API client.
        m_runner = new DiagnosticsRunner(this);
        if (m_api)
            m_runner->setApiClient(m_api);
        connect(m_runner, &DiagnosticsRunner::planned, this, &ConnectionDiagnostics::onPlanned);
        connect(
            m_runner, &DiagnosticsRunner::stepStarted, this, &ConnectionDiagnostics::onStepStarted);
        connect(m_runner, &DiagnosticsRunner::stepFinished, this,
            &ConnectionDiagnostics::onStepFinished);
        connect(m_runner, &DiagnosticsRunner::finished, this, &ConnectionDiagnostics::onFinished);
    }
    qCInfo(lcUi) << "diagnostics requested from the connection panel";
    m_runner->start(m_source());
}

void ConnectionDiagnostics::cancel()
{
    if (m_runner && m_running)
        m_runner->cancel();
}

void ConnectionDiagnostics::onPlanned(const QList<Step>& steps)
{
    m_steps = steps;
    m_summary = Summary {};
    m_summary.total = int(steps.size());
    m_startedAt = QDateTime::currentDateTime();
    m_running = true;
    Q_EMIT started();
    Q_EMIT planned();
}

void ConnectionDiagnostics::updateStep(const Step& step)
{
    for (int i = 0; i < m_steps.size(); ++i) {
        if (m_steps.at(i).number == step.number) {
            m_steps[i] = step;
            Q_EMIT stepChanged(i);
            return;
        }
    }
    // A step that was not planned (a test feeding steps without a plan): append it.
    m_steps.append(step);
    Q_EMIT planned();
}

void ConnectionDiagnostics::onStepStarted(const Step& step)
{
    if (!m_running) {
        m_running = true;
        Q_EMIT started();
    }
    updateStep(step);
}

void ConnectionDiagnostics::onStepFinished(const Step& step)
{
    updateStep(step);
}

void ConnectionDiagnostics::onFinished(const Summary& summary)
{
    m_summary = summary;
    m_running = false;
    qCInfo(lcUi) << "diagnostics finished:" << summaryText(summary);
    Q_EMIT finished(summary);
}

} // namespace WhaTrack::Ui
