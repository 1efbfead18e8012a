#include "samplehistory.h"

#include "compactmetric.h"

#include <algorithm>
#include <type_traits>

namespace mm {

namespace {

constexpr int InitialAllocation = 64;

quint16 toStored(const Metric &value)
{
    return value ? CompactMetric::encode(*value) : CompactMetric::Unknown;
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
    // Copied in logical order: a rebase may have dropped the oldest slots
    // before the ring filled, so the live slots need not start at 0.
    auto grown = [this, newSize](auto &array) {
        using T = std::remove_reference_t<decltype(array[0])>;
        auto bigger = std::make_unique_for_overwrite<T[]>(size_t(newSize));
        for (int i = 0; i < m_size; ++i)
            bigger[i] = array[physical(i)];
        array = std::move(bigger);
    };
    for (auto &values : m_values)
        grown(values);
    grown(m_quality);
    grown(m_offset);
    m_head = 0;
    m_allocated = newSize;
}

void SampleHistory::rebase(qint64 second)
{
    // Drop what the 16-bit offsets can no longer reach from `second`, then
    // make the oldest retained second the base.
    while (m_size > 0 && second - (m_baseSecond + m_offset[m_head]) > MaxSpanSeconds) {
        m_head = (m_head + 1) % m_allocated;
        --m_size;
    }
    if (m_size == 0) {
        m_baseSecond = second;
        m_head = 0;
        return;
    }
    const quint16 shift = m_offset[m_head];
    for (int i = 0; i < m_size; ++i)
        m_offset[physical(i)] = quint16(m_offset[physical(i)] - shift);
    m_baseSecond += shift;
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
    if (second - m_baseSecond > MaxSpanSeconds)
        rebase(second);
    const qint64 offset = second - m_baseSecond; // 0..MaxSpanSeconds now
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
    m_offset[slot] = quint16(offset);
}

qint64 SampleHistory::timeMsAt(int i) const
{
    Q_ASSERT(i >= 0 && i < m_size);
    return (m_baseSecond + m_offset[physical(i)]) * 1000;
}

Metric SampleHistory::valueAt(Field field, int i) const
{
    Q_ASSERT(i >= 0 && i < m_size);
    const quint16 code = m_values[int(field)][physical(i)];
    if (code == CompactMetric::Unknown)
        return std::nullopt;
    return CompactMetric::decode(code);
}

Quality SampleHistory::qualityAt(int i) const
{
    Q_ASSERT(i >= 0 && i < m_size);
    const quint8 raw = m_quality[physical(i)];
    return raw <= quint8(Quality::Poor) ? Quality(raw) : Quality::Unknown;
}

} // namespace mm
