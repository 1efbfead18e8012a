#include "testprocesses.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#endif

namespace mm::test {

namespace {

constexpr int StartTimeoutMs = 20000;
constexpr int StopTimeoutMs = 5000;
constexpr int ControlTimeoutMs = 10000;

QString findTool(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty()) {
        // Debian's redis-server may sit outside a minimal PATH.
        path = QStandardPaths::findExecutable(
            name, {QStringLiteral("/usr/bin"), QStringLiteral("/usr/sbin"),
                   QStringLiteral("/usr/local/bin"), QStringLiteral("/usr/local/sbin")});
    }
    return path;
}

QString nodeProgram()
{
    QString node = findTool(QStringLiteral("node"));
    return node.isEmpty() ? findTool(QStringLiteral("nodejs")) : node;
}

void setError(QString *error, const QString &message)
{
    std::fprintf(stderr, "[testprocesses] %s\n", qPrintable(message));
    if (error)
        *error = message;
}

// SIGTERM, then SIGKILL: a helper process never outlives its test.
void stopProcess(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(StopTimeoutMs)) {
        process.kill();
        process.waitForFinished(StopTimeoutMs);
    }
}

int intField(const std::optional<nlohmann::json> &reply, const char *name)
{
    if (!reply || !reply->is_object())
        return -1;
    const auto it = reply->find(name);
    return it != reply->end() && it->is_number_integer() ? it->get<int>() : -1;
}

#ifdef Q_OS_UNIX
void signalProcess(const QProcess &process, int signal)
{
    if (process.state() != QProcess::NotRunning)
        ::kill(pid_t(process.processId()), signal);
}
#endif

} // namespace

quint16 freeTcpPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QString sourceDir()
{
    const QString fromEnv = qEnvironmentVariable("MM_SOURCE_DIR");
#ifdef MM_SOURCE_DIR_FALLBACK
    if (fromEnv.isEmpty())
        return QString::fromUtf8(MM_SOURCE_DIR_FALLBACK);
#endif
    return fromEnv;
}

QString missingTools()
{
    QStringList missing;
    if (nodeProgram().isEmpty())
        missing << QStringLiteral("node");
    if (findTool(QStringLiteral("redis-server")).isEmpty())
        missing << QStringLiteral("redis-server");
    return missing.join(QStringLiteral(", "));
}

QString nodeExecutable()
{
    return nodeProgram();
}

// --------------------------------------------------------------------------

RedisServer::RedisServer() = default;

RedisServer::~RedisServer()
{
    stop();
}

QString RedisServer::url() const
{
    return QStringLiteral("redis://127.0.0.1:%1").arg(m_port);
}

bool RedisServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

bool RedisServer::answersPing() const
{
    QTcpSocket socket;
    socket.setProxy(QNetworkProxy::NoProxy);
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    if (!socket.waitForConnected(500))
        return false;
    socket.write("PING\r\n");
    QByteArray reply;
    QDeadlineTimer deadline(1000);
    while (!reply.contains('\n') && !deadline.hasExpired()) {
        if (!socket.waitForReadyRead(int(deadline.remainingTime())))
            break;
        reply += socket.readAll();
    }
    return reply.startsWith("+PONG");
}

bool RedisServer::start(QString *error)
{
    stop();
    const QString program = findTool(QStringLiteral("redis-server"));
    if (program.isEmpty()) {
        setError(error, QStringLiteral("redis-server not found"));
        return false;
    }
    if (!m_dir.isValid()) {
        setError(error, QStringLiteral("no temporary directory for redis-server"));
        return false;
    }
    QString output;
    // The port was free a moment ago; another process may take it first, so
    // try a few.
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = freeTcpPort();
        if (m_port == 0)
            continue;
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->setWorkingDirectory(m_dir.path());
        m_process->start(program,
                         {QStringLiteral("--port"), QString::number(m_port),
                          QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                          QStringLiteral("--save"), QString(),
                          QStringLiteral("--appendonly"), QStringLiteral("no"),
                          QStringLiteral("--dir"), m_dir.path(),
                          QStringLiteral("--daemonize"), QStringLiteral("no")});
        if (!m_process->waitForStarted(StartTimeoutMs)) {
            output = m_process->errorString();
            m_process.reset();
            continue;
        }
        QDeadlineTimer deadline(StartTimeoutMs);
        while (!deadline.hasExpired() && isRunning()) {
            if (answersPing())
                return true;
            m_process->waitForReadyRead(100);
        }
        output = QString::fromLocal8Bit(m_process->readAll());
        stopProcess(*m_process);
        m_process.reset();
    }
    setError(error, QStringLiteral("redis-server did not answer PING: ") + output);
    return false;
}

void RedisServer::stop()
{
    if (m_process) {
        stopProcess(*m_process);
        m_process.reset();
    }
}

// --------------------------------------------------------------------------

TestGateway::TestGateway(GatewayOptions options)
    : m_options(std::move(options))
    , m_log(std::make_shared<QByteArray>())
{
}

TestGateway::~TestGateway()
{
    stop();
}

QUrl TestGateway::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

QString TestGateway::log() const
{
    return QString::fromUtf8(*m_log);
}

bool TestGateway::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

bool TestGateway::start(QString *error)
{
    stop();
    const QString node = nodeProgram();
    if (node.isEmpty()) {
        setError(error, QStringLiteral("node not found"));
        return false;
    }
    const QString root = sourceDir();
    if (root.isEmpty()) {
        setError(error, QStringLiteral("MM_SOURCE_DIR is not set"));
        return false;
    }
    const QString gatewayDir = QDir(root).filePath(QStringLiteral("tests/gateway"));
    const QString script = QDir(gatewayDir).filePath(QStringLiteral("server.js"));
    if (!QFileInfo::exists(QDir(gatewayDir).filePath(QStringLiteral("node_modules/socket.io")))) {
        setError(error, QStringLiteral("the test gateway's npm packages are missing: run "
                                       "`npm ci` in %1 (scripts/install-deps.sh does it)")
                            .arg(gatewayDir));
        return false;
    }

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PORT"), QString::number(m_port)); // 0 on the first start
    env.insert(QStringLiteral("HOST"), QStringLiteral("127.0.0.1"));
    env.insert(QStringLiteral("REDIS_URL"), m_options.redisUrl);
    env.insert(QStringLiteral("ADMIN_TOKEN"), m_options.adminToken);
    env.insert(QStringLiteral("PARTICIPANT_TOKEN"), m_options.participantToken);
    env.insert(QStringLiteral("TEST_CONTROL"), QStringLiteral("1"));
    env.remove(QStringLiteral("PING_INTERVAL"));
    env.remove(QStringLiteral("PING_TIMEOUT"));
    env.remove(QStringLiteral("MAX_PAYLOAD"));
    if (m_options.pingIntervalMs > 0)
        env.insert(QStringLiteral("PING_INTERVAL"), QString::number(m_options.pingIntervalMs));
    if (m_options.pingTimeoutMs > 0)
        env.insert(QStringLiteral("PING_TIMEOUT"), QString::number(m_options.pingTimeoutMs));
    if (m_options.maxPayload > 0)
        env.insert(QStringLiteral("MAX_PAYLOAD"), QString::number(m_options.maxPayload));

    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setProcessEnvironment(env);
    m_process->setWorkingDirectory(gatewayDir);
    m_process->start(node, {script});
    if (!m_process->waitForStarted(StartTimeoutMs)) {
        setError(error, QStringLiteral("could not start node: ") + m_process->errorString());
        m_process.reset();
        return false;
    }

    // Wait for "listening <port>" (blocking: no client needs the event loop
    // while the gateway starts).
    static const QRegularExpression listening(QStringLiteral("^listening (\\d+)\\s*$"),
                                              QRegularExpression::MultilineOption);
    QByteArray startupOutput;
    QDeadlineTimer deadline(StartTimeoutMs);
    quint16 port = 0;
    while (port == 0 && !deadline.hasExpired()) {
        if (!m_process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            break; // exited or timed out
        startupOutput += m_process->readAll();
        const auto match = listening.match(QString::fromUtf8(startupOutput));
        if (match.hasMatch())
            port = quint16(match.captured(1).toUInt());
    }
    m_log->append(startupOutput);
    if (port == 0) {
        m_log->append(m_process->readAll());
        setError(error, QStringLiteral("the gateway did not report `listening`:\n") + log());
        stopProcess(*m_process);
        m_process.reset();
        return false;
    }
    m_port = port;
    // Keep collecting output for failure messages.
    std::shared_ptr<QByteArray> sink = m_log;
    QProcess *process = m_process.get();
    QObject::connect(process, &QProcess::readyReadStandardOutput, process,
                     [sink, process] { sink->append(process->readAllStandardOutput()); });
    m_paused = false;
    return true;
}

void TestGateway::stop()
{
    if (!m_process)
        return;
    resume(); // a stopped process cannot act on SIGTERM
    stopProcess(*m_process);
    m_log->append(m_process->readAll());
    m_process.reset();
}

bool TestGateway::restart(QString *error)
{
    stop();
    // Same port: clients reconnect to the URL they know. Node listens with
    // SO_REUSEADDR, so TIME_WAIT connections do not block the bind; retry a
    // few times in case the port is briefly held anyway.
    const quint16 port = m_port;
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = port;
        if (start(error))
            return true;
        QThread::msleep(200);
    }
    m_port = port;
    return false;
}

void TestGateway::pause()
{
#ifdef Q_OS_UNIX
    if (m_process && !m_paused) {
        signalProcess(*m_process, SIGSTOP);
        m_paused = true;
    }
#endif
}

void TestGateway::resume()
{
#ifdef Q_OS_UNIX
    if (m_process && m_paused) {
        signalProcess(*m_process, SIGCONT);
        m_paused = false;
    }
#endif
}

std::optional<nlohmann::json> TestGateway::request(const QByteArray &method,
                                                   const QString &pathAndQuery,
                                                   const QByteArray &body)
{
    if (!isRunning() || m_paused)
        return std::nullopt;
    QNetworkAccessManager manager;
    // Loopback only: never through a proxy from the environment.
    manager.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(pathAndQuery)));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/octet-stream"));
    req.setTransferTimeout(ControlTimeoutMs);
    QNetworkReply *reply = manager.sendCustomRequest(req, method, body);

    QEventLoop loop;
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(ControlTimeoutMs + 1000);
    loop.exec();

    std::optional<nlohmann::json> result;
    if (!reply->isFinished()) {
        reply->abort();
        std::fprintf(stderr, "[testprocesses] %s %s: timed out\n", method.constData(),
                     qPrintable(pathAndQuery));
    } else if (reply->error() != QNetworkReply::NoError) {
        std::fprintf(stderr, "[testprocesses] %s %s: %s\n", method.constData(),
                     qPrintable(pathAndQuery), qPrintable(reply->errorString()));
    } else {
        const QByteArray data = reply->readAll();
        auto parsed = nlohmann::json::parse(data.constBegin(), data.constEnd(), nullptr, false);
        if (!parsed.is_discarded())
            result = std::move(parsed);
    }
    delete reply;
    return result;
}

std::optional<int> TestGateway::sendRaw(const QByteArray &message, bool binary)
{
    const auto reply = request("POST", binary ? QStringLiteral("/control/raw?binary=1")
                                              : QStringLiteral("/control/raw"),
                               message);
    const int sent = intField(reply, "sent");
    return sent < 0 ? std::nullopt : std::optional<int>(sent);
}

std::optional<int> TestGateway::emitToAdmins(const QString &event, const nlohmann::json &args)
{
    const nlohmann::json body = {{"event", event.toStdString()}, {"args", args}};
    const std::string text = body.dump();
    const auto reply = request("POST", QStringLiteral("/control/emit"),
                               QByteArray(text.data(), qsizetype(text.size())));
    const int count = intField(reply, "admins");
    return count < 0 ? std::nullopt : std::optional<int>(count);
}

std::optional<nlohmann::json> TestGateway::redisGet(const QString &key)
{
    return request("GET", QStringLiteral("/control/redis?key=")
                              + QString::fromLatin1(QUrl::toPercentEncoding(key)));
}

std::optional<nlohmann::json> TestGateway::admins()
{
    return request("GET", QStringLiteral("/control/admins"));
}

std::optional<nlohmann::json> TestGateway::stats()
{
    return request("GET", QStringLiteral("/control/stats"));
}

int TestGateway::connectedAdmins()
{
    return intField(admins(), "connected");
}

int TestGateway::subscribedAdmins()
{
    return intField(admins(), "subscribed");
}

} // namespace mm::test
