#pragma once

#include "core/sample.h"
#include "history/historywriter.h"
#include "history/rawblock.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <algorithm>
#include <vector>
#include <gtest/gtest.h>

namespace mm::test {

inline Sample makeSample(const QString &meeting, const QString &user, qint64 receivedMs,
                         Metric up = 100.0, Metric down = 200.0, Metric latency = 50.0,
                         Metric loss = 0.5, Metric jitter = 3.0,
                         Quality quality = Quality::Excellent)
{
    Sample s;
    s.meetingId = meeting;
    s.userId = user;
    s.username = QStringLiteral("name of ") + user;
    s.receivedMs = receivedMs;
    s.uploadKbps = up;
    s.downloadKbps = down;
    s.latencyMs = latency;
    s.packetLossPct = loss;
    s.jitterMs = jitter;
    s.quality = quality;
    return s;
}

inline SampleBatchPtr makeBatch(std::vector<Sample> samples)
{
    return std::make_shared<const SampleBatch>(std::move(samples));
}

// A scalar from an independent connection (not the code under test's).
inline QVariant scalar(const QString &path, const QString &sql)
{
    const QString name = QStringLiteral("scalar-probe");
    QVariant result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        EXPECT_TRUE(db.open());
        QSqlQuery query(db);
        EXPECT_TRUE(query.exec(sql)) << sql.toStdString();
        if (query.next())
            result = query.value(0);
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

// Retention that keeps everything: for tests whose samples are old (1970)
// or dated (a fixed day) and must stay whatever today is.
inline HistoryRetention keepAll()
{
    HistoryRetention retention;
    retention.rawMs = 0;
    retention.rollupMs = 0;
    retention.enforce = false;
    return retention;
}

// One stored raw sample, read back through the block codec.
struct StoredSample
{
    QString meetingId;
    QString userId;
    QString username;
    RawPoint point;
};

// Every raw sample of the history at `path`, by (time, meeting, user) and
// arrival order within a block, from an independent read-only connection.
inline std::vector<StoredSample> storedSamples(const QString &path)
{
    const QString name = QStringLiteral("stored-samples-probe");
    std::vector<StoredSample> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        EXPECT_TRUE(db.open());
        QSqlQuery query(db);
        EXPECT_TRUE(query.exec(QStringLiteral(
            "SELECT b.minute, b.data, u.meeting_id, u.user_id, u.username FROM raw_blocks b"
            " JOIN users u USING(user_key) ORDER BY b.minute, b.user_key")));
        while (query.next()) {
            const qint64 minute = query.value(0).toLongLong();
            const auto points = decodeRawBlock(query.value(1).toByteArray(), minute * 60'000);
            EXPECT_TRUE(points.has_value()) << "corrupt block";
            if (!points)
                continue;
            for (const RawPoint &point : *points)
                result.push_back({query.value(2).toString(), query.value(3).toString(),
                                  query.value(4).toString(), point});
        }
    }
    QSqlDatabase::removeDatabase(name);
    std::stable_sort(result.begin(), result.end(), [](const StoredSample &a, const StoredSample &b) {
        if (a.point.timeMs != b.point.timeMs)
            return a.point.timeMs < b.point.timeMs;
        if (a.meetingId != b.meetingId)
            return a.meetingId < b.meetingId;
        return a.userId < b.userId;
    });
    return result;
}

inline qint64 storedSampleCount(const QString &path)
{
    return qint64(storedSamples(path).size());
}

} // namespace mm::test
