#pragma once

//! \file localcache.h
//! \brief The offline copy (SQLite through QtSql): chat list, latest message page of recent
//! chats, tickets, stages and per-chat last-seen times, per organization. No secrets in it.
//!
//! Schema versioned with `PRAGMA user_version`; the file is stamped with `PRAGMA application_id`.
//! A corrupt, foreign or newer-schema file is discarded with a log line and recreated, never a
//! crash. Synchronous and confined to one thread: LocalCacheWorker runs it off the GUI thread.

#include "models/apitypes.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

namespace WhaTrack {

struct CacheSnapshot
{
    QList<ChatItem> chats;
    QDateTime chatsSavedAt;
    QHash<QString, QList<Message>> messages; //!< chat id -> the latest page, oldest first
    QHash<QString, std::optional<Ticket>> tickets; //!< conversation id -> ticket or "none"
    QList<Stage> stages;
    QHash<QString, QDateTime> lastSeen; //!< chat id -> the agent's last-seen time
    QHash<QString, int> unread; //!< chat id -> client-side unread count
};

class LocalCache
{
public:
    static constexpr int SchemaVersion = 1;
    static constexpr qint32 ApplicationId = 0x57415452; // "WATR"

    //! Opens (creating, or discarding and recreating) \a path. Use isOpen() to check.
    explicit LocalCache(QString path);
    ~LocalCache();
    LocalCache(const LocalCache&) = delete;
    LocalCache& operator=(const LocalCache&) = delete;

    bool isOpen() const;
    //! True if the last open found a bad file and recreated it (for tests and diagnostics).
    bool wasRecreated() const { return m_recreated; }
    QString path() const { return m_path; }

    CacheSnapshot load(const QString& org, int maxChatsWithMessages = 50);
    bool saveChats(const QString& org, const QList<ChatItem>& chats);
    bool saveMessages(const QString& org, const QString& chatId, const QList<Message>& newestPage);
    bool saveTicket(
        const QString& org, const QString& conversationId, const std::optional<Ticket>& ticket);
    bool saveStages(const QString& org, const QList<Stage>& stages);
    bool saveReadState(
        const QString& org, const QString& chatId, const QDateTime& lastSeen, int unread);
    //! Drops everything of \a org (or all when empty).
    bool clear(const QString& org = {});

private:
    bool open(bool allowRecreate);
    bool checkAndMigrate();
    bool createSchema();
    void discardFile(const QString& why);
    bool exec(const QString& sql);

    QString m_path;
    QString m_connection;
    bool m_open = false;
    bool m_recreated = false;
};

} // namespace WhaTrack
