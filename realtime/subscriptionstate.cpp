// Stream subscriptions with application-managed state (§3.11): SubscriptionOptions::getState
// gives the position the application's own state ends at, the subscribe recovers from there,
// and the server answers 112 (flag RejectUnrecovered) instead of `recovered: false` when it
// cannot, so the state is loaded again rather than left silently incomplete.

#include "realtime/client.h"
#include "realtime/clientcalls.h"
#include "realtime/clientsubscriptions.h"
#include "realtime/connectionlink.h"
#include "realtime/connectiontoken.h"
#include "realtime/logging.h"
#include "realtime/subscription_p.h"

#include <QPointer>

namespace Centrifuge {
namespace {

//! Asks \a getState once and calls \a done on \a lifeline's thread exactly once: with the
//! answer, or Failed after \a timeout (an application that never answers must not freeze the
//! subscription). Always asynchronous, so the caller never re-enters itself.
void requestState(const GetStateFunction& getState, const QString& channel,
    const std::shared_ptr<Lifeline>& lifeline, QObject* context, std::chrono::milliseconds timeout,
    std::function<void(const StateReply&)> done)
{
    auto settled = std::make_shared<std::atomic<bool>>(false);
    auto callback = std::make_shared<std::function<void(const StateReply&)>>(std::move(done));
    QTimer::singleShot(timeout, context, [settled, callback] {
        if (settled->exchange(true))
            return;
        qCInfo(lcRealtime) << "getState did not answer in time";
        (*callback)(StateReply::failed(QStringLiteral("getState timed out")));
    });
    std::weak_ptr<Lifeline> weakLifeline = lifeline;
    getState(channel, [settled, callback, weakLifeline](StateReply reply) {
        if (settled->exchange(true))
            return;
        if (auto line = weakLifeline.lock())
            line->post([callback, reply = std::move(reply)] { (*callback)(reply); });
    });
}

} // namespace

void ClientSubscriptions::fetchSubscriptionState(SubscriptionPrivate* sp)
{
    sp->fetchingState = true;
    const quint64 forAttempt = sp->attempt;
    QPointer<Subscription> guard = sp->q;
    qCInfo(lcRealtime) << "asking the application for the state of" << sp->channel;
    requestState(sp->options.getState, sp->channel, m_tokens.lifeline(), m_q,
        sp->options.getStateTimeout, [this, guard, forAttempt](const StateReply& reply) {
            if (!guard)
                return;
            SubscriptionPrivate* self = guard->d.get();
            self->fetchingState = false;
            if (forAttempt != self->attempt || self->state != Subscription::State::Subscribing) {
                // Unsubscribed meanwhile, or a newer attempt waits for this answer to end.
                qCInfo(lcRealtime) << "state of" << self->channel << "for an ended attempt dropped";
                startSubscribing(self);
                return;
            }
            StateReply answer = reply;
            if (answer.status == StateReply::Status::Ok && !answer.position.isValid()) {
                // Recovering from "no epoch" can never succeed: the server would answer 112
                // forever. A stream channel always has an epoch (history with limit 0).
                answer = StateReply::failed(
                    QStringLiteral("getState answered a position without an epoch"));
            }
            if (answer.status == StateReply::Status::Failed) {
                qCWarning(lcRealtime)
                    << "getState of" << self->channel << "failed:" << answer.error;
                Q_EMIT self->q->errorOccurred(ErrorType::GetState, 0, answer.error);
                if (forAttempt == self->attempt && self->state == Subscription::State::Subscribing)
                    scheduleResubscribe(self, answer.retryAfterMs);
                return;
            }
            qCInfo(lcRealtime) << "state of" << self->channel << "loaded up to"
                               << answer.position.offset << answer.position.epoch;
            self->setPosition(answer.position);
            self->recover = true;
            self->delta.reset();
            startSubscribing(self); // sends now if connected, else with the next connect
        });
}

void ClientSubscriptions::handleUnrecoverablePosition(SubscriptionPrivate* sp)
{
    qCInfo(lcRealtime) << "position of" << sp->channel
                       << "cannot be recovered: the state is loaded again";
    sp->setPosition(StreamPosition {});
    sp->recover = false; // needsState() now: the next attempt asks getState first
    sp->delta.reset();
    scheduleResubscribe(sp);
}

} // namespace Centrifuge
