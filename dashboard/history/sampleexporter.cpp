#include "sampleexporter.h"

#include "core/quality.h"
#include "csvwriter.h"
#include "historydatabase.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QIODevice>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <cerrno>

namespace mm {

namespace {

const char *const Program = "meeting-monitor export";

void say(QIODevice &err, const QString &message)
{
    err.write(QString::fromLatin1(Program).toUtf8() + ": " + message.toUtf8() + '\n');
}

// QFileDevice reports a failed buffered write as "Unknown error"; the
// system's reason (disk full, file too large) is still in errno then.
QString writeError(const QIODevice &device)
{
    const int code = errno;
    QString reason = device.errorString();
    if ((reason.isEmpty() || reason == QStringLiteral("Unknown error")) && code != 0)
        reason = qt_error_string(code);
    return QStringLiteral("cannot write the output: ") + reason;
}

} // namespace

SampleExporter::SampleExporter(HistoryDatabase &db)
    : m_db(db)
{
}

QByteArray SampleExporter::csvHeader()
{
    return QByteArrayLiteral("time,meeting_id,user_id,username,upload_kbps,download_kbps,"
                             "latency_ms,packet_loss_pct,jitter_ms,quality");
}

bool SampleExporter::writeCsv(const ExportFilter &filter, QIODevice &device)
{
    m_rows = 0;
    m_error.clear();

    QString sql = QStringLiteral(
        "SELECT s.ts_ms, u.meeting_id, u.user_id, u.username,"
        " s.up, s.down, s.latency, s.loss, s.jitter, s.quality"
        " FROM samples s JOIN users u ON u.user_key = s.user_key WHERE 1");
    if (filter.fromMs)
        sql += QStringLiteral(" AND s.ts_ms >= :from");
    if (filter.toMs)
        sql += QStringLiteral(" AND s.ts_ms < :to");
    if (!filter.meetingId.isEmpty())
        sql += QStringLiteral(" AND u.meeting_id = :meeting");
    if (!filter.userId.isEmpty())
        sql += QStringLiteral(" AND u.user_id = :user");
    // rowid breaks ties in the order samples arrived.
    sql += QStringLiteral(" ORDER BY s.ts_ms, s.rowid");

    QSqlQuery query(m_db.database());
    query.setForwardOnly(true); // stream: SQLite steps row by row, nothing is cached
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

    CsvWriter csv(device);
    for (const QByteArray &name : csvHeader().split(','))
        csv.addRaw(name);
    csv.endRow();
    auto addMetric = [&](int column) {
        const QVariant value = query.value(column);
        if (value.isNull())
            csv.addEmpty();
        else
            csv.addNumber(value.toDouble());
    };
    while (query.next()) {
        const qint64 ts = query.value(0).toLongLong();
        csv.addRaw(QDateTime::fromMSecsSinceEpoch(ts, Qt::UTC)
                       .toString(Qt::ISODateWithMs)
                       .toLatin1());
        csv.addText(query.value(1).toString());
        csv.addText(query.value(2).toString());
        csv.addText(query.value(3).toString());
        for (int column = 4; column <= 8; ++column)
            addMetric(column);
        const QVariant level = query.value(9);
        const int code = level.isNull() ? 0 : level.toInt();
        // Only the four known levels are written; anything else in the
        // file is unknown, an empty cell.
        if (code >= int(Quality::Excellent) && code <= int(Quality::Poor))
            csv.addRaw(qualityName(Quality(code)).toLatin1());
        else
            csv.addEmpty();
        if (!csv.endRow()) {
            m_error = writeError(device);
            return false;
        }
        ++m_rows;
    }
    if (query.lastError().isValid()) {
        m_error = query.lastError().text();
        return false;
    }
    if (!csv.ok()) {
        m_error = writeError(device);
        return false;
    }
    return true;
}

std::optional<qint64> parseIsoTimeMs(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    QDateTime time = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!time.isValid()) {
        // A bare date means its midnight. (QDate's parser ignores anything
        // after the date, so insist on the bare form.)
        if (trimmed.size() != 10)
            return std::nullopt;
        const QDate date = QDate::fromString(trimmed, Qt::ISODate);
        if (!date.isValid())
            return std::nullopt;
        time = QDateTime(date, QTime(0, 0), Qt::UTC);
    }
    if (time.timeSpec() == Qt::LocalTime)
        time = QDateTime(time.date(), time.time(), Qt::UTC);
    if (!time.isValid())
        return std::nullopt;
    return time.toMSecsSinceEpoch();
}

int runExportCommand(const QStringList &arguments, QIODevice &out, QIODevice &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Export recorded samples from a Meeting Monitor history as CSV."));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QStringLiteral("Show this help."));
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QStringLiteral("History database to read."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          QStringLiteral("Output format (csv)."),
                                          QStringLiteral("FORMAT"), QStringLiteral("csv"));
    const QCommandLineOption fromOption(
        QStringLiteral("from"),
        QStringLiteral("First receive time to include, ISO-8601 (UTC unless an offset is given)."),
        QStringLiteral("ISO8601"));
    const QCommandLineOption toOption(QStringLiteral("to"),
                                      QStringLiteral("Receive time to stop before, ISO-8601."),
                                      QStringLiteral("ISO8601"));
    const QCommandLineOption meetingOption(QStringLiteral("meeting"),
                                           QStringLiteral("Only this meeting id."),
                                           QStringLiteral("ID"));
    const QCommandLineOption userOption(QStringLiteral("user"),
                                        QStringLiteral("Only this user id."),
                                        QStringLiteral("ID"));
    const QCommandLineOption outOption(
        QStringLiteral("out"), QStringLiteral("Write to FILE (atomically) instead of stdout."),
        QStringLiteral("FILE"));
    parser.addOptions({helpOption, dbOption, formatOption, fromOption, toOption, meetingOption,
                       userOption, outOption});

    if (!parser.parse(QStringList{QString::fromLatin1(Program)} + arguments)) {
        say(err, parser.errorText() + QStringLiteral(" (try --help)"));
        return 2;
    }
    if (parser.isSet(helpOption)) {
        out.write(parser.helpText().toUtf8());
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        say(err, QStringLiteral("unexpected argument '%1' (try --help)")
                     .arg(parser.positionalArguments().constFirst()));
        return 2;
    }
    if (!parser.isSet(dbOption) || parser.value(dbOption).isEmpty()) {
        say(err, QStringLiteral("--db FILE is required (try --help)"));
        return 2;
    }
    if (parser.value(formatOption) != QStringLiteral("csv")) {
        say(err, QStringLiteral("unsupported format '%1' (only csv)").arg(parser.value(formatOption)));
        return 2;
    }
    ExportFilter filter;
    for (const auto &[option, target] :
         {std::pair{&fromOption, &filter.fromMs}, std::pair{&toOption, &filter.toMs}}) {
        if (!parser.isSet(*option))
            continue;
        *target = parseIsoTimeMs(parser.value(*option));
        if (!*target) {
            say(err, QStringLiteral("--%1: '%2' is not an ISO-8601 date or date-time "
                                    "(e.g. 2026-11-24T10:15:03Z)")
                         .arg(option->names().constFirst(), parser.value(*option)));
            return 2;
        }
    }
    if (filter.fromMs && filter.toMs && *filter.fromMs > *filter.toMs) {
        say(err, QStringLiteral("--from is after --to"));
        return 2;
    }
    filter.meetingId = parser.value(meetingOption);
    filter.userId = parser.value(userOption);

    HistoryDatabase db;
    if (!db.open(parser.value(dbOption), HistoryDatabase::Mode::ReadOnly)) {
        say(err, db.errorString());
        return 1;
    }
    SampleExporter exporter(db);

    if (!parser.isSet(outOption)) {
        if (!exporter.writeCsv(filter, out)) {
            say(err, QStringLiteral("export failed: %1").arg(exporter.errorString()));
            return 1;
        }
        return 0;
    }

    // QSaveFile: the file appears complete or not at all. No direct-write
    // fallback, which would write in place (reliability-notes.md §4).
    const QString outPath = parser.value(outOption);
    QSaveFile file(outPath);
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly)) {
        say(err, QStringLiteral("cannot write %1: %2").arg(outPath, file.errorString()));
        return 1;
    }
    if (!exporter.writeCsv(filter, file)) {
        file.cancelWriting();
        say(err, QStringLiteral("export to %1 failed: %2").arg(outPath, exporter.errorString()));
        return 1;
    }
    if (!file.commit()) {
        say(err, QStringLiteral("cannot write %1: %2").arg(outPath, file.errorString()));
        return 1;
    }
    return 0;
}

} // namespace mm
