// The soak harness (bench/soak/soak.mjs) in short: the real application
// against the real socket.io load gateway, restarted 4 times (SIGTERM and
// SIGKILL, 1-3 s down), then a 10x burst for 15 s. Asserts behaviour only
// (`--checks behaviour`): it reconnects after every restart, no alert
// fires twice, the shed counter exists and every burst sample is received
// or counted as shed, the application stays up, and its GUI lag comes back
// under 50 ms after the burst. Times and memory are printed, never
// asserted; the full run (100 restarts, 60 s burst, the figures against
// their limits) is `node bench/soak/soak.mjs --app ...`.
#include "testprocesses.h"

#include <algorithm>

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStringList>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#ifndef MM_SOAK_USERS
#define MM_SOAK_USERS 2000
#endif

namespace {

std::string str(const QString &s)
{
    return s.toStdString();
}

TEST(Soak, RestartsAndBurst)
{
    const QString node = mm::test::nodeExecutable();
    if (node.isEmpty()) {
        std::fprintf(stderr, "\n*** SKIPPING SOAK TEST: node not found on PATH. ***\n"
                             "*** Install it (scripts/install-deps.sh); CI must never skip. ***\n\n");
        GTEST_SKIP() << "node not found";
    }
    const QDir source(mm::test::sourceDir());
    ASSERT_TRUE(QFileInfo::exists(source.filePath(QStringLiteral("bench/web/node_modules/socket.io"))))
        << "the load gateway's npm packages are missing: run `npm ci` in "
        << str(source.filePath(QStringLiteral("bench/web"))) << " (scripts/install-deps.sh does it)";

    QProcess harness;
    harness.setProcessChannelMode(QProcess::SeparateChannels);
    harness.start(node, {source.filePath(QStringLiteral("bench/soak/soak.mjs")),
                         QStringLiteral("--app"),
                         QStringLiteral(MM_BINARY_DIR "/widgets/meeting-monitor"),
                         QStringLiteral("--users"), QString::number(MM_SOAK_USERS),
                         QStringLiteral("--restarts"), QStringLiteral("4"),
                         QStringLiteral("--min-down"), QStringLiteral("1"),
                         QStringLiteral("--max-down"), QStringLiteral("3"),
                         QStringLiteral("--warmup"), QStringLiteral("8"),
                         QStringLiteral("--burst-lead"), QStringLiteral("5"),
                         QStringLiteral("--burst-seconds"), QStringLiteral("15"),
                         QStringLiteral("--after-burst"), QStringLiteral("30"),
                         QStringLiteral("--checks"), QStringLiteral("behaviour")});
    ASSERT_TRUE(harness.waitForStarted(10000));
    // The harness stops what it started also when it fails; a hung one is
    // killed here (its exit handler then kills the gateway and the app).
    if (!harness.waitForFinished(200 * 1000)) {
        harness.terminate();
        harness.waitForFinished(15000);
        harness.kill();
        harness.waitForFinished(5000);
        FAIL() << "the harness did not finish:\n" << harness.readAllStandardError().toStdString();
    }
    const QString out = QString::fromUtf8(harness.readAllStandardOutput());
    const QString err = QString::fromUtf8(harness.readAllStandardError());
    std::printf("%s\n", qPrintable(out));
    // The harness's own log ([soak] lines) and what the gateway and the
    // application wrote, so that a failure in CI says why.
    const QStringList errLines = err.split(QLatin1Char('\n'));
    std::printf("--- harness stderr (last 80 of %lld lines) ---\n%s\n", static_cast<long long>(errLines.size()),
                qPrintable(errLines.mid(std::max<qsizetype>(0, errLines.size() - 80)).join(QLatin1Char('\n'))));
    const qsizetype at = out.lastIndexOf(QStringLiteral("result "));
    ASSERT_GE(at, 0) << "no result line; stderr:\n" << str(err);
    const nlohmann::json r = nlohmann::json::parse(
        out.mid(at + 7).section(QLatin1Char('\n'), 0, 0).toStdString(), nullptr, false);
    ASSERT_TRUE(r.is_object()) << str(out);

    ASSERT_EQ(r["restarts"].size(), 4u) << str(err);
    for (const auto &row : r["restarts"]) {
        EXPECT_TRUE(row["reconnect_s"].is_number()) << "restart " << row["n"] << ": no reconnection";
    }
    ASSERT_TRUE(r["incidents_after_restarts"].is_object());
    // The troubled users fired before the first restart...
    EXPECT_GT(r["incidents_after_restarts"]["fired"].get<int>(), 0);
    // ...and nothing fired again for the same user and type.
    EXPECT_EQ(r["incidents_after_restarts"]["refired"].get<int>(), 0);

    const auto &burst = r["burst"];
    ASSERT_TRUE(burst["sent"].is_number()) << str(err);
    EXPECT_GT(burst["sent"].get<qint64>(), 0);
    EXPECT_GE(burst["shed"].get<qint64>(), 0);
    EXPECT_EQ(burst["lost"].get<qint64>(), 0) << "samples neither received nor counted as shed";
    EXPECT_TRUE(burst["lag"]["back_under_50ms"].get<bool>()) << "GUI lag did not come back under 50 ms";

    EXPECT_TRUE(r["app_alive"].get<bool>());
    ASSERT_TRUE(r["final_stats"].is_object());
    EXPECT_TRUE(r["final_stats"]["samples_shed"].is_number_unsigned());
    EXPECT_TRUE(r["ok"].get<bool>()) << r["failures"].dump();
}

} // namespace
