// import: export -> import -> export identity, row-by-row errors, failures
// that leave nothing half-written; and the schema 1 -> 2 migration.
#include "app/importcommand.h"
#include "history/historydatabase.h"
#include "history/historywriter.h"
#include "history/sampleexporter.h"
#include "historytestutil.h"

#include <QBuffer>
#include <QFile>
#include <QSqlError>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace mm;
using test::makeBatch;
using test::makeSample;
using test::scalar;

namespace {

constexpr qint64 T0 = 1'795'515'303'123; // 2026-11-24T10:15:03.123Z

struct Result
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

template<typename Command>
Result run(Command command, const QStringList &arguments)
{
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    Result result;
    result.code = command(arguments, out, err);
    result.out = out.data();
    result.err = err.data();
    return result;
}

Result exportCsv(const QString &db, QStringList extra = {})
{
    return run(runExportCommand, QStringList{QStringLiteral("--db"), db} + extra);
}

Result importCsv(const QString &db, const QString &csv)
{
    return run(runImportCommand, {QStringLiteral("--db"), db, QStringLiteral("--csv"), csv});
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

void writeSamples(const QString &path, const std::vector<Sample> &samples)
{
    HistoryWriter writer(path, 3'600'000, 1000);
    writer.setRetention(test::keepAll());
    ASSERT_TRUE(writer.open());
    writer.writeBatch(makeBatch(samples));
    ASSERT_TRUE(writer.flush());
}

std::vector<Sample> awkwardSamples()
{
    std::vector<Sample> samples;
    Sample alice = makeSample(QStringLiteral("room-1"), QStringLiteral("u-alice"), T0, 12.5, 300,
                              45.25, 0, 1.5, Quality::Excellent);
    alice.username = QStringLiteral("Alice, \"Al\"");
    samples.push_back(alice);
    Sample mallory = makeSample(QStringLiteral("room-1"), QStringLiteral("=HYPERLINK(\"x\")"), T0,
                                10'000'000, std::nullopt, 250, std::nullopt, std::nullopt, Quality::Fair);
    // Names as the decoder leaves them (sanitized: no control characters).
    mallory.username = QStringLiteral("@evil name");
    samples.push_back(mallory); // same millisecond as alice
    Sample odd = makeSample(QStringLiteral("-room"), QStringLiteral("+u"), T0 + 1, 0.1 + 0.2, 1e-7,
                            59'999.999, 99.99, 0, Quality::Unknown);
    odd.username = QString::fromUtf8("Bình Trần ✓");
    samples.push_back(odd);
    for (int i = 0; i < 300; ++i) { // several minutes, several users
        Sample s = makeSample(QStringLiteral("room-%1").arg(i % 3), QStringLiteral("user-%1").arg(i % 7),
                              T0 + 2000 + i * 997, 1000 + i / 10.0, 2000.25 + i,
                              i % 5 == 0 ? Metric() : Metric(40 + i % 17 / 10.0), 0.125 * (i % 9),
                              i % 4 == 0 ? Metric() : Metric(3.5), Quality(i % 5));
        if (i % 11 == 0)
            s.username.clear();
        samples.push_back(s);
    }
    return samples;
}

} // namespace

TEST(Import, ExportImportExportIsTheIdentity)
{
    QTemporaryDir dir;
    const QString first = dir.filePath(QStringLiteral("first.sqlite"));
    const QString second = dir.filePath(QStringLiteral("second.sqlite"));
    const QString csv = dir.filePath(QStringLiteral("export.csv"));
    writeSamples(first, awkwardSamples());

    const Result exported = exportCsv(first);
    ASSERT_EQ(exported.code, 0) << exported.err.toStdString();
    EXPECT_EQ(exported.out.count('\n'), 1 + 303);
    writeFile(csv, exported.out);

    const Result imported = importCsv(second, csv);
    EXPECT_EQ(imported.code, 0) << imported.err.toStdString();
    EXPECT_TRUE(imported.err.contains("imported 303 samples")) << imported.err.toStdString();

    const Result again = exportCsv(second);
    ASSERT_EQ(again.code, 0) << again.err.toStdString();
    EXPECT_EQ(again.out, exported.out); // byte for byte

    // The rollups were updated for the imported samples, the same as live.
    const QStringList oneMinute{QStringLiteral("--resolution"), QStringLiteral("1m")};
    const Result rollupsFirst = exportCsv(first, oneMinute);
    const Result rollupsSecond = exportCsv(second, oneMinute);
    ASSERT_EQ(rollupsFirst.code, 0) << rollupsFirst.err.toStdString();
    EXPECT_GT(rollupsFirst.out.count('\n'), 10);
    EXPECT_EQ(rollupsSecond.out, rollupsFirst.out);
    // Ids come back as they were, not with the export's formula guard.
    EXPECT_EQ(scalar(second, QStringLiteral("SELECT count(*) FROM users WHERE user_id = '=HYPERLINK(\"x\")'"))
                  .toInt(),
              1);
}

TEST(Import, ReportsBadRowsOneByOneAndKeepsTheGoodOnes)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("h.sqlite"));
    const QString csv = dir.filePath(QStringLiteral("in.csv"));
    writeFile(csv,
              "time,meeting_id,user_id,username,upload_kbps,download_kbps,latency_ms,packet_loss_pct,"
              "jitter_ms,quality,colour\r\n"
              "2026-11-24T10:15:03.123Z,m,u1,Ann,100,200,45.5,0,1,good,red\r\n"       // 2 good
              "yesterday,m,u1,Ann,100,200,45.5,0,1,good,red\r\n"                      // 3 time
              "2026-11-24T10:15:04.123Z,m,u1,Ann,100,200,abc,0,1,good,red\r\n"        // 4 latency
              "2026-11-24T10:15:05.123Z,m,u1,Ann,100,200,70000,0,1,good,red\r\n"      // 5 range
              "2026-11-24T10:15:06.123Z,m,u1,Ann,100,200,45,0,1,great,red\r\n"        // 6 level
              "2026-11-24T10:15:07.123Z,m,u1,Ann,100\r\n"                             // 7 cells
              "2026-11-24T10:15:08.123Z,,u1,Ann,100,200,45,0,1,good,red\r\n"          // 8 no meeting
              "2026-11-24T10:15:09.123Z,m,\"u2\",\"Bob,\n Jr\",1e2,,,,,,blue\r\n"     // 9-10 good
              "2026-11-24T10:15:10.123Z,m,u1,Ann,-5,200,45,0,1,good,red\r\n"          // 11 negative
              "2026-11-24T10:15:11.123Z,m,u1,Ann,100,200,45,0,1,poor,red\n");         // 12 good, LF
    const Result r = importCsv(db, csv);
    EXPECT_EQ(r.code, 3) << r.err.toStdString();
    const QByteArray err = r.err;
    for (const char *expected : {"line 1: unknown column 'colour' (ignored)",
                                 "line 3: time: 'yesterday' is not an ISO-8601 time",
                                 "line 4: latency_ms: not a number",
                                 "line 5: latency_ms: 70000 is outside 0..60000",
                                 "line 6: quality: 'great' is not excellent, good, fair or poor",
                                 "line 7: 5 cells where the header has 11",
                                 "line 8: meeting_id: empty",
                                 "line 11: upload_kbps: -5 is outside 0..10000000",
                                 "imported 3 samples", "7 rows rejected"})
        EXPECT_TRUE(err.contains(expected)) << expected << "\n" << err.toStdString();
    EXPECT_FALSE(err.contains("line 2:")) << err.toStdString();
    EXPECT_FALSE(err.contains("line 9:")) << err.toStdString();
    EXPECT_FALSE(err.contains("line 12:")) << err.toStdString();

    const auto stored = test::storedSamples(db);
    ASSERT_EQ(stored.size(), 3u);
    EXPECT_EQ(stored[0].point.timeMs, T0);
    EXPECT_EQ(stored[0].point.value[2], 45.5);
    EXPECT_EQ(stored[1].userId, QStringLiteral("u2"));
    EXPECT_EQ(stored[1].username, QStringLiteral("Bob, Jr")); // line break removed, like the decoder
    EXPECT_EQ(stored[1].point.value[0], 100.0);
    EXPECT_FALSE(stored[1].point.value[2]); // empty is unknown, not 0
    EXPECT_EQ(stored[1].point.quality, Quality::Unknown);
    EXPECT_EQ(stored[2].point.quality, Quality::Poor);
    EXPECT_EQ(scalar(db, QStringLiteral("SELECT sum(samples) FROM rollups")).toInt(), 3);
}

TEST(Import, AFailedImportLeavesNothingHalfWritten)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("h.sqlite"));
    const QString csv = dir.filePath(QStringLiteral("in.csv"));
    writeSamples(db, {makeSample(QStringLiteral("m"), QStringLiteral("before"), T0)});
    QByteArray text = SampleExporter::csvHeader() + "\r\n";
    for (int i = 0; i < 100; ++i)
        text += "2026-11-24T11:00:0" + QByteArray::number(i % 10) + ".000Z,m,u" + QByteArray::number(i)
            + ",,1,2,3,0,1,good\r\n";
    writeFile(csv, text);

    // Another process holds the write lock for longer than the busy timeout.
    HistoryDatabase blocker;
    ASSERT_TRUE(blocker.open(db));
    QSqlQuery lock(blocker.database());
    ASSERT_TRUE(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
    const Result r = importCsv(db, csv);
    ASSERT_TRUE(lock.exec(QStringLiteral("ROLLBACK")));
    EXPECT_EQ(r.code, 1) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("import stopped")) << r.err.toStdString();
    EXPECT_EQ(test::storedSampleCount(db), 1);
    EXPECT_EQ(scalar(db, QStringLiteral("SELECT count(*) FROM users")).toInt(), 1);
    EXPECT_EQ(scalar(db, QStringLiteral("SELECT sum(samples) FROM rollups")).toInt(), 1);

    // Usage and file errors.
    EXPECT_EQ(run(runImportCommand, {QStringLiteral("--db"), db}).code, 2);
    const Result missing = importCsv(db, dir.filePath(QStringLiteral("missing.csv")));
    EXPECT_EQ(missing.code, 1);
    EXPECT_TRUE(missing.err.contains("cannot read")) << missing.err.toStdString();
    writeFile(csv, "when,who\r\n1,2\r\n");
    const Result noColumns = importCsv(db, csv);
    EXPECT_EQ(noColumns.code, 1);
    EXPECT_TRUE(noColumns.err.contains("no 'time' column")) << noColumns.err.toStdString();
}

TEST(Migration, VersionOneBecomesVersionTwoKeepingEverySample)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.sqlite"));
    {
        // A version 1 history as issue 2's recorder wrote it.
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        raw.setDatabaseName(path);
        ASSERT_TRUE(raw.open());
        QSqlQuery q(raw);
        for (const char *sql : {
                 "PRAGMA journal_mode=WAL",
                 "CREATE TABLE meetings(meeting_id TEXT PRIMARY KEY NOT NULL, name TEXT, first_seen_ms INTEGER NOT NULL)",
                 "CREATE TABLE users(user_key INTEGER PRIMARY KEY, meeting_id TEXT NOT NULL REFERENCES meetings(meeting_id),"
                 " user_id TEXT NOT NULL, username TEXT, first_seen_ms INTEGER NOT NULL, UNIQUE(meeting_id, user_id))",
                 "CREATE TABLE samples(ts_ms INTEGER NOT NULL, user_key INTEGER NOT NULL REFERENCES users(user_key),"
                 " up REAL, down REAL, latency REAL, loss REAL, jitter REAL, quality INTEGER)",
                 "CREATE INDEX samples_by_time ON samples(ts_ms)",
                 "CREATE INDEX samples_by_user ON samples(user_key, ts_ms)",
                 "INSERT INTO meetings VALUES('room-1', 'Weekly', 1), ('room-2', NULL, 1)",
                 "INSERT INTO users VALUES(1, 'room-1', 'u-alice', 'Alice', 1), (2, 'room-2', 'u-bob', NULL, 1)",
                 "INSERT INTO samples VALUES(1795515303123, 1, 12.5, 300, 45.25, 0, 1.5, 1)",
                 "INSERT INTO samples VALUES(1795515304123, 2, 0.1, NULL, NULL, NULL, NULL, NULL)",
                 "INSERT INTO samples VALUES(1795515366123, 1, 1234.5678, 99.999, 410, 5.5, 20, 4)",
                 "INSERT INTO samples VALUES(1795515366123, 1, 1, 2, 3, 4, 5, 3)",
                 "PRAGMA user_version=1"})
            ASSERT_TRUE(q.exec(QString::fromLatin1(sql))) << sql << q.lastError().text().toStdString();
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));

    // A reader cannot convert it and says why.
    HistoryDatabase reader;
    EXPECT_FALSE(reader.open(path, HistoryDatabase::Mode::ReadOnly));
    EXPECT_TRUE(reader.errorString().contains(QStringLiteral("older"))) << reader.errorString().toStdString();

    {
        HistoryDatabase db;
        ASSERT_TRUE(db.open(path)) << db.errorString().toStdString();
        EXPECT_EQ(db.schemaVersion(), HistoryDatabase::SchemaVersion);
    }
    EXPECT_EQ(scalar(path, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'samples'")).toInt(), 0);
    EXPECT_EQ(scalar(path, QStringLiteral("SELECT count(*) FROM raw_blocks")).toInt(), 3); // alice x2 minutes, bob
    EXPECT_EQ(scalar(path, QStringLiteral("SELECT sum(samples) FROM rollups")).toInt(), 4);
    const Result r = exportCsv(path);
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(r.out, SampleExporter::csvHeader() + "\r\n"
                  "2026-11-24T10:15:03.123Z,\"room-1\",\"u-alice\",\"Alice\",12.5,300,45.25,0,1.5,excellent\r\n"
                  "2026-11-24T10:15:04.123Z,\"room-2\",\"u-bob\",,0.1,,,,,\r\n"
                  "2026-11-24T10:16:06.123Z,\"room-1\",\"u-alice\",\"Alice\",1234.5678,99.999,410,5.5,20,poor\r\n"
                  "2026-11-24T10:16:06.123Z,\"room-1\",\"u-alice\",\"Alice\",1,2,3,4,5,fair\r\n");
    const Result rollups = exportCsv(path, {QStringLiteral("--resolution"), QStringLiteral("1m"),
                                            QStringLiteral("--user"), QStringLiteral("u-alice")});
    EXPECT_TRUE(rollups.out.contains("2026-11-24T10:16:00Z,\"room-1\",\"u-alice\",2,"))
        << rollups.out.toStdString();
    EXPECT_TRUE(rollups.out.contains(",1234.5678,")) << rollups.out.toStdString();
}
