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
//!
//! The window is counted with a margin (edgeMargin(), 1/30 of it: 2 s of a minute): the route
//! counts a request when it arrives, and two requests a window apart rarely take the same time
//! to get there; a request sent exactly at the window's edge would be refused (429).
//!
//! Refreshes of a token that expires soon (refreshDelay()) are spread out instead of burst:
//! at least spacing() apart (window / maxRequests, 12.4 s at 5 a minute), using the grace the
//! server gives an expired connection before it closes it (Centrifugo's
//! client.expired_close_delay, 25 s) when the token lives shorter than that. A 10 s token thus
//! lives on with 5 requests a minute.

#include "realtime/backoff.h"
#include "realtime/clock.h"

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
    //! Times are \a clock's monotonic milliseconds (Clock::system() when null; tests inject a
    //! manual one, which must outlive the pacer).
    explicit TokenPacer(
        TokenPacing pacing = {}, const Clock* clock = nullptr, Backoff::RandomSource random = {});

    //! How long to wait before the next request may start; 0 when it may start now.
    ms waitBeforeRequest() const;
    //! How long to wait before refreshing a token the server says expires in \a ttl and whose
    //! connection it keeps for \a grace after that, waiting for the refresh; \a refreshTakes is
    //! the longest the refresh itself may take (provider timeout + call timeout). Never before
    //! \a ttl (as the official SDKs); later when refreshing at \a ttl would come sooner than
    //! spacing() after the last request, but no later than ttl + grace - min(refreshTakes,
    //! grace / 2) unless the window itself forbids it. With grace 0: at \a ttl, or when the
    //! window allows.
    ms refreshDelay(ms ttl, ms grace, ms refreshTakes) const;
    //! How long until spacing() has passed since the last request started; 0 if it has.
    ms waitForSpacing() const;
    //! Even spread of the window's requests: (window + edgeMargin()) / maxRequests.
    ms spacing() const;
    //! Slack added to the window for the route's view of request times (window / 30).
    ms edgeMargin() const { return m_pacing.window / 30; }
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
    const Clock* m_clock;
    Backoff m_failureBackoff;
    std::deque<qint64> m_starts; //!< start times within the last window, oldest first
    qint64 m_notBefore = 0; //!< no request before this time (after a failure)
    bool m_hasNotBefore = false;
};

} // namespace Centrifuge
