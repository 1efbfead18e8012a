#include "socketioclient.h"

#include "socketioclient_p.h"

#include "net/gatewayurlpolicy.h"

#include <QFile>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QUrlQuery>
#include <QWebSocket>

#include <algorithm>
#include <cmath>
#include <utility>

Q_LOGGING_CATEGORY(lcSocketIo, "mm.net.socketio")

namespace mm {

namespace {

std::string normalizedNamespace(const QString &nspace)
{
    std::string result = nspace.trimmed().toStdString();
    if (result.empty() || result.front() != '/')
        result.insert(result.begin(), '/');
    return result;
}

std::string_view view(const QByteArray &bytes)
{
    return std::string_view(bytes.constData(), std::size_t(bytes.size()));
}

} // namespace

// --- free functions -------------------------------------------------------

QString connectionStateName(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Idle:
        return SocketIoClient::tr("Not connected");
    case ConnectionState::Connecting:
        return SocketIoClient::tr("Connecting");
    case ConnectionState::Connected:
        return SocketIoClient::tr("Connected");
    case ConnectionState::WaitingRetry:
        return SocketIoClient::tr("Waiting to reconnect");
    case ConnectionState::Rejected:
        return SocketIoClient::tr("Refused by the gateway");
    }
    return SocketIoClient::tr("Unknown");
}

QString dropReasonName(DropReason reason)
{
    switch (reason) {
    case DropReason::BinaryFrame:
        return SocketIoClient::tr("binary frame");
    case DropReason::UnknownPacketType:
        return SocketIoClient::tr("unknown packet type");
    case DropReason::OtherNamespace:
        return SocketIoClient::tr("packet for another namespace");
    case DropReason::Oversize:
        return SocketIoClient::tr("frame over the size limit");
    case DropReason::MalformedJson:
        return SocketIoClient::tr("malformed packet");
    }
    return SocketIoClient::tr("unknown reason");
}

QUrl socketIoEndpointUrl(const SocketIoConfig &config)
{
    const QString scheme = config.gatewayUrl.scheme().toLower();
    const bool secure = scheme == QLatin1String("wss") || scheme == QLatin1String("https");

    QUrl url;
    url.setScheme(secure ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setHost(config.gatewayUrl.host());
    if (config.gatewayUrl.port() != -1)
        url.setPort(config.gatewayUrl.port());
    // engine.io matches the path by plain prefix, trailing slash included.
    QString path = config.path.isEmpty() ? QStringLiteral("/socket.io/") : config.path;
    if (!path.startsWith(QLatin1Char('/')))
        path.prepend(QLatin1Char('/'));
    url.setPath(path);
    // No sid: a WebSocket-only session has none, and a stale one gets a 400.
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("EIO"), QStringLiteral("4"));
    query.addQueryItem(QStringLiteral("transport"), QStringLiteral("websocket"));
    url.setQuery(query);
    return url;
}

int socketIoReconnectDelayMs(const SocketIoConfig &config, int attempt, double random01)
{
    const double base = std::max(0, config.reconnectDelayMs);
    const double cap = std::max(0, config.reconnectDelayMaxMs);
    // Clamped exponent: the JS code overflows to Infinity after ~1000 attempts.
    double ms = base * std::pow(2.0, std::clamp(attempt, 0, 30));
    const double factor = config.randomizationFactor;
    if (factor > 0 && factor <= 1) {
        const double r = std::isfinite(random01) ? std::clamp(random01, 0.0, 0.999999) : 0.0;
        const double deviation = std::floor(r * factor * ms);
        ms = (int(std::floor(r * 10)) % 2 == 0) ? ms - deviation : ms + deviation;
    }
    return int(std::min(ms, cap));
}

// --- SocketIoClient -------------------------------------------------------

SocketIoClient::SocketIoClient(SocketIoConfig config, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<SocketIoClientPrivate>(this, std::move(config)))
{
}

SocketIoClient::~SocketIoClient()
{
    // Silence the socket and timers before members go, so nothing is emitted
    // into a half-destroyed object.
    d->shutdown();
}

void SocketIoClient::open()
{
    d->open();
}

void SocketIoClient::close()
{
    d->close();
}

void SocketIoClient::emitEvent(const QString &event, const nlohmann::json &args)
{
    d->emitEvent(event, args);
}

void SocketIoClient::setEventFrameFilter(std::function<bool(QStringView frame)> filter)
{
    d->setEventFrameFilter(std::move(filter));
}

QString SocketIoClient::packetNamespace() const
{
    return d->packetNamespace();
}

ConnectionState SocketIoClient::state() const
{
    return d->m_state;
}

const ProtocolCounters &SocketIoClient::counters() const
{
    return d->m_counters;
}

const SocketIoConfig &SocketIoClient::config() const
{
    return d->m_config;
}

bool SocketIoClient::isUnencryptedRemote() const
{
    return d->m_unencryptedRemote;
}

// --- SocketIoClientPrivate ------------------------------------------------

// Parented to the client, and the timers to us, so that moveToThread() on
// the client (or on its owner) takes the whole state machine along. The
// unique_ptr still deletes us first, before QObject's child cleanup.
SocketIoClientPrivate::SocketIoClientPrivate(SocketIoClient *client, SocketIoConfig config)
    : QObject(client)
    , m_config(std::move(config))
    , q(client)
    , m_nspace(normalizedNamespace(m_config.nspace))
    , m_openTimer(this)
    , m_namespaceAckTimer(this)
    , m_heartbeatTimer(this)
    , m_retryTimer(this)
{
    // The namespace is written verbatim before a ',' separator.
    m_nspaceValid = m_nspace.find(',') == std::string::npos;
    const GatewayUrlCheck check = checkGatewayUrl(m_config.gatewayUrl, m_config.allowUnencrypted);
    m_secure = check.secure;
    m_unencryptedRemote = check.unencryptedRemote;

    for (QTimer *timer : {&m_openTimer, &m_namespaceAckTimer, &m_heartbeatTimer, &m_retryTimer})
        timer->setSingleShot(true);
    connect(&m_openTimer, &QTimer::timeout, this, &SocketIoClientPrivate::onOpenTimeout);
    connect(&m_namespaceAckTimer, &QTimer::timeout, this,
            &SocketIoClientPrivate::onNamespaceAckTimeout);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &SocketIoClientPrivate::onHeartbeatTimeout);
    connect(&m_retryTimer, &QTimer::timeout, this, &SocketIoClientPrivate::onRetryTimeout);
}

SocketIoClientPrivate::~SocketIoClientPrivate()
{
    shutdown();
}

void SocketIoClientPrivate::shutdown()
{
    m_retryTimer.stop();
    teardownSocket();
}

void SocketIoClientPrivate::open()
{
    if (m_state == ConnectionState::Connecting || m_state == ConnectionState::Connected)
        return;
    m_retryTimer.stop();
    m_attempt = 0; // a user request starts a fresh backoff
    if (!m_nspaceValid) {
        refuse(SocketIoClient::tr("The namespace must not contain a comma."), false);
        return;
    }
    // Checked before any contact: a refused URL never sees a packet, let
    // alone the token.
    const GatewayUrlCheck check = checkGatewayUrl(m_config.gatewayUrl, m_config.allowUnencrypted);
    if (!check) {
        refuse(check.error, false);
        return;
    }
    QString caError;
    if (m_secure && !loadTrustAnchors(&caError)) {
        refuse(caError, true);
        return;
    }
    startAttempt();
}

bool SocketIoClientPrivate::loadTrustAnchors(QString *error)
{
    // Read on every open(), so that fixing the file needs no restart.
    m_trustAnchors = m_config.caCertificates;
    if (m_config.caFile.isEmpty())
        return true;
    QFile file(m_config.caFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = SocketIoClient::tr("CA file %1: %2").arg(m_config.caFile, file.errorString());
        return false;
    }
    // A CA bundle is kilobytes; a huge file is a mistake, not a bundle.
    constexpr qint64 MaxCaFileBytes = 4 * 1024 * 1024;
    const QByteArray data = file.read(MaxCaFileBytes + 1);
    if (data.size() > MaxCaFileBytes) {
        *error = SocketIoClient::tr("CA file %1: larger than 4 MiB.").arg(m_config.caFile);
        return false;
    }
    QList<QSslCertificate> certificates = QSslCertificate::fromData(data, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(data, QSsl::Der);
    if (certificates.isEmpty()) {
        *error = SocketIoClient::tr("CA file %1: no PEM or DER certificate in it.")
                     .arg(m_config.caFile);
        return false;
    }
    m_trustAnchors += certificates;
    return true;
}

void SocketIoClientPrivate::refuse(const QString &message, bool tls)
{
    m_retryTimer.stop();
    teardownSocket();
    m_sendQueue.clear();
    qCWarning(lcSocketIo) << "not connecting:" << message;
    const Guard g = guard();
    setState(ConnectionState::Rejected);
    if (tls && intact(g))
        emit q->tlsError(message);
    if (intact(g))
        emit q->connectError(message);
}

void SocketIoClientPrivate::failTls(const QString &reason)
{
    if (m_state != ConnectionState::Connecting && m_state != ConnectionState::Connected)
        return; // already handled (the socket reports a failure several ways)
    m_retryTimer.stop();
    teardownSocket();
    m_sendQueue.clear();
    qCWarning(lcSocketIo) << "TLS failure, not retrying:" << reason;
    const Guard g = guard();
    setState(ConnectionState::Rejected);
    if (!intact(g))
        return;
    emit q->tlsError(reason);
    if (intact(g))
        emit q->connectError(reason);
}

void SocketIoClientPrivate::close()
{
    m_retryTimer.stop();
    if (m_socket && m_namespace == NamespacePhase::Connected) {
        // Polite namespace disconnect; the server then sees the WS close.
        SocketIoPacket bye;
        bye.type = SocketIoPacketType::Disconnect;
        bye.nsp = m_nspace;
        sendFrame(encodeEngineIoPacket(EngineIoPacketType::Message, encodeSocketIoPacket(bye)));
    }
    teardownSocket();
    m_sendQueue.clear();
    m_attempt = 0;
    setState(ConnectionState::Idle);
}

void SocketIoClientPrivate::emitEvent(const QString &event, const nlohmann::json &args)
{
    const std::string name = event.toStdString();
    if (isReservedEventName(name)) {
        // The server closes the whole connection for these.
        qCWarning(lcSocketIo) << "refusing to emit the reserved event name" << event;
        return;
    }
    SocketIoPacket packet;
    packet.type = SocketIoPacketType::Event;
    packet.nsp = m_nspace;
    nlohmann::json data = nlohmann::json::array();
    data.push_back(name);
    if (args.is_array()) {
        for (const auto &arg : args)
            data.push_back(arg);
    } else {
        data.push_back(args);
    }
    packet.data = std::move(data);
    std::string frame = encodeEngineIoPacket(EngineIoPacketType::Message, encodeSocketIoPacket(packet));

    if (m_namespace == NamespacePhase::Connected && m_sendQueue.empty() && sendFrame(frame))
        return;
    // Nothing may reach an unjoined namespace (the server would close the
    // connection), so wait for the ack; bounded, oldest first out.
    if (m_sendQueue.size() >= MaxQueuedEmits) {
        qCWarning(lcSocketIo) << "emit queue full, dropping the oldest queued event";
        m_sendQueue.pop_front();
    }
    m_sendQueue.push_back(std::move(frame));
}

void SocketIoClientPrivate::setEventFrameFilter(std::function<bool(QStringView)> filter)
{
    m_eventFrameFilter = std::move(filter);
}

void SocketIoClientPrivate::startAttempt()
{
    teardownSocket();
    m_engine = EnginePhase::Opening;
    m_namespace = NamespacePhase::Idle;
    m_maxPayload = EngineIoOpen::DefaultMaxPayload;
    m_sslReason.clear();

    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    // Above this Qt closes the socket itself (code 1009); below it, frames
    // over the announced maxPayload are dropped one by one.
    m_socket->setMaxAllowedIncomingMessageSize(quint64(std::max<qint64>(1, m_config.maxMessageBytes)));
    if (m_secure) {
        // Explicit rather than relying on what SecureProtocols means today.
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setProtocol(QSsl::TlsV1_2OrLater);
        ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
        // Replaces the system's CAs (and turns off their on-demand loading).
        if (!m_trustAnchors.isEmpty())
            ssl.setCaCertificates(m_trustAnchors);
        m_socket->setSslConfiguration(ssl);
    }
    connect(m_socket, &QWebSocket::connected, this, &SocketIoClientPrivate::onSocketConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &SocketIoClientPrivate::onSocketDisconnected);
    // Qt 6.4: error() is overloaded with the getter; errorOccurred is 6.5+.
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &SocketIoClientPrivate::onSocketError);
    connect(m_socket, &QWebSocket::sslErrors, this, &SocketIoClientPrivate::onSocketSslErrors);
    connect(m_socket, &QWebSocket::textMessageReceived, this,
            &SocketIoClientPrivate::onTextMessage);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this,
            &SocketIoClientPrivate::onBinaryMessage);

    // Covers the WebSocket handshake and the Engine.IO open packet.
    m_openTimer.start(std::max(1, m_config.openTimeoutMs));

    const Guard g = guard();
    setState(ConnectionState::Connecting);
    if (!intact(g) || !m_socket)
        return;
    const QUrl url = socketIoEndpointUrl(m_config);
    qCInfo(lcSocketIo) << "connecting to" << url.toDisplayString() << "namespace"
                       << QString::fromStdString(m_nspace);
    m_socket->open(url);
}

void SocketIoClientPrivate::teardownSocket()
{
    ++m_generation;
    m_openTimer.stop();
    m_namespaceAckTimer.stop();
    m_heartbeatTimer.stop();
    m_engine = EnginePhase::Closed;
    m_namespace = NamespacePhase::Idle;
    m_preAckEvents.clear();
    if (QWebSocket *socket = std::exchange(m_socket, nullptr)) {
        socket->disconnect(this);
        // We may be inside one of its signals: never delete it here, and
        // unparent it so that our own destruction does not delete it either.
        socket->setParent(nullptr);
        if (socket->state() == QAbstractSocket::ConnectedState) {
            socket->flush();
            socket->close();
        } else {
            socket->abort();
        }
        socket->deleteLater();
    }
}

void SocketIoClientPrivate::setState(ConnectionState state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCInfo(lcSocketIo) << "state:" << connectionStateName(state);
    emit q->stateChanged(state);
}

void SocketIoClientPrivate::loseConnection(const QString &reason, std::optional<int> fixedDelayMs)
{
    if (m_state != ConnectionState::Connecting && m_state != ConnectionState::Connected)
        return; // already handled (the socket reports a loss several ways)
    teardownSocket();
    qCInfo(lcSocketIo) << "connection lost:" << reason;

    int delay = 0;
    int attempt = 0;
    if (m_config.reconnect) {
        attempt = m_attempt + 1;
        delay = fixedDelayMs ? *fixedDelayMs
                             : socketIoReconnectDelayMs(m_config, m_attempt,
                                                        QRandomGenerator::global()->generateDouble());
        delay = std::max(1, delay);
        ++m_attempt;
        m_retryTimer.start(delay);
    }

    const Guard g = guard();
    setState(m_config.reconnect ? ConnectionState::WaitingRetry : ConnectionState::Idle);
    if (!intact(g))
        return;
    emit q->disconnected(reason);
    if (!intact(g) || !m_config.reconnect)
        return;
    qCInfo(lcSocketIo) << "reconnect attempt" << attempt << "in" << delay << "ms";
    emit q->reconnectScheduled(attempt, delay);
}

void SocketIoClientPrivate::reject(const QString &message, bool wasConnected)
{
    // The server keeps the Engine.IO session open after a refusal: close it
    // ourselves, and do not retry (a refused token stays refused).
    m_retryTimer.stop();
    teardownSocket();
    m_sendQueue.clear();
    qCWarning(lcSocketIo) << "the gateway refused the namespace connection:" << message;

    const Guard g = guard();
    setState(ConnectionState::Rejected);
    if (!intact(g))
        return;
    if (wasConnected) {
        emit q->disconnected(message);
        if (!intact(g))
            return;
    }
    emit q->connectError(message);
}

void SocketIoClientPrivate::drop(DropReason reason)
{
    switch (reason) {
    case DropReason::BinaryFrame:
        ++m_counters.droppedBinary;
        break;
    case DropReason::UnknownPacketType:
        ++m_counters.droppedUnknownType;
        break;
    case DropReason::OtherNamespace:
        ++m_counters.droppedOtherNamespace;
        break;
    case DropReason::Oversize:
        ++m_counters.droppedOversize;
        break;
    case DropReason::MalformedJson:
        ++m_counters.droppedMalformed;
        break;
    }
    qCDebug(lcSocketIo) << "dropped:" << dropReasonName(reason);
    emit q->frameDropped(reason);
}

// --- socket signals -------------------------------------------------------

void SocketIoClientPrivate::onSocketConnected()
{
    if (m_engine == EnginePhase::Opening)
        m_engine = EnginePhase::AwaitOpen;
}

void SocketIoClientPrivate::onSocketDisconnected()
{
    if (!m_sslReason.isEmpty()) {
        failTls(m_sslReason);
        return;
    }
    const int code = m_socket ? int(m_socket->closeCode()) : 0;
    loseConnection(SocketIoClient::tr("transport closed (code %1)").arg(code));
}

void SocketIoClientPrivate::onSocketError(QAbstractSocket::SocketError error)
{
    if (!m_sslReason.isEmpty()) {
        failTls(m_sslReason);
        return;
    }
    if (error == QAbstractSocket::SslHandshakeFailedError) {
        // No sslErrors() before it: no common protocol version or cipher.
        failTls(SocketIoClient::tr("TLS handshake failed: %1")
                    .arg(m_socket ? m_socket->errorString() : QString()));
        return;
    }
    loseConnection(SocketIoClient::tr("transport error: %1")
                       .arg(m_socket ? m_socket->errorString() : QString()));
}

void SocketIoClientPrivate::onSocketSslErrors(const QList<QSslError> &errors)
{
    // Never ignored (not even selectively): Qt aborts the handshake after
    // this signal, before a byte of WebSocket or Socket.IO, so before the
    // token. Remember why, and make sure it is reported even if no other
    // signal follows.
    QStringList reasons;
    for (const QSslError &error : errors) {
        const QString text = error.errorString();
        if (!reasons.contains(text))
            reasons.append(text);
    }
    m_sslReason = SocketIoClient::tr("TLS certificate rejected: %1")
                      .arg(reasons.isEmpty() ? SocketIoClient::tr("unknown certificate error")
                                             : reasons.join(QStringLiteral("; ")));
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, generation] {
            if (generation == m_generation)
                failTls(m_sslReason);
        },
        Qt::QueuedConnection);
}

void SocketIoClientPrivate::onBinaryMessage(const QByteArray &message)
{
    Q_UNUSED(message);
    // Attachments of binary packets, which we never ask for: count, drop.
    drop(DropReason::BinaryFrame);
}

void SocketIoClientPrivate::onTextMessage(const QString &message)
{
    ++m_counters.textFrames;
    if (filterEventFrame(message))
        return;
    const QByteArray utf8 = message.toUtf8();
    if (qint64(utf8.size()) > m_maxPayload) {
        drop(DropReason::Oversize);
        return;
    }
    const auto packet = parseEngineIoPacket(view(utf8));
    if (!packet) {
        drop(DropReason::UnknownPacketType);
        return;
    }
    switch (packet->type) {
    case EngineIoPacketType::Open:
        handleOpen(packet->data);
        return;
    case EngineIoPacketType::Close:
        loseConnection(SocketIoClient::tr("the gateway closed the session"));
        return;
    case EngineIoPacketType::Ping:
        handlePing();
        return;
    case EngineIoPacketType::Message:
        handleMessage(packet->data);
        return;
    case EngineIoPacketType::Noop:
        return;
    case EngineIoPacketType::Pong:
    case EngineIoPacketType::Upgrade:
        // Never sent to a WebSocket-only v4 client.
        drop(DropReason::UnknownPacketType);
        return;
    }
}

bool SocketIoClientPrivate::filterEventFrame(const QString &message)
{
    if (!m_eventFrameFilter || m_engine != EnginePhase::Open
        || m_namespace != NamespacePhase::Connected)
        return false;
    // UTF-8 takes at most 3 bytes per UTF-16 unit: a frame within this bound
    // is surely within the limit the generic path checks on its UTF-8 copy.
    if (qint64(message.size()) * 3 > m_maxPayload)
        return false;
    // The filter may hand samples on, and their receivers may destroy us (as
    // an eventReceived receiver may).
    const QPointer<SocketIoClientPrivate> self(this);
    if (!m_eventFrameFilter(message))
        return false;
    if (self)
        ++m_counters.events; // as deliverEvent() counts it
    return true;
}

// --- timers ---------------------------------------------------------------

void SocketIoClientPrivate::onOpenTimeout()
{
    loseConnection(SocketIoClient::tr("timed out waiting for the gateway's handshake"));
}

void SocketIoClientPrivate::onNamespaceAckTimeout()
{
    // Never resend CONNECT on the same session: start over.
    loseConnection(SocketIoClient::tr("timed out waiting for the namespace to accept us"));
}

void SocketIoClientPrivate::onHeartbeatTimeout()
{
    loseConnection(SocketIoClient::tr("ping timeout"));
}

void SocketIoClientPrivate::onRetryTimeout()
{
    if (m_state == ConnectionState::WaitingRetry)
        startAttempt();
}

// --- Engine.IO ------------------------------------------------------------

void SocketIoClientPrivate::handleOpen(std::string_view json)
{
    if (m_engine != EnginePhase::Opening && m_engine != EnginePhase::AwaitOpen) {
        qCDebug(lcSocketIo) << "ignoring a repeated open packet";
        return;
    }
    PacketError error = PacketError::None;
    const auto open = parseEngineIoOpen(json, &error);
    if (!open) {
        loseConnection(SocketIoClient::tr("invalid handshake from the gateway: %1")
                           .arg(packetErrorName(error)));
        return;
    }
    // The sid is not kept: a WebSocket-only client never sends it back.
    m_openTimer.stop();
    m_engine = EnginePhase::Open;
    m_maxPayload = open->maxPayload;
    m_heartbeatMs = open->pingIntervalMs + open->pingTimeoutMs;
    qCInfo(lcSocketIo) << "session open; ping interval" << open->pingIntervalMs << "ms, timeout"
                       << open->pingTimeoutMs << "ms, max payload" << open->maxPayload;
    armHeartbeat();
    sendConnect();
}

void SocketIoClientPrivate::handlePing()
{
    if (!m_socket)
        return;
    // At once, never queued behind anything: the server closes after pingTimeout.
    m_socket->sendTextMessage(QStringLiteral("3"));
    ++m_counters.pingsAnswered;
    if (m_engine == EnginePhase::Open)
        armHeartbeat();
}

void SocketIoClientPrivate::armHeartbeat()
{
    m_heartbeatTimer.start(m_heartbeatMs);
    m_heartbeatDeadline = QDeadlineTimer(m_heartbeatMs);
}

void SocketIoClientPrivate::sendConnect()
{
    nlohmann::json auth = m_config.extraAuth.is_object() ? m_config.extraAuth
                                                         : nlohmann::json::object();
    if (!m_config.token.isEmpty())
        auth["token"] = m_config.token.toStdString();

    SocketIoPacket connectPacket;
    connectPacket.type = SocketIoPacketType::Connect;
    connectPacket.nsp = m_nspace;
    // No auth: no payload at all (the server takes it as {}).
    if (!auth.empty())
        connectPacket.data = std::move(auth);

    m_namespace = NamespacePhase::Connecting;
    m_namespaceAckTimer.start(std::max(1, m_config.namespaceAckTimeoutMs));
    sendFrame(encodeEngineIoPacket(EngineIoPacketType::Message, encodeSocketIoPacket(connectPacket)));
}

bool SocketIoClientPrivate::sendFrame(const std::string &frame)
{
    if (!m_socket || m_engine != EnginePhase::Open)
        return false;
    if (m_heartbeatDeadline.hasExpired()) {
        // Timers were asleep (suspend): do not write into a dead socket; let
        // the heartbeat handler start over from the event loop.
        m_heartbeatTimer.start(0);
        return false;
    }
    if (qint64(frame.size()) > m_maxPayload) {
        // The server would close the connection (1009); resending after a
        // reconnect would loop, so it is dropped for good.
        qCWarning(lcSocketIo) << "not sending a" << frame.size()
                              << "byte frame over the gateway's maxPayload" << m_maxPayload;
        return true;
    }
    m_socket->sendTextMessage(QString::fromUtf8(frame.data(), qsizetype(frame.size())));
    return true;
}

void SocketIoClientPrivate::flushSendQueue()
{
    while (!m_sendQueue.empty()) {
        if (!sendFrame(m_sendQueue.front()))
            return;
        m_sendQueue.pop_front();
    }
}

// --- Socket.IO ------------------------------------------------------------

void SocketIoClientPrivate::handleMessage(std::string_view sio)
{
    if (m_engine != EnginePhase::Open) {
        drop(DropReason::UnknownPacketType);
        return;
    }
    PacketError error = PacketError::None;
    auto packet = parseSocketIoPacket(sio, &error);
    if (!packet) {
        const bool unknown = error == PacketError::UnknownType || error == PacketError::Empty;
        drop(unknown ? DropReason::UnknownPacketType : DropReason::MalformedJson);
        return;
    }
    if (packet->isBinary()) {
        drop(DropReason::BinaryFrame);
        return;
    }
    if (packet->nsp != m_nspace) {
        drop(DropReason::OtherNamespace);
        return;
    }
    switch (packet->type) {
    case SocketIoPacketType::Connect:
        handleConnectAck();
        return;
    case SocketIoPacketType::ConnectError:
        handleConnectError(*packet);
        return;
    case SocketIoPacketType::Disconnect:
        handleServerDisconnect();
        return;
    case SocketIoPacketType::Event:
        handleEvent(std::move(*packet));
        return;
    case SocketIoPacketType::Ack:
        // We never ask for acks; the server ignores unknown ids, so do we.
        return;
    case SocketIoPacketType::BinaryEvent:
    case SocketIoPacketType::BinaryAck:
        return; // handled above
    }
}

void SocketIoClientPrivate::handleConnectAck()
{
    if (m_namespace != NamespacePhase::Connecting)
        return; // a repeated ack changes nothing
    // The ack's sid/pid are not kept or logged: a reconnection subscribes anew.
    m_namespaceAckTimer.stop();
    m_namespace = NamespacePhase::Connected;
    m_sinceAck.start();
    if (m_everConnected)
        ++m_counters.reconnects;
    m_everConnected = true;
    m_attempt = 0;

    const Guard g = guard();
    setState(ConnectionState::Connected);
    if (!intact(g))
        return;
    flushSendQueue();
    emit q->namespaceConnected();
    if (!intact(g))
        return;
    // Events replayed before the ack (connection-state recovery).
    auto buffered = std::exchange(m_preAckEvents, {});
    for (auto &event : buffered) {
        deliverEvent(std::move(event));
        if (!intact(g))
            return;
    }
}

void SocketIoClientPrivate::handleConnectError(const SocketIoPacket &packet)
{
    QString message;
    if (packet.data && packet.data->is_object()) {
        const auto it = packet.data->find("message");
        if (it != packet.data->end() && it->is_string())
            message = QString::fromStdString(it->get<std::string>());
    } else if (packet.data && packet.data->is_string()) {
        message = QString::fromStdString(packet.data->get<std::string>()); // v4 servers
    }
    if (message.isEmpty())
        message = SocketIoClient::tr("The gateway refused the connection without a reason.");
    reject(message, m_namespace == NamespacePhase::Connected);
}

void SocketIoClientPrivate::handleServerDisconnect()
{
    const bool rightAfterAck = m_namespace == NamespacePhase::Connected
        && m_sinceAck.isValid() && m_sinceAck.elapsed() < RejectWindowMs;
    if (m_namespace == NamespacePhase::Connecting || rightAfterAck) {
        reject(SocketIoClient::tr("The gateway closed the connection right after accepting it "
                                  "(the token was probably refused)."),
               m_namespace == NamespacePhase::Connected);
        return;
    }
    // Kicked later ("io server disconnect"): come back, but slowly.
    loseConnection(SocketIoClient::tr("the gateway disconnected us"),
                   std::max(1, m_config.reconnectDelayMaxMs));
}

void SocketIoClientPrivate::handleEvent(SocketIoPacket &&packet)
{
    if (!packet.data || !packet.data->is_array() || packet.data->empty()) {
        drop(DropReason::MalformedJson); // an EVENT without a name
        return;
    }
    auto &array = packet.data->get_ref<nlohmann::json::array_t &>();
    const nlohmann::json &nameValue = array.front();
    PendingEvent event;
    std::string dumped;
    const std::string &name = nameValue.is_string()
        ? nameValue.get_ref<const std::string &>()
        : (dumped = nameValue.dump()); // numbers are tolerated as names
    // Nearly every event has the same name as the one before: share that
    // QString instead of converting the name again (one allocation less per
    // event at tens of thousands of events a second).
    if (name != m_lastEventNameUtf8) {
        m_lastEventNameUtf8 = name;
        m_lastEventName = QString::fromStdString(name);
    }
    event.name = m_lastEventName;
    // The arguments are the array without its name: drop the name in place
    // and take the array, rather than copying it into a new one.
    array.erase(array.begin());
    event.args = std::move(*packet.data);
    event.ackId = packet.id;

    if (m_namespace == NamespacePhase::Connecting) {
        if (m_preAckEvents.size() >= MaxPreAckEvents) {
            drop(DropReason::Oversize);
            return;
        }
        m_preAckEvents.push_back(std::move(event));
        return;
    }
    if (m_namespace == NamespacePhase::Connected)
        deliverEvent(std::move(event));
}

void SocketIoClientPrivate::deliverEvent(PendingEvent &&event)
{
    ++m_counters.events;
    if (event.ackId) {
        // The server asked for an ack: answer once, empty, before handing on.
        SocketIoPacket ack;
        ack.type = SocketIoPacketType::Ack;
        ack.nsp = m_nspace;
        ack.id = event.ackId;
        ack.data = nlohmann::json::array();
        sendFrame(encodeEngineIoPacket(EngineIoPacketType::Message, encodeSocketIoPacket(ack)));
    }
    emit q->eventReceived(event.name, event.args);
}

} // namespace mm
