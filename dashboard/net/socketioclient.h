#pragma once

#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QString>
#include <QUrl>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>

namespace mm {

// How to reach one gateway namespace. The token is sent only inside the
// Socket.IO CONNECT auth object and is never logged.
struct SocketIoConfig
{
    QUrl gatewayUrl;                       // ws://host:port or wss://host:port (path ignored)
    QString path = QStringLiteral("/socket.io/");
    QString nspace = QStringLiteral("/meeting-metrics");
    QString token;                         // auth {"token": ...}; empty: no token field
    nlohmann::json extraAuth = nlohmann::json::object(); // merged into the auth object
    bool reconnect = true;
    int reconnectDelayMs = 1000;           // socket.io-client defaults
    int reconnectDelayMaxMs = 5000;
    double randomizationFactor = 0.5;
    int openTimeoutMs = 20000;             // WebSocket up + Engine.IO open packet
    int namespaceAckTimeoutMs = 20000;     // CONNECT sent -> CONNECT ack
    qint64 maxMessageBytes = 16 * 1024 * 1024; // hard cap; above it Qt closes the socket

    // TLS trust for wss://: empty caFile and caCertificates mean the system's
    // CAs; otherwise only these (the file's PEM or DER certificates and the
    // list together) are trusted, the system's CAs are not.
    QString caFile;
    QList<QSslCertificate> caCertificates;
    // ws:// to a host other than loopback is refused unless this is set
    // (checkGatewayUrl() in net/gatewayurlpolicy.h).
    bool allowUnencrypted = false;
};

enum class ConnectionState {
    Idle,         // never opened, or closed by the user
    Connecting,   // WebSocket / Engine.IO handshake / namespace CONNECT in progress
    Connected,    // namespace CONNECT acknowledged
    WaitingRetry, // lost; a reconnect is scheduled
    Rejected,     // CONNECT_ERROR or server DISCONNECT right after the ack; no auto-retry
};

// Why a frame or packet was dropped (counted, never fatal).
enum class DropReason {
    BinaryFrame,
    UnknownPacketType,
    OtherNamespace,
    Oversize,
    MalformedJson,
};

struct ProtocolCounters
{
    quint64 textFrames = 0;
    quint64 events = 0;
    quint64 pingsAnswered = 0;
    quint64 reconnects = 0;        // successful namespace connections after the first
    quint64 droppedBinary = 0;
    quint64 droppedUnknownType = 0;
    quint64 droppedOtherNamespace = 0;
    quint64 droppedOversize = 0;
    quint64 droppedMalformed = 0;
};

class SocketIoClientPrivate;

// A Socket.IO v5 / Engine.IO v4 client over QWebSocket, websocket transport
// only. Lives in one thread (its QObject affinity) with all of its state.
class SocketIoClient final : public QObject
{
    Q_OBJECT
public:
    explicit SocketIoClient(SocketIoConfig config, QObject *parent = nullptr);
    ~SocketIoClient() override;

    // Starts connecting (and reconnecting, per config) until close().
    void open();
    // User-requested close: cancels any scheduled reconnect.
    void close();

    // Sends an EVENT on the namespace; queued until the namespace CONNECT
    // ack. `args` is a JSON array of the event's arguments.
    void emitEvent(const QString &event, const nlohmann::json &args = nlohmann::json::array());

    // A fast path for the owner's hottest event: the filter sees each text
    // frame before any parsing, but only while the namespace is connected
    // (events replayed before the ack keep their order on the generic path)
    // and only frames whose UTF-8 form is surely within the gateway's
    // maxPayload. Returning true takes the frame: it is counted as a
    // delivered event and nothing else happens (no eventReceived). It may
    // take only an EVENT packet of this namespace that asks for no ack and
    // that the generic path would deliver; false leaves the frame to the
    // generic path, unchanged.
    void setEventFrameFilter(std::function<bool(QStringView frame)> filter);
    // The namespace as packets write it ("/" or "/name"): the configured one,
    // trimmed, with a leading '/'.
    QString packetNamespace() const;

    ConnectionState state() const;
    const ProtocolCounters &counters() const;
    const SocketIoConfig &config() const;
    // True when the URL is ws:// to a non-loopback host and the config
    // allowed it: the token and the data travel in clear text.
    bool isUnencryptedRemote() const;

signals:
    void stateChanged(mm::ConnectionState state);
    // The namespace accepted us (first time and after every reconnection).
    void namespaceConnected();
    // A server EVENT on our namespace: name and the remaining arguments (array);
    // not for the frames an event frame filter takes.
    void eventReceived(const QString &event, const nlohmann::json &args);
    // The connection was refused, state Rejected, no retry: a CONNECT_ERROR
    // (the server's message verbatim: display it as plain text), a TLS
    // failure (after tlsError()), or a URL or CA file refused before any
    // contact (checkGatewayUrl()).
    void connectError(const QString &message);
    // The TLS handshake failed (untrusted or mismatching certificate, no
    // common protocol) or the CA file is unusable: the state is Rejected and
    // no retry follows. connectError() carries the same reason right after.
    void tlsError(const QString &reason);
    // The connection went away; `reason` is for people ("ping timeout", ...).
    void disconnected(const QString &reason);
    void reconnectScheduled(int attempt, int delayMs);
    void frameDropped(mm::DropReason reason);

private:
    std::unique_ptr<SocketIoClientPrivate> d;
};

QString connectionStateName(ConnectionState state);
QString dropReasonName(DropReason reason);

// The WebSocket URL for `config`: ws[s]://host:port<path>?EIO=4&transport=websocket.
// http/https are taken as ws/wss; the path keeps its trailing slash (engine.io
// matches it by prefix) and no sid is ever sent.
QUrl socketIoEndpointUrl(const SocketIoConfig &config);

// socket.io-client's backoff (protocol notes §4): base * 2^attempt, jittered by
// the randomization factor with `random01` in [0, 1), capped at the maximum.
int socketIoReconnectDelayMs(const SocketIoConfig &config, int attempt, double random01);

} // namespace mm

Q_DECLARE_METATYPE(mm::ConnectionState)
Q_DECLARE_METATYPE(mm::DropReason)
