#include "historyreader.h"

#include "core/quality.h"
#include "historydatabase.h"
#include "historywriter.h"
#include "rawblock.h"
#include "rolluptable.h"

#include <QDateTime>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <cmath>
#include <limits>

namespace mm {

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr qint64 kRawRangeLimitMs = 6LL * 3600 * 1000;
// Bounds the arrays a request can ask for (a year at one minute, six hours
// at one second): a wild range is an error, not an allocation of gigabytes.
constexpr qint64 kMaxSteps = 600'000;

double valueOr(const Metric &value)
{
    return value ? *value : NaN;
}

double optionalOr(const std::optional<double> &value)
{
    return value ? *value : NaN;
}

// Minute keys from the first to the last minute a range [from, to) touches,
// generated in SQL so that per-user reads are point look-ups on the
// (minute, user_key) key.
const char *const MinuteRange =
    "WITH RECURSIVE span(m) AS (SELECT :first UNION ALL SELECT m + 1 FROM span WHERE m < :last) ";

} // namespace

// Runs the queries in the reader's thread, on its own read-only connection
// (opened at the first request, so a reader made before the recorder
// creates the file still works once it exists).
class HistoryQueryWorker final : public QObject
{
    Q_OBJECT
public:
    explicit HistoryQueryWorker(QString path)
        : m_path(std::move(path))
    {
    }

    void queryUser(quint64 id, const QString &meetingId, const QString &userId, qint64 fromMs,
                   qint64 toMs);
    void queryMeeting(quint64 id, const QString &meetingId, qint64 fromMs, qint64 toMs);
    void queryFleet(quint64 id, qint64 fromMs, qint64 toMs);

signals:
    void userSeriesReady(quint64 requestId, const mm::UserSeries &series);
    void meetingSeriesReady(quint64 requestId, const mm::MeetingSeries &series);
    void fleetSeriesReady(quint64 requestId, const mm::FleetSeries &series);
    void requestFailed(quint64 requestId, const QString &error);

private:
    struct UserRow
    {
        qint64 key = 0;
        QString userId;
        QString username;
    };

    bool ensureOpen(QString *error);
    bool checkRange(qint64 fromMs, qint64 toMs, qint64 stepMs, QString *error) const;
    bool useRaw(qint64 fromMs, qint64 toMs) const;
    // Decoded raw points of a user in [from, to), in time order.
    bool rawPoints(qint64 userKey, qint64 fromMs, qint64 toMs, std::vector<RawPoint> *points,
                   QString *error);
    // A user's rollups over the minutes touching [from, to), in time order.
    bool rollups(qint64 userKey, qint64 fromMs, qint64 toMs,
                 std::vector<std::pair<qint64, MinuteRollup>> *rows, QString *error);

    QString m_path;
    std::unique_ptr<HistoryDatabase> m_db;
};

bool HistoryQueryWorker::ensureOpen(QString *error)
{
    if (m_db && m_db->isOpen())
        return true;
    m_db = HistoryDatabase::opened(m_path, HistoryDatabase::Mode::ReadOnly, error);
    return m_db != nullptr;
}

bool HistoryQueryWorker::checkRange(qint64 fromMs, qint64 toMs, qint64 stepMs, QString *error) const
{
    if (toMs <= fromMs) {
        *error = QStringLiteral("empty time range");
        return false;
    }
    if ((toMs - fromMs) / stepMs > kMaxSteps) {
        *error = QStringLiteral("time range too long for one chart");
        return false;
    }
    return true;
}

bool HistoryQueryWorker::useRaw(qint64 fromMs, qint64 toMs) const
{
    if (toMs - fromMs > kRawRangeLimitMs)
        return false;
    // The retention the recorder works with; an unknown one (a history
    // written by import alone) is taken as the default.
    const qint64 keep = m_db->metaInteger(QStringLiteral("raw_retention_ms"))
                            .value_or(HistoryRetention::DefaultRawMs);
    return keep == 0 || fromMs >= QDateTime::currentMSecsSinceEpoch() - keep;
}

bool HistoryQueryWorker::rawPoints(qint64 userKey, qint64 fromMs, qint64 toMs,
                                   std::vector<RawPoint> *points, QString *error)
{
    QSqlQuery query(m_db->database());
    query.setForwardOnly(true);
    query.prepare(QString::fromLatin1(MinuteRange)
                  + QStringLiteral("SELECT b.minute, b.data FROM span JOIN raw_blocks b"
                                   " ON b.minute = span.m AND b.user_key = :key"));
    query.bindValue(QStringLiteral(":first"), rolluptable::minuteOf(fromMs));
    query.bindValue(QStringLiteral(":last"), rolluptable::minuteOf(toMs - 1));
    query.bindValue(QStringLiteral(":key"), userKey);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    while (query.next()) {
        const qint64 minute = query.value(0).toLongLong();
        const auto decoded =
            decodeRawBlock(query.value(1).toByteArray(), rolluptable::minuteStartMs(minute));
        if (!decoded)
            continue; // a corrupt block is a gap, not a failed chart
        for (const RawPoint &point : *decoded) {
            if (point.timeMs >= fromMs && point.timeMs < toMs)
                points->push_back(point);
        }
    }
    std::stable_sort(points->begin(), points->end(),
                     [](const RawPoint &a, const RawPoint &b) { return a.timeMs < b.timeMs; });
    return true;
}

bool HistoryQueryWorker::rollups(qint64 userKey, qint64 fromMs, qint64 toMs,
                                 std::vector<std::pair<qint64, MinuteRollup>> *rows, QString *error)
{
    QSqlQuery query(m_db->database());
    query.setForwardOnly(true);
    query.prepare(QString::fromLatin1(MinuteRange) + QStringLiteral("SELECT r.minute, ")
                  + rolluptable::valueColumns(QStringLiteral("r."))
                  + QStringLiteral(" FROM span JOIN rollups r ON r.minute = span.m AND r.user_key = :key"));
    query.bindValue(QStringLiteral(":first"), rolluptable::minuteOf(fromMs));
    query.bindValue(QStringLiteral(":last"), rolluptable::minuteOf(toMs - 1));
    query.bindValue(QStringLiteral(":key"), userKey);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    while (query.next()) {
        const qint64 minute = query.value(0).toLongLong();
        if (auto rollup = rolluptable::read(query, 1, minute))
            rows->emplace_back(rolluptable::minuteStartMs(minute), std::move(*rollup));
    }
    std::sort(rows->begin(), rows->end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    return true;
}

void HistoryQueryWorker::queryUser(quint64 id, const QString &meetingId, const QString &userId,
                                   qint64 fromMs, qint64 toMs)
{
    QString error;
    if (!checkRange(fromMs, toMs, MinuteRollup::kMinuteMs, &error) || !ensureOpen(&error)) {
        emit requestFailed(id, error);
        return;
    }
    UserSeries series;
    series.meetingId = meetingId;
    series.userId = userId;
    series.fromMs = fromMs;
    series.toMs = toMs;
    series.fromRollups = !useRaw(fromMs, toMs);
    series.stepMs = series.fromRollups ? int(MinuteRollup::kMinuteMs) : 1000;

    QSqlQuery user(m_db->database());
    user.prepare(QStringLiteral("SELECT user_key, coalesce(username, '') FROM users"
                                " WHERE meeting_id = ? AND user_id = ?"));
    user.addBindValue(meetingId);
    user.addBindValue(userId);
    if (!user.exec()) {
        emit requestFailed(id, user.lastError().text());
        return;
    }
    if (!user.next()) {
        emit userSeriesReady(id, series); // never seen: an empty series, not an error
        return;
    }
    const qint64 key = user.value(0).toLongLong();
    series.username = user.value(1).toString();
    user.finish();

    if (!series.fromRollups) {
        std::vector<RawPoint> points;
        if (!rawPoints(key, fromMs, toMs, &points, &error)) {
            emit requestFailed(id, error);
            return;
        }
        series.timeMs.reserve(points.size());
        for (auto &values : series.value)
            values.reserve(points.size());
        for (const RawPoint &point : points) {
            series.timeMs.push_back(point.timeMs);
            for (int m = 0; m < SeriesMetricCount; ++m)
                series.value[size_t(m)].push_back(valueOr(point.value[size_t(m)]));
            series.quality.push_back(point.quality);
        }
    } else {
        std::vector<std::pair<qint64, MinuteRollup>> rows;
        if (!rollups(key, fromMs, toMs, &rows, &error)) {
            emit requestFailed(id, error);
            return;
        }
        for (const auto &[start, rollup] : rows) {
            series.timeMs.push_back(start);
            for (int m = 0; m < SeriesMetricCount; ++m) {
                // SeriesMetric and RollupMetric share their order.
                const MinuteRollup::Summary &summary = rollup.metric(RollupMetric(m));
                series.value[size_t(m)].push_back(optionalOr(summary.mean()));
                series.min[size_t(m)].push_back(optionalOr(summary.min()));
                series.max[size_t(m)].push_back(optionalOr(summary.max()));
            }
            series.quality.push_back(rollup.dominantLevel());
        }
    }
    emit userSeriesReady(id, series);
}

void HistoryQueryWorker::queryMeeting(quint64 id, const QString &meetingId, qint64 fromMs,
                                      qint64 toMs)
{
    QString error;
    if (!checkRange(fromMs, toMs, 1000, &error) || !ensureOpen(&error)) {
        emit requestFailed(id, error);
        return;
    }
    MeetingSeries series;
    series.meetingId = meetingId;
    series.fromMs = fromMs;
    series.toMs = toMs;
    series.fromRollups = !useRaw(fromMs, toMs);
    const qint64 step = series.fromRollups ? MinuteRollup::kMinuteMs : 1000;
    series.stepMs = int(step);

    // One time base for everyone: steps from the one holding `from`.
    qint64 start = (fromMs / step) * step;
    if (start > fromMs)
        start -= step;
    const size_t steps = size_t((toMs - start + step - 1) / step);
    series.timeMs.resize(steps);
    for (size_t i = 0; i < steps; ++i)
        series.timeMs[i] = start + qint64(i) * step;
    std::vector<double> scoreSum(steps, 0.0);
    std::vector<double> knownSeconds(steps, 0.0);
    series.participantCount.assign(steps, 0);

    QSqlQuery meeting(m_db->database());
    meeting.prepare(QStringLiteral("SELECT coalesce(name, '') FROM meetings WHERE meeting_id = ?"));
    meeting.addBindValue(meetingId);
    if (meeting.exec() && meeting.next())
        series.meetingName = meeting.value(0).toString();
    meeting.finish();

    std::vector<UserRow> users;
    {
        QSqlQuery query(m_db->database());
        query.prepare(QStringLiteral("SELECT user_key, user_id, coalesce(username, '') FROM users"
                                     " WHERE meeting_id = ? ORDER BY user_id"));
        query.addBindValue(meetingId);
        if (!query.exec()) {
            emit requestFailed(id, query.lastError().text());
            return;
        }
        while (query.next())
            users.push_back({query.value(0).toLongLong(), query.value(1).toString(),
                             query.value(2).toString()});
    }

    auto indexOf = [&](qint64 t) -> std::optional<size_t> {
        if (t < start || t >= toMs)
            return std::nullopt;
        const auto i = size_t((t - start) / step);
        return i < steps ? std::optional<size_t>(i) : std::nullopt;
    };
    for (const UserRow &user : users) {
        MeetingSeries::Participant participant;
        participant.userId = user.userId;
        participant.username = user.username;
        participant.latencyMs.assign(steps, NaN);
        participant.bandwidthKbps.assign(steps, NaN);
        std::vector<char> present(steps, 0);
        bool any = false;
        if (!series.fromRollups) {
            std::vector<RawPoint> points;
            if (!rawPoints(user.key, fromMs, toMs, &points, &error)) {
                emit requestFailed(id, error);
                return;
            }
            for (const RawPoint &point : points) {
                const auto i = indexOf(point.timeMs);
                if (!i)
                    continue;
                any = true;
                present[*i] = 1;
                participant.latencyMs[*i] = valueOr(point.value[size_t(SeriesMetric::Latency)]);
                const Metric &up = point.value[size_t(SeriesMetric::Upload)];
                const Metric &down = point.value[size_t(SeriesMetric::Download)];
                participant.bandwidthKbps[*i] = up && down ? *up + *down : NaN;
                if (const auto score = qualityScore(point.quality)) {
                    scoreSum[*i] += *score;
                    knownSeconds[*i] += 1;
                }
            }
        } else {
            std::vector<std::pair<qint64, MinuteRollup>> rows;
            if (!rollups(user.key, fromMs, toMs, &rows, &error)) {
                emit requestFailed(id, error);
                return;
            }
            for (const auto &[minuteStart, rollup] : rows) {
                const auto i = indexOf(std::max(minuteStart, start));
                if (!i)
                    continue;
                any = true;
                present[*i] = 1;
                participant.latencyMs[*i] = optionalOr(rollup.metric(RollupMetric::Latency).mean());
                const auto up = rollup.metric(RollupMetric::Upload).mean();
                const auto down = rollup.metric(RollupMetric::Download).mean();
                participant.bandwidthKbps[*i] = up && down ? *up + *down : NaN;
                for (const Quality level :
                     {Quality::Excellent, Quality::Good, Quality::Fair, Quality::Poor}) {
                    const qint64 seconds = rollup.secondsIn(level);
                    scoreSum[*i] += double(*qualityScore(level)) * double(seconds);
                    knownSeconds[*i] += double(seconds);
                }
            }
        }
        if (!any)
            continue; // in the meeting, but not in this range
        for (size_t i = 0; i < steps; ++i)
            series.participantCount[i] += present[i];
        series.participants.push_back(std::move(participant));
    }
    series.score.resize(steps);
    for (size_t i = 0; i < steps; ++i)
        series.score[i] = knownSeconds[i] > 0 ? scoreSum[i] / knownSeconds[i] : NaN;
    emit meetingSeriesReady(id, series);
}

void HistoryQueryWorker::queryFleet(quint64 id, qint64 fromMs, qint64 toMs)
{
    QString error;
    if (!checkRange(fromMs, toMs, MinuteRollup::kMinuteMs, &error) || !ensureOpen(&error)) {
        emit requestFailed(id, error);
        return;
    }
    // Always from the rollups: their minute is the finest step at which a
    // share of users means something, and the open minute is there too.
    FleetSeries series;
    series.fromMs = fromMs;
    series.toMs = toMs;
    series.stepMs = int(MinuteRollup::kMinuteMs);
    const qint64 firstMinute = rolluptable::minuteOf(fromMs);
    const qint64 lastMinute = rolluptable::minuteOf(toMs - 1);
    const auto steps = size_t(lastMinute - firstMinute + 1);
    series.timeMs.resize(steps);
    for (size_t i = 0; i < steps; ++i)
        series.timeMs[i] = rolluptable::minuteStartMs(firstMinute + qint64(i));
    series.meetings.assign(steps, 0);
    series.users.assign(steps, 0);
    std::array<std::vector<double>, ShareLevels.size()> seconds;
    for (auto &s : seconds)
        s.assign(steps, 0.0);

    QHash<qint64, int> meetingOfUser; // user key -> meeting index
    {
        QSqlQuery query(m_db->database());
        query.setForwardOnly(true);
        if (!query.exec(QStringLiteral("SELECT user_key, meeting_id FROM users"))) {
            emit requestFailed(id, query.lastError().text());
            return;
        }
        QHash<QString, int> meetingIndex;
        while (query.next()) {
            const QString meeting = query.value(1).toString();
            auto it = meetingIndex.constFind(meeting);
            if (it == meetingIndex.cend())
                it = meetingIndex.insert(meeting, int(meetingIndex.size()));
            meetingOfUser.insert(query.value(0).toLongLong(), *it);
        }
    }

    // Users and seconds per level are summed by SQLite: one row per minute
    // instead of one QVariant per value of every user-minute (about half a
    // million rows for a 24-hour fleet of 1,000). The rollups_fleet index,
    // where the recorder created it, covers both queries; without it the
    // primary key's minute order serves them, only reading wider rows.
    {
        QSqlQuery sums(m_db->database());
        sums.setForwardOnly(true);
        sums.prepare(QStringLiteral("SELECT minute, count(*), sum(s_excellent), sum(s_good),"
                                    " sum(s_fair), sum(s_poor), sum(s_unknown) FROM rollups"
                                    " WHERE minute >= ? AND minute <= ? GROUP BY minute"));
        sums.addBindValue(firstMinute);
        sums.addBindValue(lastMinute);
        if (!sums.exec()) {
            emit requestFailed(id, sums.lastError().text());
            return;
        }
        while (sums.next()) {
            const auto i = size_t(sums.value(0).toLongLong() - firstMinute);
            if (i >= steps)
                continue;
            series.users[i] = sums.value(1).toInt();
            for (size_t level = 0; level < ShareLevels.size(); ++level)
                seconds[level][i] = sums.value(int(level) + 2).toDouble();
        }
        if (sums.lastError().isValid()) {
            emit requestFailed(id, sums.lastError().text());
            return;
        }
    }
    // Meetings per minute: distinct meetings of the users seen that minute.
    QSqlQuery query(m_db->database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT minute, user_key FROM rollups"
                                 " WHERE minute >= ? AND minute <= ? ORDER BY minute"));
    query.addBindValue(firstMinute);
    query.addBindValue(lastMinute);
    if (!query.exec()) {
        emit requestFailed(id, query.lastError().text());
        return;
    }
    // Meeting index -> the minute it was last counted in: no set to clear.
    std::vector<qint64> countedIn;
    while (query.next()) {
        const qint64 minute = query.value(0).toLongLong();
        const auto i = size_t(minute - firstMinute);
        if (i >= steps)
            continue;
        const int meeting = meetingOfUser.value(query.value(1).toLongLong(), -1);
        const auto slot = size_t(meeting + 1); // -1: a user without a meeting row
        if (slot >= countedIn.size())
            countedIn.resize(slot + 1, std::numeric_limits<qint64>::min());
        if (countedIn[slot] != minute) {
            countedIn[slot] = minute;
            ++series.meetings[i];
        }
    }
    if (query.lastError().isValid()) {
        emit requestFailed(id, query.lastError().text());
        return;
    }
    for (auto &share : series.share)
        share.assign(steps, NaN);
    for (size_t i = 0; i < steps; ++i) {
        double total = 0;
        for (const auto &s : seconds)
            total += s[i];
        if (total <= 0)
            continue; // nobody: no share, not zero
        for (size_t level = 0; level < ShareLevels.size(); ++level)
            series.share[level][i] = seconds[level][i] / total;
    }
    emit fleetSeriesReady(id, series);
}

HistoryReader::HistoryReader(QString databasePath, QObject *parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
    , m_worker(new HistoryQueryWorker(m_path))
{
    qRegisterMetaType<mm::UserSeries>();
    qRegisterMetaType<mm::MeetingSeries>();
    qRegisterMetaType<mm::FleetSeries>();
    m_thread.setObjectName(QStringLiteral("history-reader"));
    m_worker->moveToThread(&m_thread);
    // The worker (and its connection) is deleted in its own thread.
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &HistoryQueryWorker::userSeriesReady, this, &HistoryReader::userSeriesReady);
    connect(m_worker, &HistoryQueryWorker::meetingSeriesReady, this,
            &HistoryReader::meetingSeriesReady);
    connect(m_worker, &HistoryQueryWorker::fleetSeriesReady, this, &HistoryReader::fleetSeriesReady);
    connect(m_worker, &HistoryQueryWorker::requestFailed, this, &HistoryReader::requestFailed);
    m_thread.start();
}

HistoryReader::~HistoryReader()
{
    m_thread.quit();
    m_thread.wait();
}

quint64 HistoryReader::requestUser(const QString &meetingId, const QString &userId, qint64 fromMs,
                                   qint64 toMs)
{
    const quint64 id = m_nextId++;
    HistoryQueryWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, id, meetingId, userId, fromMs, toMs] {
            worker->queryUser(id, meetingId, userId, fromMs, toMs);
        },
        Qt::QueuedConnection);
    return id;
}

quint64 HistoryReader::requestMeeting(const QString &meetingId, qint64 fromMs, qint64 toMs)
{
    const quint64 id = m_nextId++;
    HistoryQueryWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, id, meetingId, fromMs, toMs] { worker->queryMeeting(id, meetingId, fromMs, toMs); },
        Qt::QueuedConnection);
    return id;
}

quint64 HistoryReader::requestFleet(qint64 fromMs, qint64 toMs)
{
    const quint64 id = m_nextId++;
    HistoryQueryWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, id, fromMs, toMs] { worker->queryFleet(id, fromMs, toMs); },
        Qt::QueuedConnection);
    return id;
}

} // namespace mm

#include "historyreader.moc"
