#include "exportworker.h"

#include "history/historydatabase.h"
#include "history/incidentexporter.h"
#include "history/rollupexporter.h"
#include "report/weeklyreportbuilder.h"
#include "report/weeklyreportwriter.h"
#include "weeklyreportpdf.h"

#include <QCoreApplication>
#include <QDir>
#include <QDateTime>
#include <QSaveFile>
#include <QTimeZone>
#include <algorithm>

namespace mm {

ExportWorker::ExportWorker(const std::atomic<bool> &cancel, QObject *parent)
    : QObject(parent)
    , m_cancel(cancel)
{
}

void ExportWorker::run(const ExportJob &job)
{
    ExportControl control;
    control.cancel = &m_cancel;
    control.progress = [this](int percent) { emit progressed(percent); };
    emit finished(runJob(job, control));
}

ExportResult ExportWorker::runJob(const ExportJob &job, const ExportControl &control)
{
    ExportResult result;
    HistoryDatabase db;
    if (job.databasePath.isEmpty() || !db.open(job.databasePath, HistoryDatabase::Mode::ReadOnly)) {
        result.error = tr("Cannot open the history: %1")
                           .arg(job.databasePath.isEmpty() ? tr("no history is recorded")
                                                           : db.errorString());
        return result;
    }

    if (job.kind == ExportKind::WeeklyReport) {
        ExportResult report = buildWeeklyReportExport(job, db, control);
        if (control.isCancelled()) {
            report.ok = false;
            report.cancelled = true;
            report.reportToDraw.reset();
        }
        return report;
    }

    QSaveFile file(job.outputPath);
    // No direct-write fallback: that would write in place (reliability-notes §4).
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = tr("Cannot write %1: %2")
                           .arg(QDir::toNativeSeparators(job.outputPath), file.errorString());
        return result;
    }

    bool ok = false;
    switch (job.kind) {
    case ExportKind::Samples: {
        SampleExporter exporter(db);
        exporter.setControl(control);
        ok = exporter.writeCsv(job.filter, file);
        result.rows = exporter.rowsWritten();
        result.cancelled = exporter.wasCancelled();
        result.error = exporter.errorString();
        break;
    }
    case ExportKind::RollupsMinute:
    case ExportKind::RollupsHour: {
        RollupExporter exporter(db);
        exporter.setControl(control);
        ok = exporter.writeCsv(job.filter,
                               job.kind == ExportKind::RollupsHour ? RollupResolution::Hour
                                                                   : RollupResolution::Minute,
                               file);
        result.rows = exporter.rowsWritten();
        result.cancelled = exporter.wasCancelled();
        result.error = exporter.errorString();
        break;
    }
    case ExportKind::Incidents: {
        IncidentExporter exporter(db);
        exporter.setControl(control);
        ok = exporter.writeCsv(job.filter, file);
        result.rows = exporter.rowsWritten();
        result.cancelled = exporter.wasCancelled();
        result.error = exporter.errorString();
        break;
    }
    case ExportKind::WeeklyReport:
        break; // above
    }
    // A cancel that lands after the last row still means "no file".
    if (control.isCancelled())
        result.cancelled = true;
    if (!ok || result.cancelled) {
        file.cancelWriting();
        result.ok = false;
        if (result.cancelled)
            result.error.clear();
        return result;
    }
    if (!file.commit()) {
        result.error = tr("Cannot write %1: %2")
                           .arg(QDir::toNativeSeparators(job.outputPath), file.errorString());
        return result;
    }
    result.ok = true;
    result.error.clear();
    return result;
}

ExportResult buildWeeklyReportExport(const ExportJob &job, HistoryDatabase &db,
                                     const ExportControl &control)
{
    ExportResult result;
    const auto week = IsoWeek::parse(job.week);
    if (!week) {
        result.error = ExportWorker::tr("“%1” is not an ISO week.").arg(job.week);
        return result;
    }
    const QTimeZone zone = job.timeZoneId.isEmpty() ? QTimeZone::systemTimeZone()
                                                    : QTimeZone(job.timeZoneId);
    if (!zone.isValid()) {
        result.error = ExportWorker::tr("Unknown time zone %1.")
                           .arg(QString::fromUtf8(job.timeZoneId));
        return result;
    }
    const bool pdf = job.format == ExportFormat::Pdf;
    WeeklyReportBuilder builder(db);
    builder.setCancelFlag(control.cancel);
    // The build is most of a CSV's time; a PDF still has its drawing to do.
    const int share = pdf ? 90 : 99;
    int last = -1;
    builder.setProgressCallback([&control, share, &last](double fraction) {
        const int percent = std::clamp(int(fraction * share), 0, share);
        if (percent != last && control.progress) {
            last = percent;
            control.progress(percent);
        }
    });
    auto report = builder.build(*week, zone, QDateTime::currentMSecsSinceEpoch(), job.gateway);
    if (!report) {
        result.cancelled = builder.cancelled();
        result.error = builder.errorString();
        return result;
    }
    if (pdf) {
        result.ok = true;
        result.reportToDraw = std::make_shared<const WeeklyReport>(std::move(*report));
        return result;
    }
    result.ok = WeeklyReportWriter::save(*report, ReportFormat::Csv, job.outputPath, {},
                                         control.cancel, &result.error);
    result.rows = qint64(report->meetings.size());
    if (result.ok && control.progress)
        control.progress(100);
    return result;
}

bool drawWeeklyReportPdf(const WeeklyReport &report, const QString &path,
                         const std::atomic<bool> *cancel, QString *error)
{
    return WeeklyReportWriter::save(report, ReportFormat::Pdf, path, &WeeklyReportPdf::render,
                                    cancel, error);
}

} // namespace mm
