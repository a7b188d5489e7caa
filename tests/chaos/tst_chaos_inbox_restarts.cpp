// Chaos: the app's models (InboxStore against the reference backend) through a Centrifugo
// restart storm while webhook deliveries keep arriving. Production profile (no history): every
// reconnect is recovered=false, so each restart must end in a full resync, and the models must
// equal the backend at the end. Short form: 3 restarts at 20 deliveries/s per engine;
// INBOX_CHAOS_LONG=1: 10 restarts at 50/s.

#include "models/items/chatlistmodel.h"
#include "models/store/querycache.h"
#include "tests/chaos/chaosmode.h"
#include "tests/chaos/webhookpublisher.h"
#include "tests/support/devstackprocess.h"
#include "tests/support/storeharness.h"

#include <QSignalSpy>
#include <QTest>

using namespace WhaTrack;
using namespace WhaTrack::Testing;

class TestChaosInboxRestarts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void restartStorm_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("redis") << QStringLiteral("redis");
        QTest::newRow("memory") << QStringLiteral("memory");
    }

    void restartStorm()
    {
        QFETCH(QString, engine);
        const int restarts = Chaos::pick(3, 10);
        const int rate = Chaos::pick(20, 50);
        const int betweenMs = Chaos::pick(2000, 5000);

        DevstackProcess::Options stackOptions;
        stackOptions.engine = engine;
        DevstackProcess stack(stackOptions);
        QString error;
        QVERIFY2(stack.start(&error), qPrintable(error));
        WhaTrack::Testing::StoreHarness app;
        QVERIFY2(app.start(stack, &error), qPrintable(error));
        InboxStore* store = app.store();
        const QStringList phones = app.phones(5);
        QVERIFY(!phones.isEmpty());
        store->openChat(store->chatListModel()->index(0, 0).data(ChatListModel::IdRole).toString());
        QTRY_COMPARE_WITH_TIMEOUT(store->queryCache()->inFlightCount(), 0, 20000);

        // The phone number id of the seed's first instance (as tst_integration_inbox).
        Chaos::WebhookPublisher webhooks(stack.backendUrl(), stack.webhookSecret().toUtf8(),
            QStringLiteral("104857600000001"), phones, rate);
        QSignalSpy resyncs(store, &InboxStore::resyncFinished);
        webhooks.start();
        for (int i = 0; i < restarts; ++i) {
            // the storm's schedule; deliveries keep flowing
            QTest::qWait(betweenMs); // duration, not a wait for an event
            const int before = resyncs.size();
            QVERIFY2(stack.restartServer(QStringLiteral("centrifugo"), &error), qPrintable(error));
            // Back Live, and a resync (the stream was not recovered) finished after the restart.
            QTRY_VERIFY2_WITH_TIMEOUT(
                resyncs.size() > before && store->freshness().state == Freshness::State::Live,
                qPrintable(QStringLiteral("restart %1: %2 resyncs, state %3")
                               .arg(i + 1)
                               .arg(resyncs.size())
                               .arg(int(store->freshness().state))),
                60000);
        }
        QVERIFY(webhooks.stopAndDrain(30000));
        QCOMPARE(webhooks.failed(), 0);
        // Every delivery's publication has arrived or been covered by a resync: wait for quiet.
        QTRY_COMPARE_WITH_TIMEOUT(store->queryCache()->inFlightCount(), 0, 20000);
        QString difference = app.settledDifferenceFromBackend();
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        qInfo("%s engine: %d restarts, %d deliveries, %lld resyncs (all ok: %s)",
            qPrintable(engine), restarts, webhooks.accepted(), qint64(resyncs.size()),
            std::all_of(resyncs.cbegin(), resyncs.cend(),
                [](const QList<QVariant>& a) { return a.at(0).toBool(); })
                ? "yes"
                : "no");
        app.stop();
        stack.stop();
    }
};

QTEST_GUILESS_MAIN(TestChaosInboxRestarts)
#include "tst_chaos_inbox_restarts.moc"
