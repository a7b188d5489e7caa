// Network reachability: when the network comes back while a reconnect waits, the backoff is
// reset and the client connects at once (connecting code 5). Driven through the NetworkMonitor
// seam (ClientOptions::networkMonitor); the QNetworkInformation mapping is tested on its own.

#include "fakefixture.h"
#include "realtime/networkwatcher.h"

using namespace Centrifuge;
using namespace FakeFixture;
using TestSupport::FakeCentrifugo;

namespace {

//! A reachability source the test drives (what ClientOptions::networkMonitor is for).
class ManualNetwork : public Centrifuge::NetworkMonitor
{
public:
    int starts = 0;
    void start() override { ++starts; }
    void comeBack() { Q_EMIT networkAvailable(); }
};

} // namespace

class TestClientNetwork : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void networkBackWhileWaitingReconnectsAtOnce()
    {
        FakeCentrifugo server;
        auto network = std::make_shared<ManualNetwork>();
        ClientOptions options = fastOptions();
        options.minReconnectDelay = 5000ms; // a reconnect would otherwise wait 5-10 s
        options.maxReconnectDelay = 10000ms;
        options.watchNetworkReachability = true;
        options.networkMonitor = network;
        Client client(server.url(), options);
        QSignalSpy connecting(&client, &Client::connecting);
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        QCOMPARE(network->starts, 1);

        network->comeBack(); // connected: nothing to hurry
        QTest::qWait(50); // duration, not a wait for an event: no reconnect
        QCOMPARE(connecting.size(), 1);
        QCOMPARE(server.connections, 1);

        server.close(3001);
        QTRY_COMPARE(client.reconnectAttempt(), 1);
        QVERIFY(client.millisToReconnect() > 4000);
        network->comeBack();
        QCOMPARE(client.reconnectAttempt(), 0); // backoff reset
        QCOMPARE(connecting.last().at(0).toInt(), ConnectingCode::NetworkChanged);
        QCOMPARE(connecting.last().at(1).toString(), QStringLiteral("network changed"));
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Connected, 2000);
        QCOMPARE(server.connections, 2);
    }

    void networkMonitorIgnoredWhenNotWatching()
    {
        FakeCentrifugo server;
        auto network = std::make_shared<ManualNetwork>();
        ClientOptions options = fastOptions();
        options.minReconnectDelay = 5000ms;
        options.maxReconnectDelay = 10000ms;
        options.watchNetworkReachability = false;
        options.networkMonitor = network;
        Client client(server.url(), options);
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        server.close(3001);
        QTRY_COMPARE(client.reconnectAttempt(), 1);
        network->comeBack();
        QTest::qWait(100); // duration, not a wait for an event: no early reconnect
        QCOMPARE(network->starts, 0);
        QCOMPARE(client.state(), Client::State::Connecting);
        QCOMPARE(client.reconnectAttempt(), 1);
        QVERIFY(client.millisToReconnect() > 4000);
    }

    void reachabilityReportsMapToNetworkEvents()
    {
        using R = QNetworkInformation::Reachability;
        NetworkWatcher watcher;
        QSignalSpy available(&watcher, &NetworkMonitor::networkAvailable);
        QSignalSpy lost(&watcher, &NetworkMonitor::networkLost);
        watcher.handleReachability(R::Online); // the starting point, not a change
        QCOMPARE(available.size(), 0);
        watcher.handleReachability(R::Disconnected);
        QCOMPARE(lost.size(), 1);
        watcher.handleReachability(R::Disconnected);
        QCOMPARE(lost.size(), 1);
        watcher.handleReachability(R::Local);
        QCOMPARE(available.size(), 1);
        watcher.handleReachability(R::Online); // still usable: nothing came back
        QCOMPARE(available.size(), 1);
        watcher.handleReachability(R::Unknown);
        watcher.handleReachability(R::Site); // back from unknown counts
        QCOMPARE(available.size(), 2);
        watcher.handleTransportMediumChange(); // Ethernet -> Wi-Fi while usable
        QCOMPARE(available.size(), 3);
        watcher.handleReachability(R::Disconnected);
        watcher.handleTransportMediumChange(); // no network: nothing to reconnect to
        QCOMPARE(available.size(), 3);
        QCOMPARE(lost.size(), 2);

        NetworkWatcher offline; // starting offline is no loss; coming online is news
        QSignalSpy offlineLost(&offline, &NetworkMonitor::networkLost);
        QSignalSpy offlineAvailable(&offline, &NetworkMonitor::networkAvailable);
        offline.handleReachability(R::Disconnected);
        QCOMPARE(offlineLost.size(), 0);
        offline.handleReachability(R::Online);
        QCOMPARE(offlineAvailable.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestClientNetwork)
#include "tst_client_network.moc"
