#pragma once

//! \file guioptions.h
//! \brief The desktop app's options: command line first, then the typed settings
//! (models/platform/appsettings.h), never secrets.

#include <QString>
#include <QUrl>

class QCoreApplication;

namespace WhaTrack::Gui {

struct GuiOptions
{
    QUrl backendUrl;
    QUrl webSocketUrl;
    QString caCertFile;
    QString email;
    QString passwordEnv; //!< name of the environment variable holding the password
    QString organizationId;
    QString messagesChannel; //!< template with {org}
    QString ticketsChannel; //!< template with {org}; "-" or empty-after-set disables it
    QString screenshotFile;
    int screenshotAfterMs = 3000;
    QString screenshotTarget = QStringLiteral("window"); //!< window | details | diagnostics
    QString localCachePath; //!< empty = the default under AppDataLocation
    //! Chat to open at start: an id, or "first"; empty = the last chat open in this organization.
    QString openChat;

    bool screenshotMode() const { return !screenshotFile.isEmpty(); }
};

//! Parses the command line of \a app; values not given come from AppSettings. On a usage error
//! returns false with \a error set. --help and --version exit inside.
bool parseGuiOptions(const QCoreApplication& app, GuiOptions* options, QString* error);

//! True if the command line asks for --help, --help-all or --version (-h, -?, -v): they are
//! answered by a QCoreApplication before any display is opened, so they work over SSH too.
bool wantsHelpOrVersion(int argc, char** argv);

//! Remembers the non-secret settings for the next start (backend, WebSocket, CA file, email,
//! organization, channel templates). The password is never stored.
void saveGuiOptions(const GuiOptions& options);

} // namespace WhaTrack::Gui
