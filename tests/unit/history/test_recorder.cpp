// The recorder as a process would run it (runRecordCommand: options, exit
// codes, stderr), in-process so SIGTERM can be raised at a chosen moment.
// Gateway side: the project's loopback simulator, which speaks the contract.
#include "app/recorder.h"
#include "history/sampleexporter.h"
#include "historytestutil.h"
#include "simulatorserver.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <csignal>
#include <gtest/gtest.h>

using namespace mm;

namespace {

struct Result
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

// Runs `record` with `arguments`; `whileRunning` (if any) is called from the
// event loop after `afterMs`.
Result runRecord(const QStringList &arguments, int afterMs = 0,
                 const std::function<void()> &whileRunning = {})
{
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    QObject context;
    if (whileRunning)
        QTimer::singleShot(afterMs, &context, whileRunning);
    Result result;
    result.code = runRecordCommand(arguments, out, err);
    result.out = out.data();
    result.err = err.data();
    return result;
}

// A port with nothing listening: bind one, note it, close it.
quint16 closedPort()
{
    QTcpServer probe;
    EXPECT_TRUE(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

QString wsUrl(quint16 port)
{
    return QStringLiteral("ws://127.0.0.1:%1").arg(port);
}

} // namespace

TEST(Recorder, HelpListsTheOptions)
{
    const Result r = runRecord({QStringLiteral("--help")});
    EXPECT_EQ(r.code, 0);
    for (const char *option : {"--gateway", "--namespace", "--path", "--token-file", "--db",
                               "--raw-retention", "--rollup-retention"})
        EXPECT_TRUE(r.out.contains(option)) << option;
}

TEST(Recorder, UsageErrorsExitTwo)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("h.sqlite"));
    const QString emptyToken = dir.filePath(QStringLiteral("empty-token"));
    {
        QFile file(emptyToken);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("\n");
    }
    const QString gateway = wsUrl(closedPort());
    struct Case
    {
        QStringList arguments;
        QByteArray message;
    };
    const std::vector<Case> cases{
        {{QStringLiteral("--db"), db}, "--gateway URL is required"},
        {{QStringLiteral("--gateway"), gateway}, "--db FILE is required"},
        {{QStringLiteral("--gateway"), QStringLiteral("ftp://x"), QStringLiteral("--db"), db},
         "is not a ws://"},
        {{QStringLiteral("--gateway"), QStringLiteral("not a url"), QStringLiteral("--db"), db},
         "is not a ws://"},
        {{QStringLiteral("--gateway"), gateway, QStringLiteral("--db"), db,
          QStringLiteral("--token-file"), dir.filePath(QStringLiteral("missing"))},
         "Cannot read the token file"},
        {{QStringLiteral("--gateway"), gateway, QStringLiteral("--db"), db,
          QStringLiteral("--token-file"), emptyToken},
         "is empty"},
        {{QStringLiteral("--gateway"), gateway, QStringLiteral("--db"), db,
          QStringLiteral("--namespace"), QStringLiteral("meeting-metrics")},
         "--namespace must start with '/'"},
        {{QStringLiteral("--bogus")}, "bogus"},
        {{QStringLiteral("--gateway"), gateway, QStringLiteral("--db"), db,
          QStringLiteral("--raw-retention"), QStringLiteral("a day")},
         "--raw-retention: 'a day' is not a number of hours"},
        {{QStringLiteral("--gateway"), gateway, QStringLiteral("--db"), db,
          QStringLiteral("--rollup-retention"), QStringLiteral("-1")},
         "--rollup-retention: '-1' is not a number of days"},
    };
    for (const Case &c : cases) {
        const Result r = runRecord(c.arguments);
        EXPECT_EQ(r.code, Recorder::ExitUsage) << c.arguments.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(r.err.contains(c.message)) << r.err.toStdString();
        EXPECT_TRUE(r.err.startsWith("meeting-monitor record: ")) << r.err.toStdString();
    }
    EXPECT_FALSE(QFile::exists(db)); // nothing was started
}

TEST(Recorder, AnUnopenableHistoryExitsOne)
{
    const Result r = runRecord({QStringLiteral("--gateway"), wsUrl(closedPort()), QStringLiteral("--db"),
                                QStringLiteral("/nonexistent-dir/deeper/h.sqlite")});
    EXPECT_EQ(r.code, Recorder::ExitRuntime);
    EXPECT_TRUE(r.err.contains("/nonexistent-dir/deeper/h.sqlite")) << r.err.toStdString();
}

TEST(Recorder, SigtermWhileTheGatewayIsDownExitsZeroWithAnEmptyHistory)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("h.sqlite"));
    const Result r = runRecord({QStringLiteral("--gateway"), wsUrl(closedPort()), QStringLiteral("--db"), db},
                               1500, [] { ::raise(SIGTERM); });
    EXPECT_EQ(r.code, Recorder::ExitOk) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("SIGTERM received")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("connection: ")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("counters: received=0 accepted=0 shed=0 ")) << r.err.toStdString();
    EXPECT_EQ(test::storedSampleCount(db), 0);
    // The default SIGTERM disposition is back (the test process survives
    // only because nothing raises it again).
    struct sigaction current = {};
    ::sigaction(SIGTERM, nullptr, &current);
    EXPECT_EQ(current.sa_handler, SIG_DFL);
}

TEST(Recorder, RecordsFromAGatewayAndCommitsEverythingOnSigterm)
{
    FleetConfig fleet;
    fleet.seed = 7;
    fleet.meetings = 3;
    fleet.totalUsers = 30;
    fleet.samplesPerSecond = 5.0;
    SimulatorServerConfig serverConfig;
    serverConfig.token = QStringLiteral("s3cret-token");
    SimulatorServer server(fleet, serverConfig);
    QString error;
    ASSERT_TRUE(server.listen(&error)) << error.toStdString();

    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("h.sqlite"));
    const QString tokenFile = dir.filePath(QStringLiteral("token"));
    {
        QFile file(tokenFile);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("s3cret-token\n"); // the trailing newline is not part of the token
    }
    // Stop once the gateway has sent a good number of samples (or after a
    // generous deadline, so a broken path fails below instead of hanging).
    QTimer poll;
    QElapsedTimer sinceStart;
    sinceStart.start();
    std::function<void()> check = [&] {
        if (server.samplesSent() >= 300 || sinceStart.hasExpired(60'000))
            ::raise(SIGTERM);
        else
            QTimer::singleShot(100, &poll, check);
    };
    const Result r = runRecord({QStringLiteral("--gateway"), server.url().toString(),
                                QStringLiteral("--token-file"), tokenFile, QStringLiteral("--db"), db},
                               100, check);
    server.close();
    EXPECT_EQ(r.code, Recorder::ExitOk) << r.err.toStdString();
    EXPECT_FALSE(r.err.contains("s3cret-token")) << "the token was logged";

    // Every sample the ingest path accepted is in the history, none lost at
    // SIGTERM: the final counters line has accepted == rows committed.
    const QString log = QString::fromUtf8(r.err);
    const auto number = [&](const QString &key) {
        const qsizetype at = log.lastIndexOf(key + QLatin1Char('='));
        EXPECT_GE(at, 0) << key.toStdString();
        qsizetype end = at + key.size() + 1;
        while (end < log.size() && log.at(end).isDigit())
            ++end;
        return log.mid(at + key.size() + 1, end - at - key.size() - 1).toLongLong();
    };
    const qint64 accepted = number(QStringLiteral("accepted"));
    EXPECT_GE(accepted, 250);
    EXPECT_EQ(number(QStringLiteral("rows-committed")), accepted) << log.toStdString();
    EXPECT_EQ(test::storedSampleCount(db), accepted);
    EXPECT_GE(test::scalar(db, QStringLiteral("SELECT count(*) FROM users")).toInt(), 2);

    // And `export` reads it back: one CSV line per sample plus the header.
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    EXPECT_EQ(runExportCommand({QStringLiteral("--db"), db}, out, err), 0) << err.data().toStdString();
    EXPECT_EQ(out.data().count("\r\n"), accepted + 1);
}

TEST(Recorder, ARefusedTokenEndsWithExitThreeAndTheServersReason)
{
    SimulatorServerConfig serverConfig;
    serverConfig.token = QStringLiteral("right");
    SimulatorServer server(FleetConfig{}, serverConfig);
    ASSERT_TRUE(server.listen());
    QTemporaryDir dir;
    qputenv("MEETING_MONITOR_TOKEN", "wrong");
    // SIGTERM after a long time: a hang fails instead of blocking ctest.
    const Result r = runRecord({QStringLiteral("--gateway"), server.url().toString(), QStringLiteral("--db"),
                                dir.filePath(QStringLiteral("h.sqlite"))},
                               30000, [] { ::raise(SIGTERM); });
    qunsetenv("MEETING_MONITOR_TOKEN");
    EXPECT_EQ(r.code, Recorder::ExitRefused) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("meeting-monitor record: the gateway refused the connection: "))
        << r.err.toStdString();
    EXPECT_FALSE(r.err.contains("wrong")) << "the token was logged";
}

TEST(Recorder, TerminalSafeEscapesControlCharacters)
{
    EXPECT_EQ(terminalSafe(u"bad\x1b[31mtoken\n"), QStringLiteral("bad\\x1b[31mtoken\\x0a"));
    EXPECT_EQ(terminalSafe(QStringView(u"a\u202eb")), QStringLiteral("a\\u202eb"));
    EXPECT_EQ(terminalSafe(QString(5000, QLatin1Char('x'))).size(), 1024 + 3);
}
