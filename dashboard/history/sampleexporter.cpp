#include "sampleexporter.h"

#include "core/quality.h"
#include "csvwriter.h"
#include "historydatabase.h"
#include "historyusers.h"
#include "incidentexporter.h"
#include "rawblock.h"
#include "rollupexporter.h"
#include "rolluptable.h"

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QHash>
#include <QIODevice>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <cerrno>

namespace mm {

namespace {

// The translation context of the export command's help and errors (also the
// exporters' error texts, which the export dialog shows).
class ExportText final
{
    Q_DECLARE_TR_FUNCTIONS(mm::ExportCommand)
};

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
    return ExportText::tr("cannot write the output: ") + reason;
}

} // namespace

QString exportWriteError(const QIODevice &device)
{
    return writeError(device);
}

ExportProgressMeter::ExportProgressMeter(const ExportControl &control, qint64 first, qint64 last)
    : m_control(control)
    , m_first(first)
    , m_last(std::max(first, last))
{
    report(0);
}

ExportProgressMeter::ExportProgressMeter(const ExportControl &control, HistoryDatabase &db,
                                         const QString &table, std::optional<qint64> fromMinute,
                                         std::optional<qint64> toMinute)
    : m_control(control)
{
    if (control.progress) {
        const auto [first, last] = exportMinuteSpan(db, table, fromMinute, toMinute);
        m_first = first;
        m_last = std::max(first, last);
    }
    report(0);
}

bool ExportProgressMeter::at(qint64 position)
{
    if (m_control.isCancelled())
        return false;
    if (m_last > m_first) {
        const qint64 clamped = std::clamp(position, m_first, m_last);
        // At most 99 until done(): the last period's rows are still to come.
        report(int(std::min<qint64>(99, (clamped - m_first) * 100 / (m_last - m_first))));
    }
    return true;
}

void ExportProgressMeter::done()
{
    report(100);
}

void ExportProgressMeter::report(int percent)
{
    if (percent == m_percent || !m_control.progress)
        return;
    m_percent = percent;
    m_control.progress(percent);
}

GroupedCsvExport::GroupedCsvExport(CsvWriter &csv, QIODevice &device, ExportProgressMeter &meter,
                                   ExportOutcome &outcome)
    : m_csv(csv)
    , m_device(device)
    , m_meter(meter)
    , m_outcome(outcome)
{
}

bool GroupedCsvExport::run(QSqlQuery &query, const std::function<qint64(qint64)> &groupOf,
                           const std::function<bool(qint64)> &take,
                           const std::function<bool(qint64)> &flush)
{
    qint64 currentGroup = 0;
    bool any = false;
    while (query.next()) {
        const qint64 minute = query.value(0).toLongLong();
        if (!m_meter.at(minute))
            return cancelled();
        const qint64 group = groupOf(minute);
        if (any && group != currentGroup && !flush(currentGroup))
            return false;
        any = true;
        currentGroup = group;
        if (!take(minute))
            return false;
    }
    if (query.lastError().isValid())
        return m_outcome.fail(query.lastError().text());
    if (any && !flush(currentGroup))
        return false;
    if (!m_csv.ok())
        return m_outcome.fail(writeError(m_device));
    if (m_meter.isCancelled())
        return cancelled();
    m_meter.done();
    return true;
}

bool GroupedCsvExport::endRow()
{
    if (!m_csv.endRow())
        return m_outcome.fail(writeError(m_device));
    ++m_outcome.rows;
    return true;
}

bool GroupedCsvExport::cancelled()
{
    m_outcome.cancelled = true;
    return m_outcome.fail(QStringLiteral("cancelled"));
}

QString exportUserKeyClause(const ExportFilter &filter, const QHash<qint64, HistoryUser> &users)
{
    if (filter.meetingId.isEmpty() && filter.userId.isEmpty())
        return QString();
    QStringList keys;
    keys.reserve(users.size());
    for (auto it = users.cbegin(); it != users.cend(); ++it)
        keys << QString::number(it.key()); // integers from the database, not user text
    return QStringLiteral(" AND user_key IN (%1)").arg(keys.join(QLatin1Char(',')));
}

std::pair<qint64, qint64> exportMinuteSpan(HistoryDatabase &db, const QString &table,
                                           std::optional<qint64> fromMinute,
                                           std::optional<qint64> toMinute)
{
    // Two ordered LIMIT 1 look-ups: index seeks on the time-major key, where
    // MIN() and MAX() in one statement would scan the range.
    auto edge = [&](bool last) -> std::optional<qint64> {
        QString sql = QStringLiteral("SELECT minute FROM %1 WHERE 1").arg(table);
        if (fromMinute)
            sql += QStringLiteral(" AND minute >= :from");
        if (toMinute)
            sql += QStringLiteral(" AND minute < :to");
        sql += last ? QStringLiteral(" ORDER BY minute DESC LIMIT 1")
                    : QStringLiteral(" ORDER BY minute LIMIT 1");
        QSqlQuery query(db.database());
        if (!query.prepare(sql))
            return std::nullopt;
        if (fromMinute)
            query.bindValue(QStringLiteral(":from"), *fromMinute);
        if (toMinute)
            query.bindValue(QStringLiteral(":to"), *toMinute);
        if (!query.exec() || !query.next())
            return std::nullopt;
        return query.value(0).toLongLong();
    };
    const auto first = edge(false);
    const auto last = edge(true);
    if (!first || !last)
        return {0, 0};
    return {*first, *last};
}

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
    m_outcome = {};

    // The users the filter allows, with their names (latest known).
    const auto loaded =
        loadHistoryUsers(m_db.database(), filter.meetingId, filter.userId, &m_outcome.error);
    if (!loaded)
        return false;
    const QHash<qint64, HistoryUser> &users = *loaded;

    std::optional<qint64> fromMinute;
    std::optional<qint64> toMinute;
    if (filter.fromMs)
        fromMinute = rolluptable::minuteOf(*filter.fromMs);
    if (filter.toMs)
        toMinute = rolluptable::minuteOf(*filter.toMs) + 1;
    ExportProgressMeter meter(m_control, m_db, QStringLiteral("raw_blocks"), fromMinute, toMinute);

    CsvWriter csv(device);
    for (const QByteArray &name : csvHeader().split(','))
        csv.addRaw(name);
    csv.endRow();
    if (users.isEmpty()) {
        if (!csv.ok())
            return m_outcome.fail(writeError(device));
        meter.done();
        return true;
    }

    // Blocks minute by minute (the table's key order); a minute's samples
    // are sorted by time, then meeting and user id (stable: a user's
    // samples within one millisecond keep their arrival order). That order
    // depends on nothing but the data, so export -> import -> export gives
    // the same file.
    QString sql = QStringLiteral("SELECT minute, user_key, data FROM raw_blocks WHERE 1");
    if (filter.fromMs)
        sql += QStringLiteral(" AND minute >= :from");
    if (filter.toMs)
        sql += QStringLiteral(" AND minute <= :to");
    sql += exportUserKeyClause(filter, users) + QStringLiteral(" ORDER BY minute");
    QSqlQuery query(m_db.database());
    query.setForwardOnly(true); // stream: SQLite steps row by row, nothing is cached
    if (!query.prepare(sql))
        return m_outcome.fail(query.lastError().text());
    if (filter.fromMs)
        query.bindValue(QStringLiteral(":from"), rolluptable::minuteOf(*filter.fromMs));
    if (filter.toMs)
        query.bindValue(QStringLiteral(":to"), rolluptable::minuteOf(*filter.toMs));
    if (!query.exec())
        return m_outcome.fail(query.lastError().text());

    struct Row
    {
        const HistoryUser *user;
        RawPoint point;
    };
    std::vector<Row> rows;
    GroupedCsvExport grouped(csv, device, meter, m_outcome);
    auto writeRows = [&](qint64 /*minute*/) -> bool {
        std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
            if (a.point.timeMs != b.point.timeMs)
                return a.point.timeMs < b.point.timeMs;
            if (const int c = a.user->meetingId.compare(b.user->meetingId); c != 0)
                return c < 0;
            return a.user->userId < b.user->userId;
        });
        for (const Row &row : rows) {
            csv.addRaw(QDateTime::fromMSecsSinceEpoch(row.point.timeMs, Qt::UTC)
                           .toString(Qt::ISODateWithMs)
                           .toLatin1());
            csv.addText(row.user->meetingId);
            csv.addText(row.user->userId);
            csv.addText(row.user->username);
            // The CSV's order: upload, download, latency, loss, jitter.
            for (const int metric : {0, 1, 2, 4, 3}) {
                const Metric &value = row.point.value[size_t(metric)];
                if (value)
                    csv.addNumber(*value);
                else
                    csv.addEmpty();
            }
            // Only the four known levels are written; unknown is an empty cell.
            if (row.point.quality != Quality::Unknown)
                csv.addRaw(qualityName(row.point.quality).toLatin1());
            else
                csv.addEmpty();
            if (!grouped.endRow())
                return false;
        }
        rows.clear();
        return true;
    };
    auto take = [&](qint64 minute) -> bool {
        const auto user = users.constFind(query.value(1).toLongLong());
        if (user == users.cend())
            return true;
        const auto points = decodeRawBlock(query.value(2).toByteArray(),
                                           rolluptable::minuteStartMs(minute));
        if (!points) {
            // Keys, not ids: ids are client text and this goes to a terminal.
            return m_outcome.fail(
                ExportText::tr("corrupt raw block (minute %1, user key %2)")
                    .arg(QDateTime::fromMSecsSinceEpoch(rolluptable::minuteStartMs(minute), Qt::UTC)
                             .toString(Qt::ISODate))
                    .arg(user.key()));
        }
        for (const RawPoint &point : *points) {
            if (filter.fromMs && point.timeMs < *filter.fromMs)
                continue;
            if (filter.toMs && point.timeMs >= *filter.toMs)
                continue;
            rows.push_back({&*user, point});
        }
        return true;
    };
    // A group is a minute: the blocks' own granularity.
    return grouped.run(query, [](qint64 minute) { return minute; }, take, writeRows);
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
        ExportText::tr("Export recorded samples (or, with --resolution, per-user rollups; with "
                       "--alerts, alert incidents) from a Meeting Monitor history as CSV."));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        ExportText::tr("Show this help."));
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      ExportText::tr("History database to read."),
                                      ExportText::tr("FILE"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          ExportText::tr("Output format (csv)."),
                                          ExportText::tr("FORMAT"), QStringLiteral("csv"));
    const QCommandLineOption fromOption(
        QStringLiteral("from"),
        ExportText::tr("First receive time to include, ISO-8601 (UTC unless an offset is given)."),
        ExportText::tr("ISO8601"));
    const QCommandLineOption toOption(QStringLiteral("to"),
                                      ExportText::tr("Receive time to stop before, ISO-8601."),
                                      ExportText::tr("ISO8601"));
    const QCommandLineOption meetingOption(QStringLiteral("meeting"),
                                           ExportText::tr("Only this meeting id."),
                                           ExportText::tr("ID"));
    const QCommandLineOption userOption(QStringLiteral("user"),
                                        ExportText::tr("Only this user id."),
                                        ExportText::tr("ID"));
    const QCommandLineOption outOption(
        QStringLiteral("out"), ExportText::tr("Write to FILE (atomically) instead of stdout."),
        ExportText::tr("FILE"));
    const QCommandLineOption resolutionOption(
        QStringLiteral("resolution"),
        ExportText::tr("Export per-user rollups instead of raw samples: 1m (one row per user and "
                       "minute) or 1h (per hour)."),
        QStringLiteral("1m|1h"));
    const QCommandLineOption alertsOption(
        QStringLiteral("alerts"),
        ExportText::tr("Export alert incidents instead of samples, one row per incident; "
                       "--from/--to select by start time."));
    parser.addOptions({helpOption, dbOption, formatOption, fromOption, toOption, meetingOption,
                       userOption, outOption, resolutionOption, alertsOption});

    if (!parser.parse(QStringList{QString::fromLatin1(Program)} + arguments)) {
        say(err, parser.errorText() + ExportText::tr(" (try --help)"));
        return 2;
    }
    if (parser.isSet(helpOption)) {
        out.write(parser.helpText().toUtf8());
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        say(err, ExportText::tr("unexpected argument '%1' (try --help)")
                     .arg(parser.positionalArguments().constFirst()));
        return 2;
    }
    if (!parser.isSet(dbOption) || parser.value(dbOption).isEmpty()) {
        say(err, ExportText::tr("--db FILE is required (try --help)"));
        return 2;
    }
    if (parser.value(formatOption) != QStringLiteral("csv")) {
        say(err, ExportText::tr("unsupported format '%1' (only csv)").arg(parser.value(formatOption)));
        return 2;
    }
    ExportFilter filter;
    for (const auto &[option, target] :
         {std::pair{&fromOption, &filter.fromMs}, std::pair{&toOption, &filter.toMs}}) {
        if (!parser.isSet(*option))
            continue;
        *target = parseIsoTimeMs(parser.value(*option));
        if (!*target) {
            say(err, ExportText::tr("--%1: '%2' is not an ISO-8601 date or date-time "
                                    "(e.g. 2026-11-24T10:15:03Z)")
                         .arg(option->names().constFirst(), parser.value(*option)));
            return 2;
        }
    }
    if (filter.fromMs && filter.toMs && *filter.fromMs > *filter.toMs) {
        say(err, ExportText::tr("--from is after --to"));
        return 2;
    }
    filter.meetingId = parser.value(meetingOption);
    filter.userId = parser.value(userOption);
    std::optional<RollupResolution> resolution;
    if (parser.isSet(resolutionOption)) {
        const QString value = parser.value(resolutionOption);
        if (value == QStringLiteral("1m"))
            resolution = RollupResolution::Minute;
        else if (value == QStringLiteral("1h"))
            resolution = RollupResolution::Hour;
        else {
            say(err, ExportText::tr("--resolution: '%1' is not 1m or 1h").arg(value));
            return 2;
        }
    }

    const bool alerts = parser.isSet(alertsOption);
    if (alerts && resolution) {
        say(err, ExportText::tr("--alerts and --resolution cannot be combined"));
        return 2;
    }

    HistoryDatabase db;
    if (!db.open(parser.value(dbOption), HistoryDatabase::Mode::ReadOnly)) {
        say(err, db.errorString());
        return 1;
    }
    SampleExporter samples(db);
    RollupExporter rollups(db);
    IncidentExporter incidents(db);
    auto write = [&](QIODevice &device) {
        return alerts       ? incidents.writeCsv(filter, device)
            : resolution ? rollups.writeCsv(filter, *resolution, device)
                         : samples.writeCsv(filter, device);
    };
    auto errorString = [&] {
        return alerts       ? incidents.errorString()
            : resolution ? rollups.errorString()
                         : samples.errorString();
    };

    if (!parser.isSet(outOption)) {
        if (!write(out)) {
            say(err, ExportText::tr("export failed: %1").arg(errorString()));
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
        say(err, ExportText::tr("cannot write %1: %2").arg(outPath, file.errorString()));
        return 1;
    }
    if (!write(file)) {
        file.cancelWriting();
        say(err, ExportText::tr("export to %1 failed: %2").arg(outPath, errorString()));
        return 1;
    }
    if (!file.commit()) {
        say(err, ExportText::tr("cannot write %1: %2").arg(outPath, file.errorString()));
        return 1;
    }
    return 0;
}

} // namespace mm
