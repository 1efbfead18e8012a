#pragma once

#include "core/quality.h"
#include "history/historyseries.h"

#include <QList>
#include <QPointF>
#include <array>
#include <vector>

namespace mm {

class MeetingStore;
struct MeetingNode;
struct UserNode;

// The x range a plot shows (ms since the epoch) and its width in pixel
// columns: what every adapter decimates to.
struct PlotRange
{
    double fromMs = 0;
    double toMs = 0;
    int columns = 800;

    bool isValid() const { return columns > 0 && toMs > fromMs; }
};

// One continuous stretch of a line; Qt Charts does not break a line at NaN,
// so each run becomes a QLineSeries of its own.
using PointRun = QList<QPointF>;
using PointRuns = std::vector<PointRun>;

struct TimeSpan
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    bool operator==(const TimeSpan &) const = default;
};

// A stretch of time at one quality level (Unknown included: data came,
// but no level was known). Time without data has no segment.
struct QualitySegment
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    Quality level = Quality::Unknown;
    bool operator==(const QualitySegment &) const = default;
};

// A stacked area: for each level (ShareLevels order) the lower and upper
// boundary, both on the same x values. Where there is no data both drop to
// zero with a vertical edge, so the area is empty there, never bridged.
struct StackedShares
{
    std::array<QList<QPointF>, ShareLevels.size()> lower;
    std::array<QList<QPointF>, ShareLevels.size()> upper;
};

// Pure functions from history series (and the live in-memory history) to
// the point lists that chart series get: decimated to the plot's pixel
// columns with the Downsampler (at most ~4 points per column), split at
// gaps (a gap is never bridged and never zero), plus the quality band's
// segments and the inactive stretches to shade. No Qt Charts, no widgets.
class ChartAdapters final
{
public:
    // Raw 1 Hz data: one missing second is client jitter (two samples
    // landed in one second), so neighbours up to this far apart stay joined;
    // two missing seconds break the line.
    static constexpr qint64 RawLineGapMs = 2000;
    // Raw data: a silence longer than this is an inactive stretch (the
    // store's own InactiveAfterMs).
    static constexpr qint64 RawInactiveGapMs = 10'000;

    // Two neighbouring steps further apart than this are on either side of
    // a gap in a line (rollups: any missing step).
    static qint64 lineGapMs(int stepMs, bool fromRollups);
    // A silence longer than this is an inactive stretch (rollups: a
    // missing minute).
    static qint64 inactiveGapMs(int stepMs, bool fromRollups);

    // Splits a decimated list at its NaN separators; drops empty runs.
    static PointRuns splitRuns(const QList<QPointF> &points);

    // One metric of one user. Rollups feed each step's min and max (the
    // step's mean when the range is zoomed in enough that every step gets
    // its own columns), so a spike inside a minute survives decimation.
    static PointRuns userMetricRuns(const UserSeries &series, SeriesMetric metric,
                                    const PlotRange &range);
    // Maximal stretches at one level. When there are more segments than
    // pixel columns, each column shows the worst level seen in it, so a
    // short bad stretch stays visible.
    static std::vector<QualitySegment> qualitySegments(const UserSeries &series,
                                                       const PlotRange &range);
    // Silences longer than inactiveGapMs within [fromMs, toMs], including a
    // leading or trailing one; a stretch starts where the last step before
    // it ends. No steps at all: empty (the caller says "no data").
    static std::vector<TimeSpan> inactiveStretches(const std::vector<qint64> &timeMs, int stepMs,
                                                   bool fromRollups, qint64 fromMs, qint64 toMs);

    // A meeting participant's latency (ms) or bandwidth (kbps).
    static PointRuns participantLatencyRuns(const MeetingSeries &series, int participant,
                                            const PlotRange &range);
    static PointRuns participantBandwidthRuns(const MeetingSeries &series, int participant,
                                              const PlotRange &range);
    static PointRuns meetingScoreRuns(const MeetingSeries &series, const PlotRange &range);
    // Participant count; a step with nobody is a gap (the meeting did not run).
    static PointRuns participantCountRuns(const MeetingSeries &series, const PlotRange &range);

    // Live meetings and users of the fleet; a step with no users is a gap.
    static PointRuns fleetMeetingRuns(const FleetSeries &series, const PlotRange &range);
    static PointRuns fleetUserRuns(const FleetSeries &series, const PlotRange &range);
    // Shares per level, averaged per pixel column, stacked in ShareLevels
    // order; a step without users (shares all zero or unknown) is empty.
    static StackedShares fleetShares(const FleetSeries &series, const PlotRange &range);

    // The index of the step that covers timeMs (a step covers
    // [time, time + stepMs)), or -1 when timeMs falls in a gap or outside.
    static int stepIndexAt(const std::vector<qint64> &timeMs, int stepMs, qint64 timeMs0);

    // The live in-memory history as series (stepMs 1000, raw), restricted
    // to [fromMs, toMs]: the Live window needs no database.
    static UserSeries userSeriesFromLive(const UserNode &user, qint64 fromMs, qint64 toMs);
    static MeetingSeries meetingSeriesFromLive(const MeetingNode &meeting, qint64 fromMs,
                                               qint64 toMs);
    static FleetSeries fleetSeriesFromLive(const MeetingStore &store, qint64 fromMs,
                                           qint64 toMs);
};

} // namespace mm
