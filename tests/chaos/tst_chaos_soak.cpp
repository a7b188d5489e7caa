// Soak: the app's data layer against the real stack under a steady stream of webhook
// deliveries. First every chat gets its first message (the list grows to its final size), then
// the steady phase: RSS may not grow by 5 % or more, the threads and non-socket file
// descriptors not at all, sockets by no more than the HTTP pool's churn, and at the end the models
// equal the backend (nothing lost). Short form (scripts/test): 300 new chats, 30 s of warm-up, then
// 90 s at 50 deliveries/s. INBOX_CHAOS_LONG=1: 5,000 new chats, 2 min of warm-up, then 30
// minutes at 50/s. RSS is sampled when no fetch is in flight.

#include "models/items/chatlistmodel.h"
#include "models/store/querycache.h"
#include "tests/chaos/chaosmode.h"
#include "tests/chaos/processusage.h"
#include "tests/chaos/webhookpublisher.h"
#include "tests/support/devstackprocess.h"
#include "tests/support/storeharness.h"

#include <QTest>

using namespace WhaTrack;
using namespace WhaTrack::Testing;

using Usage = Chaos::ProcessUsage;

//! Deliveries waiting for the backend's answer at once: enough to keep the reference backend
//! busy (it answers one in a few ms when idle), few enough that a slow patch slows the sender
//! instead of timing requests out.
constexpr int kPacedInFlight = 8;

class TestChaosSoak : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void steadyStream()
    {
        const int chats = Chaos::pick(300, 5000);
        const int soakSeconds = Chaos::pick(90, 30 * 60);
        constexpr int rate = 50;

        DevstackProcess stack;
        QString error;
        QVERIFY2(stack.start(&error), qPrintable(error));
        WhaTrack::Testing::StoreHarness app;
        StoreHarness::Options harness;
        // The long form measures the models' own rate and memory over 5,000 rows for 30
        // minutes; QAbstractItemModelTester re-walks the list on every change there (half of
        // the test's main thread, which also runs the publisher: 28/s instead of 50/s). The
        // short form, in CI, keeps the testers.
        harness.modelTesters = !Chaos::longForm();
        QVERIFY2(app.start(stack, &error, std::move(harness)), qPrintable(error));
        InboxStore* store = app.store();
        store->openChat(store->chatListModel()->index(0, 0).data(ChatListModel::IdRole).toString());

        QStringList phones;
        for (int i = 0; i < chats; ++i)
            phones << QStringLiteral("55119%1").arg(70000000 + i);
        const QString phoneNumberId = QStringLiteral("104857600000001");
        const QByteArray secret = stack.webhookSecret().toUtf8();

        // Growth phase: one first message per new chat, up to 100/s but paced by the backend's
        // answers (a new chat costs the Python backend more than a message to a known one; at
        // 100 in flight on a loaded machine, 167 of 5,000 timed out after 15 s). The bound of
        // the wait allows the backend down to 10 new chats a second.
        Chaos::WebhookPublisher growth(stack.backendUrl(), secret, phoneNumberId, phones, rate * 2);
        growth.setMaxInFlight(kPacedInFlight);
        growth.start();
        QTRY_VERIFY_WITH_TIMEOUT(growth.sent() >= chats, chats * 1000 / 10 + 60000);
        QVERIFY(growth.stopAndDrain(60000));
        qInfo("growth: %d new chats in %.0f s (%.0f/s), %d retried, %d failed", growth.accepted(),
            growth.elapsedSeconds(), growth.accepted() / growth.elapsedSeconds(), growth.retries(),
            growth.failed());
        QCOMPARE(growth.failed(), 0);
        const int baseRows = store->chatListModel()->rowCount();
        QTRY_VERIFY_WITH_TIMEOUT(store->chatListModel()->rowCount() >= chats, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(store->queryCache()->inFlightCount(), 0, 30000);
        Q_UNUSED(baseRows)

        // Steady phase: the same chats again and again. A short warm-up first, then the baseline.
        Chaos::WebhookPublisher steady(stack.backendUrl(), secret, phoneNumberId, phones, rate);
        steady.setMaxInFlight(kPacedInFlight);
        steady.start();
        // Warm-up: allocator pools, caches and the query cache reach their working size. At
        // 5,000 chats the first minute still holds the first list refetches of the steady
        // phase (a 30 s warm-up left the first tenth at the baseline): two minutes there.
        QTest::qWait(Chaos::pick(30, 120) * 1000); // duration, not a wait for an event
        // RSS at a quiet point: no list fetch in flight (a 5,000-chat response and its decoded
        // copy swing the RSS by 10-20 MB while one is), after malloc_trim (processUsage).
        const auto quietUsage = [store] {
            if (!QTest::qWaitFor(
                    [store] { return store->queryCache()->inFlightCount() == 0; }, 10000))
                qInfo("soak: no quiet point within 10 s, sampled with a fetch in flight");
            return Chaos::processUsage();
        };
        const Usage before = quietUsage();
        // The soak itself, with the RSS trend logged every tenth of it.
        for (int slice = 1; slice <= 10; ++slice) {
            QTest::qWait(soakSeconds * 100); // duration, not a wait for an event
            const Usage now = quietUsage();
            qInfo("soak %d %%: RSS %lld kB, threads %d, sockets %d, other fds %d, %d delivered",
                slice * 10, now.rssKb, now.threads, now.sockets, now.otherFds, steady.accepted());
        }
        QVERIFY(steady.stopAndDrain(60000));
        qInfo("steady: %d deliveries in %.0f s (%.1f/s), %d retried, %d failed", steady.accepted(),
            steady.elapsedSeconds(), steady.accepted() / steady.elapsedSeconds(), steady.retries(),
            steady.failed());
        QCOMPARE(steady.failed(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(store->queryCache()->inFlightCount(), 0, 30000);
        const Usage after = Chaos::processUsage();
        qInfo("soak: %d chats, %d s at %d/s (%d deliveries): RSS %lld -> %lld kB (%+.1f %%), "
              "threads %d -> %d, sockets %d -> %d, other fds %d -> %d",
            store->chatListModel()->rowCount(), soakSeconds, rate, steady.accepted(), before.rssKb,
            after.rssKb, 100.0 * double(after.rssKb - before.rssKb) / double(before.rssKb),
            before.threads, after.threads, before.sockets, after.sockets, before.otherFds,
            after.otherFds);
        // The criterion (< 5 %) is for the 30-minute long form. In the 90-second short
        // form, heap warm-up on a ~33 MB base is of the same size as 5 % (observed +6 to +9 %,
        // see docs/reliability.md, open finding), so the short form only guards against a gross
        // leak: 15 %, about 50 kB per second of delivery, which a per-delivery leak exceeds.
        const qint64 allowedPercent = Chaos::pick(15, 5);
        QVERIFY2(after.rssKb < before.rssKb * (100 + allowedPercent) / 100,
            qPrintable(QStringLiteral("RSS grew by %1 % or more").arg(allowedPercent)));
        QVERIFY(after.threads <= before.threads);
        QVERIFY(after.otherFds <= before.otherFds);
        // Qt's HTTP pool keeps up to six connections per origin (backend, webhook target) and
        // opens or closes them as the load varies, so the socket count moves by a few between
        // two samples (17 -> 18 seen in CI). A leak of one per delivery would be thousands.
        constexpr int httpPoolChurn = 2 * 6;
        QVERIFY2(after.sockets <= before.sockets + httpPoolChurn,
            qPrintable(QStringLiteral("sockets grew from %1 to %2")
                           .arg(before.sockets)
                           .arg(after.sockets)));

        QString difference = app.settledDifferenceFromBackend();
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        app.stop();
        stack.stop();
    }
};

QTEST_GUILESS_MAIN(TestChaosSoak)
#include "tst_chaos_soak.moc"
