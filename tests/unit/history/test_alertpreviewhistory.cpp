// The rules preview on a real SQLite history: raw 1 Hz samples where raw
// retention kept them, per-minute rollups before that, replayed through the
// engine and compared with counts brute-forced from the generated samples;
// the journal that keeps the window's silences.
#include "alerts/alertpreview.h"
#include "core/clock.h"
#include "history/historyrangereader.h"
#include "history/historywriter.h"
#include "history/incidentjournal.h"
#include "historytestutil.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>
#include <gtest/gtest.h>

#include <QThread>

#include <atomic>

using namespace mm;

namespace {

constexpr qint64 Minute = 60'000;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Now = 1'700'000'040'000; // a whole minute
constexpr qint64 Start = Now - 8 * Hour;
constexpr qint64 RawKeptMs = 4 * Hour; // the older 4 h are rollups only
constexpr int Users = 3;

class FixedClock final : public Clock
{
public:
    qint64 nowMs() const override { return Now; }
};

// Latency and loss episodes (start second, length in seconds, per user),
// at least 10 minutes apart so that each qualifying one is its own
// incident (clear 30 s + reopen window 2 min).
struct Episode
{
    int user;
    qint64 startS; // seconds since Start
    int lengthS;
    bool loss; // packet loss instead of latency
};

std::vector<Episode> episodes()
{
    std::vector<Episode> list;
    // Rollup-only hours (0-4 h): whole minutes, and stretches inside one
    // minute that the minute's mean hides (20 s) or shows (50 s).
    list.push_back({0, 10 * 60, 180, false});      // 3 whole minutes: fires
    list.push_back({0, 30 * 60 + 5, 20, false});   // 20 s in a minute: mean 200 ms, hidden
    list.push_back({1, 50 * 60 + 5, 50, false});   // 50 s in a minute: mean 350 ms, fires
    list.push_back({2, 70 * 60, 120, true});       // 2 whole minutes of loss: fires
    list.push_back({1, 100 * 60 + 10, 30, true});  // 30 s of loss: mean 4.5 %, hidden
    list.push_back({2, 150 * 60, 600, false});     // 10 minutes: fires once
    // Raw hours (4-8 h): the engine sees every second.
    list.push_back({0, 260 * 60 + 7, 40, false});  // 40 s: fires
    list.push_back({0, 280 * 60 + 3, 4, false});   // 4 s: shorter than the hold
    list.push_back({1, 300 * 60 + 30, 20, false}); // 20 s: fires (raw sees it)
    list.push_back({2, 330 * 60 + 11, 90, true});  // 90 s of loss: fires
    list.push_back({1, 400 * 60 + 42, 8, true});   // 8 s: shorter than the hold
    list.push_back({2, 440 * 60, 15, false});      // 15 s: fires
    return list;
}

struct Generated
{
    SampleBatch samples;
    // Per user and second: the values, for the brute force.
    std::vector<std::vector<double>> latency;
    std::vector<std::vector<double>> loss;
};

Generated generate()
{
    const qint64 seconds = (Now - Start) / 1000;
    Generated g;
    g.latency.assign(Users, std::vector<double>(size_t(seconds), 100.0));
    g.loss.assign(Users, std::vector<double>(size_t(seconds), 1.0));
    for (const Episode &e : episodes()) {
        for (qint64 s = e.startS; s < e.startS + e.lengthS; ++s)
            (e.loss ? g.loss : g.latency)[size_t(e.user)][size_t(s)] = e.loss ? 8.0 : 400.0;
    }
    for (qint64 s = 0; s < seconds; ++s) {
        for (int u = 0; u < Users; ++u) {
            g.samples.push_back(test::makeSample(
                QStringLiteral("m1"), QStringLiteral("u%1").arg(u), Start + s * 1000 + u * 7,
                500.0, 900.0, g.latency[size_t(u)][size_t(s)], g.loss[size_t(u)][size_t(s)], 3.0,
                Quality::Good));
        }
    }
    return g;
}

// Runs of a condition (one per user), counted as the engine would on the
// plan's rules: a run that lasts the hold time (10 s) from its first to
// its last sample is an incident. `step` is the sample spacing in seconds.
int countRuns(const std::vector<bool> &breach, int stepS)
{
    int incidents = 0;
    size_t i = 0;
    while (i < breach.size()) {
        if (!breach[i]) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < breach.size() && breach[j])
            ++j;
        // Samples i..j-1 breach: they span (j - 1 - i) * step seconds, and
        // with whole minutes the last one's 59 seconds count as well.
        const qint64 spanS = qint64(j - i) * stepS - (stepS == 1 ? 1 : 0);
        if (spanS >= 10)
            ++incidents;
        i = j;
    }
    return incidents;
}

// Brute force: raw seconds where the history has them, minute means before.
std::pair<int, int> bruteForce(const Generated &g, qint64 rawFromS)
{
    int latency = 0;
    int loss = 0;
    for (int u = 0; u < Users; ++u) {
        for (const bool isLoss : {false, true}) {
            const std::vector<double> &v = (isLoss ? g.loss : g.latency)[size_t(u)];
            const double threshold = isLoss ? 5.0 : 300.0;
            std::vector<bool> minutes;
            for (qint64 m = 0; m < rawFromS / 60; ++m) {
                double sum = 0;
                for (qint64 s = m * 60; s < m * 60 + 60; ++s)
                    sum += v[size_t(s)];
                minutes.push_back(sum / 60 > threshold);
            }
            std::vector<bool> seconds;
            for (qint64 s = rawFromS; s < qint64(v.size()); ++s)
                seconds.push_back(v[size_t(s)] > threshold);
            const int n = countRuns(minutes, 60) + countRuns(seconds, 1);
            (isLoss ? loss : latency) += n;
        }
    }
    return {latency, loss};
}

void writeHistory(const QString &path, const SampleBatch &samples, qint64 rawMs)
{
    FixedClock clock;
    HistoryWriter writer(path);
    HistoryRetention retention;
    retention.rawMs = rawMs;
    retention.rollupMs = 0;
    retention.enforce = false;
    writer.setRetention(retention);
    writer.setClock(&clock);
    ASSERT_TRUE(writer.open()) << writer.errorString().toStdString();
    for (size_t i = 0; i < samples.size(); i += 5000) {
        const auto end = samples.begin() + qsizetype(std::min(samples.size(), i + 5000));
        writer.writeBatch(test::makeBatch(SampleBatch(samples.begin() + qsizetype(i), end)));
        ASSERT_TRUE(writer.flush());
    }
    writer.close();
}

class AlertPreviewHistory : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new QTemporaryDir;
        s_generated = new Generated(generate());
        writeHistory(s_dir->filePath(QStringLiteral("split.sqlite")), s_generated->samples,
                     RawKeptMs);
        writeHistory(s_dir->filePath(QStringLiteral("raw.sqlite")), s_generated->samples, 0);
    }
    static void TearDownTestSuite()
    {
        delete s_generated;
        delete s_dir;
    }
    static QString path(const char *name) { return s_dir->filePath(QString::fromLatin1(name)); }

    static QTemporaryDir *s_dir;
    static Generated *s_generated;
};

QTemporaryDir *AlertPreviewHistory::s_dir = nullptr;
Generated *AlertPreviewHistory::s_generated = nullptr;

TEST_F(AlertPreviewHistory, RawAndRollupMinutesMatchTheBruteForce)
{
    // The split is where the writer drew it: raw for the newest 4 hours.
    const qint64 rawBlocks = test::scalar(path("split.sqlite"),
                                          QStringLiteral("SELECT count(*) FROM raw_blocks"))
                                 .toLongLong();
    ASSERT_EQ(rawBlocks, Users * 240);

    auto stats = std::make_shared<HistoryRangeStats>();
    const AlertPreviewResult result = AlertPreview::run(
        AlertRules(), historySampleSource(path("split.sqlite"), stats), Now - 7 * 24 * Hour, Now + 1);
    ASSERT_TRUE(result.ok) << result.error.toStdString();
    EXPECT_EQ(stats->rawUserMinutes, Users * 240);
    EXPECT_EQ(stats->rollupUserMinutes, Users * 240);
    EXPECT_EQ(stats->rollupSamples, Users * 240 * 60);
    EXPECT_EQ(result.samples, qint64(s_generated->samples.size()));

    const auto [latency, loss] = bruteForce(*s_generated, 4 * 3600);
    // The episodes above: 3 + 3 latency incidents, 1 + 1 loss ones.
    EXPECT_EQ(latency, 6);
    EXPECT_EQ(loss, 2);
    EXPECT_EQ(result.fired[size_t(AlertType::HighLatency)], latency);
    EXPECT_EQ(result.fired[size_t(AlertType::PacketLoss)], loss);
    EXPECT_EQ(result.fired[size_t(AlertType::PoorConnection)], 0);
    EXPECT_EQ(result.fired[size_t(AlertType::GatewayDown)], 0);
    EXPECT_EQ(result.totalFired(), latency + loss);
}

TEST_F(AlertPreviewHistory, AllRawHistorySeesTheShortBreachesTheMinutesHid)
{
    auto stats = std::make_shared<HistoryRangeStats>();
    const AlertPreviewResult result = AlertPreview::run(
        AlertRules(), historySampleSource(path("raw.sqlite"), stats), Now - 7 * 24 * Hour, Now + 1);
    ASSERT_TRUE(result.ok) << result.error.toStdString();
    EXPECT_EQ(stats->rollupUserMinutes, 0);
    EXPECT_EQ(stats->rawUserMinutes, Users * 480);
    const auto [latency, loss] = bruteForce(*s_generated, 0);
    EXPECT_EQ(latency, 7); // the 20 s stretch inside a minute now counts
    EXPECT_EQ(loss, 3);    // and so does the 30 s one
    EXPECT_EQ(result.fired[size_t(AlertType::HighLatency)], latency);
    EXPECT_EQ(result.fired[size_t(AlertType::PacketLoss)], loss);
}

TEST_F(AlertPreviewHistory, RangeAndRulesAreHonoured)
{
    // The last 4 hours only (raw): 3 latency, 1 loss.
    AlertPreviewResult recent = AlertPreview::run(
        AlertRules(), historySampleSource(path("split.sqlite")), Now - RawKeptMs, Now + 1);
    ASSERT_TRUE(recent.ok);
    EXPECT_EQ(recent.fired[size_t(AlertType::HighLatency)], 3);
    EXPECT_EQ(recent.fired[size_t(AlertType::PacketLoss)], 1);
    // Teams' thresholds (500 ms, 10 %) raise nothing from these episodes.
    const AlertPreviewResult teams
        = AlertPreview::run(AlertRules::preset(AlertRules::Preset::TeamsCallQuality),
                            historySampleSource(path("split.sqlite")), Now - 7 * 24 * Hour, Now + 1);
    ASSERT_TRUE(teams.ok);
    EXPECT_EQ(teams.totalFired(), 0);
}

TEST_F(AlertPreviewHistory, MissingDatabaseIsAnErrorNotACrash)
{
    const AlertPreviewResult result = AlertPreview::run(
        AlertRules(), historySampleSource(s_dir->filePath(QStringLiteral("nope.sqlite"))),
        Now - Hour, Now);
    EXPECT_FALSE(result.ok);
    EXPECT_FALSE(result.error.isEmpty());
}

TEST_F(AlertPreviewHistory, RunnerReportsProgressAndCancels)
{
    AlertPreviewRunner runner;
    std::vector<AlertPreviewResult> results;
    QObject::connect(&runner, &AlertPreviewRunner::finished, &runner,
                     [&results](quint64, const AlertPreviewResult &result) {
                         results.push_back(result);
                     });
    const auto waitFor = [&](size_t count) {
        QEventLoop loop;
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (results.size() >= count)
                loop.quit();
        });
        poll.start(10);
        QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
        loop.exec();
    };

    runner.start(AlertRules(), historySampleSource(path("split.sqlite")), Now - 7 * 24 * Hour,
                 Now + 1);
    EXPECT_TRUE(runner.isRunning());
    waitFor(1);
    ASSERT_EQ(results.size(), 1u);
    EXPECT_TRUE(results[0].ok);
    EXPECT_EQ(results[0].fired[size_t(AlertType::HighLatency)], 6);
    EXPECT_EQ(runner.permille(), 1000);
    EXPECT_FALSE(runner.isRunning());

    // A source that would never end on its own stops at cancel().
    std::atomic<bool> started {false};
    const SampleSource endless = [&started](qint64 from, qint64, const SampleSink &sink, QString *) {
        for (qint64 t = from;; t += 1000) {
            started = true;
            if (!sink({test::makeSample(QStringLiteral("m"), QStringLiteral("u"), t)}))
                return false;
        }
    };
    runner.start(AlertRules(), endless, Now - Hour, Now);
    while (!started)
        QThread::msleep(1);
    runner.cancel();
    waitFor(2);
    ASSERT_EQ(results.size(), 2u);
    EXPECT_TRUE(results[1].cancelled);
    EXPECT_FALSE(results[1].ok);
}

TEST(IncidentJournal, SilencesSurviveAReopenWithinTheirDuration)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("h.sqlite"));
    {
        HistoryWriter writer(db);
        ASSERT_TRUE(writer.open());
        writer.close();
    }
    Silence user;
    user.meetingId = QStringLiteral("m1");
    user.userId = QStringLiteral("u<b>1</b>");
    user.untilMs = Now + Hour;
    user.createdMs = Now - Minute;
    user.createdBy = QStringLiteral("admin");
    Silence type = user;
    type.meetingId.clear();
    type.userId.clear();
    type.typeName = QStringLiteral("packet-loss");
    type.createdMs = Now - 30'000; // after the user's: loaded second
    Silence expired = user;
    expired.userId = QStringLiteral("u2");
    expired.untilMs = Now - 1;
    {
        IncidentJournal journal(db);
        journal.saveSilence(user);
        journal.saveSilence(user); // the same row, not a second one
        journal.saveSilence(type);
        journal.saveSilence(expired);
        journal.waitForIdle();
    }
    EXPECT_EQ(test::scalar(db, QStringLiteral("SELECT count(*) FROM silences")).toInt(), 3);

    IncidentJournal journal(db);
    std::vector<Silence> loaded;
    bool done = false;
    QObject::connect(&journal, &IncidentJournal::silencesLoaded, &journal,
                     [&](const std::vector<Silence> &silences) {
                         loaded = silences;
                         done = true;
                     });
    journal.loadSilences(Now);
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done)
            loop.quit();
    });
    poll.start(5);
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    loop.exec();
    ASSERT_TRUE(done);
    ASSERT_EQ(loaded.size(), 2u); // the expired one is gone
    EXPECT_EQ(loaded[0].userId, user.userId);
    EXPECT_EQ(loaded[0].createdMs, user.createdMs);
    EXPECT_EQ(loaded[0].untilMs, user.untilMs);
    EXPECT_EQ(loaded[1].typeName, QStringLiteral("packet-loss"));
    EXPECT_TRUE(loaded[1].userId.isEmpty());

    journal.removeSilence(user);
    journal.waitForIdle();
    EXPECT_EQ(test::scalar(db, QStringLiteral("SELECT count(*) FROM silences")).toInt(), 1);
}

} // namespace
