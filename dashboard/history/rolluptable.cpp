#include "rolluptable.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariant>
#include <sqlite3.h>

namespace mm::rolluptable {

namespace {

const char *const MetricNames[kRollupMetricCount] = {"up", "down", "latency", "jitter", "loss"};
// Seconds columns in Quality's order (Unknown = 0 ... Poor = 4).
const char *const LevelColumns[5] = {"s_unknown", "s_excellent", "s_good", "s_fair", "s_poor"};

QVariant nullableDouble(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<double>());
}

} // namespace

QString valueColumns(const QString &prefix)
{
    QStringList names{prefix + QStringLiteral("samples")};
    for (const char *metric : MetricNames) {
        for (const char *part : {"_n", "_min", "_max", "_sum"})
            names << prefix + QString::fromLatin1(metric) + QString::fromLatin1(part);
    }
    for (const char *level : LevelColumns)
        names << prefix + QString::fromLatin1(level);
    names << prefix + QStringLiteral("latency_hist");
    return names.join(QStringLiteral(", "));
}

QString valueColumnDefinitions()
{
    QStringList columns{QStringLiteral("samples INTEGER NOT NULL")};
    for (const char *metric : MetricNames) {
        const QString m = QString::fromLatin1(metric);
        columns << m + QStringLiteral("_n INTEGER NOT NULL") << m + QStringLiteral("_min REAL")
                << m + QStringLiteral("_max REAL") << m + QStringLiteral("_sum REAL");
    }
    for (const char *level : LevelColumns)
        columns << QString::fromLatin1(level) + QStringLiteral(" INTEGER NOT NULL");
    columns << QStringLiteral("latency_hist BLOB NOT NULL");
    return columns.join(QStringLiteral(", "));
}

qint64 minuteOf(qint64 ms)
{
    return MinuteRollup::minuteStartMs(ms) / MinuteRollup::kMinuteMs;
}

void BatchColumns::append(const MinuteRollup &rollup)
{
    int c = 0;
    columns[size_t(c++)].append(rollup.sampleCount());
    for (int m = 0; m < kRollupMetricCount; ++m) {
        const MinuteRollup::Summary &summary = rollup.metric(RollupMetric(m));
        columns[size_t(c++)].append(summary.knownCount());
        columns[size_t(c++)].append(nullableDouble(summary.min()));
        columns[size_t(c++)].append(nullableDouble(summary.max()));
        columns[size_t(c++)].append(summary.knownCount() > 0
                                        ? QVariant(summary.sum())
                                        : QVariant(QMetaType::fromType<double>()));
    }
    for (int level = 0; level < 5; ++level)
        columns[size_t(c++)].append(rollup.secondsIn(Quality(level)));
    columns[size_t(c++)].append(rollup.latencyHistogram().toBytes());
}

int bind(sqlite3_stmt *statement, int firstParameter, const MinuteRollup &rollup)
{
    int p = firstParameter;
    int rc = sqlite3_bind_int64(statement, p++, rollup.sampleCount());
    auto bindOptional = [&](const std::optional<double> &value) {
        if (rc == SQLITE_OK)
            rc = value ? sqlite3_bind_double(statement, p, *value) : sqlite3_bind_null(statement, p);
        ++p;
    };
    for (int m = 0; m < kRollupMetricCount && rc == SQLITE_OK; ++m) {
        const MinuteRollup::Summary &summary = rollup.metric(RollupMetric(m));
        rc = sqlite3_bind_int64(statement, p++, summary.knownCount());
        bindOptional(summary.min());
        bindOptional(summary.max());
        // No known value, no sum (as BatchColumns: NULL, never 0).
        bindOptional(summary.knownCount() > 0 ? std::optional<double>(summary.sum()) : std::nullopt);
    }
    for (int level = 0; level < 5 && rc == SQLITE_OK; ++level)
        rc = sqlite3_bind_int64(statement, p++, rollup.secondsIn(Quality(level)));
    if (rc == SQLITE_OK) {
        const QByteArray histogram = rollup.latencyHistogram().toBytes();
        rc = sqlite3_bind_blob64(statement, p++, histogram.constData(), sqlite3_uint64(histogram.size()),
                                 SQLITE_TRANSIENT);
    }
    return rc;
}

void BatchColumns::clear()
{
    for (QVariantList &column : columns)
        column.clear();
}

std::optional<MinuteRollup> read(const QSqlQuery &query, int firstColumn, qint64 minute)
{
    int c = firstColumn;
    bool ok = true;
    const qint64 samples = query.value(c++).toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    std::array<MinuteRollup::Summary, kRollupMetricCount> metrics;
    for (auto &summary : metrics) {
        const qint64 known = query.value(c++).toLongLong(&ok);
        if (!ok)
            return std::nullopt;
        const QVariant min = query.value(c++);
        const QVariant max = query.value(c++);
        const QVariant sum = query.value(c++);
        if (known > 0) {
            if (min.isNull() || max.isNull() || sum.isNull())
                return std::nullopt;
            summary = MinuteRollup::Summary::restore(known, min.toDouble(), max.toDouble(),
                                                     sum.toDouble());
        } else if (known < 0) {
            return std::nullopt;
        }
    }
    std::array<qint64, 5> seconds{};
    for (qint64 &s : seconds) {
        s = query.value(c++).toLongLong(&ok);
        if (!ok)
            return std::nullopt;
    }
    const auto histogram = MinuteLatencyHistogram::fromBytes(query.value(c++).toByteArray());
    if (!histogram)
        return std::nullopt;
    const qint64 start = minuteStartMs(minute);
    return MinuteRollup::restore(start, start + MinuteRollup::kMinuteMs, samples, metrics, seconds,
                                 *histogram);
}

} // namespace mm::rolluptable
