#pragma once

#include "core/clock.h"
#include "report/weeklyreport.h"
#include "report/weeklyreportwriter.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <QTimer>
#include <atomic>
#include <optional>

class QThread;

namespace mm {

// The recorder's --weekly-report-dir: every Monday shortly after local
// midnight, last week's report is written there as PDF and CSV
// (meeting-quality-2026-W47.pdf / .csv). Time comes from the injected
// clock, checked every minute, so a missed Monday (the recorder was down)
// is caught up at the next check: whenever the last completed week's files
// are missing. Each file is written once: existing files are left alone,
// and a week is attempted at most once an hour after a failure.
//
// The report is computed on a thread of its own (its own read-only
// connection to the history); the PDF is drawn in this object's thread
// (the GUI thread) by the injected renderer. Without a renderer only the
// CSV is written.
class WeeklyReportScheduler final : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        QString dbPath;
        QString directory;
        QString gateway; // for the report's header
        QTimeZone zone = QTimeZone::systemTimeZone();
        qint64 delayMs = 5 * 60'000; // after local midnight; lets the last minute commit
        int checkIntervalMs = 60'000;
    };

    WeeklyReportScheduler(Config config, const Clock &clock, WeeklyReportPdfRenderer pdfRenderer,
                          QObject *parent = nullptr);
    ~WeeklyReportScheduler() override; // cancels and joins a build in progress

    // Checks at once (the catch-up), then every checkIntervalMs.
    void start();
    void stop();

    // The latest week whose end (plus delayMs) has passed at nowMs.
    static IsoWeek dueWeek(qint64 nowMs, const QTimeZone &zone, qint64 delayMs);
    // The files of a week that are not there yet.
    QStringList missingFiles(const IsoWeek &week) const;

    // Starts writing the due week if its files are missing and nothing is
    // in progress; true when it started.
    bool check();
    bool isBusy() const { return m_thread != nullptr; }

signals:
    void reportWritten(const QString &week, const QStringList &paths);
    void reportFailed(const QString &week, const QString &error);

private:
    void onBuildFinished();

    Config m_config;
    const Clock &m_clock;
    WeeklyReportPdfRenderer m_pdfRenderer;
    QTimer m_timer;
    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancel{false};
    IsoWeek m_building;
    QStringList m_buildingFiles;
    // Results of the build thread, read after it finished.
    std::optional<WeeklyReport> m_result;
    QString m_buildError;
    // The last failed week and when it may be tried again.
    std::optional<IsoWeek> m_failedWeek;
    qint64 m_retryAfterMs = 0;
};

} // namespace mm
