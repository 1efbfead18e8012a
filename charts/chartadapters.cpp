#include "chartadapters.h"

#include "downsampler.h"
#include "model/meetingstore.h"
#include "model/samplehistory.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mm {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Severity for "worst level in a pixel column"; Unknown ranks lowest so
// that any known level wins over it.
int severity(Quality level)
{
    switch (level) {
    case Quality::Unknown:
        return 0;
    case Quality::Excellent:
        return 1;
    case Quality::Good:
        return 2;
    case Quality::Fair:
        return 3;
    case Quality::Poor:
        return 4;
    }
    return 0;
}

SampleHistory::Field historyField(SeriesMetric metric)
{
    switch (metric) {
    case SeriesMetric::Upload:
        return SampleHistory::Field::Upload;
    case SeriesMetric::Download:
        return SampleHistory::Field::Download;
    case SeriesMetric::Latency:
        return SampleHistory::Field::Latency;
    case SeriesMetric::Jitter:
        return SampleHistory::Field::Jitter;
    case SeriesMetric::PacketLoss:
    case SeriesMetric::Count_:
        break;
    }
    return SampleHistory::Field::PacketLoss;
}

double valueOrNaN(const Metric &m)
{
    return m ? *m : kNaN;
}

// Where a step's point sits on the x axis: a raw sample at its second, a
// rollup's mean in the middle of its minute.
double pointOffset(int stepMs, bool fromRollups)
{
    return fromRollups ? stepMs / 2.0 : 0.0;
}

// Decimates (x, y) pairs of one line and splits them into runs.
template<typename YAt>
PointRuns decimatedRuns(const std::vector<qint64> &timeMs, int stepMs, bool fromRollups,
                        const PlotRange &range, YAt yAt)
{
    if (!range.isValid() || timeMs.empty())
        return {};
    const double offset = pointOffset(stepMs, fromRollups);
    std::vector<QPointF> points;
    points.reserve(timeMs.size());
    for (size_t i = 0; i < timeMs.size(); ++i)
        points.emplace_back(double(timeMs[i]) + offset, yAt(i));
    const QList<QPointF> reduced
        = Downsampler::minMaxPerColumn(points, range.fromMs, range.toMs, range.columns,
                                       double(ChartAdapters::lineGapMs(stepMs, fromRollups)));
    return ChartAdapters::splitRuns(reduced);
}

double at(const std::vector<double> &values, size_t i)
{
    return i < values.size() ? values[i] : kNaN;
}

} // namespace

qint64 ChartAdapters::lineGapMs(int stepMs, bool fromRollups)
{
    const qint64 step = std::max(1, stepMs);
    return fromRollups ? step : std::max<qint64>(RawLineGapMs, 2 * step);
}

qint64 ChartAdapters::inactiveGapMs(int stepMs, bool fromRollups)
{
    const qint64 step = std::max(1, stepMs);
    return fromRollups ? step : std::max<qint64>(RawInactiveGapMs, 2 * step);
}

PointRuns ChartAdapters::splitRuns(const QList<QPointF> &points)
{
    PointRuns runs;
    PointRun current;
    for (const QPointF &p : points) {
        if (std::isfinite(p.x()) && std::isfinite(p.y())) {
            current.append(p);
        } else if (!current.isEmpty()) {
            runs.push_back(std::move(current));
            current = {};
        }
    }
    if (!current.isEmpty())
        runs.push_back(std::move(current));
    return runs;
}

PointRuns ChartAdapters::userMetricRuns(const UserSeries &series, SeriesMetric metric,
                                        const PlotRange &range)
{
    const int m = int(metric);
    if (m < 0 || m >= SeriesMetricCount || !range.isValid())
        return {};
    const std::vector<double> &mean = series.value[size_t(m)];
    const std::vector<double> &mins = series.min[size_t(m)];
    const std::vector<double> &maxs = series.max[size_t(m)];
    const bool haveExtremes = series.fromRollups && mins.size() == series.timeMs.size()
        && maxs.size() == series.timeMs.size();
    const double steps = (range.toMs - range.fromMs) / std::max(1, series.stepMs);
    // Zoomed out (several steps per pixel column or close to it): feed both
    // extremes so the per-column min/max keeps every spike. Zoomed in: the
    // mean reads better, and hover tells the extremes.
    if (!haveExtremes || steps <= range.columns / 2.0)
        return decimatedRuns(series.timeMs, series.stepMs, series.fromRollups, range,
                             [&](size_t i) { return at(mean, i); });

    const double quarter = series.stepMs / 4.0;
    std::vector<QPointF> points;
    points.reserve(series.timeMs.size() * 2);
    for (size_t i = 0; i < series.timeMs.size(); ++i) {
        const double t = double(series.timeMs[i]);
        const double lo = mins[i];
        const double hi = maxs[i];
        if (std::isfinite(lo) && std::isfinite(hi)) {
            points.emplace_back(t + quarter, lo);
            points.emplace_back(t + 3 * quarter, hi);
        } else {
            points.emplace_back(t + 2 * quarter, at(mean, i));
        }
    }
    const QList<QPointF> reduced
        = Downsampler::minMaxPerColumn(points, range.fromMs, range.toMs, range.columns,
                                       double(lineGapMs(series.stepMs, true)));
    return splitRuns(reduced);
}

std::vector<QualitySegment> ChartAdapters::qualitySegments(const UserSeries &series,
                                                           const PlotRange &range)
{
    std::vector<QualitySegment> exact;
    if (!range.isValid())
        return exact;
    const qint64 step = std::max(1, series.stepMs);
    const qint64 gap = lineGapMs(series.stepMs, series.fromRollups);
    const size_t n = std::min(series.timeMs.size(), series.quality.size());
    qint64 previous = 0;
    for (size_t i = 0; i < n; ++i) {
        const qint64 t = series.timeMs[i];
        if (double(t + step) <= range.fromMs || double(t) >= range.toMs)
            continue;
        const Quality level = series.quality[i];
        if (!exact.empty() && exact.back().level == level && t - previous <= gap)
            exact.back().toMs = t + step;
        else
            exact.push_back({t, t + step, level});
        previous = t;
    }
    for (QualitySegment &s : exact) {
        s.fromMs = std::max<qint64>(s.fromMs, qint64(range.fromMs));
        s.toMs = std::min<qint64>(s.toMs, qint64(range.toMs));
    }
    if (exact.size() <= size_t(range.columns))
        return exact;

    // More segments than pixels: the worst level per column.
    const double width = (range.toMs - range.fromMs) / range.columns;
    std::vector<int> worst(size_t(range.columns), -1);
    for (const QualitySegment &s : exact) {
        const int first = std::clamp(int((s.fromMs - range.fromMs) / width), 0, range.columns - 1);
        const int last = std::clamp(int(std::ceil((s.toMs - range.fromMs) / width)) - 1, first,
                                    range.columns - 1);
        for (int c = first; c <= last; ++c)
            worst[size_t(c)] = std::max(worst[size_t(c)], severity(s.level));
    }
    static constexpr Quality bySeverity[] = {Quality::Unknown, Quality::Excellent, Quality::Good,
                                             Quality::Fair, Quality::Poor};
    std::vector<QualitySegment> columns;
    for (int c = 0; c < range.columns; ++c) {
        const int w = worst[size_t(c)];
        if (w < 0)
            continue;
        const qint64 from = qint64(range.fromMs + c * width);
        const qint64 to = qint64(range.fromMs + (c + 1) * width);
        const Quality level = bySeverity[w];
        if (!columns.empty() && columns.back().level == level && c > 0
            && worst[size_t(c - 1)] == w)
            columns.back().toMs = to;
        else
            columns.push_back({from, to, level});
    }
    return columns;
}

std::vector<TimeSpan> ChartAdapters::inactiveStretches(const std::vector<qint64> &timeMs,
                                                       int stepMs, bool fromRollups,
                                                       qint64 fromMs, qint64 toMs)
{
    std::vector<TimeSpan> spans;
    if (timeMs.empty() || toMs <= fromMs)
        return spans;
    const qint64 step = std::max(1, stepMs);
    const qint64 gap = inactiveGapMs(stepMs, fromRollups);
    const auto add = [&](qint64 from, qint64 to) {
        from = std::max(from, fromMs);
        to = std::min(to, toMs);
        if (to > from)
            spans.push_back({from, to});
    };
    // Leading: the window starts more than a silence before the first step.
    if (timeMs.front() - fromMs > gap)
        add(fromMs, timeMs.front());
    for (size_t i = 1; i < timeMs.size(); ++i) {
        if (timeMs[i] - timeMs[i - 1] > gap)
            add(timeMs[i - 1] + step, timeMs[i]);
    }
    if (toMs - (timeMs.back() + step) > gap)
        add(timeMs.back() + step, toMs);
    return spans;
}

PointRuns ChartAdapters::participantLatencyRuns(const MeetingSeries &series, int participant,
                                                const PlotRange &range)
{
    if (participant < 0 || size_t(participant) >= series.participants.size())
        return {};
    const auto &values = series.participants[size_t(participant)].latencyMs;
    return decimatedRuns(series.timeMs, series.stepMs, series.fromRollups, range,
                         [&](size_t i) { return at(values, i); });
}

PointRuns ChartAdapters::participantBandwidthRuns(const MeetingSeries &series, int participant,
                                                  const PlotRange &range)
{
    if (participant < 0 || size_t(participant) >= series.participants.size())
        return {};
    const auto &values = series.participants[size_t(participant)].bandwidthKbps;
    return decimatedRuns(series.timeMs, series.stepMs, series.fromRollups, range,
                         [&](size_t i) { return at(values, i); });
}

PointRuns ChartAdapters::meetingScoreRuns(const MeetingSeries &series, const PlotRange &range)
{
    return decimatedRuns(series.timeMs, series.stepMs, series.fromRollups, range,
                         [&](size_t i) { return at(series.score, i); });
}

PointRuns ChartAdapters::participantCountRuns(const MeetingSeries &series,
                                              const PlotRange &range)
{
    return decimatedRuns(series.timeMs, series.stepMs, series.fromRollups, range, [&](size_t i) {
        const int n = i < series.participantCount.size() ? series.participantCount[i] : 0;
        return n > 0 ? double(n) : kNaN;
    });
}

PointRuns ChartAdapters::fleetMeetingRuns(const FleetSeries &series, const PlotRange &range)
{
    return decimatedRuns(series.timeMs, series.stepMs, series.stepMs >= 60000, range,
                         [&](size_t i) {
                             const bool any = i < series.users.size() && series.users[i] > 0;
                             return any && i < series.meetings.size() ? double(series.meetings[i])
                                                                      : kNaN;
                         });
}

PointRuns ChartAdapters::fleetUserRuns(const FleetSeries &series, const PlotRange &range)
{
    return decimatedRuns(series.timeMs, series.stepMs, series.stepMs >= 60000, range,
                         [&](size_t i) {
                             const int n = i < series.users.size() ? series.users[i] : 0;
                             return n > 0 ? double(n) : kNaN;
                         });
}

StackedShares ChartAdapters::fleetShares(const FleetSeries &series, const PlotRange &range)
{
    StackedShares out;
    if (!range.isValid())
        return out;
    constexpr size_t levels = ShareLevels.size();
    const int columns = range.columns;
    const double width = (range.toMs - range.fromMs) / columns;
    const qint64 step = std::max(1, series.stepMs);
    std::vector<std::array<double, levels>> sums(size_t(columns), std::array<double, levels>{});
    std::vector<int> counts(size_t(columns), 0);

    for (size_t i = 0; i < series.timeMs.size(); ++i) {
        std::array<double, levels> share{};
        double total = 0;
        for (size_t l = 0; l < levels; ++l) {
            const double v = at(series.share[l], i);
            share[l] = std::isfinite(v) && v > 0 ? v : 0.0;
            total += share[l];
        }
        const bool anyUsers = i >= series.users.size() || series.users[i] > 0;
        if (total <= 0 || !anyUsers)
            continue; // nobody to share: a gap, not a zero
        const double t0 = double(series.timeMs[i]);
        const double t1 = t0 + double(step);
        if (t1 <= range.fromMs || t0 >= range.toMs)
            continue;
        // A step covers every column it overlaps, so data coarser than the
        // columns leaves no holes between its steps.
        const int first = std::clamp(int((t0 - range.fromMs) / width), 0, columns - 1);
        const int last = std::clamp(int(std::ceil((t1 - range.fromMs) / width)) - 1, first,
                                    columns - 1);
        for (int c = first; c <= last; ++c) {
            for (size_t l = 0; l < levels; ++l)
                sums[size_t(c)][l] += share[l] / total;
            ++counts[size_t(c)];
        }
    }

    int c = 0;
    while (c < columns) {
        if (counts[size_t(c)] == 0) {
            ++c;
            continue;
        }
        int end = c;
        while (end + 1 < columns && counts[size_t(end + 1)] > 0)
            ++end;
        const double left = range.fromMs + c * width;
        const double right = range.fromMs + (end + 1) * width;
        for (size_t l = 0; l < levels; ++l) {
            out.lower[l].append({left, 0.0});
            out.upper[l].append({left, 0.0});
        }
        const auto addColumn = [&](int k, double x) {
            double cumulative = 0;
            for (size_t l = 0; l < levels; ++l) {
                const double v = sums[size_t(k)][l] / counts[size_t(k)];
                out.lower[l].append({x, cumulative});
                out.upper[l].append({x, cumulative + v});
                cumulative += v;
            }
        };
        // The run's edges carry its first and last column's values, so the
        // area has vertical sides there instead of ramps into the gap.
        addColumn(c, left);
        for (int k = c; k <= end; ++k)
            addColumn(k, range.fromMs + (k + 0.5) * width);
        addColumn(end, right);
        for (size_t l = 0; l < levels; ++l) {
            out.lower[l].append({right, 0.0});
            out.upper[l].append({right, 0.0});
        }
        c = end + 1;
    }
    return out;
}

int ChartAdapters::stepIndexAt(const std::vector<qint64> &timeMs, int stepMs, qint64 timeMs0)
{
    const auto it = std::upper_bound(timeMs.begin(), timeMs.end(), timeMs0);
    if (it == timeMs.begin())
        return -1;
    const auto i = int(std::distance(timeMs.begin(), it)) - 1;
    return timeMs0 - timeMs[size_t(i)] < std::max(1, stepMs) ? i : -1;
}

UserSeries ChartAdapters::userSeriesFromLive(const UserNode &user, qint64 fromMs, qint64 toMs)
{
    UserSeries s;
    s.meetingId = user.meeting ? user.meeting->meetingId : QString();
    s.userId = user.userId;
    s.username = user.username;
    // Before the meeting was first seen this process knows nothing: that is
    // not inactivity, so the series starts there.
    s.fromMs = user.meeting ? std::max(fromMs, user.meeting->startMs) : fromMs;
    s.toMs = toMs;
    s.stepMs = 1000;
    s.fromRollups = false;
    const SampleHistory &h = user.history;
    const int n = h.size();
    for (int i = 0; i < n; ++i) {
        const qint64 t = h.timeMsAt(i);
        if (t < fromMs - 999 || t > toMs)
            continue;
        s.timeMs.push_back(t);
        for (int m = 0; m < SeriesMetricCount; ++m)
            s.value[size_t(m)].push_back(valueOrNaN(h.valueAt(historyField(SeriesMetric(m)), i)));
        s.quality.push_back(h.qualityAt(i));
    }
    return s;
}

MeetingSeries ChartAdapters::meetingSeriesFromLive(const MeetingNode &meeting, qint64 fromMs,
                                                   qint64 toMs)
{
    MeetingSeries s;
    s.meetingId = meeting.meetingId;
    s.meetingName = meeting.meetingName;
    s.fromMs = std::max(fromMs, meeting.startMs);
    s.toMs = toMs;
    s.stepMs = 1000;
    s.fromRollups = false;
    if (toMs < fromMs)
        return s;
    const qint64 base = (fromMs / 1000) * 1000;
    const auto steps = size_t((toMs - base) / 1000 + 1);
    std::vector<double> scoreSum(steps, 0.0);
    std::vector<int> scoreCount(steps, 0);
    std::vector<int> present(steps, 0);

    s.participants.reserve(meeting.users.size());
    for (const auto &user : meeting.users) {
        MeetingSeries::Participant p;
        p.userId = user->userId;
        p.username = user->username;
        p.latencyMs.assign(steps, kNaN);
        p.bandwidthKbps.assign(steps, kNaN);
        const SampleHistory &h = user->history;
        bool any = false;
        for (int i = 0; i < h.size(); ++i) {
            const qint64 t = h.timeMsAt(i);
            if (t < base || t > toMs)
                continue;
            const auto k = size_t((t - base) / 1000);
            any = true;
            ++present[k];
            p.latencyMs[k] = valueOrNaN(h.valueAt(SampleHistory::Field::Latency, i));
            const Metric up = h.valueAt(SampleHistory::Field::Upload, i);
            const Metric down = h.valueAt(SampleHistory::Field::Download, i);
            p.bandwidthKbps[k] = up && down ? *up + *down : kNaN;
            if (const std::optional<int> score = qualityScore(h.qualityAt(i))) {
                scoreSum[k] += *score;
                ++scoreCount[k];
            }
        }
        if (any)
            s.participants.push_back(std::move(p));
    }

    // Keep only the seconds in which someone was there; the participants'
    // arrays follow the same selection.
    std::vector<size_t> keep;
    for (size_t k = 0; k < steps; ++k) {
        if (present[k] > 0)
            keep.push_back(k);
    }
    for (size_t k : keep) {
        s.timeMs.push_back(base + qint64(k) * 1000);
        s.score.push_back(scoreCount[k] > 0 ? scoreSum[k] / scoreCount[k] : kNaN);
        s.participantCount.push_back(present[k]);
    }
    for (MeetingSeries::Participant &p : s.participants) {
        std::vector<double> latency;
        std::vector<double> bandwidth;
        latency.reserve(keep.size());
        bandwidth.reserve(keep.size());
        for (size_t k : keep) {
            latency.push_back(p.latencyMs[k]);
            bandwidth.push_back(p.bandwidthKbps[k]);
        }
        p.latencyMs = std::move(latency);
        p.bandwidthKbps = std::move(bandwidth);
    }
    return s;
}

FleetSeries ChartAdapters::fleetSeriesFromLive(const MeetingStore &store, qint64 fromMs,
                                               qint64 toMs)
{
    FleetSeries s;
    s.fromMs = fromMs;
    s.toMs = toMs;
    s.stepMs = 1000;
    if (toMs < fromMs)
        return s;
    // What came before the oldest live meeting was first seen is unknown.
    qint64 firstSeen = toMs;
    for (int m = 0; m < store.meetingCount(); ++m)
        firstSeen = std::min(firstSeen, store.meetingAt(m).startMs);
    s.fromMs = std::max(fromMs, firstSeen);
    const qint64 base = (fromMs / 1000) * 1000;
    const auto steps = size_t((toMs - base) / 1000 + 1);
    std::vector<int> meetings(steps, 0);
    std::vector<int> users(steps, 0);
    std::array<std::vector<int>, ShareLevels.size()> perLevel;
    for (auto &v : perLevel)
        v.assign(steps, 0);
    std::vector<qint64> lastMeetingStamp(steps, -1);

    for (int m = 0; m < store.meetingCount(); ++m) {
        const MeetingNode &meeting = store.meetingAt(m);
        for (const auto &user : meeting.users) {
            const SampleHistory &h = user->history;
            for (int i = 0; i < h.size(); ++i) {
                const qint64 t = h.timeMsAt(i);
                if (t < base || t > toMs)
                    continue;
                const auto k = size_t((t - base) / 1000);
                ++users[k];
                if (lastMeetingStamp[k] != m) {
                    lastMeetingStamp[k] = m;
                    ++meetings[k];
                }
                const Quality q = h.qualityAt(i);
                for (size_t l = 0; l < ShareLevels.size(); ++l) {
                    if (ShareLevels[l] == q)
                        ++perLevel[l][k];
                }
            }
        }
    }
    for (size_t k = 0; k < steps; ++k) {
        s.timeMs.push_back(base + qint64(k) * 1000);
        s.meetings.push_back(meetings[k]);
        s.users.push_back(users[k]);
        for (size_t l = 0; l < ShareLevels.size(); ++l)
            s.share[l].push_back(users[k] > 0 ? double(perLevel[l][k]) / users[k] : kNaN);
    }
    return s;
}

} // namespace mm
