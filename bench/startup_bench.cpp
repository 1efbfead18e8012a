// Cold-start benchmark (issue 7): "cold start to an interactive window with
// 1,000 users of history in under 1 s".
//
//   bench/startup_bench [--runs 10] [--users 1000] [--days 1]
//        [--cache DIR] [--app widgets/meeting-monitor] [--quit-after 3]
//
// Run it from the build directory (it finds widgets/meeting-monitor there).
//
// 1. Once, it makes a history of --users users over --days days with the
//    application's own `meeting-monitor simulate --users U --days D --db
//    FILE` and keeps it in the cache folder (default
//    $XDG_CACHE_HOME/meeting-monitor-bench, else ~/.cache/…); later runs
//    reuse it and say how it was made.
// 2. It copies that history to where the application keeps its own
//    (XDG_DATA_HOME/MeetingMonitor/meeting-monitor/history.sqlite) in a fresh
//    temporary XDG_DATA_HOME and XDG_CONFIG_HOME, so the app opens it for
//    recording and reading as it would on an admin's desktop.
// 3. It starts the app once untimed (the page cache then holds the binary,
//    Qt and the history: what is measured is a cold start of the process,
//    not of the disk), then --runs times offscreen with --print-stats
//    --quit-after, and prints each run's startup_ms and their median and
//    maximum.
//
// startup_ms is measured by the app itself: from the process's start (its
// exec, the start time in /proc/self/stat, 10 ms ticks) to the first paint
// of its main window followed by one more turn of the event loop, i.e. the
// window is drawn and the GUI thread is free to take input.
// It is a benchmark: it prints figures and asserts nothing.
#include "benchprocess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <vector>


namespace {

using mm::bench::dieWithParent;
using mm::bench::findBinary;
using mm::bench::loadAverage;




// Makes the cached history if it is not there yet; returns false (after
// saying why) when it cannot. The file appears only once complete.
bool ensureHistory(const QString &app, const QString &file, int users, int days)
{
    const QString note = file + QStringLiteral(".how");
    if (QFileInfo::exists(file)) {
        QFile how(note);
        const QString made = how.open(QIODevice::ReadOnly) ? QString::fromUtf8(how.readAll()).trimmed()
                                                           : QStringLiteral("(unknown)");
        std::printf("history: %s (cached, %.0f MB), made by: %s\n", qPrintable(file),
                    double(QFileInfo(file).size()) / 1e6, qPrintable(made));
        return true;
    }
    QDir().mkpath(QFileInfo(file).absolutePath());
    const QString partial = file + QStringLiteral(".part");
    QFile::remove(partial);
    const QStringList args = {QStringLiteral("simulate"), QStringLiteral("--users"),
                              QString::number(users), QStringLiteral("--days"),
                              QString::number(days), QStringLiteral("--db"), partial};
    // Said with the final name: the file is written under a temporary one.
    const QString command = QStringLiteral("meeting-monitor simulate --users %1 --days %2 --db %3")
                                .arg(users)
                                .arg(days)
                                .arg(file);
    std::printf("history: making %s with `%s` …\n", qPrintable(file), qPrintable(command));
    std::fflush(stdout);
    QElapsedTimer timer;
    timer.start();
    QProcess simulate;
    dieWithParent(simulate);
    simulate.setProcessChannelMode(QProcess::ForwardedChannels);
    simulate.start(app, args);
    if (!simulate.waitForStarted(10000) || !simulate.waitForFinished(-1)
        || simulate.exitStatus() != QProcess::NormalExit || simulate.exitCode() != 0) {
        std::fprintf(stderr, "startup_bench: simulate failed\n");
        QFile::remove(partial);
        return false;
    }
    // simulate closes the database cleanly, which folds its WAL back in.
    if (QFileInfo::exists(partial + QStringLiteral("-wal"))) {
        std::fprintf(stderr, "startup_bench: simulate left a WAL file behind\n");
        return false;
    }
    if (!QFile::rename(partial, file)) {
        std::fprintf(stderr, "startup_bench: cannot move %s into place\n", qPrintable(partial));
        return false;
    }
    QFile how(note);
    if (how.open(QIODevice::WriteOnly))
        how.write((command + QStringLiteral(", at ")
                   + QDateTime::currentDateTimeUtc().toString(Qt::ISODate) + u'\n')
                      .toUtf8());
    std::printf("history: made in %.0f s, %.0f MB\n", double(timer.elapsed()) / 1000.0,
                double(QFileInfo(file).size()) / 1e6);
    return true;
}

struct Run
{
    double startupMs = -1;
    QString error;
};

Run runApp(const QString &app, const QTemporaryDir &home, double quitAfter)
{
    Run run;
    QProcess process;
    dieWithParent(process);
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    process.setProcessEnvironment(env);
    process.start(app, {QStringLiteral("--print-stats"), QStringLiteral("--quit-after"),
                        QString::number(quitAfter)});
    if (!process.waitForFinished(int(quitAfter * 1000) + 60000)) {
        process.kill();
        process.waitForFinished(5000);
        run.error = QStringLiteral("the application did not quit");
        return run;
    }
    const QStringList lines = QString::fromUtf8(process.readAllStandardOutput()).split(u'\n');
    for (const QString &line : lines) {
        if (line.startsWith(QStringLiteral("stats {"))) {
            const QJsonObject stats = QJsonDocument::fromJson(line.mid(6).toUtf8()).object();
            run.startupMs = stats.value(u"startup_ms").toDouble(-1);
        }
    }
    if (run.startupMs < 0)
        run.error = QStringLiteral("no startup_ms from the application: ")
            + QString::fromUtf8(process.readAllStandardError()).trimmed().right(300);
    return run;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication qapp(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Starts meeting-monitor on a cached history of N users and prints the "
                       "time to its first painted, idle window."));
    parser.addHelpOption();
    QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Timed starts."),
                               QStringLiteral("N"), QStringLiteral("10"));
    QCommandLineOption usersOpt(QStringLiteral("users"), QStringLiteral("Users in the history."),
                                QStringLiteral("N"), QStringLiteral("1000"));
    QCommandLineOption daysOpt(QStringLiteral("days"), QStringLiteral("Days of history."),
                               QStringLiteral("N"), QStringLiteral("1"));
    QCommandLineOption cacheOpt(QStringLiteral("cache"),
                                QStringLiteral("Where the history is kept between runs."),
                                QStringLiteral("DIR"));
    QCommandLineOption appOpt(QStringLiteral("app"), QStringLiteral("The application."),
                              QStringLiteral("PATH"));
    QCommandLineOption quitOpt(QStringLiteral("quit-after"),
                               QStringLiteral("Seconds each start runs before quitting."),
                               QStringLiteral("S"), QStringLiteral("3"));
    parser.addOptions({runsOpt, usersOpt, daysOpt, cacheOpt, appOpt, quitOpt});
    parser.process(qapp);

    const QString app = parser.isSet(appOpt) ? parser.value(appOpt)
                                             : findBinary(QStringLiteral("widgets/meeting-monitor"));
    if (app.isEmpty() || !QFileInfo(app).isExecutable()) {
        std::fprintf(stderr, "startup_bench: no application (run it from the build directory, "
                             "or pass --app)\n");
        return 2;
    }
    const int runs = parser.value(runsOpt).toInt();
    const int users = parser.value(usersOpt).toInt();
    const int days = parser.value(daysOpt).toInt();
    const double quitAfter = parser.value(quitOpt).toDouble();
    if (runs <= 0 || users <= 0 || days <= 0 || !(quitAfter >= 1)) {
        std::fprintf(stderr, "startup_bench: --runs, --users, --days must be positive and "
                             "--quit-after at least 1\n");
        return 2;
    }
    QString cache = parser.value(cacheOpt);
    if (cache.isEmpty())
        cache = QDir(QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation))
                    .filePath(QStringLiteral("meeting-monitor-bench"));
    const QString history = QDir(cache).filePath(
        QStringLiteral("startup-%1users-%2days.sqlite").arg(users).arg(days));
    std::printf("app: %s\nload average at start %s\n", qPrintable(app), qPrintable(loadAverage()));
    if (!ensureHistory(app, history, users, days))
        return 1;

    // The app's own history location under a fresh XDG_DATA_HOME
    // (QStandardPaths::AppDataLocation: organisation/application).
    QTemporaryDir home;
    const QString dataDir = home.filePath(QStringLiteral("data/MeetingMonitor/meeting-monitor"));
    if (!home.isValid() || !QDir().mkpath(dataDir)
        || !QFile::copy(history, QDir(dataDir).filePath(QStringLiteral("history.sqlite")))) {
        std::fprintf(stderr, "startup_bench: cannot copy the history into %s\n",
                     qPrintable(dataDir));
        return 1;
    }

    const Run warm = runApp(app, home, quitAfter);
    std::printf("warm-up start (untimed; fills the page cache): %s\n",
                warm.error.isEmpty() ? qPrintable(QStringLiteral("%1 ms").arg(warm.startupMs, 0, 'f', 0))
                                     : qPrintable(warm.error));
    std::printf("cold start of the process, page cache warm, offscreen, %d runs:\n", runs);
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const Run run = runApp(app, home, quitAfter);
        if (!run.error.isEmpty()) {
            std::printf("  run %d: error: %s\n", i + 1, qPrintable(run.error));
            continue;
        }
        std::printf("  run %d: startup_ms %.0f\n", i + 1, run.startupMs);
        std::fflush(stdout);
        times.push_back(run.startupMs);
    }
    if (times.empty())
        return 1;
    std::sort(times.begin(), times.end());
    const double median = times.size() % 2 ? times[times.size() / 2]
                                           : (times[times.size() / 2 - 1] + times[times.size() / 2]) / 2;
    std::printf("startup_ms (exec to first paint + an idle event-loop turn), %d users, %d days of "
                "history: median %.0f, max %.0f, min %.0f (goal: under 1000)\n",
                users, days, median, times.back(), times.front());
    std::printf("load average at end %s\n", qPrintable(loadAverage()));
    return 0;
}
