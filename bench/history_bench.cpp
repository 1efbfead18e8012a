// History benchmark (issue 3): builds a simulated week for 1,000 users with
// 8 busy hours a day (raw retention 24 h) through `simulate`'s code path,
// then prints the database size, bytes per raw sample and per rollup row,
// the time from request to result of a 7-day user series and a 24-hour
// meeting series through HistoryReader, and the writer thread's CPU use
// while recording 10,000 samples per second. Prints figures; asserts nothing.
//
//   bench/history_bench [--users N] [--days N] [--keep DIR]
//   bench/history_bench --db FILE     (only the reads, on an existing history)
//   bench/history_bench --writer-only USERS [--per-user K] [--seconds S]
//                                     (only the writer's CPU at USERS x K samples/s)
#include "simulatecommand.h"
#include "fleetsimulator.h"
#include "history/historydatabase.h"
#include "history/historyreader.h"
#include "history/historywriter.h"
#include "history/rawblock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace mm;

namespace {

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

double processCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

qint64 scalar(HistoryDatabase &db, const QString &sql)
{
    QSqlQuery query(db.database());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

template<typename Signal>
double timeRequest(HistoryReader &reader, Signal signal, const std::function<quint64()> &request,
                   size_t *points)
{
    QElapsedTimer timer;
    bool done = false;
    QObject context;
    QObject::connect(&reader, signal, &context, [&](quint64, const auto &series) {
        done = true;
        *points = series.timeMs.size();
    });
    QObject::connect(&reader, &HistoryReader::requestFailed, &context, [&](quint64, const QString &e) {
        std::printf("  request failed: %s\n", qPrintable(e));
        done = true;
    });
    timer.start();
    request();
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    return double(timer.nsecsElapsed()) / 1e6;
}

void sizes(const QString &path, const char *label)
{
    HistoryDatabase db;
    if (!db.open(path)) {
        std::printf("cannot open %s\n", qPrintable(db.errorString()));
        return;
    }
    QSqlQuery(db.database()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    const qint64 pageSize = scalar(db, QStringLiteral("PRAGMA page_size"));
    const qint64 pages = scalar(db, QStringLiteral("PRAGMA page_count"));
    const qint64 freePages = scalar(db, QStringLiteral("PRAGMA freelist_count"));
    const qint64 rollupRows = scalar(db, QStringLiteral("SELECT count(*) FROM rollups"));
    const qint64 rawBlocks = scalar(db, QStringLiteral("SELECT count(*) FROM raw_blocks"));
    const qint64 allSamples = scalar(db, QStringLiteral("SELECT sum(samples) FROM rollups"));
    qint64 rawSamples = 0;
    {
        QSqlQuery q(db.database());
        q.setForwardOnly(true);
        q.exec(QStringLiteral("SELECT minute, data FROM raw_blocks"));
        while (q.next())
            if (const auto points = decodeRawBlock(q.value(1).toByteArray(), q.value(0).toLongLong() * 60'000))
                rawSamples += qint64(points->size());
    }
    // Per table, pages included (interior pages, free space in them), when
    // SQLite has the dbstat table.
    qint64 rawBytes = -1;
    qint64 rollupBytes = -1;
    {
        QSqlQuery q(db.database());
        if (q.exec(QStringLiteral("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"))) {
            while (q.next()) {
                const QString name = q.value(0).toString();
                if (name.startsWith(QStringLiteral("raw_blocks")) || name.contains(QStringLiteral("autoindex_raw_blocks")))
                    rawBytes = std::max<qint64>(0, rawBytes) + q.value(1).toLongLong();
                else if (name.startsWith(QStringLiteral("rollups")) || name.contains(QStringLiteral("autoindex_rollups")))
                    rollupBytes = std::max<qint64>(0, rollupBytes) + q.value(1).toLongLong();
            }
        }
    }
    std::printf("%s:\n", label);
    std::printf("  database file: %.1f MB (%lld pages of %lld B, %lld free)\n",
                double(pages * pageSize) / 1e6, qlonglong(pages), qlonglong(pageSize), qlonglong(freePages));
    std::printf("  samples: %lld in rollups, %lld raw; raw blocks %lld; rollup rows %lld\n",
                qlonglong(allSamples), qlonglong(rawSamples), qlonglong(rawBlocks), qlonglong(rollupRows));
    if (rawBytes >= 0 && rawSamples > 0)
        std::printf("  raw_blocks table: %.1f MB = %.2f bytes per raw sample\n", double(rawBytes) / 1e6,
                    double(rawBytes) / double(rawSamples));
    if (rollupBytes >= 0 && rollupRows > 0)
        std::printf("  rollups table: %.1f MB = %.1f bytes per user-minute row\n", double(rollupBytes) / 1e6,
                    double(rollupBytes) / double(rollupRows));
    if (rawBytes < 0)
        std::printf("  (no dbstat: per-table sizes unavailable)\n");
}

void writerCpu(const QString &path, int usersPerSecond, int seconds, int samplesPerUser = 1)
{
    // 10,000 users' samples from the simulator, decoded ahead of time; each
    // wall second hands the writer one second of them (in four batches, as
    // the ingest thread does) stamped with the current time.
    FleetConfig config;
    config.seed = 77;
    config.totalUsers = usersPerSecond;
    config.meetings = usersPerSecond / 7;
    config.meetingChurn = false;
    FleetSimulator simulator(config);
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    simulator.start(t0);
    std::vector<std::vector<Sample>> perSecond;
    for (int s = 1; s <= 10; ++s) {
        std::vector<Sample> second;
        simulator.step(t0 + s * 1000, [&](const FleetPayload &p) {
            if (p.kind == FleetPayload::Kind::Metrics)
                if (auto sample = decodeSimulatorPayload(p.json, p.timeMs))
                    second.push_back(std::move(*sample));
        });
        perSecond.push_back(std::move(second));
    }

    HistoryWriterThread thread(path);
    QString error;
    if (!thread.start(&error)) {
        std::printf("writer: %s\n", qPrintable(error));
        return;
    }
    HistoryWriter *writer = thread.writer();
    auto writerCpuNow = [&] {
        double cpu = 0;
        QMetaObject::invokeMethod(writer, [&cpu] { cpu = threadCpuSeconds(); }, Qt::BlockingQueuedConnection);
        return cpu;
    };
    // A warm-up second, then the measurement.
    const double cpuStart = writerCpuNow();
    const double processStart = processCpuSeconds();
    QElapsedTimer wall;
    wall.start();
    qint64 posted = 0;
    for (int s = 0; s < seconds; ++s) {
        const std::vector<Sample> &source = perSecond[size_t(s) % perSecond.size()];
        for (int part = 0; part < 4; ++part) {
            const qint64 due = qint64(s) * 1000 + part * 250;
            while (wall.elapsed() < due)
                QThread::msleep(2);
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            auto batch = std::make_shared<SampleBatch>();
            const size_t from = source.size() * size_t(part) / 4;
            const size_t to = source.size() * size_t(part + 1) / 4;
            batch->reserve((to - from) * size_t(samplesPerUser));
            // More than one sample a user a second: the same second again,
            // spread over it (each user's own times stay in order).
            for (int copy = 0; copy < samplesPerUser; ++copy) {
                const qint64 earlier = qint64(samplesPerUser - 1 - copy) * 1000 / samplesPerUser;
                for (size_t i = from; i < to; ++i) {
                    Sample sample = source[i];
                    sample.receivedMs = now + qint64(i % 97) - earlier;
                    batch->push_back(std::move(sample));
                }
            }
            posted += qint64(batch->size());
            SampleBatchPtr shared = std::move(batch);
            QMetaObject::invokeMethod(writer, [writer, shared] { writer->writeBatch(shared); },
                                      Qt::QueuedConnection);
        }
    }
    thread.flush();
    const double elapsed = double(wall.nsecsElapsed()) / 1e9;
    const double cpu = writerCpuNow() - cpuStart;
    const double processCpu = processCpuSeconds() - processStart;
    thread.stop();
    std::printf("writer at %.0f samples/s for %.1f s (%lld samples, 1 s commits):\n", double(posted) / elapsed,
                elapsed, qlonglong(posted));
    std::printf("  writer thread: %.3f CPU s per wall s (%.1f %% of one core)\n", cpu / elapsed,
                100 * cpu / elapsed);
    std::printf("  whole process incl. the generator: %.1f %% of one core\n", 100 * processCpu / elapsed);
}

// Writes the simulated history to `path` (as `simulate` does) and prints its
// size. False when the simulation failed.
bool simulateWeek(const QString &path, int users, int days)
{
    QFile::remove(path);

    SimulateOptions options;
    options.dbPath = path;
    options.days = days;
    options.users = users;
    options.seed = 1;
    options.endMs = QDateTime::currentMSecsSinceEpoch();
    options.retention.rawMs = 24 * 3'600'000LL;
    std::printf("simulating %d users x %d days (8 busy hours a day, raw retention 24 h) ...\n", users, days);
    std::fflush(stdout);
    QElapsedTimer timer;
    timer.start();
    SimulateResult result;
    QString error;
    const double cpu0 = processCpuSeconds();
    if (!simulateHistory(options, nullptr, &result, &error)) {
        std::printf("simulate failed: %s\n", qPrintable(error));
        return false;
    }
    const double simSeconds = double(timer.elapsed()) / 1000;
    std::printf("simulate: %lld samples in %.1f s (%.2f M samples/s, %.1f CPU s; %lld payloads via the JSON decoder)\n",
                qlonglong(result.committed), simSeconds, double(result.committed) / simSeconds / 1e6,
                processCpuSeconds() - cpu0, qlonglong(result.payloadsDecodedSlowly));
    std::printf("database file as written: %.1f MB (+ WAL %.1f MB)\n", double(QFileInfo(path).size()) / 1e6,
                double(QFileInfo(path + QStringLiteral("-wal")).size()) / 1e6);
    sizes(path, "as written by simulate");

    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    registerSampleMetaTypes();
    int users = 1000;
    int days = 7;
    QString keep;
    QString existing; // --db: time the reads of a history written before, write nothing
    // --writer-only USERS: only the writer's CPU, USERS users sending
    // --per-user samples a second each for --seconds.
    int writerOnlyUsers = 0;
    int perUser = 1;
    int writerSeconds = 20;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QStringLiteral("--users"))
            users = args[i + 1].toInt();
        else if (args[i] == QStringLiteral("--days"))
            days = args[i + 1].toInt();
        else if (args[i] == QStringLiteral("--keep"))
            keep = args[i + 1];
        else if (args[i] == QStringLiteral("--db"))
            existing = args[i + 1];
        else if (args[i] == QStringLiteral("--writer-only"))
            writerOnlyUsers = args[i + 1].toInt();
        else if (args[i] == QStringLiteral("--per-user"))
            perUser = std::max(1, args[i + 1].toInt());
        else if (args[i] == QStringLiteral("--seconds"))
            writerSeconds = std::max(1, args[i + 1].toInt());
    }
    QTemporaryDir tmp;
    const QString dir = keep.isEmpty() ? tmp.path() : keep;
    if (writerOnlyUsers > 0) {
        writerCpu(dir + QStringLiteral("/live.sqlite"), writerOnlyUsers, writerSeconds, perUser);
        return 0;
    }
    const QString path = existing.isEmpty() ? dir + QStringLiteral("/week.sqlite") : existing;
    if (existing.isEmpty()) {
        QDir().mkpath(dir);
        if (!simulateWeek(path, users, days))
            return 1;
    }

    // Reads: the busiest user and their meeting.
    QString meetingId;
    QString userId;
    {
        HistoryDatabase db;
        db.open(path, HistoryDatabase::Mode::ReadOnly);
        QSqlQuery q(db.database());
        q.exec(QStringLiteral("SELECT u.meeting_id, u.user_id FROM users u JOIN"
                              " (SELECT user_key, count(*) AS n FROM rollups GROUP BY user_key ORDER BY n DESC LIMIT 1) t"
                              " USING(user_key)"));
        if (q.next()) {
            meetingId = q.value(0).toString();
            userId = q.value(1).toString();
        }
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        HistoryReader reader(path);
        for (const auto &[label, kind] : {std::pair{"7-day user series", 0}, std::pair{"24-hour meeting series", 1},
                                          std::pair{"1-hour user series (raw)", 2},
                                          std::pair{"24-hour fleet series", 3}}) {
            std::vector<double> ms;
            size_t points = 0;
            for (int run = 0; run < 7; ++run) {
                double t = 0;
                switch (kind) {
                case 0:
                    t = timeRequest(reader, &HistoryReader::userSeriesReady,
                                    [&] { return reader.requestUser(meetingId, userId, now - 7 * 86'400'000LL, now); },
                                    &points);
                    break;
                case 1:
                    t = timeRequest(reader, &HistoryReader::meetingSeriesReady,
                                    [&] { return reader.requestMeeting(meetingId, now - 86'400'000LL, now); }, &points);
                    break;
                case 2:
                    t = timeRequest(reader, &HistoryReader::userSeriesReady,
                                    [&] { return reader.requestUser(meetingId, userId, now - 3'600'000LL * 16, now - 3'600'000LL * 15); },
                                    &points);
                    break;
                default:
                    t = timeRequest(reader, &HistoryReader::fleetSeriesReady,
                                    [&] { return reader.requestFleet(now - 86'400'000LL, now); }, &points);
                    break;
                }
                ms.push_back(t);
            }
            std::printf("%s: first %.1f ms, median of 7 %.1f ms (%zu steps)\n", label, ms.front(), median(ms), points);
        }
    }

    if (!existing.isEmpty())
        return 0; // never rewrite a history we were only asked to read

    // After VACUUM: the size the data needs, without the slack of pages that
    // were split while blocks grew.
    {
        HistoryDatabase db;
        db.open(path);
        QSqlQuery(db.database()).exec(QStringLiteral("VACUUM"));
    }
    sizes(path, "after VACUUM");

    std::fflush(stdout);
    writerCpu(dir + QStringLiteral("/live.sqlite"), 10'000, 20);
    return 0;
}
