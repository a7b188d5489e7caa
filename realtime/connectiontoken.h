#pragma once

//! \file connectiontoken.h
//! \brief The connection token: the application's TokenProvider, the current token, fetching it
//! for a connect attempt and refreshing it before it expires (paced, see tokenpacer.h). Also
//! the one way the subscriptions ask the provider (requestToken) and plan their refreshes.
//! Each answer is tied to the attempt or session that asked; a late one is dropped (a refresh
//! resolving after a reconnect must not be sent on the new connection, centrifuge-go#141).

#include "realtime/clientoptions.h"
#include "realtime/tokenpacer.h"
#include "realtime/tokenprovider.h"
#include "realtime/tokenrefresher.h"

#include <chrono>
#include <functional>
#include <memory>

namespace Centrifuge {

class Client;
class ConnectionLink;
class PendingCalls;

class ConnectionToken
{
public:
    //! \a q (the client's QObject, for timers and the lifeline) and \a options outlive this.
    ConnectionToken(
        Client* q, const ClientOptions& options, ConnectionLink& link, PendingCalls& replies);

    void setProvider(std::shared_ptr<TokenProvider> provider) { m_provider = std::move(provider); }
    bool hasProvider() const { return bool(m_provider); }
    //! A token the application sets is fresh by definition: never overwritten by a pending
    //! provider answer of an older attempt (centrifuge-go#141, centrifuge-dart#129).
    void setToken(const QString& token);
    const QString& token() const { return m_token; }

    //! The connect attempt must ask the provider first (no token yet, or it expired).
    bool needsFetch() const { return m_provider && (m_token.isEmpty() || m_refreshRequired); }
    //! The server called our static token expired and nothing can replace it.
    bool expiredForGood() const { return m_refreshRequired && !m_provider; }
    //! Connect error 109: fetch a new token before the next attempt.
    void markExpired() { m_refreshRequired = true; }
    //! Connected: the token is good; plans its refresh when it \a expires in \a ttlSeconds.
    void connected(bool expires, quint32 ttlSeconds);
    //! State invalidated (3014): only a provider can give another token; a static one stays.
    void invalidate();

    //! Asks the provider for the connect attempt (paced: else the attempt waits).
    void fetchForConnect();
    //! Plans the next refresh of a token that expires in \a ttlSeconds: paced and within the
    //! server's grace (TokenPacer::refreshDelay()).
    void scheduleRefresh(quint32 ttlSeconds);
    void stopRefresh() { m_refresher->stop(); }

    // ---- for the subscriptions' own tokens ----
    TokenPacing pacing() const;
    //! The refresh plan of \a pacer's token; the longest a refresh may take is included.
    std::chrono::milliseconds plannedRefreshDelay(
        const TokenPacer& pacer, quint32 ttlSeconds) const;
    //! Asks the provider, counting the request in \a pacer and telling it the outcome.
    void requestToken(const std::shared_ptr<TokenPacer>& pacer, const TokenRequest& request,
        std::function<void(const TokenReply&)> done);
    //! Callbacks from other threads reach the client through it; cut when the client goes.
    const std::shared_ptr<Lifeline>& lifeline() const { return m_lifeline; }

private:
    void refresh();

    Client* const m_q;
    const ClientOptions& m_options;
    ConnectionLink& m_link;
    PendingCalls& m_replies;
    std::shared_ptr<TokenProvider> m_provider;
    QString m_token;
    bool m_refreshRequired = false; //!< the server said 109: the token must be replaced first
    //! Paces connection token requests; subscriptions have their own.
    std::shared_ptr<TokenPacer> m_pacer;
    std::shared_ptr<Lifeline> m_lifeline;
    TokenRefresher* m_refresher;
};

} // namespace Centrifuge
