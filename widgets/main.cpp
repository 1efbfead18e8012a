// Meeting Monitor: the desktop application, or a headless command
// (`record`, `export`) that needs no display.
#include "app/headlesscommands.h"
#include "alertcoordinator.h"
#include "alerts/alertservice.h"
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
#include "simulatecommand.h"
#include "model/meetingtreemodel.h"
#include "net/gatewayurlpolicy.h"
#include "settings/appsettings.h"
#include "timewindowbar.h"
#include "weeklyreportpdf.h"
#include "windowscreenshot.h"

#include <QApplication>
#include <QCoreApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QPalette>
#include <QPixmap>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QTranslator>
#include <QTreeView>
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
    // The language chosen in the settings, else the system's; numbers and
    // dates follow it too.
    const QString language = mm::AppSettings().value(mm::settingkeys::Language);
    if (!language.isEmpty()) {
        const QLocale chosen(language);
        if (chosen.language() != QLocale::C)
            QLocale::setDefault(chosen);
    }
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

// A dark palette on the Fusion style, for checking that everything stays
// legible (hidden option --palette dark; the desktop's own dark theme is
// what people normally get).
void applyDarkPalette()
{
    QApplication::setStyle(QStringLiteral("Fusion"));
    QPalette palette;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x80, 0x80, 0x80);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
    palette.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3f, 0x44));
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    palette.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff));
    palette.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xc4));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4e));
    palette.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x42));
    palette.setColor(QPalette::Mid, QColor(0x24, 0x26, 0x29));
    palette.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    palette.setColor(QPalette::Shadow, Qt::black);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabledText);
    QApplication::setPalette(palette);
}

// The start-up time of --print-stats (startup_ms): from the process's start
// (its exec, see mm::msSinceProcessStart) to the first paint of any widget
// of `window`, then one more turn of the event loop (a 0 ms timer): the
// window is drawn and the GUI thread is free to take input. Watches the
// application's events only until that first paint.
class FirstPaintProbe final : public QObject
{
public:
    explicit FirstPaintProbe(const QWidget *window)
        : m_window(window)
    {
        QCoreApplication::instance()->installEventFilter(this);
    }
    std::optional<double> startupMs() const { return m_startupMs; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (!m_painted && event->type() == QEvent::Paint && watched->isWidgetType()
            && static_cast<QWidget *>(watched)->window() == m_window) {
            m_painted = true;
            QCoreApplication::instance()->removeEventFilter(this);
            QTimer::singleShot(0, this, [this] { m_startupMs = mm::msSinceProcessStart(); });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QWidget *m_window;
    bool m_painted = false;
    std::optional<double> m_startupMs;
};

} // namespace

int main(int argc, char **argv)
{
    // Headless commands run before any QApplication: no display needed.
    if (mm::isHeadlessCommand(argc, argv)) {
        // Except the weekly report's PDF (`report`, `record
        // --weekly-report-dir`), whose charts are Qt Charts widgets: those
        // get a QApplication on the offscreen platform, so they still need
        // no display (unless QT_QPA_PLATFORM says otherwise).
        std::unique_ptr<QApplication> drawing;
        std::unique_ptr<QCoreApplication> plain;
        if (mm::headlessCommandDraws(argc, argv)) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            drawing = std::make_unique<QApplication>(argc, argv);
        } else {
            plain = std::make_unique<QCoreApplication>(argc, argv);
        }
        // The window's names, so the window's settings (its language) apply.
        QCoreApplication::setOrganizationName(QStringLiteral("MeetingMonitor"));
        QCoreApplication::setApplicationName(QStringLiteral("meeting-monitor"));
        // Before the commands parse their arguments: --help and the errors
        // are translated too (settings' language, else LANGUAGE/LC_ALL/LANG).
        installTranslators(*QCoreApplication::instance());
        return mm::runHeadlessCommand(argc, argv, &mm::WeeklyReportPdf::render,
                                      &mm::runSimulateCommand);
    }

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
    const QCommandLineOption caFileOption = mm::caFileCommandLineOption();
    const QCommandLineOption allowUnencryptedOption = mm::allowUnencryptedCommandLineOption();
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        Main::tr("Connect with the saved connection profile NAME (Edit › Settings)."),
        Main::tr("NAME"));
    QCommandLineOption paletteOption(QStringLiteral("palette"),
                                     Main::tr("Use the light or dark palette."),
                                     Main::tr("light|dark"));
    // For checking legibility; people get their desktop's palette.
    paletteOption.setFlags(QCommandLineOption::HiddenFromHelp);
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
        Main::tr("Seconds to wait before taking the screenshot (then up to 30 more while "
                 "the chart's history is still being read)."),
        Main::tr("SECONDS"),
        QStringLiteral("5"));
    const QCommandLineOption printStatsOption(
        QStringLiteral("print-stats"),
        Main::tr("On exit, print the counters of this run (received, rejected by reason, GUI "
                 "lag, CPU, memory) as one JSON line starting with \"stats \"."));
    const QCommandLineOption statsEveryOption(
        QStringLiteral("stats-every"),
        Main::tr("Also print the --print-stats line every SECONDS while running, with the GUI "
                 "lag since the previous line (for soak and burst harnesses)."),
        Main::tr("SECONDS"));
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
    parser.addOptions({caFileOption, allowUnencryptedOption, profileOption, paletteOption});
    parser.addOptions({demoOption, gatewayOption, namespaceOption, pathOption, tokenFileOption,
                       screenshotOption, screenshotAfterOption, printStatsOption,
                       statsEveryOption, quitAfterOption, dbOption, selectOption, windowOption});

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
    if (int(parser.isSet(demoOption)) + int(parser.isSet(gatewayOption))
            + int(parser.isSet(profileOption))
        > 1) {
        printError(Main::tr("Use only one of --demo, --gateway and --profile."));
        return UsageError;
    }
    if (parser.isSet(paletteOption)) {
        const QString palette = parser.value(paletteOption);
        if (palette == QLatin1String("dark")) {
            applyDarkPalette();
        } else if (palette != QLatin1String("light")) {
            printError(Main::tr("--palette takes light or dark."));
            return UsageError;
        }
    }
    bool secondsOk = false;
    const double screenshotAfter = parser.value(screenshotAfterOption).toDouble(&secondsOk);
    if (!secondsOk || screenshotAfter < 0 || screenshotAfter > 3600) {
        printError(Main::tr("--screenshot-after takes a number of seconds from 0 to 3600."));
        return UsageError;
    }

    double quitAfter = -1;
    double statsEvery = -1;
    if (parser.isSet(statsEveryOption)) {
        statsEvery = parser.value(statsEveryOption).toDouble(&secondsOk);
        if (!secondsOk || statsEvery < 0.1 || statsEvery > 3600) {
            printError(Main::tr("--stats-every takes a number of seconds from 0.1 to 3600."));
            return UsageError;
        }
    }

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
        // The same rule as `record`: ws:// only to this computer unless allowed.
        const mm::GatewayUrlCheck check
            = mm::checkGatewayUrl(url, parser.isSet(allowUnencryptedOption));
        if (!check) {
            printError(QStringLiteral("--gateway: ") + check.error);
            return UsageError;
        }
        if (parser.isSet(caFileOption)) {
            const QString problem = mm::checkCaFile(parser.value(caFileOption));
            if (!problem.isEmpty()) {
                printError(QStringLiteral("--ca-file: ") + problem);
                return UsageError;
            }
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
        config->caFile = parser.value(caFileOption);
        config->allowUnencrypted = parser.isSet(allowUnencryptedOption);
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
    mm::AppSettings appSettings;
    QString historyPath = parser.value(dbOption);
    if (historyPath.isEmpty())
        historyPath = QSettings().value(QStringLiteral("history/database")).toString();
    std::unique_ptr<mm::HistoryWriterThread> historyWriter;
    if (historyPath.isEmpty()) {
        // The settings' History location, else the data folder.
        const QString recordInto = appSettings.historyPath();
        const QString dir = QFileInfo(recordInto).absolutePath();
        if (!dir.isEmpty() && QDir().mkpath(dir)) {
            historyPath = recordInto;
            historyWriter = std::make_unique<mm::HistoryWriterThread>(historyPath);
            mm::HistoryRetention retention;
            retention.rawMs = qint64(appSettings.value(mm::settingkeys::RawRetentionHours))
                * 3600 * 1000;
            retention.rollupMs = qint64(appSettings.value(mm::settingkeys::RollupRetentionDays))
                * 24 * 3600 * 1000;
            historyWriter->writer()->setRetention(retention);
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
    // Profiles and preferences; unusable profiles are reported (here and in
    // the window) and the others stay available.
    window.setAppSettings(&appSettings);
    for (const QString &problem : window.profileProblems())
        printError(problem);
    window.detailArea()->setWindow(*chartWindow);
    if (!selectMeeting.isEmpty())
        window.selectTarget(selectMeeting, selectUser);
    // The GUI thread's responsiveness, measured from the start; the first
    // two seconds (window creation, first layout) are left out.
    mm::EventLoopLagProbe lagProbe;
    lagProbe.start();
    QTimer::singleShot(2000, &lagProbe, &mm::EventLoopLagProbe::reset);
    FirstPaintProbe firstPaint(&window);
    // What the alert engine announced, for the stats line (duplicates
    // across reconnections are what the soak harness looks for).
    mm::IncidentTally incidentTally;
    QObject::connect(window.alerts()->service(), &mm::AlertService::incidentsChanged, &window,
                     [&incidentTally](const mm::IncidentChanges &changes) {
                         incidentTally.add(changes);
                     });
    const auto currentStats = [&window, &lagProbe, &incidentTally, &firstPaint] {
        mm::RunStats stats;
        stats.startupMs = firstPaint.startupMs();
        // The set-up a benchmark asks for: the tree expanded, a chart showing.
        const QAbstractItemModel *rows = window.treeView()->model();
        int expanded = 0;
        for (int row = 0; row < rows->rowCount(); ++row)
            expanded += window.treeView()->isExpanded(rows->index(row, 0)) ? 1 : 0;
        stats.meetingsExpanded = expanded;
        const mm::DetailArea *detail = window.detailArea();
        if (const QWidget *view = detail->currentView())
            stats.chartView = QString::fromLatin1(view->metaObject()->className());
        stats.chartMeeting = detail->meetingId();
        stats.chartUser = detail->userId();
        stats.chartLiveRepaints = detail->liveRepaints();
        stats.ingest = window.ingestStats();
        stats.guiLag = lagProbe.summary();
        stats.meetings = window.model()->meetingCount();
        stats.users = window.model()->userCount();
        stats.incidents = incidentTally;
        return stats;
    };
    // --stats-every: the same line while running, with the lag of each period.
    mm::EventLoopLagProbe intervalProbe;
    QTimer statsTimer;
    if (statsEvery > 0) {
        intervalProbe.start();
        statsTimer.setInterval(qRound(statsEvery * 1000));
        QObject::connect(&statsTimer, &QTimer::timeout, &window,
                         [&currentStats, &intervalProbe] {
                             mm::RunStats stats = currentStats();
                             stats.guiLagInterval = intervalProbe.summary();
                             intervalProbe.reset();
                             std::printf("stats %s\n", mm::formatRunStats(stats).constData());
                             std::fflush(stdout);
                         });
        statsTimer.start();
    }
    if (quitAfter >= 0)
        QTimer::singleShot(qRound(quitAfter * 1000), &window, [] { QCoreApplication::exit(0); });
    const bool screenshot = parser.isSet(screenshotOption);
    // A screenshot shows the default layout, not this user's saved one.
    if (!screenshot)
        window.restoreSettings();
    window.show();
    if (config) {
        window.connectToGateway(*config);
    } else if (parser.isSet(profileOption) || (!screenshot && !parser.isSet(dbOption))) {
        // --profile NAME, else the profile used last time.
        const QString wanted = parser.isSet(profileOption)
            ? parser.value(profileOption)
            : appSettings.value(mm::settingkeys::LastProfile);
        bool found = false;
        for (const mm::ConnectionProfile &profile : window.profiles()) {
            if (!wanted.isEmpty() && profile.name == wanted) {
                window.connectToProfile(profile);
                found = true;
                break;
            }
        }
        if (!found && parser.isSet(profileOption)) {
            printError(Main::tr("No usable connection profile is called \"%1\".").arg(wanted));
            return UsageError;
        }
    }

    // After the delay, and once a pending history read has been drawn.
    const QString screenshotFile = QFileInfo(parser.value(screenshotOption)).absoluteFilePath();
    mm::WindowScreenshot screenshotTaker(window, screenshotFile);
    if (screenshot) {
        QObject::connect(&screenshotTaker, &mm::WindowScreenshot::taken, &window,
                         [file = screenshotFile](bool saved, bool settled) {
                             if (!saved) {
                                 printError(Main::tr("Cannot save the screenshot to %1.").arg(file));
                                 QCoreApplication::exit(1);
                                 return;
                             }
                             if (!settled)
                                 printError(Main::tr("The history was still being read when the "
                                                     "screenshot was taken."));
                             std::printf("%s\n", qUtf8Printable(file));
                             std::fflush(stdout);
                             QCoreApplication::exit(0);
                         });
        screenshotTaker.start(qRound(screenshotAfter * 1000));
    }
    const int exitCode = QApplication::exec();
    if (parser.isSet(printStatsOption)) {
        // Stored: what the history writer committed, after its final flush
        // (stop() flushes, closes and joins). Read before the ingest
        // counters, so it never includes a sample they leave out.
        std::optional<qint64> stored;
        if (historyWriter) {
            historyWriter->stop();
            stored = historyWriter->writer()->rowsCommitted();
        }
        mm::RunStats stats = currentStats();
        stats.samplesStored = stored;
        if (statsEvery > 0)
            stats.guiLagInterval = intervalProbe.summary();
        std::printf("stats %s\n", mm::formatRunStats(stats).constData());
        std::fflush(stdout);
    }
    return exitCode;
}
