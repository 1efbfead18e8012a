#include "model/meetingfilterproxymodel.h"
#include "model/meetingtreemodel.h"
#include "modeltesthelpers.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

namespace mm {
namespace {

using test::FakeClock;

constexpr int Columns = int(TreeColumn::Count_);

struct UserSpec
{
    const char *meeting;
    const char *user;
    const char *username = "";
    Metric latency {};
    Quality quality = Quality::Unknown;
};

SampleBatchPtr batchOf(const FakeClock &clock, std::initializer_list<UserSpec> specs,
                       const char *meetingName = "")
{
    auto batch = std::make_shared<SampleBatch>();
    for (const UserSpec &spec : specs) {
        Sample s;
        s.meetingId = QString::fromUtf8(spec.meeting);
        s.userId = QString::fromUtf8(spec.user);
        s.username = QString::fromUtf8(spec.username);
        s.meetingName = QString::fromUtf8(meetingName);
        s.latencyMs = spec.latency;
        s.quality = spec.quality;
        s.receivedMs = clock.nowMs();
        batch->push_back(s);
    }
    return batch;
}

QStringList childIds(const QAbstractItemModel &model, const QModelIndex &parent, int role)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(parent); ++row)
        ids << model.index(row, 0, parent).data(role).toString();
    return ids;
}

QStringList meetings(const QAbstractItemModel &model)
{
    return childIds(model, {}, MeetingIdRole);
}

QStringList usersOf(const QAbstractItemModel &model, int meetingRow)
{
    return childIds(model, model.index(meetingRow, 0), UserIdRole);
}

QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromUtf8(item);
    return out;
}

class ProxyTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        proxy.setSourceModel(&model);
        model.applyBatch(batchOf(clock,
                                 {{"m-design", "alice", "Alice", 50, Quality::Excellent},
                                  {"m-design", "bob", "", 300, Quality::Poor}},
                                 "Design review"));
        model.applyBatch(batchOf(clock,
                                 {{"m-ops", "carol", "Carol", std::nullopt, Quality::Good},
                                  {"m-ops", "dave", "Dave", 20, Quality::Fair},
                                  {"m-idle", "erin", "Erin", 10, Quality::Excellent}}));
    }

    FakeClock clock;
    MeetingTreeModel model {clock};
    MeetingFilterProxyModel proxy;
};

TEST_F(ProxyTest, NotDynamic)
{
    EXPECT_FALSE(proxy.dynamicSortFilter());
}

TEST_F(ProxyTest, TextFilterMatchesMeetingsAndUsers)
{
    EXPECT_EQ(meetings(proxy), list({"m-design", "m-ops", "m-idle"}));

    proxy.setFilterText(QStringLiteral("design REV")); // meeting name, any case
    EXPECT_EQ(meetings(proxy), list({"m-design"}));
    EXPECT_EQ(usersOf(proxy, 0), list({"alice", "bob"})); // a matching meeting shows all its users

    proxy.setFilterText(QStringLiteral("carol")); // username
    EXPECT_EQ(meetings(proxy), list({"m-ops"}));
    EXPECT_EQ(usersOf(proxy, 0), list({"carol"}));

    proxy.setFilterText(QStringLiteral("bo")); // user id (bob has no name)
    EXPECT_EQ(meetings(proxy), list({"m-design"}));
    EXPECT_EQ(usersOf(proxy, 0), list({"bob"}));

    proxy.setFilterText(QStringLiteral("m-"));
    EXPECT_EQ(meetings(proxy).size(), 3);

    proxy.setFilterText(QStringLiteral("nobody"));
    EXPECT_EQ(proxy.rowCount(), 0);

    proxy.setFilterText(QString());
    EXPECT_EQ(proxy.rowCount(), 3);
    EXPECT_EQ(proxy.rowCount(proxy.index(0, 0)), 2);
}

TEST_F(ProxyTest, OnlyIssues)
{
    proxy.setOnlyIssues(true);
    EXPECT_TRUE(proxy.onlyIssues());
    EXPECT_EQ(meetings(proxy), list({"m-design", "m-ops"}));
    EXPECT_EQ(usersOf(proxy, 0), list({"bob"}));
    EXPECT_EQ(usersOf(proxy, 1), list({"dave"}));

    proxy.setFilterText(QStringLiteral("design")); // the meeting matches; its issue users show
    EXPECT_EQ(meetings(proxy), list({"m-design"}));
    EXPECT_EQ(usersOf(proxy, 0), list({"bob"}));

    proxy.setFilterText(QStringLiteral("alice")); // matches, but has no issue
    EXPECT_EQ(proxy.rowCount(), 0);

    // A user who stopped reporting no longer counts as having an issue.
    proxy.setFilterText(QString());
    clock.advance(MeetingStore::InactiveAfterMs);
    model.applyBatch(batchOf(clock, {{"m-design", "bob", "", 300, Quality::Poor}}));
    model.refreshActivity();
    proxy.refresh();
    EXPECT_EQ(meetings(proxy), list({"m-design"}));

    proxy.setOnlyIssues(false);
    EXPECT_EQ(proxy.rowCount(), 3);
}

TEST_F(ProxyTest, NumericSortPutsUnknownLastInBothOrders)
{
    model.applyBatch(batchOf(
        clock, {{"m-ops", "u30", "", 30}, {"m-ops", "u-none", ""}, {"m-ops", "u5", "", 5}}));
    // m-ops users now: carol (unknown), dave 20, u30 30, u-none (unknown), u5 5.
    const int latency = int(TreeColumn::Latency);
    proxy.sort(latency, Qt::AscendingOrder);
    int ops = meetings(proxy).indexOf(QStringLiteral("m-ops"));
    ASSERT_GE(ops, 0);
    QStringList users = usersOf(proxy, ops);
    EXPECT_EQ(users.mid(0, 3), list({"u5", "dave", "u30"}));
    EXPECT_EQ(QSet<QString>(users.begin() + 3, users.end()),
              QSet<QString>({QStringLiteral("carol"), QStringLiteral("u-none")}));
    // Meetings by mean latency: m-idle 10, m-ops 18.3, m-design 175.
    EXPECT_EQ(meetings(proxy), list({"m-idle", "m-ops", "m-design"}));

    proxy.sort(latency, Qt::DescendingOrder);
    ops = meetings(proxy).indexOf(QStringLiteral("m-ops"));
    users = usersOf(proxy, ops);
    EXPECT_EQ(users.mid(0, 3), list({"u30", "dave", "u5"}));
    EXPECT_EQ(QSet<QString>(users.begin() + 3, users.end()),
              QSet<QString>({QStringLiteral("carol"), QStringLiteral("u-none")}));
    EXPECT_EQ(meetings(proxy), list({"m-design", "m-ops", "m-idle"}));
}

TEST_F(ProxyTest, NameSortsByDisplayText)
{
    model.applyBatch(batchOf(clock, {{"m-ops", "zed", "adam"}, {"m-ops", "x", "Bea"}}));
    proxy.sort(int(TreeColumn::Name), Qt::AscendingOrder);
    const int ops = meetings(proxy).indexOf(QStringLiteral("m-ops"));
    EXPECT_EQ(childIds(proxy, proxy.index(ops, 0), Qt::DisplayRole),
              list({"adam", "Bea", "Carol", "Dave"}));
    // Meetings: "Design review" < "m-idle" < "m-ops".
    EXPECT_EQ(meetings(proxy), list({"m-design", "m-idle", "m-ops"}));
}

TEST_F(ProxyTest, ValueChangesResortOnlyOnRefresh)
{
    proxy.sort(int(TreeColumn::Latency), Qt::AscendingOrder);
    EXPECT_EQ(usersOf(proxy, meetings(proxy).indexOf(QStringLiteral("m-design"))),
              list({"alice", "bob"}));
    QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);

    clock.advance(1000);
    model.applyBatch(batchOf(clock, {{"m-design", "alice", "Alice", 900, Quality::Poor}}));
    EXPECT_EQ(layout.size(), 0);
    EXPECT_EQ(usersOf(proxy, meetings(proxy).indexOf(QStringLiteral("m-design"))),
              list({"alice", "bob"}));

    proxy.refresh();
    EXPECT_GE(layout.size(), 1);
    EXPECT_EQ(usersOf(proxy, meetings(proxy).indexOf(QStringLiteral("m-design"))),
              list({"bob", "alice"}));
}

TEST_F(ProxyTest, RefreshChangesNoLayoutWhileRowsAreInOrder)
{
    for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
        proxy.sort(int(TreeColumn::Name), order);
        QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);
        clock.advance(1000);
        // New values, same names: the order by name stands.
        model.applyBatch(batchOf(clock, {{"m-ops", "carol", "Carol", 70, Quality::Fair},
                                         {"m-ops", "dave", "Dave", 5, Quality::Good}}));
        proxy.refresh();
        EXPECT_EQ(layout.size(), 0) << order;

        // A new name moves a row only at the next refresh, which re-sorts.
        const bool ascending = order == Qt::AscendingOrder;
        model.applyBatch(batchOf(clock, {{"m-ops", "carol", "Zach", 70, Quality::Fair}}));
        EXPECT_EQ(usersOf(proxy, meetings(proxy).indexOf(QStringLiteral("m-ops"))),
                  ascending ? list({"carol", "dave"}) : list({"dave", "carol"}))
            << order;
        EXPECT_EQ(layout.size(), 0) << order;
        proxy.refresh();
        EXPECT_EQ(layout.size(), 1) << order;
        EXPECT_EQ(usersOf(proxy, meetings(proxy).indexOf(QStringLiteral("m-ops"))),
                  ascending ? list({"dave", "carol"}) : list({"carol", "dave"}))
            << order;
        // Back to its first name for the next order.
        model.applyBatch(batchOf(clock, {{"m-ops", "carol", "Carol", 70, Quality::Fair}}));
    }
}

TEST_F(ProxyTest, NewcomersAppearAfterRefresh)
{
    proxy.setFilterText(QStringLiteral("frank"));
    EXPECT_EQ(proxy.rowCount(), 0);
    model.applyBatch(batchOf(clock, {{"m-ops", "frank", "Frank", 10}}));
    proxy.refresh();
    EXPECT_EQ(meetings(proxy), list({"m-ops"}));
    EXPECT_EQ(usersOf(proxy, 0), list({"frank"}));
}

bool matches(const QModelIndex &index, const QString &text)
{
    return text.isEmpty()
        || index.data(SearchTextRole).toString().contains(text, Qt::CaseInsensitive);
}

// What the proxy should show, computed by brute force over the source.
int expectedVisibleUsers(const MeetingTreeModel &model, const QString &text, bool onlyIssues)
{
    int visible = 0;
    for (int m = 0; m < model.rowCount(); ++m) {
        const QModelIndex meeting = model.index(m, 0);
        const bool meetingMatches = matches(meeting, text);
        int users = 0;
        for (int u = 0; u < model.rowCount(meeting); ++u) {
            const QModelIndex user = model.index(u, 0, meeting);
            if ((meetingMatches || matches(user, text))
                && (!onlyIssues || user.data(HasIssueRole).toBool()))
                ++users;
        }
        visible += users;
    }
    return visible;
}

TEST(MeetingFilterProxyModelRandom, ConsistentUnderTesterAndStream)
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    test::ModelTesterFailures failures;
    FakeClock clock;
    MeetingTreeModel model(clock);
    MeetingFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    test::RandomFleet fleet(7, clock, 6, 8);
    const QStringList filters = {QString(), QStringLiteral("meeting-1"), QStringLiteral("name 3"),
                                 QStringLiteral("user-2-"), QStringLiteral("zzz")};
    int checks = 0;

    for (int step = 0; step < 1500 && failures.messages().isEmpty(); ++step) {
        fleet.advanceClock();
        model.applyBatch(fleet.randomBatch(10));
        if (fleet.rng().bounded(2) == 0)
            model.refreshActivity();
        switch (fleet.rng().bounded(10)) {
        case 0:
            proxy.setFilterText(filters[fleet.rng().bounded(int(filters.size()))]);
            break;
        case 1:
            proxy.setOnlyIssues(!proxy.onlyIssues());
            break;
        case 2:
            proxy.sort(fleet.rng().bounded(Columns),
                       fleet.rng().bounded(2) ? Qt::AscendingOrder : Qt::DescendingOrder);
            break;
        default:
            break;
        }
        if (fleet.rng().bounded(4) != 0)
            continue;
        proxy.refresh();
        ++checks;

        // After a refresh: exactly the expected users, and siblings in order.
        int visible = 0;
        const int column = proxy.sortColumn();
        for (int m = 0; m < proxy.rowCount(); ++m) {
            const QModelIndex meeting = proxy.index(m, 0);
            ASSERT_GT(proxy.rowCount(meeting), 0) << "an empty meeting is shown, step " << step;
            visible += proxy.rowCount(meeting);
            if (column <= 0)
                continue;
            for (int u = 1; u < proxy.rowCount(meeting); ++u) {
                const QVariant prev = proxy.index(u - 1, column, meeting).data(RawValueRole);
                const QVariant next = proxy.index(u, column, meeting).data(RawValueRole);
                if (!prev.isValid()) {
                    ASSERT_FALSE(next.isValid()) << "unknown before known, step " << step;
                } else if (next.isValid()) {
                    if (proxy.sortOrder() == Qt::AscendingOrder)
                        ASSERT_LE(prev.toDouble(), next.toDouble()) << "step " << step;
                    else
                        ASSERT_GE(prev.toDouble(), next.toDouble()) << "step " << step;
                }
            }
        }
        ASSERT_EQ(visible, expectedVisibleUsers(model, proxy.filterText(), proxy.onlyIssues()))
            << "step " << step;
    }
    EXPECT_TRUE(failures.messages().isEmpty())
        << failures.messages().join(QLatin1Char('\n')).toStdString();
    EXPECT_GT(checks, 200);
    QLocale::setDefault(QLocale::system());
}

} // namespace
} // namespace mm
