#include "history/latencyhistogram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <random>
#include <vector>

using mm::LatencyHistogram;

namespace {

// The exact nearest-rank percentile of the data, computed independently of
// the histogram: the value of rank max(1, ceil(p/100 × n)) once sorted.
double exactPercentile(std::vector<double> sorted, double p)
{
    std::sort(sorted.begin(), sorted.end());
    const auto n = sorted.size();
    auto rank = size_t(std::ceil(p / 100.0 * double(n)));
    rank = std::clamp<size_t>(rank, 1, n);
    return sorted[rank - 1];
}

LatencyHistogram histogramOf(const std::vector<double> &values)
{
    LatencyHistogram h;
    for (double v : values)
        EXPECT_TRUE(h.add(v)) << v;
    return h;
}

// The bound the header promises: ≤ 5 % relative from 0.1 ms up, within
// half a linear bucket (0.005 ms) below, exact at zero.
void expectWithinBound(const LatencyHistogram &h, const std::vector<double> &values, double p,
                       const char *what)
{
    const double exact = exactPercentile(values, p);
    const auto estimate = h.percentile(p);
    ASSERT_TRUE(estimate.has_value());
    if (exact == 0.0) {
        EXPECT_EQ(*estimate, 0.0) << what << " p" << p;
    } else if (exact >= LatencyHistogram::kLogStartMs) {
        EXPECT_LE(std::abs(*estimate - exact) / exact, 0.05)
            << what << " p" << p << " exact " << exact << " estimate " << *estimate;
    } else {
        EXPECT_LE(std::abs(*estimate - exact), LatencyHistogram::kLinearWidthMs / 2 + 1e-12)
            << what << " p" << p << " exact " << exact << " estimate " << *estimate;
    }
}

std::vector<double> generate(std::mt19937_64 &rng, size_t n, const std::function<double()> &draw)
{
    std::vector<double> values;
    values.reserve(n);
    while (values.size() < n) {
        const double v = draw();
        // The histogram's domain is the decoder's: 0..60,000 ms.
        if (v >= 0.0 && v <= LatencyHistogram::kMaxMs)
            values.push_back(v);
    }
    (void)rng;
    return values;
}

} // namespace

TEST(LatencyHistogram, BucketsTileTheRangeWithBoundedRatio)
{
    EXPECT_EQ(LatencyHistogram::bucketIndex(0.0), 0);
    EXPECT_EQ(LatencyHistogram::bucketIndex(-0.0), 0);
    EXPECT_EQ(LatencyHistogram::bucketIndex(-0.001), -1);
    EXPECT_EQ(LatencyHistogram::bucketIndex(std::nan("")), -1);
    EXPECT_EQ(LatencyHistogram::bucketIndex(LatencyHistogram::kMaxMs + 0.001), -1);
    EXPECT_EQ(LatencyHistogram::bucketIndex(std::numeric_limits<double>::infinity()), -1);
    EXPECT_EQ(LatencyHistogram::bucketIndex(LatencyHistogram::kMaxMs),
              LatencyHistogram::kBucketCount - 1);

    for (int i = 1; i < LatencyHistogram::kBucketCount; ++i) {
        const double lower = LatencyHistogram::bucketLower(i);
        const double upper = LatencyHistogram::bucketUpper(i);
        ASSERT_LT(lower, upper) << i;
        if (i + 1 < LatencyHistogram::kBucketCount) {
            EXPECT_EQ(upper, LatencyHistogram::bucketLower(i + 1)) << "gap after bucket " << i;
        }
        if (lower >= LatencyHistogram::kLogStartMs) {
            EXPECT_LE(upper / lower, 1.1 + 1e-12) << i;
        }
        // Both ends of the half-open interval land in this bucket.
        if (lower > 0) {
            EXPECT_EQ(LatencyHistogram::bucketIndex(lower), i) << lower;
        }
        const double justBelowUpper = std::nextafter(upper, 0.0);
        if (justBelowUpper <= LatencyHistogram::kMaxMs) {
            EXPECT_EQ(LatencyHistogram::bucketIndex(justBelowUpper), i) << justBelowUpper;
        }
        const double estimate = LatencyHistogram::bucketEstimate(i);
        EXPECT_GE(estimate, lower);
        EXPECT_LT(estimate, upper);
    }
    EXPECT_GE(LatencyHistogram::bucketUpper(LatencyHistogram::kBucketCount - 1),
              LatencyHistogram::kMaxMs);
}

TEST(LatencyHistogram, EmptyHasNoPercentileAndRefusedValuesAreNotCounted)
{
    LatencyHistogram h;
    EXPECT_FALSE(h.percentile(50).has_value());
    EXPECT_FALSE(h.min().has_value());
    EXPECT_FALSE(h.max().has_value());
    EXPECT_FALSE(h.add(std::nan("")));
    EXPECT_FALSE(h.add(-1.0));
    EXPECT_FALSE(h.add(60000.5));
    EXPECT_FALSE(h.add(std::numeric_limits<double>::infinity()));
    EXPECT_EQ(h.count(), 0u);
    EXPECT_FALSE(h.percentile(0).has_value());

    EXPECT_TRUE(h.add(42.0));
    EXPECT_EQ(h.count(), 1u);
    EXPECT_EQ(h.percentile(50), 42.0); // one value: min == max clamps it exactly
    EXPECT_FALSE(h.percentile(-1).has_value());
    EXPECT_FALSE(h.percentile(100.5).has_value());
    EXPECT_FALSE(h.percentile(std::nan("")).has_value());
}

TEST(LatencyHistogram, PercentilesWithinFivePercentOnManyDistributions)
{
    std::mt19937_64 rng(20240611);
    std::uniform_real_distribution<double> uniform(0.0, 60000.0);
    std::lognormal_distribution<double> lognormal(3.5, 1.2);
    std::exponential_distribution<double> exponential(1.0 / 40.0);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::normal_distribution<double> typical(45.0, 8.0);

    struct Case
    {
        const char *name;
        std::function<double()> draw;
    };
    const std::vector<Case> cases = {
        {"uniform", [&] { return uniform(rng); }},
        {"lognormal", [&] { return lognormal(rng); }},
        {"exponential", [&] { return exponential(rng); }},
        // Pareto, alpha 1.1: a heavy tail reaching the 60 s ceiling.
        {"pareto", [&] { return 5.0 / std::pow(1.0 - unit(rng), 1.0 / 1.1); }},
        // Mostly healthy, rare multi-second spikes.
        {"spiky", [&] { return unit(rng) < 0.01 ? 2000.0 + unit(rng) * 50000.0 : typical(rng); }},
        // Whole milliseconds, as many browsers report.
        {"integers", [&] { return std::round(lognormal(rng)); }},
        // Sub-millisecond (loopback, LAN).
        {"submillisecond", [&] { return unit(rng); }},
        // A user alone part of the time reports 0.
        {"zeros-and-values", [&] { return unit(rng) < 0.4 ? 0.0 : typical(rng); }},
        {"all-zeros", [] { return 0.0; }},
    };
    std::vector<double> ps = {0, 0.1, 1, 5, 10, 25, 33.3, 50, 66.7, 75, 90, 95, 99, 99.9, 100};
    for (int i = 0; i < 20; ++i)
        ps.push_back(unit(rng) * 100.0);

    for (const Case &c : cases) {
        for (const size_t n : {size_t(1), size_t(7), size_t(60), size_t(1000), size_t(50000)}) {
            const auto values = generate(rng, n, c.draw);
            const auto h = histogramOf(values);
            ASSERT_EQ(h.count(), n);
            for (double p : ps)
                expectWithinBound(h, values, p, c.name);
        }
    }
}

TEST(LatencyHistogram, AllZerosGiveZeroEverywhere)
{
    LatencyHistogram h;
    for (int i = 0; i < 600; ++i)
        h.add(0.0);
    for (double p : {0.0, 1.0, 50.0, 95.0, 100.0})
        EXPECT_EQ(h.percentile(p), 0.0) << p;
    EXPECT_EQ(h.min(), 0.0);
    EXPECT_EQ(h.max(), 0.0);
}

TEST(LatencyHistogram, MergeEqualsAddingEverythingToOne)
{
    std::mt19937_64 rng(7);
    std::lognormal_distribution<double> lognormal(4.0, 1.5);
    std::uniform_int_distribution<int> part(0, 9);

    for (int round = 0; round < 20; ++round) {
        LatencyHistogram all;
        std::vector<LatencyHistogram> parts(10);
        for (int i = 0; i < 5000; ++i) {
            double v = lognormal(rng);
            if (v > LatencyHistogram::kMaxMs)
                v = 0.0;
            all.add(v);
            parts[size_t(part(rng))].add(v);
        }
        LatencyHistogram leftToRight;
        for (const auto &p : parts)
            leftToRight.merge(p);
        LatencyHistogram rightToLeft;
        for (auto it = parts.rbegin(); it != parts.rend(); ++it)
            rightToLeft.merge(*it);
        EXPECT_EQ(leftToRight, all);
        EXPECT_EQ(rightToLeft, all);
        EXPECT_EQ(leftToRight.percentile(95), all.percentile(95));
    }

    LatencyHistogram one;
    one.add(12.5);
    LatencyHistogram copy = one;
    copy.merge(LatencyHistogram());
    EXPECT_EQ(copy, one);
    LatencyHistogram empty;
    empty.merge(one);
    EXPECT_EQ(empty, one);
}

TEST(LatencyHistogram, SerialisationRoundTrips)
{
    std::mt19937_64 rng(99);
    std::lognormal_distribution<double> lognormal(3.0, 2.0);
    std::uniform_int_distribution<int> size(0, 3000);

    const LatencyHistogram empty;
    const auto emptyBack = LatencyHistogram::fromBytes(empty.toBytes());
    ASSERT_TRUE(emptyBack.has_value());
    EXPECT_EQ(*emptyBack, empty);

    for (int round = 0; round < 200; ++round) {
        LatencyHistogram h;
        const int n = size(rng);
        for (int i = 0; i < n; ++i)
            h.add(std::min(lognormal(rng), LatencyHistogram::kMaxMs));
        const QByteArray bytes = h.toBytes();
        const auto back = LatencyHistogram::fromBytes(bytes);
        ASSERT_TRUE(back.has_value()) << round;
        EXPECT_EQ(*back, h);
        EXPECT_EQ(back->toBytes(), bytes);
    }

    // Huge counts survive (merged over months and users).
    LatencyHistogram big;
    big.add(30.0);
    for (int i = 0; i < 40; ++i)
        big.merge(big); // 2^40 values
    const auto bigBack = LatencyHistogram::fromBytes(big.toBytes());
    ASSERT_TRUE(bigBack.has_value());
    EXPECT_EQ(bigBack->count(), quint64(1) << 40);
}

TEST(LatencyHistogram, TypicalMinuteIsCompact)
{
    std::mt19937_64 rng(5);
    std::normal_distribution<double> typical(45.0, 6.0);
    LatencyHistogram h;
    for (int i = 0; i < 60; ++i)
        h.add(std::max(0.0, typical(rng)));
    // Sparse varints: ~2 bytes per non-empty bucket plus min/max and header.
    const auto size = h.toBytes().size();
    EXPECT_LE(size, 2 + 4 * qsizetype(20) + 16);
    EXPECT_LT(size, qsizetype(sizeof(quint64)) * LatencyHistogram::kBucketCount / 10);
}

TEST(LatencyHistogram, CorruptAndTruncatedBlobsAreRejected)
{
    LatencyHistogram h;
    for (double v : {0.0, 0.05, 1.0, 12.0, 45.0, 46.0, 300.0, 59999.0})
        h.add(v);
    const QByteArray good = h.toBytes();
    ASSERT_TRUE(LatencyHistogram::fromBytes(good).has_value());

    // Every proper prefix is a truncation.
    for (qsizetype len = 0; len < good.size(); ++len)
        EXPECT_FALSE(LatencyHistogram::fromBytes(good.left(len)).has_value()) << len;
    // Trailing garbage.
    EXPECT_FALSE(LatencyHistogram::fromBytes(QByteArray(good).append('\0')).has_value());
    // Wrong version.
    QByteArray wrongVersion = good;
    wrongVersion[0] = char(2);
    EXPECT_FALSE(LatencyHistogram::fromBytes(wrongVersion).has_value());

    const auto blob = [](std::initializer_list<int> bytes) {
        QByteArray out;
        for (int b : bytes)
            out.append(char(b));
        return out;
    };
    // Index past the last bucket.
    EXPECT_FALSE(LatencyHistogram::fromBytes(blob({1, 1, 0xff, 0x01, 1})).has_value());
    // A zero count is never written.
    EXPECT_FALSE(LatencyHistogram::fromBytes(blob({1, 1, 0, 0})).has_value());
    // More buckets announced than exist.
    EXPECT_FALSE(LatencyHistogram::fromBytes(blob({1, 0xff, 0x7f})).has_value());
    // A varint longer than 64 bits.
    EXPECT_FALSE(LatencyHistogram::fromBytes(
                     blob({1, 1, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}))
                     .has_value());
    // Counts whose sum overflows 64 bits (2^63 twice).
    QByteArray overflow = blob({1, 2, 0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
                                0x01, 0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01});
    EXPECT_FALSE(LatencyHistogram::fromBytes(overflow).has_value());
    // Min and max that are not in the first and last bucket.
    LatencyHistogram one;
    one.add(50.0);
    QByteArray lying = one.toBytes();
    const double wrongMin = 500.0;
    QByteArray minBytes(reinterpret_cast<const char *>(&wrongMin), sizeof wrongMin);
    lying.replace(lying.size() - 16, 8, minBytes); // little-endian host (x86, arm)
    EXPECT_FALSE(LatencyHistogram::fromBytes(lying).has_value());

    // Single bit flips: rejected, or (when they happen to encode another
    // valid histogram) accepted only as something self-consistent.
    for (qsizetype i = 0; i < good.size(); ++i) {
        for (int bit = 0; bit < 8; ++bit) {
            QByteArray flipped = good;
            flipped[i] = char(quint8(flipped[i]) ^ (1u << bit));
            const auto decoded = LatencyHistogram::fromBytes(flipped);
            if (decoded) {
                EXPECT_EQ(decoded->toBytes(), flipped);
                quint64 sum = 0;
                for (int b = 0; b < LatencyHistogram::kBucketCount; ++b)
                    sum += decoded->bucketCount(b);
                EXPECT_EQ(sum, decoded->count());
            }
        }
    }
}

TEST(LatencyHistogram, RandomBytesNeverCrashAndOnlyCanonicalBlobsDecode)
{
    std::mt19937_64 rng(1234);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> length(0, 80);
    int accepted = 0;
    for (int round = 0; round < 100000; ++round) {
        QByteArray bytes;
        const int n = length(rng);
        for (int i = 0; i < n; ++i)
            bytes.append(char(byte(rng)));
        if (round % 2 == 0 && !bytes.isEmpty())
            bytes[0] = char(1); // get past the version byte half the time
        const auto decoded = LatencyHistogram::fromBytes(bytes);
        if (decoded) {
            ++accepted;
            EXPECT_EQ(decoded->toBytes(), bytes);
            if (!decoded->isEmpty()) {
                const auto p50 = decoded->percentile(50);
                ASSERT_TRUE(p50.has_value());
                EXPECT_GE(*p50, *decoded->min());
                EXPECT_LE(*p50, *decoded->max());
            }
        }
    }
    // Almost nothing random is a valid blob (the empty one, [1, 0], is).
    EXPECT_LT(accepted, 1000);
}

namespace {

// A stored histogram of `count` values, all `ms`, in the documented format
// (version 1, one bucket, its index and count as varints, min and max).
QByteArray oneBucketBlob(double ms, quint64 count)
{
    QByteArray out;
    const auto varint = [&out](quint64 value) {
        while (value >= 0x80) {
            out.append(char((value & 0x7f) | 0x80));
            value >>= 7;
        }
        out.append(char(value));
    };
    out.append(char(1));
    varint(1);
    varint(quint64(LatencyHistogram::bucketIndex(ms)));
    varint(count);
    for (int i = 0; i < 2; ++i)
        out.append(reinterpret_cast<const char *>(&ms), sizeof ms); // little-endian host
    return out;
}

} // namespace

// The minute-sized histogram holds 32-bit counts: what it cannot hold is
// refused or kept up to its largest count, never wrapped.
TEST(MinuteLatencyHistogram, CountsNeverWrap)
{
    using mm::MinuteLatencyHistogram;
    constexpr quint64 Full = std::numeric_limits<quint32>::max();
    ASSERT_TRUE(LatencyHistogram::fromBytes(oneBucketBlob(40.0, Full + 1)).has_value());
    EXPECT_FALSE(MinuteLatencyHistogram::fromBytes(oneBucketBlob(40.0, Full + 1)).has_value());
    auto full = MinuteLatencyHistogram::fromBytes(oneBucketBlob(40.0, Full));
    ASSERT_TRUE(full.has_value());
    EXPECT_EQ(full->count(), Full);

    // A value for the full bucket is refused; another bucket still counts.
    EXPECT_FALSE(full->add(40.0));
    EXPECT_EQ(full->count(), Full);
    EXPECT_TRUE(full->add(400.0));
    EXPECT_EQ(full->count(), Full + 1);

    // A merge keeps what fits and counts only that.
    MinuteLatencyHistogram other;
    other.add(40.0);
    other.add(40.0);
    other.add(4.0);
    full->merge(other);
    EXPECT_EQ(full->bucketCount(LatencyHistogram::bucketIndex(40.0)), Full);
    EXPECT_EQ(full->bucketCount(LatencyHistogram::bucketIndex(4.0)), 1u);
    EXPECT_EQ(full->count(), Full + 2);
    EXPECT_DOUBLE_EQ(*full->min(), 4.0);
    EXPECT_DOUBLE_EQ(*full->max(), 400.0);
    const auto again = MinuteLatencyHistogram::fromBytes(full->toBytes());
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(*again, *full);
}
