// Fuzz target: the ingest fast path (FastMetricsFrame, then the decoder's
// shared validation) against the generic path it stands in for.
//
// The input is one text frame, taken two ways: as UTF-8, as QWebSocket
// decodes it, and, when its length is even, as raw UTF-16 units (any
// QString at all, lone surrogates included); each against the gateway's
// namespace and against "/". Whenever the fast path takes a frame:
// - the generic path would have delivered it to the ingest worker as a
//   metrics event: an Engine.IO message holding a Socket.IO EVENT of that
//   namespace, without ack id, whose JSON parses within the nesting limit,
//   named meeting:metrics:update, with a payload argument;
// - both decode it alike: the same reject reason, or the same Sample field
//   by field (every double bit for bit), and the same invalid-field count.
#include "fuzzcheck.h"
#include "ingest/fastmetricsframe.h"
#include "ingest/metricsdecoder.h"
#include "net/engineiopacket.h"
#include "net/socketiopacket.h"

#include <QString>

#include <bit>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

using namespace mm;

namespace {

constexpr qint64 ReceivedMs = 1'700'000'000'000;
const MetricsDecoder Decoder;

struct Outcome
{
    std::optional<Sample> sample;
    RejectReason why = RejectReason::Count_;
    int invalidFields = 0;
};

// What the client and the ingest worker do with the frame, or nullopt where
// the frame would never reach decodeMetrics().
std::optional<Outcome> genericPath(const QString &frame, const std::string &nspace)
{
    const QByteArray utf8 = frame.toUtf8();
    const auto engine
        = parseEngineIoPacket(std::string_view(utf8.constData(), size_t(utf8.size())));
    if (!engine || engine->type != EngineIoPacketType::Message)
        return std::nullopt;
    const auto packet = parseSocketIoPacket(engine->data);
    if (!packet || packet->type != SocketIoPacketType::Event || packet->nsp != nspace || packet->id
        || !packet->data)
        return std::nullopt;
    // The client hands on [name, args...]; the worker decodes args[0].
    const nlohmann::json &array = *packet->data;
    if (array.size() < 2 || array.front() != "meeting:metrics:update")
        return std::nullopt;
    Outcome outcome;
    outcome.sample
        = Decoder.decodeMetrics(array[1], ReceivedMs, &outcome.why, &outcome.invalidFields);
    return outcome;
}

bool sameMetric(const Metric &a, const Metric &b)
{
    if (a.has_value() != b.has_value())
        return false;
    return !a || std::bit_cast<quint64>(*a) == std::bit_cast<quint64>(*b);
}

void checkSameSample(const Sample &fast, const Sample &generic)
{
    MM_FUZZ_CHECK(fast.meetingId == generic.meetingId);
    MM_FUZZ_CHECK(fast.userId == generic.userId);
    MM_FUZZ_CHECK(fast.username == generic.username);
    MM_FUZZ_CHECK(fast.meetingName == generic.meetingName);
    MM_FUZZ_CHECK(fast.receivedMs == generic.receivedMs);
    MM_FUZZ_CHECK(fast.clientTimeMs == generic.clientTimeMs);
    MM_FUZZ_CHECK(sameMetric(fast.uploadKbps, generic.uploadKbps));
    MM_FUZZ_CHECK(sameMetric(fast.downloadKbps, generic.downloadKbps));
    MM_FUZZ_CHECK(sameMetric(fast.latencyMs, generic.latencyMs));
    MM_FUZZ_CHECK(sameMetric(fast.minLatencyMs, generic.minLatencyMs));
    MM_FUZZ_CHECK(sameMetric(fast.maxLatencyMs, generic.maxLatencyMs));
    MM_FUZZ_CHECK(sameMetric(fast.packetLossPct, generic.packetLossPct));
    MM_FUZZ_CHECK(sameMetric(fast.jitterMs, generic.jitterMs));
    MM_FUZZ_CHECK(fast.quality == generic.quality);
    MM_FUZZ_CHECK(fast.qualityDerived == generic.qualityDerived);
}

void checkFrame(const QString &frame, const std::string &nspace)
{
    // One parser for every input, as the worker keeps one: its buffers are
    // reused from frame to frame.
    static FastMetricsFrame parser;
    if (!parser.parse(frame, QString::fromStdString(nspace)))
        return;
    Outcome fast;
    fast.sample
        = Decoder.decodeMetrics(parser.fields(), ReceivedMs, &fast.why, &fast.invalidFields);

    const std::optional<Outcome> generic = genericPath(frame, nspace);
    MM_FUZZ_CHECK(generic.has_value()); // never takes what the generic path drops
    MM_FUZZ_CHECK(fast.sample.has_value() == generic->sample.has_value());
    MM_FUZZ_CHECK(fast.invalidFields == generic->invalidFields);
    if (fast.sample)
        checkSameSample(*fast.sample, *generic->sample);
    else
        MM_FUZZ_CHECK(fast.why == generic->why);
}

void checkFrame(const QString &frame)
{
    checkFrame(frame, "/meeting-metrics");
    checkFrame(frame, "/");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    checkFrame(QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (size % 2 == 0) {
        QString units(qsizetype(size / 2), Qt::Uninitialized);
        if (size > 0) // memcpy from a null pointer is undefined even for 0 bytes
            std::memcpy(units.data(), data, size);
        checkFrame(units);
    }
    return 0;
}
