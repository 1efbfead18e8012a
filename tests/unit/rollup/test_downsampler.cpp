#include "downsampler.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <vector>

using mm::Downsampler;

namespace {

constexpr int kWeek = 7 * 24 * 3600; // 604,800 one-second points
const double kNaN = std::nan("");

// A week of latency at 1 Hz: a noisy random walk around 40 ms.
std::vector<QPointF> weekOfLatency(std::mt19937_64 &rng)
{
    std::normal_distribution<double> step(0.0, 0.5);
    std::vector<QPointF> points;
    points.reserve(kWeek);
    double y = 40.0;
    for (int i = 0; i < kWeek; ++i) {
        y = std::clamp(y + step(rng), 5.0, 120.0);
        points.emplace_back(double(i), y);
    }
    return points;
}

bool contains(const QList<QPointF> &out, const QPointF &p)
{
    return std::any_of(out.begin(), out.end(),
                       [&](const QPointF &q) { return q.x() == p.x() && q.y() == p.y(); });
}

qsizetype separators(const QList<QPointF> &out)
{
    return std::count_if(out.begin(), out.end(), [](const QPointF &p) { return std::isnan(p.y()); });
}

// Every finite output point is an input point (nothing invented, no zero
// fill), the output is in x order, and no two separators are adjacent.
void expectHonest(const std::vector<QPointF> &in, const QList<QPointF> &out)
{
    std::map<double, std::vector<double>> inputAt;
    for (const QPointF &p : in)
        inputAt[p.x()].push_back(p.y());
    for (qsizetype i = 0; i < out.size(); ++i) {
        const QPointF &p = out[i];
        if (i > 0) {
            ASSERT_LE(out[i - 1].x(), p.x()) << i;
        }
        if (std::isnan(p.y())) {
            ASSERT_GT(i, 0) << "leading separator";
            ASSERT_LT(i, out.size() - 1) << "trailing separator";
            ASSERT_FALSE(std::isnan(out[i - 1].y())) << "double separator";
            continue;
        }
        const auto it = inputAt.find(p.x());
        ASSERT_NE(it, inputAt.end()) << "invented x " << p.x();
        ASSERT_NE(std::find(it->second.begin(), it->second.end(), p.y()), it->second.end())
            << "invented y " << p.y() << " at " << p.x();
    }
}

// For any two consecutive finite output points: a separator lies between
// them exactly when the input has a gap between them (an unknown point or
// a step longer than maxGapX among the known points).
void expectGapsKept(const std::vector<QPointF> &in, const QList<QPointF> &out, double maxGapX)
{
    const auto inputHasGapBetween = [&](double x0, double x1) {
        const QPointF *previousKnown = nullptr;
        for (const QPointF &p : in) {
            if (p.x() < x0)
                continue;
            if (p.x() > x1)
                break;
            if (std::isnan(p.y())) {
                if (p.x() > x0 && p.x() < x1)
                    return true;
                continue;
            }
            if (previousKnown && p.x() - previousKnown->x() > maxGapX)
                return true;
            previousKnown = &p;
        }
        return false;
    };
    qsizetype previous = -1;
    bool separatorSince = false;
    for (qsizetype i = 0; i < out.size(); ++i) {
        if (std::isnan(out[i].y())) {
            separatorSince = true;
            continue;
        }
        if (previous >= 0) {
            EXPECT_EQ(separatorSince, inputHasGapBetween(out[previous].x(), out[i].x()))
                << "between x " << out[previous].x() << " and " << out[i].x();
        }
        previous = i;
        separatorSince = false;
    }
}

} // namespace

TEST(Downsampler, MinMaxKeepsGlobalExtremesAndAWeekFitsFourPerColumn)
{
    std::mt19937_64 rng(11);
    const auto points = weekOfLatency(rng);
    const auto [minIt, maxIt] = std::minmax_element(
        points.begin(), points.end(), [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });

    const auto out = Downsampler::minMaxPerColumn(points, 1600);
    EXPECT_LE(out.size(), 4 * 1600);
    EXPECT_GE(out.size(), 2 * 1600); // first and last of every column at least
    EXPECT_EQ(separators(out), 0);
    // The walk saturates at its clamps, so extremes can tie: one of the tied
    // points must be there, at its own x.
    const auto hasPointWithY = [&](double y) {
        return std::any_of(out.begin(), out.end(), [&](const QPointF &p) { return p.y() == y; });
    };
    EXPECT_TRUE(hasPointWithY(minIt->y()));
    EXPECT_TRUE(hasPointWithY(maxIt->y()));
    EXPECT_EQ(out.front(), points.front());
    EXPECT_EQ(out.back(), points.back());
    expectHonest(points, out);
}

TEST(Downsampler, MinMaxKeepsASingleOneSampleSpikeInAWeek)
{
    std::mt19937_64 rng(12);
    auto points = weekOfLatency(rng);
    std::uniform_int_distribution<int> where(1, kWeek - 2);
    for (int round = 0; round < 5; ++round) {
        auto spiky = points;
        const int at = where(rng);
        spiky[size_t(at)].setY(round % 2 ? 2500.0 : 0.5); // a spike, or a dip
        const auto out = Downsampler::minMaxPerColumn(spiky, 1600);
        EXPECT_TRUE(contains(out, spiky[size_t(at)])) << at;
        // LTTB keeps it too: nothing in its bucket has a larger triangle.
        const auto reduced = Downsampler::lttb(spiky, 2000);
        EXPECT_TRUE(contains(reduced, spiky[size_t(at)])) << at;
    }
}

TEST(Downsampler, MinMaxKeepsEveryColumnsExtremesAndFirstAndLast)
{
    std::mt19937_64 rng(13);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<QPointF> points;
    for (int i = 0; i < 50000; ++i)
        points.emplace_back(i * 1.0, unit(rng) < 0.001 ? 1000.0 * unit(rng) : 30.0 + unit(rng));
    const int columns = 997; // not a divisor of anything
    const double xMin = points.front().x();
    const double xMax = points.back().x();
    const auto out = Downsampler::minMaxPerColumn(points, xMin, xMax, columns);
    ASSERT_LE(out.size(), 4 * columns);
    expectHonest(points, out);

    // Brute force per column, with the column rule written out here.
    std::map<int, std::vector<QPointF>> perColumn;
    for (const QPointF &p : points) {
        const int col = std::min(columns - 1, int((p.x() - xMin) * columns / (xMax - xMin)));
        perColumn[col].push_back(p);
    }
    for (const auto &[col, group] : perColumn) {
        const auto [lo, hi] = std::minmax_element(
            group.begin(), group.end(), [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
        EXPECT_TRUE(contains(out, *lo)) << col;
        EXPECT_TRUE(contains(out, *hi)) << col;
        EXPECT_TRUE(contains(out, group.front())) << col;
        EXPECT_TRUE(contains(out, group.back())) << col;
    }
}

TEST(Downsampler, GapsStayGapsAndAreNeverFilled)
{
    std::mt19937_64 rng(14);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    // A day at 1 Hz with missing seconds (a recorder that was off), short
    // drops under the limit, and explicit unknown points.
    std::vector<QPointF> points;
    for (int i = 0; i < 86400; ++i) {
        if (i >= 20000 && i < 23000)
            continue; // 50 minutes missing
        if (i % 9000 == 4000)
            continue; // one-second drop: within maxGapX, not a gap
        if (i >= 50000 && i < 50100) {
            points.emplace_back(double(i), kNaN); // reported, but unknown
            continue;
        }
        if (i == 70000) {
            points.emplace_back(double(i), kNaN); // a single unknown second
            continue;
        }
        points.emplace_back(double(i), 10.0 + unit(rng));
    }
    const double maxGapX = 2.5;
    for (const int columns : {10, 800, 1600, 40000}) {
        SCOPED_TRACE(columns);
        const auto out = Downsampler::minMaxPerColumn(points, 0.0, 86399.0, columns, maxGapX);
        expectHonest(points, out);
        expectGapsKept(points, out, maxGapX);
        EXPECT_EQ(separators(out), 3);
        EXPECT_LE(out.size(), 4 * columns + 5 * separators(out));
        EXPECT_FALSE(std::any_of(out.begin(), out.end(), [](const QPointF &p) { return p.y() == 0.0; }));

        const auto reduced = Downsampler::lttb(points, 500, maxGapX);
        expectHonest(points, reduced);
        expectGapsKept(points, reduced, maxGapX);
        EXPECT_EQ(reduced.size() - separators(reduced), 500);
    }

    // Without a gap limit, only the unknown points break the line.
    const auto noLimit = Downsampler::minMaxPerColumn(points, 1600);
    EXPECT_EQ(separators(noLimit), 2);
    expectGapsKept(points, noLimit, Downsampler::kNoGapLimit);
}

TEST(Downsampler, ManyGapsInOneColumnStayBounded)
{
    // A flapping user: 2 s on, 3 s off, for an hour, in 10 columns.
    std::vector<QPointF> points;
    for (int i = 0; i < 3600; ++i) {
        if (i % 5 < 2)
            points.emplace_back(double(i), double(i % 7));
    }
    const auto out = Downsampler::minMaxPerColumn(points, 0.0, 3599.0, 10, 1.5);
    expectHonest(points, out);
    expectGapsKept(points, out, 1.5);
    EXPECT_EQ(separators(out), 719);
    EXPECT_LE(out.size(), 4 * 10 + 5 * separators(out));
}

TEST(Downsampler, LttbReturnsExactlyNWithFirstAndLast)
{
    std::mt19937_64 rng(15);
    const auto points = weekOfLatency(rng);
    for (const int n : {3, 4, 100, 2000, 100000}) {
        const auto out = Downsampler::lttb(points, n);
        ASSERT_EQ(out.size(), n);
        EXPECT_EQ(out.front(), points.front());
        EXPECT_EQ(out.back(), points.back());
        expectHonest(points, out);
        for (qsizetype i = 1; i < out.size(); ++i)
            EXPECT_LT(out[i - 1].x(), out[i].x()); // distinct points, in order
    }
    EXPECT_EQ(Downsampler::lttb(points, 2).size(), 2);
    EXPECT_EQ(Downsampler::lttb(points, 1).size(), 1);
    EXPECT_TRUE(Downsampler::lttb(points, 0).isEmpty());
    EXPECT_TRUE(Downsampler::lttb(points, -5).isEmpty());

    // Fewer points than asked for: all of them, unchanged.
    const std::vector<QPointF> few = {{0, 1}, {1, 2}, {2, 3}};
    const auto all = Downsampler::lttb(few, 10);
    ASSERT_EQ(all.size(), 3);
    EXPECT_EQ(all[1], few[1]);
}

TEST(Downsampler, DegenerateInputNeverCrashes)
{
    const std::vector<QPointF> empty;
    EXPECT_TRUE(Downsampler::minMaxPerColumn(empty, 100).isEmpty());
    EXPECT_TRUE(Downsampler::lttb(empty, 100).isEmpty());

    const std::vector<QPointF> allUnknown = {{0, kNaN}, {1, kNaN}, {2, kNaN}};
    EXPECT_TRUE(Downsampler::minMaxPerColumn(allUnknown, 100).isEmpty());
    EXPECT_TRUE(Downsampler::lttb(allUnknown, 100).isEmpty());

    const std::vector<QPointF> one = {{5, 7}};
    EXPECT_EQ(Downsampler::minMaxPerColumn(one, 100), QList<QPointF>({QPointF(5, 7)}));
    EXPECT_EQ(Downsampler::lttb(one, 100), QList<QPointF>({QPointF(5, 7)}));
    EXPECT_TRUE(Downsampler::minMaxPerColumn(one, 0).isEmpty());
    EXPECT_TRUE(Downsampler::minMaxPerColumn(one, 10.0, 0.0, 100).isEmpty()); // reversed range

    // Non-finite x is skipped; a NaN gap limit means "no limit".
    const double inf = std::numeric_limits<double>::infinity();
    const std::vector<QPointF> odd = {{kNaN, 1}, {0, 1}, {inf, 3}, {1, 2}, {2, inf}, {3, 4}};
    const auto out = Downsampler::minMaxPerColumn(odd, 0.0, 3.0, 100, kNaN);
    expectHonest(odd, out);
    EXPECT_EQ(separators(out), 1); // the infinite y is unknown
    const auto reduced = Downsampler::lttb(odd, 2, kNaN);
    EXPECT_EQ(reduced.size() - separators(reduced), 2);

    // Points outside the requested range are left out.
    const std::vector<QPointF> wide = {{-10, 1}, {0, 2}, {5, 3}, {10, 4}, {20, 5}};
    const auto clipped = Downsampler::minMaxPerColumn(wide, 0.0, 10.0, 4);
    EXPECT_EQ(clipped, QList<QPointF>({QPointF(0, 2), QPointF(5, 3), QPointF(10, 4)}));
}
