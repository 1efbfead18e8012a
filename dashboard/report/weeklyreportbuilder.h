#pragma once

#include "report/weeklyreport.h"

#include <QString>
#include <QTimeZone>
#include <atomic>
#include <functional>
#include <optional>
#include <vector>

namespace mm {

class HistoryDatabase;

// Computes a WeeklyReport from a history's rollups and incidents: one
// ordered scan of the rollups of the week and the week before, grouped by
// (participant, local day), then merged up into days, meetings, users and
// the week. Percentiles come from the merged latency histograms (within
// 4 %); means count known values only.
//
// Thread-agnostic: use it in the thread that opened the database (the
// window runs it on a worker thread). The progress callback is called in
// that thread with a fraction from 0 to 1; the cancel flag is polled every
// few thousand rows, and a cancelled build returns nullopt with
// cancelled() true.
class WeeklyReportBuilder final
{
public:
    using ProgressCallback = std::function<void(double fraction)>;

    explicit WeeklyReportBuilder(HistoryDatabase &db);

    void setProgressCallback(ProgressCallback callback) { m_progress = std::move(callback); }
    void setCancelFlag(const std::atomic<bool> *cancel) { m_cancel = cancel; }

    // nullopt on a database error (errorString()) or cancellation.
    std::optional<WeeklyReport> build(const IsoWeek &week, const QTimeZone &zone,
                                      qint64 generatedMs, const QString &gateway = QString());

    QString errorString() const { return m_error; }
    bool cancelled() const { return m_cancelled; }

    // The 8 local midnights that bound the week's 7 days in `zone`, as ms
    // since the epoch (a DST day is 23 or 25 hours long).
    static std::vector<qint64> dayBounds(const IsoWeek &week, const QTimeZone &zone);

private:
    bool isCancelled();

    HistoryDatabase &m_db;
    ProgressCallback m_progress;
    const std::atomic<bool> *m_cancel = nullptr;
    QString m_error;
    bool m_cancelled = false;
};

} // namespace mm
