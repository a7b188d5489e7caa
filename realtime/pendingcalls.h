#pragma once

//! \file pendingcalls.h
//! \brief Commands waiting for their reply: id -> handler + deadline. Each settles exactly once.

#include "realtime/overduetimer.h"
#include "realtime/protocol/messages.h"

#include <QDeadlineTimer>
#include <QObject>

#include <chrono>
#include <functional>
#include <map>

namespace Centrifuge {

//! How a call ended. `reply` is set when the server answered (with a result or an error);
//! otherwise `code`/`message` say why it failed on our side (timeout, connection closed...).
struct CallOutcome
{
    const Protocol::Reply* reply = nullptr;
    int code = 0;
    QString message;
};

class PendingCalls : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<void(const CallOutcome&)>;

    explicit PendingCalls(QObject* parent = nullptr);

    //! Allocates the next command id (uint32, never 0, wraps) and registers \a handler.
    quint32 add(std::chrono::milliseconds timeout, Handler handler);
    //! Hands \a reply to its handler. False if no call waits for that id (late or unknown).
    bool settle(const Protocol::Reply& reply);
    //! Fails one call (e.g. its frame could not be written). False if it already settled.
    bool fail(quint32 id, int code, const QString& message);
    //! Fails every call, in id order; handlers may add new calls meanwhile (they are kept).
    void failAll(int code, const QString& message);
    bool contains(quint32 id) const { return m_calls.count(id) != 0; }
    std::size_t size() const { return m_calls.size(); }

private:
    struct Call
    {
        QDeadlineTimer deadline;
        Handler handler;
    };
    void rearm();
    void expireOverdue();

    std::map<quint32, Call> m_calls;
    quint32 m_lastId = 0;
    OverdueTimer m_timer;
};

} // namespace Centrifuge
