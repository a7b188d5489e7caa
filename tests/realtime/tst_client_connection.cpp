// The connection state machine against the fake server: batching, ping/pong, silence, close
// codes (§2.3), garbage, stale transports, reconnect control.

#include "fakefixture.h"

#include <QThread>

using namespace Centrifuge;
using namespace FakeFixture;
using TestSupport::FakeCentrifugo;

class TestClientConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stateIsAPropertyWithNotify()
    {
        FakeCentrifugo server;
        Client client(server.url(), fastOptions());
        const QMetaProperty property
            = client.metaObject()->property(client.metaObject()->indexOfProperty("state"));
        QVERIFY(property.hasNotifySignal());
        QVERIFY(!property.isWritable());
        QSignalSpy states(&client, &Client::stateChanged);
        QSignalSpy connecting(&client, &Client::connecting);
        client.connectToServer();
        QCOMPARE(connecting.size(), 1);
        QCOMPARE(connecting.at(0).at(0).toInt(), ConnectingCode::ConnectCalled);
        QTRY_COMPARE(client.state(), Client::State::Connected);
        QCOMPARE(states.size(), 2);
        QCOMPARE(property.read(&client).value<Client::State>(), Client::State::Connected);
    }

    void connectAndSubscribesGoInOneFrame()
    {
        FakeCentrifugo server;
        Client client(server.url(), fastOptions());
        Subscription* a = client.newSubscription(QStringLiteral("a"));
        Subscription* b = client.newSubscription(QStringLiteral("b"));
        QCOMPARE(client.newSubscription(QStringLiteral("a")), nullptr); // registry: one per channel
        a->subscribe();
        b->subscribe();
        client.connectToServer();
        QTRY_COMPARE(b->state(), Subscription::State::Subscribed);
        QCOMPARE(a->state(), Subscription::State::Subscribed);
        QCOMPARE(server.frames.size(), 1);
        const QList<QByteArray> lines = server.frames.first().split('\n');
        QCOMPARE(lines.size(), 3);
        QCOMPARE(FakeCentrifugo::methodOf(QJsonDocument::fromJson(lines[0]).object()),
            QStringLiteral("connect"));
        QCOMPARE(server.received.first()
                     .value(QStringLiteral("connect"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
            QStringLiteral("qt"));
    }

    void nothingButConnectBeforeTheConnectReply()
    {
        FakeCentrifugo server;
        quint32 connectId = 0;
        server.onCommand = [&](const QJsonObject& command) {
            if (FakeCentrifugo::methodOf(command) != QStringLiteral("connect"))
                return false;
            connectId = FakeCentrifugo::idOf(command);
            return true; // hold the reply
        };
        Client client(server.url(), fastOptions());
        client.connectToServer();
        QTRY_VERIFY(connectId != 0);
        auto call = client.publish(QStringLiteral("ch"), "{}");
        Subscription* late = client.newSubscription(QStringLiteral("late"));
        late->subscribe();
        QTest::qWait(50); // duration, not a wait for an event: nothing sent early
        QCOMPARE(server.received.size(), 1); // the publish and the late subscribe wait
        server.onCommand = {};
        server.reply(connectId, QStringLiteral("connect"),
            QJsonObject {{QStringLiteral("client"), QStringLiteral("x")}});
        QTRY_VERIFY(call.isFinished());
        QCOMPARE(call.result().code, 0);
        QTRY_COMPARE(late->state(), Subscription::State::Subscribed);
    }

    void pingIsAnsweredAtOnce()
    {
        FakeCentrifugo server;
        Client client(server.url(), fastOptions());
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        server.sendPing();
        QTRY_COMPARE(server.pongs, 1);
        server.sendPing();
        QTRY_COMPARE(server.pongs, 2);
    }

    void noPongWhenServerDoesNotWantIt()
    {
        FakeCentrifugo server;
        server.wantPong = false;
        Client client(server.url(), fastOptions());
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        server.sendPing();
        server.publish(QStringLiteral("x"), {}); // a marker frame after the ping
        QTest::qWait(100); // duration, not a wait for an event: no pong
        QCOMPARE(server.pongs, 0);
    }

    void silenceMeansNoPing()
    {
        FakeCentrifugo server;
        server.pingIntervalS = 1; // watchdog: 1 s + 300 ms
        Client client(server.url(), fastOptions());
        QSignalSpy connecting(&client, &Client::connecting);
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        QTRY_COMPARE_WITH_TIMEOUT(connecting.size(), 2, 4000);
        QCOMPARE(connecting.at(1).at(0).toInt(), ConnectingCode::NoPing);
        QCOMPARE(connecting.at(1).at(1).toString(), QStringLiteral("no ping"));
        QTRY_COMPARE_WITH_TIMEOUT(server.connections, 2, 3000); // and it reconnects
    }

    void anyFrameFeedsTheWatchdog()
    {
        FakeCentrifugo server;
        server.pingIntervalS = 1;
        Client client(server.url(), fastOptions());
        QSignalSpy connecting(&client, &Client::connecting);
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        QElapsedTimer sinceLastFrame;
        for (int i = 0; i < 6; ++i) { // 2.4 s of publications, no ping
            server.publish(QStringLiteral("x"), {});
            sinceLastFrame.start();
            QTest::qWait(400); // duration, not a wait for an event: frames keep coming
        }
        QCOMPARE(connecting.size(), 1);
        QCOMPARE(client.state(), Client::State::Connected);

        // Once frames stop, "no ping" comes a full limit (1.3 s) after the last one, not after
        // the first: the deadline moves with every frame.
        QTRY_COMPARE_WITH_TIMEOUT(connecting.size(), 2, 4000);
        QCOMPARE(connecting.at(1).at(0).toInt(), ConnectingCode::NoPing);
        QVERIFY2(sinceLastFrame.elapsed() >= 1250,
            qPrintable(QString::number(sinceLastFrame.elapsed())));
    }

    void pingWaitingInTheSocketKeepsTheConnection()
    {
        // The client's thread is blocked past the watchdog limit while a ping arrives: when it
        // wakes, the overdue watchdog must let the queued ping win (centrifuge-js#423).
        FakeCentrifugo server;
        server.pingIntervalS = 1;
        QThread worker;
        worker.start();
        auto* client = new Client(server.url(), fastOptions());
        client->moveToThread(&worker);
        QSignalSpy connecting(client, &Client::connecting);
        client->connectToServer();
        QTRY_COMPARE(client->state(), Client::State::Connected);
        QMetaObject::invokeMethod(client, [] {
            QThread::msleep(2000); // duration, not a wait for an event: > watchdog (1.3 s)
        });
        QTest::qWait(1800); // duration, not a wait for an event: blocked past the limit
        server.sendPing();
        QTRY_COMPARE_WITH_TIMEOUT(server.pongs, 1, 3000);
        QTest::qWait(300); // duration, not a wait for an event: no reconnect
        QCOMPARE(client->state(), Client::State::Connected);
        QCOMPARE(connecting.size(), 1);
        QMetaObject::invokeMethod(client, &QObject::deleteLater);
        worker.quit();
        worker.wait();
    }

    void closeCodes_data()
    {
        QTest::addColumn<int>("closeCode");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<bool>("reconnects");
        QTest::addColumn<int>("eventCode");
        QTest::addColumn<QString>("eventReason");
        const QList<int> reconnecting {3000, 3001, 3004, 3005, 3006, 3008, 3009, 3010, 3011, 3012,
            3013, 3014, 3499, 4000, 4499}; // >= 5000: see disconnectPush
        for (int code : reconnecting)
            QTest::addRow("%d", code) << code << QStringLiteral("r%1").arg(code) << true << code
                                      << QStringLiteral("r%1").arg(code);
        const QList<int> terminal {
            3500, 3501, 3502, 3503, 3504, 3505, 3506, 3507, 3508, 3509, 3999, 4500, 4999};
        for (int code : terminal)
            QTest::addRow("%d", code) << code << QStringLiteral("r%1").arg(code) << false << code
                                      << QStringLiteral("r%1").arg(code);
        QTest::addRow("1000") << 1000 << QString() << true << 1
                              << QStringLiteral("transport closed");
        QTest::addRow("1001") << 1001 << QStringLiteral("going away") << true << 1
                              << QStringLiteral("transport closed");
        // Not terminal here (the SDKs stop): tst_client_hostile::serverCloseTooBigReconnects.
        QTest::addRow("1009") << 1009 << QString() << true << ConnectingCode::MessageSizeLimit
                              << QStringLiteral("message size limit");
        QTest::addRow("legacy-json-reconnect")
            << 3500 << QStringLiteral(R"({"reason":"old","reconnect":true})") << true << 3500
            << QStringLiteral("old");
        QTest::addRow("legacy-json-stop")
            << 3000 << QStringLiteral(R"({"reason":"old stop","reconnect":false})") << false << 3000
            << QStringLiteral("old stop");
    }

    void closeCodes()
    {
        QFETCH(int, closeCode);
        QFETCH(QString, reason);
        QFETCH(bool, reconnects);
        QFETCH(int, eventCode);
        QFETCH(QString, eventReason);
        FakeCentrifugo server;
        Client client(server.url(), fastOptions());
        QSignalSpy connecting(&client, &Client::connecting);
        QSignalSpy disconnected(&client, &Client::disconnected);
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        server.close(closeCode, reason);
        if (reconnects) {
            QTRY_COMPARE(connecting.size(), 2);
            QCOMPARE(connecting.at(1).at(0).toInt(), eventCode);
            QCOMPARE(connecting.at(1).at(1).toString(), eventReason);
            QTRY_COMPARE(server.connections, 2);
            QTRY_COMPARE(client.state(), Client::State::Connected);
        } else {
            QTRY_COMPARE(disconnected.size(), 1);
            QCOMPARE(disconnected.at(0).at(0).toInt(), eventCode);
            QCOMPARE(disconnected.at(0).at(1).toString(), eventReason);
            QCOMPARE(client.state(), Client::State::Disconnected);
            QTest::qWait(150); // duration, not a wait for an event: > max reconnect delay
            QCOMPARE(server.connections, 1);
        }
    }

    void disconnectPushFollowsTheSameRules()
    {
        FakeCentrifugo server;
        Client client(server.url(), fastOptions());
        QSignalSpy connecting(&client, &Client::connecting);
        QSignalSpy disconnected(&client, &Client::disconnected);
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        server.sendPush({}, QStringLiteral("disconnect"),
            QJsonObject {{QStringLiteral("code"), 3001},
                {QStringLiteral("reason"), QStringLiteral("shutdown")}});
        QTRY_COMPARE(connecting.size(), 2);
        QCOMPARE(connecting.at(1).at(0).toInt(), 3001);
        QTRY_COMPARE(client.state(), Client::State::Connected);
        // Qt's WebSocket cannot send close codes >= 5000; the push can.
        server.sendPush({}, QStringLiteral("disconnect"),
            QJsonObject {{QStringLiteral("code"), 5001},
                {QStringLiteral("reason"), QStringLiteral("custom")}});
        QTRY_COMPARE(connecting.size(), 3);
        QCOMPARE(connecting.at(2).at(0).toInt(), 5001);
        QTRY_COMPARE(client.state(), Client::State::Connected);
        server.sendPush({}, QStringLiteral("disconnect"),
            QJsonObject {{QStringLiteral("code"), 3503},
                {QStringLiteral("reason"), QStringLiteral("force disconnect")}});
        QTRY_COMPARE(disconnected.size(), 1);
        QCOMPARE(disconnected.at(0).at(0).toInt(), 3503);
    }

    void garbageIsBadProtocol()
    {
        // More in tst_client_hostile: the error is reported, the client reconnects.
        FakeCentrifugo server;
        Client client(server.url(), fastOptions());
        QSignalSpy disconnected(&client, &Client::disconnected);
        QSignalSpy errors(&client, &Client::errorOccurred);
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        server.sendRaw("this is not json");
        QTRY_COMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).at(0).value<ErrorType>(), ErrorType::BadProtocol);
        QCOMPARE(errors.at(0).at(1).toInt(), DisconnectedCode::BadProtocol);
        QTRY_COMPARE(server.connections, 2); // the transport was closed, a new one opened
        QTRY_COMPARE(client.state(), Client::State::Connected);
        QCOMPARE(disconnected.size(), 0);
    }

    void goodLinesBeforeGarbageAreDelivered()
    {
        FakeCentrifugo server;
        Client client(server.url(), fastOptions());
        Subscription* sub = client.newSubscription(QStringLiteral("ch"));
        sub->subscribe();
        QSignalSpy publications(sub, &Subscription::publication);
        client.connectToServer();
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        QSignalSpy errors(&client, &Client::errorOccurred);
        server.sendLines({R"({"push":{"channel":"ch","pub":{"data":{"n":1}}}})", "{garbage"});
        QTRY_COMPARE(errors.size(), 1);
        QCOMPARE(publications.size(), 1);
        QTRY_COMPARE(server.connections, 2);
    }

    void pushesMidReplyKeepOrder()
    {
        FakeCentrifugo server;
        Client client(server.url(), fastOptions());
        Subscription* sub = client.newSubscription(QStringLiteral("ch"));
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        quint32 historyId = 0;
        server.onCommand = [&](const QJsonObject& command) {
            historyId = FakeCentrifugo::idOf(command);
            return true;
        };
        QList<QString> order;
        connect(sub, &Subscription::publication, this,
            [&](const Publication& p) { order << QString::fromUtf8(p.data); });
        auto history = client.history(QStringLiteral("ch"));
        history.then(this, [&](const CallResult&) { order << QStringLiteral("history"); });
        QTRY_VERIFY(historyId != 0);
        server.sendLines({R"({"push":{"channel":"ch","pub":{"data":1}}})",
            FakeCentrifugo::line(QJsonObject {{QStringLiteral("id"), qint64(historyId)},
                {QStringLiteral("history"), QJsonObject {}}}),
            R"({"push":{"channel":"ch","pub":{"data":2}}})"});
        QTRY_COMPARE(order.size(), 3);
        QCOMPARE(order.at(0), QStringLiteral("1"));
        QCOMPARE(order.at(2), QStringLiteral("2")); // the future's continuation runs queued
    }

    void staleTransportEventsAreIgnored()
    {
        FakeCentrifugo server;
        Client client(server.url(), fastOptions());
        QSignalSpy connecting(&client, &Client::connecting);
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        // A second connection replaces the first (the fake aborts the old socket); the old
        // socket's close must not touch the new connection.
        server.close(3001, QStringLiteral("shutdown"));
        QTRY_COMPARE(server.connections, 2);
        QTRY_COMPARE(client.state(), Client::State::Connected);
        const int before = int(connecting.size());
        QTest::qWait(100); // duration, not a wait for an event: no reconnect
        QCOMPARE(int(connecting.size()), before);
        QCOMPARE(client.state(), Client::State::Connected);
    }

    void reconnectControl()
    {
        FakeCentrifugo server;
        ClientOptions options = fastOptions();
        options.minReconnectDelay = 5000ms;
        options.maxReconnectDelay = 10000ms;
        Client client(server.url(), options);
        QSignalSpy scheduled(&client, &Client::reconnectScheduled);
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        QCOMPARE(client.millisToReconnect(), -1);
        server.close(3001);
        QTRY_COMPARE(scheduled.size(), 1);
        QCOMPARE(scheduled.at(0).at(0).toInt(), 1);
        const qint64 delay = scheduled.at(0).at(1).toLongLong();
        QVERIFY(delay >= 5000 && delay <= 10000);
        QVERIFY(client.millisToReconnect() > 4000);
        QCOMPARE(client.reconnectAttempt(), 1);
        QSignalSpy connecting(&client, &Client::connecting);
        client.reconnectNow();
        QCOMPARE(connecting.size(), 1);
        QCOMPARE(connecting.at(0).at(0).toInt(), ConnectingCode::ReconnectRequested);
        QTRY_COMPARE(client.state(), Client::State::Connected);
        QCOMPARE(client.reconnectAttempt(), 0); // reset on success
        server.close(3001);
        QTRY_COMPARE(scheduled.size(), 2);
        client.handleSystemResume();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        QCOMPARE(connecting.last().at(0).toInt(), ConnectingCode::SystemResumed);
    }

    void refusedConnectionRetriesWithGrowingBackoff()
    {
        QUrl url;
        {
            FakeCentrifugo gone;
            url = gone.url();
        }
        Client client(url, fastOptions());
        QSignalSpy scheduled(&client, &Client::reconnectScheduled);
        QSignalSpy errors(&client, &Client::errorOccurred);
        client.connectToServer();
        QTRY_VERIFY(scheduled.size() >= 3);
        QCOMPARE(scheduled.at(2).at(0).toInt(), 3);
        QVERIFY(!errors.isEmpty());
        QCOMPARE(errors.at(0).at(0).value<ErrorType>(), ErrorType::Transport);
        QCOMPARE(client.state(), Client::State::Connecting);
        client.disconnectFromServer();
        QCOMPARE(client.state(), Client::State::Disconnected);
        QCOMPARE(client.millisToReconnect(), -1);
    }

    void connectErrorTerminalOrTemporary()
    {
        FakeCentrifugo server;
        bool temporary = true;
        server.onCommand = [&](const QJsonObject& command) {
            if (FakeCentrifugo::methodOf(command) != QStringLiteral("connect"))
                return false;
            if (temporary)
                server.replyError(
                    FakeCentrifugo::idOf(command), 100, QStringLiteral("internal"), true);
            else
                server.replyError(
                    FakeCentrifugo::idOf(command), 103, QStringLiteral("permission denied"));
            return true;
        };
        Client client(server.url(), fastOptions());
        QSignalSpy disconnected(&client, &Client::disconnected);
        client.connectToServer();
        QTRY_VERIFY(server.connections >= 2);
        QCOMPARE(client.state(), Client::State::Connecting);
        temporary = false;
        QTRY_COMPARE(disconnected.size(), 1);
        QCOMPARE(disconnected.at(0).at(0).toInt(), 103);
    }

    void closeReleasesEverything()
    {
        FakeCentrifugo server;
        Client client(server.url(), fastOptions());
        Subscription* sub = client.newSubscription(QStringLiteral("ch"));
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        QSignalSpy unsubscribed(sub, &Subscription::unsubscribed);
        client.close();
        QCOMPARE(client.state(), Client::State::Closed);
        QCOMPARE(unsubscribed.size(), 1);
        QCOMPARE(unsubscribed.at(0).at(0).toInt(), UnsubscribedCode::ClientClosed);
        client.connectToServer();
        QCOMPARE(client.state(), Client::State::Closed);
        auto call = client.publish(QStringLiteral("ch"), "{}");
        QVERIFY(call.isFinished());
        QCOMPARE(call.result().code, CallCode::ClientClosed);
    }

    void reachabilityOptionWithoutBackendIsHarmless()
    {
        FakeCentrifugo server;
        ClientOptions options = fastOptions();
        options.watchNetworkReachability = true;
        Client client(server.url(), options);
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
    }
};

QTEST_GUILESS_MAIN(TestClientConnection)
#include "tst_client_connection.moc"
