#include "latencyhistogram.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace mm {

namespace {

constexpr quint8 kFormatVersion = 1;
constexpr int kFirstLinear = 1;
constexpr int kFirstLog = kFirstLinear + LatencyBuckets::kLinearBuckets;

// Log edges by repeated multiplication, at compile time, so every build and
// every platform buckets a value identically (a stored blob means the same
// thing everywhere). bucketIndex() uses these, not pow(), as the truth.
constexpr std::array<double, LatencyBuckets::kLogBuckets + 1> makeLogEdges()
{
    std::array<double, LatencyBuckets::kLogBuckets + 1> edges{};
    double edge = LatencyBuckets::kLogStartMs;
    for (double &e : edges) {
        e = edge;
        edge *= LatencyBuckets::kLogRatio;
    }
    return edges;
}
constexpr auto kLogEdges = makeLogEdges();
static_assert(kLogEdges[LatencyBuckets::kLogBuckets] >= LatencyBuckets::kMaxMs,
              "the log buckets must reach 60,000 ms");
static_assert(kLogEdges[LatencyBuckets::kLogBuckets - 1] < LatencyBuckets::kMaxMs,
              "kLogBuckets is the smallest count that reaches 60,000 ms");

void appendVarint(QByteArray &out, quint64 value)
{
    while (value >= 0x80) {
        out.append(char((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out.append(char(value));
}

// Reads one LEB128 varint; false on truncation or more than 64 bits.
bool readVarint(QByteArrayView in, qsizetype &pos, quint64 &value)
{
    value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= in.size())
            return false;
        const auto byte = quint8(in[pos++]);
        const quint64 bits = byte & 0x7f;
        if (shift == 63 && bits > 1)
            return false; // would overflow 64 bits
        value |= bits << shift;
        if (!(byte & 0x80))
            return true;
    }
    return false;
}

void appendDouble(QByteArray &out, double value)
{
    quint64 bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    for (int i = 0; i < 8; ++i)
        out.append(char((bits >> (8 * i)) & 0xff));
}

bool readDouble(QByteArrayView in, qsizetype &pos, double &value)
{
    if (in.size() - pos < 8)
        return false;
    quint64 bits = 0;
    for (int i = 0; i < 8; ++i)
        bits |= quint64(quint8(in[pos + i])) << (8 * i);
    pos += 8;
    std::memcpy(&value, &bits, sizeof value);
    return true;
}

} // namespace

int LatencyBuckets::bucketIndex(double ms)
{
    if (!(ms >= 0.0) || ms > kMaxMs) // also refuses NaN
        return -1;
    if (ms == 0.0)
        return 0;
    if (ms < kLogStartMs) {
        // Division rounds (0.03 / 0.01 < 3); the edges bucketLower() reports
        // decide, as in the log region.
        int k = std::clamp(int(ms / kLinearWidthMs), 0, kLinearBuckets - 1);
        while (k > 0 && ms < k * kLinearWidthMs)
            --k;
        while (k < kLinearBuckets - 1 && ms >= (k + 1) * kLinearWidthMs)
            ++k;
        return kFirstLinear + k;
    }
    // log() gives the neighbourhood; the edge table decides.
    int k = int(std::log(ms / kLogStartMs) / std::log(kLogRatio));
    k = std::clamp(k, 0, kLogBuckets - 1);
    while (k > 0 && ms < kLogEdges[size_t(k)])
        --k;
    while (k < kLogBuckets - 1 && ms >= kLogEdges[size_t(k) + 1])
        ++k;
    return kFirstLog + k;
}

double LatencyBuckets::bucketLower(int index)
{
    if (index <= 0)
        return 0.0;
    if (index < kFirstLog)
        return (index - kFirstLinear) * kLinearWidthMs;
    return kLogEdges[size_t(std::min(index - kFirstLog, kLogBuckets - 1))];
}

double LatencyBuckets::bucketUpper(int index)
{
    if (index <= 0)
        return 0.0;
    if (index < kFirstLog)
        return (index - kFirstLinear + 1) * kLinearWidthMs;
    return kLogEdges[size_t(std::min(index - kFirstLog, kLogBuckets - 1)) + 1];
}

double LatencyBuckets::bucketEstimate(int index)
{
    if (index <= 0)
        return 0.0;
    const double lower = bucketLower(index);
    const double upper = bucketUpper(index);
    // Linear region: the arithmetic midpoint minimises the absolute error
    // (≤ 0.005 ms), which is the only meaningful bound that close to zero.
    if (index < kFirstLog)
        return (lower + upper) / 2.0;
    // Log region: the geometric midpoint is equally far, in ratio, from both
    // edges, so the worst relative error is sqrt(1.08) - 1 ≈ 3.92 % at either
    // edge; the arithmetic midpoint would reach (1.08 - 1) / 2 = 4 % at the
    // lower edge.
    return std::sqrt(lower * upper);
}

template <typename Count>
bool BasicLatencyHistogram<Count>::add(double ms)
{
    const int index = bucketIndex(ms);
    if (index < 0 || m_counts[size_t(index)] == std::numeric_limits<Count>::max())
        return false;
    if (ms == 0.0)
        ms = 0.0; // -0.0 would otherwise be kept as the minimum and print as "-0"
    ++m_counts[size_t(index)];
    if (m_count == 0) {
        m_min = m_max = ms;
    } else {
        m_min = std::min(m_min, ms);
        m_max = std::max(m_max, ms);
    }
    ++m_count;
    return true;
}

template <typename Count>
void BasicLatencyHistogram<Count>::merge(const BasicLatencyHistogram &other)
{
    if (other.m_count == 0)
        return;
    quint64 kept = 0;
    for (size_t i = 0; i < m_counts.size(); ++i) {
        const Count room = std::numeric_limits<Count>::max() - m_counts[i];
        const Count added = std::min(room, other.m_counts[i]);
        m_counts[i] += added;
        kept += added;
    }
    if (m_count == 0) {
        m_min = other.m_min;
        m_max = other.m_max;
    } else {
        m_min = std::min(m_min, other.m_min);
        m_max = std::max(m_max, other.m_max);
    }
    m_count += kept;
}

template <typename Count>
quint64 BasicLatencyHistogram<Count>::bucketCount(int index) const
{
    if (index < 0 || index >= kBucketCount)
        return 0;
    return m_counts[size_t(index)];
}

template <typename Count>
std::optional<double> BasicLatencyHistogram<Count>::min() const
{
    if (m_count == 0)
        return std::nullopt;
    return m_min;
}

template <typename Count>
std::optional<double> BasicLatencyHistogram<Count>::max() const
{
    if (m_count == 0)
        return std::nullopt;
    return m_max;
}

template <typename Count>
std::optional<double> BasicLatencyHistogram<Count>::percentile(double p) const
{
    if (m_count == 0 || !(p >= 0.0 && p <= 100.0))
        return std::nullopt;
    // Nearest rank, 1-based. The product is exact enough for any count a
    // database holds; clamp guards the ends against rounding.
    const double exactRank = std::ceil(p / 100.0 * double(m_count));
    const quint64 rank = std::clamp<quint64>(quint64(std::max(1.0, exactRank)), 1, m_count);
    if (rank == 1)
        return m_min;
    if (rank == m_count)
        return m_max;
    quint64 seen = 0;
    for (int i = 0; i < kBucketCount; ++i) {
        seen += m_counts[size_t(i)];
        if (seen >= rank)
            return std::clamp(bucketEstimate(i), m_min, m_max);
    }
    return m_max; // unreachable while m_count is the sum of the buckets
}

template <typename Count>
QByteArray BasicLatencyHistogram<Count>::toBytes() const
{
    QByteArray out;
    out.reserve(24 + 4 * 16);
    out.append(char(kFormatVersion));
    const auto nonEmpty = std::count_if(m_counts.begin(), m_counts.end(),
                                        [](Count c) { return c != 0; });
    appendVarint(out, quint64(nonEmpty));
    int next = 0; // indices are written as the distance from the previous one + 1
    for (int i = 0; i < kBucketCount; ++i) {
        const quint64 c = m_counts[size_t(i)];
        if (c == 0)
            continue;
        appendVarint(out, quint64(i - next));
        appendVarint(out, c);
        next = i + 1;
    }
    if (m_count > 0) {
        appendDouble(out, m_min);
        appendDouble(out, m_max);
    }
    return out;
}

template <typename Count>
std::optional<BasicLatencyHistogram<Count>> BasicLatencyHistogram<Count>::fromBytes(QByteArrayView bytes)
{
    qsizetype pos = 0;
    if (bytes.isEmpty() || quint8(bytes[0]) != kFormatVersion)
        return std::nullopt;
    pos = 1;
    quint64 nonEmpty = 0;
    if (!readVarint(bytes, pos, nonEmpty) || nonEmpty > quint64(kBucketCount))
        return std::nullopt;

    BasicLatencyHistogram h;
    quint64 next = 0;
    int firstIndex = -1;
    int lastIndex = -1;
    for (quint64 n = 0; n < nonEmpty; ++n) {
        quint64 delta = 0;
        quint64 c = 0;
        if (!readVarint(bytes, pos, delta) || !readVarint(bytes, pos, c))
            return std::nullopt;
        if (delta >= quint64(kBucketCount) || next + delta >= quint64(kBucketCount) || c == 0
            || c > std::numeric_limits<Count>::max())
            return std::nullopt;
        const quint64 index = next + delta;
        if (h.m_count > std::numeric_limits<quint64>::max() - c)
            return std::nullopt;
        h.m_counts[size_t(index)] = Count(c);
        h.m_count += c;
        if (firstIndex < 0)
            firstIndex = int(index);
        lastIndex = int(index);
        next = index + 1;
    }
    if (h.m_count > 0) {
        if (!readDouble(bytes, pos, h.m_min) || !readDouble(bytes, pos, h.m_max))
            return std::nullopt;
        // The extremes must be values this histogram could have counted, in
        // its first and last non-empty bucket.
        if (bucketIndex(h.m_min) != firstIndex || bucketIndex(h.m_max) != lastIndex
            || h.m_min > h.m_max) {
            return std::nullopt;
        }
    }
    if (pos != bytes.size())
        return std::nullopt;
    return h;
}

template class BasicLatencyHistogram<quint32>;
template class BasicLatencyHistogram<quint64>;

} // namespace mm
