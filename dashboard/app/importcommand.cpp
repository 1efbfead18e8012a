#include "importcommand.h"

#include "app/recorder.h"
#include "history/historywriter.h"
#include "history/sampleexporter.h"
#include "ingest/metricsdecoder.h"

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QHash>
#include <charconv>
#include <cmath>

namespace mm {

namespace {

// The translation context of the import command's help, errors and summary.
class ImportText final
{
    Q_DECLARE_TR_FUNCTIONS(mm::ImportCommand)
};

const char *const Program = "meeting-monitor import";
constexpr int kRowsPerBatch = 5000;
constexpr int kRowsPerTransaction = 50'000;
// After this many row reports, only a count: a wrong file must not flood
// the terminal.
constexpr int kMaxReportedRows = 1000;

void say(QIODevice &err, const QString &message)
{
    err.write(QByteArray(Program) + ": " + message.toUtf8() + '\n');
}

enum class Column { Time, MeetingId, UserId, Username, Upload, Download, Latency, Loss, Jitter, Quality };

struct MetricColumn
{
    Column column;
    const char *name;
    double max; // the decoder's ranges (metricsdecoder.cpp)
};
constexpr MetricColumn MetricColumns[] = {
    {Column::Upload, "upload_kbps", 10'000'000},
    {Column::Download, "download_kbps", 10'000'000},
    {Column::Latency, "latency_ms", 60'000},
    {Column::Loss, "packet_loss_pct", 100},
    {Column::Jitter, "jitter_ms", 60'000},
};

const QHash<QByteArray, Column> &columnNames()
{
    static const QHash<QByteArray, Column> names{
        {"time", Column::Time},           {"meeting_id", Column::MeetingId},
        {"user_id", Column::UserId},      {"username", Column::Username},
        {"upload_kbps", Column::Upload},  {"download_kbps", Column::Download},
        {"latency_ms", Column::Latency},  {"packet_loss_pct", Column::Loss},
        {"jitter_ms", Column::Jitter},    {"quality", Column::Quality},
    };
    return names;
}

// Undoes the export's formula guard: a ' that the export put before = + -
// @ TAB CR LF goes; everything else is kept as it is.
QString unguard(const QByteArray &cell)
{
    QString text = QString::fromUtf8(cell);
    if (text.size() >= 2 && text.front() == QLatin1Char('\'')) {
        switch (text.at(1).unicode()) {
        case u'=': case u'+': case u'-': case u'@': case u'\t': case u'\r': case u'\n':
            text.remove(0, 1);
            break;
        default:
            break;
        }
    }
    return text;
}

// Shown to a person: bounded and without escape sequences.
QString shown(const QByteArray &cell)
{
    return terminalSafe(QString::fromUtf8(cell), 40);
}

} // namespace

CsvRecordReader::CsvRecordReader(QIODevice &device)
    : m_device(device)
{
}

bool CsvRecordReader::fill()
{
    if (m_eof)
        return false;
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    const QByteArray chunk = m_device.read(256 * 1024);
    if (chunk.isEmpty()) {
        m_eof = true;
        return false;
    }
    m_buffer.append(chunk);
    return true;
}

int CsvRecordReader::peek()
{
    if (m_pos >= m_buffer.size() && !fill())
        return -1;
    return static_cast<unsigned char>(m_buffer[m_pos]);
}

int CsvRecordReader::get()
{
    const int c = peek();
    if (c >= 0)
        ++m_pos;
    if (c == '\n')
        ++m_line;
    return c;
}

bool CsvRecordReader::next(QList<QByteArray> *cells, qint64 *line, QString *error)
{
    cells->clear();
    error->clear();
    if (peek() < 0)
        return false;
    *line = m_line;
    if (m_line == 1 && m_buffer.startsWith("\xEF\xBB\xBF") && m_pos == 0)
        m_pos = 3; // a UTF-8 byte order mark
    QByteArray cell;
    bool quoted = false;
    bool wasQuoted = false;
    const auto tooManyCells = [&] {
        if (cells->size() > MaxCells && error->isEmpty())
            *error = ImportText::tr("more than %1 cells").arg(MaxCells);
    };
    for (;;) {
        const int c = get();
        if (c < 0) {
            if (quoted && error->isEmpty())
                *error = ImportText::tr("a quoted cell is not closed before the end of the file");
            cells->append(cell);
            tooManyCells(); // the last cell counts too: MaxCells + 1 used to pass
            return true;
        }
        if (quoted) {
            if (c == '"') {
                if (peek() == '"') {
                    get();
                    cell.append('"');
                } else {
                    quoted = false;
                }
            } else {
                cell.append(char(c));
            }
        } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
            quoted = true;
            wasQuoted = true;
        } else if (c == ',') {
            cells->append(cell);
            cell.clear();
            wasQuoted = false;
        } else if (c == '\r' && peek() == '\n') {
            continue; // the LF ends the row
        } else if (c == '\n') {
            cells->append(cell);
            tooManyCells();
            return true;
        } else {
            if (wasQuoted && error->isEmpty())
                *error = ImportText::tr("text after a closing quote");
            cell.append(char(c));
        }
        // Bounds: keep reading to the row's end, but keep nothing more.
        if (cell.size() > MaxCellBytes) {
            if (error->isEmpty())
                *error = ImportText::tr("a cell longer than %1 bytes").arg(MaxCellBytes);
            cell.clear();
        }
        if (cells->size() > MaxCells) {
            tooManyCells();
            cells->clear();
        }
    }
}

int runImportCommand(const QStringList &arguments, QIODevice &out, QIODevice &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(ImportText::tr(
        "Import samples from a CSV file in the format of `meeting-monitor export --format csv` "
        "into a history database (created if needed), taking `time` as the sample time. Bad rows "
        "are reported and skipped; the good rows are kept.\n"
        "Exit codes: 0 every row imported, 1 error, 2 usage error, 3 some rows rejected."));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        ImportText::tr("Show this help."));
    const QCommandLineOption dbOption(QStringLiteral("db"), ImportText::tr("History database to write."),
                                      ImportText::tr("FILE"));
    const QCommandLineOption csvOption(QStringLiteral("csv"), ImportText::tr("CSV file to read."),
                                       ImportText::tr("FILE"));
    parser.addOptions({helpOption, dbOption, csvOption});
    if (!parser.parse(QStringList{QString::fromLatin1(Program)} + arguments)) {
        say(err, parser.errorText() + ImportText::tr(" (try --help)"));
        return 2;
    }
    if (parser.isSet(helpOption)) {
        out.write(parser.helpText().toUtf8());
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        say(err, ImportText::tr("unexpected argument '%1' (try --help)")
                     .arg(terminalSafe(parser.positionalArguments().constFirst())));
        return 2;
    }
    if (parser.value(dbOption).isEmpty() || parser.value(csvOption).isEmpty()) {
        say(err, ImportText::tr("--db FILE and --csv FILE are required (try --help)"));
        return 2;
    }
    const QString csvPath = parser.value(csvOption);
    QFile file(csvPath);
    if (!file.open(QIODevice::ReadOnly)) {
        say(err, ImportText::tr("cannot read %1: %2").arg(csvPath, file.errorString()));
        return 1;
    }

    CsvRecordReader reader(file);
    QList<QByteArray> cells;
    qint64 line = 0;
    QString problem;
    if (!reader.next(&cells, &line, &problem) || !problem.isEmpty()) {
        say(err, ImportText::tr("%1: no header row%2")
                     .arg(csvPath, problem.isEmpty() ? QString() : QStringLiteral(" (") + problem + QLatin1Char(')')));
        return 1;
    }
    // The header: known columns by name, in any order; unknown ones are
    // reported and ignored.
    QHash<int, Column> columnAt;
    QSet<Column> seen;
    for (int i = 0; i < cells.size(); ++i) {
        const QByteArray name = cells.at(i).trimmed();
        const auto known = columnNames().constFind(name);
        if (known == columnNames().cend()) {
            say(err, ImportText::tr("line %1: unknown column '%2' (ignored)").arg(line).arg(shown(name)));
            continue;
        }
        if (seen.contains(*known)) {
            say(err, ImportText::tr("line %1: column '%2' appears twice").arg(line).arg(shown(name)));
            return 1;
        }
        seen.insert(*known);
        columnAt.insert(i, *known);
    }
    for (const auto &[column, name] : {std::pair{Column::Time, "time"},
                                       std::pair{Column::MeetingId, "meeting_id"},
                                       std::pair{Column::UserId, "user_id"}}) {
        if (!seen.contains(column)) {
            say(err, ImportText::tr("line %1: the header has no '%2' column").arg(line).arg(QLatin1String(name)));
            return 1;
        }
    }
    const qsizetype width = cells.size();

    HistoryWriter writer(parser.value(dbOption), 3'600'000, kRowsPerTransaction);
    // Imported samples are kept whatever their age (replaying an old
    // incident); the recorder's own retention trims them later.
    HistoryRetention keepAll;
    keepAll.rawMs = 0;
    keepAll.rollupMs = 0;
    keepAll.enforce = false;
    writer.setRetention(keepAll);
    QString writeError;
    QObject context;
    QObject::connect(&writer, &HistoryWriter::failed, &context,
                     [&writeError](const QString &message) { writeError = message; });
    if (!writer.open()) {
        say(err, writer.errorString());
        return 1;
    }

    qint64 imported = 0;
    qint64 rejected = 0;
    qint64 committedUpToLine = 0;
    std::vector<Sample> batch;
    batch.reserve(kRowsPerBatch);
    auto reject = [&](const QString &message) {
        ++rejected;
        if (rejected <= kMaxReportedRows)
            say(err, ImportText::tr("line %1: %2").arg(line).arg(message));
        else if (rejected == kMaxReportedRows + 1)
            say(err, ImportText::tr("more rejected rows follow; only their count is reported"));
    };
    auto post = [&]() -> bool {
        if (batch.empty())
            return true;
        const qint64 before = writer.rowsCommitted();
        writer.writeBatch(std::make_shared<const SampleBatch>(std::move(batch)));
        batch = {};
        batch.reserve(kRowsPerBatch);
        if (!writeError.isEmpty())
            return false;
        if (writer.rowsCommitted() != before)
            committedUpToLine = line;
        return true;
    };

    bool failed = false;
    while (!failed && reader.next(&cells, &line, &problem)) {
        if (!problem.isEmpty()) {
            reject(problem);
            continue;
        }
        if (cells.size() == 1 && cells.constFirst().isEmpty())
            continue; // an empty line (e.g. at the end)
        if (cells.size() != width) {
            reject(ImportText::tr("%1 cells where the header has %2").arg(cells.size()).arg(width));
            continue;
        }
        Sample sample;
        QStringList errors;
        for (auto it = columnAt.cbegin(); it != columnAt.cend(); ++it) {
            const QByteArray &cell = cells.at(it.key());
            switch (it.value()) {
            case Column::Time: {
                const auto ms = parseIsoTimeMs(QString::fromUtf8(cell));
                if (!ms || *ms < 0 || *ms > MetricsDecoder::MaxTimestampMs)
                    errors << ImportText::tr("time: '%1' is not an ISO-8601 time").arg(shown(cell));
                else
                    sample.receivedMs = *ms;
                break;
            }
            case Column::MeetingId:
            case Column::UserId: {
                const QString id = unguard(cell);
                const char *name = it.value() == Column::MeetingId ? "meeting_id" : "user_id";
                if (id.isEmpty() || id.size() > MetricsDecoder::MaxIdLength)
                    errors << ImportText::tr("%1: empty or longer than %2 characters")
                                  .arg(QLatin1String(name))
                                  .arg(MetricsDecoder::MaxIdLength);
                else
                    (it.value() == Column::MeetingId ? sample.meetingId : sample.userId) = id;
                break;
            }
            case Column::Username:
                sample.username = sanitizeUntrustedText(unguard(cell), MetricsDecoder::MaxNameLength);
                break;
            case Column::Quality:
                if (!cell.isEmpty()) {
                    const auto level = qualityFromString(QString::fromUtf8(cell));
                    if (!level)
                        errors << ImportText::tr("quality: '%1' is not excellent, good, fair or poor")
                                      .arg(shown(cell));
                    else
                        sample.quality = *level;
                }
                break;
            default:
                for (const MetricColumn &metric : MetricColumns) {
                    if (metric.column != it.value() || cell.isEmpty())
                        continue;
                    double value = 0;
                    const auto [ptr, ec] = std::from_chars(cell.constData(), cell.constData() + cell.size(), value);
                    if (ec != std::errc() || ptr != cell.constData() + cell.size() || !std::isfinite(value)) {
                        errors << ImportText::tr("%1: not a number").arg(QLatin1String(metric.name));
                    } else if (value < 0 || value > metric.max) {
                        errors << ImportText::tr("%1: %2 is outside 0..%3")
                                      .arg(QLatin1String(metric.name), shown(cell))
                                      .arg(metric.max, 0, 'f', 0);
                    } else {
                        const double stored = value == 0 ? 0.0 : value; // no -0
                        switch (metric.column) {
                        case Column::Upload: sample.uploadKbps = stored; break;
                        case Column::Download: sample.downloadKbps = stored; break;
                        case Column::Latency: sample.latencyMs = stored; break;
                        case Column::Loss: sample.packetLossPct = stored; break;
                        case Column::Jitter: sample.jitterMs = stored; break;
                        default: break;
                        }
                    }
                }
                break;
            }
        }
        if (!errors.isEmpty()) {
            reject(errors.join(QStringLiteral("; ")));
            continue;
        }
        batch.push_back(std::move(sample));
        ++imported;
        if (batch.size() >= size_t(kRowsPerBatch) && !post())
            failed = true;
    }
    if (!failed && (!post() || !writer.flush() || !writeError.isEmpty()))
        failed = true;
    if (file.error() != QFileDevice::NoError) {
        say(err, ImportText::tr("cannot read %1: %2").arg(csvPath, file.errorString()));
        failed = true;
    }
    writer.close();
    if (failed) {
        say(err, ImportText::tr("import stopped: %1; the rows before line %2 are stored, nothing of "
                                "the failed transaction is")
                     .arg(writeError.isEmpty() ? ImportText::tr("read error") : writeError)
                     .arg(committedUpToLine + 1));
        return 1;
    }
    say(err, ImportText::tr("imported %1 samples from %2; %3 rows rejected")
                 .arg(imported)
                 .arg(csvPath)
                 .arg(rejected));
    return rejected > 0 ? 3 : 0;
}

} // namespace mm
