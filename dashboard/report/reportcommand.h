#pragma once

#include "report/weeklyreportwriter.h"

#include <QStringList>

class QIODevice;

namespace mm {

// `meeting-monitor report --db FILE --week 2026-W47 [--tz ZONE]
// --format pdf|csv --out FILE [--gateway NAME]`: the weekly quality report
// of a history. `arguments` are the options after the word "report".
// Returns 0 on success, 1 on a runtime error (history, writing), 2 on a
// usage error (bad week, unknown zone, missing option). A PDF needs
// `pdfRenderer` (the application passes the charts' renderer).
int runReportCommand(const QStringList &arguments, QIODevice &out, QIODevice &err,
                     const WeeklyReportPdfRenderer &pdfRenderer);

} // namespace mm
