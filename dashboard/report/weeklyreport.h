#pragma once

#include "core/quality.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <array>
#include <optional>
#include <vector>

namespace mm {

// An ISO 8601 week ("2026-W47"): Monday to Sunday, week 1 holding the
// year's first Thursday.
struct IsoWeek
{
    int year = 0;
    int week = 0;

    // "2026-W47" (also "2026W47"); nullopt for anything else or a week the
    // year does not have (W53 exists only in long years).
    static std::optional<IsoWeek> parse(QStringView text);
    static IsoWeek containing(QDate date);
    QString toString() const; // "2026-W47"
    QDate monday() const;
    IsoWeek previous() const;
    IsoWeek next() const;
    bool isValid() const;
    friend bool operator==(const IsoWeek &, const IsoWeek &) = default;
};

// Seconds of participant-time in each quality level, indexed by Quality's
// value (Unknown = 0 ... Poor = 4). Every stored sample is one second.
struct LevelSeconds
{
    std::array<qint64, 5> seconds{};

    qint64 total() const;
    qint64 in(Quality level) const { return seconds[size_t(level)]; }
    // Share of the total (unknown included in the total); nullopt when the
    // total is zero: no time is not 0 % of anything.
    std::optional<double> share(Quality level) const;
    void add(const LevelSeconds &other);
};

// Incidents that fired, by their wire type name.
struct IncidentTypeCount
{
    QString type;
    int warning = 0;
    int critical = 0;
};

// The headline figures of one week. Optional figures are nullopt when
// nothing was known (never zero).
struct WeekSummary
{
    qint64 startMs = 0; // [startMs, endMs): local Monday 00:00 to the next
    qint64 endMs = 0;
    int meetings = 0;     // meetings with any participant-time in the week
    int users = 0;        // distinct user ids
    LevelSeconds levels;  // participant-time per level
    std::optional<double> latencyP50Ms;
    std::optional<double> latencyP95Ms;
    std::optional<double> packetLossMeanPct; // over the known values
    // Incidents that fired in the week (by fired time), by type.
    std::vector<IncidentTypeCount> incidentTypes; // sorted by type name
    int incidentsWarning = 0;
    int incidentsCritical = 0;
    // Time with at least one critical incident firing (union of their
    // intervals, clipped to the week; an open one counts up to the week's
    // end or the report's generation time, whichever is earlier).
    qint64 criticalFiringMs = 0;

    bool hasData() const { return levels.total() > 0; }
    double participantHours() const { return double(levels.total()) / 3600.0; }
};

// One local day of the week (23 or 25 hours across a DST change).
struct DaySummary
{
    QDate date;
    qint64 startMs = 0;
    qint64 endMs = 0;
    LevelSeconds levels;
    std::optional<double> latencyP95Ms;
};

// A meeting or a user ranked by its share of poor time.
struct RankedEntry
{
    QString id;    // meeting id, or user id
    QString name;  // as received (untrusted), may be empty
    LevelSeconds levels;
    std::optional<double> latencyP95Ms;
    std::optional<double> packetLossMeanPct;
    int incidents = 0; // fired in the week

    std::optional<double> poorShare() const { return levels.share(Quality::Poor); }
};

// One meeting of the week: a CSV row.
struct MeetingRow
{
    QString meetingId;
    QString meetingName; // untrusted, may be empty
    qint64 firstSeenMs = 0; // start of its first minute with data in the week
    qint64 lastSeenMs = 0;  // end of its last such minute
    int participants = 0;   // distinct user ids
    LevelSeconds levels;
    std::optional<double> latencyP50Ms;
    std::optional<double> latencyP95Ms;
    std::optional<double> packetLossMeanPct;
    int incidentsWarning = 0;
    int incidentsCritical = 0;
};

// The weekly quality report, computed by WeeklyReportBuilder and written
// as CSV (weeklyreportwriter.h) or PDF (charts/weeklyreportpdf.h, through a
// renderer callback).
struct WeeklyReport
{
    // A ranked entry needs this much participant-time, so that one poor
    // minute of a lone participant does not top the list.
    static constexpr qint64 MinRankedSeconds = 300;
    static constexpr int RankedCount = 10;

    QString gateway;       // as configured (plain text), may be empty
    IsoWeek week;
    QByteArray timeZoneId; // IANA id, e.g. "Europe/Berlin"
    qint64 generatedMs = 0;
    WeekSummary current;
    WeekSummary previous;
    std::vector<DaySummary> days; // 7, Monday first
    std::vector<RankedEntry> worstMeetings; // at most RankedCount, worst first
    std::vector<RankedEntry> worstUsers;
    std::vector<MeetingRow> meetings; // by first seen, then id

    bool hasData() const { return current.hasData(); }
};

} // namespace mm
