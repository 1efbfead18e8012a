// Engine.IO v4 / Socket.IO v5 packet parsing and encoding against the
// vectors of socketio-protocol-notes.md §7, plus garbage that must never
// crash, throw or hang the parser.
#include "net/engineiopacket.h"
#include "net/socketiopacket.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

using namespace mm;
using json = nlohmann::json;

namespace {

SocketIoPacket parseOk(std::string_view text)
{
    PacketError error = PacketError::None;
    auto packet = parseSocketIoPacket(text, &error);
    EXPECT_TRUE(packet.has_value()) << "failed to parse " << text << ": "
                                    << packetErrorName(error).toStdString();
    EXPECT_EQ(error, PacketError::None);
    return packet ? *packet : SocketIoPacket{};
}

PacketError parseError(std::string_view text)
{
    PacketError error = PacketError::None;
    const auto packet = parseSocketIoPacket(text, &error);
    EXPECT_FALSE(packet.has_value()) << "unexpectedly parsed " << text;
    return error;
}

// EIO frame -> SIO packet, as the client does it.
SocketIoPacket parseFrame(std::string_view frame)
{
    const auto eio = parseEngineIoPacket(frame);
    EXPECT_TRUE(eio.has_value());
    if (!eio)
        return {};
    EXPECT_EQ(eio->type, EngineIoPacketType::Message);
    return parseOk(eio->data);
}

} // namespace

// --- Engine.IO ------------------------------------------------------------

TEST(EngineIoPacket, OpenPacketWithAllFields)
{
    const std::string frame = R"(0{"sid":"lv_VI97HAXpY6yYWAAAC","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000})";
    const auto packet = parseEngineIoPacket(frame);
    ASSERT_TRUE(packet);
    EXPECT_EQ(packet->type, EngineIoPacketType::Open);
    const auto open = parseEngineIoOpen(packet->data);
    ASSERT_TRUE(open);
    EXPECT_EQ(open->sid, "lv_VI97HAXpY6yYWAAAC");
    EXPECT_EQ(open->pingIntervalMs, 25000);
    EXPECT_EQ(open->pingTimeoutMs, 20000);
    EXPECT_EQ(open->maxPayload, 1000000);
}

TEST(EngineIoPacket, OpenPacketVariants)
{
    // Older server without maxPayload: assume 1e6.
    auto open = parseEngineIoOpen(R"({"sid":"a","upgrades":[],"pingInterval":300,"pingTimeout":400})");
    ASSERT_TRUE(open);
    EXPECT_EQ(open->pingIntervalMs, 300);
    EXPECT_EQ(open->pingTimeoutMs, 400);
    EXPECT_EQ(open->maxPayload, EngineIoOpen::DefaultMaxPayload);

    // socket.io 3.x: pingTimeout 5000.
    open = parseEngineIoOpen(R"({"sid":"a","upgrades":["websocket"],"pingInterval":25000,"pingTimeout":5000})");
    ASSERT_TRUE(open);
    EXPECT_EQ(open->pingTimeoutMs, 5000);

    // Everything missing or unusable: lenient defaults.
    open = parseEngineIoOpen(R"({"pingInterval":"soon","pingTimeout":-5,"maxPayload":0})");
    ASSERT_TRUE(open);
    EXPECT_TRUE(open->sid.empty());
    EXPECT_EQ(open->pingIntervalMs, 25000);
    EXPECT_EQ(open->pingTimeoutMs, 20000);
    EXPECT_EQ(open->maxPayload, 1000000);

    open = parseEngineIoOpen("{}");
    ASSERT_TRUE(open);
    EXPECT_EQ(open->pingIntervalMs, 25000);

    // Absurd values do not overflow the client's int timers.
    open = parseEngineIoOpen(R"({"pingInterval":1e300,"pingTimeout":99999999999999,"maxPayload":1e30})");
    ASSERT_TRUE(open);
    EXPECT_EQ(open->pingIntervalMs, 25000);
    EXPECT_EQ(open->pingTimeoutMs, 20000);
    EXPECT_EQ(open->maxPayload, 1000000);

    // A fractional interval is taken in whole milliseconds.
    open = parseEngineIoOpen(R"({"pingInterval":250.7})");
    ASSERT_TRUE(open);
    EXPECT_EQ(open->pingIntervalMs, 250);
}

TEST(EngineIoPacket, OpenPacketThatIsNotAnObjectFails)
{
    PacketError error = PacketError::None;
    EXPECT_FALSE(parseEngineIoOpen("", &error));
    EXPECT_EQ(error, PacketError::MalformedJson);
    EXPECT_FALSE(parseEngineIoOpen("{\"sid\":", &error));
    EXPECT_EQ(error, PacketError::MalformedJson);
    EXPECT_FALSE(parseEngineIoOpen("[1,2]", &error));
    EXPECT_EQ(error, PacketError::InvalidPayload);
    EXPECT_FALSE(parseEngineIoOpen("null", &error));
    EXPECT_EQ(error, PacketError::InvalidPayload);
    EXPECT_FALSE(parseEngineIoOpen(std::string(100000, '['), &error));
    EXPECT_EQ(error, PacketError::NestingTooDeep);
}

TEST(EngineIoPacket, HeartbeatAndOtherTypes)
{
    auto packet = parseEngineIoPacket("2");
    ASSERT_TRUE(packet);
    EXPECT_EQ(packet->type, EngineIoPacketType::Ping);
    EXPECT_TRUE(packet->data.empty());
    EXPECT_EQ(encodeEngineIoPacket(EngineIoPacketType::Pong), "3");

    packet = parseEngineIoPacket("1");
    ASSERT_TRUE(packet);
    EXPECT_EQ(packet->type, EngineIoPacketType::Close);
    packet = parseEngineIoPacket("6");
    ASSERT_TRUE(packet);
    EXPECT_EQ(packet->type, EngineIoPacketType::Noop);
    packet = parseEngineIoPacket("2probe");
    ASSERT_TRUE(packet);
    EXPECT_EQ(packet->type, EngineIoPacketType::Ping);
    EXPECT_EQ(packet->data, "probe");

    packet = parseEngineIoPacket(R"(42["a"])");
    ASSERT_TRUE(packet);
    EXPECT_EQ(packet->type, EngineIoPacketType::Message);
    EXPECT_EQ(packet->data, R"(2["a"])");
    EXPECT_EQ(encodeEngineIoPacket(EngineIoPacketType::Message, R"(2["a"])"), R"(42["a"])");
}

TEST(EngineIoPacket, GarbageIsRejected)
{
    PacketError error = PacketError::None;
    EXPECT_FALSE(parseEngineIoPacket("", &error));
    EXPECT_EQ(error, PacketError::Empty);
    for (const char *frame : {"7", "9", "x", "{}", " 2", "-1", "\x04"
                                                             "2"}) {
        EXPECT_FALSE(parseEngineIoPacket(frame, &error)) << frame;
        EXPECT_EQ(error, PacketError::UnknownType) << frame;
    }
}

// --- Socket.IO: protocol notes §7 vectors ----------------------------------

TEST(SocketIoPacket, ConnectWithAuth)
{
    const auto packet = parseFrame(R"(40/meeting-metrics,{"token":"eyJhbGciOiJIUzI1NiJ9.e30.sig"})");
    EXPECT_EQ(packet.type, SocketIoPacketType::Connect);
    EXPECT_EQ(packet.nsp, "/meeting-metrics");
    EXPECT_FALSE(packet.id);
    ASSERT_TRUE(packet.data);
    EXPECT_EQ((*packet.data)["token"], "eyJhbGciOiJIUzI1NiJ9.e30.sig");

    SocketIoPacket out;
    out.type = SocketIoPacketType::Connect;
    out.nsp = "/meeting-metrics";
    out.data = json{{"token", "eyJhbGciOiJIUzI1NiJ9.e30.sig"}};
    EXPECT_EQ(encodeEngineIoPacket(EngineIoPacketType::Message, encodeSocketIoPacket(out)),
              R"(40/meeting-metrics,{"token":"eyJhbGciOiJIUzI1NiJ9.e30.sig"})");
}

TEST(SocketIoPacket, ConnectAcks)
{
    auto packet = parseFrame(R"(40/meeting-metrics,{"sid":"wZX3oN0bSVIhsaknAAAI"})");
    EXPECT_EQ(packet.type, SocketIoPacketType::Connect);
    ASSERT_TRUE(packet.data);
    EXPECT_EQ((*packet.data)["sid"], "wZX3oN0bSVIhsaknAAAI");

    packet = parseFrame(R"(40/meeting-metrics,{"sid":"GNpWD7LbGCBNCr8GAAAB","pid":"YHcX2sdAF1z452-HAAAW"})");
    ASSERT_TRUE(packet.data);
    EXPECT_EQ((*packet.data)["pid"], "YHcX2sdAF1z452-HAAAW");

    packet = parseFrame(R"(40{"sid":"x"})");
    EXPECT_EQ(packet.nsp, "/");
    ASSERT_TRUE(packet.data);

    // No auth, JS encoder form, and the form without the comma.
    packet = parseFrame("40/meeting-metrics,");
    EXPECT_EQ(packet.nsp, "/meeting-metrics");
    EXPECT_FALSE(packet.data);
    packet = parseFrame("40/meeting-metrics");
    EXPECT_EQ(packet.nsp, "/meeting-metrics");
    EXPECT_FALSE(packet.data);
    packet = parseFrame("40");
    EXPECT_EQ(packet.nsp, "/");
}

TEST(SocketIoPacket, ConnectError)
{
    auto packet = parseFrame(R"(44/meeting-metrics,{"message":"unauthorized","data":{"code":"TOKEN_EXPIRED"}})");
    EXPECT_EQ(packet.type, SocketIoPacketType::ConnectError);
    ASSERT_TRUE(packet.data);
    EXPECT_EQ((*packet.data)["message"], "unauthorized");
    EXPECT_EQ((*packet.data)["data"]["code"], "TOKEN_EXPIRED");

    packet = parseFrame(R"(44/meeting-metrics,{"message":"Invalid namespace"})");
    ASSERT_TRUE(packet.data);
    EXPECT_EQ((*packet.data)["message"], "Invalid namespace");

    // Protocol v4 servers sent a bare string.
    packet = parseFrame(R"(44/meeting-metrics,"unauthorized")");
    ASSERT_TRUE(packet.data);
    EXPECT_EQ(*packet.data, "unauthorized");

    EXPECT_EQ(parseError(R"(4/meeting-metrics,[1])"), PacketError::InvalidPayload);
}

TEST(SocketIoPacket, EventsWithAndWithoutAckId)
{
    auto packet = parseFrame(R"(42/meeting-metrics,["metrics:subscribe",{"meetingId":"m-123"}])");
    EXPECT_EQ(packet.type, SocketIoPacketType::Event);
    EXPECT_FALSE(packet.id);
    ASSERT_TRUE(packet.data);
    EXPECT_EQ(packet.data->size(), 2u);
    EXPECT_EQ((*packet.data)[1]["meetingId"], "m-123");

    packet = parseFrame(R"(42/meeting-metrics,7["metrics:getSnapshot",{"meetingId":"m-123"}])");
    ASSERT_TRUE(packet.id);
    EXPECT_EQ(*packet.id, 7u);
    EXPECT_EQ((*packet.data)[0], "metrics:getSnapshot");

    packet = parseFrame(R"(43/meeting-metrics,7[{"meetingId":"m-123","participants":12,"avgBitrateKbps":830.5}])");
    EXPECT_EQ(packet.type, SocketIoPacketType::Ack);
    EXPECT_EQ(*packet.id, 7u);
    EXPECT_DOUBLE_EQ((*packet.data)[0]["avgBitrateKbps"].get<double>(), 830.5);

    packet = parseFrame(R"(42/meeting-metrics,4821["admin:confirm",{"action":"mute-all"}])");
    EXPECT_EQ(*packet.id, 4821u);

    // NestJS exception event.
    packet = parseFrame(R"(42/meeting-metrics,["exception",{"status":"error","message":"Forbidden","cause":{"pattern":"metrics:getSnapshot","data":{"meetingId":"m-123"}}}])");
    EXPECT_EQ((*packet.data)[0], "exception");

    // Our empty ack is the valid form.
    SocketIoPacket ack;
    ack.type = SocketIoPacketType::Ack;
    ack.nsp = "/meeting-metrics";
    ack.id = 4821;
    ack.data = json::array();
    EXPECT_EQ(encodeSocketIoPacket(ack), "3/meeting-metrics,4821[]");
}

TEST(SocketIoPacket, RecoveryTrailingOffsetIsJustAnotherArgument)
{
    const auto packet = parseFrame(R"(42/meeting-metrics,["metrics:update",{"meetingId":"m-123","cpu":0.42},"MzUPkW0"])");
    ASSERT_TRUE(packet.data);
    ASSERT_EQ(packet.data->size(), 3u);
    EXPECT_EQ((*packet.data)[2], "MzUPkW0");
    EXPECT_DOUBLE_EQ((*packet.data)[1]["cpu"].get<double>(), 0.42);
}

TEST(SocketIoPacket, BinaryHeadersCountAttachments)
{
    auto packet = parseFrame(R"(451-/meeting-metrics,["metrics:chartPng",{"_placeholder":true,"num":0}])");
    EXPECT_EQ(packet.type, SocketIoPacketType::BinaryEvent);
    EXPECT_TRUE(packet.isBinary());
    EXPECT_EQ(packet.attachments, 1);
    EXPECT_EQ(packet.nsp, "/meeting-metrics");
    EXPECT_FALSE(packet.id);

    packet = parseFrame(R"(452-/meeting-metrics,9["upload",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}])");
    EXPECT_EQ(packet.attachments, 2);
    EXPECT_EQ(*packet.id, 9u);

    packet = parseFrame(R"(461-/meeting-metrics,17[{"_placeholder":true,"num":0}])");
    EXPECT_EQ(packet.type, SocketIoPacketType::BinaryAck);
    EXPECT_EQ(packet.attachments, 1);
    EXPECT_EQ(*packet.id, 17u);

    EXPECT_EQ(parseError(R"(5/meeting-metrics,["a"])"), PacketError::IllegalAttachments);
    EXPECT_EQ(parseError(R"(5x-["a"])"), PacketError::IllegalAttachments);
    EXPECT_EQ(parseError(R"(511-["a"])"), PacketError::TooManyAttachments);
    EXPECT_EQ(parseError("599999999999999999999999999-[\"a\"]"), PacketError::TooManyAttachments);
    // The JS decoder reads an empty count as 0.
    EXPECT_EQ(parseOk(R"(5-["a"])").attachments, 0);
}

TEST(SocketIoPacket, Disconnect)
{
    auto packet = parseFrame("41/meeting-metrics,");
    EXPECT_EQ(packet.type, SocketIoPacketType::Disconnect);
    EXPECT_EQ(packet.nsp, "/meeting-metrics");
    EXPECT_FALSE(packet.data);
    packet = parseOk("1/custom");
    EXPECT_EQ(packet.nsp, "/custom");

    SocketIoPacket out;
    out.type = SocketIoPacketType::Disconnect;
    out.nsp = "/meeting-metrics";
    EXPECT_EQ(encodeSocketIoPacket(out), "1/meeting-metrics,");

    EXPECT_EQ(parseError("1/meeting-metrics,{}"), PacketError::InvalidPayload);
}

// --- §7.11 round-trip table -------------------------------------------------

struct RoundTripRow
{
    const char *encoded;
    SocketIoPacketType type;
    const char *nsp;
    std::optional<quint64> id;
    int attachments;
    const char *data; // nullptr: no payload
    bool encodesBack; // false: accepted on decode, encoded with the comma
};

class SocketIoRoundTrip : public ::testing::TestWithParam<RoundTripRow>
{
};

TEST_P(SocketIoRoundTrip, DecodesAndEncodes)
{
    const RoundTripRow &row = GetParam();
    const SocketIoPacket packet = parseOk(row.encoded);
    EXPECT_EQ(packet.type, row.type);
    EXPECT_EQ(packet.nsp, row.nsp);
    EXPECT_EQ(packet.id, row.id);
    EXPECT_EQ(packet.attachments, row.attachments);
    if (row.data) {
        ASSERT_TRUE(packet.data);
        EXPECT_EQ(*packet.data, json::parse(row.data));
    } else {
        EXPECT_FALSE(packet.data);
    }
    if (row.encodesBack)
        EXPECT_EQ(encodeSocketIoPacket(packet), row.encoded);
    else
        EXPECT_EQ(encodeSocketIoPacket(packet), std::string(row.encoded) + ",");
}

INSTANTIATE_TEST_SUITE_P(
    ProtocolNotesTable, SocketIoRoundTrip,
    ::testing::Values(
        RoundTripRow{"0", SocketIoPacketType::Connect, "/", {}, 0, nullptr, true},
        RoundTripRow{"0/meeting-metrics,", SocketIoPacketType::Connect, "/meeting-metrics", {}, 0, nullptr, true},
        RoundTripRow{"0/meeting-metrics", SocketIoPacketType::Connect, "/meeting-metrics", {}, 0, nullptr, false},
        RoundTripRow{R"(0/meeting-metrics,{"token":"t"})", SocketIoPacketType::Connect, "/meeting-metrics", {}, 0, R"({"token":"t"})", true},
        RoundTripRow{"1/meeting-metrics,", SocketIoPacketType::Disconnect, "/meeting-metrics", {}, 0, nullptr, true},
        RoundTripRow{R"(2["a"])", SocketIoPacketType::Event, "/", {}, 0, R"(["a"])", true},
        RoundTripRow{R"(212["a"])", SocketIoPacketType::Event, "/", 12, 0, R"(["a"])", true},
        RoundTripRow{R"(2/meeting-metrics,12["a",1])", SocketIoPacketType::Event, "/meeting-metrics", 12, 0, R"(["a",1])", true},
        RoundTripRow{"3/meeting-metrics,12[]", SocketIoPacketType::Ack, "/meeting-metrics", 12, 0, "[]", true},
        RoundTripRow{R"(4/meeting-metrics,{"message":"m"})", SocketIoPacketType::ConnectError, "/meeting-metrics", {}, 0, R"({"message":"m"})", true},
        RoundTripRow{R"(51-/meeting-metrics,["a",{"_placeholder":true,"num":0}])", SocketIoPacketType::BinaryEvent, "/meeting-metrics", {}, 1, R"(["a",{"_placeholder":true,"num":0}])", true},
        RoundTripRow{R"(62-/meeting-metrics,15[{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}])", SocketIoPacketType::BinaryAck, "/meeting-metrics", 15, 2, R"([{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}])", true}));

// --- garbage ----------------------------------------------------------------

TEST(SocketIoPacket, ServerRejectedShapesAreRejected)
{
    // §7.10 / §2.7 vectors (SIO part).
    EXPECT_EQ(parseError("2{}"), PacketError::InvalidPayload);
    EXPECT_EQ(parseError(R"(2abc["x"])"), PacketError::MalformedJson);
    EXPECT_EQ(parseError("abc"), PacketError::UnknownType);
    EXPECT_EQ(parseError("0/meeting-metrics,null"), PacketError::InvalidPayload);
    EXPECT_EQ(parseError(R"(0/meeting-metrics,"token")"), PacketError::InvalidPayload);
    EXPECT_EQ(parseError("0/meeting-metrics,[]"), PacketError::InvalidPayload);
    EXPECT_EQ(parseError("2/meeting-metrics,[]"), PacketError::InvalidPayload);
    EXPECT_EQ(parseError(R"(2/meeting-metrics,["disconnect"])"), PacketError::InvalidPayload);
    EXPECT_EQ(parseError(R"(2/meeting-metrics,[{"a":1}])"), PacketError::InvalidPayload);
    EXPECT_EQ(parseError(R"(3/meeting-metrics,1{})"), PacketError::InvalidPayload);
    EXPECT_EQ(parseError(R"(2/meeting-metrics,["a",)"), PacketError::MalformedJson);
    EXPECT_EQ(parseError("2/meeting-metrics,[\"\xff\xfe\"]"), PacketError::MalformedJson);
    EXPECT_EQ(parseError("7"), PacketError::UnknownType);
    EXPECT_EQ(parseError(""), PacketError::Empty);
    // Numbers are tolerated as event names, as by the server.
    EXPECT_EQ(parseOk("2[42,1]").data->front(), 42);
}

TEST(SocketIoPacket, LoneDigits)
{
    for (char c = '0'; c <= '6'; ++c) {
        const std::string text(1, c);
        PacketError error = PacketError::None;
        const auto packet = parseSocketIoPacket(text, &error);
        if (c == '5' || c == '6') {
            EXPECT_FALSE(packet) << text;
            EXPECT_EQ(error, PacketError::IllegalAttachments);
        } else {
            ASSERT_TRUE(packet) << text;
            EXPECT_EQ(int(packet->type), c - '0');
            EXPECT_EQ(packet->nsp, "/");
            EXPECT_FALSE(packet->data);
        }
    }
    for (const char *text : {"7", "8", "9"})
        EXPECT_EQ(parseError(text), PacketError::UnknownType);
}

TEST(SocketIoPacket, HugeAckIdsAreRefusedNotWrapped)
{
    EXPECT_EQ(parseError(R"(2/meeting-metrics,99999999999999999999999999999["a"])"),
              PacketError::InvalidAckId);
    EXPECT_EQ(parseError(R"(218446744073709551616["a"])"), PacketError::InvalidAckId);
    EXPECT_EQ(parseError("2" + std::string(100000, '9') + "[\"a\"]"), PacketError::InvalidAckId);
    // The largest id a JS number holds exactly still works.
    const auto packet = parseOk(R"(29007199254740991["a"])");
    EXPECT_EQ(*packet.id, SocketIoPacket::MaxAckId);
    EXPECT_EQ(parseError(R"(29007199254740992["a"])"), PacketError::InvalidAckId);
}

TEST(SocketIoPacket, DeeplyNestedJsonIsRefusedBeforeParsing)
{
    const std::string deep = "2[\"a\"," + std::string(200000, '[') + std::string(200000, ']') + "]";
    EXPECT_EQ(parseError(deep), PacketError::NestingTooDeep);
    // Brackets inside strings do not count.
    const std::string inString = "2[\"" + std::string(1000, '[') + "\"]";
    EXPECT_EQ(parseOk(inString).data->size(), 1u);
    // Modest nesting is fine.
    const std::string fine = "2[\"a\"," + std::string(50, '[') + std::string(50, ']') + "]";
    EXPECT_EQ(parseOk(fine).data->size(), 2u);
    EXPECT_EQ(jsonNestingDepth(R"({"a":[{"b":"]]]"}]})"), 3);
}

TEST(SocketIoPacket, NonUtf8StringsEncodeWithoutThrowing)
{
    SocketIoPacket packet;
    packet.type = SocketIoPacketType::Event;
    packet.data = json::array({"x", std::string("bad \xff\xfe bytes")});
    std::string encoded;
    EXPECT_NO_THROW(encoded = encodeSocketIoPacket(packet));
    EXPECT_EQ(encoded.rfind("2[\"x\",\"bad ", 0), 0u) << encoded;
    EXPECT_TRUE(parseSocketIoPacket(encoded).has_value()); // replaced, so valid UTF-8 again
}

TEST(SocketIoPacket, RandomBytesNeverCrashOrThrow)
{
    std::mt19937 rng(20240611); // fixed seed: reproducible
    const std::string alphabet = "0123456789-/,[]{}\":.eE+ abcnulltruefalse\\\x01\xff";
    int parsed = 0;
    for (int i = 0; i < 20000; ++i) {
        const std::size_t length = rng() % 64;
        std::string text;
        for (std::size_t j = 0; j < length; ++j)
            text.push_back(i % 2 ? char(rng() & 0xff) : alphabet[rng() % alphabet.size()]);
        PacketError error = PacketError::None;
        std::optional<SocketIoPacket> packet;
        ASSERT_NO_THROW(packet = parseSocketIoPacket(text, &error));
        ASSERT_NO_THROW((void)parseEngineIoPacket(text));
        ASSERT_NO_THROW((void)parseEngineIoOpen(text));
        if (packet) {
            ++parsed;
            EXPECT_EQ(error, PacketError::None);
            // Whatever parsed must encode and parse back to the same packet.
            std::string again;
            ASSERT_NO_THROW(again = encodeSocketIoPacket(*packet));
            const auto reparsed = parseSocketIoPacket(again);
            ASSERT_TRUE(reparsed) << again;
            EXPECT_EQ(reparsed->type, packet->type);
            EXPECT_EQ(reparsed->nsp, packet->nsp);
            EXPECT_EQ(reparsed->id, packet->id);
            EXPECT_EQ(reparsed->data, packet->data);
        } else {
            EXPECT_NE(error, PacketError::None);
        }
    }
    EXPECT_GT(parsed, 0); // the generator does reach valid packets too
}

TEST(PacketError, EveryErrorHasAName)
{
    for (auto error : {PacketError::None, PacketError::Empty, PacketError::UnknownType,
                       PacketError::IllegalAttachments, PacketError::TooManyAttachments,
                       PacketError::InvalidAckId, PacketError::MalformedJson,
                       PacketError::NestingTooDeep, PacketError::InvalidPayload})
        EXPECT_FALSE(packetErrorName(error).isEmpty());
    EXPECT_NE(packetErrorName(PacketError::MalformedJson), packetErrorName(PacketError::Empty));
}
