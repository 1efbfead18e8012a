#include "incidentexporter.h"

#include "csvwriter.h"
#include "historydatabase.h"

#include <QDateTime>
#include <QIODevice>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace mm {

namespace {

QByteArray isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
}

void addTime(CsvWriter &csv, const QVariant &value)
{
    if (value.isNull())
        csv.addEmpty();
    else
        csv.addRaw(isoTime(value.toLongLong()));
}

} // namespace

IncidentExporter::IncidentExporter(HistoryDatabase &db)
    : m_db(db)
{
}

QByteArray IncidentExporter::csvHeader()
{
    return QByteArrayLiteral("started,fired,resolved,meeting_id,user_id,type,severity,source,peak,message");
}

bool IncidentExporter::writeCsv(const ExportFilter &filter, QIODevice &device)
{
    m_rows = 0;
    m_error.clear();
    m_cancelled = false;
    CsvWriter csv(device);
    for (const QByteArray &name : csvHeader().split(','))
        csv.addRaw(name);
    if (!csv.endRow()) {
        m_error = exportWriteError(device);
        return false;
    }
    if (!m_db.hasIncidents()) {
        ExportProgressMeter(m_control, 0, 0).done();
        return true;
    }

    QString sql = QStringLiteral("SELECT started_ms, fired_ms, resolved_ms, meeting_id, user_id, type,"
                                 " severity, source, peak, message FROM incidents WHERE 1");
    if (filter.fromMs)
        sql += QStringLiteral(" AND started_ms >= :from");
    if (filter.toMs)
        sql += QStringLiteral(" AND started_ms < :to");
    if (!filter.meetingId.isEmpty())
        sql += QStringLiteral(" AND meeting_id = :meeting");
    if (!filter.userId.isEmpty())
        sql += QStringLiteral(" AND user_id = :user");
    sql += QStringLiteral(" ORDER BY started_ms, run_id, incident_id");
    QSqlQuery query(m_db.database());
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        m_error = query.lastError().text();
        return false;
    }
    if (filter.fromMs)
        query.bindValue(QStringLiteral(":from"), *filter.fromMs);
    if (filter.toMs)
        query.bindValue(QStringLiteral(":to"), *filter.toMs);
    if (!filter.meetingId.isEmpty())
        query.bindValue(QStringLiteral(":meeting"), filter.meetingId);
    if (!filter.userId.isEmpty())
        query.bindValue(QStringLiteral(":user"), filter.userId);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return false;
    }
    // Progress by start time over the range (or the table's span): there
    // are few incidents, and this costs no second query over the filter.
    qint64 first = filter.fromMs.value_or(0);
    qint64 last = filter.toMs.value_or(0);
    if (m_control.progress && (!filter.fromMs || !filter.toMs)) {
        QSqlQuery span(m_db.database());
        if (span.exec(QStringLiteral("SELECT MIN(started_ms), MAX(started_ms) FROM incidents"))
            && span.next()) {
            if (!filter.fromMs)
                first = span.value(0).toLongLong();
            if (!filter.toMs)
                last = span.value(1).toLongLong();
        }
    }
    ExportProgressMeter meter(m_control, first, last);
    while (query.next()) {
        if (!meter.at(query.value(0).toLongLong())) {
            m_cancelled = true;
            m_error = QStringLiteral("cancelled");
            return false;
        }
        addTime(csv, query.value(0));
        addTime(csv, query.value(1));
        addTime(csv, query.value(2));
        // Ids and the type name (a gateway may send its own) are untrusted;
        // severity and source are our own names.
        for (int column : {3, 4, 5})
            csv.addText(query.value(column).toString());
        for (int column : {6, 7})
            csv.addRaw(query.value(column).toString().toLatin1());
        if (query.value(8).isNull())
            csv.addEmpty();
        else
            csv.addNumber(query.value(8).toDouble());
        csv.addText(query.value(9).toString());
        if (!csv.endRow()) {
            m_error = exportWriteError(device);
            return false;
        }
        ++m_rows;
    }
    if (query.lastError().isValid()) {
        m_error = query.lastError().text();
        return false;
    }
    meter.done();
    return true;
}

} // namespace mm
