#pragma once

//! \file desktopintegration.h
//! \brief The app as a desktop citizen: tray icon with the unread total, notifications for new
//! inbound messages (click opens the chat), the unread total in the window title and the
//! dock/taskbar badge, the Preferences dialog and start at login. Built by AppController.
//!
//! Preferences apply at once for notifications and start at login. A change of server, CA
//! file or channel templates needs new connections: connectionSettingsChanged() asks the
//! composition root to rebuild them (see AppController).

#include "models/platform/appsettings.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace WhaTrack {
class InboxStore;
}

namespace WhaTrack::Ui {
class MainWindow;
class Notifier;
class PreferencesDialog;
class TrayIcon;
class UnreadCounter;
} // namespace WhaTrack::Ui

namespace WhaTrack::Gui {

class DesktopIntegration : public QObject
{
    Q_OBJECT

public:
    DesktopIntegration(InboxStore* store, Ui::MainWindow* window, QObject* parent = nullptr);
    ~DesktopIntegration() override;

    Ui::Notifier* notifier() const { return m_notifier; }
    Ui::TrayIcon* trayIcon() const { return m_tray; }

    //! Shows the Preferences dialog over \a parent (the window or the sign-in dialog).
    void showPreferences(QWidget* parent);
    //! Shows, un-minimises and activates the main window (tray, second launch, notification).
    void raiseWindow();

Q_SIGNALS:
    //! Saved preferences change the server, CA or channels: reconnect with them.
    void connectionSettingsChanged(const WhaTrack::Preferences& prefs);

private:
    void apply(const Preferences& prefs, const Preferences& before);
    void setUnreadTotal(int total);

    InboxStore* m_store;
    Ui::MainWindow* m_window;
    Ui::TrayIcon* m_tray;
    Ui::Notifier* m_notifier;
    Ui::UnreadCounter* m_counter;
    QPointer<Ui::PreferencesDialog> m_prefs;
};

} // namespace WhaTrack::Gui
