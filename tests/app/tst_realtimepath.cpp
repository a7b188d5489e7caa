// One path from the realtime client to the connection panel: the store's RealtimeBinding owns
// the subscriptions and the monitor follows it (no lookup of subscriptions by name, no
// polling). The agent sees each channel's state, a refused channel in its own row and in the
// pill, and "no network" from the one reachability mapping.

#include "models/store/realtimebinding.h"
#include "realtime/client.h"
#include "realtime/networkwatcher.h"
#include "tests/support/fakecentrifugo.h"
#include "ui/connectionmonitor.h"
#include "ui/connectionstatus.h"

#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;
using namespace WhaTrack;
using Centrifuge::Client;
using Centrifuge::NetworkWatcher;
using Reachability = Centrifuge::NetworkMonitor::Reachability;
using SubState = Centrifuge::Subscription::State;
using Ui::ConnectionMonitor;
using View = Ui::ConnectionStatusView;

namespace {
Centrifuge::ClientOptions quickOptions()
{
    Centrifuge::ClientOptions o;
    o.timeout = 2000ms;
    o.minReconnectDelay = 50ms;
    o.maxReconnectDelay = 200ms;
    o.minResubscribeDelay = 50ms;
    o.maxResubscribeDelay = 200ms;
    o.watchNetworkReachability = false;
    return o;
}

QStringList rowNames(const ConnectionMonitor& m)
{
    QStringList out;
    for (const auto& c : m.snapshot().channels)
        out << c.channel;
    return out;
}
} // namespace

class TstRealtimePath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void panelFollowsTheBindingsSubscriptions()
    {
        const QString messages = QStringLiteral("org:org_1:messages");
        const QString tickets = QStringLiteral("org:org_1:tickets");
        TestSupport::FakeCentrifugo server;
        // The server does not know the tickets channel (wrong naming): 102, for good.
        server.subscribeErrors.insert(tickets,
            QJsonObject {{QStringLiteral("code"), 102},
                {QStringLiteral("message"), QStringLiteral("unknown channel")}});
        Client client(server.url(), quickOptions());
        RealtimeBinding binding(&client, ChannelTemplates::colon());
        ConnectionMonitor monitor;
        monitor.attach(&binding);

        binding.setOrganization(QStringLiteral("org_1"));
        // Listed at once, before any event.
        QCOMPARE(rowNames(monitor), (QStringList {messages, tickets}));
        monitor.start();
        client.connectToServer();

        QTRY_COMPARE(monitor.snapshot().state, Client::State::Connected);
        QTRY_COMPARE(monitor.snapshot().channel(messages)->state, SubState::Subscribed);
        // The refused channel's row says why, and so does the pill.
        QTRY_COMPARE(monitor.snapshot().channel(tickets)->lastError.code, 102);
        QCOMPARE(monitor.snapshot().channel(tickets)->state, SubState::Unsubscribed);
        const View view
            = Ui::ConnectionStatusPresenter::describe(monitor.snapshot(), monitor.now() + 60000);
        QCOMPARE(view.kind, View::Kind::ChannelError);
        QVERIFY2(view.toolTip.contains(tickets), qPrintable(view.toolTip));
        QVERIFY(!monitor.snapshot().clientId.isEmpty());

        // Publications are counted on their channel's row.
        server.publish(messages, QJsonObject {{QStringLiteral("type"), QStringLiteral("x")}}, 1);
        QTRY_COMPARE(monitor.snapshot().channel(messages)->publications, qint64(1));

        // Another organization: its channels replace the old rows.
        binding.setOrganization(QStringLiteral("org_2"));
        QCOMPARE(rowNames(monitor),
            (QStringList {
                QStringLiteral("org:org_2:messages"), QStringLiteral("org:org_2:tickets")}));
        QTRY_COMPARE(monitor.snapshot().channel(QStringLiteral("org:org_2:messages"))->state,
            SubState::Subscribed);
        client.disconnectFromServer();
    }

    void clientErrorsKeepTheirCategory()
    {
        // A port nothing listens on: a network failure in the panel's history, never TLS.
        QUrl url;
        {
            TestSupport::FakeCentrifugo gone;
            url = gone.url();
        }
        Client client(url, quickOptions());
        RealtimeBinding binding(&client, ChannelTemplates::colon());
        ConnectionMonitor monitor;
        monitor.attach(&binding);
        QSignalSpy errors(&binding, &RealtimeBinding::clientError);
        client.connectToServer();
        QVERIFY(errors.wait(10000));
        QCOMPARE(errors.first().first().value<Centrifuge::Error>().category,
            Centrifuge::ErrorCategory::Network);
        QTRY_VERIFY(!monitor.snapshot().errors.isEmpty());
        QVERIFY(monitor.snapshot().lastError.isSet());
        client.disconnectFromServer();
    }

    void reachabilityHasOneMapping_data()
    {
        QTest::addColumn<QNetworkInformation::Reachability>("platform");
        QTest::addColumn<Reachability>("expected");
        using R = QNetworkInformation::Reachability;
        QTest::newRow("online") << R::Online << Reachability::Online;
        QTest::newRow("site") << R::Site << Reachability::Online;
        QTest::newRow("local") << R::Local << Reachability::Online;
        QTest::newRow("disconnected") << R::Disconnected << Reachability::Offline;
        QTest::newRow("unknown") << R::Unknown << Reachability::Unknown;
    }
    void reachabilityHasOneMapping()
    {
        QFETCH(QNetworkInformation::Reachability, platform);
        QFETCH(Reachability, expected);
        QCOMPARE(NetworkWatcher::reachabilityOf(platform), expected);
    }

    void noNetworkReachesThePill()
    {
        NetworkWatcher watcher;
        ConnectionMonitor monitor;
        QObject::connect(&watcher, &NetworkWatcher::reachabilityChanged, &monitor,
            &ConnectionMonitor::setNetworkReachable);
        monitor.start();
        watcher.handleReachability(QNetworkInformation::Reachability::Online); // starting point
        QCOMPARE(monitor.snapshot().network, Reachability::Online);
        watcher.handleReachability(QNetworkInformation::Reachability::Disconnected);
        QCOMPARE(monitor.snapshot().network, Reachability::Offline);
        const View view
            = Ui::ConnectionStatusPresenter::describe(monitor.snapshot(), monitor.now() + 60000);
        QCOMPARE(view.kind, View::Kind::NoNetwork);
        watcher.handleReachability(QNetworkInformation::Reachability::Unknown);
        QCOMPARE(monitor.snapshot().network, Reachability::Unknown);
    }
};

QTEST_MAIN(TstRealtimePath)
#include "tst_realtimepath.moc"
