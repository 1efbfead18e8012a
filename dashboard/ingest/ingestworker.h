#pragma once

#include "core/clock.h"
#include "core/sample.h"
#include "ingest/ingeststats.h"
#include "ingest/metricsdecoder.h"
#include "net/socketioclient.h"

#include <QObject>
#include <QTimer>

namespace mm {

// The ingest path of one gateway, off the GUI thread: owns the Socket.IO
// client, subscribes after every (re)connection, decodes events and hands
// validated samples downstream in batches (one queued call per batch, a few
// per second, whatever the message rate).
class IngestWorker final : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultFlushIntervalMs = 250;
    static constexpr int StatsIntervalMs = 500;

    IngestWorker(SocketIoConfig config, const Clock &clock,
                 int flushIntervalMs = DefaultFlushIntervalMs, QObject *parent = nullptr);
    ~IngestWorker() override;

    // Call in the worker's thread (e.g. through QMetaObject::invokeMethod).
    void start();
    void stop();

    IngestStats stats() const;

signals:
    void samplesArrived(mm::SampleBatchPtr batch);
    void alertsArrived(mm::GatewayAlertBatchPtr batch);
    void statsChanged(const mm::IngestStats &stats);
    void connectionStateChanged(mm::ConnectionState state);
    // The gateway refused us: its message, verbatim (show it as plain text).
    void connectError(const QString &message);
    // The refusal was TLS's (untrusted or mismatching certificate): comes
    // just before connectError() with the same reason.
    void tlsError(const QString &reason);

private:
    void onNamespaceConnected();
    void onEventReceived(const QString &event, const nlohmann::json &args);
    void flush();
    void publishStats();

    const Clock &m_clock;
    SocketIoClient *m_client;
    MetricsDecoder m_decoder;
    QTimer m_flushTimer;
    QTimer m_statsTimer;
    std::shared_ptr<SampleBatch> m_pendingSamples;
    std::shared_ptr<GatewayAlertBatch> m_pendingAlerts;
    IngestStats m_stats;
};

} // namespace mm
