#include "app/runstats.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace mm;

namespace {
QJsonObject parsed(const RunStats &stats)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(formatRunStats(stats), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
    return doc.object();
}
} // namespace

// Unknown is never zero: a run that recorded nothing, or whose start-up was
// not measured, says null, so that a harness cannot take it for "0 stored".
TEST(RunStats, UnmeasuredFiguresAreNull)
{
    const QJsonObject out = parsed(RunStats{});
    ASSERT_TRUE(out.contains(u"samples_stored"));
    EXPECT_TRUE(out.value(u"samples_stored").isNull());
    ASSERT_TRUE(out.contains(u"startup_ms"));
    EXPECT_TRUE(out.value(u"startup_ms").isNull());
    EXPECT_TRUE(out.value(u"meetings_expanded").isNull());
    EXPECT_TRUE(out.value(u"chart").toObject().value(u"live_repaints").isNull());
}

TEST(RunStats, ReportsStoredStartupAndTheWindowsSetUp)
{
    RunStats stats;
    stats.samplesStored = 123456789012LL;
    stats.startupMs = 412.5;
    stats.meetingsExpanded = 0; // known, and zero: not null
    stats.chartView = QStringLiteral("mm::UserChartView");
    stats.chartMeeting = QStringLiteral("m-00000");
    stats.chartUser = QStringLiteral("Người dùng \"1\"");
    stats.chartLiveRepaints = 7;
    const QJsonObject out = parsed(stats);
    EXPECT_EQ(out.value(u"samples_stored").toInteger(-1), 123456789012LL);
    EXPECT_DOUBLE_EQ(out.value(u"startup_ms").toDouble(-1), 412.5);
    EXPECT_EQ(out.value(u"meetings_expanded").toInt(-1), 0);
    const QJsonObject chart = out.value(u"chart").toObject();
    EXPECT_EQ(chart.value(u"view").toString(), QStringLiteral("mm::UserChartView"));
    EXPECT_EQ(chart.value(u"meeting").toString(), QStringLiteral("m-00000"));
    EXPECT_EQ(chart.value(u"user").toString(), QStringLiteral("Người dùng \"1\""));
    EXPECT_EQ(chart.value(u"live_repaints").toInt(-1), 7);
}

#ifdef Q_OS_LINUX
// The process's age comes from the right field of /proc/self/stat: it is
// positive, never goes backwards, and is no more than the system's uptime.
TEST(RunStats, ProcessAgeIsPlausible)
{
    const std::optional<double> first = msSinceProcessStart();
    ASSERT_TRUE(first.has_value());
    EXPECT_GE(*first, 0.0);
    const std::optional<double> second = msSinceProcessStart();
    ASSERT_TRUE(second.has_value());
    EXPECT_GE(*second, *first);

    QFile uptime(QStringLiteral("/proc/uptime"));
    ASSERT_TRUE(uptime.open(QIODevice::ReadOnly));
    bool ok = false;
    const double uptimeMs = uptime.readAll().split(' ').value(0).toDouble(&ok) * 1000.0;
    ASSERT_TRUE(ok);
    // /proc/uptime leaves out suspended time, CLOCK_BOOTTIME does not: allow
    // for a machine that slept, but not for a start time read from the
    // wrong field (those are far larger or negative).
    EXPECT_LT(*second, uptimeMs + 24.0 * 3600 * 1000);
}
#endif
