#pragma once

#include "alerts/incident.h"
#include "core/eventlooplagprobe.h"
#include "ingest/ingeststats.h"

#include <QByteArray>
#include <QSet>
#include <QString>
#include <optional>

namespace mm {

// Counts what the alert engine announced during a run, for --print-stats
// and the soak harness (bench/soak): firings, and re-firings of an alert
// key (meeting, user, type) that had already fired in this run. A gateway
// restart must not re-fire what was firing (reliability-notes.md
// "Reconnect"); gateway-down incidents are counted apart, since every
// outage is a new one.
class IncidentTally final
{
public:
    void add(const IncidentChanges &changes);
    quint64 fired() const { return m_fired; }
    quint64 refired() const { return m_refired; }
    quint64 resolved() const { return m_resolved; }
    quint64 gatewayDownFired() const { return m_gatewayDownFired; }

private:
    QSet<QString> m_firedKeys;
    quint64 m_fired = 0;
    quint64 m_refired = 0;
    quint64 m_resolved = 0;
    quint64 m_gatewayDownFired = 0;
};

// What a run of the application did, for `--print-stats` and any harness
// that reads it: the ingest counters, rejections by reason, the GUI event
// loop's lag, the tree's size, and the process's CPU time and peak memory.
struct RunStats
{
    IngestStats ingest;
    EventLoopLagProbe::Summary guiLag;
    int meetings = 0;
    int users = 0;
    IncidentTally incidents;
    // The lag since the previous periodic line (--stats-every), when there is one.
    std::optional<EventLoopLagProbe::Summary> guiLagInterval;
    // Sample rows the history writer committed in this run, counted after
    // its final flush at quit; null while it still runs or when this run
    // records no history.
    std::optional<qint64> samplesStored;
    // Milliseconds from the process's start (its exec) to the main window's
    // first paint followed by an idle turn of the event loop (main.cpp);
    // null when that was not measured.
    std::optional<double> startupMs;
    // What the window showed when the line was printed, so that a benchmark
    // can check its set-up: meeting rows expanded in the tree, and the chart
    // (its class name), its target and its live repaints.
    std::optional<int> meetingsExpanded;
    QString chartView;
    QString chartMeeting;
    QString chartUser;
    std::optional<int> chartLiveRepaints;
};

// Milliseconds since this process was started (exec), from its start time
// in /proc/self/stat (clock ticks, 10 ms at USER_HZ 100) and CLOCK_BOOTTIME;
// nullopt where that is not available.
std::optional<double> msSinceProcessStart();

// One line of compact JSON (no newline). Lag figures are null when the
// probe measured nothing.
QByteArray formatRunStats(const RunStats &stats);

} // namespace mm
