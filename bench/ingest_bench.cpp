// Ingest benchmark (issue 7, item 1): the real application, as an admin
// runs it, fed by the load gateway on real socket.io, one rate at a time.
//
//   bench/ingest_bench [--seconds 60] [--rates 2000,5000,10000,20000,30000,50000]
//        [--max-users 10000] [--app widgets/meeting-monitor] [--node node]
//        [--gateway-script SRC/bench/web/loadgateway.mjs] [--gateway-nice -5]
//
// Needs node and bench/web's npm packages (scripts/install-deps.sh). Run it
// from the build directory (it finds widgets/meeting-monitor there).
//
// For each rate R it starts `node bench/web/loadgateway.mjs` (U = min(R,
// max-users) users, so 1 Hz per user up to 10,000 users and faster above),
// then `meeting-monitor --gateway … --select m-00000/u-000000 --print-stats
// --quit-after S+6`: the window open (offscreen), its tree expanded (meeting
// rows are expanded as they arrive; the stats line says how many were), the
// chart of the gateway's first user showing, and the app recording its own
// history into a temporary XDG_DATA_HOME, as it does by default. The gateway
// runs at nice --gateway-nice (default -5, as in bench/web/compare.mjs; it
// needs root, else use 0): in production it is another machine, so it must
// offer the whole rate even while the app takes both cores of a 2-core box.
// When it is starved anyway, its achieved rate and event-loop delay show it,
// and the rate does not count as sustained.
//
// Columns:
//   sent        what the gateway sent to the app while it was subscribed
//               (the gateway's `done {json}` line, its count per consumer)
//   received    samples_accepted of the app's --print-stats
//   stored      samples_stored: rows the app's history writer committed,
//               counted after its final flush at quit
//   dropped     sent − received; unstored: received − stored
//   lag         how late a 10 ms timer fires on the app's GUI thread, p50 /
//               p99 / max, leaving out the first 2 s
//   CPU         the app's user + system CPU seconds over its whole run
//               (start-up included) per 100,000 samples received
//   peak MB     the app's peak resident memory (ru_maxrss)
//   gw rate     the rate the gateway achieved (sent ÷ seconds), its
//               event-loop delay p99 and its CPU share over the window
// Then the highest rate with no loss (received = sent, stored = received),
// lag p99 under 50 ms and a gateway that offered at least 99 % of the rate.
// It is a benchmark: it prints figures and asserts nothing.
#include "benchprocess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <cmath>
#include <cstdio>
#include <optional>


#ifndef MM_SOURCE_DIR
#define MM_SOURCE_DIR "."
#endif

namespace {

using mm::bench::dieWithParent;
using mm::bench::findBinary;
using mm::bench::loadAverage;

constexpr int GraceSeconds = 6; // start-up, subscription and the final drain
const QString Token = QStringLiteral("ingest-bench-token");

struct RunResult
{
    int rate = 0;
    int users = 0;
    qint64 sent = -1;
    qint64 received = -1;
    qint64 stored = -1; // -1: the app did not say
    double lagP50 = -1, lagP99 = -1, lagMax = -1;
    double cpuSeconds = -1;
    qint64 rssKb = -1;
    int meetings = -1;
    int meetingsExpanded = -1;
    QString chartView, chartTarget;
    int chartRepaints = -1;
    double gatewayRate = -1;
    double gatewayLoopP99 = -1, gatewayLoopMax = -1;
    double gatewayCpuShare = -1;
    QString error;

    bool sustained() const
    {
        return error.isEmpty() && sent > 0 && received == sent && stored == received
            && lagP99 >= 0 && lagP99 < 50.0 && gatewayRate >= 0.99 * rate;
    }
};



// SIGTERM (the gateway closes its sockets), then SIGKILL.
void stop(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(5000);
    }
}

// The last line of `text` that starts with `prefix` and a JSON object.
QJsonObject lastJsonLine(const QString &text, const QString &prefix)
{
    const QStringList lines = text.split(u'\n');
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        if (it->startsWith(prefix + u'{'))
            return QJsonDocument::fromJson(it->mid(prefix.size()).toUtf8()).object();
    }
    return {};
}

struct Tools
{
    QString app;
    QString node;
    QString gatewayScript;
    int gatewayNice = 5;
};

RunResult runOnce(const Tools &tools, int rate, int maxUsers, int seconds)
{
    RunResult r;
    r.rate = rate;
    r.users = std::min(rate, maxUsers);

    QTemporaryDir home;
    if (!home.isValid()) {
        r.error = QStringLiteral("no temporary directory");
        return r;
    }

    // The gateway, at its own priority (nice execs it: same pid).
    QProcess gateway;
    gateway.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    dieWithParent(gateway);
    gateway.start(QStringLiteral("nice"),
                  {QStringLiteral("-n"), QString::number(tools.gatewayNice), tools.node,
                   tools.gatewayScript, QStringLiteral("--rate"), QString::number(rate),
                   QStringLiteral("--users"), QString::number(r.users),
                   QStringLiteral("--seconds"), QString::number(seconds),
                   QStringLiteral("--token"), Token, QStringLiteral("--port"), QStringLiteral("0")});
    if (!gateway.waitForStarted(5000)) {
        r.error = QStringLiteral("the load gateway did not start: ") + gateway.errorString();
        return r;
    }
    QString gatewayOut;
    int port = 0;
    const QRegularExpression listening(QStringLiteral("^listening (\\d+)$"),
                                       QRegularExpression::MultilineOption);
    QElapsedTimer waited;
    waited.start();
    while (port == 0 && waited.elapsed() < 30000 && gateway.state() == QProcess::Running) {
        gateway.waitForReadyRead(200);
        gatewayOut += QString::fromUtf8(gateway.readAllStandardOutput());
        const auto m = listening.match(gatewayOut);
        if (m.hasMatch())
            port = m.captured(1).toInt();
    }
    if (port == 0) {
        r.error = QStringLiteral("the load gateway did not listen (node and bench/web's npm "
                                 "packages installed? scripts/install-deps.sh)");
        stop(gateway);
        return r;
    }

    QFile tokenFile(home.filePath(QStringLiteral("token")));
    if (!tokenFile.open(QIODevice::WriteOnly) || tokenFile.write(Token.toUtf8()) < 0) {
        r.error = QStringLiteral("cannot write the token file");
        stop(gateway);
        return r;
    }
    tokenFile.close();

    QProcess app;
    dieWithParent(app);
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // The application records its own history by default, as it would for
    // an admin: into a fresh folder, not the user's.
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    app.setProcessEnvironment(env);
    // The load gateway's first meeting and user (loadgateway.mjs names them
    // m-00000 and u-000000): their chart shows for the whole run.
    app.start(tools.app, {QStringLiteral("--gateway"), QStringLiteral("ws://127.0.0.1:%1").arg(port),
                          QStringLiteral("--token-file"), tokenFile.fileName(),
                          QStringLiteral("--select"), QStringLiteral("m-00000/u-000000"),
                          QStringLiteral("--print-stats"),
                          QStringLiteral("--quit-after"), QString::number(seconds + GraceSeconds)});
    if (!app.waitForStarted(10000)) {
        r.error = QStringLiteral("the application did not start: ") + app.errorString();
        stop(gateway);
        return r;
    }
    // Read the gateway's output meanwhile, so its pipe never fills.
    QElapsedTimer running;
    running.start();
    const qint64 limitMs = qint64(seconds + GraceSeconds + 120) * 1000;
    while (!app.waitForFinished(500)) {
        gatewayOut += QString::fromUtf8(gateway.readAllStandardOutput());
        if (running.elapsed() > limitMs) {
            r.error = QStringLiteral("the application did not finish");
            app.kill();
            app.waitForFinished(5000);
            break;
        }
    }
    // The gateway's `done` line comes at the end of its sending window,
    // before the app quits; a starved gateway may be a little late.
    QElapsedTimer doneWait;
    doneWait.start();
    while (!gatewayOut.contains(QStringLiteral("\ndone {")) && doneWait.elapsed() < 15000
           && gateway.state() == QProcess::Running) {
        gateway.waitForReadyRead(200);
        gatewayOut += QString::fromUtf8(gateway.readAllStandardOutput());
    }
    stop(gateway);
    gatewayOut += QString::fromUtf8(gateway.readAllStandardOutput());

    const QJsonObject done = lastJsonLine(gatewayOut, QStringLiteral("done "));
    if (done.isEmpty()) {
        if (r.error.isEmpty())
            r.error = QStringLiteral("the gateway never ended a sending window (did the app "
                                     "subscribe?)");
    } else {
        // Only this app subscribes; its count is what it was sent.
        r.sent = 0;
        for (const QJsonValue &c : done.value(u"consumers").toArray())
            r.sent = std::max(r.sent, qint64(c.toObject().value(u"samples").toDouble(0)));
        r.gatewayRate = done.value(u"achieved_rate").toDouble(-1);
        const QJsonObject loop = done.value(u"gateway_loop_delay_ms").toObject();
        r.gatewayLoopP99 = loop.value(u"p99").toDouble(-1);
        r.gatewayLoopMax = loop.value(u"max").toDouble(-1);
        const double cpu = done.value(u"gateway_cpu_seconds").toDouble(-1);
        const double wall = done.value(u"wall_seconds").toDouble(-1);
        if (cpu >= 0 && wall > 0)
            r.gatewayCpuShare = cpu / wall;
    }

    const QJsonObject stats
        = lastJsonLine(QString::fromUtf8(app.readAllStandardOutput()), QStringLiteral("stats "));
    if (stats.isEmpty()) {
        if (r.error.isEmpty())
            r.error = QStringLiteral("no stats line from the application: ")
                + QString::fromUtf8(app.readAllStandardError()).trimmed().right(300);
        return r;
    }
    r.received = qint64(stats.value(u"samples_accepted").toDouble(-1));
    r.stored = qint64(stats.value(u"samples_stored").toDouble(-1));
    const QJsonObject lag = stats.value(u"gui_lag_ms").toObject();
    r.lagP50 = lag.value(u"p50").toDouble(-1);
    r.lagP99 = lag.value(u"p99").toDouble(-1);
    r.lagMax = lag.value(u"max").toDouble(-1);
    r.cpuSeconds = stats.value(u"cpu_seconds").toDouble(-1);
    r.rssKb = qint64(stats.value(u"peak_rss_kb").toDouble(-1));
    r.meetings = stats.value(u"meetings").toInt(-1);
    r.meetingsExpanded = stats.value(u"meetings_expanded").toInt(-1);
    const QJsonObject chart = stats.value(u"chart").toObject();
    r.chartView = chart.value(u"view").toString();
    r.chartTarget = chart.value(u"meeting").toString() + u'/' + chart.value(u"user").toString();
    r.chartRepaints = chart.value(u"live_repaints").toInt(-1);
    return r;
}


QString number(qint64 v)
{
    return v < 0 ? QStringLiteral("?") : QString::number(v);
}

QString number(double v, int decimals)
{
    return v < 0 || !std::isfinite(v) ? QStringLiteral("?") : QString::number(v, 'f', decimals);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication qapp(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Drives meeting-monitor (window open offscreen, tree expanded, a user's chart showing, "
        "recording its history) from bench/web/loadgateway.mjs at each rate."));
    parser.addHelpOption();
    QCommandLineOption secondsOpt(QStringLiteral("seconds"),
                                  QStringLiteral("Seconds of sending per rate."),
                                  QStringLiteral("N"), QStringLiteral("60"));
    QCommandLineOption ratesOpt(QStringLiteral("rates"), QStringLiteral("Comma-separated rates."),
                                QStringLiteral("LIST"),
                                QStringLiteral("2000,5000,10000,20000,30000,50000"));
    QCommandLineOption usersOpt(QStringLiteral("max-users"), QStringLiteral("Most users."),
                                QStringLiteral("N"), QStringLiteral("10000"));
    QCommandLineOption appOpt(QStringLiteral("app"),
                              QStringLiteral("The application (default: widgets/meeting-monitor "
                                             "of this build)."),
                              QStringLiteral("PATH"));
    QCommandLineOption nodeOpt(QStringLiteral("node"), QStringLiteral("Node.js."),
                               QStringLiteral("PATH"), QStringLiteral("node"));
    QCommandLineOption scriptOpt(QStringLiteral("gateway-script"),
                                 QStringLiteral("The load gateway."), QStringLiteral("PATH"),
                                 QStringLiteral(MM_SOURCE_DIR "/bench/web/loadgateway.mjs"));
    QCommandLineOption niceOpt(QStringLiteral("gateway-nice"),
                               QStringLiteral("Nice value of the gateway (the app runs at 0)."),
                               QStringLiteral("N"), QStringLiteral("-5"));
    parser.addOptions({secondsOpt, ratesOpt, usersOpt, appOpt, nodeOpt, scriptOpt, niceOpt});
    parser.process(qapp);

    Tools tools;
    tools.app = parser.isSet(appOpt) ? parser.value(appOpt)
                                     : findBinary(QStringLiteral("widgets/meeting-monitor"));
    tools.node = parser.value(nodeOpt);
    tools.gatewayScript = parser.value(scriptOpt);
    tools.gatewayNice = parser.value(niceOpt).toInt();
    if (tools.app.isEmpty() || !QFileInfo(tools.app).isExecutable()) {
        std::fprintf(stderr, "ingest_bench: no application (run it from the build directory, "
                             "or pass --app)\n");
        return 2;
    }
    if (!QFileInfo::exists(tools.gatewayScript)) {
        std::fprintf(stderr, "ingest_bench: no load gateway at %s (pass --gateway-script)\n",
                     qPrintable(tools.gatewayScript));
        return 2;
    }
    const int seconds = parser.value(secondsOpt).toInt();
    if (seconds <= 0) {
        std::fprintf(stderr, "ingest_bench: --seconds must be positive\n");
        return 2;
    }

    std::printf("app: %s\ngateway: nice %d %s %s\n%d s of sending per rate, the app quits "
                "%d s after it starts; %d CPUs, load average at start %s\n\n",
                qPrintable(tools.app), tools.gatewayNice, qPrintable(tools.node),
                qPrintable(tools.gatewayScript), seconds, seconds + GraceSeconds,
                QThread::idealThreadCount(), qPrintable(loadAverage()));
    std::printf("%7s %6s %9s %9s %9s %8s %8s %7s %7s %8s %9s %7s | %8s %8s %6s\n", "rate/s",
                "users", "sent", "received", "stored", "dropped", "unstored", "lag p50", "lag p99",
                "lag max", "cpu/100k", "peak MB", "gw rate", "gw loop", "gw cpu");
    std::fflush(stdout);
    int best = 0;
    for (const QString &rateText : parser.value(ratesOpt).split(u',')) {
        const int rate = rateText.toInt();
        if (rate <= 0)
            continue;
        const RunResult r = runOnce(tools, rate, parser.value(usersOpt).toInt(), seconds);
        const double cpuPer100k
            = r.received > 0 && r.cpuSeconds >= 0 ? r.cpuSeconds * 100000.0 / double(r.received)
                                                  : -1;
        const qint64 dropped = r.sent >= 0 && r.received >= 0 ? r.sent - r.received : -1;
        const qint64 notStored = r.received >= 0 && r.stored >= 0 ? r.received - r.stored : -1;
        std::printf("%7d %6d %9s %9s %9s %8s %8s %7s %7s %8s %9s %7s | %8s %8s %5s%%\n", r.rate,
                    r.users, qPrintable(number(r.sent)), qPrintable(number(r.received)),
                    qPrintable(number(r.stored)), qPrintable(number(dropped)),
                    qPrintable(number(notStored)), qPrintable(number(r.lagP50, 1)),
                    qPrintable(number(r.lagP99, 1)), qPrintable(number(r.lagMax, 1)),
                    qPrintable(number(cpuPer100k, 3)),
                    qPrintable(number(r.rssKb >= 0 ? double(r.rssKb) / 1024.0 : -1.0, 1)),
                    qPrintable(number(r.gatewayRate, 0)), qPrintable(number(r.gatewayLoopP99, 1)),
                    qPrintable(number(r.gatewayCpuShare >= 0 ? 100 * r.gatewayCpuShare : -1.0, 0)));
        // The set-up, as the app reported it at quit: a benchmark of a
        // collapsed tree or a hidden chart would measure the wrong thing.
        std::printf("        window: %s of %s meetings expanded; chart %s %s, %s live repaints; "
                    "gateway loop max %s ms\n",
                    qPrintable(number(qint64(r.meetingsExpanded))),
                    qPrintable(number(qint64(r.meetings))),
                    qPrintable(r.chartView.isEmpty() ? QStringLiteral("(none)") : r.chartView),
                    qPrintable(r.chartTarget), qPrintable(number(qint64(r.chartRepaints))),
                    qPrintable(number(r.gatewayLoopMax, 1)));
        if (!r.error.isEmpty())
            std::printf("        error: %s\n", qPrintable(r.error));
        std::fflush(stdout);
        if (r.sustained())
            best = std::max(best, r.rate);
    }
    std::printf("load average at end %s\n", qPrintable(loadAverage()));
    std::printf("highest rate with no loss (received = sent, stored = received), GUI lag p99 "
                "< 50 ms and the gateway at >= 99 %% of the rate: %d samples/s\n",
                best);
    return 0;
}
