// End to end against the real gateway: a Node socket.io 4 server (the plan's
// Phase 3 MeetingMetricsGateway) backed by a real redis-server, with
// SocketIoClient participants on one side and the dashboard's IngestWorker
// on the other.

#include "gatewayfixture.h"

#include <QSignalSpy>
#include <algorithm>

using namespace mm;
using namespace mm::test;
using nlohmann::json;

namespace {

json userMetrics(double latencyMs, double lossPct, const char *quality)
{
    return {{"userId", "ann-1"},       {"username", "Ann <b>Nguyễn</b>"},
            {"meetingId", "m-100"},    {"totalUpload", 1200},
            {"totalDownload", 3400.5}, {"avgLatency", latencyMs},
            {"minLatency", 20},        {"maxLatency", latencyMs + 50},
            {"packetLossRate", lossPct}, {"jitter", 12},
            {"connectionQuality", quality}, {"timestamp", "2026-11-24T09:00:00.000Z"}};
}

bool hasAlert(const std::vector<GatewayAlert> &alerts, const char *type, const char *severity)
{
    return std::any_of(alerts.begin(), alerts.end(), [&](const GatewayAlert &alert) {
        return alert.type == QLatin1String(type) && alert.severity == QLatin1String(severity)
               && alert.meetingId == QLatin1String("m-100")
               && alert.userId == QLatin1String("ann-1");
    });
}

} // namespace

TEST_F(GatewayFixture, AdminReceivesParticipantMetricsThroughRedisBackedGateway)
{
    ASSERT_NO_FATAL_FAILURE(startGateway());
    std::unique_ptr<AdminProbe> admin;
    ASSERT_NO_FATAL_FAILURE(startSubscribedAdmin(admin));

    auto participant = makeParticipant(*gateway, QStringLiteral("ann-1"),
                                       QStringLiteral("Ann <b>Nguyễn</b>"));
    ASSERT_NO_FATAL_FAILURE(connectParticipant(*participant));

    const json metrics = userMetrics(350, 6.5, "poor");
    sendMetrics(*participant, QStringLiteral("m-100"), metrics);

    ASSERT_TRUE(waitFor([&] { return admin->findSample(QStringLiteral("m-100")) != nullptr; }))
        << "no sample reached the admin";
    const Sample sample = *admin->findSample(QStringLiteral("m-100"));
    // The gateway takes userId from the participant's handshake, not the body.
    EXPECT_EQ(sample.userId, QStringLiteral("ann-1"));
    EXPECT_EQ(sample.username, QStringLiteral("Ann <b>Nguyễn</b>"));
    ASSERT_TRUE(sample.uploadKbps.has_value());
    EXPECT_DOUBLE_EQ(*sample.uploadKbps, 1200);
    ASSERT_TRUE(sample.downloadKbps.has_value());
    EXPECT_DOUBLE_EQ(*sample.downloadKbps, 3400.5);
    ASSERT_TRUE(sample.latencyMs.has_value());
    EXPECT_DOUBLE_EQ(*sample.latencyMs, 350);
    ASSERT_TRUE(sample.packetLossPct.has_value());
    EXPECT_DOUBLE_EQ(*sample.packetLossPct, 6.5);
    ASSERT_TRUE(sample.jitterMs.has_value());
    EXPECT_DOUBLE_EQ(*sample.jitterMs, 12);
    EXPECT_EQ(sample.quality, Quality::Poor);
    EXPECT_FALSE(sample.qualityDerived);
    EXPECT_GT(sample.receivedMs, 0);

    // The gateway's own rules fired for this sample (350 ms, 6.5 %, poor).
    ASSERT_TRUE(waitFor([&] { return admin->alerts.size() >= 3; })) << "no gateway alerts";
    EXPECT_TRUE(hasAlert(admin->alerts, "high-latency", "warning"));
    EXPECT_TRUE(hasAlert(admin->alerts, "packet-loss", "warning"));
    EXPECT_TRUE(hasAlert(admin->alerts, "poor-connection", "critical"));

    // What the gateway stored in Redis: the metrics as sent, with a 5 min TTL.
    const auto stored = gateway->redisGet(QStringLiteral("meeting:m-100:user:ann-1:metrics"));
    ASSERT_TRUE(stored.has_value());
    ASSERT_TRUE((*stored)["value"].is_string()) << stored->dump();
    EXPECT_EQ(json::parse((*stored)["value"].get<std::string>()), metrics);
    ASSERT_TRUE((*stored)["ttl"].is_number_integer());
    EXPECT_GT((*stored)["ttl"].get<int>(), 0);
    EXPECT_LE((*stored)["ttl"].get<int>(), 300);

    const IngestStats stats = admin->stats();
    EXPECT_GE(stats.samplesAccepted, 1u);
    EXPECT_GE(stats.alertsAccepted, 3u);
    EXPECT_EQ(stats.rejects.total(), 0u);
    EXPECT_GT(stats.lastMessageMs, 0);
}

TEST_F(GatewayFixture, MeetingRoomShapeKeepsUnsentFieldsUnknown)
{
    ASSERT_NO_FATAL_FAILURE(startGateway());
    std::unique_ptr<AdminProbe> admin;
    ASSERT_NO_FATAL_FAILURE(startSubscribedAdmin(admin));
    auto participant = makeParticipant(*gateway, QStringLiteral("bob-2"), QStringLiteral("Bob"));
    ASSERT_NO_FATAL_FAILURE(connectParticipant(*participant));

    // The MeetingRoom component's emission shape, numbers partly as strings,
    // and a participant sending nonsense in two fields.
    sendMetrics(*participant, QStringLiteral("m-200"),
                {{"uploadBitrate", "640"}, {"downloadBitrate", 900}, {"latency", 150},
                 {"quality", "good"}, {"jitter", -3}, {"timestamp", 1764000000000}});
    ASSERT_TRUE(waitFor([&] { return admin->findSample(QStringLiteral("m-200")) != nullptr; }));
    const Sample sample = *admin->findSample(QStringLiteral("m-200"));
    EXPECT_EQ(sample.userId, QStringLiteral("bob-2"));
    ASSERT_TRUE(sample.uploadKbps.has_value());
    EXPECT_DOUBLE_EQ(*sample.uploadKbps, 640);
    ASSERT_TRUE(sample.downloadKbps.has_value());
    EXPECT_DOUBLE_EQ(*sample.downloadKbps, 900);
    ASSERT_TRUE(sample.latencyMs.has_value());
    EXPECT_DOUBLE_EQ(*sample.latencyMs, 150);
    EXPECT_EQ(sample.quality, Quality::Good);
    // Not sent: unknown, never zero. Invalid (negative jitter): unknown too.
    EXPECT_FALSE(sample.packetLossPct.has_value());
    EXPECT_FALSE(sample.jitterMs.has_value());
    EXPECT_GE(admin->stats().rejects.invalidFields, 1u);
    // 150 ms, good: no gateway rule fires.
    EXPECT_TRUE(admin->alerts.empty());
}

TEST_F(GatewayFixture, RefusedTokenIsReportedVerbatimAndNotRetried)
{
    ASSERT_NO_FATAL_FAILURE(startGateway());
    AdminProbe admin(*gateway, QStringLiteral("not-the-admin-token"));
    admin.start();

    ASSERT_TRUE(waitFor([&] { return !admin.connectErrors.empty(); }, ConnectTimeoutMs))
        << "no CONNECT_ERROR reported";
    EXPECT_EQ(admin.connectErrors.front(), QStringLiteral("unauthorized"));
    ASSERT_TRUE(waitFor([&] { return admin.state() == ConnectionState::Rejected; }));
    EXPECT_EQ(admin.stats().lastError, QStringLiteral("unauthorized"));

    // No retry loop: over a few seconds (longer than the first backoff
    // delays, 0.5-1.5 s and 1-3 s) the gateway sees no further attempt.
    QTest::qWait(4000);
    EXPECT_EQ(admin.state(), ConnectionState::Rejected);
    EXPECT_EQ(admin.connectErrors.size(), 1u);
    const auto stats = gateway->stats();
    ASSERT_TRUE(stats.has_value());
    EXPECT_EQ((*stats)["authAttempts"], 1) << stats->dump();
    EXPECT_EQ((*stats)["authRejected"], 1) << stats->dump();
    EXPECT_EQ(gateway->connectedAdmins(), 0);
    EXPECT_EQ(admin.stats().protocol.reconnects, 0u);
    EXPECT_TRUE(admin.samples.empty());
}

TEST_F(GatewayFixture, ParticipantWithoutIdentityIsRefused)
{
    ASSERT_NO_FATAL_FAILURE(startGateway());
    SocketIoConfig config;
    config.gatewayUrl = gateway->url();
    config.token = gateway->options().participantToken; // right token, no userId
    SocketIoClient client(std::move(config));
    QSignalSpy errors(&client, &SocketIoClient::connectError);
    QSignalSpy retries(&client, &SocketIoClient::reconnectScheduled);
    client.open();
    ASSERT_TRUE(waitFor([&] { return errors.count() == 1; }, ConnectTimeoutMs));
    EXPECT_EQ(errors.at(0).at(0).toString(), QStringLiteral("unauthorized"));
    EXPECT_EQ(client.state(), ConnectionState::Rejected);
    QTest::qWait(2500);
    EXPECT_EQ(errors.count(), 1);
    EXPECT_EQ(retries.count(), 0);
    EXPECT_EQ(client.state(), ConnectionState::Rejected);
}

TEST_F(GatewayFixture, GatewayRestartReconnectsAndResubscribes)
{
    ASSERT_NO_FATAL_FAILURE(startGateway());
    std::unique_ptr<AdminProbe> admin;
    ASSERT_NO_FATAL_FAILURE(startSubscribedAdmin(admin));
    auto participant = makeParticipant(*gateway, QStringLiteral("cat-3"), QStringLiteral("Cat"));
    ASSERT_NO_FATAL_FAILURE(connectParticipant(*participant));

    sendMetrics(*participant, QStringLiteral("m-before"), userMetrics(80, 0.2, "excellent"));
    ASSERT_TRUE(waitFor([&] { return admin->findSample(QStringLiteral("m-before")) != nullptr; }));
    const quint16 port = gateway->port();

    QSignalSpy participantLost(participant.get(), &SocketIoClient::disconnected);
    const size_t statesBefore = admin->states.size();
    gateway->stop();
    // The state alternates between WaitingRetry and Connecting while the
    // port is closed: look at the history, not at one moment.
    ASSERT_TRUE(waitFor([&] {
        return std::find(admin->states.begin() + qsizetype(statesBefore), admin->states.end(),
                         ConnectionState::WaitingRetry)
               != admin->states.end();
    })) << "the admin did not notice the gateway going away";
    ASSERT_TRUE(waitFor([&] { return participantLost.count() >= 1; }));
    QTest::qWait(1500); // downtime, while the clients back off and retry

    QString error;
    ASSERT_TRUE(gateway->restart(&error)) << str(error);
    ASSERT_EQ(gateway->port(), port);

    // Both reconnect by themselves; the admin joins its room again.
    ASSERT_TRUE(waitFor([&] { return admin->state() == ConnectionState::Connected; },
                        ConnectTimeoutMs));
    ASSERT_TRUE(waitFor([&] { return gateway->subscribedAdmins() == 1; }, ConnectTimeoutMs))
        << "the admin did not send admin:subscribe after reconnecting";
    ASSERT_TRUE(waitFor([&] { return participant->state() == ConnectionState::Connected; },
                        ConnectTimeoutMs));
    EXPECT_GE(admin->stats().protocol.reconnects, 1u);
    EXPECT_GE(participant->counters().reconnects, 1u);

    sendMetrics(*participant, QStringLiteral("m-after"), userMetrics(123, 0.5, "good"));
    ASSERT_TRUE(waitFor([&] { return admin->findSample(QStringLiteral("m-after")) != nullptr; }))
        << "metrics did not flow again after the restart";
    const Sample *after = admin->findSample(QStringLiteral("m-after"));
    ASSERT_TRUE(after->latencyMs.has_value());
    EXPECT_DOUBLE_EQ(*after->latencyMs, 123);
    EXPECT_EQ(after->userId, QStringLiteral("cat-3"));
}

TEST_F(GatewayFixture, GatewayThatStopsAnsweringIsDetectedByTheHeartbeat)
{
    GatewayOptions options;
    options.pingIntervalMs = 500;
    options.pingTimeoutMs = 500;
    ASSERT_NO_FATAL_FAILURE(startGateway(options));
    std::unique_ptr<AdminProbe> admin;
    // A short open watchdog, so that attempts against the frozen server
    // give up and retry rather than wait 20 s each.
    ASSERT_NO_FATAL_FAILURE(startSubscribedAdmin(admin, 3000));
    ASSERT_TRUE(waitFor([&] { return admin->stats().protocol.pingsAnswered >= 2; }))
        << "no Engine.IO pings answered";
    ASSERT_EQ(admin->state(), ConnectionState::Connected);

    // SIGSTOP: the TCP connection stays open, nothing is answered any more.
    // Only the client's pingInterval + pingTimeout deadline can notice.
    const size_t statesBefore = admin->states.size();
    gateway->pause();
    const bool detected = waitFor(
        [&] {
            return std::find(admin->states.begin() + qsizetype(statesBefore),
                             admin->states.end(), ConnectionState::WaitingRetry)
                   != admin->states.end();
        },
        10000);
    gateway->resume();
    ASSERT_TRUE(detected) << "a silent gateway was not detected within 10 s";

    // Once the gateway answers again, the admin is back in the room.
    ASSERT_TRUE(waitFor([&] { return admin->state() == ConnectionState::Connected; }, 45000));
    ASSERT_TRUE(waitFor([&] { return gateway->subscribedAdmins() == 1; }, ConnectTimeoutMs));
    EXPECT_GE(admin->stats().protocol.reconnects, 1u);
}
