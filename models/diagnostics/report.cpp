#include "models/diagnostics/report.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>

namespace WhaTrack::Diagnostics {

namespace {

QString statusLabel(StepStatus status)
{
    switch (status) {
    case StepStatus::Ok:
        return QStringLiteral("ok");
    case StepStatus::Warning:
        return QStringLiteral("WARNING");
    case StepStatus::Failed:
        return QStringLiteral("FAILED");
    case StepStatus::Skipped:
        return QStringLiteral("skipped");
    case StepStatus::Running:
        return QStringLiteral("running");
    case StepStatus::Pending:
        break;
    }
    return QStringLiteral("pending");
}

} // namespace

QString stepText(const Step& step)
{
    QString text
        = QStringLiteral("%1. [%2] %3").arg(step.number).arg(statusLabel(step.status), step.title);
    if (!step.subject.isEmpty() && !step.title.contains(step.subject))
        text += QStringLiteral(" (%1)").arg(step.subject);
    if (step.status != StepStatus::Skipped && step.status != StepStatus::Pending)
        text += QStringLiteral(" %1 ms").arg(step.durationMs);
    text += QLatin1Char('\n');
    if (step.status == StepStatus::Skipped) {
        text += QStringLiteral("   skipped: %1\n").arg(step.skippedBecause);
        return text;
    }
    QStringList facts;
    for (auto it = step.facts.cbegin(); it != step.facts.cend(); ++it)
        facts << it.key() + QLatin1Char('=') + it.value().toString();
    if (!facts.isEmpty())
        text += QStringLiteral("   ") + facts.join(QStringLiteral(", ")) + QLatin1Char('\n');
    if (!step.cause.isEmpty()) {
        text += QStringLiteral("   %1: %2\n").arg(step.cause.title, step.cause.cause);
        text += QStringLiteral("   What to do: %1\n").arg(step.cause.action);
        if (!step.failure.detail.isEmpty())
            text += QStringLiteral("   Details: %1\n").arg(step.failure.detail);
    }
    return text;
}

QString summaryText(const Summary& s)
{
    QString text = QStringLiteral("%1 passed, %2 warning(s), %3 failed, %4 skipped (%5 ms)")
                       .arg(s.passed)
                       .arg(s.warnings)
                       .arg(s.failed)
                       .arg(s.skipped)
                       .arg(s.durationMs);
    if (s.firstFailedStep)
        text += QStringLiteral("; first failed step: %1").arg(s.firstFailedStep);
    if (s.canceled)
        text += QStringLiteral("; canceled");
    return text;
}

QString textReport(const QList<Step>& steps, const Summary& summary)
{
    QString text = QStringLiteral("WhaTrack Inbox %1 diagnostics, %2\n")
                       .arg(QCoreApplication::applicationVersion(),
                           QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    for (const Step& step : steps)
        text += stepText(step);
    text += summaryText(summary) + QLatin1Char('\n');
    return text;
}

QByteArray jsonReport(const QList<Step>& steps, const Summary& summary)
{
    QByteArray out;
    for (const Step& step : steps)
        out += QJsonDocument(stepToJson(step)).toJson(QJsonDocument::Compact) + '\n';
    out += QJsonDocument(summaryToJson(summary)).toJson(QJsonDocument::Compact) + '\n';
    return out;
}

} // namespace WhaTrack::Diagnostics
