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

QString randomId(int length)
{
    static constexpr char Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    QString id;
    id.reserve(length);
    auto *rng = QRandomGenerator::global();
    for (int i = 0; i < length; ++i)
        id += QLatin1Char(Alphabet[rng->bounded(64)]);
    return id;
}

// nlohmann's parser is iterative but its values are still nested objects;
// refuse absurd nesting up front so no frame can exhaust the stack.
bool nestingWithin(std::string_view text, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '[' || c == '{') {
            if (++depth > maxDepth)
                return false;
        } else if (c == ']' || c == '}')
            --depth;
    }
    return true;
}

std::string nspPrefix(const std::string &nsp)
{
    // The root namespace is written without a name; any other with a comma.
    return nsp == "/" ? std::string() : nsp + ',';
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

    const std::string prefix = "42" + nspPrefix(m_config.nspace.toStdString()) + "[\"";
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
            m_counters->framesRejected.fetch_add(1);
            dropSession(s, QStringLiteral("bad request path or query"));
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
            {"sid", randomId(20).toStdString()},
            {"upgrades", nlohmann::json::array()},
            {"pingInterval", m_config.pingIntervalMs},
            {"pingTimeout", m_config.pingTimeoutMs},
            {"maxPayload", m_config.maxPayload},
        };
        sendFrame(s, QLatin1Char('0') + QString::fromStdString(open.dump()));
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
    sendFrame(session, QStringLiteral("2"));
    session->heartbeat->start(m_config.pingTimeoutMs);
}

void SimulatorServer::onTextMessage(SimulatorSession *session, const QString &message)
{
    if (session->closed)
        return;
    if (message.isEmpty()) {
        m_counters->framesRejected.fetch_add(1);
        dropSession(session, QStringLiteral("parse error"));
        return;
    }
    switch (message.at(0).unicode()) {
    case '1':
        dropSession(session, QStringLiteral("client close"));
        return;
    case '2':
        // In Engine.IO v4 only the server pings; engine.io closes here.
        m_counters->framesRejected.fetch_add(1);
        dropSession(session, QStringLiteral("invalid heartbeat direction"));
        return;
    case '3':
        if (session->awaitingPong) {
            session->awaitingPong = false;
            session->heartbeat->start(m_config.pingIntervalMs);
        }
        return;
    case '4':
        onSocketIoPacket(session, message.mid(1).toStdString());
        return;
    case '5':
    case '6':
        return; // upgrade / noop: meaningless without polling, harmless
    default:
        m_counters->framesRejected.fetch_add(1);
        dropSession(session, QStringLiteral("parse error"));
        return;
    }
}

// Socket.IO v5 text decoding as socket.io-parser does it:
// <type>[<attachments>-][<nsp>,][<ackId>][<json>]
void SimulatorServer::onSocketIoPacket(SimulatorSession *session, const std::string &packet)
{
    auto fail = [this, session](const char *reason) {
        m_counters->framesRejected.fetch_add(1);
        dropSession(session, QString::fromLatin1(reason));
    };
    if (packet.empty() || packet[0] < '0' || packet[0] > '6')
        return fail("invalid packet type");
    const int type = packet[0] - '0';
    if (type == 5 || type == 6) {
        // Binary packets would be followed by attachments we never use.
        m_counters->framesRejected.fetch_add(1);
        return;
    }
    size_t pos = 1;
    std::string nsp = "/";
    if (pos < packet.size() && packet[pos] == '/') {
        const size_t comma = packet.find(',', pos);
        const size_t end = comma == std::string::npos ? packet.size() : comma;
        nsp = packet.substr(pos, end - pos);
        pos = comma == std::string::npos ? packet.size() : comma + 1;
    }
    std::optional<quint64> ackId;
    {
        size_t digits = 0;
        quint64 id = 0;
        while (pos + digits < packet.size() && packet[pos + digits] >= '0' && packet[pos + digits] <= '9') {
            if (digits >= 15)
                return fail("invalid ack id");
            id = id * 10 + quint64(packet[pos + digits] - '0');
            ++digits;
        }
        if (digits > 0)
            ackId = id;
        pos += digits;
    }
    const std::string_view body = std::string_view(packet).substr(pos);
    nlohmann::json payload;
    if (!body.empty()) {
        if (!nestingWithin(body, 32))
            return fail("payload too deeply nested");
        payload = nlohmann::json::parse(body.begin(), body.end(), nullptr, false);
        if (payload.is_discarded())
            return fail("invalid payload");
    }

    const std::string ourNsp = m_config.nspace.toStdString();
    const bool isOurs = nsp == ourNsp;
    const bool isRoot = nsp == "/";
    const bool joined = (isOurs && session->nspConnected) || (isRoot && session->rootConnected);
    const QString prefix = QString::fromStdString(nspPrefix(nsp));

    switch (type) {
    case 0: { // CONNECT
        if (!body.empty() && !payload.is_object())
            return fail("invalid payload");
        if (joined)
            return fail("duplicate connect");
        if (!isOurs && !isRoot) {
            // Bound the echoed name: it came from the client.
            sendFrame(session, QStringLiteral("44") + prefix.left(256)
                                   + QStringLiteral("{\"message\":\"Invalid namespace\"}"));
            return;
        }
        if (isOurs && !m_config.token.isEmpty()) {
            const auto it = payload.is_object() ? payload.find("token") : payload.end();
            const bool ok = payload.is_object() && it != payload.end() && it->is_string()
                            && QString::fromStdString(it->get<std::string>()) == m_config.token;
            if (!ok) {
                m_counters->authFailures.fetch_add(1);
                sendFrame(session, QStringLiteral("44") + prefix + QStringLiteral("{\"message\":\"unauthorized\"}"));
                emit clientRefused(QStringLiteral("unauthorized"));
                return;
            }
        }
        if (isOurs)
            session->nspConnected = true;
        else
            session->rootConnected = true;
        const nlohmann::json ack = {{"sid", randomId(20).toStdString()}};
        sendFrame(session, QStringLiteral("40") + prefix + QString::fromStdString(ack.dump()));
        return;
    }
    case 1: // DISCONNECT
        if (!joined)
            return fail("disconnect from a namespace not joined");
        if (isOurs) {
            session->nspConnected = false;
            if (session->subscribed)
                m_counters->subscribers.fetch_sub(1);
            session->subscribed = false;
        } else {
            session->rootConnected = false;
        }
        return;
    case 2: { // EVENT
        if (!joined)
            return fail("event on a namespace not joined");
        if (!payload.is_array() || payload.empty() || !payload[0].is_string())
            return fail("invalid event payload");
        const std::string &name = payload[0].get_ref<const std::string &>();
        if (isOurs && name == "admin:subscribe") {
            if (!session->subscribed) {
                session->subscribed = true;
                m_counters->subscribers.fetch_add(1);
                emit clientSubscribed();
            }
        } else if (isOurs && name == "admin:unsubscribe") {
            if (session->subscribed)
                m_counters->subscribers.fetch_sub(1);
            session->subscribed = false;
        }
        // Other events are ignored, as a gateway without a handler does.
        if (ackId)
            sendFrame(session, QStringLiteral("43") + prefix + QString::number(*ackId) + QStringLiteral("[]"));
        return;
    }
    case 3: // ACK: we never ask for one
        if (!joined)
            return fail("ack on a namespace not joined");
        m_counters->framesRejected.fetch_add(1);
        return;
    default: // CONNECT_ERROR is server-to-client only
        return fail("invalid packet type");
    }
}

void SimulatorServer::sendFrame(SimulatorSession *session, const QString &frame)
{
    if (!session->closed && session->socket)
        session->socket->sendTextMessage(frame);
}

void SimulatorServer::dropSession(SimulatorSession *session, const QString &reason, bool abort)
{
    if (session->closed)
        return;
    session->closed = true;
    if (session->subscribed)
        m_counters->subscribers.fetch_sub(1);
    session->subscribed = false;
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
