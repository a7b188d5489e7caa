#include "models/cache/localcacheworker.h"

#include "models/logging.h"

#include <QPointer>

namespace WhaTrack {

LocalCacheWorker::LocalCacheWorker(QString path, QObject* parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("inbox-cache"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
    // The connection is made on the worker thread: QtSql connections are thread-bound.
    QMetaObject::invokeMethod(
        m_worker, [this, path] { m_cache = std::make_unique<LocalCache>(path); });
}

LocalCacheWorker::~LocalCacheWorker()
{
    QMetaObject::invokeMethod(
        m_worker, [this] { m_cache.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void LocalCacheWorker::run(std::function<void(LocalCache&)> job)
{
    QMetaObject::invokeMethod(m_worker, [this, job = std::move(job)] {
        if (m_cache && m_cache->isOpen())
            job(*m_cache);
    });
}

void LocalCacheWorker::load(
    const QString& org, QObject* context, std::function<void(CacheSnapshot)> done)
{
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(m_worker, [this, org, guard, done = std::move(done)] {
        CacheSnapshot snap;
        if (m_cache && m_cache->isOpen())
            snap = m_cache->load(org);
        if (!guard)
            return;
        QMetaObject::invokeMethod(
            guard.data(), [done, snap = std::move(snap)]() mutable { done(std::move(snap)); },
            Qt::QueuedConnection);
    });
}

void LocalCacheWorker::loadHead(
    const QString& scope, QObject* context, std::function<void(CacheHead)> done)
{
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(m_worker, [this, scope, guard, done = std::move(done)] {
        CacheHead head;
        if (m_cache && m_cache->isOpen())
            head = m_cache->loadHead(scope);
        if (!guard)
            return;
        QMetaObject::invokeMethod(
            guard.data(), [done, head = std::move(head)]() mutable { done(std::move(head)); },
            Qt::QueuedConnection);
    });
}

void LocalCacheWorker::saveChats(const QString& org, QList<ChatItem> chats)
{
    run([org, chats = std::move(chats)](LocalCache& c) { c.saveChats(org, chats); });
}

void LocalCacheWorker::saveMessages(
    const QString& org, const QString& chatId, QList<Message> newestPage)
{
    run([org, chatId, page = std::move(newestPage)](
            LocalCache& c) { c.saveMessages(org, chatId, page); });
}

void LocalCacheWorker::saveTicket(
    const QString& org, const QString& conversationId, std::optional<Ticket> ticket)
{
    run([org, conversationId, ticket = std::move(ticket)](
            LocalCache& c) { c.saveTicket(org, conversationId, ticket); });
}

void LocalCacheWorker::saveStages(const QString& org, QList<Stage> stages)
{
    run([org, stages = std::move(stages)](LocalCache& c) { c.saveStages(org, stages); });
}

void LocalCacheWorker::saveReadState(
    const QString& org, const QString& chatId, QDateTime lastSeen, int unread)
{
    run([org, chatId, lastSeen, unread](
            LocalCache& c) { c.saveReadState(org, chatId, lastSeen, unread); });
}

void LocalCacheWorker::forgetChats(const QString& scope, QStringList chatIds)
{
    run([scope, ids = std::move(chatIds)](LocalCache& c) { c.forgetChats(scope, ids); });
}

void LocalCacheWorker::flush()
{
    QMetaObject::invokeMethod(
        m_worker, [] {}, Qt::BlockingQueuedConnection);
}

} // namespace WhaTrack
