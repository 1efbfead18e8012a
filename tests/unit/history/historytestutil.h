#pragma once

#include "core/sample.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
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

} // namespace mm::test
