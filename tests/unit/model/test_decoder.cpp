#include "ingest/metricsdecoder.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSet>

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

using nlohmann::json;

constexpr qint64 Now = 1'700'000'000'123;

struct Decoded
{
    std::optional<Sample> sample;
    RejectReason why = RejectReason::Count_;
    int invalid = 0;
};

Decoded decode(const json &payload)
{
    Decoded d;
    MetricsDecoder decoder;
    d.sample = decoder.decodeMetrics(payload, Now, &d.why, &d.invalid);
    return d;
}

// A payload with the given metrics object and the usual ids.
json withMetrics(json metrics)
{
    return json {{"meetingId", "m1"}, {"userId", "u1"}, {"metrics", std::move(metrics)}};
}

Decoded decodeMetricsOnly(json metrics)
{
    return decode(withMetrics(std::move(metrics)));
}

std::string repeat(const std::string &unit, int times)
{
    std::string out;
    for (int i = 0; i < times; ++i)
        out += unit;
    return out;
}

TEST(MetricsDecoder, UserMetricsShape)
{
    const json payload = json::parse(R"({
        "meetingId": "room-42", "userId": "alice",
        "metrics": {"userId": "alice", "username": "Alice", "meetingId": "room-42",
                    "totalUpload": 1200.5, "totalDownload": 3400, "avgLatency": 85,
                    "minLatency": 40, "maxLatency": 130, "packetLossRate": 0.5,
                    "connectionQuality": "good", "jitter": 12,
                    "timestamp": "2024-05-01T10:00:00.250Z", "meetingName": "Standup"}})");
    const Decoded d = decode(payload);
    ASSERT_TRUE(d.sample);
    const Sample &s = *d.sample;
    EXPECT_EQ(s.meetingId, QStringLiteral("room-42"));
    EXPECT_EQ(s.userId, QStringLiteral("alice"));
    EXPECT_EQ(s.username, QStringLiteral("Alice"));
    EXPECT_EQ(s.meetingName, QStringLiteral("Standup"));
    EXPECT_EQ(s.receivedMs, Now);
    EXPECT_EQ(s.uploadKbps, 1200.5);
    EXPECT_EQ(s.downloadKbps, 3400.0);
    EXPECT_EQ(s.latencyMs, 85.0);
    EXPECT_EQ(s.minLatencyMs, 40.0);
    EXPECT_EQ(s.maxLatencyMs, 130.0);
    EXPECT_EQ(s.packetLossPct, 0.5);
    EXPECT_EQ(s.jitterMs, 12.0);
    // Reported "good" wins over what 85 ms / 0.5 % would derive (excellent).
    EXPECT_EQ(s.quality, Quality::Good);
    EXPECT_FALSE(s.qualityDerived);
    ASSERT_TRUE(s.clientTimeMs);
    EXPECT_EQ(*s.clientTimeMs,
              QDateTime(QDate(2024, 5, 1), QTime(10, 0, 0, 250), Qt::UTC).toMSecsSinceEpoch());
    EXPECT_EQ(d.invalid, 0);
}

TEST(MetricsDecoder, MeetingRoomShapeLeavesPacketLossUnknown)
{
    const Decoded d = decodeMetricsOnly(json::parse(
        R"({"uploadBitrate": 800, "downloadBitrate": 1600, "latency": 250,
                "quality": "fair", "timestamp": 1714557600000})"));
    ASSERT_TRUE(d.sample);
    EXPECT_EQ(d.sample->uploadKbps, 800.0);
    EXPECT_EQ(d.sample->downloadKbps, 1600.0);
    EXPECT_EQ(d.sample->latencyMs, 250.0);
    EXPECT_FALSE(d.sample->packetLossPct.has_value());
    EXPECT_FALSE(d.sample->jitterMs.has_value());
    EXPECT_EQ(d.sample->quality, Quality::Fair);
    EXPECT_FALSE(d.sample->qualityDerived);
    EXPECT_EQ(d.sample->clientTimeMs, 1714557600000);
    EXPECT_EQ(d.invalid, 0);
}

TEST(MetricsDecoder, MeetingRoomShapeWithoutQualityIsUnknownNotDerived)
{
    // Latency alone cannot classify: the plan's thresholds need loss too.
    const Decoded d = decodeMetricsOnly(json::parse(R"({"uploadBitrate": 800, "latency": 50})"));
    ASSERT_TRUE(d.sample);
    EXPECT_EQ(d.sample->quality, Quality::Unknown);
    EXPECT_FALSE(d.sample->qualityDerived);
}

TEST(MetricsDecoder, UserMetricsFieldsWinOverMeetingRoomFields)
{
    const Decoded d = decodeMetricsOnly(json::parse(
        R"({"totalUpload": 100, "uploadBitrate": 999, "avgLatency": 20, "latency": 999,
                "connectionQuality": "poor", "quality": "excellent"})"));
    ASSERT_TRUE(d.sample);
    EXPECT_EQ(d.sample->uploadKbps, 100.0);
    EXPECT_EQ(d.sample->latencyMs, 20.0);
    EXPECT_EQ(d.sample->quality, Quality::Poor);
}

TEST(MetricsDecoder, InvalidUserMetricsFieldFallsBackToMeetingRoomField)
{
    const Decoded d = decodeMetricsOnly(json::parse(
        R"({"totalUpload": null, "uploadBitrate": 300, "connectionQuality": "great",
                "quality": "good"})"));
    ASSERT_TRUE(d.sample);
    EXPECT_EQ(d.sample->uploadKbps, 300.0);
    EXPECT_EQ(d.sample->quality, Quality::Good);
    EXPECT_EQ(d.invalid, 2); // the null and the unknown level are still counted
}

TEST(MetricsDecoder, NumericStrings)
{
    struct Case
    {
        json value;
        std::optional<double> expected;
    };
    const std::vector<Case> cases = {
        {"12.5", 12.5},  {" 12 ", 12.0}, {"\t7\n", 7.0},
        {"1e3", 1000.0}, {"0", 0.0},     {"-0", 0.0},
        {"12abc", {}},   {"", {}},       {"   ", {}},
        {"0x10", {}},    {"1,5", {}},    {"12 5", {}},
        {"NaN", {}},     {"nan", {}},    {"Infinity", {}},
        {"inf", {}},     {"-inf", {}},   {"1e400", {}},
        {"-5", {}},      {"abc", {}},    {std::string(100, '1'), {}},
    };
    for (const Case &c : cases) {
        const Decoded d = decodeMetricsOnly(json {{"avgLatency", c.value}});
        ASSERT_TRUE(d.sample) << c.value.dump();
        EXPECT_EQ(d.sample->latencyMs, c.expected) << c.value.dump();
        EXPECT_EQ(d.invalid, c.expected ? 0 : 1) << c.value.dump();
    }
}

TEST(MetricsDecoder, NonNumbersAreUnknownAndCounted)
{
    for (const json &value : {json(nullptr), json(true), json(false), json::object(),
                              json::array({1}), json::array()}) {
        const Decoded d = decodeMetricsOnly(json {{"totalDownload", value}});
        ASSERT_TRUE(d.sample) << value.dump();
        EXPECT_FALSE(d.sample->downloadKbps.has_value()) << value.dump();
        EXPECT_EQ(d.invalid, 1) << value.dump();
    }
}

TEST(MetricsDecoder, MissingFieldsAreUnknownButNotCounted)
{
    const Decoded d = decodeMetricsOnly(json::object());
    ASSERT_TRUE(d.sample);
    const Sample &s = *d.sample;
    for (const Metric &m : {s.uploadKbps, s.downloadKbps, s.latencyMs, s.minLatencyMs,
                            s.maxLatencyMs, s.packetLossPct, s.jitterMs})
        EXPECT_FALSE(m.has_value());
    EXPECT_FALSE(s.clientTimeMs.has_value());
    EXPECT_EQ(s.quality, Quality::Unknown);
    EXPECT_TRUE(s.username.isEmpty());
    EXPECT_EQ(d.invalid, 0);
}

TEST(MetricsDecoder, RangesAreInclusiveAndBounded)
{
    struct Case
    {
        const char *field;
        double value;
        bool valid;
    };
    const std::vector<Case> cases = {
        {"avgLatency", 0, true},
        {"avgLatency", 60000, true},
        {"avgLatency", 60000.5, false},
        {"avgLatency", 1e9, false},
        {"avgLatency", -1, false},
        {"minLatency", 60001, false},
        {"maxLatency", 60000, true},
        {"jitter", 60000, true},
        {"jitter", 60001, false},
        {"jitter", -0.1, false},
        {"packetLossRate", 100, true},
        {"packetLossRate", 100.01, false},
        {"packetLossRate", -0.5, false},
        {"totalUpload", 10'000'000, true},
        {"totalUpload", 10'000'001, false},
        {"totalDownload", 1e12, false},
        {"uploadBitrate", -3, false},
        {"latency", 60000, true},
    };
    for (const Case &c : cases) {
        const Decoded d = decodeMetricsOnly(json {{c.field, c.value}});
        ASSERT_TRUE(d.sample) << c.field;
        const Sample &s = *d.sample;
        const std::string f = c.field;
        const Metric got = f == "avgLatency" || f == "latency" ? s.latencyMs
            : f == "minLatency"                                ? s.minLatencyMs
            : f == "maxLatency"                                ? s.maxLatencyMs
            : f == "jitter"                                    ? s.jitterMs
            : f == "packetLossRate"                            ? s.packetLossPct
            : f == "totalDownload"                             ? s.downloadKbps
                                                               : s.uploadKbps;
        EXPECT_EQ(got.has_value(), c.valid) << c.field << " = " << c.value;
        if (c.valid) {
            EXPECT_EQ(*got, c.value) << c.field;
        }
        EXPECT_EQ(d.invalid, c.valid ? 0 : 1) << c.field << " = " << c.value;
    }
}

TEST(MetricsDecoder, LargeIntegersAndUnsigned)
{
    const Decoded d = decodeMetricsOnly(
        json::parse(R"({"totalUpload": 18446744073709551615, "totalDownload": 9999999})"));
    ASSERT_TRUE(d.sample);
    EXPECT_FALSE(d.sample->uploadKbps.has_value());
    EXPECT_EQ(d.sample->downloadKbps, 9999999.0);
    EXPECT_EQ(d.invalid, 1);
}

TEST(MetricsDecoder, SamplesThatRepeatIdsAndNamesShareOneStringEach)
{
    MetricsDecoder decoder;
    const json payload = {{"meetingId", "m1"},
                          {"userId", "u1"},
                          {"metrics",
                           {{"username", " Zo\u00eb\u202e "}, {"meetingName", "Stand-up"},
                            {"avgLatency", 40}, {"packetLossRate", 0}}}};
    const auto first = decoder.decodeMetrics(payload, Now);
    const auto second = decoder.decodeMetrics(payload, Now + 1000);
    ASSERT_TRUE(first && second);
    // Converted, sanitized and validated as ever...
    EXPECT_EQ(second->username, QStringLiteral("Zo\u00eb"));
    EXPECT_EQ(second->meetingName, QStringLiteral("Stand-up"));
    // ...once: the second sample holds the first one's strings.
    EXPECT_EQ(second->meetingId.constData(), first->meetingId.constData());
    EXPECT_EQ(second->userId.constData(), first->userId.constData());
    EXPECT_EQ(second->username.constData(), first->username.constData());
    EXPECT_EQ(second->meetingName.constData(), first->meetingName.constData());

    // The cache never turns a bad id into a good one, nor mixes up fields.
    const json tooLong = {{"meetingId", repeat("x", MetricsDecoder::MaxIdLength + 1)},
                          {"userId", "u1"},
                          {"metrics", json::object()}};
    RejectReason why{};
    EXPECT_FALSE(decoder.decodeMetrics(tooLong, Now, &why));
    EXPECT_FALSE(decoder.decodeMetrics(tooLong, Now, &why));
    EXPECT_EQ(why, RejectReason::BadMeetingId);
    const json swapped = {{"meetingId", "u1"}, {"userId", "m1"}, {"metrics", {{"username", "m1"}}}};
    const auto third = decoder.decodeMetrics(swapped, Now);
    ASSERT_TRUE(third);
    EXPECT_EQ(third->meetingId, QStringLiteral("u1"));
    EXPECT_EQ(third->userId, QStringLiteral("m1"));
    EXPECT_EQ(third->username, QStringLiteral("m1"));
}

TEST(MetricsDecoder, NumbersEachMeetingAndUserPairAndFollowsTheirNames)
{
    MetricsDecoder decoder;
    const auto payload = [](const char *meeting, const char *user, json metrics) {
        return json {{"meetingId", meeting}, {"userId", user}, {"metrics", std::move(metrics)}};
    };
    const auto a1 = decoder.decodeMetrics(payload("m1", "a", {{"username", "Ann"}}), Now);
    const auto b1 = decoder.decodeMetrics(payload("m1", "b", {{"username", "Bob"}}), Now);
    // Ids whose texts run together the same way are still two pairs.
    const auto joined1 = decoder.decodeMetrics(payload("m1", "ab", json::object()), Now);
    const auto joined2 = decoder.decodeMetrics(payload("m1a", "b", json::object()), Now);
    const auto a2 = decoder.decodeMetrics(payload("m1", "a", {{"username", "Ann"}}), Now);
    ASSERT_TRUE(a1 && b1 && joined1 && joined2 && a2);
    EXPECT_NE(a1->identity, 0u);
    EXPECT_NE(a1->identity, b1->identity);
    EXPECT_NE(joined1->identity, joined2->identity);
    EXPECT_EQ(joined2->meetingId, QStringLiteral("m1a"));
    EXPECT_EQ(a2->identity, a1->identity);
    EXPECT_EQ(a2->username.constData(), a1->username.constData());

    // The copy inside `metrics` is the same pair as the top-level id.
    const auto a3 = decoder.decodeMetrics(
        json {{"meetingId", "m1"}, {"metrics", {{"userId", "a"}, {"username", "Ann"}}}}, Now);
    ASSERT_TRUE(a3);
    EXPECT_EQ(a3->identity, a1->identity);

    // A name that changes, goes, turns invalid and comes back is read anew each time.
    int invalid = 0;
    const auto renamed = decoder.decodeMetrics(payload("m1", "a", {{"username", " Anna "}}), Now);
    const auto unnamed = decoder.decodeMetrics(payload("m1", "a", json::object()), Now);
    const auto number = decoder.decodeMetrics(payload("m1", "a", {{"username", 7}}), Now, nullptr,
                                              &invalid);
    const auto back = decoder.decodeMetrics(payload("m1", "a", {{"username", "Ann"}}), Now);
    ASSERT_TRUE(renamed && unnamed && number && back);
    EXPECT_EQ(renamed->username, QStringLiteral("Anna"));
    EXPECT_TRUE(unnamed->username.isEmpty());
    EXPECT_TRUE(number->username.isEmpty());
    EXPECT_EQ(invalid, 1);
    EXPECT_EQ(back->username, QStringLiteral("Ann"));
    EXPECT_EQ(back->identity, a1->identity);

    // A name too long to be kept is still read, each time, and bounded.
    const std::string huge(5000, 'x');
    for (int i = 0; i < 2; ++i) {
        const auto longName
            = decoder.decodeMetrics(payload("m1", "a", {{"username", huge}}), Now);
        ASSERT_TRUE(longName);
        EXPECT_EQ(longName->username.size(), MetricsDecoder::MaxNameLength);
    }
    const auto shortAgain = decoder.decodeMetrics(payload("m1", "a", {{"username", "Ann"}}), Now);
    ASSERT_TRUE(shortAgain);
    EXPECT_EQ(shortAgain->username, QStringLiteral("Ann"));

    // A known pair with a bad top-level id is still rejected.
    RejectReason why {};
    EXPECT_FALSE(decoder.decodeMetrics(
        json {{"meetingId", 5}, {"userId", "a"}, {"metrics", {{"meetingId", "m1"}}}}, Now, &why));
    EXPECT_EQ(why, RejectReason::BadMeetingId);
}

TEST(MetricsDecoder, IdLengthLimits)
{
    const std::string max(128, 'm');
    const std::string over(129, 'm');
    MetricsDecoder decoder;
    RejectReason why {};

    auto ok = decoder.decodeMetrics(
        json {{"meetingId", max}, {"userId", max}, {"metrics", json::object()}}, Now, &why);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->meetingId.size(), 128);

    EXPECT_FALSE(decoder.decodeMetrics(
        json {{"meetingId", over}, {"userId", "u"}, {"metrics", json::object()}}, Now, &why));
    EXPECT_EQ(why, RejectReason::BadMeetingId);
    EXPECT_FALSE(decoder.decodeMetrics(
        json {{"meetingId", "m"}, {"userId", over}, {"metrics", json::object()}}, Now, &why));
    EXPECT_EQ(why, RejectReason::BadUserId);
}

TEST(MetricsDecoder, IdLengthCountsUtf16Units)
{
    MetricsDecoder decoder;
    RejectReason why {};
    // 128 two-byte UTF-8 characters: 256 bytes but 128 QChars.
    const std::string accented = repeat("\xC3\xA9", 128);
    auto s = decoder.decodeMetrics(
        json {{"meetingId", accented}, {"userId", "u"}, {"metrics", json::object()}}, Now, &why);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->meetingId, QString(128, QChar(0xE9)));
    // 64 emoji are 128 UTF-16 units (surrogate pairs): accepted; 65 are not.
    const std::string emoji = "\xF0\x9F\x98\x80";
    EXPECT_TRUE(decoder.decodeMetrics(
        json {{"meetingId", repeat(emoji, 64)}, {"userId", "u"}, {"metrics", json::object()}},
        Now));
    EXPECT_FALSE(decoder.decodeMetrics(
        json {{"meetingId", repeat(emoji, 65)}, {"userId", "u"}, {"metrics", json::object()}}, Now,
        &why));
    EXPECT_EQ(why, RejectReason::BadMeetingId);
    // A huge id is rejected without being trusted for its length.
    EXPECT_FALSE(decoder.decodeMetrics(json {{"meetingId", "m"},
                                             {"userId", std::string(1 << 20, 'u')},
                                             {"metrics", json::object()}},
                                       Now, &why));
    EXPECT_EQ(why, RejectReason::BadUserId);
}

TEST(MetricsDecoder, BadIdsRejectTheSample)
{
    MetricsDecoder decoder;
    struct Case
    {
        json payload;
        RejectReason why;
    };
    const json m = json::object();
    const std::vector<Case> cases = {
        {json {{"meetingId", ""}, {"userId", "u"}, {"metrics", m}}, RejectReason::BadMeetingId},
        {json {{"meetingId", 5}, {"userId", "u"}, {"metrics", m}}, RejectReason::BadMeetingId},
        {json {{"meetingId", json::array({"m"})}, {"userId", "u"}, {"metrics", m}},
         RejectReason::BadMeetingId},
        {json {{"userId", "u"}, {"metrics", m}}, RejectReason::BadMeetingId},
        {json {{"meetingId", nullptr}, {"userId", "u"}, {"metrics", m}},
         RejectReason::BadMeetingId},
        {json {{"meetingId", "m"}, {"userId", ""}, {"metrics", m}}, RejectReason::BadUserId},
        {json {{"meetingId", "m"}, {"userId", true}, {"metrics", m}}, RejectReason::BadUserId},
        {json {{"meetingId", "m"}, {"metrics", m}}, RejectReason::BadUserId},
    };
    for (const Case &c : cases) {
        RejectReason why = RejectReason::Count_;
        EXPECT_FALSE(decoder.decodeMetrics(c.payload, Now, &why)) << c.payload.dump();
        EXPECT_EQ(why, c.why) << c.payload.dump();
    }
}

TEST(MetricsDecoder, IdsInsideMetricsAndTopLevelPrecedence)
{
    MetricsDecoder decoder;
    RejectReason why {};
    // Only inside `metrics`.
    auto s = decoder.decodeMetrics(
        json::parse(R"({"metrics": {"meetingId": "in-m", "userId": "in-u"}})"), Now, &why);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->meetingId, QStringLiteral("in-m"));
    EXPECT_EQ(s->userId, QStringLiteral("in-u"));
    // Both: the top level wins.
    s = decoder.decodeMetrics(
        json::parse(
            R"({"meetingId": "top-m", "userId": "top-u", "metrics": {"meetingId": "in-m", "userId": "in-u"}})"),
        Now, &why);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->meetingId, QStringLiteral("top-m"));
    EXPECT_EQ(s->userId, QStringLiteral("top-u"));
    // A null top-level id counts as absent.
    s = decoder.decodeMetrics(
        json::parse(R"({"meetingId": null, "userId": "top-u", "metrics": {"meetingId": "in-m"}})"),
        Now, &why);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->meetingId, QStringLiteral("in-m"));
    // A present but invalid top-level id wins too, and rejects.
    EXPECT_FALSE(decoder.decodeMetrics(
        json::parse(R"({"meetingId": "", "userId": "u", "metrics": {"meetingId": "in-m"}})"), Now,
        &why));
    EXPECT_EQ(why, RejectReason::BadMeetingId);
}

TEST(MetricsDecoder, NonObjectPayloads)
{
    MetricsDecoder decoder;
    for (const json &payload :
         {json(nullptr), json(3), json("text"), json::array(), json::array({json::object()}),
          json::parse(R"({"meetingId": "m", "userId": "u"})"),
          json::parse(R"({"meetingId": "m", "userId": "u", "metrics": [1, 2]})"),
          json::parse(R"({"meetingId": "m", "userId": "u", "metrics": "x"})"),
          json::parse(R"({"meetingId": "m", "userId": "u", "metrics": null})")}) {
        RejectReason why = RejectReason::Count_;
        int invalid = 0;
        EXPECT_FALSE(decoder.decodeMetrics(payload, Now, &why, &invalid)) << payload.dump();
        EXPECT_EQ(why, RejectReason::NotAnObject) << payload.dump();
        EXPECT_EQ(invalid, 0);
    }
}

TEST(MetricsDecoder, QualityDerivationAtThresholds)
{
    struct Case
    {
        double latency;
        double loss;
        Quality expected;
    };
    const std::vector<Case> cases = {
        {0, 0, Quality::Excellent}, {99.9, 0.99, Quality::Excellent}, {100, 0, Quality::Good},
        {0, 1, Quality::Good},      {199.9, 2.99, Quality::Good},     {200, 0, Quality::Fair},
        {0, 3, Quality::Fair},      {399.9, 4.99, Quality::Fair},     {400, 0, Quality::Poor},
        {0, 5, Quality::Poor},      {60000, 100, Quality::Poor},      {50, 4, Quality::Fair},
    };
    for (const Case &c : cases) {
        const Decoded d
            = decodeMetricsOnly(json {{"avgLatency", c.latency}, {"packetLossRate", c.loss}});
        ASSERT_TRUE(d.sample);
        EXPECT_EQ(d.sample->quality, c.expected) << c.latency << " ms, " << c.loss << " %";
        EXPECT_TRUE(d.sample->qualityDerived);
    }
}

TEST(MetricsDecoder, ReportedQualityMustBeExactLowerCase)
{
    for (const json &level :
         {json("Excellent"), json("GOOD"), json(" good"), json("bad"), json(3), json(nullptr)}) {
        const Decoded d = decodeMetricsOnly(
            json {{"connectionQuality", level}, {"avgLatency", 250}, {"packetLossRate", 0}});
        ASSERT_TRUE(d.sample);
        EXPECT_EQ(d.sample->quality, Quality::Fair) << level.dump(); // derived instead
        EXPECT_TRUE(d.sample->qualityDerived);
        EXPECT_EQ(d.invalid, 1) << level.dump();
    }
    for (const char *level : {"excellent", "good", "fair", "poor"}) {
        const Decoded d = decodeMetricsOnly(json {{"connectionQuality", level}});
        ASSERT_TRUE(d.sample);
        EXPECT_EQ(qualityName(d.sample->quality), QString::fromLatin1(level));
        EXPECT_FALSE(d.sample->qualityDerived);
    }
    // Invalid level and missing loss: nothing to derive from.
    const Decoded d = decodeMetricsOnly(json {{"connectionQuality", "great"}, {"avgLatency", 20}});
    ASSERT_TRUE(d.sample);
    EXPECT_EQ(d.sample->quality, Quality::Unknown);
    EXPECT_FALSE(d.sample->qualityDerived);
}

TEST(MetricsDecoder, NamesAreSanitizedAndBounded)
{
    // C0 controls, DEL, a C1 control, a bidi override (Cf), a zero-width
    // joiner (Cf), a line separator; the emoji (a surrogate pair) stays.
    const std::string raw
        = "  Al\x01i\nce\x7F\xC2\x85 \xE2\x80\xAEgnp.exe\xE2\x80\x8D \xE2\x80\xA8\xF0\x9F\x98\x80 ";
    const Decoded d = decodeMetricsOnly(json {{"username", raw}, {"meetingName", "<b>Board</b>"}});
    ASSERT_TRUE(d.sample);
    EXPECT_EQ(d.sample->username, QString::fromUtf8("Alice gnp.exe \xF0\x9F\x98\x80"));
    // Markup is kept as plain text (views never render it as rich text).
    EXPECT_EQ(d.sample->meetingName, QStringLiteral("<b>Board</b>"));

    const Decoded longName = decodeMetricsOnly(json {{"username", std::string(1 << 20, 'x')}});
    ASSERT_TRUE(longName.sample);
    EXPECT_EQ(longName.sample->username.size(), MetricsDecoder::MaxNameLength);

    // Truncation never leaves half a surrogate pair.
    const std::string emojiName = "a" + repeat("\xF0\x9F\x98\x80", 200);
    const Decoded emoji = decodeMetricsOnly(json {{"username", emojiName}});
    ASSERT_TRUE(emoji.sample);
    EXPECT_EQ(emoji.sample->username.size(), MetricsDecoder::MaxNameLength - 1);
    EXPECT_FALSE(emoji.sample->username.back().isHighSurrogate());

    const Decoded notString = decodeMetricsOnly(json {{"username", 42}, {"meetingName", nullptr}});
    ASSERT_TRUE(notString.sample);
    EXPECT_TRUE(notString.sample->username.isEmpty());
    EXPECT_EQ(notString.invalid, 1); // the number; null is as good as missing
}

TEST(MetricsDecoder, SanitizeUntrustedText)
{
    EXPECT_EQ(sanitizeUntrustedText(u"a\u202Eb\u2066c\uFEFFd", 100), QStringLiteral("abcd"));
    EXPECT_EQ(sanitizeUntrustedText(u"abcdef", 3), QStringLiteral("abc"));
    EXPECT_EQ(sanitizeUntrustedText(u"abc", 0), QString());
    EXPECT_EQ(sanitizeUntrustedText(QString(QString(400, u' ') + QStringLiteral("name  ")), 8),
              QStringLiteral("name"));
    EXPECT_EQ(sanitizeUntrustedText(u"abc   def", 5), QStringLiteral("abc"));
    EXPECT_EQ(sanitizeUntrustedText(u"\u0001\u0002  ", 5), QString());
    // A lone surrogate is dropped.
    const QChar lone[] = {QChar(u'x'), QChar(0xD800), QChar(u'y')};
    EXPECT_EQ(sanitizeUntrustedText(QStringView(lone, 3), 10), QStringLiteral("xy"));
    // Tags block (U+E0001, a supplementary Cf character) is dropped too.
    EXPECT_EQ(sanitizeUntrustedText(QString::fromUtf8("a\xF3\xA0\x80\x81z"), 10),
              QStringLiteral("az"));
}

TEST(MetricsDecoder, Timestamps)
{
    struct Case
    {
        json value;
        std::optional<qint64> expected;
    };
    const qint64 isoMs
        = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5, 678), Qt::UTC).toMSecsSinceEpoch();
    const std::vector<Case> cases = {
        {1714557600000, 1714557600000},
        {"1714557600000", 1714557600000},
        {1714557600000.7, 1714557600000},
        {"2024-01-02T03:04:05.678Z", isoMs},
        {"2024-01-02T05:04:05.678+02:00", isoMs},
        {"2024-01-02T03:04:05.678", isoMs}, // no zone: UTC
        {"yesterday", {}},
        {-5, {}},
        {1e300, {}},
        {"", {}},
        {true, {}},
        {nullptr, {}},
        {std::string(500, '2'), {}},
    };
    for (const Case &c : cases) {
        const Decoded d = decodeMetricsOnly(json {{"timestamp", c.value}});
        ASSERT_TRUE(d.sample) << c.value.dump();
        EXPECT_EQ(d.sample->clientTimeMs, c.expected) << c.value.dump();
        EXPECT_EQ(d.invalid, c.expected ? 0 : 1) << c.value.dump();
        // The receive time is ours, whatever the client says.
        EXPECT_EQ(d.sample->receivedMs, Now);
    }
}

TEST(MetricsDecoder, Alerts)
{
    MetricsDecoder decoder;
    RejectReason why {};
    const json payload = json::parse(R"({"meetingId": "m1", "userId": "u1", "alerts": [
        {"type": "high-latency", "severity": "warning", "message": "Latency 350ms"},
        "not an object", 5, null,
        {"type": "poor-connection", "severity": "critical", "message": "bad\u202E\u0000 link"},
        {"type": 7}]})");
    const auto alerts = decoder.decodeAlerts(payload, Now, &why);
    ASSERT_TRUE(alerts);
    ASSERT_EQ(alerts->size(), 3u);
    EXPECT_EQ((*alerts)[0].meetingId, QStringLiteral("m1"));
    EXPECT_EQ((*alerts)[0].userId, QStringLiteral("u1"));
    EXPECT_EQ((*alerts)[0].type, QStringLiteral("high-latency"));
    EXPECT_EQ((*alerts)[0].severity, QStringLiteral("warning"));
    EXPECT_EQ((*alerts)[0].message, QStringLiteral("Latency 350ms"));
    EXPECT_EQ((*alerts)[0].receivedMs, Now);
    EXPECT_EQ((*alerts)[1].severity, QStringLiteral("critical"));
    EXPECT_EQ((*alerts)[1].message, QStringLiteral("bad link"));
    EXPECT_TRUE((*alerts)[2].type.isEmpty());
}

TEST(MetricsDecoder, AlertEnvelopes)
{
    MetricsDecoder decoder;
    struct Case
    {
        json payload;
        std::optional<RejectReason> why; // nullopt: accepted
    };
    const json list = json::array({json {{"type", "packet-loss"}}});
    const std::vector<Case> cases = {
        {json {{"meetingId", "m"}, {"alerts", list}}, std::nullopt},
        {json {{"meetingId", "m"}, {"userId", ""}, {"alerts", list}}, std::nullopt},
        {json {{"meetingId", "m"}, {"userId", nullptr}, {"alerts", list}}, std::nullopt},
        {json {{"meetingId", "m"}, {"userId", "u"}, {"alerts", json::array()}}, std::nullopt},
        {json {{"userId", "u"}, {"alerts", list}}, RejectReason::BadMeetingId},
        {json {{"meetingId", ""}, {"alerts", list}}, RejectReason::BadMeetingId},
        {json {{"meetingId", std::string(129, 'm')}, {"alerts", list}}, RejectReason::BadMeetingId},
        {json {{"meetingId", "m"}, {"userId", std::string(129, 'u')}, {"alerts", list}},
         RejectReason::BadUserId},
        {json {{"meetingId", "m"}, {"userId", 12}, {"alerts", list}}, RejectReason::BadUserId},
        {json {{"meetingId", "m"}}, RejectReason::BadAlertList},
        {json {{"meetingId", "m"}, {"alerts", json::object()}}, RejectReason::BadAlertList},
        {json {{"meetingId", "m"}, {"alerts", "high-latency"}}, RejectReason::BadAlertList},
        {json::array(), RejectReason::NotAnObject},
        {json("m"), RejectReason::NotAnObject},
    };
    for (const Case &c : cases) {
        RejectReason why = RejectReason::Count_;
        const auto alerts = decoder.decodeAlerts(c.payload, Now, &why);
        EXPECT_EQ(alerts.has_value(), !c.why.has_value()) << c.payload.dump();
        if (c.why) {
            EXPECT_EQ(why, *c.why) << c.payload.dump();
        }
    }
}

TEST(MetricsDecoder, AlertListAndMessagesAreBounded)
{
    MetricsDecoder decoder;
    json list = json::array();
    for (int i = 0; i < 10'000; ++i)
        list.push_back(json {{"type", "packet-loss"}, {"message", std::string(5000, 'x')}});
    const auto alerts = decoder.decodeAlerts(json {{"meetingId", "m"}, {"alerts", list}}, Now);
    ASSERT_TRUE(alerts);
    EXPECT_EQ(int(alerts->size()), MetricsDecoder::MaxAlertsPerPayload);
    EXPECT_EQ(alerts->front().message.size(), MetricsDecoder::MaxMessageLength);
}

TEST(MetricsDecoder, RejectReasonNamesAndCounters)
{
    QSet<QString> names;
    RejectCounters counters;
    for (int r = 0; r < int(RejectReason::Count_); ++r) {
        names.insert(rejectReasonName(RejectReason(r)));
        for (int i = 0; i <= r; ++i)
            counters.add(RejectReason(r));
    }
    EXPECT_EQ(names.size(), int(RejectReason::Count_));
    EXPECT_FALSE(names.contains(QStringLiteral("unknown")));
    const int n = int(RejectReason::Count_);
    EXPECT_EQ(counters.total(), quint64(n * (n + 1) / 2));
    EXPECT_EQ(counters.byReason[size_t(RejectReason::BadUserId)],
              quint64(int(RejectReason::BadUserId) + 1));
}

// Random JSON of random shapes: the decoder must neither crash nor throw, and
// whatever it accepts must satisfy the invariants.
json randomValue(QRandomGenerator &rng, int depth)
{
    static const char *const keys[] = {
        "meetingId", "userId",  "metrics",           "totalUpload", "avgLatency", "packetLossRate",
        "jitter",    "quality", "connectionQuality", "timestamp",   "username",   "uploadBitrate",
        "latency",   "alerts"};
    switch (rng.bounded(depth > 3 ? 7 : 9)) {
    case 0:
        return nullptr;
    case 1:
        return rng.bounded(2) == 1;
    case 2:
        return rng.bounded(-1000, 100000);
    case 3:
        return (rng.generateDouble() - 0.2) * std::pow(10.0, rng.bounded(12));
    case 4:
        return std::to_string(rng.bounded(-50, 70000));
    case 5: {
        static const char *const strings[]
            = {"", "m1", "u1", "good", "NaN", "1e9", " 5 ", "\xE2\x80\xAE", "2024-01-01T00:00:00Z"};
        return strings[rng.bounded(int(std::size(strings)))];
    }
    case 6:
        return std::string(size_t(rng.bounded(300)), 'x');
    case 7: {
        json a = json::array();
        for (int i = rng.bounded(4); i > 0; --i)
            a.push_back(randomValue(rng, depth + 1));
        return a;
    }
    default: {
        json o = json::object();
        for (int i = rng.bounded(8); i > 0; --i)
            o[keys[rng.bounded(int(std::size(keys)))]] = randomValue(rng, depth + 1);
        return o;
    }
    }
}

TEST(MetricsDecoder, RandomInputNeverBreaksInvariants)
{
    QRandomGenerator rng(20240501);
    MetricsDecoder decoder;
    int accepted = 0;
    for (int i = 0; i < 20'000; ++i) {
        json payload = json::object();
        payload["meetingId"] = rng.bounded(4) ? json("m") : randomValue(rng, 2);
        payload["userId"] = rng.bounded(4) ? json("u") : randomValue(rng, 2);
        json metrics = rng.bounded(8) ? randomValue(rng, 3) : json::object();
        if (!metrics.is_object())
            metrics = json::object({{"avgLatency", metrics},
                                    {"packetLossRate", randomValue(rng, 3)},
                                    {"connectionQuality", randomValue(rng, 3)}});
        payload["metrics"] = metrics;
        int invalid = 0;
        RejectReason why {};
        const auto s = decoder.decodeMetrics(payload, Now, &why, &invalid);
        ASSERT_GE(invalid, 0);
        if (!s)
            continue;
        ++accepted;
        ASSERT_GE(s->meetingId.size(), 1);
        ASSERT_LE(s->meetingId.size(), 128);
        ASSERT_GE(s->userId.size(), 1);
        for (const Metric &m :
             {s->uploadKbps, s->downloadKbps, s->latencyMs, s->packetLossPct, s->jitterMs}) {
            if (m) {
                ASSERT_TRUE(std::isfinite(*m));
                ASSERT_GE(*m, 0.0);
            }
        }
        if (s->packetLossPct) {
            ASSERT_LE(*s->packetLossPct, 100.0);
        }
        if (s->qualityDerived) {
            ASSERT_TRUE(s->latencyMs && s->packetLossPct);
        }
        ASSERT_LE(s->username.size(), MetricsDecoder::MaxNameLength);
        (void)decoder.decodeAlerts(randomValue(rng, 0), Now, &why);
    }
    EXPECT_GT(accepted, 1000); // the generator does exercise the accepting path
}

} // namespace
} // namespace mm
