#include "ingestworker.h"

#include <nlohmann/json.hpp>

namespace mm {

namespace {
const QString MetricsEvent = QStringLiteral("meeting:metrics:update");
const QString AlertsEvent = QStringLiteral("meeting:alerts");
const QString SubscribeEvent = QStringLiteral("admin:subscribe");
} // namespace

IngestWorker::IngestWorker(SocketIoConfig config, const Clock &clock, int flushIntervalMs,
                           QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_client(new SocketIoClient(std::move(config), this))
    , m_packetNamespace(m_client->packetNamespace())
    , m_flushTimer(this) // children, so that moveToThread() takes them along
    , m_statsTimer(this)
    , m_pendingAlerts(std::make_shared<GatewayAlertBatch>())
    , m_inFlight(std::make_shared<std::atomic<qint64>>(0))
{
    m_pendingSamples = newSampleBatch();
    m_flushTimer.setInterval(flushIntervalMs);
    m_statsTimer.setInterval(StatsIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &IngestWorker::flush);
    connect(&m_statsTimer, &QTimer::timeout, this, &IngestWorker::publishStats);

    connect(m_client, &SocketIoClient::namespaceConnected, this,
            &IngestWorker::onNamespaceConnected);
    connect(m_client, &SocketIoClient::eventReceived, this, &IngestWorker::onEventReceived);
    m_client->setEventFrameFilter([this](QStringView frame) { return onEventFrame(frame); });
    connect(m_client, &SocketIoClient::stateChanged, this, [this](ConnectionState state) {
        m_stats.state = state;
        emit connectionStateChanged(state);
        publishStats();
    });
    connect(m_client, &SocketIoClient::connectError, this, [this](const QString &message) {
        m_stats.lastError = message;
        emit connectError(message);
    });
    connect(m_client, &SocketIoClient::tlsError, this, &IngestWorker::tlsError);
    connect(m_client, &SocketIoClient::disconnected, this,
            [this](const QString &reason) { m_stats.lastError = reason; });
}

IngestWorker::~IngestWorker() = default;

void IngestWorker::start()
{
    m_flushTimer.start();
    m_statsTimer.start();
    m_client->open();
}

void IngestWorker::stop()
{
    m_client->close();
    flush();
    m_flushTimer.stop();
    m_statsTimer.stop();
    publishStats();
}

IngestStats IngestWorker::stats() const
{
    IngestStats snapshot = m_stats;
    snapshot.protocol = m_client->counters();
    snapshot.state = m_client->state();
    return snapshot;
}

std::shared_ptr<SampleBatch> IngestWorker::newSampleBatch() const
{
    // The batch counts as in flight from its flush until every consumer
    // has dropped it (the model and the alerts at once, the writer at its
    // commit).
    std::shared_ptr<std::atomic<qint64>> inFlight = m_inFlight;
    return std::shared_ptr<SampleBatch>(new SampleBatch, [inFlight](SampleBatch *batch) {
        inFlight->fetch_sub(qint64(batch->size()), std::memory_order_relaxed);
        delete batch;
    });
}

void IngestWorker::onNamespaceConnected()
{
    ++m_stats.namespaceConnects;
    m_stats.lastConnectedMs = m_clock.nowMs();
    // Rooms live in the memory of the node that holds the socket: join the
    // admin room again after every (re)connection.
    m_client->emitEvent(SubscribeEvent);
}

qint64 IngestWorker::countEvent()
{
    const qint64 now = m_clock.nowMs();
    ++m_stats.eventsReceived;
    m_stats.lastMessageMs = now;
    return now;
}

template<typename Payload>
void IngestWorker::acceptMetrics(qint64 nowMs, const Payload &payload)
{
    // Shed before decoding: under overload the decoding is the cost.
    // What is pending here counts too: it is added to the in-flight
    // total only when flushed.
    if (m_inFlight->load(std::memory_order_relaxed) + qint64(m_pendingSamples->size())
        >= m_maxInFlight) {
        ++m_stats.samplesShed;
        return;
    }
    RejectReason why{};
    int invalidFields = 0;
    auto sample = m_decoder.decodeMetrics(payload, nowMs, &why, &invalidFields);
    m_stats.rejects.invalidFields += quint64(invalidFields);
    if (!sample) {
        m_stats.rejects.add(why);
        return;
    }
    ++m_stats.samplesAccepted;
    m_pendingSamples->push_back(std::move(*sample));
    // At high rates, hand over before the timer: the GUI thread applies
    // a batch in one go, and a 12,500-sample batch (50,000/s) would keep
    // it busy for tens of ms at a time.
    if (qsizetype(m_pendingSamples->size()) >= MaxBatchSamples)
        flush();
}

bool IngestWorker::onEventFrame(QStringView frame)
{
    // The frame parser is to the fields what the generic path's JSON parse
    // is to the DOM: shedding comes after it, as there.
    if (!m_metricsFrame.parse(frame, m_packetNamespace))
        return false;
    acceptMetrics(countEvent(), m_metricsFrame.fields());
    return true;
}

void IngestWorker::onEventReceived(const QString &event, const nlohmann::json &args)
{
    const qint64 now = countEvent();
    const bool isMetrics = event == MetricsEvent;
    if (!isMetrics && event != AlertsEvent) {
        m_stats.rejects.add(RejectReason::UnknownEvent);
        return;
    }
    if (!args.is_array() || args.empty()) {
        m_stats.rejects.add(RejectReason::MalformedEvent);
        return;
    }
    // A trailing string after the payload is a connection-state-recovery
    // offset (socketio-protocol-notes.md §3); only args[0] is ours.
    const nlohmann::json &payload = args.front();
    if (isMetrics) {
        acceptMetrics(now, payload);
    } else {
        RejectReason why{};
        auto alerts = m_decoder.decodeAlerts(payload, now, &why);
        if (!alerts) {
            m_stats.rejects.add(why);
            return;
        }
        m_stats.alertsAccepted += alerts->size();
        for (auto &alert : *alerts)
            m_pendingAlerts->push_back(std::move(alert));
    }
}

void IngestWorker::flush()
{
    if (!m_pendingSamples->empty()) {
        m_inFlight->fetch_add(qint64(m_pendingSamples->size()), std::memory_order_relaxed);
        SampleBatchPtr batch = std::move(m_pendingSamples);
        m_pendingSamples = newSampleBatch();
        m_pendingSamples->reserve(batch->size());
        emit samplesArrived(batch);
    }
    if (!m_pendingAlerts->empty()) {
        GatewayAlertBatchPtr batch = std::move(m_pendingAlerts);
        m_pendingAlerts = std::make_shared<GatewayAlertBatch>();
        emit alertsArrived(batch);
    }
}

void IngestWorker::publishStats()
{
    emit statsChanged(stats());
}

} // namespace mm
