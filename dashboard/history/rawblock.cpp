#include "rawblock.h"

#include <cmath>
#include <cstring>

namespace mm {

namespace {

constexpr quint8 kBlockVersion = 1;
constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kNominalStepMs = 1000; // 1 Hz: the usual distance between samples
constexpr quint64 kRawDoubleTag = 4;
constexpr qint64 kMaxExactMantissa = qint64(1) << 53; // doubles hold every integer below this
constexpr std::array<double, 4> kPow10 = {1.0, 10.0, 100.0, 1000.0};

quint64 zigzag(qint64 value)
{
    return (quint64(value) << 1) ^ quint64(value >> 63);
}

qint64 unzigzag(quint64 value)
{
    return qint64(value >> 1) ^ -qint64(value & 1);
}

void appendVarint(QByteArray &out, quint64 value)
{
    while (value >= 0x80) {
        out.append(char((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out.append(char(value));
}

bool readVarint(QByteArrayView in, qsizetype &pos, quint64 &value)
{
    value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= in.size())
            return false;
        const auto byte = quint8(in[pos++]);
        const quint64 bits = byte & 0x7f;
        if (shift == 63 && bits > 1)
            return false;
        value |= bits << shift;
        if (!(byte & 0x80))
            return true;
    }
    return false;
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

void appendValue(QByteArray &out, double value)
{
    for (quint64 k = 0; k < kPow10.size(); ++k) {
        const double scaled = value * kPow10[k];
        if (!(std::fabs(scaled) < double(kMaxExactMantissa)))
            break; // larger scales only get larger
        const qint64 mantissa = std::llround(scaled);
        if (mantissa >= kMaxExactMantissa || mantissa <= -kMaxExactMantissa)
            break;
        // Exactly what the decoder will compute; also rejects -0.0 (0 / 1 is +0).
        if (sameBits(double(mantissa) / kPow10[k], value)) {
            appendVarint(out, (zigzag(mantissa) << 3) | k);
            return;
        }
    }
    out.append(char(kRawDoubleTag));
    quint64 bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    for (int i = 0; i < 8; ++i)
        out.append(char((bits >> (8 * i)) & 0xff));
}

bool readValue(QByteArrayView in, qsizetype &pos, double &value)
{
    quint64 code = 0;
    if (!readVarint(in, pos, code))
        return false;
    const quint64 tag = code & 7;
    if (tag < kPow10.size()) {
        const qint64 mantissa = unzigzag(code >> 3);
        if (mantissa >= kMaxExactMantissa || mantissa <= -kMaxExactMantissa)
            return false;
        value = double(mantissa) / kPow10[tag];
        return true;
    }
    if (code != kRawDoubleTag || in.size() - pos < 8)
        return false;
    quint64 bits = 0;
    for (int i = 0; i < 8; ++i)
        bits |= quint64(quint8(in[pos + i])) << (8 * i);
    pos += 8;
    std::memcpy(&value, &bits, sizeof value);
    return std::isfinite(value);
}

} // namespace

RawPoint rawPointOf(const Sample &sample)
{
    RawPoint point;
    point.timeMs = sample.receivedMs;
    point.value = {sample.uploadKbps, sample.downloadKbps, sample.latencyMs, sample.jitterMs,
                   sample.packetLossPct};
    point.quality = sample.quality;
    return point;
}

Sample sampleOf(const RawPoint &point)
{
    Sample sample;
    sample.receivedMs = point.timeMs;
    sample.uploadKbps = point.value[0];
    sample.downloadKbps = point.value[1];
    sample.latencyMs = point.value[2];
    sample.jitterMs = point.value[3];
    sample.packetLossPct = point.value[4];
    sample.quality = point.quality;
    return sample;
}

RawBlockEncoder::RawBlockEncoder()
{
    m_bytes.append(char(kBlockVersion));
}

bool RawBlockEncoder::resume(QByteArrayView block, qint64 minuteStartMs)
{
    *this = RawBlockEncoder();
    const auto points = decodeRawBlock(block, minuteStartMs);
    if (!points)
        return false;
    m_bytes = block.toByteArray();
    m_count = int(points->size());
    if (!points->empty())
        m_previousOffset = points->back().timeMs - minuteStartMs;
    return true;
}

void RawBlockEncoder::append(const RawPoint &point, qint64 minuteStartMs)
{
    const qint64 offset = point.timeMs - minuteStartMs;
    appendVarint(m_bytes, zigzag(offset - m_previousOffset - kNominalStepMs));
    m_previousOffset = offset;

    quint8 presence = 0;
    for (int i = 0; i < kRawMetricCount; ++i) {
        const Metric &value = point.value[size_t(i)];
        if (value && std::isfinite(*value))
            presence |= quint8(1u << i);
    }
    const auto level = quint8(point.quality);
    presence |= quint8((level <= quint8(Quality::Poor) ? level : 0) << 5);
    m_bytes.append(char(presence));
    for (int i = 0; i < kRawMetricCount; ++i) {
        if (presence & (1u << i))
            appendValue(m_bytes, *point.value[size_t(i)]);
    }
    ++m_count;
}

std::optional<std::vector<RawPoint>> decodeRawBlock(QByteArrayView block, qint64 minuteStartMs)
{
    if (block.isEmpty() || quint8(block[0]) != kBlockVersion)
        return std::nullopt;
    std::vector<RawPoint> points;
    points.reserve(size_t(block.size() / 8));
    qsizetype pos = 1;
    qint64 previousOffset = -kNominalStepMs;
    while (pos < block.size()) {
        quint64 delta = 0;
        if (!readVarint(block, pos, delta) || pos >= block.size())
            return std::nullopt;
        const qint64 step = unzigzag(delta);
        if (step < -2 * kMinuteMs || step > 2 * kMinuteMs) // keeps the sum below from overflowing
            return std::nullopt;
        const qint64 offset = previousOffset + kNominalStepMs + step;
        if (offset < 0 || offset >= kMinuteMs)
            return std::nullopt;
        previousOffset = offset;

        const auto presence = quint8(block[pos++]);
        const int level = presence >> 5;
        if (level > int(Quality::Poor))
            return std::nullopt;
        RawPoint point;
        point.timeMs = minuteStartMs + offset;
        point.quality = Quality(level);
        for (int i = 0; i < kRawMetricCount; ++i) {
            if (!(presence & (1u << i)))
                continue;
            double value = 0;
            if (!readValue(block, pos, value))
                return std::nullopt;
            point.value[size_t(i)] = value;
        }
        points.push_back(point);
    }
    return points;
}

} // namespace mm
