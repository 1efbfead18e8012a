#include "metricsdecoder.h"

#include <QDateTime>
#include <QStringView>

#include <array>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string_view>

namespace mm {

using nlohmann::json;

namespace {

// Validation ranges (issue 2, item 4).
constexpr double MaxLatencyMs = 60'000;
constexpr double MaxPacketLossPct = 100;
constexpr double MaxBitrateKbps = 10'000'000;
// A numeric string longer than this is not a number we want to parse.
constexpr size_t MaxNumericStringBytes = 64;
// An ISO-8601 timestamp with offset and nanoseconds is well under this.
constexpr size_t MaxTimestampStringBytes = 64;
// UTF-8 needs at most 3 bytes per UTF-16 unit (4 bytes per surrogate pair),
// so an id of MaxIdLength units never needs more bytes than this; longer
// strings are rejected before any conversion.
constexpr size_t MaxIdBytes = size_t(MetricsDecoder::MaxIdLength) * 3;

const json *member(const json &object, std::string_view key)
{
    // find() never throws and never inserts, unlike operator[].
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

// The DOM value as the shared validation reads it; the string is a view
// into the DOM.
JsonScalar scalarOf(const json *value)
{
    JsonScalar scalar;
    if (!value)
        return scalar;
    switch (value->type()) {
    case json::value_t::null:
        scalar.kind = JsonScalar::Kind::Null;
        break;
    case json::value_t::number_integer:
        scalar.kind = JsonScalar::Kind::Number;
        scalar.number = double(value->get<json::number_integer_t>());
        break;
    case json::value_t::number_unsigned:
        scalar.kind = JsonScalar::Kind::Number;
        scalar.number = double(value->get<json::number_unsigned_t>());
        break;
    case json::value_t::number_float:
        scalar.kind = JsonScalar::Kind::Number;
        scalar.number = value->get<json::number_float_t>();
        break;
    case json::value_t::string:
        scalar.kind = JsonScalar::Kind::String;
        scalar.utf8 = value->get_ref<const json::string_t &>();
        break;
    default:
        scalar.kind = JsonScalar::Kind::Other;
        break;
    }
    return scalar;
}

// What the decoder reads of a payload object.
MetricsFields metricsFieldsOf(const json &payload)
{
    MetricsFields fields;
    const json *metrics = member(payload, "metrics");
    fields.meetingId = scalarOf(member(payload, "meetingId"));
    fields.userId = scalarOf(member(payload, "userId"));
    fields.metricsIsObject = metrics && metrics->is_object();
    if (!fields.metricsIsObject)
        return fields;
    for (size_t key = 0; key < fields.metrics.size(); ++key)
        fields.metrics[key] = scalarOf(member(*metrics, MetricsKeyNames[key]));
    return fields;
}

std::string_view trimAscii(std::string_view text)
{
    const auto isSpace = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

// The numeric value of a JSON number or numeric string; nullopt otherwise
// (including NaN and infinities in any spelling).
std::optional<double> numberOf(const JsonScalar &value)
{
    double result = 0;
    if (value.kind == JsonScalar::Kind::Number) {
        result = value.number;
    } else if (value.kind == JsonScalar::Kind::String) {
        if (value.utf8.size() > MaxNumericStringBytes)
            return std::nullopt;
        const std::string_view text = trimAscii(value.utf8);
        if (text.empty())
            return std::nullopt;
        const char *end = text.data() + text.size();
        const auto [ptr, ec] = std::from_chars(text.data(), end, result);
        if (ec != std::errc() || ptr != end)
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    if (!std::isfinite(result))
        return std::nullopt;
    return result == 0 ? 0.0 : result; // folds -0 into 0
}

bool isPresent(const JsonScalar &value)
{
    return value.kind != JsonScalar::Kind::Missing;
}

bool isMissingOrNull(const JsonScalar &value)
{
    return value.kind == JsonScalar::Kind::Missing || value.kind == JsonScalar::Kind::Null;
}

// Reads fields one by one and counts those present but invalid.
class FieldReader
{
public:
    int invalid() const { return m_invalid; }

    // A bounded non-negative number; `preferred` wins over `fallback` when
    // it is valid (UserMetrics over the MeetingRoom shape).
    Metric number(const JsonScalar &preferred, const JsonScalar &fallback, double max)
    {
        Metric result = number(preferred, max);
        if (!result)
            result = number(fallback, max);
        return result;
    }

    Metric number(const JsonScalar &value, double max)
    {
        if (!isPresent(value))
            return std::nullopt;
        const std::optional<double> number = numberOf(value);
        if (!number || *number < 0 || *number > max) {
            ++m_invalid;
            return std::nullopt;
        }
        return number;
    }

    std::optional<Quality> quality(const JsonScalar &preferred, const JsonScalar &fallback)
    {
        std::optional<Quality> result = quality(preferred);
        if (!result)
            result = quality(fallback);
        return result;
    }

    std::optional<qint64> timestamp(const JsonScalar &value)
    {
        if (!isPresent(value))
            return std::nullopt;
        std::optional<qint64> result;
        if (value.kind == JsonScalar::Kind::String && value.utf8.size() <= MaxTimestampStringBytes
            && !numberOf(value)) {
            QDateTime time = QDateTime::fromString(
                QString::fromUtf8(value.utf8.data(), qsizetype(value.utf8.size())),
                Qt::ISODateWithMs);
            // An ISO string without an offset is taken as UTC, not as the
            // admin's local time: the browser's toISOString() always sends Z.
            if (time.isValid() && time.timeSpec() == Qt::LocalTime)
                time.setTimeSpec(Qt::UTC);
            if (time.isValid())
                result = time.toMSecsSinceEpoch();
        } else if (const auto ms = numberOf(value)) {
            if (*ms >= 0 && *ms <= double(MetricsDecoder::MaxTimestampMs))
                result = qint64(*ms);
        }
        if (result && (*result < 0 || *result > MetricsDecoder::MaxTimestampMs))
            result.reset();
        if (!result)
            ++m_invalid;
        return result;
    }

    // A bounded, sanitized optional string; missing or null is empty, other
    // non-strings are invalid. `cache`, if given, holds texts bounded to
    // this maxLength only.
    QString text(const JsonScalar &value, qsizetype maxLength, StringInterner *cache = nullptr)
    {
        if (isMissingOrNull(value))
            return {};
        if (value.kind != JsonScalar::Kind::String) {
            ++m_invalid;
            return {};
        }
        if (!cache)
            return boundedText(value.utf8, maxLength);
        return cache->intern(value.utf8, [maxLength](std::string_view utf8) {
            return boundedText(utf8, maxLength);
        });
    }

private:
    std::optional<Quality> quality(const JsonScalar &value)
    {
        if (!isPresent(value))
            return std::nullopt;
        std::optional<Quality> level;
        if (value.kind == JsonScalar::Kind::String && value.utf8.size() <= 16) {
            // Latin-1 widened on the stack: no QString per sample.
            std::array<char16_t, 16> text{};
            for (size_t i = 0; i < value.utf8.size(); ++i)
                text[i] = char16_t(uchar(value.utf8[i]));
            level = qualityFromString(QStringView(text.data(), qsizetype(value.utf8.size())));
        }
        if (!level)
            ++m_invalid;
        return level;
    }

    static QString boundedText(std::string_view utf8, qsizetype maxLength)
    {
        // Never convert more than can survive truncation; a cut in the middle
        // of a UTF-8 sequence becomes one replacement character at the end,
        // which the truncation below then removes.
        const size_t maxBytes = size_t(maxLength) * 4 + 4;
        const qsizetype bytes = qsizetype(std::min(utf8.size(), maxBytes));
        if (isCleanAscii(utf8, maxLength))
            return QString::fromLatin1(utf8.data(), qsizetype(utf8.size()));
        return sanitizeUntrustedText(QString::fromUtf8(utf8.data(), bytes), maxLength);
    }

    // Printable ASCII with no white space at either end, within maxLength:
    // what sanitizeUntrustedText() returns unchanged. Names almost always
    // are; they then skip the character-by-character pass (one copy less
    // per sample).
    static bool isCleanAscii(std::string_view utf8, qsizetype maxLength)
    {
        if (utf8.empty() || qsizetype(utf8.size()) > maxLength || utf8.front() == ' '
            || utf8.back() == ' ')
            return false;
        for (const char c : utf8) {
            if (c < 0x20 || c > 0x7e)
                return false;
        }
        return true;
    }

    int m_invalid = 0;
};

enum class IdCheck { Ok, Missing, Invalid };

// An id is a string of 1..MaxIdLength UTF-16 units, kept verbatim (it is an
// identity; displays sanitize it themselves).
IdCheck readId(const JsonScalar &value, QString *out, StringInterner *ids)
{
    if (isMissingOrNull(value))
        return IdCheck::Missing;
    if (value.kind != JsonScalar::Kind::String || value.utf8.empty()
        || value.utf8.size() > MaxIdBytes)
        return IdCheck::Invalid;
    const auto convert = [](std::string_view utf8) {
        return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
    };
    QString id = ids ? ids->intern(value.utf8, convert) : convert(value.utf8);
    if (id.isEmpty() || id.size() > MetricsDecoder::MaxIdLength)
        return IdCheck::Invalid;
    *out = std::move(id);
    return IdCheck::Ok;
}

// A name field through the pair's remembered name: the same text as last
// time is the same QString, with no look-up; a changed one goes through
// the reader (and the interner) and is remembered.
QString nameOf(FieldReader &read, const JsonScalar &value, IdentityTable::Name &cached,
               StringInterner *names)
{
    // A name longer than the interner keeps is not kept here either.
    const bool cacheable = value.kind == JsonScalar::Kind::String
        && value.utf8.size() <= StringInterner::MaxTextBytes;
    if (cacheable && cached.known && value.utf8 == cached.received)
        return cached.made;
    QString made = read.text(value, MetricsDecoder::MaxNameLength, names);
    if (cacheable) {
        cached.known = true;
        cached.received.assign(value.utf8);
        cached.made = made;
    } else {
        cached = {};
    }
    return made;
}

// The id that counts: the top-level one when present (and not null), even
// if invalid; otherwise the copy inside `metrics`.
const JsonScalar &envelopeId(const JsonScalar &top, const JsonScalar &inMetrics)
{
    return isMissingOrNull(top) ? inMetrics : top;
}

// Top level wins when present (and not null); otherwise the copy inside
// `metrics`.
bool readEnvelopeId(const JsonScalar &top, const JsonScalar &inMetrics, QString *out,
                    StringInterner *ids)
{
    const IdCheck check = readId(top, out, ids);
    if (check != IdCheck::Missing)
        return check == IdCheck::Ok;
    return readId(inMetrics, out, ids) == IdCheck::Ok;
}

bool isStripped(char32_t ucs4)
{
    if (ucs4 < 0x20 || (ucs4 >= 0x7f && ucs4 <= 0x9f))
        return true; // C0, DEL, C1
    if (ucs4 == 0x2028 || ucs4 == 0x2029)
        return true; // line and paragraph separators
    return QChar::category(ucs4) == QChar::Other_Format;
}

} // namespace

QString rejectReasonName(RejectReason reason)
{
    switch (reason) {
    case RejectReason::NotAnObject:
        return QStringLiteral("not-an-object");
    case RejectReason::BadMeetingId:
        return QStringLiteral("bad-meeting-id");
    case RejectReason::BadUserId:
        return QStringLiteral("bad-user-id");
    case RejectReason::BadAlertList:
        return QStringLiteral("bad-alert-list");
    case RejectReason::UnknownEvent:
        return QStringLiteral("unknown-event");
    case RejectReason::MalformedEvent:
        return QStringLiteral("malformed-event");
    case RejectReason::Count_:
        break;
    }
    return QStringLiteral("unknown");
}

quint64 RejectCounters::total() const
{
    quint64 sum = 0;
    for (const quint64 count : byReason)
        sum += count;
    return sum;
}

QString sanitizeUntrustedText(QStringView text, qsizetype maxLength)
{
    QString out;
    if (maxLength <= 0)
        return out;
    out.reserve(std::min(text.size(), maxLength + 1));
    const qsizetype n = text.size();
    // Stop as soon as more than maxLength units are kept: the input is
    // untrusted for length too, and nothing after that can survive.
    for (qsizetype i = 0; i < n && out.size() <= maxLength; ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < n && text[i + 1].isLowSurrogate()) {
            const char32_t ucs4 = QChar::surrogateToUcs4(c, text[i + 1]);
            ++i;
            if (!isStripped(ucs4)) {
                out.append(c);
                out.append(text[i]);
            }
        } else if (c.isSurrogate() || isStripped(c.unicode())) {
            continue;
        } else if (out.isEmpty() && c.isSpace()) {
            continue; // leading white space
        } else {
            out.append(c);
        }
    }
    if (out.size() > maxLength) {
        qsizetype cut = maxLength;
        if (out.at(cut - 1).isHighSurrogate())
            --cut; // never split a surrogate pair
        out.truncate(cut);
    }
    qsizetype end = out.size();
    while (end > 0 && out.at(end - 1).isSpace())
        --end;
    out.truncate(end);
    return out;
}

std::optional<Sample> MetricsDecoder::decodeMetrics(const json &payload, qint64 receivedMs,
                                                    RejectReason *why, int *invalidFields) const
{
    if (!payload.is_object()) {
        if (why)
            *why = RejectReason::NotAnObject;
        return std::nullopt;
    }
    return decodeMetrics(metricsFieldsOf(payload), receivedMs, why, invalidFields);
}

std::optional<Sample> MetricsDecoder::decodeMetrics(const MetricsFields &fields, qint64 receivedMs,
                                                    RejectReason *why, int *invalidFields) const
{
    const auto reject = [why](RejectReason reason) -> std::optional<Sample> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    if (!fields.metricsIsObject)
        return reject(RejectReason::NotAnObject);

    using Key = MetricsKey;
    const auto in = [&fields](Key key) -> const JsonScalar & { return fields.inMetrics(key); };
    Sample sample;
    const JsonScalar &meetingId = envelopeId(fields.meetingId, in(Key::MeetingId));
    const JsonScalar &userId = envelopeId(fields.userId, in(Key::UserId));
    IdentityTable::Entry *identity = nullptr;
    if (meetingId.kind == JsonScalar::Kind::String && userId.kind == JsonScalar::Kind::String)
        identity = m_identities.find(meetingId.utf8, userId.utf8);
    if (identity) { // validated when it was added
        sample.meetingId = identity->meetingId;
        sample.userId = identity->userId;
    } else {
        // A meeting's id is shared by its users (interned); a user's id
        // and name are the pair's own, kept by its entry.
        if (!readEnvelopeId(fields.meetingId, in(Key::MeetingId), &sample.meetingId, &m_ids))
            return reject(RejectReason::BadMeetingId);
        if (!readEnvelopeId(fields.userId, in(Key::UserId), &sample.userId, nullptr))
            return reject(RejectReason::BadUserId);
        identity = &m_identities.insert(meetingId.utf8, userId.utf8, sample.meetingId,
                                        sample.userId);
    }
    sample.identity = identity->number;

    FieldReader read;
    sample.receivedMs = receivedMs;
    sample.uploadKbps = read.number(in(Key::TotalUpload), in(Key::UploadBitrate), MaxBitrateKbps);
    sample.downloadKbps
        = read.number(in(Key::TotalDownload), in(Key::DownloadBitrate), MaxBitrateKbps);
    sample.latencyMs = read.number(in(Key::AvgLatency), in(Key::Latency), MaxLatencyMs);
    sample.minLatencyMs = read.number(in(Key::MinLatency), MaxLatencyMs);
    sample.maxLatencyMs = read.number(in(Key::MaxLatency), MaxLatencyMs);
    sample.packetLossPct = read.number(in(Key::PacketLossRate), MaxPacketLossPct);
    sample.jitterMs = read.number(in(Key::Jitter), MaxLatencyMs);
    sample.clientTimeMs = read.timestamp(in(Key::Timestamp));
    sample.username = nameOf(read, in(Key::Username), identity->username, nullptr);
    sample.meetingName = nameOf(read, in(Key::MeetingName), identity->meetingName, &m_names);

    if (const auto reported = read.quality(in(Key::ConnectionQuality), in(Key::Quality))) {
        sample.quality = *reported;
    } else if (sample.latencyMs && sample.packetLossPct) {
        sample.quality = classifyQuality(*sample.latencyMs, *sample.packetLossPct);
        sample.qualityDerived = true;
    }

    if (invalidFields)
        *invalidFields += read.invalid();
    return sample;
}

std::optional<GatewayAlertBatch>
MetricsDecoder::decodeAlerts(const json &payload, qint64 receivedMs, RejectReason *why) const
{
    const auto reject = [why](RejectReason reason) -> std::optional<GatewayAlertBatch> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    if (!payload.is_object())
        return reject(RejectReason::NotAnObject);

    QString meetingId;
    if (readId(scalarOf(member(payload, "meetingId")), &meetingId, &m_ids) != IdCheck::Ok)
        return reject(RejectReason::BadMeetingId);

    // Meeting-level alerts carry no user: missing, null and "" are accepted.
    QString userId;
    const JsonScalar userValue = scalarOf(member(payload, "userId"));
    if (!isMissingOrNull(userValue)) {
        if (userValue.kind != JsonScalar::Kind::String)
            return reject(RejectReason::BadUserId);
        if (!userValue.utf8.empty() && readId(userValue, &userId, &m_ids) != IdCheck::Ok)
            return reject(RejectReason::BadUserId);
    }

    const json *list = member(payload, "alerts");
    if (!list || !list->is_array())
        return reject(RejectReason::BadAlertList);

    GatewayAlertBatch batch;
    batch.reserve(std::min<size_t>(list->size(), MaxAlertsPerPayload));
    for (const json &entry : *list) {
        if (batch.size() >= size_t(MaxAlertsPerPayload))
            break;
        if (!entry.is_object())
            continue;
        FieldReader read;
        GatewayAlert alert;
        alert.meetingId = meetingId;
        alert.userId = userId;
        alert.type = read.text(scalarOf(member(entry, "type")), MaxNameLength);
        alert.severity = read.text(scalarOf(member(entry, "severity")), MaxNameLength);
        alert.message = read.text(scalarOf(member(entry, "message")), MaxMessageLength);
        alert.receivedMs = receivedMs;
        batch.push_back(std::move(alert));
    }
    return batch;
}

} // namespace mm
