#pragma once

#include "core/sample.h"

#include <QHash>
#include <QObject>
#include <QSqlQuery>
#include <QThread>
#include <memory>
#include <optional>

class QTimer;

namespace mm {

class HistoryDatabase;

// Appends validated samples to the history in batched transactions: one
// transaction per commit interval (or sooner when MaxPendingRows are
// waiting), prepared statements, QSqlQuery::execBatch. Unknown values are
// stored as NULL. Lives in a thread of its own (HistoryWriterThread) so that
// commit stalls never land on the GUI or ingest event loop; every method
// runs in that thread.
class HistoryWriter final : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultCommitIntervalMs = 1000;
    static constexpr int DefaultMaxPendingRows = 20000;

    explicit HistoryWriter(QString path, int commitIntervalMs = DefaultCommitIntervalMs,
                           int maxPendingRows = DefaultMaxPendingRows, QObject *parent = nullptr);
    ~HistoryWriter() override;

    // Opens (creating if needed) the history. On failure emits failed() and
    // returns false; writeBatch() then drops (and counts) what it is given.
    bool open();
    // Commits what is pending, then closes the database.
    void close();

    // Queues the batch's samples; commits when the interval has passed since
    // the first pending row, or at once when MaxPendingRows are pending.
    void writeBatch(mm::SampleBatchPtr batch);
    // Commits everything pending now. False when that commit failed (the
    // rows are then dropped, counted and reported through failed()).
    bool flush();

    qint64 rowsCommitted() const { return m_rowsCommitted; }
    qint64 rowsDropped() const { return m_rowsDropped; }
    qint64 pendingRows() const { return m_pendingRows; }
    QString errorString() const { return m_error; }

signals:
    // A transaction committed; rowsTotal counts every sample row committed
    // by this writer so far.
    void committed(qint64 rowsTotal);
    // A write failed and was rolled back whole; the writer keeps going.
    void failed(const QString &message);

private:
    struct UserEntry
    {
        qint64 key = 0;
        QString username;
    };

    bool commitPending();
    std::optional<qint64> userKey(const Sample &sample, QString *error);
    void reportFailure(const QString &message, qint64 droppedRows);

    QString m_path;
    int m_maxPendingRows;
    QTimer *m_commitTimer;
    std::unique_ptr<HistoryDatabase> m_db;
    std::optional<QSqlQuery> m_insertSample;
    std::optional<QSqlQuery> m_upsertMeeting;
    std::optional<QSqlQuery> m_upsertUser;
    std::optional<QSqlQuery> m_renameMeeting;
    // Dimension keys already in the database, so a steady stream costs no
    // look-ups. Cleared on a rolled-back commit (its keys are gone too).
    QHash<QString, QString> m_meetingNames;            // meeting id -> name
    QHash<QString, QHash<QString, UserEntry>> m_users; // meeting id -> user id -> entry
    std::vector<SampleBatchPtr> m_pending;
    qint64 m_pendingRows = 0;
    qint64 m_rowsCommitted = 0;
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
