#pragma once

#include "report/weeklyreport.h"

#include <QByteArray>
#include <QString>
#include <atomic>
#include <functional>

class QIODevice;

namespace mm {

enum class ReportFormat { Pdf, Csv };

// Draws the report as PDF into `device`. The PDF needs the chart code
// (charts/, Qt Charts and Widgets), which this library must not link: the
// application injects it (widgets/main.cpp passes renderWeeklyReportPdf).
// Runs in the GUI thread. Returns false with *error on failure or when
// *cancel became true.
using WeeklyReportPdfRenderer = std::function<bool(const WeeklyReport &report, QIODevice &device,
                                                   const std::atomic<bool> *cancel, QString *error)>;

// Writes and saves the weekly report. CSV: one row per meeting,
//   meeting_id,meeting_name,first_seen,last_seen,participants,
//   participant_minutes,share_excellent,share_good,share_fair,share_poor,
//   share_unknown,latency_ms_p50,latency_ms_p95,packet_loss_pct_mean,
//   incidents_warning,incidents_critical
// first_seen/last_seen are ISO-8601 UTC (minute bounds); shares are
// fractions (0 to 1) of the meeting's participant-time; an unknown value is
// an empty cell; ids and names go through CsvWriter's neutralisation.
class WeeklyReportWriter final
{
public:
    static QByteArray csvHeader(); // without the line break
    static bool writeCsv(const WeeklyReport &report, QIODevice &device, QString *error);

    // "meeting-quality-2026-W47.pdf" / ".csv".
    static QString fileName(const IsoWeek &week, ReportFormat format);

    // Renders into memory, then writes `path` through QSaveFile: a failed
    // or cancelled save leaves no file, and an existing one untouched.
    // A PDF without a renderer fails.
    static bool save(const WeeklyReport &report, ReportFormat format, const QString &path,
                     const WeeklyReportPdfRenderer &pdfRenderer, const std::atomic<bool> *cancel,
                     QString *error);
};

} // namespace mm
