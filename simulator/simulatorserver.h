#pragma once

#include "fleetsimulator.h"
#include "net/engineiopacket.h"
#include "net/socketiopacket.h"

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QUrl>
#include <atomic>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

class QTimer;
class QWebSocket;
class QWebSocketServer;

namespace mm {

struct SimulatorServerConfig
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0; // 0: any free port
    QString path = QStringLiteral("/socket.io/");
    QString nspace = QStringLiteral("/meeting-metrics");
    QString token; // empty: any CONNECT is accepted
    int pingIntervalMs = 25000;
    int pingTimeoutMs = 20000;
    int connectTimeoutMs = 45000; // no namespace joined by then: close, as socket.io does
    int tickMs = 20;              // pacing: each tick sends what became due since the last
    qint64 maxPayload = 1000000;  // announced, and enforced on incoming messages
    // A subscriber that does not read: past this many unsent bytes its
    // frames are dropped (counted) rather than buffered without bound.
    qint64 maxBufferedBytes = 16 * 1024 * 1024;
};

// Readable from any thread while the server runs on its own.
struct SimulatorCounters
{
    std::atomic<quint64> samplesSent{0};   // metrics frames written, summed over subscribers
    std::atomic<quint64> alertsSent{0};    // alert frames written, summed over subscribers
    std::atomic<quint64> framesDropped{0}; // not written: the subscriber was too far behind
    std::atomic<quint64> framesRejected{0}; // malformed or unexpected incoming frames
    std::atomic<quint64> connections{0};
    std::atomic<quint64> authFailures{0};
    std::atomic<int> subscribers{0};
};

struct SimulatorSession;

// A loopback gateway that speaks the contract (Engine.IO v4 / Socket.IO v5,
// server side) and feeds subscribed admins from a FleetSimulator. Lives in
// one thread, like any QObject with sockets.
class SimulatorServer final : public QObject
{
    Q_OBJECT
public:
    SimulatorServer(FleetConfig fleet, SimulatorServerConfig config, QObject *parent = nullptr);
    ~SimulatorServer() override;

    bool listen(QString *error = nullptr);
    // Closes every client and stops listening and sending.
    void close();
    // Stops producing payloads; connections stay open so that what was
    // already sent can drain (see bytesPending()).
    void stopSending();
    // Bytes written to the subscribers' sockets but not yet handed to the
    // kernel.
    qint64 bytesPending() const;
    bool isListening() const;
    quint16 port() const;
    QUrl url() const; // ws://127.0.0.1:PORT

    const SimulatorServerConfig &config() const { return m_config; }
    std::shared_ptr<const SimulatorCounters> counters() const { return m_counters; }
    quint64 samplesSent() const { return m_counters->samplesSent.load(); }
    quint64 alertsSent() const { return m_counters->alertsSent.load(); }
    // Only from the server's thread.
    const FleetSimulator &fleet() const { return m_fleet; }

signals:
    void clientConnected();
    void clientSubscribed();
    void clientRefused(const QString &reason);
    void clientDisconnected(const QString &reason);

private:
    void onNewConnection();
    void onTick();
    void onTextMessage(SimulatorSession *session, const QString &message);
    void onSocketIoPacket(SimulatorSession *session, std::string_view text);
    void onHeartbeatTimeout(SimulatorSession *session);
    // A protocol violation: counted, and the session closed as socket.io
    // closes a client whose frames it cannot decode.
    void rejectFrame(SimulatorSession *session, const QString &reason);
    // Keeps the subscriber count in step with the session's flag.
    void unsubscribe(SimulatorSession *session);
    void sendPacket(SimulatorSession *session, EngineIoPacketType type, std::string_view data = {});
    void sendSocketIoPacket(SimulatorSession *session, const SocketIoPacket &packet);
    void dropSession(SimulatorSession *session, const QString &reason, bool abort = false);
    void purgeClosedSessions();
    void broadcast(const FleetPayload &payload);

    FleetSimulator m_fleet;
    SimulatorServerConfig m_config;
    std::shared_ptr<SimulatorCounters> m_counters;
    QWebSocketServer *m_server = nullptr;
    QTimer *m_tick = nullptr;
    std::vector<std::unique_ptr<SimulatorSession>> m_sessions;
    std::string m_nspace; // m_config.nspace in UTF-8, as packets carry it
    std::string m_frameBuffer;
    std::string m_metricsPrefix; // 42/nsp,["meeting:metrics:update",
    std::string m_alertsPrefix;  // 42/nsp,["meeting:alerts",
};

} // namespace mm
