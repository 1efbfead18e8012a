#include "history/historydatabase.h"
#include "history/historywriter.h"
#include "history/sampleexporter.h"
#include "historytestutil.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <csignal>
#include <iostream>
#include <sys/resource.h>
#include <gtest/gtest.h>

using namespace mm;
using test::makeBatch;
using test::makeSample;

namespace {

// 2026-11-24T10:15:03.123Z
constexpr qint64 T0 = 1795515303123;

struct Result
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Result runExport(const QStringList &arguments)
{
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    Result result;
    result.code = runExportCommand(arguments, out, err);
    result.out = out.data();
    result.err = err.data();
    return result;
}

class SampleExporterTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("history.sqlite"));
        HistoryWriter writer(m_db, 3'600'000);
        writer.setRetention(test::keepAll()); // a fixed day, whatever today is
        ASSERT_TRUE(writer.open());

        Sample alice = makeSample(QStringLiteral("room-1"), QStringLiteral("u-alice"), T0, 12.5,
                                  300, 45.25, 0, 1.5, Quality::Excellent);
        alice.username = QStringLiteral("Alice, \"Al\"");
        alice.meetingName = QStringLiteral("Weekly sync");
        // A hostile client: formula in the name and id, sent with the
        // MeetingRoom shape (loss and jitter unknown).
        Sample mallory = makeSample(QStringLiteral("room-1"), QStringLiteral("=HYPERLINK(\"x\")"),
                                    T0 + 1000, 10'000'000, std::nullopt, 250, std::nullopt,
                                    std::nullopt, Quality::Fair);
        mallory.username = QStringLiteral("@evil\tname");
        Sample bob = makeSample(QStringLiteral("room-2"), QStringLiteral("u-bob"), T0 + 2000, 0.1,
                                std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                                Quality::Unknown);
        bob.username.clear();
        Sample alice2 = makeSample(QStringLiteral("room-1"), QStringLiteral("u-alice"), T0 + 3000,
                                   1234.5678, 99.999, 410, 5.5, 20, Quality::Poor);
        alice2.username.clear(); // keeps the name already known
        writer.writeBatch(makeBatch({alice, mallory}));
        writer.writeBatch(makeBatch({bob, alice2}));
        ASSERT_TRUE(writer.flush());
    }

    QStringList args(QStringList extra) const
    {
        return QStringList{QStringLiteral("--db"), m_db, QStringLiteral("--format"),
                           QStringLiteral("csv")}
            + extra;
    }

    QTemporaryDir m_dir;
    QString m_db;
};

const QByteArray Header = "time,meeting_id,user_id,username,upload_kbps,download_kbps,latency_ms,"
                          "packet_loss_pct,jitter_ms,quality\r\n";
const QByteArray RowAlice =
    "2026-11-24T10:15:03.123Z,\"room-1\",\"u-alice\",\"Alice, \"\"Al\"\"\",12.5,300,45.25,0,1.5,excellent\r\n";
const QByteArray RowMallory =
    "2026-11-24T10:15:04.123Z,\"room-1\",\"'=HYPERLINK(\"\"x\"\")\",\"'@evil\tname\",10000000,,250,,,fair\r\n";
const QByteArray RowBob = "2026-11-24T10:15:05.123Z,\"room-2\",\"u-bob\",,0.1,,,,,\r\n";
const QByteArray RowAlice2 =
    "2026-11-24T10:15:06.123Z,\"room-1\",\"u-alice\",\"Alice, \"\"Al\"\"\",1234.5678,99.999,410,5.5,20,poor\r\n";

} // namespace

TEST_F(SampleExporterTest, ExactCsvForAKnownDataset)
{
    const Result r = runExport(args({}));
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.isEmpty()) << r.err.toStdString();
    EXPECT_EQ(r.out, Header + RowAlice + RowMallory + RowBob + RowAlice2);
}

TEST_F(SampleExporterTest, FromIsInclusiveToIsExclusive)
{
    Result r = runExport(args({QStringLiteral("--from"), QStringLiteral("2026-11-24T10:15:04.123Z"),
                               QStringLiteral("--to"), QStringLiteral("2026-11-24T10:15:06.123Z")}));
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(r.out, Header + RowMallory + RowBob);

    // Same instant with an offset; a bare date is midnight UTC.
    r = runExport(args({QStringLiteral("--from"), QStringLiteral("2026-11-24T12:15:05.123+02:00")}));
    EXPECT_EQ(r.out, Header + RowBob + RowAlice2);
    r = runExport(args({QStringLiteral("--to"), QStringLiteral("2026-11-24")}));
    EXPECT_EQ(r.out, Header);
    r = runExport(args({QStringLiteral("--from"), QStringLiteral("2026-11-24")}));
    EXPECT_EQ(r.out, Header + RowAlice + RowMallory + RowBob + RowAlice2);
    // No offset: UTC, not the machine's zone.
    r = runExport(args({QStringLiteral("--to"), QStringLiteral("2026-11-24T10:15:04")}));
    EXPECT_EQ(r.out, Header + RowAlice);
}

TEST_F(SampleExporterTest, MeetingAndUserFilters)
{
    Result r = runExport(args({QStringLiteral("--meeting"), QStringLiteral("room-1")}));
    EXPECT_EQ(r.out, Header + RowAlice + RowMallory + RowAlice2);
    r = runExport(args({QStringLiteral("--user"), QStringLiteral("u-alice")}));
    EXPECT_EQ(r.out, Header + RowAlice + RowAlice2);
    r = runExport(args({QStringLiteral("--meeting"), QStringLiteral("room-2"), QStringLiteral("--user"),
                        QStringLiteral("u-alice")}));
    EXPECT_EQ(r.out, Header);
    // Filters are values, not SQL.
    r = runExport(args({QStringLiteral("--meeting"), QStringLiteral("x' OR '1'='1")}));
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out, Header);
    r = runExport(args({QStringLiteral("--user"), QStringLiteral("=HYPERLINK(\"x\")"),
                        QStringLiteral("--from"), QStringLiteral("2026-11-24T10:15:04.123Z")}));
    EXPECT_EQ(r.out, Header + RowMallory);
}

TEST_F(SampleExporterTest, OutWritesTheFileAtomically)
{
    const QString out = m_dir.filePath(QStringLiteral("export.csv"));
    const Result r = runExport(args({QStringLiteral("--out"), out}));
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.isEmpty());
    QFile file(out);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), Header + RowAlice + RowMallory + RowBob + RowAlice2);
}

TEST_F(SampleExporterTest, UsageErrorsExitTwoWithAClearMessage)
{
    struct Case
    {
        QStringList arguments;
        QByteArray message;
    };
    const std::vector<Case> cases{
        {args({QStringLiteral("--from"), QStringLiteral("yesterday")}), "not an ISO-8601"},
        {args({QStringLiteral("--to"), QStringLiteral("2026-13-45T99:00:00Z")}), "not an ISO-8601"},
        {args({QStringLiteral("--bogus")}), "bogus"},
        {args({QStringLiteral("stray")}), "unexpected argument"},
        {{QStringLiteral("--format"), QStringLiteral("csv")}, "--db FILE is required"},
        {{QStringLiteral("--db"), m_db, QStringLiteral("--format"), QStringLiteral("xlsx")}, "xlsx"},
        {args({QStringLiteral("--from"), QStringLiteral("2026-11-25"), QStringLiteral("--to"),
               QStringLiteral("2026-11-24")}),
         "--from is after --to"},
    };
    for (const Case &c : cases) {
        const Result r = runExport(c.arguments);
        EXPECT_EQ(r.code, 2) << c.arguments.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(r.err.contains(c.message)) << r.err.toStdString();
        EXPECT_TRUE(r.err.startsWith("meeting-monitor export: ")) << r.err.toStdString();
        EXPECT_TRUE(r.out.isEmpty());
    }
}

TEST_F(SampleExporterTest, HelpExitsZero)
{
    const Result r = runExport({QStringLiteral("--help")});
    EXPECT_EQ(r.code, 0);
    EXPECT_TRUE(r.out.contains("--meeting")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("--out")) << r.out.toStdString();
}

TEST_F(SampleExporterTest, RuntimeErrorsExitOne)
{
    const QString missing = m_dir.filePath(QStringLiteral("missing.sqlite"));
    Result r = runExport({QStringLiteral("--db"), missing});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("no such file")) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(missing));

    const QString out = m_dir.filePath(QStringLiteral("no-such-dir/export.csv"));
    r = runExport(args({QStringLiteral("--out"), out}));
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("cannot write")) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(out));
}

TEST_F(SampleExporterTest, AFailingWriteLeavesNoPartialFile)
{
    // Enough rows that the CSV is far larger than the file-size limit below.
    {
        HistoryWriter writer(m_db, 3'600'000);
        writer.setRetention(test::keepAll());
        ASSERT_TRUE(writer.open());
        std::vector<Sample> samples;
        for (int i = 0; i < 20'000; ++i)
            samples.push_back(makeSample(QStringLiteral("big"), QString::number(i % 100), T0 + 10'000 + i));
        writer.writeBatch(makeBatch(std::move(samples)));
        ASSERT_TRUE(writer.flush());
    }
    const QString out = m_dir.filePath(QStringLiteral("export.csv"));
    {
        QFile previous(out);
        ASSERT_TRUE(previous.open(QIODevice::WriteOnly));
        previous.write("previous export\n");
    }

    // The disk "fills up" at 64 KiB: writes beyond it fail with EFBIG
    // (SIGXFSZ ignored so the process sees the error instead of dying).
    rlimit saved{};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = saved;
    limited.rlim_cur = 64 * 1024;
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &limited), 0);
    const Result r = runExport(args({QStringLiteral("--out"), out}));
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, oldHandler);

    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("export.csv")) << r.err.toStdString();
    std::cerr << "export error as reported: " << r.err.toStdString();
    // The old file is intact and no temporary file is left behind.
    QFile previous(out);
    ASSERT_TRUE(previous.open(QIODevice::ReadOnly));
    EXPECT_EQ(previous.readAll(), QByteArray("previous export\n"));
    const QStringList left = QDir(m_dir.path()).entryList(QDir::Files);
    for (const QString &name : left)
        EXPECT_TRUE(name.startsWith(QStringLiteral("history.sqlite")) || name == QStringLiteral("export.csv"))
            << name.toStdString();
}

TEST(SampleExporter, ParsesIsoTimes)
{
    EXPECT_EQ(parseIsoTimeMs(QStringLiteral("2026-11-24T10:15:03.123Z")), T0);
    EXPECT_EQ(parseIsoTimeMs(QStringLiteral("2026-11-24T10:15:03.123")), T0);
    EXPECT_EQ(parseIsoTimeMs(QStringLiteral("2026-11-24T11:15:03.123+01:00")), T0);
    EXPECT_EQ(parseIsoTimeMs(QStringLiteral("2026-11-24T10:15:03Z")), T0 - 123);
    EXPECT_EQ(parseIsoTimeMs(QStringLiteral("2026-11-24")), T0 - 123 - (10 * 3600 + 15 * 60 + 3) * 1000);
    EXPECT_FALSE(parseIsoTimeMs(QString()));
    EXPECT_FALSE(parseIsoTimeMs(QStringLiteral("24/11/2026")));
    EXPECT_FALSE(parseIsoTimeMs(QStringLiteral("2026-11-24T25:00:00Z")));
}
