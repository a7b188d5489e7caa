#pragma once

//! \file benchserver.h
//! \brief The server side of bench_models, run in its own process (`bench_models --serve`) so
//! the client's RSS and event loop measure only the data layer: a WhaTrack-shaped REST fake
//! with N chats and M messages in chat 0, the REAL Centrifugo v6 (started and stopped by this
//! process, tests/support/localcentrifugo.h), and a publisher that stores messages then
//! publishes them through Centrifugo's HTTP API at a given rate, in batches (/api/batch).
//! Publication bodies carry the CLOCK_MONOTONIC time their batch was sent ("t=<ns>"),
//! comparable across processes on Linux.

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QObject>

namespace BenchModels {

inline const QString kOrg = QStringLiteral("bench-org");
inline const QString kChannel = QStringLiteral("org:bench-org:messages");
inline const QString kOpenChat = QStringLiteral("chat000000");

qint64 monotonicNs();
QString chatId(int index);

//! Serialised entities, shared by the HTTP thread and the publisher thread.
class BenchData
{
public:
    BenchData(int chats, int messages);
    QByteArray chatsBody();
    QByteArray messagesBody(int page, int pageSize);
    //! Stores a new inbound message in \a chat; returns its id.
    QString addMessage(int chat, const QString& body, qint64 epochMs);

private:
    QByteArray chatJson(int index) const;
    QByteArray messageJson(
        const QString& id, const QString& chat, const QString& body, qint64 epochMs) const;

    QMutex m_mutex;
    struct Chat
    {
        QString id;
        qint64 lastMs = 0;
        QByteArray lastMessage;
        QByteArray json;
    };
    QList<Chat> m_chats;
    QList<QByteArray> m_messages; //!< chat 0, oldest first
    QByteArray m_chatsBody; //!< cached join, rebuilt after a change
    qint64 m_version = 0; //!< bumped by every change: a join built meanwhile is not cached
    qint64 m_nextId = 0;
};

//! Runs the server until stdin closes. Prints "READY <http-port> <ws-url> <token>" when
//! listening (token: an HS256 connection JWT for the real Centrifugo); after a storm,
//! "DONE <published> <failed batches> <batch call p50> <p99> <max ms> <publisher lag p50> <p99>
//! <max ms> <batches>" (lag: from when a publication was due to when its batch was sent).
int runServer(int chats, int messages);

} // namespace BenchModels
