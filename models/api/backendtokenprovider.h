#pragma once

//! \file backendtokenprovider.h
//! \brief Realtime tokens from the WhaTrack backend: GET /api/v1/centrifugo/token (connection)
//! and POST /api/v1/centrifugo/subscription-token (subscription).
//!
//! The token route allows 5 requests a minute, so a token is reused until shortly before its
//! JWT `exp` (decoded, not verified). 401/403 -> Unauthorized (terminal; a 401 also signs out
//! through ApiClient::unauthorized), 404 of the subscription route -> Unauthorized (no such
//! route: the server issues no subscription tokens), 429 -> Failed with the server's
//! Retry-After, anything else -> Failed (the client backs off).
//!
//! Thread safety: the realtime client calls fetchToken() on its own thread. The provider only
//! takes a lock to read the cache; the HTTP call is queued to the ApiClient's thread and the
//! callback is invoked from there.

#include "models/store/clock.h"
#include "realtime/tokenprovider.h"

#include <QHash>
#include <QMutex>
#include <QPointer>

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>

namespace WhaTrack {

class ApiClient;

class BackendTokenProvider final : public Centrifuge::TokenProvider
{
public:
    //! Told of every reply (for the connection panel): the request, the reply, the token's
    //! `exp` (0 if unknown) and whether it came from the cache. Runs on the thread that
    //! completes the reply (the realtime thread for cache hits, the API thread otherwise):
    //! marshal to your own thread. Never sees the token itself.
    using Observer = std::function<void(const Centrifuge::TokenRequest& request,
        Centrifuge::TokenReply::Status status, const QString& error, int retryAfterMs,
        qint64 expiresAt, bool fromCache)>;

    //! \a api must outlive every call (its thread must run an event loop).
    explicit BackendTokenProvider(
        ApiClient* api, std::chrono::seconds refreshMargin = std::chrono::seconds(60));
    ~BackendTokenProvider() override;

    void fetchToken(const Centrifuge::TokenRequest& request, Callback done) override;

    //! Forget cached tokens (sign out, organization switch, token rejected by the server).
    void invalidate();
    //! Set before handing the provider to the client.
    void setObserver(Observer observer) { m_observer = std::move(observer); }
    //! Test seam: the clock whose wall time is compared with `exp` (Clock::system() by
    //! default). It must outlive the provider; it is read from the realtime and API threads.
    void setClock(Clock* clock);
    //! How many HTTP requests were made (for tests and the diagnostics panel).
    int requestCount() const;

private:
    struct Cached
    {
        QString token;
        qint64 exp = 0;
    };
    bool cachedToken(const QString& key, QString* token, qint64* exp = nullptr) const;
    void report(const Centrifuge::TokenRequest& request, const Centrifuge::TokenReply& reply,
        qint64 exp, bool fromCache) const;
    void store(const QString& key, const QString& token);
    void fetchOnApiThread(Centrifuge::TokenRequest request, Callback done);

    QPointer<ApiClient> m_api;
    std::chrono::seconds m_margin;
    mutable QMutex m_mutex;
    QHash<QString, Cached> m_cache; //!< "" = connection token, else the channel
    //! Callers waiting for the request in flight, per key (touched on the API thread only).
    QHash<QString, QList<Callback>> m_waiting;
    Clock* m_clock;
    Observer m_observer;
    std::atomic<int> m_requests {0};
};

//! The `exp` claim of a JWT in seconds since the epoch, without verifying the signature.
std::optional<qint64> jwtExpiry(const QString& token);

} // namespace WhaTrack
