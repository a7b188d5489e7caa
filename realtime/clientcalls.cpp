#include "realtime/clientcalls.h"

#include "realtime/client.h"
#include "realtime/connectionlink.h"
#include "realtime/logging.h"
#include "realtime/protocol/codec.h"
#include "realtime/subscription_p.h"

#include <QPointer>
#include <QThread>
#include <QTimer>

namespace Centrifuge {

ClientCalls::ClientCalls(Client* q, const ClientOptions& options, ConnectionLink& link)
    : m_q(q)
    , m_options(options)
    , m_link(link)
    , m_replies(new PendingCalls(q))
    , m_waitingTimer(new QTimer(q))
{
    m_waitingTimer->setSingleShot(true);
    QObject::connect(m_waitingTimer, &QTimer::timeout, q, [this] { expireWaiting(); });
}

void ClientCalls::settle(const Promise& promise, CallResult result)
{
    promise->addResult(std::move(result));
    promise->finish();
}

CallResult ClientCalls::resultFromOutcome(const CallOutcome& outcome)
{
    CallResult result;
    if (!outcome.reply) {
        result.code = outcome.code;
        result.message = outcome.message;
        return result;
    }
    if (const auto& error = outcome.reply->error) {
        result.code = error->code;
        result.message = error->message;
        result.temporary = error->temporary;
        return result;
    }
    result.result = outcome.reply->result;
    return result;
}

QFuture<CallResult> ClientCalls::call(Protocol::Request request)
{
    auto promise = std::make_shared<QPromise<CallResult>>();
    promise->start();
    QFuture<CallResult> future = promise->future();
    if (QThread::currentThread() != m_q->thread()) {
        QMetaObject::invokeMethod(
            m_q, [this, request = std::move(request), promise] { dispatch(request, promise); },
            Qt::QueuedConnection);
    } else {
        dispatch(std::move(request), promise);
    }
    return future;
}

void ClientCalls::dispatch(Protocol::Request request, const Promise& promise)
{
    switch (m_link.state()) {
    case Client::State::Closed:
        settle(promise,
            CallResult {CallCode::ClientClosed, QStringLiteral("client closed"), false, {}});
        return;
    case Client::State::Disconnected:
        settle(promise,
            CallResult {
                CallCode::ClientDisconnected, QStringLiteral("client disconnected"), false, {}});
        return;
    case Client::State::Connecting:
        m_waiting.push_back(Waiting {
            std::move(request), promise, QDeadlineTimer(m_options.timeout, Qt::PreciseTimer)});
        if (!m_waitingTimer->isActive())
            m_waitingTimer->start(m_options.timeout);
        return;
    case Client::State::Connected:
        send(std::move(request), promise);
        return;
    }
}

void ClientCalls::send(Protocol::Request request, const Promise& promise)
{
    if (std::holds_alternative<Protocol::SendRequest>(request)) {
        // `send` has no reply: it settles once the frame is written.
        const bool written
            = m_link.sendFrame(Protocol::encodeCommand(Protocol::Command {0, request}));
        settle(promise,
            written ? CallResult {}
                    : CallResult {CallCode::TransportWriteError,
                        QStringLiteral("transport write error"), false, {}});
        return;
    }
    const quint32 id = m_replies->add(m_options.timeout,
        [promise](const CallOutcome& outcome) { settle(promise, resultFromOutcome(outcome)); });
    if (!m_link.sendFrame(Protocol::encodeCommand(Protocol::Command {id, std::move(request)})))
        m_replies->fail(id, CallCode::TransportWriteError, QStringLiteral("transport write error"));
}

void ClientCalls::flushWaiting()
{
    m_waitingTimer->stop();
    std::vector<Waiting> ready;
    ready.swap(m_waiting);
    for (Waiting& entry : ready) {
        if (m_link.state() == Client::State::Connected)
            send(std::move(entry.request), entry.promise);
        else
            dispatch(std::move(entry.request), entry.promise);
    }
}

void ClientCalls::failWaiting(int code, const QString& message)
{
    m_waitingTimer->stop();
    std::vector<Waiting> failed;
    failed.swap(m_waiting);
    for (Waiting& entry : failed)
        settle(entry.promise, CallResult {code, message, false, {}});
}

void ClientCalls::expireWaiting()
{
    std::vector<Waiting> keep;
    std::vector<Waiting> expired;
    for (Waiting& entry : m_waiting)
        (entry.deadline.hasExpired() ? expired : keep).push_back(std::move(entry));
    m_waiting.swap(keep);
    if (!m_waiting.empty()) {
        qint64 next = std::numeric_limits<qint64>::max();
        for (const Waiting& entry : m_waiting)
            next = std::min(next, entry.deadline.remainingTime());
        m_waitingTimer->start(int(std::max<qint64>(next, 0)));
    }
    for (Waiting& entry : expired)
        settle(entry.promise, CallResult {CallCode::Timeout, QStringLiteral("timeout"), false, {}});
}

// ---- calls of a subscription ----------------------------------------------------------------
// While subscribing they wait for `subscribed` (the SDKs' ready()), within the call timeout;
// `unsubscribed` fails them with 7. Subscribed: they go like any client call.

QFuture<CallResult> ClientCalls::subscriptionCall(
    Subscription* subscription, Protocol::Request request)
{
    auto promise = std::make_shared<QPromise<CallResult>>();
    promise->start();
    QFuture<CallResult> future = promise->future();
    QPointer<Subscription> guard = subscription;
    auto run = [this, guard, request = std::move(request), promise]() mutable {
        if (!guard) {
            settle(promise,
                CallResult {CallCode::SubscriptionUnsubscribed,
                    QStringLiteral("subscription unsubscribed"), false, {}});
            return;
        }
        SubscriptionPrivate* sp = guard->d.get();
        switch (sp->state.load()) {
        case Subscription::State::Unsubscribed:
            settle(promise,
                CallResult {CallCode::SubscriptionUnsubscribed,
                    QStringLiteral("subscription unsubscribed"), false, {}});
            return;
        case Subscription::State::Subscribing:
            sp->waitingCalls.push_back(SubscriptionPrivate::WaitingCall {
                std::move(request), promise, QDeadlineTimer(m_options.timeout, Qt::PreciseTimer)});
            if (!sp->waitingTimer.isActive())
                sp->waitingTimer.start(m_options.timeout);
            return;
        case Subscription::State::Subscribed:
            dispatch(std::move(request), promise);
            return;
        }
    };
    if (QThread::currentThread() != m_q->thread())
        QMetaObject::invokeMethod(m_q, std::move(run), Qt::QueuedConnection);
    else
        run();
    return future;
}

void ClientCalls::flushSubscriptionCalls(SubscriptionPrivate* sp)
{
    sp->waitingTimer.stop();
    std::vector<SubscriptionPrivate::WaitingCall> ready;
    ready.swap(sp->waitingCalls);
    for (SubscriptionPrivate::WaitingCall& entry : ready)
        dispatch(std::move(entry.request), entry.promise);
}

void ClientCalls::failSubscriptionCalls(SubscriptionPrivate* sp, int code, const QString& message)
{
    sp->waitingTimer.stop();
    std::vector<SubscriptionPrivate::WaitingCall> failed;
    failed.swap(sp->waitingCalls);
    for (SubscriptionPrivate::WaitingCall& entry : failed)
        settle(entry.promise, CallResult {code, message, false, {}});
}

void ClientCalls::expireSubscriptionCalls(SubscriptionPrivate* sp)
{
    std::vector<SubscriptionPrivate::WaitingCall> keep;
    std::vector<SubscriptionPrivate::WaitingCall> expired;
    for (SubscriptionPrivate::WaitingCall& entry : sp->waitingCalls)
        (entry.deadline.hasExpired() ? expired : keep).push_back(std::move(entry));
    sp->waitingCalls.swap(keep);
    if (!sp->waitingCalls.empty()) {
        qint64 next = std::numeric_limits<qint64>::max();
        for (const SubscriptionPrivate::WaitingCall& entry : sp->waitingCalls)
            next = std::min(next, entry.deadline.remainingTime());
        sp->waitingTimer.start(int(std::max<qint64>(next, 0)));
    }
    if (!expired.empty())
        qCInfo(lcRealtime) << expired.size() << "call(s) on" << sp->channel
                           << "timed out m_waiting for the subscription";
    for (SubscriptionPrivate::WaitingCall& entry : expired)
        settle(entry.promise, CallResult {CallCode::Timeout, QStringLiteral("timeout"), false, {}});
}

} // namespace Centrifuge
