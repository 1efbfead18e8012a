#pragma once

#include <QSqlDatabase>
#include <QString>
#include <memory>
#include <optional>

namespace mm {

// The SQLite history (QSQLITE). One instance is one connection with a name
// of its own, so several may be open in one process and in different
// threads; use an instance only in the thread that opened it.
//
// Schema, version 3 (PRAGMA user_version):
//   meetings(meeting_id TEXT PK, name TEXT, first_seen_ms INTEGER)
//   users(user_key INTEGER PK, meeting_id TEXT, user_id TEXT, username TEXT,
//         first_seen_ms INTEGER, UNIQUE(meeting_id, user_id))
//   raw_blocks(minute INTEGER, user_key INTEGER, data BLOB,
//              PRIMARY KEY(minute, user_key)) WITHOUT ROWID
//       one row per user and UTC minute (minute = ms / 60,000) holding that
//       minute's samples, packed by RawBlockEncoder (about 14 bytes each)
//   rollups(minute INTEGER, user_key INTEGER, <rolluptable.h columns>,
//           PRIMARY KEY(minute, user_key)) WITHOUT ROWID
//   meta(key TEXT PK, value)   e.g. the writer's raw_retention_ms
//   incidents(run_id, incident_id, ..., PRIMARY KEY(run_id, incident_id))
//       (version 3) one row per alert incident, upserted on every change;
//       columns and the timeline JSON in incidenttable.h. run_id tells the
//       recorder runs apart (an engine numbers its incidents from 1).
// Time-major keys: the writer's per-commit upserts of the open minute all
// land at the end of both B-trees (performance-notes.md §5: per-user
// clustering made every commit scatter), and retention deletes a prefix.
// Per-user reads are point look-ups, one per minute of the range.
//
// Version 1 kept one row per sample (samples(ts_ms, user_key, up, down,
// latency, loss, jitter, quality)); opening one read-write converts it in
// one transaction (blocks and rollups from every sample, then the old table
// goes). Version 2 gains the incidents table (nothing else changes, so a
// read-only open accepts version 2 and simply has no incidents).
class HistoryDatabase final
{
public:
    enum class Mode { ReadWrite, ReadOnly };
    static constexpr int SchemaVersion = 3;
    // Oldest schema a read-only open accepts (it cannot migrate).
    static constexpr int MinReadableVersion = 2;
    static constexpr int BusyTimeoutMs = 5000;

    HistoryDatabase();
    ~HistoryDatabase(); // closes and removes the connection
    HistoryDatabase(const HistoryDatabase &) = delete;
    HistoryDatabase &operator=(const HistoryDatabase &) = delete;

    // ReadWrite creates the file and the schema if needed. ReadOnly needs an
    // existing history (e.g. one a recorder is writing) and never writes.
    // On failure returns false and errorString() says why.
    bool open(const QString &path, Mode mode = Mode::ReadWrite);
    // A connection opened for the calling thread (the readers' and the
    // journal's way in); nullptr, with *error set, when open() failed.
    static std::unique_ptr<HistoryDatabase> opened(const QString &path, Mode mode, QString *error);
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
    // Whether the open database has the incidents table (schema 3 and later).
    bool hasIncidents() const;

    // The meta table: nullopt when the key is absent or not an integer.
    std::optional<qint64> metaInteger(const QString &key) const;
    bool setMetaInteger(const QString &key, qint64 value);

private:
    bool fail(const QString &what, const QString &detail);
    bool exec(const QString &sql);
    bool configure();
    bool migrate();
    bool createVersion2();
    bool createVersion3();
    bool convertVersion1();

    QString m_connectionName;
    QString m_path;
    QString m_error;
    Mode m_mode = Mode::ReadWrite;
};

} // namespace mm
