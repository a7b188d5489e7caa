// Subscription token refresh: at the subscribe result's `ttl`, ask the provider again and send
// `sub_refresh` (with its REQUIRED channel, centrifuge-python#50). Answers for an ended
// subscription attempt or session are dropped.

#include "realtime/backoff.h"
#include "realtime/client.h"
#include "realtime/clientcalls.h"
#include "realtime/clientsubscriptions.h"
#include "realtime/connectionlink.h"
#include "realtime/connectiontoken.h"
#include "realtime/logging.h"
#include "realtime/protocol/codec.h"
#include "realtime/subscription_p.h"

#include <QPointer>

namespace Centrifuge {
namespace {
// Sub token refresh retry (centrifuge-js: backoff(0, 10000, 20000)).
constexpr std::chrono::milliseconds subRefreshRetryMin {10000};
constexpr std::chrono::milliseconds subRefreshRetryMax {20000};
} // namespace

void ClientSubscriptions::refreshSubscriptionToken(SubscriptionPrivate* sp)
{
    if (m_link.state() != Client::State::Connected || sp->state != Subscription::State::Subscribed
        || !sp->options.useTokenProvider || !m_tokens.hasProvider())
        return;
    if (const auto wait = sp->tokenPacer->waitBeforeRequest(); wait.count() > 0) {
        qCInfo(lcRealtime) << "subscription token refresh of" << sp->channel << "paced: next in"
                           << wait.count() << "ms";
        sp->refresher.scheduleIn(wait);
        return;
    }
    const quint64 forAttempt = sp->attempt;
    const quint64 forSession = m_link.session();
    QPointer<Subscription> guard = sp->q;
    auto current = [this, guard, forAttempt, forSession] {
        return guard && guard->d->attempt == forAttempt && m_link.session() == forSession
            && guard->d->state == Subscription::State::Subscribed
            && m_link.state() == Client::State::Connected;
    };
    auto retryLater = [guard](int retryAfterMs) {
        if (!guard)
            return;
        const qint64 delay
            = std::max({qint64(Backoff(subRefreshRetryMin, subRefreshRetryMax).next().count()),
                qint64(retryAfterMs), qint64(guard->d->tokenPacer->waitBeforeRequest().count()),
                qint64(guard->d->tokenPacer->waitForSpacing().count())});
        guard->d->refresher.scheduleIn(std::chrono::milliseconds {delay});
    };
    qCInfo(lcRealtime) << "refreshing the subscription token of" << sp->channel;
    m_tokens.requestToken(sp->tokenPacer,
        TokenRequest {TokenRequest::Kind::Subscription, sp->channel},
        [this, guard, current, retryLater](const TokenReply& reply) {
            if (!current())
                return;
            SubscriptionPrivate* self = guard->d.get();
            if (reply.status == TokenReply::Status::Failed) {
                Q_EMIT self->q->errorOccurred(ErrorType::SubscriptionRefreshToken, 0, reply.error);
                if (current())
                    retryLater(reply.retryAfterMs);
                return;
            }
            if (reply.status == TokenReply::Status::Unauthorized || reply.token.isEmpty()) {
                goUnsubscribed(
                    self, UnsubscribedCode::Unauthorized, QStringLiteral("unauthorized"));
                return;
            }
            self->token = reply.token;
            const quint32 id = m_calls.replies().add(
                m_options.timeout, [this, guard, current, retryLater](const CallOutcome& outcome) {
                    if (!current())
                        return;
                    SubscriptionPrivate* sub = guard->d.get();
                    if (!outcome.reply) {
                        if (outcome.code == CallCode::Timeout)
                            retryLater(-1);
                        return;
                    }
                    if (const auto& error = outcome.reply->error) {
                        Q_EMIT sub->q->errorOccurred(
                            ErrorType::Refresh, error->code, error->message);
                        if (!current())
                            return;
                        if (isRetryableReplyError(error->code, error->temporary))
                            retryLater(-1);
                        else
                            goUnsubscribed(sub, error->code, error->message);
                        return;
                    }
                    const auto* result
                        = std::get_if<Protocol::SubRefreshResult>(&outcome.reply->result);
                    if (result && result->expires)
                        sub->refresher.scheduleIn(
                            m_tokens.plannedRefreshDelay(*sub->tokenPacer, result->ttl));
                    qCInfo(lcRealtime) << "subscription token of" << sub->channel << "refreshed";
                });
            // `channel` is required in sub_refresh (centrifuge-python#50: without it, 3501).
            m_link.sendFrame(Protocol::encodeCommand(
                Protocol::Command {id, Protocol::SubRefreshRequest {self->channel, reply.token}}));
        });
}

} // namespace Centrifuge
