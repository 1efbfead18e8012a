#include "incidenttable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QSqlQuery>
#include <QVariant>

namespace mm::incidenttable {

namespace {

QVariant nullableTime(qint64 ms)
{
    return ms == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(ms);
}

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

// A null QString binds as SQL NULL; these columns hold '' instead.
QString nonNullText(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QJsonValue jsonTime(qint64 ms)
{
    return ms == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(double(ms));
}

} // namespace

QString createTableSql()
{
    return QStringLiteral("CREATE TABLE incidents("
                          " run_id INTEGER NOT NULL,"
                          " incident_id INTEGER NOT NULL,"
                          " meeting_id TEXT NOT NULL,"
                          " user_id TEXT NOT NULL,"
                          " meeting_name TEXT,"
                          " username TEXT,"
                          " type TEXT NOT NULL,"
                          " severity TEXT NOT NULL,"
                          " state TEXT NOT NULL,"
                          " source TEXT NOT NULL,"
                          " started_ms INTEGER NOT NULL,"
                          " fired_ms INTEGER,"
                          " resolved_ms INTEGER,"
                          " reopen_count INTEGER NOT NULL,"
                          " peak REAL,"
                          " message TEXT NOT NULL,"
                          " timeline TEXT NOT NULL,"
                          " updated_ms INTEGER NOT NULL,"
                          " PRIMARY KEY(run_id, incident_id))");
}

QString createIndexSql()
{
    return QStringLiteral("CREATE INDEX incidents_by_start ON incidents(started_ms)");
}

QString upsertSql()
{
    return QStringLiteral(
        "INSERT INTO incidents(run_id, incident_id, meeting_id, user_id, meeting_name, username,"
        " type, severity, state, source, started_ms, fired_ms, resolved_ms, reopen_count, peak,"
        " message, timeline, updated_ms)"
        " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(run_id, incident_id) DO UPDATE SET"
        " meeting_name = coalesce(excluded.meeting_name, meeting_name),"
        " username = coalesce(excluded.username, username),"
        " severity = excluded.severity, state = excluded.state, source = excluded.source,"
        " started_ms = excluded.started_ms, fired_ms = excluded.fired_ms,"
        " resolved_ms = excluded.resolved_ms, reopen_count = excluded.reopen_count,"
        " peak = excluded.peak, message = excluded.message, timeline = excluded.timeline,"
        " updated_ms = excluded.updated_ms");
}

QByteArray timelineJson(const Incident &incident)
{
    QJsonObject timeline;
    timeline.insert(QStringLiteral("pending"), double(incident.startedMs));
    timeline.insert(QStringLiteral("fired"), jsonTime(incident.firedMs));
    const qint64 closed = incident.isOpen() ? 0 : incident.resolvedMs;
    timeline.insert(QStringLiteral("resolved"),
                    jsonTime(incident.state == IncidentState::Resolved ? closed : 0));
    timeline.insert(QStringLiteral("ended"),
                    jsonTime(incident.state == IncidentState::Ended ? closed : 0));
    timeline.insert(QStringLiteral("cancelled"),
                    jsonTime(incident.state == IncidentState::Cancelled ? closed : 0));
    timeline.insert(QStringLiteral("reopenCount"), incident.reopenCount);
    timeline.insert(QStringLiteral("peak"),
                    incident.peak ? QJsonValue(*incident.peak) : QJsonValue(QJsonValue::Null));
    QJsonArray acks;
    for (const Acknowledgement &ack : incident.acknowledgements) {
        QJsonObject entry;
        entry.insert(QStringLiteral("at"), double(ack.atMs));
        entry.insert(QStringLiteral("by"), ack.by);
        entry.insert(QStringLiteral("note"), ack.note);
        acks.append(entry);
    }
    timeline.insert(QStringLiteral("acknowledgements"), acks);
    return QJsonDocument(timeline).toJson(QJsonDocument::Compact);
}

void bind(QSqlQuery &query, qint64 runId, const Incident &incident, qint64 updatedMs)
{
    int i = 0;
    query.bindValue(i++, runId);
    query.bindValue(i++, qint64(incident.id));
    query.bindValue(i++, nonNullText(incident.meetingId));
    query.bindValue(i++, nonNullText(incident.userId));
    query.bindValue(i++, nullableText(incident.meetingName));
    query.bindValue(i++, nullableText(incident.username));
    query.bindValue(i++, incident.typeName.isEmpty() ? alertTypeName(incident.type) : incident.typeName);
    query.bindValue(i++, severityName(incident.severity));
    query.bindValue(i++, incidentStateName(incident.state));
    query.bindValue(i++, alertSourceName(incident.source));
    query.bindValue(i++, incident.startedMs);
    query.bindValue(i++, nullableTime(incident.firedMs));
    query.bindValue(i++, nullableTime(incident.isOpen() ? 0 : incident.resolvedMs));
    query.bindValue(i++, incident.reopenCount);
    query.bindValue(i++, incident.peak ? QVariant(*incident.peak)
                                       : QVariant(QMetaType::fromType<double>()));
    query.bindValue(i++, nonNullText(incident.message));
    query.bindValue(i++, QString::fromUtf8(timelineJson(incident)));
    query.bindValue(i++, updatedMs);
}

} // namespace mm::incidenttable
