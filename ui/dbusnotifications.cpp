#include "ui/dbusnotifications.h"

#include "ui/logging.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

namespace WhaTrack::Ui {

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
constexpr int kTimeoutMs = 8000;
} // namespace

DBusNotifications::DBusNotifications(QObject* parent)
    : QObject(parent)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
        SLOT(onActionInvoked(uint, QString)));
    bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this,
        SLOT(onClosed(uint, uint)));
}

bool DBusNotifications::isAvailable()
{
    const QDBusConnection bus = QDBusConnection::sessionBus();
    return bus.isConnected() && bus.interface()
        && bus.interface()->isServiceRegistered(kService).value();
}

void DBusNotifications::show(const QString& title, const QString& body)
{
    QDBusMessage call
        = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    QVariantMap hints;
    // The desktop file names the app (its icon, its notification settings in GNOME/KDE).
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("com.whatrack.Inbox"));
    hints.insert(QStringLiteral("category"), QStringLiteral("im.received"));
    call << QStringLiteral("WhaTrack Inbox") << m_lastId // replaces the previous one
         << QStringLiteral("com.whatrack.Inbox") << title << body
         << QStringList {QStringLiteral("default"), tr("Open chat")} << hints << kTimeoutMs;
    auto* watcher
        = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher* w) {
        w->deleteLater();
        const QDBusPendingReply<uint> reply = *w;
        if (reply.isError()) {
            qCWarning(lcUi) << "notification not shown: the notification service answered"
                            << reply.error().name();
            return;
        }
        m_lastId = reply.value();
        qCDebug(lcUi) << "notification shown through D-Bus, id" << m_lastId;
        Q_EMIT shown(m_lastId);
    });
}

void DBusNotifications::onActionInvoked(uint id, const QString& action)
{
    // Other apps' notifications raise this signal too: only ours, and only a click on it.
    if (id == 0 || id != m_lastId || action != QLatin1String("default"))
        return;
    qCInfo(lcUi) << "notification clicked";
    Q_EMIT activated();
}

void DBusNotifications::onClosed(uint id, uint)
{
    if (id == m_lastId)
        m_lastId = 0; // gone: the next one is a new bubble, not a replacement
}

} // namespace WhaTrack::Ui
