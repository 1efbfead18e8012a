#pragma once

#include "fleetsimulator.h"

#include <QObject>
#include <QString>
#include <QUrl>
#include <memory>

class QThread;

namespace mm {

class SimulatorServer;
struct SimulatorCounters;

// The built-in gateway behind `meeting-monitor --demo`: a SimulatorServer on
// loopback, on its own thread so the GUI thread never carries the load, with
// a fresh random token per run. Connect to it with the real client.
class DemoGateway final : public QObject
{
    Q_OBJECT
public:
    explicit DemoGateway(mm::FleetConfig config, QObject *parent = nullptr);
    ~DemoGateway() override;

    // Starts the server thread and listens on 127.0.0.1 (any free port).
    // Blocks until the server is listening or has failed.
    bool start(QString *error = nullptr);
    // Stops serving and joins the thread. Safe to call twice.
    void stop();
    bool isRunning() const;

    QUrl url() const;      // ws://127.0.0.1:PORT
    QString token() const; // random per run
    QString nspace() const;
    QString path() const;
    quint64 samplesSent() const;
    quint64 alertsSent() const;

private:
    FleetConfig m_config;
    QString m_token;
    QString m_nspace;
    QString m_path;
    QUrl m_url;
    QThread *m_thread = nullptr;
    SimulatorServer *m_server = nullptr; // lives in m_thread
    std::shared_ptr<const SimulatorCounters> m_counters;
};

} // namespace mm
