#include "fakeclock.h"
#include "model/meetingstore.h"

#include <gtest/gtest.h>

QT_BEGIN_NAMESPACE
inline void PrintTo(const QString &text, std::ostream *os)
{
    *os << '"' << text.toStdString() << '"';
}
QT_END_NAMESPACE

namespace mm {
namespace {

using test::FakeClock;

struct SampleSpec
{
    Metric up {};
    Metric down {};
    Metric latency {};
    Metric loss {};
    Metric jitter {};
    Quality quality = Quality::Unknown;
};

Sample makeSample(const FakeClock &clock, const char *meeting, const char *user,
                  SampleSpec spec = {})
{
    Sample s;
    s.meetingId = QString::fromUtf8(meeting);
    s.userId = QString::fromUtf8(user);
    s.receivedMs = clock.nowMs();
    s.uploadKbps = spec.up;
    s.downloadKbps = spec.down;
    s.latencyMs = spec.latency;
    s.packetLossPct = spec.loss;
    s.jitterMs = spec.jitter;
    s.quality = spec.quality;
    return s;
}

void apply(MeetingStore &store, std::initializer_list<Sample> samples)
{
    store.applyBatch(SampleBatch(samples));
}

TEST(MeetingStore, AggregatesOverActiveUsers)
{
    FakeClock clock;
    MeetingStore store(clock);
    Sample a = makeSample(clock, "m", "a", {100, 1000, 50, 0.5, 5, Quality::Excellent});
    a.meetingName = QStringLiteral("Weekly");
    apply(store,
          {a, makeSample(clock, "m", "b", {300, 2000, 150, 2, 15, Quality::Good}),
           makeSample(clock, "m", "c", {200, std::nullopt, 500, 8, std::nullopt, Quality::Poor}),
           makeSample(clock, "other", "x", {1, 1, 1, 0, 1, Quality::Excellent})});

    ASSERT_EQ(store.meetingCount(), 2);
    const MeetingNode *m = store.findMeeting(QStringLiteral("m"));
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->row, 0);
    EXPECT_EQ(m->meetingName, QStringLiteral("Weekly"));
    EXPECT_EQ(m->startMs, clock.nowMs());
    const MeetingAggregate &agg = m->aggregate;
    EXPECT_EQ(agg.totalUsers, 3);
    EXPECT_EQ(agg.activeUsers, 3);
    EXPECT_EQ(agg.uploadKbps, 600.0);
    EXPECT_EQ(agg.downloadKbps, 3000.0); // c's unknown download is left out, not zero
    EXPECT_EQ(agg.avgUploadKbps, 200.0);
    EXPECT_EQ(agg.avgDownloadKbps, 1500.0);
    EXPECT_EQ(agg.latencyMs, (50.0 + 150 + 500) / 3);
    EXPECT_EQ(agg.packetLossPct, (0.5 + 2 + 8) / 3);
    EXPECT_EQ(agg.jitterMs, 10.0);
    ASSERT_TRUE(agg.score);
    EXPECT_DOUBLE_EQ(*agg.score, (100.0 + 75 + 25) / 3);
    EXPECT_EQ(agg.scoreLevel, Quality::Good);
    EXPECT_EQ(agg.usersWithIssues, 1);
    EXPECT_EQ(store.userCount(), 4);
    EXPECT_EQ(store.activeUserCount(), 4);
}

TEST(MeetingStore, UnknownIsNeverZero)
{
    FakeClock clock;
    MeetingStore store(clock);
    apply(store, {makeSample(clock, "m", "a"), makeSample(clock, "m", "b", {.latency = 120})});
    const MeetingAggregate &agg = store.findMeeting(QStringLiteral("m"))->aggregate;
    EXPECT_FALSE(agg.uploadKbps);
    EXPECT_FALSE(agg.avgUploadKbps);
    EXPECT_FALSE(agg.packetLossPct);
    EXPECT_EQ(agg.latencyMs, 120.0); // the mean of the one known value
    EXPECT_FALSE(agg.score); // no user has a known level: no score at all
    EXPECT_EQ(agg.scoreLevel, Quality::Unknown);
    EXPECT_EQ(agg.usersWithIssues, 0);

    // Users without a level are left out of the score, not counted as 0.
    apply(store, {makeSample(clock, "m", "b", {.quality = Quality::Fair})});
    ASSERT_TRUE(agg.score);
    EXPECT_EQ(*agg.score, 50.0);
    EXPECT_EQ(agg.scoreLevel, Quality::Fair);
    EXPECT_EQ(agg.usersWithIssues, 1);
}

TEST(MeetingStore, ScoreLevelIsNearestLevel)
{
    FakeClock clock;
    MeetingStore store(clock);
    // excellent + fair = 75 -> good; excellent + good = 87.5 -> excellent.
    apply(store,
          {makeSample(clock, "m1", "a", {.quality = Quality::Excellent}),
           makeSample(clock, "m1", "b", {.quality = Quality::Fair}),
           makeSample(clock, "m2", "a", {.quality = Quality::Excellent}),
           makeSample(clock, "m2", "b", {.quality = Quality::Good}),
           makeSample(clock, "m3", "a", {.quality = Quality::Poor})});
    EXPECT_EQ(store.findMeeting(QStringLiteral("m1"))->aggregate.scoreLevel, Quality::Good);
    EXPECT_EQ(store.findMeeting(QStringLiteral("m2"))->aggregate.scoreLevel, Quality::Excellent);
    EXPECT_EQ(store.findMeeting(QStringLiteral("m3"))->aggregate.scoreLevel, Quality::Poor);
    EXPECT_EQ(store.findMeeting(QStringLiteral("m3"))->aggregate.score, 25.0);
}

TEST(MeetingStore, InactiveAfterTenSecondsAndBackOnNewSample)
{
    FakeClock clock;
    MeetingStore store(clock);
    apply(store,
          {makeSample(clock, "m", "a", {.up = 100, .quality = Quality::Poor}),
           makeSample(clock, "m", "b", {.up = 50, .quality = Quality::Excellent})});
    clock.advance(5000);
    apply(store, {makeSample(clock, "m", "b", {.up = 50, .quality = Quality::Excellent})});

    clock.advance(MeetingStore::InactiveAfterMs - 5000 - 1);
    store.refreshActivity();
    const UserNode *a = store.findUser(QStringLiteral("m"), QStringLiteral("a"));
    ASSERT_NE(a, nullptr);
    EXPECT_TRUE(a->active);
    EXPECT_EQ(store.activeUserCount(), 2);

    clock.advance(1);
    store.refreshActivity();
    EXPECT_FALSE(a->active);
    EXPECT_EQ(store.userCount(), 2); // still listed
    EXPECT_EQ(store.activeUserCount(), 1);
    const MeetingAggregate &agg = store.findMeeting(QStringLiteral("m"))->aggregate;
    EXPECT_EQ(agg.totalUsers, 2);
    EXPECT_EQ(agg.activeUsers, 1);
    EXPECT_EQ(agg.uploadKbps, 50.0);
    EXPECT_EQ(agg.usersWithIssues, 0); // a's poor level no longer counts
    EXPECT_EQ(agg.score, 100.0);
    EXPECT_FALSE(a->hasActiveIssue());

    apply(store, {makeSample(clock, "m", "a", {.up = 100, .quality = Quality::Poor})});
    EXPECT_TRUE(a->active);
    EXPECT_EQ(agg.activeUsers, 2);
    EXPECT_EQ(agg.usersWithIssues, 1);
    EXPECT_EQ(store.activeUserCount(), 2);
}

TEST(MeetingStore, DepartureAfterFiveMinutesAndMeetingRemoval)
{
    FakeClock clock;
    MeetingStore store(clock);
    apply(store,
          {makeSample(clock, "first", "a"), makeSample(clock, "m", "a"),
           makeSample(clock, "m", "b"), makeSample(clock, "last", "z")});
    const qint64 start = clock.nowMs();
    // Keep "first" and m/b alive with a sample every minute.
    for (int minute = 1; minute <= 4; ++minute) {
        clock.set(start + minute * 60'000);
        apply(store, {makeSample(clock, "first", "a"), makeSample(clock, "m", "b")});
        store.refreshActivity();
    }
    clock.set(start + MeetingStore::DepartAfterMs - 1);
    store.refreshActivity();
    EXPECT_EQ(store.userCount(), 4);
    EXPECT_NE(store.findUser(QStringLiteral("m"), QStringLiteral("a")), nullptr);

    clock.set(start + MeetingStore::DepartAfterMs);
    store.refreshActivity();
    EXPECT_EQ(store.findUser(QStringLiteral("m"), QStringLiteral("a")), nullptr);
    EXPECT_EQ(store.findMeeting(QStringLiteral("last")), nullptr); // its only user left
    ASSERT_EQ(store.meetingCount(), 2);
    EXPECT_EQ(store.meetingAt(0).meetingId, QStringLiteral("first"));
    EXPECT_EQ(store.meetingAt(1).meetingId, QStringLiteral("m"));
    EXPECT_EQ(store.meetingAt(1).row, 1);
    const MeetingNode *m = store.findMeeting(QStringLiteral("m"));
    ASSERT_EQ(m->users.size(), 1u);
    EXPECT_EQ(m->users[0]->userId, QStringLiteral("b"));
    EXPECT_EQ(m->users[0]->row, 0);
    EXPECT_EQ(m->aggregate.totalUsers, 1);
    EXPECT_EQ(store.userCount(), 2);

    // A departed user who comes back is a new participant.
    apply(store, {makeSample(clock, "m", "a")});
    const UserNode *back = store.findUser(QStringLiteral("m"), QStringLiteral("a"));
    ASSERT_NE(back, nullptr);
    EXPECT_EQ(back->row, 1);
    EXPECT_EQ(back->firstSeenMs, clock.nowMs());

    clock.advance(MeetingStore::DepartAfterMs);
    store.refreshActivity();
    EXPECT_EQ(store.meetingCount(), 0);
    EXPECT_EQ(store.userCount(), 0);
    EXPECT_EQ(store.activeUserCount(), 0);
}

TEST(MeetingStore, NamesAreStickyAndStartIsFirstSample)
{
    FakeClock clock;
    MeetingStore store(clock);
    Sample s = makeSample(clock, "m", "u");
    s.username = QStringLiteral("Ana");
    const qint64 start = clock.nowMs();
    apply(store, {s});
    clock.advance(1000);
    Sample next = makeSample(clock, "m", "u");
    next.meetingName = QStringLiteral("Retro");
    apply(store, {next});
    const UserNode *u = store.findUser(QStringLiteral("m"), QStringLiteral("u"));
    EXPECT_EQ(u->username, QStringLiteral("Ana")); // a sample without a name keeps the old one
    EXPECT_EQ(u->meeting->meetingName, QStringLiteral("Retro"));
    EXPECT_EQ(u->meeting->startMs, start);
    EXPECT_EQ(u->lastSeenMs, start + 1000);
}

// Records the observer calls as text, to check their order and coalescing.
class RecordingObserver final : public MeetingStoreObserver
{
public:
    std::vector<std::string> calls;
    void meetingsAboutToBeInserted(int first, int last) override { add("insM", first, last); }
    void meetingsInserted() override { calls.push_back("insM-end"); }
    void usersAboutToBeInserted(const MeetingNode &m, int first, int last) override
    {
        add("insU:" + m.meetingId.toStdString(), first, last);
    }
    void usersInserted() override { calls.push_back("insU-end"); }
    void meetingsAboutToBeRemoved(int first, int last) override { add("rmM", first, last); }
    void meetingsRemoved() override { calls.push_back("rmM-end"); }
    void usersAboutToBeRemoved(const MeetingNode &m, int first, int last) override
    {
        add("rmU:" + m.meetingId.toStdString(), first, last);
    }
    void usersRemoved() override { calls.push_back("rmU-end"); }
    void usersChanged(const MeetingNode &m, int first, int last) override
    {
        add("chU:" + m.meetingId.toStdString(), first, last);
    }
    void meetingsChanged(int first, int last) override { add("chM", first, last); }

private:
    void add(const std::string &what, int first, int last)
    {
        calls.push_back(what + " " + std::to_string(first) + "-" + std::to_string(last));
    }
};

TEST(MeetingStore, BatchIsAnnouncedOncePerParent)
{
    FakeClock clock;
    MeetingStore store(clock);
    apply(store,
          {makeSample(clock, "m0", "a"), makeSample(clock, "m0", "b"), makeSample(clock, "m0", "c"),
           makeSample(clock, "m0", "d"), makeSample(clock, "m1", "a"),
           makeSample(clock, "m2", "a")});
    RecordingObserver rec;
    clock.advance(1000);
    store.applyBatch({makeSample(clock, "m0", "b"), makeSample(clock, "new1", "x"),
                      makeSample(clock, "m2", "n1"), makeSample(clock, "m0", "d"),
                      makeSample(clock, "new2", "y"), makeSample(clock, "m2", "n2"),
                      makeSample(clock, "new1", "x2"), makeSample(clock, "m2", "n1"),
                      makeSample(clock, "m0", "b")},
                     &rec);
    const std::vector<std::string> expected = {
        "insM 3-4",    "insM-end", // both new meetings, with their users
        "insU:m2 1-2", "insU-end", // both newcomers to m2 in one insertion
        "chU:m2 1-1", // n1's second sample in the batch
        "chU:m0 1-3", // b and d: one range, first..last changed
        "chM 0-2", // m0 and m2's aggregates (m1 untouched, inside the range)
    };
    EXPECT_EQ(rec.calls, expected);
    EXPECT_EQ(store.findMeeting(QStringLiteral("new1"))->users.size(), 2u);
    EXPECT_EQ(store.userCount(), 6 + 5);
}

TEST(MeetingStore, RemovalsAreRangesFromTheEnd)
{
    FakeClock clock;
    MeetingStore store(clock);
    apply(store,
          {makeSample(clock, "m0", "a"), makeSample(clock, "m0", "b"), makeSample(clock, "m0", "c"),
           makeSample(clock, "m0", "d"), makeSample(clock, "m0", "e"), makeSample(clock, "m1", "a"),
           makeSample(clock, "m2", "a"), makeSample(clock, "m3", "a")});
    clock.advance(MeetingStore::DepartAfterMs - 20'000);
    apply(store, {makeSample(clock, "m0", "c"), makeSample(clock, "m2", "a")});
    clock.advance(20'000);
    RecordingObserver rec;
    store.refreshActivity(&rec);
    const std::vector<std::string> expected = {
        "rmU:m0 3-4", "rmU-end", "rmU:m0 0-1", "rmU-end", // a, b and d, e departed around c
        "rmM 3-3",    "rmM-end", "rmM 1-1",    "rmM-end", // m3 then m1 emptied
        "chU:m0 0-0", // c went inactive (now row 0)
        "chU:m2 0-0", // m2's only user went inactive
        "chM 0-1", // m0 and m2 at their new rows
    };
    EXPECT_EQ(rec.calls, expected);
    ASSERT_EQ(store.meetingCount(), 2);
    EXPECT_EQ(store.meetingAt(1).meetingId, QStringLiteral("m2"));
    EXPECT_EQ(store.meetingAt(1).row, 1);
    EXPECT_FALSE(store.findUser(QStringLiteral("m0"), QStringLiteral("c"))->active);
}

TEST(SampleHistory, BoundedRingKeepsTheNewest)
{
    SampleHistory history(900);
    Sample s;
    const qint64 t0 = 1'700'000'000'000;
    for (int i = 0; i < 2000; ++i) {
        s.latencyMs = double(i);
        s.quality = Quality(1 + i % 4);
        history.record(s, t0 + i * 1000LL);
    }
    ASSERT_EQ(history.size(), 900);
    EXPECT_EQ(history.timeMsAt(0), t0 + 1100 * 1000LL);
    EXPECT_EQ(history.timeMsAt(899), t0 + 1999 * 1000LL);
    for (int i = 0; i < 900; ++i) {
        ASSERT_EQ(history.valueAt(SampleHistory::Field::Latency, i), double(1100 + i));
        ASSERT_EQ(history.qualityAt(i), Quality(1 + (1100 + i) % 4));
        ASSERT_FALSE(history.valueAt(SampleHistory::Field::Upload, i)); // unknown stays unknown
    }
}

TEST(SampleHistory, SameSecondReplacesTheSlot)
{
    SampleHistory history(10);
    Sample s;
    const qint64 t0 = 1'700'000'000'000;
    s.uploadKbps = 1;
    history.record(s, t0 + 10);
    s.uploadKbps = 2;
    history.record(s, t0 + 990);
    ASSERT_EQ(history.size(), 1);
    EXPECT_EQ(history.valueAt(SampleHistory::Field::Upload, 0), 2.0);
    EXPECT_EQ(history.timeMsAt(0), t0);

    s.uploadKbps = 3;
    history.record(s, t0 + 1000);
    ASSERT_EQ(history.size(), 2);
    // The clock went back: lands in the newest slot, order is kept.
    s.uploadKbps = std::nullopt;
    history.record(s, t0 - 5000);
    ASSERT_EQ(history.size(), 2);
    EXPECT_FALSE(history.valueAt(SampleHistory::Field::Upload, 1));
    EXPECT_EQ(history.valueAt(SampleHistory::Field::Upload, 0), 2.0);

    // A gap stays a gap: no slots are invented for silent seconds.
    history.record(s, t0 + 60'000);
    ASSERT_EQ(history.size(), 3);
    EXPECT_EQ(history.timeMsAt(2) - history.timeMsAt(1), 59'000);
}

TEST(SampleHistory, LongGapsKeepExactTimesWithSixteenBitOffsets)
{
    const qint64 t0 = 1'700'000'000'000;
    // Which second a slot came from, as a value the 16-bit store keeps
    // exactly (whole numbers up to 4,096).
    const auto marker = [](qint64 second) { return double(second % 4001); };
    Sample s;
    {
        // The ring overwrote seconds 0 and 1, then a sample past the 16-bit
        // range of the old base: the base moves, nothing retained is lost.
        SampleHistory history(4);
        for (qint64 second : {0, 1, 2, 3, 4, 5, 65'537}) {
            s.latencyMs = marker(second);
            history.record(s, t0 + second * 1000);
        }
        ASSERT_EQ(history.size(), 4);
        const qint64 expected[] = {3, 4, 5, 65'537};
        for (int i = 0; i < 4; ++i) {
            EXPECT_EQ(history.timeMsAt(i), t0 + expected[i] * 1000);
            EXPECT_EQ(history.valueAt(SampleHistory::Field::Latency, i), marker(expected[i]));
        }
    }
    SampleHistory history(200);
    for (qint64 second : {0, 1, 40'000, 80'000}) {
        s.latencyMs = marker(second);
        history.record(s, t0 + second * 1000);
    }
    // 0 and 1 are more than MaxSpanSeconds older than 80,000: dropped.
    ASSERT_EQ(history.size(), 2);
    EXPECT_EQ(history.timeMsAt(0), t0 + 40'000'000);
    EXPECT_EQ(history.timeMsAt(1), t0 + 80'000'000);
    // Growing after the oldest slots were dropped keeps the order.
    for (qint64 second = 80'001; second <= 80'100; ++second) {
        s.latencyMs = marker(second);
        history.record(s, t0 + second * 1000);
    }
    ASSERT_EQ(history.size(), 102);
    EXPECT_EQ(history.valueAt(SampleHistory::Field::Latency, 0), marker(40'000));
    for (int i = 1; i < history.size(); ++i) {
        ASSERT_EQ(history.timeMsAt(i), t0 + (80'000 + qint64(i) - 1) * 1000);
        ASSERT_EQ(history.valueAt(SampleHistory::Field::Latency, i), marker(80'000 + i - 1));
    }
    // Silent for a day: only the new sample remains.
    history.record(s, t0 + (80'100 + 86'400) * 1000LL);
    ASSERT_EQ(history.size(), 1);
    EXPECT_EQ(history.timeMsAt(0), t0 + (80'100 + 86'400) * 1000LL);
}

TEST(SampleHistory, MemoryPerSampleIsAtMost13Bytes)
{
    EXPECT_LE(SampleHistory::BytesPerSample, 13);
    SampleHistory history(MeetingStore::DefaultHistorySeconds);
    Sample s;
    s.uploadKbps = 1;
    const qint64 t0 = 1'700'000'000'000;
    for (int i = 0; i < 100; ++i)
        history.record(s, t0 + i * 1000LL);
    // Growing: never more than twice what is used (plus the first chunk).
    EXPECT_LE(history.allocatedBytes(), qint64(2 * 100 + 64) * SampleHistory::BytesPerSample);
    for (int i = 100; i < 5000; ++i)
        history.record(s, t0 + i * 1000LL);
    EXPECT_EQ(history.size(), MeetingStore::DefaultHistorySeconds);
    EXPECT_LE(double(history.allocatedBytes()) / history.size(), 13.0);
}

TEST(MeetingStore, HistoryThroughTheStore)
{
    FakeClock clock;
    MeetingStore store(clock, 60);
    for (int second = 0; second < 100; ++second) {
        apply(store, {makeSample(clock, "m", "u", {.up = double(second)})});
        clock.advance(500); // two samples per second: one slot each second
        apply(store, {makeSample(clock, "m", "u", {.up = double(second) + 0.5})});
        clock.advance(500);
    }
    const SampleHistory &h = store.findUser(QStringLiteral("m"), QStringLiteral("u"))->history;
    ASSERT_EQ(h.size(), 60);
    EXPECT_EQ(h.valueAt(SampleHistory::Field::Upload, 59), 99.5);
    EXPECT_EQ(h.valueAt(SampleHistory::Field::Upload, 0), 40.5);
    EXPECT_EQ(h.timeMsAt(59) - h.timeMsAt(0), 59'000);
}

} // namespace
} // namespace mm
