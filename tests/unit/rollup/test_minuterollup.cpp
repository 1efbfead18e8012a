#include "history/minuterollup.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <vector>

using mm::LatencyHistogram;
using mm::MinuteRollup;
using mm::Quality;
using mm::RollupMetric;
using mm::Sample;

namespace {

constexpr std::array<RollupMetric, 5> kMetrics = {RollupMetric::Upload, RollupMetric::Download,
                                                  RollupMetric::Latency, RollupMetric::Jitter,
                                                  RollupMetric::PacketLoss};
constexpr std::array<Quality, 5> kLevels = {Quality::Unknown, Quality::Excellent, Quality::Good,
                                            Quality::Fair, Quality::Poor};

mm::Metric valueOf(const Sample &s, RollupMetric metric)
{
    switch (metric) {
    case RollupMetric::Upload: return s.uploadKbps;
    case RollupMetric::Download: return s.downloadKbps;
    case RollupMetric::Latency: return s.latencyMs;
    case RollupMetric::Jitter: return s.jitterMs;
    case RollupMetric::PacketLoss: return s.packetLossPct;
    }
    return std::nullopt;
}

// A user's 1 Hz stream over `seconds` seconds from `startMs`, with dropped
// seconds (gaps, including whole silent minutes) and each metric unknown
// about a fifth of the time.
std::vector<Sample> randomStream(std::mt19937_64 &rng, qint64 startMs, int seconds)
{
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::uniform_int_distribution<int> level(0, 4);
    std::uniform_int_distribution<int> jitterMs(0, 999);
    std::vector<Sample> out;
    bool silent = false;
    for (int s = 0; s < seconds; ++s) {
        if (unit(rng) < 0.01)
            silent = !silent; // long outages and returns
        if (silent || unit(rng) < 0.1)
            continue;
        Sample x;
        x.meetingId = QStringLiteral("m");
        x.userId = QStringLiteral("u");
        x.receivedMs = startMs + qint64(s) * 1000 + jitterMs(rng);
        const auto maybe = [&](double v) { return unit(rng) < 0.2 ? mm::Metric() : mm::Metric(v); };
        x.uploadKbps = maybe(unit(rng) * 5000.0);
        x.downloadKbps = maybe(unit(rng) * 20000.0);
        x.latencyMs = maybe(unit(rng) < 0.05 ? 0.0 : std::exp(unit(rng) * 8.0));
        x.jitterMs = maybe(unit(rng) * 80.0);
        x.packetLossPct = maybe(unit(rng) < 0.5 ? 0.0 : unit(rng) * 100.0);
        x.quality = kLevels[size_t(level(rng))];
        out.push_back(x);
    }
    return out;
}

// Minute floor written independently of MinuteRollup::minuteStartMs.
qint64 floorMinute(qint64 ms)
{
    return qint64(std::floor(double(ms) / 60000.0)) * 60000;
}

// Brute force over a set of samples: everything the rollup should report.
void expectMatchesBruteForce(const MinuteRollup &rollup, const std::vector<Sample> &samples)
{
    ASSERT_EQ(rollup.sampleCount(), qint64(samples.size()));
    if (samples.empty()) {
        EXPECT_TRUE(rollup.isEmpty());
        EXPECT_FALSE(rollup.startMs().has_value());
        return;
    }
    qint64 first = samples.front().receivedMs;
    qint64 last = first;
    for (const Sample &s : samples) {
        first = std::min(first, s.receivedMs);
        last = std::max(last, s.receivedMs);
    }
    EXPECT_EQ(rollup.startMs(), floorMinute(first));
    EXPECT_EQ(rollup.endMs(), floorMinute(last) + 60000);

    for (RollupMetric metric : kMetrics) {
        std::vector<double> known;
        for (const Sample &s : samples) {
            if (const auto v = valueOf(s, metric))
                known.push_back(*v);
        }
        const auto &summary = rollup.metric(metric);
        EXPECT_EQ(summary.knownCount(), qint64(known.size()));
        if (known.empty()) {
            // Unknown stays unknown: no zero min, mean or max.
            EXPECT_FALSE(summary.min().has_value());
            EXPECT_FALSE(summary.max().has_value());
            EXPECT_FALSE(summary.mean().has_value());
            continue;
        }
        double sum = 0;
        for (double v : known)
            sum += v;
        ASSERT_TRUE(summary.mean().has_value());
        EXPECT_EQ(summary.min(), *std::min_element(known.begin(), known.end()));
        EXPECT_EQ(summary.max(), *std::max_element(known.begin(), known.end()));
        EXPECT_NEAR(*summary.mean(), sum / double(known.size()),
                    1e-9 * std::max(1.0, std::abs(sum / double(known.size()))));
    }

    qint64 secondsTotal = 0;
    for (Quality level : kLevels) {
        const auto expected = std::count_if(samples.begin(), samples.end(),
                                            [&](const Sample &s) { return s.quality == level; });
        EXPECT_EQ(rollup.secondsIn(level), qint64(expected)) << mm::qualityName(level).toStdString();
        secondsTotal += rollup.secondsIn(level);
    }
    EXPECT_EQ(secondsTotal, rollup.sampleCount());

    mm::MinuteLatencyHistogram latencies;
    for (const Sample &s : samples) {
        if (s.latencyMs)
            latencies.add(*s.latencyMs);
    }
    EXPECT_EQ(rollup.latencyHistogram(), latencies);
}

void expectSameUpToRounding(const MinuteRollup &a, const MinuteRollup &b)
{
    EXPECT_EQ(a.sampleCount(), b.sampleCount());
    EXPECT_EQ(a.startMs(), b.startMs());
    EXPECT_EQ(a.endMs(), b.endMs());
    for (RollupMetric metric : kMetrics) {
        EXPECT_EQ(a.metric(metric).knownCount(), b.metric(metric).knownCount());
        EXPECT_EQ(a.metric(metric).min(), b.metric(metric).min());
        EXPECT_EQ(a.metric(metric).max(), b.metric(metric).max());
        EXPECT_NEAR(a.metric(metric).sum(), b.metric(metric).sum(),
                    1e-9 * std::max(1.0, std::abs(a.metric(metric).sum())));
    }
    for (Quality level : kLevels)
        EXPECT_EQ(a.secondsIn(level), b.secondsIn(level));
    EXPECT_EQ(a.latencyHistogram(), b.latencyHistogram());
}

} // namespace

TEST(MinuteRollup, MinuteStartIsTheUtcFloor)
{
    EXPECT_EQ(MinuteRollup::minuteStartMs(0), 0);
    EXPECT_EQ(MinuteRollup::minuteStartMs(59999), 0);
    EXPECT_EQ(MinuteRollup::minuteStartMs(60000), 60000);
    EXPECT_EQ(MinuteRollup::minuteStartMs(-1), -60000);
    EXPECT_EQ(MinuteRollup::minuteStartMs(-60000), -60000);
    EXPECT_EQ(MinuteRollup::minuteStartMs(-60001), -120000);
    std::mt19937_64 rng(3);
    std::uniform_int_distribution<qint64> any(-4'000'000'000'000LL, 4'000'000'000'000LL);
    for (int i = 0; i < 10000; ++i) {
        const qint64 ms = any(rng);
        EXPECT_EQ(MinuteRollup::minuteStartMs(ms), floorMinute(ms)) << ms;
    }
}

TEST(MinuteRollup, EmptyRollupKnowsNothing)
{
    const MinuteRollup r;
    EXPECT_TRUE(r.isEmpty());
    EXPECT_EQ(r.sampleCount(), 0);
    EXPECT_FALSE(r.startMs().has_value());
    EXPECT_FALSE(r.endMs().has_value());
    for (RollupMetric metric : kMetrics) {
        EXPECT_FALSE(r.metric(metric).mean().has_value());
        EXPECT_FALSE(r.metric(metric).min().has_value());
    }
    EXPECT_TRUE(r.latencyHistogram().isEmpty());
}

TEST(MinuteRollup, SampleWithNothingKnownCountsOnlyAsAnUnknownSecond)
{
    Sample s;
    s.meetingId = QStringLiteral("m");
    s.userId = QStringLiteral("u");
    s.receivedMs = 1'718'000'000'123;
    MinuteRollup r;
    r.add(s);
    EXPECT_EQ(r.sampleCount(), 1);
    EXPECT_EQ(r.secondsIn(Quality::Unknown), 1);
    EXPECT_EQ(r.startMs(), floorMinute(s.receivedMs));
    for (RollupMetric metric : kMetrics) {
        EXPECT_EQ(r.metric(metric).knownCount(), 0);
        EXPECT_FALSE(r.metric(metric).mean().has_value());
        EXPECT_FALSE(r.metric(metric).min().has_value());
        EXPECT_FALSE(r.metric(metric).max().has_value());
    }
    EXPECT_TRUE(r.latencyHistogram().isEmpty());
}

TEST(MinuteRollup, PerMinuteArithmeticMatchesBruteForce)
{
    std::mt19937_64 rng(2024);
    for (int round = 0; round < 10; ++round) {
        // Start mid-minute so the first and last minutes are partial.
        const qint64 start = 1'718'000'000'000LL + round * 7'777;
        const auto samples = randomStream(rng, start, 3 * 3600);

        std::map<qint64, MinuteRollup> rollups;
        std::map<qint64, std::vector<Sample>> byMinute;
        for (const Sample &s : samples) {
            rollups[MinuteRollup::minuteStartMs(s.receivedMs)].add(s);
            byMinute[floorMinute(s.receivedMs)].push_back(s);
        }
        ASSERT_EQ(rollups.size(), byMinute.size());
        for (const auto &[minute, group] : byMinute) {
            ASSERT_TRUE(rollups.count(minute)) << minute;
            SCOPED_TRACE(minute);
            expectMatchesBruteForce(rollups.at(minute), group);
            EXPECT_LE(rollups.at(minute).sampleCount(), 60 + 1); // 1 Hz, jittered arrival
        }

        // The minutes of each hour merged == the hour's samples directly.
        std::map<qint64, MinuteRollup> hours;
        std::map<qint64, std::vector<Sample>> samplesByHour;
        for (const auto &[minute, rollup] : rollups)
            hours[minute - ((minute % 3'600'000) + 3'600'000) % 3'600'000].merge(rollup);
        for (const Sample &s : samples)
            samplesByHour[s.receivedMs - ((s.receivedMs % 3'600'000) + 3'600'000) % 3'600'000]
                .push_back(s);
        ASSERT_EQ(hours.size(), samplesByHour.size());
        for (const auto &[hour, group] : samplesByHour) {
            SCOPED_TRACE(hour);
            expectMatchesBruteForce(hours.at(hour), group);
        }
    }
}

TEST(MinuteRollup, MergeIsAssociativeAndCommutative)
{
    std::mt19937_64 rng(77);
    for (int round = 0; round < 30; ++round) {
        std::array<MinuteRollup, 3> parts;
        for (size_t i = 0; i < parts.size(); ++i) {
            const auto samples = randomStream(rng, 1'700'000'000'000LL + qint64(i) * 600'000 + round,
                                              round % 5 == 0 && i == 1 ? 0 : 400);
            for (const Sample &s : samples)
                parts[i].add(s);
        }
        const auto &[a, b, c] = parts;

        MinuteRollup left = a; // (a + b) + c
        left.merge(b);
        left.merge(c);
        MinuteRollup bc = b; // a + (b + c)
        bc.merge(c);
        MinuteRollup right = a;
        right.merge(bc);
        MinuteRollup reversed = c; // (c + b) + a
        reversed.merge(b);
        reversed.merge(a);

        expectSameUpToRounding(left, right);
        expectSameUpToRounding(left, reversed);

        MinuteRollup withEmpty = left;
        withEmpty.merge(MinuteRollup());
        EXPECT_EQ(withEmpty, left);
        MinuteRollup fromEmpty;
        fromEmpty.merge(left);
        EXPECT_EQ(fromEmpty, left);
    }
}

TEST(MinuteRollup, NonFiniteValuesAreUnknown)
{
    Sample s;
    s.receivedMs = 120'000;
    s.latencyMs = std::nan("");
    s.uploadKbps = std::numeric_limits<double>::infinity();
    s.downloadKbps = 10.0;
    s.quality = Quality::Good;
    MinuteRollup r;
    r.add(s);
    EXPECT_EQ(r.metric(RollupMetric::Latency).knownCount(), 0);
    EXPECT_EQ(r.metric(RollupMetric::Upload).knownCount(), 0);
    EXPECT_EQ(r.metric(RollupMetric::Download).mean(), 10.0);
    EXPECT_TRUE(r.latencyHistogram().isEmpty());
    EXPECT_EQ(r.secondsIn(Quality::Good), 1);
    EXPECT_EQ(r.secondsIn(Quality::Unknown), 0);
}
