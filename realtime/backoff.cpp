#include "realtime/backoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <limits>
#include <memory>
#include <random>

namespace Centrifuge {

namespace {

quint64 nonNegative(std::chrono::milliseconds d)
{
    return d.count() > 0 ? quint64(d.count()) : 0;
}

} // namespace

Backoff::Backoff(ms minDelay, ms maxDelay, RandomSource random)
    : m_min(nonNegative(minDelay))
    , m_max(nonNegative(maxDelay))
    , m_random(random ? std::move(random) : systemSource())
{
}

quint64 Backoff::intervalCeiling(int attempt, quint64 minDelay, quint64 maxDelay)
{
    const int step = std::clamp(attempt, 0, 31);
    // min * 2^step, saturated at max: compare before shifting so nothing overflows.
    if (minDelay > (maxDelay >> step))
        return maxDelay;
    return std::min(maxDelay, minDelay << step);
}

quint64 Backoff::delayFor(quint64 interval, quint64 minDelay, quint64 maxDelay)
{
    // min + interval cannot wrap: interval <= max, and both are durations in ms.
    const quint64 sum = minDelay > ~quint64(0) - interval ? ~quint64(0) : minDelay + interval;
    return std::min(maxDelay, sum);
}

Backoff::ms Backoff::next()
{
    const quint64 ceiling = intervalCeiling(m_attempt, m_min, m_max);
    const quint64 interval = std::min(ceiling, m_random(ceiling));
    if (m_attempt < std::numeric_limits<int>::max())
        ++m_attempt;
    return ms(qint64(std::min<quint64>(
        delayFor(interval, m_min, m_max), quint64(std::numeric_limits<qint64>::max()))));
}

Backoff::RandomSource Backoff::seededSource(quint32 seed)
{
    auto generator = std::make_shared<QRandomGenerator>(seed);
    return [generator](quint64 highest) {
        return std::uniform_int_distribution<quint64>(0, highest)(*generator);
    };
}

Backoff::RandomSource Backoff::systemSource()
{
    return [](quint64 highest) {
        return std::uniform_int_distribution<quint64>(0, highest)(*QRandomGenerator::global());
    };
}

} // namespace Centrifuge
