#include "models/diagnostics/step.h"

#include <QJsonValue>
#include <QMetaEnum>

namespace WhaTrack::Diagnostics {

QString stepStatusName(StepStatus status)
{
    return QString::fromLatin1(QMetaEnum::fromType<StepStatus>().valueToKey(int(status))).toLower();
}

QString stepKindName(StepKind kind)
{
    switch (kind) {
    case StepKind::Backend:
        return QStringLiteral("backend");
    case StepKind::SignIn:
        return QStringLiteral("sign-in");
    case StepKind::Token:
        return QStringLiteral("token");
    case StepKind::Centrifugo:
        return QStringLiteral("centrifugo");
    case StepKind::WebSocket:
        return QStringLiteral("websocket");
    case StepKind::Connect:
        return QStringLiteral("connect");
    case StepKind::Subscribe:
        return QStringLiteral("subscribe");
    case StepKind::Isolation:
        return QStringLiteral("isolation");
    case StepKind::Publication:
        return QStringLiteral("publication");
    }
    return {};
}

QJsonObject stepToJson(const Step& step)
{
    QJsonObject o {
        {QStringLiteral("type"), QStringLiteral("step")},
        {QStringLiteral("number"), step.number},
        {QStringLiteral("id"), step.id},
        {QStringLiteral("kind"), stepKindName(step.kind)},
        {QStringLiteral("title"), step.title},
        {QStringLiteral("status"), stepStatusName(step.status)},
        {QStringLiteral("durationMs"), step.durationMs},
        {QStringLiteral("facts"), QJsonObject::fromVariantMap(step.facts)},
    };
    if (!step.subject.isEmpty())
        o.insert(QStringLiteral("subject"), step.subject);
    if (step.status == StepStatus::Skipped)
        o.insert(QStringLiteral("skippedBecause"), step.skippedBecause);
    if (!step.failure.isNone()) {
        QJsonObject failure {
            {QStringLiteral("where"), whereName(step.failure.where)},
            {QStringLiteral("kind"), kindName(step.failure.kind)},
            {QStringLiteral("code"), step.failure.code},
            {QStringLiteral("detail"), step.failure.detail},
        };
        if (step.failure.retryAfterMs >= 0)
            failure.insert(QStringLiteral("retryAfterMs"), step.failure.retryAfterMs);
        o.insert(QStringLiteral("failure"), failure);
        o.insert(QStringLiteral("cause"),
            QJsonObject {
                {QStringLiteral("id"), step.cause.id},
                {QStringLiteral("title"), step.cause.title},
                {QStringLiteral("text"), step.cause.cause},
                {QStringLiteral("action"), step.cause.action},
            });
    }
    return o;
}

QJsonObject summaryToJson(const Summary& s)
{
    return QJsonObject {
        {QStringLiteral("type"), QStringLiteral("summary")},
        {QStringLiteral("total"), s.total},
        {QStringLiteral("passed"), s.passed},
        {QStringLiteral("warnings"), s.warnings},
        {QStringLiteral("failed"), s.failed},
        {QStringLiteral("skipped"), s.skipped},
        {QStringLiteral("firstFailedStep"), s.firstFailedStep},
        {QStringLiteral("durationMs"), s.durationMs},
        {QStringLiteral("canceled"), s.canceled},
        {QStringLiteral("allPassed"), s.allPassed()},
    };
}

Summary summarize(const QList<Step>& steps, qint64 durationMs, bool canceled)
{
    Summary s;
    s.total = int(steps.size());
    s.durationMs = durationMs;
    s.canceled = canceled;
    for (const Step& step : steps) {
        switch (step.status) {
        case StepStatus::Ok:
            ++s.passed;
            break;
        case StepStatus::Warning:
            ++s.warnings;
            break;
        case StepStatus::Failed:
            ++s.failed;
            if (s.firstFailedStep == 0)
                s.firstFailedStep = step.number;
            break;
        default:
            ++s.skipped;
            break;
        }
    }
    return s;
}

} // namespace WhaTrack::Diagnostics
