#pragma once

#include <QtGlobal>

#include <array>
#include <string_view>

namespace mm {

// One JSON value as MetricsDecoder sees it. The decoder's validation reads
// only these, whichever parser produced them (the JSON DOM, or the frame
// parser of the ingest fast path), so both give the same samples.
struct JsonScalar
{
    enum class Kind : quint8 {
        Missing, // the key is absent
        Null,
        Number,
        String,
        Other, // true, false, an object or an array: no field takes one
    };

    Kind kind = Kind::Missing;
    // Number: the value as a double, as the DOM holds it (integers
    // converted, others correctly rounded); the sign of a zero may differ,
    // the decoder folds -0 into 0.
    double number = 0;
    // String: the decoded text in UTF-8 (the decoder's size limits are in
    // bytes); points into the parser's storage.
    std::string_view utf8;
};

// The members of a metrics payload's `metrics` object the decoder reads
// (gateway-contract.md, "Payload shapes": both shapes).
enum class MetricsKey : quint8 {
    MeetingId,
    UserId,
    Username,
    MeetingName,
    TotalUpload,
    UploadBitrate,
    TotalDownload,
    DownloadBitrate,
    AvgLatency,
    Latency,
    MinLatency,
    MaxLatency,
    PacketLossRate,
    Jitter,
    ConnectionQuality,
    Quality,
    Timestamp,
    Count_
};

// Wire names, in MetricsKey order.
inline constexpr std::array<std::string_view, size_t(MetricsKey::Count_)> MetricsKeyNames = {
    "meetingId",     "userId",        "username",        "meetingName", "totalUpload",
    "uploadBitrate", "totalDownload", "downloadBitrate", "avgLatency",  "latency",
    "minLatency",    "maxLatency",    "packetLossRate",  "jitter",      "connectionQuality",
    "quality",       "timestamp",
};

// Everything MetricsDecoder reads of a `meeting:metrics:update` payload
// object: {meetingId, userId, metrics: {...}}.
struct MetricsFields
{
    // The payload's own ids; when present and not null they win over the
    // copies inside `metrics`.
    JsonScalar meetingId;
    JsonScalar userId;
    // `metrics` is present and an object; otherwise the sample is rejected.
    bool metricsIsObject = false;
    std::array<JsonScalar, size_t(MetricsKey::Count_)> metrics;

    const JsonScalar &inMetrics(MetricsKey key) const { return metrics[size_t(key)]; }
    JsonScalar &inMetrics(MetricsKey key) { return metrics[size_t(key)]; }
};

} // namespace mm
