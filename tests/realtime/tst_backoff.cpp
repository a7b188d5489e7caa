// Tests of Centrifuge::Backoff: the full-jitter formula of centrifuge-js, bounds, cap, reset.

#include "realtime/backoff.h"

#include <QTest>

#include <algorithm>
#include <vector>

using Centrifuge::Backoff;
using ms = std::chrono::milliseconds;

namespace {

//! The largest delay the formula allows for \a attempt with min/max 500/20000.
qint64 upperBound(int attempt)
{
    const qint64 exp = attempt >= 6 ? 20000 : qint64(500) << attempt;
    return std::min<qint64>(20000, 500 + std::min<qint64>(20000, exp));
}

} // namespace

class TestBackoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void extremesPerAttempt();
    void randomSourceGetsTheCeiling();
    void boundsWithSeededGenerator();
    void distributionCoversTheRange();
    void capAndReset();
    void noOverflow();
    void tokenRefreshBackoffs();
    void systemSourceStaysInBounds();
};

void TestBackoff::extremesPerAttempt()
{
    // Always the lowest random value: every delay is the minimum.
    Backoff low(ms(500), ms(20000), [](quint64) { return quint64(0); });
    for (int i = 0; i < 40; ++i)
        QCOMPARE(low.next(), ms(500));

    // Always the highest: the documented sequence 1.0, 1.5, 2.5, 4.5, 8.5, 16.5, 20, 20 ... s.
    Backoff high(ms(500), ms(20000), [](quint64 highest) { return highest; });
    const std::vector<qint64> expected = {1000, 1500, 2500, 4500, 8500, 16500, 20000, 20000};
    for (size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(high.attempt(), int(i));
        QCOMPARE(high.next().count(), expected[i]);
    }
    for (int i = 0; i < 100; ++i)
        QCOMPARE(high.next(), ms(20000));
}

void TestBackoff::randomSourceGetsTheCeiling()
{
    std::vector<quint64> asked;
    Backoff b(ms(500), ms(20000), [&](quint64 highest) {
        asked.push_back(highest);
        return quint64(0);
    });
    for (int i = 0; i < 8; ++i)
        b.next();
    // min(max, min * 2^step), inclusive bound handed to the source.
    const std::vector<quint64> expected = {500, 1000, 2000, 4000, 8000, 16000, 20000, 20000};
    QCOMPARE(asked, expected);

    // A misbehaving source cannot push the delay past max.
    Backoff wild(ms(500), ms(20000), [](quint64) { return ~quint64(0); });
    for (int i = 0; i < 10; ++i)
        QVERIFY(wild.next() <= ms(20000));
}

void TestBackoff::boundsWithSeededGenerator()
{
    Backoff b(ms(500), ms(20000), Backoff::seededSource(42));
    for (int round = 0; round < 2000; ++round) {
        b.reset();
        for (int attempt = 0; attempt < 10; ++attempt) {
            const qint64 d = b.next().count();
            QVERIFY2(d >= 500 && d <= upperBound(attempt),
                qPrintable(QStringLiteral("attempt %1 gave %2").arg(attempt).arg(d)));
        }
    }
}

void TestBackoff::distributionCoversTheRange()
{
    // At attempt 2 the delay is uniform over [500, 2500]: look at 20000 draws.
    Backoff b(ms(500), ms(20000), Backoff::seededSource(7));
    std::vector<int> buckets(10, 0);
    qint64 lowest = 1 << 30;
    qint64 highest = 0;
    double sum = 0;
    const int draws = 20000;
    for (int i = 0; i < draws; ++i) {
        b.reset();
        b.next();
        b.next();
        const qint64 d = b.next().count();
        QVERIFY(d >= 500 && d <= 2500);
        lowest = std::min(lowest, d);
        highest = std::max(highest, d);
        sum += double(d);
        ++buckets[size_t(std::min<qint64>(9, (d - 500) / 200))];
    }
    QVERIFY(lowest <= 505);
    QVERIFY(highest >= 2495);
    QVERIFY(qAbs(sum / draws - 1500.0) < 25.0);
    for (int count : buckets) // each tenth of the range gets about 2000 draws
        QVERIFY2(count > 1700 && count < 2300, qPrintable(QString::number(count)));

    // Two generators with the same seed agree; another seed does not.
    Backoff a1(ms(500), ms(20000), Backoff::seededSource(1));
    Backoff a2(ms(500), ms(20000), Backoff::seededSource(1));
    Backoff other(ms(500), ms(20000), Backoff::seededSource(2));
    bool differs = false;
    for (int i = 0; i < 20; ++i) {
        const ms d = a1.next();
        QCOMPARE(a2.next(), d);
        differs = differs || other.next() != d;
    }
    QVERIFY(differs);
}

void TestBackoff::capAndReset()
{
    Backoff b(ms(500), ms(20000), Backoff::seededSource(3));
    for (int i = 0; i < 50; ++i)
        QVERIFY(b.next() <= ms(20000));
    QCOMPARE(b.attempt(), 50);
    b.reset();
    QCOMPARE(b.attempt(), 0);
    const ms first = b.next();
    QVERIFY(first >= ms(500) && first <= ms(1000));
    QCOMPARE(b.attempt(), 1);
}

void TestBackoff::noOverflow()
{
    Backoff b(ms(500), ms(20000), [](quint64 highest) { return highest; });
    for (int i = 0; i < 1000; ++i)
        b.next();
    QCOMPARE(b.attempt(), 1000);
    QCOMPARE(b.next(), ms(20000));

    // Huge delays: min * 2^31 would overflow 64 bits without saturation.
    const ms huge(qint64(1) << 40);
    Backoff big(huge, ms(qint64(1) << 62), [](quint64 highest) { return highest; });
    ms previous(0);
    for (int i = 0; i < 1000; ++i) {
        const ms d = big.next();
        QVERIFY(d >= huge && d <= ms(qint64(1) << 62));
        QVERIFY(d >= previous);
        previous = d;
    }
    QCOMPARE(previous, ms(qint64(1) << 62));

    // Static formula at the extremes.
    QCOMPARE(Backoff::intervalCeiling(1000, 500, 20000), quint64(20000));
    QCOMPARE(Backoff::intervalCeiling(-5, 500, 20000), quint64(500));
    QCOMPARE(Backoff::intervalCeiling(31, ~quint64(0), ~quint64(0)), ~quint64(0));
    QCOMPARE(Backoff::delayFor(~quint64(0), ~quint64(0), ~quint64(0)), ~quint64(0));

    // Degenerate settings do not misbehave: max below min gives max, zero gives zero.
    Backoff inverted(ms(5000), ms(1000), Backoff::seededSource(1));
    QCOMPARE(inverted.next(), ms(1000));
    Backoff zero(ms(0), ms(0), Backoff::seededSource(1));
    QCOMPARE(zero.next(), ms(0));
    Backoff negative(ms(-10), ms(-1), Backoff::seededSource(1));
    QCOMPARE(negative.next(), ms(0));
}

void TestBackoff::tokenRefreshBackoffs()
{
    // centrifuge-js backoff(0, 5000, 10000) for token refresh retries: 5-10 s.
    Backoff conn(ms(5000), ms(10000), Backoff::seededSource(11));
    Backoff sub(ms(10000), ms(20000), Backoff::seededSource(12));
    for (int i = 0; i < 1000; ++i) {
        conn.reset();
        sub.reset();
        const ms c = conn.next();
        const ms s = sub.next();
        QVERIFY(c >= ms(5000) && c <= ms(10000));
        QVERIFY(s >= ms(10000) && s <= ms(20000));
    }
}

void TestBackoff::systemSourceStaysInBounds()
{
    Backoff b(ms(500), ms(20000));
    for (int attempt = 0; attempt < 40; ++attempt) {
        const qint64 d = b.next().count();
        QVERIFY(d >= 500 && d <= upperBound(attempt));
    }
}

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
