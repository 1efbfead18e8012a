#include "simulatorserver.h"

#include <QDateTime>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>
#include <nlohmann/json.hpp>

namespace mm {

// One Engine.IO session. Owned by the server; the socket and its timers are
// Qt children of the server and are deleted with deleteLater.
struct SimulatorSession
{
    QPointer<QWebSocket> socket;
    QTimer *heartbeat = nullptr;
    QTimer *connectDeadline = nullptr;
    bool awaitingPong = false;
    bool rootConnected = false;
    bool nspConnected = false;
    bool subscribed = false;
    bool closed = false;
};

namespace {

std::string randomId(int length)
{
    static constexpr char Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string id;
    id.reserve(size_t(length));
    auto *rng = QRandomGenerator::global();
    for (int i = 0; i < length; ++i)
        id += Alphabet[rng->bounded(64)];
    return id;
}

// At most `maxBytes` of `text`, cut on a UTF-8 character boundary so the
// result stays valid UTF-8.
std::string_view utf8Prefix(std::string_view text, size_t maxBytes)
{
    if (text.size() <= maxBytes)
        return text;
    size_t end = maxBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return text.substr(0, end);
}

} // namespace

SimulatorServer::SimulatorServer(FleetConfig fleet, SimulatorServerConfig config, QObject *parent)
    : QObject(parent),
      m_fleet(fleet),
      m_config(std::move(config)),
      m_counters(std::make_shared<SimulatorCounters>()),
      m_server(new QWebSocketServer(QStringLiteral("meeting-monitor-simulator"),
                                    QWebSocketServer::NonSecureMode, this)),
      m_tick(new QTimer(this))
{
    if (!m_config.nspace.startsWith(QLatin1Char('/')))
        m_config.nspace.prepend(QLatin1Char('/'));
    m_config.tickMs = std::clamp(m_config.tickMs, 1, 1000);
    m_config.pingIntervalMs = std::max(1, m_config.pingIntervalMs);
    m_config.pingTimeoutMs = std::max(1, m_config.pingTimeoutMs);
    m_config.maxPayload = std::max<qint64>(1024, m_config.maxPayload);

    m_nspace = m_config.nspace.toStdString();

    // The hot path: every event frame is this header, then the payload and
    // a ']', with no JSON built per frame. The header comes from the shared
    // encoder so it cannot drift from what the parser reads.
    SocketIoPacket event;
    event.type = SocketIoPacketType::Event;
    event.nsp = m_nspace;
    const std::string prefix = encodeEngineIoPacket(EngineIoPacketType::Message, encodeSocketIoPacket(event)) + "[\"";
    m_metricsPrefix = prefix + std::string(MetricsEventName) + "\",";
    m_alertsPrefix = prefix + std::string(AlertsEventName) + "\",";
    m_frameBuffer.reserve(2048);

    m_tick->setTimerType(Qt::PreciseTimer);
    m_tick->setInterval(m_config.tickMs);
    connect(m_tick, &QTimer::timeout, this, &SimulatorServer::onTick);
    connect(m_server, &QWebSocketServer::newConnection, this, &SimulatorServer::onNewConnection);
}

SimulatorServer::~SimulatorServer()
{
    close();
}

bool SimulatorServer::listen(QString *error)
{
    if (m_server->isListening())
        return true;
    if (!m_server->listen(m_config.address, m_config.port)) {
        if (error)
            *error = m_server->errorString();
        return false;
    }
    m_fleet.start(QDateTime::currentMSecsSinceEpoch());
    m_tick->start();
    return true;
}

void SimulatorServer::close()
{
    m_tick->stop();
    for (auto &session : m_sessions)
        dropSession(session.get(), QStringLiteral("server closed"), true);
    m_sessions.clear();
    m_server->close();
}

void SimulatorServer::stopSending()
{
    m_tick->stop();
}

qint64 SimulatorServer::bytesPending() const
{
    qint64 pending = 0;
    for (const auto &session : m_sessions) {
        if (!session->closed && session->socket)
            pending += session->socket->bytesToWrite();
    }
    return pending;
}

bool SimulatorServer::isListening() const { return m_server->isListening(); }

quint16 SimulatorServer::port() const { return m_server->serverPort(); }

QUrl SimulatorServer::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(m_config.address.toString());
    url.setPort(port());
    return url;
}

void SimulatorServer::onNewConnection()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        m_counters->connections.fetch_add(1);
        auto session = std::make_unique<SimulatorSession>();
        SimulatorSession *s = session.get();
        s->socket = socket;
        m_sessions.push_back(std::move(session));

        // Only the Engine.IO endpoint exists; engine.io answers anything else
        // with HTTP 400, which QWebSocketServer cannot do, so close at once.
        const QUrl requestUrl = socket->requestUrl();
        const QUrlQuery query(requestUrl);
        if (requestUrl.path() != m_config.path || query.queryItemValue(QStringLiteral("EIO")) != QLatin1String("4")
            || query.queryItemValue(QStringLiteral("transport")) != QLatin1String("websocket")) {
            rejectFrame(s, QStringLiteral("bad request path or query"));
            continue;
        }

        socket->setMaxAllowedIncomingMessageSize(quint64(m_config.maxPayload));
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, s](const QString &message) { onTextMessage(s, message); });
        connect(socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &) {
            // No binary packets are expected from an admin; count and ignore.
            m_counters->framesRejected.fetch_add(1);
        });
        connect(socket, &QWebSocket::disconnected, this, [this, s]() {
            dropSession(s, QStringLiteral("transport close"));
        });

        s->heartbeat = new QTimer(socket);
        s->heartbeat->setSingleShot(true);
        connect(s->heartbeat, &QTimer::timeout, this, [this, s]() { onHeartbeatTimeout(s); });
        s->connectDeadline = new QTimer(socket);
        s->connectDeadline->setSingleShot(true);
        connect(s->connectDeadline, &QTimer::timeout, this, [this, s]() {
            if (!s->nspConnected && !s->rootConnected)
                dropSession(s, QStringLiteral("no namespace joined"));
        });

        const nlohmann::json open = {
            {"sid", randomId(20)},
            {"upgrades", nlohmann::json::array()},
            {"pingInterval", m_config.pingIntervalMs},
            {"pingTimeout", m_config.pingTimeoutMs},
            {"maxPayload", m_config.maxPayload},
        };
        sendPacket(s, EngineIoPacketType::Open, open.dump());
        s->heartbeat->start(m_config.pingIntervalMs);
        s->connectDeadline->start(m_config.connectTimeoutMs);
        emit clientConnected();
    }
}

void SimulatorServer::onHeartbeatTimeout(SimulatorSession *session)
{
    if (session->closed)
        return;
    if (session->awaitingPong) {
        dropSession(session, QStringLiteral("ping timeout"));
        return;
    }
    session->awaitingPong = true;
    sendPacket(session, EngineIoPacketType::Ping);
    session->heartbeat->start(m_config.pingTimeoutMs);
}

void SimulatorServer::onTextMessage(SimulatorSession *session, const QString &message)
{
    if (session->closed)
        return;
    const QByteArray utf8 = message.toUtf8();
    PacketError error = PacketError::None;
    const auto packet = parseEngineIoPacket(std::string_view(utf8.constData(), size_t(utf8.size())), &error);
    if (!packet)
        return rejectFrame(session, packetErrorName(error));
    switch (packet->type) {
    case EngineIoPacketType::Close:
        dropSession(session, QStringLiteral("client close"));
        return;
    case EngineIoPacketType::Ping:
        // In Engine.IO v4 only the server pings; engine.io closes here.
        return rejectFrame(session, QStringLiteral("invalid heartbeat direction"));
    case EngineIoPacketType::Pong:
        if (session->awaitingPong) {
            session->awaitingPong = false;
            session->heartbeat->start(m_config.pingIntervalMs);
        }
        return;
    case EngineIoPacketType::Message:
        onSocketIoPacket(session, packet->data);
        return;
    case EngineIoPacketType::Upgrade:
    case EngineIoPacketType::Noop:
        return; // meaningless without polling, harmless
    case EngineIoPacketType::Open:
        break; // server-to-client only
    }
    rejectFrame(session, QStringLiteral("unexpected open packet"));
}

void SimulatorServer::onSocketIoPacket(SimulatorSession *session, std::string_view text)
{
    PacketError error = PacketError::None;
    const auto parsed = parseSocketIoPacket(text, &error);
    if (!parsed)
        return rejectFrame(session, packetErrorName(error));
    const SocketIoPacket &packet = *parsed;
    if (packet.isBinary()) {
        // Its attachments would follow as binary frames, which we count and
        // ignore too: no admin sends binary.
        m_counters->framesRejected.fetch_add(1);
        return;
    }

    const bool isOurs = packet.nsp == m_nspace;
    const bool isRoot = packet.nsp == "/";
    const bool joined = (isOurs && session->nspConnected) || (isRoot && session->rootConnected);
    // Replies go to the namespace the packet came from.
    SocketIoPacket reply;
    reply.nsp = packet.nsp;

    switch (packet.type) {
    case SocketIoPacketType::Connect: {
        if (joined)
            return rejectFrame(session, QStringLiteral("duplicate connect"));
        if (!isOurs && !isRoot) {
            // Bound the echoed name: it came from the client.
            reply.type = SocketIoPacketType::ConnectError;
            reply.nsp = std::string(utf8Prefix(packet.nsp, 256));
            reply.data = nlohmann::json{{"message", "Invalid namespace"}};
            sendSocketIoPacket(session, reply);
            return;
        }
        if (isOurs && !m_config.token.isEmpty()) {
            // The parser has checked that a CONNECT payload is an object.
            const nlohmann::json *token = nullptr;
            if (packet.data) {
                const auto it = packet.data->find("token");
                if (it != packet.data->end() && it->is_string())
                    token = &*it;
            }
            if (!token || QString::fromStdString(token->get_ref<const std::string &>()) != m_config.token) {
                m_counters->authFailures.fetch_add(1);
                reply.type = SocketIoPacketType::ConnectError;
                reply.data = nlohmann::json{{"message", "unauthorized"}};
                sendSocketIoPacket(session, reply);
                emit clientRefused(QStringLiteral("unauthorized"));
                return;
            }
        }
        if (isOurs)
            session->nspConnected = true;
        else
            session->rootConnected = true;
        reply.type = SocketIoPacketType::Connect;
        reply.data = nlohmann::json{{"sid", randomId(20)}};
        sendSocketIoPacket(session, reply);
        return;
    }
    case SocketIoPacketType::Disconnect:
        if (!joined)
            return rejectFrame(session, QStringLiteral("disconnect from a namespace not joined"));
        if (isOurs) {
            session->nspConnected = false;
            unsubscribe(session);
        } else {
            session->rootConnected = false;
        }
        return;
    case SocketIoPacketType::Event: {
        if (!joined)
            return rejectFrame(session, QStringLiteral("event on a namespace not joined"));
        // The parser guarantees a non-empty array whose first element is a
        // number or a non-reserved name; a number names no handler of ours.
        if (!packet.data)
            return rejectFrame(session, QStringLiteral("event without payload"));
        const nlohmann::json &name = packet.data->front();
        if (isOurs && name == "admin:subscribe") {
            if (!session->subscribed) {
                session->subscribed = true;
                m_counters->subscribers.fetch_add(1);
                emit clientSubscribed();
            }
        } else if (isOurs && name == "admin:unsubscribe") {
            unsubscribe(session);
        }
        // Other events are ignored, as a gateway without a handler does.
        if (packet.id) {
            reply.type = SocketIoPacketType::Ack;
            reply.id = packet.id;
            reply.data = nlohmann::json::array();
            sendSocketIoPacket(session, reply);
        }
        return;
    }
    case SocketIoPacketType::Ack: // we never ask for one
        if (!joined)
            return rejectFrame(session, QStringLiteral("ack on a namespace not joined"));
        m_counters->framesRejected.fetch_add(1);
        return;
    case SocketIoPacketType::ConnectError: // server-to-client only
    case SocketIoPacketType::BinaryEvent:  // handled above
    case SocketIoPacketType::BinaryAck:
        break;
    }
    rejectFrame(session, QStringLiteral("invalid packet type"));
}

void SimulatorServer::unsubscribe(SimulatorSession *session)
{
    if (session->subscribed)
        m_counters->subscribers.fetch_sub(1);
    session->subscribed = false;
}

void SimulatorServer::rejectFrame(SimulatorSession *session, const QString &reason)
{
    m_counters->framesRejected.fetch_add(1);
    dropSession(session, reason);
}

void SimulatorServer::sendPacket(SimulatorSession *session, EngineIoPacketType type, std::string_view data)
{
    if (session->closed || !session->socket)
        return;
    const std::string frame = encodeEngineIoPacket(type, data);
    session->socket->sendTextMessage(QString::fromUtf8(frame.data(), qsizetype(frame.size())));
}

void SimulatorServer::sendSocketIoPacket(SimulatorSession *session, const SocketIoPacket &packet)
{
    sendPacket(session, EngineIoPacketType::Message, encodeSocketIoPacket(packet));
}

void SimulatorServer::dropSession(SimulatorSession *session, const QString &reason, bool abort)
{
    if (session->closed)
        return;
    session->closed = true;
    unsubscribe(session);
    if (session->heartbeat)
        session->heartbeat->stop();
    if (session->connectDeadline)
        session->connectDeadline->stop();
    if (QWebSocket *socket = session->socket) {
        socket->disconnect(this);
        if (abort)
            socket->abort();
        else
            socket->close();
        socket->deleteLater();
    }
    session->socket = nullptr;
    session->heartbeat = nullptr;
    session->connectDeadline = nullptr;
    emit clientDisconnected(reason);
    QTimer::singleShot(0, this, &SimulatorServer::purgeClosedSessions);
}

void SimulatorServer::purgeClosedSessions()
{
    std::erase_if(m_sessions, [](const std::unique_ptr<SimulatorSession> &s) { return s->closed; });
}

void SimulatorServer::broadcast(const FleetPayload &payload)
{
    const bool metrics = payload.kind == FleetPayload::Kind::Metrics;
    m_frameBuffer.assign(metrics ? m_metricsPrefix : m_alertsPrefix);
    m_frameBuffer += payload.json;
    m_frameBuffer += ']';
    const QString frame = QString::fromUtf8(m_frameBuffer.data(), qsizetype(m_frameBuffer.size()));
    for (const auto &session : m_sessions) {
        if (session->closed || !session->subscribed || !session->socket)
            continue;
        if (session->socket->bytesToWrite() > m_config.maxBufferedBytes) {
            m_counters->framesDropped.fetch_add(1);
            continue;
        }
        session->socket->sendTextMessage(frame);
        (metrics ? m_counters->samplesSent : m_counters->alertsSent).fetch_add(1, std::memory_order_relaxed);
    }
}

void SimulatorServer::onTick()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_counters->subscribers.load() <= 0) {
        // Nobody listens: keep the fleet's clock (and its meetings' lives)
        // moving without building payloads.
        m_fleet.skipTo(now);
        return;
    }
    m_fleet.step(now, [this](const FleetPayload &payload) { broadcast(payload); });
}

} // namespace mm
