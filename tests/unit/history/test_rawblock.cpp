#include "history/rawblock.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <gtest/gtest.h>

using namespace mm;

namespace {

constexpr qint64 Minute = 29'925'255LL * 60'000; // 2026-11-24T10:15Z

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

void expectSame(const std::vector<RawPoint> &expected, const std::vector<RawPoint> &actual)
{
    ASSERT_EQ(expected.size(), actual.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(expected[i].timeMs, actual[i].timeMs) << i;
        EXPECT_EQ(expected[i].quality, actual[i].quality) << i;
        for (size_t m = 0; m < expected[i].value.size(); ++m) {
            ASSERT_EQ(expected[i].value[m].has_value(), actual[i].value[m].has_value()) << i << "/" << m;
            if (expected[i].value[m]) { // bit for bit: 12.5 stays 12.5, -0.0 stays -0.0
                EXPECT_TRUE(sameBits(*expected[i].value[m], *actual[i].value[m]))
                    << i << "/" << m << ": " << *expected[i].value[m] << " vs " << *actual[i].value[m];
            }
        }
    }
}

std::vector<RawPoint> roundTrip(const std::vector<RawPoint> &points, QByteArray *bytes = nullptr)
{
    RawBlockEncoder encoder;
    for (const RawPoint &p : points)
        encoder.append(p, Minute);
    EXPECT_EQ(encoder.count(), int(points.size()));
    if (bytes)
        *bytes = encoder.bytes();
    const auto decoded = decodeRawBlock(encoder.bytes(), Minute);
    EXPECT_TRUE(decoded.has_value());
    return decoded.value_or(std::vector<RawPoint>{});
}

} // namespace

TEST(RawBlock, RoundTripsRandomValuesOfEveryKind)
{
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::uniform_int_distribution<int> kind(0, 7);
    auto value = [&]() -> Metric {
        switch (kind(rng)) {
        case 0: return std::nullopt;                                    // unknown
        case 1: return double(std::uniform_int_distribution<int>(0, 100000)(rng)); // integer
        case 2: return std::round(unit(rng) * 100000) / 10;             // one decimal
        case 3: return std::round(unit(rng) * 10000) / 100;             // two
        case 4: return std::round(unit(rng) * 1000000) / 1000;          // three
        case 5: return unit(rng) * 5000;                                // not a short decimal
        case 6: return 0.1 + 0.2;                                       // 0.30000000000000004
        default: return std::uniform_real_distribution<double>(-1e300, 1e300)(rng);
        }
    };
    for (int block = 0; block < 200; ++block) {
        std::vector<RawPoint> points;
        qint64 offset = std::uniform_int_distribution<int>(0, 2000)(rng);
        const int n = std::uniform_int_distribution<int>(0, 70)(rng);
        for (int i = 0; i < n && offset < 60'000; ++i) {
            RawPoint p;
            p.timeMs = Minute + offset;
            for (auto &v : p.value)
                v = value();
            p.quality = Quality(std::uniform_int_distribution<int>(0, 4)(rng));
            points.push_back(p);
            // Mostly ~1 s apart, sometimes the same ms, sometimes backwards.
            offset = std::clamp<qint64>(offset + std::uniform_int_distribution<int>(-300, 2500)(rng), 0, 60'000);
        }
        expectSame(points, roundTrip(points));
    }
}

TEST(RawBlock, ExtremesRoundTripExactly)
{
    const double values[] = {0.0, -0.0, 1e-300, std::numeric_limits<double>::denorm_min(),
                             std::numeric_limits<double>::max(), -std::numeric_limits<double>::max(),
                             std::numeric_limits<double>::epsilon(), 9007199254740991.0,
                             9007199254740993.0, 900719925474099.1, 10'000'000, 60'000, 99.999,
                             1234.5678, 0.001, 0.0005, -12.5};
    std::vector<RawPoint> points;
    qint64 offset = 0;
    for (double v : values) {
        RawPoint p;
        p.timeMs = Minute + offset;
        offset += 1000;
        p.value = {v, v, v, v, v};
        points.push_back(p);
    }
    // The first and last millisecond of the minute.
    points.front().timeMs = Minute;
    RawPoint last;
    last.timeMs = Minute + 59'999;
    last.quality = Quality::Poor;
    points.push_back(last);
    expectSame(points, roundTrip(points));
}

TEST(RawBlock, NonFiniteValuesAreStoredAsUnknown)
{
    RawPoint p;
    p.timeMs = Minute + 5;
    p.value = {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
               -std::numeric_limits<double>::infinity(), 1.5, std::nullopt};
    const auto decoded = roundTrip({p});
    ASSERT_EQ(decoded.size(), 1u);
    EXPECT_FALSE(decoded[0].value[0]);
    EXPECT_FALSE(decoded[0].value[1]);
    EXPECT_FALSE(decoded[0].value[2]);
    EXPECT_EQ(decoded[0].value[3], 1.5);
    EXPECT_FALSE(decoded[0].value[4]);
}

TEST(RawBlock, TypicalSamplesAreSmall)
{
    // What clients send: one-decimal bitrates and latencies, two-decimal
    // loss, 1 Hz with a few ms of jitter.
    std::vector<RawPoint> points;
    for (int i = 0; i < 60; ++i) {
        RawPoint p;
        p.timeMs = Minute + i * 1000 + (i % 3);
        p.value = {2953.3 + i, 5262.2 - i, 93.1, 4.2, 0.25};
        p.quality = Quality::Good;
        points.push_back(p);
    }
    QByteArray bytes;
    expectSame(points, roundTrip(points, &bytes));
    EXPECT_LE(bytes.size(), 1 + 60 * 14) << bytes.size();
}

TEST(RawBlock, ResumeContinuesAStoredBlock)
{
    std::vector<RawPoint> points;
    for (int i = 0; i < 10; ++i) {
        RawPoint p;
        p.timeMs = Minute + i * 1000;
        p.value = {double(i), std::nullopt, 40.5, 1.0, 0.0};
        points.push_back(p);
    }
    RawBlockEncoder first;
    for (int i = 0; i < 5; ++i)
        first.append(points[size_t(i)], Minute);
    RawBlockEncoder resumed;
    ASSERT_TRUE(resumed.resume(first.bytes(), Minute));
    EXPECT_EQ(resumed.count(), 5);
    for (int i = 5; i < 10; ++i)
        resumed.append(points[size_t(i)], Minute);
    const auto decoded = decodeRawBlock(resumed.bytes(), Minute);
    ASSERT_TRUE(decoded);
    expectSame(points, *decoded);
    EXPECT_FALSE(resumed.resume(QByteArray("\x02", 1), Minute));
    EXPECT_EQ(resumed.count(), 0);
}

TEST(RawBlock, CorruptBlocksAreRejected)
{
    std::vector<RawPoint> points;
    for (int i = 0; i < 20; ++i) {
        RawPoint p;
        p.timeMs = Minute + i * 1000;
        p.value = {100.5, 0.1 + 0.2, 45.25, std::nullopt, 1.0};
        p.quality = Quality::Fair;
        points.push_back(p);
    }
    QByteArray good;
    roundTrip(points, &good);

    EXPECT_FALSE(decodeRawBlock(QByteArray(), Minute));
    EXPECT_FALSE(decodeRawBlock(QByteArray("\x02", 1), Minute)); // unknown version
    // Every truncation fails (the block ends exactly after a whole sample only
    // at sample boundaries, which decode to a prefix: those are checked apart).
    int prefixes = 0;
    for (qsizetype n = 1; n < good.size(); ++n) {
        const auto decoded = decodeRawBlock(QByteArrayView(good).first(n), Minute);
        if (decoded) {
            ++prefixes;
            ASSERT_LT(decoded->size(), points.size());
            for (size_t i = 0; i < decoded->size(); ++i)
                EXPECT_EQ((*decoded)[i], points[i]);
        }
    }
    EXPECT_EQ(prefixes, int(points.size()) - 1 + 1); // the empty block (version only) too
    // An offset outside the minute.
    RawBlockEncoder outside;
    RawPoint late;
    late.timeMs = Minute + 60'000;
    outside.append(late, Minute);
    EXPECT_FALSE(decodeRawBlock(outside.bytes(), Minute));
    // A level beyond Poor, a bad value tag, a non-finite raw double.
    // (A first sample at offset 0 has delta byte 0.)
    QByteArray badLevel("\x01\x00\xe0", 3); // level 7
    EXPECT_FALSE(decodeRawBlock(badLevel, Minute));
    QByteArray badTag("\x01\x00\x01\x05", 4); // upload present, tag 5
    EXPECT_FALSE(decodeRawBlock(badTag, Minute));
    QByteArray nan("\x01\x00\x01\x04\x00\x00\x00\x00\x00\x00\xf8\x7f", 12);
    EXPECT_FALSE(decodeRawBlock(nan, Minute));
    QByteArray fine("\x01\x00\x01\x04\x00\x00\x00\x00\x00\x00\xf0\x3f", 12); // 1.0 as a double
    const auto one = decodeRawBlock(fine, Minute);
    ASSERT_TRUE(one);
    EXPECT_EQ((*one)[0].value[0], 1.0);
    EXPECT_EQ((*one)[0].timeMs, Minute);

    // Random bytes never crash and mostly fail.
    std::mt19937_64 rng(7);
    for (int i = 0; i < 2000; ++i) {
        QByteArray noise = good;
        const int flips = 1 + int(rng() % 4);
        for (int f = 0; f < flips; ++f)
            noise[qsizetype(rng() % quint64(noise.size()))] = char(rng());
        const auto decoded = decodeRawBlock(noise, Minute);
        if (decoded) {
            for (const RawPoint &p : *decoded) {
                EXPECT_GE(p.timeMs, Minute);
                EXPECT_LT(p.timeMs, Minute + 60'000);
                for (const auto &v : p.value) {
                    if (v) {
                        EXPECT_TRUE(std::isfinite(*v));
                    }
                }
            }
        }
    }
}
