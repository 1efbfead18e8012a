// Fuzz target: the JSON payload of a `meeting:metrics:update` or
// `meeting:alerts` event, through MetricsDecoder as the ingest worker runs it
// (the same nesting guard first), plus the sanitizer for untrusted text on
// the raw bytes taken as UTF-16 (lone surrogates included, which JSON input
// alone would not produce).
//
// Invariants: unknown is never zero and known is always sane — every metric
// is finite, non-negative, within its documented range and never -0; the
// client timestamp is within [0, MaxTimestampMs]; ids are 1..MaxIdLength
// UTF-16 units; every untrusted text is bounded, sanitized (no control,
// format or separator character, no lone surrogate, no surrounding space)
// and sanitizing it again changes nothing; a derived quality is exactly the
// plan's classification of the sample's latency and loss; an alert batch
// holds at most MaxAlertsPerPayload entries.
#include "fuzzcheck.h"
#include "ingest/metricsdecoder.h"
#include "net/engineiopacket.h"

#include <QString>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string_view>

using namespace mm;

namespace {

constexpr qint64 ReceivedMs = 1'700'000'000'000;

bool isSanitized(const QString &text, qsizetype maxLength)
{
    if (text.size() > maxLength)
        return false;
    if (!text.isEmpty() && (text.front().isSpace() || text.back().isSpace()))
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        char32_t ucs4 = c.unicode();
        if (c.isHighSurrogate()) {
            if (i + 1 >= text.size() || !text.at(i + 1).isLowSurrogate())
                return false;
            ucs4 = QChar::surrogateToUcs4(c, text.at(i + 1));
            ++i;
        } else if (c.isSurrogate()) {
            return false; // a low surrogate on its own
        }
        if (ucs4 < 0x20 || (ucs4 >= 0x7f && ucs4 <= 0x9f) || ucs4 == 0x2028 || ucs4 == 0x2029)
            return false;
        if (QChar::category(ucs4) == QChar::Other_Format)
            return false;
    }
    return sanitizeUntrustedText(text, maxLength) == text; // idempotent
}

void checkMetric(const Metric &metric, double max)
{
    if (!metric)
        return;
    MM_FUZZ_CHECK(std::isfinite(*metric));
    MM_FUZZ_CHECK(*metric >= 0 && *metric <= max);
    MM_FUZZ_CHECK(!std::signbit(*metric));
}

bool isValidId(const QString &id)
{
    return !id.isEmpty() && id.size() <= MetricsDecoder::MaxIdLength;
}

void checkSample(const Sample &sample)
{
    MM_FUZZ_CHECK(isValidId(sample.meetingId));
    MM_FUZZ_CHECK(isValidId(sample.userId));
    MM_FUZZ_CHECK(sample.receivedMs == ReceivedMs);
    MM_FUZZ_CHECK(isSanitized(sample.username, MetricsDecoder::MaxNameLength));
    MM_FUZZ_CHECK(isSanitized(sample.meetingName, MetricsDecoder::MaxNameLength));
    if (sample.clientTimeMs)
        MM_FUZZ_CHECK(*sample.clientTimeMs >= 0 && *sample.clientTimeMs <= MetricsDecoder::MaxTimestampMs);
    // The decoder's documented ranges (gateway-contract.md, issue 2).
    checkMetric(sample.uploadKbps, 10'000'000);
    checkMetric(sample.downloadKbps, 10'000'000);
    checkMetric(sample.latencyMs, 60'000);
    checkMetric(sample.minLatencyMs, 60'000);
    checkMetric(sample.maxLatencyMs, 60'000);
    checkMetric(sample.packetLossPct, 100);
    checkMetric(sample.jitterMs, 60'000);
    if (sample.qualityDerived) {
        MM_FUZZ_CHECK(sample.latencyMs && sample.packetLossPct);
        MM_FUZZ_CHECK(sample.quality == classifyQuality(*sample.latencyMs, *sample.packetLossPct));
    }
}

void checkAlerts(const GatewayAlertBatch &batch)
{
    MM_FUZZ_CHECK(batch.size() <= size_t(MetricsDecoder::MaxAlertsPerPayload));
    for (const GatewayAlert &alert : batch) {
        MM_FUZZ_CHECK(isValidId(alert.meetingId));
        MM_FUZZ_CHECK(alert.userId.isEmpty() || isValidId(alert.userId));
        MM_FUZZ_CHECK(isSanitized(alert.type, MetricsDecoder::MaxNameLength));
        MM_FUZZ_CHECK(isSanitized(alert.severity, MetricsDecoder::MaxNameLength));
        MM_FUZZ_CHECK(isSanitized(alert.message, MetricsDecoder::MaxMessageLength));
        MM_FUZZ_CHECK(alert.receivedMs == ReceivedMs);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // Raw UTF-16 units, odd byte dropped: any QString at all, bounded by the
    // short limit so that truncation is exercised too.
    {
        QString units(qsizetype(size / 2), Qt::Uninitialized);
        if (size >= 2) // memcpy from a null pointer is undefined even for 0 bytes
            std::memcpy(units.data(), data, (size / 2) * 2);
        for (const qsizetype limit : {qsizetype(0), qsizetype(1), qsizetype(7), qsizetype(256)}) {
            const QString clean = sanitizeUntrustedText(units, limit);
            MM_FUZZ_CHECK(isSanitized(clean, std::max<qsizetype>(limit, 0)));
        }
    }

    const std::string_view text(reinterpret_cast<const char *>(data), size);
    if (jsonNestingDepth(text) > MaxJsonNesting)
        return 0; // the Socket.IO layer refuses these before any decoding
    const auto payload = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (payload.is_discarded())
        return 0;

    const MetricsDecoder decoder;
    RejectReason why = RejectReason::Count_;
    int invalid = 0;
    if (const auto sample = decoder.decodeMetrics(payload, ReceivedMs, &why, &invalid)) {
        MM_FUZZ_CHECK(why == RejectReason::Count_); // untouched on success
        MM_FUZZ_CHECK(invalid >= 0);
        checkSample(*sample);
    } else {
        MM_FUZZ_CHECK(why != RejectReason::Count_);
        MM_FUZZ_CHECK(invalid == 0);
    }

    why = RejectReason::Count_;
    if (const auto batch = decoder.decodeAlerts(payload, ReceivedMs, &why)) {
        MM_FUZZ_CHECK(why == RejectReason::Count_);
        checkAlerts(*batch);
    } else {
        MM_FUZZ_CHECK(why != RejectReason::Count_);
    }
    return 0;
}
