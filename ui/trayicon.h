#pragma once

//! \file trayicon.h
//! \brief The system tray icon (unread total on the icon and in its tooltip; Open, Mute
//! notifications, Quit) and the notifications it shows for the Notifier; UnreadCounter sums
//! the chat list's unread counts for the tray, the window title and the dock/taskbar badge.

#include "ui/notifier.h"

#include <QIcon>
#include <QList>
#include <QObject>
#include <QPointer>

class QAbstractItemModel;
class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace WhaTrack::Ui {

class DBusNotifications;

//! The sum of UnreadCountRole over a chat list model, kept up to date.
class UnreadCounter : public QObject
{
    Q_OBJECT

public:
    explicit UnreadCounter(QAbstractItemModel* chatList, QObject* parent = nullptr);
    int total() const { return m_total; }

Q_SIGNALS:
    void totalChanged(int total);

private:
    void recount();
    //! Rows \a first..\a last changed: O(changed rows), not O(chats) (1,000 publications/s
    //! into 20,000 chats would otherwise read 20 million counts a second on the GUI thread).
    void updateRows(int first, int last);
    int countAt(int row) const;
    void setTotal(int total);

    QPointer<QAbstractItemModel> m_model;
    QList<int> m_counts; //!< each row's count as last read, so a change is a difference
    int m_total = 0;
    int m_removing = 0; //!< the counts of the rows being removed
};

class TrayIcon : public QObject, public NotificationSink
{
    Q_OBJECT

public:
    explicit TrayIcon(QObject* parent = nullptr);
    ~TrayIcon() override;

    //! Shows the icon where the desktop has a tray (not on the offscreen platform).
    void show();
    void setUnreadTotal(int total);
    int unreadTotal() const { return m_unread; }
    //! Checks/unchecks "Mute notifications" without emitting muteToggled().
    void setMuted(bool muted);
    //! The window whose taskbar entry is marked (QApplication::alert) with each notification:
    //! the one sign left where the desktop has no tray.
    void setAlertWindow(QWidget* window) { m_alertWindow = window; }

    QSystemTrayIcon* trayIcon() const { return m_tray; }
    QMenu* menu() const { return m_menu; }
    QAction* openAction() const { return m_open; }
    QAction* muteAction() const { return m_mute; }
    QAction* quitAction() const { return m_quit; }
    QString toolTip() const;

    //! The app's icon with \a unread painted as a badge (none for 0).
    static QIcon badgedIcon(int unread);

    //! Shows \a request: from the tray icon where there is one, else (Linux) through the
    //! freedesktop Notifications service on D-Bus, else only the taskbar alert.
    void showNotification(const NotificationRequest& request) override;
    //! "Still running in the tray": once, the first time the window is closed to the tray.
    void showRunningHint();
    //! True where the icon is in a tray (closing the window can hide it there).
    bool isShown() const;
    void playSound() override;

Q_SIGNALS:
    void openRequested();
    void muteToggled(bool muted);
    void quitRequested();
    //! The agent clicked the notification shown last.
    void notificationClicked();

private:
    QSystemTrayIcon* m_tray;
    QMenu* m_menu;
    QAction* m_open;
    QAction* m_mute;
    QAction* m_quit;
    int m_unread = 0;
    QPointer<QWidget> m_alertWindow;
    DBusNotifications* m_dbus = nullptr; //!< created on the first notification without a tray
};

} // namespace WhaTrack::Ui
