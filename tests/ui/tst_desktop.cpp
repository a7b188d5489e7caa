// Desktop citizenship: notifications for inbound messages (only when the agent is not looking
// at that chat, grouped, muted by do-not-disturb), the tray and title unread count, the
// Preferences through the typed settings (credentials in a URL refused), single instance and
// cache lock, start at login, and --help without a display.

#include "app/gui/autostart.h"
#include "app/gui/desktopintegration.h"
#include "app/gui/singleinstance.h"
#include "models/items/chatlistmodel.h"
#include "models/platform/appsettings.h"
#include "models/store/inboxstore.h"
#include "tests/support/fakeinboxbackend.h"
#include "ui/connectionmonitor.h"
#include "ui/mainwindow.h"
#include "ui/notifier.h"
#include "ui/preferencesdialog.h"
#include "ui/signindialog.h"
#include "ui/trayicon.h"

#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace WhaTrack;
using namespace WhaTrack::Ui;
using WhaTrack::Testing::FakeInboxBackend;

namespace {
//! Records what would be shown.
class RecordingSink : public NotificationSink
{
public:
    void showNotification(const NotificationRequest& r) override { shown.append(r); }
    void playSound() override { ++sounds; }
    QList<NotificationRequest> shown;
    int sounds = 0;
};

QTemporaryDir& home()
{
    static QTemporaryDir dir;
    return dir;
}
} // namespace

class TstDesktop : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeInboxBackend> m_backend;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<InboxStore> m_store;
    std::unique_ptr<ConnectionMonitor> m_monitor;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QWidget> m_other; //!< another app's window, to take the focus

    void build()
    {
        m_backend = std::make_unique<FakeInboxBackend>(12);
        QVERIFY(m_backend->start());
        m_api = std::make_unique<ApiClient>(m_backend->config());
        m_store = std::make_unique<InboxStore>(m_api.get(), nullptr);
        m_monitor = std::make_unique<ConnectionMonitor>();
        m_window = std::make_unique<MainWindow>(m_store.get(), m_monitor.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_store->setOrganization(QStringLiteral("org-1"));
        QTRY_COMPARE(m_store->chatListModel()->rowCount(), 3);
    }

    void activateMainWindow()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    //! The agent switched to another application.
    void deactivateMainWindow()
    {
        m_other = std::make_unique<QWidget>();
        m_other->show();
        m_other->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_other.get()));
        QVERIFY(!m_window->isActiveWindow());
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The settings, the autostart entry and the data folder in a throw-away home.
        QVERIFY(home().isValid());
        qputenv("XDG_CONFIG_HOME", home().filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", home().filePath(QStringLiteral("data")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("WhaTrackTest"));
        QCoreApplication::setApplicationName(QStringLiteral("Desktop Test"));
    }

    void cleanup()
    {
        m_other.reset();
        m_window.reset();
        m_store.reset();
        m_monitor.reset();
        m_api.reset();
        m_backend.reset();
    }

    void notifiesWhenTheWindowIsNotActive()
    {
        build();
        RecordingSink sink;
        Notifier notifier(m_store.get(), &sink);
        notifier.setWindow(m_window.get());
        m_store->openChat(QStringLiteral("C1"));

        // Window active, that chat open: the message is on screen, no notification.
        activateMainWindow();
        notifier.onInboundMessage(QStringLiteral("C1"), QStringLiteral("m1"));
        QCOMPARE(sink.shown.size(), 0);

        // Window active, another chat: a notification naming the customer.
        notifier.setGroupWindowMs(0);
        notifier.onInboundMessage(QStringLiteral("C2"), QStringLiteral("m2"));
        QCOMPARE(sink.shown.size(), 1);
        QCOMPARE(sink.shown.last().title, QStringLiteral("João Pedro Gonçalves"));
        QCOMPARE(sink.shown.last().chatId, QStringLiteral("C2"));

        // The agent is in another application: the open chat notifies too.
        deactivateMainWindow();
        QTRY_VERIFY(!notifier.isGrouping());
        notifier.onInboundMessage(QStringLiteral("C1"), QStringLiteral("m3"));
        QTRY_COMPARE(sink.shown.size(), 2);
        QCOMPARE(sink.shown.last().title, QStringLiteral("Conceição Araújo"));
        QCOMPARE(sink.shown.last().messages, 1);
        QVERIFY(!sink.shown.last().body.isEmpty());
        QCOMPARE(sink.sounds, 0); // sound is off by default

        // A publication delivered twice notifies once.
        QTRY_VERIFY(!notifier.isGrouping());
        notifier.onInboundMessage(QStringLiteral("C1"), QStringLiteral("m3"));
        QCOMPARE(sink.shown.size(), 2);

        // Clicking the notification opens its chat.
        QSignalSpy requested(&notifier, &Notifier::chatRequested);
        notifier.activateLast();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().toString(), QStringLiteral("C1"));
    }

    void burstsAreGrouped()
    {
        build();
        RecordingSink sink;
        Notifier notifier(m_store.get(), &sink);
        notifier.setWindow(m_window.get());
        notifier.setSoundEnabled(true);
        notifier.setGroupWindowMs(300);
        deactivateMainWindow();

        // The first at once; the next four within the window: one grouped notification.
        notifier.onInboundMessage(QStringLiteral("C1"), QStringLiteral("g1"));
        QCOMPARE(sink.shown.size(), 1);
        QCOMPARE(sink.sounds, 1);
        notifier.onInboundMessage(QStringLiteral("C2"), QStringLiteral("g2"));
        notifier.onInboundMessage(QStringLiteral("L3"), QStringLiteral("g3"));
        notifier.onInboundMessage(QStringLiteral("C2"), QStringLiteral("g4"));
        notifier.onInboundMessage(QStringLiteral("C1"), QStringLiteral("g5"));
        QCOMPARE(sink.shown.size(), 1);
        QTRY_COMPARE(sink.shown.size(), 2);
        const NotificationRequest group = sink.shown.last();
        QCOMPARE(group.messages, 4);
        QCOMPARE(group.chats, 3);
        QCOMPARE(group.body, QStringLiteral("4 new messages from 3 customers"));
        QCOMPARE(group.chatId, QStringLiteral("C1")); // a click opens the newest
        QCOMPARE(sink.sounds, 2); // one sound per notification, not per message

        // Several from one customer: named.
        QTRY_VERIFY(!notifier.isGrouping()); // the window after the group closes empty
        notifier.onInboundMessage(QStringLiteral("C2"), QStringLiteral("h1"));
        notifier.onInboundMessage(QStringLiteral("C2"), QStringLiteral("h2"));
        notifier.onInboundMessage(QStringLiteral("C2"), QStringLiteral("h3"));
        QTRY_COMPARE(sink.shown.size(), 4);
        QCOMPARE(sink.shown.last().title, QStringLiteral("João Pedro Gonçalves"));
        QCOMPARE(sink.shown.last().body, QStringLiteral("2 new messages"));
    }

    void doNotDisturbHoldsEverything()
    {
        build();
        RecordingSink sink;
        Notifier notifier(m_store.get(), &sink);
        notifier.setWindow(m_window.get());
        notifier.setSoundEnabled(true);
        deactivateMainWindow();
        notifier.setDoNotDisturb(true);
        notifier.onInboundMessage(QStringLiteral("C1"), QStringLiteral("d1"));
        notifier.onInboundMessage(QStringLiteral("C2"), QStringLiteral("d2"));
        QCOMPARE(sink.shown.size(), 0);
        QCOMPARE(sink.sounds, 0);
        // Turned off: nothing held back pops up; the next message notifies.
        notifier.setDoNotDisturb(false);
        QCOMPARE(sink.shown.size(), 0);
        notifier.onInboundMessage(QStringLiteral("C2"), QStringLiteral("d3"));
        QCOMPARE(sink.shown.size(), 1);
        // Notifications off in the preferences: nothing either.
        notifier.setEnabled(false);
        notifier.setGroupWindowMs(0);
        QTRY_VERIFY(!notifier.isGrouping());
        notifier.onInboundMessage(QStringLiteral("C1"), QStringLiteral("d4"));
        QCOMPARE(sink.shown.size(), 1);
    }

    void customerTextIsPlainAndBounded()
    {
        const QString hostile = QStringLiteral("<b>PIX</b> & <img src=x>\n\u202Eevil\t")
            + QString(300, QLatin1Char('a'));
        const QString text = Notifier::notificationText(hostile);
        QVERIFY(!text.contains(QLatin1Char('<')));
        QVERIFY(!text.contains(QLatin1Char('>')));
        QVERIFY(!text.contains(QLatin1Char('&')));
        QVERIFY(!text.contains(QLatin1Char('\n')));
        QVERIFY(!text.contains(QChar(0x202E)));
        QCOMPARE(text.size(), 120);
        QVERIFY(text.endsWith(QChar(0x2026)));
    }

    void trayAndTitleShowTheUnreadTotal()
    {
        build();
        Gui::DesktopIntegration desktop(m_store.get(), m_window.get());
        auto* tray = desktop.trayIcon();
        QCOMPARE(tray->unreadTotal(), 0);
        QVERIFY(!m_window->windowTitle().startsWith(QLatin1Char('(')));

        auto* chats = m_store->chatListSourceModel();
        chats->setUnreadCount(QStringLiteral("C1"), 2);
        chats->setUnreadCount(QStringLiteral("C2"), 1);
        QCOMPARE(tray->unreadTotal(), 3);
        QVERIFY2(m_window->windowTitle().startsWith(QStringLiteral("(3) ")),
            qPrintable(m_window->windowTitle()));
        QVERIFY(m_window->windowTitle().contains(QStringLiteral("WhaTrack Inbox")));
        QVERIFY(tray->toolTip().contains(QLatin1Char('3')));
        // Opening a chat reads it: the count follows.
        m_store->openChat(QStringLiteral("C1"));
        QTRY_COMPARE(tray->unreadTotal(), 1);
        QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("(1) ")));

        // The menu: open, mute (saved, and held by the notifier), quit.
        QVERIFY(tray->openAction() && tray->quitAction());
        tray->muteAction()->trigger();
        QVERIFY(desktop.notifier()->doNotDisturb());
        QVERIFY(AppSettings().preferences().doNotDisturb);
        tray->muteAction()->trigger();
        QVERIFY(!desktop.notifier()->doNotDisturb());
        QVERIFY(!AppSettings().preferences().doNotDisturb);

        // A click on a notification raises the window and opens that chat.
        deactivateMainWindow();
        desktop.notifier()->setGroupWindowMs(0);
        m_store->closeChat();
        desktop.notifier()->onInboundMessage(QStringLiteral("C2"), QStringLiteral("t1"));
        Q_EMIT tray->notificationClicked();
        QCOMPARE(m_store->openChatId(), QStringLiteral("C2"));
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void preferencesRoundTripThroughTheTypedSettings()
    {
        Preferences p;
        p.backendUrl = QUrl(QStringLiteral("https://inbox.clinica.test:8443"));
        p.webSocketUrl = QUrl(QStringLiteral("wss://rt.clinica.test/connection/websocket"));
        p.messagesChannel = QStringLiteral("inbox:{org}:msgs");
        p.ticketsChannel = QStringLiteral("-");
        p.language = QStringLiteral("pt_BR");
        p.notifications = true;
        p.sound = true;
        p.doNotDisturb = true;
        p.startAtLogin = false;

        PreferencesDialog dialog(p);
        QCOMPARE(dialog.preferences(), p);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.accept();
        QCOMPARE(accepted.size(), 1);
        AppSettings().setPreferences(dialog.preferences());
        QCOMPARE(AppSettings().preferences(), p);
        // The settings file is the agent's alone.
        const QString file = AppSettings::fileName();
        QVERIFY(QFile::exists(file));
        const auto mode = QFileInfo(file).permissions();
        QVERIFY(mode.testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QCOMPARE(mode
                & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther
                    | QFileDevice::WriteOther),
            QFileDevice::Permissions());
        // And the dialog shows what was saved.
        PreferencesDialog again(AppSettings().preferences());
        QCOMPARE(again.findChild<QLineEdit*>(QStringLiteral("backendUrl"))->text(),
            QStringLiteral("https://inbox.clinica.test:8443"));
    }

    void preferencesRefuseCredentialsAndBadValues_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("backend user:password") << "backendUrl"
                                               << "https://ana:hunter2@inbox.clinica.test";
        QTest::newRow("backend user only") << "backendUrl"
                                           << "https://ana@inbox.clinica.test";
        QTest::newRow("websocket password")
            << "webSocketUrl"
            << "wss://ana:hunter2@rt.clinica.test/connection/websocket";
        QTest::newRow("backend not a URL") << "backendUrl"
                                           << "inbox.clinica.test";
        QTest::newRow("backend wrong scheme") << "backendUrl"
                                              << "ftp://inbox.clinica.test";
        QTest::newRow("websocket http") << "webSocketUrl"
                                        << "http://rt.clinica.test/ws";
        QTest::newRow("template without org") << "messagesChannel"
                                              << "messages";
        QTest::newRow("CA file missing") << "caCertFile"
                                         << "/nonexistent/ca.pem";
    }

    void preferencesRefuseCredentialsAndBadValues()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        Preferences good;
        good.backendUrl = QUrl(QStringLiteral("https://inbox.clinica.test"));
        AppSettings().setPreferences(good);

        PreferencesDialog dialog(good);
        dialog.findChild<QLineEdit*>(field)->setText(value);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.accept();
        QCOMPARE(accepted.size(), 0);
        QVERIFY(!dialog.problem().isEmpty());
        QVERIFY2(
            !dialog.problem().contains(QStringLiteral("hunter2")), qPrintable(dialog.problem()));
        QVERIFY(!validatePreferences(dialog.preferences()).isEmpty());
        // Nothing reached the settings.
        QCOMPARE(AppSettings().preferences(), good);
    }

    void signInDialogOpensThePreferences()
    {
        SignInDialog dialog;
        QSignalSpy requested(&dialog, &SignInDialog::preferencesRequested);
        auto* button = dialog.findChild<QPushButton*>(QStringLiteral("serverSettings"));
        QVERIFY(button);
        button->click();
        QCOMPARE(requested.size(), 1);

        build();
        QSignalSpy fromMenu(m_window.get(), &MainWindow::preferencesRequested);
        m_window->findChild<QAction*>(QStringLiteral("preferencesAction"))->trigger();
        QCOMPARE(fromMenu.size(), 1);
    }

    void secondInstanceRaisesTheFirst()
    {
        const QString key = QStringLiteral("tst_desktop|") + home().path();
        Gui::SingleInstance first(key);
        QVERIFY(first.claim());
        QVERIFY(first.isPrimary());
        QSignalSpy raised(&first, &Gui::SingleInstance::raiseRequested);

        Gui::SingleInstance second(key);
        QVERIFY(!second.claim());
        QVERIFY(!second.isPrimary());
        QTRY_COMPARE(raised.size(), 1);

        // Another profile is another instance.
        Gui::SingleInstance otherProfile(key + QStringLiteral("/other"));
        QVERIFY(otherProfile.claim());
    }

    void secondLaunchOfTheAppRaisesTheFirst()
    {
        // The real binary twice with one profile: the second asks the first and exits 0.
        FakeInboxBackend backend;
        QVERIFY(backend.start());
        QTemporaryDir profile;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), profile.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), profile.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("inbox.ui.info=true"));
        const QStringList args {QStringLiteral("--backend-url"),
            backend.server().baseUrl().toString(), QStringLiteral("--ws-url"),
            QStringLiteral("ws://127.0.0.1:9/connection/websocket")};
        QProcess first;
        first.setProcessEnvironment(env);
        first.start(QStringLiteral(INBOX_APP_BINARY), args);
        QVERIFY(first.waitForStarted());
        const auto stop = qScopeGuard([&first] {
            first.kill();
            first.waitForFinished();
        });
        QByteArray firstLog;
        QVERIFY(QTest::qWaitFor(
            [&] {
                firstLog += first.readAllStandardError();
                return firstLog.contains("primary for this profile");
            },
            30000));

        QProcess second;
        second.setProcessEnvironment(env);
        second.start(QStringLiteral(INBOX_APP_BINARY), args);
        QVERIFY(QTest::qWaitFor([&] { return second.state() == QProcess::NotRunning; }, 30000));
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.exitCode(), 0);
        QVERIFY(QTest::qWaitFor(
            [&] {
                firstLog += first.readAllStandardError();
                return firstLog.contains("another launch asked for this window");
            },
            30000));
        QCOMPARE(first.state(), QProcess::Running);
    }

    void primaryGoneTheNextLaunchTakesOver()
    {
        const QString key = QStringLiteral("tst_desktop-takeover|") + home().path();
        {
            Gui::SingleInstance first(key);
            QVERIFY(first.claim());
        }
        Gui::SingleInstance next(key);
        QVERIFY(next.claim());
    }

    void aCacheIsNeverOpenedTwice()
    {
        const QString cache = home().filePath(QStringLiteral("cache.sqlite"));
        Gui::CacheLock first(cache);
        QVERIFY(first.tryLock());
        Gui::CacheLock second(cache);
        QVERIFY(!second.tryLock());
    }

    void startAtLoginWritesTheAutostartEntry()
    {
        const QString entry = Gui::Autostart::desktopEntryPath();
        QVERIFY2(entry.startsWith(home().path()), qPrintable(entry));
        QString error;
        QVERIFY2(Gui::Autostart::setEnabled(true, &error), qPrintable(error));
        QVERIFY(Gui::Autostart::isEnabled());
        QFile file(entry);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("[Desktop Entry]"));
        const QByteArray exec
            = QByteArray("Exec=\"") + QCoreApplication::applicationFilePath().toUtf8() + '"';
        QVERIFY(text.contains(exec));
        QVERIFY(Gui::Autostart::setEnabled(false, &error));
        QVERIFY(!QFile::exists(entry));
    }

    void helpWorksWithoutADisplay()
    {
        for (const QString& option : {QStringLiteral("--help"), QStringLiteral("--version")}) {
            QProcess app;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            for (const char* var : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
                env.remove(QString::fromLatin1(var));
            app.setProcessEnvironment(env);
            app.start(QStringLiteral(INBOX_APP_BINARY), {option});
            QVERIFY(app.waitForFinished(30000));
            const QString out = QString::fromUtf8(app.readAllStandardOutput());
            QCOMPARE(app.exitStatus(), QProcess::NormalExit);
            QVERIFY2(
                app.exitCode() == 0, qPrintable(QString::fromUtf8(app.readAllStandardError())));
            if (option == QLatin1String("--help")) {
                QVERIFY2(out.contains(QStringLiteral("Usage:")), qPrintable(out));
                QVERIFY(out.contains(QStringLiteral("--backend-url")));
            } else {
                QVERIFY2(out.contains(QStringLiteral("WhaTrack Inbox")), qPrintable(out));
            }
        }
    }
};

QTEST_MAIN(TstDesktop)
#include "tst_desktop.moc"
