#include "alerttestutil.h"

#include <QSet>

#include <random>

using namespace mm;
using namespace mm::test;

namespace {

const QString M1 = QStringLiteral("meeting-1");
const QString M2 = QStringLiteral("meeting-2");

constexpr qint64 Minute = 60'000;

// The real engine feeding the real policy, on a fake clock.
class Flow
{
public:
    explicit Flow(NotificationSettings settings = NotificationSettings(),
                  const AlertRules &rules = AlertRules())
        : h(rules)
        , policy(settings)
    {
    }

    void pump(const IncidentChanges &changes)
    {
        const auto out = policy.process(changes, h.clock.nowMs());
        for (const Notification &n : out)
            sent.push_back({h.clock.nowMs(), n});
    }
    void feed(const SampleBatch &batch) { pump(h.feed(batch)); }
    void tick() { pump(h.tick()); }
    void second(const SampleBatch &batch)
    {
        feed(batch);
        tick();
    }

    int count(Notification::Kind kind) const
    {
        return int(std::count_if(sent.begin(), sent.end(),
                                 [kind](const auto &p) { return p.second.kind == kind; }));
    }

    AlertHarness h;
    NotificationPolicy policy;
    std::vector<std::pair<qint64, Notification>> sent;
};

Sample poor(const QString &meeting, const QString &user)
{
    return makeSample(meeting, user, 50.0, 0.0, Quality::Poor);
}

Sample good(const QString &meeting, const QString &user)
{
    return makeSample(meeting, user, 50.0, 0.0, Quality::Good);
}

} // namespace

TEST(NotificationPolicy, CriticalNotifiesOnceThenEveryThirtyMinutesUntilAcknowledged)
{
    Flow f;
    const QString user = QStringLiteral("alice");
    qint64 firedMs = 0;
    for (int s = 0; s < 70 * 60; ++s) {
        f.second({poor(M1, user)});
        if (!firedMs && !f.h.incidentsOf(AlertType::PoorConnection).empty()
            && f.h.incidentsOf(AlertType::PoorConnection)[0].firedMs)
            firedMs = f.h.incidentsOf(AlertType::PoorConnection)[0].firedMs;
    }
    ASSERT_EQ(f.count(Notification::Kind::Firing), 1);
    ASSERT_EQ(f.count(Notification::Kind::Repeat), 2);
    const Notification &first = f.sent[0].second;
    EXPECT_EQ(first.severity, Severity::Critical);
    EXPECT_EQ(first.meetingId, M1);
    EXPECT_EQ(first.userId, user);
    EXPECT_EQ(first.incidentIds.size(), 1);
    EXPECT_TRUE(first.title.contains(user));
    // Within the grouping wait of the firing, then 30 and 60 min later.
    EXPECT_GE(f.sent[0].first - firedMs, 0);
    EXPECT_LE(f.sent[0].first - firedMs, f.policy.settings().groupWaitMs + 1000);
    EXPECT_EQ(f.sent[1].first - f.sent[0].first, 30 * Minute);
    EXPECT_EQ(f.sent[2].first - f.sent[0].first, 60 * Minute);
    EXPECT_EQ(f.sent[1].second.kind, Notification::Kind::Repeat);

    // Acknowledged after the first notification: no reminders.
    Flow acked;
    for (int s = 0; s < 70 * 60; ++s) {
        acked.second({poor(M1, user)});
        if (acked.sent.size() == 1
            && acked.h.incidentsOf(AlertType::PoorConnection)[0].acknowledgements.isEmpty()) {
            const quint64 id = acked.sent[0].second.incidentIds[0];
            acked.pump(acked.h.take(acked.h.engine.acknowledge(id, QStringLiteral("admin"))));
        }
    }
    EXPECT_EQ(acked.count(Notification::Kind::Firing), 1);
    EXPECT_EQ(acked.count(Notification::Kind::Repeat), 0);
}

TEST(NotificationPolicy, AlertsOfOneMeetingFiringTogetherMakeOneNotification)
{
    Flow f;
    for (int s = 0; s < 40; ++s) {
        SampleBatch batch;
        for (int u = 0; u < 6; ++u) {
            const QString user = QStringLiteral("a%1").arg(u);
            // Three users turn poor a second apart.
            batch.push_back(u < 3 && s >= u ? poor(M1, user) : good(M1, user));
        }
        batch.push_back(poor(M2, QStringLiteral("b0")));
        f.second(batch);
    }
    // Every critical incident of meeting 1 that fired is in one notification.
    QSet<quint64> firedInM1;
    for (const IncidentChange &c : f.h.log) {
        if (c.event == IncidentEvent::Fired && c.incident.meetingId == M1
            && c.incident.severity == Severity::Critical)
            firedInM1.insert(c.incident.id);
    }
    EXPECT_GE(firedInM1.size(), 3); // three users (and the meeting, degraded at 50 %)
    ASSERT_EQ(f.count(Notification::Kind::Firing), 2);
    const auto inM1 = std::find_if(f.sent.begin(), f.sent.end(),
                                   [](const auto &p) { return p.second.meetingId == M1; });
    ASSERT_NE(inM1, f.sent.end());
    const Notification &n = inM1->second;
    EXPECT_EQ(QSet<quint64>(n.incidentIds.begin(), n.incidentIds.end()), firedInM1);
    EXPECT_TRUE(n.userId.isEmpty()); // several users
    EXPECT_EQ(n.severity, Severity::Critical);
    EXPECT_EQ(n.body.count(QLatin1Char('\n')), int(firedInM1.size()) - 1);
    const auto inM2 = std::find_if(f.sent.begin(), f.sent.end(),
                                   [](const auto &p) { return p.second.meetingId == M2; });
    ASSERT_NE(inM2, f.sent.end());
    EXPECT_EQ(inM2->second.incidentIds.size(), 1);
}

TEST(NotificationPolicy, WarningsDoNotPopUpUnlessAskedTo)
{
    for (const bool notifyWarnings : {false, true}) {
        NotificationSettings settings;
        settings.notifyWarnings = notifyWarnings;
        Flow f(settings);
        for (int s = 0; s < 30; ++s)
            f.second({makeSample(M1, QStringLiteral("u"), 350.0)});
        ASSERT_EQ(f.h.count(IncidentEvent::Fired, AlertType::HighLatency), 1);
        EXPECT_EQ(f.count(Notification::Kind::Firing), notifyWarnings ? 1 : 0);
    }
}

TEST(NotificationPolicy, RecoveryIsAnnouncedOnceItHeld)
{
    Flow f;
    const QString user = QStringLiteral("bob");
    int s = 0;
    for (; s < 240; ++s)
        f.second({poor(M1, user)}); // fires at 10
    for (; s < 600; ++s)
        f.second({good(M1, user)}); // resolves at 270
    ASSERT_EQ(f.count(Notification::Kind::Firing), 1);
    ASSERT_EQ(f.count(Notification::Kind::Recovered), 1);
    const auto &[atMs, recovered] = f.sent.back();
    const Incident incident = f.h.incidentsOf(AlertType::PoorConnection)[0];
    EXPECT_EQ(incident.resolvedMs - incident.firedMs, 260'000);
    EXPECT_EQ(atMs - incident.resolvedMs, f.policy.settings().recoveryDelayMs);
    EXPECT_EQ(recovered.body, QStringLiteral("Recovered after 4 min."));
    EXPECT_TRUE(recovered.title.contains(user));
    EXPECT_EQ(f.policy.trackedCount(), 0);
}

TEST(NotificationPolicy, AReopenBeforeTheRecoveryContinuesSilently)
{
    Flow f;
    const QString user = QStringLiteral("carol");
    int s = 0;
    for (; s < 60; ++s)
        f.second({poor(M1, user)}); // fires at 10
    for (; s < 120; ++s)
        f.second({good(M1, user)}); // resolves at 90
    for (; s < 400; ++s)
        f.second({poor(M1, user)}); // reopens at 130
    ASSERT_EQ(f.h.count(IncidentEvent::Reopened, AlertType::PoorConnection), 1);
    EXPECT_EQ(f.count(Notification::Kind::Firing), 1);
    EXPECT_EQ(f.count(Notification::Kind::Recovered), 0);
}

TEST(NotificationPolicy, AnEndedIncidentNeverRecovers)
{
    Flow f;
    for (int s = 0; s < 30; ++s)
        f.second({poor(M1, QStringLiteral("dave")), good(M1, QStringLiteral("erin"))});
    for (int s = 0; s < 600; ++s)
        f.second({good(M1, QStringLiteral("erin"))}); // dave left
    ASSERT_EQ(f.h.count(IncidentEvent::Ended, AlertType::PoorConnection), 1);
    EXPECT_EQ(f.count(Notification::Kind::Firing), 1);
    EXPECT_EQ(f.count(Notification::Kind::Recovered), 0);
    EXPECT_EQ(f.count(Notification::Kind::Repeat), 0);
    EXPECT_EQ(f.policy.trackedCount(), 0);
}

TEST(NotificationPolicy, ResolvedBeforeTheGroupIsSentIsNeverAnnounced)
{
    NotificationSettings settings;
    settings.groupWaitMs = 60'000;
    AlertRules rules;
    rules.rule(AlertType::PoorConnection).clearMs = 5'000;
    Flow f(settings, rules);
    for (int s = 0; s < 12; ++s)
        f.second({poor(M1, QStringLiteral("u"))});
    for (int s = 0; s < 600; ++s)
        f.second({good(M1, QStringLiteral("u"))});
    ASSERT_EQ(f.h.count(IncidentEvent::Resolved, AlertType::PoorConnection), 1);
    EXPECT_TRUE(f.sent.empty());
}

TEST(NotificationPolicy, MutedMeansNothingAndNoBurstAfterwards)
{
    Flow f;
    f.policy.muteUntil(f.h.clock.nowMs() + 45 * Minute);
    for (int s = 0; s < 65 * 60; ++s) {
        f.second({poor(M1, QStringLiteral("u"))});
        if (s < 45 * 60) {
            ASSERT_TRUE(f.sent.empty()) << s;
        }
    }
    // The firing and the 30-min reminder fell in the mute; the next one
    // comes on its schedule, alone.
    ASSERT_EQ(f.sent.size(), 1u);
    EXPECT_EQ(f.sent[0].second.kind, Notification::Kind::Repeat);
}

TEST(NotificationPolicy, SilencedIncidentsStayQuietUntilTheSilenceEnds)
{
    Flow f;
    Silence silence;
    silence.userId = QStringLiteral("u");
    silence.untilMs = f.h.clock.nowMs() + 10 * Minute;
    IncidentChanges changes;
    ASSERT_NE(f.h.engine.addSilence(silence, &changes), 0u);
    f.pump(changes);
    for (int s = 0; s < 9 * 60; ++s)
        f.second({poor(M1, QStringLiteral("u"))});
    EXPECT_TRUE(f.sent.empty());
    for (int s = 0; s < 2 * 60; ++s)
        f.second({poor(M1, QStringLiteral("u"))});
    ASSERT_EQ(f.count(Notification::Kind::Firing), 1); // still firing when it ended
}

TEST(NotificationPolicy, TextIsPlainAndBounded)
{
    EXPECT_EQ(notificationSafeText(u"<b>x</b> & \"y\" 'z'\x01\u202E!", 100),
              QStringLiteral("bx/b  y z!"));
    const QString cut = notificationSafeText(QString(500, u'a'), 10);
    EXPECT_EQ(cut.size(), 10);
    EXPECT_TRUE(cut.endsWith(QChar(0x2026)));
    EXPECT_TRUE(notificationSafeText(u"abc", 0).isEmpty());

    Flow f;
    Sample s = poor(M1, QStringLiteral("u1"));
    s.username = QStringLiteral("<script>alert('x')</script>&amp;") + QString(300, u'z');
    s.meetingName = QStringLiteral("<a href=\"file:///etc/passwd\">Board</a>");
    for (int i = 0; i < 20; ++i)
        f.second({s});
    ASSERT_EQ(f.sent.size(), 1u);
    const Notification &n = f.sent[0].second;
    for (const QString &text : {n.title, n.body}) {
        EXPECT_FALSE(text.contains(u'<'));
        EXPECT_FALSE(text.contains(u'>'));
        EXPECT_FALSE(text.contains(u'&'));
        EXPECT_FALSE(text.contains(u'"'));
    }
    EXPECT_LE(n.title.size(), NotificationPolicy::MaxTitleLength);
    EXPECT_LE(n.body.size(), NotificationPolicy::MaxBodyLength);
    EXPECT_TRUE(n.title.contains(QStringLiteral("Board")));
}

TEST(NotificationPolicy, DurationsReadNaturally)
{
    EXPECT_EQ(formatAlertDuration(45'000), QStringLiteral("45 s"));
    EXPECT_EQ(formatAlertDuration(4 * Minute), QStringLiteral("4 min"));
    EXPECT_EQ(formatAlertDuration(125 * Minute), QStringLiteral("2 h 5 min"));
    EXPECT_EQ(formatAlertDuration(60 * Minute), QStringLiteral("1 h"));
    EXPECT_EQ(formatAlertDuration(-5), QStringLiteral("0 s"));
}

// The reliability notes' synthetic check: 200 users for an hour at 1 Hz,
// 10 % of them hovering at the latency threshold, three real five-minute
// outages. A naive "notify on every bad sample" policy sends thousands; the
// lifecycle sends exactly three firing notifications and three recoveries.
TEST(NotificationPolicy, OneHourOfTwoHundredUsersWithThreeOutages)
{
    Flow f;
    std::mt19937 rng(20251124);
    std::normal_distribution<double> healthyLatency(60.0, 15.0);
    std::normal_distribution<double> walkStep(0.0, 8.0);
    std::uniform_real_distribution<double> unit(0.0, 1.0);

    constexpr int Users = 200;
    struct Outage
    {
        int user;
        int start;
    };
    const Outage outages[] = {{25, 600}, {97, 1800}, {151, 3000}};
    std::vector<double> walk(Users, 300.0);
    int naiveNotifications = 0;

    for (int s = 0; s < 3600; ++s) {
        SampleBatch batch;
        batch.reserve(Users);
        for (int u = 0; u < Users; ++u) {
            Sample sample;
            sample.meetingId = QStringLiteral("meeting-%1").arg(u / 10);
            sample.userId = QStringLiteral("user-%1").arg(u);
            double latencyMs = std::max(5.0, healthyLatency(rng));
            double loss = unit(rng) * 1.0;
            if (u % 10 == 3) { // the hovering 10 %
                walk[size_t(u)] += walkStep(rng);
                walk[size_t(u)] = std::clamp(walk[size_t(u)], 270.0, 340.0);
                latencyMs = walk[size_t(u)];
            }
            for (const Outage &o : outages) {
                if (u == o.user && s >= o.start && s < o.start + 300) {
                    latencyMs = 900.0 + 50.0 * unit(rng);
                    loss = 12.0 + unit(rng) * 4.0;
                }
            }
            if (unit(rng) < 0.02) {
                sample.quality = Quality::Unknown; // a sample without numbers
            } else {
                sample.latencyMs = latencyMs;
                sample.packetLossPct = loss;
                sample.quality = classifyQuality(latencyMs, loss);
                sample.qualityDerived = true;
                naiveNotifications += latencyMs > 300.0 || loss > 5.0;
            }
            batch.push_back(std::move(sample));
        }
        f.second(batch);
    }

    EXPECT_GT(naiveNotifications, 1000);
    EXPECT_EQ(f.count(Notification::Kind::Firing), 3);
    EXPECT_EQ(f.count(Notification::Kind::Recovered), 3);
    EXPECT_EQ(f.count(Notification::Kind::Repeat), 0);
    QSet<QString> notifiedUsers;
    for (const auto &[atMs, n] : f.sent) {
        EXPECT_EQ(n.incidentIds.size(), 1);
        EXPECT_EQ(n.severity, Severity::Critical);
        notifiedUsers.insert(n.userId);
    }
    EXPECT_EQ(notifiedUsers,
              (QSet<QString> {QStringLiteral("user-25"), QStringLiteral("user-97"),
                              QStringLiteral("user-151")}));
    // Each outage is one poor-connection incident, fired and resolved.
    EXPECT_EQ(f.h.count(IncidentEvent::Fired, AlertType::PoorConnection), 3);
    EXPECT_EQ(f.h.count(IncidentEvent::Resolved, AlertType::PoorConnection), 3);
    // The hovering users raise at most one latency incident each.
    EXPECT_LE(f.h.count(IncidentEvent::Fired, AlertType::HighLatency), 20 + 3);
}
