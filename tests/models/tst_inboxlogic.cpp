// Pure pieces of the store: publication parsing, invalidation rules, chat-id resolution,
// unread counting, the silent-socket watchdog and the freshness rule.

#include "models/items/chatrevisions.h"
#include "models/store/chatidresolver.h"
#include "models/store/freshness.h"
#include "models/store/inboxevent.h"
#include "models/store/invalidationrules.h"
#include "models/store/realtimewatchdog.h"
#include "models/store/unreadtracker.h"
#include "tests/support/manualclock.h"

#include <QSignalSpy>
#include <QTest>

using namespace WhaTrack;
using WhaTrack::Testing::ManualClock;

namespace {
const QString kOrg = QStringLiteral("org1");
const QDateTime kT0(QDate(2026, 5, 18), QTime(10, 0), QTimeZone::utc());

ChatItem chat(const QString& id, const QDateTime& at,
    MessageDirection dir = MessageDirection::Inbound, const QString& lastId = {})
{
    ChatItem c;
    c.id = id;
    c.lastMessageAt = at;
    Message m;
    m.id = lastId.isEmpty() ? id + at.toString(Qt::ISODate) : lastId;
    m.direction = dir;
    m.timestamp = at;
    c.lastMessage = m;
    return c;
}
} // namespace

class TestInboxLogic : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesBothPublicationKinds()
    {
        auto created = parseInboxEvent(InboxEvent::Channel::Messages,
            R"({"type":"message_created","conversationId":"C1","messageId":"m9","leadId":"L1","body":"Oi","timestamp":"2026-05-18T10:00:00.000Z","direction":"INBOUND"})");
        QVERIFY(created);
        QCOMPARE(created->type, InboxEvent::Type::MessageCreated);
        QCOMPARE(created->direction, MessageDirection::Inbound);
        QCOMPARE(created->timestamp, kT0);
        const Message m = created->toMessage();
        QVERIFY(m.optimistic);
        QCOMPARE(m.id, QStringLiteral("m9"));

        auto status = parseInboxEvent(InboxEvent::Channel::Messages,
            R"({"type":"message_status_updated","messageId":"m9","wamid":"wamid.9","conversationId":null,"status":"read","timestamp":"1716026400"})");
        QVERIFY(status);
        QCOMPARE(status->type, InboxEvent::Type::MessageStatusUpdated);
        QCOMPARE(status->status, MessageStatus::Read);
        QVERIFY(status->conversationId.isEmpty());
        QCOMPARE(status->timestamp.toSecsSinceEpoch(), 1716026400);

        auto ticket = parseInboxEvent(InboxEvent::Channel::Tickets,
            R"({"type":"ticket_updated","ticketId":"T1","updates":{"status":"closed_won","dealValue":10}})");
        QVERIFY(ticket);
        QCOMPARE(ticket->type, InboxEvent::Type::TicketUpdated);
        QCOMPARE(ticket->ticketId, QStringLiteral("T1"));

        QVERIFY(!parseInboxEvent(InboxEvent::Channel::Messages, "not json"));
        QVERIFY(!parseInboxEvent(InboxEvent::Channel::Messages, "[1,2]"));
    }

    void messageCreatedInvalidatesMessagesListAndTicket()
    {
        InboxEvent e;
        e.type = InboxEvent::Type::MessageCreated;
        e.conversationId = QStringLiteral("C2"); // a second conversation of the lead...
        RuleContext ctx {kOrg, QStringLiteral("C1"), QStringLiteral("C1"),
            QStringLiteral("C1")}; // ...shown as chat C1
        const Invalidation inv = invalidationForEvent(e, ctx);
        QVERIFY(inv.contains(QueryKey::messages(kOrg, QStringLiteral("C1"))));
        QVERIFY(inv.contains(QueryKey::messages(kOrg, QStringLiteral("C2"))));
        QVERIFY(inv.contains(QueryKey::chats(kOrg)));
        QVERIFY(inv.contains(QueryKey::chats(kOrg, QStringLiteral("ana"))));
        QVERIFY(inv.contains(QueryKey::ticket(kOrg, QStringLiteral("C2"))));
        QVERIFY(inv.contains(QueryKey::ticket(kOrg, QStringLiteral("C1")))); // the open one
        QVERIFY(!inv.contains(QueryKey::chats(QStringLiteral("org2"))));
    }

    void statusUpdateDoesNotTouchTickets()
    {
        InboxEvent e;
        e.type = InboxEvent::Type::MessageStatusUpdated;
        e.conversationId = QStringLiteral("C1");
        const Invalidation inv = invalidationForEvent(e, {kOrg, QStringLiteral("C1"), {}, {}});
        QVERIFY(inv.contains(QueryKey::messages(kOrg, QStringLiteral("C1"))));
        QVERIFY(!inv.contains(QueryKey::ticket(kOrg, QStringLiteral("C1"))));
    }

    void ticketEventsWithAndWithoutConversation()
    {
        InboxEvent e;
        e.channel = InboxEvent::Channel::Tickets;
        e.type = InboxEvent::Type::TicketUpdated;
        e.conversationId = QStringLiteral("C1");
        Invalidation inv = invalidationForEvent(e, {kOrg, {}, {}, {}});
        QVERIFY(inv.contains(QueryKey::ticket(kOrg, QStringLiteral("C1"))));
        QVERIFY(inv.contains(QueryKey::chats(kOrg)));
        QVERIFY(!inv.contains(QueryKey::ticket(kOrg, QStringLiteral("C9"))));
        e.conversationId.clear(); // the AI-era event: only a ticket id
        inv = invalidationForEvent(e, {kOrg, {}, {}, {}});
        QVERIFY(inv.contains(QueryKey::ticket(kOrg, QStringLiteral("C9"))));
        const Invalidation mine = invalidationForMutation(kOrg, QStringLiteral("C1"));
        QVERIFY(mine.contains(QueryKey::ticket(kOrg, QStringLiteral("C1"))));
        QVERIFY(mine.contains(QueryKey::chats(kOrg)));
    }

    void resolverMapsLeadKeyedChats()
    {
        ChatIdResolver r;
        ChatItem byLead;
        byLead.id = QStringLiteral("L7"); // the lead has no conversation yet
        r.noteChat(byLead);
        ChatItem withConv = chat(QStringLiteral("C1"), kT0);
        withConv.leadId = QStringLiteral("L1");
        withConv.conversationId = QStringLiteral("C1");
        r.noteChat(withConv);
        QCOMPARE(r.chatFor(QStringLiteral("C1")), QStringLiteral("C1"));
        QVERIFY(r.chatFor(QStringLiteral("C2")).isEmpty());
        QCOMPARE(r.chatFor(QStringLiteral("C2"), QStringLiteral("L1")),
            QStringLiteral("C1")); // via the lead
        r.noteEvent(QStringLiteral("C2"), QStringLiteral("L1"));
        QCOMPARE(
            r.chatFor(QStringLiteral("C2")), QStringLiteral("C1")); // remembered for status events
        QCOMPARE(r.chatFor(QStringLiteral("CX"), QStringLiteral("L7")),
            QString()); // lead id chat: no lead mapping
        QCOMPARE(r.chatFor(QStringLiteral("L7")), QStringLiteral("L7"));
        QCOMPARE(r.chatForMessage(withConv.lastMessage->id), QStringLiteral("C1"));
        QCOMPARE(r.conversationFor(QStringLiteral("C1")), QStringLiteral("C1"));
    }

    void resolverKeepsOnlyTheLastMessageOfEachChat()
    {
        // Every refetched list brings each busy chat's new last message: the resolver may not
        // keep the ids of the ones before (the soak's list refetches at 50 deliveries/s).
        ChatIdResolver r;
        constexpr int kChats = 3;
        constexpr int kRounds = 2000;
        for (int round = 0; round < kRounds; ++round) {
            for (int c = 0; c < kChats; ++c) {
                ChatItem item = chat(QStringLiteral("C%1").arg(c), kT0.addSecs(round), //
                    MessageDirection::Inbound, QStringLiteral("m%1-%2").arg(c).arg(round));
                item.lastMessage->wamid = QStringLiteral("wamid.%1-%2").arg(c).arg(round);
                r.noteChat(item);
            }
        }
        QVERIFY2(r.lastMessageEntries() <= 2 * kChats,
            qPrintable(QString::number(r.lastMessageEntries())));
        QCOMPARE(r.chatForMessage(QStringLiteral("m1-%1").arg(kRounds - 1)), QStringLiteral("C1"));
        QCOMPARE(
            r.chatForMessage(QStringLiteral("wamid.2-%1").arg(kRounds - 1)), QStringLiteral("C2"));
        QVERIFY(r.chatForMessage(QStringLiteral("m1-0")).isEmpty()); // superseded
        // A saved list adopted under newer facts: the newer last message wins, the older goes.
        ChatIdResolver older;
        older.noteChat(chat(QStringLiteral("C0"), kT0, MessageDirection::Inbound, //
            QStringLiteral("saved-m0")));
        older.noteChat(chat(QStringLiteral("C9"), kT0, MessageDirection::Inbound, //
            QStringLiteral("saved-m9")));
        r.adoptOlder(std::move(older));
        QCOMPARE(r.chatForMessage(QStringLiteral("m0-%1").arg(kRounds - 1)), QStringLiteral("C0"));
        QVERIFY(r.chatForMessage(QStringLiteral("saved-m0")).isEmpty());
        QCOMPARE(r.chatForMessage(QStringLiteral("saved-m9")), QStringLiteral("C9"));
        QVERIFY(r.lastMessageEntries() <= 2 * kChats + 1);
    }

    void unreadCountsInboundAfterLastSeen()
    {
        UnreadTracker u;
        // First list: the baseline, nothing unread.
        QVERIFY(u.onChats({chat(QStringLiteral("a"), kT0), chat(QStringLiteral("b"), kT0)}, {}, kT0)
                    .isEmpty());
        QCOMPARE(
            u.onInbound(QStringLiteral("a"), QStringLiteral("m1"), kT0.addSecs(10), {}, kT0), 1);
        QCOMPARE(u.onInbound(QStringLiteral("a"), QStringLiteral("m1"), kT0.addSecs(10), {}, kT0),
            -1); // once
        QCOMPARE(
            u.onInbound(QStringLiteral("a"), QStringLiteral("m2"), kT0.addSecs(20), {}, kT0), 2);
        // The list's last message (m2) was already counted from the publication.
        auto changed = u.onChats({chat(QStringLiteral("a"), kT0.addSecs(20),
                                     MessageDirection::Inbound, QStringLiteral("m2"))},
            {}, kT0);
        QVERIFY(changed.isEmpty());
        // Activity while offline: the list shows a newer inbound message -> at least one.
        changed = u.onChats({chat(QStringLiteral("b"), kT0.addSecs(30))}, {}, kT0);
        QCOMPARE(changed.value(QStringLiteral("b")), 1);
        // Outbound activity is not unread.
        changed = u.onChats(
            {chat(QStringLiteral("b"), kT0.addSecs(40), MessageDirection::Outbound)}, {}, kT0);
        QVERIFY(changed.isEmpty());
        // Opening clears; messages of the open chat never count.
        QVERIFY(u.markSeen(QStringLiteral("a"), kT0.addSecs(60)));
        QCOMPARE(u.unread(QStringLiteral("a")), 0);
        QCOMPARE(u.onInbound(QStringLiteral("a"), QStringLiteral("m3"), kT0.addSecs(70),
                     QStringLiteral("a"), kT0.addSecs(70)),
            -1);
        QCOMPARE(u.onInbound(QStringLiteral("a"), QStringLiteral("m0"), kT0.addSecs(30), {}, kT0),
            -1); // older than seen
    }

    void unreadSurvivesRestart()
    {
        UnreadTracker u;
        u.load({{QStringLiteral("a"), kT0}}, {{QStringLiteral("a"), 2}},
            {chat(QStringLiteral("a"), kT0.addSecs(20), MessageDirection::Inbound,
                QStringLiteral("m2"))});
        QCOMPARE(u.unread(QStringLiteral("a")), 2);
        // The same last message after the restart is not counted twice...
        QVERIFY(u.onChats({chat(QStringLiteral("a"), kT0.addSecs(20), MessageDirection::Inbound,
                              QStringLiteral("m2"))},
                     {}, kT0)
                    .isEmpty());
        // ...a newer one is.
        QCOMPARE(u.onChats({chat(QStringLiteral("a"), kT0.addSecs(50), MessageDirection::Inbound,
                               QStringLiteral("m5"))},
                      {}, kT0)
                     .value(QStringLiteral("a")),
            3);
    }

    void unreadMemoryStaysBoundedForChatsNeverOpened()
    {
        // A steady stream to chats the agent never opens (the soak: 50 deliveries/s for 30
        // minutes) may not make the tracker hold one message id per delivery.
        UnreadTracker u;
        QVERIFY(u.onChats({chat(QStringLiteral("a"), kT0), chat(QStringLiteral("b"), kT0)}, {}, kT0)
                    .isEmpty());
        constexpr int kDeliveries = 10000;
        for (int i = 1; i <= kDeliveries; ++i) {
            const QString chatId = i % 2 ? QStringLiteral("a") : QStringLiteral("b");
            const QString id = QStringLiteral("m%1").arg(i);
            QVERIFY(u.onInbound(chatId, id, kT0.addSecs(i), {}, kT0) > 0);
            QCOMPARE(u.onInbound(chatId, id, kT0.addSecs(i), {}, kT0), -1); // still once
        }
        QCOMPARE(u.unread(QStringLiteral("a")) + u.unread(QStringLiteral("b")), kDeliveries);
        QVERIFY2(u.rememberedIds() <= 2, qPrintable(QString::number(u.rememberedIds())));
        // An older message seen again (the list's last message after a refetch) is not recounted.
        QCOMPARE(
            u.onInbound(QStringLiteral("a"), QStringLiteral("m1"), kT0.addSecs(1), {}, kT0), -1);
        // Messages without a time are deduplicated by id alone, with a bound per chat.
        for (int i = 0; i < 3 * UnreadTracker::kMaxIdsPerChat; ++i) {
            const QString id = QStringLiteral("untimed%1").arg(i);
            QVERIFY(u.onInbound(QStringLiteral("a"), id, QDateTime(), {}, kT0) > 0);
            QCOMPARE(u.onInbound(QStringLiteral("a"), id, QDateTime(), {}, kT0), -1);
        }
        QVERIFY(u.rememberedIds() <= UnreadTracker::kMaxIdsPerChat + 1);
    }

    void watchdogFlagsUnannouncedActivity()
    {
        ManualClock clock;
        RealtimeWatchdog w(&clock, 5000, 60000);
        QSignalSpy suspicious(&w, &RealtimeWatchdog::suspicious);
        w.setLive(true);
        w.onChatList({chat(QStringLiteral("a"), kT0), chat(QStringLiteral("b"), kT0)});
        // Announced activity is fine, even if the publication arrives after the REST answer.
        w.onChatList({chat(QStringLiteral("a"), kT0.addSecs(5)), chat(QStringLiteral("b"), kT0)});
        clock.advance(1000);
        w.noteAnnounced(QStringLiteral("a"));
        clock.advance(10000);
        QCOMPARE(suspicious.size(), 0);
        // Activity nobody announced while live: flagged after the grace period.
        w.onChatList(
            {chat(QStringLiteral("a"), kT0.addSecs(5)), chat(QStringLiteral("b"), kT0.addSecs(9))});
        clock.advance(4999);
        QCOMPARE(suspicious.size(), 0);
        clock.advance(2);
        QCOMPARE(suspicious.size(), 1);
        QVERIFY(w.isSuspicious());
        w.notePublication();
        QVERIFY(!w.isSuspicious());
    }

    void watchdogIgnoresActivityWhileNotLive()
    {
        ManualClock clock;
        RealtimeWatchdog w(&clock, 5000, 60000);
        QSignalSpy suspicious(&w, &RealtimeWatchdog::suspicious);
        w.setLive(true);
        w.onChatList({chat(QStringLiteral("a"), kT0)});
        w.setLive(false);
        w.onChatList({chat(QStringLiteral("a"), kT0.addSecs(5))}); // expected: the resync covers it
        w.setLive(true);
        clock.advance(20000);
        QCOMPARE(suspicious.size(), 0);
    }

    void watchdogProbesAQuietStream()
    {
        ManualClock clock;
        RealtimeWatchdog w(&clock, 5000, 60000);
        QSignalSpy probes(&w, &RealtimeWatchdog::probeRequested);
        w.setLive(true);
        clock.advance(30000);
        w.notePublication();
        clock.advance(40000); // 70 s live, last publication 40 s ago
        QCOMPARE(probes.size(), 0);
        clock.advance(60000);
        QCOMPARE(probes.size(), 1);
    }

    void freshnessRule()
    {
        QString why;
        FreshnessInputs in;
        in.haveServerData = true;
        in.realtimeConnected = true;
        QCOMPARE(computeFreshnessState(in, &why), Freshness::State::Live);
        in.watchdogSuspicious = true;
        QCOMPARE(computeFreshnessState(in, &why), Freshness::State::Stale);
        QCOMPARE(why, QStringLiteral("Realtime may be stale"));
        in.realtimeConnected = false;
        QCOMPARE(computeFreshnessState(in, &why), Freshness::State::Stale);
        QVERIFY(why.contains(QStringLiteral("disconnected")));
        in.refreshing = true;
        QCOMPARE(computeFreshnessState(in, &why), Freshness::State::Refreshing);
        in.serverReachable = false;
        QCOMPARE(computeFreshnessState(in, &why), Freshness::State::Offline);
        FreshnessInputs cached;
        cached.realtimeConnected = true;
        QCOMPARE(computeFreshnessState(cached, &why), Freshness::State::Stale);
        QCOMPARE(why, QStringLiteral("Showing saved data"));
    }

    void revisionsDiffOnlyWhatChanged()
    {
        ChatRevisions revisions;
        const QList<ChatItem> list {chat(QStringLiteral("a"), kT0), chat(QStringLiteral("b"), kT0),
            chat(QStringLiteral("c"), kT0)};
        ChatListDelta d = revisions.diff(list, true, false);
        QCOMPARE(d.changed.size(), 3); // all new
        QCOMPARE(d.total, 3);
        QVERIFY(!d.full);
        revisions.commit(d);
        QVERIFY(revisions.diff(list, true, false).changed.isEmpty()); // nothing changed
        QList<ChatItem> next {
            chat(QStringLiteral("a"), kT0.addSecs(5)), chat(QStringLiteral("b"), kT0)};
        d = revisions.diff(next, true, true);
        QCOMPARE(d.changed.size(), 1);
        QCOMPARE(d.changed.first().id, QStringLiteral("a"));
        QCOMPARE(d.removed, QStringList({QStringLiteral("c")}));
        QCOMPARE(d.full->size(), 2);
        // A search result (not authoritative) never removes anything.
        QVERIFY(revisions.diff({chat(QStringLiteral("b"), kT0)}, false, false).removed.isEmpty());
        revisions.commit(d);
        QCOMPARE(revisions.size(), 2);
        QVERIFY(chatRevision(list.at(0)) != chatRevision(next.at(0)));
    }

    void statusRanks()
    {
        QVERIFY(isStatusUpgrade(MessageStatus::Sent, MessageStatus::Delivered));
        QVERIFY(!isStatusUpgrade(MessageStatus::Read, MessageStatus::Delivered));
        QVERIFY(isStatusUpgrade(MessageStatus::Read, MessageStatus::Failed));
        QVERIFY(!isStatusUpgrade(MessageStatus::Failed, MessageStatus::Read));
        QVERIFY(!isStatusUpgrade(MessageStatus::Read, MessageStatus::Unknown));
    }
};

QTEST_GUILESS_MAIN(TestInboxLogic)
#include "tst_inboxlogic.moc"
