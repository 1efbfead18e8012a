#include "history/historydatabase.h"
#include "history/historywriter.h"
#include "historytestutil.h"
#include "../model/fakeclock.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <thread>
#include <gtest/gtest.h>

using namespace mm;
using test::makeBatch;
using test::makeSample;
using test::scalar;

namespace {

// Raw samples are counted through the block codec; the other tables by rows.
qint64 count(const QString &path, const QString &table)
{
    if (table == QStringLiteral("samples"))
        return test::storedSampleCount(path);
    return scalar(path, QStringLiteral("SELECT count(*) FROM ") + table).toLongLong();
}

// Samples counted by the rollups (written in the same transactions).
qint64 rolledUp(const QString &path)
{
    return scalar(path, QStringLiteral("SELECT coalesce(sum(samples), 0) FROM rollups")).toLongLong();
}

// What a queued connection from the ingest thread does.
void post(HistoryWriter *writer, SampleBatchPtr batch)
{
    QMetaObject::invokeMethod(
        writer, [writer, batch = std::move(batch)] { writer->writeBatch(batch); },
        Qt::QueuedConnection);
}

} // namespace

TEST(HistoryWriter, CommitsOneTransactionPerIntervalWithUnknownAsNull)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    HistoryWriter writer(path, 50);
    QSignalSpy committed(&writer, &HistoryWriter::committed);
    QSignalSpy failed(&writer, &HistoryWriter::failed);
    writer.setRetention(test::keepAll());
    ASSERT_TRUE(writer.open());

    Sample partial = makeSample(QStringLiteral("m1"), QStringLiteral("u2"), 1'000'001,
                                std::nullopt, 12.5, std::nullopt, std::nullopt, std::nullopt,
                                Quality::Unknown);
    partial.username.clear();
    writer.writeBatch(makeBatch({makeSample(QStringLiteral("m1"), QStringLiteral("u1"), 1'000'000),
                                 partial}));
    writer.writeBatch(makeBatch({makeSample(QStringLiteral("m2"), QStringLiteral("u1"), 1'000'002)}));
    // Nothing is written before the interval: the rows wait in one batch.
    EXPECT_EQ(writer.pendingRows(), 3);
    EXPECT_EQ(committed.count(), 0);

    ASSERT_TRUE(committed.wait(5000));
    EXPECT_EQ(committed.count(), 1); // both batches in one transaction
    EXPECT_EQ(committed.at(0).at(0).toLongLong(), 3);
    EXPECT_EQ(failed.count(), 0);
    EXPECT_EQ(writer.pendingRows(), 0);
    EXPECT_EQ(writer.rowsCommitted(), 3);

    EXPECT_EQ(count(path, QStringLiteral("samples")), 3);
    EXPECT_EQ(count(path, QStringLiteral("meetings")), 2);
    EXPECT_EQ(count(path, QStringLiteral("users")), 3); // (m1,u1) (m1,u2) (m2,u1)

    EXPECT_EQ(rolledUp(path), 3);

    // The partial sample: every unknown stays unknown, never 0; the known
    // value as received.
    const auto stored = test::storedSamples(path);
    ASSERT_EQ(stored.size(), 3u);
    const test::StoredSample &p = stored[1];
    EXPECT_EQ(p.userId, QStringLiteral("u2"));
    EXPECT_EQ(p.point.timeMs, 1'000'001);
    EXPECT_FALSE(p.point.value[0]); // upload
    EXPECT_EQ(p.point.value[1], 12.5);
    EXPECT_FALSE(p.point.value[2]);
    EXPECT_FALSE(p.point.value[3]);
    EXPECT_FALSE(p.point.value[4]);
    EXPECT_EQ(p.point.quality, Quality::Unknown);
    // Its rollup too: a metric with no known value has NULL min/max/sum,
    // never 0; the known one has its value.
    const QString u2Rollup = QStringLiteral(
        " FROM rollups JOIN users USING(user_key) WHERE meeting_id = 'm1' AND user_id = 'u2'");
    EXPECT_EQ(scalar(path, QStringLiteral("SELECT up_n") + u2Rollup).toLongLong(), 0);
    for (const char *column : {"up_min", "up_max", "up_sum", "latency_sum", "loss_max"})
        EXPECT_TRUE(scalar(path, QStringLiteral("SELECT ") + QString::fromLatin1(column) + u2Rollup)
                        .isNull())
            << column;
    EXPECT_EQ(scalar(path, QStringLiteral("SELECT down_sum") + u2Rollup).toDouble(), 12.5);
    EXPECT_EQ(scalar(path, QStringLiteral("SELECT s_unknown") + u2Rollup).toLongLong(), 1);
    EXPECT_TRUE(scalar(path, QStringLiteral("SELECT username FROM users WHERE user_id = 'u2'")).isNull());
    EXPECT_EQ(stored[0].point.quality, Quality::Excellent);
    EXPECT_EQ(stored[0].point.value[2], 50.0);
    EXPECT_EQ(scalar(path, QStringLiteral("SELECT username FROM users WHERE meeting_id = 'm2'"))
                  .toString(),
              QStringLiteral("name of u1"));
}

TEST(HistoryWriter, CommitsAtOnceWhenTheRowLimitIsReached)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    // An interval that never fires in this test: only the row limit commits.
    HistoryWriter writer(path, 3'600'000, 100);
    QSignalSpy committed(&writer, &HistoryWriter::committed);
    writer.setRetention(test::keepAll());
    ASSERT_TRUE(writer.open());
    std::vector<Sample> samples;
    for (int i = 0; i < 60; ++i)
        samples.push_back(makeSample(QStringLiteral("m"), QString::number(i), 5000 + i));
    writer.writeBatch(makeBatch(samples));
    EXPECT_EQ(committed.count(), 0);
    writer.writeBatch(makeBatch(samples));
    EXPECT_EQ(committed.count(), 1); // 120 >= 100, synchronously
    EXPECT_EQ(count(path, QStringLiteral("samples")), 120);
    EXPECT_EQ(count(path, QStringLiteral("users")), 60);
}

TEST(HistoryWriter, ManyBatchesAndFlushOnTheWriterThread)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    HistoryWriterThread thread(path, 3'600'000, 20'000); // only flush() and the row limit commit
    thread.writer()->setRetention(test::keepAll());
    QString error;
    ASSERT_TRUE(thread.start(&error)) << error.toStdString();
    QSignalSpy committed(thread.writer(), &HistoryWriter::committed);

    constexpr int Batches = 200;
    constexpr int Users = 250;
    qint64 ts = 1'700'000'000'000;
    for (int b = 0; b < Batches; ++b) {
        std::vector<Sample> samples;
        samples.reserve(Users);
        for (int u = 0; u < Users; ++u)
            samples.push_back(makeSample(QStringLiteral("meeting-%1").arg(u % 10),
                                         QStringLiteral("user-%1").arg(u), ts++, double(b)));
        post(thread.writer(), makeBatch(std::move(samples)));
    }
    // flush() is queued behind every batch posted above.
    ASSERT_TRUE(thread.flush());
    EXPECT_EQ(count(path, QStringLiteral("samples")), qint64(Batches) * Users);
    EXPECT_EQ(count(path, QStringLiteral("users")), Users);
    EXPECT_EQ(count(path, QStringLiteral("meetings")), 10);
    // 50,000 rows at a 20,000-row limit: two limit commits and the flush.
    // flush() returned after the emissions (they ran in the writer thread first).
    EXPECT_EQ(committed.count(), 3);
    EXPECT_EQ(committed.last().at(0).toLongLong(), qint64(Batches) * Users);
    EXPECT_EQ(rolledUp(path), qint64(Batches) * Users);
    // One block per user and minute: the 50,000 ms of timestamps span two minutes.
    EXPECT_LE(count(path, QStringLiteral("raw_blocks")), qint64(Users) * 2);

    // A second writer on the same file (a restarted recorder) reuses the keys.
    thread.stop();
    HistoryWriter again(path, 3'600'000);
    again.setRetention(test::keepAll());
    ASSERT_TRUE(again.open());
    Sample renamed = makeSample(QStringLiteral("meeting-3"), QStringLiteral("user-3"), ts);
    renamed.username = QStringLiteral("Renamed");
    again.writeBatch(makeBatch({renamed}));
    ASSERT_TRUE(again.flush());
    EXPECT_EQ(count(path, QStringLiteral("users")), Users);
    EXPECT_EQ(scalar(path, QStringLiteral("SELECT username FROM users WHERE user_id = 'user-3'"))
                  .toString(),
              QStringLiteral("Renamed"));
}

// Samples as the decoder gives them (shared id strings and identity
// numbers, see IdentityCache): the latest name sent is the one stored, also
// when another user of the meeting renamed it in between, and a number
// reused by another pair is not taken for the first.
TEST(HistoryWriter, StoresTheLatestNamesOfSamplesThatCarryIdentityNumbers)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    HistoryWriter writer(path, 3'600'000);
    writer.setRetention(test::keepAll());
    ASSERT_TRUE(writer.open());
    const QString meeting = QStringLiteral("meeting-%1").arg(1);
    const QString ann = QStringLiteral("user-%1").arg(1);
    const QString bob = QStringLiteral("user-%1").arg(2);
    const QString oldName = QStringLiteral("Old %1").arg(1);
    const QString newName = QStringLiteral("New %1").arg(1);
    qint64 ts = 1'700'000'000'000;
    const auto sample = [&](const QString &user, quint32 identity, const QString &meetingName,
                            const QString &username) {
        Sample s = makeSample(meeting, user, ts += 100);
        s.identity = identity;
        s.meetingName = meetingName;
        s.username = username;
        return s;
    };
    const auto stored = [&](const QString &sql) {
        return scalar(path, sql).toString();
    };

    writer.writeBatch(makeBatch({sample(ann, 1, oldName, QStringLiteral("Ann")),
                                 sample(ann, 1, oldName, QStringLiteral("Ann")),
                                 sample(bob, 2, newName, QStringLiteral("Bob")),
                                 sample(ann, 1, oldName, QStringLiteral("Ann"))}));
    ASSERT_TRUE(writer.flush());
    EXPECT_EQ(stored(QStringLiteral("SELECT name FROM meetings")), oldName);

    writer.writeBatch(makeBatch({sample(ann, 1, oldName, QStringLiteral("Anna")),
                                 sample(bob, 1, newName, QStringLiteral("Bobby"))}));
    ASSERT_TRUE(writer.flush());
    EXPECT_EQ(stored(QStringLiteral("SELECT name FROM meetings")), newName);
    EXPECT_EQ(stored(QStringLiteral("SELECT username FROM users WHERE user_id = 'user-1'")),
              QStringLiteral("Anna"));
    EXPECT_EQ(stored(QStringLiteral("SELECT username FROM users WHERE user_id = 'user-2'")),
              QStringLiteral("Bobby"));
    EXPECT_EQ(count(path, QStringLiteral("users")), 2);
    EXPECT_EQ(count(path, QStringLiteral("samples")), 6);
    EXPECT_EQ(scalar(path, QStringLiteral("SELECT count(*) FROM raw_blocks b JOIN users u USING(user_key)"
                                          " WHERE u.user_id = 'user-2'"))
                  .toLongLong(),
              1);
    EXPECT_EQ(scalar(path, QStringLiteral("SELECT sum(r.samples) FROM rollups r JOIN users u"
                                          " USING(user_key) WHERE u.user_id = 'user-2'"))
                  .toLongLong(),
              2);
}

TEST(HistoryWriter, ClosingFlushes)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    {
        HistoryWriterThread thread(path, 3'600'000);
        thread.writer()->setRetention(test::keepAll());
        ASSERT_TRUE(thread.start());
        post(thread.writer(), makeBatch({makeSample(QStringLiteral("m"), QStringLiteral("u"), 7)}));
        // destructor: stop() -> close() -> flush
    }
    EXPECT_EQ(count(path, QStringLiteral("samples")), 1);
}

TEST(HistoryWriter, AFailedWriteIsReportedRolledBackWholeAndTheWriterKeepsGoing)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    HistoryWriter writer(path, 3'600'000);
    QSignalSpy failed(&writer, &HistoryWriter::failed);
    writer.setRetention(test::keepAll());
    ASSERT_TRUE(writer.open());
    writer.writeBatch(makeBatch({makeSample(QStringLiteral("m"), QStringLiteral("u"), 1)}));
    ASSERT_TRUE(writer.flush());

    // Another process holds the write lock longer than busy_timeout: the
    // commit cannot happen. Nothing of it may land.
    HistoryDatabase blocker;
    ASSERT_TRUE(blocker.open(path));
    QSqlQuery lock(blocker.database());
    ASSERT_TRUE(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));

    writer.writeBatch(makeBatch({makeSample(QStringLiteral("m"), QStringLiteral("new-user"), 2),
                                 makeSample(QStringLiteral("new-meeting"), QStringLiteral("u"), 3)}));
    EXPECT_FALSE(writer.flush());
    ASSERT_EQ(failed.count(), 1);
    EXPECT_TRUE(failed.at(0).at(0).toString().contains(QStringLiteral("2 samples not stored")))
        << failed.at(0).at(0).toString().toStdString();
    EXPECT_EQ(writer.rowsDropped(), 2);
    ASSERT_TRUE(lock.exec(QStringLiteral("ROLLBACK")));

    EXPECT_EQ(count(path, QStringLiteral("samples")), 1);
    EXPECT_EQ(count(path, QStringLiteral("users")), 1);
    EXPECT_EQ(count(path, QStringLiteral("meetings")), 1);

    // And it recovers: the next batch (same new user) is stored.
    writer.writeBatch(makeBatch({makeSample(QStringLiteral("m"), QStringLiteral("new-user"), 4)}));
    EXPECT_TRUE(writer.flush());
    EXPECT_EQ(count(path, QStringLiteral("samples")), 2);
    EXPECT_EQ(count(path, QStringLiteral("users")), 2);
    EXPECT_EQ(writer.rowsCommitted(), 2);
}

TEST(HistoryWriter, OpenFailureIsReportedAndBatchesAreDroppedNotHeld)
{
    HistoryWriterThread thread(QStringLiteral("/nonexistent-dir/deeper/h.sqlite"));
    QString error;
    EXPECT_FALSE(thread.start(&error));
    EXPECT_TRUE(error.contains(QStringLiteral("/nonexistent-dir/deeper/h.sqlite")))
        << error.toStdString();
    post(thread.writer(), makeBatch({makeSample(QStringLiteral("m"), QStringLiteral("u"), 1)}));
    EXPECT_TRUE(thread.flush()); // nothing pending
    qint64 dropped = 0;
    QMetaObject::invokeMethod(thread.writer(), &HistoryWriter::rowsDropped,
                              Qt::BlockingQueuedConnection, &dropped);
    EXPECT_EQ(dropped, 1);
}

TEST(HistoryWriter, ConcurrentReaderSeesConsistentSnapshotsWhileWriting)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    HistoryWriterThread thread(path, 20);
    thread.writer()->setRetention(test::keepAll());
    ASSERT_TRUE(thread.start());

    // The reader runs on a thread of its own with its own read-only
    // connection, as `export` or the desktop app would while a recorder runs.
    std::atomic<bool> stop{false};
    std::atomic<int> reads{0};
    std::atomic<int> errors{0};
    std::atomic<int> torn{0};
    std::thread reader([&] {
        HistoryDatabase db;
        // The writer has created the schema by now (start() blocks on open).
        if (!db.open(path, HistoryDatabase::Mode::ReadOnly)) {
            ++errors;
            return;
        }
        while (!stop.load()) {
            QSqlQuery query(db.database());
            // Batches are 100 rows: a committed snapshot always holds whole batches.
            // Rollups and blocks commit together; the rollups count samples in SQL.
            if (!query.exec(QStringLiteral("SELECT coalesce(sum(samples), 0) FROM rollups"))
                || !query.next()) {
                ++errors;
                continue;
            }
            if (query.value(0).toLongLong() % 100 != 0)
                ++torn;
            ++reads;
        }
    });

    constexpr int Batches = 100;
    for (int b = 0; b < Batches; ++b) {
        std::vector<Sample> samples;
        for (int u = 0; u < 100; ++u)
            samples.push_back(makeSample(QStringLiteral("m"), QString::number(u), b * 1000 + u));
        post(thread.writer(), makeBatch(std::move(samples)));
        if (b % 10 == 0) {
            ASSERT_TRUE(thread.flush()); // commit in several transactions, not one
        }
    }
    ASSERT_TRUE(thread.flush());
    EXPECT_TRUE(QTest::qWaitFor([&] { return reads.load() > 10 || errors.load() > 0; }, 10000));
    stop = true;
    reader.join();
    EXPECT_EQ(errors.load(), 0);
    EXPECT_EQ(torn.load(), 0);
    EXPECT_EQ(count(path, QStringLiteral("samples")), Batches * 100);
}

namespace {

// Samples counted by the rollups of one minute.
qint64 rolledUpIn(const QString &path, qint64 minute)
{
    return scalar(path, QStringLiteral("SELECT coalesce(sum(samples), 0) FROM rollups WHERE minute = %1")
                            .arg(minute))
        .toLongLong();
}

// Ten users' samples at `second` of `minute`.
SampleBatchPtr secondOfTenUsers(qint64 minute, int second)
{
    std::vector<Sample> samples;
    for (int u = 0; u < 10; ++u)
        samples.push_back(makeSample(QStringLiteral("m"), QString::number(u),
                                     minute * 60'000 + second * 1000 + u));
    return makeBatch(samples);
}

// A writer committing every 20 ms, on a clock the test moves, that starts
// at `second` of `minute`.
struct ClockedWriter
{
    ClockedWriter(qint64 minute, int second)
        : clock(minute * 60'000 + second * 1000)
        , path(dir.filePath(QStringLiteral("h.sqlite")))
        , writer(path, 20)
        , committed(&writer, &HistoryWriter::committed)
    {
        writer.setClock(&clock);
        writer.setRetention(test::keepAll());
    }

    QTemporaryDir dir;
    test::FakeClock clock;
    QString path;
    HistoryWriter writer;
    QSignalSpy committed;
};

} // namespace

TEST(HistoryWriter, WritesAMinutesRollupOnceTheMinuteHasEnded)
{
    const qint64 minute = 28'333'333;
    ClockedWriter w(minute, 5);
    ASSERT_TRUE(w.writer.open());

    // Timed commits while the minute is open: every sample is in its raw
    // block at once, the rollup waits.
    w.writer.writeBatch(secondOfTenUsers(minute, 5));
    ASSERT_TRUE(w.committed.wait(5000));
    w.writer.writeBatch(secondOfTenUsers(minute, 6));
    ASSERT_TRUE(w.committed.wait(5000));
    EXPECT_EQ(count(w.path, QStringLiteral("samples")), 20);
    EXPECT_EQ(rolledUpIn(w.path, minute), 0);

    // The next minute's first samples end it: its rollups go with them.
    w.clock.set((minute + 1) * 60'000 + 100);
    w.writer.writeBatch(secondOfTenUsers(minute + 1, 0));
    ASSERT_TRUE(w.committed.wait(5000));
    EXPECT_EQ(rolledUpIn(w.path, minute), 20);
    EXPECT_EQ(count(w.path, QStringLiteral("rollups WHERE minute = %1").arg(minute)), 10);
    EXPECT_EQ(rolledUpIn(w.path, minute + 1), 0);

    // flush() writes the open minute's too.
    ASSERT_TRUE(w.writer.flush());
    EXPECT_EQ(rolledUpIn(w.path, minute + 1), 10);
    EXPECT_EQ(rolledUp(w.path), 30);
}

TEST(HistoryWriter, WritesAnEndedMinutesRollupWhenNoLaterSampleComes)
{
    const qint64 minute = 28'333'333;
    ClockedWriter w(minute, 59);
    ASSERT_TRUE(w.writer.open());
    w.writer.writeBatch(secondOfTenUsers(minute, 59));
    ASSERT_TRUE(w.committed.wait(5000));
    EXPECT_EQ(rolledUpIn(w.path, minute), 0);

    // The fleet falls silent and the clock moves past the minute: the
    // deferred rollups are written by the writer's own timer, set for just
    // after the minute's end (by the clock at the commit: 1 s + 2 s grace).
    w.clock.set((minute + 1) * 60'000 + 10);
    EXPECT_TRUE(QTest::qWaitFor([&] { return rolledUpIn(w.path, minute) == 10; }, 20'000));
}

TEST(HistoryWriter, RebuildsRollupsThatAKillLeftBehindTheirRawBlocks)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    const qint64 minute = 28'333'333;
    {
        HistoryWriter writer(path);
        writer.setRetention(test::keepAll());
        ASSERT_TRUE(writer.open());
        for (int second = 0; second < 3; ++second)
            writer.writeBatch(secondOfTenUsers(minute, second));
        ASSERT_TRUE(writer.flush());
    }
    const qint64 complete = rolledUp(path);
    ASSERT_EQ(complete, 30);
    const QVariant latencySum = scalar(path, QStringLiteral("SELECT sum(latency_sum) FROM rollups"));
    {
        // What a kill leaves when the open minute's rollups were deferred:
        // some missing, some behind their raw blocks.
        HistoryDatabase db;
        ASSERT_TRUE(db.open(path));
        QSqlQuery query(db.database());
        ASSERT_TRUE(query.exec(QStringLiteral("DELETE FROM rollups WHERE user_key % 2 = 0")));
        ASSERT_TRUE(query.exec(QStringLiteral(
            "UPDATE rollups SET samples = 1, s_excellent = 1, up_n = 1, down_n = 1, latency_n = 1,"
            " jitter_n = 1, loss_n = 1")));
        ASSERT_LT(rolledUp(path), complete);
    }
    HistoryWriter writer(path);
    writer.setRetention(test::keepAll());
    ASSERT_TRUE(writer.open());
    EXPECT_EQ(rolledUp(path), complete);
    EXPECT_EQ(count(path, QStringLiteral("rollups")), 10);
    EXPECT_EQ(scalar(path, QStringLiteral("SELECT sum(latency_sum) FROM rollups")), latencySum);

    // A user of that minute carries on from the whole rollup.
    writer.writeBatch(makeBatch({makeSample(QStringLiteral("m"), QStringLiteral("3"),
                                            minute * 60'000 + 30'000)}));
    ASSERT_TRUE(writer.flush());
    EXPECT_EQ(rolledUp(path), complete + 1);
}

TEST(HistoryWriter, AFailedCommitDoesNotLoseTheRollupsItsPredecessorsDeferred)
{
    const qint64 minute = 28'333'333;
    ClockedWriter w(minute, 5);
    ASSERT_TRUE(w.writer.open());
    w.writer.writeBatch(secondOfTenUsers(minute, 5));
    ASSERT_TRUE(w.committed.wait(5000));
    ASSERT_EQ(rolledUpIn(w.path, minute), 0); // deferred

    // The next commit fails (another process holds the write lock past
    // busy_timeout) and takes the writer's memory of the deferred rollups
    // with it.
    {
        HistoryDatabase blocker;
        ASSERT_TRUE(blocker.open(w.path));
        QSqlQuery lock(blocker.database());
        ASSERT_TRUE(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
        w.writer.writeBatch(makeBatch({makeSample(QStringLiteral("other"), QStringLiteral("u"),
                                                  minute * 60'000 + 6'000)}));
        EXPECT_FALSE(w.writer.flush());
        ASSERT_TRUE(lock.exec(QStringLiteral("ROLLBACK")));
    }

    // None of those ten users sends again; the next commit still writes
    // their rollups, from their stored raw blocks.
    w.writer.writeBatch(makeBatch({makeSample(QStringLiteral("other"), QStringLiteral("u"),
                                              minute * 60'000 + 7'000)}));
    ASSERT_TRUE(w.writer.flush());
    EXPECT_EQ(rolledUpIn(w.path, minute), 11);
    EXPECT_EQ(count(w.path, QStringLiteral("samples")), 11);
}
