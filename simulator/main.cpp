// meeting-monitor-simulator: the fleet simulator as a stand-alone gateway,
// a load source for the benchmarks and a target for manual testing.
#include "simulatorserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QElapsedTimer>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int g_signalFds[2] = {-1, -1};

// Only async-signal-safe work here: wake the event loop through a socket.
void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalFds[0], &byte, 1);
}

bool installSignalHandlers()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return false;
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGTERM, &action, nullptr) == 0 && ::sigaction(SIGINT, &action, nullptr) == 0;
}

template <typename T>
bool parseNumber(const QCommandLineParser &parser, const QCommandLineOption &option, T *out, T min, T max)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const QString text = parser.value(option);
    double value = 0;
    if constexpr (std::is_floating_point_v<T>)
        value = text.toDouble(&ok);
    else
        value = double(text.toLongLong(&ok));
    if (!ok || value < double(min) || value > double(max)) {
        std::fprintf(stderr, "invalid value for --%s: %s\n", qPrintable(option.names().constFirst()),
                     qPrintable(text));
        return false;
    }
    *out = T(value);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("meeting-monitor-simulator"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Serves a simulated fleet of meetings over the Meeting Monitor gateway contract "
                       "(Socket.IO v4) on 127.0.0.1."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("TCP port (0: any free port)."),
                                        QStringLiteral("PORT"), QStringLiteral("0"));
    const QCommandLineOption usersOption(QStringLiteral("users"),
                                         QStringLiteral("Total users (0: 2-12 per meeting)."),
                                         QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption meetingsOption(QStringLiteral("meetings"), QStringLiteral("Concurrent meetings."),
                                            QStringLiteral("N"), QStringLiteral("6"));
    const QCommandLineOption rateOption(QStringLiteral("rate"), QStringLiteral("Samples per second per user."),
                                        QStringLiteral("HZ"), QStringLiteral("1"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Fleet seed."),
                                        QStringLiteral("SEED"), QStringLiteral("1"));
    const QCommandLineOption tokenOption(QStringLiteral("token"),
                                         QStringLiteral("Required auth token (empty: accept any)."),
                                         QStringLiteral("TOKEN"));
    const QCommandLineOption durationOption(QStringLiteral("duration"),
                                            QStringLiteral("Stop after SECONDS (0: run until signalled)."),
                                            QStringLiteral("SECONDS"), QStringLiteral("0"));
    const QCommandLineOption pingIntervalOption(QStringLiteral("ping-interval"),
                                                QStringLiteral("Engine.IO ping interval, ms."),
                                                QStringLiteral("MS"), QStringLiteral("25000"));
    const QCommandLineOption pingTimeoutOption(QStringLiteral("ping-timeout"),
                                               QStringLiteral("Engine.IO ping timeout, ms."),
                                               QStringLiteral("MS"), QStringLiteral("20000"));
    const QCommandLineOption namespaceOption(QStringLiteral("namespace"), QStringLiteral("Socket.IO namespace."),
                                             QStringLiteral("NSP"), QStringLiteral("/meeting-metrics"));
    const QCommandLineOption pathOption(QStringLiteral("path"), QStringLiteral("Engine.IO path."),
                                        QStringLiteral("PATH"), QStringLiteral("/socket.io/"));
    const QCommandLineOption tickOption(QStringLiteral("tick"), QStringLiteral("Pacing tick, ms."),
                                        QStringLiteral("MS"), QStringLiteral("20"));
    const QCommandLineOption noIncidentsOption(QStringLiteral("no-incidents"),
                                               QStringLiteral("No spikes, loss bursts or dropouts."));
    const QCommandLineOption noChurnOption(QStringLiteral("no-churn"),
                                           QStringLiteral("Meetings never end."));
    parser.addOptions({portOption, usersOption, meetingsOption, rateOption, seedOption, tokenOption,
                       durationOption, pingIntervalOption, pingTimeoutOption, namespaceOption, pathOption,
                       tickOption, noIncidentsOption, noChurnOption});
    parser.process(app);
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "unexpected argument: %s\n", qPrintable(parser.positionalArguments().constFirst()));
        return 2;
    }

    mm::FleetConfig fleet;
    mm::SimulatorServerConfig server;
    int port = 0;
    double duration = 0;
    qint64 seed = 1;
    bool ok = parseNumber(parser, portOption, &port, 0, 65535)
              && parseNumber(parser, usersOption, &fleet.totalUsers, 0, 1000000)
              && parseNumber(parser, meetingsOption, &fleet.meetings, 1, 100000)
              && parseNumber(parser, rateOption, &fleet.samplesPerSecond, 0.001, 1000.0)
              && parseNumber(parser, seedOption, &seed, qint64(0), qint64(1) << 52)
              && parseNumber(parser, durationOption, &duration, 0.0, 1e9)
              && parseNumber(parser, pingIntervalOption, &server.pingIntervalMs, 1, 3600000)
              && parseNumber(parser, pingTimeoutOption, &server.pingTimeoutMs, 1, 3600000)
              && parseNumber(parser, tickOption, &server.tickMs, 1, 1000);
    if (!ok)
        return 2;
    fleet.seed = quint64(seed);
    fleet.incidents = !parser.isSet(noIncidentsOption);
    fleet.meetingChurn = !parser.isSet(noChurnOption);
    server.port = quint16(port);
    server.token = parser.value(tokenOption);
    server.nspace = parser.value(namespaceOption);
    server.path = parser.value(pathOption);

    if (!installSignalHandlers()) {
        std::fprintf(stderr, "cannot install signal handlers\n");
        return 1;
    }
    mm::SimulatorServer simulator(fleet, server);
    QString error;
    if (!simulator.listen(&error)) {
        std::fprintf(stderr, "cannot listen: %s\n", qPrintable(error));
        return 1;
    }
    if (server.token.isEmpty())
        std::fprintf(stderr, "no --token given: every client is accepted\n");
    std::printf("listening %s\n", qPrintable(simulator.url().toString()));
    std::fflush(stdout);

    QSocketNotifier notifier(g_signalFds[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&notifier]() {
        notifier.setEnabled(false);
        QCoreApplication::quit();
    });
    if (duration > 0) {
        QTimer::singleShot(qint64(duration * 1000.0), &app, [&simulator, &app] {
            // Count as sent only what could reach the clients: stop producing,
            // let the sockets drain (at most 5 s), then close.
            simulator.stopSending();
            auto *drain = new QTimer(&app);
            auto *waited = new QElapsedTimer;
            waited->start();
            QObject::connect(drain, &QTimer::timeout, &app, [&simulator, drain, waited] {
                if (simulator.bytesPending() == 0 || waited->elapsed() > 5000) {
                    drain->stop();
                    delete waited;
                    QCoreApplication::quit();
                }
            });
            drain->start(20);
        });
    }

    const int status = app.exec();
    simulator.close();
    std::printf("sent samples=%llu alerts=%llu\n", static_cast<unsigned long long>(simulator.samplesSent()),
                static_cast<unsigned long long>(simulator.alertsSent()));
    std::fflush(stdout);
    return status;
}
