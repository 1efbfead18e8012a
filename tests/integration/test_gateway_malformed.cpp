// Hostile and broken input from a real socket.io gateway: raw WebSocket
// messages written straight onto the admin's connection (bypassing
// socket.io's encoder) and well-framed events with bad payloads. Each is
// counted by reason and dropped; the same connection then still delivers a
// valid event, without a reconnect.

#include "gatewayfixture.h"

#include <QSignalSpy>

using namespace mm;
using namespace mm::test;
using nlohmann::json;

namespace {

quint64 rejects(const IngestStats &stats, RejectReason reason)
{
    return stats.rejects.byReason[size_t(reason)];
}

QByteArray validUpdateFrame(const char *nsp, const char *meetingId)
{
    const json payload = {{"meetingId", meetingId},
                          {"userId", "u-raw"},
                          {"metrics", {{"avgLatency", 90}, {"packetLossRate", 0.1}}}};
    const std::string text = "42" + std::string(nsp) + ","
                             + json::array({"meeting:metrics:update", payload}).dump();
    return QByteArray::fromStdString(text);
}

} // namespace

TEST_F(GatewayFixture, MalformedFramesAreCountedAndTheConnectionIsKept)
{
    GatewayOptions options;
    options.maxPayload = 10000; // announced to the client as maxPayload
    ASSERT_NO_FATAL_FAILURE(startGateway(options));
    std::unique_ptr<AdminProbe> admin;
    ASSERT_NO_FATAL_FAILURE(startSubscribedAdmin(admin));

    const auto adminsBefore = gateway->admins();
    ASSERT_TRUE(adminsBefore.has_value());
    const json socketIdsBefore = (*adminsBefore)["ids"];
    ASSERT_EQ(socketIdsBefore.size(), 1u);
    const size_t statesBefore = admin->states.size();
    const ProtocolCounters base = admin->stats().protocol;

    auto waitProtocol = [&](auto field, quint64 expected) {
        return waitFor([&] { return admin->stats().protocol.*field >= expected; });
    };

    // A binary WebSocket message outside any binary packet.
    ASSERT_EQ(gateway->sendRaw(QByteArray("\x01\x02\xff\x00", 4), true), 1);
    EXPECT_TRUE(waitProtocol(&ProtocolCounters::droppedBinary, base.droppedBinary + 1));

    // An Engine.IO packet type that does not exist.
    ASSERT_EQ(gateway->sendRaw("7"), 1);
    EXPECT_TRUE(waitProtocol(&ProtocolCounters::droppedUnknownType, base.droppedUnknownType + 1));

    // An Engine.IO message whose Socket.IO type does not exist. Whether the
    // parser files it as an unknown type or as malformed, it is one drop.
    auto unknownOrMalformed = [&] {
        const ProtocolCounters c = admin->stats().protocol;
        return c.droppedUnknownType + c.droppedMalformed;
    };
    const quint64 dropsBefore4abc = unknownOrMalformed();
    ASSERT_EQ(gateway->sendRaw("4abc"), 1);
    EXPECT_TRUE(waitFor([&] { return unknownOrMalformed() >= dropsBefore4abc + 1; }));

    // A well-formed event for a namespace we did not join.
    ASSERT_EQ(gateway->sendRaw(validUpdateFrame("/other", "m-other-nsp")), 1);
    EXPECT_TRUE(
        waitProtocol(&ProtocolCounters::droppedOtherNamespace, base.droppedOtherNamespace + 1));

    // Broken JSON on our namespace.
    const quint64 malformedBefore = admin->stats().protocol.droppedMalformed;
    ASSERT_EQ(gateway->sendRaw("42/meeting-metrics,[\"meeting:metrics:update\",{\"meetingId\":"), 1);
    EXPECT_TRUE(waitProtocol(&ProtocolCounters::droppedMalformed, malformedBefore + 1));

    // A valid event, but larger than the 10000 bytes the server announced.
    json big = {{"meetingId", "m-oversize"},
                {"userId", "u-big"},
                {"metrics", {{"avgLatency", 10}, {"padding", std::string(12000, 'x')}}}};
    const QByteArray oversize = QByteArray::fromStdString(
        "42/meeting-metrics," + json::array({"meeting:metrics:update", big}).dump());
    ASSERT_GT(oversize.size(), 10000);
    ASSERT_EQ(gateway->sendRaw(oversize), 1);
    EXPECT_TRUE(waitProtocol(&ProtocolCounters::droppedOversize, base.droppedOversize + 1));

    // Well-framed events the decoder must refuse, counted by reason.
    const IngestStats before = admin->stats();
    ASSERT_EQ(gateway->emitToAdmins(QStringLiteral("meeting:unheard-of"), json::array({json::object()})), 1);
    ASSERT_EQ(gateway->emitToAdmins(QStringLiteral("meeting:metrics:update"),
                                    json::array({{{"meetingId", ""}, {"userId", "u"},
                                                  {"metrics", {{"avgLatency", 5}}}}})),
              1);
    ASSERT_EQ(gateway->emitToAdmins(QStringLiteral("meeting:metrics:update"),
                                    json::array({{{"meetingId", "m-long-user"},
                                                  {"userId", std::string(129, 'u')},
                                                  {"metrics", {{"avgLatency", 5}}}}})),
              1);
    ASSERT_EQ(gateway->emitToAdmins(QStringLiteral("meeting:metrics:update"),
                                    json::array({{{"meetingId", "m-not-object"},
                                                  {"userId", "u"},
                                                  {"metrics", "fast"}}})),
              1);
    ASSERT_EQ(gateway->emitToAdmins(QStringLiteral("meeting:metrics:update"), json::array()), 1);
    EXPECT_TRUE(waitFor([&] {
        return admin->stats().rejects.total() >= before.rejects.total() + 5;
    })) << "rejections counted: " << admin->stats().rejects.total();
    const IngestStats after = admin->stats();
    EXPECT_EQ(rejects(after, RejectReason::UnknownEvent),
              rejects(before, RejectReason::UnknownEvent) + 1);
    EXPECT_EQ(rejects(after, RejectReason::BadMeetingId),
              rejects(before, RejectReason::BadMeetingId) + 1);
    EXPECT_EQ(rejects(after, RejectReason::BadUserId), rejects(before, RejectReason::BadUserId) + 1);
    EXPECT_EQ(rejects(after, RejectReason::NotAnObject),
              rejects(before, RejectReason::NotAnObject) + 1);
    EXPECT_EQ(rejects(after, RejectReason::MalformedEvent),
              rejects(before, RejectReason::MalformedEvent) + 1);

    // And after all that, a valid event on the same connection arrives.
    ASSERT_EQ(gateway->emitToAdmins(QStringLiteral("meeting:metrics:update"),
                                    json::array({{{"meetingId", "m-still-alive"},
                                                  {"userId", "u-ok"},
                                                  {"metrics",
                                                   {{"avgLatency", 42},
                                                    {"packetLossRate", 0.5},
                                                    {"connectionQuality", "excellent"}}}}})),
              1);
    ASSERT_TRUE(waitFor([&] { return admin->findSample(QStringLiteral("m-still-alive")) != nullptr; }))
        << "a valid event did not arrive after the malformed ones";
    const Sample *alive = admin->findSample(QStringLiteral("m-still-alive"));
    ASSERT_TRUE(alive->latencyMs.has_value());
    EXPECT_DOUBLE_EQ(*alive->latencyMs, 42);
    EXPECT_EQ(alive->quality, Quality::Excellent);

    // Nothing that was dropped leaked through as a sample.
    EXPECT_EQ(admin->findSample(QStringLiteral("m-other-nsp")), nullptr);
    EXPECT_EQ(admin->findSample(QStringLiteral("m-oversize")), nullptr);
    EXPECT_EQ(admin->findSample(QStringLiteral("m-long-user")), nullptr);
    EXPECT_EQ(admin->findSample(QStringLiteral("m-not-object")), nullptr);

    // The very same connection throughout: no state change, no reconnect,
    // the same socket id on the gateway, one admin connection ever.
    EXPECT_EQ(admin->state(), ConnectionState::Connected);
    EXPECT_EQ(admin->states.size(), statesBefore);
    EXPECT_EQ(admin->stats().protocol.reconnects, base.reconnects);
    const auto adminsAfter = gateway->admins();
    ASSERT_TRUE(adminsAfter.has_value());
    EXPECT_EQ((*adminsAfter)["ids"], socketIdsBefore);
    const auto stats = gateway->stats();
    ASSERT_TRUE(stats.has_value());
    EXPECT_EQ((*stats)["adminConnections"], 1) << stats->dump();
}

TEST_F(GatewayFixture, ServerAckRequestsAndNoopsDoNotDisturbTheConnection)
{
    ASSERT_NO_FATAL_FAILURE(startGateway());
    std::unique_ptr<AdminProbe> admin;
    ASSERT_NO_FATAL_FAILURE(startSubscribedAdmin(admin));
    const size_t statesBefore = admin->states.size();

    // A noop, an event asking for an ack (the client answers it; the gateway
    // ignores the answer) and an event with a recovery-style trailing offset.
    ASSERT_EQ(gateway->sendRaw("6"), 1);
    ASSERT_EQ(gateway->sendRaw(
                  "42/meeting-metrics,7[\"meeting:metrics:update\",{\"meetingId\":\"m-ack\","
                  "\"userId\":\"u-ack\",\"metrics\":{\"avgLatency\":70}}]"),
              1);
    ASSERT_EQ(gateway->sendRaw(
                  "42/meeting-metrics,[\"meeting:metrics:update\",{\"meetingId\":\"m-offset\","
                  "\"userId\":\"u-off\",\"metrics\":{\"avgLatency\":71}},\"MzUPkW0\"]"),
              1);
    ASSERT_TRUE(waitFor([&] {
        return admin->findSample(QStringLiteral("m-ack")) != nullptr
               && admin->findSample(QStringLiteral("m-offset")) != nullptr;
    }));
    // The ack reply must not have made the server close us.
    QTest::qWait(500);
    EXPECT_EQ(admin->state(), ConnectionState::Connected);
    EXPECT_EQ(admin->states.size(), statesBefore);
    EXPECT_EQ(gateway->connectedAdmins(), 1);
}
