#include "recorder.h"

#include "alerts/alertengine.h"
#include "history/historywriter.h"
#include "ingest/ingestthread.h"
#include "net/gatewayurlpolicy.h"
#include "report/weeklyreportscheduler.h"
#include "security/tokencommand.h"
#include "security/tokenstore.h"
#include "settings/connectionprofile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QSocketNotifier>
#include <QUrl>

#include <tuple>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace mm {

namespace {

// The translation context of the record command's help, errors and log
// lines (the counters line stays as it is: scripts read its key=value pairs).
class RecordText final
{
    Q_DECLARE_TR_FUNCTIONS(mm::RecordCommand)
};

const char *const Program = "meeting-monitor record";

// The write end of the self-pipe. A signal handler may only make
// async-signal-safe calls, so it writes one byte here and the event loop
// does the rest when the read end becomes readable.
volatile sig_atomic_t s_signalFd = -1;

extern "C" void onTerminationSignal(int signal)
{
    const int savedErrno = errno;
    const int fd = s_signalFd;
    if (fd >= 0) {
        const char byte = char(signal);
        [[maybe_unused]] const ssize_t written = ::write(fd, &byte, 1);
    }
    errno = savedErrno;
}

// SIGTERM and SIGINT, turned into a Qt signal for as long as it lives; the
// previous handlers come back afterwards.
class TerminationSignals final : public QObject
{
    Q_OBJECT
public:
    TerminationSignals()
    {
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, m_fds) != 0) {
            m_fds[0] = m_fds[1] = -1;
            return;
        }
        for (int fd : m_fds) {
            ::fcntl(fd, F_SETFD, FD_CLOEXEC);
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); // a flood of signals never blocks the handler
        }
        s_signalFd = m_fds[1];
        m_notifier = new QSocketNotifier(m_fds[0], QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &TerminationSignals::onReadable);
        struct sigaction action = {};
        action.sa_handler = onTerminationSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(SIGTERM, &action, &m_previousTerm);
        ::sigaction(SIGINT, &action, &m_previousInt);
        m_installed = true;
    }

    ~TerminationSignals() override
    {
        if (m_installed) {
            ::sigaction(SIGTERM, &m_previousTerm, nullptr);
            ::sigaction(SIGINT, &m_previousInt, nullptr);
        }
        s_signalFd = -1;
        delete m_notifier;
        for (int fd : m_fds)
            if (fd >= 0)
                ::close(fd);
    }

    bool isInstalled() const { return m_installed; }

signals:
    void received(int signal);

private:
    void onReadable()
    {
        char bytes[16];
        const ssize_t n = ::read(m_fds[0], bytes, sizeof bytes);
        if (n > 0)
            emit received(int(bytes[n - 1]));
    }

    int m_fds[2] = {-1, -1};
    QSocketNotifier *m_notifier = nullptr;
    struct sigaction m_previousTerm = {};
    struct sigaction m_previousInt = {};
    bool m_installed = false;
};

QString signalName(int signal)
{
    return signal == SIGTERM ? QStringLiteral("SIGTERM")
        : signal == SIGINT   ? QStringLiteral("SIGINT")
                             : QStringLiteral("signal %1").arg(signal);
}

void say(QIODevice &err, const QString &message)
{
    err.write(QByteArray(Program) + ": " + message.toUtf8() + '\n');
}

} // namespace

QString terminalSafe(QStringView text, qsizetype maxLength)
{
    QString safe;
    safe.reserve(qMin(text.size(), maxLength) + 8);
    for (QChar c : text.left(maxLength)) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u <= 0x9f))
            safe += QStringLiteral("\\x%1").arg(int(u), 2, 16, QLatin1Char('0'));
        else if (c.category() == QChar::Other_Format) // bidi overrides and the like
            safe += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
        else
            safe += c;
    }
    if (text.size() > maxLength)
        safe += QStringLiteral("...");
    return safe;
}

Recorder::Recorder(RecorderConfig config, const Clock &clock, QIODevice &log, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(clock)
    , m_log(log)
{
    m_statsTimer.setInterval(qMax(100, m_config.statsLogIntervalMs));
    connect(&m_statsTimer, &QTimer::timeout, this, &Recorder::logCounters);
    m_alertTimer.setInterval(qMax(100, m_config.alertEvaluateIntervalMs));
    connect(&m_alertTimer, &QTimer::timeout, this, &Recorder::onAlertTimer);
}

Recorder::~Recorder()
{
    // Normally stop() has run; make sure nothing outlives us half-way.
    if (m_ingest)
        m_ingest->stop();
    if (m_writer)
        m_writer->stop();
}

bool Recorder::start()
{
    m_writer = std::make_unique<HistoryWriterThread>(m_config.dbPath);
    // Before start(): the writer thread is not running yet.
    m_writer->writer()->setRetention(m_config.retention);
    QString error;
    if (!m_writer->start(&error)) {
        log(error);
        m_writer.reset();
        return false;
    }
    HistoryWriter *writer = m_writer->writer();
    connect(writer, &HistoryWriter::committed, this, &Recorder::onCommitted);
    connect(writer, &HistoryWriter::failed, this, &Recorder::onWriteFailed);
    connect(writer, &HistoryWriter::retentionApplied, this, &Recorder::onRetentionApplied);

    m_ingest = std::make_unique<IngestThread>(m_config.socket, m_clock);
    IngestWorker *worker = m_ingest->worker();
    // Worker (ingest thread) -> writer (history thread), directly: the main
    // thread never touches a sample.
    connect(worker, &IngestWorker::samplesArrived, writer, &HistoryWriter::writeBatch,
            Qt::QueuedConnection);
    connect(worker, &IngestWorker::connectionStateChanged, this,
            &Recorder::onConnectionStateChanged);
    connect(worker, &IngestWorker::connectError, this, &Recorder::onConnectError);
    connect(worker, &IngestWorker::statsChanged, this, &Recorder::onStatsChanged);
    // The engine lives here (main thread, queued from the ingest thread):
    // it is cheap, and the writer only ever sees its results.
    m_alerts = std::make_unique<AlertEngine>(m_clock, m_config.rules);
    connect(worker, &IngestWorker::samplesArrived, this, &Recorder::onSamplesArrived);
    connect(worker, &IngestWorker::alertsArrived, this, &Recorder::onAlertsArrived);

    const QUrl shown = m_config.socket.gatewayUrl.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    log(RecordText::tr("recording %1 (namespace %2, path %3) into %4; %5")
            .arg(terminalSafe(shown.toDisplayString()), terminalSafe(m_config.socket.nspace),
                 terminalSafe(m_config.socket.path), m_config.dbPath,
                 m_config.socket.token.isEmpty() ? RecordText::tr("no token")
                                                 : RecordText::tr("with a token")));
    m_ingest->start();
    m_statsTimer.start();
    m_alertTimer.start();
    if (!m_config.weeklyReportDir.isEmpty()) {
        WeeklyReportScheduler::Config reports;
        reports.dbPath = m_config.dbPath;
        reports.directory = m_config.weeklyReportDir;
        reports.gateway = shown.toDisplayString();
        m_reports = std::make_unique<WeeklyReportScheduler>(reports, m_clock, m_config.pdfRenderer);
        connect(m_reports.get(), &WeeklyReportScheduler::reportWritten, this,
                [this](const QString &week, const QStringList &paths) {
                    log(RecordText::tr("weekly report %1 written: %2")
                            .arg(week, paths.join(QStringLiteral(", "))));
                });
        connect(m_reports.get(), &WeeklyReportScheduler::reportFailed, this,
                [this](const QString &week, const QString &problem) {
                    log(RecordText::tr("weekly report %1 failed (retried in an hour): %2")
                            .arg(week, problem));
                });
        log(RecordText::tr("weekly reports into %1 (%2%3)")
                .arg(m_config.weeklyReportDir, QString::fromUtf8(reports.zone.id()),
                     m_config.pdfRenderer ? RecordText::tr(", PDF and CSV") : RecordText::tr(", CSV only")));
        m_reports->start();
    }
    return true;
}

void Recorder::stop(int exitCode)
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_statsTimer.stop();
    m_alertTimer.stop();
    m_reports.reset(); // cancels a report in progress; it is written after the restart
    // Order matters: the ingest stop flushes its last batch into the writer's
    // queue (and ours); the engine judges it and its changes are queued to
    // the writer; the writer's stop (queued behind both) commits everything,
    // then closes. Open incidents stay open in the history: the recorder
    // stopped, the trouble did not end.
    if (m_ingest)
        m_ingest->stop();
    // The final stats, samples and alerts are queued to us: take them now so
    // the engine and the last counters line are exact.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    if (m_alerts && m_writer)
        record(m_alerts->evaluate());
    if (m_writer)
        m_writer->stop();
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    if (m_writer)
        m_rowsCommitted = m_writer->writer()->rowsCommitted(); // thread joined: safe to read
    logCounters();
    log(RecordText::tr("stopped; %1 samples committed, %2 incidents recorded (%3 fired)")
            .arg(m_rowsCommitted)
            .arg(m_incidentsOpened)
            .arg(m_incidentsFired));
    QMetaObject::invokeMethod(
        this, [this, exitCode] { emit finished(exitCode); }, Qt::QueuedConnection);
}

void Recorder::onTerminationSignal(int signal)
{
    if (m_stopping)
        return;
    log(RecordText::tr("%1 received: committing and exiting").arg(signalName(signal)));
    stop(ExitOk);
}

void Recorder::onConnectionStateChanged(ConnectionState state)
{
    if (m_stopping)
        return;
    log(RecordText::tr("connection: %1").arg(connectionStateName(state)));
    if (m_alerts) {
        // The recorder always wants its connection: anything but connected
        // is what gateway-down is about (as in the window's AlertService).
        record(m_alerts->setGatewayExpected(true));
        record(m_alerts->setGatewayConnected(state == ConnectionState::Connected));
    }
    if (state == ConnectionState::Rejected) {
        // The client does not retry a refusal. If no CONNECT_ERROR message
        // follows (a server DISCONNECT right after the ack), end anyway.
        QTimer::singleShot(500, this, [this] {
            if (m_stopping)
                return;
            const QString reason = m_stats.lastError.isEmpty()
                ? RecordText::tr("disconnected by the server")
                : m_stats.lastError;
            say(m_log, RecordText::tr("the gateway refused the connection: %1")
                           .arg(terminalSafe(reason)));
            stop(ExitRefused);
        });
    }
}

void Recorder::onConnectError(const QString &message)
{
    if (m_stopping)
        return;
    say(m_log, RecordText::tr("the gateway refused the connection: %1").arg(terminalSafe(message)));
    stop(ExitRefused);
}

void Recorder::onSamplesArrived(SampleBatchPtr batch)
{
    if (batch && m_alerts)
        record(m_alerts->ingest(*batch));
}

void Recorder::onAlertsArrived(GatewayAlertBatchPtr batch)
{
    if (batch && m_alerts)
        record(m_alerts->ingestGatewayAlerts(*batch));
}

void Recorder::onAlertTimer()
{
    if (m_alerts && !m_stopping)
        record(m_alerts->evaluate());
}

void Recorder::record(const IncidentChanges &changes)
{
    if (changes.empty() || !m_writer)
        return;
    std::vector<Incident> snapshots;
    snapshots.reserve(changes.size());
    for (const IncidentChange &change : changes) {
        // Forgotten only means the engine let go of a closed incident; the
        // history keeps it as it was last written.
        if (change.event == IncidentEvent::Forgotten)
            continue;
        // Engine ids increase: a higher one is a new incident, whether it
        // opened pending or fired at once (gateway).
        if (change.incident.id > m_lastIncidentId) {
            m_lastIncidentId = change.incident.id;
            ++m_incidentsOpened;
        }
        if (change.event == IncidentEvent::Fired)
            ++m_incidentsFired;
        snapshots.push_back(change.incident);
    }
    if (snapshots.empty())
        return;
    HistoryWriter *writer = m_writer->writer();
    // A functor call: no metatype needed for the vector.
    QMetaObject::invokeMethod(
        writer, [writer, snapshots = std::move(snapshots)] { writer->writeIncidents(snapshots); },
        Qt::QueuedConnection);
}

void Recorder::onStatsChanged(const IngestStats &stats)
{
    m_stats = stats;
}

void Recorder::onCommitted(qint64 rowsTotal, qint64 newestReceivedMs)
{
    m_rowsCommitted = rowsTotal;
    // Logged after the commit returned, so a line seen is a promise kept
    // even if the process dies right after it. Key=value like the counters
    // line (not translated: scripts read it).
    if (m_config.logCommits)
        log(QStringLiteral("committed: rows-committed=%1 newest-sample-ms=%2")
                .arg(rowsTotal)
                .arg(newestReceivedMs));
}

void Recorder::onWriteFailed(const QString &message)
{
    ++m_writeFailures;
    log(RecordText::tr("history write failed (recording continues): %1").arg(message));
}

void Recorder::onRetentionApplied(qint64 rawBlocksDeleted, qint64 rollupRowsDeleted)
{
    log(RecordText::tr("retention: deleted %1 raw minute blocks and %2 rollup rows")
            .arg(rawBlocksDeleted)
            .arg(rollupRowsDeleted));
}

void Recorder::logCounters()
{
    const IngestStats &s = m_stats;
    QStringList rejects;
    for (size_t i = 0; i < s.rejects.byReason.size(); ++i)
        if (s.rejects.byReason[i] != 0)
            rejects << QStringLiteral("%1=%2").arg(rejectReasonName(RejectReason(i))).arg(s.rejects.byReason[i]);
    const ProtocolCounters &p = s.protocol;
    const quint64 drops = p.droppedBinary + p.droppedUnknownType + p.droppedOtherNamespace
        + p.droppedOversize + p.droppedMalformed;
    log(QStringLiteral("counters: received=%1 accepted=%2 shed=%16 alerts=%15 rejected=%3%4 invalid-fields=%5"
                       " protocol-drops=%6 (binary=%7 unknown-type=%8 other-namespace=%9"
                       " oversize=%10 malformed=%11) reconnects=%12 rows-committed=%13"
                       " write-failures=%14")
            .arg(s.eventsReceived)
            .arg(s.samplesAccepted)
            .arg(s.rejects.total())
            .arg(rejects.isEmpty() ? QString() : QStringLiteral(" (") + rejects.join(QLatin1Char(' ')) + QLatin1Char(')'))
            .arg(s.rejects.invalidFields)
            .arg(drops)
            .arg(p.droppedBinary)
            .arg(p.droppedUnknownType)
            .arg(p.droppedOtherNamespace)
            .arg(p.droppedOversize)
            .arg(p.droppedMalformed)
            .arg(p.reconnects)
            .arg(m_rowsCommitted)
            .arg(m_writeFailures)
            .arg(s.alertsAccepted)
            .arg(s.samplesShed));
}

void Recorder::log(const QString &line)
{
    const QString time = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), Qt::UTC)
                             .toString(Qt::ISODateWithMs);
    m_log.write(QByteArray(Program) + ": " + time.toLatin1() + ' ' + line.toUtf8() + '\n');
}

int runRecordCommand(const QStringList &arguments, QIODevice &out, QIODevice &err,
                     const WeeklyReportPdfRenderer &pdfRenderer)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(RecordText::tr(
        "Record every valid sample from a Meeting Monitor gateway into an SQLite history, "
        "without a window. SIGTERM or SIGINT commits what was received and exits 0. The token "
        "comes from --token-file, else the MEETING_MONITOR_TOKEN environment variable, else "
        "the system keychain ('meeting-monitor token set --gateway URL').\n"
        "Exit codes: 0 stopped by a signal, 1 history error, 2 usage error, "
        "3 the gateway refused the connection."));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        RecordText::tr("Show this help."));
    const QCommandLineOption gatewayOption(
        QStringLiteral("gateway"), RecordText::tr("Gateway URL (ws://, wss://, http:// or https://)."),
        RecordText::tr("URL"));
    const QCommandLineOption namespaceOption(QStringLiteral("namespace"),
                                             RecordText::tr("Socket.IO namespace."),
                                             RecordText::tr("NSP"),
                                             QStringLiteral("/meeting-metrics"));
    const QCommandLineOption pathOption(QStringLiteral("path"),
                                        RecordText::tr("Socket.IO server path."),
                                        RecordText::tr("PATH"), QStringLiteral("/socket.io/"));
    const QCommandLineOption tokenFileOption(
        QStringLiteral("token-file"),
        RecordText::tr("Read the admin token from FILE (a trailing newline is ignored)."),
        RecordText::tr("FILE"));
    const QCommandLineOption caFileOption = caFileCommandLineOption();
    const QCommandLineOption allowUnencryptedOption = allowUnencryptedCommandLineOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      RecordText::tr("History database to write (created if needed)."),
                                      RecordText::tr("FILE"));
    const QCommandLineOption rawRetentionOption(
        QStringLiteral("raw-retention"),
        RecordText::tr("Keep raw 1 Hz samples for HOURS (default 24; 0 keeps them forever)."),
        RecordText::tr("HOURS"), QStringLiteral("24"));
    const QCommandLineOption rollupRetentionOption(
        QStringLiteral("rollup-retention"),
        RecordText::tr("Keep per-minute rollups for DAYS (default 90; 0 keeps them forever)."),
        RecordText::tr("DAYS"), QStringLiteral("90"));
    const QCommandLineOption rulesOption(
        QStringLiteral("rules"),
        RecordText::tr("Alert rules as JSON (the settings form; rules it leaves out keep the "
                       "plan's defaults). Incidents are kept in the history."),
        RecordText::tr("FILE"));
    const QCommandLineOption weeklyReportDirOption(
        QStringLiteral("weekly-report-dir"),
        RecordText::tr("Every Monday shortly after midnight (local time), write last week's "
                       "quality report into DIR as meeting-quality-YYYY-Www.pdf and .csv; a week "
                       "missed while the recorder was down is written at start."),
        RecordText::tr("DIR"));
    const QCommandLineOption logCommitsOption(
        QStringLiteral("log-commits"),
        RecordText::tr("After every committed transaction, log 'committed: rows-committed=N "
                       "newest-sample-ms=T' (samples committed by this run, newest receive "
                       "time in ms since the epoch): for crash-test harnesses."));
    parser.addOptions({helpOption, gatewayOption, namespaceOption, pathOption, tokenFileOption,
                       caFileOption, allowUnencryptedOption, dbOption, rawRetentionOption,
                       rollupRetentionOption, rulesOption, weeklyReportDirOption,
                       logCommitsOption});

    if (!parser.parse(QStringList{QString::fromLatin1(Program)} + arguments)) {
        say(err, parser.errorText() + RecordText::tr(" (try --help)"));
        return Recorder::ExitUsage;
    }
    if (parser.isSet(helpOption)) {
        out.write(parser.helpText().toUtf8());
        return Recorder::ExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        say(err, RecordText::tr("unexpected argument '%1' (try --help)")
                     .arg(parser.positionalArguments().constFirst()));
        return Recorder::ExitUsage;
    }
    if (parser.value(gatewayOption).isEmpty()) {
        say(err, RecordText::tr("--gateway URL is required (try --help)"));
        return Recorder::ExitUsage;
    }
    if (parser.value(dbOption).isEmpty()) {
        say(err, RecordText::tr("--db FILE is required (try --help)"));
        return Recorder::ExitUsage;
    }

    RecorderConfig config;
    config.dbPath = parser.value(dbOption);
    config.logCommits = parser.isSet(logCommitsOption);
    if (parser.isSet(weeklyReportDirOption)) {
        config.weeklyReportDir = parser.value(weeklyReportDirOption);
        if (config.weeklyReportDir.isEmpty()) {
            say(err, RecordText::tr("--weekly-report-dir needs a directory"));
            return Recorder::ExitUsage;
        }
        config.pdfRenderer = pdfRenderer;
    }
    // Whole or fractional numbers, bounded so the milliseconds cannot overflow.
    for (const auto &[option, target, unitMs, maxUnits] :
         {std::tuple{&rawRetentionOption, &config.retention.rawMs, 3'600'000.0, 24.0 * 365 * 100},
          std::tuple{&rollupRetentionOption, &config.retention.rollupMs, 86'400'000.0, 365.0 * 100}}) {
        bool ok = false;
        const double value = parser.value(*option).toDouble(&ok);
        if (!ok || !(value >= 0) || value > maxUnits) {
            say(err, RecordText::tr("--%1: '%2' is not a number of %3 between 0 and %4")
                         .arg(option->names().constFirst(), terminalSafe(parser.value(*option)),
                              option->valueName().toLower())
                         .arg(maxUnits));
            return Recorder::ExitUsage;
        }
        *target = qint64(value * unitMs);
    }
    const QUrl url(parser.value(gatewayOption), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()
        || !(scheme == QStringLiteral("ws") || scheme == QStringLiteral("wss")
             || scheme == QStringLiteral("http") || scheme == QStringLiteral("https"))) {
        say(err, RecordText::tr("--gateway: '%1' is not a ws://, wss://, http:// or https:// URL")
                     .arg(terminalSafe(parser.value(gatewayOption))));
        return Recorder::ExitUsage;
    }
    config.socket.gatewayUrl = url;
    // The same rule as the window's: ws:// only to loopback unless allowed.
    config.socket.allowUnencrypted = parser.isSet(allowUnencryptedOption);
    const GatewayUrlCheck urlCheck = checkGatewayUrl(url, config.socket.allowUnencrypted);
    if (!urlCheck) {
        say(err, QStringLiteral("--gateway: %1").arg(urlCheck.error));
        return Recorder::ExitUsage;
    }
    if (urlCheck.unencryptedRemote)
        say(err, RecordText::tr("warning: --allow-unencrypted: the token and the data travel "
                                "unencrypted to %1").arg(url.host()));
    if (parser.isSet(caFileOption)) {
        config.socket.caFile = parser.value(caFileOption);
        if (const QString problem = checkCaFile(config.socket.caFile); !problem.isEmpty()) {
            say(err, QStringLiteral("--ca-file: %1").arg(problem));
            return Recorder::ExitUsage;
        }
    }
    config.socket.nspace = parser.value(namespaceOption);
    if (!config.socket.nspace.startsWith(QLatin1Char('/'))) {
        say(err, RecordText::tr("--namespace must start with '/'"));
        return Recorder::ExitUsage;
    }
    config.socket.path = parser.value(pathOption);
    if (!config.socket.path.startsWith(QLatin1Char('/'))) {
        say(err, RecordText::tr("--path must start with '/'"));
        return Recorder::ExitUsage;
    }
    if (parser.isSet(rulesOption)) {
        const QString rulesPath = parser.value(rulesOption);
        QFile file(rulesPath);
        // Rules are a few kilobytes; a huge file is a mistake, not rules.
        constexpr qint64 MaxRulesBytes = 1 << 20;
        if (!file.open(QIODevice::ReadOnly)) {
            say(err, RecordText::tr("--rules: cannot read %1: %2").arg(rulesPath, file.errorString()));
            return Recorder::ExitUsage;
        }
        const QByteArray json = file.read(MaxRulesBytes + 1);
        QString problem;
        const std::optional<AlertRules> rules = json.size() > MaxRulesBytes
            ? std::nullopt
            : AlertRules::fromJson(json, &problem);
        if (!rules) {
            say(err, QStringLiteral("--rules: %1: %2")
                         .arg(rulesPath, problem.isEmpty() ? RecordText::tr("file too large")
                                                           : terminalSafe(problem)));
            return Recorder::ExitUsage;
        }
        config.rules = *rules;
    }

    // --token-file, else MEETING_MONITOR_TOKEN, else the keychain (at most 5 s).
    KeychainTokenStore tokenStore;
    QString tokenSource;
    if (!resolveRecorderToken(parser.value(tokenFileOption), url, tokenStore, config.socket.token,
                              tokenSource)) {
        say(err, tokenSource);
        return parser.isSet(tokenFileOption) ? Recorder::ExitUsage : Recorder::ExitRuntime;
    }
    say(err, tokenSource); // where it came from, never what it is

    SystemClock clock;
    Recorder recorder(std::move(config), clock, err);
    TerminationSignals terminationSignals;
    if (!terminationSignals.isInstalled())
        say(err, RecordText::tr("warning: cannot watch SIGTERM/SIGINT; they will end the recorder "
                                "without a final commit"));
    QEventLoop loop;
    QObject::connect(&terminationSignals, &TerminationSignals::received, &recorder,
                     &Recorder::onTerminationSignal);
    QObject::connect(&recorder, &Recorder::finished, &loop, &QEventLoop::exit);
    if (!recorder.start())
        return Recorder::ExitRuntime;
    return loop.exec();
}

} // namespace mm

#include "recorder.moc"
