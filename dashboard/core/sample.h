#pragma once

#include "quality.h"

#include <QMetaType>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

namespace mm {

// A metric value as received. Missing, null, non-numeric and out-of-range
// fields are nullopt: unknown is never zero.
using Metric = std::optional<double>;

// One user's metrics at one moment, validated (see MetricsDecoder).
struct Sample
{
    QString meetingId;   // 1..128 characters
    QString userId;      // 1..128 characters
    QString username;    // as received (untrusted, bounded), may be empty
    QString meetingName; // as received (untrusted, bounded), may be empty
    qint64 receivedMs = 0;                 // when this process received it, ms since epoch UTC
    std::optional<qint64> clientTimeMs;    // the browser's own timestamp, if valid

    Metric uploadKbps;
    Metric downloadKbps;
    Metric latencyMs;     // average RTT to the peers
    Metric minLatencyMs;
    Metric maxLatencyMs;
    Metric packetLossPct; // 0..100
    Metric jitterMs;

    // The reported level when valid, else derived from latency and loss when
    // both are known, else Unknown.
    Quality quality = Quality::Unknown;
    bool qualityDerived = false; // true when computed here rather than reported

    // The decoder's number for this (meetingId, userId) pair, 1..MaxIdentity,
    // or 0 when none was given (imported or built samples). A hint that lets
    // consumers skip hashing the ids (IdentityCache); never an identity by
    // itself: a number may be reused, for another pair, by another decoder
    // or after its table started afresh.
    quint32 identity = 0;
    static constexpr quint32 MaxIdentity = quint32(1) << 17;
};

using SampleBatch = std::vector<Sample>;
// Batches travel between threads by shared pointer: every consumer (store,
// history writer) reads the same immutable batch, nothing is copied.
using SampleBatchPtr = std::shared_ptr<const SampleBatch>;

// One entry of a `meeting:alerts` event, validated. Type and severity are
// kept as received (an unknown type is still an alert of that type).
struct GatewayAlert
{
    QString meetingId;
    QString userId;
    QString type;     // "high-latency", "packet-loss", "poor-connection", or other
    QString severity; // "warning", "critical", or other
    QString message;  // untrusted plain text
    qint64 receivedMs = 0;
};

using GatewayAlertBatch = std::vector<GatewayAlert>;
using GatewayAlertBatchPtr = std::shared_ptr<const GatewayAlertBatch>;

// Registers the types above for queued connections. Call once at start-up
// (safe to call more than once).
void registerSampleMetaTypes();

} // namespace mm

Q_DECLARE_METATYPE(mm::SampleBatchPtr)
Q_DECLARE_METATYPE(mm::GatewayAlertBatchPtr)
