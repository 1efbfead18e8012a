#pragma once

#include "core/sample.h"
#include "history/latencyhistogram.h"

#include <array>
#include <optional>

namespace mm {

// The metrics a rollup summarises, in the rollup export's column order.
enum class RollupMetric : quint8 { Upload = 0, Download, Latency, Jitter, PacketLoss };
inline constexpr int kRollupMetricCount = 5;

// One user's samples over one minute (or, merged, over any longer period):
// sample count, per-metric count of known values with min / max / sum,
// seconds in each quality level, and the latency histogram. The caller keys
// rollups by (user, minuteStartMs(receivedMs)); the rollup itself holds no
// identity, so merging the minutes of an hour or a range is just merge().
class MinuteRollup final
{
public:
    // Known values of one metric. Unknown values are not counted at all, so
    // a metric with no known value has no min, max or mean, never zero.
    class Summary final
    {
    public:
        void add(double value);
        void merge(const Summary &other);

        qint64 knownCount() const { return m_known; }
        double sum() const { return m_sum; } // 0 when nothing is known; prefer mean()
        std::optional<double> min() const;
        std::optional<double> max() const;
        std::optional<double> mean() const; // sum / known count

        // A stored summary (e.g. a database row). knownCount <= 0 gives an
        // empty summary whatever the other arguments are.
        static Summary restore(qint64 knownCount, double min, double max, double sum);

        friend bool operator==(const Summary &a, const Summary &b) = default;

    private:
        qint64 m_known = 0;
        double m_min = 0; // meaningful only when m_known > 0
        double m_max = 0;
        double m_sum = 0;
    };

    static constexpr qint64 kMinuteMs = 60'000;

    // Rebuilds a stored rollup from its parts (the history's rollups
    // table). nullopt when they contradict each other: no samples, level
    // seconds that do not add up to the sample count, more known values
    // than samples, an empty or unaligned period.
    static std::optional<MinuteRollup> restore(qint64 startMs, qint64 endMs, qint64 samples,
                                               const std::array<Summary, kRollupMetricCount> &metrics,
                                               const std::array<qint64, 5> &secondsPerLevel,
                                               const MinuteLatencyHistogram &latency);

    // Start of the UTC minute holding `ms` (floor, also before 1970).
    static qint64 minuteStartMs(qint64 ms);

    // Counts the sample: one more sample, its known metrics, its quality
    // level and its latency. Samples arrive at 1 Hz, so each sample counts
    // as one second in its level; the seconds of all levels (unknown
    // included) therefore add up to sampleCount(). Non-finite values are
    // treated as unknown. The period grows to cover the sample's minute.
    void add(const Sample &sample);
    // Adds another rollup's counts. Associative and commutative (up to
    // floating-point rounding of the sums), so minutes merge into hours and
    // ranges in any grouping.
    void merge(const MinuteRollup &other);

    bool isEmpty() const { return m_samples == 0; }
    qint64 sampleCount() const { return m_samples; }
    // [start, end) of the minutes covered: the first sample's minute floor
    // up to the end of the last sample's minute. nullopt while empty.
    std::optional<qint64> startMs() const;
    std::optional<qint64> endMs() const;

    const Summary &metric(RollupMetric metric) const { return m_metrics[size_t(metric)]; }
    qint64 secondsIn(Quality quality) const;
    // The level held longest; ties go to the worse level, and Unknown only
    // wins when no known level held longer (as the charts show a minute).
    Quality dominantLevel() const;
    const MinuteLatencyHistogram &latencyHistogram() const { return m_latency; }

    friend bool operator==(const MinuteRollup &a, const MinuteRollup &b) = default;

private:
    qint64 m_samples = 0;
    qint64 m_startMs = 0; // meaningful only when m_samples > 0
    qint64 m_endMs = 0;
    std::array<Summary, kRollupMetricCount> m_metrics{};
    std::array<qint64, 5> m_secondsPerLevel{}; // indexed by Quality's value
    MinuteLatencyHistogram m_latency;
};

} // namespace mm
