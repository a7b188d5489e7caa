// Connection token: fetching it for a connect attempt and refreshing it before it expires.
// Each answer is tied to the attempt or session that asked; a late one is dropped (a refresh
// resolving after a reconnect must not be sent on the new connection, centrifuge-go#141).

#include "realtime/client_p.h"
#include "realtime/logging.h"
#include "realtime/protocol/codec.h"

namespace Centrifuge {
namespace {
// Retry delays of a failed refresh (centrifuge-js: backoff(0, 5000, 10000)).
constexpr std::chrono::milliseconds refreshRetryMin {5000};
constexpr std::chrono::milliseconds refreshRetryMax {10000};
} // namespace

TokenPacing ClientPrivate::tokenPacing() const
{
    return TokenPacing {options.maxTokenRequestsPerWindow, options.tokenRequestWindow,
        options.minTokenRetryDelay, options.maxTokenRetryDelay};
}

std::chrono::milliseconds ClientPrivate::plannedRefreshDelay(
    const TokenPacer& pacer, quint32 ttlSeconds) const
{
    return pacer.refreshDelay(std::chrono::seconds {ttlSeconds}, options.tokenExpiryGrace,
        options.tokenTimeout + options.timeout);
}

void ClientPrivate::scheduleConnectionRefresh(quint32 ttlSeconds)
{
    const auto delay = plannedRefreshDelay(*tokenPacer, ttlSeconds);
    qCInfo(lcRealtime) << "connection token expires in" << ttlSeconds << "s, refresh in"
                       << delay.count() << "ms";
    refresher->scheduleIn(delay);
}

void ClientPrivate::requestToken(const std::shared_ptr<TokenPacer>& pacer,
    const TokenRequest& request, std::function<void(const TokenReply&)> done)
{
    pacer->requestStarted();
    // The pacer is shared: the callback may outlive a removed subscription.
    Centrifuge::requestToken(provider, request, lifeline, q, options.tokenTimeout,
        [pacer, done = std::move(done)](const TokenReply& reply) {
            if (reply.status == TokenReply::Status::Failed)
                pacer->failed(reply.retryAfterMs);
            else
                pacer->succeeded();
            done(reply);
        });
}

void ClientPrivate::fetchConnectToken()
{
    const quint64 forAttempt = attempt;
    // Every connect attempt that needs a token passes here (first connect, after 109, after
    // 3014, "Try now", network back): the pacer keeps them within the route's rate limit.
    if (const auto wait = tokenPacer->waitBeforeRequest(); wait.count() > 0) {
        qCInfo(lcRealtime) << "connection token requests paced: next in" << wait.count() << "ms";
        scheduleReconnect(int(std::min<qint64>(wait.count(), std::numeric_limits<int>::max())));
        return;
    }
    qCInfo(lcRealtime) << "asking the token provider for a connection token";
    requestToken(tokenPacer, TokenRequest {TokenRequest::Kind::Connection, {}},
        [this, forAttempt](const TokenReply& reply) {
            if (forAttempt != attempt || state != Client::State::Connecting) {
                qCInfo(lcRealtime) << "connection token for an ended attempt discarded";
                return;
            }
            switch (reply.status) {
            case TokenReply::Status::Ok:
                // An empty token is valid here: anonymous connection (SDK v5 semantics).
                token = reply.token;
                refreshRequired = false;
                openTransport();
                return;
            case TokenReply::Status::Unauthorized:
                qCWarning(lcRealtime) << "token provider: unauthorized:" << reply.error;
                goDisconnected(DisconnectedCode::Unauthorized, QStringLiteral("unauthorized"));
                return;
            case TokenReply::Status::Failed:
                qCWarning(lcRealtime) << "token provider failed:" << reply.error;
                reportError(Error::make(ErrorType::ConnectToken, 0, reply.error));
                // The pacer's failure delay (>= minTokenRetryDelay, or Retry-After) wins over
                // the reconnect backoff: a failing route is not asked every second.
                if (forAttempt == attempt && state == Client::State::Connecting)
                    scheduleReconnect(int(std::min<qint64>(
                        tokenPacer->waitBeforeRequest().count(), std::numeric_limits<int>::max())));
                return;
            }
        });
}

void ClientPrivate::refreshConnectionToken()
{
    if (state != Client::State::Connected)
        return;
    if (!provider) {
        // Nothing can give a new token; the server will close with 3005 at expiry and the
        // reconnect reports what happens next.
        qCInfo(lcRealtime) << "connection token expires but no token provider is set";
        return;
    }
    if (const auto wait = tokenPacer->waitBeforeRequest(); wait.count() > 0) {
        qCInfo(lcRealtime) << "token refresh paced: next in" << wait.count() << "ms";
        refresher->scheduleIn(wait);
        return;
    }
    const quint64 forSession = session;
    auto retryLater = [this](int retryAfterMs) {
        qint64 delay = firstRetryDelay(refreshRetryMin, refreshRetryMax).count();
        delay = std::max<qint64>(delay, retryAfterMs);
        delay = std::max<qint64>(delay, tokenPacer->waitBeforeRequest().count());
        delay = std::max<qint64>(delay, tokenPacer->waitForSpacing().count());
        refresher->scheduleIn(std::chrono::milliseconds {delay});
    };
    qCInfo(lcRealtime) << "refreshing the connection token";
    requestToken(tokenPacer, TokenRequest {TokenRequest::Kind::Connection, {}},
        [this, forSession, retryLater](const TokenReply& reply) {
            if (forSession != session || state != Client::State::Connected) {
                qCInfo(lcRealtime) << "refreshed token for an ended session discarded";
                return;
            }
            if (reply.status == TokenReply::Status::Failed) {
                qCWarning(lcRealtime) << "token provider failed during refresh:" << reply.error;
                reportError(Error::make(ErrorType::RefreshToken, 0, reply.error));
                if (forSession == session)
                    retryLater(reply.retryAfterMs);
                return;
            }
            // An empty token cannot refresh anything (the server would close with 3501).
            if (reply.status == TokenReply::Status::Unauthorized || reply.token.isEmpty()) {
                qCWarning(lcRealtime) << "token refresh: unauthorized";
                goDisconnected(DisconnectedCode::Unauthorized, QStringLiteral("unauthorized"));
                return;
            }
            token = reply.token;
            const quint32 id = calls->add(
                options.timeout, [this, forSession, retryLater](const CallOutcome& outcome) {
                    if (forSession != session || state != Client::State::Connected)
                        return;
                    if (!outcome.reply) {
                        if (outcome.code == CallCode::Timeout) {
                            reportError(
                                Error::make(ErrorType::Refresh, outcome.code, outcome.message));
                            if (forSession == session)
                                retryLater(-1);
                        }
                        return;
                    }
                    if (const auto& error = outcome.reply->error) {
                        qCWarning(lcRealtime) << "refresh failed:" << error->code << error->message;
                        reportError(Error::make(ErrorType::Refresh, error->code, error->message));
                        if (forSession != session)
                            return;
                        if (isRetryableReplyError(error->code, error->temporary))
                            retryLater(-1);
                        else
                            goDisconnected(error->code, error->message);
                        return;
                    }
                    const auto* result
                        = std::get_if<Protocol::RefreshResult>(&outcome.reply->result);
                    const bool expires = result && result->expires;
                    const quint32 ttl = result ? result->ttl : 0;
                    qCInfo(lcRealtime) << "connection token refreshed";
                    if (expires)
                        scheduleConnectionRefresh(ttl);
                    Q_EMIT q->tokenRefreshed(expires ? qint64(ttl) : -1);
                });
            sendFrame(Protocol::encodeCommand(
                Protocol::Command {id, Protocol::RefreshRequest {reply.token}}));
        });
}

} // namespace Centrifuge
