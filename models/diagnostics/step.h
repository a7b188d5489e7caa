#pragma once

//! \file step.h
//! \brief One step of the ordered diagnostics (docs/troubleshooting.md), its outcome and facts,
//! and the summary of a run. Plain values: copy them across threads and into the panel freely.

#include "models/diagnostics/causes.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariantMap>

namespace WhaTrack::Diagnostics {

// StepStatus and StepKind are in causes.h (one Q_NAMESPACE per namespace).

struct Step
{
    int number = 0; //!< 1-based, stable for a run; `diagnose` exits with the first failed one
    StepKind kind = StepKind::Backend;
    QString id; //!< "backend", "subscribe:org:1:messages" ...
    QString title; //!< "WhaTrack server reachable"
    QString subject; //!< the host, the channel: what the step is about
    StepStatus status = StepStatus::Pending;
    qint64 durationMs = 0;
    //! Facts worth showing (host, address, certificate subject/issuer/expiry, HTTP status, JWT
    //! sub/exp/organizationId, clock skew, server version, client id, ping...). Never a token,
    //! cookie, password or message body.
    QVariantMap facts;
    Failure failure; //!< for Failed and Warning
    Cause cause; //!< explain(failure)
    QString skippedBecause; //!< for Skipped: "step 1 failed"

    bool isDone() const { return status != StepStatus::Pending && status != StepStatus::Running; }
};

struct Summary
{
    int total = 0;
    int passed = 0;
    int warnings = 0;
    int failed = 0;
    int skipped = 0;
    int firstFailedStep = 0; //!< 0 when nothing failed
    qint64 durationMs = 0;
    bool canceled = false;
    bool allPassed() const { return failed == 0 && warnings == 0 && skipped == 0 && !canceled; }
};

QString stepStatusName(StepStatus status); //!< "ok", "warning", "failed", "skipped" ...
QString stepKindName(StepKind kind); //!< "backend", "sign-in", "token" ...

//! The step as JSON: number, id, title, status, durationMs, facts, and when failed or warned:
//! where, kind, code, detail, cause {id, title, text, action}.
QJsonObject stepToJson(const Step& step);
QJsonObject summaryToJson(const Summary& summary);
Summary summarize(const QList<Step>& steps, qint64 durationMs, bool canceled);

} // namespace WhaTrack::Diagnostics

Q_DECLARE_METATYPE(WhaTrack::Diagnostics::Step)
Q_DECLARE_METATYPE(WhaTrack::Diagnostics::Summary)
