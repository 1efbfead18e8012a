// The weekly report on a big history: times the build (one scan of the
// rollups), the CSV and the PDF, as `meeting-monitor report` does them,
// and how evenly the progress callback moves. Prints figures; asserts
// nothing (README "Performance").
//
//   meeting-monitor simulate --days 7 --users 1000 --db week.sqlite
//   QT_QPA_PLATFORM=offscreen ./bench/report_bench --db week.sqlite [--week 2026-W47] [--tz ZONE] [--runs 3]

#include "history/historydatabase.h"
#include "report/weeklyreportbuilder.h"
#include "report/weeklyreportwriter.h"
#include "weeklyreportpdf.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>
#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

namespace {

struct Timed
{
    double buildMs = 0;
    double writeMs = 0;
    int progressCalls = 0;
    double longestProgressGapMs = 0;
    qint64 bytes = 0;
};

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

// The ISO week (in `zone`) holding most rollup rows: the busy week of a
// simulated history.
mm::IsoWeek busiestWeek(mm::HistoryDatabase &db, const QTimeZone &zone)
{
    QSqlQuery query(db.database());
    query.exec(QStringLiteral("SELECT minute / 1440, COUNT(*) FROM rollups GROUP BY 1"));
    std::map<QString, qint64> rows;
    mm::IsoWeek best;
    qint64 bestRows = -1;
    while (query.next()) {
        const qint64 dayMs = query.value(0).toLongLong() * 86'400'000 + 43'200'000; // noon UTC
        const mm::IsoWeek week =
            mm::IsoWeek::containing(QDateTime::fromMSecsSinceEpoch(dayMs, zone).date());
        const qint64 n = (rows[week.toString()] += query.value(1).toLongLong());
        if (n > bestRows) {
            bestRows = n;
            best = week;
        }
    }
    return best;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("History."), QStringLiteral("FILE"));
    const QCommandLineOption weekOption(QStringLiteral("week"), QStringLiteral("ISO week (default: the busiest)."),
                                       QStringLiteral("WEEK"));
    const QCommandLineOption tzOption(QStringLiteral("tz"), QStringLiteral("Time zone (default UTC)."),
                                      QStringLiteral("ZONE"), QStringLiteral("UTC"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per format."),
                                        QStringLiteral("N"), QStringLiteral("3"));
    parser.addOptions({dbOption, weekOption, tzOption, runsOption});
    parser.process(app);
    mm::HistoryDatabase db;
    if (!db.open(parser.value(dbOption), mm::HistoryDatabase::Mode::ReadOnly)) {
        std::fprintf(stderr, "report_bench: %s\n", qUtf8Printable(db.errorString()));
        return 1;
    }
    const QTimeZone zone(parser.value(tzOption).toUtf8());
    const mm::IsoWeek week = parser.isSet(weekOption) ? mm::IsoWeek::parse(parser.value(weekOption)).value_or(mm::IsoWeek{})
                                                      : busiestWeek(db, zone);
    const int runs = std::max(1, parser.value(runsOption).toInt());
    QTemporaryDir dir;

    {
        QSqlQuery count(db.database());
        const auto bounds = mm::WeeklyReportBuilder::dayBounds(week, zone);
        count.prepare(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT user_key) FROM rollups WHERE minute >= :a AND minute < :b"));
        count.bindValue(QStringLiteral(":a"), bounds.front() / 60'000);
        count.bindValue(QStringLiteral(":b"), bounds.back() / 60'000);
        count.exec();
        count.next();
        std::printf("history %s (%.0f MB), week %s in %s: %lld rollup rows, %lld participants\n",
                    qUtf8Printable(parser.value(dbOption)),
                    double(QFileInfo(parser.value(dbOption)).size()) / 1e6, qUtf8Printable(week.toString()),
                    zone.id().constData(), count.value(0).toLongLong(), count.value(1).toLongLong());
    }

    for (const mm::ReportFormat format : {mm::ReportFormat::Csv, mm::ReportFormat::Pdf}) {
        std::vector<double> totals;
        std::vector<double> builds;
        std::vector<double> writes;
        Timed last;
        for (int r = 0; r < runs; ++r) {
            Timed t;
            QElapsedTimer clock;
            clock.start();
            mm::WeeklyReportBuilder builder(db);
            qint64 lastProgress = 0;
            builder.setProgressCallback([&](double) {
                const qint64 now = clock.nsecsElapsed();
                t.longestProgressGapMs = std::max(t.longestProgressGapMs, double(now - lastProgress) / 1e6);
                lastProgress = now;
                ++t.progressCalls;
            });
            const auto report = builder.build(week, zone, QDateTime::currentMSecsSinceEpoch(),
                                              QStringLiteral("bench"));
            if (!report) {
                std::fprintf(stderr, "report_bench: %s\n", qUtf8Printable(builder.errorString()));
                return 1;
            }
            t.buildMs = double(clock.nsecsElapsed()) / 1e6;
            const QString path = dir.filePath(mm::WeeklyReportWriter::fileName(week, format));
            QString error;
            if (!mm::WeeklyReportWriter::save(*report, format, path, &mm::WeeklyReportPdf::render, nullptr, &error)) {
                std::fprintf(stderr, "report_bench: %s\n", qUtf8Printable(error));
                return 1;
            }
            const double total = double(clock.nsecsElapsed()) / 1e6;
            t.writeMs = total - t.buildMs;
            t.bytes = QFileInfo(path).size();
            totals.push_back(total);
            builds.push_back(t.buildMs);
            writes.push_back(t.writeMs);
            last = t;
            if (r == 0)
                std::printf("  %s: %zu meetings, %zu per-meeting rows\n",
                            format == mm::ReportFormat::Pdf ? "pdf" : "csv", report->meetings.size(),
                            report->meetings.size());
        }
        std::printf("%s: total %.0f ms median of %d (build %.0f ms, write %.0f ms), %lld bytes%s; "
                    "progress: %d calls, longest gap %.0f ms\n",
                    format == mm::ReportFormat::Pdf ? "pdf" : "csv", median(totals), runs, median(builds),
                    median(writes), last.bytes,
                    format == mm::ReportFormat::Pdf
                        ? qPrintable(QStringLiteral(", %1 pages").arg(mm::WeeklyReportPdf::lastPageCount()))
                        : "",
                    last.progressCalls, last.longestProgressGapMs);
    }
    return 0;
}
