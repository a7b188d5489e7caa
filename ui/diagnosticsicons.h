#pragma once

//! \file diagnosticsicons.h
//! \brief The small status marks of the diagnostics steps and the error history: a green
//! check, a red cross, an amber warning triangle, a grey dash (skipped), a ring (running or
//! pending). Drawn by hand, palette-aware, sharp on HiDPI; always paired with words.

#include "models/diagnostics/causes.h"

#include <QColor>
#include <QPalette>
#include <QPixmap>
#include <QString>

namespace WhaTrack::Ui {

QPixmap stepStatusPixmap(
    WhaTrack::Diagnostics::StepStatus status, int size, const QPalette& palette);
//! The colour of a status (same tones as the connection pill).
QColor stepStatusColor(WhaTrack::Diagnostics::StepStatus status, const QPalette& palette);
//! "ok", "failed", "warning", "skipped", "running", "waiting": shown beside the mark and read
//! by screen readers.
QString stepStatusWords(WhaTrack::Diagnostics::StepStatus status);

} // namespace WhaTrack::Ui
