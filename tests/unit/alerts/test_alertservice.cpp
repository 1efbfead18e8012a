// AlertService on a fake clock (its timer off, evaluations driven by hand),
// and the engine's "no connection wanted" state it relies on.
#include "alerttestutil.h"

#include "alerts/alertservice.h"

#include <QSignalSpy>

#include <memory>

namespace mm::test {
namespace {

SampleBatchPtr batchOf(std::initializer_list<Sample> samples)
{
    return std::make_shared<const SampleBatch>(samples);
}

// Collects what the service announced.
struct ServiceProbe
{
    explicit ServiceProbe(AlertService &service)
    {
        QObject::connect(&service, &AlertService::notificationRequested, &context,
                         [this](const Notification &n) { notifications.append(n); });
        QObject::connect(&service, &AlertService::incidentsChanged, &context,
                         [this](const IncidentChanges &changes) {
                             log.insert(log.end(), changes.begin(), changes.end());
                         });
    }
    int count(IncidentEvent event, AlertType type) const
    {
        return int(std::count_if(log.begin(), log.end(), [&](const IncidentChange &c) {
            return c.event == event && c.incident.type == type;
        }));
    }
    QObject context;
    QList<Notification> notifications;
    IncidentChanges log;
};

void tickFor(FakeClock &clock, AlertService &service, int seconds,
             const std::function<void()> &each = {})
{
    for (int i = 0; i < seconds; ++i) {
        if (each)
            each();
        clock.advance(1000);
        service.evaluateNow();
    }
}

TEST(AlertEngineExpected, NoGatewayDownWhileNoConnectionIsWanted)
{
    FakeClock clock;
    AlertEngine engine(clock);
    engine.setGatewayExpected(false);
    IncidentChanges all;
    for (int i = 0; i < 120; ++i) {
        clock.advance(1000);
        const IncidentChanges c = engine.evaluate();
        all.insert(all.end(), c.begin(), c.end());
    }
    EXPECT_TRUE(all.empty());
    EXPECT_FALSE(engine.isFrozen());

    // Wanted but not connected: that is an outage, and it fires after the hold.
    engine.setGatewayExpected(true);
    EXPECT_TRUE(engine.isFrozen());
    for (int i = 0; i < 11; ++i) {
        clock.advance(1000);
        const IncidentChanges c = engine.evaluate();
        all.insert(all.end(), c.begin(), c.end());
    }
    const auto fired = std::count_if(all.begin(), all.end(), [](const IncidentChange &c) {
        return c.event == IncidentEvent::Fired && c.incident.type == AlertType::GatewayDown;
    });
    EXPECT_EQ(fired, 1);

    // Closing on purpose ends it without a recovery.
    const IncidentChanges closed = engine.setGatewayExpected(false);
    ASSERT_EQ(closed.size(), 1u);
    EXPECT_EQ(closed[0].event, IncidentEvent::Ended);
    EXPECT_EQ(closed[0].incident.type, AlertType::GatewayDown);
    EXPECT_TRUE(engine.activeIncidents().empty());
}

TEST(AlertService, IntentionalDisconnectDoesNotFireGatewayDown)
{
    FakeClock clock;
    AlertService service(clock);
    service.setTimerEnabled(false);
    ServiceProbe probe(service);

    // Never connected: minutes pass, nothing fires.
    tickFor(clock, service, 60);
    EXPECT_EQ(probe.count(IncidentEvent::Opened, AlertType::GatewayDown), 0);

    service.setConnectionWanted(true);
    service.onConnectionStateChanged(ConnectionState::Connecting);
    service.onConnectionStateChanged(ConnectionState::Connected);
    tickFor(clock, service, 20, [&] {
        service.onSamplesArrived(batchOf({makeSample(QStringLiteral("m1"), QStringLiteral("u1"), 50.0)}));
    });
    // A normal connection may open a pending gateway-down while it connects
    // (cancelled on Connected); it never fires.
    EXPECT_EQ(probe.count(IncidentEvent::Fired, AlertType::GatewayDown), 0);
    probe.log.clear();
    // The admin disconnects: the worker reports Idle.
    service.onConnectionStateChanged(ConnectionState::Idle);
    service.setConnectionWanted(false);
    tickFor(clock, service, 120);
    EXPECT_EQ(probe.count(IncidentEvent::Opened, AlertType::GatewayDown), 0);
    EXPECT_EQ(probe.count(IncidentEvent::Fired, AlertType::GatewayDown), 0);
    EXPECT_TRUE(probe.notifications.isEmpty());
    EXPECT_EQ(service.firingCount(), 0);
}

TEST(AlertService, LostConnectionFiresGatewayDownAndNotifiesOnce)
{
    FakeClock clock;
    AlertService service(clock);
    service.setTimerEnabled(false);
    ServiceProbe probe(service);
    service.setConnectionWanted(true);
    service.onConnectionStateChanged(ConnectionState::Connected);
    tickFor(clock, service, 5, [&] {
        service.onSamplesArrived(batchOf({makeSample(QStringLiteral("m1"), QStringLiteral("u1"), 50.0)}));
    });
    service.onConnectionStateChanged(ConnectionState::WaitingRetry);
    tickFor(clock, service, 120);
    EXPECT_EQ(probe.count(IncidentEvent::Fired, AlertType::GatewayDown), 1);
    ASSERT_EQ(probe.notifications.size(), 1);
    EXPECT_EQ(probe.notifications[0].kind, Notification::Kind::Firing);
    EXPECT_EQ(probe.notifications[0].severity, Severity::Critical);
    EXPECT_EQ(service.firingCount(), 1);
    EXPECT_EQ(service.worstFiringSeverity(), Severity::Critical);
}

TEST(AlertService, OneNotificationPerIncidentAndAcknowledgedOnesDoNotRepeat)
{
    FakeClock clock;
    AlertService service(clock);
    service.setTimerEnabled(false);
    ServiceProbe probe(service);
    service.setConnectionWanted(true);
    service.onConnectionStateChanged(ConnectionState::Connected);

    const QString meeting = QStringLiteral("m1");
    const QString user = QStringLiteral("u1");
    const auto poor = [&] {
        service.onSamplesArrived(batchOf({makeSample(meeting, user, 900.0, 20.0, Quality::Poor),
                                          makeSample(meeting, QStringLiteral("u2"), 40.0)}));
    };
    tickFor(clock, service, 30, poor);
    ASSERT_EQ(probe.notifications.size(), 1);
    const Notification first = probe.notifications[0];
    EXPECT_EQ(first.kind, Notification::Kind::Firing);
    EXPECT_EQ(first.meetingId, meeting);
    EXPECT_EQ(first.userId, user);
    EXPECT_FALSE(first.incidentIds.isEmpty());
    EXPECT_EQ(service.firingSeverity(meeting, user), Severity::Critical);
    EXPECT_EQ(service.firingSeverity(meeting), Severity::Critical);
    EXPECT_FALSE(service.firingSeverity(meeting, QStringLiteral("u2")).has_value());

    // Still poor for 40 minutes: an unacknowledged one would remind at 30.
    // Acknowledged, nothing more is said.
    EXPECT_EQ(service.acknowledge(first.incidentIds, QStringLiteral("admin")),
              first.incidentIds.size());
    tickFor(clock, service, 40 * 60, poor);
    EXPECT_EQ(probe.notifications.size(), 1);
}

TEST(AlertService, UnacknowledgedCriticalRepeatsAfterThirtyMinutes)
{
    FakeClock clock;
    AlertService service(clock);
    service.setTimerEnabled(false);
    ServiceProbe probe(service);
    service.setConnectionWanted(true);
    service.onConnectionStateChanged(ConnectionState::Connected);
    const auto poor = [&] {
        service.onSamplesArrived(batchOf({makeSample(QStringLiteral("m1"), QStringLiteral("u1"),
                                                     900.0, 20.0, Quality::Poor)}));
    };
    tickFor(clock, service, 31 * 60, poor);
    ASSERT_EQ(probe.notifications.size(), 2);
    EXPECT_EQ(probe.notifications[1].kind, Notification::Kind::Repeat);
}

TEST(AlertService, MuteSilencesNotificationsAndReportsItsState)
{
    FakeClock clock;
    AlertService service(clock);
    service.setTimerEnabled(false);
    ServiceProbe probe(service);
    QSignalSpy muted(&service, &AlertService::mutedChanged);
    service.setConnectionWanted(true);
    service.onConnectionStateChanged(ConnectionState::Connected);
    service.muteUntil(clock.nowMs() + 3600 * 1000);
    EXPECT_TRUE(service.isMuted());
    ASSERT_EQ(muted.count(), 1);
    EXPECT_TRUE(muted.at(0).at(0).toBool());
    tickFor(clock, service, 60, [&] {
        service.onSamplesArrived(batchOf({makeSample(QStringLiteral("m1"), QStringLiteral("u1"),
                                                     900.0, 20.0, Quality::Poor)}));
    });
    EXPECT_TRUE(probe.notifications.isEmpty());
    // Latency, loss and poor connection: listed, only not popped up.
    EXPECT_EQ(service.firingCount(), 3);
    clock.advance(3600 * 1000);
    service.evaluateNow();
    EXPECT_FALSE(service.isMuted());
    ASSERT_EQ(muted.count(), 2);
    EXPECT_FALSE(muted.at(1).at(0).toBool());
}

TEST(AlertService, TimerEvaluatesOnItsOwn)
{
    FakeClock clock;
    AlertService service(clock);
    QSignalSpy changed(&service, &AlertService::incidentsChanged);
    service.onConnectionStateChanged(ConnectionState::Connecting);
    // The hold time passes on the fake clock; the real timer must notice.
    clock.advance(60'000);
    EXPECT_TRUE(changed.wait(5000));
    EXPECT_EQ(service.firingCount(), 1);
}

// Issue 4's reviewed decision: "recovered" is sent once the incident can no
// longer reopen (the rules' reopen window, whatever it is edited to), so no
// notice is ever contradicted: a reopen inside the window continues the
// incident with no second "firing", and the notice counts the duration to
// the resolve time, not to when it was sent.
TEST(AlertService, RecoveryWaitsForTheReopenWindowAndIsNeverContradicted)
{
    FakeClock clock;
    AlertService service(clock);
    service.setTimerEnabled(false);
    AlertRules rules;
    rules.reopenWindowMs = 5 * 60'000; // edited: 5 min
    service.setRules(rules);
    EXPECT_EQ(service.policy().settings().recoveryDelayMs, 5 * 60'000);
    ServiceProbe probe(service);
    service.setConnectionWanted(true);
    service.onConnectionStateChanged(ConnectionState::Connected);

    const QString meeting = QStringLiteral("m1");
    const auto send = [&](Quality quality) {
        return [&service, &meeting, quality] {
            service.onSamplesArrived(batchOf({makeSample(meeting, QStringLiteral("u1"), 40.0, 0.0,
                                                         quality),
                                              makeSample(meeting, QStringLiteral("u2"), 40.0)}));
        };
    };
    tickFor(clock, service, 60, send(Quality::Poor)); // fires at 10 s
    tickFor(clock, service, 60, send(Quality::Good)); // resolves 30 s later
    ASSERT_EQ(probe.count(IncidentEvent::Resolved, AlertType::PoorConnection), 1);
    tickFor(clock, service, 200, send(Quality::Good)); // 3 min 50 s: inside the window
    tickFor(clock, service, 60, send(Quality::Poor)); // reopens
    ASSERT_EQ(probe.count(IncidentEvent::Reopened, AlertType::PoorConnection), 1);
    ASSERT_EQ(probe.notifications.size(), 1); // the first firing only
    tickFor(clock, service, 60, send(Quality::Good)); // resolves again
    tickFor(clock, service, 4 * 60, send(Quality::Good));
    EXPECT_EQ(probe.notifications.size(), 1); // 4 min: the window is not over
    tickFor(clock, service, 2 * 60, send(Quality::Good));
    ASSERT_EQ(probe.notifications.size(), 2);
    const Notification recovered = probe.notifications[1];
    EXPECT_EQ(recovered.kind, Notification::Kind::Recovered);
    ASSERT_EQ(recovered.incidentIds.size(), 1);
    const Incident *incident = service.engine().incident(recovered.incidentIds.front());
    ASSERT_NE(incident, nullptr);
    EXPECT_EQ(incident->reopenCount, 1);
    // Counted to the resolve time (about 6 min after firing), not to now.
    EXPECT_EQ(recovered.body, QStringLiteral("Recovered after %1.")
                                  .arg(formatAlertDuration(incident->resolvedMs - incident->firedMs)));
    EXPECT_LT(incident->resolvedMs - incident->firedMs, clock.nowMs() - incident->firedMs - 4 * 60'000);
}

} // namespace
} // namespace mm::test
