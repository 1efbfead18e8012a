#include "historyrangereader.h"

#include "historydatabase.h"
#include "minuterollup.h"
#include "rawblock.h"
#include "rolluptable.h"

#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace mm {

namespace {

struct UserRef
{
    QString meetingId;
    QString userId;
    QString username;
};

Sample identified(Sample sample, const UserRef &user)
{
    sample.meetingId = user.meetingId;
    sample.userId = user.userId;
    sample.username = user.username;
    return sample;
}

} // namespace

HistoryRangeReader::HistoryRangeReader(QString databasePath)
    : m_path(std::move(databasePath))
{
}

HistoryRangeReader::~HistoryRangeReader() = default;

bool HistoryRangeReader::read(qint64 fromMs, qint64 toMs, const SampleSink &sink, QString *error)
{
    m_stats = {};
    if (toMs <= fromMs)
        return true;
    const auto db = HistoryDatabase::opened(m_path, HistoryDatabase::Mode::ReadOnly, error);
    if (!db)
        return false;

    QHash<qint64, UserRef> users;
    {
        QSqlQuery query(db->database());
        query.setForwardOnly(true);
        if (!query.exec(QStringLiteral(
                "SELECT user_key, meeting_id, user_id, coalesce(username, '') FROM users"))) {
            *error = query.lastError().text();
            return false;
        }
        while (query.next()) {
            users.insert(query.value(0).toLongLong(),
                         {query.value(1).toString(), query.value(2).toString(),
                          query.value(3).toString()});
        }
    }

    QSqlQuery raw(db->database());
    raw.setForwardOnly(true);
    QSqlQuery rollups(db->database());
    rollups.setForwardOnly(true);
    if (!raw.prepare(QStringLiteral("SELECT minute, user_key, data FROM raw_blocks"
                                    " WHERE minute >= ? AND minute < ?"))
        || !rollups.prepare(QStringLiteral("SELECT minute, user_key, ")
                            + rolluptable::valueColumns()
                            + QStringLiteral(" FROM rollups WHERE minute >= ? AND minute < ?"))) {
        *error = raw.lastError().isValid() ? raw.lastError().text() : rollups.lastError().text();
        return false;
    }

    const qint64 firstMinute = rolluptable::minuteOf(fromMs);
    const qint64 endMinute = rolluptable::minuteOf(toMs - 1) + 1;
    SampleBatch chunk;
    SampleBatch sorted;
    std::vector<std::pair<qint64, size_t>> order;
    QSet<std::pair<qint64, qint64>> hasRaw; // (minute, user key) decoded from raw
    for (qint64 minute = firstMinute; minute < endMinute; minute += ChunkMinutes) {
        const qint64 chunkEnd = std::min(endMinute, minute + ChunkMinutes);
        chunk.clear();
        hasRaw.clear();

        raw.addBindValue(minute);
        raw.addBindValue(chunkEnd);
        if (!raw.exec()) {
            *error = raw.lastError().text();
            return false;
        }
        while (raw.next()) {
            const qint64 m = raw.value(0).toLongLong();
            const auto user = users.constFind(raw.value(1).toLongLong());
            if (user == users.cend())
                continue;
            const auto points
                = decodeRawBlock(raw.value(2).toByteArray(), rolluptable::minuteStartMs(m));
            if (!points)
                continue; // corrupt: the rollup below stands in for it
            hasRaw.insert({m, user.key()});
            ++m_stats.rawUserMinutes;
            for (const RawPoint &point : *points) {
                if (point.timeMs < fromMs || point.timeMs >= toMs)
                    continue;
                chunk.push_back(identified(sampleOf(point), *user));
            }
        }
        raw.finish();

        rollups.addBindValue(minute);
        rollups.addBindValue(chunkEnd);
        if (!rollups.exec()) {
            *error = rollups.lastError().text();
            return false;
        }
        while (rollups.next()) {
            const qint64 m = rollups.value(0).toLongLong();
            const qint64 key = rollups.value(1).toLongLong();
            if (hasRaw.contains({m, key}))
                continue;
            const auto user = users.constFind(key);
            if (user == users.cend())
                continue;
            const auto rollup = rolluptable::read(rollups, 2, m);
            if (!rollup)
                continue; // an invalid row is a gap, as in the charts
            ++m_stats.rollupUserMinutes;
            const qint64 start = rolluptable::minuteStartMs(m);
            const qint64 seconds = std::min<qint64>(rollup->sampleCount(), 60);
            const auto mean = [&](RollupMetric metric) -> Metric {
                return rollup->metric(metric).mean();
            };
            Sample model = identified(Sample(), *user);
            model.receivedMs = start;
            model.uploadKbps = mean(RollupMetric::Upload);
            model.downloadKbps = mean(RollupMetric::Download);
            model.latencyMs = mean(RollupMetric::Latency);
            model.jitterMs = mean(RollupMetric::Jitter);
            model.packetLossPct = mean(RollupMetric::PacketLoss);
            model.quality = rollup->dominantLevel();
            for (qint64 s = 0; s < seconds; ++s) {
                const qint64 t = start + s * 1000;
                if (t < fromMs || t >= toMs)
                    continue;
                Sample sample = model;
                sample.receivedMs = t;
                chunk.push_back(std::move(sample));
                ++m_stats.rollupSamples;
            }
        }
        rollups.finish();

        // Time order through (time, index) keys: moving whole samples
        // around in a sort cost a third of the preview.
        order.clear();
        order.reserve(chunk.size());
        for (size_t i = 0; i < chunk.size(); ++i)
            order.emplace_back(chunk[i].receivedMs, i);
        std::sort(order.begin(), order.end());
        sorted.clear();
        sorted.reserve(chunk.size());
        for (const auto &[time, index] : order)
            sorted.push_back(std::move(chunk[index]));
        if (!sorted.empty() && !sink(sorted))
            return false;
    }
    return true;
}

SampleSource historySampleSource(const QString &databasePath,
                                 std::shared_ptr<HistoryRangeStats> stats)
{
    return [databasePath, stats](qint64 fromMs, qint64 toMs, const SampleSink &sink,
                                 QString *error) {
        HistoryRangeReader reader(databasePath);
        const bool ok = reader.read(fromMs, toMs, sink, error);
        if (stats)
            *stats = reader.stats();
        return ok;
    };
}

} // namespace mm
