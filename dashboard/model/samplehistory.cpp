#include "samplehistory.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mm {

namespace {

constexpr int InitialAllocation = 64;

float toStored(const Metric &value)
{
    return value ? float(*value) : std::numeric_limits<float>::quiet_NaN();
}

qint64 floorSecond(qint64 ms)
{
    return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}

} // namespace

SampleHistory::SampleHistory(int capacitySeconds)
    : m_capacity(std::max(1, capacitySeconds))
{
}

void SampleHistory::grow()
{
    const int newSize = std::min(m_capacity, std::max(InitialAllocation, m_allocated * 2));
    // Growth only happens before the ring first wraps, so the live slots are
    // [0, m_size) and a plain copy keeps their order.
    for (auto &values : m_values) {
        auto bigger = std::make_unique_for_overwrite<float[]>(size_t(newSize));
        std::copy_n(values.get(), m_size, bigger.get());
        values = std::move(bigger);
    }
    auto quality = std::make_unique_for_overwrite<quint8[]>(size_t(newSize));
    std::copy_n(m_quality.get(), m_size, quality.get());
    m_quality = std::move(quality);
    auto offset = std::make_unique_for_overwrite<qint32[]>(size_t(newSize));
    std::copy_n(m_offset.get(), m_size, offset.get());
    m_offset = std::move(offset);
    m_allocated = newSize;
}

void SampleHistory::write(int slot, const Sample &sample)
{
    m_values[int(Field::Upload)][slot] = toStored(sample.uploadKbps);
    m_values[int(Field::Download)][slot] = toStored(sample.downloadKbps);
    m_values[int(Field::Latency)][slot] = toStored(sample.latencyMs);
    m_values[int(Field::PacketLoss)][slot] = toStored(sample.packetLossPct);
    m_values[int(Field::Jitter)][slot] = toStored(sample.jitterMs);
    m_quality[slot] = quint8(sample.quality);
}

void SampleHistory::record(const Sample &sample, qint64 timeMs)
{
    const qint64 second = floorSecond(timeMs);
    if (m_size > 0) {
        const int newest = physical(m_size - 1);
        const qint64 newestSecond = m_baseSecond + m_offset[newest];
        if (second <= newestSecond) {
            write(newest, sample);
            return;
        }
    } else {
        m_baseSecond = second;
        m_head = 0;
    }
    // 32-bit offsets cover 68 years; saturate rather than wrap.
    const qint64 offset
        = std::min<qint64>(second - m_baseSecond, std::numeric_limits<qint32>::max());
    int slot;
    if (m_size < m_allocated) {
        slot = physical(m_size);
        ++m_size;
    } else if (m_allocated < m_capacity) {
        grow();
        slot = m_size;
        ++m_size;
    } else {
        slot = m_head; // full ring: overwrite the oldest
        m_head = (m_head + 1) % m_allocated;
    }
    write(slot, sample);
    m_offset[slot] = qint32(offset);
}

qint64 SampleHistory::timeMsAt(int i) const
{
    Q_ASSERT(i >= 0 && i < m_size);
    return (m_baseSecond + m_offset[physical(i)]) * 1000;
}

Metric SampleHistory::valueAt(Field field, int i) const
{
    Q_ASSERT(i >= 0 && i < m_size);
    const float value = m_values[int(field)][physical(i)];
    if (std::isnan(value))
        return std::nullopt;
    return double(value);
}

Quality SampleHistory::qualityAt(int i) const
{
    Q_ASSERT(i >= 0 && i < m_size);
    const quint8 raw = m_quality[physical(i)];
    return raw <= quint8(Quality::Poor) ? Quality(raw) : Quality::Unknown;
}

} // namespace mm
