#pragma once

#include "core/quality.h"

#include <QMetaType>
#include <QString>
#include <array>
#include <vector>

namespace mm {

// The metrics a chart can draw, in this order everywhere.
enum class SeriesMetric : int { Upload, Download, Latency, Jitter, PacketLoss, Count_ };
constexpr int SeriesMetricCount = int(SeriesMetric::Count_);

// Quality levels in the order of the shares below (unknown kept apart).
constexpr std::array<Quality, 5> ShareLevels = {Quality::Excellent, Quality::Good, Quality::Fair,
                                                Quality::Poor, Quality::Unknown};

// One user's history over a range, from raw 1 Hz samples (stepMs = 1000) or
// from per-minute rollups (stepMs = 60000). Points are in time order; a
// missing step is a gap (the user sent nothing: inactive), never a zero;
// an unknown value is NaN.
struct UserSeries
{
    QString meetingId;
    QString userId;
    QString username;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    int stepMs = 1000;
    bool fromRollups = false;
    std::vector<qint64> timeMs;                              // start of each step
    std::array<std::vector<double>, SeriesMetricCount> value; // raw value, or the step's mean
    // Rollups only (empty for raw): the step's extremes, so that a spike
    // inside a minute stays visible.
    std::array<std::vector<double>, SeriesMetricCount> min;
    std::array<std::vector<double>, SeriesMetricCount> max;
    std::vector<Quality> quality; // raw: the level; rollups: the level held longest
};

// A meeting's history: each participant's latency and bandwidth, the
// meeting's 0-100 score and its participant count, on one time base.
struct MeetingSeries
{
    struct Participant
    {
        QString userId;
        QString username;
        std::vector<double> latencyMs;     // NaN where unknown or absent
        std::vector<double> bandwidthKbps; // upload + download; NaN where unknown or absent
    };
    QString meetingId;
    QString meetingName;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    int stepMs = 1000;
    bool fromRollups = false;
    std::vector<qint64> timeMs;
    std::vector<Participant> participants;
    std::vector<double> score;       // NaN when no level was known in that step
    std::vector<int> participantCount;
};

// The whole fleet over time: live meetings and users, and the share of
// users (by time) in each quality level.
struct FleetSeries
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    int stepMs = 60000;
    std::vector<qint64> timeMs;
    std::vector<int> meetings;
    std::vector<int> users;
    std::array<std::vector<double>, ShareLevels.size()> share; // 0..1 per step, in ShareLevels order
};

} // namespace mm

Q_DECLARE_METATYPE(mm::UserSeries)
Q_DECLARE_METATYPE(mm::MeetingSeries)
Q_DECLARE_METATYPE(mm::FleetSeries)
