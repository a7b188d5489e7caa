#pragma once

//! \file errorlog.h
//! \brief The last N connection errors with their times and causes, and the retry schedule
//! ("retrying in 7 s, attempt 4"), for the connection panel and its report. No Widgets.
//!
//! Feed it from the realtime Client (watch()), its Subscriptions (watchSubscription()) and the
//! REST client (watchApi()), or record() failures yourself. The Client may live on another
//! thread: its signals reach this object queued, on this object's thread.

#include "models/diagnostics/causes.h"
#include "realtime/codes.h"

#include <QDateTime>
#include <QList>
#include <QObject>

namespace Centrifuge {
class Client;
class Subscription;
} // namespace Centrifuge

namespace WhaTrack {
class ApiClient;
struct ApiError;
} // namespace WhaTrack

namespace WhaTrack::Diagnostics {

struct LoggedError
{
    QDateTime time; //!< UTC
    Failure failure;
    Cause cause;
};

class ConnectionErrorLog : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionErrorLog(int capacity = 20, QObject* parent = nullptr);

    void watch(Centrifuge::Client* client);
    void watchSubscription(Centrifuge::Subscription* subscription);
    //! REST errors of the token routes (and the backend in general) from requestFinished().
    void watchApi(ApiClient* api);

    //! Oldest first, at most `capacity` entries. Repeats of the last error are kept (with
    //! their own time): "the same thing every 20 s" is worth seeing.
    QList<LoggedError> entries() const { return m_entries; }
    int capacity() const { return m_capacity; }

    //! The reconnect in progress: attempt number and when it is due; attempt 0 when none.
    int retryAttempt() const { return m_retryAttempt; }
    QDateTime retryDue() const { return m_retryDue; }
    //! "retrying in 7 s, attempt 4", "retrying now, attempt 4", or empty when none is scheduled.
    QString retryText(const QDateTime& now = QDateTime::currentDateTimeUtc()) const;

public Q_SLOTS:
    void record(const WhaTrack::Diagnostics::Failure& failure);
    void clear();

    // The Client's signals (public so tests and other sources can drive them).
    void onClientError(Centrifuge::ErrorType type, int code, const QString& message);
    void onConnecting(int code, const QString& reason);
    void onDisconnected(int code, const QString& reason);
    void onConnected();
    void onReconnectScheduled(int attempt, qint64 delayMs);

Q_SIGNALS:
    void errorRecorded(const WhaTrack::Diagnostics::LoggedError& entry);
    void retryScheduleChanged();

private:
    int m_capacity;
    QList<LoggedError> m_entries;
    int m_retryAttempt = 0;
    QDateTime m_retryDue;
};

} // namespace WhaTrack::Diagnostics

Q_DECLARE_METATYPE(WhaTrack::Diagnostics::LoggedError)
