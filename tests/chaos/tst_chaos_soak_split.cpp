// Measurement for the soak's open question (docs/reliability.md): the short soak's RSS rose by
// 6-9 % in 90 s, with the webhook publisher in the same process as the app's models. Here the
// publisher runs as a separate process (this executable started again with
// INBOX_SOAK_PUBLISHER=1), so the test process holds only the models, and the publisher reports
// its own RSS: two slopes instead of one sum. Same load as the soak's short form (300 new chats,
// 30 s warm-up, 90 s at 50/s). Not a gate: it runs with INBOX_CHAOS_LONG=1 or
// INBOX_CHAOS_SPLIT=1 and checks only that nothing was lost (models equal the backend).

#include "models/items/chatlistmodel.h"
#include "models/store/querycache.h"
#include "tests/chaos/chaosmode.h"
#include "tests/chaos/processusage.h"
#include "tests/chaos/webhookpublisher.h"
#include "tests/support/devstackprocess.h"
#include "tests/support/storeharness.h"

#include <QCoreApplication>
#include <QProcess>
#include <QScopeGuard>
#include <QSocketNotifier>
#include <QTest>
#include <QTimer>

#include <cstdio>

using namespace WhaTrack;
using namespace WhaTrack::Testing;

namespace {

constexpr int kChats = 300;
constexpr int kRate = 50;

QStringList soakPhones()
{
    QStringList phones;
    for (int i = 0; i < kChats; ++i)
        phones << QStringLiteral("55119%1").arg(80000000 + i);
    return phones;
}

//! The publisher process: every phone once (the list grows), then a steady stream. Prints
//! "steady" when the stream starts and "rss <kB> accepted <n> failed <n>" every second; stops
//! when its standard input closes.
int runPublisher()
{
    const QUrl backend(qEnvironmentVariable("INBOX_SOAK_BACKEND"));
    const QByteArray secret = qgetenv("INBOX_SOAK_SECRET");
    const QString phoneNumberId = QStringLiteral("104857600000001");
    auto* growth = new Chaos::WebhookPublisher(
        backend, secret, phoneNumberId, soakPhones(), kRate * 2, QCoreApplication::instance());
    auto* steady = new Chaos::WebhookPublisher(
        backend, secret, phoneNumberId, soakPhones(), kRate, QCoreApplication::instance());
    QTimer report;
    QObject::connect(&report, &QTimer::timeout, [&] {
        if (growth->sent() >= kChats && !steady->sent()) {
            growth->stop();
            steady->start();
            std::printf("steady\n");
        }
        std::printf("rss %lld accepted %d failed %d\n", Chaos::processUsage().rssKb,
            steady->accepted(), growth->failed() + steady->failed());
        std::fflush(stdout);
    });
    report.start(1000);
    QSocketNotifier quit(0, QSocketNotifier::Read);
    QObject::connect(&quit, &QSocketNotifier::activated, [] { QCoreApplication::quit(); });
    growth->start();
    return QCoreApplication::exec();
}

} // namespace

class TestChaosSoakSplit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void publisherInItsOwnProcess()
    {
        if (!Chaos::longForm() && qEnvironmentVariableIntValue("INBOX_CHAOS_SPLIT") != 1)
            QSKIP("a measurement: INBOX_CHAOS_LONG=1 or INBOX_CHAOS_SPLIT=1 runs it");
        constexpr int soakSeconds = 90;
        DevstackProcess stack;
        QString error;
        QVERIFY2(stack.start(&error), qPrintable(error));
        WhaTrack::Testing::StoreHarness app;
        QVERIFY2(app.start(stack, &error), qPrintable(error));
        InboxStore* store = app.store();
        store->openChat(store->chatListModel()->index(0, 0).data(ChatListModel::IdRole).toString());

        QProcess publisher;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("INBOX_SOAK_PUBLISHER"), QStringLiteral("1"));
        env.insert(QStringLiteral("INBOX_SOAK_BACKEND"), stack.backendUrl().toString());
        env.insert(QStringLiteral("INBOX_SOAK_SECRET"), stack.webhookSecret());
        publisher.setProcessEnvironment(env);
        publisher.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QList<qint64> publisherRss;
        bool steady = false;
        QString lastLine;
        connect(&publisher, &QProcess::readyReadStandardOutput, this, [&] {
            while (publisher.canReadLine()) {
                const QString line = QString::fromUtf8(publisher.readLine()).trimmed();
                steady = steady || line == QLatin1String("steady");
                if (line.startsWith(QLatin1String("rss "))) {
                    publisherRss << line.section(u' ', 1, 1).toLongLong();
                    lastLine = line;
                }
            }
        });
        publisher.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(publisher.waitForStarted(10000));
        const auto stopPublisher = [&publisher] {
            if (publisher.state() == QProcess::NotRunning)
                return;
            publisher.closeWriteChannel(); // its stdin closes: it quits
            if (!publisher.waitForFinished(30000))
                publisher.kill();
            publisher.waitForFinished(5000);
        };
        const auto guard = qScopeGuard(stopPublisher);
        QTRY_VERIFY_WITH_TIMEOUT(steady && !publisherRss.isEmpty(), kChats * 1000 / kRate + 60000);
        QTRY_VERIFY_WITH_TIMEOUT(store->chatListModel()->rowCount() >= kChats, 60000);

        // warm-up, as the soak's
        QTest::qWait(30000); // duration, not a wait for an event
        const Chaos::ProcessUsage before = Chaos::processUsage();
        const qint64 publisherBefore = publisherRss.last();
        for (int slice = 1; slice <= 10; ++slice) {
            // the measurement's schedule
            QTest::qWait(soakSeconds * 100); // duration, not a wait for an event
            qInfo("split %d %%: models RSS %lld kB, publisher RSS %lld kB", slice * 10,
                Chaos::processUsage().rssKb, publisherRss.last());
        }
        const Chaos::ProcessUsage after = Chaos::processUsage();
        const qint64 publisherAfter = publisherRss.last();
        stopPublisher();
        QTRY_COMPARE_WITH_TIMEOUT(store->queryCache()->inFlightCount(), 0, 30000);
        qInfo("split: %d s at %d/s (%s): models alone RSS %lld -> %lld kB (%+.1f %%), "
              "publisher alone RSS %lld -> %lld kB (%+.1f %%)",
            soakSeconds, kRate, qPrintable(lastLine), before.rssKb, after.rssKb,
            100.0 * double(after.rssKb - before.rssKb) / double(before.rssKb), publisherBefore,
            publisherAfter,
            100.0 * double(publisherAfter - publisherBefore) / double(publisherBefore));
        QVERIFY2(lastLine.endsWith(QLatin1String("failed 0")), qPrintable(lastLine));
        QString difference = app.settledDifferenceFromBackend();
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        app.stop();
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIntValue("INBOX_SOAK_PUBLISHER") == 1)
        return runPublisher();
    TestChaosSoakSplit test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_chaos_soak_split.moc"
