// The weekly report's figures against brute force over the generated
// samples, its CSV, and the report command's argument checks.

#include "history/csvwriter.h"
#include "history/historydatabase.h"
#include "report/reportcommand.h"
#include "report/weeklyreportbuilder.h"
#include "report/weeklyreportwriter.h"
#include "reporttestdata.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QTemporaryDir>
#include <algorithm>
#include <cmath>
#include <map>

namespace mm {
namespace {

// Figures computed straight from the samples: local dates by QDateTime,
// exact percentiles by sorting, critical time by marking seconds.
struct Brute
{
    LevelSeconds levels;
    std::vector<double> latencies;
    double lossSum = 0;
    qint64 lossKnown = 0;
    QSet<QString> meetings;
    QSet<QString> users;

    void add(const Sample &s)
    {
        levels.seconds[size_t(s.quality)] += 1;
        if (s.latencyMs)
            latencies.push_back(*s.latencyMs);
        if (s.packetLossPct) {
            lossSum += *s.packetLossPct;
            ++lossKnown;
        }
        meetings.insert(s.meetingId);
        users.insert(s.userId);
    }
    std::optional<double> percentile(double p)
    {
        if (latencies.empty())
            return std::nullopt;
        std::sort(latencies.begin(), latencies.end());
        const auto rank = std::max<qint64>(1, qint64(std::ceil(p / 100.0 * double(latencies.size()))));
        return latencies[size_t(rank - 1)];
    }
};

void expectClose(const std::optional<double> &estimate, const std::optional<double> &exact,
                 double relative, const char *what)
{
    ASSERT_EQ(estimate.has_value(), exact.has_value()) << what;
    if (exact) {
        EXPECT_NEAR(*estimate, *exact, std::abs(*exact) * relative + 1e-6) << what;
    }
}

bool inWeek(qint64 ms, const IsoWeek &week, const QTimeZone &zone)
{
    const QDate date = QDateTime::fromMSecsSinceEpoch(ms, zone).date();
    return date >= week.monday() && date <= week.monday().addDays(6);
}

WeeklyReport buildReport(const QString &path, const IsoWeek &week, const QTimeZone &zone, qint64 now)
{
    HistoryDatabase db;
    EXPECT_TRUE(db.open(path, HistoryDatabase::Mode::ReadOnly)) << db.errorString().toStdString();
    WeeklyReportBuilder builder(db);
    std::vector<double> progress;
    builder.setProgressCallback([&progress](double f) { progress.push_back(f); });
    const auto report = builder.build(week, zone, now, QStringLiteral("wss://gw.example"));
    EXPECT_TRUE(report.has_value()) << builder.errorString().toStdString();
    EXPECT_FALSE(progress.empty());
    EXPECT_TRUE(std::is_sorted(progress.begin(), progress.end()));
    EXPECT_DOUBLE_EQ(progress.back(), 1.0);
    return report.value_or(WeeklyReport{});
}

void checkAgainstBruteForce(const IsoWeek &week, const QTimeZone &zone)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    const test::ReportTestData data = test::writeReportTestHistory(path, week, zone);
    const std::vector<qint64> bounds = WeeklyReportBuilder::dayBounds(week, zone);
    const qint64 now = bounds.back() + 86'400'000; // generated a day after the week
    const WeeklyReport report = buildReport(path, week, zone, now);

    Brute total;
    Brute previous;
    std::array<Brute, 7> days;
    std::map<QString, Brute> meetings;
    std::map<QString, Brute> users;
    for (const Sample &s : data.samples) {
        if (inWeek(s.receivedMs, week, zone)) {
            total.add(s);
            const qint64 day = week.monday().daysTo(QDateTime::fromMSecsSinceEpoch(s.receivedMs, zone).date());
            days[size_t(day)].add(s);
            meetings[s.meetingId].add(s);
            users[s.userId].add(s);
        } else if (inWeek(s.receivedMs, week.previous(), zone)) {
            previous.add(s);
        }
    }
    ASSERT_GT(total.levels.total(), 10'000);
    ASSERT_GT(previous.levels.total(), 1'000);

    // Summary, both weeks.
    for (auto [summary, brute] : {std::pair{&report.current, &total}, std::pair{&report.previous, &previous}}) {
        EXPECT_EQ(summary->levels.seconds, brute->levels.seconds);
        EXPECT_EQ(summary->meetings, brute->meetings.size());
        EXPECT_EQ(summary->users, brute->users.size());
        expectClose(summary->latencyP50Ms, brute->percentile(50), 0.04, "p50");
        expectClose(summary->latencyP95Ms, brute->percentile(95), 0.04, "p95");
        expectClose(summary->packetLossMeanPct,
                    brute->lossKnown ? std::optional(brute->lossSum / double(brute->lossKnown)) : std::nullopt,
                    1e-9, "loss");
    }
    EXPECT_NEAR(report.current.participantHours(), double(total.levels.total()) / 3600.0, 1e-9);

    // Days: 7, Monday first, bounded by local midnights.
    ASSERT_EQ(report.days.size(), 7u);
    for (int d = 0; d < 7; ++d) {
        const DaySummary &day = report.days[size_t(d)];
        EXPECT_EQ(day.date, week.monday().addDays(d));
        EXPECT_EQ(day.startMs, QDateTime(day.date, QTime(0, 0), zone).toMSecsSinceEpoch());
        EXPECT_EQ(day.levels.seconds, days[size_t(d)].levels.seconds) << "day " << d;
        expectClose(day.latencyP95Ms, days[size_t(d)].percentile(95), 0.04, "day p95");
    }

    // Meetings (CSV rows).
    ASSERT_EQ(report.meetings.size(), meetings.size());
    for (const MeetingRow &row : report.meetings) {
        Brute &b = meetings.at(row.meetingId);
        EXPECT_EQ(row.levels.seconds, b.levels.seconds) << row.meetingId.toStdString();
        EXPECT_EQ(row.participants, b.users.size());
        expectClose(row.latencyP50Ms, b.percentile(50), 0.04, "meeting p50");
        expectClose(row.latencyP95Ms, b.percentile(95), 0.04, "meeting p95");
        EXPECT_FALSE(row.meetingName.isEmpty());
    }
    EXPECT_TRUE(std::is_sorted(report.meetings.begin(), report.meetings.end(),
                               [](const MeetingRow &a, const MeetingRow &b) { return a.firstSeenMs < b.firstSeenMs; }));

    // The worst lists: same rule, computed here from the brute-force totals.
    const auto ranking = [](std::map<QString, Brute> &groups) {
        std::vector<std::pair<QString, double>> ranked;
        for (auto &[id, b] : groups) {
            const qint64 all = b.levels.total();
            if (all >= WeeklyReport::MinRankedSeconds && b.levels.in(Quality::Poor) > 0)
                ranked.emplace_back(id, double(b.levels.in(Quality::Poor)) / double(all));
        }
        std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        if (ranked.size() > size_t(WeeklyReport::RankedCount))
            ranked.resize(size_t(WeeklyReport::RankedCount));
        return ranked;
    };
    for (auto [entries, groups] : {std::pair{&report.worstMeetings, &meetings}, std::pair{&report.worstUsers, &users}}) {
        const auto expected = ranking(*groups);
        ASSERT_EQ(entries->size(), expected.size());
        ASSERT_FALSE(expected.empty());
        for (size_t i = 0; i < expected.size(); ++i) {
            EXPECT_EQ((*entries)[i].id, expected[i].first) << i;
            EXPECT_DOUBLE_EQ((*entries)[i].poorShare().value(), expected[i].second);
        }
    }
    // User 0's name is the one it sent.
    for (const RankedEntry &e : report.worstUsers) {
        if (e.id == test::userIdOf(0)) {
            EXPECT_EQ(e.name, QStringLiteral("Ana"));
        }
    }

    // Incidents: counted in the week they fired; critical time by marking
    // every second of the week.
    int warning = 0;
    int critical = 0;
    std::vector<bool> firing(size_t((bounds.back() - bounds.front()) / 1000), false);
    std::map<QString, int> meetingIncidents;
    for (const Incident &i : data.incidents) {
        if (i.firedMs == 0)
            continue;
        if (i.firedMs >= bounds.front() && i.firedMs < bounds.back()) {
            (i.severity == Severity::Critical ? critical : warning) += 1;
            meetingIncidents[i.meetingId] += 1;
        }
        if (i.severity == Severity::Critical) {
            const qint64 end = i.resolvedMs ? i.resolvedMs : std::min(now, bounds.back());
            for (qint64 t = std::max(i.firedMs, bounds.front()); t < std::min(end, bounds.back()); t += 1000)
                firing[size_t((t - bounds.front()) / 1000)] = true;
        }
    }
    EXPECT_EQ(report.current.incidentsWarning, warning);
    EXPECT_EQ(report.current.incidentsCritical, critical);
    EXPECT_EQ(report.current.criticalFiringMs, qint64(std::count(firing.begin(), firing.end(), true)) * 1000);
    EXPECT_GT(report.current.criticalFiringMs, 0);
    EXPECT_EQ(report.previous.incidentsWarning, 1);
    EXPECT_EQ(report.previous.incidentsCritical, 2);
    for (const MeetingRow &row : report.meetings)
        EXPECT_EQ(row.incidentsWarning + row.incidentsCritical, meetingIncidents[row.meetingId])
            << row.meetingId.toStdString();
}

TEST(WeeklyReport, IsoWeekParsing)
{
    EXPECT_EQ(IsoWeek::parse(u"2026-W47"), (IsoWeek{2026, 47}));
    EXPECT_EQ(IsoWeek::parse(u"2026W01"), (IsoWeek{2026, 1}));
    EXPECT_EQ(IsoWeek::parse(u"2026-W47")->monday(), QDate(2026, 11, 16));
    EXPECT_EQ(IsoWeek::parse(u"2026-W01")->monday(), QDate(2025, 12, 29));
    EXPECT_TRUE(IsoWeek::parse(u"2026-W53").has_value()); // 2026 is a long year
    EXPECT_FALSE(IsoWeek::parse(u"2025-W53").has_value());
    EXPECT_FALSE(IsoWeek::parse(u"2026-W00").has_value());
    EXPECT_FALSE(IsoWeek::parse(u"2026-W54").has_value());
    EXPECT_FALSE(IsoWeek::parse(u"2026-47").has_value());
    EXPECT_FALSE(IsoWeek::parse(u"W47").has_value());
    EXPECT_FALSE(IsoWeek::parse(u"").has_value());
    EXPECT_EQ((IsoWeek{2026, 1}).previous(), (IsoWeek{2025, 52}));
    EXPECT_EQ((IsoWeek{2026, 53}).next(), (IsoWeek{2027, 1}));
    EXPECT_EQ((IsoWeek{2026, 47}).toString(), QStringLiteral("2026-W47"));
}

TEST(WeeklyReport, DaylightSavingDaysAre23And25Hours)
{
    const QTimeZone berlin("Europe/Berlin");
    ASSERT_TRUE(berlin.isValid());
    const auto spring = WeeklyReportBuilder::dayBounds({2026, 13}, berlin);
    EXPECT_EQ(spring[7] - spring[6], 23 * 3'600'000LL); // Sunday 29 March 2026
    EXPECT_EQ(spring[6] - spring[5], 24 * 3'600'000LL);
    const auto autumn = WeeklyReportBuilder::dayBounds({2026, 43}, berlin);
    EXPECT_EQ(autumn[7] - autumn[6], 25 * 3'600'000LL); // Sunday 25 October 2026
}

TEST(WeeklyReport, MatchesBruteForceUtc)
{
    checkAgainstBruteForce({2026, 47}, QTimeZone::utc());
}

TEST(WeeklyReport, MatchesBruteForceAcrossDaylightSaving)
{
    checkAgainstBruteForce({2026, 13}, QTimeZone("Europe/Berlin"));
}

TEST(WeeklyReport, MatchesBruteForceInAsia)
{
    checkAgainstBruteForce({2026, 47}, QTimeZone("Asia/Ho_Chi_Minh"));
}

TEST(WeeklyReport, EmptyWeekSaysNoData)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    const QTimeZone zone = QTimeZone::utc();
    test::writeReportTestHistory(path, {2026, 47}, zone);
    const WeeklyReport report = buildReport(path, {2026, 30}, zone, 0);
    EXPECT_FALSE(report.hasData());
    EXPECT_EQ(report.current.meetings, 0);
    EXPECT_FALSE(report.current.latencyP95Ms.has_value());
    EXPECT_FALSE(report.current.packetLossMeanPct.has_value());
    EXPECT_FALSE(report.current.levels.share(Quality::Poor).has_value());
    ASSERT_EQ(report.days.size(), 7u);
    for (const DaySummary &day : report.days)
        EXPECT_FALSE(day.latencyP95Ms.has_value());
    EXPECT_TRUE(report.meetings.empty());
    EXPECT_TRUE(report.worstMeetings.empty());
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ASSERT_TRUE(WeeklyReportWriter::writeCsv(report, buffer, nullptr));
    EXPECT_EQ(buffer.data(), WeeklyReportWriter::csvHeader() + "\r\n");
}

TEST(WeeklyReport, CsvHeaderAndValues)
{
    EXPECT_EQ(WeeklyReportWriter::csvHeader(),
              QByteArray("meeting_id,meeting_name,first_seen,last_seen,participants,participant_minutes,"
                         "share_excellent,share_good,share_fair,share_poor,share_unknown,latency_ms_p50,"
                         "latency_ms_p95,packet_loss_pct_mean,incidents_warning,incidents_critical"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    const QTimeZone zone = QTimeZone::utc();
    test::ReportTestOptions options;
    options.firstMeetingName = QStringLiteral("=HYPERLINK(\"http://x\")");
    test::writeReportTestHistory(path, {2026, 47}, zone, options);
    const WeeklyReport report = buildReport(path, {2026, 47}, zone, 0);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ASSERT_TRUE(WeeklyReportWriter::writeCsv(report, buffer, nullptr));
    const QList<QByteArray> lines = buffer.data().split('\n');
    ASSERT_EQ(lines.size(), qsizetype(report.meetings.size()) + 2); // header, rows, empty after the last CRLF
    EXPECT_EQ(lines[0], WeeklyReportWriter::csvHeader() + '\r');
    bool sawFormula = false;
    for (size_t i = 0; i < report.meetings.size(); ++i) {
        const MeetingRow &row = report.meetings[i];
        const QByteArray line = lines[qsizetype(i) + 1].chopped(1);
        if (row.meetingId == test::meetingIdOf(0)) {
            // Neutralised: a leading ', quoted, quotes doubled.
            EXPECT_TRUE(line.startsWith("\"meeting-0\",\"'=HYPERLINK(\"\"http://x\"\")\",")) << line.toStdString();
            sawFormula = true;
            continue;
        }
        const QList<QByteArray> cells = line.split(',');
        ASSERT_EQ(cells.size(), 16) << line.toStdString();
        EXPECT_EQ(cells[0], '"' + row.meetingId.toUtf8() + '"'); // text cells are always quoted
        EXPECT_EQ(cells[2], QDateTime::fromMSecsSinceEpoch(row.firstSeenMs, Qt::UTC).toString(Qt::ISODate).toLatin1());
        EXPECT_EQ(cells[4].toInt(), row.participants);
        EXPECT_DOUBLE_EQ(cells[5].toDouble(), double(row.levels.total()) / 60.0);
        double shares = 0;
        for (int c = 6; c <= 10; ++c) {
            const double share = cells[c].toDouble();
            EXPECT_GE(share, 0.0);
            EXPECT_LE(share, 1.0);
            shares += share;
        }
        EXPECT_NEAR(shares, 1.0, 1e-9);
        EXPECT_DOUBLE_EQ(cells[9].toDouble(), row.levels.share(Quality::Poor).value());
        EXPECT_DOUBLE_EQ(cells[12].toDouble(), row.latencyP95Ms.value());
        EXPECT_EQ(cells[14].toInt(), row.incidentsWarning);
        EXPECT_EQ(cells[15].toInt(), row.incidentsCritical);
    }
    EXPECT_TRUE(sawFormula);
}

TEST(WeeklyReport, CancelStopsTheBuildAndTheSave)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    const QTimeZone zone = QTimeZone::utc();
    test::writeReportTestHistory(path, {2026, 47}, zone);
    HistoryDatabase db;
    ASSERT_TRUE(db.open(path, HistoryDatabase::Mode::ReadOnly));
    std::atomic<bool> cancel{false};
    WeeklyReportBuilder builder(db);
    builder.setCancelFlag(&cancel);
    builder.setProgressCallback([&cancel](double) { cancel = true; });
    EXPECT_FALSE(builder.build({2026, 47}, zone, 0).has_value());
    EXPECT_TRUE(builder.cancelled());

    // A cancelled save writes nothing and keeps what was there.
    cancel = false;
    builder.setProgressCallback({});
    const auto report = builder.build({2026, 47}, zone, 0);
    ASSERT_TRUE(report.has_value());
    const QString out = dir.filePath(QStringLiteral("r.csv"));
    cancel = true;
    QString error;
    EXPECT_FALSE(WeeklyReportWriter::save(*report, ReportFormat::Csv, out, {}, &cancel, &error));
    EXPECT_FALSE(QFile::exists(out));
    QFile existing(out);
    ASSERT_TRUE(existing.open(QIODevice::WriteOnly));
    existing.write("old");
    existing.close();
    EXPECT_FALSE(WeeklyReportWriter::save(*report, ReportFormat::Csv, out, {}, &cancel, &error));
    QFile check(out);
    ASSERT_TRUE(check.open(QIODevice::ReadOnly));
    EXPECT_EQ(check.readAll(), QByteArray("old"));
    EXPECT_EQ(QDir(dir.path()).entryList({QStringLiteral("r.csv*")}, QDir::Files).size(), 1); // no temp left
    // Not cancelled: written.
    cancel = false;
    EXPECT_TRUE(WeeklyReportWriter::save(*report, ReportFormat::Csv, out, {}, &cancel, &error));
    // A PDF without a renderer fails and leaves the file alone.
    EXPECT_FALSE(WeeklyReportWriter::save(*report, ReportFormat::Pdf, dir.filePath(QStringLiteral("r.pdf")), {},
                                          nullptr, &error));
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("r.pdf"))));
}

int runCommand(const QStringList &arguments, QByteArray *errText)
{
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    const int code = runReportCommand(arguments, out, err, {});
    *errText = err.data();
    return code;
}

TEST(WeeklyReport, CommandChecksItsArguments)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    test::writeReportTestHistory(path, {2026, 47}, QTimeZone::utc());
    const QString out = dir.filePath(QStringLiteral("r.csv"));
    QByteArray err;
    EXPECT_EQ(runCommand({QStringLiteral("--db"), path, QStringLiteral("--week"), QStringLiteral("2026-W99"),
                          QStringLiteral("--out"), out},
                         &err),
              2);
    EXPECT_TRUE(err.contains("not an ISO week")) << err.toStdString();
    EXPECT_EQ(runCommand({QStringLiteral("--db"), path, QStringLiteral("--week"), QStringLiteral("2026-W47"),
                          QStringLiteral("--tz"), QStringLiteral("Mars/Olympus"), QStringLiteral("--out"), out},
                         &err),
              2);
    EXPECT_TRUE(err.contains("unknown time zone")) << err.toStdString();
    EXPECT_EQ(runCommand({QStringLiteral("--db"), dir.filePath(QStringLiteral("missing.sqlite")),
                          QStringLiteral("--week"), QStringLiteral("2026-W47"), QStringLiteral("--out"), out},
                         &err),
              1);
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("missing.sqlite"))));
    EXPECT_EQ(runCommand({QStringLiteral("--db"), path, QStringLiteral("--week"), QStringLiteral("2026-W47"),
                          QStringLiteral("--format"), QStringLiteral("xls"), QStringLiteral("--out"), out},
                         &err),
              2);
    EXPECT_EQ(runCommand({QStringLiteral("--db"), path, QStringLiteral("--week"), QStringLiteral("2026-W47")}, &err), 2);
    EXPECT_FALSE(QFile::exists(out));
    // PDF without a renderer (this test links no charts): a runtime error, no file.
    EXPECT_EQ(runCommand({QStringLiteral("--db"), path, QStringLiteral("--week"), QStringLiteral("2026-W47"),
                          QStringLiteral("--out"), dir.filePath(QStringLiteral("r.pdf"))},
                         &err),
              1);
    // CSV: written, in the zone asked for.
    EXPECT_EQ(runCommand({QStringLiteral("--db"), path, QStringLiteral("--week"), QStringLiteral("2026-W47"),
                          QStringLiteral("--tz"), QStringLiteral("Asia/Ho_Chi_Minh"), QStringLiteral("--out"), out},
                         &err),
              0)
        << err.toStdString();
    EXPECT_TRUE(err.contains("Asia/Ho_Chi_Minh")) << err.toStdString();
    QFile file(out);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_TRUE(file.readLine().startsWith(WeeklyReportWriter::csvHeader()));
}

} // namespace
} // namespace mm
