#pragma once

#include "history/sampleexporter.h"

#include <QByteArray>
#include <QString>

class QIODevice;

namespace mm {

class HistoryDatabase;

enum class RollupResolution { Minute, Hour };

// Streams per-user rollups as CSV, one row per user and period (a minute,
// or an hour merged from its minutes), in time order, then meeting id and
// user id:
//   time,meeting_id,user_id,samples,upload_kbps_mean,upload_kbps_max,
//   download_kbps_mean,download_kbps_max,latency_ms_mean,latency_ms_max,
//   latency_ms_p95,packet_loss_pct_mean,packet_loss_pct_max,jitter_ms_mean,
//   seconds_excellent,seconds_good,seconds_fair,seconds_poor,seconds_unknown
// time is the period's start (ISO-8601 UTC). Means count known values only;
// a period with no known value of a metric leaves its cells empty. p95 comes
// from the merged latency histogram (within 4 %). The filter's range keeps
// the minutes that start in [from, to).
class RollupExporter final
{
public:
    explicit RollupExporter(HistoryDatabase &db);

    bool writeCsv(const ExportFilter &filter, RollupResolution resolution, QIODevice &device);

    // Progress and cancellation for the next writeCsv() (none by default).
    void setControl(ExportControl control) { m_control = std::move(control); }
    bool wasCancelled() const { return m_outcome.cancelled; }

    qint64 rowsWritten() const { return m_outcome.rows; }
    QString errorString() const { return m_outcome.error; }

    static QByteArray csvHeader(); // without the line break

private:
    HistoryDatabase &m_db;
    ExportControl m_control;
    ExportOutcome m_outcome;
};

} // namespace mm
