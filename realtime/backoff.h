#pragma once

//! \file backoff.h
//! \brief Reconnect/resubscribe delays: "full jitter" exactly as centrifuge-js `utils.ts`.
//!
//!     step     = min(attempt, 31)
//!     interval = random integer in [0, min(max, min * 2^step)]   (inclusive)
//!     delay    = min(max, min + interval)
//!
//! With 500/20000 ms: attempt 0 gives 0.5-1.0 s, attempt 1 0.5-1.5 s, attempt 2 0.5-2.5 s ...
//! capped at 20 s. Reset it on a successful connect (per subscription: on subscribe).

#include <QtGlobal>

#include <chrono>
#include <functional>

namespace Centrifuge {

class Backoff
{
public:
    using ms = std::chrono::milliseconds;
    //! Returns a uniformly distributed integer in [0, highest], both ends included.
    using RandomSource = std::function<quint64(quint64 highest)>;

    //! \a random defaults to QRandomGenerator::global(); inject one to make tests deterministic.
    Backoff(ms minDelay, ms maxDelay, RandomSource random = {});

    //! The delay before the next attempt; counts the attempt.
    ms next();
    //! Back to the first attempt (after a success, or when the network comes back).
    void reset() { m_attempt = 0; }
    //! How many delays next() has handed out since the last reset().
    int attempt() const { return m_attempt; }

    ms minDelay() const { return ms(m_min); }
    ms maxDelay() const { return ms(m_max); }

    //! The pure formula: the largest `interval` for \a attempt (no overflow for any attempt).
    static quint64 intervalCeiling(int attempt, quint64 minDelay, quint64 maxDelay);
    //! The pure formula: the delay for \a attempt given the random \a interval.
    static quint64 delayFor(quint64 interval, quint64 minDelay, quint64 maxDelay);

    //! A reproducible random source (a seeded QRandomGenerator), for tests and benchmarks.
    static RandomSource seededSource(quint32 seed);
    //! The default random source (QRandomGenerator::global()).
    static RandomSource systemSource();

private:
    quint64 m_min;
    quint64 m_max;
    RandomSource m_random;
    int m_attempt = 0;
};

} // namespace Centrifuge
