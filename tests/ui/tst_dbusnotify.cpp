// Notifications on a Linux desktop without a system tray go to the freedesktop notification
// service over D-Bus, and a click on one opens its chat. The test runs its own session bus
// (dbus-daemon --session) with a fake org.freedesktop.Notifications on it; it is skipped, saying
// so, where dbus-daemon is not installed.

#include "models/items/chatlistmodel.h"
#include "models/store/inboxstore.h"
#include "tests/support/fakeinboxbackend.h"
#include "ui/notifier.h"
#include "ui/trayicon.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTest>

using namespace WhaTrack;
using namespace WhaTrack::Ui;
using WhaTrack::Testing::FakeInboxBackend;

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
} // namespace

//! What a notification server (GNOME Shell, KDE Plasma, dunst) receives.
class FakeNotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Shown
    {
        uint id;
        uint replaces;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
    };
    QList<Shown> shown;

public Q_SLOTS:
    uint Notify(const QString&, uint replacesId, const QString&, const QString& summary,
        const QString& body, const QStringList& actions, const QVariantMap& hints, int)
    {
        const uint id = replacesId ? replacesId : ++m_nextId;
        shown.append({id, replacesId, summary, body, actions, hints});
        return id;
    }
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }

private:
    uint m_nextId = 40;
};

class TstDBusNotify : public QObject
{
    Q_OBJECT

    QProcess m_daemon;
    FakeNotificationServer m_server;
    std::unique_ptr<QDBusConnection> m_serverBus;

    //! The server's side: the agent clicks notification \a id.
    void click(uint id, const QString& action = QStringLiteral("default"))
    {
        QDBusMessage signal
            = QDBusMessage::createSignal(kPath, kService, QStringLiteral("ActionInvoked"));
        signal << id << action;
        QVERIFY(m_serverBus->send(signal));
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (daemon.isEmpty())
            QSKIP("dbus-daemon is not installed (Debian: dbus-daemon): the D-Bus notification "
                  "fallback is not tested here");
        // A private session bus: the agent's real one (if any) never sees these notifications.
        m_daemon.start(daemon,
            {QStringLiteral("--session"), QStringLiteral("--nofork"),
                QStringLiteral("--print-address=1")});
        QVERIFY2(m_daemon.waitForStarted(10000), qPrintable(m_daemon.errorString()));
        QVERIFY(QTest::qWaitFor([this] { return m_daemon.canReadLine(); }, 10000));
        const QByteArray address = m_daemon.readLine().trimmed();
        QVERIFY(!address.isEmpty());
        // Before the app's first use of the session bus (DBusNotifications::isAvailable).
        qputenv("DBUS_SESSION_BUS_ADDRESS", address);
        m_serverBus = std::make_unique<QDBusConnection>(
            QDBusConnection::connectToBus(QString::fromUtf8(address), QStringLiteral("server")));
        QVERIFY(m_serverBus->isConnected());
        QVERIFY(m_serverBus->registerObject(kPath, &m_server, QDBusConnection::ExportAllSlots));
        QVERIFY(m_serverBus->registerService(kService));
        QVERIFY(QDBusConnection::sessionBus().isConnected());
        QVERIFY(QDBusConnection::sessionBus().interface()->isServiceRegistered(kService));
    }

    void cleanupTestCase()
    {
        if (m_serverBus)
            QDBusConnection::disconnectFromBus(QStringLiteral("server"));
        if (m_daemon.state() != QProcess::NotRunning) {
            m_daemon.terminate();
            if (!m_daemon.waitForFinished(5000)) {
                m_daemon.kill();
                m_daemon.waitForFinished(5000);
            }
        }
    }

    void withoutTrayNotificationGoesOverDBusAndClickOpensChat()
    {
        QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable()); // offscreen: no tray
        FakeInboxBackend backend;
        QVERIFY(backend.start());
        ApiClient api(backend.config());
        InboxStore store(&api, nullptr);
        store.setOrganization(QStringLiteral("org-1"));
        QTRY_COMPARE(store.chatListModel()->rowCount(), 3);

        TrayIcon tray;
        tray.show();
        QVERIFY(!tray.isShown());
        Notifier notifier(&store, &tray);
        connect(&tray, &TrayIcon::notificationClicked, &notifier, &Notifier::activateLast);
        QSignalSpy opened(&notifier, &Notifier::chatRequested);

        notifier.onInboundMessage(QStringLiteral("C1"), QStringLiteral("new-1"));
        QTRY_COMPARE_WITH_TIMEOUT(m_server.shown.size(), 1, 10000);
        const auto first = m_server.shown.first();
        QCOMPARE(first.summary, QStringLiteral("Conceição Araújo"));
        QVERIFY(!first.body.isEmpty());
        QVERIFY(first.actions.contains(QStringLiteral("default"))); // clickable
        QCOMPARE(first.hints.value(QStringLiteral("desktop-entry")).toString(),
            QStringLiteral("com.whatrack.Inbox"));

        // Another app's notification clicked, or another action: not ours to open.
        click(first.id + 100);
        click(first.id, QStringLiteral("dismiss"));
        // Ours clicked: its chat opens.
        click(first.id);
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 10000);
        QCOMPARE(opened.first().first().toString(), QStringLiteral("C1"));

        // The next one replaces the bubble instead of stacking another.
        notifier.setGroupWindowMs(0);
        QTRY_VERIFY(!notifier.isGrouping());
        notifier.onInboundMessage(QStringLiteral("C2"), QStringLiteral("new-2"));
        QTRY_COMPARE_WITH_TIMEOUT(m_server.shown.size(), 2, 10000);
        QCOMPARE(m_server.shown.at(1).replaces, first.id);
    }

    void markupFromCustomersIsNotRendered()
    {
        TrayIcon tray;
        NotificationRequest r;
        r.title = Notifier::notificationText(QStringLiteral("<b>Boss</b>"));
        r.body = Notifier::notificationText(QStringLiteral("<a href='http://x'>pay</a> & go"));
        const qsizetype before = m_server.shown.size();
        tray.showNotification(r);
        QTRY_COMPARE_WITH_TIMEOUT(m_server.shown.size(), before + 1, 10000);
        const auto shown = m_server.shown.last();
        QVERIFY(!shown.summary.contains(QLatin1Char('<')));
        QVERIFY(!shown.body.contains(QLatin1Char('<')));
        QVERIFY(!shown.body.contains(QLatin1Char('&')));
    }
};

QTEST_MAIN(TstDBusNotify)
#include "tst_dbusnotify.moc"
