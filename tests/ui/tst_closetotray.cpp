// Closing the main window while the app lives in the tray: the window hides instead of the app
// quitting, the "still running in the tray" hint is due the first time only, Quit (the menu's or
// the tray's) really quits, and the preference turns it off.

#include "models/platform/appsettings.h"
#include "models/store/inboxstore.h"
#include "tests/support/fakeinboxbackend.h"
#include "ui/connectionmonitor.h"
#include "ui/mainwindow.h"
#include "ui/preferencesdialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace WhaTrack;
using namespace WhaTrack::Ui;
using WhaTrack::Testing::FakeInboxBackend;

class TstCloseToTray : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<FakeInboxBackend> m_backend;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<InboxStore> m_store;
    std::unique_ptr<ConnectionMonitor> m_monitor;
    std::unique_ptr<MainWindow> m_window;

    //! Runs the application's event loop with \a action queued; true if it ended the loop (the
    //! app quit), false if the 20 s safety net had to.
    static bool runUntilQuit(const std::function<void()>& action)
    {
        bool safetyNet = false;
        QTimer safety; // destroyed with this call: never fires in a later test
        safety.setSingleShot(true);
        QObject::connect(&safety, &QTimer::timeout, [&safetyNet] {
            safetyNet = true;
            QCoreApplication::quit();
        });
        safety.start(20000);
        QTimer::singleShot(0, qApp, action);
        QCoreApplication::exec();
        return !safetyNet;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("WhaTrackTest"));
        QCoreApplication::setApplicationName(QStringLiteral("Close To Tray Test"));
    }

    void init()
    {
        m_backend = std::make_unique<FakeInboxBackend>();
        QVERIFY(m_backend->start());
        m_api = std::make_unique<ApiClient>(m_backend->config());
        m_store = std::make_unique<InboxStore>(m_api.get(), nullptr);
        m_monitor = std::make_unique<ConnectionMonitor>();
        m_window = std::make_unique<MainWindow>(m_store.get(), m_monitor.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_monitor.reset();
        m_store.reset();
        m_api.reset();
        m_backend.reset();
    }

    void closeHidesToTrayHintOnce()
    {
        AppSettings().setTrayHintShown(false);
        m_window->setCloseToTray(true);
        QSignalSpy hidden(m_window.get(), &MainWindow::hiddenToTray);
        QSignalSpy lastClosed(qApp, &QGuiApplication::lastWindowClosed);
        QVERIFY(!m_window->close()); // the close is refused: the app goes on in the tray
        QVERIFY(!m_window->isVisible());
        QCOMPARE(hidden.count(), 1);
        QCOMPARE(hidden.at(0).at(0).toBool(), true); // the hint is due
        QCOMPARE(lastClosed.count(), 0);

        // Opened again from the tray and closed again: no second hint, even after a restart.
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(!m_window->close());
        QCOMPARE(hidden.count(), 2);
        QCOMPARE(hidden.at(1).at(0).toBool(), false);
        QVERIFY(AppSettings().trayHintShown());
    }

    void quitQuitsFromTheTray()
    {
        m_window->setCloseToTray(true);
        QVERIFY(!m_window->close());
        QVERIFY(!m_window->isVisible());
        QSignalSpy hidden(m_window.get(), &MainWindow::hiddenToTray);
        // The tray's Quit while the window is hidden: the event loop ends (the app quits).
        QCOMPARE(runUntilQuit([this] { m_window->quit(); }), true);
        QCOMPARE(hidden.count(), 0);
    }

    void quitActionQuitsFromTheWindow()
    {
        m_window->setCloseToTray(true);
        auto* quit = m_window->findChild<QAction*>(QStringLiteral("quitAction"));
        QVERIFY(quit);
        QSignalSpy hidden(m_window.get(), &MainWindow::hiddenToTray);
        QCOMPARE(runUntilQuit([quit] { quit->trigger(); }), true);
        QVERIFY(!m_window->isVisible());
        QCOMPARE(hidden.count(), 0);
    }

    void withoutTrayCloseCloses()
    {
        m_window->setCloseToTray(false); // no tray, or the preference is off
        QSignalSpy hidden(m_window.get(), &MainWindow::hiddenToTray);
        QVERIFY(m_window->close()); // accepted: the last window closes, the app ends
        QVERIFY(!m_window->isVisible());
        QCOMPARE(hidden.count(), 0);
    }

    void preferenceRoundTrip()
    {
        Preferences prefs = AppSettings().preferences();
        QVERIFY(prefs.closeToTray); // on by default, as chat apps do
        prefs.closeToTray = false;
        PreferencesDialog dialog(prefs);
        auto* box = dialog.findChild<QCheckBox*>(QStringLiteral("closeToTray"));
        QVERIFY(box);
        QVERIFY(!box->isChecked());
        box->setChecked(true);
        QVERIFY(dialog.preferences().closeToTray);
        prefs.closeToTray = false;
        AppSettings().setPreferences(prefs);
        QVERIFY(!AppSettings().preferences().closeToTray);
    }
};

QTEST_MAIN(TstCloseToTray)
#include "tst_closetotray.moc"
