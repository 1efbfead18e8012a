// The ingest fast path (FastMetricsFrame + the decoder's shared validation)
// against the generic path: the same samples where it takes a frame, and
// the generic path for everything it must not take.
#include "ingest/fastmetricsframe.h"
#include "ingest/metricsdecoder.h"
#include "net/engineiopacket.h"
#include "net/socketiopacket.h"

#include <QString>
#include <QStringList>

#include <bit>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

QT_BEGIN_NAMESPACE
inline void PrintTo(const QString &text, std::ostream *os)
{
    *os << '"' << text.toStdString() << '"';
}
QT_END_NAMESPACE

namespace mm {
namespace {

constexpr qint64 Now = 1'700'000'000'123;
const QString Namespace = QStringLiteral("/meeting-metrics");

struct Decoded
{
    std::optional<Sample> sample;
    RejectReason why = RejectReason::Count_;
    int invalid = 0;
};

// What the client and IngestWorker do with a frame on the generic path.
std::optional<Decoded> decodeGeneric(const QString &frame, const QString &nspace = Namespace)
{
    const QByteArray utf8 = frame.toUtf8();
    const auto engine
        = parseEngineIoPacket(std::string_view(utf8.constData(), size_t(utf8.size())));
    if (!engine || engine->type != EngineIoPacketType::Message)
        return std::nullopt;
    const auto packet = parseSocketIoPacket(engine->data);
    if (!packet || packet->type != SocketIoPacketType::Event || packet->id
        || packet->nsp != nspace.toStdString() || !packet->data || packet->data->size() < 2)
        return std::nullopt;
    Decoded d;
    d.sample = MetricsDecoder().decodeMetrics((*packet->data)[1], Now, &d.why, &d.invalid);
    return d;
}

std::optional<Decoded> decodeFast(const QString &frame, const QString &nspace = Namespace)
{
    FastMetricsFrame parser;
    if (!parser.parse(frame, nspace))
        return std::nullopt;
    Decoded d;
    d.sample = MetricsDecoder().decodeMetrics(parser.fields(), Now, &d.why, &d.invalid);
    return d;
}

QString metricsFrame(const QString &payload,
                     const QString &prefix = QStringLiteral("42/meeting-metrics,"))
{
    return prefix + QStringLiteral("[\"meeting:metrics:update\",") + payload + QStringLiteral("]");
}

// The bits of a double: -0 is not 0 here, as NaN would not equal itself.
std::optional<quint64> bits(const Metric &metric)
{
    if (!metric)
        return std::nullopt;
    return std::bit_cast<quint64>(*metric);
}

void expectSameOutcome(const QString &frame, const QString &nspace = Namespace)
{
    SCOPED_TRACE(frame.toStdString());
    const auto fast = decodeFast(frame, nspace);
    const auto generic = decodeGeneric(frame, nspace);
    ASSERT_TRUE(fast) << "the fast path declined it";
    ASSERT_TRUE(generic) << "the generic path would not decode it";
    EXPECT_EQ(fast->invalid, generic->invalid);
    ASSERT_EQ(fast->sample.has_value(), generic->sample.has_value());
    if (!fast->sample) {
        EXPECT_EQ(fast->why, generic->why);
        return;
    }
    const Sample &a = *fast->sample;
    const Sample &b = *generic->sample;
    EXPECT_EQ(a.meetingId, b.meetingId);
    EXPECT_EQ(a.userId, b.userId);
    EXPECT_EQ(a.username, b.username);
    EXPECT_EQ(a.meetingName, b.meetingName);
    EXPECT_EQ(a.receivedMs, b.receivedMs);
    EXPECT_EQ(a.clientTimeMs, b.clientTimeMs);
    EXPECT_EQ(bits(a.uploadKbps), bits(b.uploadKbps));
    EXPECT_EQ(bits(a.downloadKbps), bits(b.downloadKbps));
    EXPECT_EQ(bits(a.latencyMs), bits(b.latencyMs));
    EXPECT_EQ(bits(a.minLatencyMs), bits(b.minLatencyMs));
    EXPECT_EQ(bits(a.maxLatencyMs), bits(b.maxLatencyMs));
    EXPECT_EQ(bits(a.packetLossPct), bits(b.packetLossPct));
    EXPECT_EQ(bits(a.jitterMs), bits(b.jitterMs));
    EXPECT_EQ(a.quality, b.quality);
    EXPECT_EQ(a.qualityDerived, b.qualityDerived);
}

// The load gateway's UserMetrics (bench/web/loadgateway.mjs).
const QString UserMetrics = QStringLiteral(
    R"({"meetingId":"m-00042","userId":"u-000123","metrics":{"userId":"u-000123",)"
    R"("username":"User 123","meetingId":"m-00042","totalUpload":1834,"totalDownload":3120,)"
    R"("avgLatency":47.3,"minLatency":37.8,"maxLatency":61.5,"packetLossRate":0.6,)"
    R"("connectionQuality":"excellent","jitter":4.2,"timestamp":1764000000123}})");

TEST(FastMetricsFrame, DecodesTheGatewaysFramesLikeTheGenericPath)
{
    const QStringList payloads = {
        UserMetrics,
        // The meeting room's emission shape, numeric strings, an ISO time.
        QStringLiteral(R"({"meetingId":"m-2","userId":"u-9","metrics":{"uploadBitrate":"512",)"
                       R"("downloadBitrate":" 1024 ","latency":180,"quality":"good",)"
                       R"("timestamp":"2026-11-24T05:00:00.000Z"}})"),
        // Ids inside `metrics`, nulls, invalid fields.
        QStringLiteral(
            R"({"meetingId":null,"metrics":{"meetingId":"m-in","userId":"u-in",)"
            R"("jitter":null,"username":null,"avgLatency":-1,"packetLossRate":"NaN",)"
            R"("connectionQuality":"superb","timestamp":"yesterday","meetingName":42}})"),
        // Derived quality; edge numbers.
        QStringLiteral(R"({"meetingId":"m","userId":"u","metrics":{"avgLatency":99.9,)"
                       R"("packetLossRate":0.99,"totalUpload":-0,"totalDownload":-0.0,)"
                       R"("minLatency":4e-320,"maxLatency":1E2,"jitter":0.1e+1,)"
                       R"("latency":60000.0000000001,"timestamp":253402300799999}})"),
        QStringLiteral(R"({"meetingId":"m","userId":"u","metrics":{)"
                       R"("totalUpload":18446744073709551615,"totalDownload":18446744073709551616,)"
                       R"("avgLatency":-9223372036854775809,"timestamp":9007199254740993}})"),
        // Members the decoder does not read, of every scalar kind.
        QStringLiteral(R"({"meetingId":"m","x":1,"userId":"u","y":"z","n":null,"t":true,)"
                       R"("metrics":{"f":false,"other":"v","avgLatency":30}})"),
        // Rejections.
        QStringLiteral(R"({"meetingId":"","userId":"u","metrics":{"meetingId":"m-in"}})"),
        QStringLiteral(R"({"meetingId":"m","userId":7,"metrics":{}})"),
        QStringLiteral(R"({"meetingId":"m","userId":"u","metrics":"x"})"),
        QStringLiteral(R"({"meetingId":"m","userId":"u","metrics":null})"),
        QStringLiteral(R"({"meetingId":"m","userId":"u"})"),
        QStringLiteral(R"({})"),
    };
    for (const QString &payload : payloads)
        expectSameOutcome(metricsFrame(payload));
}

TEST(FastMetricsFrame, TakesTheOffsetWhiteSpaceAndTheRootNamespace)
{
    expectSameOutcome(metricsFrame(UserMetrics + QStringLiteral(",\"MzQ1Njc4OTA-0\"")));
    expectSameOutcome(QStringLiteral(
        "42/meeting-metrics,\t[ \"meeting:metrics:update\" ,\r\n {\n \"meetingId\" : \"m\" , "
        "\"userId\":\"u\",\n \"metrics\" : { \"avgLatency\" : 120 } } , \"off\" ] \n"));
    expectSameOutcome(metricsFrame(UserMetrics, QStringLiteral("42")), QStringLiteral("/"));
}

TEST(FastMetricsFrame, RepeatedKeysKeepTheLastValueAsTheDomDoes)
{
    const QString frame = metricsFrame(QStringLiteral(
        R"({"meetingId":"a","meetingId":"b","userId":"u","metrics":{"avgLatency":1,)"
        R"("packetLossRate":9},"metrics":{"avgLatency":"2","avgLatency":150,"packetLossRate":3}})"));
    expectSameOutcome(frame);
    const auto fast = decodeFast(frame);
    ASSERT_TRUE(fast && fast->sample);
    EXPECT_EQ(fast->sample->meetingId, QStringLiteral("b"));
    EXPECT_EQ(fast->sample->latencyMs, 150.0);
    EXPECT_EQ(fast->sample->packetLossPct, 3.0);

    // A later `metrics` that is not an object rejects the whole payload.
    expectSameOutcome(metricsFrame(QStringLiteral(
        R"({"meetingId":"m","userId":"u","metrics":{"avgLatency":1},"metrics":7})")));
}

TEST(FastMetricsFrame, ConvertsNonAsciiTextLikeTheGenericPath)
{
    const QString frame = metricsFrame(QStringLiteral(
        u"{\"meetingId\":\"phòng-😀\",\"userId\":\"người-dùng\",\"metrics\":{"
        u"\"username\":\" Nguyễn Văn A 😀\u200b\",\"meetingName\":\"\u202eHọp\u0085\","
        u"\"connectionQuality\":\"fair\"}}"));
    expectSameOutcome(frame);
    const auto fast = decodeFast(frame);
    ASSERT_TRUE(fast && fast->sample);
    EXPECT_EQ(fast->sample->meetingId, QStringLiteral(u"phòng-😀"));
    EXPECT_EQ(fast->sample->username, QStringLiteral(u"Nguyễn Văn A 😀"));
    EXPECT_EQ(fast->sample->meetingName, QStringLiteral(u"Họp"));
}

TEST(FastMetricsFrame, KeepsNoTextFromAnEarlierFrame)
{
    // One parser for many frames, as the worker keeps one.
    FastMetricsFrame parser;
    ASSERT_TRUE(parser.parse(
        metricsFrame(QStringLiteral(R"({"meetingId":"a-long-meeting-id","userId":"u",)"
                                    R"("metrics":{"username":"Somebody with a long name"}})")),
        Namespace));
    ASSERT_TRUE(
        parser.parse(metricsFrame(QStringLiteral(R"({"meetingId":"m","metrics":{}})")), Namespace));
    const MetricsFields &fields = parser.fields();
    EXPECT_EQ(fields.meetingId.utf8, "m");
    EXPECT_EQ(fields.userId.kind, JsonScalar::Kind::Missing);
    EXPECT_EQ(fields.inMetrics(MetricsKey::Username).kind, JsonScalar::Kind::Missing);
}

TEST(FastMetricsFrame, DeclinesWhatOnlyTheGenericPathHandles)
{
    const QString payload = QStringLiteral(R"({"meetingId":"m","userId":"u","metrics":{}})");
    const QStringList frames = {
        // Protocol: ack id, other namespace or event, binary, other packets.
        QStringLiteral("42/meeting-metrics,7[\"meeting:metrics:update\",") + payload
            + QLatin1Char(']'),
        metricsFrame(payload, QStringLiteral("42/other,")),
        metricsFrame(payload, QStringLiteral("42")),
        metricsFrame(payload, QStringLiteral("42/meeting-metrics ,")),
        metricsFrame(payload, QStringLiteral("42/meeting-metricsX,")),
        metricsFrame(payload, QStringLiteral("451-/meeting-metrics,")),
        metricsFrame(payload, QStringLiteral("43/meeting-metrics,")),
        QStringLiteral("42/meeting-metrics,[\"meeting:alerts\",") + payload + QLatin1Char(']'),
        QStringLiteral("42/meeting-metrics,[\"meeting:metrics:update\"]"),
        QStringLiteral("42/meeting-metrics,[\"meeting:metrics:updatex\",") + payload
            + QLatin1Char(']'),
        QStringLiteral("2"),
        QString(),
        // Escapes: in a value, a key, the event name.
        metricsFrame(
            QStringLiteral(R"({"meetingId":"m","userId":"u","metrics":{"username":"A\u00e9"}})")),
        metricsFrame(QStringLiteral(R"({"meeting\u0049d":"m","userId":"u","metrics":{}})")),
        metricsFrame(QStringLiteral(R"({"meetingId":"m\"","userId":"u","metrics":{}})")),
        QStringLiteral("42/meeting-metrics,[\"meeting:metrics\\u003aupdate\",") + payload
            + QLatin1Char(']'),
        // Nesting other than `metrics` itself.
        metricsFrame(QStringLiteral(R"({"meetingId":"m","userId":"u","metrics":{"peers":[1,2]}})")),
        metricsFrame(QStringLiteral(R"({"meetingId":"m","userId":"u","metrics":{"o":{}}})")),
        metricsFrame(QStringLiteral(R"({"meetingId":"m","userId":"u","metrics":[1,2]})")),
        metricsFrame(QStringLiteral(R"({"meetingId":["m"],"userId":"u","metrics":{}})")),
        metricsFrame(QStringLiteral(R"({"meetingId":"m","userId":"u","x":{},"metrics":{}})")),
        // Other argument lists.
        metricsFrame(payload + QLatin1Char(',') + payload),
        metricsFrame(payload + QStringLiteral(",7")),
        metricsFrame(payload + QStringLiteral(",\"a\",\"b\"")),
        QStringLiteral("42/meeting-metrics,[\"meeting:metrics:update\",7]"),
        // Malformed JSON.
        metricsFrame(payload) + QLatin1Char('x'),
        metricsFrame(payload).chopped(1),
        metricsFrame(QStringLiteral(R"({"meetingId":"m","userId":"u","metrics":{"a":1,}})")),
        metricsFrame(QStringLiteral(R"({"meetingId":"m","userId":"u","metrics":{"a":012}})")),
        metricsFrame(QStringLiteral(R"({"meetingId":"m","userId":"u","metrics":{"a":1.}})")),
        metricsFrame(QStringLiteral(R"({"meetingId":"m","userId":"u","metrics":{"a":+1}})")),
        metricsFrame(QStringLiteral(R"({"meetingId":"m","userId":"u","metrics":{"a":NaN}})")),
        metricsFrame(QStringLiteral(R"({"meetingId":"m","userId":"u","metrics":{"a":nul}})")),
        metricsFrame(QStringLiteral(R"({"meetingId":"m","userId":"u","metrics":{"a" 1}})")),
        metricsFrame(QStringLiteral(R"({"meetingId":"m" "userId":"u","metrics":{}})")),
        metricsFrame(QStringLiteral("{\"meetingId\":\"a\tb\",\"userId\":\"u\",\"metrics\":{}}")),
        metricsFrame(
            QStringLiteral(u"{\"meetingId\":\"m\",\"userId\":\"u\",\"metrics\":{}}\u00a0")),
        QStringLiteral(u"42/meeting-metrics,\ufeff[\"meeting:metrics:update\",") + payload
            + QLatin1Char(']'),
        // Numbers out of a double's range; a lone surrogate.
        metricsFrame(QStringLiteral(R"({"meetingId":"m","userId":"u","metrics":{"a":1e400}})")),
        metricsFrame(QStringLiteral(R"({"meetingId":"m","userId":"u","metrics":{"a":1e-400}})")),
        metricsFrame(QStringLiteral(R"({"meetingId":"m","userId":"u","metrics":{"username":"x)")
                     + QChar(0xd800) + QStringLiteral(R"("}})")),
    };
    FastMetricsFrame parser;
    for (const QString &frame : frames)
        EXPECT_FALSE(parser.parse(frame, Namespace)) << frame.toStdString();
}

} // namespace
} // namespace mm
