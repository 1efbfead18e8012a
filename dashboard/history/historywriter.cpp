#include "historywriter.h"

#include "historydatabase.h"

#include <QSqlError>
#include <QTimer>
#include <cmath>

namespace mm {

namespace {

QVariant nullable(const Metric &value)
{
    // A typed NULL: execBatch needs one type per column, SQLite gets NULL.
    if (!value || !std::isfinite(*value))
        return QVariant(QMetaType::fromType<double>());
    return QVariant(*value);
}

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

} // namespace

HistoryWriter::HistoryWriter(QString path, int commitIntervalMs, int maxPendingRows,
                             QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_maxPendingRows(qMax(1, maxPendingRows))
    , m_commitTimer(new QTimer(this)) // a child, so it moves with us to the writer thread
{
    m_commitTimer->setSingleShot(true);
    m_commitTimer->setInterval(qMax(0, commitIntervalMs));
    connect(m_commitTimer, &QTimer::timeout, this, &HistoryWriter::flush);
}

HistoryWriter::~HistoryWriter()
{
    close();
}

bool HistoryWriter::open()
{
    close();
    auto db = std::make_unique<HistoryDatabase>();
    if (!db->open(m_path, HistoryDatabase::Mode::ReadWrite)) {
        m_error = db->errorString();
        emit failed(m_error);
        return false;
    }
    const QSqlDatabase connection = db->database();
    m_insertSample.emplace(connection);
    m_upsertMeeting.emplace(connection);
    m_upsertUser.emplace(connection);
    m_renameMeeting.emplace(connection);
    const bool prepared =
        m_insertSample->prepare(QStringLiteral(
            "INSERT INTO samples(ts_ms, user_key, up, down, latency, loss, jitter, quality)"
            " VALUES(?, ?, ?, ?, ?, ?, ?, ?)"))
        && m_upsertMeeting->prepare(QStringLiteral(
            "INSERT INTO meetings(meeting_id, name, first_seen_ms) VALUES(?, ?, ?)"
            " ON CONFLICT(meeting_id) DO UPDATE SET name = coalesce(excluded.name, name)"
            " RETURNING coalesce(name, '')"))
        // RETURNING (SQLite >= 3.35) hands back the key whether the user is
        // new or was recorded by an earlier run.
        && m_upsertUser->prepare(QStringLiteral(
            "INSERT INTO users(meeting_id, user_id, username, first_seen_ms) VALUES(?, ?, ?, ?)"
            " ON CONFLICT(meeting_id, user_id)"
            " DO UPDATE SET username = coalesce(excluded.username, username)"
            " RETURNING user_key, coalesce(username, '')"))
        && m_renameMeeting->prepare(QStringLiteral("UPDATE meetings SET name = ? WHERE meeting_id = ?"));
    if (!prepared) {
        QString detail;
        for (const auto *query : {&m_insertSample, &m_upsertMeeting, &m_upsertUser, &m_renameMeeting})
            if ((*query)->lastError().isValid())
                detail = (*query)->lastError().text();
        m_db = std::move(db);
        close();
        m_error = QStringLiteral("history %1: cannot prepare statements: %2").arg(m_path, detail);
        emit failed(m_error);
        return false;
    }
    m_db = std::move(db);
    return true;
}

void HistoryWriter::close()
{
    if (m_db)
        flush();
    m_commitTimer->stop();
    // Queries hold the connection: they go before the database.
    m_insertSample.reset();
    m_upsertMeeting.reset();
    m_upsertUser.reset();
    m_renameMeeting.reset();
    m_meetingNames.clear();
    m_users.clear();
    m_db.reset();
}

void HistoryWriter::writeBatch(mm::SampleBatchPtr batch)
{
    if (!batch || batch->empty())
        return;
    if (!m_db) {
        // Not open (open() failed and said so): count, keep memory bounded.
        m_rowsDropped += qint64(batch->size());
        return;
    }
    m_pendingRows += qint64(batch->size());
    m_pending.push_back(std::move(batch));
    if (m_pendingRows >= m_maxPendingRows)
        flush();
    else if (!m_commitTimer->isActive())
        m_commitTimer->start();
}

bool HistoryWriter::flush()
{
    m_commitTimer->stop();
    if (m_pending.empty())
        return true;
    return commitPending();
}

void HistoryWriter::reportFailure(const QString &message, qint64 droppedRows)
{
    m_rowsDropped += droppedRows;
    m_error = message;
    emit failed(message);
}

std::optional<qint64> HistoryWriter::userKey(const Sample &sample, QString *error)
{
    auto meeting = m_meetingNames.find(sample.meetingId);
    if (meeting == m_meetingNames.end()) {
        QSqlQuery &query = *m_upsertMeeting;
        query.bindValue(0, sample.meetingId);
        query.bindValue(1, nullableText(sample.meetingName));
        query.bindValue(2, sample.receivedMs);
        if (!query.exec() || !query.next()) {
            *error = query.lastError().text();
            return std::nullopt;
        }
        meeting = m_meetingNames.insert(sample.meetingId, query.value(0).toString());
        query.finish();
    } else if (!sample.meetingName.isEmpty() && *meeting != sample.meetingName) {
        QSqlQuery &query = *m_renameMeeting;
        query.bindValue(0, sample.meetingName);
        query.bindValue(1, sample.meetingId);
        if (!query.exec()) {
            *error = query.lastError().text();
            return std::nullopt;
        }
        *meeting = sample.meetingName;
    }

    QHash<QString, UserEntry> &users = m_users[sample.meetingId];
    auto user = users.find(sample.userId);
    if (user != users.end()
        && (sample.username.isEmpty() || user->username == sample.username))
        return user->key;

    // New to this writer, or renamed: the upsert keeps the latest name.
    QSqlQuery &query = *m_upsertUser;
    query.bindValue(0, sample.meetingId);
    query.bindValue(1, sample.userId);
    query.bindValue(2, nullableText(sample.username));
    query.bindValue(3, sample.receivedMs);
    if (!query.exec() || !query.next()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    UserEntry entry{query.value(0).toLongLong(), query.value(1).toString()};
    query.finish();
    users.insert(sample.userId, entry);
    return entry.key;
}

bool HistoryWriter::commitPending()
{
    std::vector<SampleBatchPtr> batches;
    batches.swap(m_pending);
    const qint64 rows = m_pendingRows;
    m_pendingRows = 0;

    QSqlDatabase db = m_db->database();
    if (!db.transaction()) {
        reportFailure(QStringLiteral("history %1: cannot begin a transaction: %2")
                          .arg(m_path, db.lastError().text()),
                      rows);
        return false;
    }
    auto abort = [&](const QString &detail) {
        db.rollback();
        // Keys inserted by the rolled-back transaction no longer exist.
        m_meetingNames.clear();
        m_users.clear();
        reportFailure(QStringLiteral("history %1: write failed, %2 samples not stored: %3")
                          .arg(m_path)
                          .arg(rows)
                          .arg(detail),
                      rows);
        return false;
    };

    QVariantList ts, keys, up, down, latency, loss, jitter, quality;
    for (QVariantList *column : {&ts, &keys, &up, &down, &latency, &loss, &jitter, &quality})
        column->reserve(rows);
    qint64 skipped = 0;
    QString error;
    for (const SampleBatchPtr &batch : batches) {
        for (const Sample &sample : *batch) {
            // The decoder guarantees ids; a producer that does not is not
            // allowed to poison a whole transaction.
            if (sample.meetingId.isEmpty() || sample.userId.isEmpty()) {
                ++skipped;
                continue;
            }
            const std::optional<qint64> key = userKey(sample, &error);
            if (!key)
                return abort(error);
            ts.append(sample.receivedMs);
            keys.append(*key);
            up.append(nullable(sample.uploadKbps));
            down.append(nullable(sample.downloadKbps));
            latency.append(nullable(sample.latencyMs));
            loss.append(nullable(sample.packetLossPct));
            jitter.append(nullable(sample.jitterMs));
            quality.append(sample.quality == Quality::Unknown
                               ? QVariant(QMetaType::fromType<int>())
                               : QVariant(int(sample.quality)));
        }
    }
    batches.clear(); // release the batches before the disk work

    if (!ts.isEmpty()) {
        QSqlQuery &insert = *m_insertSample;
        int column = 0;
        for (QVariantList *values : {&ts, &keys, &up, &down, &latency, &loss, &jitter, &quality})
            insert.bindValue(column++, *values);
        if (!insert.execBatch())
            return abort(insert.lastError().text());
    }
    if (!db.commit())
        return abort(db.lastError().text());

    m_rowsDropped += skipped;
    m_rowsCommitted += rows - skipped;
    emit committed(m_rowsCommitted);
    return true;
}

HistoryWriterThread::HistoryWriterThread(QString path, int commitIntervalMs, int maxPendingRows,
                                         QObject *parent)
    : QObject(parent)
    , m_writer(new HistoryWriter(std::move(path), commitIntervalMs, maxPendingRows))
{
    registerSampleMetaTypes();
    m_thread.setObjectName(QStringLiteral("history"));
    m_writer->moveToThread(&m_thread);
}

HistoryWriterThread::~HistoryWriterThread()
{
    stop();
    // The thread has finished (or never ran): nothing else touches the
    // writer, so deleting it from here is safe.
    delete m_writer;
}

bool HistoryWriterThread::start(QString *error)
{
    if (m_thread.isRunning())
        return true;
    m_thread.start();
    bool opened = false;
    QMetaObject::invokeMethod(m_writer, &HistoryWriter::open, Qt::BlockingQueuedConnection,
                              &opened);
    if (!opened && error) {
        QString message;
        QMetaObject::invokeMethod(m_writer, &HistoryWriter::errorString,
                                  Qt::BlockingQueuedConnection, &message);
        *error = message;
    }
    return opened;
}

bool HistoryWriterThread::flush()
{
    if (!m_thread.isRunning())
        return false;
    // Queued behind every writeBatch already posted, so those are included.
    bool ok = false;
    QMetaObject::invokeMethod(m_writer, &HistoryWriter::flush, Qt::BlockingQueuedConnection, &ok);
    return ok;
}

void HistoryWriterThread::stop()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(m_writer, &HistoryWriter::close, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

} // namespace mm
