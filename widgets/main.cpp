// Meeting Monitor: the desktop application, or a headless command
// (`record`, `export`) that needs no display.
#include "app/headlesscommands.h"
#include "app/runstats.h"
#include "core/clock.h"
#include "core/eventlooplagprobe.h"
#include "core/sample.h"
#include "demogateway.h"
#include "detailarea.h"
#include "fleetsimulator.h"
#include "history/historyreader.h"
#include "history/historywriter.h"
#include "mainwindow.h"
#include "model/meetingtreemodel.h"
#include "timewindowbar.h"

#include <QApplication>
#include <QCoreApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QPixmap>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QTranslator>
#include <QUrl>
#include <cstdio>
#include <memory>
#include <optional>

namespace {

constexpr qint64 MaxTokenFileBytes = 64 * 1024;
constexpr int UsageError = 2;

// The translation context of main.cpp's strings (lupdate finds Main::tr).
class Main final
{
    Q_DECLARE_TR_FUNCTIONS(Main)
};

void printError(const QString &message)
{
    std::fprintf(stderr, "meeting-monitor: %s\n", qUtf8Printable(message));
}

// The admin token: from --token-file, else MEETING_MONITOR_TOKEN. Never
// logged or shown.
std::optional<QString> readToken(const QString &tokenFile, QString *error)
{
    if (tokenFile.isEmpty())
        return qEnvironmentVariable("MEETING_MONITOR_TOKEN");
    QFile file(tokenFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Main::tr("Cannot read the token file %1: %2").arg(tokenFile, file.errorString());
        return std::nullopt;
    }
    if (file.size() > MaxTokenFileBytes) {
        *error = Main::tr("The token file %1 is too large to hold a token.").arg(tokenFile);
        return std::nullopt;
    }
    return QString::fromUtf8(file.readAll()).trimmed();
}

bool onlyAsksForInformation(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "-?" || arg == "--help-all"
            || arg == "--version" || arg == "-v")
            return true;
    }
    return false;
}

void installTranslators(QCoreApplication &app)
{
    // Parented to the application, so they live exactly as long as it.
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto *appTranslator = new QTranslator(&app);
    if (appTranslator->load(QLocale(), QStringLiteral("meeting-monitor"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(appTranslator);
}

} // namespace

int main(int argc, char **argv)
{
    // Headless commands run before any QApplication: no display needed.
    if (mm::isHeadlessCommand(argc, argv))
        return mm::runHeadlessCommand(argc, argv);

    // --help and --version answer without a display; everything else needs
    // the widgets application.
    std::unique_ptr<QCoreApplication> app;
    if (onlyAsksForInformation(argc, argv))
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("MeetingMonitor"));
    QCoreApplication::setApplicationName(QStringLiteral("meeting-monitor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MM_VERSION));
    installTranslators(*app);
    mm::registerSampleMetaTypes();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        Main::tr("Live connection quality of the meetings on a P2P meeting platform.\n\n"
                 "Without a window: meeting-monitor record --help, meeting-monitor export --help"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
        QStringLiteral("demo"), Main::tr("Start the built-in simulated gateway and watch it."));
    const QCommandLineOption gatewayOption(
        QStringLiteral("gateway"), Main::tr("Connect to the gateway at URL (ws:// or wss://)."),
        Main::tr("URL"));
    const QCommandLineOption namespaceOption(
        QStringLiteral("namespace"), Main::tr("Socket.IO namespace of the metrics."),
        Main::tr("NS"), QStringLiteral("/meeting-metrics"));
    const QCommandLineOption pathOption(QStringLiteral("path"),
                                        Main::tr("Socket.IO path on the gateway."),
                                        Main::tr("PATH"), QStringLiteral("/socket.io/"));
    const QCommandLineOption tokenFileOption(
        QStringLiteral("token-file"),
        Main::tr("Read the admin token from FILE (default: the MEETING_MONITOR_TOKEN "
                  "environment variable)."),
        Main::tr("FILE"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        Main::tr("Save a picture of the main window to FILE.png, print its path and quit."),
        Main::tr("FILE.png"));
    const QCommandLineOption screenshotAfterOption(
        QStringLiteral("screenshot-after"),
        Main::tr("Seconds to wait before taking the screenshot."), Main::tr("SECONDS"),
        QStringLiteral("5"));
    const QCommandLineOption printStatsOption(
        QStringLiteral("print-stats"),
        Main::tr("On exit, print the counters of this run (received, rejected by reason, GUI "
                 "lag, CPU, memory) as one JSON line starting with \"stats \"."));
    const QCommandLineOption quitAfterOption(
        QStringLiteral("quit-after"), Main::tr("Quit after SECONDS (for benchmarks and checks)."),
        Main::tr("SECONDS"));
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        Main::tr("Read the history from FILE (e.g. one a recorder is writing) and record "
                 "nothing. Without it the application records into its own history."),
        Main::tr("FILE"));
    const QCommandLineOption selectOption(
        QStringLiteral("select"),
        Main::tr("Show the charts of MEETING, or of one of its users with MEETING/USER (from "
                 "the history if it is not live)."),
        Main::tr("MEETING[/USER]"));
    const QCommandLineOption windowOption(
        QStringLiteral("window"), Main::tr("The charts' time window: live, 1h, 24h or 7d."),
        Main::tr("WINDOW"), QStringLiteral("live"));
    parser.addOptions({demoOption, gatewayOption, namespaceOption, pathOption, tokenFileOption,
                       screenshotOption, screenshotAfterOption, printStatsOption,
                       quitAfterOption, dbOption, selectOption, windowOption});

    if (!parser.parse(QCoreApplication::arguments())) {
        printError(parser.errorText());
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!qobject_cast<QApplication *>(app.get())) {
        // An option value that looked like --help; parse() found no help.
        printError(Main::tr("Unexpected arguments."));
        return UsageError;
    }
    QGuiApplication::setApplicationDisplayName(Main::tr("Meeting Monitor"));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.meetingmonitor.MeetingMonitor"));
    if (!parser.positionalArguments().isEmpty()) {
        printError(Main::tr("Unexpected argument: %1").arg(parser.positionalArguments().first()));
        return UsageError;
    }
    if (parser.isSet(demoOption) && parser.isSet(gatewayOption)) {
        printError(Main::tr("Use either --demo or --gateway, not both."));
        return UsageError;
    }
    bool secondsOk = false;
    const double screenshotAfter = parser.value(screenshotAfterOption).toDouble(&secondsOk);
    if (!secondsOk || screenshotAfter < 0 || screenshotAfter > 3600) {
        printError(Main::tr("--screenshot-after takes a number of seconds from 0 to 3600."));
        return UsageError;
    }

    double quitAfter = -1;
    if (parser.isSet(quitAfterOption)) {
        quitAfter = parser.value(quitAfterOption).toDouble(&secondsOk);
        if (!secondsOk || quitAfter < 0 || quitAfter > 7 * 24 * 3600) {
            printError(Main::tr("--quit-after takes a number of seconds from 0 to 604800."));
            return UsageError;
        }
    }

    const std::optional<mm::TimeWindowKind> chartWindow
        = mm::TimeWindowBar::kindFromName(parser.value(windowOption));
    if (!chartWindow) {
        printError(Main::tr("--window takes live, 1h, 24h or 7d."));
        return UsageError;
    }
    QString selectMeeting;
    QString selectUser;
    if (parser.isSet(selectOption)) {
        // MEETING or MEETING/USER: the first slash separates them.
        const QString target = parser.value(selectOption);
        const qsizetype slash = target.indexOf(QLatin1Char('/'));
        selectMeeting = slash < 0 ? target : target.left(slash);
        selectUser = slash < 0 ? QString() : target.mid(slash + 1);
        if (selectMeeting.isEmpty() || (slash >= 0 && selectUser.isEmpty())) {
            printError(Main::tr("--select takes MEETING or MEETING/USER."));
            return UsageError;
        }
    }

    std::optional<mm::SocketIoConfig> config;
    if (parser.isSet(gatewayOption)) {
        const QUrl url(parser.value(gatewayOption), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss"))) {
            printError(Main::tr("The gateway URL must look like ws://host:port or "
                                 "wss://host:port."));
            return UsageError;
        }
        QString error;
        const std::optional<QString> token = readToken(parser.value(tokenFileOption), &error);
        if (!token) {
            printError(error);
            return UsageError;
        }
        config.emplace();
        config->gatewayUrl = url;
        config->nspace = parser.value(namespaceOption);
        config->path = parser.value(pathOption);
        config->token = *token;
    }

    // The demo gateway outlives the window, whose ingest connects to it.
    std::unique_ptr<mm::DemoGateway> demo;
    if (parser.isSet(demoOption)) {
        demo = std::make_unique<mm::DemoGateway>(mm::FleetConfig{});
        QString error;
        if (!demo->start(&error)) {
            printError(Main::tr("Cannot start the demo gateway: %1").arg(error));
            return 1;
        }
        config.emplace();
        config->gatewayUrl = demo->url();
        config->nspace = demo->nspace();
        config->path = demo->path();
        config->token = demo->token();
    }

    // History: --db (or the history/database setting) names a database to
    // read and never write, since a recorder may be writing it; otherwise
    // this application records into its own and reads it back. Both outlive
    // the window, which only holds pointers to them.
    QString historyPath = parser.value(dbOption);
    if (historyPath.isEmpty())
        historyPath = QSettings().value(QStringLiteral("history/database")).toString();
    std::unique_ptr<mm::HistoryWriterThread> historyWriter;
    if (historyPath.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        if (!dir.isEmpty() && QDir().mkpath(dir)) {
            historyPath = QDir(dir).filePath(QStringLiteral("history.sqlite"));
            historyWriter = std::make_unique<mm::HistoryWriterThread>(historyPath);
            QString error;
            if (!historyWriter->start(&error)) {
                // Live charts still work; only recording and long windows do not.
                printError(Main::tr("Cannot record the history into %1: %2")
                               .arg(historyPath, error));
                historyWriter.reset();
            }
        }
    } else {
        historyPath = QFileInfo(historyPath).absoluteFilePath();
    }
    std::unique_ptr<mm::HistoryReader> historyReader;
    if (!historyPath.isEmpty())
        historyReader = std::make_unique<mm::HistoryReader>(historyPath);

    const mm::SystemClock clock;
    mm::MainWindow window(clock);
    window.setHistory(historyReader.get(), historyWriter ? historyWriter->writer() : nullptr);
    window.detailArea()->setWindow(*chartWindow);
    if (!selectMeeting.isEmpty())
        window.selectTarget(selectMeeting, selectUser);
    // The GUI thread's responsiveness, measured from the start; the first
    // two seconds (window creation, first layout) are left out.
    mm::EventLoopLagProbe lagProbe;
    lagProbe.start();
    QTimer::singleShot(2000, &lagProbe, &mm::EventLoopLagProbe::reset);
    if (quitAfter >= 0)
        QTimer::singleShot(qRound(quitAfter * 1000), &window, [] { QCoreApplication::exit(0); });
    const bool screenshot = parser.isSet(screenshotOption);
    // A screenshot shows the default layout, not this user's saved one.
    if (!screenshot)
        window.restoreSettings();
    window.show();
    if (config)
        window.connectToGateway(*config);

    if (screenshot) {
        const QString file = QFileInfo(parser.value(screenshotOption)).absoluteFilePath();
        QTimer::singleShot(qRound(screenshotAfter * 1000), &window, [&window, file] {
            const QPixmap picture = window.grab();
            if (picture.isNull() || !picture.save(file, "PNG")) {
                printError(Main::tr("Cannot save the screenshot to %1.").arg(file));
                QCoreApplication::exit(1);
                return;
            }
            std::printf("%s\n", qUtf8Printable(file));
            std::fflush(stdout);
            QCoreApplication::exit(0);
        });
    }
    const int exitCode = QApplication::exec();
    if (parser.isSet(printStatsOption)) {
        mm::RunStats stats;
        stats.ingest = window.ingestStats();
        stats.guiLag = lagProbe.summary();
        stats.meetings = window.model()->meetingCount();
        stats.users = window.model()->userCount();
        std::printf("stats %s\n", mm::formatRunStats(stats).constData());
        std::fflush(stdout);
    }
    return exitCode;
}
