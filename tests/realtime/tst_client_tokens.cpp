// Connection and subscription tokens through the TokenProvider: 109 flow, unauthorized,
// failures with backoff, refresh at ttl, stale answers discarded, state invalidation (3014).

#include "fakefixture.h"
#include "realtime/tokenprovider.h"

using namespace Centrifuge;
using namespace FakeFixture;
using TestSupport::FakeCentrifugo;

namespace {

//! A provider whose answers the test scripts; it records every request and may hold callbacks.
struct ScriptedProvider
{
    QList<TokenRequest> requests;
    QList<TokenProvider::Callback> held;
    std::function<std::optional<TokenReply>(const TokenRequest&, int index)> answer;

    std::shared_ptr<TokenProvider> make()
    {
        return std::make_shared<FunctionTokenProvider>(
            [this](const TokenRequest& request, TokenProvider::Callback done) {
                requests << request;
                std::optional<TokenReply> reply = answer
                    ? answer(request, int(requests.size()) - 1)
                    : std::optional<TokenReply>(
                        TokenReply::ok(QStringLiteral("T%1").arg(requests.size())));
                if (reply)
                    done(*reply);
                else
                    held << done;
            });
    }
    int count(TokenRequest::Kind kind) const
    {
        return int(std::count_if(requests.begin(), requests.end(),
            [kind](const TokenRequest& r) { return r.kind == kind; }));
    }
};

QString connectToken(const QJsonObject& command)
{
    return request(command).value(QStringLiteral("token")).toString();
}

} // namespace

class TestClientTokens : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void providerGivesTheConnectToken()
    {
        FakeCentrifugo server;
        ScriptedProvider provider;
        Client client(server.url(), fastOptions());
        client.setTokenProvider(provider.make());
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        QCOMPARE(
            connectToken(server.commands(QStringLiteral("connect")).first()), QStringLiteral("T1"));
        QCOMPARE(provider.requests.first().kind, TokenRequest::Kind::Connection);
    }

    void tokenExpiredOnConnectFetchesAnother()
    {
        FakeCentrifugo server;
        server.onCommand = [&](const QJsonObject& command) {
            if (FakeCentrifugo::methodOf(command) == QStringLiteral("connect")
                && connectToken(command) == QStringLiteral("old")) {
                server.replyError(
                    FakeCentrifugo::idOf(command), 109, QStringLiteral("token expired"));
                return true;
            }
            return false;
        };
        ScriptedProvider provider;
        ClientOptions options = fastOptions();
        options.token = QStringLiteral("old");
        Client client(server.url(), options);
        client.setTokenProvider(provider.make());
        QSignalSpy errors(&client, &Client::errorOccurred);
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        QCOMPARE(provider.requests.size(), 1);
        const auto connects = server.commands(QStringLiteral("connect"));
        QCOMPARE(connects.size(), 2);
        QCOMPARE(connectToken(connects.at(1)), QStringLiteral("T1"));
        QCOMPARE(errors.first().at(0).value<ErrorType>(), ErrorType::Connect);
        QCOMPARE(errors.first().at(1).toInt(), 109);
    }

    void tokenExpiredWithoutProviderIsUnauthorized()
    {
        FakeCentrifugo server;
        server.onCommand = [&](const QJsonObject& command) {
            if (FakeCentrifugo::methodOf(command) != QStringLiteral("connect"))
                return false;
            server.replyError(FakeCentrifugo::idOf(command), 109, QStringLiteral("token expired"));
            return true;
        };
        ClientOptions options = fastOptions();
        options.token = QStringLiteral("static");
        Client client(server.url(), options);
        QSignalSpy disconnected(&client, &Client::disconnected);
        client.connectToServer();
        QTRY_COMPARE(disconnected.size(), 1);
        QCOMPARE(disconnected.first().at(0).toInt(), DisconnectedCode::Unauthorized);
    }

    void unauthorizedIsTerminalWithoutRetry()
    {
        FakeCentrifugo server;
        ScriptedProvider provider;
        provider.answer = [](const TokenRequest&, int) {
            return TokenReply::unauthorized(QStringLiteral("signed out"));
        };
        Client client(server.url(), fastOptions());
        client.setTokenProvider(provider.make());
        QSignalSpy disconnected(&client, &Client::disconnected);
        client.connectToServer();
        QTRY_COMPARE(disconnected.size(), 1);
        QCOMPARE(disconnected.first().at(0).toInt(), DisconnectedCode::Unauthorized);
        QTest::qWait(200); // duration, not a wait for an event: several max delays
        QCOMPARE(provider.requests.size(), 1);
        QCOMPARE(server.connections, 0);
    }

    void providerFailureRetriesHonouringRetryAfter()
    {
        FakeCentrifugo server;
        ScriptedProvider provider;
        provider.answer = [](const TokenRequest&, int index) {
            return index == 0 ? TokenReply::failed(QStringLiteral("HTTP 429"), 400)
                              : TokenReply::ok(QStringLiteral("good"));
        };
        Client client(server.url(), fastOptions());
        client.setTokenProvider(provider.make());
        QSignalSpy errors(&client, &Client::errorOccurred);
        QSignalSpy scheduled(&client, &Client::reconnectScheduled);
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        QCOMPARE(errors.first().at(0).value<ErrorType>(), ErrorType::ConnectToken);
        QCOMPARE(scheduled.size(), 1);
        QVERIFY(scheduled.first().at(1).toLongLong() >= 400);
        QCOMPARE(connectToken(server.commands(QStringLiteral("connect")).first()),
            QStringLiteral("good"));
    }

    void refreshAtTtl()
    {
        FakeCentrifugo server;
        server.connectResult
            = QJsonObject {{QStringLiteral("expires"), true}, {QStringLiteral("ttl"), 1}};
        ScriptedProvider provider;
        Client client(server.url(), fastOptions());
        client.setTokenProvider(provider.make());
        QSignalSpy refreshed(&client, &Client::tokenRefreshed);
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        QTRY_COMPARE_WITH_TIMEOUT(server.count(QStringLiteral("refresh")), 1, 3000);
        QCOMPARE(request(server.commands(QStringLiteral("refresh")).first())
                     .value(QStringLiteral("token"))
                     .toString(),
            QStringLiteral("T2"));
        QTRY_COMPARE(refreshed.size(), 1);
        QCOMPARE(server.connections, 1); // no disconnect
    }

    void refreshAnswerAfterReconnectIsDiscarded()
    {
        FakeCentrifugo server;
        server.connectResult
            = QJsonObject {{QStringLiteral("expires"), true}, {QStringLiteral("ttl"), 1}};
        ScriptedProvider provider;
        provider.answer = [](const TokenRequest&, int index) -> std::optional<TokenReply> {
            if (index == 0)
                return TokenReply::ok(QStringLiteral("first"));
            return std::nullopt; // hold the refresh
        };
        ClientOptions options = fastOptions();
        options.tokenTimeout = 10000ms;
        Client client(server.url(), options);
        client.setTokenProvider(provider.make());
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        QTRY_COMPARE_WITH_TIMEOUT(provider.held.size(), 1, 3000);
        server.close(3001, QStringLiteral("shutdown"));
        QTRY_COMPARE(server.connections, 2);
        QTRY_COMPARE(client.state(), Client::State::Connected);
        provider.held.first()(TokenReply::ok(QStringLiteral("stale")));
        QTest::qWait(100); // duration, not a wait for an event: no refresh
        QCOMPARE(server.count(QStringLiteral("refresh")), 0);
    }

    void emptyRefreshTokenIsUnauthorizedAndNeverSent()
    {
        FakeCentrifugo server;
        server.connectResult
            = QJsonObject {{QStringLiteral("expires"), true}, {QStringLiteral("ttl"), 1}};
        ScriptedProvider provider;
        provider.answer = [](const TokenRequest&, int index) {
            return TokenReply::ok(index == 0 ? QStringLiteral("first") : QString());
        };
        Client client(server.url(), fastOptions());
        client.setTokenProvider(provider.make());
        QSignalSpy disconnected(&client, &Client::disconnected);
        client.connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, 3000);
        QCOMPARE(disconnected.first().at(0).toInt(), DisconnectedCode::Unauthorized);
        QCOMPARE(server.count(QStringLiteral("refresh")), 0);
    }

    void subscriptionTokensFetchedOnlyWhenConnected()
    {
        FakeCentrifugo server;
        quint32 connectId = 0;
        server.onCommand = [&](const QJsonObject& command) {
            if (FakeCentrifugo::methodOf(command) != QStringLiteral("connect") || connectId != 0)
                return false;
            connectId = FakeCentrifugo::idOf(command);
            return true;
        };
        ScriptedProvider provider;
        Client client(server.url(), fastOptions());
        client.setTokenProvider(provider.make());
        SubscriptionOptions subOptions;
        subOptions.useTokenProvider = true;
        Subscription* sub = client.newSubscription(QStringLiteral("sec:1"), subOptions);
        sub->subscribe();
        client.connectToServer();
        QTRY_VERIFY(connectId != 0);
        QTest::qWait(50); // duration, not a wait for an event: no token asked
        QCOMPARE(provider.count(TokenRequest::Kind::Subscription), 0);
        QCOMPARE(server.count(QStringLiteral("subscribe")), 0); // needs a token: not batched
        server.reply(connectId, QStringLiteral("connect"),
            QJsonObject {{QStringLiteral("client"), QStringLiteral("c")}});
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        QCOMPARE(provider.count(TokenRequest::Kind::Subscription), 1);
        QCOMPARE(provider.requests.last().channel, QStringLiteral("sec:1"));
        QCOMPARE(request(server.commands(QStringLiteral("subscribe")).first())
                     .value(QStringLiteral("token"))
                     .toString(),
            QStringLiteral("T2"));
    }

    void subscriptionTokenRefreshCarriesTheChannel()
    {
        FakeCentrifugo server;
        server.subscribeResults.insert(QStringLiteral("sec:1"),
            QJsonObject {{QStringLiteral("expires"), true}, {QStringLiteral("ttl"), 1}});
        ScriptedProvider provider;
        Client client(server.url(), fastOptions());
        client.setTokenProvider(provider.make());
        SubscriptionOptions subOptions;
        subOptions.useTokenProvider = true;
        Subscription* sub = client.newSubscription(QStringLiteral("sec:1"), subOptions);
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        QTRY_COMPARE_WITH_TIMEOUT(server.count(QStringLiteral("sub_refresh")), 1, 3000);
        const QJsonObject refresh = request(server.commands(QStringLiteral("sub_refresh")).first());
        QCOMPARE(refresh.value(QStringLiteral("channel")).toString(), QStringLiteral("sec:1"));
        QCOMPARE(refresh.value(QStringLiteral("token")).toString(), QStringLiteral("T3"));
    }

    void subscriptionUnauthorized()
    {
        FakeCentrifugo server;
        ScriptedProvider provider;
        provider.answer = [](const TokenRequest& request, int) {
            return request.kind == TokenRequest::Kind::Subscription
                ? TokenReply::unauthorized(QStringLiteral("no"))
                : TokenReply::ok(QStringLiteral("c"));
        };
        Client client(server.url(), fastOptions());
        client.setTokenProvider(provider.make());
        SubscriptionOptions subOptions;
        subOptions.useTokenProvider = true;
        Subscription* sub = client.newSubscription(QStringLiteral("sec:1"), subOptions);
        QSignalSpy unsubscribed(sub, &Subscription::unsubscribed);
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE(unsubscribed.size(), 1);
        QCOMPARE(unsubscribed.first().at(0).toInt(), UnsubscribedCode::Unauthorized);
        QCOMPARE(server.count(QStringLiteral("subscribe")), 0);
    }

    void stateInvalidatedDropsTokenAndPositions()
    {
        FakeCentrifugo server;
        server.subscribeResults.insert(QStringLiteral("ch"),
            QJsonObject {{QStringLiteral("recoverable"), true},
                {QStringLiteral("epoch"), QStringLiteral("E")}, {QStringLiteral("offset"), 5}});
        ScriptedProvider provider;
        Client client(server.url(), fastOptions());
        client.setTokenProvider(provider.make());
        Subscription* sub = client.newSubscription(QStringLiteral("ch"));
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        QCOMPARE(sub->position().offset, 5u);
        server.close(3014, QStringLiteral("state invalidated"));
        QTRY_COMPARE(server.count(QStringLiteral("subscribe")), 2);
        QCOMPARE(provider.count(TokenRequest::Kind::Connection), 2); // token dropped
        const QJsonObject resubscribe
            = request(server.commands(QStringLiteral("subscribe")).last());
        QCOMPARE(resubscribe.value(QStringLiteral("recover")).toBool(), true);
        QCOMPARE(resubscribe.value(QStringLiteral("epoch")).toString(), QStringLiteral("_"));
        QCOMPARE(resubscribe.value(QStringLiteral("offset")).toInteger(), 0);
    }

    void staticTokenSurvivesInvalidation()
    {
        FakeCentrifugo server;
        ClientOptions options = fastOptions();
        options.token = QStringLiteral("static");
        Client client(server.url(), options);
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        server.close(3014, QStringLiteral("state invalidated"));
        QTRY_COMPARE(server.count(QStringLiteral("connect")), 2);
        QCOMPARE(connectToken(server.commands(QStringLiteral("connect")).last()),
            QStringLiteral("static"));
    }
};

QTEST_GUILESS_MAIN(TestClientTokens)
#include "tst_client_tokens.moc"
