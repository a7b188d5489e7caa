// System sleep and resume: logind's PrepareForSleep(false) (sent here on a private
// dbus-daemon, as logind sends it on the system bus) must make the app resync at once, not
// after the ping watchdog's 25 s + max delay. The network coming back must do the same: what
// arrived while the machine was offline is in the chat list and the open chat at once, and a
// connection that was down reconnects without sitting out its backoff. The app's data layer
// runs against the real stack. (AppController's wiring of both signals: tests/ui/tst_appresync.)

#include "models/items/chatlistmodel.h"
#include "models/items/messagelistmodel.h"
#include "models/platform/systemevents.h"
#include "models/store/inboxstore.h"
#include "models/store/querycache.h"
#include "realtime/networkmonitor.h"
#include "tests/support/devstackprocess.h"
#include "tests/support/metawebhook.h"
#include "tests/support/storeharness.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

#include <csignal>
#include <sys/prctl.h>

using namespace WhaTrack;
using namespace WhaTrack::Testing;
using Reachability = Centrifuge::NetworkMonitor::Reachability;

namespace {

//! The platform's reachability as the app hands it to the client (AppController shares its
//! NetworkWatcher through ClientOptions::networkMonitor): here the test says when it changes.
class PlayedNetwork : public Centrifuge::NetworkMonitor
{
public:
    Reachability reachability() const override { return m_reachability; }
    void set(Reachability reachability)
    {
        m_reachability = reachability;
        Q_EMIT reachabilityChanged(reachability);
        if (reachability == Reachability::Online)
            Q_EMIT networkAvailable();
        else
            Q_EMIT networkLost();
    }

private:
    Reachability m_reachability = Reachability::Online;
};

//! True once the backend accepted \a message (stored; its publication may fail).
bool deliver(DevstackProcess& stack, const InboundText& message)
{
    QNetworkAccessManager nam;
    std::unique_ptr<QNetworkReply> reply(
        postInboundText(nam, stack.backendUrl(), stack.webhookSecret().toUtf8(), message, 15000));
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 20000))
        return false;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return reply->error() == QNetworkReply::NoError && status >= 200 && status < 300;
}

//! True when something listens at \a url's port (a restarted server is ready for clients).
bool accepts(const QUrl& url)
{
    QTcpSocket socket;
    socket.connectToHost(url.host(), quint16(url.port()));
    return socket.waitForConnected(1000);
}

bool chatListHasPhone(InboxStore* store, const QString& phone)
{
    QAbstractItemModel* list = store->chatListModel();
    for (int r = 0; r < list->rowCount(); ++r) {
        if (list->index(r, 0).data(ChatListModel::PhoneRole).toString().contains(phone))
            return true;
    }
    return false;
}

bool openChatHasBody(InboxStore* store, const QString& body)
{
    MessageListModel* messages = store->messageListModel();
    for (int r = 0; r < messages->rowCount(); ++r) {
        if (messages->index(r, 0).data(MessageListModel::BodyRole).toString() == body)
            return true;
    }
    return false;
}

} // namespace

class TestChaosResume : public QObject
{
    Q_OBJECT

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

private Q_SLOTS:
    void initTestCase()
    {
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
    }

    void cleanupTestCase()
    {
        QDBusConnection::disconnectFromBus(QStringLiteral("logind"));
        m_bus.terminate();
        m_bus.waitForFinished(5000);
    }

    void resumeResyncsAtOnce()
    {
        DevstackProcess stack;
        QString error;
        QVERIFY2(stack.start(&error), qPrintable(error));
        WhaTrack::Testing::StoreHarness app;
        QVERIFY2(app.start(stack, &error), qPrintable(error));
        SystemEvents events;
        QVERIFY(events.watchSleep(m_address));
        events.attach(app.store());
        QSignalSpy resyncs(app.store(), &InboxStore::resyncFinished);
        QSignalSpy sleeping(&events, &SystemEvents::aboutToSleep);

        QVERIFY(emitPrepareForSleep(true));
        QTRY_COMPARE_WITH_TIMEOUT(sleeping.size(), 1, 5000);
        QCOMPARE(resyncs.size(), 0); // going to sleep changes nothing
        QElapsedTimer sinceResume;
        sinceResume.start();
        QVERIFY(emitPrepareForSleep(false));
        // At once: well before the ping watchdog (25 s ping + 10 s max delay) would notice.
        QTRY_VERIFY_WITH_TIMEOUT(resyncs.size() >= 1, 10000);
        QVERIFY(resyncs.first().at(0).toBool());
        QTRY_COMPARE_WITH_TIMEOUT(app.store()->freshness().state, Freshness::State::Live, 20000);
        qInfo("resume -> resync finished in %lld ms", sinceResume.elapsed());
        QString difference;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (difference = app.differenceFromBackend()).isEmpty(), qPrintable(difference), 20000);
        app.stop();
        stack.stop();
    }

    void networkBackResyncsAtOnce()
    {
        DevstackProcess stack;
        QString error;
        QVERIFY2(stack.start(&error), qPrintable(error));
        auto network = std::make_shared<PlayedNetwork>();
        StoreHarness::Options options;
        options.client.networkMonitor = network;
        // A long backoff: a prompt reconnect can only come from the network-back signal.
        options.client.minReconnectDelay = std::chrono::milliseconds(120000);
        options.client.maxReconnectDelay = std::chrono::milliseconds(120000);
        StoreHarness app;
        QVERIFY2(app.start(stack, &error, options), qPrintable(error));
        InboxStore* store = app.store();
        const QStringList phones = app.phones(1);
        QVERIFY(!phones.isEmpty());
        const QString openPhone = phones.first();
        QString openId;
        for (int r = 0; r < store->chatListModel()->rowCount() && openId.isEmpty(); ++r) {
            const QModelIndex chat = store->chatListModel()->index(r, 0);
            if (chat.data(ChatListModel::PhoneRole).toString() == openPhone)
                openId = chat.data(ChatListModel::IdRole).toString();
        }
        QVERIFY(!openId.isEmpty());
        store->openChat(openId);
        QTRY_COMPARE_WITH_TIMEOUT(store->queryCache()->inFlightCount(), 0, 20000);

        // Offline: the platform says so and the realtime server is out of reach.
        network->set(Reachability::Offline);
        QVERIFY2(stack.stopServer(QStringLiteral("centrifugo"), &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(store->freshness().state != Freshness::State::Live, 20000);
        QCOMPARE(app.client()->state(), Centrifuge::Client::State::Connecting);

        // Meanwhile the customers write: one in the open chat, one new customer.
        const QString stamp = QString::number(QDateTime::currentMSecsSinceEpoch());
        InboundText inOpenChat;
        inOpenChat.from = openPhone;
        inOpenChat.body = QStringLiteral("written while the agent was offline ") + stamp;
        InboundText newCustomer;
        newCustomer.from = QStringLiteral("55119") + stamp.right(8);
        newCustomer.body = QStringLiteral("a new customer while the agent was offline");
        QVERIFY(deliver(stack, inOpenChat));
        QVERIFY(deliver(stack, newCustomer));
        QVERIFY(!openChatHasBody(store, inOpenChat.body));
        QVERIFY(!chatListHasPhone(store, newCustomer.from));

        // The network is back (AppController: NetworkWatcher -> handleNetworkBack()). The
        // realtime server is still down, so only the network-back resync can bring them.
        QSignalSpy resyncs(store, &InboxStore::resyncFinished);
        QElapsedTimer sinceBack;
        sinceBack.start();
        network->set(Reachability::Online);
        store->handleNetworkBack();
        QTRY_VERIFY_WITH_TIMEOUT(
            chatListHasPhone(store, newCustomer.from) && openChatHasBody(store, inOpenChat.body),
            20000);
        qInfo("network back -> the offline messages shown in %lld ms (realtime still down)",
            sinceBack.elapsed());
        QTRY_VERIFY_WITH_TIMEOUT(resyncs.size() >= 1, 20000);
        QVERIFY(resyncs.first().at(0).toBool());

        // The realtime server is reachable again while the client waits out a 120 s backoff:
        // the next network change (a switch of medium, a second "online") reconnects at once.
        QVERIFY2(stack.startServer(QStringLiteral("centrifugo"), &error), qPrintable(error));
        QVERIFY2(QTest::qWaitFor([&] { return accepts(stack.centrifugoWsUrl()); }, 30000),
            "Centrifugo did not listen again");
        QCOMPARE(app.client()->state(), Centrifuge::Client::State::Connecting);
        sinceBack.restart();
        network->set(Reachability::Online);
        QTRY_COMPARE_WITH_TIMEOUT(store->freshness().state, Freshness::State::Live, 60000);
        qInfo("network change -> Live again in %lld ms (backoff was 120 s)", sinceBack.elapsed());
        QString difference = app.settledDifferenceFromBackend();
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        app.stop();
        stack.stop();
    }
};

QTEST_GUILESS_MAIN(TestChaosResume)
#include "tst_chaos_resume.moc"
