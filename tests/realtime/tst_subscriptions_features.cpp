// Newer subscription features against the fake server: publication tags filter (`tf`), channel
// compaction (SubscribeResult.id, pushes carrying `id`), getState with "reject unrecovered"
// (flag bit 2, error 112).

#include "fakefixture.h"

#include <QThread>

#include <thread>

using namespace Centrifuge;
using namespace FakeFixture;
using TestSupport::FakeCentrifugo;

namespace {

QJsonObject lastSubscribe(const FakeCentrifugo& server)
{
    return request(server.commands(QStringLiteral("subscribe")).last());
}

//! A getState the test answers by hand; records every channel it was asked for.
struct StateSource
{
    QStringList asked;
    QList<std::function<void(StateReply)>> pending;

    GetStateFunction function()
    {
        return [this](const QString& channel, std::function<void(StateReply)> done) {
            asked << channel;
            pending << std::move(done);
        };
    }
    //! Answers the oldest request from another thread, as an application loading from a
    //! database would.
    void answerFromThread(StateReply reply)
    {
        auto done = pending.takeFirst();
        std::thread([done = std::move(done), reply = std::move(reply)] { done(reply); }).join();
    }
};

} // namespace

class TestSubscriptionsFeatures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // ---- tags filter -----------------------------------------------------------------------

    void tagsFilterGoesOutWithTheSubscribe()
    {
        FakeCentrifugo server;
        Client client(server.url(), fastOptions());
        SubscriptionOptions options;
        using F = TagsFilter;
        options.tagsFilter = F::anyOf({F::eq(QStringLiteral("kind"), QStringLiteral("inbound")),
            F::in(QStringLiteral("priority"), {QStringLiteral("high"), QStringLiteral("urgent")})});
        Subscription* sub = client.newSubscription(QStringLiteral("ch"), options);
        QVERIFY(sub);
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        const QJsonObject tf = lastSubscribe(server).value(QStringLiteral("tf")).toObject();
        QCOMPARE(tf.value(QStringLiteral("op")).toString(), QStringLiteral("or"));
        const QJsonArray nodes = tf.value(QStringLiteral("nodes")).toArray();
        QCOMPARE(nodes.size(), 2);
        QCOMPARE(nodes.at(0).toObject(),
            (QJsonObject {{QStringLiteral("key"), QStringLiteral("kind")},
                {QStringLiteral("cmp"), QStringLiteral("eq")},
                {QStringLiteral("val"), QStringLiteral("inbound")}}));
        QCOMPARE(nodes.at(1).toObject().value(QStringLiteral("vals")).toArray(),
            (QJsonArray {QStringLiteral("high"), QStringLiteral("urgent")}));
        // Resubscribes (here after a reconnect) keep the filter.
        server.close(3001);
        QTRY_COMPARE(server.count(QStringLiteral("subscribe")), 2);
        QCOMPARE(lastSubscribe(server).value(QStringLiteral("tf")).toObject(), tf);
    }

    void tagsFilterWithDeltaIsRefused()
    {
        FakeCentrifugo server;
        Client client(server.url(), fastOptions());
        SubscriptionOptions options;
        options.tagsFilter = TagsFilter::eq(QStringLiteral("k"), QStringLiteral("v"));
        options.deltaFossil = true;
        QString error;
        QCOMPARE(client.newSubscription(QStringLiteral("ch"), options, &error), nullptr);
        QCOMPARE(error, QStringLiteral("a tags filter cannot be combined with delta compression"));
        QVERIFY(client.subscriptions().isEmpty());

        // A filter the server would answer with 107 is refused before it is sent.
        options.deltaFossil = false;
        options.tagsFilter = TagsFilter::in(QStringLiteral("k"), {});
        QCOMPARE(client.newSubscription(QStringLiteral("ch"), options, &error), nullptr);
        QCOMPARE(error, QStringLiteral("tags filter: 'in' needs at least one value"));

        // Duplicates say so too; a good filter is accepted.
        options.tagsFilter = TagsFilter::exists(QStringLiteral("k"));
        QVERIFY(client.newSubscription(QStringLiteral("ch"), options, &error));
        QCOMPARE(client.newSubscription(QStringLiteral("ch"), {}, &error), nullptr);
        QCOMPARE(error, QStringLiteral("a subscription to ch exists already"));
    }

    // ---- channel compaction ------------------------------------------------------------------

    void channelCompactionMapsIdsPerConnection()
    {
        FakeCentrifugo server;
        server.subscribeResults.insert(QStringLiteral("ch"),
            QJsonObject {{QStringLiteral("recoverable"), true},
                {QStringLiteral("epoch"), QStringLiteral("E")}, {QStringLiteral("id"), 42}});
        Client client(server.url(), fastOptions());
        SubscriptionOptions options;
        options.joinLeave = true;
        Subscription* sub = client.newSubscription(QStringLiteral("ch"), options);
        QSignalSpy publications(sub, &Subscription::publication);
        QSignalSpy joined(sub, &Subscription::joined);
        QSignalSpy serverPublications(&client, &Client::serverPublication);
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        // Bit 1 is always offered (OSS servers ignore it); bit 2 only with getState.
        QCOMPARE(lastSubscribe(server).value(QStringLiteral("flag")).toInteger(), 1);

        auto compactedPush = [&server](qint64 id, const QString& type, const QJsonObject& body) {
            server.sendRaw(FakeCentrifugo::line(QJsonObject {
                {QStringLiteral("push"), QJsonObject {{QStringLiteral("id"), id}, {type, body}}}}));
        };
        compactedPush(42, QStringLiteral("pub"),
            QJsonObject {{QStringLiteral("data"), QJsonObject {{QStringLiteral("n"), 1}}},
                {QStringLiteral("offset"), 1}});
        compactedPush(42, QStringLiteral("join"),
            QJsonObject {{QStringLiteral("info"),
                QJsonObject {{QStringLiteral("user"), QStringLiteral("u2")}}}});
        compactedPush(7, QStringLiteral("pub"), QJsonObject {{QStringLiteral("offset"), 2}});
        QTRY_COMPARE(joined.size(), 1);
        QCOMPARE(publications.size(), 1); // the unknown id 7 belongs to nobody
        QCOMPARE(publications.first().first().value<Publication>().channel, QStringLiteral("ch"));
        QCOMPARE(sub->position().offset, 1u);

        // A new connection has new ids: the old one means nothing any more.
        server.subscribeResults[QStringLiteral("ch")].insert(QStringLiteral("id"), 43);
        server.close(3001);
        QTRY_COMPARE(server.count(QStringLiteral("subscribe")), 2);
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        compactedPush(42, QStringLiteral("pub"), QJsonObject {{QStringLiteral("offset"), 3}});
        compactedPush(43, QStringLiteral("pub"), QJsonObject {{QStringLiteral("offset"), 4}});
        QTRY_COMPARE(publications.size(), 2);
        QCOMPARE(publications.last().first().value<Publication>().offset, 4u);

        // Unsubscribed: its id is forgotten; a compacted unsubscribe push resolves too.
        compactedPush(43, QStringLiteral("unsubscribe"),
            QJsonObject {{QStringLiteral("code"), 2000},
                {QStringLiteral("reason"), QStringLiteral("server unsubscribe")}});
        QTRY_COMPARE(sub->state(), Subscription::State::Unsubscribed);
        compactedPush(43, QStringLiteral("pub"), QJsonObject {{QStringLiteral("offset"), 5}});
        server.publish(QStringLiteral("ch"), {}, 6); // by name: not ours either now
        QTest::qWait(100); // duration, not a wait for an event: nothing delivered
        QCOMPARE(publications.size(), 2);
        QCOMPARE(serverPublications.size(), 0);
    }

    // ---- getState ---------------------------------------------------------------------------

    void getStateGivesTheFirstPosition()
    {
        FakeCentrifugo server;
        server.subscribeResults.insert(QStringLiteral("ch"),
            QJsonObject {{QStringLiteral("recoverable"), true},
                {QStringLiteral("epoch"), QStringLiteral("E")}, {QStringLiteral("offset"), 10},
                {QStringLiteral("was_recovering"), true}, {QStringLiteral("recovered"), true}});
        StateSource state;
        Client client(server.url(), fastOptions());
        SubscriptionOptions options;
        options.getState = state.function();
        Subscription* sub = client.newSubscription(QStringLiteral("ch"), options);
        sub->subscribe();
        // Asked at once, while the client is not even connected: loading overlaps connecting.
        QCOMPARE(state.asked, QStringList {QStringLiteral("ch")});
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        QTest::qWait(50); // duration, not a wait for an event: no subscribe yet
        QCOMPARE(server.count(QStringLiteral("subscribe")), 0); // waits for the state
        state.answerFromThread(StateReply::ok(StreamPosition {10, QStringLiteral("E")}));
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        const QJsonObject subscribe = lastSubscribe(server);
        QCOMPARE(subscribe.value(QStringLiteral("recover")).toBool(), true);
        QCOMPARE(subscribe.value(QStringLiteral("offset")).toInteger(), 10);
        QCOMPARE(subscribe.value(QStringLiteral("epoch")).toString(), QStringLiteral("E"));
        QCOMPARE(subscribe.value(QStringLiteral("flag")).toInteger(), 3); // + reject unrecovered

        // A reconnect recovers from the saved position: the state is not loaded again.
        server.close(3001);
        QTRY_COMPARE(server.count(QStringLiteral("subscribe")), 2);
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        QCOMPARE(state.asked.size(), 1);
    }

    void unrecoverablePositionLoadsTheStateAgain()
    {
        FakeCentrifugo server;
        server.subscribeResults.insert(QStringLiteral("ch"),
            QJsonObject {{QStringLiteral("recoverable"), true},
                {QStringLiteral("epoch"), QStringLiteral("NEW")}, {QStringLiteral("offset"), 3}});
        server.onCommand = [&server](const QJsonObject& command) {
            if (FakeCentrifugo::methodOf(command) != QStringLiteral("subscribe")
                || request(command).value(QStringLiteral("epoch")).toString()
                    != QStringLiteral("OLD"))
                return false;
            server.replyError(
                FakeCentrifugo::idOf(command), 112, QStringLiteral("unrecoverable position"));
            return true;
        };
        StateSource state;
        Client client(server.url(), fastOptions());
        SubscriptionOptions options;
        options.getState = state.function();
        options.since = StreamPosition {5, QStringLiteral("OLD")}; // persisted, now too old
        Subscription* sub = client.newSubscription(QStringLiteral("ch"), options);
        QSignalSpy errors(sub, &Subscription::errorOccurred);
        QSignalSpy subscribed(sub, &Subscription::subscribed);
        sub->subscribe();
        client.connectToServer();
        QCOMPARE(state.asked.size(), 0); // a position is known: try to recover first
        QTRY_COMPARE(state.asked.size(), 1); // 112: the state is loaded again
        QCOMPARE(sub->position(), StreamPosition {}); // the old position is gone
        QCOMPARE(sub->state(), Subscription::State::Subscribing);
        state.answerFromThread(StateReply::ok(StreamPosition {3, QStringLiteral("NEW")}));
        QTRY_COMPARE(subscribed.size(), 1);
        const QList<QJsonObject> subscribes = server.commands(QStringLiteral("subscribe"));
        QCOMPARE(subscribes.size(), 2);
        QCOMPARE(request(subscribes.at(0)).value(QStringLiteral("flag")).toInteger(), 3);
        QCOMPARE(request(subscribes.at(1)).value(QStringLiteral("epoch")).toString(),
            QStringLiteral("NEW"));
        QCOMPARE(sub->position(), (StreamPosition {3, QStringLiteral("NEW")}));
        QCOMPARE(errors.size(), 0); // 112 is the answer asked for, not an error
    }

    void getStateFailuresAreRetried()
    {
        FakeCentrifugo server;
        StateSource state;
        Client client(server.url(), fastOptions());
        SubscriptionOptions options;
        options.getState = state.function();
        options.getStateTimeout = 300ms;
        Subscription* sub = client.newSubscription(QStringLiteral("ch"), options);
        QSignalSpy errors(sub, &Subscription::errorOccurred);
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE(state.asked.size(), 1);
        state.answerFromThread(StateReply::failed(QStringLiteral("database locked")));
        QTRY_COMPARE(errors.size(), 1);
        QCOMPARE(errors.first().at(0).value<ErrorType>(), ErrorType::GetState);
        QCOMPARE(errors.first().at(2).toString(), QStringLiteral("database locked"));
        QTRY_COMPARE(state.asked.size(), 2); // after the resubscribe backoff
        // No answer at all: the timeout turns it into a failure, and it is asked again.
        QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 2, 2000);
        QCOMPARE(errors.last().at(2).toString(), QStringLiteral("getState timed out"));
        QTRY_COMPARE(state.asked.size(), 3);
        // A position without an epoch could never be recovered: refused the same way.
        state.pending.removeFirst(); // the timed-out one: answering it later changes nothing
        state.pending.takeFirst()(StateReply::ok(StreamPosition {1, QString()}));
        QTRY_COMPARE(errors.size(), 3);
        QCOMPARE(errors.last().at(2).toString(),
            QStringLiteral("getState answered a position without an epoch"));
        QTRY_COMPARE(state.asked.size(), 4);
        state.answerFromThread(StateReply::ok(StreamPosition {0, QStringLiteral("E")}));
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        QCOMPARE(server.count(QStringLiteral("subscribe")), 1); // nothing went out before
    }

    void unsubscribeWhileLoadingStateDropsTheAnswer()
    {
        FakeCentrifugo server;
        StateSource state;
        Client client(server.url(), fastOptions());
        SubscriptionOptions options;
        options.getState = state.function();
        Subscription* sub = client.newSubscription(QStringLiteral("ch"), options);
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        sub->subscribe();
        QCOMPARE(state.asked.size(), 1);
        sub->unsubscribe();
        sub->subscribe(); // a new attempt waits for the old answer to end, then asks again
        QCOMPARE(state.asked.size(), 1);
        state.answerFromThread(StateReply::ok(StreamPosition {9, QStringLiteral("STALE")}));
        QTRY_COMPARE(state.asked.size(), 2);
        QCOMPARE(server.count(QStringLiteral("subscribe")), 0);
        state.answerFromThread(StateReply::ok(StreamPosition {11, QStringLiteral("E")}));
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        QCOMPARE(server.count(QStringLiteral("subscribe")), 1);
        QCOMPARE(lastSubscribe(server).value(QStringLiteral("offset")).toInteger(), 11);
    }
};

QTEST_GUILESS_MAIN(TestSubscriptionsFeatures)
#include "tst_subscriptions_features.moc"
