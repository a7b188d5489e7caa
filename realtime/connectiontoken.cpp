#include "realtime/connectiontoken.h"

#include "realtime/backoff.h"
#include "realtime/client.h"
#include "realtime/codes.h"
#include "realtime/connectionlink.h"
#include "realtime/logging.h"
#include "realtime/pendingcalls.h"
#include "realtime/protocol/codec.h"

#include <limits>

namespace Centrifuge {
namespace {
// Retry delays of a failed refresh (centrifuge-js: backoff(0, 5000, 10000)).
constexpr std::chrono::milliseconds refreshRetryMin {5000};
constexpr std::chrono::milliseconds refreshRetryMax {10000};

int clampedMs(std::chrono::milliseconds delay)
{
    return int(std::min<qint64>(delay.count(), std::numeric_limits<int>::max()));
}
} // namespace

ConnectionToken::ConnectionToken(
    Client* q, const ClientOptions& options, ConnectionLink& link, PendingCalls& replies)
    : m_q(q)
    , m_options(options)
    , m_link(link)
    , m_replies(replies)
    , m_token(options.token)
    , m_pacer(std::make_shared<TokenPacer>(pacing()))
    , m_lifeline(std::make_shared<Lifeline>(q))
    , m_refresher(new TokenRefresher(q))
{
    QObject::connect(m_refresher, &TokenRefresher::due, q, [this] { refresh(); });
}

void ConnectionToken::setToken(const QString& token)
{
    m_token = token;
    m_refreshRequired = false;
}

void ConnectionToken::connected(bool expires, quint32 ttlSeconds)
{
    m_refreshRequired = false;
    if (expires)
        scheduleRefresh(ttlSeconds);
}

void ConnectionToken::invalidate()
{
    if (m_provider)
        m_token.clear();
}

TokenPacing ConnectionToken::pacing() const
{
    return TokenPacing {m_options.maxTokenRequestsPerWindow, m_options.tokenRequestWindow,
        m_options.minTokenRetryDelay, m_options.maxTokenRetryDelay};
}

std::chrono::milliseconds ConnectionToken::plannedRefreshDelay(
    const TokenPacer& pacer, quint32 ttlSeconds) const
{
    return pacer.refreshDelay(std::chrono::seconds {ttlSeconds}, m_options.tokenExpiryGrace,
        m_options.tokenTimeout + m_options.timeout);
}

void ConnectionToken::scheduleRefresh(quint32 ttlSeconds)
{
    const auto delay = plannedRefreshDelay(*m_pacer, ttlSeconds);
    qCInfo(lcRealtime) << "connection token expires in" << ttlSeconds << "s, refresh in"
                       << delay.count() << "ms";
    m_refresher->scheduleIn(delay);
}

void ConnectionToken::requestToken(const std::shared_ptr<TokenPacer>& pacer,
    const TokenRequest& request, std::function<void(const TokenReply&)> done)
{
    pacer->requestStarted();
    // The pacer is shared: the callback may outlive a removed subscription.
    Centrifuge::requestToken(m_provider, request, m_lifeline, m_q, m_options.tokenTimeout,
        [pacer, done = std::move(done)](const TokenReply& reply) {
            if (reply.status == TokenReply::Status::Failed)
                pacer->failed(reply.retryAfterMs);
            else
                pacer->succeeded();
            done(reply);
        });
}

void ConnectionToken::fetchForConnect()
{
    const quint64 forAttempt = m_link.attempt();
    // Every connect attempt that needs a token passes here (first connect, after 109, after
    // 3014, "Try now", network back): the pacer keeps them within the route's rate limit.
    if (const auto wait = m_pacer->waitBeforeRequest(); wait.count() > 0) {
        qCInfo(lcRealtime) << "connection token requests paced: next in" << wait.count() << "ms";
        m_link.retryConnect(clampedMs(wait));
        return;
    }
    qCInfo(lcRealtime) << "asking the token provider for a connection token";
    requestToken(m_pacer, TokenRequest {TokenRequest::Kind::Connection, {}},
        [this, forAttempt](const TokenReply& reply) {
            const auto current = [this, forAttempt] {
                return forAttempt == m_link.attempt()
                    && m_link.state() == Client::State::Connecting;
            };
            if (!current()) {
                qCInfo(lcRealtime) << "connection token for an ended attempt discarded";
                return;
            }
            switch (reply.status) {
            case TokenReply::Status::Ok:
                // An empty token is valid here: anonymous connection (SDK v5 semantics).
                m_token = reply.token;
                m_refreshRequired = false;
                m_link.openTransport();
                return;
            case TokenReply::Status::Unauthorized:
                qCWarning(lcRealtime) << "token provider: unauthorized:" << reply.error;
                m_link.end(DisconnectedCode::Unauthorized, QStringLiteral("unauthorized"));
                return;
            case TokenReply::Status::Failed:
                qCWarning(lcRealtime) << "token provider failed:" << reply.error;
                m_link.reportError(Error::make(ErrorType::ConnectToken, 0, reply.error));
                // The pacer's failure delay (>= minTokenRetryDelay, or Retry-After) wins over
                // the reconnect backoff: a failing route is not asked every second.
                if (current())
                    m_link.retryConnect(clampedMs(m_pacer->waitBeforeRequest()));
                return;
            }
        });
}

void ConnectionToken::refresh()
{
    if (m_link.state() != Client::State::Connected)
        return;
    if (!m_provider) {
        // Nothing can give a new token; the server will close with 3005 at expiry and the
        // reconnect reports what happens next.
        qCInfo(lcRealtime) << "connection token expires but no token provider is set";
        return;
    }
    if (const auto wait = m_pacer->waitBeforeRequest(); wait.count() > 0) {
        qCInfo(lcRealtime) << "token refresh paced: next in" << wait.count() << "ms";
        m_refresher->scheduleIn(wait);
        return;
    }
    const quint64 forSession = m_link.session();
    const auto current = [this, forSession] {
        return forSession == m_link.session() && m_link.state() == Client::State::Connected;
    };
    auto retryLater = [this](int retryAfterMs) {
        qint64 delay = Backoff(refreshRetryMin, refreshRetryMax).next().count();
        delay = std::max<qint64>(delay, retryAfterMs);
        delay = std::max<qint64>(delay, m_pacer->waitBeforeRequest().count());
        delay = std::max<qint64>(delay, m_pacer->waitForSpacing().count());
        m_refresher->scheduleIn(std::chrono::milliseconds {delay});
    };
    qCInfo(lcRealtime) << "refreshing the connection token";
    requestToken(m_pacer, TokenRequest {TokenRequest::Kind::Connection, {}},
        [this, current, retryLater](const TokenReply& reply) {
            if (!current()) {
                qCInfo(lcRealtime) << "refreshed token for an ended session discarded";
                return;
            }
            if (reply.status == TokenReply::Status::Failed) {
                qCWarning(lcRealtime) << "token provider failed during refresh:" << reply.error;
                m_link.reportError(Error::make(ErrorType::RefreshToken, 0, reply.error));
                if (current())
                    retryLater(reply.retryAfterMs);
                return;
            }
            // An empty token cannot refresh anything (the server would close with 3501).
            if (reply.status == TokenReply::Status::Unauthorized || reply.token.isEmpty()) {
                qCWarning(lcRealtime) << "token refresh: unauthorized";
                m_link.end(DisconnectedCode::Unauthorized, QStringLiteral("unauthorized"));
                return;
            }
            m_token = reply.token;
            const quint32 id = m_replies.add(
                m_options.timeout, [this, current, retryLater](const CallOutcome& outcome) {
                    if (!current())
                        return;
                    if (!outcome.reply) {
                        if (outcome.code == CallCode::Timeout) {
                            m_link.reportError(
                                Error::make(ErrorType::Refresh, outcome.code, outcome.message));
                            if (current())
                                retryLater(-1);
                        }
                        return;
                    }
                    if (const auto& error = outcome.reply->error) {
                        qCWarning(lcRealtime) << "refresh failed:" << error->code << error->message;
                        m_link.reportError(
                            Error::make(ErrorType::Refresh, error->code, error->message));
                        if (!current())
                            return;
                        if (isRetryableReplyError(error->code, error->temporary))
                            retryLater(-1);
                        else
                            m_link.end(error->code, error->message);
                        return;
                    }
                    const auto* result
                        = std::get_if<Protocol::RefreshResult>(&outcome.reply->result);
                    const bool expires = result && result->expires;
                    const quint32 ttl = result ? result->ttl : 0;
                    qCInfo(lcRealtime) << "connection token refreshed";
                    if (expires)
                        scheduleRefresh(ttl);
                    Q_EMIT m_q->tokenRefreshed(expires ? qint64(ttl) : -1);
                });
            m_link.sendFrame(Protocol::encodeCommand(
                Protocol::Command {id, Protocol::RefreshRequest {reply.token}}));
        });
}

} // namespace Centrifuge
