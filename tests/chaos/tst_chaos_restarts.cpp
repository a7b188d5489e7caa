// Chaos: Centrifugo restarted again and again while a publisher sends numbered publications at
// 200/s. Two receivers are checked: the SDK (Centrifuge::Client) and `whatrack-inbox-cli listen`;
// centrifuge-js runs beside them as the reference (its figures are reported, not asserted:
// tests/chaos/centrifugejs.h; skipped with the reason where Node or the SDK is missing).
// Redis engine: history survives, so 0 lost, 0 duplicated, 0 out of order, always recovered.
// Memory engine: history dies with the server, so every gap must come right after a subscribe
// that said recovered=false (the receiver's cue to refetch). Short form: 3 restarts per engine;
// INBOX_CHAOS_LONG=1: 10 restarts (docs/reliability.md).

#include "realtime/client.h"
#include "realtime/subscription.h"
#include "tests/chaos/centrifugejs.h"
#include "tests/chaos/chaosmode.h"
#include "tests/chaos/clilistener.h"
#include "tests/chaos/seqpublisher.h"
#include "tests/support/localcentrifugo.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Centrifuge;
using namespace std::chrono_literals;
using TestSupport::LocalCentrifugo;
using TestSupport::RedisServer;

namespace {

const QString kChannel = QStringLiteral("chaos:seq");

//! A namespace whose history outlasts any outage of the test (200/s x 60 s).
QJsonObject chaosNamespace()
{
    return QJsonObject {{QStringLiteral("name"), QStringLiteral("chaos")},
        {QStringLiteral("allow_subscribe_for_client"), true},
        {QStringLiteral("history_size"), 20000},
        {QStringLiteral("history_ttl"), QStringLiteral("600s")},
        {QStringLiteral("force_recovery"), true}};
}

} // namespace

class TestChaosRestarts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void restartStorm_data()
    {
        QTest::addColumn<bool>("redisEngine");
        QTest::newRow("redis") << true;
        QTest::newRow("memory") << false;
    }

    void restartStorm()
    {
        QFETCH(bool, redisEngine);
        const int restarts = Chaos::pick(3, 10);
        const int betweenMs = Chaos::pick(2000, 5000);

        RedisServer redis;
        QString error;
        LocalCentrifugo::Options serverOptions;
        if (redisEngine) {
            QVERIFY2(redis.start(&error), qPrintable(error));
            serverOptions.redisAddress = redis.address();
        }
        serverOptions.extraNamespaces = QJsonArray {chaosNamespace()};
        LocalCentrifugo server(serverOptions);
        QVERIFY2(server.start(&error), qPrintable(error));

        // Receiver 1: the SDK as the app uses it.
        ClientOptions options;
        options.token = server.token(QStringLiteral("chaos-sdk"));
        options.watchNetworkReachability = false;
        Client client(server.wsUrl(), options);
        SubscriptionOptions subOptions;
        subOptions.recoverable = true;
        Subscription* sub = client.newSubscription(kChannel, subOptions);
        Chaos::SeqChecker sdk;
        connect(sub, &Subscription::subscribed, this,
            [&sdk](const SubscribedEvent& e) { sdk.subscribed(e.wasRecovering, e.recovered); });
        connect(sub, &Subscription::publication, this, [&sdk](const Publication& p) {
            const qint64 seq
                = QJsonDocument::fromJson(p.data).object().value(QStringLiteral("seq")).toInteger();
            if (seq > 0)
                sdk.publication(seq);
        });
        sub->subscribe();
        client.connectToServer();

        // Receiver 2: the CLI.
        Chaos::CliListener cli;
        cli.start({QStringLiteral("--ws-url"), server.wsUrl().toString(), QStringLiteral("--token"),
            server.token(QStringLiteral("chaos-cli")), QStringLiteral("--channel"), kChannel});
        // Receiver 3, the reference: centrifuge-js.
        const Chaos::CentrifugeJs centrifugeJs = Chaos::CentrifugeJs::locate();
        Chaos::CliListener js;
        if (centrifugeJs.available())
            centrifugeJs.start(
                js, server.wsUrl(), kChannel, server.token(QStringLiteral("chaos-js")));
        else
            qInfo("%s", qPrintable(centrifugeJs.skipReason()));
        const auto jsSubscribes
            = [&] { return centrifugeJs.available() ? js.checker().subscribes() : 1 << 20; };
        QTRY_VERIFY2_WITH_TIMEOUT(
            sdk.subscribes() == 1 && cli.subscribedOnce() && jsSubscribes() >= 1,
            qPrintable(js.stderrTail()), 15000);

        Chaos::SeqPublisher publisher(server.apiUrl(), server.apiKey(), kChannel, 200);
        QElapsedTimer publishing;
        publishing.start();
        publisher.start();
        for (int i = 0; i < restarts; ++i) {
            // Publications keep flowing between restarts; this wait is the storm's schedule.
            QTest::qWait(betweenMs); // duration, not a wait for an event
            QVERIFY2(server.restart(&error), qPrintable(error));
            const int expected = i + 2;
            QTRY_VERIFY2_WITH_TIMEOUT(sdk.subscribes() >= expected
                    && cli.checker().subscribes() >= expected && jsSubscribes() >= expected,
                qPrintable(QStringLiteral("restart %1: sdk %2, cli %3, centrifuge-js %4 "
                                          "subscribes; %5 %6")
                               .arg(i + 1)
                               .arg(sdk.subscribes())
                               .arg(cli.checker().subscribes())
                               .arg(jsSubscribes())
                               .arg(cli.stderrTail(), js.stderrTail())),
                30000);
        }
        QTest::qWait(1000); // duration, not a wait for an event
        QVERIFY(publisher.stopAndDrain(5000));
        const qint64 last = publisher.accepted();
        QVERIFY2(last > restarts * 100, qPrintable(QString::number(last)));
        QTRY_VERIFY_WITH_TIMEOUT(sdk.last() >= last && cli.checker().last() >= last, 20000);
        cli.stop();
        if (centrifugeJs.available()) {
            // The reference gets the same time to catch up; what it misses is its figure.
            if (!QTest::qWaitFor([&] { return js.checker().last() >= last; }, 20000))
                qInfo("centrifuge-js: still short of seq %lld after 20 s", last);
            js.stop();
        }

        qInfo("%s engine, %d restarts, %lld published in %lld ms (%d publish calls failed while "
              "down)",
            redisEngine ? "redis" : "memory", restarts, last, publishing.elapsed(),
            publisher.failures());
        qInfo("  sdk: %s", qPrintable(sdk.summary(1, last)));
        qInfo("  cli: %s", qPrintable(cli.checker().summary(1, last)));
        if (centrifugeJs.available()) {
            qInfo("  centrifuge-js: %s", qPrintable(js.checker().summary(1, last)));
            // It ran (a broken receiver script must not pass as a column of zeros).
            QVERIFY2(js.checker().received() > 0, qPrintable(js.stderrTail()));
        } else {
            qInfo("  centrifuge-js: %s", qPrintable(centrifugeJs.skipReason()));
        }
        for (const Chaos::SeqChecker* c :
            {static_cast<const Chaos::SeqChecker*>(&sdk), &cli.checker()}) {
            QCOMPARE(c->duplicates(), 0);
            QCOMPARE(c->outOfOrder(), 0);
            QCOMPARE(c->gapsWithoutResync(), 0);
            if (redisEngine) {
                QCOMPARE(c->lost(1, last), 0);
                QCOMPARE(c->notRecovered(), 0);
            } else {
                // A new server without the stream: every resubscribe says so.
                QCOMPARE(c->notRecovered(), restarts);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestChaosRestarts)
#include "tst_chaos_restarts.moc"
