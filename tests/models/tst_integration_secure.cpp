// The data layer against the reference backend and a Centrifugo that requires subscription
// tokens (devstack `secure` profile, the recommended fix for tenant isolation), started by this
// test through devstack/up and always stopped. Without subscription tokens every channel is
// refused with 103 and the inbox never goes live.

#include "models/items/chatlistmodel.h"
#include "tests/support/devstackprocess.h"
#include "tests/support/metawebhook.h"
#include "tests/support/storeharness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

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
    StoreHarness m_app; //!< ApiClient, Session, the client on its thread, the store, as the app
    InboxStore* m_store = nullptr;
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
    }

    void cleanupTestCase()
    {
        m_store = nullptr;
        m_app.stop();
        m_stack.stop();
    }

    void bothChannelsSubscribeWithTokensAndGoLive()
    {
        // Signs in, sets the organization and connects, as the app wires it (the client on its
        // own thread, tokens from the backend), without waiting for Live.
        StoreHarness::Options options;
        options.store.coalesceMs = 150;
        options.waitLive = false;
        QString error;
        QVERIFY2(m_app.start(m_stack, &error, std::move(options)), qPrintable(error));
        m_store = m_app.store();
        QCOMPARE(m_store->organizationId(), m_org);
        QCOMPARE(m_store->channels().size(), 2); // messages and tickets
        // Before the fix every channel was refused (103) and this never turned Live.
        QTRY_COMPARE_WITH_TIMEOUT(m_store->freshness().state, Freshness::State::Live, 30000);
        QVERIFY(m_store->chatListModel()->rowCount() > 0);
        // One connection token and one subscription token per channel: no request loop.
        QVERIFY2(m_app.tokens()->requestCount() <= 3,
            qPrintable(QString::number(m_app.tokens()->requestCount())));
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
