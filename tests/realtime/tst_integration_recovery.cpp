// Against the REAL Centrifugo: recovery across a server restart with the Redis engine (nothing
// lost, recovered=true) and with the memory engine (recovered=false surfaced).

#include "realtime/client.h"
#include "realtime/subscription.h"
#include "tests/support/localcentrifugo.h"

#include <QSignalSpy>
#include <QTest>

using namespace Centrifuge;
using namespace std::chrono_literals;
using TestSupport::LocalCentrifugo;
using TestSupport::RedisServer;

class TestIntegrationRecovery : public QObject
{
    Q_OBJECT

private:
    //! Subscribes, receives two publications, restarts the server, publishes two more before
    //! the client is back, and returns the resubscribe's event and the offsets delivered.
    void restartScenario(LocalCentrifugo& server, SubscribedEvent* after, QList<quint64>* offsets)
    {
        ClientOptions options;
        options.token = server.token(QStringLiteral("rec"));
        // Long enough that the publications after the restart happen while we are away.
        options.minReconnectDelay = 1500ms;
        options.maxReconnectDelay = 2500ms;
        options.watchNetworkReachability = false;
        Client client(server.wsUrl(), options);
        Subscription* sub = client.newSubscription(QStringLiteral("pub:recovery"));
        QSignalSpy subscribed(sub, &Subscription::subscribed);
        connect(sub, &Subscription::publication, this,
            [offsets](const Publication& p) { offsets->append(p.offset); });
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, 5000);
        QString error;
        server.publish(
            QStringLiteral("pub:recovery"), QJsonObject {{QStringLiteral("n"), 1}}, &error);
        server.publish(
            QStringLiteral("pub:recovery"), QJsonObject {{QStringLiteral("n"), 2}}, &error);
        QTRY_COMPARE_WITH_TIMEOUT(offsets->size(), 2, 5000);

        server.stop();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Connecting, 5000);
        QVERIFY2(server.restart(&error), qPrintable(error));
        QVERIFY(client.state() != Client::State::Connected);
        server.publish(
            QStringLiteral("pub:recovery"), QJsonObject {{QStringLiteral("n"), 3}}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        server.publish(
            QStringLiteral("pub:recovery"), QJsonObject {{QStringLiteral("n"), 4}}, &error);
        QVERIFY(client.state() != Client::State::Connected);
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 2, 10000);
        *after = subscribed.last().first().value<SubscribedEvent>();
        QTRY_VERIFY_WITH_TIMEOUT(after->recovered ? offsets->size() == 4 : true, 5000);
    }

private Q_SLOTS:
    void redisEngineRecoversEverything()
    {
        RedisServer redis;
        QString error;
        QVERIFY2(redis.start(&error), qPrintable(error));
        LocalCentrifugo::Options options;
        options.redisAddress = redis.address();
        LocalCentrifugo server(options);
        QVERIFY2(server.start(&error), qPrintable(error));
        SubscribedEvent after;
        QList<quint64> offsets;
        restartScenario(server, &after, &offsets);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(after.wasRecovering);
        QVERIFY(after.recovered);
        QVERIFY(after.hasRecoveredPublications);
        QCOMPARE(offsets, (QList<quint64> {1, 2, 3, 4}));
    }

    void memoryEngineSurfacesUnrecovered()
    {
        LocalCentrifugo server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        SubscribedEvent after;
        QList<quint64> offsets;
        restartScenario(server, &after, &offsets);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(after.wasRecovering);
        QVERIFY(!after.recovered); // new epoch: the app must reload from its backend
        QCOMPARE(offsets, (QList<quint64> {1, 2}));
    }
};

QTEST_GUILESS_MAIN(TestIntegrationRecovery)
#include "tst_integration_recovery.moc"
