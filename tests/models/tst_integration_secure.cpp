// The data layer against the reference backend and a Centrifugo that requires subscription
// tokens (devstack `secure` profile, the recommended fix for tenant isolation), started by this
// test through devstack/up and always stopped. Without subscription tokens every channel is
// refused with 103 and the inbox never goes live.

#include "models/apiclient.h"
#include "models/backendtokenprovider.h"
#include "models/chatlistmodel.h"
#include "models/inboxstore.h"
#include "models/secretstore.h"
#include "models/session.h"
#include "realtime/client.h"
#include "tests/support/devstackprocess.h"
#include "tests/support/metawebhook.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace WhaTrack;
using namespace WhaTrack::Testing;

namespace {

DevstackProcess::Options secureProfile()
{
    DevstackProcess::Options o;
    o.profile = QStringLiteral("secure");
    return o;
}

} // namespace

class TestIntegrationSecure : public QObject
{
    Q_OBJECT

    DevstackProcess m_stack {secureProfile()};
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<Session> m_session;
    std::shared_ptr<BackendTokenProvider> m_tokens;
    std::unique_ptr<Centrifuge::Client> m_client;
    QThread m_realtimeThread;
    std::unique_ptr<InboxStore> m_store;
    QList<std::shared_ptr<QAbstractItemModelTester>> m_testers;
    QNetworkAccessManager m_webhookNam;
    QString m_org;
    QString m_phoneNumberId = QStringLiteral("104857600000001"); // the seed's, unless listed

    //! Plays Meta: a signed webhook delivery with one inbound text message.
    QNetworkReply* postInbound(const QString& from, const QString& body)
    {
        InboundText message;
        message.from = from;
        message.body = body;
        message.phoneNumberId = m_phoneNumberId;
        return postInboundText(
            m_webhookNam, m_stack.backendUrl(), m_stack.webhookSecret().toUtf8(), message);
    }

    QString topChatId() const
    {
        auto* m = m_store->chatListModel();
        return m->rowCount() ? m->index(0, 0).data(ChatListModel::IdRole).toString() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_stack.start(&error), qPrintable(error));
        m_org = m_stack.firstOrganizationId();
        QVERIFY(!m_org.isEmpty());
        m_phoneNumberId = m_stack.phoneNumberIdOf(m_org);

        ApiConfig config;
        config.baseUrl = m_stack.backendUrl();
        m_api = std::make_unique<ApiClient>(config);
        m_session = std::make_unique<Session>(m_api.get(), std::make_shared<MemorySecretStore>());
        QVERIFY(m_stack.signInDemo(*m_session, m_org));

        // As the app wires it: the realtime client on its own thread, tokens from the backend.
        m_client = std::make_unique<Centrifuge::Client>(m_stack.centrifugoWsUrl());
        m_tokens = std::make_shared<BackendTokenProvider>(m_api.get());
        m_client->setTokenProvider(m_tokens);
        m_realtimeThread.setObjectName(QStringLiteral("realtime"));
        m_realtimeThread.start();
        m_client->moveToThread(&m_realtimeThread);

        InboxStoreOptions options;
        options.channels.messages = m_stack.messagesChannelTemplate();
        options.channels.tickets = m_stack.ticketsChannelTemplate();
        options.coalesceMs = 150;
        m_store = std::make_unique<InboxStore>(m_api.get(), m_client.get(), options);
        for (QAbstractItemModel* m : {m_store->chatListModel(),
                 static_cast<QAbstractItemModel*>(m_store->chatListSourceModel())}) {
            m_testers << std::make_shared<QAbstractItemModelTester>(
                m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        }
    }

    void cleanupTestCase()
    {
        m_testers.clear();
        m_store.reset();
        if (m_client) {
            QMetaObject::invokeMethod(
                m_client.get(),
                [c = m_client.get()] {
                    c->close();
                    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
                    c->moveToThread(QCoreApplication::instance()->thread());
                },
                Qt::BlockingQueuedConnection);
        }
        m_realtimeThread.quit();
        m_realtimeThread.wait();
        m_client.reset();
        m_tokens.reset();
        m_session.reset();
        m_api.reset();
        m_stack.stop();
    }

    void bothChannelsSubscribeWithTokensAndGoLive()
    {
        m_store->setOrganization(m_org);
        m_client->connectToServer();
        QCOMPARE(m_store->channels().size(), 2); // messages and tickets
        // Before the fix every channel was refused (103) and this never turned Live.
        QTRY_COMPARE_WITH_TIMEOUT(m_store->freshness().state, Freshness::State::Live, 30000);
        QVERIFY(m_store->chatListModel()->rowCount() > 0);
        // One connection token and one subscription token per channel: no request loop.
        QVERIFY2(
            m_tokens->requestCount() <= 3, qPrintable(QString::number(m_tokens->requestCount())));
    }

    void webhookPublicationReachesTheChatList()
    {
        QCOMPARE(m_store->freshness().state, Freshness::State::Live);
        auto* src = m_store->chatListSourceModel();
        QString chatId;
        QString phone;
        for (int r = 0; r < src->rowCount() && chatId.isEmpty(); ++r) {
            if (!src->at(r).phone.isEmpty() && src->at(r).id == src->at(r).conversationId) {
                chatId = src->at(r).id;
                phone = src->at(r).phone;
            }
        }
        QVERIFY(!chatId.isEmpty());
        const QString messagesChannel = m_store->channels().first();
        QVERIFY(!m_store->lastPublicationAt(messagesChannel).isValid());

        const QString body
            = QStringLiteral("secure hello %1").arg(QDateTime::currentMSecsSinceEpoch());
        QNetworkReply* reply = postInbound(phone, body);
        QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();

        // The publication arrived over the token-protected channel and the list followed it.
        QTRY_VERIFY_WITH_TIMEOUT(m_store->lastPublicationAt(messagesChannel).isValid(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(topChatId(), chatId, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_store->chatListModel()
                                      ->index(0, 0)
                                      .data(ChatListModel::LastMessagePreviewRole)
                                      .toString(),
            body, 10000);
    }
};

QTEST_GUILESS_MAIN(TestIntegrationSecure)
#include "tst_integration_secure.moc"
