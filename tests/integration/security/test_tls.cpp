// SocketIoClient over wss:// against a real TLS WebSocket server in this
// process, with a CA and server certificates that openssl makes for each run;
// and the refusal of unencrypted ws:// to a remote host, watched through an
// HTTP proxy that sees every connection the client tries.
#include "net/socketioclient.h"

#include <QFile>
#include <QHostAddress>
#include <QNetworkProxy>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <gtest/gtest.h>

#include <memory>
#include <vector>

using namespace mm;

namespace {

constexpr int WaitMs = 20000; // generous: the machine may be busy
const QString Token = QStringLiteral("tok-CANARY-tls-7c41d9");
const QString Namespace = QStringLiteral("/meeting-metrics");

// A throwaway PKI made with the openssl command line.
class TestPki
{
public:
    QTemporaryDir dir;
    QString error;

    bool make()
    {
        if (!dir.isValid()) {
            error = QStringLiteral("no temporary directory");
            return false;
        }
        return makeCa(QStringLiteral("ca"), QStringLiteral("Meeting Monitor test CA"))
            && makeCa(QStringLiteral("otherca"), QStringLiteral("Unrelated CA"))
            && makeServer(QStringLiteral("server"), QStringLiteral("ca"),
                          QStringLiteral("DNS:localhost,IP:127.0.0.1,IP:::1"))
            && makeServer(QStringLiteral("otherhost"), QStringLiteral("ca"),
                          QStringLiteral("DNS:otherhost"));
    }

    QString path(const QString &name) const { return dir.filePath(name); }

    QSslConfiguration serverConfiguration(const QString &name) const
    {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        const auto certificates = QSslCertificate::fromPath(path(name + QStringLiteral(".pem")));
        config.setLocalCertificateChain(certificates);
        QFile keyFile(path(name + QStringLiteral(".key")));
        keyFile.open(QIODevice::ReadOnly);
        config.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        config.setProtocol(QSsl::TlsV1_2OrLater);
        return config;
    }

private:
    bool run(const QStringList &arguments)
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty()) {
            error = QStringLiteral("the openssl command is not installed");
            return false;
        }
        QProcess process;
        process.setWorkingDirectory(dir.path());
        process.start(openssl, arguments);
        if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit
            || process.exitCode() != 0) {
            error = QStringLiteral("openssl %1 failed: %2")
                        .arg(arguments.join(QLatin1Char(' ')),
                             QString::fromLocal8Bit(process.readAllStandardError()));
            return false;
        }
        return true;
    }

    bool makeCa(const QString &name, const QString &commonName)
    {
        return run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                    QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                    QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                    QStringLiteral("-out"), name + QStringLiteral(".pem"), QStringLiteral("-days"),
                    QStringLiteral("2"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=") + commonName, QStringLiteral("-addext"),
                    QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                    QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")});
    }

    bool makeServer(const QString &name, const QString &ca, const QString &subjectAltName)
    {
        QFile ext(path(name + QStringLiteral(".ext")));
        if (!ext.open(QIODevice::WriteOnly))
            return false;
        ext.write("basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                  "extendedKeyUsage=serverAuth\nsubjectAltName="
                  + subjectAltName.toLatin1() + '\n');
        ext.close();
        return run({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
                    QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                    QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                    QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                    QStringLiteral("-out"), name + QStringLiteral(".csr"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=") + name})
            && run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                    name + QStringLiteral(".csr"), QStringLiteral("-CA"),
                    ca + QStringLiteral(".pem"), QStringLiteral("-CAkey"),
                    ca + QStringLiteral(".key"), QStringLiteral("-CAcreateserial"),
                    QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"),
                    name + QStringLiteral(".ext"), QStringLiteral("-out"),
                    name + QStringLiteral(".pem")});
    }
};

// The gateway's side, just enough of it: Engine.IO open, then a CONNECT ack.
class TlsGateway
{
public:
    explicit TlsGateway(const QSslConfiguration &ssl)
        : m_server(QStringLiteral("tls test gateway"), QWebSocketServer::SecureMode)
    {
        m_server.setSslConfiguration(ssl);
        EXPECT_TRUE(m_server.listen(QHostAddress::LocalHost, 0));
        QObject::connect(&m_server, &QWebSocketServer::newConnection, &m_server,
                         [this] { onNewConnection(); });
    }
    ~TlsGateway()
    {
        for (QWebSocket *socket : m_sockets) {
            socket->disconnect(&m_server);
            socket->abort();
            delete socket;
        }
    }

    quint16 port() const { return m_server.serverPort(); }
    int connections() const { return int(m_sockets.size()); }
    const QStringList &received() const { return m_received; }

private:
    void onNewConnection()
    {
        while (QWebSocket *socket = m_server.nextPendingConnection()) {
            m_sockets.push_back(socket);
            QObject::connect(socket, &QWebSocket::textMessageReceived, &m_server,
                             [this, socket](const QString &message) {
                                 m_received.append(message);
                                 if (message.startsWith(QStringLiteral("40")))
                                     socket->sendTextMessage(
                                         QStringLiteral("40/meeting-metrics,{\"sid\":\"s1\"}"));
                             });
            socket->sendTextMessage(
                QStringLiteral("0{\"sid\":\"e1\",\"upgrades\":[],\"pingInterval\":25000,"
                               "\"pingTimeout\":20000,\"maxPayload\":1000000}"));
        }
    }

    QWebSocketServer m_server;
    std::vector<QWebSocket *> m_sockets;
    QStringList m_received;
};

SocketIoConfig tlsConfig(const QString &host, quint16 port)
{
    SocketIoConfig config;
    config.gatewayUrl = QUrl(QStringLiteral("wss://%1:%2").arg(host).arg(port));
    config.nspace = Namespace;
    config.token = Token;
    // Short, so that a retry (which must not happen) would show quickly.
    config.reconnectDelayMs = 50;
    config.reconnectDelayMaxMs = 100;
    return config;
}

// Records what a client reports.
struct ClientWatch
{
    explicit ClientWatch(SocketIoClient &client)
        : tlsError(&client, &SocketIoClient::tlsError)
        , connectError(&client, &SocketIoClient::connectError)
        , connected(&client, &SocketIoClient::namespaceConnected)
        , retries(&client, &SocketIoClient::reconnectScheduled)
        , states(&client, &SocketIoClient::stateChanged)
    {
    }
    QString tlsReason() const
    {
        return tlsError.isEmpty() ? QString() : tlsError.constFirst().constFirst().toString();
    }

    QSignalSpy tlsError;
    QSignalSpy connectError;
    QSignalSpy connected;
    QSignalSpy retries;
    QSignalSpy states;
};

class TlsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (!QSslSocket::supportsSsl())
            GTEST_FAIL() << "Qt has no TLS backend here";
        ASSERT_TRUE(m_pki.make()) << m_pki.error.toStdString();
    }

    // After a refusal: no retry and no second attempt for a while (many
    // times the reconnect delay), and the state stays Rejected.
    static void expectNoRetry(SocketIoClient &client, ClientWatch &watch)
    {
        const qsizetype statesBefore = watch.states.size();
        QTest::qWait(1500);
        EXPECT_EQ(watch.retries.size(), 0);
        EXPECT_EQ(watch.states.size(), statesBefore);
        EXPECT_EQ(client.state(), ConnectionState::Rejected);
    }

    TestPki m_pki;
};

} // namespace

TEST_F(TlsTest, RefusedWithoutTheCaFile)
{
    TlsGateway gateway(m_pki.serverConfiguration(QStringLiteral("server")));
    SocketIoClient client(tlsConfig(QStringLiteral("127.0.0.1"), gateway.port()));
    ClientWatch watch(client);
    client.open();
    ASSERT_TRUE(watch.tlsError.wait(WaitMs));
    EXPECT_TRUE(watch.tlsReason().contains(QStringLiteral("certificate")))
        << watch.tlsReason().toStdString();
    ASSERT_EQ(watch.connectError.size(), 1);
    EXPECT_EQ(watch.connectError.constFirst().constFirst().toString(), watch.tlsReason());
    EXPECT_EQ(client.state(), ConnectionState::Rejected);
    expectNoRetry(client, watch);
    // The handshake stopped before any WebSocket, so before the token.
    EXPECT_EQ(gateway.connections(), 0);
    EXPECT_TRUE(gateway.received().isEmpty());
    EXPECT_EQ(watch.connected.size(), 0);
}

TEST_F(TlsTest, AcceptedWithTheCaFile)
{
    TlsGateway gateway(m_pki.serverConfiguration(QStringLiteral("server")));
    for (const QString &host : {QStringLiteral("127.0.0.1"), QStringLiteral("localhost")}) {
        SocketIoConfig config = tlsConfig(host, gateway.port());
        config.caFile = m_pki.path(QStringLiteral("ca.pem"));
        SocketIoClient client(config);
        ClientWatch watch(client);
        client.open();
        ASSERT_TRUE(watch.connected.wait(WaitMs))
            << host.toStdString() << " " << watch.tlsReason().toStdString();
        EXPECT_EQ(client.state(), ConnectionState::Connected);
        EXPECT_EQ(watch.tlsError.size(), 0);
        EXPECT_FALSE(client.isUnencryptedRemote());
        client.close();
    }
    // The token arrived, inside the encrypted CONNECT.
    ASSERT_GE(gateway.received().size(), 2);
    EXPECT_TRUE(gateway.received().constFirst().contains(Token));
}

TEST_F(TlsTest, CaCertificatesInTheConfigWorkLikeTheFile)
{
    TlsGateway gateway(m_pki.serverConfiguration(QStringLiteral("server")));
    SocketIoConfig config = tlsConfig(QStringLiteral("127.0.0.1"), gateway.port());
    config.caCertificates = QSslCertificate::fromPath(m_pki.path(QStringLiteral("ca.pem")));
    ASSERT_EQ(config.caCertificates.size(), 1);
    SocketIoClient client(config);
    ClientWatch watch(client);
    client.open();
    EXPECT_TRUE(watch.connected.wait(WaitMs)) << watch.tlsReason().toStdString();
}

TEST_F(TlsTest, RefusedWithAnotherCa)
{
    TlsGateway gateway(m_pki.serverConfiguration(QStringLiteral("server")));
    SocketIoConfig config = tlsConfig(QStringLiteral("127.0.0.1"), gateway.port());
    config.caFile = m_pki.path(QStringLiteral("otherca.pem"));
    SocketIoClient client(config);
    ClientWatch watch(client);
    client.open();
    ASSERT_TRUE(watch.tlsError.wait(WaitMs));
    EXPECT_TRUE(watch.tlsReason().contains(QStringLiteral("certificate")));
    expectNoRetry(client, watch);
    EXPECT_EQ(gateway.connections(), 0);
}

TEST_F(TlsTest, RefusedWithAWrongHostName)
{
    // Signed by the trusted CA, but for "otherhost" only.
    TlsGateway gateway(m_pki.serverConfiguration(QStringLiteral("otherhost")));
    SocketIoConfig config = tlsConfig(QStringLiteral("127.0.0.1"), gateway.port());
    config.caFile = m_pki.path(QStringLiteral("ca.pem"));
    SocketIoClient client(config);
    ClientWatch watch(client);
    client.open();
    ASSERT_TRUE(watch.tlsError.wait(WaitMs));
    const QString reason = watch.tlsReason();
    EXPECT_TRUE(reason.contains(QStringLiteral("certificate"))) << reason.toStdString();
    EXPECT_TRUE(reason.contains(QStringLiteral("host name"), Qt::CaseInsensitive))
        << reason.toStdString();
    expectNoRetry(client, watch);
    EXPECT_EQ(gateway.connections(), 0);
    EXPECT_TRUE(gateway.received().isEmpty());
}

TEST_F(TlsTest, UnusableCaFileIsRefusedBeforeConnecting)
{
    TlsGateway gateway(m_pki.serverConfiguration(QStringLiteral("server")));
    SocketIoConfig config = tlsConfig(QStringLiteral("127.0.0.1"), gateway.port());
    config.caFile = m_pki.path(QStringLiteral("server.ext")); // exists, holds no certificate
    SocketIoClient client(config);
    ClientWatch watch(client);
    client.open();
    // Decided inside open(): nothing was contacted.
    EXPECT_EQ(client.state(), ConnectionState::Rejected);
    ASSERT_EQ(watch.tlsError.size(), 1);
    EXPECT_TRUE(watch.tlsReason().contains(config.caFile));
    ASSERT_EQ(watch.connectError.size(), 1);

    config.caFile = m_pki.path(QStringLiteral("missing.pem"));
    SocketIoClient missing(config);
    ClientWatch missingWatch(missing);
    missing.open();
    EXPECT_EQ(missing.state(), ConnectionState::Rejected);
    ASSERT_EQ(missingWatch.tlsError.size(), 1);
    EXPECT_TRUE(missingWatch.tlsReason().contains(config.caFile));
    QTest::qWait(300);
    EXPECT_EQ(gateway.connections(), 0);
}

TEST_F(TlsTest, NothingButTlsHandshakeBytesBeforeTheHandshakeSucceeds)
{
    // A plain TCP server that records every byte the client sends and answers
    // like an HTTP server, so the handshake cannot succeed.
    QTcpServer raw;
    ASSERT_TRUE(raw.listen(QHostAddress::LocalHost, 0));
    QByteArray bytes;
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    QObject::connect(&raw, &QTcpServer::newConnection, &raw, [&] {
        while (QTcpSocket *socket = raw.nextPendingConnection()) {
            sockets.emplace_back(socket);
            QObject::connect(socket, &QTcpSocket::readyRead, &raw, [&bytes, socket] {
                bytes += socket->readAll();
                socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
            });
        }
    });
    SocketIoConfig config = tlsConfig(QStringLiteral("127.0.0.1"), raw.serverPort());
    config.caFile = m_pki.path(QStringLiteral("ca.pem"));
    SocketIoClient client(config);
    ClientWatch watch(client);
    client.open();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !watch.tlsError.isEmpty(); }, WaitMs))
        << "state " << connectionStateName(client.state()).toStdString();
    EXPECT_EQ(client.state(), ConnectionState::Rejected);
    ASSERT_GE(bytes.size(), 5);
    EXPECT_EQ(quint8(bytes.at(0)), 0x16); // a TLS handshake record: the ClientHello
    EXPECT_EQ(quint8(bytes.at(1)), 0x03);
    EXPECT_FALSE(bytes.contains(Token.toUtf8()));
    EXPECT_FALSE(bytes.contains("GET "));
    EXPECT_FALSE(bytes.contains("EIO=4"));
    expectNoRetry(client, watch);
}

// --- unencrypted ws:// ------------------------------------------------------------

namespace {

// An HTTP proxy that only records the CONNECT lines it is sent: with it as the
// application proxy, every TCP connection the client tries shows up here.
class RecordingProxy
{
public:
    RecordingProxy()
    {
        EXPECT_TRUE(m_server.listen(QHostAddress::LocalHost, 0));
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                m_sockets.emplace_back(socket);
                QObject::connect(socket, &QTcpSocket::readyRead, &m_server,
                                 [this, socket] { m_requests += socket->readAll(); });
            }
        });
        m_previous = QNetworkProxy::applicationProxy();
        QNetworkProxy::setApplicationProxy(QNetworkProxy(
            QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), m_server.serverPort()));
    }
    ~RecordingProxy() { QNetworkProxy::setApplicationProxy(m_previous); }

    const QByteArray &requests() const { return m_requests; }
    int connections() const { return int(m_sockets.size()); }

private:
    QTcpServer m_server;
    std::vector<std::unique_ptr<QTcpSocket>> m_sockets;
    QByteArray m_requests;
    QNetworkProxy m_previous;
};

SocketIoConfig plainConfig(const QString &url)
{
    SocketIoConfig config;
    config.gatewayUrl = QUrl(url);
    config.nspace = Namespace;
    config.token = Token;
    config.reconnect = false;
    return config;
}

} // namespace

TEST(UnencryptedRemote, RefusedWithoutContactingIt)
{
    RecordingProxy proxy;
    SocketIoClient client(plainConfig(QStringLiteral("ws://192.0.2.1:3000")));
    QSignalSpy connectError(&client, &SocketIoClient::connectError);
    QSignalSpy tlsError(&client, &SocketIoClient::tlsError);
    EXPECT_FALSE(client.isUnencryptedRemote());
    client.open();
    EXPECT_EQ(client.state(), ConnectionState::Rejected);
    ASSERT_EQ(connectError.size(), 1);
    EXPECT_TRUE(
        connectError.constFirst().constFirst().toString().contains(QStringLiteral("unencrypted")));
    EXPECT_EQ(tlsError.size(), 0);

    // The same client setup with the flag does try (so the proxy would have
    // seen the refused one too): the refusal really happened before contact.
    SocketIoConfig allowedConfig = plainConfig(QStringLiteral("ws://192.0.2.1:3000"));
    allowedConfig.allowUnencrypted = true;
    SocketIoClient allowed(allowedConfig);
    EXPECT_TRUE(allowed.isUnencryptedRemote());
    allowed.open();
    EXPECT_EQ(allowed.state(), ConnectionState::Connecting);
    ASSERT_TRUE(QTest::qWaitFor([&] { return proxy.requests().contains("\r\n\r\n"); }, WaitMs));
    EXPECT_TRUE(proxy.requests().startsWith("CONNECT 192.0.2.1:3000"))
        << proxy.requests().toStdString();
    EXPECT_EQ(proxy.connections(), 1); // only the allowed client's
    allowed.close();
    EXPECT_EQ(allowed.state(), ConnectionState::Idle);
}

TEST(UnencryptedRemote, LoopbackNeedsNoFlag)
{
    QTcpServer local;
    ASSERT_TRUE(local.listen(QHostAddress::LocalHost, 0));
    SocketIoClient client(plainConfig(QStringLiteral("ws://127.0.0.1:%1").arg(local.serverPort())));
    EXPECT_FALSE(client.isUnencryptedRemote());
    client.open();
    EXPECT_EQ(client.state(), ConnectionState::Connecting);
    EXPECT_TRUE(QTest::qWaitFor([&] { return local.hasPendingConnections(); }, WaitMs));
    client.close();
}
