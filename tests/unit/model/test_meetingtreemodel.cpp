#include "model/meetingtreemodel.h"
#include "modeltesthelpers.h"

#include <QAbstractItemModelTester>
#include <QHash>
#include <QPersistentModelIndex>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>
#include <map>

namespace mm {
namespace {

using test::FakeClock;

constexpr int Columns = int(TreeColumn::Count_);

Sample makeSample(const FakeClock &clock, const QString &meeting, const QString &user)
{
    Sample s;
    s.meetingId = meeting;
    s.userId = user;
    s.receivedMs = clock.nowMs();
    return s;
}

SampleBatchPtr batchOf(std::initializer_list<Sample> samples)
{
    return std::make_shared<const SampleBatch>(samples);
}

QString text(const QModelIndex &index, int role = Qt::DisplayRole)
{
    return index.data(role).toString();
}

class MeetingTreeModelTest : public ::testing::Test
{
protected:
    void SetUp() override { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void TearDown() override { QLocale::setDefault(QLocale::system()); }
};

TEST_F(MeetingTreeModelTest, DisplayTextAndRoles)
{
    FakeClock clock;
    MeetingTreeModel model(clock);
    Sample a = makeSample(clock, QStringLiteral("m1"), QStringLiteral("alice"));
    a.username = QStringLiteral("Alice");
    a.meetingName = QStringLiteral("Design review");
    a.uploadKbps = 1234.4;
    a.downloadKbps = 2000000;
    a.latencyMs = 85.6;
    a.packetLossPct = 2.46;
    a.jitterMs = 12.2;
    a.quality = Quality::Excellent;
    Sample b = makeSample(clock, QStringLiteral("m1"), QStringLiteral("<b>bob</b>"));
    b.quality = Quality::Fair;
    Sample c = makeSample(clock, QStringLiteral("m1"), QStringLiteral("carol"));
    model.applyBatch(batchOf({a, b, c}));

    ASSERT_EQ(model.rowCount(), 1);
    const QModelIndex meeting = model.index(0, 0);
    ASSERT_EQ(model.rowCount(meeting), 3);
    const auto user
        = [&](int row, TreeColumn column) { return model.index(row, int(column), meeting); };
    const auto meetingCell = [&](TreeColumn column) { return model.index(0, int(column)); };

    EXPECT_EQ(text(user(0, TreeColumn::Name)), QStringLiteral("Alice"));
    EXPECT_EQ(text(user(0, TreeColumn::Status)), QStringLiteral("Active"));
    EXPECT_EQ(text(user(0, TreeColumn::Upload)), QStringLiteral("1,234"));
    EXPECT_EQ(text(user(0, TreeColumn::Download)), QStringLiteral("2,000,000"));
    EXPECT_EQ(text(user(0, TreeColumn::Latency)), QStringLiteral("86"));
    EXPECT_EQ(text(user(0, TreeColumn::PacketLoss)), QStringLiteral("2.5"));
    EXPECT_EQ(text(user(0, TreeColumn::Jitter)), QStringLiteral("12"));
    EXPECT_EQ(text(user(0, TreeColumn::Quality)), QStringLiteral("Excellent"));
    EXPECT_EQ(text(user(0, TreeColumn::Issues)), QString());
    EXPECT_EQ(user(0, TreeColumn::Upload).data(RawValueRole), QVariant(1234.4));
    EXPECT_EQ(user(0, TreeColumn::Quality).data(RawValueRole), QVariant(100.0));
    EXPECT_FALSE(user(0, TreeColumn::Latency).data(Qt::ToolTipRole).isValid());
    EXPECT_EQ(text(user(0, TreeColumn::Latency), Qt::AccessibleTextRole), QStringLiteral("86"));
    EXPECT_EQ(user(0, TreeColumn::Name).data(KindRole).toInt(), int(RowKind::User));
    EXPECT_EQ(text(user(0, TreeColumn::Name), UserIdRole), QStringLiteral("alice"));
    EXPECT_EQ(text(user(0, TreeColumn::Name), MeetingIdRole), QStringLiteral("m1"));
    EXPECT_EQ(user(0, TreeColumn::Name).data(LastSeenRole).toLongLong(), clock.nowMs());
    EXPECT_TRUE(text(user(0, TreeColumn::Name), SearchTextRole).contains(QStringLiteral("Alice")));

    // An id used as the name is plain text, shown as is.
    EXPECT_EQ(text(user(1, TreeColumn::Name)), QStringLiteral("<b>bob</b>"));
    EXPECT_EQ(text(user(1, TreeColumn::Quality)), QStringLiteral("Fair"));
    EXPECT_TRUE(user(1, TreeColumn::Name).data(HasIssueRole).toBool());
    EXPECT_EQ(user(1, TreeColumn::Name).data(QualityRole).toInt(), int(Quality::Fair));

    // Unknown values: an em dash, a tooltip saying so, no raw value.
    for (TreeColumn column : {TreeColumn::Upload, TreeColumn::Download, TreeColumn::Latency,
                              TreeColumn::PacketLoss, TreeColumn::Jitter}) {
        EXPECT_EQ(text(user(2, column)), QStringLiteral("\u2014"));
        EXPECT_EQ(text(user(2, column), Qt::ToolTipRole), QStringLiteral("unknown"));
        EXPECT_FALSE(user(2, column).data(RawValueRole).isValid());
    }
    EXPECT_EQ(text(user(2, TreeColumn::Quality)), QStringLiteral("Unknown"));
    EXPECT_FALSE(user(2, TreeColumn::Quality).data(RawValueRole).isValid());

    // Meeting row: aggregates over active users.
    EXPECT_EQ(text(meetingCell(TreeColumn::Name)), QStringLiteral("Design review"));
    EXPECT_EQ(text(meetingCell(TreeColumn::Status)), QStringLiteral("3 of 3 active"));
    EXPECT_EQ(text(meetingCell(TreeColumn::Upload)), QStringLiteral("1,234"));
    EXPECT_EQ(text(meetingCell(TreeColumn::Quality)), QStringLiteral("75 / 100"));
    EXPECT_EQ(meetingCell(TreeColumn::Quality).data(RawValueRole), QVariant(75.0));
    EXPECT_EQ(meetingCell(TreeColumn::Name).data(QualityRole).toInt(), int(Quality::Good));
    EXPECT_EQ(text(meetingCell(TreeColumn::Issues)), QStringLiteral("1"));
    EXPECT_TRUE(meetingCell(TreeColumn::Name).data(HasIssueRole).toBool());
    EXPECT_EQ(meetingCell(TreeColumn::Name).data(KindRole).toInt(), int(RowKind::Meeting));
    EXPECT_TRUE(meetingCell(TreeColumn::Name).data(ActiveRole).toBool());

    clock.advance(MeetingStore::InactiveAfterMs);
    model.applyBatch(batchOf({makeSample(clock, QStringLiteral("m1"), QStringLiteral("carol"))}));
    model.refreshActivity();
    EXPECT_EQ(text(user(0, TreeColumn::Status)), QStringLiteral("Inactive"));
    EXPECT_FALSE(user(0, TreeColumn::Status).data(ActiveRole).toBool());
    EXPECT_EQ(text(meetingCell(TreeColumn::Status)), QStringLiteral("1 of 3 active"));
    EXPECT_EQ(text(meetingCell(TreeColumn::Quality)),
              QStringLiteral("\u2014")); // carol has no level
    EXPECT_EQ(text(meetingCell(TreeColumn::Upload)), QStringLiteral("\u2014"));
    EXPECT_EQ(text(meetingCell(TreeColumn::Upload), Qt::ToolTipRole), QStringLiteral("unknown"));
    EXPECT_EQ(text(meetingCell(TreeColumn::Issues)), QStringLiteral("0"));
    EXPECT_FALSE(user(1, TreeColumn::Name).data(HasIssueRole).toBool());

    EXPECT_EQ(model.headerData(int(TreeColumn::Latency), Qt::Horizontal).toString(),
              QStringLiteral("Latency (ms)"));
    EXPECT_FALSE(model.headerData(Columns, Qt::Horizontal).isValid());
}

TEST_F(MeetingTreeModelTest, NumbersFollowTheDefaultLocale)
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    FakeClock clock;
    MeetingTreeModel model(clock);
    Sample s = makeSample(clock, QStringLiteral("m"), QStringLiteral("u"));
    s.uploadKbps = 12345;
    s.packetLossPct = 1.25;
    model.applyBatch(batchOf({s}));
    const QModelIndex meeting = model.index(0, 0);
    EXPECT_EQ(text(model.index(0, int(TreeColumn::Upload), meeting)), QStringLiteral("12.345"));
    EXPECT_EQ(text(model.index(0, int(TreeColumn::PacketLoss), meeting)).left(2),
              QStringLiteral("1,"));
}

TEST_F(MeetingTreeModelTest, IdsShownAsNamesAreSanitized)
{
    FakeClock clock;
    MeetingTreeModel model(clock);
    const QString spoof = QStringLiteral("evil\u202Etxt.exe");
    model.applyBatch(batchOf({makeSample(clock, spoof, spoof)}));
    const QModelIndex meeting = model.index(0, 0);
    EXPECT_EQ(text(meeting), QStringLiteral("eviltxt.exe"));
    EXPECT_EQ(text(model.index(0, 0, meeting)), QStringLiteral("eviltxt.exe"));
    EXPECT_EQ(text(meeting, MeetingIdRole), spoof); // the identity itself is kept
}

TEST_F(MeetingTreeModelTest, OneDataChangedPerParentPerBatch)
{
    FakeClock clock;
    MeetingTreeModel model(clock);
    auto initial = std::make_shared<SampleBatch>();
    for (int m = 0; m < 4; ++m)
        for (int u = 0; u < 6; ++u)
            initial->push_back(
                makeSample(clock, QStringLiteral("m%1").arg(m), QStringLiteral("u%1").arg(u)));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.applyBatch(initial);
    ASSERT_EQ(inserted.size(), 1); // four new meetings, with their users, in one insertion
    EXPECT_FALSE(inserted[0][0].value<QModelIndex>().isValid());
    EXPECT_EQ(inserted[0][1].toInt(), 0);
    EXPECT_EQ(inserted[0][2].toInt(), 3);
    EXPECT_EQ(model.userCount(), 24);

    clock.advance(1000);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    inserted.clear();
    SampleBatch batch;
    // m0: users 1 and 4 (one range 1..4); m2: user 3 twice; m3: two newcomers.
    for (const auto &[m, u] :
         std::vector<std::pair<int, int>> {{0, 4}, {2, 3}, {0, 1}, {3, 7}, {2, 3}, {3, 8}})
        batch.push_back(
            makeSample(clock, QStringLiteral("m%1").arg(m), QStringLiteral("u%1").arg(u)));
    model.applyBatch(std::make_shared<const SampleBatch>(batch));

    EXPECT_EQ(layout.size(), 0);
    EXPECT_EQ(reset.size(), 0);
    ASSERT_EQ(inserted.size(), 1);
    EXPECT_EQ(inserted[0][0].value<QModelIndex>(), model.index(3, 0));
    EXPECT_EQ(inserted[0][1].toInt(), 6);
    EXPECT_EQ(inserted[0][2].toInt(), 7);

    std::map<int, std::pair<QModelIndex, QModelIndex>> byParentRow; // -1: the meeting rows
    for (const QList<QVariant> &args : changed) {
        const auto topLeft = args[0].value<QModelIndex>();
        const auto bottomRight = args[1].value<QModelIndex>();
        const int key = topLeft.parent().isValid() ? topLeft.parent().row() : -1;
        EXPECT_EQ(byParentRow.count(key), 0u) << "two dataChanged for parent " << key;
        byParentRow[key] = {topLeft, bottomRight};
        EXPECT_EQ(topLeft.parent(), bottomRight.parent());
        EXPECT_EQ(topLeft.column(), 0);
        EXPECT_EQ(bottomRight.column(), Columns - 1);
    }
    ASSERT_EQ(byParentRow.size(), 3u);
    EXPECT_EQ(byParentRow[0].first.row(), 1);
    EXPECT_EQ(byParentRow[0].second.row(), 4);
    EXPECT_EQ(byParentRow[2].first.row(), 3);
    EXPECT_EQ(byParentRow[2].second.row(), 3);
    EXPECT_EQ(byParentRow[-1].first.row(), 0); // m0, m2 and m3 changed aggregates
    EXPECT_EQ(byParentRow[-1].second.row(), 3);
}

TEST_F(MeetingTreeModelTest, ActivityTransitionsAndTotals)
{
    FakeClock clock;
    MeetingTreeModel model(clock);
    QSignalSpy totals(&model, &MeetingTreeModel::totalsChanged);
    model.applyBatch(batchOf({makeSample(clock, QStringLiteral("a"), QStringLiteral("1")),
                              makeSample(clock, QStringLiteral("b"), QStringLiteral("1")),
                              makeSample(clock, QStringLiteral("b"), QStringLiteral("2"))}));
    EXPECT_EQ(totals.size(), 1);
    EXPECT_EQ(model.meetingCount(), 2);
    EXPECT_EQ(model.userCount(), 3);
    EXPECT_EQ(model.activeUserCount(), 3);

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.refreshActivity(); // nothing happened: no signal at all
    EXPECT_EQ(changed.size(), 0);
    EXPECT_EQ(totals.size(), 1);

    clock.advance(MeetingStore::InactiveAfterMs);
    model.applyBatch(batchOf({makeSample(clock, QStringLiteral("b"), QStringLiteral("2"))}));
    changed.clear();
    model.refreshActivity();
    EXPECT_EQ(model.activeUserCount(), 1);
    EXPECT_EQ(totals.size(), 2);
    EXPECT_EQ(changed.size(), 3); // a/1, b/1, and the two meeting rows in one range
    EXPECT_EQ(removed.size(), 0);

    clock.advance(MeetingStore::DepartAfterMs - MeetingStore::InactiveAfterMs);
    model.refreshActivity();
    ASSERT_EQ(removed.size(), 2); // b/1, then meeting a
    EXPECT_EQ(removed[0][0].value<QModelIndex>().row(), 1); // under b, still row 1 then
    EXPECT_EQ(removed[0][1].toInt(), 0);
    EXPECT_FALSE(removed[1][0].value<QModelIndex>().isValid());
    EXPECT_EQ(model.meetingCount(), 1);
    EXPECT_EQ(model.userCount(), 1);
    EXPECT_EQ(text(model.index(0, 0, model.index(0, 0)), UserIdRole), QStringLiteral("2"));
    EXPECT_EQ(totals.size(), 3);
}

TEST_F(MeetingTreeModelTest, OwnTimerRefreshesActivity)
{
    FakeClock clock;
    MeetingTreeModel model(clock);
    model.applyBatch(batchOf({makeSample(clock, QStringLiteral("m"), QStringLiteral("u"))}));
    clock.advance(MeetingStore::InactiveAfterMs + 1);
    EXPECT_TRUE(QTest::qWaitFor([&] { return model.activeUserCount() == 0; }, 10'000));
    clock.advance(MeetingStore::DepartAfterMs);
    EXPECT_TRUE(QTest::qWaitFor([&] { return model.rowCount() == 0; }, 10'000));
}

TEST_F(MeetingTreeModelTest, IndexLookupsAndWellSpreadHashes)
{
    FakeClock clock;
    MeetingTreeModel model(clock);
    auto batch = std::make_shared<SampleBatch>();
    for (int m = 0; m < 40; ++m)
        for (int u = 0; u < 50; ++u)
            batch->push_back(
                makeSample(clock, QStringLiteral("m%1").arg(m), QStringLiteral("u%1").arg(u)));
    model.applyBatch(batch);
    model.applyBatch(nullptr); // ignored

    const QModelIndex user = model.indexOf(QStringLiteral("m7"), QStringLiteral("u13"));
    ASSERT_TRUE(user.isValid());
    EXPECT_EQ(user.row(), 13);
    EXPECT_EQ(user.parent().row(), 7);
    ASSERT_NE(model.userAt(user), nullptr);
    EXPECT_EQ(model.userAt(user)->userId, QStringLiteral("u13"));
    EXPECT_EQ(model.meetingAt(user), nullptr);
    EXPECT_EQ(model.meetingAt(user.parent())->meetingId, QStringLiteral("m7"));
    EXPECT_FALSE(model.indexOf(QStringLiteral("m7"), QStringLiteral("nobody")).isValid());
    EXPECT_FALSE(model.indexOf(QStringLiteral("none")).isValid());
    EXPECT_FALSE(model.index(0, 0, model.index(0, 0, model.index(0, 0))).isValid());
    EXPECT_EQ(model.rowCount(model.index(0, 1)), 0); // children only under column 0

    // Qt 6.4 hashes an index as (row << 4) + column + internalId; every
    // index of the tree should land on its own hash value.
    QSet<size_t> hashes;
    int indexes = 0;
    for (int m = 0; m < model.rowCount(); ++m) {
        const QModelIndex meeting = model.index(m, 0);
        for (int u = 0; u < model.rowCount(meeting); ++u)
            for (int c = 0; c < Columns; ++c, ++indexes)
                hashes.insert(qHash(model.index(u, c, meeting)));
    }
    EXPECT_EQ(indexes, 40 * 50 * Columns);
    EXPECT_GE(hashes.size(), indexes * 99 / 100);
}

// Long seeded streams of joins, updates, silences and departures under
// QAbstractItemModelTester, checked against an independent record of who
// should be there and whether they are active; persistent indexes must
// follow their users or die with them.
class RandomStreamTest : public MeetingTreeModelTest, public ::testing::WithParamInterface<quint32>
{
};

TEST_P(RandomStreamTest, TreeStaysConsistent)
{
    test::ModelTesterFailures failures;
    FakeClock clock;
    MeetingTreeModel model(clock);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    test::RandomFleet fleet(GetParam(), clock, 6, 8);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    std::map<std::pair<QString, QString>, qint64> lastSeen; // the expected tree
    std::vector<std::pair<QPersistentModelIndex, std::pair<QString, QString>>> tracked;
    int maxUsers = 0;

    for (int step = 0; step < 2500; ++step) {
        fleet.advanceClock();
        if (fleet.rng().bounded(3) != 0) {
            const SampleBatchPtr batch = fleet.randomBatch(12);
            model.applyBatch(batch);
            for (const Sample &s : *batch)
                lastSeen[{s.meetingId, s.userId}] = s.receivedMs;
        }
        if (fleet.rng().bounded(2) == 0) {
            model.refreshActivity();
            for (auto it = lastSeen.begin(); it != lastSeen.end();)
                it = clock.nowMs() - it->second >= MeetingStore::DepartAfterMs ? lastSeen.erase(it)
                                                                               : ++it;
        }

        ASSERT_EQ(model.userCount(), int(lastSeen.size())) << "step " << step;
        maxUsers = std::max(maxUsers, model.userCount());
        int users = 0;
        int active = 0;
        for (int m = 0; m < model.rowCount(); ++m) {
            const QModelIndex meeting = model.index(m, 0);
            int meetingActive = 0;
            for (int u = 0; u < model.rowCount(meeting); ++u, ++users) {
                const QModelIndex user = model.index(u, 0, meeting);
                const auto key = std::make_pair(text(user, MeetingIdRole), text(user, UserIdRole));
                const auto it = lastSeen.find(key);
                ASSERT_NE(it, lastSeen.end()) << "step " << step;
                EXPECT_EQ(user.data(LastSeenRole).toLongLong(), it->second);
                // Activity is settled at refresh time, so allow the window since then.
                const bool isActive = user.data(ActiveRole).toBool();
                if (isActive)
                    ++meetingActive;
                if (clock.nowMs() - it->second < MeetingStore::InactiveAfterMs) {
                    ASSERT_TRUE(isActive) << "step " << step;
                }
            }
            active += meetingActive;
            ASSERT_EQ(
                text(model.index(m, int(TreeColumn::Status))),
                QStringLiteral("%1 of %2 active").arg(meetingActive).arg(model.rowCount(meeting)));
        }
        ASSERT_EQ(users, model.userCount());
        ASSERT_EQ(active, model.activeUserCount());

        for (const auto &[index, key] : tracked) {
            if (lastSeen.count(key)) {
                ASSERT_TRUE(index.isValid()) << "step " << step;
                ASSERT_EQ(text(index, UserIdRole), key.second);
                ASSERT_EQ(text(index.parent(), MeetingIdRole), key.first);
            }
            // A departed user's index may only be valid if it came back and
            // was re-created, which makes it a different row: then it must
            // not claim to be that user.
            else if (index.isValid()) {
                ASSERT_NE(
                    std::make_pair(text(index.parent(), MeetingIdRole), text(index, UserIdRole)),
                    key);
            }
        }
        tracked.erase(std::remove_if(tracked.begin(), tracked.end(),
                                     [](const auto &entry) { return !entry.first.isValid(); }),
                      tracked.end());
        if (model.rowCount() > 0 && tracked.size() < 20) {
            const QModelIndex meeting = model.index(fleet.rng().bounded(model.rowCount()), 0);
            if (model.rowCount(meeting) > 0) {
                const QModelIndex user = model.index(fleet.rng().bounded(model.rowCount(meeting)),
                                                     fleet.rng().bounded(Columns), meeting);
                tracked.emplace_back(
                    user, std::make_pair(text(user, MeetingIdRole), text(user, UserIdRole)));
            }
        }
        if (!failures.messages().isEmpty())
            break;
    }
    EXPECT_TRUE(failures.messages().isEmpty())
        << failures.messages().join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(layout.size(), 0);
    EXPECT_EQ(reset.size(), 0);
    EXPECT_GT(maxUsers, 20); // the stream really built a tree...
    EXPECT_GT(removed.size(), 20); // ...and tore parts of it down
    EXPECT_GT(inserted.size(), 50);
}

// The harness itself: a model that breaks the rules must be reported.
class BrokenListModel final : public QAbstractListModel
{
public:
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : 3; }
    QVariant data(const QModelIndex &, int) const override { return {}; }
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override
    {
        return hasIndex(row, column, parent) ? createIndex(row + 1, column) : QModelIndex();
    }
};

TEST(ModelTesterHarness, ReportsABrokenModel)
{
    test::ModelTesterFailures failures;
    BrokenListModel broken;
    QAbstractItemModelTester tester(&broken,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    EXPECT_FALSE(failures.messages().isEmpty());
}

INSTANTIATE_TEST_SUITE_P(Seeds, RandomStreamTest, ::testing::Values(1u, 42u, 20240501u));

} // namespace
} // namespace mm
