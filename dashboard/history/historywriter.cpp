#include "historywriter.h"

#include "core/stringinterner.h"
#include "historydatabase.h"
#include "incidenttable.h"
#include "rolluptable.h"

#include "core/clock.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlDriver>
#include <QSqlError>
#include <QTimer>
#include <cmath>
#include <sqlite3.h>

namespace mm {

namespace {

// A commit starts at least this long before its oldest sample's deadline
// (the commit's own measured time is added), and the rollups of a minute
// that ended with no later sample are written this long after its end.
constexpr qint64 MinCommitBudgetMs = 50;
constexpr qint64 RollupGraceMs = 2000;

// The rollup of a raw block's samples, when the stored rollup (its sample
// count, nullopt when there is none) lacks some of them; nullopt when it
// does not, or when the block does not decode (the rollup then stands).
std::optional<MinuteRollup> rollupBehindRaw(QByteArrayView data, qint64 minute,
                                            std::optional<qint64> storedSamples)
{
    const auto points = decodeRawBlock(data, rolluptable::minuteStartMs(minute));
    if (!points || points->empty() || (storedSamples && *storedSamples >= qint64(points->size())))
        return std::nullopt;
    MinuteRollup rollup;
    for (const RawPoint &point : *points)
        rollup.add(sampleOf(point));
    return rollup;
}

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

// The connection's sqlite3 handle (QSQLITE links the system SQLite, as we
// do), or nullptr when the driver is not SQLite's.
sqlite3 *nativeHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

// One prepared statement of the writer's connection, finalized before the
// connection closes.
class Statement final
{
public:
    Statement() = default;
    ~Statement() { sqlite3_finalize(m_statement); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool prepare(sqlite3 *db, const QString &sql)
    {
        const QByteArray utf8 = sql.toUtf8();
        return sqlite3_prepare_v3(db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT,
                                  &m_statement, nullptr)
            == SQLITE_OK;
    }
    sqlite3_stmt *get() const { return m_statement; }
    // Runs the bound statement to its end and resets it for the next row.
    int run()
    {
        const int rc = sqlite3_step(m_statement);
        sqlite3_reset(m_statement);
        return rc == SQLITE_DONE ? SQLITE_OK : rc;
    }

private:
    sqlite3_stmt *m_statement = nullptr;
};

} // namespace

struct HistoryWriter::NativeStatements
{
    sqlite3 *db = nullptr;
    Statement upsertBlock;
    Statement upsertRollup;

    QString error() const { return QString::fromUtf8(sqlite3_errmsg(db)); }
};

HistoryWriter::HistoryWriter(QString path, int commitIntervalMs, int maxPendingRows,
                             QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_commitIntervalMs(qMax(0, commitIntervalMs))
    , m_maxPendingRows(qMax(1, maxPendingRows))
    , m_commitTimer(new QTimer(this)) // children, so they move with us to the writer thread
    , m_rollupTimer(new QTimer(this))
    , m_commitBudgetMs(std::min<qint64>(2 * MinCommitBudgetMs, m_commitIntervalMs / 2))
    , m_retentionTimer(new QTimer(this))
    // 53 bits: exact as a double too, should anything read it as JSON.
    , m_runId(qint64(QRandomGenerator::system()->generate64() & ((quint64(1) << 53) - 1)))
{
    m_commitTimer->setSingleShot(true);
    m_rollupTimer->setSingleShot(true);
    connect(m_commitTimer, &QTimer::timeout, this, &HistoryWriter::onCommitDue);
    connect(m_rollupTimer, &QTimer::timeout, this, &HistoryWriter::onCommitDue);
    connect(m_retentionTimer, &QTimer::timeout, this, &HistoryWriter::onRetentionTimer);
}

void HistoryWriter::setRetention(const HistoryRetention &retention)
{
    m_retention = retention;
    m_retention.rawMs = qMax<qint64>(0, retention.rawMs);
    m_retention.rollupMs = qMax<qint64>(0, retention.rollupMs);
    m_retention.intervalMs = qMax(1000, retention.intervalMs);
    m_retention.batchRows = qMax(1, retention.batchRows);
}

qint64 HistoryWriter::nowMs() const
{
    return m_clock ? m_clock->nowMs() : QDateTime::currentMSecsSinceEpoch();
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
    for (auto *query : {&m_upsertMeeting, &m_upsertUser, &m_renameMeeting, &m_selectBlock,
                        &m_selectRollup, &m_upsertIncident})
        query->emplace(connection);
    auto native = std::make_unique<NativeStatements>();
    native->db = nativeHandle(connection);
    const bool nativePrepared = native->db
        && native->upsertBlock.prepare(native->db, QStringLiteral(
               "INSERT INTO raw_blocks(minute, user_key, data) VALUES(?, ?, ?)"
               " ON CONFLICT(minute, user_key) DO UPDATE SET data = excluded.data"))
        && native->upsertRollup.prepare(native->db,
                                        QStringLiteral("INSERT OR REPLACE INTO rollups(minute, user_key, ")
                                            + rolluptable::valueColumns() + QStringLiteral(") VALUES(?, ?")
                                            + QStringLiteral(", ?").repeated(rolluptable::kValueColumnCount)
                                            + QStringLiteral(")"));
    const bool prepared = nativePrepared &&
        m_upsertMeeting->prepare(QStringLiteral(
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
        && m_renameMeeting->prepare(QStringLiteral("UPDATE meetings SET name = ? WHERE meeting_id = ?"))
        && m_selectBlock->prepare(QStringLiteral(
            "SELECT data FROM raw_blocks WHERE minute = ? AND user_key = ?"))
        && m_selectRollup->prepare(QStringLiteral("SELECT ") + rolluptable::valueColumns()
                                   + QStringLiteral(" FROM rollups WHERE minute = ? AND user_key = ?"))
        && m_upsertIncident->prepare(incidenttable::upsertSql());
    if (!prepared) {
        QString detail;
        if (!native->db)
            detail = QStringLiteral("not an SQLite connection");
        else if (!nativePrepared)
            detail = native->error();
        for (const auto *query : {&m_upsertMeeting, &m_upsertUser, &m_renameMeeting, &m_selectBlock,
                                  &m_selectRollup, &m_upsertIncident})
            if ((*query)->lastError().isValid())
                detail = (*query)->lastError().text();
        native.reset();
        m_db = std::move(db);
        close();
        m_error = QStringLiteral("history %1: cannot prepare statements: %2").arg(m_path, detail);
        emit failed(m_error);
        return false;
    }
    m_native = std::move(native);
    m_db = std::move(db);
    QString repairError;
    if (!repairRollups(&repairError)) {
        close();
        m_error = QStringLiteral("history %1: cannot bring rollups up to date: %2")
                      .arg(m_path, repairError);
        emit failed(m_error);
        return false;
    }
    if (m_retention.enforce) {
        // Readers choose raw or rollups by the raw retention in force.
        m_db->setMetaInteger(QStringLiteral("raw_retention_ms"), m_retention.rawMs);
        m_db->setMetaInteger(QStringLiteral("rollup_retention_ms"), m_retention.rollupMs);
        m_retentionTimer->start(m_retention.intervalMs);
        // The first pass right after start-up, from the event loop.
        QTimer::singleShot(0, this, &HistoryWriter::onRetentionTimer);
    }
    return true;
}

void HistoryWriter::close()
{
    if (m_db)
        flush();
    m_commitTimer->stop();
    m_rollupTimer->stop();
    m_retentionTimer->stop();
    m_retentionRunning = false;
    // Queries hold the connection: they go before the database.
    m_native.reset();
    for (auto *query : {&m_upsertMeeting, &m_upsertUser, &m_renameMeeting, &m_selectBlock,
                        &m_selectRollup, &m_upsertIncident})
        query->reset();
    m_meetings.clear();
    m_knownUsers.clear();
    m_openBlocks.clear();
    m_otherBlocks.clear();
    m_rollupsDeferred = false;
    m_staleRollups.clear();
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
        commit(RollupScope::EndedMinutes);
    else
        scheduleCommit();
}

void HistoryWriter::scheduleCommit()
{
    if (m_commitTimer->isActive())
        return;
    // The oldest pending sample has already waited for the ingest thread's
    // hand-off: its deadline is its receive time plus the interval. A
    // receive time far from the clock (an import, a simulation) says nothing
    // about waiting; the interval then runs from now.
    qint64 waitedMs = 0;
    if (!m_pending.empty()) {
        const qint64 age = nowMs() - m_pending.front()->front().receivedMs;
        if (age > 0 && age <= m_commitIntervalMs)
            waitedMs = age;
    }
    m_commitTimer->start(int(qMax<qint64>(0, m_commitIntervalMs - m_commitBudgetMs - waitedMs)));
}

void HistoryWriter::scheduleDeferredRollups()
{
    if (!m_rollupsDeferred) {
        m_rollupTimer->stop();
        return;
    }
    if (m_rollupTimer->isActive())
        return;
    // Just after the clock's minute ends. While samples flow, the next
    // minute's first commit writes them sooner and this finds nothing.
    const qint64 now = nowMs();
    const qint64 untilEnd = rolluptable::minuteStartMs(rolluptable::minuteOf(now) + 1) - now;
    m_rollupTimer->start(int(std::clamp<qint64>(untilEnd + RollupGraceMs, RollupGraceMs,
                                                MinuteRollup::kMinuteMs + RollupGraceMs)));
}

void HistoryWriter::writeIncidents(const std::vector<mm::Incident> &incidents)
{
    if (incidents.empty())
        return;
    if (!m_db) {
        m_error = QStringLiteral("history %1 is not open: %2 incident updates dropped")
                      .arg(m_path)
                      .arg(incidents.size());
        return;
    }
    for (const Incident &incident : incidents)
        m_pendingIncidents.insert_or_assign(incident.id, incident);
    // Incidents are few: they never force an early commit, they ride along.
    scheduleCommit();
}

bool HistoryWriter::flush()
{
    return commit(RollupScope::All);
}

void HistoryWriter::onCommitDue()
{
    commit(RollupScope::EndedMinutes);
}

bool HistoryWriter::commit(RollupScope scope)
{
    m_commitTimer->stop();
    if (!m_db)
        return m_pending.empty() && m_pendingIncidents.empty();
    if (m_pending.empty() && m_pendingIncidents.empty() && !m_rollupsDeferred
        && m_staleRollups.empty())
        return true;
    QElapsedTimer timer;
    timer.start();
    const bool ok = commitPending(scope);
    // What the next commits are likely to take, with room for the thread
    // being scheduled late: quick to grow, slow to shrink.
    const qint64 neededMs = timer.elapsed() * 3 / 2 + MinCommitBudgetMs;
    const qint64 budget = neededMs >= m_commitBudgetMs
        ? neededMs
        : m_commitBudgetMs - (m_commitBudgetMs - neededMs) / 8;
    m_commitBudgetMs = std::min<qint64>(budget, m_commitIntervalMs / 2);
    scheduleDeferredRollups();
    return ok;
}

void HistoryWriter::reportFailure(const QString &message, qint64 droppedRows)
{
    m_rowsDropped += droppedRows;
    m_error = message;
    emit failed(message);
}

// A name that needs no update: none given, or the one stored.
static bool nameIsStored(const QString &given, const QString &stored)
{
    return given.isEmpty() || sameText(given, stored);
}

// The stored name as the sample's own string when they are equal, so that
// the next comparison is by address.
static QString storedName(const QString &given, const QString &stored)
{
    return !given.isEmpty() && given == stored ? given : stored;
}

std::optional<qint64> HistoryWriter::userKey(const Sample &sample, QString *error)
{
    if (const KnownUser *known = m_knownUsers.find(sample)) {
        if (known->meetingRenames == m_meetingRenames
            && nameIsStored(sample.meetingName, known->meetingName)
            && nameIsStored(sample.username, known->username))
            return known->key;
    }

    auto meeting = m_meetings.find(sample.meetingId);
    if (meeting == m_meetings.end()) {
        QSqlQuery &query = *m_upsertMeeting;
        query.bindValue(0, sample.meetingId);
        query.bindValue(1, nullableText(sample.meetingName));
        query.bindValue(2, sample.receivedMs);
        if (!query.exec() || !query.next()) {
            *error = query.lastError().text();
            return std::nullopt;
        }
        meeting = m_meetings.insert(sample.meetingId, MeetingEntry{query.value(0).toString(), {}});
        query.finish();
    } else if (!sample.meetingName.isEmpty() && meeting->name != sample.meetingName) {
        QSqlQuery &query = *m_renameMeeting;
        query.bindValue(0, sample.meetingName);
        query.bindValue(1, sample.meetingId);
        if (!query.exec()) {
            *error = query.lastError().text();
            return std::nullopt;
        }
        meeting->name = sample.meetingName;
        ++m_meetingRenames;
    }

    QHash<QString, UserEntry> &users = meeting->users;
    auto user = users.find(sample.userId);
    if (user != users.end()
        && (sample.username.isEmpty() || user->username == sample.username)) {
        m_knownUsers.remember(sample, {user->key, storedName(sample.meetingName, meeting->name),
                                       storedName(sample.username, user->username), m_meetingRenames});
        return user->key;
    }

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
    m_knownUsers.remember(sample, {entry.key, storedName(sample.meetingName, meeting->name),
                                   storedName(sample.username, entry.username), m_meetingRenames});
    return entry.key;
}

bool HistoryWriter::loadBlock(qint64 userKey, Block &block, QString *error)
{
    const qint64 startMs = rolluptable::minuteStartMs(block.minute);
    QSqlQuery &rollupQuery = *m_selectRollup;
    rollupQuery.bindValue(0, block.minute);
    rollupQuery.bindValue(1, userKey);
    if (!rollupQuery.exec()) {
        *error = rollupQuery.lastError().text();
        return false;
    }
    if (rollupQuery.next()) {
        // A row that does not read back is not built upon: it is replaced
        // by what this writer sees (nothing better can be done with it).
        if (const auto stored = rolluptable::read(rollupQuery, 0, block.minute))
            block.rollup = *stored;
    }
    rollupQuery.finish();

    if (block.keepRaw) {
        QSqlQuery &blockQuery = *m_selectBlock;
        blockQuery.bindValue(0, block.minute);
        blockQuery.bindValue(1, userKey);
        if (!blockQuery.exec()) {
            *error = blockQuery.lastError().text();
            return false;
        }
        if (blockQuery.next()) {
            const QByteArray data = blockQuery.value(0).toByteArray();
            block.raw.resume(data, startMs);
            if (block.raw.count() > block.rollup.sampleCount()) {
                // A rollup deferred by a run that was killed: the raw block
                // has it all.
                if (auto rebuilt = rollupBehindRaw(data, block.minute, block.rollup.sampleCount())) {
                    block.rollup = std::move(*rebuilt);
                    block.rollupDirty = true;
                }
            }
        }
        blockQuery.finish();
    }
    return true;
}

HistoryWriter::Block *HistoryWriter::blockFor(qint64 userKey, qint64 minute, QString *error)
{
    auto open = m_openBlocks.find(userKey);
    if (open != m_openBlocks.end() && open->minute == minute)
        return &*open;
    if (open != m_openBlocks.end() && open->minute > minute) {
        // A late sample (or an import behind the live minute).
        auto other = m_otherBlocks.find({userKey, minute});
        if (other != m_otherBlocks.end())
            return &other->second;
        Block block;
        block.minute = minute;
        block.keepRaw = m_retention.rawMs == 0
            || rolluptable::minuteStartMs(minute + 1) > nowMs() - m_retention.rawMs;
        if (!loadBlock(userKey, block, error))
            return nullptr;
        return &m_otherBlocks.emplace(std::pair{userKey, minute}, std::move(block)).first->second;
    }
    if (open != m_openBlocks.end() && (open->rawDirty || open->rollupDirty)) {
        // The user moved on to a later minute: the finished block is
        // written with this commit.
        m_otherBlocks.emplace(std::pair{userKey, open->minute}, std::move(*open));
    }
    Block block;
    block.minute = minute;
    block.keepRaw = m_retention.rawMs == 0
        || rolluptable::minuteStartMs(minute + 1) > nowMs() - m_retention.rawMs;
    if (!loadBlock(userKey, block, error))
        return nullptr;
    m_latestMinute = std::max(m_latestMinute, minute);
    return &*m_openBlocks.insert(userKey, std::move(block));
}

bool HistoryWriter::writeRollup(qint64 userKey, qint64 minute, const MinuteRollup &rollup)
{
    sqlite3_stmt *statement = m_native->upsertRollup.get();
    return sqlite3_bind_int64(statement, 1, minute) == SQLITE_OK
        && sqlite3_bind_int64(statement, 2, userKey) == SQLITE_OK
        && rolluptable::bind(statement, 3, rollup) == SQLITE_OK
        && m_native->upsertRollup.run() == SQLITE_OK;
}

bool HistoryWriter::writeBlocks(RollupScope scope, QString *error)
{
    sqlite3_stmt *raw = m_native->upsertBlock.get();
    // A minute has ended once a later minute's sample arrived or the clock
    // has passed it.
    const qint64 openMinute = std::max(m_latestMinute, rolluptable::minuteOf(nowMs()));
    bool deferred = false;
    // Values bound straight from the blocks, no copies: the statements run
    // (and are reset) before the blocks change again. The flags are
    // cleared as the rows go; a failed commit drops every block anyway.
    auto write = [&](qint64 key, Block &block, bool leavingMemory) {
        if (block.rawDirty) {
            const QByteArray &data = block.raw.bytes();
            if (sqlite3_bind_int64(raw, 1, block.minute) != SQLITE_OK
                || sqlite3_bind_int64(raw, 2, key) != SQLITE_OK
                || sqlite3_bind_blob64(raw, 3, data.constData(), sqlite3_uint64(data.size()),
                                       SQLITE_STATIC)
                    != SQLITE_OK
                || m_native->upsertBlock.run() != SQLITE_OK)
                return false;
            block.rawDirty = false;
        }
        if (!block.rollupDirty)
            return true;
        // Without a raw block nothing could rebuild a deferred rollup.
        const bool due = scope == RollupScope::All || leavingMemory || !block.keepRaw
            || block.minute < openMinute;
        if (!due) {
            deferred = true;
            return true;
        }
        if (!writeRollup(key, block.minute, block.rollup))
            return false;
        block.rollupDirty = false;
        return true;
    };
    bool ok = true;
    for (auto it = m_openBlocks.begin(); ok && it != m_openBlocks.end(); ++it)
        ok = write(it.key(), it.value(), false);
    for (auto it = m_otherBlocks.begin(); ok && it != m_otherBlocks.end(); ++it)
        ok = write(it->first.first, it->second, true);
    // SQLITE_STATIC: nothing may point into a block once it changes.
    sqlite3_clear_bindings(raw);
    if (!ok)
        *error = m_native->error();
    m_rollupsDeferred = ok && deferred;
    return ok;
}

bool HistoryWriter::repairStaleRollup(qint64 userKey, qint64 minute, QString *error)
{
    QSqlQuery &blockQuery = *m_selectBlock;
    blockQuery.bindValue(0, minute);
    blockQuery.bindValue(1, userKey);
    if (!blockQuery.exec()) {
        *error = blockQuery.lastError().text();
        return false;
    }
    const QByteArray data = blockQuery.next() ? blockQuery.value(0).toByteArray() : QByteArray();
    blockQuery.finish();
    if (data.isEmpty())
        return true;
    QSqlQuery &rollupQuery = *m_selectRollup;
    rollupQuery.bindValue(0, minute);
    rollupQuery.bindValue(1, userKey);
    if (!rollupQuery.exec()) {
        *error = rollupQuery.lastError().text();
        return false;
    }
    std::optional<qint64> stored;
    if (rollupQuery.next()) {
        if (const auto rollup = rolluptable::read(rollupQuery, 0, minute))
            stored = rollup->sampleCount();
    }
    rollupQuery.finish();
    const auto rebuilt = rollupBehindRaw(data, minute, stored);
    if (rebuilt && !writeRollup(userKey, minute, *rebuilt)) {
        *error = m_native->error();
        return false;
    }
    return true;
}

bool HistoryWriter::repairRollups(QString *error)
{
    // Rollups are deferred only while their minute is the newest, so only
    // the newest minutes of a history that was killed can need it (the
    // minute before too: its late samples).
    QSqlQuery query(m_db->database());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT r.minute, r.user_key, r.data, u.samples"
                                   " FROM raw_blocks r LEFT JOIN rollups u"
                                   " ON u.minute = r.minute AND u.user_key = r.user_key"
                                   " WHERE r.minute >= (SELECT max(minute) FROM raw_blocks) - 1"))) {
        *error = query.lastError().text();
        return false;
    }
    std::vector<std::tuple<qint64, qint64, MinuteRollup>> rebuilt;
    while (query.next()) {
        const qint64 minute = query.value(0).toLongLong();
        const QVariant stored = query.value(3);
        auto rollup = rollupBehindRaw(query.value(2).toByteArray(), minute,
                                      stored.isNull() ? std::nullopt
                                                      : std::optional<qint64>(stored.toLongLong()));
        if (rollup)
            rebuilt.emplace_back(minute, query.value(1).toLongLong(), std::move(*rollup));
    }
    if (query.lastError().isValid()) {
        *error = query.lastError().text();
        return false;
    }
    query.finish();
    if (rebuilt.empty())
        return true;
    QSqlDatabase db = m_db->database();
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    for (const auto &[minute, userKey, rollup] : rebuilt) {
        if (!writeRollup(userKey, minute, rollup)) {
            *error = m_native->error();
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        *error = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

bool HistoryWriter::commitPending(RollupScope scope)
{
    std::vector<SampleBatchPtr> batches;
    batches.swap(m_pending);
    const qint64 rows = m_pendingRows;
    m_pendingRows = 0;
    std::map<quint64, Incident> incidents;
    incidents.swap(m_pendingIncidents);
    std::set<std::pair<qint64, qint64>> stale;
    stale.swap(m_staleRollups);

    QSqlDatabase db = m_db->database();
    if (!db.transaction()) {
        m_staleRollups.merge(stale);
        reportFailure(QStringLiteral("history %1: cannot begin a transaction: %2")
                          .arg(m_path, db.lastError().text()),
                      rows);
        return false;
    }
    auto abort = [&](const QString &detail) {
        db.rollback();
        m_staleRollups.merge(stale);
        // Keys inserted by the rolled-back transaction no longer exist, and
        // the blocks in memory hold samples that were not stored: read
        // everything back from the database next time. Rollups deferred by
        // earlier commits go with them: rebuilt from their stored raw
        // blocks at the next commit.
        for (auto it = m_openBlocks.cbegin(); it != m_openBlocks.cend(); ++it) {
            if (it->keepRaw)
                m_staleRollups.emplace(it.key(), it->minute);
        }
        for (const auto &[key, block] : m_otherBlocks) {
            if (block.keepRaw)
                m_staleRollups.insert(key);
        }
        m_rollupsDeferred = false;
        m_meetings.clear();
        m_knownUsers.clear();
        m_openBlocks.clear();
        m_otherBlocks.clear();
        const QString lost = incidents.empty()
            ? QStringLiteral("%1 samples").arg(rows)
            : QStringLiteral("%1 samples and %2 incident updates").arg(rows).arg(incidents.size());
        reportFailure(QStringLiteral("history %1: write failed, %2 not stored: %3")
                          .arg(m_path, lost, detail),
                      rows);
        return false;
    };

    qint64 skipped = 0;
    qint64 newestMs = m_newestCommittedMs;
    QString error;
    // Before the samples: a block read back below then finds its rollup whole.
    for (const auto &[userKey, minute] : stale) {
        if (!repairStaleRollup(userKey, minute, &error))
            return abort(error);
    }
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
            const qint64 minute = rolluptable::minuteOf(sample.receivedMs);
            Block *block = blockFor(*key, minute, &error);
            if (!block)
                return abort(error);
            if (block->keepRaw) {
                block->raw.append(rawPointOf(sample), rolluptable::minuteStartMs(minute));
                block->rawDirty = true;
            }
            block->rollup.add(sample);
            block->rollupDirty = true;
            newestMs = qMax(newestMs, sample.receivedMs);
        }
    }
    batches.clear(); // release the batches before the disk work

    if (!writeBlocks(scope, &error))
        return abort(error);
    const qint64 updatedMs = nowMs();
    for (const auto &[id, incident] : incidents) {
        QSqlQuery &query = *m_upsertIncident;
        incidenttable::bind(query, m_runId, incident, updatedMs);
        if (!query.exec())
            return abort(query.lastError().text());
    }
    if (!db.commit())
        return abort(db.lastError().text());

    // Written: finished minutes leave memory; a user silent for a while
    // leaves too (a later sample reads the block back).
    m_otherBlocks.clear();
    for (auto it = m_openBlocks.begin(); it != m_openBlocks.end();) {
        if (it->minute < m_latestMinute - 1)
            it = m_openBlocks.erase(it); // written whole: an ended minute's rollup is due
        else
            ++it;
    }

    m_rowsDropped += skipped;
    m_rowsCommitted += rows - skipped;
    m_newestCommittedMs = newestMs;
    m_incidentsCommitted += qint64(incidents.size());
    emit committed(m_rowsCommitted, m_newestCommittedMs);
    return true;
}

qint64 HistoryWriter::deleteBatch(const QString &table, qint64 cutoffMinute, QString *error)
{
    QSqlDatabase db = m_db->database();
    if (!db.transaction()) {
        *error = db.lastError().text();
        return -1;
    }
    QSqlQuery query(db);
    // Row values: exactly batchRows rows at most, oldest first (a prefix of
    // the time-major key, so the delete touches neighbouring pages only).
    query.prepare(QStringLiteral("DELETE FROM %1 WHERE (minute, user_key) IN (SELECT minute, user_key"
                                 " FROM %1 WHERE minute < ? ORDER BY minute, user_key LIMIT ?)")
                      .arg(table));
    query.addBindValue(cutoffMinute);
    query.addBindValue(m_retention.batchRows);
    if (!query.exec()) {
        *error = query.lastError().text();
        db.rollback();
        return -1;
    }
    const qint64 deleted = query.numRowsAffected();
    query.finish();
    if (!db.commit()) {
        *error = db.lastError().text();
        db.rollback();
        return -1;
    }
    return deleted;
}

qint64 HistoryWriter::enforceRetention()
{
    if (!m_db)
        return -1;
    flush(); // the open blocks first, so nothing in memory is older than what goes
    const qint64 now = nowMs();
    qint64 total = 0;
    QString error;
    for (const auto &[table, keepMs] : {std::pair{QStringLiteral("raw_blocks"), m_retention.rawMs},
                                        std::pair{QStringLiteral("rollups"), m_retention.rollupMs}}) {
        if (keepMs <= 0)
            continue;
        // Whole minutes only: a minute goes once all of it is older.
        const qint64 cutoff = rolluptable::minuteOf(now - keepMs);
        for (;;) {
            const qint64 deleted = deleteBatch(table, cutoff, &error);
            if (deleted < 0) {
                reportFailure(QStringLiteral("history %1: retention failed: %2").arg(m_path, error), 0);
                return -1;
            }
            total += deleted;
            if (deleted < m_retention.batchRows)
                break;
        }
    }
    return total;
}

void HistoryWriter::onRetentionTimer()
{
    if (!m_db || m_retentionRunning || !m_retention.enforce)
        return;
    m_retentionRunning = true;
    m_retentionRaw = 0;
    m_retentionRollup = 0;
    continueRetention();
}

void HistoryWriter::continueRetention()
{
    if (!m_db || !m_retentionRunning)
        return;
    const qint64 now = nowMs();
    QString error;
    bool more = false;
    if (m_retention.rawMs > 0) {
        const qint64 deleted =
            deleteBatch(QStringLiteral("raw_blocks"), rolluptable::minuteOf(now - m_retention.rawMs), &error);
        if (deleted < 0) {
            m_retentionRunning = false;
            reportFailure(QStringLiteral("history %1: retention failed: %2").arg(m_path, error), 0);
            return;
        }
        m_retentionRaw += deleted;
        more = more || deleted >= m_retention.batchRows;
    }
    if (m_retention.rollupMs > 0) {
        const qint64 deleted =
            deleteBatch(QStringLiteral("rollups"), rolluptable::minuteOf(now - m_retention.rollupMs), &error);
        if (deleted < 0) {
            m_retentionRunning = false;
            reportFailure(QStringLiteral("history %1: retention failed: %2").arg(m_path, error), 0);
            return;
        }
        m_retentionRollup += deleted;
        more = more || deleted >= m_retention.batchRows;
    }
    if (more) {
        // Back to the event loop first: queued batches commit in between.
        QTimer::singleShot(0, this, &HistoryWriter::continueRetention);
        return;
    }
    m_retentionRunning = false;
    if (m_retentionRaw > 0 || m_retentionRollup > 0)
        emit retentionApplied(m_retentionRaw, m_retentionRollup);
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
