#pragma once

//! \file localcache.h
//! \brief The offline copy (SQLite through QtSql): chat list, latest message page of recent
//! chats, tickets, stages and per-chat last-seen times, per backend and organization. No secrets.
//!
//! Everything is stored under a *scope*: scopeKey(backend, organization). Two backends whose
//! organizations share an id (a reused profile against a fresh stack, staging and production)
//! never see each other's chats or unread counts, even in one file. The file is created 0600 in
//! a folder created 0700 (see privatefiles.h): it holds customer names, phones and messages.
//!
//! Schema versioned with `PRAGMA user_version`; the file is stamped with `PRAGMA application_id`.
//! A corrupt, foreign or newer-schema file is discarded with a log line and recreated, never a
//! crash. Synchronous and confined to one thread: LocalCacheWorker runs it off the GUI thread.

#include "models/api/apitypes.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QString>
#include <QUrl>

#include <optional>

namespace WhaTrack {

struct CacheSnapshot
{
    QList<ChatItem> chats;
    //! chatRevision() of each of `chats`, computed off the GUI thread for the list's diff.
    QList<quint64> chatRevisions;
    QDateTime chatsSavedAt;
    QHash<QString, QList<Message>> messages; //!< chat id -> the latest page, oldest first
    QHash<QString, std::optional<Ticket>> tickets; //!< conversation id -> ticket or "none"
    QList<Stage> stages;
    QHash<QString, QDateTime> lastSeen; //!< chat id -> the agent's last-seen time
    QHash<QString, int> unread; //!< chat id -> client-side unread count
};

//! The first screenful of the saved chat list, read before the rest (issue 14): the whole list
//! of 20,000 chats is 14 MB of JSON whose decode takes most of a second, its top rows a few ms.
struct CacheHead
{
    QList<ChatItem> chats; //!< the top of the list, in display order (chatShowsBefore)
    QHash<QString, int> unread; //!< their client-side unread counts (chats with none omitted)
};

class LocalCache
{
public:
    //! 2: the `org` columns hold scope keys. A version-1 file (keyed by the bare organization id,
    //! so possibly another backend's data) is discarded and rebuilt from the server.
    static constexpr int SchemaVersion = 2;
    static constexpr qint32 ApplicationId = 0x57415452; // "WATR"
    //! Chats saved apart as the list's head: more than a tall window shows, so the first paint
    //! needs nothing else, few enough to decode in a few ms.
    static constexpr int HeadChats = 200;

    //! The backend's identity: scheme, host and port (the default one spelled out), and path,
    //! lower-cased where case does not matter; never its user info, query or fragment.
    static QString normalizedBackend(const QUrl& backend);
    //! The key of one organization of one backend (a hash: no host or id in clear in the file).
    static QString scopeKey(const QUrl& backend, const QString& organizationId);
    //! The default file name for \a backend ("inbox-cache-<hash>.sqlite").
    static QString fileNameFor(const QUrl& backend);
    //! Removes the files of older versions ("cache-<host>.sqlite", keyed by host only) in
    //! \a dir. Returns how many were removed.
    static int removeLegacyFiles(const QString& dir);

    //! Opens (creating, or discarding and recreating) \a path. Use isOpen() to check.
    explicit LocalCache(QString path);
    ~LocalCache();
    LocalCache(const LocalCache&) = delete;
    LocalCache& operator=(const LocalCache&) = delete;

    bool isOpen() const;
    //! True if the last open found a bad file and recreated it (for tests and diagnostics).
    bool wasRecreated() const { return m_recreated; }
    QString path() const { return m_path; }

    // Every \a scope below is a scopeKey().
    CacheSnapshot load(const QString& scope, int maxChatsWithMessages = 50);
    //! The head of the list saved by the last saveChats() (empty for a file written before
    //! heads were saved: load() then is the only source).
    CacheHead loadHead(const QString& scope);
    //! Saves the server's full list, and its head (the top HeadChats in display order) in the
    //! same transaction, and forgets the saved messages, tickets and read state of
    //! chats it no longer lists (so they cannot come back as unread ghosts at the next start).
    bool saveChats(const QString& scope, const QList<ChatItem>& chats);
    bool saveMessages(
        const QString& scope, const QString& chatId, const QList<Message>& newestPage);
    bool saveTicket(
        const QString& scope, const QString& conversationId, const std::optional<Ticket>& ticket);
    bool saveStages(const QString& scope, const QList<Stage>& stages);
    bool saveReadState(
        const QString& scope, const QString& chatId, const QDateTime& lastSeen, int unread);
    //! Forgets the read state and messages of chats the server no longer lists.
    bool forgetChats(const QString& scope, const QStringList& chatIds);
    //! Drops everything of \a scope (or all when empty).
    bool clear(const QString& scope = {});

private:
    bool open(bool allowRecreate);
    bool checkAndMigrate();
    bool createSchema();
    void discardFile(const QString& why);
    bool exec(const QString& sql);
    void pruneChats(const QString& scope, const QSet<QString>& keep);

    QString m_path;
    QString m_connection;
    bool m_open = false;
    bool m_recreated = false;
};

} // namespace WhaTrack
