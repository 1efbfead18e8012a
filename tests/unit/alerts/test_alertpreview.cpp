// The rules preview: generated samples replayed through the engine.
#include "alerttestutil.h"

#include "alerts/alertpreview.h"
#include "model/meetingstore.h"

namespace mm::test {
namespace {

constexpr qint64 T0 = 1'700'000'000'000;

// `users` users of one meeting at 1 Hz for `seconds`; `latency(user, s)`
// picks each value.
SampleBatch generate(int users, int seconds, const std::function<double(int, int)> &latency,
                     qint64 start = T0)
{
    SampleBatch all;
    for (int s = 0; s < seconds; ++s) {
        for (int u = 0; u < users; ++u) {
            Sample sample = makeSample(QStringLiteral("m1"), QStringLiteral("u%1").arg(u),
                                       latency(u, s));
            sample.receivedMs = start + qint64(s) * 1000 + u;
            all.push_back(sample);
        }
    }
    return all;
}

SampleSource vectorSource(const SampleBatch &samples, int batchSize = 97)
{
    return [samples, batchSize](qint64, qint64, const SampleSink &sink, QString *) {
        for (size_t i = 0; i < samples.size(); i += size_t(batchSize)) {
            const auto end = samples.begin() + qsizetype(std::min(samples.size(), i + size_t(batchSize)));
            if (!sink(SampleBatch(samples.begin() + qsizetype(i), end)))
                return false;
        }
        return true;
    };
}

TEST(AlertPreview, CountsIncidentsPerTypeFromSamples)
{
    // 10 users for 20 minutes; user 0 has three separate latency episodes of
    // 30 s (each well apart: three incidents), user 1 one of 5 s (too short).
    const auto latency = [](int user, int s) {
        if (user == 0 && ((s >= 100 && s < 130) || (s >= 500 && s < 530) || (s >= 900 && s < 930)))
            return 450.0;
        if (user == 1 && s >= 200 && s < 205)
            return 450.0;
        return 80.0;
    };
    const SampleBatch samples = generate(10, 1200, latency);
    const AlertPreviewResult result
        = AlertPreview::run(AlertRules(), vectorSource(samples), T0, T0 + 7 * 24 * 3600 * 1000LL);
    ASSERT_TRUE(result.ok) << result.error.toStdString();
    EXPECT_EQ(result.samples, qint64(samples.size()));
    EXPECT_EQ(result.fired[size_t(AlertType::HighLatency)], 3);
    EXPECT_EQ(result.fired[size_t(AlertType::PacketLoss)], 0);
    EXPECT_EQ(result.fired[size_t(AlertType::GatewayDown)], 0);
    EXPECT_EQ(result.totalFired(), 3);
    EXPECT_EQ(result.firstSampleMs, T0);
}

TEST(AlertPreview, EditedRulesChangeTheCount)
{
    // Everyone at 350 ms for 2 minutes: the plan's 300 ms rule fires for
    // each of the 5 users; ITU-T G.114 fires too, Teams' 500 ms does not.
    const SampleBatch samples = generate(5, 120, [](int, int) { return 350.0; });
    const auto run = [&](AlertRules::Preset preset) {
        return AlertPreview::run(AlertRules::preset(preset), vectorSource(samples), T0,
                                 T0 + 3600 * 1000);
    };
    EXPECT_EQ(run(AlertRules::Preset::Plan).fired[size_t(AlertType::HighLatency)], 5);
    EXPECT_EQ(run(AlertRules::Preset::TeamsCallQuality).fired[size_t(AlertType::HighLatency)], 0);

    AlertRules longHold;
    longHold.rule(AlertType::HighLatency).holdMs = 200'000; // longer than the episode
    EXPECT_EQ(AlertPreview::run(longHold, vectorSource(samples), T0, T0 + 3600 * 1000)
                  .fired[size_t(AlertType::HighLatency)],
              0);
}

TEST(AlertPreview, GapsAreNotOutagesAndOutOfRangeSamplesAreIgnored)
{
    // Two recordings 3 days apart, each with one episode; gaps must not fire
    // gateway-down nor keep the first episode open into the second.
    SampleBatch samples = generate(3, 60, [](int u, int s) { return u == 0 && s >= 10 ? 500.0 : 50.0; });
    const SampleBatch later = generate(3, 60, [](int u, int s) { return u == 0 && s >= 10 ? 500.0 : 50.0; },
                                       T0 + 3 * 24 * 3600 * 1000LL);
    samples.insert(samples.end(), later.begin(), later.end());
    const AlertPreviewResult all
        = AlertPreview::run(AlertRules(), vectorSource(samples), T0, T0 + 7 * 24 * 3600 * 1000LL);
    ASSERT_TRUE(all.ok);
    EXPECT_EQ(all.fired[size_t(AlertType::HighLatency)], 2);
    EXPECT_EQ(all.fired[size_t(AlertType::GatewayDown)], 0);

    const AlertPreviewResult firstOnly
        = AlertPreview::run(AlertRules(), vectorSource(samples), T0, T0 + 24 * 3600 * 1000LL);
    EXPECT_EQ(firstOnly.fired[size_t(AlertType::HighLatency)], 1);
    EXPECT_EQ(firstOnly.samples, 180);
}

TEST(AlertPreview, ReportsInvalidRulesAndFailingSources)
{
    AlertRules bad;
    bad.rule(AlertType::HighLatency).clearThreshold = 1000; // above the fire threshold
    const AlertPreviewResult invalid
        = AlertPreview::run(bad, vectorSource({}), T0, T0 + 1000);
    EXPECT_FALSE(invalid.ok);
    EXPECT_FALSE(invalid.error.isEmpty());

    const SampleSource failing = [](qint64, qint64, const SampleSink &, QString *error) {
        *error = QStringLiteral("disk on fire");
        return false;
    };
    const AlertPreviewResult failed = AlertPreview::run(AlertRules(), failing, T0, T0 + 1000);
    EXPECT_FALSE(failed.ok);
    EXPECT_EQ(failed.error, QStringLiteral("disk on fire"));
}

TEST(AlertPreview, StoreSourceReplaysTheLiveHistory)
{
    FakeClock clock(T0);
    MeetingStore store(clock);
    for (int s = 0; s < 120; ++s) {
        SampleBatch batch;
        for (int u = 0; u < 4; ++u) {
            Sample sample = makeSample(QStringLiteral("m1"), QStringLiteral("u%1").arg(u),
                                       u < 2 && s >= 30 ? 20.0 : 10.0, u < 2 && s >= 30 ? 12.0 : 0.0);
            sample.receivedMs = clock.nowMs();
            batch.push_back(sample);
        }
        store.applyBatch(batch);
        clock.advance(1000);
    }
    const AlertPreviewResult result
        = AlertPreview::run(AlertRules(), storeSampleSource(store), T0 - 3600 * 1000, clock.nowMs());
    ASSERT_TRUE(result.ok);
    EXPECT_EQ(result.samples, 480);
    EXPECT_EQ(result.fired[size_t(AlertType::PacketLoss)], 2);
    EXPECT_EQ(result.fired[size_t(AlertType::HighLatency)], 0);
}

} // namespace
} // namespace mm::test
