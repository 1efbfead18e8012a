#include "weeklyreportwriter.h"

#include "history/csvwriter.h"

#include <QBuffer>
#include <QDateTime>
#include <QSaveFile>

namespace mm {

namespace {

QByteArray isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate).toLatin1();
}

bool isCancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load();
}

} // namespace

QByteArray WeeklyReportWriter::csvHeader()
{
    return QByteArrayLiteral(
        "meeting_id,meeting_name,first_seen,last_seen,participants,participant_minutes,"
        "share_excellent,share_good,share_fair,share_poor,share_unknown,latency_ms_p50,"
        "latency_ms_p95,packet_loss_pct_mean,incidents_warning,incidents_critical");
}

bool WeeklyReportWriter::writeCsv(const WeeklyReport &report, QIODevice &device, QString *error)
{
    CsvWriter csv(device);
    for (const QByteArray &name : csvHeader().split(','))
        csv.addRaw(name);
    csv.endRow();
    const auto number = [&csv](const std::optional<double> &value) {
        if (value)
            csv.addNumber(*value);
        else
            csv.addEmpty();
    };
    for (const MeetingRow &row : report.meetings) {
        csv.addText(row.meetingId);
        csv.addText(row.meetingName);
        csv.addRaw(isoTime(row.firstSeenMs));
        csv.addRaw(isoTime(row.lastSeenMs));
        csv.addRaw(QByteArray::number(row.participants));
        csv.addNumber(double(row.levels.total()) / 60.0);
        for (const Quality level :
             {Quality::Excellent, Quality::Good, Quality::Fair, Quality::Poor, Quality::Unknown})
            number(row.levels.share(level));
        number(row.latencyP50Ms);
        number(row.latencyP95Ms);
        number(row.packetLossMeanPct);
        csv.addRaw(QByteArray::number(row.incidentsWarning));
        csv.addRaw(QByteArray::number(row.incidentsCritical));
        if (!csv.endRow())
            break;
    }
    if (!csv.ok()) {
        if (error)
            *error = device.errorString();
        return false;
    }
    return true;
}

QString WeeklyReportWriter::fileName(const IsoWeek &week, ReportFormat format)
{
    return QStringLiteral("meeting-quality-%1.%2")
        .arg(week.toString(), format == ReportFormat::Pdf ? QStringLiteral("pdf") : QStringLiteral("csv"));
}

bool WeeklyReportWriter::save(const WeeklyReport &report, ReportFormat format, const QString &path,
                              const WeeklyReportPdfRenderer &pdfRenderer,
                              const std::atomic<bool> *cancel, QString *error)
{
    QString problem;
    // Everything is rendered in memory first (a report is a few hundred
    // kilobytes), so the file is opened only when there is something whole
    // to put in it.
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        bool ok = false;
        if (format == ReportFormat::Csv)
            ok = writeCsv(report, buffer, &problem);
        else if (!pdfRenderer)
            problem = QStringLiteral("PDF rendering is not available in this program");
        else
            ok = pdfRenderer(report, buffer, cancel, &problem);
        if (!ok || isCancelled(cancel)) {
            if (error)
                *error = isCancelled(cancel) ? QStringLiteral("cancelled") : problem;
            return false;
        }
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    if (file.write(bytes) != bytes.size() || isCancelled(cancel)) {
        const QString reason = isCancelled(cancel) ? QStringLiteral("cancelled") : file.errorString();
        file.cancelWriting();
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, reason);
        return false;
    }
    if (!file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace mm
