// Against the REAL Centrifugo: the client on its own QThread keeps the connection while the
// receiving (GUI) thread is blocked for 10 s, with pings every 2 s and a 1 s pong timeout.

#include "realtime/client.h"
#include "realtime/subscription.h"
#include "tests/support/localcentrifugo.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace Centrifuge;
using namespace std::chrono_literals;
using TestSupport::LocalCentrifugo;

class TestIntegrationThread : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blockedReceiverDoesNotCostTheConnection()
    {
        LocalCentrifugo::Options serverOptions;
        serverOptions.pingIntervalS = 2;
        serverOptions.pongTimeoutS = 1;
        LocalCentrifugo server(serverOptions);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));

        QThread worker;
        worker.start();
        ClientOptions options;
        options.token = server.token(QStringLiteral("thread"));
        options.watchNetworkReachability = false;
        auto* client = new Client(server.wsUrl(), options);
        client->moveToThread(&worker);
        Subscription* sub = client->newSubscription(QStringLiteral("pub:thread"));
        QCOMPARE(sub->thread(), &worker);
        QSignalSpy connecting(client, &Client::connecting); // queued to this (blocked) thread
        QSignalSpy disconnected(client, &Client::disconnected);
        QSignalSpy publications(sub, &Subscription::publication);
        std::atomic<int> deliveredOnWorker {0};
        connect(
            sub, &Subscription::publication, sub, [&deliveredOnWorker] { ++deliveredOnWorker; },
            Qt::DirectConnection);
        sub->subscribe();
        client->connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(sub->state(), Subscription::State::Subscribed, 5000);

        QThread::sleep(10); // duration, not a wait for an event: GUI thread stuck
        QCOMPARE(client->state(), Client::State::Connected);
        QCoreApplication::processEvents();
        QCOMPARE(connecting.size(), 1); // only "connect called": the connection never dropped
        QCOMPARE(disconnected.size(), 0);
        server.publish(
            QStringLiteral("pub:thread"), QJsonObject {{QStringLiteral("alive"), true}}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(publications.size(), 1, 5000);
        QCOMPARE(deliveredOnWorker.load(), 1);

        QMetaObject::invokeMethod(client, &QObject::deleteLater);
        worker.quit();
        QVERIFY(worker.wait(5000));
    }
};

QTEST_GUILESS_MAIN(TestIntegrationThread)
#include "tst_integration_thread.moc"
