#include "history/historydatabase.h"
#include "historytestutil.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace mm;

namespace {

QStringList objects(HistoryDatabase &db, const QString &type)
{
    QStringList names;
    QSqlQuery query(db.database());
    query.prepare(QStringLiteral("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE "
                                 "'sqlite_%' ORDER BY name"));
    query.addBindValue(type);
    EXPECT_TRUE(query.exec());
    while (query.next())
        names << query.value(0).toString();
    return names;
}

QString pragma(HistoryDatabase &db, const QString &name)
{
    QSqlQuery query(db.database());
    EXPECT_TRUE(query.exec(QStringLiteral("PRAGMA ") + name));
    EXPECT_TRUE(query.next());
    return query.value(0).toString();
}

} // namespace

TEST(HistoryDatabase, CreatesVersionedSchemaInWalMode)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    HistoryDatabase db;
    ASSERT_TRUE(db.open(path)) << db.errorString().toStdString();
    EXPECT_TRUE(db.isOpen());
    EXPECT_EQ(db.schemaVersion(), HistoryDatabase::SchemaVersion);
    EXPECT_EQ(objects(db, QStringLiteral("table")),
              (QStringList{QStringLiteral("incidents"), QStringLiteral("meetings"), QStringLiteral("meta"),
                           QStringLiteral("raw_blocks"), QStringLiteral("rollups"),
                           QStringLiteral("users")}));
    EXPECT_EQ(pragma(db, QStringLiteral("journal_mode")), QStringLiteral("wal"));
    EXPECT_EQ(pragma(db, QStringLiteral("foreign_keys")), QStringLiteral("1"));
    EXPECT_EQ(pragma(db, QStringLiteral("synchronous")), QStringLiteral("1")); // NORMAL
    EXPECT_EQ(pragma(db, QStringLiteral("busy_timeout")),
              QString::number(HistoryDatabase::BusyTimeoutMs));

    // Foreign keys are enforced: a block for an unknown user is refused.
    QSqlQuery orphan(db.database());
    EXPECT_FALSE(orphan.exec(QStringLiteral(
        "INSERT INTO raw_blocks(minute, user_key, data) VALUES(1, 999, x'01')")));
}

TEST(HistoryDatabase, ReopensWithoutRecreatingAndKeepsData)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    {
        HistoryDatabase db;
        ASSERT_TRUE(db.open(path));
        QSqlQuery query(db.database());
        ASSERT_TRUE(query.exec(QStringLiteral(
            "INSERT INTO meetings(meeting_id, first_seen_ms) VALUES('m', 1)")));
    }
    HistoryDatabase again;
    ASSERT_TRUE(again.open(path)) << again.errorString().toStdString();
    EXPECT_EQ(test::scalar(path, QStringLiteral("SELECT count(*) FROM meetings")).toInt(), 1);
}

TEST(HistoryDatabase, TwoInstancesHaveDistinctConnections)
{
    QTemporaryDir dir;
    HistoryDatabase a;
    HistoryDatabase b;
    EXPECT_NE(a.connectionName(), b.connectionName());
    ASSERT_TRUE(a.open(dir.filePath(QStringLiteral("a.sqlite"))));
    ASSERT_TRUE(b.open(dir.filePath(QStringLiteral("b.sqlite"))));
    EXPECT_TRUE(a.isOpen());
    EXPECT_TRUE(b.isOpen());
    a.close();
    EXPECT_FALSE(a.isOpen());
    EXPECT_TRUE(b.isOpen());
}

TEST(HistoryDatabase, ReadOnlyNeedsAnExistingHistoryAndNeverWrites)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    HistoryDatabase reader;
    EXPECT_FALSE(reader.open(path, HistoryDatabase::Mode::ReadOnly));
    EXPECT_TRUE(reader.errorString().contains(QStringLiteral("no such file")))
        << reader.errorString().toStdString();
    EXPECT_FALSE(QFile::exists(path)); // a reader creates nothing

    {
        HistoryDatabase writer;
        ASSERT_TRUE(writer.open(path));
    }
    ASSERT_TRUE(reader.open(path, HistoryDatabase::Mode::ReadOnly)) << reader.errorString().toStdString();
    QSqlQuery query(reader.database());
    EXPECT_TRUE(query.exec(QStringLiteral("SELECT count(*) FROM raw_blocks")));
    EXPECT_FALSE(query.exec(QStringLiteral(
        "INSERT INTO meetings(meeting_id, first_seen_ms) VALUES('m', 1)")));
}

TEST(HistoryDatabase, RefusesForeignAndNewerFiles)
{
    QTemporaryDir dir;
    // A text file is not a database.
    const QString text = dir.filePath(QStringLiteral("notes.txt"));
    {
        QFile file(text);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
    }
    HistoryDatabase db;
    EXPECT_FALSE(db.open(text));
    EXPECT_FALSE(db.errorString().isEmpty());
    EXPECT_FALSE(db.open(text, HistoryDatabase::Mode::ReadOnly));

    // Someone else's SQLite database is left alone.
    const QString other = dir.filePath(QStringLiteral("other.sqlite"));
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(other);
        ASSERT_TRUE(raw.open());
        QSqlQuery(raw).exec(QStringLiteral("CREATE TABLE t(x)"));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    EXPECT_FALSE(db.open(other));
    EXPECT_TRUE(db.errorString().contains(QStringLiteral("not a Meeting Monitor history")))
        << db.errorString().toStdString();
    EXPECT_EQ(test::scalar(other, QStringLiteral("SELECT count(*) FROM sqlite_master")).toInt(), 1);

    // A history from a newer version is not downgraded.
    const QString newer = dir.filePath(QStringLiteral("newer.sqlite"));
    {
        HistoryDatabase writer;
        ASSERT_TRUE(writer.open(newer));
        QSqlQuery(writer.database()).exec(QStringLiteral("PRAGMA user_version=99"));
    }
    EXPECT_FALSE(db.open(newer));
    EXPECT_TRUE(db.errorString().contains(QStringLiteral("newer"))) << db.errorString().toStdString();
}

TEST(HistoryDatabase, UnwritableLocationIsAnErrorNotACrash)
{
    HistoryDatabase db;
    EXPECT_FALSE(db.open(QStringLiteral("/nonexistent-dir/deeper/h.sqlite")));
    EXPECT_FALSE(db.errorString().isEmpty());
    EXPECT_FALSE(db.isOpen());
}
