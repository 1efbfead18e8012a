#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

class QProcess;

namespace mm::test {

// Real helper processes for the integration tests: a redis-server and the
// Node socket.io gateway of tests/gateway, both on 127.0.0.1, on free ports,
// and always stopped by their destructors (also when a test fails).

// A TCP port on 127.0.0.1 that was free a moment ago (0 if none was found).
quint16 freeTcpPort();

// The source tree: env MM_SOURCE_DIR (set by mm_add_gtest), else the
// source directory this library was configured from.
QString sourceDir();

// Which of node and redis-server cannot be found on PATH; empty when both
// are there. Tests skip only on this, and say so loudly.
QString missingTools();

// node (or Debian's nodejs) on PATH, empty when there is none: tests that
// run a Node script themselves (the soak harness) find it like the gateway.
QString nodeExecutable();

class RedisServer final
{
public:
    RedisServer();
    ~RedisServer();
    RedisServer(const RedisServer &) = delete;
    RedisServer &operator=(const RedisServer &) = delete;

    // Starts redis-server (no persistence) in a temporary directory and
    // waits until it answers PING. Retries on another port if one is taken.
    bool start(QString *error = nullptr);
    void stop();
    bool isRunning() const;

    quint16 port() const { return m_port; }
    QString url() const; // redis://127.0.0.1:<port>

private:
    bool answersPing() const;

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

struct GatewayOptions
{
    QString redisUrl;
    QString adminToken = QStringLiteral("admin-test-token");
    QString participantToken = QStringLiteral("participant-test-token");
    int pingIntervalMs = 0; // 0: the server's default (25000)
    int pingTimeoutMs = 0;  // 0: the server's default (20000)
    qint64 maxPayload = 0;  // 0: the server's default (1000000)
};

class TestGateway final
{
public:
    explicit TestGateway(GatewayOptions options);
    ~TestGateway();
    TestGateway(const TestGateway &) = delete;
    TestGateway &operator=(const TestGateway &) = delete;

    // Starts `node tests/gateway/server.js` and waits for "listening <port>".
    // The first start takes any free port (PORT=0); later starts reuse it.
    bool start(QString *error = nullptr);
    // SIGTERM (after SIGCONT if paused), then SIGKILL if it does not exit.
    void stop();
    bool restart(QString *error = nullptr);
    // SIGSTOP / SIGCONT: a server that stops answering, TCP still open.
    void pause();
    void resume();
    bool isRunning() const;

    quint16 port() const { return m_port; }
    QUrl url() const; // ws://127.0.0.1:<port>
    const GatewayOptions &options() const { return m_options; }
    // Everything the gateway printed so far, for failure messages.
    QString log() const;

    // The TEST_CONTROL API (tests/gateway/server.js). Blocking with a
    // timeout; they run a local event loop, so clients in this thread keep
    // working meanwhile. nullopt when the request failed.
    // One WebSocket message, as is, to every admin socket: number sent.
    std::optional<int> sendRaw(const QByteArray &message, bool binary = false);
    // An event to the admin room: number of admins in the room.
    std::optional<int> emitToAdmins(const QString &event, const nlohmann::json &args);
    // {"value": string|null, "ttl": seconds}
    std::optional<nlohmann::json> redisGet(const QString &key);
    // {"connected": n, "subscribed": n, "ids": [...]}
    std::optional<nlohmann::json> admins();
    // The gateway's counters (authAttempts, authRejected, ...).
    std::optional<nlohmann::json> stats();
    int connectedAdmins();  // -1 on failure
    int subscribedAdmins(); // -1 on failure

private:
    std::optional<nlohmann::json> request(const QByteArray &method, const QString &pathAndQuery,
                                          const QByteArray &body = {});

    GatewayOptions m_options;
    std::unique_ptr<QProcess> m_process;
    std::shared_ptr<QByteArray> m_log;
    quint16 m_port = 0;
    bool m_paused = false;
};

} // namespace mm::test
