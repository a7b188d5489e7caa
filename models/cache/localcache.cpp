#include "models/cache/localcache.h"

#include "models/api/apicodec.h"
#include "models/cache/privatefiles.h"
#include "models/items/chatrevisions.h"
#include "models/logging.h"

#include <QAtomicInteger>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>
#include <numeric>

namespace WhaTrack {

namespace {

QAtomicInteger<int> s_connectionCounter;

QByteArray jsonArray(const QList<QByteArray>& items)
{
    QByteArray out = "[";
    for (int i = 0; i < items.size(); ++i) {
        if (i)
            out += ',';
        out += items.at(i);
    }
    out += ']';
    return out;
}

qint64 ms(const QDateTime& t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

QString sha256Hex(const QString& text, int hexChars)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex().left(hexChars));
}

const char* const kSidecars[] = {"-wal", "-shm", "-journal"};

// Added after schema version 2 without a version bump: a file from before gets the table (and
// a head at its next saveChats); an older app ignores it.
const char* const kCreateChatHeads = "CREATE TABLE IF NOT EXISTS chat_heads (org TEXT PRIMARY KEY, "
                                     "saved_at INTEGER NOT NULL, json BLOB NOT NULL)";

} // namespace

QString LocalCache::normalizedBackend(const QUrl& backend)
{
    const QUrl u = backend.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment
        | QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    const QString scheme = u.scheme().toLower();
    const bool secure = scheme == QLatin1String("https") || scheme == QLatin1String("wss");
    QString path = u.path();
    while (path.endsWith(QLatin1Char('/'))) // "/" is the root: same backend as no path
        path.chop(1);
    return QStringLiteral("%1://%2:%3%4")
        .arg(scheme, u.host().toLower())
        .arg(u.port(secure ? 443 : 80))
        .arg(path);
}

QString LocalCache::scopeKey(const QUrl& backend, const QString& organizationId)
{
    // '\n' cannot occur in a normalized URL: no two (backend, org) pairs give the same text.
    return sha256Hex(normalizedBackend(backend) + QLatin1Char('\n') + organizationId, 32);
}

QString LocalCache::fileNameFor(const QUrl& backend)
{
    return QStringLiteral("inbox-cache-%1.sqlite").arg(sha256Hex(normalizedBackend(backend), 16));
}

int LocalCache::removeLegacyFiles(const QString& dir)
{
    int removed = 0;
    const QStringList names = QDir(dir).entryList(
        {QStringLiteral("cache-*.sqlite"), QStringLiteral("cache-*.sqlite-wal"),
            QStringLiteral("cache-*.sqlite-shm"), QStringLiteral("cache-*.sqlite-journal")},
        QDir::Files | QDir::Hidden);
    for (const QString& name : names)
        removed += QFile::remove(QDir(dir).filePath(name)) ? 1 : 0;
    if (removed)
        qCInfo(lcCache) << "removed" << removed << "local cache file(s) of an older version";
    return removed;
}

LocalCache::LocalCache(QString path)
    : m_path(std::move(path))
    , m_connection(QStringLiteral("inbox-cache-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1)))
{
    // A folder made for the cache is private; an existing one (given by --local-cache) is the
    // agent's choice and left alone, the file itself is private anyway.
    PrivateFiles::ensureDirectory(QFileInfo(m_path).absolutePath(), false);
    open(true);
}

LocalCache::~LocalCache()
{
    if (QSqlDatabase::contains(m_connection)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool LocalCache::isOpen() const
{
    return m_open;
}

bool LocalCache::exec(const QString& sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(sql)) {
        qCWarning(lcCache) << "cache statement failed:" << q.lastError().text();
        return false;
    }
    return true;
}

bool LocalCache::open(bool allowRecreate)
{
    m_open = false;
    // SQLite creates the file 0644 and its -wal/-shm/-journal with the file's mode: create it
    // 0600 first (an empty file is a new database to SQLite), and tighten an older one.
    PrivateFiles::ensureFile(m_path);
    for (const char* suffix : kSidecars)
        PrivateFiles::restrictIfExists(m_path + QLatin1String(suffix));
    {
        QSqlDatabase db = QSqlDatabase::contains(m_connection)
            ? QSqlDatabase::database(m_connection, false)
            : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(m_path);
        if (!db.open()) {
            qCWarning(lcCache) << "cannot open the local cache" << m_path << ":"
                               << db.lastError().text();
            if (!allowRecreate)
                return false;
            discardFile(db.lastError().text());
            return open(false);
        }
    }
    if (!checkAndMigrate()) {
        if (!allowRecreate)
            return false;
        return open(false);
    }
    for (const char* suffix : kSidecars) // created by the journal-mode switch
        PrivateFiles::restrictIfExists(m_path + QLatin1String(suffix));
    m_open = true;
    qCInfo(lcCache) << "local cache ready:" << m_path;
    return true;
}

void LocalCache::discardFile(const QString& why)
{
    qCWarning(lcCache) << "discarding the local cache" << m_path << "(" << why
                       << ") and starting a new one";
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(m_path + QLatin1String(suffix));
    m_recreated = true;
}

bool LocalCache::checkAndMigrate()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    // The first read of a non-database file fails here ("file is not a database").
    if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next()) {
        discardFile(QStringLiteral("unreadable: ") + q.lastError().text());
        return false;
    }
    if (q.value(0).toString() != QLatin1String("ok")) {
        discardFile(QStringLiteral("integrity check failed"));
        return false;
    }
    q.exec(QStringLiteral("PRAGMA application_id"));
    const qint32 appId = q.next() ? q.value(0).toInt() : 0;
    q.exec(QStringLiteral("PRAGMA user_version"));
    const int version = q.next() ? q.value(0).toInt() : 0;
    q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"));
    const int objects = q.next() ? q.value(0).toInt() : 0;
    q.finish(); // an unfinished SELECT holds a read transaction: no journal-mode change then

    if (appId == 0 && version == 0 && objects == 0)
        return createSchema(); // a new file
    if (appId != ApplicationId) {
        discardFile(QStringLiteral("not an inbox cache (application id %1)").arg(appId));
        return false;
    }
    if (version != SchemaVersion) {
        // Older files are keyed by organization only (possibly another backend's data), newer
        // ones are unknown: either way the copy is rebuilt from the server.
        discardFile(
            QStringLiteral("schema version %1, expected %2").arg(version).arg(SchemaVersion));
        return false;
    }
    exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    return exec(QLatin1String(kCreateChatHeads));
}

bool LocalCache::createSchema()
{
    const QStringList statements {
        QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA synchronous=NORMAL"),
        QStringLiteral("CREATE TABLE chat_lists (org TEXT PRIMARY KEY, saved_at INTEGER NOT NULL, "
                       "json BLOB NOT NULL)"),
        QStringLiteral("CREATE TABLE messages (org TEXT NOT NULL, chat_id TEXT NOT NULL, saved_at "
                       "INTEGER NOT NULL, "
                       "json BLOB NOT NULL, PRIMARY KEY (org, chat_id))"),
        QStringLiteral("CREATE TABLE tickets (org TEXT NOT NULL, conversation_id TEXT NOT NULL, "
                       "saved_at INTEGER "
                       "NOT NULL, json BLOB, PRIMARY KEY (org, conversation_id))"),
        QStringLiteral("CREATE TABLE stages (org TEXT PRIMARY KEY, saved_at INTEGER NOT NULL, json "
                       "BLOB NOT NULL)"),
        QStringLiteral("CREATE TABLE read_state (org TEXT NOT NULL, chat_id TEXT NOT NULL, "
                       "last_seen INTEGER NOT "
                       "NULL, unread INTEGER NOT NULL, PRIMARY KEY (org, chat_id))"),
        QLatin1String(kCreateChatHeads),
        QStringLiteral("PRAGMA application_id=%1").arg(ApplicationId),
        QStringLiteral("PRAGMA user_version=%1").arg(SchemaVersion),
    };
    for (const auto& s : statements) {
        if (!exec(s))
            return false;
    }
    qCInfo(lcCache) << "created local cache schema version" << SchemaVersion;
    return true;
}

bool LocalCache::saveChats(const QString& scope, const QList<ChatItem>& chats)
{
    if (!m_open)
        return false;
    QList<QByteArray> items;
    items.reserve(chats.size());
    for (const auto& c : chats)
        items.append(Codec::encodeChat(c));
    // The head: the rows the list shows first, in that order (what the proxy sorts by).
    QList<qsizetype> order(chats.size());
    std::iota(order.begin(), order.end(), qsizetype(0));
    const auto headEnd = order.begin() + std::min<qsizetype>(HeadChats, order.size());
    std::partial_sort(order.begin(), headEnd, order.end(),
        [&chats](qsizetype a, qsizetype b) { return chatShowsBefore(chats.at(a), chats.at(b)); });
    QList<QByteArray> headItems;
    headItems.reserve(headEnd - order.begin());
    for (auto it = order.begin(); it != headEnd; ++it)
        headItems.append(items.at(*it));
    QSet<QString> keep;
    keep.reserve(chats.size() * 2);
    for (const auto& c : chats) {
        keep.insert(c.id);
        if (!c.conversationId.isEmpty())
            keep.insert(c.conversationId); // tickets are saved by conversation id
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.transaction(); // the list and its pruning land together
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO chat_lists (org, saved_at, json) VALUES (?, ?, ?)"));
    q.addBindValue(scope);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(jsonArray(items));
    if (!q.exec()) {
        qCWarning(lcCache) << "saving the chat list failed:" << q.lastError().text();
        db.rollback();
        return false;
    }
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO chat_heads (org, saved_at, json) VALUES (?, ?, ?)"));
    q.addBindValue(scope);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(jsonArray(headItems));
    if (!q.exec()) { // a list without its head would show an older head at the next start
        qCWarning(lcCache) << "saving the chat list's head failed:" << q.lastError().text();
        db.rollback();
        return false;
    }
    pruneChats(scope, keep);
    if (!db.commit())
        return false;
    // The list (tens of MB at 70,000 chats) goes from the WAL into the file now, on this
    // thread: left there, the checkpoint ran when the cache closed, while the GUI thread
    // waited for it in ~LocalCacheWorker (a 470 ms stall at sign-out or quit; issue 8).
    exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    return true;
}

void LocalCache::pruneChats(const QString& scope, const QSet<QString>& keep)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    int pruned = 0;
    const std::pair<const char*, const char*> tables[]
        = {{"read_state", "chat_id"}, {"messages", "chat_id"}, {"tickets", "conversation_id"}};
    for (const auto& [table, column] : tables) {
        QStringList gone;
        {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE org = ?")
                          .arg(QLatin1String(column), QLatin1String(table)));
            q.addBindValue(scope);
            if (!q.exec())
                continue;
            while (q.next()) {
                const QString id = q.value(0).toString();
                if (!keep.contains(id))
                    gone.append(id);
            }
        }
        QSqlQuery del(db);
        del.prepare(QStringLiteral("DELETE FROM %1 WHERE org = ? AND %2 = ?")
                        .arg(QLatin1String(table), QLatin1String(column)));
        for (const QString& id : std::as_const(gone)) {
            del.bindValue(0, scope);
            del.bindValue(1, id);
            pruned += del.exec() ? 1 : 0;
        }
    }
    if (pruned)
        qCInfo(lcCache) << "forgot" << pruned << "saved rows of chats the server no longer lists";
}

bool LocalCache::forgetChats(const QString& scope, const QStringList& chatIds)
{
    if (!m_open || chatIds.isEmpty())
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.transaction();
    bool ok = true;
    for (const char* table : {"read_state", "messages"}) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM %1 WHERE org = ? AND chat_id = ?")
                      .arg(QLatin1String(table)));
        for (const QString& id : chatIds) {
            q.bindValue(0, scope);
            q.bindValue(1, id);
            ok &= q.exec();
        }
    }
    return db.commit() && ok;
}

bool LocalCache::saveMessages(
    const QString& scope, const QString& chatId, const QList<Message>& newestPage)
{
    if (!m_open)
        return false;
    QList<QByteArray> items;
    for (const auto& m : newestPage) {
        if (!m.optimistic) // only what the server confirmed
            items.append(Codec::encodeMessage(m));
    }
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO messages (org, chat_id, saved_at, json) VALUES (?, ?, ?, ?)"));
    q.addBindValue(scope);
    q.addBindValue(chatId);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(jsonArray(items));
    return q.exec();
}

bool LocalCache::saveTicket(
    const QString& scope, const QString& conversationId, const std::optional<Ticket>& ticket)
{
    if (!m_open)
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO tickets (org, conversation_id, saved_at, "
                             "json) VALUES (?, ?, ?, ?)"));
    q.addBindValue(scope);
    q.addBindValue(conversationId);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(ticket ? Codec::encodeTicket(*ticket) : QByteArrayLiteral("null"));
    return q.exec();
}

bool LocalCache::saveStages(const QString& scope, const QList<Stage>& stages)
{
    if (!m_open)
        return false;
    QList<QByteArray> items;
    for (const auto& s : stages)
        items.append(Codec::encodeStage(s));
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO stages (org, saved_at, json) VALUES (?, ?, ?)"));
    q.addBindValue(scope);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(jsonArray(items));
    return q.exec();
}

bool LocalCache::saveReadState(
    const QString& scope, const QString& chatId, const QDateTime& lastSeen, int unread)
{
    if (!m_open)
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO read_state (org, chat_id, last_seen, unread) VALUES (?, ?, ?, ?)"));
    q.addBindValue(scope);
    q.addBindValue(chatId);
    q.addBindValue(ms(lastSeen));
    q.addBindValue(unread);
    return q.exec();
}

bool LocalCache::clear(const QString& scope)
{
    if (!m_open)
        return false;
    bool ok = true;
    for (const char* table :
        {"chat_lists", "chat_heads", "messages", "tickets", "stages", "read_state"}) {
        QSqlQuery q(QSqlDatabase::database(m_connection, false));
        if (scope.isEmpty()) {
            ok &= q.exec(QStringLiteral("DELETE FROM %1").arg(QLatin1String(table)));
        } else {
            q.prepare(QStringLiteral("DELETE FROM %1 WHERE org = ?").arg(QLatin1String(table)));
            q.addBindValue(scope);
            ok &= q.exec();
        }
    }
    return ok;
}

} // namespace WhaTrack
