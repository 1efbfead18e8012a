// Rollups in the database against brute force, latency percentiles from
// merged histograms, and retention.
#include "core/clock.h"
#include "history/historydatabase.h"
#include "history/historywriter.h"
#include "history/rollupexporter.h"
#include "historytestutil.h"

#include <QBuffer>
#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <gtest/gtest.h>

using namespace mm;
using test::makeBatch;
using test::scalar;

namespace {

constexpr qint64 T0 = 1'795'478'400'000; // 2026-11-24T00:00:00Z, a minute and an hour boundary

class FakeClock final : public Clock
{
public:
    qint64 now = 0;
    qint64 nowMs() const override { return now; }
};

// Random samples: users come and go (gaps), values are often unknown.
std::vector<Sample> randomSamples(quint64 seed, int users, int seconds)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<Sample> samples;
    std::vector<bool> present(size_t(users), true);
    for (int s = 0; s < seconds; ++s) {
        for (int u = 0; u < users; ++u) {
            if (unit(rng) < 0.002)
                present[size_t(u)] = !present[size_t(u)]; // leave for a while, or come back
            if (!present[size_t(u)] || unit(rng) < 0.03)
                continue; // a gap, or one lost sample
            auto maybe = [&](double value, int decimals) -> Metric {
                if (unit(rng) < 0.15)
                    return std::nullopt;
                const double scale = std::pow(10.0, decimals);
                return std::round(value * scale) / scale;
            };
            Sample x;
            x.meetingId = QStringLiteral("meeting-%1").arg(u % 3);
            x.userId = QStringLiteral("user-%1").arg(u);
            x.username = QStringLiteral("User %1").arg(u);
            x.receivedMs = T0 + qint64(s) * 1000 + qint64(unit(rng) * 40);
            x.uploadKbps = maybe(500 + unit(rng) * 3000, 1);
            x.downloadKbps = maybe(800 + unit(rng) * 6000, 1);
            x.latencyMs = maybe(std::exp(unit(rng) * 7.5), 1); // 1 ms .. 1800 ms
            x.jitterMs = maybe(unit(rng) * 40, 1);
            x.packetLossPct = maybe(unit(rng) < 0.7 ? 0.0 : unit(rng) * 12, 2);
            x.quality = Quality(int(unit(rng) * 5)); // unknown included
            samples.push_back(x);
        }
    }
    return samples;
}

struct Expected
{
    qint64 samples = 0;
    std::array<std::vector<double>, 5> values; // upload, download, latency, jitter, loss
    std::array<qint64, 5> seconds{};           // by Quality value
};

using Key = std::tuple<qint64, QString, QString>; // period start, meeting, user

std::map<Key, Expected> bruteForce(const std::vector<Sample> &samples, qint64 periodMs)
{
    std::map<Key, Expected> expected;
    for (const Sample &s : samples) {
        const qint64 start = (s.receivedMs / periodMs) * periodMs;
        Expected &e = expected[{start, s.meetingId, s.userId}];
        ++e.samples;
        const Metric values[5] = {s.uploadKbps, s.downloadKbps, s.latencyMs, s.jitterMs, s.packetLossPct};
        for (int m = 0; m < 5; ++m)
            if (values[m])
                e.values[size_t(m)].push_back(*values[m]);
        ++e.seconds[size_t(s.quality)];
    }
    return expected;
}

std::optional<double> mean(const std::vector<double> &v)
{
    if (v.empty())
        return std::nullopt;
    double sum = 0;
    for (double x : v)
        sum += x;
    return sum / double(v.size());
}

std::optional<double> maxOf(const std::vector<double> &v)
{
    if (v.empty())
        return std::nullopt;
    return *std::max_element(v.begin(), v.end());
}

std::optional<double> nearestRank(std::vector<double> v, double p)
{
    if (v.empty())
        return std::nullopt;
    std::sort(v.begin(), v.end());
    const auto rank = std::max<size_t>(1, size_t(std::ceil(p / 100.0 * double(v.size()))));
    return v[rank - 1];
}

QByteArray exportRollups(const QString &path, RollupResolution resolution, ExportFilter filter = {})
{
    HistoryDatabase db;
    EXPECT_TRUE(db.open(path, HistoryDatabase::Mode::ReadOnly)) << db.errorString().toStdString();
    RollupExporter exporter(db);
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    EXPECT_TRUE(exporter.writeCsv(filter, resolution, out)) << exporter.errorString().toStdString();
    return out.data();
}

QStringList cellsOf(const QByteArray &line)
{
    QStringList cells = QString::fromUtf8(line).split(QLatin1Char(','));
    for (QString &c : cells)
        if (c.startsWith(QLatin1Char('"')))
            c = c.mid(1, c.size() - 2);
    return cells;
}

void expectOptional(const QString &cell, const std::optional<double> &expected, double relTolerance,
                    const char *what, const Key &key)
{
    const std::string where = std::string(what) + " at "
        + QDateTime::fromMSecsSinceEpoch(std::get<0>(key), Qt::UTC).toString(Qt::ISODate).toStdString()
        + " " + std::get<2>(key).toStdString();
    if (!expected) {
        EXPECT_TRUE(cell.isEmpty()) << where << ": " << cell.toStdString(); // unknown is empty, never 0
        return;
    }
    ASSERT_FALSE(cell.isEmpty()) << where;
    const double actual = cell.toDouble();
    EXPECT_NEAR(actual, *expected, std::max(1e-9, std::fabs(*expected) * relTolerance)) << where;
}

void checkExport(const QByteArray &csv, const std::map<Key, Expected> &expected)
{
    QList<QByteArray> lines = csv.split('\n');
    ASSERT_FALSE(lines.isEmpty());
    EXPECT_EQ(lines.takeFirst(), RollupExporter::csvHeader() + '\r');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    ASSERT_EQ(size_t(lines.size()), expected.size()); // one row per user and period, no more
    auto it = expected.begin();
    for (const QByteArray &line : lines) {
        const QStringList c = cellsOf(line.trimmed());
        ASSERT_EQ(c.size(), 19) << line.toStdString();
        const Key &key = it->first;
        const Expected &e = it->second;
        // Rows come in (time, meeting, user) order, like the map.
        EXPECT_EQ(c[0], QDateTime::fromMSecsSinceEpoch(std::get<0>(key), Qt::UTC).toString(Qt::ISODate));
        EXPECT_EQ(c[1], std::get<1>(key));
        EXPECT_EQ(c[2], std::get<2>(key));
        EXPECT_EQ(c[3].toLongLong(), e.samples);
        expectOptional(c[4], mean(e.values[0]), 1e-12, "upload mean", key);
        expectOptional(c[5], maxOf(e.values[0]), 0, "upload max", key);
        expectOptional(c[6], mean(e.values[1]), 1e-12, "download mean", key);
        expectOptional(c[7], maxOf(e.values[1]), 0, "download max", key);
        expectOptional(c[8], mean(e.values[2]), 1e-12, "latency mean", key);
        expectOptional(c[9], maxOf(e.values[2]), 0, "latency max", key);
        // The histogram's bound: within 5 % (3.92 % by construction).
        expectOptional(c[10], nearestRank(e.values[2], 95), 0.05, "latency p95", key);
        expectOptional(c[11], mean(e.values[4]), 1e-12, "loss mean", key);
        expectOptional(c[12], maxOf(e.values[4]), 0, "loss max", key);
        expectOptional(c[13], mean(e.values[3]), 1e-12, "jitter mean", key);
        EXPECT_EQ(c[14].toLongLong(), e.seconds[size_t(Quality::Excellent)]);
        EXPECT_EQ(c[15].toLongLong(), e.seconds[size_t(Quality::Good)]);
        EXPECT_EQ(c[16].toLongLong(), e.seconds[size_t(Quality::Fair)]);
        EXPECT_EQ(c[17].toLongLong(), e.seconds[size_t(Quality::Poor)]);
        EXPECT_EQ(c[18].toLongLong(), e.seconds[size_t(Quality::Unknown)]);
        ++it;
    }
}

} // namespace

TEST(HistoryRollups, MatchBruteForceAtOneMinuteAndOneHour)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    const std::vector<Sample> samples = randomSamples(11, 12, 2 * 3600 + 1234);

    // Small commits (minutes span several), and a restart half-way: the
    // second writer extends the minute the first one left open.
    const size_t half = samples.size() / 2;
    for (const auto &[from, to] : {std::pair{size_t(0), half}, std::pair{half, samples.size()}}) {
        HistoryWriter writer(path, 3'600'000, 997);
        writer.setRetention(test::keepAll());
        ASSERT_TRUE(writer.open());
        for (size_t i = from; i < to; i += 300)
            writer.writeBatch(makeBatch(std::vector<Sample>(samples.begin() + qsizetype(i),
                                                            samples.begin() + qsizetype(std::min(to, i + 300)))));
        ASSERT_TRUE(writer.flush());
        EXPECT_EQ(writer.rowsDropped(), 0);
    }
    EXPECT_EQ(scalar(path, QStringLiteral("SELECT sum(samples) FROM rollups")).toLongLong(),
              qint64(samples.size()));
    EXPECT_EQ(test::storedSampleCount(path), qint64(samples.size()));

    checkExport(exportRollups(path, RollupResolution::Minute), bruteForce(samples, 60'000));
    checkExport(exportRollups(path, RollupResolution::Hour), bruteForce(samples, 3'600'000));

    // A filtered range keeps the minutes that start inside it.
    ExportFilter filter;
    filter.fromMs = T0 + 30 * 60'000 + 1; // the next minute is the first
    filter.toMs = T0 + 90 * 60'000;
    filter.userId = QStringLiteral("user-4");
    std::vector<Sample> subset;
    for (const Sample &s : samples)
        if (s.userId == filter.userId && s.receivedMs >= T0 + 31 * 60'000 && s.receivedMs < *filter.toMs)
            subset.push_back(s);
    checkExport(exportRollups(path, RollupResolution::Minute, filter), bruteForce(subset, 60'000));
}

TEST(HistoryRollups, PercentilesOfMergedHistogramsStayWithinFivePercent)
{
    // One user, a whole day of minutes with very different distributions:
    // the day's p50/p95/p99 from merged minute histograms.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    std::mt19937_64 rng(5);
    std::lognormal_distribution<double> body(4.0, 0.6);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<Sample> samples;
    std::vector<double> latencies;
    for (int s = 0; s < 24 * 3600; s += 1) {
        Sample x = test::makeSample(QStringLiteral("m"), QStringLiteral("u"), T0 + qint64(s) * 1000);
        double latency = std::round(body(rng) * (s / 3600 % 5 == 0 ? 6 : 1) * 10) / 10;
        if (unit(rng) < 0.01)
            latency = std::round(unit(rng) * 60'000);
        x.latencyMs = latency;
        latencies.push_back(latency);
        samples.push_back(x);
    }
    {
        HistoryWriter writer(path, 3'600'000, 50'000);
        writer.setRetention(test::keepAll());
        ASSERT_TRUE(writer.open());
        writer.writeBatch(makeBatch(samples));
        ASSERT_TRUE(writer.flush());
    }
    HistoryDatabase db;
    ASSERT_TRUE(db.open(path, HistoryDatabase::Mode::ReadOnly));
    QSqlQuery query(db.database());
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT latency_hist FROM rollups")));
    LatencyHistogram merged;
    int minutes = 0;
    while (query.next()) {
        const auto h = LatencyHistogram::fromBytes(query.value(0).toByteArray());
        ASSERT_TRUE(h);
        merged.merge(*h);
        ++minutes;
    }
    EXPECT_EQ(minutes, 24 * 60);
    EXPECT_EQ(merged.count(), latencies.size());
    for (const double p : {1.0, 50.0, 90.0, 95.0, 99.0, 99.9}) {
        const double exact = *nearestRank(latencies, p);
        const double estimate = *merged.percentile(p);
        EXPECT_LE(std::fabs(estimate - exact), 0.05 * exact) << "p" << p << " exact " << exact
                                                             << " estimate " << estimate;
    }
}

TEST(HistoryRetention, DeletesExactlyWhatIsOldAndNothingElse)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    const qint64 now = T0 + 10 * 24 * 3'600'000LL + 30'500; // mid-minute
    const qint64 rawKeep = 2 * 3'600'000LL;
    const qint64 rollupKeep = 3 * 24 * 3'600'000LL;

    // Samples every 20 s over 5 days, written keeping everything.
    std::vector<Sample> samples;
    for (qint64 t = now - 5 * 24 * 3'600'000LL; t < now; t += 20'000)
        for (int u = 0; u < 3; ++u)
            samples.push_back(test::makeSample(QStringLiteral("m"), QStringLiteral("u%1").arg(u), t + u));
    {
        HistoryWriter writer(path, 3'600'000, 1'000'000);
        writer.setRetention(test::keepAll());
        ASSERT_TRUE(writer.open());
        writer.writeBatch(makeBatch(samples));
        ASSERT_TRUE(writer.flush());
    }
    // Whole minutes go once all of them is older than the retention.
    const qint64 rawCutoff = (now - rawKeep) / 60'000;
    const qint64 rollupCutoff = (now - rollupKeep) / 60'000;
    auto countWhere = [&](const QString &table, const QString &condition) {
        return scalar(path, QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(table, condition)).toLongLong();
    };
    const qint64 rawKept = countWhere(QStringLiteral("raw_blocks"), QStringLiteral("minute >= %1").arg(rawCutoff));
    const qint64 rollupsKept = countWhere(QStringLiteral("rollups"), QStringLiteral("minute >= %1").arg(rollupCutoff));
    const qint64 rawBefore = countWhere(QStringLiteral("raw_blocks"), QStringLiteral("1"));
    const qint64 rollupsBefore = countWhere(QStringLiteral("rollups"), QStringLiteral("1"));
    ASSERT_GT(rawBefore, rawKept);
    ASSERT_GT(rollupsBefore, rollupsKept);
    const QByteArray keptBlocks = scalar(path, QStringLiteral(
        "SELECT group_concat(hex(data)) FROM (SELECT data FROM raw_blocks WHERE minute >= %1"
        " ORDER BY minute, user_key)").arg(rawCutoff)).toByteArray();

    FakeClock clock;
    clock.now = now;
    HistoryWriter writer(path, 3'600'000);
    HistoryRetention retention;
    retention.rawMs = rawKeep;
    retention.rollupMs = rollupKeep;
    retention.batchRows = 7; // many small transactions
    writer.setRetention(retention);
    writer.setClock(&clock);
    ASSERT_TRUE(writer.open());
    EXPECT_EQ(writer.enforceRetention(), (rawBefore - rawKept) + (rollupsBefore - rollupsKept));

    EXPECT_EQ(countWhere(QStringLiteral("raw_blocks"), QStringLiteral("1")), rawKept);
    EXPECT_EQ(countWhere(QStringLiteral("raw_blocks"), QStringLiteral("minute < %1").arg(rawCutoff)), 0);
    EXPECT_EQ(countWhere(QStringLiteral("rollups"), QStringLiteral("1")), rollupsKept);
    EXPECT_EQ(countWhere(QStringLiteral("rollups"), QStringLiteral("minute < %1").arg(rollupCutoff)), 0);
    // What stays is untouched, byte for byte.
    EXPECT_EQ(scalar(path, QStringLiteral(
        "SELECT group_concat(hex(data)) FROM (SELECT data FROM raw_blocks ORDER BY minute, user_key)"))
                  .toByteArray(),
              keptBlocks);
    // Nothing more to do.
    EXPECT_EQ(writer.enforceRetention(), 0);

    // A sample older than the raw retention is rolled up but not kept raw.
    writer.writeBatch(makeBatch({test::makeSample(QStringLiteral("m"), QStringLiteral("late"),
                                                  now - rawKeep - 120'000)}));
    ASSERT_TRUE(writer.flush());
    EXPECT_EQ(countWhere(QStringLiteral("raw_blocks"), QStringLiteral("1")), rawKept);
    EXPECT_EQ(countWhere(QStringLiteral("rollups"), QStringLiteral("1")), rollupsKept + 1);
    // The policy is in the database for readers.
    EXPECT_EQ(scalar(path, QStringLiteral("SELECT value FROM meta WHERE key = 'raw_retention_ms'")).toLongLong(),
              rawKeep);
}

TEST(HistoryRetention, RunsByItselfOnTheWriterThread)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        HistoryWriter writer(path, 3'600'000);
        writer.setRetention(test::keepAll());
        ASSERT_TRUE(writer.open());
        std::vector<Sample> samples;
        for (int i = 0; i < 500; ++i) // 500 minutes, two days ago
            samples.push_back(test::makeSample(QStringLiteral("m"), QStringLiteral("old"),
                                               now - 2 * 86'400'000LL + i * 60'000LL));
        samples.push_back(test::makeSample(QStringLiteral("m"), QStringLiteral("new"), now - 60'000));
        writer.writeBatch(makeBatch(samples));
        ASSERT_TRUE(writer.flush());
    }
    ASSERT_EQ(test::storedSampleCount(path), 501);

    HistoryWriterThread thread(path);
    HistoryRetention retention; // the defaults: raw 24 h, rollups 90 days
    retention.batchRows = 50;
    thread.writer()->setRetention(retention);
    QSignalSpy applied(thread.writer(), &HistoryWriter::retentionApplied);
    QSignalSpy failed(thread.writer(), &HistoryWriter::failed);
    ASSERT_TRUE(thread.start());
    // The pass at start-up, in batches between which writes still commit.
    ASSERT_TRUE(QTest::qWaitFor([&] { return !applied.isEmpty() || !failed.isEmpty(); }, 20'000));
    ASSERT_TRUE(failed.isEmpty()) << failed.at(0).at(0).toString().toStdString();
    ASSERT_EQ(applied.size(), 1);
    EXPECT_EQ(applied.at(0).at(0).toLongLong(), 500); // raw blocks
    EXPECT_EQ(applied.at(0).at(1).toLongLong(), 0);   // rollups are kept 90 days
    thread.stop();
    const auto left = test::storedSamples(path);
    ASSERT_EQ(left.size(), 1u);
    EXPECT_EQ(left[0].userId, QStringLiteral("new"));
    EXPECT_EQ(scalar(path, QStringLiteral("SELECT sum(samples) FROM rollups")).toLongLong(), 501);
}
