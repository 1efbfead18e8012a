#include "simulatecommand.h"

#include "app/recorder.h"
#include "core/clock.h"
#include "fleetsimulator.h"
#include "ingest/metricsdecoder.h"

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QIODevice>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace mm {

namespace {

// The translation context of the simulate command's help, errors and progress lines.
class SimulateText final
{
    Q_DECLARE_TR_FUNCTIONS(mm::SimulateCommand)
};

class FixedClock final : public Clock
{
public:
    explicit FixedClock(qint64 ms)
        : m_ms(ms)
    {
    }
    qint64 nowMs() const override { return m_ms; }

private:
    qint64 m_ms;
};

const char *const Program = "meeting-monitor simulate";

// The decoder's ranges (metricsdecoder.cpp).
constexpr double MaxLatencyMs = 60'000;
constexpr double MaxPacketLossPct = 100;
constexpr double MaxBitrateKbps = 10'000'000;

constexpr qint64 kDayMs = 86'400'000;
constexpr qint64 kHourMs = 3'600'000;
constexpr int kBusyStartHour = 9;
constexpr int kBusyHours = 8;
constexpr double kWeekendShare = 0.3;
constexpr double kNightShare = 0.02;

void say(QIODevice *err, const QString &message)
{
    if (err)
        err->write(QByteArray(Program) + ": " + message.toUtf8() + '\n');
}

// ---------------------------------------------------------------------------
// The simulator's payloads without a DOM.

struct Member
{
    std::string_view key;
    std::string_view value; // string contents (no quotes) or the number's text
    bool isString = false;
    bool isNull = false;
};

struct FlatObject
{
    // The simulator sends at most a dozen members; a fixed array keeps the
    // reader free of allocations.
    std::array<Member, 24> members;
    int count = 0;

    const Member *find(std::string_view key) const
    {
        for (int i = 0; i < count; ++i)
            if (members[size_t(i)].key == key)
                return &members[size_t(i)];
        return nullptr;
    }
};

class FlatReader
{
public:
    explicit FlatReader(std::string_view text)
        : m_text(text)
    {
    }

    // Reads `{...}`; a member named `nestedKey` may hold one flat object,
    // read into *nested (and *nestedSeen set). False on anything outside
    // that subset.
    bool readObject(FlatObject *object, std::string_view nestedKey = {},
                    FlatObject *nested = nullptr, bool *nestedSeen = nullptr)
    {
        skipSpace();
        if (!consume('{'))
            return false;
        skipSpace();
        if (consume('}'))
            return true;
        for (;;) {
            skipSpace();
            std::string_view key;
            if (!readString(&key))
                return false;
            skipSpace();
            if (!consume(':'))
                return false;
            skipSpace();
            if (m_pos >= m_text.size())
                return false;
            const char c = m_text[m_pos];
            if (c == '{') {
                if (!nested || key != nestedKey || *nestedSeen)
                    return false;
                *nestedSeen = true;
                if (!readObject(nested))
                    return false;
            } else {
                if (object->count >= int(object->members.size()))
                    return false;
                Member &member = object->members[size_t(object->count++)];
                member.key = key;
                if (c == '"') {
                    member.isString = true;
                    if (!readString(&member.value))
                        return false;
                } else if (m_text.substr(m_pos, 4) == "null") {
                    member.isNull = true;
                    m_pos += 4;
                } else {
                    const size_t start = m_pos;
                    while (m_pos < m_text.size() && isNumberChar(m_text[m_pos]))
                        ++m_pos;
                    if (m_pos == start)
                        return false; // true/false, arrays: not the simulator's
                    member.value = m_text.substr(start, m_pos - start);
                }
            }
            skipSpace();
            if (consume(','))
                continue;
            if (consume('}'))
                return true;
            return false;
        }
    }

    bool atEnd()
    {
        skipSpace();
        return m_pos == m_text.size();
    }

private:
    static bool isNumberChar(char c)
    {
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
    }

    void skipSpace()
    {
        while (m_pos < m_text.size()
               && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r'
                   || m_text[m_pos] == '\t'))
            ++m_pos;
    }

    bool consume(char c)
    {
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }

    // A string without escapes or control characters (else: not ours).
    bool readString(std::string_view *out)
    {
        if (!consume('"'))
            return false;
        const size_t start = m_pos;
        while (m_pos < m_text.size() && m_text[m_pos] != '"') {
            const auto c = static_cast<unsigned char>(m_text[m_pos]);
            if (c == '\\' || c < 0x20)
                return false;
            ++m_pos;
        }
        if (m_pos >= m_text.size())
            return false;
        *out = m_text.substr(start, m_pos - start);
        ++m_pos;
        return true;
    }

    std::string_view m_text;
    size_t m_pos = 0;
};

// nullopt: absent or invalid (the decoder's FieldReader::number rules:
// JSON numbers or numeric strings, finite, 0..max, -0 folded into 0).
Metric numberOf(const Member *member, double max)
{
    if (!member || member->isNull)
        return std::nullopt;
    std::string_view text = member->value;
    if (member->isString) {
        if (text.size() > 64)
            return std::nullopt;
        while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
            text.remove_prefix(1);
        while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
            text.remove_suffix(1);
    }
    if (text.empty())
        return std::nullopt;
    double value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(value) || value < 0
        || value > max)
        return std::nullopt;
    return value == 0 ? 0.0 : value;
}

Metric number(const FlatObject &metrics, std::string_view preferred, std::string_view fallback,
              double max)
{
    Metric value = numberOf(metrics.find(preferred), max);
    if (!value && !fallback.empty())
        value = numberOf(metrics.find(fallback), max);
    return value;
}

std::optional<Quality> levelOf(const Member *member)
{
    if (!member || !member->isString || member->value.size() > 16)
        return std::nullopt;
    return qualityFromString(QString::fromLatin1(member->value.data(), qsizetype(member->value.size())));
}

// Ids and names repeat every second: convert each distinct text once.
class TextCache
{
public:
    const QString &id(std::string_view utf8)
    {
        auto it = m_ids.find(std::string(utf8));
        if (it == m_ids.end())
            it = m_ids.emplace(std::string(utf8), QString::fromUtf8(utf8.data(), qsizetype(utf8.size())))
                     .first;
        return it->second;
    }
    const QString &name(std::string_view utf8)
    {
        auto it = m_names.find(std::string(utf8));
        if (it == m_names.end()) {
            const QString text = sanitizeUntrustedText(
                QString::fromUtf8(utf8.data(), qsizetype(std::min<size_t>(utf8.size(), 4 * 256 + 4))),
                MetricsDecoder::MaxNameLength);
            it = m_names.emplace(std::string(utf8), text).first;
        }
        return it->second;
    }

private:
    std::unordered_map<std::string, QString> m_ids;
    std::unordered_map<std::string, QString> m_names;
};

std::optional<Sample> decodeFast(std::string_view json, qint64 receivedMs, TextCache &cache)
{
    FlatObject top;
    FlatObject metrics;
    bool metricsSeen = false;
    FlatReader reader(json);
    if (!reader.readObject(&top, "metrics", &metrics, &metricsSeen) || !reader.atEnd() || !metricsSeen)
        return std::nullopt;

    // The decoder's envelope rule: a top-level id that is present and not
    // null wins. Only plain ids are handled here (1..128 bytes of ASCII);
    // anything else goes to the decoder.
    auto idOf = [&](std::string_view key) -> std::optional<QString> {
        const Member *member = top.find(key);
        if (!member || member->isNull)
            member = metrics.find(key);
        if (!member || !member->isString || member->value.empty()
            || member->value.size() > size_t(MetricsDecoder::MaxIdLength))
            return std::nullopt;
        for (const char c : member->value)
            if (static_cast<unsigned char>(c) >= 0x80)
                return std::nullopt;
        return cache.id(member->value);
    };
    Sample sample;
    const auto meetingId = idOf("meetingId");
    const auto userId = idOf("userId");
    if (!meetingId || !userId)
        return std::nullopt;
    sample.meetingId = *meetingId;
    sample.userId = *userId;
    sample.receivedMs = receivedMs;
    sample.uploadKbps = number(metrics, "totalUpload", "uploadBitrate", MaxBitrateKbps);
    sample.downloadKbps = number(metrics, "totalDownload", "downloadBitrate", MaxBitrateKbps);
    sample.latencyMs = number(metrics, "avgLatency", "latency", MaxLatencyMs);
    sample.minLatencyMs = number(metrics, "minLatency", {}, MaxLatencyMs);
    sample.maxLatencyMs = number(metrics, "maxLatency", {}, MaxLatencyMs);
    sample.packetLossPct = number(metrics, "packetLossRate", {}, MaxPacketLossPct);
    sample.jitterMs = number(metrics, "jitter", {}, MaxLatencyMs);
    for (const auto &[key, target] : {std::pair{"username", &sample.username},
                                      std::pair{"meetingName", &sample.meetingName}}) {
        const Member *member = metrics.find(key);
        if (member && member->isString)
            *target = cache.name(member->value);
        else if (member && !member->isNull)
            return std::nullopt; // the decoder's "invalid field" bookkeeping: leave it to it
    }
    std::optional<Quality> level = levelOf(metrics.find("connectionQuality"));
    if (!level)
        level = levelOf(metrics.find("quality"));
    if (level) {
        sample.quality = *level;
    } else if (sample.latencyMs && sample.packetLossPct) {
        sample.quality = classifyQuality(*sample.latencyMs, *sample.packetLossPct);
        sample.qualityDerived = true;
    }
    return sample;
}

bool isWeekend(qint64 ms)
{
    const int day = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date().dayOfWeek();
    return day == Qt::Saturday || day == Qt::Sunday;
}

} // namespace

std::optional<Sample> decodeSimulatorPayload(std::string_view json, qint64 receivedMs)
{
    TextCache cache;
    return decodeFast(json, receivedMs, cache);
}

bool simulateHistory(const SimulateOptions &options, QIODevice *progress, SimulateResult *result,
                     QString *error)
{
    SimulateResult counts;
    const int users = std::max(1, options.users);
    const qint64 endMs = (options.endMs / 1000) * 1000;
    const qint64 startMs = endMs - qint64(std::max(1, options.days)) * kDayMs;

    // Day people: long meetings that do not churn, so the same people come
    // back every working day. Night owls: a few, in short meetings.
    FleetConfig dayConfig;
    dayConfig.seed = options.seed;
    dayConfig.totalUsers = users;
    dayConfig.meetings = std::max(1, users / 7);
    dayConfig.meetingChurn = false;
    dayConfig.maxBacklogMs = 1000;
    FleetConfig nightConfig = dayConfig;
    nightConfig.seed = options.seed ^ 0x9e3779b97f4a7c15ULL;
    nightConfig.totalUsers = std::max(1, int(std::lround(users * kNightShare)));
    nightConfig.meetings = std::max(1, nightConfig.totalUsers / 4);
    nightConfig.meetingChurn = true;
    nightConfig.meetingMinSeconds = 600;
    nightConfig.meetingMaxSeconds = 2400;
    // Weekend workers: fewer, and their own people (a fleet of their own
    // rather than a filtered weekday fleet, which would cost the generation
    // of everyone who stays at home).
    FleetConfig weekendConfig = dayConfig;
    weekendConfig.seed = options.seed ^ 0x5bd1e9955bd1e995ULL;
    weekendConfig.totalUsers = std::max(1, int(std::lround(users * kWeekendShare)));
    weekendConfig.meetings = std::max(1, weekendConfig.totalUsers / 5);
    FleetSimulator day(dayConfig);
    FleetSimulator weekend(weekendConfig);
    FleetSimulator night(nightConfig);
    day.start(startMs);
    weekend.start(startMs);
    night.start(startMs);

    // The recorder's writer, on its own thread: generation and storage run
    // side by side. Commits come from the row limit and from the flush
    // below (which also bounds the batches waiting in its queue).
    // Retention is judged at the simulated end, not by the wall clock: a slow
    // run (sanitizers, a loaded machine) would otherwise cross into another
    // minute and trim one raw minute more than asked.
    const FixedClock endClock(endMs);
    HistoryWriterThread writerThread(options.dbPath, 3'600'000, 100'000);
    writerThread.writer()->setRetention(options.retention);
    writerThread.writer()->setClock(&endClock);
    if (!writerThread.start(error))
        return false;

    MetricsDecoder decoder;
    TextCache cache;
    std::vector<Sample> batch;
    batch.reserve(size_t(users) + 16);
    auto post = [&] {
        if (batch.empty())
            return;
        auto shared = std::make_shared<const SampleBatch>(std::move(batch));
        batch = {};
        batch.reserve(size_t(users) + 16);
        HistoryWriter *writer = writerThread.writer();
        QMetaObject::invokeMethod(
            writer, [writer, shared] { writer->writeBatch(shared); }, Qt::QueuedConnection);
    };
    const FleetSimulator::Sink sink = [&](const FleetPayload &payload) {
        if (payload.kind != FleetPayload::Kind::Metrics)
            return;
        std::optional<Sample> sample = decodeFast(payload.json, payload.timeMs, cache);
        if (!sample) {
            ++counts.payloadsDecodedSlowly;
            try {
                sample = decoder.decodeMetrics(nlohmann::json::parse(payload.json), payload.timeMs);
            } catch (const nlohmann::json::exception &) {
                return;
            }
        }
        if (sample) {
            batch.push_back(std::move(*sample));
            ++counts.samples;
        }
    };

    qint64 lastReportDay = -1;
    for (qint64 t = startMs + 1000; t <= endMs; t += 1000) {
        const qint64 dayStart = (t / kDayMs) * kDayMs;
        const qint64 hour = (t - dayStart) / kHourMs;
        const bool busy = hour >= kBusyStartHour && hour < kBusyStartHour + kBusyHours;
        const bool weekendDay = isWeekend(t);
        if (busy) {
            (weekendDay ? weekend : day).step(t, sink);
            night.skipTo(t);
        } else {
            night.step(t, sink);
            // The day fleets sleep: jump them to the morning in one go.
            if (t + 1000 == dayStart + kBusyStartHour * kHourMs)
                (weekendDay ? weekend : day).skipTo(t);
        }
        if (batch.size() >= size_t(users))
            post();
        if ((t - startMs) % (10 * 60 * 1000) == 0) {
            post();
            if (!writerThread.flush()) { // 10 simulated minutes: bounded memory
                QString message;
                QMetaObject::invokeMethod(writerThread.writer(), &HistoryWriter::errorString,
                                          Qt::BlockingQueuedConnection, &message);
                *error = message;
                return false;
            }
        }
        const qint64 dayIndex = (t - startMs) / kDayMs;
        if (progress && dayIndex != lastReportDay && (t - startMs) % kDayMs == 0) {
            lastReportDay = dayIndex;
            say(progress, SimulateText::tr("%1 of %2 days written (up to %3), %4 samples")
                              .arg(dayIndex)
                              .arg(options.days)
                              .arg(QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate))
                              .arg(counts.samples));
        }
    }
    post();
    const bool flushed = writerThread.flush();
    writerThread.stop();
    counts.committed = writerThread.writer()->rowsCommitted();
    if (result)
        *result = counts;
    if (!flushed) {
        *error = writerThread.writer()->errorString();
        return false;
    }
    say(progress, SimulateText::tr("done: %1 samples over %2 days into %3")
                      .arg(counts.committed)
                      .arg(options.days)
                      .arg(options.dbPath));
    return true;
}

int runSimulateCommand(const QStringList &arguments, QIODevice &out, QIODevice &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(SimulateText::tr(
        "Write a past period of the simulated fleet into a history database, ending now: busy "
        "working hours (09:00-17:00 UTC, lighter at weekends), quiet nights. Raw samples only "
        "for the raw retention period, rollups for the whole period."));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        SimulateText::tr("Show this help."));
    const QCommandLineOption daysOption(QStringLiteral("days"), SimulateText::tr("Days to simulate (1-400)."),
                                        SimulateText::tr("N"), QStringLiteral("7"));
    const QCommandLineOption usersOption(QStringLiteral("users"),
                                         SimulateText::tr("Users in the fleet (1-100000)."),
                                         SimulateText::tr("N"), QStringLiteral("1000"));
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      SimulateText::tr("History database to write (created if needed)."),
                                      SimulateText::tr("FILE"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        SimulateText::tr("Random seed (same seed, same fleet)."),
                                        SimulateText::tr("S"), QStringLiteral("1"));
    const QCommandLineOption rawRetentionOption(
        QStringLiteral("raw-retention"),
        SimulateText::tr("Hours of raw samples to keep, counted back from now (default 24)."),
        SimulateText::tr("HOURS"), QStringLiteral("24"));
    parser.addOptions({helpOption, daysOption, usersOption, dbOption, seedOption, rawRetentionOption});
    if (!parser.parse(QStringList{QString::fromLatin1(Program)} + arguments)) {
        say(&err, parser.errorText() + SimulateText::tr(" (try --help)"));
        return 2;
    }
    if (parser.isSet(helpOption)) {
        out.write(parser.helpText().toUtf8());
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        say(&err, SimulateText::tr("unexpected argument '%1' (try --help)")
                      .arg(terminalSafe(parser.positionalArguments().constFirst())));
        return 2;
    }
    SimulateOptions options;
    options.dbPath = parser.value(dbOption);
    if (options.dbPath.isEmpty()) {
        say(&err, SimulateText::tr("--db FILE is required (try --help)"));
        return 2;
    }
    bool ok = false;
    options.days = parser.value(daysOption).toInt(&ok);
    if (!ok || options.days < 1 || options.days > 400) {
        say(&err, SimulateText::tr("--days: '%1' is not a number from 1 to 400")
                      .arg(terminalSafe(parser.value(daysOption))));
        return 2;
    }
    options.users = parser.value(usersOption).toInt(&ok);
    if (!ok || options.users < 1 || options.users > 100'000) {
        say(&err, SimulateText::tr("--users: '%1' is not a number from 1 to 100000")
                      .arg(terminalSafe(parser.value(usersOption))));
        return 2;
    }
    options.seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok) {
        say(&err, SimulateText::tr("--seed: '%1' is not a non-negative integer")
                      .arg(terminalSafe(parser.value(seedOption))));
        return 2;
    }
    const double hours = parser.value(rawRetentionOption).toDouble(&ok);
    if (!ok || !(hours >= 0) || hours > 24.0 * 400) {
        say(&err, SimulateText::tr("--raw-retention: '%1' is not a number of hours from 0 to 9600")
                      .arg(terminalSafe(parser.value(rawRetentionOption))));
        return 2;
    }
    options.retention.rawMs = qint64(hours * 3'600'000.0);
    // The rollups cover the whole simulated period.
    options.retention.rollupMs = std::max(options.retention.rollupMs, (options.days + 1) * kDayMs);
    options.endMs = QDateTime::currentMSecsSinceEpoch();

    SimulateResult result;
    QString error;
    if (!simulateHistory(options, &err, &result, &error)) {
        say(&err, error);
        return 1;
    }
    return 0;
}

} // namespace mm
