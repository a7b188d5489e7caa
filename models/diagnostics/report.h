#pragma once

//! \file report.h
//! \brief The diagnostics report for "Copy report"/"Save report" and `diagnose`: plain text or
//! JSON lines. Built from steps only, so it holds no token, cookie, password or message body.

#include "models/diagnostics/step.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace WhaTrack::Diagnostics {

//! One line per step ("3. [ok] Realtime token from the token route (12 ms)"), its facts, and
//! for failures and warnings the cause and what to do; then the summary.
QString textReport(const QList<Step>& steps, const Summary& summary);
//! One step in text (what `diagnose` prints as each step ends).
QString stepText(const Step& step);
QString summaryText(const Summary& summary);
//! One compact JSON object per line: each step, then the summary.
QByteArray jsonReport(const QList<Step>& steps, const Summary& summary);

} // namespace WhaTrack::Diagnostics
