#pragma once

//! \file privatefiles.h
//! \brief Files with customer data or settings are the agent's alone: 0600 files in 0700
//! folders. Qt creates files 0666 and folders 0777 minus the umask (usually 0644 / 0755, readable
//! by every account on the machine), so each file the app keeps is created private up front, and
//! one left by an older version is tightened when it is opened. No-ops where POSIX permission
//! bits mean nothing (Windows keeps per-user ACLs on the profile folders).

#include <QFileDevice>
#include <QString>

namespace WhaTrack::PrivateFiles {

constexpr QFileDevice::Permissions kFileMode = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kDirMode
    = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

//! Creates \a dir (and missing parents). The folder itself gets 0700 if it was created now, or
//! always when \a tightenExisting (a folder only the app uses; never a shared one like /tmp).
bool ensureDirectory(const QString& dir, bool tightenExisting);

//! Creates \a path as an empty 0600 file if it does not exist, else sets 0600 on it. Writers
//! that replace the file (QSaveFile, as QSettings does) keep the mode of the file they replace.
bool ensureFile(const QString& path);

//! Sets 0600 on \a path if it exists (SQLite's -wal, -shm, -journal companions).
void restrictIfExists(const QString& path);

} // namespace WhaTrack::PrivateFiles
