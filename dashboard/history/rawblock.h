#pragma once

#include "core/sample.h"

#include <QByteArray>
#include <QByteArrayView>
#include <array>
#include <optional>
#include <vector>

namespace mm {

// The metrics a raw block stores, in SeriesMetric / RollupMetric order.
inline constexpr int kRawMetricCount = 5;

// One decoded raw sample: its receive time, the five metrics (nullopt =
// unknown) and the level (Unknown included).
struct RawPoint
{
    qint64 timeMs = 0;
    std::array<Metric, kRawMetricCount> value{}; // upload, download, latency, jitter, loss
    Quality quality = Quality::Unknown;

    friend bool operator==(const RawPoint &a, const RawPoint &b) = default;
};

RawPoint rawPointOf(const Sample &sample);
// The sample a point was made from, without its identity (ids and names).
Sample sampleOf(const RawPoint &point);

// One user's samples of one UTC minute, packed for the raw_blocks table.
// Lossless for every finite value, and small for what clients send:
//
//   block  := version(0x01) sample*
//   sample := varint zigzag(offset - previousOffset - 1000)   offset = ms into the minute
//             byte   presence bits 0..4 (metric i known) | level << 5
//             value* one per known metric, in metric order
//   value  := varint (zigzag(m) << 3 | k), k in 0..3   the value is m / 10^k exactly
//           | byte 0x04, then the IEEE double, little-endian   anything else
//
// A value is stored as a decimal only when m / 10^k gives back the very same
// double, so the codec never rounds: 12.5 stays 12.5 and 0.1 + 0.2 stays
// 0.30000000000000004 (as 8 bytes). At 1 Hz the offset delta is about 1000
// ms, so the time costs one byte; a typical sample takes 12-14 bytes.
// Non-finite values are not stored (unknown), like everywhere in the history.
class RawBlockEncoder final
{
public:
    RawBlockEncoder();
    // Continues an existing block (as read from the database). False, and
    // the encoder is left empty, when `block` is not a valid block.
    bool resume(QByteArrayView block, qint64 minuteStartMs);

    // Appends a sample whose time lies in [minuteStartMs, minuteStartMs + 60 s).
    void append(const RawPoint &point, qint64 minuteStartMs);

    const QByteArray &bytes() const { return m_bytes; }
    int count() const { return m_count; }

private:
    QByteArray m_bytes;
    qint64 m_previousOffset = -1000;
    int m_count = 0;
};

// Decodes a block of the minute starting at minuteStartMs. nullopt for
// anything that is not exactly what RawBlockEncoder writes: wrong version,
// truncation, offsets outside the minute, bad level or tag, a non-finite
// double, a mantissa beyond 2^53.
std::optional<std::vector<RawPoint>> decodeRawBlock(QByteArrayView block, qint64 minuteStartMs);

} // namespace mm
