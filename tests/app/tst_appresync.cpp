// The composition root's own wiring of the platform's resume and network-change signals
// (AppController::start, watchNetwork): the whole GUI app against the in-memory backend, signed
// in, its chat list shown. While the machine sleeps or is offline a customer writes; then
//  - logind's PrepareForSleep(false) on the system bus (a private dbus-daemon here, whose address
//    DBUS_SYSTEM_BUS_ADDRESS gives to the app as the system bus), or
//  - the platform's reachability going Disconnected -> Online (played into the app's
//    NetworkWatcher as QNetworkInformation reports it)
// must refetch at once: the new chat is in the window's chat list without any other trigger
// (the realtime server is unreachable, so no reconnect or publication can bring it).
// The store's side against the real stack: tests/chaos/tst_chaos_resume.

#include "app/gui/appcontroller.h"
#include "realtime/networkwatcher.h"
#include "tests/support/fakeinboxbackend.h"
#include "ui/mainwindow.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/prctl.h>

using namespace WhaTrack;
using WhaTrack::Testing::FakeInboxBackend;
using WhaTrack::Testing::HttpRequest;
using WhaTrack::Testing::HttpResponse;

namespace {

const QByteArray kSession
    = R"({"session":{"id":"s1","userId":"u1","expiresAt":"2099-01-01T00:00:00.000Z",
    "activeOrganizationId":"org-1"},"user":{"id":"u1","name":"Ana Souza","email":"ana@clinica.test"}})";

//! True when any list in \a window shows a row named \a name (what the agent sees).
bool windowShows(QWidget* window, const QString& name)
{
    const auto views = window->findChildren<QAbstractItemView*>();
    for (QAbstractItemView* view : views) {
        QAbstractItemModel* model = view->model();
        for (int r = 0; model && r < model->rowCount(); ++r) {
            if (model->index(r, 0).data(Qt::DisplayRole).toString() == name)
                return true;
        }
    }
    return false;
}

int chatListRequests(FakeInboxBackend& backend)
{
    int n = 0;
    const QList<HttpRequest> requests = backend.server().requests();
    for (const HttpRequest& r : requests)
        n += r.path == QLatin1String("/api/v1/whatsapp/chats") ? 1 : 0;
    return n;
}

} // namespace

class TstAppResync : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    QProcess m_bus;
    QString m_address;

    bool emitPrepareForSleep(bool sleeping)
    {
        QDBusConnection logind = QDBusConnection::connectToBus(m_address, QStringLiteral("logind"));
        if (!logind.isConnected()
            || !logind.registerService(QStringLiteral("org.freedesktop.login1")))
            return false;
        QDBusMessage signal = QDBusMessage::createSignal(QStringLiteral("/org/freedesktop/login1"),
            QStringLiteral("org.freedesktop.login1.Manager"), QStringLiteral("PrepareForSleep"));
        signal << sleeping;
        return logind.send(signal);
    }

    //! The app as main() builds it, signed in to \a backend (organization org-1), chats shown.
    std::unique_ptr<Gui::AppController> startApp(FakeInboxBackend& backend, const QString& name)
    {
        backend.server().route(
            "POST", QStringLiteral("/api/v1/auth/sign-in/email"), [](const HttpRequest&) {
                HttpResponse resp = HttpResponse::json(200, kSession);
                resp.headers.append(qMakePair(QByteArray("Set-Cookie"),
                    QByteArray("better-auth.session_token=tok.sig; Path=/; HttpOnly")));
                return resp;
            });
        backend.server().route("GET", QStringLiteral("/api/v1/auth/get-session"),
            [](const HttpRequest&) { return HttpResponse::json(200, kSession); });
        backend.server().route(
            "GET", QStringLiteral("/api/v1/auth/organization/list"), [](const HttpRequest&) {
                return HttpResponse::json(200, R"([{"id":"org-1","name":"Clínica","slug":"c"}])");
            });
        Gui::GuiOptions options;
        options.backendUrl = backend.server().baseUrl();
        // Nothing listens there: the realtime client only fails and waits (no publication and
        // no reconnect resync can bring the new chat; only the wiring under test can).
        options.webSocketUrl = QUrl(QStringLiteral("ws://127.0.0.1:9/connection/websocket"));
        options.messagesChannel = QStringLiteral("org:{org}:messages");
        options.ticketsChannel = QStringLiteral("org:{org}:tickets");
        options.email = QStringLiteral("ana@clinica.test");
        options.passwordEnv = QStringLiteral("INBOX_TEST_RESYNC_PASSWORD");
        options.organizationId = QStringLiteral("org-1");
        // Screenshot mode: an in-memory secret store, never the agent's keychain.
        options.screenshotFile = m_home.filePath(QStringLiteral("unused.png"));
        options.localCachePath = m_home.filePath(name + QStringLiteral(".sqlite"));
        auto controller = std::make_unique<Gui::AppController>(options);
        if (!controller->start())
            return {};
        return controller;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        qputenv("INBOX_TEST_RESYNC_PASSWORD", "secret");
        QCoreApplication::setOrganizationName(QStringLiteral("WhaTrackTest"));
        QCoreApplication::setApplicationName(QStringLiteral("Resync Test"));

        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (daemon.isEmpty())
            QSKIP("dbus-daemon is not installed (apt install dbus)");
        m_bus.setProgram(daemon);
        m_bus.setArguments({QStringLiteral("--session"), QStringLiteral("--nofork"),
            QStringLiteral("--print-address")});
        m_bus.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
        m_bus.start();
        QVERIFY(m_bus.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(m_bus.canReadLine(), 10000);
        m_address = QString::fromUtf8(m_bus.readLine()).trimmed();
        QVERIFY(!m_address.isEmpty());
        // The app's SystemEvents watches logind on "the system bus": this one.
        qputenv("DBUS_SYSTEM_BUS_ADDRESS", m_address.toUtf8());
    }

    void cleanupTestCase()
    {
        QDBusConnection::disconnectFromBus(QStringLiteral("logind"));
        m_bus.terminate();
        m_bus.waitForFinished(5000);
    }

    void resumeRefetchesAtOnce()
    {
        FakeInboxBackend backend(FakeInboxBackend::Empty);
        backend.addChat(QStringLiteral("C1"), QStringLiteral("Maria Silva"), 0);
        QVERIFY(backend.start());
        auto app = startApp(backend, QStringLiteral("resume"));
        QVERIFY(app);
        QTRY_VERIFY_WITH_TIMEOUT(
            windowShows(app->mainWindow(), QStringLiteral("Maria Silva")), 15000);

        QVERIFY(emitPrepareForSleep(true));
        // Asleep: a customer writes.
        backend.addChat(QStringLiteral("C2"), QStringLiteral("Written While Asleep"), 60);
        const int before = chatListRequests(backend);
        QVERIFY(emitPrepareForSleep(false));
        QTRY_VERIFY_WITH_TIMEOUT(
            windowShows(app->mainWindow(), QStringLiteral("Written While Asleep")), 10000);
        QVERIFY(chatListRequests(backend) > before);
        app.reset();
    }

    void networkBackRefetchesAtOnce()
    {
        FakeInboxBackend backend(FakeInboxBackend::Empty);
        backend.addChat(QStringLiteral("C1"), QStringLiteral("Maria Silva"), 0);
        QVERIFY(backend.start());
        auto app = startApp(backend, QStringLiteral("network"));
        QVERIFY(app);
        QTRY_VERIFY_WITH_TIMEOUT(
            windowShows(app->mainWindow(), QStringLiteral("Maria Silva")), 15000);
        Centrifuge::NetworkWatcher* network = app->networkWatcher();
        QVERIFY(network);

        // The platform's reports, as QNetworkInformation gives them to the watcher.
        network->handleReachability(QNetworkInformation::Reachability::Online);
        network->handleReachability(QNetworkInformation::Reachability::Disconnected);
        QCOMPARE(network->reachability(), Centrifuge::NetworkMonitor::Reachability::Offline);
        // Offline: a customer writes.
        backend.addChat(QStringLiteral("C2"), QStringLiteral("Written While Offline"), 60);
        const int before = chatListRequests(backend);
        network->handleReachability(QNetworkInformation::Reachability::Online);
        QTRY_VERIFY_WITH_TIMEOUT(
            windowShows(app->mainWindow(), QStringLiteral("Written While Offline")), 10000);
        QVERIFY(chatListRequests(backend) > before);
        app.reset();
    }
};

QTEST_MAIN(TstAppResync)
#include "tst_appresync.moc"
