// End to end: the real `meeting-monitor record` and `meeting-monitor export`
// executables (QProcess) against the real Node socket.io gateway and a real
// redis-server, with SocketIoClient participants sending metrics. The
// history is read back with a read-only SQLite connection of our own, not
// through the recorder's classes, so a wrong schema or a lost row shows.

#include "core/quality.h"
#include "gatewayfixture.h"
#include "history/rawblock.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <map>
#include <optional>
#include <signal.h>
#include <sys/types.h>

using namespace mm;
using namespace mm::test;
using nlohmann::json;

namespace {

// Long enough for a slow, busy 2-core machine; a hang still ends the test.
constexpr int ProcessExitTimeoutMs = 30000;
// The client's reconnection backoff tops out at 5 s (+ jitter); generous.
constexpr int ReconnectTimeoutMs = 60000;

QString binaryPath()
{
    return QStringLiteral(MM_BINARY_DIR "/widgets/meeting-monitor");
}

// ---------------------------------------------------------------------------
// The participants and what they send.

struct Participant
{
    QString userId;
    QString meetingId;
    QString username;
};

// u-0's name is a spreadsheet formula (with a comma and quotes, so the CSV
// must quote it too); u-1's is not ASCII; u-2's looks like markup.
const Participant Participants[] = {
    {QStringLiteral("u-0"), QStringLiteral("m-alpha"),
     QString::fromUtf8("=cmd|' /C calc'!A0, \"x\"")},
    {QStringLiteral("u-1"), QStringLiteral("m-alpha"), QString::fromUtf8("Bình Trần")},
    {QStringLiteral("u-2"), QStringLiteral("m-beta"), QStringLiteral("Cat <b>3</b>")},
};
constexpr int ParticipantCount = int(std::size(Participants));

const char *const Levels[] = {"excellent", "good", "fair", "poor"};

// Sample `i` of participant `p`. Non-integral values are never integral
// (x.125, x.5, x.25), so their JSON text is the canonical decimal form the
// export must reproduce. Some fields are left out on purpose: u-2 never
// sends jitter, and u-1 on odd samples sends neither loss nor quality (so
// quality cannot be derived either): all of these must stay unknown.
json metricsFor(int p, int i)
{
    const Participant &who = Participants[p];
    json metrics = {
        {"userId", str(who.userId)},
        {"username", who.username.toStdString()},
        {"meetingId", str(who.meetingId)},
        // u-2 sends a bitrate near the 10,000,000 kbps limit: written in
        // full, never as 1e+07.
        {"totalUpload", p == 2 ? 9'999'980 + i : 1000 + 10 * i + p},
        {"totalDownload", 2000.5 + i},
        {"avgLatency", 40.25 + 3 * i + p},
        {"timestamp", "2026-11-24T09:00:00.000Z"},
    };
    const bool sparse = p == 1 && i % 2 == 1;
    if (!sparse) {
        metrics["packetLossRate"] = 0.125 + i / 4.0;
        metrics["connectionQuality"] = Levels[(i + p) % 4];
    }
    if (p != 2)
        metrics["jitter"] = 1.5 + i;
    return metrics;
}

// The text of a metric as the participant sent it, or empty when not sent.
std::string sentText(const json &metrics, const char *key)
{
    const auto it = metrics.find(key);
    return it == metrics.end() ? std::string() : it->dump();
}

std::optional<double> sentNumber(const json &metrics, const char *key)
{
    const auto it = metrics.find(key);
    if (it == metrics.end())
        return std::nullopt;
    return it->get<double>();
}

// ---------------------------------------------------------------------------
// Reading the history and the CSV back, independently of the recorder.

std::atomic<int> s_connectionCounter{0};

// Runs `body` on a fresh read-only connection to the history at `path`, and
// closes it afterwards (a read snapshot must not outlive the check). False
// when the file cannot be opened.
bool withHistory(const QString &path, const std::function<void(QSqlDatabase &)> &body,
                 QString *error = nullptr)
{
    const QString name = QStringLiteral("recorder-test-%1").arg(++s_connectionCounter);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (QFileInfo(path).isFile() && db.open()) {
            body(db);
            ok = true;
        } else if (error) {
            *error = db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// One value of a one-row query; nullopt when the file or table is not
// there (yet).
std::optional<QVariant> scalar(const QString &path, const QString &sql)
{
    std::optional<QVariant> result;
    withHistory(path, [&](QSqlDatabase &db) {
        QSqlQuery query(db);
        if (query.exec(sql) && query.next())
            result = query.value(0);
    });
    return result;
}

// Raw samples live in per-user minute blocks (schema 2,
// dashboard/history/rawblock.h): decoded here with the block codec, which
// has its own tests; everything else about them is checked independently.
struct DecodedSample
{
    QString meetingId;
    QString userId;
    QString username;
    mm::RawPoint point;
};

std::optional<std::vector<DecodedSample>> decodedSamples(const QString &path)
{
    std::optional<std::vector<DecodedSample>> result;
    withHistory(path, [&](QSqlDatabase &db) {
        QSqlQuery query(db);
        // Per user in the order stored (minute, then arrival in the block).
        if (!query.exec(QStringLiteral(
                "SELECT b.minute, b.data, u.meeting_id, u.user_id, u.username FROM raw_blocks b"
                " JOIN users u ON u.user_key = b.user_key ORDER BY b.minute, b.user_key")))
            return;
        std::vector<DecodedSample> samples;
        while (query.next()) {
            const auto points = mm::decodeRawBlock(query.value(1).toByteArray(),
                                                   query.value(0).toLongLong() * 60'000);
            if (!points) {
                ADD_FAILURE() << "a corrupt raw block";
                return;
            }
            for (const mm::RawPoint &point : *points)
                samples.push_back({query.value(2).toString(), query.value(3).toString(),
                                   query.value(4).toString(), point});
        }
        result = std::move(samples);
    });
    return result;
}

qint64 rowCount(const QString &path)
{
    const auto samples = decodedSamples(path);
    return samples ? qint64(samples->size()) : -1;
}

struct StoredRow
{
    QString meetingId;
    QString userId;
    QString username;
    QVariant up, down, latency, loss, jitter, quality;
};

std::vector<StoredRow> storedRows(const QString &path)
{
    std::vector<StoredRow> rows;
    const auto samples = decodedSamples(path);
    if (!samples) {
        ADD_FAILURE() << "cannot read the raw blocks of " << str(path);
        return rows;
    }
    auto variant = [](const mm::Metric &value) {
        return value ? QVariant(*value) : QVariant(); // unknown: NULL, as before
    };
    for (const DecodedSample &s : *samples) {
        const mm::RawPoint &p = s.point;
        // Block order: upload, download, latency, jitter, loss.
        rows.push_back({s.meetingId, s.userId, s.username, variant(p.value[0]), variant(p.value[1]),
                        variant(p.value[2]), variant(p.value[4]), variant(p.value[3]),
                        p.quality == Quality::Unknown ? QVariant() : QVariant(int(p.quality))});
    }
    return rows;
}

// RFC 4180: CRLF (or LF) line ends, quoted cells with "" for a quote, line
// breaks allowed inside quotes. nullopt on a malformed file.
std::optional<std::vector<QStringList>> parseCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    std::vector<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    bool cellStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    cell += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                cell += c;
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            if (!cell.isEmpty())
                return std::nullopt; // a quote inside an unquoted cell
            quoted = true;
            cellStarted = true;
        } else if (c == QLatin1Char(',')) {
            row << cell;
            cell.clear();
            cellStarted = true;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            row << cell;
            rows.push_back(row);
            row.clear();
            cell.clear();
            cellStarted = false;
        } else {
            cell += c;
            cellStarted = true;
        }
    }
    if (quoted)
        return std::nullopt;
    if (cellStarted || !cell.isEmpty() || !row.isEmpty()) {
        row << cell;
        rows.push_back(row);
    }
    return rows;
}

const QStringList ExpectedHeader = QStringLiteral(
    "time,meeting_id,user_id,username,upload_kbps,download_kbps,latency_ms,packet_loss_pct,"
    "jitter_ms,quality").split(QLatin1Char(','));

// ---------------------------------------------------------------------------
// The executable under test.

// One run of `meeting-monitor ...`. The event loop keeps running while it
// waits (QTest::qWaitFor), so participants and probes in this thread work.
class MeetingMonitorProcess final
{
public:
    explicit MeetingMonitorProcess(const QStringList &arguments,
                                   const QProcessEnvironment &environment = cleanEnvironment())
    {
        m_process.setProgram(binaryPath());
        m_process.setArguments(arguments);
        m_process.setProcessEnvironment(environment);
        m_process.start();
    }
    ~MeetingMonitorProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // The environment minus anything that could change what is tested.
    static QProcessEnvironment cleanEnvironment()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("MEETING_MONITOR_TOKEN"));
        environment.remove(QStringLiteral("DISPLAY"));
        environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
        // The commands speak the locale's language: these tests read English.
        environment.remove(QStringLiteral("LANGUAGE"));
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        return environment;
    }

    bool started() { return m_process.waitForStarted(ProcessExitTimeoutMs); }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    void sendSignal(int signal) const { ::kill(pid_t(m_process.processId()), signal); }

    // True when it exited (normally) within the timeout.
    bool waitForExit(int timeoutMs = ProcessExitTimeoutMs)
    {
        return waitFor([this] { return m_process.state() == QProcess::NotRunning; }, timeoutMs)
               && m_process.exitStatus() == QProcess::NormalExit;
    }

    int exitCode() const { return m_process.exitCode(); }

    QString standardError()
    {
        m_stderr += m_process.readAllStandardError();
        return QString::fromUtf8(m_stderr);
    }
    QByteArray standardOutput()
    {
        m_stdout += m_process.readAllStandardOutput();
        return m_stdout;
    }

    // Everything, for failure messages.
    std::string describe()
    {
        return "exit status " + std::to_string(int(m_process.exitStatus())) + ", code "
               + std::to_string(m_process.exitCode()) + "; stderr:\n" + str(standardError());
    }

private:
    QProcess m_process;
    QByteArray m_stderr;
    QByteArray m_stdout;
};

// The counters of the recorder's last "counters:" line, e.g. accepted=60.
std::optional<qint64> lastCounter(const QString &log, const QString &name)
{
    const QRegularExpression pattern(QStringLiteral("counters:.*\\b%1=(\\d+)")
                                         .arg(QRegularExpression::escape(name)));
    std::optional<qint64> value;
    auto it = pattern.globalMatch(log);
    while (it.hasNext())
        value = it.next().captured(1).toLongLong();
    return value;
}

// ---------------------------------------------------------------------------

class RecorderTest : public GatewayFixture
{
protected:
    void SetUp() override
    {
        GatewayFixture::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        // Not a skip: the binary is part of this build.
        ASSERT_TRUE(QFileInfo(binaryPath()).isExecutable())
            << str(binaryPath()) << " is not built (target meeting-monitor)";
        ASSERT_TRUE(m_dir.isValid());
        dbPath = m_dir.filePath(QStringLiteral("history.sqlite"));
    }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
        file.close();
        return path;
    }

    QString adminTokenFile()
    {
        // With a trailing newline, as `echo token > file` writes it.
        return writeFile(QStringLiteral("admin.token"),
                         gateway->options().adminToken.toUtf8() + '\n');
    }

    QStringList recordArguments(const QStringList &tokenArguments) const
    {
        return QStringList{QStringLiteral("record"), QStringLiteral("--gateway"),
                           gateway->url().toString(), QStringLiteral("--db"), dbPath}
               + tokenArguments;
    }

    void connectParticipants()
    {
        for (const Participant &who : Participants) {
            participants.push_back(makeParticipant(*gateway, who.userId, who.username));
            ASSERT_NO_FATAL_FAILURE(connectParticipant(*participants.back()));
        }
    }

    // One round: every participant sends its sample `i`.
    void sendRound(int i)
    {
        for (int p = 0; p < ParticipantCount; ++p)
            sendMetrics(*participants[size_t(p)], Participants[p].meetingId, metricsFor(p, i));
    }

    // Waits until the recorder (and `extraAdmins` probes) are in the admin
    // room, so nothing sent afterwards can miss it.
    void waitUntilSubscribed(MeetingMonitorProcess &recorder, int admins, int timeoutMs)
    {
        ASSERT_TRUE(waitFor([&] { return gateway->subscribedAdmins() == admins || !recorder.isRunning(); },
                            timeoutMs))
            << "the recorder never subscribed; " << recorder.describe();
        ASSERT_TRUE(recorder.isRunning()) << recorder.describe();
    }

    void expectCleanExit(MeetingMonitorProcess &recorder)
    {
        ASSERT_TRUE(recorder.waitForExit()) << "did not exit by itself; " << recorder.describe();
        EXPECT_EQ(recorder.exitCode(), 0) << recorder.describe();
        // The token is a secret: never in the log.
        EXPECT_FALSE(recorder.standardError().contains(gateway->options().adminToken))
            << recorder.describe();
    }

    void expectIntegrity()
    {
        const auto integrity = scalar(dbPath, QStringLiteral("PRAGMA integrity_check"));
        ASSERT_TRUE(integrity.has_value()) << "history unreadable";
        EXPECT_EQ(integrity->toString(), QStringLiteral("ok"));
        const auto journal = scalar(dbPath, QStringLiteral("PRAGMA journal_mode"));
        ASSERT_TRUE(journal.has_value());
        EXPECT_EQ(journal->toString().toLower(), QStringLiteral("wal"));
    }

    // Every sent sample is in the history with the values sent, unknown
    // ones as NULL; per user in the order sent.
    void expectStoredSamples(int rounds)
    {
        const std::vector<StoredRow> rows = storedRows(dbPath);
        ASSERT_EQ(rows.size(), size_t(rounds * ParticipantCount));
        std::map<QString, int> nextRound;
        for (const StoredRow &row : rows) {
            const auto who = std::find_if(std::begin(Participants), std::end(Participants),
                                          [&](const Participant &p) { return p.userId == row.userId; });
            ASSERT_NE(who, std::end(Participants)) << str(row.userId);
            const int p = int(who - std::begin(Participants));
            const int i = nextRound[row.userId]++;
            ASSERT_LT(i, rounds);
            const json sent = metricsFor(p, i);
            SCOPED_TRACE(str(row.userId) + " sample " + std::to_string(i));
            EXPECT_EQ(row.meetingId, who->meetingId);
            EXPECT_EQ(row.username, who->username);
            const auto expectNumber = [&](const QVariant &stored, const char *key) {
                const auto value = sentNumber(sent, key);
                if (!value) {
                    EXPECT_TRUE(stored.isNull()) << key << " was not sent, yet stored as "
                                                 << str(stored.toString());
                } else {
                    ASSERT_FALSE(stored.isNull()) << key;
                    EXPECT_DOUBLE_EQ(stored.toDouble(), *value) << key;
                }
            };
            expectNumber(row.up, "totalUpload");
            expectNumber(row.down, "totalDownload");
            expectNumber(row.latency, "avgLatency");
            expectNumber(row.loss, "packetLossRate");
            expectNumber(row.jitter, "jitter");
            const std::string level = sent.value("connectionQuality", std::string());
            if (level.empty()) {
                EXPECT_TRUE(row.quality.isNull() || row.quality.toInt() == int(Quality::Unknown))
                    << "quality not sent and not derivable, yet stored as "
                    << str(row.quality.toString());
            } else {
                ASSERT_FALSE(row.quality.isNull());
                EXPECT_EQ(str(qualityName(Quality(row.quality.toInt()))), level);
            }
        }
        for (const Participant &who : Participants)
            EXPECT_EQ(nextRound[who.userId], rounds) << str(who.userId);
    }

    // Records `rounds` rounds from every participant, then sends `signal`
    // while the last round is (very likely) not yet committed, and checks
    // the clean exit and every row. The recorder reads its token from a file.
    void recordAndStop(int signal, int rounds)
    {
        ASSERT_NO_FATAL_FAILURE(startGateway());
        // A probe in the admin room: when it has every sample, the gateway
        // has relayed every sample to the recorder too.
        std::unique_ptr<AdminProbe> probe;
        ASSERT_NO_FATAL_FAILURE(startSubscribedAdmin(probe));
        ASSERT_NO_FATAL_FAILURE(connectParticipants());

        startMs = QDateTime::currentMSecsSinceEpoch();
        MeetingMonitorProcess recorder(
            recordArguments({QStringLiteral("--token-file"), adminTokenFile()}));
        ASSERT_TRUE(recorder.started()) << recorder.describe();
        ASSERT_NO_FATAL_FAILURE(waitUntilSubscribed(recorder, 2, ConnectTimeoutMs));

        // All rounds but the last, spread over a few seconds: several
        // commits happen on the recorder's own timer.
        for (int i = 0; i < rounds - 1; ++i) {
            sendRound(i);
            QTest::qWait(120);
        }
        const qint64 early = qint64(rounds - 1) * ParticipantCount;
        ASSERT_TRUE(waitFor([&] { return rowCount(dbPath) == early; }))
            << "rows committed: " << rowCount(dbPath) << " of " << early << "; "
            << recorder.describe();

        // The last round, then the signal as soon as it was relayed: well
        // inside the 1 s commit interval, so only the shutdown flush can
        // commit it.
        sendRound(rounds - 1);
        const size_t total = size_t(rounds) * ParticipantCount;
        ASSERT_TRUE(waitFor([&] { return probe->samples.size() >= total; }))
            << "the gateway relayed " << probe->samples.size() << " of " << total;
        const qint64 beforeSignal = rowCount(dbPath);
        recorder.sendSignal(signal);
        endMs = QDateTime::currentMSecsSinceEpoch();
        if (beforeSignal == qint64(total))
            std::fprintf(stderr, "note: the commit timer was faster than the signal this run; "
                                 "the flush had nothing left to commit\n");

        ASSERT_NO_FATAL_FAILURE(expectCleanExit(recorder));
        const QString log = recorder.standardError();
        EXPECT_TRUE(log.contains(signal == SIGTERM ? QStringLiteral("SIGTERM")
                                                   : QStringLiteral("SIGINT")))
            << str(log);
        // Distinguishes "never received" from "received but not committed".
        EXPECT_EQ(lastCounter(log, QStringLiteral("accepted")), qint64(total)) << str(log);
        EXPECT_EQ(lastCounter(log, QStringLiteral("rows-committed")), qint64(total)) << str(log);
        EXPECT_EQ(probe->samples.size(), total);

        EXPECT_EQ(rowCount(dbPath), qint64(total));
        ASSERT_NO_FATAL_FAILURE(expectIntegrity());
        ASSERT_NO_FATAL_FAILURE(expectStoredSamples(rounds));
    }

    // `meeting-monitor export ...`, to its end.
    struct ExportResult
    {
        int exitCode = -1;
        QByteArray standardOutput;
        QString standardError;
    };
    ExportResult runExport(const QStringList &options)
    {
        MeetingMonitorProcess exporter(QStringList{QStringLiteral("export")} + options);
        ExportResult result;
        EXPECT_TRUE(exporter.started()) << exporter.describe();
        EXPECT_TRUE(exporter.waitForExit()) << exporter.describe();
        result.exitCode = exporter.exitCode();
        result.standardOutput = exporter.standardOutput();
        result.standardError = exporter.standardError();
        return result;
    }

    // The data rows of an export, after checking the header.
    std::vector<QStringList> exportedRows(const QByteArray &csv)
    {
        const auto parsed = parseCsv(csv);
        if (!parsed) {
            ADD_FAILURE() << "malformed CSV:\n" << csv.toStdString();
            return {};
        }
        if (parsed->empty()) {
            ADD_FAILURE() << "empty export, not even a header";
            return {};
        }
        EXPECT_EQ(parsed->front(), ExpectedHeader) << str(parsed->front().join(QLatin1Char('|')));
        std::vector<QStringList> rows(parsed->begin() + 1, parsed->end());
        for (const QStringList &row : rows)
            EXPECT_EQ(row.size(), ExpectedHeader.size()) << str(row.join(QLatin1Char('|')));
        return rows;
    }

    QTemporaryDir m_dir;
    QString dbPath;
    std::vector<std::unique_ptr<SocketIoClient>> participants;
    qint64 startMs = 0;
    qint64 endMs = 0;
};

class RecorderSignalTest : public RecorderTest, public ::testing::WithParamInterface<int>
{
};

} // namespace

// 1. SIGTERM / SIGINT: the last, uncommitted samples are flushed, exit 0.
TEST_P(RecorderSignalTest, SignalFlushesEverySampleAndExitsZero)
{
    ASSERT_NO_FATAL_FAILURE(recordAndStop(GetParam(), 20));
}

INSTANTIATE_TEST_SUITE_P(Signals, RecorderSignalTest, ::testing::Values(SIGTERM, SIGINT),
                         [](const ::testing::TestParamInfo<int> &param) {
                             return std::string(param.param == SIGTERM ? "SIGTERM" : "SIGINT");
                         });

// 2. The token from the environment instead of a file.
TEST_F(RecorderTest, TokenFromEnvironmentIsAccepted)
{
    ASSERT_NO_FATAL_FAILURE(startGateway());
    ASSERT_NO_FATAL_FAILURE(connectParticipants());
    QProcessEnvironment environment = MeetingMonitorProcess::cleanEnvironment();
    environment.insert(QStringLiteral("MEETING_MONITOR_TOKEN"), gateway->options().adminToken);
    MeetingMonitorProcess recorder(recordArguments({}), environment);
    ASSERT_TRUE(recorder.started()) << recorder.describe();
    ASSERT_NO_FATAL_FAILURE(waitUntilSubscribed(recorder, 1, ConnectTimeoutMs));

    constexpr int Rounds = 5;
    for (int i = 0; i < Rounds; ++i)
        sendRound(i);
    // Committed by the recorder's own timer, visible to another reader
    // while it keeps running (WAL).
    ASSERT_TRUE(waitFor([&] { return rowCount(dbPath) == Rounds * ParticipantCount; }))
        << "rows: " << rowCount(dbPath) << "; " << recorder.describe();
    EXPECT_TRUE(recorder.isRunning());

    recorder.sendSignal(SIGTERM);
    ASSERT_NO_FATAL_FAILURE(expectCleanExit(recorder));
    EXPECT_EQ(rowCount(dbPath), Rounds * ParticipantCount);
    ASSERT_NO_FATAL_FAILURE(expectIntegrity());
    ASSERT_NO_FATAL_FAILURE(expectStoredSamples(Rounds));
}

// 3. A refused token ends the recorder with the server's reason, at once.
TEST_F(RecorderTest, RefusedTokenExitsNonZeroWithTheServersReason)
{
    ASSERT_NO_FATAL_FAILURE(startGateway());
    const QString wrongToken = QStringLiteral("wrong-token-4711");
    const QString tokenFile = writeFile(QStringLiteral("wrong.token"), wrongToken.toUtf8());
    MeetingMonitorProcess recorder(recordArguments({QStringLiteral("--token-file"), tokenFile}));
    ASSERT_TRUE(recorder.started()) << recorder.describe();

    // No retry loop: it ends by itself. (Generous bound for a busy machine;
    // a recorder that retried forever would never get here.)
    ASSERT_TRUE(recorder.waitForExit(20000)) << "still running after a refusal; "
                                             << recorder.describe();
    EXPECT_NE(recorder.exitCode(), 0);
    EXPECT_EQ(recorder.exitCode(), 3) << "documented exit code for a refusal; "
                                      << recorder.describe();
    const QString log = recorder.standardError();
    EXPECT_TRUE(log.contains(QStringLiteral("unauthorized"))) << str(log);
    EXPECT_FALSE(log.contains(wrongToken)) << "the token was logged: " << str(log);

    const auto stats = gateway->stats();
    ASSERT_TRUE(stats.has_value());
    EXPECT_EQ((*stats)["authAttempts"], 1) << stats->dump();
    EXPECT_EQ((*stats)["authRejected"], 1) << stats->dump();
}

// 4. Gateway down at start: retried with backoff until it comes up.
TEST_F(RecorderTest, GatewayDownAtStartIsRetriedUntilItComesUp)
{
    // Start once to own a port, then stop: the recorder meets a closed port.
    ASSERT_NO_FATAL_FAILURE(startGateway());
    const quint16 port = gateway->port();
    gateway->stop();

    MeetingMonitorProcess recorder(
        recordArguments({QStringLiteral("--token-file"), adminTokenFile()}));
    ASSERT_TRUE(recorder.started()) << recorder.describe();
    ASSERT_TRUE(waitFor([&] {
        return recorder.standardError().contains(QStringLiteral("Waiting to reconnect"))
               || !recorder.isRunning();
    }, ConnectTimeoutMs)) << "no retry state logged; " << recorder.describe();
    // Several seconds of downtime: longer than the first backoff delays.
    QTest::qWait(4000);
    ASSERT_TRUE(recorder.isRunning()) << "gave up on a gateway that is down; "
                                      << recorder.describe();
    EXPECT_GE(recorder.standardError().count(QStringLiteral("connection: Connecting")), 2)
        << "expected more than one attempt; " << recorder.describe();

    QString error;
    ASSERT_TRUE(gateway->restart(&error)) << str(error);
    ASSERT_EQ(gateway->port(), port);
    ASSERT_NO_FATAL_FAILURE(waitUntilSubscribed(recorder, 1, ReconnectTimeoutMs));
    EXPECT_TRUE(recorder.standardError().contains(QStringLiteral("connection: Connected")))
        << recorder.describe();

    ASSERT_NO_FATAL_FAILURE(connectParticipants());
    constexpr int Rounds = 4;
    for (int i = 0; i < Rounds; ++i)
        sendRound(i);
    ASSERT_TRUE(waitFor([&] { return rowCount(dbPath) == Rounds * ParticipantCount; }))
        << "rows: " << rowCount(dbPath) << "; " << recorder.describe();

    recorder.sendSignal(SIGTERM);
    ASSERT_NO_FATAL_FAILURE(expectCleanExit(recorder));
    EXPECT_EQ(rowCount(dbPath), Rounds * ParticipantCount);
    ASSERT_NO_FATAL_FAILURE(expectStoredSamples(Rounds));
}

// 5. Export end to end, from what (1) recorded.
TEST_F(RecorderTest, ExportWritesEveryRecordedSampleAsSent)
{
    constexpr int Rounds = 20;
    ASSERT_NO_FATAL_FAILURE(recordAndStop(SIGTERM, Rounds));
    const qint64 afterMs = QDateTime::currentMSecsSinceEpoch();

    const QString csvPath = m_dir.filePath(QStringLiteral("export.csv"));
    const ExportResult result = runExport({QStringLiteral("--db"), dbPath, QStringLiteral("--format"),
                                           QStringLiteral("csv"), QStringLiteral("--out"), csvPath});
    ASSERT_EQ(result.exitCode, 0) << str(result.standardError);
    QFile file(csvPath);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << str(csvPath);
    const QByteArray csv = file.readAll();
    EXPECT_TRUE(csv.startsWith(QByteArray(ExpectedHeader.join(QLatin1Char(',')).toLatin1() + "\r\n")))
        << csv.left(200).toStdString();
    const std::vector<QStringList> rows = exportedRows(csv);
    ASSERT_EQ(rows.size(), size_t(Rounds * ParticipantCount));

    const QRegularExpression isoUtcMs(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$"));
    std::map<QString, int> nextRound;
    qint64 previousMs = 0;
    for (const QStringList &row : rows) {
        ASSERT_EQ(row.size(), ExpectedHeader.size());
        SCOPED_TRACE(str(row.join(QLatin1Char('|'))));
        // Receive time: ISO-8601 UTC with milliseconds, during the run, in
        // receive order.
        EXPECT_TRUE(isoUtcMs.match(row[0]).hasMatch());
        const QDateTime time = QDateTime::fromString(row[0], Qt::ISODateWithMs);
        ASSERT_TRUE(time.isValid());
        const qint64 ms = time.toMSecsSinceEpoch();
        EXPECT_GE(ms, startMs);
        EXPECT_LE(ms, afterMs);
        EXPECT_GE(ms, previousMs);
        previousMs = ms;

        const auto who = std::find_if(std::begin(Participants), std::end(Participants),
                                      [&](const Participant &p) { return p.userId == row[2]; });
        ASSERT_NE(who, std::end(Participants));
        const int p = int(who - std::begin(Participants));
        const int i = nextRound[row[2]]++;
        ASSERT_LT(i, Rounds);
        const json sent = metricsFor(p, i);
        EXPECT_EQ(row[1], who->meetingId);
        // A name that would run as a formula is neutralised with a quote.
        const QString expectedName = who->username.startsWith(QLatin1Char('='))
            ? QLatin1Char('\'') + who->username
            : who->username;
        EXPECT_EQ(str(row[3]), str(expectedName));
        // Numbers as the participant sent them; unknown: empty.
        EXPECT_EQ(str(row[4]), sentText(sent, "totalUpload"));
        EXPECT_EQ(str(row[5]), sentText(sent, "totalDownload"));
        EXPECT_EQ(str(row[6]), sentText(sent, "avgLatency"));
        EXPECT_EQ(str(row[7]), sentText(sent, "packetLossRate"));
        EXPECT_EQ(str(row[8]), sentText(sent, "jitter"));
        EXPECT_EQ(str(row[9]), sent.value("connectionQuality", std::string()));
    }
    for (const Participant &who : Participants)
        EXPECT_EQ(nextRound[who.userId], Rounds) << str(who.userId);
    // The formula name made it to the file only in its neutralised form.
    EXPECT_FALSE(csv.contains(",\"=cmd")) << "formula cell not neutralised";
    EXPECT_FALSE(csv.contains(",=cmd")) << "formula cell not neutralised";

    // Filters narrow the rows (to stdout this time).
    const auto count = [&](const QStringList &filter, const std::function<bool(const QStringList &)> &accept) {
        const ExportResult filtered = runExport(QStringList{QStringLiteral("--db"), dbPath} + filter);
        EXPECT_EQ(filtered.exitCode, 0) << str(filtered.standardError);
        const std::vector<QStringList> got = exportedRows(filtered.standardOutput);
        for (const QStringList &row : got)
            EXPECT_TRUE(accept(row)) << str(row.join(QLatin1Char('|')));
        return got.size();
    };
    EXPECT_EQ(count({QStringLiteral("--meeting"), QStringLiteral("m-alpha")},
                    [](const QStringList &row) { return row[1] == QStringLiteral("m-alpha"); }),
              size_t(2 * Rounds));
    EXPECT_EQ(count({QStringLiteral("--meeting"), QStringLiteral("m-beta")},
                    [](const QStringList &row) { return row[2] == QStringLiteral("u-2"); }),
              size_t(Rounds));
    EXPECT_EQ(count({QStringLiteral("--meeting"), QStringLiteral("m-alpha"), QStringLiteral("--user"),
                     QStringLiteral("u-1")},
                    [](const QStringList &row) {
                        return row[1] == QStringLiteral("m-alpha") && row[2] == QStringLiteral("u-1");
                    }),
              size_t(Rounds));
    EXPECT_EQ(count({QStringLiteral("--meeting"), QStringLiteral("m-beta"), QStringLiteral("--user"),
                     QStringLiteral("u-1")},
                    [](const QStringList &) { return false; }),
              0u);
    // A time window after the recording holds nothing; one around it, all.
    const QString after = QDateTime::fromMSecsSinceEpoch(afterMs + 1000, Qt::UTC)
                              .toString(Qt::ISODateWithMs);
    const QString before = QDateTime::fromMSecsSinceEpoch(startMs - 1000, Qt::UTC)
                               .toString(Qt::ISODateWithMs);
    EXPECT_EQ(count({QStringLiteral("--from"), after}, [](const QStringList &) { return false; }), 0u);
    EXPECT_EQ(count({QStringLiteral("--from"), before, QStringLiteral("--to"), after},
                    [](const QStringList &) { return true; }),
              size_t(Rounds * ParticipantCount));

    // A bad --from: usage error (2), a message that names it, no file.
    const QString badOut = m_dir.filePath(QStringLiteral("bad.csv"));
    const ExportResult bad = runExport({QStringLiteral("--db"), dbPath, QStringLiteral("--from"),
                                        QStringLiteral("last tuesday"), QStringLiteral("--out"),
                                        badOut});
    EXPECT_EQ(bad.exitCode, 2) << str(bad.standardError);
    EXPECT_TRUE(bad.standardError.contains(QStringLiteral("--from"))) << str(bad.standardError);
    EXPECT_TRUE(bad.standardError.contains(QStringLiteral("last tuesday"))) << str(bad.standardError);
    EXPECT_FALSE(QFileInfo::exists(badOut));
}

TEST_F(RecorderTest, ExportOfAMissingHistoryFailsClearly)
{
    const QString missing = m_dir.filePath(QStringLiteral("no-such-history.sqlite"));
    const QString out = m_dir.filePath(QStringLiteral("out.csv"));
    const ExportResult result = runExport({QStringLiteral("--db"), missing, QStringLiteral("--format"),
                                           QStringLiteral("csv"), QStringLiteral("--out"), out});
    EXPECT_NE(result.exitCode, 0);
    EXPECT_EQ(result.exitCode, 1) << "documented: runtime error";
    EXPECT_TRUE(result.standardError.contains(missing)) << str(result.standardError);
    EXPECT_TRUE(result.standardError.contains(QStringLiteral("no such file"), Qt::CaseInsensitive))
        << str(result.standardError);
    // Neither the history nor an output file was created.
    EXPECT_FALSE(QFileInfo::exists(missing));
    EXPECT_FALSE(QFileInfo::exists(out));
}

// 6. An unreadable token file: a clear error naming it; nothing started.
TEST_F(RecorderTest, UnreadableTokenFileIsAClearError)
{
    const QString url = QStringLiteral("ws://127.0.0.1:%1").arg(freeTcpPort());
    const QString missing = m_dir.filePath(QStringLiteral("missing.token"));
    const QString directory = m_dir.filePath(QStringLiteral("a-directory"));
    ASSERT_TRUE(QDir().mkpath(directory));
    const QString empty = writeFile(QStringLiteral("empty.token"), "\n");
    for (const QString &tokenFile : {missing, directory, empty}) {
        SCOPED_TRACE(str(tokenFile));
        MeetingMonitorProcess recorder({QStringLiteral("record"), QStringLiteral("--gateway"), url,
                                        QStringLiteral("--db"), dbPath, QStringLiteral("--token-file"),
                                        tokenFile});
        ASSERT_TRUE(recorder.started()) << recorder.describe();
        ASSERT_TRUE(recorder.waitForExit()) << recorder.describe();
        EXPECT_NE(recorder.exitCode(), 0) << recorder.describe();
        EXPECT_TRUE(recorder.standardError().contains(tokenFile)) << recorder.describe();
        // It stopped before touching the history.
        EXPECT_FALSE(QFileInfo::exists(dbPath));
    }
}

// 7. Issue 6: the headless commands speak the window's language. Their
// translator is installed before they parse their arguments, from the
// settings' language, else LANGUAGE/LC_ALL. The token command's help is used
// because its Vietnamese translation is already in the shipped .ts file.
class HeadlessLanguageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        ASSERT_TRUE(QFileInfo(binaryPath()).isExecutable())
            << str(binaryPath()) << " is not built (target meeting-monitor)";
    }

    // `meeting-monitor token --help` with a throwaway config folder (so no
    // language chosen in someone's settings applies) and the given locale.
    QString tokenHelp(const QString &lcAll, const QString &language)
    {
        QProcessEnvironment environment = MeetingMonitorProcess::cleanEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("c")));
        environment.insert(QStringLiteral("LC_ALL"), lcAll);
        if (language.isEmpty())
            environment.remove(QStringLiteral("LANGUAGE"));
        else
            environment.insert(QStringLiteral("LANGUAGE"), language);
        MeetingMonitorProcess help({QStringLiteral("token"), QStringLiteral("--help")}, environment);
        EXPECT_TRUE(help.started()) << help.describe();
        EXPECT_TRUE(help.waitForExit()) << help.describe();
        EXPECT_EQ(help.exitCode(), 0) << help.describe();
        return QString::fromUtf8(help.standardOutput()) + help.standardError();
    }

    QTemporaryDir m_dir;
    const QString m_english = QStringLiteral("The gateway URL the token is for.");
    const QString m_vietnamese = QString::fromUtf8("URL gateway mà token dành cho.");
};

TEST_F(HeadlessLanguageTest, HelpIsEnglishInTheCLocale)
{
    const QString text = tokenHelp(QStringLiteral("C"), QString());
    EXPECT_TRUE(text.contains(m_english)) << str(text);
    EXPECT_FALSE(text.contains(m_vietnamese)) << str(text);
    // Option names are never translated.
    EXPECT_TRUE(text.contains(QStringLiteral("--gateway"))) << str(text);
}

TEST_F(HeadlessLanguageTest, HelpFollowsAVietnameseLocale)
{
    const QString text = tokenHelp(QStringLiteral("vi_VN.UTF-8"), QStringLiteral("vi"));
    EXPECT_TRUE(text.contains(m_vietnamese)) << str(text);
    EXPECT_FALSE(text.contains(m_english)) << str(text);
    EXPECT_TRUE(text.contains(QStringLiteral("--gateway"))) << str(text);
}

TEST_F(HeadlessLanguageTest, HelpFollowsTheLanguageChosenInTheSettings)
{
    // The window's Settings › Language, written where the window keeps it;
    // the locale says English.
    const QString configDir = m_dir.filePath(QStringLiteral("c/MeetingMonitor"));
    ASSERT_TRUE(QDir().mkpath(configDir));
    QFile settings(configDir + QStringLiteral("/meeting-monitor.conf"));
    ASSERT_TRUE(settings.open(QIODevice::WriteOnly));
    settings.write("[ui]\nlanguage=vi\n");
    settings.close();
    const QString text = tokenHelp(QStringLiteral("C"), QString());
    EXPECT_TRUE(text.contains(m_vietnamese)) << str(text);
    EXPECT_FALSE(text.contains(m_english)) << str(text);
}
