// Ingest benchmark: drives the real application (offscreen window, tree
// expanded) from the fleet simulator at increasing rates, both as separate
// processes on loopback, and prints for each rate what was sent, received
// and dropped, the GUI event loop's lag, CPU per 100,000 samples and memory;
// then the highest rate sustained with no loss and lag p99 under 50 ms.
//
//   bench/ingest_bench [--seconds 20] [--rates 2000,5000,...] [--max-users 10000]
//
// Run from the build directory (it finds widgets/meeting-monitor and
// simulator/meeting-monitor-simulator there).
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <cstdio>

namespace {

struct RunResult
{
    int rate = 0;
    int users = 0;
    qint64 sent = -1;
    qint64 received = -1;
    double lagP50 = -1, lagP99 = -1, lagMax = -1;
    double cpuSeconds = -1;
    qint64 rssKb = -1;
    QString error;
    bool sustained() const
    {
        return error.isEmpty() && sent > 0 && received == sent && lagP99 < 50.0;
    }
};

QString findBinary(const QString &relative)
{
    const QStringList roots = {QDir::currentPath(), QCoreApplication::applicationDirPath() + QStringLiteral("/..")};
    for (const QString &root : roots) {
        const QString path = QDir(root).filePath(relative);
        if (QFileInfo::exists(path))
            return QDir::cleanPath(path);
    }
    return {};
}

RunResult runOnce(const QString &app, const QString &simulator, int rate, int maxUsers,
                  int seconds)
{
    RunResult r;
    r.rate = rate;
    r.users = std::min(rate, maxUsers);
    const double perUser = double(rate) / r.users;
    const QString token = QStringLiteral("bench-token");

    QProcess sim;
    sim.setProcessChannelMode(QProcess::SeparateChannels);
    // The simulator sends for `seconds` after the app subscribes; the app
    // stays a few seconds longer so that nothing in flight is miscounted.
    sim.start(simulator, {QStringLiteral("--port"), QStringLiteral("0"),
                          QStringLiteral("--users"), QString::number(r.users),
                          QStringLiteral("--rate"), QString::number(perUser, 'g', 6),
                          QStringLiteral("--token"), token,
                          QStringLiteral("--duration"), QString::number(seconds),
                          QStringLiteral("--seed"), QStringLiteral("7")});
    if (!sim.waitForStarted(5000)) {
        r.error = QStringLiteral("simulator did not start");
        return r;
    }
    QString url;
    const QRegularExpression listening(QStringLiteral("listening (ws://\\S+)"));
    for (int i = 0; i < 100 && url.isEmpty(); ++i) {
        sim.waitForReadyRead(100);
        const auto m = listening.match(QString::fromUtf8(sim.readAllStandardOutput()));
        if (m.hasMatch())
            url = m.captured(1);
    }
    if (url.isEmpty()) {
        r.error = QStringLiteral("simulator did not listen");
        sim.kill();
        return r;
    }

    QTemporaryFile tokenFile;
    tokenFile.open();
    tokenFile.write(token.toUtf8());
    tokenFile.flush();

    QProcess gui;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // The application records its own history by default, as it would for
    // an admin: into a fresh folder, not the user's.
    QTemporaryDir home;
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    gui.setProcessEnvironment(env);
    gui.start(app, {QStringLiteral("--gateway"), url,
                    QStringLiteral("--token-file"), tokenFile.fileName(),
                    QStringLiteral("--print-stats"),
                    QStringLiteral("--quit-after"), QString::number(seconds + 4)});
    if (!gui.waitForFinished((seconds + 60) * 1000)) {
        r.error = QStringLiteral("application did not finish");
        gui.kill();
    }
    sim.waitForFinished(10000);
    if (sim.state() != QProcess::NotRunning) {
        sim.terminate();
        sim.waitForFinished(5000);
    }
    const QString simOut = QString::fromUtf8(sim.readAllStandardOutput());
    const auto sentMatch = QRegularExpression(QStringLiteral("sent samples=(\\d+)")).match(simOut);
    if (sentMatch.hasMatch())
        r.sent = sentMatch.captured(1).toLongLong();

    const QString guiOut = QString::fromUtf8(gui.readAllStandardOutput());
    const auto statsMatch = QRegularExpression(QStringLiteral("^stats (\\{.*\\})$"),
                                               QRegularExpression::MultilineOption)
                                .match(guiOut);
    if (!statsMatch.hasMatch()) {
        if (r.error.isEmpty())
            r.error = QStringLiteral("no stats line from the application: ")
                    + QString::fromUtf8(gui.readAllStandardError()).left(300);
        return r;
    }
    const QJsonObject stats = QJsonDocument::fromJson(statsMatch.captured(1).toUtf8()).object();
    r.received = qint64(stats.value(u"samples_accepted").toDouble(-1));
    const QJsonObject lag = stats.value(u"gui_lag_ms").toObject();
    r.lagP50 = lag.value(u"p50").toDouble(-1);
    r.lagP99 = lag.value(u"p99").toDouble(-1);
    r.lagMax = lag.value(u"max").toDouble(-1);
    r.cpuSeconds = stats.value(u"cpu_seconds").toDouble(-1);
    r.rssKb = qint64(stats.value(u"peak_rss_kb").toDouble(-1));
    return r;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication qapp(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption secondsOpt(QStringLiteral("seconds"), QStringLiteral("Seconds per rate."),
                                  QStringLiteral("N"), QStringLiteral("20"));
    QCommandLineOption ratesOpt(QStringLiteral("rates"), QStringLiteral("Comma-separated rates."),
                                QStringLiteral("LIST"),
                                QStringLiteral("2000,5000,10000,20000,30000,50000"));
    QCommandLineOption usersOpt(QStringLiteral("max-users"), QStringLiteral("Most users."),
                                QStringLiteral("N"), QStringLiteral("10000"));
    parser.addOptions({secondsOpt, ratesOpt, usersOpt});
    parser.process(qapp);

    const QString app = findBinary(QStringLiteral("widgets/meeting-monitor"));
    const QString simulator = findBinary(QStringLiteral("simulator/meeting-monitor-simulator"));
    if (app.isEmpty() || simulator.isEmpty()) {
        std::fprintf(stderr, "ingest_bench: run it from the build directory "
                             "(widgets/meeting-monitor and simulator/meeting-monitor-simulator)\n");
        return 2;
    }
    const int seconds = parser.value(secondsOpt).toInt();
    std::printf("%8s %7s %10s %10s %8s %8s %8s %8s %12s %9s\n", "rate/s", "users", "sent",
                "received", "dropped", "lag p50", "lag p99", "lag max", "cpu s/100k", "peak MB");
    int best = 0;
    for (const QString &rateText : parser.value(ratesOpt).split(u',')) {
        const RunResult r = runOnce(app, simulator, rateText.toInt(),
                                    parser.value(usersOpt).toInt(), seconds);
        if (!r.error.isEmpty()) {
            std::printf("%8d %7d  error: %s\n", r.rate, r.users, qPrintable(r.error));
            continue;
        }
        const double cpuPer100k = r.received > 0 ? r.cpuSeconds * 100000.0 / double(r.received) : -1;
        std::printf("%8d %7d %10lld %10lld %8lld %8.1f %8.1f %8.1f %12.3f %9.1f\n", r.rate, r.users,
                    r.sent, r.received, r.sent - r.received, r.lagP50, r.lagP99, r.lagMax,
                    cpuPer100k, double(r.rssKb) / 1024.0);
        std::fflush(stdout);
        if (r.sustained())
            best = std::max(best, r.rate);
    }
    std::printf("highest rate sustained with no loss and GUI lag p99 < 50 ms: %d samples/s\n", best);
    return 0;
}
