#include "alerttestutil.h"

#include <random>

using namespace mm;
using namespace mm::test;

namespace {

const QString M1 = QStringLiteral("meeting-1");
const QString U1 = QStringLiteral("user-1");
const QString U2 = QStringLiteral("user-2");
const QString U3 = QStringLiteral("user-3");

Sample latency(double ms, const QString &user = U1)
{
    return makeSample(M1, user, ms);
}

// Which second (loop index) each event of `type` happened in.
struct Timeline
{
    std::vector<std::pair<int, IncidentEvent>> events;
    void record(int second, const IncidentChanges &changes, AlertType type)
    {
        for (const IncidentChange &c : changes) {
            if (c.incident.type == type)
                events.emplace_back(second, c.event);
        }
    }
    int first(IncidentEvent event) const
    {
        for (const auto &[second, e] : events) {
            if (e == event)
                return second;
        }
        return -1;
    }
    int count(IncidentEvent event) const
    {
        return int(std::count_if(events.begin(), events.end(),
                                 [event](const auto &p) { return p.second == event; }));
    }
};

// Drives one user: each second feeds value(second), then evaluates.
template<typename ValueAt>
Timeline run(AlertHarness &h, int seconds, ValueAt value, AlertType type = AlertType::HighLatency,
             int offset = 0)
{
    Timeline t;
    for (int s = offset; s < offset + seconds; ++s) {
        t.record(s, h.feed(latency(value(s))), type);
        t.record(s, h.tick(), type);
    }
    return t;
}

} // namespace

TEST(AlertEngine, FiresOnlyAfterTheHoldTime)
{
    AlertHarness h;
    const qint64 t0 = h.clock.nowMs();
    const Timeline t = run(h, 15, [](int) { return 350.0; });
    EXPECT_EQ(t.first(IncidentEvent::Opened), 0);
    EXPECT_EQ(t.first(IncidentEvent::Fired), 10);
    EXPECT_EQ(t.count(IncidentEvent::Fired), 1);
    const auto incidents = h.incidentsOf(AlertType::HighLatency);
    ASSERT_EQ(incidents.size(), 1u);
    EXPECT_EQ(incidents[0].state, IncidentState::Firing);
    EXPECT_EQ(incidents[0].startedMs, t0);
    EXPECT_EQ(incidents[0].firedMs, t0 + 10'000);
    EXPECT_EQ(incidents[0].severity, Severity::Warning);
    EXPECT_EQ(incidents[0].source, AlertSource::Local);
    EXPECT_EQ(incidents[0].meetingId, M1);
    EXPECT_EQ(incidents[0].userId, U1);
    ASSERT_TRUE(incidents[0].peak.has_value());
    EXPECT_DOUBLE_EQ(*incidents[0].peak, 350.0);
    EXPECT_FALSE(incidents[0].message.isEmpty());
}

// Identity numbers are hints (Sample::identity): two users of one meeting
// whose samples carry the same number (a decoder's table that started
// afresh, or two decoders) are still two users.
TEST(AlertEngine, TellsUsersApartWhoseSamplesShareAnIdentityNumber)
{
    AlertHarness h;
    Sample slow = latency(350.0, U1);
    Sample fine = latency(40.0, U2);
    slow.identity = 1;
    fine.identity = 1;
    for (int s = 0; s < 12; ++s) {
        h.feed(SampleBatch {slow, fine});
        h.tick();
    }
    const auto incidents = h.incidentsOf(AlertType::HighLatency);
    ASSERT_EQ(incidents.size(), 1u);
    EXPECT_EQ(incidents[0].userId, U1);
    EXPECT_EQ(incidents[0].state, IncidentState::Firing);
}

// A user who went away and came back with the same number is that user,
// not whoever took the place the engine freed meanwhile.
TEST(AlertEngine, AReturningUsersIdentityNumberFindsThatUser)
{
    AlertHarness h;
    Sample first = latency(40.0, U1);
    first.identity = 1;
    h.feed(first);
    // User 2 keeps the stream going past userGoneMs: user 1 is gone.
    for (int s = 0; s < 20; ++s) {
        h.feed(latency(40.0, U2));
        h.tick();
    }
    h.feed(SampleBatch {latency(40.0, U2), latency(40.0, U3)}); // user 3 takes the freed place
    h.tick();
    Sample back = latency(350.0, U1);
    back.identity = 1;
    for (int s = 0; s < 12; ++s) {
        h.feed(SampleBatch {back, latency(40.0, U2), latency(40.0, U3)});
        h.tick();
    }
    const auto incidents = h.incidentsOf(AlertType::HighLatency);
    ASSERT_EQ(incidents.size(), 1u);
    EXPECT_EQ(incidents[0].userId, U1);
}

TEST(AlertEngine, PendingThatClearsIsCancelledAndDropped)
{
    AlertHarness h;
    const Timeline t = run(h, 20, [](int s) { return s < 6 ? 350.0 : 290.0; });
    EXPECT_EQ(t.count(IncidentEvent::Opened), 1);
    EXPECT_EQ(t.first(IncidentEvent::Cancelled), 6); // 290 is not above 300: the hold broke
    EXPECT_EQ(t.count(IncidentEvent::Fired), 0);
    EXPECT_TRUE(h.incidentsOf(AlertType::HighLatency).empty());
}

TEST(AlertEngine, ClearsAfterTheClearTimeWithHysteresis)
{
    AlertHarness h;
    // 350 until 20 (fires at 10), then 280 in the hysteresis band for a
    // minute (stays firing), then under 270: resolves 30 s later.
    const Timeline t = run(h, 140, [](int s) { return s < 20 ? 350.0 : s < 80 ? 280.0 : 260.0; });
    EXPECT_EQ(t.first(IncidentEvent::Fired), 10);
    EXPECT_EQ(t.first(IncidentEvent::Resolved), 110);
    EXPECT_EQ(t.count(IncidentEvent::Resolved), 1);
    const auto incidents = h.incidentsOf(AlertType::HighLatency);
    ASSERT_EQ(incidents.size(), 1u);
    EXPECT_EQ(incidents[0].state, IncidentState::Resolved);
    EXPECT_EQ(incidents[0].resolvedMs - incidents[0].firedMs, 100'000);
}

TEST(AlertEngine, ABandSampleRestartsTheClearTime)
{
    AlertHarness h;
    const Timeline t = run(h, 160, [](int s) {
        if (s < 20)
            return 350.0;
        if (s < 80 || s == 100)
            return 280.0; // in the band; at 100 for one sample
        return 260.0;
    });
    EXPECT_EQ(t.first(IncidentEvent::Fired), 10);
    EXPECT_EQ(t.first(IncidentEvent::Resolved), 131);
}

TEST(AlertEngine, ReopensTheSameIncidentWithinTwoMinutes)
{
    AlertHarness h;
    // Fires at 10, resolves at 110 (clear from 80), breaches again from 170.
    const Timeline t = run(h, 200, [](int s) {
        return s < 20 ? 350.0 : s < 80 ? 280.0 : s < 170 ? 260.0 : 350.0;
    });
    EXPECT_EQ(t.first(IncidentEvent::Resolved), 110);
    EXPECT_EQ(t.first(IncidentEvent::Reopened), 180);
    EXPECT_EQ(t.count(IncidentEvent::Opened), 1);
    EXPECT_EQ(t.count(IncidentEvent::Fired), 1);
    const auto incidents = h.incidentsOf(AlertType::HighLatency);
    ASSERT_EQ(incidents.size(), 1u);
    EXPECT_EQ(incidents[0].state, IncidentState::Firing);
    EXPECT_EQ(incidents[0].reopenCount, 1);
    EXPECT_EQ(incidents[0].resolvedMs, 0);
}

TEST(AlertEngine, StartsANewIncidentAfterTheReopenWindow)
{
    AlertHarness h;
    // Resolves at 110, breaches again from 240 (130 s later).
    const Timeline t = run(h, 270, [](int s) {
        return s < 20 ? 350.0 : s < 80 ? 280.0 : s < 240 ? 260.0 : 350.0;
    });
    EXPECT_EQ(t.count(IncidentEvent::Reopened), 0);
    EXPECT_EQ(t.count(IncidentEvent::Opened), 2);
    EXPECT_EQ(t.count(IncidentEvent::Fired), 2);
    const auto incidents = h.incidentsOf(AlertType::HighLatency);
    ASSERT_EQ(incidents.size(), 2u);
    EXPECT_EQ(incidents[0].state, IncidentState::Resolved);
    EXPECT_EQ(incidents[1].state, IncidentState::Firing);
    EXPECT_NE(incidents[0].id, incidents[1].id);
}

TEST(AlertEngine, UnknownValuesNeitherFireNorClear)
{
    AlertHarness h;
    Timeline t;
    const auto feed = [&](int s, Metric value, Quality quality = Quality::Good) {
        t.record(s, h.feed(makeSample(M1, U1, value, std::nullopt, quality)),
                 AlertType::HighLatency);
        t.record(s, h.tick(), AlertType::HighLatency);
    };
    int s = 0;
    for (; s < 60; ++s)
        feed(s, std::nullopt, Quality::Unknown);
    EXPECT_TRUE(h.engine.incidents().empty());

    for (; s < 65; ++s)
        feed(s, 350.0);
    for (; s < 100; ++s)
        feed(s, std::nullopt); // pending, then nothing known for 35 s
    EXPECT_EQ(t.count(IncidentEvent::Fired), 0);
    EXPECT_EQ(t.count(IncidentEvent::Cancelled), 0);
    ASSERT_EQ(h.incidentsOf(AlertType::HighLatency).size(), 1u);
    EXPECT_EQ(h.incidentsOf(AlertType::HighLatency)[0].state, IncidentState::Pending);

    feed(s++, 350.0); // a known breach after the hold time confirms it
    EXPECT_EQ(t.count(IncidentEvent::Fired), 1);
    for (; s < 300; ++s)
        feed(s, std::nullopt); // unknown for 200 s: never "clear"
    EXPECT_EQ(t.count(IncidentEvent::Resolved), 0);
    EXPECT_EQ(h.incidentsOf(AlertType::HighLatency)[0].state, IncidentState::Firing);
    // Packet loss was unknown throughout: no packet-loss incident either way.
    EXPECT_TRUE(h.incidentsOf(AlertType::PacketLoss).empty());
}

TEST(AlertEngine, PerUserAlertsFreezeWhileTheGatewayIsDisconnected)
{
    AlertHarness h;
    const Sample bad1 = makeSample(M1, U1, 350.0);
    const Sample bad2 = makeSample(M1, U2, 350.0);
    const Sample poor3 = makeSample(M1, U3, 50.0, 0.0, Quality::Poor);
    int s = 0;
    for (; s < 15; ++s) {
        SampleBatch batch {bad1, poor3};
        if (s >= 10)
            batch.push_back(bad2); // user 2 pending from 10
        h.feed(batch);
        h.tick();
    }
    ASSERT_EQ(h.count(IncidentEvent::Fired, AlertType::HighLatency), 1); // user 1
    ASSERT_EQ(h.count(IncidentEvent::Fired, AlertType::PoorConnection), 1); // user 3
    const size_t before = h.log.size();

    h.setConnected(false);
    for (int i = 0; i < 300; ++i)
        h.tick();
    // Five minutes without data: nothing resolved, ended, fired or
    // cancelled among the users; only the gateway itself went down.
    for (size_t i = before; i < h.log.size(); ++i) {
        const IncidentChange &c = h.log[i];
        EXPECT_EQ(c.incident.type, AlertType::GatewayDown)
            << incidentEventName(c.event).toStdString() << " " << c.incident.userId.toStdString();
    }
    EXPECT_EQ(h.count(IncidentEvent::Fired, AlertType::GatewayDown), 1);
    EXPECT_TRUE(h.engine.isFrozen());
    EXPECT_EQ(h.engine.trackedUserCount(), 3);

    h.setConnected(true);
    Timeline t1, t3;
    const qint64 reconnectMs = h.clock.nowMs();
    for (int i = 0; i < 60; ++i) {
        const auto changes = h.feed(SampleBatch {makeSample(M1, U1, 260.0), bad2});
        t1.record(i, changes, AlertType::HighLatency);
        const auto evaluated = h.tick();
        t1.record(i, evaluated, AlertType::HighLatency);
        t3.record(i, evaluated, AlertType::PoorConnection);
    }
    // User 2 had held 5 of 10 s before the outage: 5 more after it.
    EXPECT_EQ(t1.first(IncidentEvent::Fired), 5);
    // User 1 clears 30 s after clear values resume.
    EXPECT_EQ(t1.first(IncidentEvent::Resolved), 30);
    // User 3 last sent 1 s before the outage: gone 14 s after it, ended.
    EXPECT_EQ(t3.first(IncidentEvent::Ended), 13);
    EXPECT_EQ(t3.count(IncidentEvent::Resolved), 0);
    // The gateway alert resolves after 30 s connected and receiving.
    const auto gateway = h.incidentsOf(AlertType::GatewayDown);
    ASSERT_EQ(gateway.size(), 1u);
    EXPECT_EQ(gateway[0].state, IncidentState::Resolved);
    EXPECT_EQ(gateway[0].resolvedMs, reconnectMs + 30'000);
    EXPECT_TRUE(gateway[0].meetingId.isEmpty());
    EXPECT_TRUE(gateway[0].userId.isEmpty());
    EXPECT_EQ(gateway[0].severity, Severity::Critical);
}

TEST(AlertEngine, SilenceWhileMeetingsAreActiveIsGatewayDownAndFreezes)
{
    AlertHarness h;
    const Sample poor = makeSample(M1, U1, 50.0, 0.0, Quality::Poor);
    const Sample good = makeSample(M1, U2, 50.0);
    for (int s = 0; s < 20; ++s) {
        h.feed(SampleBatch {poor, good});
        h.tick();
    }
    ASSERT_EQ(h.count(IncidentEvent::Fired, AlertType::PoorConnection), 1);
    const qint64 lastMessageMs = h.clock.nowMs() - 1000;

    Timeline t;
    for (int s = 0; s < 600; ++s) {
        t.record(s, h.tick(), AlertType::GatewayDown);
        // Nobody ends while the silence lasts.
        ASSERT_EQ(h.count(IncidentEvent::Ended), 0) << s;
    }
    const auto gateway = h.incidentsOf(AlertType::GatewayDown);
    ASSERT_EQ(gateway.size(), 1u);
    EXPECT_EQ(gateway[0].startedMs, lastMessageMs + 5'000);
    EXPECT_EQ(gateway[0].firedMs, lastMessageMs + 15'000);
    EXPECT_EQ(h.engine.trackedUserCount(), 2);

    // Data resumes: the gateway clears after 30 s, user 1 recovers.
    Timeline t2;
    for (int s = 0; s < 40; ++s) {
        t2.record(s, h.feed(SampleBatch {makeSample(M1, U1, 50.0), good}),
                  AlertType::PoorConnection);
        t.record(s, h.tick(), AlertType::GatewayDown);
    }
    EXPECT_EQ(t.count(IncidentEvent::Resolved), 1);
    EXPECT_EQ(t2.first(IncidentEvent::Resolved), 30);
}

TEST(AlertEngine, UserWhoStopsSendingEndsWithoutRecovery)
{
    AlertHarness h;
    const Sample poor = makeSample(M1, U1, 50.0, 0.0, Quality::Poor);
    for (int s = 0; s < 20; ++s) {
        h.feed(SampleBatch {poor, makeSample(M1, U2, 50.0)});
        h.tick();
    }
    ASSERT_EQ(h.count(IncidentEvent::Fired, AlertType::PoorConnection), 1);
    Timeline t;
    for (int s = 0; s < 30; ++s) {
        h.feed(makeSample(M1, U2, 50.0)); // the meeting goes on without user 1
        t.record(s, h.tick(), AlertType::PoorConnection);
    }
    EXPECT_EQ(t.first(IncidentEvent::Ended), 13); // 15 s after its last sample
    EXPECT_EQ(t.count(IncidentEvent::Resolved), 0);
    const auto incidents = h.incidentsOf(AlertType::PoorConnection);
    ASSERT_EQ(incidents.size(), 1u);
    EXPECT_EQ(incidents[0].state, IncidentState::Ended);
    EXPECT_EQ(h.engine.trackedUserCount(), 1);
}

TEST(AlertEngine, AValueHoveringAroundTheThresholdRaisesAtMostOneIncident)
{
    for (const quint32 seed : {1u, 2u, 3u, 4u, 5u}) {
        AlertHarness h;
        std::mt19937 rng(seed);
        std::normal_distribution<double> step(0.0, 8.0);
        double value = 300.0;
        int naiveCrossings = 0;
        bool above = false;
        for (int s = 0; s < 3600; ++s) {
            value += step(rng);
            // A random walk reflected inside 300 +/- 25 ms: it crosses 300
            // all the time, never reaching the clear level for long.
            if (value > 325.0)
                value = 650.0 - value;
            if (value < 275.0)
                value = 550.0 - value;
            naiveCrossings += (value > 300.0) != above;
            above = value > 300.0;
            h.feed(latency(value));
            h.tick();
        }
        EXPECT_GT(naiveCrossings, 100) << "seed " << seed; // the test is meaningful
        EXPECT_LE(h.count(IncidentEvent::Fired, AlertType::HighLatency), 1) << "seed " << seed;
        EXPECT_EQ(h.count(IncidentEvent::Reopened, AlertType::HighLatency), 0) << "seed " << seed;
        EXPECT_LE(h.incidentsOf(AlertType::HighLatency).size(), 1u) << "seed " << seed;
    }
}

TEST(AlertEngine, GatewayAlertsRepeatedEverySecondMakeOneIncident)
{
    AlertHarness h;
    const GatewayAlert alert
        = makeGatewayAlert(M1, U1, QStringLiteral("high-latency"), QStringLiteral("warning"),
                           QStringLiteral("High latency: 350ms"));
    Timeline t;
    const qint64 t0 = h.clock.nowMs();
    qint64 lastAlertMs = 0;
    for (int s = 0; s < 300; ++s) {
        t.record(s, h.feed(latency(50.0)), AlertType::HighLatency); // locally healthy
        lastAlertMs = h.clock.nowMs();
        t.record(s, h.alert(alert), AlertType::HighLatency);
        t.record(s, h.tick(), AlertType::HighLatency);
    }
    EXPECT_EQ(t.first(IncidentEvent::Fired), 0); // at once: the gateway already judged
    EXPECT_EQ(t.count(IncidentEvent::Fired), 1);
    EXPECT_EQ(t.count(IncidentEvent::Reopened), 0);
    EXPECT_EQ(t.count(IncidentEvent::Opened), 0);
    auto incidents = h.incidentsOf(AlertType::HighLatency);
    ASSERT_EQ(incidents.size(), 1u);
    EXPECT_EQ(incidents[0].source, AlertSource::Gateway);
    EXPECT_EQ(incidents[0].startedMs, t0);
    EXPECT_EQ(incidents[0].message, QStringLiteral("High latency: 350ms"));

    for (int s = 0; s < 40; ++s) {
        h.feed(latency(50.0));
        h.tick();
        if (h.clock.nowMs() - lastAlertMs < 30'000) {
            ASSERT_EQ(h.incidentsOf(AlertType::HighLatency)[0].state, IncidentState::Firing);
        }
    }
    incidents = h.incidentsOf(AlertType::HighLatency);
    EXPECT_EQ(incidents[0].state, IncidentState::Resolved);
    EXPECT_EQ(incidents[0].resolvedMs, lastAlertMs + 30'000);
}

TEST(AlertEngine, GatewayAndLocalJudgementsShareOneIncident)
{
    AlertHarness h;
    Timeline t;
    for (int s = 0; s < 20; ++s) {
        t.record(s, h.feed(latency(350.0)), AlertType::HighLatency);
        if (s == 12)
            t.record(s, h.alert(makeGatewayAlert(M1, U1, QStringLiteral("high-latency"))),
                     AlertType::HighLatency);
        t.record(s, h.tick(), AlertType::HighLatency);
    }
    EXPECT_EQ(t.count(IncidentEvent::Fired), 1);
    auto incidents = h.incidentsOf(AlertType::HighLatency);
    ASSERT_EQ(incidents.size(), 1u);
    EXPECT_EQ(incidents[0].source, AlertSource::Both);

    // The local rule still breaches after the gateway went quiet: firing.
    for (int s = 0; s < 60; ++s) {
        h.feed(latency(350.0));
        h.tick();
    }
    EXPECT_EQ(h.incidentsOf(AlertType::HighLatency)[0].state, IncidentState::Firing);

    // A gateway alert first, the local rule later: both as well.
    AlertHarness g;
    g.alert(makeGatewayAlert(M1, U2, QStringLiteral("packet-loss")));
    for (int s = 0; s < 12; ++s) {
        g.feed(makeSample(M1, U2, 50.0, 8.0));
        g.tick();
    }
    const auto loss = g.incidentsOf(AlertType::PacketLoss);
    ASSERT_EQ(loss.size(), 1u);
    EXPECT_EQ(loss[0].source, AlertSource::Both);
    ASSERT_TRUE(loss[0].peak.has_value());
    EXPECT_DOUBLE_EQ(*loss[0].peak, 8.0);
    EXPECT_EQ(g.count(IncidentEvent::Fired), 1);
}

TEST(AlertEngine, UnknownGatewayTypesAndSeveritiesAreKeptBounded)
{
    AlertHarness h;
    const QString markup = QStringLiteral("<b>weird</b>");
    for (int s = 0; s < 60; ++s) {
        h.alert(makeGatewayAlert(M1, U1, markup, QStringLiteral("bogus"),
                                 QStringLiteral("<img src=x>\x01 msg")));
        h.tick();
    }
    auto custom = h.incidentsOf(AlertType::Custom);
    ASSERT_EQ(custom.size(), 1u);
    EXPECT_EQ(custom[0].typeName, markup); // kept as received; views show plain text
    EXPECT_EQ(custom[0].severity, Severity::Warning);
    EXPECT_EQ(custom[0].message, QStringLiteral("<img src=x> msg")); // control stripped
    EXPECT_EQ(h.count(IncidentEvent::Fired, AlertType::Custom), 1);

    h.alert(makeGatewayAlert(M1, U1, QStringLiteral("cpu-hot"), QStringLiteral("critical")));
    h.alert(makeGatewayAlert(M1, QString(), QString(),
                             QStringLiteral("critical"))); // meeting-level, no type
    custom = h.incidentsOf(AlertType::Custom);
    ASSERT_EQ(custom.size(), 3u);
    EXPECT_EQ(custom[1].typeName, QStringLiteral("cpu-hot"));
    EXPECT_EQ(custom[1].severity, Severity::Critical);
    EXPECT_EQ(custom[2].typeName, QStringLiteral("unknown"));
    EXPECT_TRUE(custom[2].userId.isEmpty());

    // A flood of invented types and huge names stays bounded.
    GatewayAlertBatch flood;
    for (int i = 0; i < 2000; ++i)
        flood.push_back(makeGatewayAlert(M1, QStringLiteral("u%1").arg(i % 5),
                                         QStringLiteral("type-%1-").arg(i) + QString(500, u'x')));
    h.take(h.engine.ingestGatewayAlerts(flood));
    EXPECT_GT(h.engine.droppedGatewayAlerts(), 0u);
    const auto all = h.engine.incidents();
    EXPECT_LE(all.size(), size_t(6 * AlertEngine::MaxCustomSlotsPerKey + 3));
    for (const Incident &incident : all)
        EXPECT_LE(incident.typeName.size(), 64);
}

TEST(AlertEngine, GatewayAlertsOfADisabledRuleAreDropped)
{
    AlertRules rules;
    rules.rule(AlertType::PacketLoss).enabled = false;
    AlertHarness h(rules);
    h.alert(makeGatewayAlert(M1, U1, QStringLiteral("packet-loss")));
    EXPECT_TRUE(h.engine.incidents().empty());
    EXPECT_EQ(h.engine.droppedGatewayAlerts(), 1u);
}

TEST(AlertEngine, MeetingDegradedWhenHalfItsUsersArePoor)
{
    AlertHarness h;
    const auto batch = [](int poorUsers) {
        SampleBatch b;
        for (int i = 0; i < 4; ++i)
            b.push_back(makeSample(M1, QStringLiteral("u%1").arg(i), 50.0, 0.0,
                                   i < poorUsers ? Quality::Poor : Quality::Good));
        return b;
    };
    Timeline t;
    int s = 0;
    for (; s < 20; ++s) {
        h.feed(batch(1)); // 25 %: nothing
        t.record(s, h.tick(), AlertType::MeetingDegraded);
    }
    EXPECT_TRUE(h.incidentsOf(AlertType::MeetingDegraded).empty());
    for (; s < 60; ++s) {
        h.feed(batch(2)); // 50 % and 2 users: breach
        t.record(s, h.tick(), AlertType::MeetingDegraded);
    }
    EXPECT_EQ(t.first(IncidentEvent::Opened), 20);
    EXPECT_EQ(t.first(IncidentEvent::Fired), 30);
    auto degraded = h.incidentsOf(AlertType::MeetingDegraded);
    ASSERT_EQ(degraded.size(), 1u);
    EXPECT_EQ(degraded[0].severity, Severity::Critical);
    EXPECT_TRUE(degraded[0].userId.isEmpty());
    EXPECT_EQ(degraded[0].meetingId, M1);
    ASSERT_TRUE(degraded[0].peak.has_value());
    EXPECT_DOUBLE_EQ(*degraded[0].peak, 50.0);
    for (; s < 120; ++s) {
        h.feed(batch(1));
        t.record(s, h.tick(), AlertType::MeetingDegraded);
    }
    EXPECT_EQ(t.first(IncidentEvent::Resolved), 90);

    // One poor user of two is half the meeting but not "at least 2".
    AlertHarness pair;
    for (int i = 0; i < 30; ++i) {
        pair.feed(
            SampleBatch {makeSample(M1, U1, 50.0, 0.0, Quality::Poor), makeSample(M1, U2, 50.0)});
        pair.tick();
    }
    EXPECT_TRUE(pair.incidentsOf(AlertType::MeetingDegraded).empty());
}

TEST(AlertEngine, GatewayDownWithoutConnection)
{
    AlertHarness h(AlertRules(), /*connect=*/false);
    const qint64 t0 = h.clock.nowMs();
    Timeline t;
    for (int s = 1; s <= 12; ++s)
        t.record(s, h.tick(), AlertType::GatewayDown);
    EXPECT_EQ(t.first(IncidentEvent::Opened), 1);
    EXPECT_EQ(t.first(IncidentEvent::Fired), 10);
    auto down = h.incidentsOf(AlertType::GatewayDown);
    ASSERT_EQ(down.size(), 1u);
    EXPECT_EQ(down[0].startedMs, t0);
    EXPECT_EQ(down[0].source, AlertSource::Local);

    h.setConnected(true);
    for (int s = 0; s < 29; ++s) {
        h.feed(latency(50.0));
        h.tick();
    }
    EXPECT_EQ(h.incidentsOf(AlertType::GatewayDown)[0].state, IncidentState::Firing);
    h.feed(latency(50.0));
    h.tick();
    EXPECT_EQ(h.incidentsOf(AlertType::GatewayDown)[0].state, IncidentState::Resolved);

    // A blip shorter than the hold time: pending, then cancelled.
    h.setConnected(false);
    h.tick();
    h.setConnected(true);
    h.feed(latency(50.0));
    h.tick();
    EXPECT_EQ(h.count(IncidentEvent::Fired, AlertType::GatewayDown), 1);
    EXPECT_EQ(h.incidentsOf(AlertType::GatewayDown).size(), 1u);
}

TEST(AlertEngine, AcknowledgementsAreRecordedAndBounded)
{
    AlertHarness h;
    run(h, 12, [](int) { return 350.0; });
    const quint64 id = h.incidentsOf(AlertType::HighLatency)[0].id;
    const auto changes
        = h.engine.acknowledge(id, QStringLiteral("admin\x07"), QStringLiteral("on it"));
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].event, IncidentEvent::Acknowledged);
    const Incident *incident = h.engine.incident(id);
    ASSERT_NE(incident, nullptr);
    ASSERT_EQ(incident->acknowledgements.size(), 1);
    EXPECT_EQ(incident->acknowledgements[0].by, QStringLiteral("admin"));
    EXPECT_EQ(incident->acknowledgements[0].note, QStringLiteral("on it"));
    EXPECT_EQ(incident->acknowledgements[0].atMs, h.clock.nowMs());
    for (int i = 0; i < 50; ++i)
        h.engine.acknowledge(id, QStringLiteral("a"), QString(5000, u'n'));
    EXPECT_EQ(h.engine.incident(id)->acknowledgements.size(), Incident::MaxAcknowledgements);
    EXPECT_LE(h.engine.incident(id)->acknowledgements.last().note.size(), 300);
    EXPECT_TRUE(h.engine.acknowledge(9999, QStringLiteral("a")).empty());
}

TEST(AlertEngine, SilencesMatchByUserMeetingOrTypeAndExpire)
{
    AlertHarness h;
    run(h, 12, [](int) { return 350.0; });
    const quint64 id = h.incidentsOf(AlertType::HighLatency)[0].id;

    Silence invalid;
    invalid.untilMs = h.clock.nowMs() + 60'000;
    EXPECT_EQ(h.engine.addSilence(invalid), 0u); // matches everything: refused
    Silence past;
    past.userId = U1;
    past.untilMs = h.clock.nowMs() - 1;
    EXPECT_EQ(h.engine.addSilence(past), 0u);

    Silence byUser;
    byUser.userId = U1;
    byUser.untilMs = h.clock.nowMs() + 60'000;
    IncidentChanges changes;
    const quint64 silenceId = h.engine.addSilence(byUser, &changes);
    EXPECT_NE(silenceId, 0u);
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].event, IncidentEvent::Updated);
    EXPECT_TRUE(changes[0].incident.silenced);
    EXPECT_TRUE(h.engine.incident(id)->silenced);

    // New incidents of that user are born silenced; others are not.
    for (int s = 0; s < 12; ++s) {
        h.feed(SampleBatch {makeSample(M1, U1, 350.0, 9.0), makeSample(M1, U2, 50.0, 9.0)});
        h.tick();
    }
    auto loss = h.incidentsOf(AlertType::PacketLoss);
    ASSERT_EQ(loss.size(), 2u);
    if (loss[0].userId != U1)
        std::swap(loss[0], loss[1]);
    EXPECT_EQ(loss[0].state, IncidentState::Firing);
    EXPECT_TRUE(loss[0].silenced);
    EXPECT_FALSE(loss[1].silenced);

    // Expiry lifts it.
    h.clock.advance(60'000);
    const auto expired = h.evaluate();
    EXPECT_FALSE(h.engine.incident(id)->silenced);
    EXPECT_TRUE(h.engine.silences().empty());
    EXPECT_TRUE(std::any_of(expired.begin(), expired.end(), [id](const IncidentChange &c) {
        return c.incident.id == id && c.event == IncidentEvent::Updated && !c.incident.silenced;
    }));

    Silence byType;
    byType.typeName = QStringLiteral("packet-loss");
    byType.untilMs = h.clock.nowMs() + 60'000;
    const quint64 typeSilence = h.engine.addSilence(byType);
    EXPECT_TRUE(h.engine.incident(loss[1].id)->silenced);
    EXPECT_FALSE(h.engine.incident(id)->silenced);
    EXPECT_TRUE(h.engine.removeSilence(typeSilence));
    EXPECT_FALSE(h.engine.incident(loss[1].id)->silenced);

    Silence byMeeting;
    byMeeting.meetingId = M1;
    byMeeting.untilMs = h.clock.nowMs() + 60'000;
    h.engine.addSilence(byMeeting);
    EXPECT_TRUE(h.engine.incident(loss[1].id)->silenced);
    EXPECT_TRUE(h.engine.incident(id)->silenced);
}

TEST(AlertEngine, DisablingARuleCancelsAndResolvesItsAlerts)
{
    AlertHarness h;
    run(h, 12, [](int) { return 350.0; });
    for (int s = 0; s < 3; ++s) {
        h.feed(makeSample(M1, U2, 50.0, 9.0)); // packet loss pending
        h.tick();
    }
    AlertRules rules;
    rules.rule(AlertType::HighLatency).enabled = false;
    rules.rule(AlertType::PacketLoss).enabled = false;
    h.take(h.engine.setRules(rules));
    EXPECT_EQ(h.count(IncidentEvent::Resolved, AlertType::HighLatency), 1);
    EXPECT_EQ(h.count(IncidentEvent::Cancelled, AlertType::PacketLoss), 1);
    run(h, 30, [](int) { return 350.0; });
    EXPECT_EQ(h.count(IncidentEvent::Fired, AlertType::HighLatency), 1);
}

TEST(AlertEngine, OldClosedIncidentsAreForgotten)
{
    AlertHarness h;
    h.engine.setRecentLimits(2, 3'600'000);
    for (int i = 0; i < 5; ++i) {
        const QString user = QStringLiteral("u%1").arg(i);
        h.alert(makeGatewayAlert(M1, user, QStringLiteral("packet-loss")));
        for (int s = 0; s < 35; ++s) {
            h.feed(makeSample(M1, user, 50.0));
            h.tick();
        }
    }
    for (int s = 0; s < 10; ++s) { // forgetting runs every 10 s
        h.feed(makeSample(M1, QStringLiteral("u4"), 50.0));
        h.tick();
    }
    EXPECT_EQ(h.count(IncidentEvent::Resolved), 5);
    EXPECT_EQ(h.count(IncidentEvent::Forgotten), 3);
    EXPECT_EQ(h.engine.incidents().size(), 2u);
}
