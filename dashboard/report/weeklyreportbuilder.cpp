#include "weeklyreportbuilder.h"

#include "alerts/alertrules.h"
#include "history/historydatabase.h"
#include "history/historyusers.h"
#include "history/latencyhistogram.h"
#include "history/minuterollup.h"
#include "history/rolluptable.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <cstring>
#include <limits>
#include <map>

namespace mm {

namespace {

// Slots 0..6 are the report week's days; slot 7 holds the previous week,
// which only feeds the summary's deltas.
constexpr int kDays = 7;
constexpr int kPreviousSlot = 7;
constexpr int kSlots = 8;
// Rows between two progress reports and cancel checks.
constexpr int kCheckEveryRows = 1024;

// A latency histogram being summed: dense counts, filled straight from
// the stored bytes. LatencyHistogram::fromBytes() + merge() per rollup row
// cost two logarithms (its min/max check) and a 184-bucket pass each; a
// week of 1,000 users is millions of rows. The bytes follow the format
// documented in latencyhistogram.h (version 1: varint bucket count, then
// (index delta, count) varint pairs, then min and max as little-endian
// doubles); the sum goes back through LatencyHistogram::fromBytes(), which
// validates it, for the percentiles.
struct LatencySum
{
    std::array<quint64, LatencyHistogram::kBucketCount> counts{};
    quint64 total = 0;
    double min = 0;
    double max = 0;

    static bool readVarint(QByteArrayView in, qsizetype &pos, quint64 &value)
    {
        value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= in.size())
                return false;
            const auto byte = quint8(in[pos++]);
            value |= quint64(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return true;
        }
        return false;
    }
    static bool readDouble(QByteArrayView in, qsizetype &pos, double &value)
    {
        if (in.size() - pos < 8)
            return false;
        quint64 bits = 0;
        for (int i = 0; i < 8; ++i)
            bits |= quint64(quint8(in[pos + i])) << (8 * i);
        pos += 8;
        std::memcpy(&value, &bits, sizeof value);
        return true;
    }

    // Adds one stored histogram; false for bytes that are not one.
    bool add(QByteArrayView bytes)
    {
        qsizetype pos = 1;
        quint64 buckets = 0;
        if (bytes.isEmpty() || quint8(bytes[0]) != 1 || !readVarint(bytes, pos, buckets)
            || buckets > quint64(LatencyHistogram::kBucketCount))
            return false;
        quint64 next = 0;
        quint64 added = 0;
        for (quint64 n = 0; n < buckets; ++n) {
            quint64 delta = 0;
            quint64 c = 0;
            if (!readVarint(bytes, pos, delta) || !readVarint(bytes, pos, c) || c == 0
                || delta >= quint64(LatencyHistogram::kBucketCount)
                || next + delta >= quint64(LatencyHistogram::kBucketCount))
                return false;
            counts[size_t(next + delta)] += c;
            added += c;
            next += delta + 1;
        }
        if (added > 0) {
            double low = 0;
            double high = 0;
            if (!readDouble(bytes, pos, low) || !readDouble(bytes, pos, high) || !(low <= high))
                return false;
            min = total == 0 ? low : std::min(min, low);
            max = total == 0 ? high : std::max(max, high);
        }
        total += added;
        return pos == bytes.size();
    }
    void merge(const LatencySum &other)
    {
        if (other.total == 0)
            return;
        for (size_t i = 0; i < counts.size(); ++i)
            counts[i] += other.counts[i];
        min = total == 0 ? other.min : std::min(min, other.min);
        max = total == 0 ? other.max : std::max(max, other.max);
        total += other.total;
    }
    std::optional<double> percentile(double p) const
    {
        if (total == 0)
            return std::nullopt;
        QByteArray bytes;
        bytes.append(char(1));
        const auto appendVarint = [&bytes](quint64 v) {
            while (v >= 0x80) {
                bytes.append(char((v & 0x7f) | 0x80));
                v >>= 7;
            }
            bytes.append(char(v));
        };
        appendVarint(quint64(std::count_if(counts.begin(), counts.end(), [](quint64 c) { return c != 0; })));
        size_t next = 0;
        for (size_t i = 0; i < counts.size(); ++i) {
            if (counts[i] == 0)
                continue;
            appendVarint(i - next);
            appendVarint(counts[i]);
            next = i + 1;
        }
        for (const double v : {min, max}) {
            quint64 bits = 0;
            std::memcpy(&bits, &v, sizeof bits);
            for (int i = 0; i < 8; ++i)
                bytes.append(char((bits >> (8 * i)) & 0xff));
        }
        const std::optional<LatencyHistogram> histogram = LatencyHistogram::fromBytes(bytes);
        return histogram ? histogram->percentile(p) : std::nullopt;
    }
};

// What one participant (a users row: one user in one meeting) did in one slot.
struct Accumulator
{
    LevelSeconds levels;
    qint64 lossKnown = 0;
    double lossSum = 0;
    LatencySum latency;
    qint64 firstMinute = std::numeric_limits<qint64>::max();
    qint64 lastMinute = std::numeric_limits<qint64>::min();

    void merge(const Accumulator &other)
    {
        levels.add(other.levels);
        lossKnown += other.lossKnown;
        lossSum += other.lossSum;
        latency.merge(other.latency);
        firstMinute = std::min(firstMinute, other.firstMinute);
        lastMinute = std::max(lastMinute, other.lastMinute);
    }
    std::optional<double> lossMean() const
    {
        if (lossKnown <= 0)
            return std::nullopt;
        return lossSum / double(lossKnown);
    }
};

struct IncidentRow
{
    QString meetingId;
    QString userId;
    QString type;
    bool critical = false;
    qint64 firedMs = 0;
    std::optional<qint64> resolvedMs;
};

qint64 slotKey(qint64 userKey, int slot)
{
    return userKey * kSlots + slot;
}

// First minute whose start is at or after ms.
qint64 ceilMinute(qint64 ms)
{
    return rolluptable::minuteOf(ms + MinuteRollup::kMinuteMs - 1);
}

// Length of the union of [from, to) intervals.
qint64 unionLength(std::vector<std::pair<qint64, qint64>> intervals)
{
    std::sort(intervals.begin(), intervals.end());
    qint64 total = 0;
    qint64 coveredTo = std::numeric_limits<qint64>::min();
    for (const auto &[from, to] : intervals) {
        const qint64 start = std::max(from, coveredTo);
        if (to > start)
            total += to - start;
        coveredTo = std::max(coveredTo, to);
    }
    return total;
}

} // namespace

WeeklyReportBuilder::WeeklyReportBuilder(HistoryDatabase &db)
    : m_db(db)
{
}

std::vector<qint64> WeeklyReportBuilder::dayBounds(const IsoWeek &week, const QTimeZone &zone)
{
    std::vector<qint64> bounds;
    bounds.reserve(kDays + 1);
    const QDate monday = week.monday();
    for (int d = 0; d <= kDays; ++d) {
        // A midnight that a DST change skips becomes the first valid time
        // after it (QDateTime's rule), which is where that day starts.
        bounds.push_back(QDateTime(monday.addDays(d), QTime(0, 0), zone).toMSecsSinceEpoch());
    }
    return bounds;
}

bool WeeklyReportBuilder::isCancelled()
{
    if (m_cancel && m_cancel->load(std::memory_order_relaxed))
        m_cancelled = true;
    return m_cancelled;
}

std::optional<WeeklyReport> WeeklyReportBuilder::build(const IsoWeek &week, const QTimeZone &zone,
                                                       qint64 generatedMs, const QString &gateway)
{
    m_error.clear();
    m_cancelled = false;
    if (!week.isValid() || !zone.isValid()) {
        m_error = QStringLiteral("invalid week or time zone");
        return std::nullopt;
    }
    const std::vector<qint64> bounds = dayBounds(week, zone);
    const std::vector<qint64> previousBounds = dayBounds(week.previous(), zone);
    const qint64 previousStart = previousBounds.front();
    const qint64 start = bounds.front();
    const qint64 end = bounds.back();

    WeeklyReport report;
    report.gateway = gateway;
    report.week = week;
    report.timeZoneId = zone.id();
    report.generatedMs = generatedMs;
    report.current.startMs = start;
    report.current.endMs = end;
    report.previous.startMs = previousStart;
    report.previous.endMs = start;

    const auto users = loadHistoryUsers(m_db.database(), QString(), QString(), &m_error);
    if (!users)
        return std::nullopt;
    QHash<QString, QString> meetingNames;
    {
        QSqlQuery query(m_db.database());
        query.setForwardOnly(true);
        if (!query.exec(QStringLiteral("SELECT meeting_id, name FROM meetings"))) {
            m_error = query.lastError().text();
            return std::nullopt;
        }
        while (query.next())
            meetingNames.insert(query.value(0).toString(), query.value(1).toString());
    }

    // The scan: only the columns the report needs, in key order (minute
    // first), so the day of a row only ever moves forward.
    QHash<qint64, Accumulator> accumulators;
    {
        const qint64 fromMinute = ceilMinute(previousStart);
        const qint64 toMinute = ceilMinute(end);
        QSqlQuery query(m_db.database());
        query.setForwardOnly(true);
        if (!query.prepare(QStringLiteral(
                "SELECT minute, user_key, samples, loss_n, loss_sum, s_unknown, s_excellent,"
                " s_good, s_fair, s_poor, latency_hist FROM rollups"
                " WHERE minute >= :from AND minute < :to ORDER BY minute"))) {
            m_error = query.lastError().text();
            return std::nullopt;
        }
        query.bindValue(QStringLiteral(":from"), fromMinute);
        query.bindValue(QStringLiteral(":to"), toMinute);
        if (!query.exec()) {
            m_error = query.lastError().text();
            return std::nullopt;
        }
        const double span = double(std::max<qint64>(1, toMinute - fromMinute));
        int day = 0;
        qint64 rows = 0;
        while (query.next()) {
            const qint64 minute = query.value(0).toLongLong();
            const qint64 userKey = query.value(1).toLongLong();
            if (++rows % kCheckEveryRows == 0) {
                if (isCancelled())
                    return std::nullopt;
                if (m_progress)
                    m_progress(0.95 * double(minute - fromMinute) / span);
            }
            const qint64 ms = rolluptable::minuteStartMs(minute);
            int slot = kPreviousSlot;
            if (ms >= start) {
                while (day + 1 < kDays && ms >= bounds[size_t(day + 1)])
                    ++day;
                slot = day;
            }
            if (!users->contains(userKey))
                continue; // a rollup without its users row: nobody to report it for
            const qint64 samples = query.value(2).toLongLong();
            LevelSeconds levels;
            for (int level = 0; level < 5; ++level)
                levels.seconds[size_t(level)] = query.value(5 + level).toLongLong();
            const qint64 lossKnown = query.value(3).toLongLong();
            Accumulator &acc = accumulators[slotKey(userKey, slot)];
            if (samples <= 0 || levels.total() != samples || lossKnown < 0 || lossKnown > samples
                || !acc.latency.add(query.value(10).toByteArray())) {
                m_error = QStringLiteral("corrupt rollup (minute %1, user key %2)")
                              .arg(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate))
                              .arg(userKey);
                return std::nullopt;
            }
            acc.levels.add(levels);
            if (lossKnown > 0) {
                acc.lossKnown += lossKnown;
                acc.lossSum += query.value(4).toDouble();
            }
            acc.firstMinute = std::min(acc.firstMinute, minute);
            acc.lastMinute = std::max(acc.lastMinute, minute);
        }
        if (query.lastError().isValid()) {
            m_error = query.lastError().text();
            return std::nullopt;
        }
    }
    if (isCancelled())
        return std::nullopt;

    // Incidents that fired, or were still firing, in either week.
    std::vector<IncidentRow> incidents;
    if (m_db.hasIncidents()) {
        QSqlQuery query(m_db.database());
        query.setForwardOnly(true);
        if (!query.prepare(QStringLiteral(
                "SELECT meeting_id, user_id, type, severity, fired_ms, resolved_ms FROM incidents"
                " WHERE fired_ms IS NOT NULL AND fired_ms < :end"
                " AND (resolved_ms IS NULL OR resolved_ms >= :from)"))) {
            m_error = query.lastError().text();
            return std::nullopt;
        }
        query.bindValue(QStringLiteral(":end"), end);
        query.bindValue(QStringLiteral(":from"), previousStart);
        if (!query.exec()) {
            m_error = query.lastError().text();
            return std::nullopt;
        }
        const QString critical = severityName(Severity::Critical);
        while (query.next()) {
            IncidentRow row;
            row.meetingId = query.value(0).toString();
            row.userId = query.value(1).toString();
            row.type = query.value(2).toString();
            row.critical = query.value(3).toString() == critical;
            row.firedMs = query.value(4).toLongLong();
            if (!query.value(5).isNull())
                row.resolvedMs = query.value(5).toLongLong();
            incidents.push_back(std::move(row));
        }
    }

    const auto firedIn = [](const IncidentRow &incident, qint64 from, qint64 to) {
        return incident.firedMs >= from && incident.firedMs < to;
    };
    const auto summarise = [&](WeekSummary &summary, int firstSlot, int lastSlot) {
        Accumulator total;
        QSet<QString> meetings;
        QSet<QString> userIds;
        for (auto it = accumulators.cbegin(); it != accumulators.cend(); ++it) {
            const int slot = int(it.key() % kSlots);
            if (slot < firstSlot || slot > lastSlot)
                continue;
            total.merge(it.value());
            const HistoryUser &user = users->value(it.key() / kSlots);
            meetings.insert(user.meetingId);
            userIds.insert(user.userId);
        }
        summary.meetings = int(meetings.size());
        summary.users = int(userIds.size());
        summary.levels = total.levels;
        summary.latencyP50Ms = total.latency.percentile(50);
        summary.latencyP95Ms = total.latency.percentile(95);
        summary.packetLossMeanPct = total.lossMean();

        std::map<QString, IncidentTypeCount> byType;
        std::vector<std::pair<qint64, qint64>> criticalIntervals;
        const qint64 openUntil = std::min(summary.endMs, std::max(generatedMs, summary.startMs));
        for (const IncidentRow &incident : incidents) {
            if (firedIn(incident, summary.startMs, summary.endMs)) {
                IncidentTypeCount &count = byType[incident.type];
                count.type = incident.type;
                if (incident.critical) {
                    ++count.critical;
                    ++summary.incidentsCritical;
                } else {
                    ++count.warning;
                    ++summary.incidentsWarning;
                }
            }
            if (incident.critical) {
                const qint64 from = std::max(incident.firedMs, summary.startMs);
                const qint64 to = std::min(incident.resolvedMs.value_or(openUntil), summary.endMs);
                if (to > from)
                    criticalIntervals.emplace_back(from, to);
            }
        }
        for (auto &[type, count] : byType)
            summary.incidentTypes.push_back(count);
        summary.criticalFiringMs = unionLength(std::move(criticalIntervals));
    };
    summarise(report.current, 0, kDays - 1);
    summarise(report.previous, kPreviousSlot, kPreviousSlot);

    // Days.
    std::array<Accumulator, kDays> dayTotals;
    for (auto it = accumulators.cbegin(); it != accumulators.cend(); ++it) {
        const int slot = int(it.key() % kSlots);
        if (slot < kDays)
            dayTotals[size_t(slot)].merge(it.value());
    }
    for (int d = 0; d < kDays; ++d) {
        DaySummary day;
        day.date = week.monday().addDays(d);
        day.startMs = bounds[size_t(d)];
        day.endMs = bounds[size_t(d + 1)];
        day.levels = dayTotals[size_t(d)].levels;
        day.latencyP95Ms = dayTotals[size_t(d)].latency.percentile(95);
        report.days.push_back(day);
    }

    // Meetings and users of the week.
    struct Group
    {
        Accumulator acc;
        QSet<QString> members; // user ids (meetings)
        QString name;          // latest name seen in the week (users)
        qint64 nameMinute = std::numeric_limits<qint64>::min();
    };
    QHash<QString, Group> meetingGroups;
    QHash<QString, Group> userGroups;
    for (auto it = accumulators.cbegin(); it != accumulators.cend(); ++it) {
        if (it.key() % kSlots >= kDays)
            continue;
        const HistoryUser &user = users->value(it.key() / kSlots);
        Group &meeting = meetingGroups[user.meetingId];
        meeting.acc.merge(it.value());
        meeting.members.insert(user.userId);
        Group &person = userGroups[user.userId];
        person.acc.merge(it.value());
        if (it.value().lastMinute > person.nameMinute
            || (it.value().lastMinute == person.nameMinute && user.username > person.name)) {
            person.nameMinute = it.value().lastMinute;
            person.name = user.username;
        }
    }
    QHash<QString, std::pair<int, int>> meetingIncidents; // warning, critical
    QHash<QString, int> userIncidents;
    for (const IncidentRow &incident : incidents) {
        if (!firedIn(incident, start, end))
            continue;
        auto &counts = meetingIncidents[incident.meetingId];
        (incident.critical ? counts.second : counts.first) += 1;
        if (!incident.userId.isEmpty())
            ++userIncidents[incident.userId];
    }

    for (auto it = meetingGroups.cbegin(); it != meetingGroups.cend(); ++it) {
        const Accumulator &acc = it.value().acc;
        MeetingRow row;
        row.meetingId = it.key();
        row.meetingName = meetingNames.value(it.key());
        row.firstSeenMs = rolluptable::minuteStartMs(acc.firstMinute);
        row.lastSeenMs = rolluptable::minuteStartMs(acc.lastMinute + 1);
        row.participants = int(it.value().members.size());
        row.levels = acc.levels;
        row.latencyP50Ms = acc.latency.percentile(50);
        row.latencyP95Ms = acc.latency.percentile(95);
        row.packetLossMeanPct = acc.lossMean();
        const auto counts = meetingIncidents.value(it.key());
        row.incidentsWarning = counts.first;
        row.incidentsCritical = counts.second;
        report.meetings.push_back(row);

        RankedEntry entry;
        entry.id = row.meetingId;
        entry.name = row.meetingName;
        entry.levels = row.levels;
        entry.latencyP95Ms = row.latencyP95Ms;
        entry.packetLossMeanPct = row.packetLossMeanPct;
        entry.incidents = counts.first + counts.second;
        report.worstMeetings.push_back(entry);
    }
    std::sort(report.meetings.begin(), report.meetings.end(),
              [](const MeetingRow &a, const MeetingRow &b) {
                  if (a.firstSeenMs != b.firstSeenMs)
                      return a.firstSeenMs < b.firstSeenMs;
                  return a.meetingId < b.meetingId;
              });
    for (auto it = userGroups.cbegin(); it != userGroups.cend(); ++it) {
        RankedEntry entry;
        entry.id = it.key();
        entry.name = it.value().name;
        entry.levels = it.value().acc.levels;
        entry.latencyP95Ms = it.value().acc.latency.percentile(95);
        entry.packetLossMeanPct = it.value().acc.lossMean();
        entry.incidents = userIncidents.value(it.key());
        report.worstUsers.push_back(entry);
    }
    for (std::vector<RankedEntry> *ranked : {&report.worstMeetings, &report.worstUsers}) {
        // Only those with enough time and some poor time; worst share first.
        std::erase_if(*ranked, [](const RankedEntry &e) {
            return e.levels.total() < WeeklyReport::MinRankedSeconds || e.levels.in(Quality::Poor) == 0;
        });
        std::sort(ranked->begin(), ranked->end(), [](const RankedEntry &a, const RankedEntry &b) {
            // Compare poor_a / total_a with poor_b / total_b exactly.
            const qint64 left = a.levels.in(Quality::Poor) * b.levels.total();
            const qint64 right = b.levels.in(Quality::Poor) * a.levels.total();
            if (left != right)
                return left > right;
            if (a.levels.in(Quality::Poor) != b.levels.in(Quality::Poor))
                return a.levels.in(Quality::Poor) > b.levels.in(Quality::Poor);
            return a.id < b.id;
        });
        if (ranked->size() > size_t(WeeklyReport::RankedCount))
            ranked->resize(size_t(WeeklyReport::RankedCount));
    }
    if (m_progress)
        m_progress(1.0);
    return report;
}

} // namespace mm
