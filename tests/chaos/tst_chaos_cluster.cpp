// Chaos: two Centrifugo nodes on the Redis engine behind nginx (devstack/up --cluster 2). The node
// the client is on is killed (SIGKILL, no goodbye to anyone): the client's reconnect goes through
// nginx to the other node and recovers the stream from Redis.
//  - sdkStream: a publisher sends {"seq": N} at 200/s through nginx's API listener (which also
//    survives the loss); Centrifuge::Client must see 0 lost, 0 duplicated, 0 out of order and a
//    recovered resubscribe. Row centrifuge-js: the same with the reference SDK alone (nginx
//    spreads two clients over both nodes, so each gets its own run); its figures are reported,
//    not asserted, and the row is skipped with the reason where Node or the SDK is missing.
//  - storeModels: the app's data layer (InboxStore, tokens from the backend) while webhook
//    deliveries arrive: back Live with a resync, models equal to the backend.
// Short form: one kill each; INBOX_CHAOS_LONG=1: three kills each (the killed node is started
// again between kills, so the next kill may hit either node).

#include "models/items/chatlistmodel.h"
#include "models/store/querycache.h"
#include "realtime/client.h"
#include "realtime/subscription.h"
#include "tests/chaos/centrifugejs.h"
#include "tests/chaos/chaosmode.h"
#include "tests/chaos/clusternodes.h"
#include "tests/chaos/seqpublisher.h"
#include "tests/chaos/webhookpublisher.h"
#include "tests/support/devstackprocess.h"
#include "tests/support/jwt.h"
#include "tests/support/storeharness.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTest>

#include <list>

using namespace Centrifuge;
using namespace WhaTrack;
using namespace WhaTrack::Testing;

namespace {

const QString kChannel = QStringLiteral("chaos:seq");

//! The production `org` namespace (devstack/centrifugo/whatrack.json) plus `chaos`, whose
//! history outlasts the outage (200/s for a minute): set on every node.
QString namespacesOverride()
{
    const QJsonArray namespaces {
        QJsonObject {{QStringLiteral("name"), QStringLiteral("org")},
            {QStringLiteral("allow_subscribe_for_client"), true},
            {QStringLiteral("history_size"), 0}, {QStringLiteral("force_recovery"), false},
            {QStringLiteral("presence"), false}, {QStringLiteral("join_leave"), false}},
        QJsonObject {{QStringLiteral("name"), QStringLiteral("chaos")},
            {QStringLiteral("allow_subscribe_for_client"), true},
            {QStringLiteral("history_size"), 20000},
            {QStringLiteral("history_ttl"), QStringLiteral("600s")},
            {QStringLiteral("force_recovery"), true}}};
    return QStringLiteral("channel.namespaces=")
        + QString::fromUtf8(QJsonDocument(namespaces).toJson(QJsonDocument::Compact));
}

//! wss through nginx, trusting the run's CA only.
ClientOptions throughNginx(const DevstackProcess& stack)
{
    ClientOptions options;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(stack.caCertPath()));
    options.sslConfiguration = tls;
    options.watchNetworkReachability = false;
    return options;
}

QUrl wssUrl(const DevstackProcess& stack)
{
    return QUrl(stack.stack().value(QStringLiteral("centrifugo_wss_url")).toString());
}

QByteArray tokenSecret(const DevstackProcess& stack)
{
    QFile f(stack.runDir() + QStringLiteral("/centrifugo.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll())
        .object()
        .value(QStringLiteral("client"))
        .toObject()
        .value(QStringLiteral("token"))
        .toObject()
        .value(QStringLiteral("hmac_secret_key"))
        .toString()
        .toUtf8();
}

} // namespace

class TestChaosCluster : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DevstackProcess> m_stack;
    QList<Chaos::ClusterNode> m_nodes;
    std::list<Chaos::NodeCrash> m_crashes;

    int m_killed = -1;

    //! Kills the node holding the one client under test; reviveKilled() starts it again, so
    //! every kill starts from two live nodes.
    bool killClientsNode(QString* killed, QString* error)
    {
        if (!QTest::qWaitFor(
                [&] { return (m_killed = Chaos::nodeHoldingClients(m_nodes)) >= 0; }, 15000)) {
            *error = QStringLiteral("no single node holds the client's WebSocket");
            return false;
        }
        *killed = m_nodes.at(m_killed).name;
        return m_crashes.emplace_back().kill(m_nodes.at(m_killed), error);
    }
    bool reviveKilled(QString* error)
    {
        Chaos::NodeCrash& crash = m_crashes.back();
        const QString log = m_stack->runDir() + QStringLiteral("/logs/") + m_nodes.at(m_killed).name
            + QStringLiteral(".restarted.log");
        if (!crash.restart(log, error))
            return false;
        m_nodes[m_killed].pid = crash.restartedPid();
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        DevstackProcess::Options options;
        options.engine = QStringLiteral("redis");
        options.extraArgs = {QStringLiteral("--cluster"), QStringLiteral("2"),
            QStringLiteral("--centrifugo-set"), namespacesOverride()};
        m_stack = std::make_unique<DevstackProcess>(options);
        QString error;
        QVERIFY2(m_stack->start(&error), qPrintable(error));
        m_nodes = Chaos::clusterNodes(m_stack->stack());
        QCOMPARE(m_nodes.size(), 2);
    }

    void cleanupTestCase()
    {
        m_crashes.clear();
        if (m_stack)
            m_stack->stop();
    }

    void stream_data()
    {
        QTest::addColumn<bool>("centrifugeJs");
        QTest::newRow("sdk") << false;
        QTest::newRow("centrifuge-js") << true;
    }

    void stream()
    {
        QFETCH(bool, centrifugeJs);
        const int kills = Chaos::pick(1, 3);
        const Chaos::CentrifugeJs js = Chaos::CentrifugeJs::locate();
        if (centrifugeJs && !js.available())
            QSKIP(qPrintable(js.skipReason()));
        const QString token = TestSupport::connectionToken(tokenSecret(*m_stack),
            centrifugeJs ? QStringLiteral("chaos-js") : QStringLiteral("chaos"));

        Chaos::SeqChecker sdkSeq;
        int sdkRecovered = 0;
        std::unique_ptr<Client> client;
        Chaos::CliListener jsListener;
        if (centrifugeJs) {
            js.start(jsListener, wssUrl(*m_stack), kChannel, token, m_stack->caCertPath());
        } else {
            ClientOptions o = throughNginx(*m_stack);
            o.token = token;
            client = std::make_unique<Client>(wssUrl(*m_stack), o);
            SubscriptionOptions subOptions;
            subOptions.recoverable = true;
            Subscription* sub = client->newSubscription(kChannel, subOptions);
            connect(sub, &Subscription::subscribed, this, [&](const SubscribedEvent& e) {
                sdkSeq.subscribed(e.wasRecovering, e.recovered);
                sdkRecovered += e.wasRecovering && e.recovered ? 1 : 0;
            });
            connect(sub, &Subscription::publication, this, [&sdkSeq](const Publication& p) {
                const qint64 n = QJsonDocument::fromJson(p.data)
                                     .object()
                                     .value(QStringLiteral("seq"))
                                     .toInteger();
                if (n > 0)
                    sdkSeq.publication(n);
            });
            sub->subscribe();
            client->connectToServer();
        }
        const Chaos::SeqChecker& seq = centrifugeJs ? jsListener.checker() : sdkSeq;
        QTRY_VERIFY2_WITH_TIMEOUT(
            seq.subscribes() == 1, qPrintable(jsListener.stderrTail()), 15000);

        Chaos::SeqPublisher publisher(
            m_stack->centrifugoApiUrl(), m_stack->centrifugoApiKey(), kChannel, 200);
        publisher.start();
        QStringList killed;
        QString error;
        for (int i = 0; i < kills; ++i) {
            // publications flow before the crash: the storm's schedule
            QTest::qWait(2000); // duration, not a wait for an event
            QString name;
            QVERIFY2(killClientsNode(&name, &error), qPrintable(error));
            QElapsedTimer back;
            back.start();
            QTRY_VERIFY2_WITH_TIMEOUT(seq.subscribes() >= i + 2,
                qPrintable(
                    QStringLiteral("kill %1 (%2): not subscribed again").arg(i + 1).arg(name)),
                30000);
            killed << QStringLiteral("%1, resubscribed after %2 ms").arg(name).arg(back.elapsed());
            // Publications go on through the surviving node before the killed one comes back.
            const qint64 atResubscribe = publisher.accepted();
            QTRY_VERIFY_WITH_TIMEOUT(publisher.accepted() >= atResubscribe + 100, 30000);
            QVERIFY2(reviveKilled(&error), qPrintable(error));
        }
        QVERIFY(publisher.stopAndDrain(5000));
        const qint64 last = publisher.accepted();
        QVERIFY2(last > 100 * kills, qPrintable(QString::number(last)));
        const bool caughtUp = QTest::qWaitFor([&] { return seq.last() >= last; }, 20000);
        if (client)
            client->close();
        jsListener.stop();

        qInfo("cluster, %d kill(s) of the client's node (%s), %lld published (%d publish calls "
              "failed)",
            kills, qPrintable(killed.join(QStringLiteral("; "))), last, publisher.failures());
        qInfo("  %s: %s", centrifugeJs ? "centrifuge-js" : "sdk", qPrintable(seq.summary(1, last)));
        if (centrifugeJs) {
            // The reference: reported beside ours, not asserted; but it must have run.
            QVERIFY2(seq.received() > 0, qPrintable(jsListener.stderrTail()));
            return;
        }
        QVERIFY(caughtUp);
        QCOMPARE(seq.lost(1, last), 0);
        QCOMPARE(seq.duplicates(), 0);
        QCOMPARE(seq.outOfOrder(), 0);
        QCOMPARE(seq.notRecovered(), 0);
        QCOMPARE(sdkRecovered, kills);
    }

    void storeModels()
    {
        const int kills = Chaos::pick(1, 3);
        QString error;
        WhaTrack::Testing::StoreHarness app;
        WhaTrack::Testing::StoreHarness::Options options;
        options.client = throughNginx(*m_stack);
        options.wsUrl = wssUrl(*m_stack);
        QVERIFY2(app.start(*m_stack, &error, options), qPrintable(error));
        InboxStore* store = app.store();
        const QStringList phones = app.phones(5);
        QVERIFY(!phones.isEmpty());
        store->openChat(store->chatListModel()->index(0, 0).data(ChatListModel::IdRole).toString());
        QTRY_COMPARE_WITH_TIMEOUT(store->queryCache()->inFlightCount(), 0, 20000);

        Chaos::WebhookPublisher webhooks(m_stack->backendUrl(), m_stack->webhookSecret().toUtf8(),
            QStringLiteral("104857600000001"), phones, 20);
        QSignalSpy resyncs(store, &InboxStore::resyncFinished);
        webhooks.start();
        for (int i = 0; i < kills; ++i) {
            // deliveries flow before the crash
            QTest::qWait(2000); // duration, not a wait for an event
            const qsizetype before = resyncs.size();
            QString name;
            QVERIFY2(killClientsNode(&name, &error), qPrintable(error));
            QTRY_VERIFY2_WITH_TIMEOUT(
                resyncs.size() > before && store->freshness().state == Freshness::State::Live,
                qPrintable(QStringLiteral("kill %1 (%2): %3 resyncs, state %4")
                               .arg(i + 1)
                               .arg(name)
                               .arg(resyncs.size())
                               .arg(int(store->freshness().state))),
                60000);
            QVERIFY2(reviveKilled(&error), qPrintable(error));
        }
        QVERIFY(webhooks.stopAndDrain(30000));
        QCOMPARE(webhooks.failed(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(store->queryCache()->inFlightCount(), 0, 20000);
        QString difference = app.settledDifferenceFromBackend();
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        qInfo("cluster, the app's models: %d kill(s), %d deliveries, %lld resyncs, models equal "
              "the backend",
            kills, webhooks.accepted(), qint64(resyncs.size()));
        app.stop();
    }
};

QTEST_GUILESS_MAIN(TestChaosCluster)
#include "tst_chaos_cluster.moc"
