#pragma once

#include "alerts/incident.h"

#include <QByteArray>
#include <QString>

class QSqlQuery;

// The history's incidents table (schema version 3): one row per alert
// incident of one recorder run, upserted whenever the engine reports a
// change, so the row always holds the incident's latest snapshot.
//
//   incidents(run_id INTEGER, incident_id INTEGER,
//             meeting_id TEXT, user_id TEXT,     ('' for meeting/gateway level)
//             meeting_name TEXT, username TEXT,  (NULL when unknown)
//             type TEXT, severity TEXT, state TEXT, source TEXT,
//             started_ms INTEGER, fired_ms INTEGER NULL, resolved_ms INTEGER NULL,
//             reopen_count INTEGER, peak REAL NULL, message TEXT,
//             timeline TEXT, updated_ms INTEGER,
//             PRIMARY KEY(run_id, incident_id))
//   index incidents_by_start(started_ms): exports filter on the start time.
//
// timeline is JSON: {"pending": ms, "fired": ms|null, "resolved": ms|null,
// "ended": ms|null, "cancelled": ms|null, "reopenCount": n, "peak": v|null,
// "acknowledgements": [{"at": ms, "by": text, "note": text}, ...]}.
// "resolved"/"ended"/"cancelled" are the close time under the state's name
// (at most one is set). Times are ms since the epoch, UTC.
//
// Cancelled incidents (pending, never fired) stay as rows on purpose
// (reviewed for issue 4): the export's contract has an empty `fired` for
// exactly these, and they are the near misses an admin tunes the rules
// with (how often a rule almost fired; what a shorter hold would have
// raised, which the rules preview then confirms). They never notified and
// the export says so; deleting them would hide that the condition was seen.
namespace mm::incidenttable {

QString createTableSql();
QString createIndexSql();
// INSERT ... ON CONFLICT(run_id, incident_id) DO UPDATE, 18 positional
// parameters in the order of bind().
QString upsertSql();
void bind(QSqlQuery &query, qint64 runId, const Incident &incident, qint64 updatedMs);
QByteArray timelineJson(const Incident &incident);

} // namespace mm::incidenttable
