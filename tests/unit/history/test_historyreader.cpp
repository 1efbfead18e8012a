// HistoryReader: raw and rollup series (values, gaps, score, participant
// count, shares), off the calling thread, and a reader that never writes.
#include "history/historydatabase.h"
#include "history/historyreader.h"
#include "history/historywriter.h"
#include "historytestutil.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <gtest/gtest.h>

using namespace mm;
using test::makeBatch;
using test::makeSample;

namespace {

constexpr qint64 Hour = 3'600'000;

// Three hours ago, on a minute boundary: inside the default raw retention.
qint64 recentBase()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    return ((now - 3 * Hour) / 60'000) * 60'000;
}

// u1 (excellent) for 10 minutes with a gap in its third minute and an
// unknown latency every 7th second; u2 (poor) for the first 5 minutes, its
// level unknown every 4th second; u3 in another meeting for 2 minutes.
std::vector<Sample> dataset(qint64 base)
{
    std::vector<Sample> samples;
    for (int i = 0; i < 600; ++i) {
        const qint64 t = base + i * 1000;
        if (i < 120 || i >= 180) {
            Sample s = makeSample(QStringLiteral("m"), QStringLiteral("u1"), t, 1000 + i, 2000,
                                  i % 7 == 0 ? Metric() : Metric(40 + i % 10), 0.5, 2.0,
                                  Quality::Excellent);
            s.meetingName = QStringLiteral("Weekly");
            samples.push_back(s);
        }
        if (i < 300)
            samples.push_back(makeSample(QStringLiteral("m"), QStringLiteral("u2"), t + 10, 500,
                                         std::nullopt, 450, 6, 9,
                                         i % 4 == 0 ? Quality::Unknown : Quality::Poor));
        if (i < 120)
            samples.push_back(makeSample(QStringLiteral("m2"), QStringLiteral("u3"), t + 20, 1, 1, 150,
                                         2, 1, Quality::Good));
    }
    return samples;
}

void write(const QString &path, const std::vector<Sample> &samples)
{
    HistoryWriter writer(path, 3'600'000, 1'000'000);
    ASSERT_TRUE(writer.open()); // the default retention: raw 24 h
    writer.writeBatch(makeBatch(samples));
    ASSERT_TRUE(writer.flush());
}

template<typename Series, typename Signal>
Series await(HistoryReader &reader, Signal signal, quint64 id)
{
    QSignalSpy spy(&reader, signal);
    QSignalSpy failed(&reader, &HistoryReader::requestFailed);
    EXPECT_TRUE(QTest::qWaitFor([&] { return !spy.isEmpty() || !failed.isEmpty(); }, 20'000));
    EXPECT_TRUE(failed.isEmpty()) << (failed.isEmpty() ? std::string()
                                                       : failed.at(0).at(1).toString().toStdString());
    if (spy.isEmpty())
        return {};
    EXPECT_EQ(spy.at(0).at(0).toULongLong(), id);
    return qvariant_cast<Series>(spy.at(0).at(1));
}

bool isNaN(double x)
{
    return std::isnan(x);
}

} // namespace

TEST(HistoryReader, UserSeriesFromRawSamples)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    const qint64 base = recentBase();
    write(path, dataset(base));
    HistoryReader reader(path);
    const quint64 id = reader.requestUser(QStringLiteral("m"), QStringLiteral("u1"), base, base + 600'000);
    const auto s = await<UserSeries>(reader, &HistoryReader::userSeriesReady, id);
    EXPECT_FALSE(s.fromRollups);
    EXPECT_EQ(s.stepMs, 1000);
    EXPECT_EQ(s.username, QStringLiteral("name of u1"));
    ASSERT_EQ(s.timeMs.size(), 540u); // the gap is missing points, not zeros
    EXPECT_EQ(s.timeMs[119], base + 119'000);
    EXPECT_EQ(s.timeMs[120], base + 180'000);
    EXPECT_EQ(s.value[size_t(SeriesMetric::Upload)][0], 1000);
    EXPECT_EQ(s.value[size_t(SeriesMetric::Upload)][120], 1180);
    EXPECT_TRUE(isNaN(s.value[size_t(SeriesMetric::Latency)][0])); // unknown is NaN
    EXPECT_EQ(s.value[size_t(SeriesMetric::Latency)][1], 41);
    EXPECT_EQ(s.value[size_t(SeriesMetric::PacketLoss)][1], 0.5);
    EXPECT_EQ(s.value[size_t(SeriesMetric::Jitter)][1], 2.0);
    EXPECT_EQ(s.quality[5], Quality::Excellent);
    EXPECT_TRUE(s.min[0].empty());

    // A sub-range cuts inside blocks.
    const quint64 part = reader.requestUser(QStringLiteral("m"), QStringLiteral("u1"), base + 10'500, base + 20'000);
    const auto p = await<UserSeries>(reader, &HistoryReader::userSeriesReady, part);
    ASSERT_EQ(p.timeMs.size(), 9u);
    EXPECT_EQ(p.timeMs.front(), base + 11'000);

    // Someone never seen: an empty series, not an error.
    const quint64 nobody = reader.requestUser(QStringLiteral("m"), QStringLiteral("nobody"), base, base + 600'000);
    EXPECT_TRUE(await<UserSeries>(reader, &HistoryReader::userSeriesReady, nobody).timeMs.empty());
}

TEST(HistoryReader, UserSeriesFromRollupsForLongRanges)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    const qint64 base = recentBase();
    write(path, dataset(base));
    HistoryReader reader(path);
    const quint64 id = reader.requestUser(QStringLiteral("m"), QStringLiteral("u1"), base - 7 * Hour, base + Hour);
    const auto s = await<UserSeries>(reader, &HistoryReader::userSeriesReady, id);
    EXPECT_TRUE(s.fromRollups);
    EXPECT_EQ(s.stepMs, 60'000);
    ASSERT_EQ(s.timeMs.size(), 9u); // 10 minutes, one of them empty
    EXPECT_EQ(s.timeMs[1], base + 60'000);
    EXPECT_EQ(s.timeMs[2], base + 180'000);
    // Minute 0: upload 1000..1059, latency known except i % 7 == 0.
    EXPECT_DOUBLE_EQ(s.value[size_t(SeriesMetric::Upload)][0], 1029.5);
    EXPECT_EQ(s.min[size_t(SeriesMetric::Upload)][0], 1000);
    EXPECT_EQ(s.max[size_t(SeriesMetric::Upload)][0], 1059);
    double sum = 0;
    int n = 0;
    for (int i = 0; i < 60; ++i)
        if (i % 7 != 0) {
            sum += 40 + i % 10;
            ++n;
        }
    EXPECT_DOUBLE_EQ(s.value[size_t(SeriesMetric::Latency)][0], sum / n);
    EXPECT_EQ(s.max[size_t(SeriesMetric::Latency)][0], 49);
    EXPECT_EQ(s.quality[0], Quality::Excellent);
}

TEST(HistoryReader, MeetingSeriesScoreAndParticipantsFromRawAndRollups)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    const qint64 base = recentBase();
    write(path, dataset(base));
    HistoryReader reader(path);

    const quint64 rawId = reader.requestMeeting(QStringLiteral("m"), base, base + 600'000);
    const auto raw = await<MeetingSeries>(reader, &HistoryReader::meetingSeriesReady, rawId);
    EXPECT_FALSE(raw.fromRollups);
    EXPECT_EQ(raw.meetingName, QStringLiteral("Weekly"));
    ASSERT_EQ(raw.timeMs.size(), 600u);
    ASSERT_EQ(raw.participants.size(), 2u);
    EXPECT_EQ(raw.participants[0].userId, QStringLiteral("u1"));
    EXPECT_EQ(raw.participantCount[1], 2);
    EXPECT_EQ(raw.participantCount[150], 1);  // u1 away, u2 there
    EXPECT_EQ(raw.participantCount[400], 1);  // u2 gone
    EXPECT_DOUBLE_EQ(raw.score[1], (100 + 25) / 2.0);
    EXPECT_DOUBLE_EQ(raw.score[4], 100);      // u2's level unknown: left out
    EXPECT_DOUBLE_EQ(raw.score[150], 25);
    EXPECT_TRUE(isNaN(raw.score[124]));       // only u2, level unknown (124 % 4 == 0)
    EXPECT_EQ(raw.participants[0].latencyMs[1], 41);
    EXPECT_TRUE(isNaN(raw.participants[0].latencyMs[150])); // absent: NaN, not 0
    EXPECT_EQ(raw.participants[0].bandwidthKbps[1], 1001 + 2000);
    EXPECT_TRUE(isNaN(raw.participants[1].bandwidthKbps[1])); // download unknown

    const quint64 longId = reader.requestMeeting(QStringLiteral("m"), base - 7 * Hour, base + Hour);
    const auto rolled = await<MeetingSeries>(reader, &HistoryReader::meetingSeriesReady, longId);
    EXPECT_TRUE(rolled.fromRollups);
    EXPECT_EQ(rolled.stepMs, 60'000);
    ASSERT_EQ(rolled.timeMs.size(), 8u * 60);
    const size_t m0 = 7 * 60; // the minute at `base`
    EXPECT_EQ(rolled.timeMs[m0], base);
    EXPECT_EQ(rolled.participantCount[m0], 2);
    EXPECT_EQ(rolled.participantCount[m0 + 2], 1);
    EXPECT_EQ(rolled.participantCount[m0 + 7], 1);
    EXPECT_EQ(rolled.participantCount[0], 0);
    EXPECT_TRUE(isNaN(rolled.score[0]));
    // Minute 0: u1 60 s excellent, u2 45 s poor (15 unknown).
    EXPECT_DOUBLE_EQ(rolled.score[m0], (60 * 100.0 + 45 * 25.0) / 105.0);
    EXPECT_DOUBLE_EQ(rolled.score[m0 + 2], 25);
}

TEST(HistoryReader, FleetSharesPerStep)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    const qint64 base = recentBase();
    write(path, dataset(base));
    HistoryReader reader(path);
    const quint64 id = reader.requestFleet(base - 60'000, base + 600'000);
    const auto f = await<FleetSeries>(reader, &HistoryReader::fleetSeriesReady, id);
    ASSERT_EQ(f.timeMs.size(), 11u);
    EXPECT_EQ(f.stepMs, 60'000);
    EXPECT_EQ(f.users[0], 0);
    EXPECT_TRUE(isNaN(f.share[0][0])); // nobody: no share
    EXPECT_EQ(f.users[1], 3);
    EXPECT_EQ(f.meetings[1], 2);
    // Minute 0: 60 s excellent (u1), 60 s good (u3), 45 s poor + 15 s unknown (u2).
    EXPECT_DOUBLE_EQ(f.share[0][1], 60 / 180.0); // excellent
    EXPECT_DOUBLE_EQ(f.share[1][1], 60 / 180.0); // good
    EXPECT_DOUBLE_EQ(f.share[2][1], 0);          // fair
    EXPECT_DOUBLE_EQ(f.share[3][1], 45 / 180.0); // poor
    EXPECT_DOUBLE_EQ(f.share[4][1], 15 / 180.0); // unknown
    EXPECT_EQ(f.users[3], 1);  // minute 2: only u2
    EXPECT_EQ(f.meetings[3], 1);
    EXPECT_EQ(f.users[10], 1); // minute 9: only u1
}

// The recorder adds a covering index for the fleet query; a history
// without it (an older recorder's) must read the same.
TEST(HistoryReader, FleetSameWithAndWithoutCoveringIndex)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    const qint64 base = recentBase();
    write(path, dataset(base));
    const auto indexCount = [&] {
        HistoryDatabase db;
        EXPECT_TRUE(db.open(path, HistoryDatabase::Mode::ReadOnly));
        QSqlQuery q(db.database());
        EXPECT_TRUE(q.exec(QStringLiteral(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'rollups_fleet'")));
        EXPECT_TRUE(q.next());
        return q.value(0).toInt();
    };
    ASSERT_EQ(indexCount(), 1);
    FleetSeries with;
    {
        HistoryReader reader(path);
        with = await<FleetSeries>(reader, &HistoryReader::fleetSeriesReady,
                                  reader.requestFleet(base - 60'000, base + 600'000));
    }
    {
        HistoryDatabase db;
        ASSERT_TRUE(db.open(path));
        QSqlQuery drop(db.database());
        ASSERT_TRUE(drop.exec(QStringLiteral("DROP INDEX rollups_fleet")));
    }
    ASSERT_EQ(indexCount(), 0); // a read-only open never creates it
    HistoryReader reader(path);
    const auto without = await<FleetSeries>(reader, &HistoryReader::fleetSeriesReady,
                                            reader.requestFleet(base - 60'000, base + 600'000));
    ASSERT_EQ(without.timeMs, with.timeMs);
    EXPECT_EQ(without.users, with.users);
    EXPECT_EQ(without.meetings, with.meetings);
    EXPECT_EQ(with.meetings[1], 2);
    for (size_t l = 0; l < with.share.size(); ++l) {
        ASSERT_EQ(without.share[l].size(), with.share[l].size());
        for (size_t i = 0; i < with.share[l].size(); ++i) {
            if (isNaN(with.share[l][i]))
                EXPECT_TRUE(isNaN(without.share[l][i]));
            else
                EXPECT_DOUBLE_EQ(without.share[l][i], with.share[l][i]);
        }
    }
}

TEST(HistoryReader, ReadsWhileARecorderWritesAndNeverWrites)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    const qint64 base = recentBase();
    HistoryWriterThread writer(path, 20);
    ASSERT_TRUE(writer.start());
    HistoryReader reader(path);
    QSignalSpy failed(&reader, &HistoryReader::requestFailed);
    QSignalSpy users(&reader, &HistoryReader::userSeriesReady);
    // The writer keeps writing in its thread while the reader reads in its own.
    const std::vector<Sample> samples = dataset(base);
    int requests = 0;
    for (size_t i = 0; i < samples.size(); i += 50) {
        auto batch = makeBatch(std::vector<Sample>(samples.begin() + qsizetype(i),
                                                   samples.begin() + qsizetype(std::min(samples.size(), i + 50))));
        HistoryWriter *w = writer.writer();
        QMetaObject::invokeMethod(w, [w, batch] { w->writeBatch(batch); }, Qt::QueuedConnection);
        if (i % 200 == 0) {
            reader.requestUser(QStringLiteral("m"), QStringLiteral("u1"), base, base + 600'000);
            ++requests;
        }
        QTest::qWait(1);
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return users.size() + failed.size() >= requests; }, 30'000));
    EXPECT_EQ(failed.size(), 0) << (failed.isEmpty() ? std::string() : failed.at(0).at(1).toString().toStdString());
    ASSERT_TRUE(writer.flush());
    writer.stop();

    // With the recorder gone, the file does not change whatever is read.
    auto digest = [&] {
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::ReadOnly));
        return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    };
    const QByteArray before = digest();
    const qint64 sizeBefore = QFileInfo(path).size();
    users.clear();
    const quint64 id = reader.requestUser(QStringLiteral("m"), QStringLiteral("u1"), base, base + 600'000);
    const auto s = await<UserSeries>(reader, &HistoryReader::userSeriesReady, id);
    EXPECT_EQ(s.timeMs.size(), 540u); // everything written is seen
    await<MeetingSeries>(reader, &HistoryReader::meetingSeriesReady,
                         reader.requestMeeting(QStringLiteral("m"), base - 7 * Hour, base + Hour));
    await<FleetSeries>(reader, &HistoryReader::fleetSeriesReady, reader.requestFleet(base, base + Hour));
    EXPECT_EQ(digest(), before);
    EXPECT_EQ(QFileInfo(path).size(), sizeBefore);

    // And its connection could not write even if it tried.
    HistoryDatabase readOnly;
    ASSERT_TRUE(readOnly.open(path, HistoryDatabase::Mode::ReadOnly));
    QSqlQuery query(readOnly.database());
    EXPECT_FALSE(query.exec(QStringLiteral("DELETE FROM raw_blocks")));
}

TEST(HistoryReader, MissingDatabaseAndBadRangesFailPolitely)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing.sqlite"));
    HistoryReader reader(path);
    QSignalSpy failed(&reader, &HistoryReader::requestFailed);
    const quint64 id = reader.requestFleet(0, 60'000);
    ASSERT_TRUE(failed.wait(10'000));
    EXPECT_EQ(failed.at(0).at(0).toULongLong(), id);
    EXPECT_TRUE(failed.at(0).at(1).toString().contains(QStringLiteral("no such file")));
    EXPECT_FALSE(QFile::exists(path)); // a reader creates nothing

    const quint64 backwards = reader.requestUser(QStringLiteral("m"), QStringLiteral("u"), 10, 5);
    ASSERT_TRUE(QTest::qWaitFor([&] { return failed.size() == 2; }, 10'000));
    EXPECT_EQ(failed.at(1).at(0).toULongLong(), backwards);
}
