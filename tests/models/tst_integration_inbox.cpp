// The data layer against the reference backend and the real Centrifugo, started by this test
// through devstack/up (one stack for the whole executable, always stopped).

#include "models/items/chatlistmodel.h"
#include "models/items/messagelistmodel.h"
#include "models/items/stagesmodel.h"
#include "models/items/ticketmodel.h"
#include "models/store/querycache.h"
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

class TestIntegrationInbox : public QObject
{
    Q_OBJECT

    DevstackProcess m_stack;
    StoreHarness m_app; //!< ApiClient, Session, the client on its thread, the store, as the app
    ApiClient* m_api = nullptr;
    InboxStore* m_store = nullptr;
    QNetworkAccessManager m_webhookNam;
    QString m_org;
    QString m_phoneNumberId;

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

    bool waitReply(QNetworkReply* reply)
    {
        const bool done = QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return done && status == 200;
    }

    //! The chats as the backend lists them now.
    QList<ChatItem> serverChats()
    {
        std::optional<ApiResult<QList<ChatItem>>> r;
        m_api->fetchChats({}, nullptr, [&r](ApiResult<QList<ChatItem>> x) { r = std::move(x); });
        if (!QTest::qWaitFor([&] { return r.has_value(); }, 15000) || !r->ok())
            return {};
        return r->value;
    }

    QString topChatId() const
    {
        auto* m = m_store->chatListModel();
        return m->rowCount() ? m->index(0, 0).data(ChatListModel::IdRole).toString() : QString();
    }

    const ChatItem* chatWithPhone(bool* found)
    {
        auto* src = m_store->chatListSourceModel();
        for (int r = 0; r < src->rowCount(); ++r) {
            if (!src->at(r).phone.isEmpty() && src->at(r).id == src->at(r).conversationId) {
                *found = true;
                return &src->at(r);
            }
        }
        *found = false;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_stack.start(&error), qPrintable(error));
        m_org = m_stack.firstOrganizationId();
        QVERIFY(!m_org.isEmpty());
        m_phoneNumberId = m_stack.phoneNumberIdOf(m_org);

        // Signs in, the realtime client on its own thread, every model under the tester, Live.
        StoreHarness::Options options;
        options.store.coalesceMs = 150;
        QVERIFY2(m_app.start(m_stack, &error, std::move(options)), qPrintable(error));
        m_api = m_app.api();
        m_store = m_app.store();
        QCOMPARE(m_store->organizationId(), m_org);
        QVERIFY(m_store->chatListModel()->rowCount() > 0);
        QTRY_VERIFY(m_store->stagesModel()->rowCount() > 0);
    }

    void cleanupTestCase()
    {
        m_store = nullptr;
        m_api = nullptr;
        m_app.stop();
        m_stack.stop();
    }

    void inboundMessageReachesTheModels()
    {
        bool found = false;
        const ChatItem* target = chatWithPhone(&found);
        QVERIFY(found);
        const QString chatId = target->id;
        const QString phone = target->phone;
        m_store->openChat(chatId);
        QTRY_VERIFY_WITH_TIMEOUT(m_store->messageListModel()->rowCount() > 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_store->queryCache()->inFlightCount(), 0, 10000);

        const QString body
            = QStringLiteral("integration hello %1").arg(QDateTime::currentMSecsSinceEpoch());
        QVERIFY(waitReply(postInbound(phone, body)));
        // The chat goes to the top with the new preview and the message shows in the open chat.
        QTRY_COMPARE_WITH_TIMEOUT(topChatId(), chatId, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_store->chatListModel()
                                      ->index(0, 0)
                                      .data(ChatListModel::LastMessagePreviewRole)
                                      .toString(),
            body, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_store->messageListModel()->items().last().body, body, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_store->messageListModel()->items().last().optimistic, false, 10000);
        QCOMPARE(m_store->messageListModel()->items().last().direction, MessageDirection::Inbound);
        // An inbound message opens or renews the ticket: its window is open now.
        QTRY_VERIFY_WITH_TIMEOUT(m_store->ticketModel()->hasTicket(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_store->ticketModel()
                ->data(m_store->ticketModel()->index(0), TicketModel::WindowOpenRole)
                .toBool(),
            10000);
        QVERIFY(m_store->lastPublicationAt(m_store->channels().first()).isValid());
    }

    void burstGivesAHandfulOfRefetches()
    {
        bool found = false;
        const ChatItem* target = chatWithPhone(&found);
        QVERIFY(found);
        const QString phone = target->phone;
        m_store->openChat(target->id);
        QTRY_COMPARE_WITH_TIMEOUT(m_store->queryCache()->inFlightCount(), 0, 10000);
        const auto before = m_store->refetchCounts();
        QElapsedTimer t;
        t.start();
        QList<QNetworkReply*> replies;
        for (int i = 0; i < 200; ++i) {
            replies << postInbound(phone, QStringLiteral("burst %1").arg(i));
            if (i % 20 == 19)
                QTest::qWait(90); // duration, not a wait for an event: 200 deliveries over ~1 s
        }
        const qint64 sentIn = t.elapsed();
        for (auto* r : replies)
            QVERIFY(waitReply(r));
        const qint64 processedIn = t.elapsed();
        // Deliveries are processed concurrently: every one must show up, in whatever order.
        auto burstShown = [this] {
            QSet<QString> bodies;
            for (const auto& m : m_store->messageListModel()->items()) {
                if (m.body.startsWith(QLatin1String("burst ")) && !m.optimistic)
                    bodies.insert(m.body);
            }
            return bodies.size();
        };
        QTRY_COMPARE_WITH_TIMEOUT(burstShown(), 200, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_store->queryCache()->inFlightCount(), 0, 10000);
        // A late coalesced refetch (150 ms window) would still count.
        QTest::qWait(500); // duration, not a wait for an event: a late refetch counts
        const auto after = m_store->refetchCounts();
        using Kind = QueryKey::Kind;
        const int lists = after.value(Kind::Chats) - before.value(Kind::Chats);
        const int pages = after.value(Kind::Messages) - before.value(Kind::Messages);
        const int tickets = after.value(Kind::Ticket) - before.value(Kind::Ticket);
        qInfo("200 webhooks posted in %lld ms, processed in %lld ms: refetches list %d, page %d, "
              "ticket %d",
            sentIn, processedIn, lists, pages, tickets);
        // At most one refetch per 150 ms window and key while publications flow, plus the tail.
        const int bound = static_cast<int>(processedIn / 150) + 4;
        QVERIFY2(lists <= bound && pages <= bound && tickets <= bound,
            qPrintable(QString::number(bound)));
        QSet<QString> ids;
        for (const auto& m : m_store->messageListModel()->items())
            ids.insert(m.id);
        QCOMPARE(ids.size(), m_store->messageListModel()->rowCount()); // no duplicates
    }

    void centrifugoRestartLeadsToFullRefetch()
    {
        bool found = false;
        const ChatItem* target = chatWithPhone(&found);
        QVERIFY(found);
        const QString phone = target->phone;
        const QString chatId = target->id;
        m_store->openChat(chatId);
        QTRY_COMPARE_WITH_TIMEOUT(m_store->queryCache()->inFlightCount(), 0, 10000);
        QSignalSpy resynced(m_store, &InboxStore::resyncFinished);

        // Stop Centrifugo; a message arrives meanwhile (its publication is lost), then restart.
        QString error;
        QVERIFY2(m_stack.stopServer(QStringLiteral("centrifugo"), &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(m_store->freshness().state != Freshness::State::Live, 15000);
        const QString missed = QStringLiteral("sent while realtime was down %1")
                                   .arg(QDateTime::currentMSecsSinceEpoch());
        QVERIFY(waitReply(postInbound(phone, missed)));
        QVERIFY2(m_stack.startServer(QStringLiteral("centrifugo"), &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(m_store->freshness().state, Freshness::State::Live, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(resynced.size() >= 1, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(m_store->queryCache()->inFlightCount(), 0, 10000);

        // The models equal the backend.
        const QList<ChatItem> server = serverChats();
        QVERIFY(!server.isEmpty());
        auto* proxy = m_store->chatListModel();
        QCOMPARE(proxy->rowCount(), server.size());
        for (int r = 0; r < server.size(); ++r) {
            const QString id = proxy->index(r, 0).data(ChatListModel::IdRole).toString();
            const ChatItem* mine = m_store->chatListSourceModel()->find(server.at(r).id);
            QVERIFY2(mine, qPrintable(server.at(r).id));
            QCOMPARE(mine->lastMessageAt, server.at(r).lastMessageAt);
            QCOMPARE(mine->lastMessage.has_value(), server.at(r).lastMessage.has_value());
            if (mine->lastMessage)
                QCOMPARE(mine->lastMessage->id, server.at(r).lastMessage->id);
            QCOMPARE(proxy->index(r, 0).data(ChatListModel::LastActivityMsRole).toLongLong(),
                server.at(r).lastMessageAt.toMSecsSinceEpoch());
            Q_UNUSED(id)
        }
        QCOMPARE(m_store->messageListModel()->items().last().body, missed);
    }

    void ticketPatchUpdatesTheTicketModel()
    {
        bool found = false;
        const ChatItem* target = chatWithPhone(&found);
        QVERIFY(found);
        m_store->openChat(target->id);
        QTRY_VERIFY_WITH_TIMEOUT(m_store->ticketModel()->hasTicket(), 10000);
        const QString current = m_store->ticketModel()->ticket()->stage.id;
        QString next;
        for (const auto& s : m_store->stagesModel()->stages()) {
            if (s.id != current && !s.isClosed) {
                next = s.id;
                break;
            }
        }
        QVERIFY(!next.isEmpty());
        QSignalSpy done(m_store, &InboxStore::mutationFinished);
        m_store->setTicketStage(next);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
        QVERIFY2(done.at(0).at(1).value<ApiError>().ok(),
            qPrintable(done.at(0).at(1).value<ApiError>().describe()));
        QCOMPARE(m_store->ticketModel()->ticket()->stage.id, next);
        // The confirming refetch brings the full ticket (order, isClosed) of the new stage.
        QTRY_COMPARE_WITH_TIMEOUT(m_store->queryCache()->inFlightCount(), 0, 10000);
        QCOMPARE(m_store->ticketModel()
                     ->data(m_store->ticketModel()->index(0), TicketModel::StageIdRole)
                     .toString(),
            next);
        const int row = m_store->stagesModel()->rowOf(next);
        QCOMPARE(m_store->ticketModel()->ticket()->stage.order,
            m_store->stagesModel()->stages().at(row).order);

        m_store->setTicketValue(QStringLiteral("1234.5"));
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_store->ticketModel()
                ->data(m_store->ticketModel()->index(0), TicketModel::DealValueRole)
                .toString(),
            QStringLiteral("1234.5"), 10000);
    }
};

QTEST_GUILESS_MAIN(TestIntegrationInbox)
#include "tst_integration_inbox.moc"
