#pragma once

#include "core/eventlooplagprobe.h"
#include "ingest/ingeststats.h"

#include <QByteArray>

namespace mm {

// What a run of the application did, for `--print-stats` and any harness
// that reads it: the ingest counters, rejections by reason, the GUI event
// loop's lag, the tree's size, and the process's CPU time and peak memory.
struct RunStats
{
    IngestStats ingest;
    EventLoopLagProbe::Summary guiLag;
    int meetings = 0;
    int users = 0;
};

// One line of compact JSON (no newline). Lag figures are null when the
// probe measured nothing.
QByteArray formatRunStats(const RunStats &stats);

} // namespace mm
