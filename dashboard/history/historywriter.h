#pragma once

#include "alerts/incident.h"
#include "core/identitycache.h"
#include "core/sample.h"
#include "history/minuterollup.h"
#include "history/rawblock.h"

#include <QHash>
#include <QObject>
#include <QSqlQuery>
#include <QThread>
#include <map>
#include <memory>
#include <optional>
#include <set>

class QTimer;

namespace mm {

class Clock;
class HistoryDatabase;

// How long the history keeps what. 0 means forever.
struct HistoryRetention
{
    static constexpr qint64 DefaultRawMs = 24LL * 3600 * 1000;
    static constexpr qint64 DefaultRollupMs = 90LL * 24 * 3600 * 1000;
    static constexpr int DefaultIntervalMs = 10 * 60 * 1000;
    static constexpr int DefaultBatchRows = 2000;

    qint64 rawMs = DefaultRawMs;       // raw blocks older than this are deleted, and not written
    qint64 rollupMs = DefaultRollupMs; // rollup rows older than this are deleted
    // Deletion runs at open and then every intervalMs, in transactions of
    // at most batchRows rows, one per turn of the writer's event loop so
    // that sample commits interleave (no long write lock). False: nothing is
    // deleted and the policy is not recorded in the database (import).
    bool enforce = true;
    int intervalMs = DefaultIntervalMs;
    int batchRows = DefaultBatchRows;
};

// Writes validated samples to the history in batched transactions, so that
// a kill loses at most the commit interval: a commit is due when the oldest
// pending sample (by its receive time) has waited the interval less what a
// commit takes (measured), or at once when MaxPendingRows are waiting. Each
// sample goes into its user's block of the minute (raw, see rawblock.h) and
// into that user-minute's rollup (MinuteRollup). The open minute's block
// stays in memory and is written (upserted) at every commit; its rollup is
// written once the minute has ended (a later minute's sample arrived or the
// clock passed it), at flush() and at close(): the raw block holds every
// sample, so a rollup that a kill left behind its raw block is rebuilt from
// it when the history is next opened for writing (and whenever this writer
// reads such a block back). That spares a 27-column rewrite per user and
// commit. A user-minute first touched by this writer is read back from the
// database first, so a restarted recorder or an import into an existing
// minute extends what is there. Raw blocks older than the raw retention are
// not written (their rollups are, at every commit). Lives in a thread of
// its own (HistoryWriterThread) so that commit stalls never land on the GUI
// or ingest event loop; every method runs in that thread.
class HistoryWriter final : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultCommitIntervalMs = 1000;
    // A commit rewrites every active user's open minute, so its cost grows
    // with the users, not the rows: up to 100,000 samples a second the
    // timer, not the row count, sets the pace (one commit a second).
    static constexpr int DefaultMaxPendingRows = 100000;

    explicit HistoryWriter(QString path, int commitIntervalMs = DefaultCommitIntervalMs,
                           int maxPendingRows = DefaultMaxPendingRows, QObject *parent = nullptr);
    ~HistoryWriter() override;

    // Opens (creating if needed) the history. On failure emits failed() and
    // returns false; writeBatch() then drops (and counts) what it is given.
    bool open();
    // Commits what is pending, then closes the database.
    void close();

    // Before open() (or in the writer's thread). The clock decides what is
    // old; nullptr (the default) is the system clock. Not owned.
    void setRetention(const HistoryRetention &retention);
    HistoryRetention retention() const { return m_retention; }
    void setClock(const Clock *clock) { m_clock = clock; }

    // Deletes everything older than the retention now, batch by batch
    // (each its own transaction), and returns the number of raw blocks and
    // rollup rows deleted. The timer-driven passes do the same, one batch
    // per event-loop turn. -1 on a database error (reported via failed()).
    qint64 enforceRetention();

    // Queues the batch's samples; commits when the oldest pending sample's
    // commit is due (see above), or at once when MaxPendingRows are pending.
    void writeBatch(mm::SampleBatchPtr batch);
    // Queues incident snapshots (the engine's IncidentChanges, in order) to
    // be upserted by id with the next commit; a later snapshot of the same
    // incident replaces an earlier one still pending. Call it in the
    // writer's thread (queue it: QMetaObject::invokeMethod with a lambda).
    void writeIncidents(const std::vector<mm::Incident> &incidents);
    // Commits everything pending now, the open minutes' rollups included.
    // False when that commit failed (the rows are then dropped, counted and
    // reported through failed()).
    bool flush();

    // Tells this writer's incidents apart from earlier runs' in the table
    // (engines number incidents from 1). Random, chosen at construction.
    qint64 runId() const { return m_runId; }
    qint64 incidentsCommitted() const { return m_incidentsCommitted; } // upserts

    qint64 rowsCommitted() const { return m_rowsCommitted; }
    qint64 rowsDropped() const { return m_rowsDropped; }
    qint64 pendingRows() const { return m_pendingRows; }
    QString errorString() const { return m_error; }

signals:
    // A retention pass finished having deleted something.
    void retentionApplied(qint64 rawBlocksDeleted, qint64 rollupRowsDeleted);
    // A transaction committed; rowsTotal counts every sample row committed
    // by this writer so far, newestReceivedMs is the newest receive time
    // among them (0 before the first sample): what a crash can no longer lose.
    void committed(qint64 rowsTotal, qint64 newestReceivedMs);
    // A write failed and was rolled back whole; the writer keeps going.
    void failed(const QString &message);

private:
    struct UserEntry
    {
        qint64 key = 0;
        QString username;
    };
    struct MeetingEntry
    {
        QString name;
        QHash<QString, UserEntry> users; // by user id
    };
    // One user's samples of one minute, as stored plus what this writer
    // added since.
    struct Block
    {
        qint64 minute = 0;
        bool keepRaw = false;
        bool rawDirty = false;    // holds samples raw_blocks does not have yet
        bool rollupDirty = false; // likewise for rollups
        RawBlockEncoder raw;
        MinuteRollup rollup;
    };
    // What a commit writes besides the pending samples' raw blocks.
    enum class RollupScope {
        EndedMinutes, // the rollups of minutes that have ended (the timers)
        All,          // every rollup not written yet (flush, close)
    };

    bool commit(RollupScope scope);
    bool commitPending(RollupScope scope);
    void onCommitDue();
    void scheduleCommit();
    void scheduleDeferredRollups();
    Block *blockFor(qint64 userKey, qint64 minute, QString *error);
    bool loadBlock(qint64 userKey, Block &block, QString *error);
    bool writeBlocks(RollupScope scope, QString *error);
    bool writeRollup(qint64 userKey, qint64 minute, const MinuteRollup &rollup);
    bool repairRollups(QString *error);
    bool repairStaleRollup(qint64 userKey, qint64 minute, QString *error);
    qint64 nowMs() const;
    qint64 deleteBatch(const QString &table, qint64 cutoffMinute, QString *error);
    void onRetentionTimer();
    void continueRetention();
    std::optional<qint64> userKey(const Sample &sample, QString *error);
    void reportFailure(const QString &message, qint64 droppedRows);

    QString m_path;
    int m_commitIntervalMs;
    int m_maxPendingRows;
    QTimer *m_commitTimer;
    // Writes the rollups of minutes that ended with no later sample to
    // carry them (the fleet fell silent); armed while any is deferred.
    QTimer *m_rollupTimer;
    // How long before a sample's deadline its commit starts: the recent
    // commits' duration with a margin (see commitPending()).
    qint64 m_commitBudgetMs;
    std::unique_ptr<HistoryDatabase> m_db;
    std::optional<QSqlQuery> m_upsertMeeting;
    std::optional<QSqlQuery> m_upsertUser;
    std::optional<QSqlQuery> m_renameMeeting;
    // The per-commit upserts of blocks and rollups, through the SQLite C
    // API (historywriter.cpp): they bind tens of values per user and second.
    struct NativeStatements;
    std::unique_ptr<NativeStatements> m_native;
    std::optional<QSqlQuery> m_selectBlock;
    std::optional<QSqlQuery> m_selectRollup;
    std::optional<QSqlQuery> m_upsertIncident;
    // Dimension keys already in the database, so a steady stream costs no
    // look-ups. Cleared on a rolled-back commit (its keys are gone too).
    QHash<QString, MeetingEntry> m_meetings; // by meeting id
    // The same by the decoder's identity number, with the names stored for
    // the user: a known user with unchanged names costs no hashing.
    struct KnownUser
    {
        qint64 key = 0;
        QString meetingName;
        QString username;
        quint64 meetingRenames = 0; // m_meetingRenames when remembered
    };
    IdentityCache<KnownUser> m_knownUsers;
    // Meeting renames so far: one makes every remembered meeting name stale
    // (another user of the meeting may have sent it).
    quint64 m_meetingRenames = 0;
    // The newest block of each user (by key); older minutes touched in a
    // commit (late or imported samples) live in m_otherBlocks until it ends.
    QHash<qint64, Block> m_openBlocks;
    std::map<std::pair<qint64, qint64>, Block> m_otherBlocks; // (user key, minute)
    qint64 m_latestMinute = 0;
    HistoryRetention m_retention;
    const Clock *m_clock = nullptr;
    QTimer *m_retentionTimer;
    bool m_retentionRunning = false;
    qint64 m_retentionRaw = 0;    // deleted by the pass under way
    qint64 m_retentionRollup = 0;
    // Some open minute's rollup is not written yet.
    bool m_rollupsDeferred = false;
    // (user key, minute) whose stored rollup may lack samples of its stored
    // raw block: the deferred rollups of a commit that failed.
    std::set<std::pair<qint64, qint64>> m_staleRollups;
    std::vector<SampleBatchPtr> m_pending;
    qint64 m_pendingRows = 0;
    // Incident id -> latest snapshot, in id order (written oldest first).
    std::map<quint64, Incident> m_pendingIncidents;
    qint64 m_runId = 0;
    qint64 m_incidentsCommitted = 0;
    qint64 m_rowsCommitted = 0;
    qint64 m_newestCommittedMs = 0;
    qint64 m_rowsDropped = 0;
    QString m_error;
};

// Owns a HistoryWriter and the thread it runs in. Connect producers to
// writer()->writeBatch with Qt::QueuedConnection.
class HistoryWriterThread final : public QObject
{
    Q_OBJECT
public:
    explicit HistoryWriterThread(QString path,
                                 int commitIntervalMs = HistoryWriter::DefaultCommitIntervalMs,
                                 int maxPendingRows = HistoryWriter::DefaultMaxPendingRows,
                                 QObject *parent = nullptr);
    ~HistoryWriterThread() override; // stops: flushes, closes, joins

    HistoryWriter *writer() const { return m_writer; }

    // Starts the thread and opens the history there; blocks until it is
    // open. False (with the reason in *error) when it cannot be opened.
    bool start(QString *error = nullptr);
    // Blocks until everything queued so far (including batches already
    // posted to the writer) is committed. False when that commit failed.
    bool flush();
    // Flushes, closes the database and joins the thread.
    void stop();

private:
    QThread m_thread;
    HistoryWriter *m_writer; // lives in m_thread while it runs
};

} // namespace mm
