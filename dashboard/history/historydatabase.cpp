#include "historydatabase.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace mm {

namespace {

// Connection names must be unique per process; a counter is enough.
QAtomicInteger<quint64> s_connectionCounter;

const char *const DriverName = "QSQLITE";

// Version 1. Kept as separate statements: QSqlQuery runs one at a time.
const char *const SchemaV1[] = {
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

    // A rowid table appended in receive order: no primary key on
    // (ts_ms, user_key) because one user may legitimately send two samples
    // within a millisecond, and a conflict must never fail a batch.
    "CREATE TABLE samples("
    " ts_ms INTEGER NOT NULL,"
    " user_key INTEGER NOT NULL REFERENCES users(user_key),"
    " up REAL, down REAL, latency REAL, loss REAL, jitter REAL,"
    " quality INTEGER)",

    // Time-range exports and retention walk this one; it grows at its end.
    "CREATE INDEX samples_by_time ON samples(ts_ms)",
    // Per-user exports and charts. Entries are small (two integers + rowid),
    // so the scattered inserts it costs stay cheap (measured in the tests'
    // throughput check; performance-notes.md §5 for the clustered case).
    "CREATE INDEX samples_by_user ON samples(user_key, ts_ms)",
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
    if (!configure() || !migrate()) {
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
    if (m_mode == Mode::ReadOnly)
        return fail(where, QStringLiteral("not a Meeting Monitor history (no schema)"));

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
        for (const char *statement : SchemaV1) {
            if (!exec(QString::fromLatin1(statement)))
                return rollback();
        }
        // Future versions: `if (version < 2) { ... }` blocks go here, in
        // the same transaction.
        if (!exec(QStringLiteral("PRAGMA user_version=%1").arg(SchemaVersion)))
            return rollback();
    }
    return exec(QStringLiteral("COMMIT")) || rollback();
}

} // namespace mm
