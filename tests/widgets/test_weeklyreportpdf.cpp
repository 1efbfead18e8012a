// The weekly report's PDF (text read back with poppler's pdftotext), the
// scheduler on a fake clock with the real renderer, and the `report`
// command end to end as a process.

#include "history/historydatabase.h"
#include "report/weeklyreportbuilder.h"
#include "report/weeklyreportscheduler.h"
#include "report/weeklyreportwriter.h"
#include "reporttestdata.h"
#include "weeklyreportpdf.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace mm {
namespace {

class FakeClock final : public Clock
{
public:
    qint64 nowMs() const override { return m_now; }
    void set(qint64 ms) { m_now = ms; }

private:
    qint64 m_now = 0;
};

QString tool(const char *name)
{
    return QStandardPaths::findExecutable(QString::fromLatin1(name));
}

QString run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    EXPECT_TRUE(process.waitForFinished(60'000)) << program.toStdString();
    EXPECT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    return QString::fromUtf8(process.readAllStandardOutput());
}

QString pdfText(const QString &pdf)
{
    return run(tool("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
}

int pdfPages(const QString &pdf)
{
    const QString info = run(tool("pdfinfo"), {pdf});
    for (const QString &line : info.split(QLatin1Char('\n')))
        if (line.startsWith(QStringLiteral("Pages:")))
            return line.mid(6).trimmed().toInt();
    return -1;
}

WeeklyReport build(const QString &path, const IsoWeek &week, const QTimeZone &zone)
{
    HistoryDatabase db;
    EXPECT_TRUE(db.open(path, HistoryDatabase::Mode::ReadOnly));
    WeeklyReportBuilder builder(db);
    const auto report = builder.build(week, zone, WeeklyReportBuilder::dayBounds(week, zone).back() + 3'600'000,
                                      QStringLiteral("wss://gw.example:443"));
    EXPECT_TRUE(report.has_value()) << builder.errorString().toStdString();
    return report.value_or(WeeklyReport{});
}

class WeeklyReportPdfTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (tool("pdftotext").isEmpty() || tool("pdfinfo").isEmpty())
            GTEST_FAIL() << "pdftotext/pdfinfo missing: install poppler-utils (scripts/install-deps.sh)";
        ASSERT_TRUE(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("h.sqlite"));
    }

    QTemporaryDir m_dir;
    QString m_db;
};

TEST_F(WeeklyReportPdfTest, ContainsTheFiguresAndNamesAsLiteralText)
{
    const QString html = QStringLiteral("<img src=\"file:///etc/hostname\">");
    test::ReportTestOptions options;
    options.firstMeetingName = html;
    options.firstUserName = QStringLiteral("<b>Bob</b> & \"Eve\"");
    const QTimeZone zone("Europe/Berlin");
    test::writeReportTestHistory(m_db, {2026, 13}, zone, options);
    const WeeklyReport report = build(m_db, {2026, 13}, zone);
    ASSERT_TRUE(report.hasData());

    const QString pdf = m_dir.filePath(QStringLiteral("r.pdf"));
    QString error;
    ASSERT_TRUE(WeeklyReportWriter::save(report, ReportFormat::Pdf, pdf, &WeeklyReportPdf::render, nullptr, &error))
        << error.toStdString();
    QFile file(pdf);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_TRUE(file.read(5).startsWith("%PDF-"));

    const QString text = pdfText(pdf);
    // The header.
    EXPECT_TRUE(text.contains(QStringLiteral("Meeting quality report"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("2026-W13")));
    EXPECT_TRUE(text.contains(QStringLiteral("wss://gw.example:443")));
    EXPECT_TRUE(text.contains(QStringLiteral("Europe/Berlin")));
    // The figures, as the summary formats them.
    const QLocale locale;
    EXPECT_TRUE(text.contains(locale.toString(report.current.participantHours(), 'f', 1))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("%1 ms").arg(locale.toString(*report.current.latencyP95Ms, 'f', 0))));
    EXPECT_TRUE(text.contains(QStringLiteral("%1 %").arg(
        locale.toString(*report.current.levels.share(Quality::Poor) * 100, 'f', 1))));
    EXPECT_TRUE(text.contains(QStringLiteral("Sun 29 Mar"))); // the 23-hour day has its column
    // The worst lists and the names as received: literal text.
    ASSERT_FALSE(report.worstMeetings.empty());
    EXPECT_TRUE(text.contains(report.worstMeetings.front().id));
    EXPECT_TRUE(text.contains(html)) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("<b>Bob</b> & \"Eve\"")));
    // The image was never loaded: the host name is nowhere in the PDF.
    QFile hostname(QStringLiteral("/etc/hostname"));
    if (hostname.open(QIODevice::ReadOnly)) {
        const QString host = QString::fromUtf8(hostname.readAll()).trimmed();
        if (host.size() >= 4) {
            EXPECT_FALSE(text.contains(host)) << host.toStdString();
        }
    }
    // Vector charts and text: no images in the file.
    const QString images = run(tool("pdfimages"), {QStringLiteral("-list"), pdf});
    EXPECT_LE(images.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 2) << images.toStdString();
    // Over two pages: a contents page, with the sections.
    const int pages = pdfPages(pdf);
    EXPECT_EQ(pages, WeeklyReportPdf::lastPageCount());
    ASSERT_GT(pages, 2);
    EXPECT_TRUE(text.contains(QStringLiteral("Contents")));
    EXPECT_TRUE(text.contains(QStringLiteral("page %1 of %1").arg(pages)));
}

TEST_F(WeeklyReportPdfTest, EmptyWeekIsAValidShortReport)
{
    test::writeReportTestHistory(m_db, {2026, 47}, QTimeZone::utc());
    const WeeklyReport report = build(m_db, {2026, 30}, QTimeZone::utc());
    const QString pdf = m_dir.filePath(QStringLiteral("empty.pdf"));
    QString error;
    ASSERT_TRUE(WeeklyReportWriter::save(report, ReportFormat::Pdf, pdf, &WeeklyReportPdf::render, nullptr, &error));
    const QString text = pdfText(pdf);
    EXPECT_TRUE(text.contains(QStringLiteral("No data"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("\u2014"))); // unknown figures, never 0
    const int pages = pdfPages(pdf);
    EXPECT_GE(pages, 1);
    EXPECT_EQ(text.contains(QStringLiteral("Contents")), pages > 2);
}

TEST_F(WeeklyReportPdfTest, CancelLeavesNoFileAndKeepsAnExistingOne)
{
    test::writeReportTestHistory(m_db, {2026, 47}, QTimeZone::utc());
    const WeeklyReport report = build(m_db, {2026, 47}, QTimeZone::utc());
    const QString pdf = m_dir.filePath(QStringLiteral("r.pdf"));
    std::atomic<bool> cancel{true};
    QString error;
    EXPECT_FALSE(WeeklyReportWriter::save(report, ReportFormat::Pdf, pdf, &WeeklyReportPdf::render, &cancel, &error));
    EXPECT_FALSE(QFile::exists(pdf));
    {
        QFile old(pdf);
        ASSERT_TRUE(old.open(QIODevice::WriteOnly));
        old.write("old report");
    }
    EXPECT_FALSE(WeeklyReportWriter::save(report, ReportFormat::Pdf, pdf, &WeeklyReportPdf::render, &cancel, &error));
    QFile old(pdf);
    ASSERT_TRUE(old.open(QIODevice::ReadOnly));
    EXPECT_EQ(old.readAll(), QByteArray("old report"));
    EXPECT_EQ(QDir(m_dir.path()).entryList({QStringLiteral("r.pdf*")}, QDir::Files).size(), 1);
}

// ---- the scheduler -----------------------------------------------------------

qint64 localMs(QDate date, QTime time, const QTimeZone &zone)
{
    return QDateTime(date, time, zone).toMSecsSinceEpoch();
}

TEST_F(WeeklyReportPdfTest, SchedulerWritesMondayAfterMidnightOnceAndCatchesUp)
{
    const QTimeZone zone("Europe/Berlin");
    const IsoWeek week{2026, 47}; // Monday 16 November 2026
    test::writeReportTestHistory(m_db, week, zone);
    const QString out = m_dir.filePath(QStringLiteral("reports"));
    WeeklyReportScheduler::Config config;
    config.dbPath = m_db;
    config.directory = out;
    config.gateway = QStringLiteral("wss://gw.example");
    config.zone = zone;
    FakeClock clock;
    // The week before is already written (an earlier run).
    QDir().mkpath(out);
    for (const ReportFormat f : {ReportFormat::Pdf, ReportFormat::Csv}) {
        QFile done(QDir(out).filePath(WeeklyReportWriter::fileName(week.previous(), f)));
        ASSERT_TRUE(done.open(QIODevice::WriteOnly));
    }
    const QString pdf = QDir(out).filePath(QStringLiteral("meeting-quality-2026-W47.pdf"));
    const QString csv = QDir(out).filePath(QStringLiteral("meeting-quality-2026-W47.csv"));
    {
        WeeklyReportScheduler scheduler(config, clock, &WeeklyReportPdf::render);
        QSignalSpy written(&scheduler, &WeeklyReportScheduler::reportWritten);
        // Sunday night and the first minutes of Monday: nothing is due.
        clock.set(localMs(QDate(2026, 11, 22), QTime(23, 59), zone));
        EXPECT_FALSE(scheduler.check());
        clock.set(localMs(QDate(2026, 11, 23), QTime(0, 3), zone));
        EXPECT_FALSE(scheduler.check());
        // Shortly after midnight: W47 is written, PDF and CSV.
        clock.set(localMs(QDate(2026, 11, 23), QTime(0, 6), zone));
        EXPECT_TRUE(scheduler.check());
        EXPECT_FALSE(scheduler.check()); // busy: not twice
        ASSERT_TRUE(written.wait(60'000));
        EXPECT_EQ(written.first().at(0).toString(), QStringLiteral("2026-W47"));
        EXPECT_TRUE(QFileInfo(pdf).size() > 1000);
        EXPECT_TRUE(QFileInfo(csv).size() > 100);
        EXPECT_TRUE(pdfText(pdf).contains(QStringLiteral("2026-W47")));
        // Later checks the same week leave the files alone.
        const QDateTime modified = QFileInfo(pdf).lastModified();
        clock.set(localMs(QDate(2026, 11, 23), QTime(9, 0), zone));
        EXPECT_FALSE(scheduler.check());
        clock.set(localMs(QDate(2026, 11, 29), QTime(23, 0), zone));
        EXPECT_FALSE(scheduler.check());
        EXPECT_EQ(QFileInfo(pdf).lastModified(), modified);
        EXPECT_EQ(written.size(), 1);
    }
    // A restart on Wednesday after the files went missing: caught up at start.
    QFile::remove(pdf);
    QFile::remove(csv);
    {
        clock.set(localMs(QDate(2026, 11, 25), QTime(14, 0), zone));
        WeeklyReportScheduler scheduler(config, clock, &WeeklyReportPdf::render);
        QSignalSpy written(&scheduler, &WeeklyReportScheduler::reportWritten);
        scheduler.start();
        EXPECT_TRUE(scheduler.isBusy());
        ASSERT_TRUE(written.wait(60'000));
        EXPECT_TRUE(QFile::exists(pdf));
        EXPECT_TRUE(QFile::exists(csv));
        EXPECT_FALSE(scheduler.check());
    }
    // Only the last completed week is caught up, never older ones.
    EXPECT_EQ(QDir(out).entryList({QStringLiteral("*.pdf")}, QDir::Files).size(), 2);
}

TEST_F(WeeklyReportPdfTest, SchedulerDueWeekAcrossYearAndDaylightSaving)
{
    const QTimeZone zone("Europe/Berlin");
    // Monday 4 January 2027, 00:06: the due week is 2026-W53.
    EXPECT_EQ(WeeklyReportScheduler::dueWeek(localMs(QDate(2027, 1, 4), QTime(0, 6), zone), zone, 300'000),
              (IsoWeek{2026, 53}));
    EXPECT_EQ(WeeklyReportScheduler::dueWeek(localMs(QDate(2027, 1, 4), QTime(0, 4), zone), zone, 300'000),
              (IsoWeek{2026, 52}));
    // Monday 30 March 2026, after the spring change on Sunday.
    EXPECT_EQ(WeeklyReportScheduler::dueWeek(localMs(QDate(2026, 3, 30), QTime(0, 6), zone), zone, 300'000),
              (IsoWeek{2026, 13}));
}

// ---- the command, as a process -------------------------------------------------

TEST_F(WeeklyReportPdfTest, ReportCommandEndToEnd)
{
    test::writeReportTestHistory(m_db, {2026, 47}, QTimeZone("Asia/Ho_Chi_Minh"));
    const QString pdf = m_dir.filePath(QStringLiteral("w47.pdf"));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // No display at all: the command must pick the offscreen platform itself.
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QString::fromLatin1(name));
    process.setProcessEnvironment(env);
    const auto runReport = [&](const QStringList &arguments) {
        process.start(QStringLiteral(MM_MEETING_MONITOR_EXE), QStringList{QStringLiteral("report")} + arguments);
        EXPECT_TRUE(process.waitForFinished(120'000));
        return process.exitCode();
    };
    EXPECT_EQ(runReport({QStringLiteral("--db"), m_db, QStringLiteral("--week"), QStringLiteral("2026-W47"),
                         QStringLiteral("--tz"), QStringLiteral("Asia/Ho_Chi_Minh"), QStringLiteral("--format"),
                         QStringLiteral("pdf"), QStringLiteral("--out"), pdf}),
              0)
        << process.readAllStandardError().toStdString();
    const QString text = pdfText(pdf);
    EXPECT_TRUE(text.contains(QStringLiteral("Asia/Ho_Chi_Minh")));
    EXPECT_TRUE(text.contains(QStringLiteral("2026-W47")));

    const QString csv = m_dir.filePath(QStringLiteral("w47.csv"));
    EXPECT_EQ(runReport({QStringLiteral("--db"), m_db, QStringLiteral("--week"), QStringLiteral("2026-W47"),
                         QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"), csv}),
              0);
    QFile file(csv);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_TRUE(file.readLine().startsWith(WeeklyReportWriter::csvHeader()));

    EXPECT_EQ(runReport({QStringLiteral("--db"), m_db, QStringLiteral("--week"), QStringLiteral("2026-W60"),
                         QStringLiteral("--out"), pdf}),
              2);
    EXPECT_TRUE(process.readAllStandardError().contains("not an ISO week"));
    EXPECT_EQ(runReport({QStringLiteral("--db"), m_db, QStringLiteral("--tz"), QStringLiteral("Nowhere/Atlantis"),
                         QStringLiteral("--out"), pdf}),
              2);
    EXPECT_TRUE(process.readAllStandardError().contains("unknown time zone"));
    EXPECT_EQ(runReport({QStringLiteral("--db"), m_dir.filePath(QStringLiteral("none.sqlite")),
                         QStringLiteral("--out"), pdf}),
              1);
    EXPECT_TRUE(process.readAllStandardError().contains("no such file"));
}

} // namespace
} // namespace mm
