// Preferences change the server at run time: from the sign-in dialog's "Server settings…", a
// new backend URL is saved and the composition root asks to be rebuilt with it (what main()
// does: the old controller goes, a new one starts against the new server, with its own cache).

#include "app/gui/appcontroller.h"
#include "app/gui/desktopintegration.h"
#include "models/platform/appsettings.h"
#include "tests/support/fakeinboxbackend.h"
#include "ui/mainwindow.h"
#include "ui/preferencesdialog.h"
#include "ui/signindialog.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace WhaTrack;
using WhaTrack::Testing::FakeInboxBackend;

class TstAppRestart : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;

    static Ui::SignInDialog* signInDialog(Gui::AppController& c)
    {
        return c.mainWindow()->findChild<Ui::SignInDialog*>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("WhaTrackTest"));
        QCoreApplication::setApplicationName(QStringLiteral("Restart Test"));
    }

    void newServerFromTheSignInDialogRebuildsTheApp()
    {
        FakeInboxBackend first;
        QVERIFY(first.start());
        FakeInboxBackend second;
        QVERIFY(second.start());

        Gui::GuiOptions options;
        options.backendUrl = first.server().baseUrl();
        options.webSocketUrl = QUrl(QStringLiteral("ws://127.0.0.1:9/connection/websocket"));
        options.messagesChannel = QStringLiteral("org:{org}:messages");
        options.ticketsChannel = QStringLiteral("org:{org}:tickets");
        options.passwordEnv = QStringLiteral("INBOX_TEST_UNUSED");
        // Screenshot mode: an in-memory secret store, never the agent's keychain.
        options.screenshotFile = m_home.filePath(QStringLiteral("unused.png"));
        options.localCachePath = m_home.filePath(QStringLiteral("first.sqlite"));
        AppSettings settings;
        Preferences saved = settings.preferences();
        saved.backendUrl = options.backendUrl;
        settings.setPreferences(saved);

        auto controller = std::make_unique<Gui::AppController>(options);
        QVERIFY(controller->start());
        // No password in that variable: the sign-in dialog asks.
        QTRY_VERIFY(signInDialog(*controller) && signInDialog(*controller)->isVisible());
        QSignalSpy restart(controller.get(), &Gui::AppController::restartRequested);

        // The agent fixes the server from the sign-in dialog.
        auto* serverSettings
            = signInDialog(*controller)->findChild<QPushButton*>(QStringLiteral("serverSettings"));
        QVERIFY(serverSettings);
        serverSettings->click();
        Ui::PreferencesDialog* prefs = nullptr;
        QTRY_VERIFY((prefs = signInDialog(*controller)->findChild<Ui::PreferencesDialog*>()));
        QTRY_VERIFY(prefs->isVisible());
        auto* backend = prefs->findChild<QLineEdit*>(QStringLiteral("backendUrl"));
        // A URL with a password is refused: nothing is saved, nothing restarts.
        backend->setText(QStringLiteral("http://ana:hunter2@127.0.0.1:1"));
        prefs->accept();
        QVERIFY(prefs->isVisible());
        QCOMPARE(restart.size(), 0);
        QCOMPARE(AppSettings().preferences().backendUrl, first.server().baseUrl());

        backend->setText(second.server().baseUrl().toString());
        prefs->accept();
        QTRY_COMPARE(restart.size(), 1);
        QCOMPARE(AppSettings().preferences().backendUrl, second.server().baseUrl());
        const Gui::GuiOptions next = controller->options();
        QCOMPARE(next.backendUrl, second.server().baseUrl());
        QVERIFY(next.passwordEnv.isEmpty()); // command-line credentials never go to a new server

        // What main() does with it: the old controller goes without quitting the app...
        QApplication::setQuitOnLastWindowClosed(false);
        controller.reset();
        auto rebuilt = std::make_unique<Gui::AppController>(next);
        QVERIFY(rebuilt->start());
        QApplication::setQuitOnLastWindowClosed(true);
        // ...and the new one talks to the new server.
        QTRY_VERIFY(signInDialog(*rebuilt) && signInDialog(*rebuilt)->isVisible());
        const QString port = QString::number(second.server().baseUrl().port());
        bool named = false;
        for (const QLabel* label : signInDialog(*rebuilt)->findChildren<QLabel*>())
            named = named || label->text().contains(port);
        QVERIFY2(named, "the sign-in dialog names the new server");
        signInDialog(*rebuilt)
            ->findChild<QLineEdit*>(QStringLiteral("email"))
            ->setText(QStringLiteral("ana@clinica.test"));
        signInDialog(*rebuilt)
            ->findChild<QLineEdit*>(QStringLiteral("password"))
            ->setText(QStringLiteral("secret"));
        QCOMPARE(first.server().requests().size(), 0);
        Q_EMIT signInDialog(*rebuilt)->submitted(
            QStringLiteral("ana@clinica.test"), QStringLiteral("secret"));
        QTRY_VERIFY(!second.server().requests().isEmpty());
        QCOMPARE(first.server().requests().size(), 0);
        rebuilt.reset();
    }
};

QTEST_MAIN(TstAppRestart)
#include "tst_apprestart.moc"
