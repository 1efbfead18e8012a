#pragma once

#include "alerts/alertpreview.h"
#include "core/sample.h"

#include <QString>

#include <memory>

namespace mm {

// What a HistoryRangeReader read, per user-minute: from raw 1 Hz samples or
// replayed from a per-minute rollup (raw retention had already dropped the
// raw block). Written by the reading thread; read it once the read is over.
struct HistoryRangeStats
{
    qint64 rawUserMinutes = 0;
    qint64 rollupUserMinutes = 0;
    qint64 rollupSamples = 0; // samples made up from rollups
};

// Every user's samples in [fromMs, toMs), in time order, for whoever
// replays the history as if it were live (the rules preview). Raw blocks
// are decoded where raw retention still has them; an older user-minute
// (or one whose block is corrupt) is replayed from its rollup as one sample
// per second it was sending (its sample count, from the minute's start),
// each carrying the minute's MEAN of every metric (unknown where none was
// known) and the quality level it held longest (ties to the worse level).
// That is the honest approximation a rollup allows: a breach shorter than
// about a minute is averaged away, a minute that was bad on average counts
// as bad throughout, so rule counts over old minutes lean low rather than
// invent incidents. Opens its own read-only connection in the thread that
// calls read(), so it may run in any one thread (not two at once).
class HistoryRangeReader final
{
public:
    // Minutes read per query (all users): bounds memory to one chunk.
    static constexpr int ChunkMinutes = 60;

    explicit HistoryRangeReader(QString databasePath);
    ~HistoryRangeReader();
    HistoryRangeReader(const HistoryRangeReader &) = delete;
    HistoryRangeReader &operator=(const HistoryRangeReader &) = delete;

    // Yields the samples to `sink` chunk by chunk; false with *error set
    // when the history cannot be read, or false (no error) when the sink
    // stopped the read.
    bool read(qint64 fromMs, qint64 toMs, const SampleSink &sink, QString *error);

    const HistoryRangeStats &stats() const { return m_stats; }

private:
    QString m_path;
    HistoryRangeStats m_stats;
};

// A SampleSource over a history database, for AlertPreview(Runner). Each
// call opens its own connection in the calling thread. `stats`, when given,
// receives the last read's counts.
SampleSource historySampleSource(const QString &databasePath,
                                 std::shared_ptr<HistoryRangeStats> stats = {});

} // namespace mm
