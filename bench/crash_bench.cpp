// Crash-safety harness (issue 7, item 7): `meeting-monitor record` and
// `meeting-monitor export` killed with SIGKILL at random moments, checked
// after every kill.
//
//   crash_bench [--rounds 200] [--rate 3000] [--users 3000] [--seed-users 300]
//               [--seed 1] [--max-gap-ms MS] [--work DIR] [--keep]
//               [--binary build/widgets/meeting-monitor]
//               [--gateway-script bench/web/loadgateway.mjs]
//
// The rounds are spread over three phases, all on one history database
// that `meeting-monitor simulate --days 1` fills with a day of old data
// first, fed by the real socket.io load gateway (bench/web/loadgateway.mjs,
// node) on loopback:
// - ingest: the recorder starts on the database (it must resume), runs
//   until its first acknowledged commit, then is killed 0-3 s later;
// - retention: every round lowers the raw and rollup retention by one
//   slice of the old day (equal numbers of blocks), so every start deletes
//   a slice right after opening the history (in batches, interleaved with
//   commits), and the kill lands at a random moment within 1.5 times the
//   previous round's pass (from the "recording" log line), so mostly while
//   the deletes run; the rounds killed before the pass ended are counted;
// - export: `export --out TARGET` of the whole history (or of the per-minute
//   rollups, alternately) into a TARGET that holds the other complete
//   export; killed at a random moment of its run.
// After each kill: `PRAGMA integrity_check` must say ok; every sample that
// the recorder's last `--log-commits` line acknowledged must be stored
// (counted by decoding the raw blocks of the round's time window), the
// newest stored sample must be at least the acknowledged newest, and the
// previous round's samples must all still be there; the gap from the kill
// to the newest stored sample is reported (and checked with --max-gap-ms);
// the export target must be byte for byte one of the two complete exports.
// After the last recorder round, a writer opens the history once more (as
// the next recorder would): then every raw block written by the rounds must
// have a rollup that counts all its samples (the recorder defers the open
// minute's rollup; the next writer rebuilds what a kill left behind).
// Prints one line per phase; exits 1 when any property failed, 77 when node
// or the load gateway's packages are missing. Every process it starts dies
// with it (PR_SET_PDEATHSIG) and is killed when a round ends.

#include "benchprocess.h"
#include "history/historywriter.h"
#include "history/rawblock.h"
#include "history/rolluptable.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QVariant>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>
#include <random>
#include <signal.h>

using namespace mm;

namespace {

constexpr int SkipExitCode = 77;

void print(const QString &line)
{
    std::printf("%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// A child process that never outlives the harness: killed when the harness
// dies (the kernel's parent-death signal) or when this object goes.
class Child final
{
public:
    Child(const QString &program, const QStringList &arguments)
        : m_process(std::make_unique<QProcess>())
    {
        m_process->setProgram(program);
        m_process->setArguments(arguments);
        bench::dieWithParent(*m_process);
        m_process->start();
    }
    ~Child() { kill(); }
    Child(const Child &) = delete;
    Child &operator=(const Child &) = delete;

    bool started() { return m_process->waitForStarted(30000); }
    qint64 pid() const { return m_process->processId(); }
    bool running() const { return m_process->state() != QProcess::NotRunning; }

    // Reads what is there (waiting up to waitMs for more) into the buffers.
    void pump(int waitMs)
    {
        if (running())
            m_process->waitForReadyRead(waitMs);
        m_out += m_process->readAllStandardOutput();
        m_err += m_process->readAllStandardError();
    }
    // Pumps until `pattern` matches stdout or stderr (true), the process
    // ends or timeoutMs passes.
    std::optional<QRegularExpressionMatch> waitFor(const QRegularExpression &pattern, int timeoutMs,
                                                   bool inStdout)
    {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            pump(50);
            const QRegularExpressionMatch match =
                pattern.match(QString::fromUtf8(inStdout ? m_out : m_err));
            if (match.hasMatch())
                return match;
            if (!running() || timer.elapsed() > timeoutMs)
                return std::nullopt;
        }
    }
    // Keeps the pipes drained until the deadline (ms since the epoch).
    void pumpUntil(qint64 deadlineMs)
    {
        while (nowMs() < deadlineMs && running())
            pump(int(std::clamp<qint64>(deadlineMs - nowMs(), 1, 20)));
        while (nowMs() < deadlineMs) // ended early: just wait
            QThread::msleep(quint64(std::clamp<qint64>(deadlineMs - nowMs(), 1, 20)));
    }
    // SIGKILL now; returns the kill time (ms since the epoch).
    qint64 killNow()
    {
        const qint64 at = nowMs();
        if (running())
            ::kill(pid_t(m_process->processId()), SIGKILL);
        m_process->waitForFinished(30000);
        pump(0);
        return at;
    }
    void kill()
    {
        if (!m_process || !running())
            return;
        m_process->kill();
        m_process->waitForFinished(30000);
    }
    // Runs to the end (true when it exited 0 in time).
    bool finish(int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (running() && timer.elapsed() < timeoutMs)
            pump(100);
        pump(0);
        return !running() && m_process->exitStatus() == QProcess::NormalExit
            && m_process->exitCode() == 0;
    }
    // How it ended, for failure messages.
    QString status() const
    {
        if (running())
            return QStringLiteral("still running");
        return QStringLiteral("%1, exit code %2, %3")
            .arg(m_process->exitStatus() == QProcess::CrashExit ? QStringLiteral("crashed")
                                                                : QStringLiteral("exited"))
            .arg(m_process->exitCode())
            .arg(m_process->errorString());
    }
    const QByteArray &out() const { return m_out; }
    const QByteArray &err() const { return m_err; }

private:
    std::unique_ptr<QProcess> m_process;
    QByteArray m_out;
    QByteArray m_err;
};

// A short-lived connection of our own to the history (not the recorder's
// classes: a wrong schema or a lost row must show).
class Db final
{
public:
    explicit Db(const QString &path)
        : m_name(QStringLiteral("crash-bench-%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        // Read-only: closing it must not checkpoint or drop the WAL the
        // killed recorder left; the next recorder recovers from it itself.
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        m_ok = db.open();
    }
    ~Db()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool ok() const { return m_ok; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

    QString integrity() const
    {
        QSqlQuery query(db());
        if (!query.exec(QStringLiteral("PRAGMA integrity_check")))
            return query.lastError().text();
        QStringList rows;
        while (query.next())
            rows << query.value(0).toString();
        return rows.join(QStringLiteral("; "));
    }

    struct Window
    {
        qint64 samples = 0;
        qint64 newestMs = 0;
        bool decodeError = false;
    };
    // Samples stored with a receive time in [fromMs, toMs].
    Window window(qint64 fromMs, qint64 toMs) const
    {
        Window result;
        QSqlQuery query(db());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT minute, data FROM raw_blocks WHERE minute BETWEEN ? AND ?"));
        query.addBindValue(rolluptable::minuteOf(fromMs));
        query.addBindValue(rolluptable::minuteOf(toMs));
        if (!query.exec()) {
            result.decodeError = true;
            return result;
        }
        while (query.next()) {
            const qint64 minute = query.value(0).toLongLong();
            const QByteArray data = query.value(1).toByteArray();
            const auto points = decodeRawBlock(data, rolluptable::minuteStartMs(minute));
            if (!points) {
                result.decodeError = true;
                continue;
            }
            for (const RawPoint &point : *points) {
                if (point.timeMs < fromMs || point.timeMs > toMs)
                    continue;
                ++result.samples;
                result.newestMs = std::max(result.newestMs, point.timeMs);
            }
        }
        return result;
    }

private:
    static inline int s_counter = 0;
    QString m_name;
    bool m_ok = false;
};

struct PhaseResult
{
    QString name;
    int rounds = 0;
    int integrityOk = 0;
    qint64 ackedLost = 0;      // acknowledged samples missing after a kill
    qint64 earlierLost = 0;    // samples of the previous round missing later
    int roundsWithAck = 0;     // rounds killed after their first acknowledged commit
    qint64 maxGapMs = -1;      // kill time - newest stored sample, over roundsWithAck
    qint64 sumGapMs = 0;
    int duringRetention = 0;   // killed after open, before the retention pass ended
    int failedStarts = 0;      // recorder or export that did not run as it should
    int exportsTruncated = 0;
    int exportsOld = 0;
    int exportsNew = 0;
    int tempFilesLeft = 0;
    std::vector<qint64> gaps;
    QStringList problems;

    qint64 gapPercentile(int percent) const
    {
        if (gaps.empty())
            return -1;
        std::vector<qint64> sorted = gaps;
        std::sort(sorted.begin(), sorted.end());
        return sorted[std::min(sorted.size() - 1, sorted.size() * size_t(percent) / 100)];
    }
};

struct Options
{
    QString binary;
    QString gatewayScript;
    QString work;
    int rounds = 200;
    int rate = 3000;
    int users = 3000;
    int seedUsers = 150;
    quint64 seed = 1;
    qint64 maxGapMs = 0;
};

struct RoundWindow
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 stored = -1; // -1: no round yet
};

const QRegularExpression &ackPattern()
{
    static const QRegularExpression re(
        QStringLiteral("committed: rows-committed=(\\d+) newest-sample-ms=(\\d+)"));
    return re;
}

class Harness final
{
public:
    explicit Harness(Options options)
        : m_options(std::move(options))
        , m_random(m_options.seed)
    {
    }

    int run()
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        const QString modules =
            QFileInfo(m_options.gatewayScript).absolutePath() + QStringLiteral("/node_modules/socket.io");
        if (node.isEmpty() || !QFileInfo::exists(modules)) {
            print(QStringLiteral("SKIP: node or %1 missing (npm ci in bench/web)").arg(modules));
            return SkipExitCode;
        }
        if (!QFileInfo(m_options.binary).isExecutable()) {
            print(QStringLiteral("FAIL: %1 is not an executable").arg(m_options.binary));
            return 1;
        }
        m_dbPath = m_options.work + QStringLiteral("/history.sqlite");
        m_tokenFile = m_options.work + QStringLiteral("/token");
        const QByteArray token = "crash-bench-" + QByteArray::number(quint64(m_random()), 16);
        {
            QFile file(m_tokenFile);
            if (!file.open(QIODevice::WriteOnly) || file.write(token) != token.size()) {
                print(QStringLiteral("FAIL: cannot write %1").arg(m_tokenFile));
                return 1;
            }
        }

        QElapsedTimer total;
        total.start();
        // A day of old history to delete: raw blocks and rollups.
        {
            Child simulate(m_options.binary,
                           {QStringLiteral("simulate"), QStringLiteral("--days"), QStringLiteral("1"),
                            QStringLiteral("--users"), QString::number(m_options.seedUsers),
                            QStringLiteral("--db"), m_dbPath});
            if (!simulate.finish(600'000)) {
                print(QStringLiteral("FAIL: simulate: %1").arg(QString::fromUtf8(simulate.err())));
                return 1;
            }
        }
        print(QStringLiteral("seeded %1 (1 day, %2 users) in %3 s")
                  .arg(m_dbPath)
                  .arg(m_options.seedUsers)
                  .arg(double(total.elapsed()) / 1000, 0, 'f', 1));

        // Retention cutoffs (minutes) that split the seeded blocks into
        // equal slices, oldest first; the newest slice is never deleted.
        {
            Db db(m_dbPath);
            QSqlQuery query(db.db());
            std::vector<std::pair<qint64, qint64>> perMinute;
            qint64 blocks = 0;
            if (query.exec(QStringLiteral("SELECT minute, count(*) FROM raw_blocks GROUP BY minute ORDER BY minute")))
                while (query.next()) {
                    perMinute.emplace_back(query.value(0).toLongLong(), query.value(1).toLongLong());
                    blocks += perMinute.back().second;
                }
            constexpr int Slices = 100;
            qint64 seen = 0;
            for (const auto &[minute, count] : perMinute) {
                seen += count;
                if (m_cutoffs.size() < size_t(Slices) && seen * (Slices + 1) >= blocks * qint64(m_cutoffs.size() + 1))
                    m_cutoffs.push_back(minute + 1);
            }
            print(QStringLiteral("seeded raw blocks: %1, in %2 retention slices").arg(blocks).arg(m_cutoffs.size()));
        }

        Child gateway(node, {m_options.gatewayScript, QStringLiteral("--rate"), QString::number(m_options.rate),
                             QStringLiteral("--users"), QString::number(m_options.users),
                             QStringLiteral("--seconds"), QStringLiteral("864000"),
                             QStringLiteral("--token"), QString::fromLatin1(token),
                             QStringLiteral("--alerts-share"), QStringLiteral("0")});
        const auto listening =
            gateway.waitFor(QRegularExpression(QStringLiteral("listening (\\d+)")), 60'000, true);
        if (!listening) {
            print(QStringLiteral("FAIL: load gateway did not start: %1").arg(QString::fromUtf8(gateway.err())));
            return 1;
        }
        m_gatewayUrl = QStringLiteral("ws://127.0.0.1:%1").arg(listening->captured(1));

        const int exportRounds = m_options.rounds / 3;
        const int retentionRounds = m_options.rounds / 3;
        const int ingestRounds = m_options.rounds - exportRounds - retentionRounds;

        PhaseResult ingest;
        ingest.name = QStringLiteral("ingest");
        for (int i = 0; i < ingestRounds; ++i)
            recorderRound(ingest, false, i, ingestRounds);
        PhaseResult retention;
        retention.name = QStringLiteral("retention");
        for (int i = 0; i < retentionRounds; ++i)
            recorderRound(retention, true, i, retentionRounds);
        gateway.kill();
        const RollupCheck rollups = checkRollupsAfterReopen();
        PhaseResult exports;
        exports.name = QStringLiteral("export");
        exportPhase(exports, exportRounds);

        print(QStringLiteral("batch (commit) interval: %1 ms; load gateway %2 samples/s from %3 users; "
                             "seed %4; %5 s in all")
                  .arg(HistoryWriter::DefaultCommitIntervalMs)
                  .arg(m_options.rate)
                  .arg(m_options.users)
                  .arg(m_options.seed)
                  .arg(double(total.elapsed()) / 1000, 0, 'f', 1));
        print(QStringLiteral("%1 %2 %3 %4 %5 %6 %7  notes")
                  .arg(QStringLiteral("phase"), -10)
                  .arg(QStringLiteral("rounds"), 6)
                  .arg(QStringLiteral("integrity-ok"), 12)
                  .arg(QStringLiteral("acked-lost"), 10)
                  .arg(QStringLiteral("max-gap-ms"), 10)
                  .arg(QStringLiteral("mean-gap-ms"), 11)
                  .arg(QStringLiteral("exports-truncated"), 17));
        bool ok = true;
        for (const PhaseResult *phase : {&ingest, &retention, &exports}) {
            const bool recorder = phase != &exports;
            QString notes;
            if (recorder) {
                notes = QStringLiteral("gap p50 %4 ms p95 %5 ms over %1 rounds killed after their "
                                       "first commit; earlier rounds' samples lost %2; failed starts %3")
                            .arg(phase->roundsWithAck)
                            .arg(phase->earlierLost)
                            .arg(phase->failedStarts)
                            .arg(phase->gapPercentile(50))
                            .arg(phase->gapPercentile(95));
                if (phase == &retention)
                    notes += QStringLiteral("; kills during a retention pass %1").arg(phase->duringRetention);
            } else {
                notes = QStringLiteral("target kept old %1, new %2; QSaveFile temp files left %3; "
                                       "failed runs %4")
                            .arg(phase->exportsOld)
                            .arg(phase->exportsNew)
                            .arg(phase->tempFilesLeft)
                            .arg(phase->failedStarts);
            }
            print(QStringLiteral("%1 %2 %3 %4 %5 %6 %7  %8")
                      .arg(phase->name, -10)
                      .arg(phase->rounds, 6)
                      .arg(phase->integrityOk, 12)
                      .arg(recorder ? QString::number(phase->ackedLost) : QStringLiteral("-"), 10)
                      .arg(recorder && phase->roundsWithAck ? QString::number(phase->maxGapMs) : QStringLiteral("-"), 10)
                      .arg(recorder && phase->roundsWithAck
                               ? QString::number(phase->sumGapMs / phase->roundsWithAck)
                               : QStringLiteral("-"),
                           11)
                      .arg(recorder ? QStringLiteral("-") : QString::number(phase->exportsTruncated), 17)
                      .arg(notes));
            for (const QString &problem : phase->problems)
                print(QStringLiteral("  problem (%1): %2").arg(phase->name, problem));
            ok = ok && phase->problems.isEmpty();
        }
        print(QStringLiteral("rollups after the last kill, once a writer opened the history: %1 "
                             "user-minutes of the rounds, %2 not counting every sample of their "
                             "raw block%3")
                  .arg(rollups.userMinutes)
                  .arg(rollups.behind)
                  .arg(rollups.error.isEmpty() ? QString() : QStringLiteral("; ") + rollups.error));
        ok = ok && rollups.behind == 0 && rollups.error.isEmpty() && rollups.userMinutes > 0;
        print(ok ? QStringLiteral("PASS") : QStringLiteral("FAIL"));
        return ok ? 0 : 1;
    }

private:
    qint64 uniform(qint64 from, qint64 to)
    {
        return std::uniform_int_distribution<qint64>(from, to)(m_random);
    }

    struct RollupCheck
    {
        qint64 userMinutes = 0;
        qint64 behind = 0; // rollup missing or counting fewer samples than the raw block
        QString error;
    };

    RollupCheck checkRollupsAfterReopen()
    {
        RollupCheck result;
        {
            HistoryWriter writer(m_dbPath);
            HistoryRetention keep;
            keep.enforce = false; // the retention rounds' settings stay as they were
            writer.setRetention(keep);
            if (!writer.open()) {
                result.error = writer.errorString();
                return result;
            }
        }
        Db db(m_dbPath);
        QSqlQuery query(db.db());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT r.minute, r.data, u.samples FROM raw_blocks r"
                                     " LEFT JOIN rollups u ON u.minute = r.minute AND u.user_key = r.user_key"
                                     " WHERE r.minute >= ?"));
        query.addBindValue(rolluptable::minuteOf(m_firstRoundStartMs));
        if (!query.exec()) {
            result.error = query.lastError().text();
            return result;
        }
        while (query.next()) {
            const qint64 minute = query.value(0).toLongLong();
            const auto points = decodeRawBlock(query.value(1).toByteArray(), rolluptable::minuteStartMs(minute));
            ++result.userMinutes;
            if (!points || query.value(2).isNull() || query.value(2).toLongLong() < qint64(points->size()))
                ++result.behind;
        }
        return result;
    }

    void checkIntegrity(PhaseResult &phase, int round)
    {
        Db db(m_dbPath);
        const QString result = db.ok() ? db.integrity() : QStringLiteral("cannot open");
        if (result == QStringLiteral("ok"))
            ++phase.integrityOk;
        else
            phase.problems << QStringLiteral("round %1: integrity_check: %2").arg(round).arg(result.left(300));
    }

    void recorderRound(PhaseResult &phase, bool retention, int round, int rounds)
    {
        ++phase.rounds;
        QStringList arguments{QStringLiteral("record"), QStringLiteral("--gateway"), m_gatewayUrl,
                              QStringLiteral("--token-file"), m_tokenFile, QStringLiteral("--db"), m_dbPath,
                              QStringLiteral("--log-commits")};
        if (retention) {
            // Each start deletes one more slice of the seeded day (raw
            // blocks and rollups, the same number each time), at open.
            const qint64 cutoff = m_cutoffs.empty()
                ? rolluptable::minuteOf(nowMs()) - 60
                : m_cutoffs[size_t(qMin<qint64>(qint64(m_cutoffs.size()) - 1,
                                               qint64(round) * qint64(m_cutoffs.size()) / rounds))];
            const double hours = double(nowMs() - rolluptable::minuteStartMs(cutoff)) / 3'600'000.0;
            arguments << QStringLiteral("--raw-retention") << QString::number(hours, 'f', 4)
                      << QStringLiteral("--rollup-retention") << QString::number(hours / 24.0, 'f', 6);
        }
        const qint64 startMs = nowMs();
        if (m_firstRoundStartMs == 0)
            m_firstRoundStartMs = startMs;
        Child recorder(m_options.binary, arguments);
        qint64 killMs = 0;
        bool failed = false;
        if (!retention) {
            // Streaming first, then a kill 0-3 s into it.
            const auto first = recorder.waitFor(ackPattern(), 60'000, false);
            if (!first) {
                failed = true;
                ++phase.failedStarts;
                phase.problems << QStringLiteral("round %1: no commit within 60 s (%2): %3")
                                      .arg(round)
                                      .arg(recorder.status(), QString::fromUtf8(recorder.err().right(600)));
            }
            recorder.pumpUntil(nowMs() + uniform(0, 3000));
        } else {
            // The slice is deleted right after the open ("recording" is
            // logged then): a kill anywhere in the pass the previous round
            // took, and a little after it.
            const auto opened =
                recorder.waitFor(QRegularExpression(QStringLiteral("(\\S+) recording ")), 60'000, false);
            if (!opened) {
                failed = true;
                ++phase.failedStarts;
                phase.problems << QStringLiteral("round %1: the history did not open within 60 s: %2")
                                      .arg(round)
                                      .arg(QString::fromUtf8(recorder.err().right(600)));
            }
            // From the recorder's own time of the line, not from when we
            // read it: the pass may be short.
            const QDateTime openedAt = opened
                ? QDateTime::fromString(opened->captured(1), Qt::ISODateWithMs)
                : QDateTime();
            recorder.pumpUntil((openedAt.isValid() ? openedAt.toMSecsSinceEpoch() : nowMs())
                               + uniform(0, m_retentionWindowMs));
        }
        if (!recorder.running() && !failed) {
            ++phase.failedStarts;
            phase.problems << QStringLiteral("round %1: the recorder exited by itself (%2): %3")
                                  .arg(round)
                                  .arg(recorder.status(), QString::fromUtf8(recorder.err().right(600)));
        }
        killMs = recorder.killNow();
        const QString log = QString::fromUtf8(recorder.err());
        if (retention) {
            static const QRegularExpression opened(QStringLiteral("(\\S+) recording "));
            static const QRegularExpression deleted(QStringLiteral("(\\S+) retention: deleted"));
            const QRegularExpressionMatch open = opened.match(log);
            const QRegularExpressionMatch done = deleted.match(log);
            if (open.hasMatch() && !done.hasMatch()) {
                ++phase.duringRetention;
            } else if (open.hasMatch() && done.hasMatch()) {
                // How long the pass took, by the recorder's own log times.
                const qint64 passMs =
                    QDateTime::fromString(open.captured(1), Qt::ISODateWithMs)
                        .msecsTo(QDateTime::fromString(done.captured(1), Qt::ISODateWithMs));
                m_retentionWindowMs = std::clamp<qint64>(passMs * 3 / 2, 100, 5000);
            }
        }

        checkIntegrity(phase, round);
        Db db(m_dbPath);
        // Every sample acknowledged is stored.
        qint64 ackedRows = 0;
        qint64 ackedNewest = 0;
        for (auto it = ackPattern().globalMatch(log); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            ackedRows = match.captured(1).toLongLong();
            ackedNewest = match.captured(2).toLongLong();
        }
        // A sample is stamped before the kill; the margin only makes sure
        // one stamped in the kill's own millisecond is counted too.
        const Db::Window stored = db.window(startMs, killMs + 1000);
        if (stored.decodeError)
            phase.problems << QStringLiteral("round %1: a raw block does not decode").arg(round);
        if (stored.samples < ackedRows || (ackedRows > 0 && stored.newestMs < ackedNewest)) {
            phase.ackedLost += std::max<qint64>(1, ackedRows - stored.samples);
            phase.problems << QStringLiteral("round %1: acknowledged %2 samples up to %3, stored %4 up to %5")
                                  .arg(round)
                                  .arg(ackedRows)
                                  .arg(ackedNewest)
                                  .arg(stored.samples)
                                  .arg(stored.newestMs);
        }
        if (ackedRows > 0) {
            const qint64 gap = killMs - stored.newestMs;
            ++phase.roundsWithAck;
            phase.maxGapMs = std::max(phase.maxGapMs, gap);
            phase.sumGapMs += gap;
            phase.gaps.push_back(gap);
            if (m_options.maxGapMs > 0 && gap > m_options.maxGapMs)
                phase.problems << QStringLiteral("round %1: gap %2 ms > %3 ms")
                                      .arg(round)
                                      .arg(gap)
                                      .arg(m_options.maxGapMs);
        }
        // The restart must have kept the previous round's samples.
        if (m_previous.stored >= 0) {
            const qint64 still = db.window(m_previous.fromMs, m_previous.toMs).samples;
            if (still < m_previous.stored) {
                phase.earlierLost += m_previous.stored - still;
                phase.problems << QStringLiteral("round %1: the previous round's %2 stored samples are now %3")
                                      .arg(round)
                                      .arg(m_previous.stored)
                                      .arg(still);
            }
        }
        m_previous = {startMs, killMs + 1000, stored.samples};
    }

    static QByteArray hashOf(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(&file);
        return hash.result();
    }

    void exportPhase(PhaseResult &phase, int rounds)
    {
        if (rounds <= 0)
            return;
        const QString dir = m_options.work + QStringLiteral("/exports");
        QDir().mkpath(dir);
        const QString target = dir + QStringLiteral("/history.csv");
        // Two complete exports of the (now quiet) history, as references.
        const QStringList variants[2] = {
            {QStringLiteral("export"), QStringLiteral("--db"), m_dbPath},
            {QStringLiteral("export"), QStringLiteral("--db"), m_dbPath, QStringLiteral("--resolution"),
             QStringLiteral("1m")},
        };
        QByteArray refHash[2];
        qint64 refMs[2] = {};
        qint64 refSize[2] = {};
        for (int v = 0; v < 2; ++v) {
            const QString ref = m_options.work + QStringLiteral("/reference-%1.csv").arg(v);
            QElapsedTimer timer;
            timer.start();
            Child exporter(m_options.binary, variants[v] + QStringList{QStringLiteral("--out"), ref});
            if (!exporter.finish(600'000)) {
                phase.problems << QStringLiteral("reference export %1 failed: %2")
                                      .arg(v)
                                      .arg(QString::fromUtf8(exporter.err().right(600)));
                return;
            }
            refMs[v] = std::max<qint64>(1, timer.elapsed());
            refHash[v] = hashOf(ref);
            refSize[v] = QFileInfo(ref).size();
            if (v == 0 && !QFile::copy(ref, target)) {
                phase.problems << QStringLiteral("cannot copy %1").arg(ref);
                return;
            }
        }
        print(QStringLiteral("reference exports: %1 bytes in %2 ms (samples), %3 bytes in %4 ms (1m rollups)")
                  .arg(refSize[0])
                  .arg(refMs[0])
                  .arg(refSize[1])
                  .arg(refMs[1]));
        int current = 0; // what the target holds
        for (int round = 0; round < rounds; ++round) {
            ++phase.rounds;
            const int next = 1 - current;
            Child exporter(m_options.binary, variants[next] + QStringList{QStringLiteral("--out"), target});
            // Anywhere in its run, and past its usual end a third of the
            // time (the new file must then be there, complete).
            QThread::msleep(quint64(uniform(0, refMs[next] * 3 / 2)));
            const bool finishedEarly = !exporter.running();
            exporter.killNow();
            checkIntegrity(phase, round);
            const QByteArray hash = hashOf(target);
            if (hash == refHash[current] && !refHash[current].isEmpty()) {
                ++phase.exportsOld;
            } else if (hash == refHash[next]) {
                ++phase.exportsNew;
                current = next;
            } else {
                ++phase.exportsTruncated;
                phase.problems << QStringLiteral("round %1: %2 is neither complete export (%3 bytes%4)")
                                      .arg(round)
                                      .arg(target)
                                      .arg(QFileInfo(target).size())
                                      .arg(finishedEarly ? QStringLiteral(", the export had ended")
                                                         : QString());
                // Start again from a known complete file.
                QFile::remove(target);
                QFile::copy(m_options.work + QStringLiteral("/reference-%1.csv").arg(current), target);
            }
            // QSaveFile's temporary files (named ones, if it could not use
            // an unnamed O_TMPFILE): counted, then removed.
            const QStringList left =
                QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
            for (const QString &name : left) {
                if (name == QFileInfo(target).fileName())
                    continue;
                ++phase.tempFilesLeft;
                QFile::remove(dir + QLatin1Char('/') + name);
            }
        }
    }

    Options m_options;
    std::mt19937_64 m_random;
    QString m_dbPath;
    QString m_tokenFile;
    QString m_gatewayUrl;
    RoundWindow m_previous;
    qint64 m_firstRoundStartMs = 0;
    std::vector<qint64> m_cutoffs;
    qint64 m_retentionWindowMs = 300;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Kill -9 crash-safety harness for meeting-monitor record/export."));
    parser.addHelpOption();
    const QString root = QStringLiteral(MM_SOURCE_DIR);
    const QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("Kills in all (default 200)."),
                                          QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption rateOption(QStringLiteral("rate"), QStringLiteral("Samples per second (default 3000)."),
                                        QStringLiteral("R"), QStringLiteral("3000"));
    const QCommandLineOption usersOption(QStringLiteral("users"), QStringLiteral("Live users (default 3000)."),
                                         QStringLiteral("U"), QStringLiteral("3000"));
    const QCommandLineOption seedUsersOption(QStringLiteral("seed-users"),
                                             QStringLiteral("Users in the simulated old day (default 300)."),
                                             QStringLiteral("U"), QStringLiteral("300"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."),
                                        QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption maxGapOption(QStringLiteral("max-gap-ms"),
                                          QStringLiteral("Also fail when a gap exceeds MS (default: report only)."),
                                          QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption workOption(QStringLiteral("work"), QStringLiteral("Working directory (default: a temporary one)."),
                                        QStringLiteral("DIR"));
    const QCommandLineOption keepOption(QStringLiteral("keep"), QStringLiteral("Keep the temporary directory."));
    const QCommandLineOption binaryOption(QStringLiteral("binary"), QStringLiteral("meeting-monitor executable."),
                                          QStringLiteral("PATH"),
                                          QStringLiteral(MM_BINARY_DIR "/widgets/meeting-monitor"));
    const QCommandLineOption gatewayOption(QStringLiteral("gateway-script"), QStringLiteral("The load gateway."),
                                           QStringLiteral("PATH"), root + QStringLiteral("/bench/web/loadgateway.mjs"));
    parser.addOptions({roundsOption, rateOption, usersOption, seedUsersOption, seedOption, maxGapOption,
                       workOption, keepOption, binaryOption, gatewayOption});
    parser.process(app);

    Options options;
    bool ok = true;
    auto number = [&](const QCommandLineOption &option, qint64 min) {
        bool good = false;
        const qint64 value = parser.value(option).toLongLong(&good);
        ok = ok && good && value >= min;
        return value;
    };
    options.rounds = int(number(roundsOption, 3));
    options.rate = int(number(rateOption, 1));
    options.users = int(number(usersOption, 1));
    options.seedUsers = int(number(seedUsersOption, 1));
    options.seed = quint64(number(seedOption, 0));
    options.maxGapMs = number(maxGapOption, 0);
    if (!ok) {
        print(QStringLiteral("bad numeric option (try --help)"));
        return 2;
    }
    options.binary = parser.value(binaryOption);
    options.gatewayScript = parser.value(gatewayOption);
    QTemporaryDir temporary;
    if (parser.isSet(workOption)) {
        options.work = parser.value(workOption);
        QDir().mkpath(options.work);
    } else {
        options.work = temporary.path();
        temporary.setAutoRemove(!parser.isSet(keepOption));
    }
    QFile::remove(options.work + QStringLiteral("/history.sqlite"));
    QFile::remove(options.work + QStringLiteral("/history.sqlite-wal"));
    QFile::remove(options.work + QStringLiteral("/history.sqlite-shm"));
    print(QStringLiteral("crash_bench: %1 rounds, work dir %2").arg(options.rounds).arg(options.work));
    return Harness(options).run();
}
