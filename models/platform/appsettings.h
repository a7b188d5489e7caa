#pragma once

//! \file appsettings.h
//! \brief The desktop app's settings, typed: the one place that knows QSettings keys.
//!
//! Widgets and the composition root read and write settings through this class only. Secrets
//! (passwords, cookies, tokens) never go here: the session cookie lives in the OS keychain
//! (models/api/secretstore.h). The settings file names the backend, the agent's email and
//! organization, so it is the agent's alone: created 0600 in a 0700 folder before Qt first
//! writes it (QSettings replaces it through QSaveFile, which keeps the mode).

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace WhaTrack {

//! What the Preferences dialog edits. Plain values: compare, copy, validate without widgets.
struct Preferences
{
    QUrl backendUrl;
    QUrl webSocketUrl; //!< empty: derived from the backend (/connection/websocket)
    QString messagesChannel = QStringLiteral("org:{org}:messages"); //!< must contain {org}
    QString ticketsChannel = QStringLiteral("org:{org}:tickets"); //!< "-" = not subscribed
    QString caCertFile; //!< extra trusted CA (PEM); empty = system CAs only
    QString language; //!< empty = the system's; else a locale name ("en", "pt_BR")
    bool notifications = true; //!< a desktop notification for a new inbound message
    bool sound = false; //!< a beep with each notification
    bool doNotDisturb = false; //!< notifications and sounds held back (the tray's "Mute")
    bool startAtLogin = false;
    //! Closing the window hides it to the tray (where there is one); Quit quits.
    bool closeToTray = true;

    //! True when a change needs new connections (another server, CA or channels).
    bool connectionDiffers(const Preferences& other) const;
    bool operator==(const Preferences& other) const = default;
};

//! Why \a prefs cannot be saved, in plain words with what to do, or empty if they can. URLs
//! must be absolute http(s) / ws(s) with a host and no user name or password; the messages
//! template needs {org}; a CA file must exist.
QString validatePreferences(const Preferences& prefs);

class AppSettings
{
public:
    //! The default QSettings of the application (organization/application names set in main).
    AppSettings();

    Preferences preferences() const;
    //! Saves \a prefs; URLs lose any user name/password (validatePreferences refuses them first).
    void setPreferences(const Preferences& prefs);

    QString email() const;
    void setEmail(const QString& email);
    QString organizationId() const;
    void setOrganizationId(const QString& id);

    //! The chat open last time, per \a scope (LocalCache::scopeKey: backend + organization).
    QString lastChat(const QString& scope) const;
    void setLastChat(const QString& scope, const QString& chatId);

    QByteArray windowGeometry() const;
    QByteArray splitterState() const;
    void setWindowLayout(const QByteArray& geometry, const QByteArray& splitter);

    void setDoNotDisturb(bool on);

    //! True once the "still running in the tray" hint was shown (it is shown once).
    bool trayHintShown() const;
    void setTrayHintShown(bool shown);

    //! Writes pending changes to disk now.
    void sync();
    //! The settings file (empty where settings are not a file, e.g. the Windows registry).
    static QString fileName();
};

} // namespace WhaTrack
