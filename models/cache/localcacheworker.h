#pragma once

//! \file localcacheworker.h
//! \brief Runs a LocalCache on its own thread so SQLite never blocks the GUI. Every method may
//! be called from the owner's thread; work is queued to the worker thread, results come back
//! queued to \a context.

#include "models/cache/localcache.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace WhaTrack {

class LocalCacheWorker : public QObject
{
    Q_OBJECT

public:
    explicit LocalCacheWorker(QString path, QObject* parent = nullptr);
    ~LocalCacheWorker() override;

    // Every \a scope is a LocalCache::scopeKey() (backend + organization).
    //! Loads \a scope on the worker and calls \a done on \a context's thread.
    void load(const QString& scope, QObject* context, std::function<void(CacheSnapshot)> done);
    //! Loads the head of \a scope's saved list (LocalCache::loadHead) the same way; queued
    //! before load(), it is answered first.
    void loadHead(const QString& scope, QObject* context, std::function<void(CacheHead)> done);
    void saveChats(const QString& scope, QList<ChatItem> chats);
    void saveMessages(const QString& scope, const QString& chatId, QList<Message> newestPage);
    void saveTicket(
        const QString& scope, const QString& conversationId, std::optional<Ticket> ticket);
    void saveStages(const QString& scope, QList<Stage> stages);
    void saveReadState(const QString& scope, const QString& chatId, QDateTime lastSeen, int unread);
    void forgetChats(const QString& scope, QStringList chatIds);
    //! Blocks until the queued writes are done (tests, shutdown).
    void flush();

private:
    void run(std::function<void(LocalCache&)> job);

    QThread m_thread;
    QObject* m_worker = nullptr; //!< lives on m_thread
    std::unique_ptr<LocalCache> m_cache; //!< created and used on m_thread only
};

} // namespace WhaTrack
