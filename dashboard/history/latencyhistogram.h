#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>
#include <array>
#include <optional>

namespace mm {

// A mergeable latency histogram over 0..60,000 ms (the decoder's accepted
// range) with the same fixed buckets in every instance, so histograms of
// different users, minutes or days merge by adding counts and percentiles
// over any range come from stored rollups.
//
// Buckets:
//  - index 0 holds exactly 0 ms (a user alone in a meeting reports 0), so a
//    run of zeros has percentile 0, not a bucket midpoint;
//  - a linear region of 10 buckets 0.01 ms wide covers (0, 0.1) ms, where a
//    relative bound makes no sense; the estimate there is within 0.005 ms;
//  - from 0.1 ms up, log-spaced buckets with edges 0.1 × 1.08^k, whose
//    estimate is within sqrt(1.08) - 1 ≈ 3.92 % of the true value (≤ 5 %).
// The exact minimum and maximum are kept too (they merge by min/max) and
// clamp every estimate, so p0 and p100 are exact.
//
// Two sizes of count: LatencyHistogram (64-bit, for sums over any range)
// and MinuteLatencyHistogram (32-bit, half the memory: what a minute
// rollup holds, and the history writer keeps one per active user). A count
// never wraps: a value whose bucket is full is refused, a merge fills a
// bucket up to its largest count and counts only what it kept (so count()
// stays the sum of the buckets), and fromBytes() refuses a count the type
// cannot hold. 2^32 - 1 values in one bucket is 50 days of 1,000 samples a
// second from one user.
struct LatencyBuckets
{
    static constexpr double kMaxMs = 60000.0;
    static constexpr double kLinearWidthMs = 0.01;
    static constexpr int kLinearBuckets = 10;
    static constexpr double kLogStartMs = kLinearWidthMs * kLinearBuckets; // 0.1 ms
    static constexpr double kLogRatio = 1.08;
    static constexpr int kLogBuckets = 173; // first k with 0.1 × 1.08^k ≥ 60,000
    static constexpr int kBucketCount = 1 + kLinearBuckets + kLogBuckets;

    // The bucket holding `ms`, or -1 for NaN, negative and above kMaxMs.
    static int bucketIndex(double ms);
    // Bucket bounds: [lower, upper); the zero bucket is [0, 0].
    static double bucketLower(int index);
    static double bucketUpper(int index);
    // The value reported for a percentile that falls in this bucket (before
    // clamping to the observed min and max).
    static double bucketEstimate(int index);

    friend bool operator==(const LatencyBuckets &, const LatencyBuckets &) = default;
};

template <typename Count>
class BasicLatencyHistogram final : public LatencyBuckets
{
public:

    // Counts one value; NaN, negative and > 60,000 ms are refused (false)
    // and change nothing: an unknown value is never counted as zero. So is
    // a value whose bucket is full.
    bool add(double ms);
    void merge(const BasicLatencyHistogram &other);

    quint64 count() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    quint64 bucketCount(int index) const;
    std::optional<double> min() const;
    std::optional<double> max() const;

    // Nearest-rank percentile, p in [0, 100]: an estimate of the value of
    // rank max(1, ceil(p/100 × count)). nullopt when empty or p is outside
    // [0, 100] or NaN.
    std::optional<double> percentile(double p) const;

    // Sparse binary form: version byte, varint number of non-empty buckets,
    // then (varint index delta, varint count) pairs, then min and max as
    // little-endian IEEE doubles when not empty. A typical minute is a few
    // dozen bytes.
    QByteArray toBytes() const;
    // nullopt for anything that is not exactly what toBytes() writes:
    // wrong version, truncation, trailing bytes, out-of-range or repeated
    // indices, zero counts, counts that overflow, min/max that contradict
    // the buckets.
    static std::optional<BasicLatencyHistogram> fromBytes(QByteArrayView bytes);

    friend bool operator==(const BasicLatencyHistogram &a, const BasicLatencyHistogram &b) = default;

private:
    std::array<Count, kBucketCount> m_counts{};
    quint64 m_count = 0;
    double m_min = 0; // meaningful only when m_count > 0
    double m_max = 0;
};

using LatencyHistogram = BasicLatencyHistogram<quint64>;
using MinuteLatencyHistogram = BasicLatencyHistogram<quint32>;

extern template class BasicLatencyHistogram<quint32>;
extern template class BasicLatencyHistogram<quint64>;

} // namespace mm
