#pragma once

//! \file autostart.h
//! \brief "Start WhaTrack Inbox when I log in": an XDG autostart entry on Linux
//! ($XDG_CONFIG_HOME/autostart/com.whatrack.Inbox.desktop), the per-user Run key on Windows.
//! macOS (a login item through SMAppService) is not done yet: setEnabled() says so.

#include <QString>

namespace WhaTrack::Gui::Autostart {

//! Creates or removes the entry for this executable. False with \a error in plain words if the
//! platform has no way here or the file/key could not be written.
bool setEnabled(bool on, QString* error);
bool isEnabled();
//! Linux: the autostart file's path (tests).
QString desktopEntryPath();

} // namespace WhaTrack::Gui::Autostart
