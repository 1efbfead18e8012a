// Chart benchmark: time from request to painted for a 7-day user chart and
// a 24-hour meeting chart, and the cost of one live chart repaint. Prints
// figures; asserts nothing (times depend on the machine).
//
//   QT_QPA_PLATFORM=offscreen bench/chart_bench [--db FILE] [--user MEETING/USER]
//                                                [--meeting MEETING]
//
// With --db (a history written by `meeting-monitor simulate`), the series
// come from the real HistoryReader on its own thread, and "request to
// painted" is: request -> series arrives -> adapters, decimation and one
// replace() per series -> the view painted (grab()). Without it, synthetic
// series of the same shape (10,080 one-minute rollups; 1,440 minutes x 12
// participants) stand in for the read.
#include "chartadapters.h"
#include "core/clock.h"
#include "history/historyreader.h"
#include "meetingchartview.h"
#include "model/meetingstore.h"
#include "userchartview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPixmap>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <optional>
#include <random>
#include <vector>

namespace {

constexpr int Runs = 7;
constexpr int LiveRuns = 120;
constexpr int ViewWidth = 1600;
constexpr int ViewHeight = 800;

struct Figures
{
    std::vector<double> read, draw, paint, total;
    // GUI thread CPU time of the whole step: what the chart costs this
    // thread, less sensitive than wall time to other load on the machine.
    std::vector<double> cpu;
};

// CPU time of the calling thread, in ms.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return std::nan("");
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double maxOf(const std::vector<double> &v)
{
    return v.empty() ? std::nan("") : *std::max_element(v.begin(), v.end());
}

void print(const char *what, const Figures &f)
{
    std::printf("%-34s read %7.1f ms | adapt+replace %6.1f ms | paint %6.1f ms | total "
                "median %7.1f ms, max %7.1f ms | GUI thread CPU median %6.1f ms, max %6.1f ms "
                "(%d runs)\n",
                what, median(f.read), median(f.draw), median(f.paint), median(f.total),
                maxOf(f.total), median(f.cpu), maxOf(f.cpu), int(f.total.size()));
}

double msOf(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

mm::UserSeries syntheticWeek(qint64 to)
{
    std::mt19937_64 rng(3);
    std::normal_distribution<double> noise(0.0, 1.0);
    mm::UserSeries s;
    s.meetingId = QStringLiteral("m-bench");
    s.userId = QStringLiteral("u-bench");
    s.stepMs = 60'000;
    s.fromRollups = true;
    const int minutes = 7 * 24 * 60;
    s.fromMs = to - minutes * 60'000LL;
    s.toMs = to;
    for (int i = 0; i < minutes; ++i) {
        if ((i / 60) % 24 >= 8)
            continue; // eight busy hours a day
        s.timeMs.push_back(s.fromMs + i * 60'000LL);
        for (int m = 0; m < mm::SeriesMetricCount; ++m) {
            const double mean = 50 + 10 * noise(rng);
            s.value[size_t(m)].push_back(mean);
            s.min[size_t(m)].push_back(mean * 0.6);
            s.max[size_t(m)].push_back(mean * 1.8);
        }
        s.quality.push_back(mm::Quality::Good);
    }
    return s;
}

mm::MeetingSeries syntheticDay(qint64 to)
{
    mm::MeetingSeries s;
    s.meetingId = QStringLiteral("m-bench");
    s.stepMs = 60'000;
    s.fromRollups = true;
    s.fromMs = to - 24 * 3600'000LL;
    s.toMs = to;
    for (int i = 0; i < 24 * 60; ++i) {
        s.timeMs.push_back(s.fromMs + i * 60'000LL);
        s.score.push_back(80);
        s.participantCount.push_back(12);
    }
    for (int p = 0; p < 12; ++p) {
        mm::MeetingSeries::Participant part;
        part.userId = QStringLiteral("u%1").arg(p);
        for (int i = 0; i < 24 * 60; ++i) {
            part.latencyMs.push_back(40 + p + i % 17);
            part.bandwidthKbps.push_back(2000 + 10 * p + i % 29);
        }
        s.participants.push_back(part);
    }
    return s;
}

// Waits for `signal` of `reader` with `id`: the series, or nullopt when the
// read failed or took over a minute.
template<typename Series, typename Signal>
std::optional<Series> waitFor(mm::HistoryReader &reader, Signal signal, quint64 id)
{
    std::optional<Series> result;
    QEventLoop loop;
    QObject::connect(&reader, signal, &loop, [&](quint64 got, const Series &series) {
        if (got == id) {
            result = series;
            loop.quit();
        }
    });
    QObject::connect(&reader, &mm::HistoryReader::requestFailed, &loop,
                     [&](quint64 got, const QString &error) {
                         if (got == id) {
                             std::printf("  read failed: %s\n", qPrintable(error));
                             loop.quit();
                         }
                     });
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    loop.exec();
    return result;
}

// The user and the meeting chart, shown at the benchmark's size.
struct ShownViews
{
    ShownViews()
    {
        for (QWidget *view : {static_cast<QWidget *>(&user), static_cast<QWidget *>(&meeting)}) {
            view->resize(ViewWidth, ViewHeight);
            view->show();
        }
        QApplication::processEvents();
    }

    mm::UserChartView user;
    mm::MeetingChartView meeting;
};

// Times one chart from request to painted and adds the step to `f`: read()
// gives the series (a HistoryReader round trip, or a synthetic one; nullopt
// when the read failed), show() hands it to the view (adapters, decimation,
// one replace() per series), then the view is painted (grab()). The series,
// or nullopt when the read failed (nothing is added then).
template<typename Series, typename Read, typename Show>
std::optional<Series> timeChart(Figures &f, QWidget &view, Read read, Show show)
{
    QElapsedTimer t;
    t.start();
    const double cpu0 = threadCpuMs();
    std::optional<Series> series = read();
    if (!series)
        return std::nullopt;
    const double readMs = msOf(t);
    show(*series);
    const double drawn = msOf(t);
    const QPixmap painted = view.grab();
    const double total = msOf(t);
    f.read.push_back(readMs);
    f.draw.push_back(drawn - readMs);
    f.paint.push_back(total - drawn);
    f.total.push_back(total);
    f.cpu.push_back(threadCpuMs() - cpu0);
    return series;
}

// Picks a meeting with the most users and its first user, if none given.
bool pickTargets(const QString &db, QString *meeting, QString *user)
{
    if (!meeting->isEmpty() && !user->isEmpty())
        return true;
    bool ok = false;
    {
        QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                     QStringLiteral("chart_bench_pick"));
        sql.setDatabaseName(db);
        sql.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (sql.open()) {
            QSqlQuery q(sql);
            if (q.exec(QStringLiteral("SELECT meeting_id, user_id FROM users WHERE meeting_id = "
                                      "(SELECT meeting_id FROM users GROUP BY meeting_id "
                                      "ORDER BY COUNT(*) DESC LIMIT 1) LIMIT 1"))
                && q.next()) {
                if (meeting->isEmpty())
                    *meeting = q.value(0).toString();
                if (user->isEmpty()) {
                    *user = q.value(1).toString();
                    *meeting = q.value(0).toString();
                }
                ok = true;
            }
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("chart_bench_pick"));
    return ok;
}

class FixedClock final : public mm::Clock
{
public:
    qint64 nowMs() const override { return now; }
    qint64 now = 0;
};

void benchLiveRepaint()
{
    // One user's 15 minutes of live history (the store's capacity) drawn
    // over the 5-minute Live window, as DetailArea does on each tick.
    FixedClock clock;
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000 - 900'000;
    mm::MeetingStore store(clock);
    std::mt19937_64 rng(5);
    std::normal_distribution<double> noise(0.0, 1.0);
    for (int sec = 0; sec < 900; ++sec) {
        clock.now = t0 + sec * 1000LL;
        mm::SampleBatch batch;
        for (int u = 0; u < 12; ++u) {
            mm::Sample s;
            s.meetingId = QStringLiteral("m-live");
            s.userId = QStringLiteral("u%1").arg(u);
            s.receivedMs = clock.now;
            s.uploadKbps = 900 + 50 * noise(rng);
            s.downloadKbps = 1800 + 80 * noise(rng);
            s.latencyMs = 45 + 5 * noise(rng);
            s.packetLossPct = std::abs(noise(rng));
            s.jitterMs = 3 + std::abs(noise(rng));
            s.quality = mm::classifyQuality(*s.latencyMs, *s.packetLossPct);
            batch.push_back(s);
        }
        store.applyBatch(batch);
    }
    // Each run is one live tick: the window scrolls by a second and one
    // new second of data enters it (the store holds 15 minutes; the runs
    // walk through its last 5).
    const qint64 firstTo = clock.now - LiveRuns * 1000LL;

    ShownViews views;
    mm::UserChartView &userView = views.user;
    mm::MeetingChartView &meetingView = views.meeting;

    const mm::UserNode *user = store.findUser(QStringLiteral("m-live"), QStringLiteral("u0"));
    const mm::MeetingNode *meeting = store.findMeeting(QStringLiteral("m-live"));
    // The window's backing store is reused from one repaint to the next;
    // so is this pixmap (grab() would allocate and fault in 5 MB each time).
    QPixmap userPixmap(userView.size());
    QPixmap meetingPixmap(meetingView.size());
    Figures fu, fm;
    for (int run = 0; run < LiveRuns; ++run) {
        const qint64 to = firstTo + run * 1000LL;
        const qint64 from = to - 300'000;
        QElapsedTimer t;
        t.start();
        double cpu0 = threadCpuMs();
        userView.setSeries(mm::ChartAdapters::userSeriesFromLive(*user, from, to), from, to);
        const double draw = msOf(t);
        userView.render(&userPixmap);
        const double total = msOf(t);
        fu.draw.push_back(draw);
        fu.paint.push_back(total - draw);
        fu.total.push_back(total);
        fu.cpu.push_back(threadCpuMs() - cpu0);

        t.restart();
        cpu0 = threadCpuMs();
        meetingView.setSeries(
            mm::ChartAdapters::meetingSeriesFromLive(*meeting, from, to), from, to);
        const double mdraw = msOf(t);
        meetingView.render(&meetingPixmap);
        const double mtotal = msOf(t);
        fm.draw.push_back(mdraw);
        fm.paint.push_back(mtotal - mdraw);
        fm.total.push_back(mtotal);
        fm.cpu.push_back(threadCpuMs() - cpu0);
    }
    print("live user repaint (5 min, 1 Hz)", fu);
    print("live meeting repaint (12 users)", fm);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("History database."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption userOption(QStringLiteral("user"), QStringLiteral("MEETING/USER"),
                                        QStringLiteral("TARGET"));
    const QCommandLineOption meetingOption(QStringLiteral("meeting"), QStringLiteral("MEETING"),
                                           QStringLiteral("ID"));
    const QCommandLineOption liveOnlyOption(QStringLiteral("live-only"),
                                            QStringLiteral("Only the live repaint (for perf)."));
    parser.addOptions({dbOption, userOption, meetingOption, liveOnlyOption});
    parser.addHelpOption();
    parser.process(app);

    std::printf("chart_bench: view %dx%d, offscreen raster, Qt Charts %s\n", ViewWidth,
                ViewHeight, qVersion());
    if (parser.isSet(liveOnlyOption)) {
        benchLiveRepaint();
        return 0;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    ShownViews views;
    mm::UserChartView &userView = views.user;
    mm::MeetingChartView &meetingView = views.meeting;

    Figures week, day;
    if (parser.isSet(dbOption)) {
        const QString db = parser.value(dbOption);
        QString meeting = parser.value(meetingOption);
        QString user;
        if (parser.isSet(userOption)) {
            const QString target = parser.value(userOption);
            meeting = target.section(QLatin1Char('/'), 0, 0);
            user = target.section(QLatin1Char('/'), 1);
        }
        if (!pickTargets(db, &meeting, &user)) {
            std::printf("cannot pick a meeting and user from %s\n", qPrintable(db));
            return 1;
        }
        std::printf("history %s: user %s/%s, meeting %s\n", qPrintable(db), qPrintable(meeting),
                    qPrintable(user), qPrintable(meeting));
        mm::HistoryReader reader(db);
        const qint64 weekFrom = now - 7 * 24 * 3600'000LL;
        const qint64 dayFrom = now - 24 * 3600'000LL;
        for (int run = 0; run < Runs; ++run) {
            const auto series = timeChart<mm::UserSeries>(
                week, userView,
                [&] {
                    return waitFor<mm::UserSeries>(reader, &mm::HistoryReader::userSeriesReady,
                                                   reader.requestUser(meeting, user, weekFrom, now));
                },
                [&](const mm::UserSeries &read) { userView.setSeries(read, weekFrom, now); });
            if (!series)
                break;
            if (run == 0)
                std::printf("  7-day user series: %zu steps of %d ms (%s)\n", series->timeMs.size(),
                            series->stepMs, series->fromRollups ? "rollups" : "raw");

            const auto ms = timeChart<mm::MeetingSeries>(
                day, meetingView,
                [&] {
                    return waitFor<mm::MeetingSeries>(reader,
                                                      &mm::HistoryReader::meetingSeriesReady,
                                                      reader.requestMeeting(meeting, dayFrom, now));
                },
                [&](const mm::MeetingSeries &read) { meetingView.setSeries(read, dayFrom, now); });
            if (!ms)
                break;
            if (run == 0)
                std::printf("  24-hour meeting series: %zu steps of %d ms, %zu participants\n",
                            ms->timeMs.size(), ms->stepMs, ms->participants.size());
        }
        print("7-day user chart (HistoryReader)", week);
        print("24-hour meeting chart (HistoryReader)", day);
    } else {
        for (int run = 0; run < Runs; ++run) {
            timeChart<mm::UserSeries>(
                week, userView, [&] { return std::optional(syntheticWeek(now)); },
                [&](const mm::UserSeries &series) {
                    userView.setSeries(series, series.fromMs, series.toMs);
                });
            timeChart<mm::MeetingSeries>(
                day, meetingView, [&] { return std::optional(syntheticDay(now)); },
                [&](const mm::MeetingSeries &series) {
                    meetingView.setSeries(series, series.fromMs, series.toMs);
                });
        }
        print("7-day user chart (synthetic)", week);
        print("24-hour meeting chart (synthetic)", day);
    }
    benchLiveRepaint();
    return 0;
}
