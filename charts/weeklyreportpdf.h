#pragma once

#include "report/weeklyreport.h"

#include <QCoreApplication>
#include <QString>
#include <atomic>

class QIODevice;

namespace mm {

// Draws a WeeklyReport as an A4 PDF (QPdfWriter): a header (gateway,
// period, time zone, generation time), the summary with its changes
// against the previous week, a per-day stacked quality chart and a p95
// latency chart (TimePlot, the window's chart code, drawn as vectors), the
// worst meetings and users, and the incidents; a table of contents page
// when the report is longer than two pages. All text is drawn with
// QPainter::drawText, so it is selectable, and names from clients are
// only ever plain text (no markup is interpreted, nothing is loaded).
//
// Needs a QApplication (Qt Charts are widgets) and runs in its thread; the
// charts are rendered from never-shown widgets (WA_DontShowOnScreen).
class WeeklyReportPdf final
{
    Q_DECLARE_TR_FUNCTIONS(mm::WeeklyReportPdf)
public:
    // Matches WeeklyReportPdfRenderer. False with *error when there is no
    // QApplication, or when *cancel became true (checked between sections).
    static bool render(const WeeklyReport &report, QIODevice &device,
                       const std::atomic<bool> *cancel, QString *error);

    // Pages of the last render() in this thread (for tests and the bench).
    static int lastPageCount();
};

} // namespace mm
