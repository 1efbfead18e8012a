#pragma once

#include "alerts/alertrules.h"
#include "alerts/incident.h"
#include "core/clock.h"
#include "history/historywriter.h"
#include "ingest/ingeststats.h"
#include "net/socketioclient.h"
#include "report/weeklyreportwriter.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <memory>

class QIODevice;

namespace mm {

class AlertEngine;
class HistoryWriterThread;
class IngestThread;
class WeeklyReportScheduler;

struct RecorderConfig
{
    SocketIoConfig socket;
    QString dbPath;
    HistoryRetention retention; // raw 24 h, rollups 90 days by default
    int statsLogIntervalMs = 10'000;
    AlertRules rules; // the plan's by default; --rules FILE
    int alertEvaluateIntervalMs = 1000;
    // --weekly-report-dir: last week's report there every Monday (empty: off).
    QString weeklyReportDir;
    WeeklyReportPdfRenderer pdfRenderer; // without one, the CSV only
    // --log-commits: one log line per committed transaction, so that a
    // harness that kills the recorder knows what it had acknowledged
    // (bench/crash_bench.cpp). Off by default: one line a second is noise.
    bool logCommits = false;
};

// `meeting-monitor record`: the desktop app's ingest path without a window.
// Samples go from the ingest thread straight to the history writer thread
// (queued). The main thread runs the alert engine on the same samples and
// the gateway's alerts, and hands every incident change to the writer,
// which upserts it in its next transaction. Log lines go to `log` (stderr):
// state changes, and every statsLogIntervalMs a counters line. The token is
// never logged.
class Recorder final : public QObject
{
    Q_OBJECT
public:
    // Process exit codes, stable for scripts and tests.
    enum ExitCode : int {
        ExitOk = 0,       // stopped by SIGTERM/SIGINT (or stop()) after a flush
        ExitRuntime = 1,  // the history cannot be opened
        ExitUsage = 2,    // bad options, unreadable token file
        ExitRefused = 3,  // the gateway refused the connection (bad token)
    };

    Recorder(RecorderConfig config, const Clock &clock, QIODevice &log, QObject *parent = nullptr);
    ~Recorder() override;

    // Opens the history and starts connecting. False (after logging why)
    // when the history cannot be opened.
    bool start();
    // Stops ingest, commits everything received, closes the history, logs
    // the final counters, then emits finished(exitCode) (queued).
    void stop(int exitCode);

    // SIGTERM/SIGINT (from the self-pipe): log it and stop(ExitOk).
    void onTerminationSignal(int signal);

    qint64 rowsCommitted() const { return m_rowsCommitted; }
    // Incidents the engine opened (or fired at once) during this run.
    quint64 incidentsOpened() const { return m_incidentsOpened; }

signals:
    void finished(int exitCode);

private:
    void onConnectionStateChanged(mm::ConnectionState state);
    void onConnectError(const QString &message);
    void onStatsChanged(const mm::IngestStats &stats);
    void onCommitted(qint64 rowsTotal, qint64 newestReceivedMs);
    void onWriteFailed(const QString &message);
    void onRetentionApplied(qint64 rawBlocksDeleted, qint64 rollupRowsDeleted);
    void onSamplesArrived(mm::SampleBatchPtr batch);
    void onAlertsArrived(mm::GatewayAlertBatchPtr batch);
    void onAlertTimer();
    // Sends the changes' snapshots to the writer thread (queued).
    void record(const IncidentChanges &changes);
    void logCounters();
    void log(const QString &line);

    RecorderConfig m_config;
    const Clock &m_clock;
    QIODevice &m_log;
    std::unique_ptr<HistoryWriterThread> m_writer;
    std::unique_ptr<IngestThread> m_ingest;
    QTimer m_statsTimer;
    QTimer m_alertTimer;
    std::unique_ptr<AlertEngine> m_alerts;
    std::unique_ptr<WeeklyReportScheduler> m_reports;
    quint64 m_incidentsOpened = 0;
    quint64 m_incidentsFired = 0;
    quint64 m_lastIncidentId = 0;
    IngestStats m_stats;
    qint64 m_rowsCommitted = 0;
    quint64 m_writeFailures = 0;
    bool m_stopping = false;
};

// Makes text from the network safe to print on a terminal: control
// characters (escape sequences) become \xNN, and it is cut at maxLength.
QString terminalSafe(QStringView text, qsizetype maxLength = 1024);

// `meeting-monitor record [options]`: `arguments` are the options after the
// word "record". Runs until SIGTERM/SIGINT or a refusal; returns the exit
// code (Recorder::ExitCode). Needs a QCoreApplication.
// `pdfRenderer` draws --weekly-report-dir's PDFs (see RecorderConfig).
int runRecordCommand(const QStringList &arguments, QIODevice &out, QIODevice &err,
                     const WeeklyReportPdfRenderer &pdfRenderer = {});

} // namespace mm
