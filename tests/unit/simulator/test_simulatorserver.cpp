#include "demogateway.h"
#include "simulatorserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>
#include <functional>
#include <gtest/gtest.h>
#include <memory>
#include <nlohmann/json.hpp>

using namespace mm;
using nlohmann::json;

namespace {

constexpr int Generous = 10000; // ms; a wait that only matters when broken

bool waitUntil(const std::function<bool()> &done, int timeoutMs = Generous)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(5);
    }
    return true;
}

// A bare WebSocket that records every text frame and, unless told not to,
// answers Engine.IO pings like a well-behaved client.
class RawClient
{
public:
    explicit RawClient(bool answerPings = true) : m_answerPings(answerPings)
    {
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket, [this](const QString &frame) {
            m_frames.append(frame);
            if (frame == QLatin1String("2")) {
                ++m_pings;
                if (m_answerPings)
                    m_socket.sendTextMessage(QStringLiteral("3"));
            }
        });
        QObject::connect(&m_socket, &QWebSocket::disconnected, &m_socket, [this]() { m_closed = true; });
    }

    bool open(const QUrl &base, const QString &path = QStringLiteral("/socket.io/"))
    {
        QUrl url = base;
        url.setPath(path);
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("EIO"), QStringLiteral("4"));
        query.addQueryItem(QStringLiteral("transport"), QStringLiteral("websocket"));
        url.setQuery(query);
        m_socket.open(url);
        return waitUntil([this] { return !m_frames.isEmpty() || m_closed; });
    }

    void send(const QString &frame) { m_socket.sendTextMessage(frame); }

    // Index of the first frame at or after `from` starting with `prefix`, or -1.
    qsizetype find(const QString &prefix, qsizetype from = 0) const
    {
        for (qsizetype i = from; i < m_frames.size(); ++i)
            if (m_frames[i].startsWith(prefix))
                return i;
        return -1;
    }
    bool waitFor(const QString &prefix, qsizetype from = 0, int timeoutMs = Generous)
    {
        return waitUntil([&] { return find(prefix, from) >= 0; }, timeoutMs);
    }
    qsizetype count(const QString &prefix) const
    {
        qsizetype n = 0;
        for (const auto &f : m_frames)
            n += f.startsWith(prefix);
        return n;
    }

    QStringList m_frames;
    int m_pings = 0;
    bool m_closed = false;
    bool m_answerPings;
    QWebSocket m_socket;
};

const QString MetricsPrefix = QStringLiteral("42/meeting-metrics,[\"meeting:metrics:update\",");
const QString AlertsPrefix = QStringLiteral("42/meeting-metrics,[\"meeting:alerts\",");

FleetConfig smallFleet()
{
    FleetConfig fleet;
    fleet.seed = 17;
    fleet.meetings = 3;
    fleet.samplesPerSecond = 20; // plenty of frames quickly
    return fleet;
}

SimulatorServerConfig fastConfig()
{
    SimulatorServerConfig config;
    config.token = QStringLiteral("s3cret");
    config.pingIntervalMs = 150;
    config.pingTimeoutMs = 300;
    return config;
}

} // namespace

TEST(SimulatorServer, HandshakePingsAuthAndMetrics)
{
    SimulatorServer server(smallFleet(), fastConfig());
    QString error;
    ASSERT_TRUE(server.listen(&error)) << error.toStdString();
    ASSERT_NE(server.port(), 0);
    EXPECT_EQ(server.url().host(), QStringLiteral("127.0.0.1"));

    RawClient client;
    ASSERT_TRUE(client.open(server.url()));
    ASSERT_FALSE(client.m_frames.isEmpty());
    const QString open = client.m_frames.first();
    ASSERT_TRUE(open.startsWith(QLatin1Char('0'))) << open.toStdString();
    const json handshake = json::parse(open.mid(1).toStdString(), nullptr, false);
    ASSERT_TRUE(handshake.is_object());
    EXPECT_TRUE(handshake["sid"].is_string());
    EXPECT_EQ(handshake["upgrades"], json::array());
    EXPECT_EQ(handshake["pingInterval"], 150);
    EXPECT_EQ(handshake["pingTimeout"], 300);
    EXPECT_EQ(handshake["maxPayload"], 1000000);

    // Pings keep coming while we answer them: the connection outlives
    // several pingInterval + pingTimeout windows.
    ASSERT_TRUE(waitUntil([&] { return client.m_pings >= 4; }));
    EXPECT_FALSE(client.m_closed);

    // Wrong token: refused with the server's message, the socket stays up.
    client.send(QStringLiteral("40/meeting-metrics,{\"token\":\"wrong\"}"));
    ASSERT_TRUE(client.waitFor(QStringLiteral("44/meeting-metrics,")));
    const QString refusal = client.m_frames[client.find(QStringLiteral("44/meeting-metrics,"))];
    const json reason = json::parse(refusal.mid(QStringLiteral("44/meeting-metrics,").size()).toStdString());
    EXPECT_EQ(reason["message"], "unauthorized");
    EXPECT_EQ(client.find(QStringLiteral("40/meeting-metrics,")), -1);
    EXPECT_EQ(server.counters()->authFailures.load(), 1u);
    EXPECT_FALSE(client.m_closed);

    // Not subscribed yet: nothing is sent.
    QTest::qWait(200);
    EXPECT_EQ(client.count(MetricsPrefix), 0);
    EXPECT_EQ(server.samplesSent(), 0u);

    // Right token: ack with a socket id, then subscribe and receive.
    client.send(QStringLiteral("40/meeting-metrics,{\"token\":\"s3cret\"}"));
    ASSERT_TRUE(client.waitFor(QStringLiteral("40/meeting-metrics,")));
    const QString ack = client.m_frames[client.find(QStringLiteral("40/meeting-metrics,"))];
    const json ackJson = json::parse(ack.mid(QStringLiteral("40/meeting-metrics,").size()).toStdString());
    EXPECT_TRUE(ackJson["sid"].is_string());

    QSignalSpy subscribed(&server, &SimulatorServer::clientSubscribed);
    client.send(QStringLiteral("42/meeting-metrics,[\"admin:subscribe\"]"));
    ASSERT_TRUE(subscribed.wait(Generous));
    ASSERT_TRUE(waitUntil([&] { return client.count(MetricsPrefix) >= 50; }));

    qsizetype checked = 0;
    for (const QString &frame : std::as_const(client.m_frames)) {
        if (!frame.startsWith(MetricsPrefix))
            continue;
        const json event = json::parse(frame.mid(2 + QStringLiteral("/meeting-metrics,").size()).toStdString(),
                                       nullptr, false);
        ASSERT_TRUE(event.is_array()) << frame.toStdString();
        ASSERT_EQ(event.size(), 2u);
        EXPECT_EQ(event[0], "meeting:metrics:update");
        EXPECT_TRUE(event[1]["meetingId"].is_string());
        EXPECT_TRUE(event[1]["userId"].is_string());
        EXPECT_TRUE(event[1]["metrics"].is_object());
        ++checked;
    }
    EXPECT_GE(checked, 50);
    EXPECT_GE(server.samplesSent(), quint64(checked));
    EXPECT_FALSE(client.m_closed);
}

TEST(SimulatorServer, ClosesAClientThatStopsAnsweringPings)
{
    SimulatorServer server(smallFleet(), fastConfig());
    ASSERT_TRUE(server.listen());
    RawClient silent(false);
    ASSERT_TRUE(silent.open(server.url()));
    ASSERT_TRUE(waitUntil([&] { return silent.m_closed; }));
    EXPECT_GE(silent.m_pings, 1);
}

TEST(SimulatorServer, AcksASubscribeThatAsksForOneAndServesSeveralClients)
{
    auto config = fastConfig();
    config.token.clear(); // no auth configured: any CONNECT is accepted
    SimulatorServer server(smallFleet(), config);
    ASSERT_TRUE(server.listen());

    RawClient a, b;
    ASSERT_TRUE(a.open(server.url()));
    ASSERT_TRUE(b.open(server.url()));
    a.send(QStringLiteral("40/meeting-metrics,"));
    b.send(QStringLiteral("40/meeting-metrics,{}"));
    ASSERT_TRUE(a.waitFor(QStringLiteral("40/meeting-metrics,{")));
    ASSERT_TRUE(b.waitFor(QStringLiteral("40/meeting-metrics,{")));
    a.send(QStringLiteral("42/meeting-metrics,7[\"admin:subscribe\"]"));
    b.send(QStringLiteral("42/meeting-metrics,[\"admin:subscribe\"]"));
    ASSERT_TRUE(a.waitFor(QStringLiteral("43/meeting-metrics,7[]")));
    ASSERT_TRUE(waitUntil([&] { return a.count(MetricsPrefix) >= 20 && b.count(MetricsPrefix) >= 20; }));

    // Leaving the namespace stops the flow to that client only.
    b.send(QStringLiteral("41/meeting-metrics,"));
    ASSERT_TRUE(waitUntil([&] { return server.counters()->subscribers.load() == 1; }));
    const qsizetype before = b.count(MetricsPrefix);
    const qsizetype beforeA = a.count(MetricsPrefix);
    ASSERT_TRUE(waitUntil([&] { return a.count(MetricsPrefix) >= beforeA + 20; }));
    EXPECT_LE(b.count(MetricsPrefix), before + 2); // frames already in flight
    EXPECT_FALSE(b.m_closed);
}

TEST(SimulatorServer, RefusesUnknownNamespaceAndWrongPath)
{
    SimulatorServer server(smallFleet(), fastConfig());
    ASSERT_TRUE(server.listen());

    RawClient client;
    ASSERT_TRUE(client.open(server.url()));
    client.send(QStringLiteral("40/other,{\"token\":\"s3cret\"}"));
    ASSERT_TRUE(client.waitFor(QStringLiteral("44/other,{\"message\":\"Invalid namespace\"}")));
    EXPECT_FALSE(client.m_closed);

    RawClient wrongPath;
    wrongPath.open(server.url(), QStringLiteral("/engine/"));
    ASSERT_TRUE(waitUntil([&] { return wrongPath.m_closed; }));
    EXPECT_EQ(wrongPath.find(QStringLiteral("0{")), -1);
}

TEST(SimulatorServer, MalformedFramesNeverCrashIt)
{
    SimulatorServer server(smallFleet(), fastConfig());
    ASSERT_TRUE(server.listen());

    const QString deep = QStringLiteral("42/meeting-metrics,") + QString(100000, QLatin1Char('['));
    const QStringList garbage = {
        QString(),
        QStringLiteral("2"), // a client ping is a protocol error in EIO 4
        QStringLiteral("9"),
        QStringLiteral("4"),
        QStringLiteral("4abc"),
        QStringLiteral("42{}"),
        QStringLiteral("40/meeting-metrics,null"),
        QStringLiteral("40/meeting-metrics,[1,2]"),
        QStringLiteral("40/meeting-metrics,{\"token\":"),
        QStringLiteral("42/meeting-metrics,[\"admin:subscribe\"]"), // before CONNECT
        QStringLiteral("4299999999999999999999[\"x\"]"),
        QStringLiteral("41/meeting-metrics,"),
        QStringLiteral("44/meeting-metrics,{}"),
        QStringLiteral("451-/meeting-metrics,[\"x\",{\"_placeholder\":true,\"num\":0}]"),
        QStringLiteral("40/meeting-metrics"),
        deep,
        QStringLiteral("40/meeting-metrics,{\"token\":\"s3cret\"}") + QString(2000000, QLatin1Char(' ')),
        QString(QChar(0)) + QChar(0xff) + QChar(0xFFFD),
    };
    for (const QString &frame : garbage) {
        RawClient client;
        ASSERT_TRUE(client.open(server.url()));
        client.send(frame);
        QTest::qWait(30);
    }
    // After all of that, a good client is still served.
    RawClient good;
    ASSERT_TRUE(good.open(server.url()));
    good.send(QStringLiteral("40/meeting-metrics,{\"token\":\"s3cret\"}"));
    ASSERT_TRUE(good.waitFor(QStringLiteral("40/meeting-metrics,{")));
    good.send(QStringLiteral("42/meeting-metrics,[\"admin:subscribe\"]"));
    ASSERT_TRUE(good.waitFor(MetricsPrefix));
    EXPECT_GT(server.counters()->framesRejected.load(), 5u);
}

// Each frame on a fresh, joined connection: protocol violations close that
// connection (as socket.io does on a decode error) and are counted; frames a
// real gateway tolerates leave it open.
TEST(SimulatorServer, ViolationsCloseTheConnectionToleratedFramesDoNot)
{
    auto config = fastConfig();
    config.pingIntervalMs = 60000; // no heartbeat closes during this test
    SimulatorServer server(smallFleet(), config);
    ASSERT_TRUE(server.listen());

    struct Case
    {
        QString frame;
        bool closes;
    };
    const QList<Case> cases = {
        {QString(), true},
        {QStringLiteral("0{}"), true}, // open is server-to-client only
        {QStringLiteral("2"), true},
        {QStringLiteral("4"), true},
        {QStringLiteral("47"), true},
        {QStringLiteral("42/meeting-metrics,[\"disconnect\"]"), true}, // reserved name
        {QStringLiteral("42/meeting-metrics,{}"), true},
        {QStringLiteral("42/meeting-metrics,"), true}, // event without payload
        {QStringLiteral("41/meeting-metrics,{}"), true},
        {QStringLiteral("40/meeting-metrics,{\"token\":\"s3cret\"}"), true}, // duplicate
        {QStringLiteral("44/meeting-metrics,{}"), true},
        {QStringLiteral("45x-/meeting-metrics,[\"x\"]"), true},
        {QStringLiteral("4299999999999999999999[\"x\"]"), true},
        {QStringLiteral("42/meeting-metrics,") + QString(200, QLatin1Char('[')), true},
        {QStringLiteral("6"), false},
        {QStringLiteral("5"), false},
        {QStringLiteral("451-/meeting-metrics,[\"x\",{\"_placeholder\":true,\"num\":0}]"), false},
        {QStringLiteral("43/meeting-metrics,5[]"), false},
        {QStringLiteral("42/meeting-metrics,[\"whatever\",1]"), false},
        {QStringLiteral("42/meeting-metrics,[7]"), false}, // a number names no handler
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.frame.left(60).toStdString());
        RawClient client;
        ASSERT_TRUE(client.open(server.url()));
        client.send(QStringLiteral("40/meeting-metrics,{\"token\":\"s3cret\"}"));
        ASSERT_TRUE(client.waitFor(QStringLiteral("40/meeting-metrics,{")));
        const quint64 rejectedBefore = server.counters()->framesRejected.load();
        client.send(c.frame);
        if (c.closes) {
            ASSERT_TRUE(waitUntil([&] { return client.m_closed; }));
            EXPECT_EQ(server.counters()->framesRejected.load(), rejectedBefore + 1);
        } else {
            // The connection still answers: an acked event comes back.
            client.send(QStringLiteral("42/meeting-metrics,31[\"ping-me\"]"));
            ASSERT_TRUE(client.waitFor(QStringLiteral("43/meeting-metrics,31[]")));
            EXPECT_FALSE(client.m_closed);
        }
    }
}

TEST(SimulatorServer, EchoesABoundedValidNamespaceInTheRefusal)
{
    SimulatorServer server(smallFleet(), fastConfig());
    ASSERT_TRUE(server.listen());
    RawClient client;
    ASSERT_TRUE(client.open(server.url()));
    // '/' and 200 two-byte characters: byte 256 is the second half of one.
    const QString nsp = QStringLiteral("/") + QString(200, QChar(0x00E1));
    client.send(QStringLiteral("40") + nsp + QStringLiteral(",{}"));
    ASSERT_TRUE(client.waitFor(QStringLiteral("44/")));
    const QString refusal = client.m_frames[client.find(QStringLiteral("44/"))];
    const qsizetype comma = refusal.indexOf(QLatin1Char(','));
    ASSERT_GT(comma, 0);
    const QString echoed = refusal.mid(2, comma - 2);
    EXPECT_TRUE(nsp.startsWith(echoed));
    EXPECT_LE(echoed.toUtf8().size(), 256);
    EXPECT_EQ(echoed.toUtf8().size(), 255);
    EXPECT_FALSE(echoed.contains(QChar(QChar::ReplacementCharacter)));
    EXPECT_EQ(json::parse(refusal.mid(comma + 1).toStdString(), nullptr, false)["message"], "Invalid namespace");
    EXPECT_FALSE(client.m_closed);
}

TEST(SimulatorServer, AlertsFollowTheFleet)
{
    FleetConfig fleet = smallFleet();
    fleet.meetings = 10;
    fleet.samplesPerSecond = 50;
    auto config = fastConfig();
    SimulatorServer server(fleet, config);
    ASSERT_TRUE(server.listen());
    RawClient client;
    ASSERT_TRUE(client.open(server.url()));
    client.send(QStringLiteral("40/meeting-metrics,{\"token\":\"s3cret\"}"));
    ASSERT_TRUE(client.waitFor(QStringLiteral("40/meeting-metrics,{")));
    client.send(QStringLiteral("42/meeting-metrics,[\"admin:subscribe\"]"));
    ASSERT_TRUE(client.waitFor(AlertsPrefix, 0, 30000));
    const QString frame = client.m_frames[client.find(AlertsPrefix)];
    const json event = json::parse(frame.mid(2 + QStringLiteral("/meeting-metrics,").size()).toStdString());
    ASSERT_TRUE(event[1]["alerts"].is_array());
    EXPECT_FALSE(event[1]["alerts"].empty());
    EXPECT_GT(server.alertsSent(), 0u);
}

TEST(DemoGateway, ServesFromItsOwnThreadWithARandomToken)
{
    FleetConfig fleet = smallFleet();
    DemoGateway gateway(fleet);
    DemoGateway other(fleet);
    EXPECT_FALSE(gateway.token().isEmpty());
    EXPECT_NE(gateway.token(), other.token());
    EXPECT_EQ(gateway.nspace(), QStringLiteral("/meeting-metrics"));

    QString error;
    ASSERT_TRUE(gateway.start(&error)) << error.toStdString();
    EXPECT_TRUE(gateway.isRunning());
    EXPECT_EQ(gateway.url().scheme(), QStringLiteral("ws"));
    EXPECT_EQ(gateway.url().host(), QStringLiteral("127.0.0.1"));
    EXPECT_GT(gateway.url().port(), 0);

    RawClient client;
    ASSERT_TRUE(client.open(gateway.url()));
    client.send(QStringLiteral("40/meeting-metrics,{\"token\":\"%1x\"}").arg(gateway.token()));
    ASSERT_TRUE(client.waitFor(QStringLiteral("44/meeting-metrics,")));
    client.send(QStringLiteral("40/meeting-metrics,{\"token\":\"%1\"}").arg(gateway.token()));
    ASSERT_TRUE(client.waitFor(QStringLiteral("40/meeting-metrics,{")));
    client.send(QStringLiteral("42/meeting-metrics,[\"admin:subscribe\"]"));
    ASSERT_TRUE(waitUntil([&] { return client.count(MetricsPrefix) >= 20; }));
    EXPECT_GE(gateway.samplesSent(), 20u);

    gateway.stop();
    EXPECT_FALSE(gateway.isRunning());
    ASSERT_TRUE(waitUntil([&] { return client.m_closed; }));
    const quint64 sent = gateway.samplesSent();
    EXPECT_GE(sent, 20u); // still readable after stop
    gateway.stop();       // twice is fine
}
