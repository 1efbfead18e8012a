#pragma once

#include "history/sampleexporter.h"

#include <QByteArray>
#include <QString>

class QIODevice;

namespace mm {

class HistoryDatabase;

// Writes the history's alert incidents as CSV, one row per incident, oldest
// start first (ties by run, then incident id):
//   started,fired,resolved,meeting_id,user_id,type,severity,source,peak,message
// Times are ISO-8601 UTC with milliseconds; fired is empty for one that
// never fired, resolved is empty while it is open (pending or firing) and
// otherwise the time it resolved, ended or was cancelled; user_id is empty
// for meeting- and gateway-level incidents; peak is empty when the type has
// no value or none was known. Every text cell goes through CsvWriter's
// neutralisation (ids, types and messages come from the network).
// ExportFilter's from/to apply to `started` ([from, to)), meetingId and
// userId to the incident's. A history without the incidents table (schema
// 2, read-only) has none: just the header.
class IncidentExporter final
{
public:
    explicit IncidentExporter(HistoryDatabase &db);

    bool writeCsv(const ExportFilter &filter, QIODevice &device);

    // Progress and cancellation for the next writeCsv() (none by default).
    void setControl(ExportControl control) { m_control = std::move(control); }
    bool wasCancelled() const { return m_cancelled; }

    qint64 rowsWritten() const { return m_rows; }
    QString errorString() const { return m_error; }

    static QByteArray csvHeader(); // without the line break

private:
    HistoryDatabase &m_db;
    qint64 m_rows = 0;
    QString m_error;
    ExportControl m_control;
    bool m_cancelled = false;
};

} // namespace mm
