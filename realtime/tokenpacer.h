#pragma once

//! \file tokenpacer.h
//! \brief How often a token may be asked for. A token route that fails (HTTP 500, a body that
//! is not a token, a timeout) must not be hammered at the reconnect backoff's pace (0.5-1 s
//! first): WhaTrack's route allows 5 requests a minute and answers 429 beyond.
//!
//! Two rules, both applied before every request to the TokenProvider:
//!   - at most `maxRequests` requests in any sliding `window` (5 per minute by default), for
//!     every path that fetches a token (connect, 109 "token expired", refresh, retries);
//!   - after a failed request, the next one waits a backoff of its own (full jitter, from
//!     `minFailureDelay`, 12 s by default, up to `maxFailureDelay`), or the server's
//!     Retry-After when that is longer. A successful answer clears it, so a token the server
//!     later calls expired (109) is fetched again at once.

#include "realtime/backoff.h"

#include <QtGlobal>

#include <chrono>
#include <deque>
#include <functional>

namespace Centrifuge {

struct TokenPacing
{
    int maxRequests = 5;
    std::chrono::milliseconds window {60000};
    std::chrono::milliseconds minFailureDelay {12000};
    std::chrono::milliseconds maxFailureDelay {60000};
};

class TokenPacer
{
public:
    using ms = std::chrono::milliseconds;
    //! Monotonic milliseconds. Defaults to std::chrono::steady_clock; tests inject their own.
    using Clock = std::function<qint64()>;

    explicit TokenPacer(
        TokenPacing pacing = {}, Clock clock = {}, Backoff::RandomSource random = {});

    //! How long to wait before the next request may start; 0 when it may start now.
    ms waitBeforeRequest() const;
    //! A request starts now (counts against the window).
    void requestStarted();
    //! The provider gave a token (or said unauthorized): no failure pause any more.
    void succeeded();
    //! The request failed; \a retryAfterMs is the server's wait (-1 if none).
    void failed(int retryAfterMs);

    int consecutiveFailures() const { return m_failureBackoff.attempt(); }
    const TokenPacing& pacing() const { return m_pacing; }

private:
    TokenPacing m_pacing;
    Clock m_clock;
    Backoff m_failureBackoff;
    std::deque<qint64> m_starts; //!< start times within the last window, oldest first
    qint64 m_notBefore = 0; //!< no request before this time (after a failure)
    bool m_hasNotBefore = false;
};

} // namespace Centrifuge
