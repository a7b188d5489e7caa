#pragma once

//! \file screenshot.h
//! \brief --screenshot: grab the main window (or the Connection details dialog) to a PNG after
//! a delay and quit. Used by tests and to make the README images.

#include <QString>

namespace WhaTrack::Ui {
class MainWindow;
}

namespace WhaTrack::Gui {

//! Schedules the capture; the application exits with 0 on success, 2 if the file could not be
//! written. \a target is "window", "details" or "diagnostics" (the details after a
//! diagnostics run, grown to show every step).
void scheduleScreenshot(
    Ui::MainWindow* window, const QString& file, int afterMs, const QString& target);

} // namespace WhaTrack::Gui
