#pragma once

#include <QSqlDatabase>
#include <QString>

namespace mm {

// The SQLite history (QSQLITE): raw 1 Hz samples plus the dimension tables
// that keep a raw row small. One instance is one connection with a name of
// its own, so several may be open in one process and in different threads;
// use an instance only in the thread that opened it.
//
// Schema, version 1 (PRAGMA user_version):
//   meetings(meeting_id TEXT PK, name TEXT, first_seen_ms INTEGER)
//   users(user_key INTEGER PK, meeting_id TEXT, user_id TEXT, username TEXT,
//         first_seen_ms INTEGER, UNIQUE(meeting_id, user_id))
//   samples(ts_ms INTEGER, user_key INTEGER, up REAL, down REAL, latency REAL,
//           loss REAL, jitter REAL, quality INTEGER)    -- NULL = unknown
// Samples are appended in receive-time order (time-major), which keeps the
// rowid and the ts_ms index append-only: performance-notes.md §5 measured
// per-user clustering ~10x slower with commit stalls of hundreds of ms.
// Later versions (rollups, retention) add tables through migrate().
class HistoryDatabase final
{
public:
    enum class Mode { ReadWrite, ReadOnly };
    static constexpr int SchemaVersion = 1;
    static constexpr int BusyTimeoutMs = 5000;

    HistoryDatabase();
    ~HistoryDatabase(); // closes and removes the connection
    HistoryDatabase(const HistoryDatabase &) = delete;
    HistoryDatabase &operator=(const HistoryDatabase &) = delete;

    // ReadWrite creates the file and the schema if needed. ReadOnly needs an
    // existing history (e.g. one a recorder is writing) and never writes.
    // On failure returns false and errorString() says why.
    bool open(const QString &path, Mode mode = Mode::ReadWrite);
    void close();
    bool isOpen() const;

    // The underlying connection, for queries in the opening thread.
    QSqlDatabase database() const;
    QString connectionName() const { return m_connectionName; }
    QString errorString() const { return m_error; }
    QString path() const { return m_path; }
    Mode mode() const { return m_mode; }

    // PRAGMA user_version of the open database (0 for a foreign/empty file).
    int schemaVersion() const;

private:
    bool fail(const QString &what, const QString &detail);
    bool exec(const QString &sql);
    bool configure();
    bool migrate();

    QString m_connectionName;
    QString m_path;
    QString m_error;
    Mode m_mode = Mode::ReadWrite;
};

} // namespace mm
