#pragma once

#include "history/sampleexporter.h"
#include "report/weeklyreport.h"

#include <QByteArray>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>

class QIODevice;

namespace mm {

class HistoryDatabase;

// What the export dialog can write.
enum class ExportKind { Samples, RollupsMinute, RollupsHour, Incidents, WeeklyReport };
enum class ExportFormat { Csv, Pdf };

struct ExportJob
{
    ExportKind kind = ExportKind::Samples;
    ExportFormat format = ExportFormat::Csv; // PDF only for the weekly report
    QString databasePath;
    QString outputPath;
    ExportFilter filter; // range and scope; not used by the weekly report
    // The weekly report's week and time zone (an IANA id; empty: the system's).
    QString week; // "2026-W47"
    QByteArray timeZoneId;
    QString gateway; // for the report's header, plain text
};

struct ExportResult
{
    bool ok = false;
    bool cancelled = false;
    qint64 rows = -1; // rows written, -1 when not counted (the report)
    QString error;    // why it failed (plain text)
    // A weekly report built for a PDF: the PDF is drawn with the window's
    // chart code, which runs in the GUI thread (drawWeeklyReportPdf()).
    std::shared_ptr<const WeeklyReport> reportToDraw;
};

// Runs one export on whatever thread it lives in: opens its own read-only
// connection to the history (SQLite connections belong to their thread),
// writes through QSaveFile and commits only a complete file, so a failed or
// cancelled export leaves no file and an existing one untouched.
class ExportWorker final : public QObject
{
    Q_OBJECT
public:
    explicit ExportWorker(const std::atomic<bool> &cancel, QObject *parent = nullptr);

    // Runs `job` and emits finished(); progressed() as it goes.
    void run(const mm::ExportJob &job);

    // The same, synchronously (the worker's body; tests and tools).
    static ExportResult runJob(const ExportJob &job, const ExportControl &control);

signals:
    void progressed(int percent);
    void finished(const mm::ExportResult &result);

private:
    const std::atomic<bool> &m_cancel;
};

// The two places the dialog reaches the report code (dashboard/report and
// its PDF renderer in charts/). On the worker: builds the job's week; a CSV
// is saved right away, a PDF build comes back in reportToDraw.
ExportResult buildWeeklyReportExport(const ExportJob &job, HistoryDatabase &db,
                                     const ExportControl &control);
// In the GUI thread: draws a built report as PDF to `path` (QSaveFile).
bool drawWeeklyReportPdf(const WeeklyReport &report, const QString &path,
                         const std::atomic<bool> *cancel, QString *error);

} // namespace mm

Q_DECLARE_METATYPE(mm::ExportResult)
