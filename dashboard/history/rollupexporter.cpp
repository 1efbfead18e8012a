#include "rollupexporter.h"

#include "csvwriter.h"
#include "historydatabase.h"
#include "historyusers.h"
#include "rolluptable.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <vector>

namespace mm {

namespace {

// The export command's context: its errors reach the user.
class ExportText final
{
    Q_DECLARE_TR_FUNCTIONS(mm::ExportCommand)
};

constexpr qint64 kHourMs = 3'600'000;

qint64 ceilMinute(qint64 ms)
{
    return rolluptable::minuteOf(ms + MinuteRollup::kMinuteMs - 1);
}

} // namespace

RollupExporter::RollupExporter(HistoryDatabase &db)
    : m_db(db)
{
}

QByteArray RollupExporter::csvHeader()
{
    return QByteArrayLiteral(
        "time,meeting_id,user_id,samples,upload_kbps_mean,upload_kbps_max,download_kbps_mean,"
        "download_kbps_max,latency_ms_mean,latency_ms_max,latency_ms_p95,packet_loss_pct_mean,"
        "packet_loss_pct_max,jitter_ms_mean,seconds_excellent,seconds_good,seconds_fair,"
        "seconds_poor,seconds_unknown");
}

bool RollupExporter::writeCsv(const ExportFilter &filter, RollupResolution resolution,
                              QIODevice &device)
{
    m_outcome = {};

    // The users the filter allows, with their names (latest known).
    const auto loaded =
        loadHistoryUsers(m_db.database(), filter.meetingId, filter.userId, &m_outcome.error);
    if (!loaded)
        return false;
    const QHash<qint64, HistoryUser> &users = *loaded;

    std::optional<qint64> fromMinute;
    std::optional<qint64> toMinute;
    if (filter.fromMs)
        fromMinute = ceilMinute(*filter.fromMs);
    if (filter.toMs)
        toMinute = ceilMinute(*filter.toMs);
    ExportProgressMeter meter(m_control, m_db, QStringLiteral("rollups"), fromMinute, toMinute);

    CsvWriter csv(device);
    for (const QByteArray &name : csvHeader().split(','))
        csv.addRaw(name);
    csv.endRow();

    QString sql = QStringLiteral("SELECT minute, user_key, ") + rolluptable::valueColumns()
        + QStringLiteral(" FROM rollups WHERE 1");
    if (filter.fromMs)
        sql += QStringLiteral(" AND minute >= :from");
    if (filter.toMs)
        sql += QStringLiteral(" AND minute < :to");
    sql += exportUserKeyClause(filter, users) + QStringLiteral(" ORDER BY minute");
    QSqlQuery query(m_db.database());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return m_outcome.fail(query.lastError().text());
    if (filter.fromMs)
        query.bindValue(QStringLiteral(":from"), ceilMinute(*filter.fromMs));
    if (filter.toMs)
        query.bindValue(QStringLiteral(":to"), ceilMinute(*filter.toMs));
    if (!query.exec())
        return m_outcome.fail(query.lastError().text());

    const qint64 periodMs = resolution == RollupResolution::Hour ? kHourMs : MinuteRollup::kMinuteMs;
    auto periodOf = [periodMs](qint64 minute) {
        const qint64 ms = rolluptable::minuteStartMs(minute);
        qint64 start = (ms / periodMs) * periodMs;
        if (start > ms)
            start -= periodMs;
        return start;
    };

    QHash<qint64, MinuteRollup> period; // user key -> the period's rollup so far
    GroupedCsvExport grouped(csv, device, meter, m_outcome);
    auto writePeriod = [&](qint64 startMs) -> bool {
        struct Row
        {
            const HistoryUser *user;
            const MinuteRollup *rollup;
        };
        std::vector<Row> rows;
        rows.reserve(size_t(period.size()));
        for (auto it = period.cbegin(); it != period.cend(); ++it)
            rows.push_back({&*users.constFind(it.key()), &it.value()});
        std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
            if (const int c = a.user->meetingId.compare(b.user->meetingId); c != 0)
                return c < 0;
            return a.user->userId < b.user->userId;
        });
        const QByteArray time =
            QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC).toString(Qt::ISODate).toLatin1();
        auto number = [&](const std::optional<double> &value) {
            if (value)
                csv.addNumber(*value);
            else
                csv.addEmpty();
        };
        for (const Row &row : rows) {
            const MinuteRollup &r = *row.rollup;
            csv.addRaw(time);
            csv.addText(row.user->meetingId);
            csv.addText(row.user->userId);
            csv.addRaw(QByteArray::number(r.sampleCount()));
            for (const RollupMetric metric :
                 {RollupMetric::Upload, RollupMetric::Download, RollupMetric::Latency}) {
                number(r.metric(metric).mean());
                number(r.metric(metric).max());
            }
            number(r.latencyHistogram().percentile(95));
            number(r.metric(RollupMetric::PacketLoss).mean());
            number(r.metric(RollupMetric::PacketLoss).max());
            number(r.metric(RollupMetric::Jitter).mean());
            for (const Quality level : {Quality::Excellent, Quality::Good, Quality::Fair,
                                        Quality::Poor, Quality::Unknown})
                csv.addRaw(QByteArray::number(r.secondsIn(level)));
            if (!grouped.endRow())
                return false;
        }
        period.clear();
        return true;
    };

    auto take = [&](qint64 minute) -> bool {
        const qint64 key = query.value(1).toLongLong();
        if (!users.contains(key))
            return true;
        const auto rollup = rolluptable::read(query, 2, minute);
        if (!rollup) {
            return m_outcome.fail(
                ExportText::tr("corrupt rollup (minute %1, user key %2)")
                    .arg(QDateTime::fromMSecsSinceEpoch(rolluptable::minuteStartMs(minute), Qt::UTC)
                             .toString(Qt::ISODate))
                    .arg(key));
        }
        period[key].merge(*rollup);
        return true;
    };
    return grouped.run(query, periodOf, take, writePeriod);
}

} // namespace mm
