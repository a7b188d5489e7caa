// Against the REAL Centrifugo: connect, subscribe, delivery, calls, subscription tokens,
// server API disconnects, token refresh.

#include "realtime/client.h"
#include "realtime/subscription.h"
#include "realtime/tokenprovider.h"
#include "tests/support/localcentrifugo.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Centrifuge;
using namespace std::chrono_literals;
using TestSupport::LocalCentrifugo;

class TestIntegrationBasic : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalCentrifugo> m_server;

    ClientOptions fastOptions() const
    {
        ClientOptions options;
        options.minReconnectDelay = std::chrono::milliseconds {50};
        options.maxReconnectDelay = std::chrono::milliseconds {300};
        options.watchNetworkReachability = false;
        return options;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<LocalCentrifugo>();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }
    void cleanupTestCase() { m_server.reset(); }

    void connectSubscribeAndReceive()
    {
        ClientOptions options = fastOptions();
        options.token = m_server->token(QStringLiteral("u1"));
        Client client(m_server->wsUrl(), options);
        Subscription* sub = client.newSubscription(QStringLiteral("pub:basic"));
        QVERIFY(sub);
        QSignalSpy connected(&client, &Client::connected);
        QSignalSpy subscribed(sub, &Subscription::subscribed);
        QSignalSpy publications(sub, &Subscription::publication);
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, 5000);
        QCOMPARE(client.state(), Client::State::Connected);
        QCOMPARE(sub->state(), Subscription::State::Subscribed);
        const auto event = subscribed.at(0).at(0).value<SubscribedEvent>();
        QVERIFY(event.recoverable);

        QString error;
        const quint64 offset = m_server->publish(QStringLiteral("pub:basic"),
            QJsonObject {{QStringLiteral("text"), QStringLiteral("hello")}}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(publications.size(), 1, 5000);
        const auto publication = publications.at(0).at(0).value<Publication>();
        QCOMPARE(publication.channel, QStringLiteral("pub:basic"));
        QCOMPARE(publication.offset, offset);
        QCOMPARE(QJsonDocument::fromJson(publication.data)
                     .object()
                     .value(QStringLiteral("text"))
                     .toString(),
            QStringLiteral("hello"));
        QCOMPARE(sub->position().offset, offset);

        // Calls from the client.
        auto published = client.publish(QStringLiteral("pub:basic"), R"({"text":"from client"})");
        QTRY_VERIFY_WITH_TIMEOUT(published.isFinished(), 5000);
        QCOMPARE(published.result().code, 0);
        QTRY_COMPARE_WITH_TIMEOUT(publications.size(), 2, 5000);
        auto history = sub->history(10);
        QTRY_VERIFY_WITH_TIMEOUT(history.isFinished(), 5000);
        QCOMPARE(history.result().code, 0);
        const auto& historyResult = std::get<Protocol::HistoryResult>(history.result().result);
        QCOMPARE(historyResult.publications.size(), std::size_t(2));
        auto presence = sub->presenceStats();
        QTRY_VERIFY_WITH_TIMEOUT(presence.isFinished(), 5000);
        QCOMPARE(presence.result().code, 0);
        QCOMPARE(std::get<Protocol::PresenceStatsResult>(presence.result().result).numClients, 1u);

        QSignalSpy disconnected(&client, &Client::disconnected);
        client.disconnectFromServer();
        QCOMPARE(disconnected.size(), 1);
        QCOMPARE(disconnected.at(0).at(0).toInt(), 0);
        QCOMPARE(client.state(), Client::State::Disconnected);
    }

    void subscriptionTokensAndPermissionDenied()
    {
        LocalCentrifugo* server = m_server.get();
        ClientOptions options = fastOptions();
        options.token = server->token(QStringLiteral("u2"));
        Client client(server->wsUrl(), options);
        int subTokenRequests = 0;
        client.setTokenProvider(std::make_shared<FunctionTokenProvider>(
            [server, &subTokenRequests](const TokenRequest& request, TokenProvider::Callback done) {
                QCOMPARE(request.kind, TokenRequest::Kind::Subscription);
                ++subTokenRequests;
                done(TokenReply::ok(
                    server->subscriptionToken(QStringLiteral("u2"), request.channel)));
            }));
        SubscriptionOptions withToken;
        withToken.useTokenProvider = true;
        Subscription* allowed = client.newSubscription(QStringLiteral("sec:allowed"), withToken);
        Subscription* denied = client.newSubscription(QStringLiteral("sec:denied")); // no token
        QSignalSpy deniedUnsubscribed(denied, &Subscription::unsubscribed);
        QSignalSpy publications(allowed, &Subscription::publication);
        allowed->subscribe();
        denied->subscribe();
        client.connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(allowed->state(), Subscription::State::Subscribed, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(deniedUnsubscribed.size(), 1, 5000);
        QCOMPARE(deniedUnsubscribed.first().at(0).toInt(), 103);
        QCOMPARE(subTokenRequests, 1);
        QCOMPARE(client.state(), Client::State::Connected);
        m_server->publish(QStringLiteral("sec:allowed"), QJsonObject {{QStringLiteral("n"), 1}});
        QTRY_COMPARE_WITH_TIMEOUT(publications.size(), 1, 5000);
    }

    void serverApiDisconnectAndUnsubscribe()
    {
        ClientOptions options = fastOptions();
        options.token = m_server->token(QStringLiteral("u3"));
        Client client(m_server->wsUrl(), options);
        Subscription* sub = client.newSubscription(QStringLiteral("pub:api"));
        QSignalSpy connecting(&client, &Client::connecting);
        QSignalSpy disconnected(&client, &Client::disconnected);
        QSignalSpy unsubscribed(sub, &Subscription::unsubscribed);
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(sub->state(), Subscription::State::Subscribed, 5000);

        QString error;
        m_server->api(QStringLiteral("unsubscribe"),
            QJsonObject {{QStringLiteral("user"), QStringLiteral("u3")},
                {QStringLiteral("channel"), QStringLiteral("pub:api")}},
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(unsubscribed.size(), 1, 5000);
        QCOMPARE(unsubscribed.first().at(0).toInt(), 2000);
        sub->subscribe();
        QTRY_COMPARE_WITH_TIMEOUT(sub->state(), Subscription::State::Subscribed, 5000);

        // 4000-4499: reconnect.
        m_server->api(QStringLiteral("disconnect"),
            QJsonObject {{QStringLiteral("user"), QStringLiteral("u3")},
                {QStringLiteral("disconnect"),
                    QJsonObject {{QStringLiteral("code"), 4000},
                        {QStringLiteral("reason"), QStringLiteral("come back")}}}},
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(connecting.size(), 2, 5000);
        QCOMPARE(connecting.last().at(0).toInt(), 4000);
        QCOMPARE(connecting.last().at(1).toString(), QStringLiteral("come back"));
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Connected, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(sub->state(), Subscription::State::Subscribed, 5000);

        // 4500-4999: terminal.
        m_server->api(QStringLiteral("disconnect"),
            QJsonObject {{QStringLiteral("user"), QStringLiteral("u3")},
                {QStringLiteral("disconnect"),
                    QJsonObject {{QStringLiteral("code"), 4500},
                        {QStringLiteral("reason"), QStringLiteral("go away")}}}},
            &error);
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, 5000);
        QCOMPARE(disconnected.first().at(0).toInt(), 4500);
        QCOMPARE(disconnected.first().at(1).toString(), QStringLiteral("go away"));
        QTest::qWait(400); // duration, not a wait for an event: stays disconnected
        QCOMPARE(client.state(), Client::State::Disconnected);
    }

    void fossilDeltaWithTheRealServer()
    {
        ClientOptions options = fastOptions();
        options.token = m_server->token(QStringLiteral("u5"));
        Client client(m_server->wsUrl(), options);
        SubscriptionOptions subOptions;
        subOptions.deltaFossil = true;
        Subscription* sub = client.newSubscription(QStringLiteral("pub:delta"), subOptions);
        QSignalSpy publications(sub, &Subscription::publication);
        QSignalSpy errors(sub, &Subscription::errorOccurred);
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(sub->state(), Subscription::State::Subscribed, 5000);
        QString text = QStringLiteral(
            "a fairly long message body so that the server prefers sending a delta; ");
        QList<QString> sent;
        for (int i = 0; i < 4; ++i) {
            text += QString::number(i);
            sent << text;
            QString error;
            m_server->publish(QStringLiteral("pub:delta"),
                QJsonObject {{QStringLiteral("text"), text}}, &error,
                QJsonObject {{QStringLiteral("delta"), true}});
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        QTRY_COMPARE_WITH_TIMEOUT(publications.size(), 4, 5000);
        for (int i = 0; i < 4; ++i) {
            const auto publication = publications.at(i).first().value<Publication>();
            QCOMPARE(QJsonDocument::fromJson(publication.data)
                         .object()
                         .value(QStringLiteral("text"))
                         .toString(),
                sent.at(i));
        }
        QCOMPARE(errors.size(), 0);
    }

    void tokenRefreshWithShortTtl()
    {
        // Refreshed at its ttl while the pacing allows it (no grace used).
        LocalCentrifugo* server = m_server.get();
        ClientOptions options = fastOptions();
        options.tokenExpiryGrace = 0ms;
        Client client(server->wsUrl(), options);
        int requests = 0;
        client.setTokenProvider(std::make_shared<FunctionTokenProvider>(
            [server, &requests](const TokenRequest&, TokenProvider::Callback done) {
                ++requests;
                done(TokenReply::ok(server->token(QStringLiteral("u4"), 3)));
            }));
        QSignalSpy connecting(&client, &Client::connecting);
        QSignalSpy refreshed(&client, &Client::tokenRefreshed);
        client.connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Connected, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 2, 12000);
        QCOMPARE(requests, 3);
        QCOMPARE(connecting.size(), 1); // never lost the connection
        QCOMPARE(client.state(), Client::State::Connected);
    }

    void tokenRefreshedWithinTheServersGrace()
    {
        // A 2 s token with 5 token requests per 20 s: refreshes go every ~4.1 s, about 2 s
        // after each token expired, inside Centrifugo's 25 s client.expired_close_delay. The
        // server takes them and never closes the connection (3005).
        LocalCentrifugo* server = m_server.get();
        ClientOptions options = fastOptions();
        options.tokenRequestWindow = 20000ms;
        options.maxTokenRequestsPerWindow = 5;
        QCOMPARE(options.tokenExpiryGrace.count(), 25000); // Centrifugo's default
        Client client(server->wsUrl(), options);
        int requests = 0;
        client.setTokenProvider(std::make_shared<FunctionTokenProvider>(
            [server, &requests](const TokenRequest&, TokenProvider::Callback done) {
                ++requests;
                done(TokenReply::ok(server->token(QStringLiteral("u5"), 2)));
            }));
        QSignalSpy connecting(&client, &Client::connecting);
        QSignalSpy refreshed(&client, &Client::tokenRefreshed);
        QSignalSpy errors(&client, &Client::errorOccurred);
        client.connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Connected, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 2, 20000);
        QCOMPARE(requests, 3);
        QCOMPARE(connecting.size(), 1); // never lost the connection
        QCOMPARE(errors.size(), 0);
        QCOMPARE(client.state(), Client::State::Connected);
    }
};

QTEST_GUILESS_MAIN(TestIntegrationBasic)
#include "tst_integration_basic.moc"
