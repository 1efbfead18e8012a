#pragma once

#include <QList>
#include <QPointF>
#include <limits>
#include <span>

namespace mm {

// Display downsampling for long time series (a week of 1 Hz points is
// 604,800; a chart is ~1,600 pixels wide). Pure QtCore, no Qt Charts, so it
// is tested and benchmarked on its own.
//
// Input: points sorted by x (time), y NaN meaning "unknown". A gap is an
// unknown point or two known points further apart in x than maxGapX. The
// output never bridges a gap and never fills it: where a gap was, it holds
// one separator point with y = NaN (x halfway between its neighbours), and
// the chart adapter breaks the line there. Points with a non-finite x are
// skipped.
class Downsampler final
{
public:
    static constexpr double kNoGapLimit = std::numeric_limits<double>::infinity();

    // First, min, max and last of each pixel column, in x order (M4, as
    // Qwt's FilterPointsAggressive): exact for spikes, every local extreme
    // of a column survives. The columns split [xMin, xMax] evenly; points
    // outside it are dropped. A column crossed by gaps is reduced per
    // stretch between gaps, so the output holds at most 4 points per
    // column plus, per gap, one separator and at most 4 more points.
    static QList<QPointF> minMaxPerColumn(std::span<const QPointF> points, double xMin,
                                          double xMax, int columns,
                                          double maxGapX = kNoGapLimit);
    // The same over the data's own x range.
    static QList<QPointF> minMaxPerColumn(std::span<const QPointF> points, int columns,
                                          double maxGapX = kNoGapLimit);

    // Largest-Triangle-Three-Buckets (Steinarsson 2013) to exactly
    // `threshold` known points, first and last kept, when there are more
    // known points than that (else all known points are kept), plus a
    // separator wherever two consecutive kept points straddle a gap.
    // For exports that need a fixed count; live charts use minMaxPerColumn.
    static QList<QPointF> lttb(std::span<const QPointF> points, int threshold,
                               double maxGapX = kNoGapLimit);
};

} // namespace mm
