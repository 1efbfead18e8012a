#include "demogateway.h"

#include "simulatorserver.h"

#include <QRandomGenerator>
#include <QThread>

namespace mm {

namespace {

QString randomToken()
{
    // 128 bits from the system generator: another local user cannot guess
    // the demo's token and inject data into it.
    QString token;
    auto *rng = QRandomGenerator::system();
    for (int i = 0; i < 4; ++i)
        token += QStringLiteral("%1").arg(rng->generate(), 8, 16, QLatin1Char('0'));
    return token;
}

} // namespace

DemoGateway::DemoGateway(FleetConfig config, QObject *parent)
    : QObject(parent), m_config(config), m_token(randomToken())
{
    const SimulatorServerConfig defaults;
    m_nspace = defaults.nspace;
    m_path = defaults.path;
}

DemoGateway::~DemoGateway()
{
    stop();
}

bool DemoGateway::start(QString *error)
{
    if (m_thread)
        return true;
    SimulatorServerConfig serverConfig;
    serverConfig.token = m_token;
    serverConfig.nspace = m_nspace;
    serverConfig.path = m_path;

    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("demo-gateway"));
    m_server = new SimulatorServer(m_config, serverConfig);
    m_counters = m_server->counters();
    m_server->moveToThread(m_thread);
    // The server (sockets, timers) must die in its own thread.
    connect(m_thread, &QThread::finished, m_server, &QObject::deleteLater);
    m_thread->start();

    bool ok = false;
    QString failure;
    quint16 port = 0;
    SimulatorServer *server = m_server;
    QMetaObject::invokeMethod(
        m_server,
        [server, &ok, &failure, &port]() {
            ok = server->listen(&failure);
            port = server->port();
        },
        Qt::BlockingQueuedConnection);
    if (!ok) {
        if (error)
            *error = failure;
        stop();
        return false;
    }
    m_url = QUrl();
    m_url.setScheme(QStringLiteral("ws"));
    m_url.setHost(QStringLiteral("127.0.0.1"));
    m_url.setPort(port);
    return true;
}

void DemoGateway::stop()
{
    if (!m_thread)
        return;
    if (m_thread->isRunning()) {
        SimulatorServer *server = m_server;
        QMetaObject::invokeMethod(m_server, [server]() { server->close(); }, Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
    } else {
        delete m_server;
    }
    m_server = nullptr; // deleted by the thread's finished -> deleteLater
    delete m_thread;
    m_thread = nullptr;
}

bool DemoGateway::isRunning() const { return m_thread != nullptr; }

QUrl DemoGateway::url() const { return m_url; }

QString DemoGateway::token() const { return m_token; }

QString DemoGateway::nspace() const { return m_nspace; }

QString DemoGateway::path() const { return m_path; }

quint64 DemoGateway::samplesSent() const { return m_counters ? m_counters->samplesSent.load() : 0; }

quint64 DemoGateway::alertsSent() const { return m_counters ? m_counters->alertsSent.load() : 0; }

} // namespace mm
