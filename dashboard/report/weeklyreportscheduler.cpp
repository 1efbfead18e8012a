#include "weeklyreportscheduler.h"

#include "history/historydatabase.h"
#include "report/weeklyreportbuilder.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QThread>

namespace mm {

namespace {

constexpr qint64 kRetryAfterFailureMs = 3'600'000;

} // namespace

WeeklyReportScheduler::WeeklyReportScheduler(Config config, const Clock &clock,
                                             WeeklyReportPdfRenderer pdfRenderer, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(clock)
    , m_pdfRenderer(std::move(pdfRenderer))
{
    m_timer.setInterval(qMax(1000, m_config.checkIntervalMs));
    connect(&m_timer, &QTimer::timeout, this, &WeeklyReportScheduler::check);
}

WeeklyReportScheduler::~WeeklyReportScheduler()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

void WeeklyReportScheduler::start()
{
    m_timer.start();
    check();
}

void WeeklyReportScheduler::stop()
{
    m_timer.stop();
}

IsoWeek WeeklyReportScheduler::dueWeek(qint64 nowMs, const QTimeZone &zone, qint64 delayMs)
{
    // The week that holds (now - delay) is still running; the one before it
    // is the latest whose end + delay has passed. (A DST change at midnight
    // moves the end by an hour at most, never the week.)
    const QDate date = QDateTime::fromMSecsSinceEpoch(nowMs - delayMs, zone).date();
    return IsoWeek::containing(date).previous();
}

QStringList WeeklyReportScheduler::missingFiles(const IsoWeek &week) const
{
    QStringList missing;
    QList<ReportFormat> formats{ReportFormat::Csv};
    if (m_pdfRenderer)
        formats.prepend(ReportFormat::Pdf);
    for (const ReportFormat format : formats) {
        const QString path = QDir(m_config.directory).filePath(WeeklyReportWriter::fileName(week, format));
        if (!QFileInfo::exists(path))
            missing << path;
    }
    return missing;
}

bool WeeklyReportScheduler::check()
{
    if (m_thread)
        return false;
    const qint64 now = m_clock.nowMs();
    const IsoWeek week = dueWeek(now, m_config.zone, m_config.delayMs);
    if (m_failedWeek && *m_failedWeek == week && now < m_retryAfterMs)
        return false;
    const QStringList missing = missingFiles(week);
    if (missing.isEmpty())
        return false;
    if (!QDir().mkpath(m_config.directory)) {
        m_failedWeek = week;
        m_retryAfterMs = now + kRetryAfterFailureMs;
        emit reportFailed(week.toString(),
                          QStringLiteral("cannot create the directory %1").arg(m_config.directory));
        return false;
    }
    m_building = week;
    m_buildingFiles = missing;
    m_cancel = false;
    m_result.reset();
    m_buildError.clear();
    const Config config = m_config;
    m_thread = QThread::create([this, config, week, now] {
        HistoryDatabase db;
        if (!db.open(config.dbPath, HistoryDatabase::Mode::ReadOnly)) {
            m_buildError = db.errorString();
            return;
        }
        WeeklyReportBuilder builder(db);
        builder.setCancelFlag(&m_cancel);
        m_result = builder.build(week, config.zone, now, config.gateway);
        if (!m_result)
            m_buildError = builder.cancelled() ? QStringLiteral("cancelled") : builder.errorString();
    });
    m_thread->setObjectName(QStringLiteral("weekly-report"));
    connect(m_thread, &QThread::finished, this, &WeeklyReportScheduler::onBuildFinished,
            Qt::QueuedConnection);
    m_thread->start(QThread::LowPriority);
    return true;
}

void WeeklyReportScheduler::onBuildFinished()
{
    if (!m_thread)
        return;
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    const QString week = m_building.toString();
    QString error = m_buildError;
    QStringList written;
    if (m_result) {
        for (const QString &path : std::as_const(m_buildingFiles)) {
            const ReportFormat format =
                path.endsWith(QStringLiteral(".pdf")) ? ReportFormat::Pdf : ReportFormat::Csv;
            QString problem;
            if (WeeklyReportWriter::save(*m_result, format, path, m_pdfRenderer, &m_cancel, &problem))
                written << path;
            else if (error.isEmpty())
                error = problem;
        }
    }
    m_result.reset();
    if (!error.isEmpty()) {
        m_failedWeek = m_building;
        m_retryAfterMs = m_clock.nowMs() + kRetryAfterFailureMs;
        emit reportFailed(week, error);
        return;
    }
    m_failedWeek.reset();
    emit reportWritten(week, written);
}

} // namespace mm
