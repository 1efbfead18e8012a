#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>
#include <optional>
#include <utility>

class QIODevice;
class QSqlQuery;

namespace mm {

class CsvWriter;
class HistoryDatabase;
struct HistoryUser;

struct ExportFilter
{
    std::optional<qint64> fromMs; // inclusive, receive time, ms since epoch UTC
    std::optional<qint64> toMs;   // exclusive
    QString meetingId;            // empty: every meeting
    QString userId;               // empty: every user
};

// Progress and cancellation of a long export (the window's export dialog
// runs one on a worker thread). Both parts are optional.
struct ExportControl
{
    // 0 to 100 as the export goes, called on the exporting thread, only
    // when the value changes; 100 once the last row is written.
    std::function<void(int percent)> progress;
    // Set (from any thread) to stop: the export then returns false with
    // wasCancelled() true. The caller discards the output (QSaveFile's
    // cancelWriting), so a cancelled export leaves no file.
    const std::atomic<bool> *cancel = nullptr;

    bool isCancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

// Turns a position in [first, last] (a minute, a time) into ExportControl
// percentages; shared by the exporters.
class ExportProgressMeter final
{
public:
    ExportProgressMeter(const ExportControl &control, qint64 first, qint64 last);
    // Over the minutes `table` holds in [fromMinute, toMinute)
    // (exportMinuteSpan(), looked up only when progress is wanted).
    ExportProgressMeter(const ExportControl &control, HistoryDatabase &db, const QString &table,
                        std::optional<qint64> fromMinute, std::optional<qint64> toMinute);
    // Reports `position`; false when the export was cancelled.
    bool at(qint64 position);
    void done();
    bool isCancelled() const { return m_control.isCancelled(); }

private:
    void report(int percent);

    const ExportControl &m_control;
    qint64 m_first = 0;
    qint64 m_last = 0;
    int m_percent = -1;
};

// What one export left: rows written, why it failed, whether it was cancelled.
struct ExportOutcome
{
    qint64 rows = 0;
    QString error;
    bool cancelled = false;

    // Sets the error; false, for `return outcome.fail(why);`.
    bool fail(const QString &why)
    {
        error = why;
        return false;
    }
};

// The loop the sample and rollup exporters share: a query ordered by minute
// (column 0) is read row by row in groups (a minute, an hour), and each
// group is written out when the next one starts, so that one group at a
// time is held in memory. Progress and cancellation go through the meter.
class GroupedCsvExport final
{
public:
    GroupedCsvExport(CsvWriter &csv, QIODevice &device, ExportProgressMeter &meter,
                     ExportOutcome &outcome);

    // Reads `query` to its end: each row's minute goes to the meter,
    // groupOf(minute) names its group, flush(group) writes a finished group
    // out, take(minute) takes the current row in. After the last row:
    // flushes the last group, checks the writer, reports 100 %. False when a
    // step failed (the outcome's error set, by the step itself for take and
    // flush) or the export was cancelled (the outcome says so).
    bool run(QSqlQuery &query, const std::function<qint64(qint64 minute)> &groupOf,
             const std::function<bool(qint64 minute)> &take,
             const std::function<bool(qint64 group)> &flush);
    // Ends a data row and counts it; false (the error set) when the device
    // refused it.
    bool endRow();

private:
    bool cancelled();

    CsvWriter &m_csv;
    QIODevice &m_device;
    ExportProgressMeter &m_meter;
    ExportOutcome &m_outcome;
};

// " AND user_key IN (...)" with the keys of `users` when the filter names a
// meeting or a user (they are then the ones it allows), else nothing.
QString exportUserKeyClause(const ExportFilter &filter, const QHash<qint64, HistoryUser> &users);

// The first and last minute that `table` ("raw_blocks" or "rollups") holds
// in [fromMinute, toMinute) (either bound optional): what an exporter's
// progress meter runs over. {0, 0} when there is none.
std::pair<qint64, qint64> exportMinuteSpan(HistoryDatabase &db, const QString &table,
                                           std::optional<qint64> fromMinute,
                                           std::optional<qint64> toMinute);

// Streams raw samples from a history as CSV, one row per sample, in receive
// time order (ties by meeting id, then user id, then arrival), holding one
// minute of samples in memory at a time:
//   time,meeting_id,user_id,username,upload_kbps,download_kbps,latency_ms,
//   packet_loss_pct,jitter_ms,quality
// time is the receive time in ISO-8601 UTC with milliseconds; an unknown
// value is an empty cell; numbers are written as received (shortest
// round-trip); quality is the lower-case level name. The username is the
// latest one the history holds for that user.
class SampleExporter final
{
public:
    explicit SampleExporter(HistoryDatabase &db);

    bool writeCsv(const ExportFilter &filter, QIODevice &device);
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

// An ISO-8601 date-time ("2026-11-24T10:15:03.123Z", "...+02:00", or a bare
// date "2026-11-24" meaning midnight); without an offset it is UTC.
std::optional<qint64> parseIsoTimeMs(const QString &text);

// Why a write to `device` failed, for messages (shared with RollupExporter).
QString exportWriteError(const QIODevice &device);

// `meeting-monitor export [options]`: `arguments` are the options after the
// word "export". Writes the CSV to --out (atomically, through QSaveFile) or
// to `out`; messages go to `err`. Returns the process exit code: 0 success,
// 1 runtime error (missing or unreadable history, write failure), 2 usage
// error (unknown option, bad date, bad format).
int runExportCommand(const QStringList &arguments, QIODevice &out, QIODevice &err);

} // namespace mm
