#pragma once

#include "net/socketioclient.h"
#include "net/socketiopacket.h"

#include <QAbstractSocket>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QList>
#include <QPointer>
#include <QSslError>
#include <QTimer>

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

QT_BEGIN_NAMESPACE
class QWebSocket;
QT_END_NAMESPACE

namespace mm {

// The protocol state machine behind SocketIoClient. Owns the QWebSocket (one
// per attempt, always released with deleteLater) and every timer; all of it
// lives in the client's thread.
class SocketIoClientPrivate final : public QObject
{
    Q_OBJECT
public:
    // A server DISCONNECT this soon after the ack is a rejection (NestJS
    // handleConnection calling client.disconnect()), not a transient drop.
    static constexpr int RejectWindowMs = 1000;
    // Bounds: emits waiting for the ack, events replayed before the ack.
    static constexpr std::size_t MaxQueuedEmits = 1000;
    static constexpr std::size_t MaxPreAckEvents = 10000;

    SocketIoClientPrivate(SocketIoClient *q, SocketIoConfig config);
    ~SocketIoClientPrivate() override;

    void open();
    void close();
    void emitEvent(const QString &event, const nlohmann::json &args);
    void setEventFrameFilter(std::function<bool(QStringView)> filter);
    QString packetNamespace() const { return QString::fromStdString(m_nspace); }
    // For the destructor: stops everything and emits nothing.
    void shutdown();

    SocketIoConfig m_config;
    ConnectionState m_state = ConnectionState::Idle;
    ProtocolCounters m_counters;
    bool m_unencryptedRemote = false;

private:
    enum class EnginePhase { Closed, Opening, AwaitOpen, Open };
    enum class NamespacePhase { Idle, Connecting, Connected };

    struct PendingEvent
    {
        QString name;
        nlohmann::json args;
        std::optional<quint64> ackId;
    };

    // Tells whether the object and the current attempt survived a signal
    // emission (a slot may call close() or delete the client).
    struct Guard
    {
        QPointer<SocketIoClientPrivate> self;
        quint64 generation;
    };
    Guard guard() { return Guard{this, m_generation}; }
    static bool intact(const Guard &g) { return g.self && g.self->m_generation == g.generation; }

    void startAttempt();
    void onSocketConnected();
    void onSocketDisconnected();
    void onSocketError(QAbstractSocket::SocketError error);
    void onSocketSslErrors(const QList<QSslError> &errors);
    void onTextMessage(const QString &message);
    bool filterEventFrame(const QString &message);
    void onBinaryMessage(const QByteArray &message);
    void onOpenTimeout();
    void onNamespaceAckTimeout();
    void onHeartbeatTimeout();
    void onRetryTimeout();

    void handleOpen(std::string_view json);
    void handlePing();
    void handleMessage(std::string_view sio);
    void handleConnectAck();
    void handleConnectError(const SocketIoPacket &packet);
    void handleServerDisconnect();
    void handleEvent(SocketIoPacket &&packet);
    void deliverEvent(PendingEvent &&event);

    void armHeartbeat();
    void sendConnect();
    // False when nothing can be sent now (no open session, or the heartbeat
    // deadline passed while timers slept); the caller keeps the frame.
    bool sendFrame(const std::string &frame);
    void flushSendQueue();
    void drop(DropReason reason);

    void teardownSocket();
    void loseConnection(const QString &reason, std::optional<int> fixedDelayMs = std::nullopt);
    void reject(const QString &message, bool wasConnected);
    void setState(ConnectionState state);
    // Refusal before any network contact (URL policy, unusable CA file).
    void refuse(const QString &message, bool tls);
    // A TLS failure ends the attempt for good: a certificate does not get
    // better by retrying, and the token must never follow it.
    void failTls(const QString &reason);
    bool loadTrustAnchors(QString *error);

    SocketIoClient *const q;
    std::string m_nspace;
    bool m_nspaceValid = true;
    std::function<bool(QStringView)> m_eventFrameFilter;

    QWebSocket *m_socket = nullptr;
    EnginePhase m_engine = EnginePhase::Closed;
    NamespacePhase m_namespace = NamespacePhase::Idle;
    qint64 m_maxPayload = EngineIoOpen::DefaultMaxPayload;
    int m_heartbeatMs = EngineIoOpen::DefaultPingIntervalMs + EngineIoOpen::DefaultPingTimeoutMs;
    QString m_sslReason;
    bool m_secure = false;
    QList<QSslCertificate> m_trustAnchors; // empty: the system's CAs

    QTimer m_openTimer;
    QTimer m_namespaceAckTimer;
    QTimer m_heartbeatTimer;
    QTimer m_retryTimer;
    // Monotonic copy of the heartbeat deadline, checked before each write
    // because timers may not fire on time across suspend.
    QDeadlineTimer m_heartbeatDeadline;
    QElapsedTimer m_sinceAck;

    int m_attempt = 0; // backoff exponent; reset by a namespace ack
    bool m_everConnected = false;
    quint64 m_generation = 0; // bumped whenever an attempt ends

    std::deque<std::string> m_sendQueue; // encoded EIO frames
    std::vector<PendingEvent> m_preAckEvents;
    // The latest event name, raw and converted (see handleEvent()).
    std::string m_lastEventNameUtf8;
    QString m_lastEventName;
};

} // namespace mm
