// `simulate`: the fast reader of the simulator's payloads agrees with the
// real decoder, and a simulated history has the shape a recorder with
// retention would have left.
#include "app/headlesscommands.h"
#include "simulatecommand.h"
#include "fleetsimulator.h"
#include "history/rolluptable.h"
#include "historytestutil.h"
#include "ingest/metricsdecoder.h"

#include <QBuffer>
#include <QDateTime>
#include <QTemporaryDir>
#include <nlohmann/json.hpp>
#include <gtest/gtest.h>

using namespace mm;
using test::scalar;

TEST(Simulate, FastPayloadReaderAgreesWithTheDecoder)
{
    FleetConfig config;
    config.seed = 3;
    config.totalUsers = 60;
    config.meetings = 8;
    FleetSimulator simulator(config);
    MetricsDecoder decoder;
    const qint64 t0 = 1'795'478'400'000;
    simulator.start(t0);
    int compared = 0;
    int fast = 0;
    for (int s = 1; s <= 300; ++s) {
        simulator.step(t0 + s * 1000, [&](const FleetPayload &payload) {
            if (payload.kind != FleetPayload::Kind::Metrics)
                return;
            const auto expected = decoder.decodeMetrics(nlohmann::json::parse(payload.json), payload.timeMs);
            const auto actual = decodeSimulatorPayload(payload.json, payload.timeMs);
            ++compared;
            if (!actual)
                return; // the caller falls back to the decoder
            ++fast;
            ASSERT_TRUE(expected);
            EXPECT_EQ(actual->meetingId, expected->meetingId);
            EXPECT_EQ(actual->userId, expected->userId);
            EXPECT_EQ(actual->username, expected->username);
            EXPECT_EQ(actual->meetingName, expected->meetingName);
            EXPECT_EQ(actual->receivedMs, expected->receivedMs);
            EXPECT_EQ(actual->uploadKbps, expected->uploadKbps);
            EXPECT_EQ(actual->downloadKbps, expected->downloadKbps);
            EXPECT_EQ(actual->latencyMs, expected->latencyMs);
            EXPECT_EQ(actual->minLatencyMs, expected->minLatencyMs);
            EXPECT_EQ(actual->maxLatencyMs, expected->maxLatencyMs);
            EXPECT_EQ(actual->packetLossPct, expected->packetLossPct);
            EXPECT_EQ(actual->jitterMs, expected->jitterMs);
            EXPECT_EQ(actual->quality, expected->quality);
            EXPECT_EQ(actual->qualityDerived, expected->qualityDerived);
        });
    }
    EXPECT_GT(compared, 10'000);
    EXPECT_GT(fast, compared * 9 / 10) << "the fast path should take the simulator's payloads";

    // Hand-made edge cases: decoded the same way, or left to the decoder.
    const char *cases[] = {
        R"({"meetingId":"m","userId":"u","metrics":{"avgLatency":"  45.5 ","packetLossRate":0.5}})",
        R"({"meetingId":"m","userId":"u","metrics":{"avgLatency":-1,"latency":30,"packetLossRate":200}})",
        R"({"meetingId":null,"userId":"u","metrics":{"meetingId":"inner","totalUpload":1e3}})",
        R"({"meetingId":"m","userId":"u","metrics":{"connectionQuality":"bad","quality":"fair"}})",
        R"({"meetingId":"m","userId":"u","metrics":{}})",
        R"({"meetingId":"m","userId":"u","metrics":{"username":"A\"B"}})",
        R"({"meetingId":"m","userId":"u","metrics":{"x":[1,2]}})",
        R"({"meetingId":"m","userId":"","metrics":{}})",
        R"(not json)",
    };
    for (const char *text : cases) {
        const auto actual = decodeSimulatorPayload(text, 5);
        if (!actual)
            continue;
        const auto expected = decoder.decodeMetrics(nlohmann::json::parse(text), 5);
        ASSERT_TRUE(expected) << text;
        EXPECT_EQ(actual->meetingId, expected->meetingId) << text;
        EXPECT_EQ(actual->uploadKbps, expected->uploadKbps) << text;
        EXPECT_EQ(actual->latencyMs, expected->latencyMs) << text;
        EXPECT_EQ(actual->packetLossPct, expected->packetLossPct) << text;
        EXPECT_EQ(actual->quality, expected->quality) << text;
    }
}

TEST(Simulate, WritesBusyDaysQuietNightsAndRawOnlyForTheRetention)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sim.sqlite"));
    SimulateOptions options;
    options.dbPath = path;
    options.days = 2;
    options.users = 20;
    options.seed = 9;
    // On a minute boundary, so the raw-retention cutoff is one too: the
    // first raw minute then holds all of its samples, whatever the clock
    // says when the test runs (the count below relies on it).
    options.endMs = QDateTime::currentMSecsSinceEpoch() / 60'000 * 60'000;
    options.retention.rawMs = 6 * 3'600'000LL;
    QBuffer progress;
    progress.open(QIODevice::WriteOnly);
    SimulateResult result;
    QString error;
    ASSERT_TRUE(simulateHistory(options, &progress, &result, &error)) << error.toStdString();
    EXPECT_TRUE(progress.data().contains("1 of 2 days")) << progress.data().toStdString();
    EXPECT_GT(result.samples, 20 * 8 * 3600 / 2); // at least a lighter busy day
    EXPECT_EQ(result.committed, result.samples);

    // Every sample is in the rollups; raw only for the last 6 hours.
    EXPECT_EQ(scalar(path, QStringLiteral("SELECT sum(samples) FROM rollups")).toLongLong(), result.committed);
    const qint64 rawFrom = rolluptable::minuteOf(options.endMs - options.retention.rawMs);
    EXPECT_GE(scalar(path, QStringLiteral("SELECT min(minute) FROM raw_blocks")).toLongLong(), rawFrom);
    const qint64 rawSamples = test::storedSampleCount(path);
    EXPECT_EQ(rawSamples, scalar(path, QStringLiteral("SELECT sum(samples) FROM rollups WHERE minute >= %1")
                                           .arg(rawFrom + 1))
                                  .toLongLong()
                              + scalar(path, QStringLiteral("SELECT coalesce(sum(samples), 0) FROM rollups"
                                                            " WHERE minute = %1").arg(rawFrom))
                                    .toLongLong());
    EXPECT_GE(scalar(path, QStringLiteral("SELECT min(minute) FROM rollups")).toLongLong(),
              rolluptable::minuteOf(options.endMs - 2 * 86'400'000LL));

    // Working hours are busy, nights quiet.
    auto samplesInHour = [&](int hour) {
        return scalar(path, QStringLiteral("SELECT coalesce(sum(samples), 0) FROM rollups"
                                           " WHERE (minute / 60) % 24 = %1").arg(hour))
            .toLongLong();
    };
    EXPECT_GT(samplesInHour(11), 10 * samplesInHour(3));
    EXPECT_GT(samplesInHour(3), 0);
    EXPECT_EQ(scalar(path, QStringLiteral("SELECT value FROM meta WHERE key = 'raw_retention_ms'")).toLongLong(),
              options.retention.rawMs);
}

TEST(Simulate, CommandLine)
{
    char program[] = "meeting-monitor";
    for (const char *verb : {"simulate", "import", "export", "record"}) {
        QByteArray word(verb);
        char *argv[] = {program, word.data(), nullptr};
        EXPECT_TRUE(isHeadlessCommand(2, argv)) << verb;
    }
    QByteArray other("simulated");
    char *argv[] = {program, other.data(), nullptr};
    EXPECT_FALSE(isHeadlessCommand(2, argv));

    QTemporaryDir dir;
    for (const QStringList &arguments :
         {QStringList{QStringLiteral("--days"), QStringLiteral("2")},
          QStringList{QStringLiteral("--db"), dir.filePath(QStringLiteral("x")), QStringLiteral("--days"),
                      QStringLiteral("0")},
          QStringList{QStringLiteral("--db"), dir.filePath(QStringLiteral("x")), QStringLiteral("--users"),
                      QStringLiteral("many")}}) {
        QBuffer out;
        QBuffer err;
        out.open(QIODevice::WriteOnly);
        err.open(QIODevice::WriteOnly);
        EXPECT_EQ(runSimulateCommand(arguments, out, err), 2) << err.data().toStdString();
        EXPECT_TRUE(err.data().startsWith("meeting-monitor simulate: ")) << err.data().toStdString();
    }
}
