// The chart views offscreen: each renders hand-made series (as the history
// reader delivers them) with the right number of series, gaps as gaps,
// plain-text names and hover; the detail area follows the live model and
// reads long windows through the real HistoryReader.
#include "chartstyle.h"
#include "detailarea.h"
#include "fleetchartview.h"
#include "history/historyreader.h"
#include "history/historywriter.h"
#include "mainwindow.h"
#include "meetingchartview.h"
#include "model/meetingfilterproxymodel.h"
#include "model/meetingtreemodel.h"
#include "model/modelroles.h"
#include "plotstack.h"
#include "timeplot.h"
#include "timewindowbar.h"
#include "userchartview.h"
#include "windowscreenshot.h"

#include <QApplication>
#include <QDateTime>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <atomic>
#include <cmath>
#include <gtest/gtest.h>

using namespace mm;

namespace {

const double NaN = std::nan("");
const QString HtmlName = QStringLiteral("<b>bold</b><img src=x>");

class TestClock final : public Clock
{
public:
    explicit TestClock(qint64 now)
        : m_now(now)
    {
    }
    qint64 nowMs() const override { return m_now.load(); }
    void set(qint64 ms) { m_now = ms; }

private:
    std::atomic<qint64> m_now;
};

// Ten minutes of raw data with a 2-minute silence and one unknown latency.
UserSeries handMadeUser(qint64 t0)
{
    UserSeries s;
    s.meetingId = QStringLiteral("m-1");
    s.userId = QStringLiteral("u-1");
    s.username = HtmlName;
    s.fromMs = t0;
    s.toMs = t0 + 600'000;
    s.stepMs = 1000;
    for (int sec = 0; sec < 600; ++sec) {
        if (sec >= 200 && sec < 320)
            continue;
        s.timeMs.push_back(t0 + sec * 1000LL);
        s.value[size_t(SeriesMetric::Upload)].push_back(800 + sec % 50);
        s.value[size_t(SeriesMetric::Download)].push_back(1600 + sec % 70);
        s.value[size_t(SeriesMetric::Latency)].push_back(sec == 100 ? NaN : 40 + sec % 30);
        s.value[size_t(SeriesMetric::Jitter)].push_back(3 + sec % 4);
        s.value[size_t(SeriesMetric::PacketLoss)].push_back(sec > 500 ? 4.0 : 0.2);
        s.quality.push_back(sec > 500 ? Quality::Fair : Quality::Excellent);
    }
    return s;
}

int countColour(const QImage &image, const QColor &colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - colour.red()) <= 6 && qAbs(c.green() - colour.green()) <= 6
                && qAbs(c.blue() - colour.blue()) <= 6)
                ++n;
        }
    return n;
}

QPoint plotPoint(const TimePlot *plot, qint64 timeMs)
{
    const QRectF area = plot->chart()->plotArea();
    const double f = double(timeMs - plot->timeFrom()) / double(plot->timeTo() - plot->timeFrom());
    return QPoint(int(area.left() + f * area.width()), int(area.center().y()));
}

} // namespace

TEST(UserChartViewTest, RendersFourPlotsWithGapsAsGapsAndAPlainTitle)
{
    const qint64 t0 = 1'700'000'000'000;
    UserChartView view;
    view.resize(1000, 700);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    view.setSeries(handMadeUser(t0), t0, t0 + 600'000);

    PlotStack *stack = view.plots();
    ASSERT_EQ(stack->plotCount(), 4);
    // Upload and download each in two runs (the silence splits them).
    EXPECT_EQ(stack->plot(0)->visibleSeriesCount(), 4);
    // Latency: the unknown second splits it once more; jitter two runs.
    EXPECT_EQ(stack->plot(1)->visibleSeriesCount(), 5);
    EXPECT_EQ(stack->plot(2)->visibleSeriesCount(), 2);
    // The silence is shaded in every plot; the band shows two levels
    // before it... and after it (excellent, then fair after 500 s).
    EXPECT_EQ(stack->plot(0)->shadedSpanCount(), 1);
    EXPECT_EQ(stack->plot(3)->bandSegmentCount(), 3);
    EXPECT_TRUE(stack->message().isEmpty());

    const QImage image = view.grab().toImage();
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), view.size());
    EXPECT_GT(countColour(image, ChartStyle::metricColor(SeriesMetric::Latency)), 50);
    EXPECT_GT(countColour(image, ChartStyle::qualityColor(Quality::Fair)), 50);

    auto *title = view.findChild<QLabel *>(QStringLiteral("userChartTitle"));
    ASSERT_NE(title, nullptr);
    EXPECT_EQ(title->textFormat(), Qt::PlainText);
    EXPECT_TRUE(title->text().contains(HtmlName));
    for (QLabel *label : view.findChildren<QLabel *>()) {
        if (label->pixmap().isNull()) {
            EXPECT_EQ(label->textFormat(), Qt::PlainText) << qPrintable(label->text());
        }
    }
}

// The lines are path items of TimePlot's own, not Qt Charts series: they
// must land where the axes say, stay inside the plot area and leave the
// silence empty.
TEST(UserChartViewTest, LinesAreDrawnAtTheirValuesAndNeverAcrossAGap)
{
    const qint64 t0 = 1'700'000'000'000;
    UserChartView view;
    view.resize(1000, 700);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    view.setSeries(handMadeUser(t0), t0, t0 + 600'000);
    TimePlot *plot = view.plots()->plot(0);
    const QImage image = plot->grab().toImage();
    const QRectF area = plot->chart()->plotArea();
    // Blue-ish, even blended half into the background by antialiasing:
    // greys, hatching and the green download line are not.
    const auto isUpload = [](const QColor &c) {
        return c.blue() - c.red() > 30 && c.blue() > c.green();
    };
    ASSERT_TRUE(isUpload(ChartStyle::metricColor(SeriesMetric::Upload)));
    const auto uploadRowsAt = [&](qint64 timeMs) {
        std::vector<int> rows;
        const int x0 = plotPoint(plot, timeMs).x();
        for (int y = 0; y < image.height(); ++y) {
            for (int x = x0 - 1; x <= x0 + 1; ++x) {
                if (isUpload(image.pixelColor(x, y))) {
                    rows.push_back(y);
                    break;
                }
            }
        }
        return rows;
    };
    // At 100 s upload is 800 kbps on a 0..2000 axis: 60 % down the area.
    const std::vector<int> before = uploadRowsAt(t0 + 100'000);
    ASSERT_FALSE(before.empty());
    const double expectedY = area.bottom() - 800.0 / 2000.0 * area.height();
    for (const int y : before)
        EXPECT_NEAR(y, expectedY, 6.0);
    // In the silence (200..320 s) nothing is drawn, not even a bridge.
    EXPECT_TRUE(uploadRowsAt(t0 + 260'000).empty());
    EXPECT_FALSE(uploadRowsAt(t0 + 400'000).empty());
    // Outside the plot area (the value labels' margin) no line pixels.
    int outside = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < int(area.left()) - 1; ++x)
            outside += isUpload(image.pixelColor(x, y)) ? 1 : 0;
    EXPECT_EQ(outside, 0);
}

// Qt Charts shows "..." for a value label taller than its share of the
// axis: short plots (packet loss) must get few enough ticks to fit.
TEST(UserChartViewTest, ValueLabelsAreNeverElidedInShortPlots)
{
    const qint64 t0 = 1'700'000'000'000;
    UserChartView view;
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    for (const int height : {320, 380, 450, 560, 700}) {
        view.resize(1000, height);
        QCoreApplication::processEvents();
        view.setSeries(handMadeUser(t0), t0, t0 + 600'000);
        for (int p = 0; p < 3; ++p) {
            int labels = 0;
            for (QGraphicsItem *item : view.plots()->plot(p)->scene()->items()) {
                auto *text = dynamic_cast<QGraphicsTextItem *>(item);
                if (!text || !text->isVisible() || text->toPlainText().isEmpty())
                    continue;
                ++labels;
                EXPECT_FALSE(text->toPlainText().contains(QStringLiteral("...")))
                    << "plot " << p << " at height " << height;
            }
            // A plot a label high keeps one (Qt Charts hides overlaps).
            EXPECT_GE(labels, height >= 450 ? 2 : 1) << "plot " << p << " at height " << height;
        }
    }
}

TEST(UserChartViewTest, HoverShowsExactValuesUnknownsAndInactivity)
{
    const qint64 t0 = 1'700'000'000'000;
    UserChartView view;
    view.resize(1000, 700);
    view.setSeries(handMadeUser(t0), t0, t0 + 600'000);

    const QString at50 = view.hoverTextAt(t0 + 50'500);
    EXPECT_TRUE(at50.contains(QStringLiteral("Latency: 60 ms"))) << qPrintable(at50);
    EXPECT_TRUE(at50.contains(QStringLiteral("Upload: 800 kbps"))) << qPrintable(at50);
    EXPECT_TRUE(at50.contains(QStringLiteral("Quality: Excellent"))) << qPrintable(at50);
    const QString at100 = view.hoverTextAt(t0 + 100'000);
    EXPECT_TRUE(at100.contains(QStringLiteral("Latency: unknown"))) << qPrintable(at100);
    const QString inGap = view.hoverTextAt(t0 + 250'000);
    EXPECT_TRUE(inGap.contains(QStringLiteral("inactive"))) << qPrintable(inGap);

    // Moving the mouse over a plot shows the same text in the plain hover box.
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    TimePlot *plot = view.plots()->plot(1);
    QTest::mouseMove(plot->viewport(), plotPoint(plot, t0 + 50'500));
    QTRY_VERIFY_WITH_TIMEOUT(!view.plots()->hoverText().isEmpty(), 5000);
    auto *hover = view.findChild<QLabel *>(QStringLiteral("hoverText"));
    ASSERT_NE(hover, nullptr);
    EXPECT_EQ(hover->textFormat(), Qt::PlainText);
}

TEST(UserChartViewTest, DraggingZoomsEveryPlotAndResetRestoresTheWindow)
{
    const qint64 t0 = 1'700'000'000'000;
    UserChartView view;
    view.resize(1000, 700);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    view.setSeries(handMadeUser(t0), t0, t0 + 600'000);
    QSignalSpy zoomed(&view, &UserChartView::zoomChanged);

    TimePlot *plot = view.plots()->plot(0);
    const QPoint from = plotPoint(plot, t0 + 100'000);
    const QPoint to = plotPoint(plot, t0 + 300'000);
    QTest::mousePress(plot->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(plot->viewport(), to);
    QTest::mouseRelease(plot->viewport(), Qt::LeftButton, {}, to);
    ASSERT_TRUE(view.isZoomed());
    ASSERT_EQ(zoomed.count(), 1);
    for (int i = 0; i < view.plots()->plotCount(); ++i) {
        EXPECT_NEAR(double(view.plots()->plot(i)->timeFrom()), double(t0 + 100'000), 2000.0);
        EXPECT_NEAR(double(view.plots()->plot(i)->timeTo()), double(t0 + 300'000), 2000.0);
    }
    view.resetZoom();
    EXPECT_FALSE(view.isZoomed());
    EXPECT_EQ(view.plots()->plot(3)->timeFrom(), t0);
    EXPECT_EQ(view.plots()->plot(3)->timeTo(), t0 + 600'000);
}

TEST(UserChartViewTest, AnEmptyWindowSaysSoInsteadOfDrawingZeros)
{
    const qint64 t0 = 1'700'000'000'000;
    UserChartView view;
    view.resize(800, 600);
    view.setSeries(handMadeUser(t0), t0 + 3'600'000, t0 + 7'200'000);
    EXPECT_FALSE(view.plots()->message().isEmpty());
    EXPECT_EQ(view.plots()->plot(0)->visibleSeriesCount(), 0);
}

TEST(MeetingChartViewTest, OneLinePerParticipantPlainLegendAndHighlight)
{
    const qint64 t0 = 1'700'000'000'000;
    MeetingSeries s;
    s.meetingId = QStringLiteral("m-1");
    s.meetingName = QStringLiteral("Weekly <i>sync</i>");
    s.stepMs = 60'000;
    s.fromRollups = true;
    const int steps = 24 * 60;
    for (int i = 0; i < steps; ++i) {
        s.timeMs.push_back(t0 + i * 60'000LL);
        s.score.push_back(80 + i % 20);
        s.participantCount.push_back(3);
    }
    for (int p = 0; p < 3; ++p) {
        MeetingSeries::Participant part;
        part.userId = QStringLiteral("u-%1").arg(p);
        part.username = p == 1 ? HtmlName : QStringLiteral("User %1").arg(p);
        for (int i = 0; i < steps; ++i) {
            part.latencyMs.push_back(40.0 + p * 30 + i % 10);
            part.bandwidthKbps.push_back(2000.0 + p * 100);
        }
        s.participants.push_back(part);
    }
    MeetingChartView view;
    view.resize(1100, 700);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    view.setSeries(s, t0, t0 + steps * 60'000LL);

    EXPECT_EQ(view.plots()->plotCount(), 3);
    EXPECT_EQ(view.plots()->plot(0)->visibleSeriesCount(), 3);
    EXPECT_EQ(view.plots()->plot(1)->visibleSeriesCount(), 3);
    EXPECT_EQ(view.plots()->plot(2)->visibleSeriesCount(), 2); // score and count
    ASSERT_EQ(view.legend()->count(), 3);
    EXPECT_EQ(view.legend()->item(1)->text(), HtmlName); // item text is never markup
    EXPECT_FALSE(view.grab().toImage().isNull());

    const QRect row = view.legend()->visualItemRect(view.legend()->item(1));
    QTest::mouseClick(view.legend()->viewport(), Qt::LeftButton, {}, row.center());
    EXPECT_EQ(view.highlightedUser(), QStringLiteral("u-1"));
    // The highlighted user leads the hover text.
    const QStringList lines = view.hoverTextAt(t0 + 90'000).split(QLatin1Char('\n'));
    ASSERT_GE(lines.size(), 4);
    EXPECT_TRUE(lines[3].startsWith(HtmlName)) << qPrintable(lines.join(QLatin1Char('|')));
    QTest::mouseClick(view.legend()->viewport(), Qt::LeftButton, {}, row.center());
    EXPECT_TRUE(view.highlightedUser().isEmpty());
}

TEST(FleetChartViewTest, CountsAndStackedSharesRender)
{
    const qint64 t0 = 1'700'000'000'000;
    FleetSeries f;
    f.stepMs = 60'000;
    for (int i = 0; i < 7 * 24 * 60; ++i) {
        f.timeMs.push_back(t0 + i * 60'000LL);
        const bool night = (i / 60) % 24 >= 20;
        f.users.push_back(night ? 0 : 500 + i % 100);
        f.meetings.push_back(night ? 0 : 60);
        const double share[] = {0.6, 0.2, 0.1, 0.05, 0.05};
        for (size_t l = 0; l < ShareLevels.size(); ++l)
            f.share[l].push_back(night ? NaN : share[l]);
    }
    FleetChartView view;
    view.resize(1100, 600);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    view.setSeries(f, t0, t0 + 7 * 24 * 3600'000LL);
    ASSERT_EQ(view.plots()->plotCount(), 2);
    EXPECT_EQ(view.plots()->plot(1)->visibleSeriesCount(), int(ShareLevels.size()));
    EXPECT_GE(view.plots()->plot(0)->visibleSeriesCount(), 2 * 7); // nights split the lines
    EXPECT_GT(view.plots()->plot(0)->shadedSpanCount(), 5);
    const QImage image = view.grab().toImage();
    EXPECT_GT(countColour(image, ChartStyle::qualityColor(Quality::Excellent)), 200);
    // Decimated: a week of minutes is far fewer points than 10,080 per line.
    EXPECT_LT(view.plots()->plot(0)->visiblePointCount(), 2 * 4 * 1100);
    EXPECT_TRUE(view.hoverTextAt(t0 + 30 * 60'000).contains(QStringLiteral("Users: 530")));
}

namespace {

Sample liveSample(qint64 at, const QString &meeting, const QString &user)
{
    Sample s;
    s.meetingId = meeting;
    s.userId = user;
    s.username = user;
    s.receivedMs = at;
    s.uploadKbps = 700;
    s.downloadKbps = 1400;
    s.latencyMs = 55;
    s.packetLossPct = 0.3;
    s.jitterMs = 2;
    s.quality = Quality::Good;
    return s;
}

// A history file of one user ("m-h"/"u-h"): `minutes` of 1 Hz samples up
// to now, written by the history writer as the application does.
struct OneUserHistory
{
    explicit OneUserHistory(int minutes)
    {
        HistoryWriterThread writer(path);
        QString error;
        EXPECT_TRUE(writer.start(&error)) << qPrintable(error);
        auto batch = std::make_shared<SampleBatch>();
        for (qint64 sec = qint64(minutes) * 60; sec > 0; --sec)
            batch->push_back(liveSample(now - sec * 1000, QStringLiteral("m-h"),
                                        QStringLiteral("u-h")));
        QMetaObject::invokeMethod(writer.writer(), [&writer, batch] {
            writer.writer()->writeBatch(batch);
        }, Qt::QueuedConnection);
        EXPECT_TRUE(writer.flush());
        writer.stop();
    }

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
};

} // namespace

TEST(DetailAreaTest, LiveFollowsTheModelAndSwitchesViewsBySelection)
{
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
    TestClock clock(t0);
    MeetingTreeModel model(clock);
    for (int sec = 0; sec < 90; ++sec) {
        clock.set(t0 + sec * 1000);
        auto batch = std::make_shared<SampleBatch>();
        batch->push_back(liveSample(clock.nowMs(), QStringLiteral("m-1"), QStringLiteral("u-a")));
        batch->push_back(liveSample(clock.nowMs(), QStringLiteral("m-1"), QStringLiteral("u-b")));
        model.applyBatch(batch);
    }
    DetailArea area(clock, model);
    area.resize(1100, 700);
    area.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&area));
    EXPECT_EQ(area.currentView(), area.fleetView());

    area.showSelection(QStringLiteral("m-1"), QStringLiteral("u-a"));
    EXPECT_EQ(area.currentView(), area.userView());
    EXPECT_EQ(area.userView()->series().timeMs.size(), 90u);
    EXPECT_EQ(area.userView()->plots()->plot(0)->visibleSeriesCount(), 2);

    // New data is drawn by the coalescing timer, not per batch.
    const int before = area.liveRepaints();
    for (int sec = 90; sec < 95; ++sec) {
        clock.set(t0 + sec * 1000);
        auto batch = std::make_shared<SampleBatch>();
        batch->push_back(liveSample(clock.nowMs(), QStringLiteral("m-1"), QStringLiteral("u-a")));
        model.applyBatch(batch);
    }
    EXPECT_EQ(area.liveRepaints(), before);
    QTRY_COMPARE_WITH_TIMEOUT(area.userView()->series().timeMs.size(), size_t(95), 5000);

    area.showSelection(QStringLiteral("m-1"), QString());
    EXPECT_EQ(area.currentView(), area.meetingView());
    EXPECT_EQ(area.meetingView()->legend()->count(), 2);
    area.showSelection(QString(), QString());
    EXPECT_EQ(area.currentView(), area.fleetView());
    EXPECT_EQ(area.fleetView()->series().users.back() >= 0, true);

    // Without a history, long windows say so instead of showing nothing.
    area.setWindow(TimeWindowKind::Day);
    EXPECT_FALSE(area.isLoading());
    EXPECT_FALSE(area.fleetView()->plots()->message().isEmpty());
}

TEST(DetailAreaTest, LongWindowsAreReadByTheHistoryReaderOffTheGuiThread)
{
    const OneUserHistory history(10);
    const qint64 now = history.now;
    TestClock clock(now);
    MeetingTreeModel model(clock);
    HistoryReader reader(history.path);
    DetailArea area(clock, model);
    area.resize(1000, 700);
    area.show();
    area.setHistoryReader(&reader);
    QSignalSpy shown(&area, &DetailArea::historyShown);
    area.showSelection(QStringLiteral("m-h"), QStringLiteral("u-h"));
    EXPECT_TRUE(area.userView()->plots()->message().contains(QStringLiteral("not live")));
    area.setWindow(TimeWindowKind::Hour);
    EXPECT_TRUE(area.isLoading());
    EXPECT_TRUE(area.windowBar()->isBusy());
    ASSERT_TRUE(shown.wait(20000));
    EXPECT_FALSE(area.isLoading());
    EXPECT_FALSE(area.windowBar()->isBusy());
    EXPECT_TRUE(area.windowBar()->statusText().isEmpty())
        << qPrintable(area.windowBar()->statusText());
    EXPECT_GE(area.userView()->series().timeMs.size(), 590u);
    EXPECT_GE(area.userView()->plots()->plot(0)->visibleSeriesCount(), 2);
}

TEST(MainWindowChartsTest, SelectingATreeRowShowsItsCharts)
{
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
    TestClock clock(t0);
    MainWindow window(clock);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    auto batch = std::make_shared<SampleBatch>();
    batch->push_back(liveSample(t0, QStringLiteral("m-w"), QStringLiteral("u-w")));
    window.model()->applyBatch(batch);
    QTRY_COMPARE_WITH_TIMEOUT(window.proxyModel()->rowCount(), 1, 5000);

    window.selectTarget(QStringLiteral("m-w"), QStringLiteral("u-w"));
    const QModelIndex current = window.treeView()->currentIndex();
    ASSERT_TRUE(current.isValid());
    EXPECT_EQ(current.data(UserIdRole).toString(), QStringLiteral("u-w"));
    EXPECT_EQ(window.detailArea()->currentView(), window.detailArea()->userView());

    window.treeView()->setCurrentIndex(window.proxyModel()->index(0, 0));
    EXPECT_EQ(window.detailArea()->currentView(), window.detailArea()->meetingView());
    EXPECT_FALSE(window.grab().isNull());
}

TEST(WindowScreenshotTest, WaitsForAPendingHistoryReadBeforeTakingThePicture)
{
    const OneUserHistory history(120);
    TestClock clock(history.now);
    HistoryReader reader(history.path);
    MainWindow window(clock);
    window.setHistory(&reader, nullptr);
    window.show();
    window.detailArea()->setWindow(TimeWindowKind::Week);
    window.selectTarget(QStringLiteral("m-h"), QStringLiteral("u-h"));
    // A 7-day read is under way: a picture taken now would show it pending.
    ASSERT_TRUE(window.detailArea()->isLoading());

    const QString file = history.dir.filePath(QStringLiteral("shot.png"));
    WindowScreenshot screenshot(window, file);
    bool loadingWhenTaken = true;
    QString statusWhenTaken;
    QObject::connect(&screenshot, &WindowScreenshot::taken, &window, [&] {
        loadingWhenTaken = window.detailArea()->isLoading();
        statusWhenTaken = window.detailArea()->windowBar()->statusText();
    });
    QSignalSpy taken(&screenshot, &WindowScreenshot::taken);
    screenshot.start(0);
    ASSERT_TRUE(taken.wait(WindowScreenshot::MaxSettleMs + 10'000));
    EXPECT_TRUE(taken.at(0).at(0).toBool()); // saved
    EXPECT_TRUE(taken.at(0).at(1).toBool()); // settled
    EXPECT_FALSE(loadingWhenTaken);
    EXPECT_FALSE(statusWhenTaken.contains(QStringLiteral("Reading history")))
        << qPrintable(statusWhenTaken);
    EXPECT_GE(window.detailArea()->userView()->series().timeMs.size(), 100u);
    EXPECT_FALSE(QImage(file).isNull());
}

TEST(MainWindowLayoutTest, BrowsingAHistoryWithoutAConnectionGivesTheChartsTheRoom)
{
    const OneUserHistory history(2);
    const qint64 now = history.now;
    TestClock clock(now);
    HistoryReader reader(history.path);

    // Read-only history, no connection (--db): one line says "not
    // connected", the charts get the rest.
    MainWindow browsing(clock);
    browsing.setHistory(&reader, nullptr);
    browsing.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&browsing));
    QWidget *notConnected = browsing.findChild<QWidget *>(QStringLiteral("notConnectedPage"));
    ASSERT_NE(notConnected, nullptr);
    EXPECT_TRUE(notConnected->isVisible());
    EXPECT_TRUE(browsing.findChild<QLabel *>(QStringLiteral("notConnectedLabel"))->isVisible());
    const int total = browsing.splitter()->height();
    EXPECT_LT(browsing.splitter()->widget(0)->height(), total / 8);
    EXPECT_GT(browsing.detailArea()->height(), total * 3 / 4);

    // Live data arrives: the tree is the main view again, half the room.
    auto batch = std::make_shared<SampleBatch>();
    batch->push_back(liveSample(now, QStringLiteral("m-w"), QStringLiteral("u-w")));
    browsing.model()->applyBatch(batch);
    QTRY_VERIFY_WITH_TIMEOUT(browsing.treeView()->isVisible(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(browsing.splitter()->widget(0)->height() > total / 3, 5000);

    // Not browsing (the window records into its own history, or has none):
    // the not-connected page is the large invitation as before.
    MainWindow fresh(clock);
    fresh.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&fresh));
    EXPECT_GT(fresh.splitter()->widget(0)->height(), fresh.splitter()->height() / 4);
}
