#pragma once

#include "core/sample.h"

#include <array>
#include <nlohmann/json_fwd.hpp>
#include <optional>

namespace mm {

// Why a whole sample (or alert) was rejected. Field-level problems do not
// reject a sample: the field becomes unknown.
enum class RejectReason : quint8 {
    NotAnObject,      // payload or its `metrics` is not a JSON object
    BadMeetingId,     // missing, not a string, empty or over 128 characters
    BadUserId,        // likewise
    BadAlertList,     // `alerts` missing or not an array
    UnknownEvent,     // an event name we do not handle
    MalformedEvent,   // the event had no payload argument
    Count_
};

QString rejectReasonName(RejectReason reason);

struct RejectCounters
{
    std::array<quint64, size_t(RejectReason::Count_)> byReason{};
    quint64 invalidFields = 0; // fields made unknown because their value was invalid
    quint64 total() const;
    void add(RejectReason reason) { ++byReason[size_t(reason)]; }
};

// Turns gateway payloads into validated Samples and GatewayAlerts
// (gateway-contract.md, "Payload shapes"). Stateless and cheap; one per
// ingest thread.
class MetricsDecoder final
{
public:
    static constexpr int MaxIdLength = 128;
    static constexpr int MaxNameLength = 256;
    static constexpr int MaxMessageLength = 1024;

    // `meeting:metrics:update` payload: {meetingId, userId, metrics:{...}}.
    // Accepts the UserMetrics shape and the MeetingRoom emission shape.
    // `invalidFields`, if given, is increased by the number of fields that
    // were present but invalid (null, non-numeric, out of range).
    std::optional<Sample> decodeMetrics(const nlohmann::json &payload, qint64 receivedMs,
                                        RejectReason *why = nullptr,
                                        int *invalidFields = nullptr) const;

    // `meeting:alerts` payload: {meetingId, userId, alerts:[...]}. Entries
    // that are not objects are skipped; an invalid envelope returns nullopt.
    std::optional<GatewayAlertBatch> decodeAlerts(const nlohmann::json &payload,
                                                  qint64 receivedMs,
                                                  RejectReason *why = nullptr) const;
};

} // namespace mm
