// The SQLite cache: round trip, and a corrupt, foreign or newer file is replaced, never a crash.
// Scoped by backend + organization; private file modes; a saved list forgets unlisted chats.

#include "models/cache/localcache.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <sys/stat.h>

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

//! The permission bits of \a path as the OS has them (QFile adds "user" bits of its own).
int modeOf(const QString& path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return static_cast<int>(st.st_mode & 07777);
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

    void scopeKeysSeparateBackendsAndOrganizations()
    {
        const QUrl a(QStringLiteral("http://127.0.0.1:3000"));
        const QUrl b(QStringLiteral("http://127.0.0.1:3001"));
        const QString org = QStringLiteral("org1");
        QVERIFY(LocalCache::scopeKey(a, org) != LocalCache::scopeKey(b, org));
        QVERIFY(LocalCache::scopeKey(a, org) != LocalCache::scopeKey(a, QStringLiteral("org2")));
        QVERIFY(LocalCache::scopeKey(QUrl(QStringLiteral("https://app.example")), org)
            != LocalCache::scopeKey(QUrl(QStringLiteral("http://app.example")), org));
        QVERIFY(LocalCache::scopeKey(QUrl(QStringLiteral("https://app.example/a")), org)
            != LocalCache::scopeKey(QUrl(QStringLiteral("https://app.example/b")), org));
        // One backend spelled differently is still one backend.
        QCOMPARE(LocalCache::scopeKey(QUrl(QStringLiteral("HTTPS://App.Example:443/")), org),
            LocalCache::scopeKey(QUrl(QStringLiteral("https://app.example")), org));
        QCOMPARE(LocalCache::normalizedBackend(QUrl(QStringLiteral("http://u:p@Host/x/?q=1#f"))),
            QStringLiteral("http://host:80/x"));
        // The key and the file name give nothing away.
        QVERIFY(!LocalCache::scopeKey(a, org).contains(org));
        QVERIFY(!LocalCache::fileNameFor(a).contains(QStringLiteral("127.0.0.1")));
        QVERIFY(LocalCache::fileNameFor(a) != LocalCache::fileNameFor(b));
    }

    void twoBackendsWithOneOrganizationIdNeverMix()
    {
        QTemporaryDir dir;
        LocalCache cache(dir.filePath(QStringLiteral("cache.sqlite")));
        const QString org = QStringLiteral("org1");
        const QString a = LocalCache::scopeKey(QUrl(QStringLiteral("http://127.0.0.1:3000")), org);
        const QString b = LocalCache::scopeKey(QUrl(QStringLiteral("http://127.0.0.1:3001")), org);
        QVERIFY(cache.saveChats(a, {sampleChat(QStringLiteral("C1"))}));
        QVERIFY(cache.saveReadState(a, QStringLiteral("C1"), {}, 25));
        const CacheSnapshot other = cache.load(b);
        QVERIFY(other.chats.isEmpty());
        QVERIFY(other.unread.isEmpty());
        QVERIFY(other.lastSeen.isEmpty());
        QCOMPARE(cache.load(a).unread.value(QStringLiteral("C1")), 25);
    }

    void savedListForgetsUnlistedChats()
    {
        QTemporaryDir dir;
        LocalCache cache(dir.filePath(QStringLiteral("cache.sqlite")));
        const QString scope = QStringLiteral("s");
        QVERIFY(cache.saveChats(
            scope, {sampleChat(QStringLiteral("C1")), sampleChat(QStringLiteral("GONE"))}));
        const Message m = sampleChat(QStringLiteral("GONE")).lastMessage.value();
        QVERIFY(cache.saveMessages(scope, QStringLiteral("GONE"), {m}));
        QVERIFY(cache.saveTicket(scope, QStringLiteral("GONE"), std::nullopt));
        QVERIFY(cache.saveReadState(scope, QStringLiteral("GONE"), {}, 3));
        QVERIFY(cache.saveReadState(scope, QStringLiteral("C1"), {}, 1));
        QVERIFY(cache.saveReadState(QStringLiteral("other"), QStringLiteral("GONE"), {}, 7));

        QVERIFY(cache.saveChats(scope, {sampleChat(QStringLiteral("C1"))})); // GONE is not listed
        const CacheSnapshot s = cache.load(scope);
        QCOMPARE(s.chats.size(), 1);
        QVERIFY(!s.unread.contains(QStringLiteral("GONE")));
        QVERIFY(!s.lastSeen.contains(QStringLiteral("GONE")));
        QVERIFY(!s.messages.contains(QStringLiteral("GONE")));
        QVERIFY(!s.tickets.contains(QStringLiteral("GONE")));
        QCOMPARE(s.unread.value(QStringLiteral("C1")), 1);
        // Another scope is not touched.
        QCOMPARE(cache.load(QStringLiteral("other")).unread.value(QStringLiteral("GONE")), 7);

        QVERIFY(cache.forgetChats(scope, {QStringLiteral("C1")}));
        QVERIFY(cache.load(scope).unread.isEmpty());
    }

    void filesAreOnlyReadableByTheAgent()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("data/inbox")); // created by the cache
        const QString path = dir + QStringLiteral("/cache.sqlite");
        {
            LocalCache cache(path);
            QVERIFY(cache.isOpen());
            QVERIFY(cache.saveChats(QStringLiteral("s"), {sampleChat(QStringLiteral("C1"))}));
            QCOMPARE(modeOf(dir), 0700);
            QCOMPARE(modeOf(path), 0600);
            QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
            QCOMPARE(modeOf(path + QStringLiteral("-wal")), 0600);
            QCOMPARE(modeOf(path + QStringLiteral("-shm")), 0600);
        }
        // A file left world-readable by an older version is tightened when opened.
        QVERIFY(QFile::setPermissions(
            path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        QCOMPARE(modeOf(path), 0644);
        LocalCache cache(path);
        QVERIFY(cache.isOpen());
        QCOMPARE(modeOf(path), 0600);
        QCOMPARE(cache.load(QStringLiteral("s")).chats.size(), 1);
    }

    void versionOneFileKeyedByOrganizationIsDiscarded()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        makeForeignDb(path, LocalCache::ApplicationId, 1);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("schema version 1")));
        LocalCache cache(path);
        QVERIFY(cache.isOpen());
        QVERIFY(cache.wasRecreated());
    }

    void legacyHostNamedFilesAreRemoved()
    {
        QTemporaryDir dir;
        for (const char* name : {"cache-127.0.0.1.sqlite", "cache-127.0.0.1.sqlite-wal",
                 "cache-app.example.sqlite", "settings.conf", "inbox-cache-abc.sqlite"}) {
            QFile f(dir.filePath(QString::fromLatin1(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        QCOMPARE(LocalCache::removeLegacyFiles(dir.path()), 3);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
            QStringList(
                {QStringLiteral("inbox-cache-abc.sqlite"), QStringLiteral("settings.conf")}));
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
