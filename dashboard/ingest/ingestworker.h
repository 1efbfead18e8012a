#pragma once

#include "core/clock.h"
#include "core/sample.h"
#include "ingest/fastmetricsframe.h"
#include "ingest/ingeststats.h"
#include "ingest/metricsdecoder.h"
#include "net/socketioclient.h"

#include <QObject>
#include <QTimer>
#include <atomic>
#include <memory>

namespace mm {

// The ingest path of one gateway, off the GUI thread: owns the Socket.IO
// client, subscribes after every (re)connection, decodes events and hands
// validated samples downstream in batches (one queued call per batch, a few
// per second up to 20,000 samples/s, batches of at most MaxBatchSamples
// above).
class IngestWorker final : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultFlushIntervalMs = 250;
    // A batch is handed downstream at the latest when it holds this many
    // samples (20,000/s at the default interval), so that no consumer gets
    // more in one call.
    static constexpr qsizetype MaxBatchSamples = 5000;
    static constexpr int StatsIntervalMs = 500;
    // Samples handed downstream (model, alerts, history writer) and not yet
    // released by all of them, plus those waiting for the next flush. Above
    // this, metrics events are shed and counted (IngestStats::samplesShed):
    // a consumer that falls behind (a stalled GUI thread, a slow disk)
    // cannot make queued batches grow without bound. The history writer
    // holds a second of samples until its commit, so the bound must leave
    // room for that at the highest rate: 300,000 samples is 6 s at
    // 50,000 samples/s, about 110 MB (a Sample and its id strings take
    // roughly 370 bytes by their layout).
    static constexpr qint64 DefaultMaxInFlightSamples = 300000;

    IngestWorker(SocketIoConfig config, const Clock &clock,
                 int flushIntervalMs = DefaultFlushIntervalMs, QObject *parent = nullptr);
    // Before start(); tests use small values.
    void setMaxInFlightSamples(qint64 samples) { m_maxInFlight = samples; }
    // Samples handed downstream and not yet released by every consumer.
    qint64 inFlightSamples() const { return m_inFlight->load(); }
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
    // The client's event frame filter: metrics events it can read itself.
    bool onEventFrame(QStringView frame);
    qint64 countEvent();
    // Either payload form: a JSON value (generic path) or MetricsFields.
    template<typename Payload>
    void acceptMetrics(qint64 nowMs, const Payload &payload);
    void flush();
    void publishStats();
    std::shared_ptr<SampleBatch> newSampleBatch() const;

    const Clock &m_clock;
    SocketIoClient *m_client;
    MetricsDecoder m_decoder;
    FastMetricsFrame m_metricsFrame;
    const QString m_packetNamespace; // the client's, as packets write it
    QTimer m_flushTimer;
    QTimer m_statsTimer;
    std::shared_ptr<SampleBatch> m_pendingSamples;
    std::shared_ptr<GatewayAlertBatch> m_pendingAlerts;
    IngestStats m_stats;
    // Shared with the deleters of the batches handed out: the last consumer
    // to release a batch (in whatever thread) gives its samples back.
    std::shared_ptr<std::atomic<qint64>> m_inFlight;
    qint64 m_maxInFlight = DefaultMaxInFlightSamples;
};

} // namespace mm
