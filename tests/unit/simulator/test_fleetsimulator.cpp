#include "core/quality.h"
#include "fleetsimulator.h"
#include "ingest/metricsdecoder.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QString>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

using namespace mm;
using nlohmann::json;

namespace {

constexpr qint64 T0 = 1714557600000; // 2024-05-01T10:00:00Z

// Steps the simulator from T0 over `seconds` in ticks of `tickMs`.
std::vector<OwnedFleetPayload> run(FleetSimulator &sim, double seconds, qint64 tickMs = 20)
{
    std::vector<OwnedFleetPayload> all;
    sim.start(T0);
    const qint64 end = T0 + qint64(seconds * 1000);
    for (qint64 t = T0; t <= end; t += tickMs) {
        auto due = sim.samplesDue(t);
        std::move(due.begin(), due.end(), std::back_inserter(all));
    }
    return all;
}

std::optional<double> numberOf(const json &value)
{
    if (value.is_number())
        return value.get<double>();
    if (value.is_string()) {
        bool ok = false;
        const double v = QString::fromStdString(value.get<std::string>()).toDouble(&ok);
        if (ok)
            return v;
    }
    return std::nullopt;
}

bool isNonAscii(const std::string &s)
{
    return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

} // namespace

TEST(FleetSimulator, SameSeedGivesSamePayloads)
{
    FleetConfig config;
    config.seed = 42;
    FleetSimulator a(config), b(config);
    const auto pa = run(a, 120);
    const auto pb = run(b, 120);
    ASSERT_GT(pa.size(), 500u);
    ASSERT_EQ(pa.size(), pb.size());
    for (size_t i = 0; i < pa.size(); ++i) {
        ASSERT_EQ(pa[i].json, pb[i].json) << "payload " << i;
        ASSERT_EQ(pa[i].timeMs, pb[i].timeMs);
    }

    config.seed = 43;
    FleetSimulator c(config);
    const auto pc = run(c, 120);
    size_t same = 0;
    for (size_t i = 0; i < std::min(pa.size(), pc.size()); ++i)
        same += pa[i].json == pc[i].json;
    EXPECT_EQ(same, 0u) << "another seed must give another fleet";
}

TEST(FleetSimulator, EachUsersStreamDoesNotDependOnTickSize)
{
    FleetConfig config;
    config.seed = 7;
    config.maxBacklogMs = 10000;
    FleetSimulator fine(config), coarse(config);
    auto byUser = [](const std::vector<OwnedFleetPayload> &payloads) {
        std::map<std::string, std::vector<std::string>> out;
        for (const auto &p : payloads)
            out[p.userId].push_back(p.json);
        return out;
    };
    const auto a = byUser(run(fine, 300, 20));
    const auto b = byUser(run(coarse, 300, 1000));
    EXPECT_GT(a.size(), 6u);
    EXPECT_EQ(a, b);
}

TEST(FleetSimulator, PayloadsAreValidJsonOfOneOfTheTwoShapes)
{
    FleetConfig config;
    config.seed = 3;
    config.meetings = 8;
    FleetSimulator sim(config);
    const auto payloads = run(sim, 600, 100);

    int userMetrics = 0, meetingRoom = 0, numericStrings = 0, epochTimes = 0, nonAsciiNames = 0, alerts = 0;
    std::set<std::string> qualities;
    const OwnedFleetPayload *previousMetrics = nullptr;
    for (const auto &p : payloads) {
        const json doc = json::parse(p.json, nullptr, false);
        ASSERT_FALSE(doc.is_discarded()) << p.json;
        ASSERT_TRUE(doc.is_object());
        ASSERT_TRUE(doc["meetingId"].is_string());
        ASSERT_TRUE(doc["userId"].is_string());
        const auto meetingId = doc["meetingId"].get<std::string>();
        const auto userId = doc["userId"].get<std::string>();
        EXPECT_EQ(meetingId, p.meetingId);
        EXPECT_EQ(userId, p.userId);
        EXPECT_GE(meetingId.size(), 1u);
        EXPECT_LE(meetingId.size(), 128u);
        EXPECT_GE(userId.size(), 1u);
        EXPECT_LE(userId.size(), 128u);

        if (p.kind == FleetPayload::Kind::Alerts) {
            ++alerts;
            // An alert follows the metrics payload that crossed a threshold.
            ASSERT_NE(previousMetrics, nullptr);
            EXPECT_EQ(previousMetrics->userId, p.userId);
            const json m = json::parse(previousMetrics->json)["metrics"];
            const auto latency = numberOf(m.contains("avgLatency") ? m["avgLatency"] : m["latency"]);
            const auto quality = m.contains("connectionQuality") ? m["connectionQuality"] : m["quality"];
            std::set<std::string> expected;
            if (*latency > 300)
                expected.insert("high-latency");
            if (m.contains("packetLossRate") && *numberOf(m["packetLossRate"]) > 5)
                expected.insert("packet-loss");
            if (quality == "poor")
                expected.insert("poor-connection");
            std::set<std::string> got;
            ASSERT_TRUE(doc["alerts"].is_array());
            for (const auto &a : doc["alerts"]) {
                got.insert(a["type"].get<std::string>());
                EXPECT_EQ(a["severity"], a["type"] == "poor-connection" ? "critical" : "warning");
                EXPECT_NE(a["message"].get<std::string>().find(userId), std::string::npos);
            }
            EXPECT_EQ(got, expected) << previousMetrics->json;
            continue;
        }
        previousMetrics = &p;

        ASSERT_TRUE(doc["metrics"].is_object()) << p.json;
        const json &m = doc["metrics"];
        const bool isUserMetrics = m.contains("totalUpload");
        const bool isMeetingRoom = m.contains("uploadBitrate");
        ASSERT_NE(isUserMetrics, isMeetingRoom) << "exactly one shape: " << p.json;
        const char *upKey = isUserMetrics ? "totalUpload" : "uploadBitrate";
        const char *downKey = isUserMetrics ? "totalDownload" : "downloadBitrate";
        const char *latencyKey = isUserMetrics ? "avgLatency" : "latency";
        const char *qualityKey = isUserMetrics ? "connectionQuality" : "quality";
        numericStrings += m[latencyKey].is_string();

        const auto up = numberOf(m[upKey]);
        const auto down = numberOf(m[downKey]);
        const auto latency = numberOf(m[latencyKey]);
        ASSERT_TRUE(up && down && latency) << p.json;
        EXPECT_GE(*up, 0);
        EXPECT_LE(*up, 10'000'000);
        EXPECT_GE(*down, 0);
        EXPECT_LE(*down, 10'000'000);
        EXPECT_GT(*latency, 0);
        EXPECT_LE(*latency, 60'000);
        const auto level = qualityFromString(QString::fromStdString(m[qualityKey].get<std::string>()));
        ASSERT_TRUE(level.has_value()) << p.json;
        EXPECT_EQ(*level, p.quality);
        qualities.insert(m[qualityKey].get<std::string>());

        if (isUserMetrics) {
            ++userMetrics;
            const auto loss = numberOf(m["packetLossRate"]);
            const auto minL = numberOf(m["minLatency"]);
            const auto maxL = numberOf(m["maxLatency"]);
            const auto jitter = numberOf(m["jitter"]);
            ASSERT_TRUE(loss && minL && maxL && jitter) << p.json;
            EXPECT_GE(*loss, 0);
            EXPECT_LE(*loss, 100);
            EXPECT_GE(*jitter, 0);
            EXPECT_LE(*jitter, 60'000);
            EXPECT_LE(*minL, *latency);
            EXPECT_GE(*maxL, *latency);
            // The client reports the plan's level for what it measured.
            EXPECT_EQ(*level, classifyQuality(*latency, *loss)) << p.json;
            EXPECT_EQ(m["userId"], doc["userId"]);
            EXPECT_EQ(m["meetingId"], doc["meetingId"]);
            ASSERT_TRUE(m["username"].is_string());
            ASSERT_TRUE(m["meetingName"].is_string());
            nonAsciiNames += isNonAscii(m["username"].get<std::string>())
                             || isNonAscii(m["meetingName"].get<std::string>());
            EXPECT_FALSE(m.contains("uploadBitrate"));
        } else {
            ++meetingRoom;
            EXPECT_FALSE(m.contains("packetLossRate"));
            EXPECT_FALSE(m.contains("avgLatency"));
        }

        // The client's clock: ISO-8601 with milliseconds, or epoch ms.
        if (m["timestamp"].is_string()) {
            const auto when = QDateTime::fromString(QString::fromStdString(m["timestamp"].get<std::string>()),
                                                    Qt::ISODateWithMs);
            ASSERT_TRUE(when.isValid()) << m["timestamp"];
            EXPECT_EQ(when.toMSecsSinceEpoch(), p.timeMs);
        } else {
            ASSERT_TRUE(m["timestamp"].is_number_integer());
            EXPECT_EQ(m["timestamp"].get<qint64>(), p.timeMs);
            ++epochTimes;
        }
    }
    EXPECT_GT(userMetrics, 1000);
    EXPECT_GT(meetingRoom, 1000);
    EXPECT_GT(numericStrings, 0) << "a few clients send numeric strings";
    EXPECT_GT(epochTimes, 0);
    EXPECT_GT(nonAsciiNames, 0) << "Vietnamese names with diacritics";
    EXPECT_GT(alerts, 0);
    EXPECT_EQ(qualities.size(), 4u) << "the fleet covers every level";
    EXPECT_EQ(sim.stats().metricsPayloads, quint64(userMetrics + meetingRoom));
    EXPECT_EQ(sim.stats().alertPayloads, quint64(alerts));
}

TEST(FleetSimulator, IncidentsHappen)
{
    FleetConfig config;
    config.seed = 11;
    config.meetings = 6;
    config.meetingMinSeconds = 120;
    config.meetingMaxSeconds = 400;
    FleetSimulator sim(config);
    const auto payloads = run(sim, 1200, 200);

    int poor = 0;
    std::map<std::string, std::vector<qint64>> userTimes;
    std::map<std::string, qint64> meetingLast;
    std::set<std::string> meetings;
    for (const auto &p : payloads) {
        if (p.kind != FleetPayload::Kind::Metrics)
            continue;
        poor += p.quality == Quality::Poor;
        userTimes[p.userId].push_back(p.timeMs);
        meetingLast[p.meetingId] = p.timeMs;
        meetings.insert(p.meetingId);
    }
    EXPECT_GT(poor, 0);

    // A dropout then a rejoin: a gap over 10 s in a user's 1 Hz stream,
    // after which the same user sends again.
    int rejoinsSeen = 0;
    for (const auto &[user, times] : userTimes)
        for (size_t i = 1; i < times.size(); ++i)
            rejoinsSeen += times[i] - times[i - 1] > 10'000;
    EXPECT_GT(rejoinsSeen, 0);
    EXPECT_GT(sim.stats().dropouts, 0u);
    EXPECT_GT(sim.stats().rejoins, 0u);
    EXPECT_GT(sim.stats().latencySpikes, 0u);
    EXPECT_GT(sim.stats().lossBursts, 0u);

    // Meetings end (their stream stops for good) and new ones start.
    const qint64 end = T0 + 1200 * 1000;
    int ended = 0;
    for (const auto &[meeting, last] : meetingLast)
        ended += last < end - 60'000;
    EXPECT_GT(ended, 0);
    EXPECT_GT(meetings.size(), size_t(config.meetings));
    EXPECT_GT(sim.stats().meetingsEnded, 0u);
    EXPECT_EQ(sim.stats().meetingsStarted, quint64(config.meetings) + sim.stats().meetingsEnded
                                               - quint64(config.meetings - sim.runningMeetings()));
}

TEST(FleetSimulator, WithoutChurnMeetingsNeverEnd)
{
    FleetConfig config;
    config.seed = 5;
    config.meetingChurn = false;
    config.meetingMinSeconds = 10;
    config.meetingMaxSeconds = 20;
    FleetSimulator sim(config);
    run(sim, 300, 500);
    EXPECT_EQ(sim.stats().meetingsEnded, 0u);
    EXPECT_EQ(sim.runningMeetings(), config.meetings);
}

// The dashboard's own decoder takes every payload as fully valid: the
// simulator speaks the contract, not an approximation of it.
TEST(FleetSimulator, TheDashboardDecoderAcceptsEveryPayload)
{
    FleetConfig config;
    config.seed = 21;
    config.meetings = 8;
    FleetSimulator sim(config);
    const MetricsDecoder decoder;
    int metrics = 0, alerts = 0, lossUnknown = 0;
    for (const auto &p : run(sim, 300, 100)) {
        const json doc = json::parse(p.json);
        RejectReason why{};
        if (p.kind == FleetPayload::Kind::Alerts) {
            const auto batch = decoder.decodeAlerts(doc, p.timeMs, &why);
            ASSERT_TRUE(batch.has_value()) << rejectReasonName(why).toStdString() << " " << p.json;
            EXPECT_FALSE(batch->empty());
            ++alerts;
            continue;
        }
        int invalid = 0;
        const auto sample = decoder.decodeMetrics(doc, p.timeMs, &why, &invalid);
        ASSERT_TRUE(sample.has_value()) << rejectReasonName(why).toStdString() << " " << p.json;
        EXPECT_EQ(invalid, 0) << p.json;
        EXPECT_EQ(sample->meetingId.toStdString(), p.meetingId);
        EXPECT_EQ(sample->userId.toStdString(), p.userId);
        EXPECT_EQ(sample->quality, p.quality);
        EXPECT_FALSE(sample->qualityDerived);
        EXPECT_TRUE(sample->latencyMs && sample->uploadKbps && sample->downloadKbps) << p.json;
        EXPECT_EQ(sample->clientTimeMs, std::optional<qint64>(p.timeMs)) << p.json;
        lossUnknown += !sample->packetLossPct.has_value();
        ++metrics;
    }
    EXPECT_GT(metrics, 1000);
    EXPECT_GT(alerts, 0);
    EXPECT_GT(lossUnknown, 0) << "the MeetingRoom shape carries no packet loss";
    EXPECT_LT(lossUnknown, metrics);
}

struct RateCase
{
    int users;
    double rate;
    double seconds;
};

class FleetRate : public ::testing::TestWithParam<RateCase>
{
};

TEST_P(FleetRate, ProducesUsersTimesRateTimesSeconds)
{
    const RateCase c = GetParam();
    FleetConfig config;
    config.seed = 99;
    config.meetings = 7;
    config.totalUsers = c.users;
    config.samplesPerSecond = c.rate;
    config.incidents = false; // a dropout would (rightly) send less
    config.meetingChurn = false;
    FleetSimulator sim(config);
    EXPECT_EQ(sim.currentUsers(), 0);
    sim.start(T0);
    EXPECT_EQ(sim.currentUsers(), c.users);

    quint64 metrics = 0;
    std::map<std::string, int> perUser;
    for (qint64 t = T0; t < T0 + qint64(c.seconds * 1000); t += 20)
        sim.step(t, [&](const FleetPayload &p) {
            if (p.kind == FleetPayload::Kind::Metrics) {
                ++metrics;
                ++perUser[std::string(p.userId)];
            }
        });
    const double expected = c.users * c.rate * c.seconds;
    // +-1 tick of each user's period at the window's edges.
    EXPECT_NEAR(double(metrics), expected, c.users) << c.users << " users at " << c.rate << " Hz";
    EXPECT_EQ(perUser.size(), size_t(c.users));
    for (const auto &[user, n] : perUser)
        EXPECT_NEAR(n, c.rate * c.seconds, 1.0) << user;
    EXPECT_EQ(sim.stats().skippedSamples, 0u);
}

INSTANTIATE_TEST_SUITE_P(Rates, FleetRate,
                         ::testing::Values(RateCase{100, 1.0, 30}, RateCase{50, 5.0, 10}, RateCase{10, 0.5, 40},
                                           RateCase{1000, 2.0, 5}, RateCase{3, 25.0, 4}),
                         [](const ::testing::TestParamInfo<RateCase> &param) {
                             return std::to_string(param.param.users) + "users_"
                                    + std::to_string(int(param.param.rate * 1000)) + "mHz_"
                                    + std::to_string(int(param.param.seconds)) + "s";
                         });

TEST(FleetSimulator, StalledCallerGetsBoundedBacklog)
{
    FleetConfig config;
    config.seed = 1;
    config.totalUsers = 20;
    config.meetings = 2;
    config.incidents = false;
    config.meetingChurn = false;
    config.maxBacklogMs = 2000;
    FleetSimulator sim(config);
    sim.start(T0);
    sim.samplesDue(T0 + 1000);
    // A 60 s stall: only about the last 2 s are produced, the rest counted.
    const auto burst = sim.samplesDue(T0 + 61'000);
    size_t metrics = 0;
    for (const auto &p : burst)
        metrics += p.kind == FleetPayload::Kind::Metrics;
    EXPECT_LE(metrics, 20u * 3);
    EXPECT_GE(metrics, 20u * 1);
    EXPECT_GE(sim.stats().skippedSamples, 20u * 57);
    // Time going backwards produces nothing.
    EXPECT_TRUE(sim.samplesDue(T0 + 30'000).empty());
}

TEST(FleetSimulator, SkipToProducesNothingAndKeepsTime)
{
    FleetConfig config;
    config.totalUsers = 10;
    config.meetings = 2;
    config.incidents = false;
    config.meetingChurn = false;
    FleetSimulator sim(config);
    sim.start(T0);
    sim.skipTo(T0 + 100'000);
    EXPECT_EQ(sim.stats().metricsPayloads, 0u);
    const auto next = sim.samplesDue(T0 + 101'000);
    size_t metrics = 0;
    for (const auto &p : next) {
        metrics += p.kind == FleetPayload::Kind::Metrics;
        EXPECT_GT(p.timeMs, T0 + 100'000);
    }
    EXPECT_EQ(metrics, 10u);
}

TEST(FleetSimulator, BadConfigIsSanitized)
{
    FleetConfig config;
    config.meetings = 0;
    config.samplesPerSecond = 0;
    config.minUsersPerMeeting = 5;
    config.maxUsersPerMeeting = 1;
    FleetSimulator sim(config);
    sim.start(T0);
    EXPECT_GE(sim.runningMeetings(), 1);
    EXPECT_GE(sim.currentUsers(), 1);
    // 0.001 Hz: at most one sample per user in 10 s, and no endless loop.
    EXPECT_LE(sim.samplesDue(T0 + 10'000).size(), size_t(2 * sim.currentUsers()));
}

TEST(FleetSimulatorText, JsonEscaping)
{
    std::string out;
    appendJsonEscaped(out, std::string_view("a\"b\\c\nd\x01" "e\tÄ", 12));
    EXPECT_EQ(out, "a\\\"b\\\\c\\nd\\u0001e\\tÄ");
    const json parsed = json::parse("\"" + out + "\"");
    EXPECT_EQ(parsed.get<std::string>(), std::string("a\"b\\c\nd\x01" "e\tÄ"));
}

TEST(FleetSimulatorText, IsoTimestampsMatchQt)
{
    for (qint64 ms : {qint64(0), qint64(951782400123), qint64(1709251199999), T0, qint64(4102444800000),
                      qint64(1234567890987), qint64(-86400001)}) {
        std::string out;
        appendIsoTimestamp(out, ms);
        const QString expected =
            QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
        EXPECT_EQ(QString::fromStdString(out), expected) << ms;
    }
}

// Not a timed test: prints the generation rate for the benchmark notes.
TEST(FleetSimulator, LoadPathReport)
{
    FleetConfig config;
    config.totalUsers = 10000;
    config.meetings = 800;
    config.samplesPerSecond = 5;
    FleetSimulator sim(config);
    sim.start(T0);
    quint64 bytes = 0, count = 0;
    QElapsedTimer timer;
    timer.start();
    for (qint64 t = T0; t < T0 + 10'000; t += 20)
        sim.step(t, [&](const FleetPayload &p) {
            bytes += p.json.size();
            ++count;
        });
    const double seconds = std::max(1e-3, timer.nsecsElapsed() / 1e9);
    EXPECT_GT(count, 400'000u);
    std::printf("[ report ] %llu payloads (%llu bytes) in %.3f s: %.0f payloads/s\n",
                static_cast<unsigned long long>(count), static_cast<unsigned long long>(bytes), seconds,
                double(count) / seconds);
}
