#pragma once

//! \file dbusnotifications.h
//! \brief Desktop notifications straight through the freedesktop Notifications service
//! (org.freedesktop.Notifications on the session bus), for Linux desktops without a system
//! tray (GNOME without the AppIndicator extension), where QSystemTrayIcon::showMessage has no
//! icon to show a message from. A click on the notification ("default" action) emits
//! activated(). Built only where Qt has QtDBus (INBOX_HAVE_DBUS).

#include <QObject>
#include <QString>

namespace WhaTrack::Ui {

class DBusNotifications : public QObject
{
    Q_OBJECT

public:
    explicit DBusNotifications(QObject* parent = nullptr);

    //! True when a notification server owns org.freedesktop.Notifications on the session bus.
    static bool isAvailable();

    //! Shows \a title and \a body (plain text: markup characters must be gone already) and
    //! replaces the one shown before, so a burst does not stack dozens of bubbles.
    void show(const QString& title, const QString& body);

    //! The id the server gave the last notification (0 before the first answer).
    uint lastId() const { return m_lastId; }

Q_SIGNALS:
    //! The agent clicked the notification shown last.
    void activated();
    //! The server answered the Notify call (its id, for tests and logs).
    void shown(uint id);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString& action);
    void onClosed(uint id, uint reason);

private:
    uint m_lastId = 0;
};

} // namespace WhaTrack::Ui
