// Rollup and downsampling micro-benchmark: the per-sample cost of the
// per-minute rollup, the stored size of a minute's latency histogram, and
// the cost of reducing a week of 1 Hz points for display. Prints figures;
// asserts nothing (times depend on the machine).
//
//   bench/rollup_bench
#include "downsampler.h"
#include "history/minuterollup.h"

#include <QList>
#include <QPointF>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

std::vector<mm::Sample> makeSamples(std::mt19937_64 &rng, int count)
{
    std::normal_distribution<double> latency(45.0, 8.0);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<mm::Sample> samples(static_cast<size_t>(count));
    qint64 t = 1'718'000'000'000LL;
    for (mm::Sample &s : samples) {
        s.receivedMs = (t += 1000);
        s.uploadKbps = 800.0 + unit(rng) * 400.0;
        s.downloadKbps = 2400.0 + unit(rng) * 1200.0;
        if (unit(rng) > 0.02) // a few unknown latencies, as in the field
            s.latencyMs = std::max(0.0, latency(rng));
        s.jitterMs = unit(rng) * 15.0;
        s.packetLossPct = unit(rng) < 0.8 ? 0.0 : unit(rng) * 3.0;
        s.quality = s.latencyMs ? mm::classifyQuality(*s.latencyMs, *s.packetLossPct)
                                : mm::Quality::Unknown;
    }
    return samples;
}

void benchRollupAdd()
{
    std::mt19937_64 rng(1);
    const int n = 2'000'000;
    const auto samples = makeSamples(rng, n);
    std::vector<double> nsPerAdd;
    qint64 sink = 0;
    for (int round = 0; round < 5; ++round) {
        const auto start = Clock::now();
        mm::MinuteRollup rollup;
        qint64 minute = mm::MinuteRollup::minuteStartMs(samples.front().receivedMs);
        for (const mm::Sample &s : samples) {
            // One user's stream: a new rollup each minute, as a writer would.
            const qint64 m = mm::MinuteRollup::minuteStartMs(s.receivedMs);
            if (m != minute) {
                sink += rollup.sampleCount();
                rollup = mm::MinuteRollup();
                minute = m;
            }
            rollup.add(s);
        }
        sink += rollup.sampleCount();
        nsPerAdd.push_back(msSince(start) * 1e6 / n);
    }
    std::printf("MinuteRollup::add            %8.1f ns per sample (median of 5 x %d; checksum %lld)\n",
                median(nsPerAdd), n, static_cast<long long>(sink));
    std::printf("sizeof(MinuteRollup)         %8zu bytes in memory (histogram %zu)\n",
                sizeof(mm::MinuteRollup), sizeof(mm::MinuteLatencyHistogram));
}

void benchHistogramSize()
{
    std::mt19937_64 rng(2);
    const auto samples = makeSamples(rng, 7 * 24 * 3600);
    mm::LatencyHistogram minute;
    for (int i = 0; i < 60; ++i) {
        if (samples[size_t(i)].latencyMs)
            minute.add(*samples[size_t(i)].latencyMs);
    }
    mm::LatencyHistogram hour;
    mm::LatencyHistogram week;
    for (size_t i = 0; i < samples.size(); ++i) {
        if (!samples[i].latencyMs)
            continue;
        if (i < 3600)
            hour.add(*samples[i].latencyMs);
        week.add(*samples[i].latencyMs);
    }
    std::normal_distribution<double> wild(0.0, 3.0);
    mm::LatencyHistogram troubled; // a bad minute: latency all over the place
    for (int i = 0; i < 60; ++i)
        troubled.add(std::min(60000.0, 50.0 * std::exp(std::abs(wild(rng)))));

    std::printf("histogram, typical minute    %8lld bytes (60 samples around 45 ms)\n",
                static_cast<long long>(minute.toBytes().size()));
    std::printf("histogram, troubled minute   %8lld bytes (60 samples, 50 ms .. seconds)\n",
                static_cast<long long>(troubled.toBytes().size()));
    std::printf("histogram, one hour          %8lld bytes\n",
                static_cast<long long>(hour.toBytes().size()));
    std::printf("histogram, one week          %8lld bytes\n",
                static_cast<long long>(week.toBytes().size()));
}

void benchDownsampling()
{
    std::mt19937_64 rng(3);
    std::normal_distribution<double> step(0.0, 0.5);
    std::vector<QPointF> week;
    week.reserve(604'800);
    double y = 40.0;
    for (int i = 0; i < 604'800; ++i) {
        y = std::clamp(y + step(rng), 5.0, 120.0);
        week.emplace_back(double(i), i == 300'000 ? 2500.0 : y); // one spike
    }
    std::vector<double> minMaxMs;
    std::vector<double> lttbMs;
    qsizetype minMaxPoints = 0;
    qsizetype lttbPoints = 0;
    for (int round = 0; round < 11; ++round) {
        auto start = Clock::now();
        const auto reduced = mm::Downsampler::minMaxPerColumn(week, 1600, 2.5);
        minMaxMs.push_back(msSince(start));
        minMaxPoints = reduced.size();
        start = Clock::now();
        const auto sampled = mm::Downsampler::lttb(week, 2000, 2.5);
        lttbMs.push_back(msSince(start));
        lttbPoints = sampled.size();
    }
    std::printf("min/max 604,800 -> 1,600 col %8.2f ms (median of 11; %lld points out)\n",
                median(minMaxMs), static_cast<long long>(minMaxPoints));
    std::printf("LTTB    604,800 -> 2,000     %8.2f ms (median of 11; %lld points out)\n",
                median(lttbMs), static_cast<long long>(lttbPoints));
}

} // namespace

int main()
{
    benchRollupAdd();
    benchHistogramSize();
    benchDownsampling();
    return 0;
}
