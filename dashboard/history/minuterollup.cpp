#include "minuterollup.h"

#include <algorithm>
#include <cmath>

namespace mm {

void MinuteRollup::Summary::add(double value)
{
    if (m_known == 0) {
        m_min = m_max = value;
    } else {
        m_min = std::min(m_min, value);
        m_max = std::max(m_max, value);
    }
    m_sum += value;
    ++m_known;
}

void MinuteRollup::Summary::merge(const Summary &other)
{
    if (other.m_known == 0)
        return;
    if (m_known == 0) {
        m_min = other.m_min;
        m_max = other.m_max;
    } else {
        m_min = std::min(m_min, other.m_min);
        m_max = std::max(m_max, other.m_max);
    }
    m_sum += other.m_sum;
    m_known += other.m_known;
}

std::optional<double> MinuteRollup::Summary::min() const
{
    return m_known > 0 ? std::optional<double>(m_min) : std::nullopt;
}

std::optional<double> MinuteRollup::Summary::max() const
{
    return m_known > 0 ? std::optional<double>(m_max) : std::nullopt;
}

std::optional<double> MinuteRollup::Summary::mean() const
{
    return m_known > 0 ? std::optional<double>(m_sum / double(m_known)) : std::nullopt;
}

MinuteRollup::Summary MinuteRollup::Summary::restore(qint64 knownCount, double min, double max,
                                                     double sum)
{
    Summary summary;
    if (knownCount > 0) {
        summary.m_known = knownCount;
        summary.m_min = min;
        summary.m_max = max;
        summary.m_sum = sum;
    }
    return summary;
}

std::optional<MinuteRollup> MinuteRollup::restore(qint64 startMs, qint64 endMs, qint64 samples,
                                                  const std::array<Summary, kRollupMetricCount> &metrics,
                                                  const std::array<qint64, 5> &secondsPerLevel,
                                                  const MinuteLatencyHistogram &latency)
{
    if (samples <= 0 || endMs <= startMs || minuteStartMs(startMs) != startMs
        || minuteStartMs(endMs) != endMs)
        return std::nullopt;
    qint64 seconds = 0;
    for (qint64 s : secondsPerLevel) {
        if (s < 0)
            return std::nullopt;
        seconds += s;
    }
    if (seconds != samples || qint64(latency.count()) > samples)
        return std::nullopt;
    for (const Summary &summary : metrics) {
        if (summary.knownCount() > samples)
            return std::nullopt;
    }
    MinuteRollup rollup;
    rollup.m_samples = samples;
    rollup.m_startMs = startMs;
    rollup.m_endMs = endMs;
    rollup.m_metrics = metrics;
    rollup.m_secondsPerLevel = secondsPerLevel;
    rollup.m_latency = latency;
    return rollup;
}

qint64 MinuteRollup::minuteStartMs(qint64 ms)
{
    // Integer division truncates towards zero; step down for negative times
    // so a minute is always [start, start + 60 s).
    qint64 start = (ms / kMinuteMs) * kMinuteMs;
    if (start > ms)
        start -= kMinuteMs;
    return start;
}

void MinuteRollup::add(const Sample &sample)
{
    const qint64 start = minuteStartMs(sample.receivedMs);
    if (m_samples == 0) {
        m_startMs = start;
        m_endMs = start + kMinuteMs;
    } else {
        m_startMs = std::min(m_startMs, start);
        m_endMs = std::max(m_endMs, start + kMinuteMs);
    }
    ++m_samples;

    const auto addKnown = [this](RollupMetric metric, const Metric &value) {
        if (value && std::isfinite(*value))
            m_metrics[size_t(metric)].add(*value);
    };
    addKnown(RollupMetric::Upload, sample.uploadKbps);
    addKnown(RollupMetric::Download, sample.downloadKbps);
    addKnown(RollupMetric::Latency, sample.latencyMs);
    addKnown(RollupMetric::Jitter, sample.jitterMs);
    addKnown(RollupMetric::PacketLoss, sample.packetLossPct);

    // A level outside the enum (a corrupt value) counts as unknown rather
    // than indexing out of bounds.
    const auto level = size_t(sample.quality);
    ++m_secondsPerLevel[level < m_secondsPerLevel.size() ? level : 0];

    // The decoder bounds latency to 0..60,000 ms, the histogram's range; a
    // value outside it would be refused by the histogram only.
    if (sample.latencyMs)
        m_latency.add(*sample.latencyMs);
}

void MinuteRollup::merge(const MinuteRollup &other)
{
    if (other.m_samples == 0)
        return;
    if (m_samples == 0) {
        m_startMs = other.m_startMs;
        m_endMs = other.m_endMs;
    } else {
        m_startMs = std::min(m_startMs, other.m_startMs);
        m_endMs = std::max(m_endMs, other.m_endMs);
    }
    m_samples += other.m_samples;
    for (size_t i = 0; i < m_metrics.size(); ++i)
        m_metrics[i].merge(other.m_metrics[i]);
    for (size_t i = 0; i < m_secondsPerLevel.size(); ++i)
        m_secondsPerLevel[i] += other.m_secondsPerLevel[i];
    m_latency.merge(other.m_latency);
}

std::optional<qint64> MinuteRollup::startMs() const
{
    return m_samples > 0 ? std::optional<qint64>(m_startMs) : std::nullopt;
}

std::optional<qint64> MinuteRollup::endMs() const
{
    return m_samples > 0 ? std::optional<qint64>(m_endMs) : std::nullopt;
}

qint64 MinuteRollup::secondsIn(Quality quality) const
{
    const auto level = size_t(quality);
    return level < m_secondsPerLevel.size() ? m_secondsPerLevel[level] : 0;
}

Quality MinuteRollup::dominantLevel() const
{
    Quality best = Quality::Unknown;
    qint64 bestSeconds = secondsIn(Quality::Unknown);
    for (const Quality level : {Quality::Excellent, Quality::Good, Quality::Fair, Quality::Poor}) {
        const qint64 seconds = secondsIn(level);
        if (seconds > 0 && seconds >= bestSeconds) {
            best = level;
            bestSeconds = seconds;
        }
    }
    return best;
}

} // namespace mm
