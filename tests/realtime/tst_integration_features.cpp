// Against the REAL Centrifugo v6.9.6: publication tags filter (namespace `allow_tags_filter`),
// getState with "reject unrecovered" (error 112), channel compaction offered but ignored by the
// OSS server, TLS with a private CA.

#include "realtime/client.h"
#include "realtime/subscription.h"
#include "tests/support/localcentrifugo.h"
#include "tests/support/testcertificates.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <thread>

using namespace Centrifuge;
using TestSupport::LocalCentrifugo;

class TestIntegrationFeatures : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalCentrifugo> m_server;

    static ClientOptions fastOptions()
    {
        ClientOptions options;
        options.minReconnectDelay = std::chrono::milliseconds {50};
        options.maxReconnectDelay = std::chrono::milliseconds {300};
        options.minResubscribeDelay = std::chrono::milliseconds {50};
        options.maxResubscribeDelay = std::chrono::milliseconds {300};
        options.watchNetworkReachability = false;
        return options;
    }

    static QString textOf(const QList<QVariant>& publicationArgs)
    {
        return QJsonDocument::fromJson(publicationArgs.first().value<Publication>().data)
            .object()
            .value(QStringLiteral("text"))
            .toString();
    }

    //! The stream top as an application backend would read it (server API history, limit 0).
    StreamPosition streamTop(const QString& channel)
    {
        QString error;
        const QJsonObject answer = m_server->api(QStringLiteral("history"),
            QJsonObject {{QStringLiteral("channel"), channel}, {QStringLiteral("limit"), 0}},
            &error);
        const QJsonObject result = answer.value(QStringLiteral("result")).toObject();
        return StreamPosition {quint64(result.value(QStringLiteral("offset")).toInteger()),
            result.value(QStringLiteral("epoch")).toString()};
    }

private Q_SLOTS:
    void initTestCase()
    {
        LocalCentrifugo::Options options;
        options.extraNamespaces = QJsonArray {
            QJsonObject {
                {QStringLiteral("name"), QStringLiteral("tags")},
                {QStringLiteral("allow_subscribe_for_client"), true},
                {QStringLiteral("allow_tags_filter"), true},
                {QStringLiteral("history_size"), 100},
                {QStringLiteral("history_ttl"), QStringLiteral("300s")},
                {QStringLiteral("force_recovery"), true},
            },
        };
        m_server = std::make_unique<LocalCentrifugo>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }
    void cleanupTestCase() { m_server.reset(); }

    void onlyMatchingTagsArrive()
    {
        ClientOptions options = fastOptions();
        options.token = m_server->token(QStringLiteral("t1"));
        Client client(m_server->wsUrl(), options);
        using F = TagsFilter;
        SubscriptionOptions subOptions;
        subOptions.tagsFilter = F::allOf(
            {F::in(QStringLiteral("kind"), {QStringLiteral("inbound"), QStringLiteral("note")}),
                F::negate(F::eq(QStringLiteral("spam"), QStringLiteral("yes"))),
                F::gte(QStringLiteral("priority"), QStringLiteral("2"))});
        Subscription* sub = client.newSubscription(QStringLiteral("tags:org1"), subOptions);
        QVERIFY(sub);
        QSignalSpy publications(sub, &Subscription::publication);
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(sub->state(), Subscription::State::Subscribed, 5000);

        struct Sent
        {
            const char* text;
            QJsonObject tags;
        };
        const QList<Sent> sent {
            {"match",
                {{QStringLiteral("kind"), QStringLiteral("inbound")},
                    {QStringLiteral("priority"), QStringLiteral("3")}}},
            {"wrong kind",
                {{QStringLiteral("kind"), QStringLiteral("outbound")},
                    {QStringLiteral("priority"), QStringLiteral("3")}}},
            {"spam",
                {{QStringLiteral("kind"), QStringLiteral("note")},
                    {QStringLiteral("priority"), QStringLiteral("9")},
                    {QStringLiteral("spam"), QStringLiteral("yes")}}},
            {"low priority",
                {{QStringLiteral("kind"), QStringLiteral("note")},
                    {QStringLiteral("priority"), QStringLiteral("1.5")}}},
            {"no tags", {}},
            {"match too",
                {{QStringLiteral("kind"), QStringLiteral("note")},
                    {QStringLiteral("priority"), QStringLiteral("10")}}},
        };
        for (const Sent& item : sent) {
            QString error;
            QJsonObject extra;
            if (!item.tags.isEmpty())
                extra.insert(QStringLiteral("tags"), item.tags);
            m_server->publish(QStringLiteral("tags:org1"),
                QJsonObject {{QStringLiteral("text"), QString::fromLatin1(item.text)}}, &error,
                extra);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        QTRY_COMPARE_WITH_TIMEOUT(publications.size(), 2, 5000);
        QTest::qWait(200); // duration, not a wait for an event: nothing trickles in
        QCOMPARE(publications.size(), 2);
        QCOMPARE(textOf(publications.at(0)), QStringLiteral("match"));
        QCOMPARE(textOf(publications.at(1)), QStringLiteral("match too"));
        QCOMPARE(publications.at(1).first().value<Publication>().tags.value(QStringLiteral("kind")),
            QStringLiteral("note"));

        // Recovery applies the filter too: what was missed and matches comes back, nothing else.
        const StreamPosition before = sub->position();
        m_server->api(QStringLiteral("disconnect"),
            QJsonObject {{QStringLiteral("user"), QStringLiteral("t1")},
                {QStringLiteral("disconnect"),
                    QJsonObject {{QStringLiteral("code"), 4000},
                        {QStringLiteral("reason"), QStringLiteral("reconnect")}}}});
        QTRY_COMPARE_WITH_TIMEOUT(sub->state(), Subscription::State::Subscribing, 5000);
        for (const char* text : {"missed match", "missed other"}) {
            const bool match = QByteArray(text) == "missed match";
            m_server->publish(QStringLiteral("tags:org1"),
                QJsonObject {{QStringLiteral("text"), QString::fromLatin1(text)}}, nullptr,
                QJsonObject {{QStringLiteral("tags"),
                    QJsonObject {{QStringLiteral("kind"),
                                     match ? QStringLiteral("inbound") : QStringLiteral("out")},
                        {QStringLiteral("priority"), QStringLiteral("5")}}}});
        }
        QTRY_COMPARE_WITH_TIMEOUT(publications.size(), 3, 5000);
        QCOMPARE(textOf(publications.at(2)), QStringLiteral("missed match"));
        QVERIFY(sub->position().offset > before.offset);
    }

    void tagsFilterNeedsTheNamespaceOption()
    {
        ClientOptions options = fastOptions();
        options.token = m_server->token(QStringLiteral("t2"));
        Client client(m_server->wsUrl(), options);
        SubscriptionOptions subOptions;
        subOptions.tagsFilter = TagsFilter::exists(QStringLiteral("kind"));
        Subscription* sub = client.newSubscription(QStringLiteral("pub:nofilter"), subOptions);
        QSignalSpy unsubscribed(sub, &Subscription::unsubscribed);
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(unsubscribed.size(), 1, 5000);
        QCOMPARE(unsubscribed.first().at(0).toInt(), 107); // bad request: permanent
        QCOMPARE(client.state(), Client::State::Connected);
    }

    void getStateAndUnrecoverablePosition()
    {
        const QString channel = QStringLiteral("pub:state");
        for (int i = 1; i <= 3; ++i)
            m_server->publish(channel, QJsonObject {{QStringLiteral("text"), QString::number(i)}});

        ClientOptions options = fastOptions();
        options.token = m_server->token(QStringLiteral("s1"));
        Client client(m_server->wsUrl(), options);
        int asked = 0;
        SubscriptionOptions subOptions;
        // A position from a previous run whose epoch no longer exists: the server cannot
        // recover from it. With getState it says 112 instead of `recovered: false`.
        subOptions.since = StreamPosition {2, QStringLiteral("gone")};
        subOptions.getState = [this, &asked, channel](
                                  const QString& forChannel, std::function<void(StateReply)> done) {
            ++asked;
            QCOMPARE(forChannel, channel);
            // Asynchronous like a real load: the position is read first (from the backend),
            // then the data (here: nothing to load), and the answer comes from a worker thread.
            QTimer::singleShot(0, this, [this, channel, done] {
                const StreamPosition top = streamTop(channel);
                std::thread([done, top] { done(StateReply::ok(top)); }).join();
            });
        };
        Subscription* sub = client.newSubscription(channel, subOptions);
        QSignalSpy subscribed(sub, &Subscription::subscribed);
        QSignalSpy publications(sub, &Subscription::publication);
        QSignalSpy errors(sub, &Subscription::errorOccurred);
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, 5000);
        QCOMPARE(asked, 1);
        const auto event = subscribed.first().first().value<SubscribedEvent>();
        QVERIFY(event.wasRecovering);
        QVERIFY(event.recovered); // never `recovered: false` with getState
        QCOMPARE(event.position, streamTop(channel));
        QCOMPARE(errors.size(), 0);
        QCOMPARE(publications.size(), 0); // the state already holds 1..3

        // Live publications continue from the state; a reconnect recovers without asking.
        m_server->publish(channel, QJsonObject {{QStringLiteral("text"), QStringLiteral("4")}});
        QTRY_COMPARE_WITH_TIMEOUT(publications.size(), 1, 5000);
        m_server->api(QStringLiteral("disconnect"),
            QJsonObject {{QStringLiteral("user"), QStringLiteral("s1")},
                {QStringLiteral("disconnect"),
                    QJsonObject {{QStringLiteral("code"), 4000},
                        {QStringLiteral("reason"), QStringLiteral("reconnect")}}}});
        QTRY_COMPARE_WITH_TIMEOUT(sub->state(), Subscription::State::Subscribing, 5000);
        m_server->publish(channel, QJsonObject {{QStringLiteral("text"), QStringLiteral("5")}});
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 2, 5000);
        QVERIFY(subscribed.last().first().value<SubscribedEvent>().recovered);
        QTRY_COMPARE_WITH_TIMEOUT(publications.size(), 2, 5000);
        QCOMPARE(textOf(publications.at(1)), QStringLiteral("5"));
        QCOMPARE(asked, 1);
    }

    void compactionFlagIsHarmlessOnOss()
    {
        // Every subscribe offers compaction (flag bit 1). The OSS server ignores it: pushes keep
        // naming the channel, and they arrive.
        ClientOptions options = fastOptions();
        options.token = m_server->token(QStringLiteral("c1"));
        Client client(m_server->wsUrl(), options);
        Subscription* sub = client.newSubscription(QStringLiteral("pub:compact"));
        QSignalSpy publications(sub, &Subscription::publication);
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(sub->state(), Subscription::State::Subscribed, 5000);
        m_server->publish(QStringLiteral("pub:compact"),
            QJsonObject {{QStringLiteral("text"), QStringLiteral("x")}});
        QTRY_COMPARE_WITH_TIMEOUT(publications.size(), 1, 5000);
        QCOMPARE(publications.first().first().value<Publication>().channel,
            QStringLiteral("pub:compact"));
    }

    void wssWithAPrivateCa()
    {
        TestSupport::TestCertificates certificates;
        QString error;
        QVERIFY2(certificates.generate(&error), qPrintable(error));
        LocalCentrifugo::Options serverOptions;
        serverOptions.tlsCertificateFile = certificates.certificatePath();
        serverOptions.tlsKeyFile = certificates.keyPath();
        LocalCentrifugo server(serverOptions);
        QVERIFY2(server.start(&error), qPrintable(error));

        ClientOptions options = fastOptions();
        options.token = server.token(QStringLiteral("tls"));
        options.sslConfiguration = certificates.clientConfiguration();
        Client client(server.wsUrl(), options);
        Subscription* sub = client.newSubscription(QStringLiteral("pub:tls"));
        QSignalSpy publications(sub, &Subscription::publication);
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(sub->state(), Subscription::State::Subscribed, 5000);
        server.publish(
            QStringLiteral("pub:tls"), QJsonObject {{QStringLiteral("text"), QStringLiteral("s")}});
        QTRY_COMPARE_WITH_TIMEOUT(publications.size(), 1, 5000);

        // The same server without the CA: refused, said in plain words, retried.
        ClientOptions untrusting = fastOptions();
        untrusting.token = options.token;
        Client refused(server.wsUrl(), untrusting);
        QSignalSpy errors(&refused, &Client::errorOccurred);
        QSignalSpy scheduled(&refused, &Client::reconnectScheduled);
        refused.connectToServer();
        QTRY_VERIFY_WITH_TIMEOUT(scheduled.size() >= 2, 5000);
        QVERIFY(!errors.isEmpty());
        QCOMPARE(errors.first().at(0).value<ErrorType>(), ErrorType::Transport);
        QVERIFY2(errors.first().at(2).toString().startsWith(
                     QStringLiteral("TLS: the server's certificate is not trusted")),
            qPrintable(errors.first().at(2).toString()));
        QCOMPARE(refused.state(), Client::State::Connecting);
    }
};

QTEST_GUILESS_MAIN(TestIntegrationFeatures)
#include "tst_integration_features.moc"
