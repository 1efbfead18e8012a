// SocketIoClient against a real QWebSocketServer in the same process that
// speaks the gateway's side of Engine.IO v4 / Socket.IO v5 by hand.
#include "core/clock.h"
#include "ingest/ingestworker.h"
#include "net/socketioclient.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

#include <gtest/gtest.h>

#include <memory>
#include <vector>

using namespace mm;
using json = nlohmann::json;

namespace {

constexpr int WaitMs = 10000; // generous: the machine may be busy

const QString Namespace = QStringLiteral("/meeting-metrics");
const QString Token = QStringLiteral("tok-CANARY-31337");
const QString EngineSid = QStringLiteral("ENGINE-SID-CANARY");
const QString NamespaceSid = QStringLiteral("NSP-SID-CANARY");
const QString Pid = QStringLiteral("PID-CANARY");

QString openPacket(int pingInterval = 25000, int pingTimeout = 20000, qint64 maxPayload = 1000000)
{
    return QStringLiteral("0{\"sid\":\"%1\",\"upgrades\":[],\"pingInterval\":%2,\"pingTimeout\":%3,"
                          "\"maxPayload\":%4}")
        .arg(EngineSid)
        .arg(pingInterval)
        .arg(pingTimeout)
        .arg(maxPayload);
}

QString connectAck()
{
    return QStringLiteral("40/meeting-metrics,{\"sid\":\"%1\",\"pid\":\"%2\"}").arg(NamespaceSid, Pid);
}

// One accepted WebSocket on the server side and what it received.
struct ServerConnection
{
    QWebSocket *socket = nullptr;
    QUrl requestUrl;
    QStringList received;
    bool closed = false;

    void send(const QString &frame) { socket->sendTextMessage(frame); }
    bool hasReceived(const QString &frame) const { return received.contains(frame); }
};

// The server side of the gateway, scripted by each test.
class TestGateway
{
public:
    QString open = openPacket(); // sent on every new connection; empty: none
    bool autoAck = false;        // answer every CONNECT with connectAck()

    TestGateway()
        : m_server(QStringLiteral("test gateway"), QWebSocketServer::NonSecureMode)
    {
        EXPECT_TRUE(m_server.listen(QHostAddress::LocalHost, 0));
        QObject::connect(&m_server, &QWebSocketServer::newConnection, &m_server,
                         [this] { onNewConnection(); });
    }

    ~TestGateway()
    {
        // Accepted sockets are not children of the server: delete them here.
        for (auto &conn : m_connections) {
            conn->socket->disconnect(&m_server);
            conn->socket->abort();
            delete conn->socket;
        }
    }

    QUrl url() const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_server.serverPort()));
    }

    int count() const { return int(m_connections.size()); }
    ServerConnection &at(int i) { return *m_connections.at(std::size_t(i)); }

    bool waitForConnections(int n)
    {
        return QTest::qWaitFor([&] { return count() >= n; }, WaitMs);
    }
    bool waitForMessage(int i, const QString &frame)
    {
        return QTest::qWaitFor([&] { return count() > i && at(i).hasReceived(frame); }, WaitMs);
    }
    bool waitForMessageCount(int i, int n)
    {
        return QTest::qWaitFor([&] { return count() > i && at(i).received.size() >= n; }, WaitMs);
    }
    bool waitForClosed(int i)
    {
        return QTest::qWaitFor([&] { return count() > i && at(i).closed; }, WaitMs);
    }
    // A ping round trip: everything the client sent before answering it has
    // arrived by then (one TCP stream, in order).
    bool roundTrip(int i)
    {
        const auto pongs = at(i).received.count(QStringLiteral("3"));
        at(i).send(QStringLiteral("2"));
        return QTest::qWaitFor(
            [&] { return at(i).received.count(QStringLiteral("3")) > pongs; }, WaitMs);
    }

    void stopListening() { m_server.close(); }

private:
    void onNewConnection()
    {
        while (QWebSocket *socket = m_server.nextPendingConnection()) {
            auto conn = std::make_unique<ServerConnection>();
            ServerConnection *c = conn.get();
            c->socket = socket;
            c->requestUrl = socket->requestUrl();
            QObject::connect(socket, &QWebSocket::textMessageReceived, &m_server,
                             [this, c](const QString &message) {
                                 c->received.append(message);
                                 if (autoAck && message.startsWith(QStringLiteral("40")))
                                     c->send(connectAck());
                             });
            QObject::connect(socket, &QWebSocket::disconnected, &m_server,
                             [c] { c->closed = true; });
            m_connections.push_back(std::move(conn));
            if (!open.isEmpty())
                socket->sendTextMessage(open);
        }
    }

    QWebSocketServer m_server;
    std::vector<std::unique_ptr<ServerConnection>> m_connections;
};

SocketIoConfig testConfig(const TestGateway &gateway)
{
    SocketIoConfig config;
    config.gatewayUrl = gateway.url();
    config.nspace = Namespace;
    config.token = Token;
    // Small but jittered backoff, so reconnection tests run quickly.
    config.reconnectDelayMs = 50;
    config.reconnectDelayMaxMs = 200;
    return config;
}

struct EventRecord
{
    QString name;
    json args;
};

// Records eventReceived (its json argument is easier to keep this way).
std::shared_ptr<std::vector<EventRecord>> recordEvents(SocketIoClient &client)
{
    auto events = std::make_shared<std::vector<EventRecord>>();
    QObject::connect(&client, &SocketIoClient::eventReceived, &client,
                     [events](const QString &name, const json &args) {
                         events->push_back({name, args});
                     });
    return events;
}

json jsonAfterPrefix(const QString &frame, const QString &prefix)
{
    if (!frame.startsWith(prefix))
        return json();
    return json::parse(frame.mid(prefix.size()).toStdString(), nullptr, false);
}

} // namespace

namespace {
QStringList *g_logLines = nullptr;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (g_logLines)
        g_logLines->append(message);
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}
} // namespace

// --- pure helpers -----------------------------------------------------------

TEST(SocketIoEndpoint, BuildsTheEngineIoUrl)
{
    SocketIoConfig config;
    config.gatewayUrl = QUrl(QStringLiteral("ws://gateway.example:3001"));
    EXPECT_EQ(socketIoEndpointUrl(config).toString(),
              QStringLiteral("ws://gateway.example:3001/socket.io/?EIO=4&transport=websocket"));

    // Path and query of the gateway URL are ignored: no sid, no token there.
    config.gatewayUrl = QUrl(QStringLiteral("https://gw.example/ignored?sid=abc&token=t"));
    config.path = QStringLiteral("/metrics-io/");
    const QUrl url = socketIoEndpointUrl(config);
    EXPECT_EQ(url.scheme(), QStringLiteral("wss"));
    EXPECT_EQ(url.path(), QStringLiteral("/metrics-io/"));
    const QUrlQuery query(url);
    EXPECT_EQ(query.queryItemValue(QStringLiteral("EIO")), QStringLiteral("4"));
    EXPECT_EQ(query.queryItemValue(QStringLiteral("transport")), QStringLiteral("websocket"));
    EXPECT_FALSE(query.hasQueryItem(QStringLiteral("sid")));
    EXPECT_FALSE(query.hasQueryItem(QStringLiteral("token")));

    config.path = QStringLiteral("custom");
    EXPECT_EQ(socketIoEndpointUrl(config).path(), QStringLiteral("/custom"));
}

TEST(SocketIoBackoff, MatchesSocketIoClientDefaults)
{
    SocketIoConfig config; // 1000 ms, 5000 ms cap, randomization 0.5
    // Hand-computed from backo2: ms = 1000 * 2^n, dev = floor(r * 0.5 * ms),
    // minus when floor(r * 10) is even, plus when odd.
    EXPECT_EQ(socketIoReconnectDelayMs(config, 0, 0.0), 1000);
    EXPECT_EQ(socketIoReconnectDelayMs(config, 0, 0.05), 975);
    EXPECT_EQ(socketIoReconnectDelayMs(config, 0, 0.15), 1075);
    EXPECT_EQ(socketIoReconnectDelayMs(config, 0, 0.89), 555);
    EXPECT_EQ(socketIoReconnectDelayMs(config, 0, 0.99), 1495);
    EXPECT_EQ(socketIoReconnectDelayMs(config, 1, 0.99), 2990);
    EXPECT_EQ(socketIoReconnectDelayMs(config, 3, 0.8), 4800);
    EXPECT_EQ(socketIoReconnectDelayMs(config, 3, 0.0), 5000);

    struct Range { int attempt, lo, hi; };
    for (const Range range : {Range{0, 500, 1500}, Range{1, 1000, 3000}, Range{2, 2000, 5000},
                              Range{3, 4000, 5000}, Range{4, 5000, 5000}, Range{1000, 5000, 5000},
                              Range{std::numeric_limits<int>::max(), 5000, 5000}}) {
        for (int i = 0; i < 1000; ++i) {
            const int delay = socketIoReconnectDelayMs(config, range.attempt, i / 1000.0);
            EXPECT_GE(delay, range.lo) << range.attempt << " " << i;
            EXPECT_LE(delay, range.hi) << range.attempt << " " << i;
        }
    }

    config.randomizationFactor = 0;
    EXPECT_EQ(socketIoReconnectDelayMs(config, 0, 0.7), 1000);
    EXPECT_EQ(socketIoReconnectDelayMs(config, 2, 0.7), 4000);
    EXPECT_EQ(socketIoReconnectDelayMs(config, 3, 0.7), 5000);
}

TEST(SocketIoNames, StatesAndDropReasonsHaveDistinctNames)
{
    QStringList names;
    for (auto state : {ConnectionState::Idle, ConnectionState::Connecting, ConnectionState::Connected,
                       ConnectionState::WaitingRetry, ConnectionState::Rejected})
        names << connectionStateName(state);
    for (auto reason : {DropReason::BinaryFrame, DropReason::UnknownPacketType,
                        DropReason::OtherNamespace, DropReason::Oversize, DropReason::MalformedJson})
        names << dropReasonName(reason);
    names.removeDuplicates();
    EXPECT_EQ(names.size(), 10);
    EXPECT_FALSE(names.contains(QString()));
}

// --- against the in-process gateway -------------------------------------------

TEST(SocketIoClient, HandshakeUrlAuthAndPong)
{
    TestGateway gateway;
    SocketIoConfig config = testConfig(gateway);
    config.extraAuth = json{{"client", "meeting-monitor"}};
    SocketIoClient client(config);
    client.open();
    EXPECT_EQ(client.state(), ConnectionState::Connecting);

    ASSERT_TRUE(gateway.waitForMessageCount(0, 1));
    ServerConnection &conn = gateway.at(0);
    EXPECT_EQ(conn.requestUrl.path(), QStringLiteral("/socket.io/"));
    const QUrlQuery query(conn.requestUrl);
    EXPECT_EQ(query.queryItemValue(QStringLiteral("EIO")), QStringLiteral("4"));
    EXPECT_EQ(query.queryItemValue(QStringLiteral("transport")), QStringLiteral("websocket"));
    EXPECT_FALSE(query.hasQueryItem(QStringLiteral("sid")));
    EXPECT_FALSE(conn.requestUrl.toString().contains(Token));

    const json auth = jsonAfterPrefix(conn.received.at(0), QStringLiteral("40/meeting-metrics,"));
    EXPECT_EQ(auth, (json{{"token", Token.toStdString()}, {"client", "meeting-monitor"}}))
        << conn.received.at(0).toStdString();

    // The server pings; the client answers at once and never pings itself.
    ASSERT_TRUE(gateway.roundTrip(0));
    ASSERT_TRUE(gateway.roundTrip(0));
    EXPECT_EQ(client.counters().pingsAnswered, 2u);
    EXPECT_FALSE(conn.hasReceived(QStringLiteral("2")));
    EXPECT_EQ(client.state(), ConnectionState::Connecting); // no ack yet
}

TEST(SocketIoClient, NoTokenSendsConnectWithoutPayload)
{
    TestGateway gateway;
    SocketIoConfig config = testConfig(gateway);
    config.token.clear();
    SocketIoClient client(config);
    client.open();
    ASSERT_TRUE(gateway.waitForMessageCount(0, 1));
    EXPECT_EQ(gateway.at(0).received.at(0), QStringLiteral("40/meeting-metrics,"));
}

TEST(SocketIoClient, EmitsAreQueuedUntilTheNamespaceAck)
{
    TestGateway gateway;
    SocketIoClient client(testConfig(gateway));
    QSignalSpy connectedSpy(&client, &SocketIoClient::namespaceConnected);
    client.open();
    ASSERT_TRUE(gateway.waitForMessageCount(0, 1));
    ServerConnection &conn = gateway.at(0);
    // Session open, CONNECT sent, no ack yet: must wait.
    client.emitEvent(QStringLiteral("admin:subscribe"));
    client.emitEvent(QStringLiteral("metrics:subscribe"), json{{"meetingId", "m-0"}});

    // Anything sent before the ack would have arrived before this pong.
    ASSERT_TRUE(gateway.roundTrip(0));
    EXPECT_EQ(conn.received.size(), 2);
    EXPECT_TRUE(conn.received.at(0).startsWith(QStringLiteral("40/meeting-metrics,")));
    EXPECT_EQ(conn.received.at(1), QStringLiteral("3"));
    EXPECT_EQ(connectedSpy.count(), 0);

    conn.send(connectAck());
    ASSERT_TRUE(gateway.waitForMessageCount(0, 4));
    // In the order emitted, right after the ack.
    EXPECT_EQ(conn.received.at(2), QStringLiteral("42/meeting-metrics,[\"admin:subscribe\"]"));
    EXPECT_EQ(conn.received.at(3),
              QStringLiteral("42/meeting-metrics,[\"metrics:subscribe\",{\"meetingId\":\"m-0\"}]"));
    EXPECT_EQ(connectedSpy.count(), 1);
    EXPECT_EQ(client.state(), ConnectionState::Connected);
    EXPECT_EQ(client.counters().reconnects, 0u);

    // Once connected, emits go out directly, with their arguments.
    client.emitEvent(QStringLiteral("metrics:subscribe"), json::array({json{{"meetingId", "m-1"}}, 2}));
    ASSERT_TRUE(gateway.waitForMessage(
        0, QStringLiteral("42/meeting-metrics,[\"metrics:subscribe\",{\"meetingId\":\"m-1\"},2]")));

    // Reserved names are never sent (the server would close the connection).
    client.emitEvent(QStringLiteral("disconnect"));
    ASSERT_TRUE(gateway.roundTrip(0));
    for (const QString &frame : conn.received)
        EXPECT_FALSE(frame.contains(QStringLiteral("\"disconnect\""))) << frame.toStdString();
    EXPECT_FALSE(conn.closed);
}

TEST(SocketIoClient, EmitBeforeOpenGoesOutAfterTheAck)
{
    TestGateway gateway;
    gateway.autoAck = true;
    SocketIoClient client(testConfig(gateway));
    client.emitEvent(QStringLiteral("admin:subscribe"));
    client.open();
    ASSERT_TRUE(gateway.waitForMessageCount(0, 2));
    EXPECT_TRUE(gateway.at(0).received.at(0).startsWith(QStringLiteral("40/meeting-metrics,")));
    EXPECT_EQ(gateway.at(0).received.at(1), QStringLiteral("42/meeting-metrics,[\"admin:subscribe\"]"));
}

TEST(SocketIoClient, ConnectErrorRejectsClosesAndDoesNotRetry)
{
    TestGateway gateway;
    SocketIoConfig config = testConfig(gateway);
    config.reconnectDelayMs = 10;
    config.reconnectDelayMaxMs = 20;
    SocketIoClient client(config);
    QSignalSpy errorSpy(&client, &SocketIoClient::connectError);
    QSignalSpy retrySpy(&client, &SocketIoClient::reconnectScheduled);
    QSignalSpy stateSpy(&client, &SocketIoClient::stateChanged);
    client.open();
    ASSERT_TRUE(gateway.waitForMessageCount(0, 1));

    // Untrusted text, passed on verbatim (the view escapes it).
    const QString message = QStringLiteral("unauthorized <b>x</b> & \"y\"");
    gateway.at(0).send(QStringLiteral("44/meeting-metrics,{\"message\":\"unauthorized <b>x</b> & "
                                      "\\\"y\\\"\",\"data\":{\"code\":\"TOKEN_EXPIRED\"}}"));
    ASSERT_TRUE(errorSpy.wait(WaitMs));
    EXPECT_EQ(errorSpy.at(0).at(0).toString(), message);
    EXPECT_EQ(client.state(), ConnectionState::Rejected);
    // The server keeps Engine.IO open after a refusal: the client closes it.
    EXPECT_TRUE(gateway.waitForClosed(0));

    // No retry, not even after many times the backoff.
    QTest::qWait(600);
    EXPECT_EQ(gateway.count(), 1);
    EXPECT_EQ(retrySpy.count(), 0);
    for (const auto &args : stateSpy)
        EXPECT_NE(args.at(0).value<ConnectionState>(), ConnectionState::WaitingRetry);

    // A manual open() tries again (e.g. with a refreshed token).
    client.open();
    EXPECT_TRUE(gateway.waitForConnections(2));
}

TEST(SocketIoClient, ServerDisconnectRightAfterAckIsARejection)
{
    TestGateway gateway;
    SocketIoConfig config = testConfig(gateway);
    config.reconnectDelayMs = 10;
    config.reconnectDelayMaxMs = 20;
    SocketIoClient client(config);
    QSignalSpy errorSpy(&client, &SocketIoClient::connectError);
    QSignalSpy retrySpy(&client, &SocketIoClient::reconnectScheduled);
    client.open();
    ASSERT_TRUE(gateway.waitForMessageCount(0, 1));

    // NestJS handleConnection calling client.disconnect().
    gateway.at(0).send(connectAck());
    gateway.at(0).send(QStringLiteral("41/meeting-metrics,"));
    ASSERT_TRUE(errorSpy.wait(WaitMs));
    EXPECT_EQ(client.state(), ConnectionState::Rejected);
    EXPECT_FALSE(errorSpy.at(0).at(0).toString().isEmpty());
    EXPECT_TRUE(gateway.waitForClosed(0));
    QTest::qWait(600);
    EXPECT_EQ(gateway.count(), 1);
    EXPECT_EQ(retrySpy.count(), 0);
}

TEST(SocketIoClient, LaterServerDisconnectReconnectsAfterTheMaximumDelay)
{
    TestGateway gateway;
    gateway.autoAck = true;
    SocketIoConfig config = testConfig(gateway);
    config.reconnectDelayMs = 10;
    config.reconnectDelayMaxMs = 300;
    SocketIoClient client(config);
    QSignalSpy connectedSpy(&client, &SocketIoClient::namespaceConnected);
    QSignalSpy retrySpy(&client, &SocketIoClient::reconnectScheduled);
    QSignalSpy errorSpy(&client, &SocketIoClient::connectError);
    client.open();
    ASSERT_TRUE(connectedSpy.wait(WaitMs));

    QTest::qWait(1300); // past the rejection window after the ack
    gateway.at(0).send(QStringLiteral("41/meeting-metrics,"));
    ASSERT_TRUE(retrySpy.wait(WaitMs));
    EXPECT_EQ(retrySpy.at(0).at(0).toInt(), 1);
    EXPECT_EQ(retrySpy.at(0).at(1).toInt(), 300);
    EXPECT_EQ(client.state(), ConnectionState::WaitingRetry);
    ASSERT_TRUE(QTest::qWaitFor([&] { return connectedSpy.count() == 2; }, WaitMs));
    EXPECT_EQ(errorSpy.count(), 0);
    EXPECT_EQ(client.counters().reconnects, 1u);
}

TEST(SocketIoClient, DetectsADeadConnectionAndReconnects)
{
    TestGateway gateway;
    gateway.autoAck = true;
    gateway.open = openPacket(200, 200); // and then never a ping
    SocketIoClient client(testConfig(gateway));
    QSignalSpy connectedSpy(&client, &SocketIoClient::namespaceConnected);
    QSignalSpy lostSpy(&client, &SocketIoClient::disconnected);
    client.open();
    ASSERT_TRUE(connectedSpy.wait(WaitMs));

    ASSERT_TRUE(lostSpy.wait(WaitMs));
    EXPECT_EQ(lostSpy.at(0).at(0).toString(), QStringLiteral("ping timeout"));
    EXPECT_TRUE(gateway.waitForClosed(0));
    ASSERT_TRUE(QTest::qWaitFor([&] { return connectedSpy.count() >= 2; }, WaitMs));
    EXPECT_GE(gateway.count(), 2);
    EXPECT_TRUE(gateway.at(1).received.at(0).startsWith(QStringLiteral("40/meeting-metrics,")));
    EXPECT_GE(client.counters().reconnects, 1u);
}

TEST(SocketIoClient, PingsKeepTheConnectionAlive)
{
    TestGateway gateway;
    gateway.autoAck = true;
    // Deadline 2 s from the open packet; pings every 250 ms for 3.5 s must
    // push it forward each time.
    gateway.open = openPacket(1000, 1000);
    SocketIoClient client(testConfig(gateway));
    QSignalSpy connectedSpy(&client, &SocketIoClient::namespaceConnected);
    QSignalSpy lostSpy(&client, &SocketIoClient::disconnected);
    client.open();
    ASSERT_TRUE(connectedSpy.wait(WaitMs));

    QTimer pinger;
    QObject::connect(&pinger, &QTimer::timeout, &pinger,
                     [&] { gateway.at(0).send(QStringLiteral("2")); });
    pinger.start(250);
    QTest::qWait(3500);
    pinger.stop();

    EXPECT_EQ(lostSpy.count(), 0);
    EXPECT_EQ(gateway.count(), 1);
    EXPECT_EQ(client.state(), ConnectionState::Connected);
    EXPECT_GE(client.counters().pingsAnswered, 8u);
}

TEST(SocketIoClient, ReconnectsAfterTheServerClosesAndSubscribesAgain)
{
    TestGateway gateway;
    gateway.autoAck = true;
    SocketIoClient client(testConfig(gateway));
    // What the ingest worker does: subscribe after every namespace connect.
    QObject::connect(&client, &SocketIoClient::namespaceConnected, &client,
                     [&client] { client.emitEvent(QStringLiteral("admin:subscribe")); });
    QSignalSpy connectedSpy(&client, &SocketIoClient::namespaceConnected);
    QSignalSpy retrySpy(&client, &SocketIoClient::reconnectScheduled);
    QSignalSpy lostSpy(&client, &SocketIoClient::disconnected);
    const QString subscribe = QStringLiteral("42/meeting-metrics,[\"admin:subscribe\"]");
    client.open();
    ASSERT_TRUE(gateway.waitForMessage(0, subscribe));

    gateway.at(0).socket->close();
    ASSERT_TRUE(lostSpy.wait(WaitMs));
    EXPECT_FALSE(lostSpy.at(0).at(0).toString().isEmpty());
    ASSERT_GE(retrySpy.count(), 1);
    EXPECT_EQ(retrySpy.at(0).at(0).toInt(), 1);
    // First delay: 50 ms +/- 50 %.
    EXPECT_GE(retrySpy.at(0).at(1).toInt(), 25);
    EXPECT_LE(retrySpy.at(0).at(1).toInt(), 75);

    ASSERT_TRUE(gateway.waitForMessage(1, subscribe));
    EXPECT_EQ(connectedSpy.count(), 2);
    EXPECT_EQ(client.counters().reconnects, 1u);
    EXPECT_EQ(client.state(), ConnectionState::Connected);
}

TEST(SocketIoClient, KeepsRetryingWhileTheGatewayIsDown)
{
    TestGateway gateway;
    const QUrl url = gateway.url();
    gateway.stopListening(); // nothing listens on that port any more
    SocketIoConfig config = testConfig(gateway);
    config.gatewayUrl = url;
    SocketIoClient client(config);
    QSignalSpy retrySpy(&client, &SocketIoClient::reconnectScheduled);
    client.open();
    ASSERT_TRUE(QTest::qWaitFor([&] { return retrySpy.count() >= 3; }, WaitMs));
    // The attempt number grows while nothing connects.
    EXPECT_EQ(retrySpy.at(0).at(0).toInt(), 1);
    EXPECT_EQ(retrySpy.at(2).at(0).toInt(), 3);

    // close() cancels the scheduled reconnect for good.
    client.close();
    EXPECT_EQ(client.state(), ConnectionState::Idle);
    const auto retries = retrySpy.count();
    QTest::qWait(500);
    EXPECT_EQ(retrySpy.count(), retries);
    EXPECT_EQ(client.state(), ConnectionState::Idle);
}

TEST(SocketIoClient, DropsAndCountsBadFramesWithoutClosing)
{
    TestGateway gateway;
    gateway.autoAck = true;
    gateway.open = openPacket(25000, 20000, 2000);
    SocketIoClient client(testConfig(gateway));
    auto events = recordEvents(client);
    QSignalSpy connectedSpy(&client, &SocketIoClient::namespaceConnected);
    QSignalSpy dropSpy(&client, &SocketIoClient::frameDropped);
    QSignalSpy lostSpy(&client, &SocketIoClient::disconnected);
    client.open();
    ASSERT_TRUE(connectedSpy.wait(WaitMs));
    ServerConnection &conn = gateway.at(0);

    conn.socket->sendBinaryMessage(QByteArray("\x89PNG\r\n", 6));
    const QStringList unknown = {
        QStringLiteral("7"), QStringLiteral("x"), QString(), QStringLiteral("4abc"),
        QStringLiteral("49[]"), QStringLiteral("4"), QStringLiteral("3"), QStringLiteral("5"),
    };
    const QStringList otherNamespace = {
        QStringLiteral("42/other,[\"meeting:metrics:update\",{}]"),
        QStringLiteral("42[\"meeting:metrics:update\",{}]"),
        QStringLiteral("40/admin,{\"sid\":\"x\"}"),
    };
    const QStringList malformed = {
        QStringLiteral("42/meeting-metrics,[\"x\","),
        QStringLiteral("42/meeting-metrics,{}"),
        QStringLiteral("42/meeting-metrics,abc[\"x\"]"),
        QStringLiteral("42/meeting-metrics,[]"),
        QStringLiteral("42/meeting-metrics,99999999999999999999[\"x\"]"),
        QStringLiteral("42/meeting-metrics,[\"x\",") + QString(200, QLatin1Char('[')),
        QStringLiteral("42/meeting-metrics,"),
    };
    const QString oversize = QStringLiteral("42/meeting-metrics,[\"meeting:metrics:update\",\"%1\"]")
                                 .arg(QString(3000, QLatin1Char('a')));
    const QString binaryHeader = QStringLiteral(
        "451-/meeting-metrics,[\"chart\",{\"_placeholder\":true,\"num\":0}]");
    for (const QString &frame : unknown + otherNamespace + malformed)
        conn.send(frame);
    conn.send(oversize);
    conn.send(binaryHeader);
    conn.socket->sendBinaryMessage(QByteArray("\x01\x02\x03", 3));
    conn.send(QStringLiteral("6")); // noop: ignored, not counted
    conn.send(QStringLiteral("42/meeting-metrics,[\"meeting:metrics:update\",{\"meetingId\":\"m1\"}]"));

    ASSERT_TRUE(QTest::qWaitFor([&] { return !events->empty(); }, WaitMs));
    ASSERT_EQ(events->size(), 1u);
    EXPECT_EQ(events->at(0).name, QStringLiteral("meeting:metrics:update"));
    EXPECT_EQ(events->at(0).args, json::array({json{{"meetingId", "m1"}}}));

    const ProtocolCounters &counters = client.counters();
    EXPECT_EQ(counters.droppedBinary, 3u);
    EXPECT_EQ(counters.droppedUnknownType, quint64(unknown.size()));
    EXPECT_EQ(counters.droppedOtherNamespace, quint64(otherNamespace.size()));
    EXPECT_EQ(counters.droppedMalformed, quint64(malformed.size()));
    EXPECT_EQ(counters.droppedOversize, 1u);
    EXPECT_EQ(counters.events, 1u);
    const auto dropped = 3 + unknown.size() + otherNamespace.size() + malformed.size() + 1;
    EXPECT_EQ(dropSpy.count(), dropped);
    // open + ack + every text frame above
    EXPECT_EQ(counters.textFrames,
              quint64(2 + unknown.size() + otherNamespace.size() + malformed.size() + 4));

    // Still the same, working connection.
    EXPECT_EQ(lostSpy.count(), 0);
    EXPECT_EQ(client.state(), ConnectionState::Connected);
    ASSERT_TRUE(gateway.roundTrip(0));
    EXPECT_FALSE(conn.closed);
    EXPECT_EQ(gateway.count(), 1);
}

TEST(SocketIoClient, AnswersServerAckRequestsWithAnEmptyAck)
{
    TestGateway gateway;
    gateway.autoAck = true;
    SocketIoClient client(testConfig(gateway));
    auto events = recordEvents(client);
    QSignalSpy connectedSpy(&client, &SocketIoClient::namespaceConnected);
    client.open();
    ASSERT_TRUE(connectedSpy.wait(WaitMs));

    gateway.at(0).send(
        QStringLiteral("42/meeting-metrics,4821[\"admin:confirm\",{\"action\":\"mute-all\"}]"));
    ASSERT_TRUE(gateway.waitForMessage(0, QStringLiteral("43/meeting-metrics,4821[]")));
    ASSERT_EQ(events->size(), 1u);
    EXPECT_EQ(events->at(0).name, QStringLiteral("admin:confirm"));
    EXPECT_EQ(events->at(0).args, json::array({json{{"action", "mute-all"}}}));
    // Acks for ids we never used are ignored, as the server does.
    gateway.at(0).send(QStringLiteral("43/meeting-metrics,5[{\"x\":1}]"));
    ASSERT_TRUE(gateway.roundTrip(0));
    EXPECT_EQ(client.state(), ConnectionState::Connected);
}

TEST(SocketIoClient, EventsReplayedBeforeTheAckAreDeliveredAfterIt)
{
    TestGateway gateway;
    SocketIoClient client(testConfig(gateway));
    auto events = recordEvents(client);
    QSignalSpy connectedSpy(&client, &SocketIoClient::namespaceConnected);
    bool connectedFirst = false;
    QObject::connect(&client, &SocketIoClient::namespaceConnected, &client,
                     [&] { connectedFirst = events->empty(); });
    client.open();
    ASSERT_TRUE(gateway.waitForMessageCount(0, 1));
    ServerConnection &conn = gateway.at(0);

    conn.send(QStringLiteral("42/meeting-metrics,[\"meeting:metrics:update\",{\"n\":1},\"off1\"]"));
    conn.send(QStringLiteral("42/meeting-metrics,7[\"meeting:metrics:update\",{\"n\":2},\"off2\"]"));
    ASSERT_TRUE(gateway.roundTrip(0));
    EXPECT_TRUE(events->empty());
    // Nothing, not even the ack for id 7, goes out before the namespace ack.
    EXPECT_EQ(conn.received.size(), 2);

    conn.send(connectAck());
    ASSERT_TRUE(QTest::qWaitFor([&] { return events->size() == 2; }, WaitMs));
    EXPECT_TRUE(connectedFirst);
    EXPECT_EQ(events->at(0).args, json::array({json{{"n", 1}}, "off1"}));
    EXPECT_EQ(events->at(1).args, json::array({json{{"n", 2}}, "off2"}));
    EXPECT_TRUE(gateway.waitForMessage(0, QStringLiteral("43/meeting-metrics,7[]")));
}

TEST(SocketIoClient, EventFrameFilterSeesFramesOnlyWhileConnectedAndSurelyWithinMaxPayload)
{
    TestGateway gateway;
    gateway.open = openPacket(25000, 20000, 2000);
    SocketIoClient client(testConfig(gateway));
    auto events = recordEvents(client);
    QStringList offered;
    // Takes the frames of a "fast" event; leaves everything else alone.
    client.setEventFrameFilter([&offered](QStringView frame) {
        offered.append(frame.toString());
        return frame.contains(u"[\"fast\"");
    });
    QSignalSpy dropSpy(&client, &SocketIoClient::frameDropped);
    client.open();
    ASSERT_TRUE(gateway.waitForMessageCount(0, 1));
    ServerConnection &conn = gateway.at(0);

    // Before the namespace ack: buffered by the generic path, in order.
    const QString early = QStringLiteral("42/meeting-metrics,[\"fast\",1]");
    conn.send(early);
    ASSERT_TRUE(gateway.roundTrip(0));
    conn.send(connectAck());
    ASSERT_TRUE(QTest::qWaitFor([&] { return events->size() == 1; }, WaitMs));

    const QString taken = QStringLiteral("42/meeting-metrics,[\"fast\",2]");
    const QString withAck = QStringLiteral("42/meeting-metrics,7[\"slow\",3]");
    const QString malformed = QStringLiteral("42/meeting-metrics,[\"slow\",");
    // 3 x its length is over maxPayload, its UTF-8 is not: the generic path's.
    const QString large = QStringLiteral("42/meeting-metrics,[\"fast\",\"%1\"]")
                              .arg(QString(700, QLatin1Char('a')));
    const QString oversize = QStringLiteral("42/meeting-metrics,[\"fast\",\"%1\"]")
                                 .arg(QString(2100, QLatin1Char('a')));
    for (const QString &frame : {taken, withAck, malformed, large, oversize})
        conn.send(frame);
    ASSERT_TRUE(gateway.waitForMessage(0, QStringLiteral("43/meeting-metrics,7[]")));
    ASSERT_TRUE(gateway.roundTrip(0));

    EXPECT_FALSE(offered.contains(early));
    EXPECT_TRUE(offered.contains(taken));
    EXPECT_TRUE(offered.contains(withAck));
    EXPECT_TRUE(offered.contains(malformed));
    EXPECT_FALSE(offered.contains(large));
    EXPECT_FALSE(offered.contains(oversize));

    ASSERT_EQ(events->size(), 3u);
    EXPECT_EQ(events->at(0).args, json::array({1}));
    EXPECT_EQ(events->at(1).name, QStringLiteral("slow"));
    EXPECT_EQ(events->at(2).name, QStringLiteral("fast"));
    const ProtocolCounters &counters = client.counters();
    EXPECT_EQ(counters.events, 4u); // the taken frame counts as delivered
    EXPECT_EQ(counters.droppedMalformed, 1u);
    EXPECT_EQ(counters.droppedOversize, 1u);
    EXPECT_EQ(dropSpy.count(), 2);
    // open, early, ping, ack, the five above, ping
    EXPECT_EQ(counters.textFrames, 10u);
    EXPECT_EQ(client.state(), ConnectionState::Connected);
}

TEST(SocketIoClient, HandshakeProblemsTakeTheRetryPath)
{
    TestGateway gateway;
    gateway.open.clear(); // first connection: no open packet at all
    SocketIoConfig config = testConfig(gateway);
    config.openTimeoutMs = 300;
    config.namespaceAckTimeoutMs = 300;
    SocketIoClient client(config);
    QSignalSpy lostSpy(&client, &SocketIoClient::disconnected);
    QSignalSpy connectedSpy(&client, &SocketIoClient::namespaceConnected);
    client.open();

    // 1. Open watchdog.
    ASSERT_TRUE(gateway.waitForConnections(1));
    gateway.open = QStringLiteral("0this is not json");
    ASSERT_TRUE(gateway.waitForConnections(2));
    // 2. An open packet that is not JSON.
    gateway.open = openPacket();
    ASSERT_TRUE(gateway.waitForConnections(3));
    // 3. Open, CONNECT sent, but never an ack: the namespace watchdog.
    ASSERT_TRUE(gateway.waitForMessageCount(2, 1));
    gateway.autoAck = true;
    ASSERT_TRUE(connectedSpy.wait(WaitMs));
    EXPECT_EQ(gateway.count(), 4);
    EXPECT_EQ(gateway.at(2).received.size(), 1); // CONNECT was never resent on that session
    EXPECT_GE(lostSpy.count(), 3);
    for (int i = 0; i < 3; ++i)
        EXPECT_TRUE(gateway.waitForClosed(i)) << i;

    // 4. An Engine.IO close packet from the server.
    gateway.at(3).send(QStringLiteral("1"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return connectedSpy.count() == 2; }, WaitMs));
    EXPECT_EQ(gateway.count(), 5);
    EXPECT_EQ(client.counters().reconnects, 1u);
}

TEST(SocketIoClient, CloseIsSafeInEveryState)
{
    TestGateway gateway;
    gateway.autoAck = true;
    SocketIoClient client(testConfig(gateway));
    QSignalSpy connectedSpy(&client, &SocketIoClient::namespaceConnected);
    QSignalSpy retrySpy(&client, &SocketIoClient::reconnectScheduled);

    client.close(); // Idle
    EXPECT_EQ(client.state(), ConnectionState::Idle);
    client.open();
    client.close(); // Connecting
    EXPECT_EQ(client.state(), ConnectionState::Idle);
    client.open();
    ASSERT_TRUE(connectedSpy.wait(WaitMs));
    const int connections = gateway.count();
    client.close(); // Connected: namespace disconnect, then the socket closes
    client.close();
    EXPECT_EQ(client.state(), ConnectionState::Idle);
    EXPECT_TRUE(gateway.waitForClosed(connections - 1));
    EXPECT_TRUE(gateway.at(connections - 1).hasReceived(QStringLiteral("41/meeting-metrics,")));
    QTest::qWait(400);
    EXPECT_EQ(gateway.count(), connections);
    EXPECT_EQ(retrySpy.count(), 0);
}

TEST(SocketIoClient, CanBeDestroyedInAnyStateEvenFromItsOwnSignal)
{
    TestGateway gateway;
    gateway.autoAck = true;
    {
        // Destroyed while the WebSocket handshake is in flight.
        SocketIoClient client(testConfig(gateway));
        client.open();
    }
    QTest::qWait(50);

    // Destroyed from a slot of its namespaceConnected signal.
    QObject context;
    QPointer<SocketIoClient> client = new SocketIoClient(testConfig(gateway));
    QObject::connect(client, &SocketIoClient::namespaceConnected, &context,
                     [&client] { delete client.data(); });
    client->emitEvent(QStringLiteral("admin:subscribe"));
    client->open();
    ASSERT_TRUE(QTest::qWaitFor([&] { return client.isNull(); }, WaitMs));
    const int last = gateway.count() - 1;
    EXPECT_TRUE(gateway.waitForClosed(last));

    // Destroyed from a slot of its disconnected signal.
    client = new SocketIoClient(testConfig(gateway));
    QObject::connect(client, &SocketIoClient::namespaceConnected, &context,
                     [&gateway] { gateway.at(gateway.count() - 1).socket->close(); });
    QObject::connect(client, &SocketIoClient::disconnected, &context,
                     [&client] { delete client.data(); });
    client->open();
    ASSERT_TRUE(QTest::qWaitFor([&] { return client.isNull(); }, WaitMs));
    const int connections = gateway.count();
    QTest::qWait(300);
    EXPECT_EQ(gateway.count(), connections); // no reconnection from a dead client
}


TEST(SocketIoClient, NeverLogsTheTokenOrSessionIds)
{
    QStringList lines;
    g_logLines = &lines;
    g_previousHandler = qInstallMessageHandler(captureMessage);
    QLoggingCategory::setFilterRules(QStringLiteral("mm.net.*=true"));

    {
        TestGateway gateway;
        gateway.autoAck = true;
        SocketIoClient client(testConfig(gateway));
        QSignalSpy connectedSpy(&client, &SocketIoClient::namespaceConnected);
        QSignalSpy errorSpy(&client, &SocketIoClient::connectError);
        client.open();
        ASSERT_TRUE(connectedSpy.wait(WaitMs));
        gateway.at(0).send(QStringLiteral("7"));
        gateway.at(0).socket->close();
        ASSERT_TRUE(QTest::qWaitFor([&] { return gateway.count() == 2; }, WaitMs));
        gateway.autoAck = false;
        ASSERT_TRUE(gateway.waitForMessageCount(1, 1));
        gateway.at(1).send(QStringLiteral("44/meeting-metrics,{\"message\":\"bad token\"}"));
        ASSERT_TRUE(errorSpy.wait(WaitMs));
    }

    qInstallMessageHandler(g_previousHandler);
    g_logLines = nullptr;
    QLoggingCategory::setFilterRules(QString());

    EXPECT_GE(lines.size(), 5); // the capture did see the client's log
    for (const QString &line : lines) {
        for (const QString &secret : {Token, EngineSid, NamespaceSid, Pid})
            EXPECT_FALSE(line.contains(secret)) << line.toStdString();
    }
}

TEST(SocketIoClient, WorksAfterMovingToAnotherThread)
{
    // As IngestThread does: built here, moved, then driven from its thread.
    TestGateway gateway;
    gateway.autoAck = true;
    gateway.open = openPacket(200, 200); // and no pings: the timers must run there
    QThread thread;
    auto *client = new SocketIoClient(testConfig(gateway));
    client->moveToThread(&thread);
    QObject receiver; // lives here: the connections below are queued
    int connected = 0;
    std::vector<QString> events;
    QObject::connect(client, &SocketIoClient::namespaceConnected, &receiver, [&] { ++connected; });
    QObject::connect(client, &SocketIoClient::eventReceived, &receiver,
                     [&](const QString &name, const json &) { events.push_back(name); });
    thread.start();
    QMetaObject::invokeMethod(client, [client] { client->open(); }, Qt::QueuedConnection);

    ASSERT_TRUE(QTest::qWaitFor([&] { return connected >= 1 && gateway.count() >= 1; }, WaitMs));
    gateway.at(0).send(QStringLiteral("42/meeting-metrics,[\"meeting:metrics:update\",{}]"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !events.empty(); }, WaitMs));
    // Heartbeat deadline, then the backoff timer, both on the worker thread.
    EXPECT_TRUE(QTest::qWaitFor([&] { return connected >= 2; }, WaitMs));

    QMetaObject::invokeMethod(client, [client] { delete client; }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
}

// --- the ingest worker's fast path --------------------------------------------

TEST(IngestWorkerFastPath, CountsAndDecodesLikeTheGenericPath)
{
    TestGateway gateway;
    gateway.autoAck = true;
    const SystemClock clock;
    IngestWorker worker(testConfig(gateway), clock, 20);
    std::vector<Sample> samples;
    QObject::connect(&worker, &IngestWorker::samplesArrived, &worker,
                     [&samples](const SampleBatchPtr &batch) {
                         samples.insert(samples.end(), batch->begin(), batch->end());
                     });
    worker.start();
    ASSERT_TRUE(
        gateway.waitForMessage(0, QStringLiteral("42/meeting-metrics,[\"admin:subscribe\"]")));

    const QString prefix = QStringLiteral("42/meeting-metrics,");
    const auto metrics = [&prefix](const QString &payload) -> QString {
        return prefix + QStringLiteral("[\"meeting:metrics:update\",") + payload
            + QStringLiteral("]");
    };
    const QStringList frames = {
        // The fast path's: accepted, rejected, accepted with an invalid field.
        metrics(
            QStringLiteral(R"({"meetingId":"m-1","userId":"u-1","metrics":)"
                           R"({"username":"Alice","avgLatency":40,"packetLossRate":0.5}},"off")")),
        metrics(QStringLiteral(R"({"meetingId":"","userId":"u-2","metrics":{}})")),
        metrics(
            QStringLiteral(R"({"meetingId":"m-1","userId":"u-3","metrics":{"avgLatency":-1}})")),
        // The generic path's: an escape, an ack request, other events.
        metrics(QStringLiteral(
            R"({"meetingId":"m-1","userId":"u-4","metrics":{"username":"Andr\u00e9"}})")),
        prefix
            + QStringLiteral(
                R"(9["meeting:metrics:update",{"meetingId":"m-1","userId":"u-5","metrics":{}}])"),
        prefix
            + QStringLiteral(
                R"(["meeting:alerts",{"meetingId":"m-1","alerts":[{"type":"packet-loss"}]}])"),
        prefix + QStringLiteral(R"(["meeting:unknown",{}])"),
    };
    for (const QString &frame : frames)
        gateway.at(0).send(frame);
    ASSERT_TRUE(gateway.waitForMessage(0, QStringLiteral("43/meeting-metrics,9[]")));
    ASSERT_TRUE(QTest::qWaitFor([&] { return worker.stats().eventsReceived == 7; }, WaitMs));
    worker.stop();

    const IngestStats stats = worker.stats();
    EXPECT_EQ(stats.protocol.events, 7u);
    EXPECT_EQ(stats.samplesAccepted, 4u);
    EXPECT_EQ(stats.alertsAccepted, 1u);
    EXPECT_EQ(stats.rejects.byReason[size_t(RejectReason::BadMeetingId)], 1u);
    EXPECT_EQ(stats.rejects.byReason[size_t(RejectReason::UnknownEvent)], 1u);
    EXPECT_EQ(stats.rejects.total(), 2u);
    EXPECT_EQ(stats.rejects.invalidFields, 1u);
    EXPECT_GT(stats.lastMessageMs, 0);
    ASSERT_EQ(samples.size(), 4u);
    EXPECT_EQ(samples[0].userId, QStringLiteral("u-1"));
    EXPECT_EQ(samples[0].username, QStringLiteral("Alice"));
    EXPECT_EQ(samples[0].quality, Quality::Excellent);
    EXPECT_TRUE(samples[0].qualityDerived);
    EXPECT_EQ(samples[1].userId, QStringLiteral("u-3"));
    EXPECT_FALSE(samples[1].latencyMs.has_value());
    EXPECT_EQ(samples[2].username, QStringLiteral(u"Andr\u00e9"));
    EXPECT_EQ(samples[3].userId, QStringLiteral("u-5"));
}

// --- load shedding in the ingest worker ---------------------------------------

TEST(IngestWorkerShedding, ShedsAndCountsWhileConsumersHoldTooManySamples)
{
    TestGateway gateway;
    gateway.autoAck = true;
    const SystemClock clock;
    IngestWorker worker(testConfig(gateway), clock, 20);
    worker.setMaxInFlightSamples(10);
    // A consumer that keeps every batch: nothing is released.
    std::vector<SampleBatchPtr> held;
    QObject::connect(&worker, &IngestWorker::samplesArrived, &worker,
                     [&held](const SampleBatchPtr &batch) { held.push_back(batch); });
    worker.start();
    ASSERT_TRUE(gateway.waitForMessage(
        0, QStringLiteral("42/meeting-metrics,[\"admin:subscribe\"]")));

    const auto sendSamples = [&gateway](int first, int n) {
        for (int i = first; i < first + n; ++i) {
            const json payload = {
                {"meetingId", "m-1"},
                {"userId", "u-" + std::to_string(i)},
                {"metrics",
                 {{"userId", "u-" + std::to_string(i)}, {"meetingId", "m-1"},
                  {"avgLatency", 40}, {"packetLossRate", 0.5}, {"jitter", 3},
                  {"connectionQuality", "good"}, {"timestamp", 1764000000000}}}};
            gateway.at(0).send(QStringLiteral("42/meeting-metrics,")
                               + QString::fromStdString(
                                   json::array({"meeting:metrics:update", payload}).dump()));
        }
    };
    sendSamples(0, 30);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const IngestStats s = worker.stats();
            return s.samplesAccepted + s.samplesShed + s.rejects.total() >= 30;
        },
        WaitMs));
    IngestStats stats = worker.stats();
    EXPECT_EQ(stats.rejects.total(), 0u);
    EXPECT_EQ(stats.samplesAccepted, 10u);
    EXPECT_EQ(stats.samplesShed, 20u);
    EXPECT_EQ(stats.namespaceConnects, 1u);
    EXPECT_GT(stats.lastConnectedMs, 0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return worker.inFlightSamples() == 10; }, WaitMs));

    // The consumer lets go: the worker takes samples again.
    held.clear();
    EXPECT_EQ(worker.inFlightSamples(), 0);
    sendSamples(30, 5);
    ASSERT_TRUE(QTest::qWaitFor([&] { return worker.stats().samplesAccepted >= 15; }, WaitMs));
    stats = worker.stats();
    EXPECT_EQ(stats.samplesAccepted, 15u);
    EXPECT_EQ(stats.samplesShed, 20u);
    worker.stop();
}
