// Calls (publish, history, presence, presence_stats, rpc, send). Each settles its QFuture
// exactly once: reply, timeout, "connection closed" (11), "client disconnected" (3) or "client
// closed" (4). Calls made while connecting wait for the connection, within their timeout.

#include "realtime/client_p.h"
#include "realtime/logging.h"
#include "realtime/protocol/codec.h"
#include "realtime/subscription_p.h"

#include <QPointer>
#include <QThread>

namespace Centrifuge {

void ClientPrivate::settle(const Promise& promise, CallResult result)
{
    promise->addResult(std::move(result));
    promise->finish();
}

CallResult ClientPrivate::resultFromOutcome(const CallOutcome& outcome)
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

QFuture<CallResult> ClientPrivate::call(Protocol::Request request)
{
    auto promise = std::make_shared<QPromise<CallResult>>();
    promise->start();
    QFuture<CallResult> future = promise->future();
    if (QThread::currentThread() != q->thread()) {
        QMetaObject::invokeMethod(
            q, [this, request = std::move(request), promise] { dispatchCall(request, promise); },
            Qt::QueuedConnection);
    } else {
        dispatchCall(std::move(request), promise);
    }
    return future;
}

void ClientPrivate::dispatchCall(Protocol::Request request, const Promise& promise)
{
    switch (state.load()) {
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
        waiting.push_back(Waiting {
            std::move(request), promise, QDeadlineTimer(options.timeout, Qt::PreciseTimer)});
        if (!waitingTimer->isActive())
            waitingTimer->start(options.timeout);
        return;
    case Client::State::Connected:
        sendCall(std::move(request), promise);
        return;
    }
}

void ClientPrivate::sendCall(Protocol::Request request, const Promise& promise)
{
    if (std::holds_alternative<Protocol::SendRequest>(request)) {
        // `send` has no reply: it settles once the frame is written.
        const bool written = sendFrame(Protocol::encodeCommand(Protocol::Command {0, request}));
        settle(promise,
            written ? CallResult {}
                    : CallResult {CallCode::TransportWriteError,
                        QStringLiteral("transport write error"), false, {}});
        return;
    }
    const quint32 id = calls->add(options.timeout,
        [promise](const CallOutcome& outcome) { settle(promise, resultFromOutcome(outcome)); });
    if (!sendFrame(Protocol::encodeCommand(Protocol::Command {id, std::move(request)})))
        calls->fail(id, CallCode::TransportWriteError, QStringLiteral("transport write error"));
}

void ClientPrivate::flushWaiting()
{
    waitingTimer->stop();
    std::vector<Waiting> ready;
    ready.swap(waiting);
    for (Waiting& entry : ready) {
        if (state == Client::State::Connected)
            sendCall(std::move(entry.request), entry.promise);
        else
            dispatchCall(std::move(entry.request), entry.promise);
    }
}

void ClientPrivate::failWaiting(int code, const QString& message)
{
    waitingTimer->stop();
    std::vector<Waiting> failed;
    failed.swap(waiting);
    for (Waiting& entry : failed)
        settle(entry.promise, CallResult {code, message, false, {}});
}

void ClientPrivate::expireWaiting()
{
    std::vector<Waiting> keep;
    std::vector<Waiting> expired;
    for (Waiting& entry : waiting)
        (entry.deadline.hasExpired() ? expired : keep).push_back(std::move(entry));
    waiting.swap(keep);
    if (!waiting.empty()) {
        qint64 next = std::numeric_limits<qint64>::max();
        for (const Waiting& entry : waiting)
            next = std::min(next, entry.deadline.remainingTime());
        waitingTimer->start(int(std::max<qint64>(next, 0)));
    }
    for (Waiting& entry : expired)
        settle(entry.promise, CallResult {CallCode::Timeout, QStringLiteral("timeout"), false, {}});
}

// ---- calls of a subscription ----------------------------------------------------------------
// While subscribing they wait for `subscribed` (the SDKs' ready()), within the call timeout;
// `unsubscribed` fails them with 7. Subscribed: they go like any client call.

QFuture<CallResult> ClientPrivate::subscriptionCall(
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
                std::move(request), promise, QDeadlineTimer(options.timeout, Qt::PreciseTimer)});
            if (!sp->waitingTimer.isActive())
                sp->waitingTimer.start(options.timeout);
            return;
        case Subscription::State::Subscribed:
            dispatchCall(std::move(request), promise);
            return;
        }
    };
    if (QThread::currentThread() != q->thread())
        QMetaObject::invokeMethod(q, std::move(run), Qt::QueuedConnection);
    else
        run();
    return future;
}

void ClientPrivate::flushSubscriptionCalls(SubscriptionPrivate* sp)
{
    sp->waitingTimer.stop();
    std::vector<SubscriptionPrivate::WaitingCall> ready;
    ready.swap(sp->waitingCalls);
    for (SubscriptionPrivate::WaitingCall& entry : ready)
        dispatchCall(std::move(entry.request), entry.promise);
}

void ClientPrivate::failSubscriptionCalls(SubscriptionPrivate* sp, int code, const QString& message)
{
    sp->waitingTimer.stop();
    std::vector<SubscriptionPrivate::WaitingCall> failed;
    failed.swap(sp->waitingCalls);
    for (SubscriptionPrivate::WaitingCall& entry : failed)
        settle(entry.promise, CallResult {code, message, false, {}});
}

void ClientPrivate::expireSubscriptionCalls(SubscriptionPrivate* sp)
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
                           << "timed out waiting for the subscription";
    for (SubscriptionPrivate::WaitingCall& entry : expired)
        settle(entry.promise, CallResult {CallCode::Timeout, QStringLiteral("timeout"), false, {}});
}

} // namespace Centrifuge
