#include "models/diagnostics/errorlog.h"

#include "models/apiclient.h"
#include "models/diagnostics/causeadapters.h"
#include "realtime/client.h"
#include "realtime/subscription.h"

namespace WhaTrack::Diagnostics {

ConnectionErrorLog::ConnectionErrorLog(int capacity, QObject* parent)
    : QObject(parent)
    , m_capacity(qMax(1, capacity))
{
    qRegisterMetaType<LoggedError>();
}

void ConnectionErrorLog::watch(Centrifuge::Client* client)
{
    using Centrifuge::Client;
    connect(client, &Client::errorOccurred, this, &ConnectionErrorLog::onClientError);
    connect(client, &Client::connecting, this, &ConnectionErrorLog::onConnecting);
    connect(client, &Client::disconnected, this, &ConnectionErrorLog::onDisconnected);
    connect(client, &Client::connected, this, &ConnectionErrorLog::onConnected);
    connect(client, &Client::reconnectScheduled, this, &ConnectionErrorLog::onReconnectScheduled);
}

void ConnectionErrorLog::watchSubscription(Centrifuge::Subscription* subscription)
{
    using Centrifuge::Subscription;
    const QString channel = subscription->channel();
    connect(subscription, &Subscription::errorOccurred, this,
        [this, channel](Centrifuge::ErrorType type, int code, const QString& message) {
            Failure f = fromRealtimeError(Where::Subscribe, type, code, message);
            f.subject = channel;
            record(f);
        });
    connect(subscription, &Subscription::unsubscribed, this,
        [this, channel](
            int code, const QString& reason) { record(fromUnsubscribed(channel, code, reason)); });
}

void ConnectionErrorLog::watchApi(ApiClient* api)
{
    connect(api, &ApiClient::requestFinished, this,
        [this](const QString& route, int, qint64, const ApiError& error) {
            if (error.ok() || error.kind == ApiError::Kind::Canceled)
                return;
            Where where = Where::Backend;
            if (route.contains(QLatin1String("/centrifugo/subscription-token")))
                where = Where::SubscriptionTokenRoute;
            else if (route.contains(QLatin1String("/centrifugo/token")))
                where = Where::TokenRoute;
            else if (route.contains(QLatin1String("/auth/")))
                where = Where::SignIn;
            record(fromApiError(where, error));
        });
}

QString ConnectionErrorLog::retryText(const QDateTime& now) const
{
    if (m_retryAttempt <= 0 || !m_retryDue.isValid())
        return {};
    const qint64 seconds = (now.msecsTo(m_retryDue) + 999) / 1000;
    if (seconds <= 0)
        return tr("retrying now, attempt %1").arg(m_retryAttempt);
    return tr("retrying in %1 s, attempt %2").arg(seconds).arg(m_retryAttempt);
}

void ConnectionErrorLog::record(const Failure& failure)
{
    if (failure.isNone())
        return;
    LoggedError entry {QDateTime::currentDateTimeUtc(), failure, explain(failure)};
    m_entries.append(entry);
    while (m_entries.size() > m_capacity)
        m_entries.removeFirst();
    Q_EMIT errorRecorded(entry);
}

void ConnectionErrorLog::clear()
{
    m_entries.clear();
}

void ConnectionErrorLog::onClientError(Centrifuge::ErrorType type, int code, const QString& message)
{
    record(fromRealtimeError(Where::Connect, type, code, message));
}

void ConnectionErrorLog::onConnecting(int code, const QString& reason)
{
    // Server disconnect codes and "no ping" arrive here (the reconnect follows); the transport's
    // own errors were recorded by onClientError already.
    if (code >= 3000 || code == Centrifuge::ConnectingCode::NoPing)
        record(fromConnecting(code, reason));
}

void ConnectionErrorLog::onDisconnected(int code, const QString& reason)
{
    record(fromDisconnect(code, reason));
    if (m_retryAttempt != 0) {
        m_retryAttempt = 0;
        m_retryDue = {};
        Q_EMIT retryScheduleChanged();
    }
}

void ConnectionErrorLog::onConnected()
{
    if (m_retryAttempt != 0) {
        m_retryAttempt = 0;
        m_retryDue = {};
        Q_EMIT retryScheduleChanged();
    }
}

void ConnectionErrorLog::onReconnectScheduled(int attempt, qint64 delayMs)
{
    m_retryAttempt = attempt;
    m_retryDue = QDateTime::currentDateTimeUtc().addMSecs(delayMs);
    Q_EMIT retryScheduleChanged();
}

} // namespace WhaTrack::Diagnostics
