#pragma once

//! \file subscription.h
//! \brief A client-side channel subscription with its own state, shaped like QMqttSubscription.

#include "realtime/callresult.h"
#include "realtime/clientoptions.h"
#include "realtime/codes.h"
#include "realtime/types.h"

#include <QFuture>
#include <QObject>

#include <memory>

namespace Centrifuge {

class Client;
class SubscriptionPrivate;

class Subscription : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString channel READ channel CONSTANT)

public:
    enum class State { Unsubscribed, Subscribing, Subscribed };
    Q_ENUM(State)

    ~Subscription() override;

    State state() const;
    QString channel() const;
    //! The last known stream position (persist it to resume across restarts with `since`).
    StreamPosition position() const;

    QFuture<CallResult> publish(const QByteArray& jsonData);
    QFuture<CallResult> history(
        int limit = 0, std::optional<StreamPosition> since = {}, bool reverse = false);
    QFuture<CallResult> presence();
    QFuture<CallResult> presenceStats();

public Q_SLOTS:
    //! Allowed before the client connects; the subscribe goes out with the connect command.
    void subscribe();
    //! Keeps the stream position so a later subscribe() can recover.
    void unsubscribe();

Q_SIGNALS:
    void stateChanged(Centrifuge::Subscription::State state);
    void subscribing(int code, const QString& reason);
    void subscribed(const Centrifuge::SubscribedEvent& event);
    void unsubscribed(int code, const QString& reason);
    void publication(const Centrifuge::Publication& publication);
    void joined(const Centrifuge::ClientInfo& info);
    void left(const Centrifuge::ClientInfo& info);
    void errorOccurred(Centrifuge::ErrorType type, int code, const QString& message);

private:
    friend class Client;
    friend class ClientPrivate;
    friend class ClientCalls;
    friend class ClientSubscriptions;
    Subscription(Client* client, QString channel, SubscriptionOptions options);
    std::unique_ptr<SubscriptionPrivate> d;
};

} // namespace Centrifuge
