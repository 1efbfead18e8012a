#include "historydatabase.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include "incidenttable.h"
#include "rawblock.h"
#include "rolluptable.h"

namespace mm {

namespace {

// Connection names must be unique per process; a counter is enough.
QAtomicInteger<quint64> s_connectionCounter;

const char *const DriverName = "QSQLITE";

// Shared by every version. Kept as separate statements: QSqlQuery runs one
// at a time.
const char *const DimensionTables[] = {
    "CREATE TABLE meetings("
    " meeting_id TEXT PRIMARY KEY NOT NULL,"
    " name TEXT,"
    " first_seen_ms INTEGER NOT NULL)",

    "CREATE TABLE users("
    " user_key INTEGER PRIMARY KEY,"
    " meeting_id TEXT NOT NULL REFERENCES meetings(meeting_id),"
    " user_id TEXT NOT NULL,"
    " username TEXT,"
    " first_seen_ms INTEGER NOT NULL,"
    " UNIQUE(meeting_id, user_id))",
};

} // namespace

HistoryDatabase::HistoryDatabase()
    : m_connectionName(QStringLiteral("mm-history-%1").arg(++s_connectionCounter))
{
}

HistoryDatabase::~HistoryDatabase()
{
    close();
}

std::unique_ptr<HistoryDatabase> HistoryDatabase::opened(const QString &path, Mode mode,
                                                         QString *error)
{
    auto db = std::make_unique<HistoryDatabase>();
    if (!db->open(path, mode)) {
        *error = db->errorString();
        return nullptr;
    }
    return db;
}

bool HistoryDatabase::open(const QString &path, Mode mode)
{
    close();
    m_path = path;
    m_mode = mode;
    m_error.clear();

    if (mode == Mode::ReadOnly && !QFileInfo(path).isFile())
        return fail(QStringLiteral("cannot open history %1").arg(path),
                    QStringLiteral("no such file"));

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QString::fromLatin1(DriverName), m_connectionName);
        if (!db.isValid())
            return fail(QStringLiteral("cannot open history %1").arg(path),
                        QStringLiteral("the Qt SQLite driver (QSQLITE) is not available"));
        db.setDatabaseName(path);
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(BusyTimeoutMs);
        if (mode == Mode::ReadOnly)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        db.setConnectOptions(options);
        if (!db.open())
            return fail(QStringLiteral("cannot open history %1").arg(path), db.lastError().text());
    }
    // The fleet chart's covering index (minute and seconds per level):
    // added by whoever writes, in any schema version, so an existing history
    // gains it on its recorder's next start. Readers use it when it is there.
    if (!configure() || !migrate()
        || (mode != Mode::ReadOnly
            && !exec(QStringLiteral("CREATE INDEX IF NOT EXISTS rollups_fleet ON rollups("
                                    "minute, s_excellent, s_good, s_fair, s_poor, s_unknown)")))) {
        const QString error = m_error;
        close();
        m_error = error;
        return false;
    }
    return true;
}

void HistoryDatabase::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool HistoryDatabase::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName)
        && QSqlDatabase::database(m_connectionName, false).isOpen();
}

QSqlDatabase HistoryDatabase::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int HistoryDatabase::schemaVersion() const
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

std::optional<qint64> HistoryDatabase::metaInteger(const QString &key) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    query.addBindValue(key);
    if (!query.exec() || !query.next())
        return std::nullopt;
    bool ok = false;
    const qint64 value = query.value(0).toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

bool HistoryDatabase::setMetaInteger(const QString &key, qint64 value)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?)"
                                 " ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(key);
    query.addBindValue(value);
    if (!query.exec())
        return fail(QStringLiteral("history %1").arg(m_path), query.lastError().text());
    return true;
}

bool HistoryDatabase::createVersion2()
{
    return exec(QStringLiteral("CREATE TABLE raw_blocks("
                               " minute INTEGER NOT NULL,"
                               " user_key INTEGER NOT NULL REFERENCES users(user_key),"
                               " data BLOB NOT NULL,"
                               " PRIMARY KEY(minute, user_key)) WITHOUT ROWID"))
        && exec(QStringLiteral("CREATE TABLE rollups("
                               " minute INTEGER NOT NULL,"
                               " user_key INTEGER NOT NULL REFERENCES users(user_key),")
                + rolluptable::valueColumnDefinitions()
                + QStringLiteral(", PRIMARY KEY(minute, user_key)) WITHOUT ROWID"))
        && exec(QStringLiteral("CREATE TABLE meta(key TEXT PRIMARY KEY NOT NULL, value)"
                               " WITHOUT ROWID"));
}

bool HistoryDatabase::createVersion3()
{
    return exec(incidenttable::createTableSql()) && exec(incidenttable::createIndexSql());
}

bool HistoryDatabase::hasIncidents() const
{
    QSqlQuery query(database());
    return query.exec(QStringLiteral(
               "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'incidents'"))
        && query.next() && query.value(0).toInt() == 1;
}

bool HistoryDatabase::convertVersion1()
{
    // Inside migrate()'s transaction: the conversion lands whole or not at
    // all. One user's samples in time order (arrival order within a
    // millisecond), so a block is complete when the user or the minute
    // changes and memory holds one block at a time.
    const QString where = QStringLiteral("history %1: converting from schema 1").arg(m_path);
    QSqlQuery read(database());
    read.setForwardOnly(true);
    if (!read.exec(QStringLiteral("SELECT user_key, ts_ms, up, down, latency, jitter, loss, quality"
                                  " FROM samples ORDER BY user_key, ts_ms, rowid")))
        return fail(where, read.lastError().text());
    QSqlQuery insertBlock(database());
    QSqlQuery insertRollup(database());
    if (!insertBlock.prepare(QStringLiteral("INSERT INTO raw_blocks(minute, user_key, data) VALUES(?, ?, ?)"))
        || !insertRollup.prepare(QStringLiteral("INSERT INTO rollups(minute, user_key, ")
                                 + rolluptable::valueColumns() + QStringLiteral(") VALUES(?, ?")
                                 + QStringLiteral(", ?").repeated(rolluptable::kValueColumnCount)
                                 + QStringLiteral(")")))
        return fail(where, insertRollup.lastError().text());

    qint64 userKey = 0;
    qint64 minute = 0;
    bool open = false;
    RawBlockEncoder encoder;
    MinuteRollup rollup;
    auto store = [&]() -> bool {
        if (!open)
            return true;
        insertBlock.bindValue(0, minute);
        insertBlock.bindValue(1, userKey);
        insertBlock.bindValue(2, encoder.bytes());
        if (!insertBlock.exec())
            return fail(where, insertBlock.lastError().text());
        rolluptable::BatchColumns row;
        row.append(rollup);
        insertRollup.bindValue(0, minute);
        insertRollup.bindValue(1, userKey);
        for (int c = 0; c < rolluptable::kValueColumnCount; ++c)
            insertRollup.bindValue(c + 2, row.columns[size_t(c)].constFirst());
        if (!insertRollup.exec())
            return fail(where, insertRollup.lastError().text());
        return true;
    };
    auto metric = [&](int column) -> Metric {
        const QVariant value = read.value(column);
        return value.isNull() ? Metric() : Metric(value.toDouble());
    };
    while (read.next()) {
        const qint64 key = read.value(0).toLongLong();
        const qint64 ts = read.value(1).toLongLong();
        const qint64 m = rolluptable::minuteOf(ts);
        if (!open || key != userKey || m != minute) {
            if (!store())
                return false;
            userKey = key;
            minute = m;
            open = true;
            encoder = RawBlockEncoder();
            rollup = MinuteRollup();
        }
        Sample sample;
        sample.receivedMs = ts;
        sample.uploadKbps = metric(2);
        sample.downloadKbps = metric(3);
        sample.latencyMs = metric(4);
        sample.jitterMs = metric(5);
        sample.packetLossPct = metric(6);
        const int level = read.value(7).isNull() ? 0 : read.value(7).toInt();
        sample.quality = level >= 0 && level <= int(Quality::Poor) ? Quality(level) : Quality::Unknown;
        encoder.append(rawPointOf(sample), rolluptable::minuteStartMs(minute));
        rollup.add(sample);
    }
    if (read.lastError().isValid())
        return fail(where, read.lastError().text());
    if (!store())
        return false;
    read.finish();
    return exec(QStringLiteral("DROP TABLE samples"));
}

bool HistoryDatabase::fail(const QString &what, const QString &detail)
{
    m_error = detail.isEmpty() ? what : what + QStringLiteral(": ") + detail;
    return false;
}

bool HistoryDatabase::exec(const QString &sql)
{
    QSqlQuery query(database());
    if (!query.exec(sql))
        return fail(QStringLiteral("history %1").arg(m_path), query.lastError().text());
    return true;
}

bool HistoryDatabase::configure()
{
    // busy_timeout also through the PRAGMA so it holds whatever the driver
    // does with its connect option.
    if (!exec(QStringLiteral("PRAGMA busy_timeout=%1").arg(BusyTimeoutMs)))
        return false;
    if (m_mode == Mode::ReadOnly)
        return exec(QStringLiteral("PRAGMA query_only=ON"));

    // WAL: readers (the desktop app, `export`) never block the recorder.
    // synchronous=NORMAL is corruption-safe in WAL and fsyncs only at
    // checkpoints (reliability-notes.md §4). journal_size_limit keeps the
    // WAL file bounded after a checkpoint.
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !query.next())
        return fail(QStringLiteral("history %1").arg(m_path), query.lastError().text());
    if (query.value(0).toString().compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0)
        return fail(QStringLiteral("history %1").arg(m_path),
                    QStringLiteral("cannot switch to WAL journal mode (got %1)")
                        .arg(query.value(0).toString()));
    query.finish();
    return exec(QStringLiteral("PRAGMA synchronous=NORMAL"))
        && exec(QStringLiteral("PRAGMA foreign_keys=ON"))
        && exec(QStringLiteral("PRAGMA journal_size_limit=67108864"))
        && exec(QStringLiteral("PRAGMA cache_size=-32768")); // 32 MiB
}

bool HistoryDatabase::migrate()
{
    const QString where = QStringLiteral("history %1").arg(m_path);
    int version = schemaVersion();
    if (version < 0)
        return fail(where, QStringLiteral("not an SQLite database, or unreadable"));
    if (version > SchemaVersion)
        return fail(where, QStringLiteral("written by a newer Meeting Monitor (schema %1, this one "
                                          "reads up to %2)")
                               .arg(version)
                               .arg(SchemaVersion));
    if (version == SchemaVersion)
        return true;
    if (m_mode == Mode::ReadOnly) {
        if (version >= MinReadableVersion)
            return true; // readers of an older schema see no incidents
        if (version == 0)
            return fail(where, QStringLiteral("not a Meeting Monitor history (no schema)"));
        return fail(where, QStringLiteral("written by an older Meeting Monitor (schema %1); open it "
                                          "once with `meeting-monitor record` or `import` to "
                                          "upgrade it")
                               .arg(version));
    }

    // One transaction for the whole schema: a crash leaves the old version
    // or the new one, never half of it. IMMEDIATE takes the write lock
    // first, so two processes creating the same file do not both try.
    if (!exec(QStringLiteral("BEGIN IMMEDIATE")))
        return false;
    auto rollback = [this] {
        QSqlQuery(database()).exec(QStringLiteral("ROLLBACK"));
        return false;
    };
    version = schemaVersion(); // another process may have won the race
    if (version == 0) {
        QSqlQuery tables(database());
        if (!tables.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !tables.next())
            return fail(where, tables.lastError().text()) || rollback();
        if (tables.value(0).toInt() != 0) {
            fail(where, QStringLiteral("not a Meeting Monitor history (it holds other tables)"));
            return rollback();
        }
        tables.finish();
        for (const char *statement : DimensionTables) {
            if (!exec(QString::fromLatin1(statement)))
                return rollback();
        }
        if (!createVersion2() || !createVersion3())
            return rollback();
    } else if (version == 1) {
        if (!createVersion2() || !convertVersion1() || !createVersion3())
            return rollback();
    } else if (version == 2) {
        if (!createVersion3())
            return rollback();
    }
    if (version < SchemaVersion && !exec(QStringLiteral("PRAGMA user_version=%1").arg(SchemaVersion)))
        return rollback();
    return exec(QStringLiteral("COMMIT")) || rollback();
}

} // namespace mm
