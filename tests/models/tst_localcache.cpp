// The SQLite cache: round trip, and a corrupt, foreign or newer file is replaced, never a crash.

#include "models/localcache.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace WhaTrack;

namespace {

ChatItem sampleChat(const QString& id)
{
    ChatItem c;
    c.id = id;
    c.name = QStringLiteral("Ana");
    c.phone = QStringLiteral("+5511999990001");
    c.lastMessageAt = QDateTime(QDate(2026, 5, 18), QTime(10, 0), QTimeZone::utc());
    Message m;
    m.id = QStringLiteral("m1");
    m.body = QStringLiteral("Olá");
    m.type = QStringLiteral("text");
    m.direction = MessageDirection::Inbound;
    m.status = MessageStatus::Delivered;
    m.timestamp = c.lastMessageAt;
    c.lastMessage = m;
    c.currentTicket = TicketSummary {QStringLiteral("T1"), QStringLiteral("open"),
        Stage {QStringLiteral("s1"), QStringLiteral("Novo"), QStringLiteral("#3b82f6"), 1, false,
            true},
        {}, {}};
    return c;
}

void makeForeignDb(const QString& path, int appId, int version)
{
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE other (x INTEGER)")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA application_id=%1").arg(appId)));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=%1").arg(version)));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
}

} // namespace

class TestLocalCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripPerOrganization()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        {
            LocalCache cache(path);
            QVERIFY(cache.isOpen());
            QVERIFY(!cache.wasRecreated());
            QVERIFY(cache.saveChats(QStringLiteral("org1"), {sampleChat(QStringLiteral("C1"))}));
            Message m = sampleChat(QStringLiteral("C1")).lastMessage.value();
            Message pending = m;
            pending.id = QStringLiteral("optimistic");
            pending.optimistic = true;
            QVERIFY(cache.saveMessages(QStringLiteral("org1"), QStringLiteral("C1"), {m, pending}));
            Ticket t;
            t.id = QStringLiteral("T1");
            t.dealValue = QStringLiteral("1500");
            t.assignee = Assignee {QStringLiteral("u1"), QStringLiteral("Ana"), {}, {}};
            QVERIFY(cache.saveTicket(QStringLiteral("org1"), QStringLiteral("C1"), t));
            QVERIFY(cache.saveTicket(QStringLiteral("org1"), QStringLiteral("C2"), std::nullopt));
            QVERIFY(cache.saveStages(QStringLiteral("org1"),
                {Stage {QStringLiteral("s1"), QStringLiteral("Novo"), {}, 1, false, true}}));
            QVERIFY(cache.saveReadState(QStringLiteral("org1"), QStringLiteral("C1"),
                sampleChat(QStringLiteral("C1")).lastMessageAt, 2));
            QVERIFY(cache.saveChats(QStringLiteral("org2"), {sampleChat(QStringLiteral("X"))}));
        }
        LocalCache cache(path); // reopen: the data survives
        const CacheSnapshot s = cache.load(QStringLiteral("org1"));
        QCOMPARE(s.chats.size(), 1);
        QCOMPARE(s.chats.first(), sampleChat(QStringLiteral("C1")));
        QCOMPARE(
            s.messages.value(QStringLiteral("C1")).size(), 1); // unconfirmed rows are not saved
        QCOMPARE(s.tickets.value(QStringLiteral("C1"))->dealValue, QStringLiteral("1500"));
        QVERIFY(s.tickets.contains(QStringLiteral("C2")) && !s.tickets.value(QStringLiteral("C2")));
        QCOMPARE(s.stages.size(), 1);
        QCOMPARE(s.unread.value(QStringLiteral("C1")), 2);
        QVERIFY(s.chatsSavedAt.isValid());
        QCOMPARE(cache.load(QStringLiteral("org2")).chats.first().id, QStringLiteral("X"));
        QVERIFY(cache.load(QStringLiteral("org3")).chats.isEmpty());
    }

    void corruptFileIsReplaced()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, '\x5a'));
        f.close();
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("discarding the local cache")));
        LocalCache cache(path);
        QVERIFY(cache.isOpen());
        QVERIFY(cache.wasRecreated());
        QVERIFY(cache.saveChats(QStringLiteral("org1"), {sampleChat(QStringLiteral("C1"))}));
        QCOMPARE(cache.load(QStringLiteral("org1")).chats.size(), 1);
    }

    void truncatedDatabaseIsReplaced()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        {
            LocalCache cache(path);
            QList<ChatItem> many;
            for (int i = 0; i < 500; ++i)
                many << sampleChat(QStringLiteral("C%1").arg(i));
            QVERIFY(cache.saveChats(QStringLiteral("org1"), many));
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const QByteArray head = f.read(100); // keep a valid header, wreck the pages
        f.resize(0);
        f.write(head);
        f.write(QByteArray(8192, '\x01'));
        f.close();
        QFile::remove(path + QStringLiteral("-wal"));
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("discarding the local cache")));
        LocalCache cache(path);
        QVERIFY(cache.isOpen());
        QVERIFY(cache.wasRecreated());
        QVERIFY(cache.load(QStringLiteral("org1")).chats.isEmpty());
    }

    void foreignDatabaseIsReplaced()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        makeForeignDb(path, 0x1234, 3);
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("not an inbox cache")));
        LocalCache cache(path);
        QVERIFY(cache.isOpen());
        QVERIFY(cache.wasRecreated());
        QVERIFY(cache.saveStages(QStringLiteral("o"), {}));
    }

    void otherSchemaVersionIsReplaced()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        makeForeignDb(path, LocalCache::ApplicationId, LocalCache::SchemaVersion + 1);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("schema version")));
        LocalCache cache(path);
        QVERIFY(cache.isOpen());
        QVERIFY(cache.wasRecreated());
    }

    void unwritableLocationFailsSoftly()
    {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(".*")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(".*")));
        LocalCache cache(QStringLiteral("/proc/no-such-dir/cache.sqlite"));
        QVERIFY(!cache.isOpen());
        QVERIFY(!cache.saveChats(QStringLiteral("o"), {}));
        QVERIFY(cache.load(QStringLiteral("o")).chats.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLocalCache)
#include "tst_localcache.moc"
