#pragma once

#include "core/sample.h"

#include <memory>

namespace mm {

// One user's recent 1 Hz history, stored compactly (performance-notes.md
// §8 G2: 13 bytes per sample): five arrays of 16-bit values (CompactMetric,
// 12 significant bits, a code of its own for unknown), a quality byte and a
// 16-bit offset in seconds from a base second.
// Samples within the same second replace that second's slot, so a burst
// never evicts older history. The arrays grow geometrically up to the
// capacity, then the buffer turns into a ring that overwrites the oldest.
// 16-bit offsets span 18 hours: the base moves up to the oldest retained
// second when a new sample would not fit, and samples more than
// MaxSpanSeconds older than the newest are dropped (a live history of
// minutes never keeps any that old unless the user fell silent for hours).
class SampleHistory final
{
public:
    enum class Field : quint8 { Upload, Download, Latency, PacketLoss, Jitter, Count_ };
    static constexpr int FieldCount = int(Field::Count_);
    static constexpr int BytesPerSample
        = FieldCount * int(sizeof(quint16)) + int(sizeof(quint8)) + int(sizeof(quint16));
    static constexpr qint64 MaxSpanSeconds = 0xFFFF;

    explicit SampleHistory(int capacitySeconds);
    SampleHistory(SampleHistory &&) noexcept = default;
    SampleHistory &operator=(SampleHistory &&) noexcept = default;

    // Records `sample` in the slot of the second of `timeMs` (ms since the
    // epoch; normally its receivedMs). A sample older than the newest slot
    // lands in the newest slot (the clock went back): the history stays
    // ordered.
    void record(const Sample &sample, qint64 timeMs);

    int size() const { return m_size; }
    int capacity() const { return m_capacity; }
    bool isEmpty() const { return m_size == 0; }

    // i = 0 is the oldest retained second, size() - 1 the newest.
    qint64 timeMsAt(int i) const;
    Metric valueAt(Field field, int i) const;
    Quality qualityAt(int i) const;

    // Heap bytes held by the arrays (the figure the G2 goal is about).
    qint64 allocatedBytes() const { return qint64(m_allocated) * BytesPerSample; }

private:
    int physical(int i) const { return (m_head + i) % m_allocated; }
    void grow();
    void write(int slot, const Sample &sample);
    void rebase(qint64 second);

    int m_capacity;
    int m_allocated = 0;
    int m_head = 0; // physical index of the oldest slot
    int m_size = 0;
    qint64 m_baseSecond = 0; // second (since epoch) of offset 0
    std::unique_ptr<quint16[]> m_values[FieldCount];
    std::unique_ptr<quint8[]> m_quality;
    std::unique_ptr<quint16[]> m_offset;
};

} // namespace mm
