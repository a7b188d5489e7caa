// Calls settle exactly once: reply, timeout, connection closed, client disconnected. A reply
// already received beats an overdue timeout; a reply after its timeout is dropped. Calls of a
// subscription that is still subscribing wait for `subscribed` (the SDKs' ready()).

#include "fakefixture.h"

#include <QThread>

#include <atomic>
#include <thread>

using namespace Centrifuge;
using namespace FakeFixture;
using TestSupport::FakeCentrifugo;

class TestClientCalls : public QObject
{
    Q_OBJECT

private:
    //! Holds replies to `method` (every non-connect command when empty); collects their ids.
    static void holdReplies(FakeCentrifugo& server, const QString& method, QList<quint32>* ids)
    {
        server.onCommand = [method, ids](const QJsonObject& command) {
            const QString seen = FakeCentrifugo::methodOf(command);
            if (seen == QStringLiteral("connect") || (!method.isEmpty() && seen != method))
                return false;
            ids->append(FakeCentrifugo::idOf(command));
            return true;
        };
    }

private Q_SLOTS:
    void replyResolvesTheFuture()
    {
        FakeCentrifugo server;
        Client client(server.url(), fastOptions());
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        auto rpc = client.rpc(QStringLiteral("echo"), R"({"a":1})");
        QTRY_VERIFY(rpc.isFinished());
        QCOMPARE(rpc.result().code, 0);
        QCOMPARE(std::get<Protocol::RpcResult>(rpc.result().result).data, QByteArray(R"({"a":1})"));
        QCOMPARE(request(server.commands(QStringLiteral("rpc")).first())
                     .value(QStringLiteral("method"))
                     .toString(),
            QStringLiteral("echo"));
    }

    void errorReplyCarriesCode()
    {
        FakeCentrifugo server;
        QList<quint32> ids;
        holdReplies(server, QStringLiteral("publish"), &ids);
        Client client(server.url(), fastOptions());
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        auto call = client.publish(QStringLiteral("ch"), "{}");
        QTRY_COMPARE(ids.size(), 1);
        server.replyError(ids.first(), 103, QStringLiteral("permission denied"));
        QTRY_VERIFY(call.isFinished());
        QCOMPARE(call.result().code, 103);
        QCOMPARE(call.result().message, QStringLiteral("permission denied"));
        QCOMPARE(call.resultCount(), 1);
    }

    void timeoutThenLateReplyIsDropped()
    {
        FakeCentrifugo server;
        QList<quint32> ids;
        holdReplies(server, QStringLiteral("publish"), &ids);
        ClientOptions options = fastOptions();
        options.timeout = 300ms;
        Client client(server.url(), options);
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        auto call = client.publish(QStringLiteral("ch"), "{}");
        QTRY_VERIFY(call.isFinished());
        QCOMPARE(call.result().code, CallCode::Timeout);
        server.reply(ids.first(), QStringLiteral("publish"));
        QTest::qWait(100); // duration, not a wait for an event: no second result
        QCOMPARE(call.resultCount(), 1);
        QCOMPARE(call.result().code, CallCode::Timeout);
        QCOMPARE(client.state(), Client::State::Connected); // a late reply is not bad protocol
    }

    void receivedReplyBeatsOverdueTimeout()
    {
        FakeCentrifugo server;
        QList<quint32> ids;
        holdReplies(server, QStringLiteral("publish"), &ids);
        ClientOptions options = fastOptions();
        options.timeout = 500ms;
        QThread worker;
        worker.start();
        auto* client = new Client(server.url(), options);
        client->moveToThread(&worker);
        client->connectToServer();
        QTRY_COMPARE(client->state(), Client::State::Connected);
        auto call = client->publish(QStringLiteral("ch"), "{}");
        QTRY_COMPARE(ids.size(), 1);
        // Block the client's thread past the timeout; the reply arrives meanwhile.
        std::atomic<bool> blocked {false};
        QMetaObject::invokeMethod(client, [&blocked] {
            blocked = true;
            QThread::msleep(1500); // duration, not a wait for an event: the thread is stuck
        });
        QTRY_VERIFY(blocked.load());
        server.reply(ids.first(), QStringLiteral("publish"));
        QTRY_VERIFY_WITH_TIMEOUT(call.isFinished(), 4000);
        QCOMPARE(call.result().code, 0);
        QMetaObject::invokeMethod(client, &QObject::deleteLater);
        worker.quit();
        worker.wait();
    }

    void teardownFailsPendingCallsWithConnectionClosed()
    {
        FakeCentrifugo server;
        QList<quint32> ids;
        holdReplies(server, {}, &ids);
        Client client(server.url(), fastOptions());
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        auto first = client.history(QStringLiteral("ch"));
        auto second = client.presence(QStringLiteral("ch"));
        QTRY_COMPARE(ids.size(), 2);
        server.close(3001, QStringLiteral("shutdown"));
        QTRY_VERIFY(first.isFinished());
        QTRY_VERIFY(second.isFinished());
        QCOMPARE(first.result().code, CallCode::ConnectionClosed);
        QCOMPARE(second.result().code, CallCode::ConnectionClosed);
    }

    void callsWaitForTheConnection()
    {
        FakeCentrifugo server;
        Client client(server.url(), fastOptions());
        auto disconnectedCall = client.publish(QStringLiteral("ch"), "{}");
        QVERIFY(disconnectedCall.isFinished());
        QCOMPARE(disconnectedCall.result().code, CallCode::ClientDisconnected);
        client.connectToServer();
        auto waiting = client.publish(QStringLiteral("ch"), R"({"early":true})");
        QVERIFY(!waiting.isFinished());
        QTRY_VERIFY(waiting.isFinished());
        QCOMPARE(waiting.result().code, 0);
        QCOMPARE(server.count(QStringLiteral("publish")), 1);
    }

    void waitingCallsFailOnDisconnect()
    {
        FakeCentrifugo server;
        server.onCommand = [](const QJsonObject&) { return true; }; // never answers connect
        Client client(server.url(), fastOptions());
        client.connectToServer();
        auto waiting = client.publish(QStringLiteral("ch"), "{}");
        client.disconnectFromServer();
        QVERIFY(waiting.isFinished());
        QCOMPARE(waiting.result().code, CallCode::ClientDisconnected);
    }

    void sendSettlesAtWrite()
    {
        FakeCentrifugo server;
        Client client(server.url(), fastOptions());
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        auto sent = client.send(R"({"hello":1})");
        QVERIFY(sent.isFinished());
        QCOMPARE(sent.result().code, 0);
        QTRY_COMPARE(server.count(QStringLiteral("send")), 1);
        QVERIFY(!server.commands(QStringLiteral("send")).first().contains(QStringLiteral("id")));
    }

    void callsFromAnotherThread()
    {
        FakeCentrifugo server;
        Client client(server.url(), fastOptions());
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        QFuture<CallResult> future;
        Client::State seen = Client::State::Disconnected;
        std::thread other([&] {
            seen = client.state(); // readable from any thread
            future = client.rpc(QStringLiteral("m"), "1");
        });
        other.join();
        QCOMPARE(seen, Client::State::Connected);
        QTRY_VERIFY(future.isFinished());
        QCOMPARE(future.result().code, 0);
    }

    void subscriptionCallsNeedTheSubscription()
    {
        FakeCentrifugo server;
        Client client(server.url(), fastOptions());
        Subscription* sub = client.newSubscription(QStringLiteral("ch"));
        auto call = sub->publish("{}");
        QVERIFY(call.isFinished());
        QCOMPARE(call.result().code, CallCode::SubscriptionUnsubscribed);
    }

    void subscriptionCallsWaitForSubscribed()
    {
        FakeCentrifugo server;
        QList<quint32> held;
        holdReplies(server, QStringLiteral("subscribe"), &held);
        Client client(server.url(), fastOptions());
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        Subscription* sub = client.newSubscription(QStringLiteral("ch"));
        sub->subscribe();
        QTRY_COMPARE(held.size(), 1);
        auto published = sub->publish(R"({"text":"early"})");
        auto history = sub->history(0);
        auto stats = sub->presenceStats();
        QTest::qWait(100); // duration, not a wait for an event: nothing sent early
        QVERIFY(!published.isFinished());
        QCOMPARE(server.count(QStringLiteral("publish")), 0); // nothing before `subscribed`
        server.reply(held.first(), QStringLiteral("subscribe"));
        QTRY_VERIFY(published.isFinished() && history.isFinished() && stats.isFinished());
        QCOMPARE(published.result().code, 0);
        QCOMPARE(history.result().code, 0);
        QCOMPARE(stats.result().code, 0);
        QStringList methods;
        for (const QJsonObject& command : std::as_const(server.received))
            methods << FakeCentrifugo::methodOf(command);
        QCOMPARE(methods,
            (QStringList {QStringLiteral("connect"), QStringLiteral("subscribe"),
                QStringLiteral("publish"), QStringLiteral("history"),
                QStringLiteral("presence_stats")}));
    }

    void subscriptionCallsBeforeConnectWaitForSubscribed()
    {
        FakeCentrifugo server;
        Client client(server.url(), fastOptions());
        Subscription* sub = client.newSubscription(QStringLiteral("ch"));
        sub->subscribe();
        auto published = sub->publish(R"({"n":1})"); // the typical "send right away"
        client.connectToServer();
        QTRY_VERIFY(published.isFinished());
        QCOMPARE(published.result().code, 0);
        QCOMPARE(sub->state(), Subscription::State::Subscribed);
    }

    void subscriptionCallsFailWhenUnsubscribed()
    {
        FakeCentrifugo server;
        QList<quint32> held;
        holdReplies(server, QStringLiteral("subscribe"), &held);
        Client client(server.url(), fastOptions());
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        Subscription* sub = client.newSubscription(QStringLiteral("ch"));
        sub->subscribe();
        QTRY_COMPARE(held.size(), 1);
        auto first = sub->publish("{}");
        auto second = sub->presence();
        QVERIFY(!first.isFinished());
        sub->unsubscribe();
        QVERIFY(first.isFinished());
        QCOMPARE(first.result().code, CallCode::SubscriptionUnsubscribed);
        QCOMPARE(second.result().code, CallCode::SubscriptionUnsubscribed);

        // A permanent subscribe error ends the wait the same way.
        server.onCommand = [&server](const QJsonObject& command) {
            if (FakeCentrifugo::methodOf(command) != QStringLiteral("subscribe"))
                return false;
            server.replyError(
                FakeCentrifugo::idOf(command), 103, QStringLiteral("permission denied"));
            return true;
        };
        Subscription* denied = client.newSubscription(QStringLiteral("denied"));
        denied->subscribe();
        auto third = denied->history(10);
        QTRY_VERIFY(third.isFinished());
        QCOMPARE(third.result().code, CallCode::SubscriptionUnsubscribed);
        QCOMPARE(server.count(QStringLiteral("publish")) + server.count(QStringLiteral("history"))
                + server.count(QStringLiteral("presence")),
            0);
    }

    void subscriptionCallsTimeOutWhileSubscribing()
    {
        FakeCentrifugo server;
        QList<quint32> held;
        holdReplies(server, QStringLiteral("subscribe"), &held);
        ClientOptions options = fastOptions();
        options.timeout = 300ms;
        Client client(server.url(), options);
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        Subscription* sub = client.newSubscription(QStringLiteral("ch"));
        sub->subscribe();
        QTRY_COMPARE(held.size(), 1);
        QElapsedTimer elapsed;
        elapsed.start();
        auto call = sub->publish("{}");
        QTRY_VERIFY_WITH_TIMEOUT(call.isFinished(), 2000);
        QCOMPARE(call.result().code, CallCode::Timeout);
        QVERIFY(elapsed.elapsed() >= 250);
        QCOMPARE(server.count(QStringLiteral("publish")), 0);
    }
};

QTEST_GUILESS_MAIN(TestClientCalls)
#include "tst_client_calls.moc"
