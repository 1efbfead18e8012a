#pragma once

#include "core/sample.h"
#include "core/stringinterner.h"
#include "ingest/identitytable.h"
#include "ingest/metricsfields.h"

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

// Stable lower-case name for logs and the status bar ("bad-meeting-id", ...).
QString rejectReasonName(RejectReason reason);

// Makes an untrusted client string safe to keep and show as plain text: drops
// C0/C1 control characters, Unicode format characters (category Cf: bidi
// overrides, zero-width joiners...), line/paragraph separators and lone
// surrogates, trims surrounding white space and truncates to `maxLength`
// UTF-16 units without splitting a surrogate pair.
QString sanitizeUntrustedText(QStringView text, qsizetype maxLength);

struct RejectCounters
{
    std::array<quint64, size_t(RejectReason::Count_)> byReason{};
    quint64 invalidFields = 0; // fields made unknown because their value was invalid
    quint64 total() const;
    void add(RejectReason reason) { ++byReason[size_t(reason)]; }
};

// Turns gateway payloads into validated Samples and GatewayAlerts
// (gateway-contract.md, "Payload shapes"). Cheap; it remembers the ids and
// names it has converted (bounded), so that samples share them. Not
// thread-safe: one per ingest thread.
class MetricsDecoder final
{
public:
    static constexpr int MaxIdLength = 128;
    static constexpr int MaxNameLength = 256;
    static constexpr int MaxMessageLength = 1024;

    // Valid timestamps (epoch ms) lie in [0, MaxTimestampMs] (year 9999).
    static constexpr qint64 MaxTimestampMs = 253402300799999;
    // At most this many entries of one `meeting:alerts` payload are kept.
    static constexpr int MaxAlertsPerPayload = 64;

    // `meeting:metrics:update` payload: {meetingId, userId, metrics:{...}}.
    // Accepts the UserMetrics shape and the MeetingRoom emission shape.
    // meetingId/userId may be at the top level and/or inside `metrics`; a
    // top-level key that is present and not null wins (even if invalid).
    // Numeric fields may be JSON numbers or numeric strings; surrounding
    // white space in a numeric string is trimmed. Field-level problems make
    // the field unknown; only a bad envelope or id rejects the sample.
    // `invalidFields`, if given, is increased by the number of fields that
    // were present but invalid (null, non-numeric, out of range).
    std::optional<Sample> decodeMetrics(const nlohmann::json &payload, qint64 receivedMs,
                                        RejectReason *why = nullptr,
                                        int *invalidFields = nullptr) const;
    // The same validation over the payload's fields as another parser read
    // them (the ingest fast path, FastMetricsFrame).
    std::optional<Sample> decodeMetrics(const MetricsFields &fields, qint64 receivedMs,
                                        RejectReason *why = nullptr,
                                        int *invalidFields = nullptr) const;

    // `meeting:alerts` payload: {meetingId, userId, alerts:[...]}. Entries
    // that are not objects are skipped; an invalid envelope returns nullopt.
    // userId may be missing, null or empty (a meeting-level alert); meetingId
    // is required. type/severity/message are sanitized and bounded.
    std::optional<GatewayAlertBatch> decodeAlerts(const nlohmann::json &payload,
                                                  qint64 receivedMs,
                                                  RejectReason *why = nullptr) const;

private:
    // Every sample repeats its ids and names: converted and validated once
    // (caches, hence mutable). m_identities answers a known (meeting, user)
    // pair with one look-up, numbers it (Sample::identity) and keeps the
    // user's id and name; the interners share what pairs have in common,
    // the meeting's id (m_ids, with the alerts' ids) and name (m_names,
    // MaxNameLength-bounded texts).
    static constexpr size_t MaxInternedTexts = size_t(1) << 17;
    mutable IdentityTable m_identities;
    mutable StringInterner m_ids{MaxInternedTexts};
    mutable StringInterner m_names{MaxInternedTexts};
};

} // namespace mm
