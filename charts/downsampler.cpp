#include "downsampler.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace mm {

namespace {

constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();

// A NaN or non-positive limit would make every pair of points a gap or
// none; NaN is read as "no limit" so a bad setting never hides data.
double effectiveGapLimit(double maxGapX)
{
    return std::isnan(maxGapX) ? Downsampler::kNoGapLimit : maxGapX;
}

QPointF separatorBetween(const QPointF &before, const QPointF &after)
{
    return {(before.x() + after.x()) / 2.0, kUnknown};
}

// First, min, max and last of the points of one column between two gaps.
struct Piece
{
    qsizetype first = -1;
    qsizetype min = -1;
    qsizetype max = -1;
    qsizetype last = -1;
    qint64 column = -1;

    bool isEmpty() const { return first < 0; }

    void start(qsizetype i, qint64 col)
    {
        first = min = max = last = i;
        column = col;
    }

    void extend(std::span<const QPointF> points, qsizetype i)
    {
        const double y = points[size_t(i)].y();
        if (y < points[size_t(min)].y())
            min = i;
        if (y > points[size_t(max)].y())
            max = i;
        last = i;
    }

    void flushTo(std::span<const QPointF> points, QList<QPointF> &out)
    {
        if (isEmpty())
            return;
        std::array<qsizetype, 4> indices = {first, min, max, last};
        std::sort(indices.begin(), indices.end()); // x order, as the input
        const auto end = std::unique(indices.begin(), indices.end());
        for (auto it = indices.begin(); it != end; ++it)
            out.append(points[size_t(*it)]);
        first = -1;
    }
};

} // namespace

QList<QPointF> Downsampler::minMaxPerColumn(std::span<const QPointF> points, double xMin,
                                            double xMax, int columns, double maxGapX)
{
    QList<QPointF> out;
    if (columns <= 0 || !std::isfinite(xMin) || !std::isfinite(xMax) || xMax < xMin)
        return out;
    const double gapLimit = effectiveGapLimit(maxGapX);
    const double width = xMax - xMin;
    const double scale = width > 0 ? double(columns) / width : 0.0;
    out.reserve(std::min<qsizetype>(qsizetype(points.size()), qsizetype(columns) * 4 + 16));

    Piece piece;
    bool havePrevious = false; // a known point has been seen in range
    bool gapPending = false;   // an unknown point came after it
    QPointF previous;
    for (size_t i = 0; i < points.size(); ++i) {
        const QPointF &p = points[i];
        const double x = p.x();
        if (!std::isfinite(x) || x < xMin || x > xMax)
            continue;
        if (!std::isfinite(p.y())) {
            gapPending = havePrevious;
            continue;
        }
        const qint64 column = std::min<qint64>(qint64((x - xMin) * scale), columns - 1);
        if (havePrevious && (gapPending || x - previous.x() > gapLimit)) {
            piece.flushTo(points, out);
            out.append(separatorBetween(previous, p));
            piece.start(qsizetype(i), column);
        } else if (piece.isEmpty() || piece.column != column) {
            piece.flushTo(points, out);
            piece.start(qsizetype(i), column);
        } else {
            piece.extend(points, qsizetype(i));
        }
        previous = p;
        havePrevious = true;
        gapPending = false;
    }
    piece.flushTo(points, out);
    return out;
}

QList<QPointF> Downsampler::minMaxPerColumn(std::span<const QPointF> points, int columns,
                                            double maxGapX)
{
    // Sorted input: the first and last finite x bound the data.
    const auto finiteX = [](const QPointF &p) { return std::isfinite(p.x()); };
    const auto first = std::find_if(points.begin(), points.end(), finiteX);
    const auto last = std::find_if(points.rbegin(), points.rend(), finiteX);
    if (first == points.end())
        return {};
    return minMaxPerColumn(points, first->x(), last->x(), columns, maxGapX);
}

QList<QPointF> Downsampler::lttb(std::span<const QPointF> points, int threshold,
                                 double maxGapX)
{
    QList<QPointF> out;
    if (threshold <= 0)
        return out;
    const double gapLimit = effectiveGapLimit(maxGapX);

    // The known points, and for each the number of gaps before it, so a gap
    // between any two kept points is one subtraction.
    std::vector<QPointF> known;
    std::vector<quint32> gapsBefore;
    known.reserve(points.size());
    gapsBefore.reserve(points.size());
    quint32 gaps = 0;
    bool gapPending = false;
    for (const QPointF &p : points) {
        if (!std::isfinite(p.x()))
            continue;
        if (!std::isfinite(p.y())) {
            gapPending = !known.empty();
            continue;
        }
        if (!known.empty() && (gapPending || p.x() - known.back().x() > gapLimit))
            ++gaps;
        known.push_back(p);
        gapsBefore.push_back(gaps);
        gapPending = false;
    }

    const auto n = qint64(known.size());
    std::vector<qint64> kept;
    if (n <= threshold) {
        kept.resize(size_t(n));
        for (qint64 i = 0; i < n; ++i)
            kept[size_t(i)] = i;
    } else if (threshold == 1) {
        kept = {0};
    } else {
        kept.reserve(size_t(threshold));
        kept.push_back(0);
        // Bucket i (of threshold - 2) covers [1 + i·(n-2)/(t-2), 1 + (i+1)·(n-2)/(t-2)),
        // in integers so the buckets tile the inner points exactly.
        const qint64 inner = n - 2;
        const qint64 buckets = threshold - 2;
        const auto bucketStart = [&](qint64 i) { return 1 + i * inner / buckets; };
        qint64 a = 0;
        for (qint64 i = 0; i < buckets; ++i) {
            // The next bucket's centroid (the last point after the last bucket).
            const qint64 nextFrom = bucketStart(i + 1);
            const qint64 nextTo = i + 1 < buckets ? bucketStart(i + 2) : n;
            double avgX = 0;
            double avgY = 0;
            for (qint64 j = nextFrom; j < nextTo; ++j) {
                avgX += known[size_t(j)].x();
                avgY += known[size_t(j)].y();
            }
            const auto nextCount = double(std::max<qint64>(1, nextTo - nextFrom));
            avgX /= nextCount;
            avgY /= nextCount;

            const QPointF &pa = known[size_t(a)];
            qint64 best = bucketStart(i);
            double bestArea = -1;
            for (qint64 j = bucketStart(i); j < bucketStart(i + 1); ++j) {
                const QPointF &pj = known[size_t(j)];
                // Twice the triangle's area; only the comparison matters.
                const double area = std::abs((pa.x() - avgX) * (pj.y() - pa.y())
                                             - (pa.x() - pj.x()) * (avgY - pa.y()));
                if (area > bestArea) {
                    bestArea = area;
                    best = j;
                }
            }
            kept.push_back(best);
            a = best;
        }
        kept.push_back(n - 1);
    }

    out.reserve(qsizetype(kept.size()) * 2);
    for (size_t k = 0; k < kept.size(); ++k) {
        const auto index = size_t(kept[k]);
        if (k > 0) {
            const auto previous = size_t(kept[k - 1]);
            if (gapsBefore[index] != gapsBefore[previous])
                out.append(separatorBetween(known[previous], known[index]));
        }
        out.append(known[index]);
    }
    return out;
}

} // namespace mm
