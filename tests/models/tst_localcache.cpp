// The SQLite cache: round trip, and a corrupt, foreign or newer file is replaced, never a crash.
// Scoped by backend + organization; private file modes; a saved list forgets unlisted chats.
// The list's head (issue 14): the first screenful is saved apart and shown at start before the
// whole list is read.

#include "models/api/apiclient.h"
#include "models/cache/localcache.h"
#include "models/items/chatlistmodel.h"
#include "models/store/inboxstore.h"
#include "tests/support/fakehttpserver.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <sys/stat.h>

using namespace WhaTrack;
using WhaTrack::Testing::FakeHttpServer;
using WhaTrack::Testing::HttpRequest;
using WhaTrack::Testing::HttpResponse;

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

//! \a n chats, "C00000" the newest and "C<n-1>" the oldest, saved oldest first (the head is
//! the list's order, not the file's).
QList<ChatItem> chatsOldestFirst(int n)
{
    QList<ChatItem> out;
    const QDateTime newest = sampleChat({}).lastMessageAt;
    for (int i = n - 1; i >= 0; --i) {
        ChatItem c = sampleChat(QStringLiteral("C%1").arg(i, 5, 10, QLatin1Char('0')));
        c.lastMessageAt = newest.addSecs(-60 * i);
        c.lastMessage->id = QStringLiteral("m-") + c.id;
        c.lastMessage->timestamp = c.lastMessageAt;
        out.append(c);
    }
    return out;
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

    void headIsTheTopOfTheListWithItsBadges()
    {
        QTemporaryDir dir;
        LocalCache cache(dir.filePath(QStringLiteral("cache.sqlite")));
        const QString scope = QStringLiteral("s");
        QVERIFY(cache.loadHead(scope).chats.isEmpty()); // nothing saved yet
        QVERIFY(cache.saveChats(scope, chatsOldestFirst(1000)));
        const QDateTime seen = sampleChat({}).lastMessageAt;
        QVERIFY(cache.saveReadState(scope, QStringLiteral("C00001"), seen, 3)); // in the head
        QVERIFY(cache.saveReadState(scope, QStringLiteral("C00900"), seen, 5)); // below it

        const CacheHead head = cache.loadHead(scope);
        QCOMPARE(head.chats.size(), LocalCache::HeadChats);
        for (int i = 0; i < head.chats.size(); ++i) // newest first, as the list shows them
            QCOMPARE(head.chats.at(i).id, QStringLiteral("C%1").arg(i, 5, 10, QLatin1Char('0')));
        QCOMPARE(head.chats.first(), chatsOldestFirst(1000).last()); // whole chats, not ids
        QCOMPARE(head.unread, (QHash<QString, int> {{QStringLiteral("C00001"), 3}}));
        QVERIFY(cache.loadHead(QStringLiteral("other")).chats.isEmpty());

        // A newer list replaces the head with it; a short list is all head.
        QVERIFY(cache.saveChats(scope, chatsOldestFirst(3)));
        QCOMPARE(cache.loadHead(scope).chats.size(), 3);
        QVERIFY(cache.clear(scope));
        QVERIFY(cache.loadHead(scope).chats.isEmpty());
    }

    void fileFromBeforeHeadsStillLoadsAndGetsOne()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        {
            LocalCache cache(path);
            QVERIFY(cache.saveChats(QStringLiteral("s"), chatsOldestFirst(10)));
        }
        { // as an app from before issue 14 left it: schema version 2 without chat_heads
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("DROP TABLE chat_heads")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        LocalCache cache(path);
        QVERIFY(cache.isOpen());
        QVERIFY(!cache.wasRecreated()); // the agent's saved data is kept
        QCOMPARE(cache.load(QStringLiteral("s")).chats.size(), 10);
        QVERIFY(cache.loadHead(QStringLiteral("s")).chats.isEmpty());
        QVERIFY(cache.saveChats(QStringLiteral("s"), chatsOldestFirst(10)));
        QCOMPARE(cache.loadHead(QStringLiteral("s")).chats.size(), 10);
    }

    // The head is read before anything else at start: a garbled or hostile head (deep nesting,
    // a wrong type) shows no head, and the whole saved list still loads.
    void hostileHeadShowsNothingAndTheListStillLoads()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        {
            LocalCache cache(path);
            QVERIFY(cache.saveChats(QStringLiteral("s"), chatsOldestFirst(10)));
        }
        for (const QByteArray& hostile :
            QList<QByteArray> {QByteArray(100000, '[') + QByteArray(100000, ']'),
                QByteArrayLiteral("{\"id\": 1}"), QByteArrayLiteral("[{\"id\": [[[]]]}")}) {
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(
                    QStringLiteral("QSQLITE"), QStringLiteral("hostile"));
                db.setDatabaseName(path);
                QVERIFY(db.open());
                QSqlQuery q(db);
                QVERIFY(q.prepare(QStringLiteral("UPDATE chat_heads SET json = ?")));
                q.addBindValue(hostile);
                QVERIFY(q.exec());
                db.close();
            }
            QSqlDatabase::removeDatabase(QStringLiteral("hostile"));
            LocalCache cache(path);
            QVERIFY(cache.loadHead(QStringLiteral("s")).chats.isEmpty());
            QCOMPARE(cache.load(QStringLiteral("s")).chats.size(), 10);
        }
    }

    // Issue 14: with 20,000 saved chats the first row was painted after 1.1-1.6 s, when the
    // whole list was read, decoded, prepared and its first slice of 1,000 applied. The saved
    // head is shown first, and the rest joins it without the list going blank.
    void startShowsTheSavedHeadFirstThenTheRestBelowIt()
    {
        constexpr int kChats = 5000; // several slices
        FakeHttpServer http; // the server never answers: only the saved copy can show
        QVERIFY(http.listen());
        http.setHandler([](const HttpRequest&) {
            HttpResponse r;
            r.action = HttpResponse::Action::Hang;
            return r;
        });
        ApiConfig config;
        config.baseUrl = http.baseUrl();
        const QString org = QStringLiteral("org1");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        {
            LocalCache cache(path);
            const QString scope = LocalCache::scopeKey(config.baseUrl, org);
            QVERIFY(cache.saveChats(scope, chatsOldestFirst(kChats)));
            QVERIFY(cache.saveReadState(
                scope, QStringLiteral("C00001"), sampleChat({}).lastMessageAt.addDays(-1), 4));
        }
        ApiClient api(config);
        InboxStoreOptions options;
        options.localCachePath = path;
        InboxStore store(&api, nullptr, options);
        QAbstractItemModel* list = store.chatListModel();
        QAbstractItemModelTester tester(
            list, QAbstractItemModelTester::FailureReportingMode::QtTest);

        int firstShown = 0; // rows when the list first showed any
        QString firstTop;
        int firstBadge = -1;
        int blanked = 0; // the list emptied again after showing rows
        auto look = [&] {
            const int rows = list->rowCount();
            if (firstShown == 0 && rows > 0) {
                firstShown = rows;
                firstTop = list->index(0, 0).data(ChatListModel::IdRole).toString();
                firstBadge = list->index(1, 0).data(ChatListModel::UnreadCountRole).toInt();
            } else if (firstShown > 0 && rows == 0) {
                ++blanked;
            }
        };
        connect(list, &QAbstractItemModel::modelReset, this, look);
        connect(list, &QAbstractItemModel::rowsInserted, this, look);
        connect(list, &QAbstractItemModel::rowsRemoved, this, look);
        store.setOrganization(org);
        QTRY_COMPARE_WITH_TIMEOUT(list->rowCount(), kChats, 60000);

        QVERIFY2(firstShown <= LocalCache::HeadChats,
            qPrintable(QStringLiteral("first shown: %1 rows").arg(firstShown)));
        QCOMPARE(firstTop, QStringLiteral("C00000")); // the top of the list, with its badge
        QCOMPARE(firstBadge, 4);
        QCOMPARE(blanked, 0);
        for (int row : {0, 1, LocalCache::HeadChats - 1, LocalCache::HeadChats, kChats - 1})
            QCOMPARE(list->index(row, 0).data(ChatListModel::IdRole).toString(),
                QStringLiteral("C%1").arg(row, 5, 10, QLatin1Char('0')));
        QCOMPARE(list->index(1, 0).data(ChatListModel::UnreadCountRole).toInt(), 4);
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
