#pragma once

#include "history/minuterollup.h"

#include <QString>
#include <QVariantList>
#include <array>
#include <optional>

class QSqlQuery;
struct sqlite3_stmt;

namespace mm {

// The rollups table's value columns and their conversion to and from a
// MinuteRollup (one row per user and UTC minute, keyed by (minute, user_key)
// where minute = ms since the epoch / 60,000):
//   samples,
//   <m>_n, <m>_min, <m>_max, <m>_sum   for m in up, down, latency, jitter, loss
//                                      (min/max/sum NULL when n = 0; mean = sum / n,
//                                      kept as a sum so that merging stays exact)
//   s_unknown, s_excellent, s_good, s_fair, s_poor   seconds per level
//   latency_hist                       MinuteLatencyHistogram::toBytes()
namespace rolluptable {

inline constexpr int kValueColumnCount = 1 + 4 * kRollupMetricCount + 5 + 1;

// "samples, up_n, ..., latency_hist", for SELECT and INSERT lists.
QString valueColumns(const QString &prefix = QString());
// "samples INTEGER NOT NULL, ...", for CREATE TABLE.
QString valueColumnDefinitions();

// Epoch minute of a time, and back (floor, also before 1970).
qint64 minuteOf(qint64 ms);
inline qint64 minuteStartMs(qint64 minute) { return minute * MinuteRollup::kMinuteMs; }

// Column-wise values for QSqlQuery::execBatch: append one rollup.
struct BatchColumns
{
    std::array<QVariantList, kValueColumnCount> columns;
    void append(const MinuteRollup &rollup);
    void clear();
    qsizetype size() const { return columns[0].size(); }
};

// Binds the value columns, in valueColumns() order, to the parameters
// firstParameter.. (1-based, as SQLite counts) of a statement prepared
// through the SQLite C API: the writer's per-commit upsert, where a
// QVariant per value cost more than the database work. SQLITE_OK or the
// first error code.
int bind(sqlite3_stmt *statement, int firstParameter, const MinuteRollup &rollup);

// Reads the value columns starting at `firstColumn` of the current row.
// nullopt for a row that does not make a valid rollup.
std::optional<MinuteRollup> read(const QSqlQuery &query, int firstColumn, qint64 minute);

} // namespace rolluptable

} // namespace mm
