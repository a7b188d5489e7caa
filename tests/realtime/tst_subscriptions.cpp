// Client-side and server-side subscriptions against the fake server: states, races (no 105),
// errors, unsubscribe pushes, recovery and positions, delta, join/leave.

#include "fakefixture.h"
#include "realtime/fossil.h"
#include "realtime/tokenprovider.h"

#include <thread>

using namespace Centrifuge;
using namespace FakeFixture;
using TestSupport::FakeCentrifugo;

namespace {

//! Watches the wire: fails if two subscribes for one channel are ever outstanding at once.
struct InFlightGuard
{
    QHash<QString, int> outstanding;
    QHash<quint32, QString> subscribeIds;
    bool violated = false;
    QList<QPair<quint32, QString>> held; //!< subscribe ids the test answers itself

    void attach(FakeCentrifugo& server, bool hold)
    {
        server.onCommand = [this, &server, hold](const QJsonObject& command) {
            const QString method = FakeCentrifugo::methodOf(command);
            const QString channel = request(command).value(QStringLiteral("channel")).toString();
            if (method == QStringLiteral("subscribe")) {
                if (++outstanding[channel] > 1)
                    violated = true;
                subscribeIds.insert(FakeCentrifugo::idOf(command), channel);
                if (hold) {
                    held << qMakePair(FakeCentrifugo::idOf(command), channel);
                    return true;
                }
                --outstanding[channel]; // auto-reply goes out now
            }
            return false;
        };
    }
    void answer(FakeCentrifugo& server, int index)
    {
        --outstanding[held.at(index).second];
        server.reply(held.at(index).first, QStringLiteral("subscribe"));
    }
};

} // namespace

class TestSubscriptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void subscribeAfterConnect()
    {
        FakeCentrifugo server;
        server.subscribeResults.insert(QStringLiteral("ch"),
            QJsonObject {{QStringLiteral("recoverable"), true},
                {QStringLiteral("epoch"), QStringLiteral("E")}, {QStringLiteral("offset"), 7}});
        Client client(server.url(), fastOptions());
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        Subscription* sub = client.newSubscription(QStringLiteral("ch"));
        QCOMPARE(client.subscription(QStringLiteral("ch")), sub);
        QSignalSpy subscribing(sub, &Subscription::subscribing);
        QSignalSpy subscribed(sub, &Subscription::subscribed);
        sub->subscribe();
        QCOMPARE(subscribing.size(), 1);
        QTRY_COMPARE(subscribed.size(), 1);
        const auto event = subscribed.first().first().value<SubscribedEvent>();
        QCOMPARE(event.position, (StreamPosition {7, QStringLiteral("E")}));
        QVERIFY(!event.serverSide);
        QCOMPARE(sub->position(), (StreamPosition {7, QStringLiteral("E")}));
    }

    void unsubscribeWhileSubscribingNeverDuplicates()
    {
        FakeCentrifugo server;
        InFlightGuard guard;
        guard.attach(server, true);
        Client client(server.url(), fastOptions());
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        Subscription* sub = client.newSubscription(QStringLiteral("ch"));
        sub->subscribe();
        QTRY_COMPARE(guard.held.size(), 1);
        sub->unsubscribe();
        QCOMPARE(sub->state(), Subscription::State::Unsubscribed);
        sub->subscribe(); // at once again: must wait for the first subscribe to settle
        QTest::qWait(50); // duration, not a wait for an event: no second subscribe
        QCOMPARE(guard.held.size(), 1);
        QTRY_COMPARE(server.count(QStringLiteral("unsubscribe")), 1);
        guard.answer(server, 0);
        QTRY_COMPARE(guard.held.size(), 2);
        guard.answer(server, 1);
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        QVERIFY(!guard.violated);
        // Order on the wire: subscribe, unsubscribe, subscribe.
        QStringList methods;
        for (const QJsonObject& command : server.received)
            methods << FakeCentrifugo::methodOf(command);
        QCOMPARE(methods,
            (QStringList {QStringLiteral("connect"), QStringLiteral("subscribe"),
                QStringLiteral("unsubscribe"), QStringLiteral("subscribe")}));
    }

    void removeAndRecreateNeverDuplicates()
    {
        FakeCentrifugo server;
        InFlightGuard guard;
        guard.attach(server, true);
        Client client(server.url(), fastOptions());
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        Subscription* first = client.newSubscription(QStringLiteral("ch"));
        first->subscribe();
        QTRY_COMPARE(guard.held.size(), 1);
        client.removeSubscription(first);
        Subscription* second = client.newSubscription(QStringLiteral("ch"));
        QVERIFY(second);
        second->subscribe();
        QTest::qWait(50); // duration, not a wait for an event: no second subscribe
        QCOMPARE(guard.held.size(), 1);
        guard.answer(server, 0);
        QTRY_COMPARE(guard.held.size(), 2);
        guard.answer(server, 1);
        QTRY_COMPARE(second->state(), Subscription::State::Subscribed);
        QVERIFY(!guard.violated);
    }

    void temporaryErrorResubscribesPermanentErrorStops()
    {
        FakeCentrifugo server;
        int attempts = 0;
        server.onCommand = [&](const QJsonObject& command) {
            if (FakeCentrifugo::methodOf(command) != QStringLiteral("subscribe"))
                return false;
            const QString channel = request(command).value(QStringLiteral("channel")).toString();
            if (channel == QStringLiteral("flaky") && ++attempts < 3) {
                server.replyError(
                    FakeCentrifugo::idOf(command), 100, QStringLiteral("internal"), true);
                return true;
            }
            if (channel == QStringLiteral("denied")) {
                server.replyError(
                    FakeCentrifugo::idOf(command), 103, QStringLiteral("permission denied"));
                return true;
            }
            return false;
        };
        Client client(server.url(), fastOptions());
        Subscription* flaky = client.newSubscription(QStringLiteral("flaky"));
        Subscription* denied = client.newSubscription(QStringLiteral("denied"));
        QSignalSpy flakyErrors(flaky, &Subscription::errorOccurred);
        QSignalSpy deniedUnsubscribed(denied, &Subscription::unsubscribed);
        flaky->subscribe();
        denied->subscribe();
        client.connectToServer();
        QTRY_COMPARE(flaky->state(), Subscription::State::Subscribed);
        QCOMPARE(attempts, 3);
        QCOMPARE(flakyErrors.size(), 2);
        QTRY_COMPARE(deniedUnsubscribed.size(), 1);
        QCOMPARE(deniedUnsubscribed.first().at(0).toInt(), 103);
        QCOMPARE(client.state(), Client::State::Connected);
    }

    void unsubscribePushCodes()
    {
        FakeCentrifugo server;
        server.subscribeResults.insert(QStringLiteral("ch"),
            QJsonObject {{QStringLiteral("recoverable"), true},
                {QStringLiteral("epoch"), QStringLiteral("E")}, {QStringLiteral("offset"), 1}});
        Client client(server.url(), fastOptions());
        Subscription* sub = client.newSubscription(QStringLiteral("ch"));
        QSignalSpy subscribing(sub, &Subscription::subscribing);
        QSignalSpy unsubscribed(sub, &Subscription::unsubscribed);
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        server.sendPush(QStringLiteral("ch"), QStringLiteral("unsubscribe"),
            QJsonObject {{QStringLiteral("code"), 2500},
                {QStringLiteral("reason"), QStringLiteral("insufficient state")}});
        QTRY_COMPARE(subscribing.size(), 2);
        QCOMPARE(subscribing.last().at(0).toInt(), 2500);
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        QCOMPARE(request(server.commands(QStringLiteral("subscribe")).last())
                     .value(QStringLiteral("recover"))
                     .toBool(),
            true);
        server.sendPush(QStringLiteral("ch"), QStringLiteral("unsubscribe"),
            QJsonObject {{QStringLiteral("code"), 2502},
                {QStringLiteral("reason"), QStringLiteral("state invalidated")}});
        QTRY_COMPARE(server.count(QStringLiteral("subscribe")), 3);
        QCOMPARE(request(server.commands(QStringLiteral("subscribe")).last())
                     .value(QStringLiteral("epoch"))
                     .toString(),
            QStringLiteral("_"));
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        server.sendPush(QStringLiteral("ch"), QStringLiteral("unsubscribe"),
            QJsonObject {{QStringLiteral("code"), 2000},
                {QStringLiteral("reason"), QStringLiteral("server unsubscribe")}});
        QTRY_COMPARE(unsubscribed.size(), 1);
        QCOMPARE(unsubscribed.first().at(0).toInt(), 2000);
        QTest::qWait(100); // duration, not a wait for an event: no resubscribe
        QCOMPARE(server.count(QStringLiteral("subscribe")), 3);
    }

    void recoveryOrderAndPositions()
    {
        FakeCentrifugo server;
        Client client(server.url(), fastOptions());
        Subscription* sub = client.newSubscription(QStringLiteral("ch"));
        QStringList events;
        connect(sub, &Subscription::subscribed, this, [&](const SubscribedEvent& e) {
            events << QStringLiteral("subscribed:%1:%2").arg(e.wasRecovering).arg(e.recovered);
        });
        connect(sub, &Subscription::publication, this,
            [&](const Publication& p) { events << QStringLiteral("pub:%1").arg(p.offset); });
        server.subscribeResults.insert(QStringLiteral("ch"),
            QJsonObject {{QStringLiteral("recoverable"), true},
                {QStringLiteral("epoch"), QStringLiteral("E")}, {QStringLiteral("offset"), 5}});
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        server.publish(QStringLiteral("ch"), {}, 6);
        QTRY_COMPARE(sub->position().offset, 6u);

        server.subscribeResults.insert(QStringLiteral("ch"),
            QJsonObject {{QStringLiteral("recoverable"), true},
                {QStringLiteral("epoch"), QStringLiteral("E")}, {QStringLiteral("offset"), 6},
                {QStringLiteral("was_recovering"), true}, {QStringLiteral("recovered"), true},
                {QStringLiteral("publications"),
                    QJsonArray {
                        QJsonObject {{QStringLiteral("data"), 1}, {QStringLiteral("offset"), 7}},
                        QJsonObject {
                            {QStringLiteral("data"), 2}, {QStringLiteral("offset"), 8}}}}});
        server.close(3001);
        QTRY_COMPARE(server.count(QStringLiteral("subscribe")), 2);
        const QJsonObject resubscribe
            = request(server.commands(QStringLiteral("subscribe")).last());
        QCOMPARE(resubscribe.value(QStringLiteral("recover")).toBool(), true);
        QCOMPARE(resubscribe.value(QStringLiteral("epoch")).toString(), QStringLiteral("E"));
        QCOMPARE(resubscribe.value(QStringLiteral("offset")).toInteger(), 6);
        QTRY_COMPARE(sub->position().offset, 8u);
        server.publish(QStringLiteral("ch"), {}, 9);
        QTRY_COMPARE(events.size(), 6);
        QCOMPARE(events,
            (QStringList {QStringLiteral("subscribed:0:0"), QStringLiteral("pub:6"),
                QStringLiteral("subscribed:1:1"), QStringLiteral("pub:7"), QStringLiteral("pub:8"),
                QStringLiteral("pub:9")}));
    }

    void sinceStartsWithRecovery()
    {
        FakeCentrifugo server;
        Client client(server.url(), fastOptions());
        SubscriptionOptions options;
        options.since = StreamPosition {18446744073709551000ull, QStringLiteral("persisted")};
        Subscription* sub = client.newSubscription(QStringLiteral("ch"), options);
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        // The uint64 offset must go out exactly: read the raw frame, not a double.
        QVERIFY(server.frames.first().contains(R"("offset":18446744073709551000)"));
        QVERIFY(server.frames.first().contains(R"("recover":true)"));
    }

    void subscribeTimeoutReconnects()
    {
        FakeCentrifugo server;
        server.onCommand = [&](const QJsonObject& command) {
            return FakeCentrifugo::methodOf(command) == QStringLiteral("subscribe")
                && server.connections == 1;
        };
        ClientOptions options = fastOptions();
        options.timeout = 300ms;
        Client client(server.url(), options);
        QSignalSpy connecting(&client, &Client::connecting);
        Subscription* sub = client.newSubscription(QStringLiteral("ch"));
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE(connecting.size(), 2);
        QCOMPARE(connecting.last().at(0).toInt(), ConnectingCode::SubscribeTimeout);
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        QCOMPARE(server.connections, 2);
    }

    void unsubscribeErrorReconnects()
    {
        FakeCentrifugo server;
        server.onCommand = [&](const QJsonObject& command) {
            if (FakeCentrifugo::methodOf(command) != QStringLiteral("unsubscribe"))
                return false;
            server.replyError(FakeCentrifugo::idOf(command), 100, QStringLiteral("internal"), true);
            return true;
        };
        Client client(server.url(), fastOptions());
        QSignalSpy connecting(&client, &Client::connecting);
        Subscription* sub = client.newSubscription(QStringLiteral("ch"));
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        sub->unsubscribe();
        QTRY_COMPARE(connecting.size(), 2);
        QCOMPARE(connecting.last().at(0).toInt(), ConnectingCode::UnsubscribeError);
        QTRY_COMPARE(client.state(), Client::State::Connected);
        QCOMPARE(sub->state(), Subscription::State::Unsubscribed); // stays what the app asked
    }

    void expiredSubscriptionTokenIsFetchedAgain()
    {
        FakeCentrifugo server;
        server.onCommand = [&](const QJsonObject& command) {
            if (FakeCentrifugo::methodOf(command) == QStringLiteral("subscribe")
                && request(command).value(QStringLiteral("token")).toString()
                    == QStringLiteral("S1")) {
                server.replyError(
                    FakeCentrifugo::idOf(command), 109, QStringLiteral("token expired"));
                return true;
            }
            return false;
        };
        int requests = 0;
        ClientOptions clientOptions = fastOptions();
        clientOptions.token = QStringLiteral("connection"); // the provider serves only the sub
        Client client(server.url(), clientOptions);
        client.setTokenProvider(std::make_shared<FunctionTokenProvider>(
            [&requests](const TokenRequest&, TokenProvider::Callback done) {
                done(TokenReply::ok(QStringLiteral("S%1").arg(++requests)));
            }));
        SubscriptionOptions options;
        options.useTokenProvider = true;
        options.token = QStringLiteral("S1"); // a first token the server finds expired
        requests = 1;
        Subscription* sub = client.newSubscription(QStringLiteral("ch"), options);
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        QCOMPARE(request(server.commands(QStringLiteral("subscribe")).last())
                     .value(QStringLiteral("token"))
                     .toString(),
            QStringLiteral("S2"));
    }

    void fossilDeltas()
    {
        FakeCentrifugo server;
        server.subscribeResults.insert(QStringLiteral("ch"),
            QJsonObject {{QStringLiteral("recoverable"), true},
                {QStringLiteral("epoch"), QStringLiteral("E")}, {QStringLiteral("delta"), true}});
        Client client(server.url(), fastOptions());
        SubscriptionOptions options;
        options.deltaFossil = true;
        Subscription* sub = client.newSubscription(QStringLiteral("ch"), options);
        QSignalSpy publications(sub, &Subscription::publication);
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        QCOMPARE(request(server.commands(QStringLiteral("subscribe")).first())
                     .value(QStringLiteral("delta"))
                     .toString(),
            QStringLiteral("fossil"));
        const QByteArray first
            = R"({"text":"hello world, a long enough message to be worth a delta"})";
        const QByteArray second
            = R"({"text":"hello world, a long enough message to be worth a delta!"})";
        const QByteArray delta = Fossil::create(first, second);
        server.sendPush(QStringLiteral("ch"), QStringLiteral("pub"),
            QJsonObject {
                {QStringLiteral("data"), QString::fromUtf8(first)}, {QStringLiteral("offset"), 1}});
        server.sendPush(QStringLiteral("ch"), QStringLiteral("pub"),
            QJsonObject {{QStringLiteral("data"), QString::fromLatin1(delta)},
                {QStringLiteral("offset"), 2}, {QStringLiteral("delta"), true}});
        QTRY_COMPARE(publications.size(), 2);
        QCOMPARE(publications.at(0).first().value<Publication>().data, first);
        QCOMPARE(publications.at(1).first().value<Publication>().data, second);
    }

    void joinAndLeave()
    {
        FakeCentrifugo server;
        Client client(server.url(), fastOptions());
        SubscriptionOptions options;
        options.joinLeave = true;
        Subscription* sub = client.newSubscription(QStringLiteral("ch"), options);
        QSignalSpy joined(sub, &Subscription::joined);
        QSignalSpy left(sub, &Subscription::left);
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        QVERIFY(request(server.commands(QStringLiteral("subscribe")).first())
                    .value(QStringLiteral("join_leave"))
                    .toBool());
        const QJsonObject info {{QStringLiteral("info"),
            QJsonObject {{QStringLiteral("user"), QStringLiteral("u2")},
                {QStringLiteral("client"), QStringLiteral("c2")}}}};
        server.sendPush(QStringLiteral("ch"), QStringLiteral("join"), info);
        server.sendPush(QStringLiteral("ch"), QStringLiteral("leave"), info);
        QTRY_COMPARE(left.size(), 1);
        QCOMPARE(joined.first().first().value<ClientInfo>().user, QStringLiteral("u2"));
        QCOMPARE(left.first().first().value<ClientInfo>().client, QStringLiteral("c2"));
    }

    void serverSideSubscriptions()
    {
        FakeCentrifugo server;
        server.connectResult = QJsonObject {{QStringLiteral("subs"),
            QJsonObject {{QStringLiteral("srv"),
                QJsonObject {{QStringLiteral("recoverable"), true},
                    {QStringLiteral("epoch"), QStringLiteral("S")}, {QStringLiteral("offset"), 3},
                    {QStringLiteral("publications"),
                        QJsonArray {QJsonObject {
                            {QStringLiteral("data"), 1}, {QStringLiteral("offset"), 4}}}}}}}}};
        Client client(server.url(), fastOptions());
        QSignalSpy subscribed(&client, &Client::serverSubscribed);
        QSignalSpy publications(&client, &Client::serverPublication);
        QSignalSpy subscribing(&client, &Client::serverSubscribing);
        QSignalSpy unsubscribed(&client, &Client::serverUnsubscribed);
        client.connectToServer();
        QTRY_COMPARE(subscribed.size(), 1);
        QVERIFY(subscribed.first().first().value<SubscribedEvent>().serverSide);
        QCOMPARE(publications.size(), 1);
        QCOMPARE(publications.first().first().value<Publication>().offset, 4u);
        server.publish(QStringLiteral("srv"), {}, 5);
        QTRY_COMPARE(publications.size(), 2);

        server.connectResult = QJsonObject {}; // after reconnect the server no longer lists it
        server.close(3001);
        QTRY_COMPARE(subscribing.size(), 1);
        QTRY_COMPARE(server.count(QStringLiteral("connect")), 2);
        const QJsonObject subs = request(server.commands(QStringLiteral("connect")).last())
                                     .value(QStringLiteral("subs"))
                                     .toObject();
        const QJsonObject srv = subs.value(QStringLiteral("srv")).toObject();
        QCOMPARE(srv.value(QStringLiteral("recover")).toBool(), true);
        QCOMPARE(srv.value(QStringLiteral("epoch")).toString(), QStringLiteral("S"));
        QCOMPARE(
            srv.value(QStringLiteral("offset")).toInteger(), 5); // updated by the live publication
        QTRY_COMPARE(unsubscribed.size(), 1);
        QCOMPARE(unsubscribed.first().at(1).toInt(), UnsubscribedCode::ServerSideRemoved);

        server.sendPush(QStringLiteral("late"), QStringLiteral("subscribe"),
            QJsonObject {{QStringLiteral("recoverable"), true},
                {QStringLiteral("epoch"), QStringLiteral("L")}});
        QTRY_COMPARE(subscribed.size(), 2);
        QCOMPARE(
            subscribed.last().first().value<SubscribedEvent>().channel, QStringLiteral("late"));
        server.sendPush(QStringLiteral("late"), QStringLiteral("unsubscribe"),
            QJsonObject {{QStringLiteral("code"), 2000},
                {QStringLiteral("reason"), QStringLiteral("server unsubscribe")}});
        QTRY_COMPARE(unsubscribed.size(), 2);
        QCOMPARE(unsubscribed.last().at(1).toInt(), 2000);
    }

    void subscriptionCreatedOnAnotherThread()
    {
        FakeCentrifugo server;
        Client client(server.url(), fastOptions());
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        Subscription* sub = nullptr;
        std::thread other([&] {
            sub = client.newSubscription(QStringLiteral("from-thread"));
            sub->subscribe();
        });
        other.join();
        QVERIFY(sub);
        QCOMPARE(sub->thread(), client.thread());
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        QTRY_COMPARE(sub->parent(), &client);
    }
};

QTEST_GUILESS_MAIN(TestSubscriptions)
#include "tst_subscriptions.moc"
