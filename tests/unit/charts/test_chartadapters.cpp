// The chart adapters: from history series (hand-made here, as the reader
// would deliver them) and from the live store to the point lists that chart
// series get. Gaps stay gaps (never zero), decimation keeps spikes, quality
// segments and inactive stretches come out right.
#include "chartadapters.h"
#include "core/clock.h"
#include "model/meetingstore.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

using namespace mm;

namespace {

constexpr qint64 T0 = 1'700'000'000'000; // a whole second
const double NaN = std::nan("");

// Raw 1 Hz user series; `secondOffsets` are the seconds that have a sample.
UserSeries rawSeries(const std::vector<int> &secondOffsets)
{
    UserSeries s;
    s.meetingId = QStringLiteral("m1");
    s.userId = QStringLiteral("u1");
    s.stepMs = 1000;
    s.fromRollups = false;
    for (const int sec : secondOffsets) {
        s.timeMs.push_back(T0 + sec * 1000LL);
        for (int m = 0; m < SeriesMetricCount; ++m)
            s.value[size_t(m)].push_back(10.0 + m + (sec % 7));
        s.quality.push_back(Quality::Good);
    }
    s.fromMs = T0;
    s.toMs = s.timeMs.empty() ? T0 : s.timeMs.back() + 1000;
    return s;
}

std::vector<int> secondsRange(int from, int to) // [from, to)
{
    std::vector<int> v;
    for (int i = from; i < to; ++i)
        v.push_back(i);
    return v;
}

PlotRange rangeOf(qint64 fromMs, qint64 toMs, int columns)
{
    return {double(fromMs), double(toMs), columns};
}

int totalPoints(const PointRuns &runs)
{
    int n = 0;
    for (const PointRun &r : runs)
        n += int(r.size());
    return n;
}

double maxOf(const PointRuns &runs)
{
    double m = -1e300;
    for (const PointRun &r : runs)
        for (const QPointF &p : r)
            m = std::max(m, p.y());
    return m;
}

// No finite run point lies strictly inside (fromMs, toMs).
bool nothingInside(const PointRuns &runs, qint64 fromMs, qint64 toMs)
{
    for (const PointRun &r : runs)
        for (const QPointF &p : r)
            if (p.x() > double(fromMs) && p.x() < double(toMs))
                return false;
    return true;
}

bool allFinite(const PointRuns &runs)
{
    for (const PointRun &r : runs)
        for (const QPointF &p : r)
            if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
                return false;
    return true;
}

} // namespace

TEST(ChartAdaptersTest, SplitRunsBreaksAtSeparatorsAndDropsEmptyRuns)
{
    const QList<QPointF> points = {{0, NaN}, {1, 1}, {2, 2}, {3, NaN}, {4, NaN}, {5, 5}, {6, NaN}};
    const PointRuns runs = ChartAdapters::splitRuns(points);
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_EQ(runs[0], (PointRun{{1, 1}, {2, 2}}));
    EXPECT_EQ(runs[1], (PointRun{{5, 5}}));
}

TEST(ChartAdaptersTest, RawGapBecomesTwoRunsAndIsNeverBridgedOrZero)
{
    // 0..59 s, silence 60..89 s, 90..119 s.
    std::vector<int> seconds = secondsRange(0, 60);
    const std::vector<int> after = secondsRange(90, 120);
    seconds.insert(seconds.end(), after.begin(), after.end());
    const UserSeries s = rawSeries(seconds);
    const PointRuns runs
        = ChartAdapters::userMetricRuns(s, SeriesMetric::Latency, rangeOf(T0, T0 + 120'000, 800));
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_TRUE(nothingInside(runs, T0 + 59'000, T0 + 90'000));
    EXPECT_TRUE(allFinite(runs));
    EXPECT_EQ(totalPoints(runs), 90); // fewer points than columns: all kept
    for (const PointRun &r : runs)
        for (const QPointF &p : r)
            EXPECT_GT(p.y(), 0.0);
}

TEST(ChartAdaptersTest, UnknownValueBreaksTheLineOfThatMetricOnly)
{
    UserSeries s = rawSeries(secondsRange(0, 30));
    s.value[size_t(SeriesMetric::Latency)][10] = NaN;
    const PlotRange range = rangeOf(T0, T0 + 30'000, 800);
    const PointRuns latency = ChartAdapters::userMetricRuns(s, SeriesMetric::Latency, range);
    ASSERT_EQ(latency.size(), 2u);
    EXPECT_EQ(latency[0].back().x(), double(T0 + 9000));
    EXPECT_EQ(latency[1].front().x(), double(T0 + 11'000));
    EXPECT_EQ(totalPoints(latency), 29);
    EXPECT_EQ(ChartAdapters::userMetricRuns(s, SeriesMetric::Upload, range).size(), 1u);
}

TEST(ChartAdaptersTest, OneMissingSecondIsJitterNotAGapButTwoAre)
{
    std::vector<int> seconds = secondsRange(0, 10);
    seconds.push_back(11); // second 10 missing: two samples landed in one second
    seconds.push_back(12);
    seconds.push_back(15); // 13 and 14 missing: a gap
    seconds.push_back(16);
    const UserSeries s = rawSeries(seconds);
    const PointRuns runs
        = ChartAdapters::userMetricRuns(s, SeriesMetric::Upload, rangeOf(T0, T0 + 20'000, 800));
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_EQ(runs[0].size(), 12);
    EXPECT_EQ(runs[1].size(), 2);
}

TEST(ChartAdaptersTest, DecimationOfADayKeepsASingleSecondSpike)
{
    std::mt19937_64 rng(7);
    std::normal_distribution<double> noise(40.0, 3.0);
    UserSeries s = rawSeries({});
    const int day = 24 * 3600;
    for (int i = 0; i < day; ++i) {
        s.timeMs.push_back(T0 + i * 1000LL);
        for (int m = 0; m < SeriesMetricCount; ++m)
            s.value[size_t(m)].push_back(std::max(1.0, noise(rng)));
        s.quality.push_back(Quality::Excellent);
    }
    s.value[size_t(SeriesMetric::Latency)][50'000] = 2500.0;
    const int columns = 1000;
    const PointRuns runs = ChartAdapters::userMetricRuns(
        s, SeriesMetric::Latency, rangeOf(T0, T0 + day * 1000LL, columns));
    EXPECT_EQ(runs.size(), 1u);
    EXPECT_DOUBLE_EQ(maxOf(runs), 2500.0);
    EXPECT_LE(totalPoints(runs), 4 * columns);
    EXPECT_GT(totalPoints(runs), columns); // not over-reduced either
}

TEST(ChartAdaptersTest, RollupsFeedMinAndMaxSoASpikeInsideAMinuteSurvivesAWeek)
{
    UserSeries s;
    s.stepMs = 60'000;
    s.fromRollups = true;
    const int minutes = 7 * 24 * 60;
    for (int i = 0; i < minutes; ++i) {
        if (i >= 3000 && i < 3060)
            continue; // an hour without data
        s.timeMs.push_back(T0 + i * 60'000LL);
        for (int m = 0; m < SeriesMetricCount; ++m) {
            s.value[size_t(m)].push_back(40.0);
            s.min[size_t(m)].push_back(30.0);
            s.max[size_t(m)].push_back(55.0);
        }
        s.quality.push_back(Quality::Good);
    }
    // A 900 ms spike inside one minute whose mean stays low.
    const size_t spike = 5000;
    s.max[size_t(SeriesMetric::Latency)][spike] = 900.0;
    const int columns = 1200;
    const PlotRange week = rangeOf(T0, T0 + minutes * 60'000LL, columns);
    const PointRuns runs = ChartAdapters::userMetricRuns(s, SeriesMetric::Latency, week);
    EXPECT_DOUBLE_EQ(maxOf(runs), 900.0);
    ASSERT_EQ(runs.size(), 2u); // the missing hour splits the line
    EXPECT_TRUE(nothingInside(runs, T0 + 3000 * 60'000LL, T0 + 3059 * 60'000LL));
    EXPECT_LE(totalPoints(runs), 4 * columns + 8);

    // Zoomed into one hour, every minute has its own columns: the mean.
    const qint64 hourFrom = T0 + 100 * 60'000LL;
    const PointRuns zoomed = ChartAdapters::userMetricRuns(
        s, SeriesMetric::Latency, rangeOf(hourFrom, hourFrom + 3600'000, columns));
    ASSERT_EQ(zoomed.size(), 1u);
    for (const QPointF &p : zoomed[0])
        EXPECT_DOUBLE_EQ(p.y(), 40.0);
}

TEST(ChartAdaptersTest, QualitySegmentsMergeRunsOfOneLevelAndBreakAtGaps)
{
    UserSeries s = rawSeries({0, 1, 2, 3, 4, 5, 30, 31, 32});
    s.quality = {Quality::Excellent, Quality::Excellent, Quality::Good, Quality::Good,
                 Quality::Unknown,   Quality::Good,      Quality::Good, Quality::Poor,
                 Quality::Poor};
    const auto segments
        = ChartAdapters::qualitySegments(s, rangeOf(T0, T0 + 40'000, 800));
    const std::vector<QualitySegment> expected = {
        {T0, T0 + 2000, Quality::Excellent},        {T0 + 2000, T0 + 4000, Quality::Good},
        {T0 + 4000, T0 + 5000, Quality::Unknown},   {T0 + 5000, T0 + 6000, Quality::Good},
        {T0 + 30'000, T0 + 31'000, Quality::Good},  {T0 + 31'000, T0 + 33'000, Quality::Poor}};
    EXPECT_EQ(segments, expected);
}

TEST(ChartAdaptersTest, TooManyQualitySegmentsShowTheWorstLevelPerColumn)
{
    // A day flipping every second between excellent and good, with one
    // poor second: far more segments than 100 columns.
    const int n = 24 * 3600;
    UserSeries s = rawSeries(secondsRange(0, n));
    for (int i = 0; i < n; ++i)
        s.quality[size_t(i)] = i % 2 ? Quality::Good : Quality::Excellent;
    s.quality[size_t(40'000)] = Quality::Poor;
    const auto segments = ChartAdapters::qualitySegments(s, rangeOf(T0, T0 + n * 1000LL, 100));
    ASSERT_LE(segments.size(), 100u);
    const auto poor = std::find_if(segments.begin(), segments.end(),
                                   [](const QualitySegment &q) { return q.level == Quality::Poor; });
    ASSERT_NE(poor, segments.end());
    EXPECT_LE(poor->fromMs, T0 + 40'000'000);
    EXPECT_GE(poor->toMs, T0 + 40'001'000);
    for (const QualitySegment &q : segments)
        EXPECT_NE(q.level, Quality::Excellent); // good is worse and is in every column
}

TEST(ChartAdaptersTest, InactiveStretchesAreSilencesLongerThanTenSecondsInRawData)
{
    std::vector<qint64> t;
    for (const int sec : {5, 6, 7, 12, 13, 30, 31}) // 7 -> 12: 5 s, not inactive
        t.push_back(T0 + sec * 1000LL);
    const auto spans = ChartAdapters::inactiveStretches(t, 1000, false, T0, T0 + 60'000);
    const std::vector<TimeSpan> expected = {{T0 + 14'000, T0 + 30'000},
                                            {T0 + 32'000, T0 + 60'000}};
    EXPECT_EQ(spans, expected); // leading 5 s is short; trailing 28 s counts
    EXPECT_EQ(ChartAdapters::inactiveStretches(t, 1000, false, T0 - 20'000, T0 + 32'000),
              (std::vector<TimeSpan>{{T0 - 20'000, T0 + 5000}, {T0 + 14'000, T0 + 30'000}}));
    EXPECT_TRUE(ChartAdapters::inactiveStretches({}, 1000, false, T0, T0 + 60'000).empty());
}

TEST(ChartAdaptersTest, AMissingMinuteInRollupsIsInactive)
{
    const qint64 m = 60'000;
    const std::vector<qint64> t = {T0, T0 + m, T0 + 3 * m, T0 + 4 * m};
    EXPECT_EQ(ChartAdapters::inactiveStretches(t, 60'000, true, T0, T0 + 5 * m),
              (std::vector<TimeSpan>{{T0 + 2 * m, T0 + 3 * m}}));
}

TEST(ChartAdaptersTest, StepIndexAtFindsTheCoveringStepOrNone)
{
    const std::vector<qint64> t = {T0, T0 + 1000, T0 + 5000};
    EXPECT_EQ(ChartAdapters::stepIndexAt(t, 1000, T0 - 1), -1);
    EXPECT_EQ(ChartAdapters::stepIndexAt(t, 1000, T0), 0);
    EXPECT_EQ(ChartAdapters::stepIndexAt(t, 1000, T0 + 1999), 1);
    EXPECT_EQ(ChartAdapters::stepIndexAt(t, 1000, T0 + 3000), -1);
    EXPECT_EQ(ChartAdapters::stepIndexAt(t, 1000, T0 + 5500), 2);
    EXPECT_EQ(ChartAdapters::stepIndexAt(t, 1000, T0 + 6000), -1);
}

TEST(ChartAdaptersTest, MeetingCountScoreAndParticipantLinesHaveGapsNotZeros)
{
    MeetingSeries s;
    s.meetingId = QStringLiteral("m1");
    s.stepMs = 60'000;
    s.fromRollups = true;
    for (int i = 0; i < 10; ++i)
        s.timeMs.push_back(T0 + i * 60'000LL);
    s.participantCount = {2, 2, 2, 0, 0, 2, 2, 2, 2, 2};
    s.score = {100, 90, NaN, NaN, NaN, 70, 70, 80, 80, 80};
    MeetingSeries::Participant a;
    a.userId = QStringLiteral("a");
    a.latencyMs = {40, 41, 42, NaN, NaN, 300, 310, 320, 330, 340};
    a.bandwidthKbps = {900, 900, 900, NaN, NaN, 900, 900, 900, 900, 900};
    s.participants.push_back(a);
    const PlotRange range = rangeOf(T0, T0 + 10 * 60'000LL, 600);
    EXPECT_EQ(ChartAdapters::participantCountRuns(s, range).size(), 2u);
    const PointRuns score = ChartAdapters::meetingScoreRuns(s, range);
    ASSERT_EQ(score.size(), 2u);
    EXPECT_EQ(score[0].size(), 2);
    const PointRuns latency = ChartAdapters::participantLatencyRuns(s, 0, range);
    ASSERT_EQ(latency.size(), 2u);
    EXPECT_DOUBLE_EQ(maxOf(latency), 340.0);
    EXPECT_TRUE(ChartAdapters::participantLatencyRuns(s, 1, range).empty()); // no such participant
}

TEST(ChartAdaptersTest, FleetSharesStackToOneAndLeaveGapsEmpty)
{
    FleetSeries f;
    f.stepMs = 60'000;
    for (int i = 0; i < 20; ++i) {
        f.timeMs.push_back(T0 + i * 60'000LL);
        const bool nobody = i >= 8 && i < 12;
        f.users.push_back(nobody ? 0 : 10);
        f.meetings.push_back(nobody ? 0 : 2);
        const std::array<double, 5> share = {0.5, 0.2, 0.1, 0.1, 0.1};
        for (size_t l = 0; l < ShareLevels.size(); ++l)
            f.share[l].push_back(nobody ? NaN : share[l]);
    }
    const PlotRange range = rangeOf(T0, T0 + 20 * 60'000LL, 200);
    const StackedShares shares = ChartAdapters::fleetShares(f, range);
    const QList<QPointF> &top = shares.upper[ShareLevels.size() - 1];
    ASSERT_FALSE(top.isEmpty());
    for (size_t l = 0; l < ShareLevels.size(); ++l)
        ASSERT_EQ(shares.upper[l].size(), shares.lower[l].size());
    const double gapFrom = double(T0 + 8 * 60'000LL);
    const double gapTo = double(T0 + 12 * 60'000LL);
    for (const QPointF &p : top) {
        // Inside the gap nothing is drawn: no point strictly inside it.
        EXPECT_FALSE(p.x() > gapFrom + 1 && p.x() < gapTo - 1) << p.x();
        EXPECT_TRUE(std::abs(p.y() - 1.0) < 1e-9 || p.y() == 0.0) << p.y();
    }
    // Excellent's band is the bottom half.
    EXPECT_NEAR(shares.upper[0][2].y(), 0.5, 1e-9);
    EXPECT_EQ(ChartAdapters::fleetUserRuns(f, range).size(), 2u);
    EXPECT_EQ(ChartAdapters::fleetMeetingRuns(f, range).size(), 2u);
}

namespace {

class ManualClock final : public Clock
{
public:
    qint64 nowMs() const override { return now; }
    qint64 now = T0;
};

Sample liveSample(const QString &meeting, const QString &user, qint64 at, Metric latency,
                  Quality q)
{
    Sample s;
    s.meetingId = meeting;
    s.userId = user;
    s.username = user.toUpper();
    s.receivedMs = at;
    s.uploadKbps = 500;
    s.downloadKbps = 1500;
    s.latencyMs = latency;
    s.packetLossPct = 0.5;
    s.jitterMs = 3;
    s.quality = q;
    return s;
}

} // namespace

TEST(ChartAdaptersTest, LiveHistoryBecomesSeriesWithUnknownsAsNaNAndSilencesAsGaps)
{
    ManualClock clock;
    MeetingStore store(clock);
    const QString m = QStringLiteral("m1");
    // Alice every second for 60 s; Bob for the first 20 s and the last 10 s,
    // with an unknown latency at second 5.
    for (int sec = 0; sec < 60; ++sec) {
        clock.now = T0 + sec * 1000LL + 100;
        SampleBatch batch;
        batch.push_back(liveSample(m, QStringLiteral("alice"), clock.now, 40.0, Quality::Excellent));
        if (sec < 20 || sec >= 50)
            batch.push_back(liveSample(m, QStringLiteral("bob"), clock.now,
                                       sec == 5 ? Metric{} : Metric{250.0}, Quality::Fair));
        store.applyBatch(batch);
    }
    const UserNode *bob = store.findUser(m, QStringLiteral("bob"));
    ASSERT_NE(bob, nullptr);
    const UserSeries user = ChartAdapters::userSeriesFromLive(*bob, T0, T0 + 60'000);
    ASSERT_EQ(user.timeMs.size(), 30u);
    EXPECT_EQ(user.userId, QStringLiteral("bob"));
    EXPECT_TRUE(std::isnan(user.value[size_t(SeriesMetric::Latency)][5]));
    EXPECT_DOUBLE_EQ(user.value[size_t(SeriesMetric::Upload)][5], 500.0);
    EXPECT_DOUBLE_EQ(user.value[size_t(SeriesMetric::PacketLoss)][0], 0.5);
    EXPECT_EQ(user.quality[0], Quality::Fair);
    EXPECT_EQ(ChartAdapters::inactiveStretches(user.timeMs, user.stepMs, false, T0, T0 + 60'000),
              (std::vector<TimeSpan>{{T0 + 20'000, T0 + 50'000}}));
    // Only the last 10 seconds when the window starts later.
    EXPECT_EQ(ChartAdapters::userSeriesFromLive(*bob, T0 + 45'000, T0 + 60'000).timeMs.size(), 10u);

    const MeetingNode *meeting = store.findMeeting(m);
    ASSERT_NE(meeting, nullptr);
    const MeetingSeries ms = ChartAdapters::meetingSeriesFromLive(*meeting, T0, T0 + 60'000);
    ASSERT_EQ(ms.timeMs.size(), 60u);
    ASSERT_EQ(ms.participants.size(), 2u);
    EXPECT_EQ(ms.participantCount[0], 2);
    EXPECT_EQ(ms.participantCount[30], 1);
    // Score: excellent 100 and fair 50 (qualityScore) -> mean.
    EXPECT_DOUBLE_EQ(ms.score[0], (*qualityScore(Quality::Excellent) + *qualityScore(Quality::Fair)) / 2.0);
    EXPECT_DOUBLE_EQ(ms.score[30], double(*qualityScore(Quality::Excellent)));
    const auto &bobLine = ms.participants[1];
    EXPECT_TRUE(std::isnan(bobLine.latencyMs[30])); // absent: NaN, not zero
    EXPECT_DOUBLE_EQ(bobLine.bandwidthKbps[0], 2000.0);
    EXPECT_EQ(ChartAdapters::participantLatencyRuns(ms, 1, rangeOf(T0, T0 + 60'000, 500)).size(),
              3u); // split at the unknown second and at the silence

    const FleetSeries fleet = ChartAdapters::fleetSeriesFromLive(store, T0, T0 + 60'000);
    ASSERT_EQ(fleet.timeMs.size(), 61u);
    EXPECT_EQ(fleet.users[0], 2);
    EXPECT_EQ(fleet.meetings[0], 1);
    EXPECT_EQ(fleet.users[30], 1);
    EXPECT_EQ(fleet.users[60], 0);
    EXPECT_TRUE(std::isnan(fleet.share[0][60]));
    EXPECT_DOUBLE_EQ(fleet.share[0][0], 0.5); // excellent
    EXPECT_DOUBLE_EQ(fleet.share[2][0], 0.5); // fair
}
