#include "userchartview.h"

#include "chartadapters.h"
#include "chartstyle.h"
#include "plotstack.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace mm {

namespace {

constexpr int MaxTitleChars = 160;

} // namespace

UserChartView::UserChartView(QWidget *parent)
    : ZoomableChartView(parent)
    , m_title(new QLabel(this))
    , m_source(new QLabel(this))
    , m_stack(new PlotStack(this))
{
    setObjectName(QStringLiteral("userChartView"));
    m_title->setObjectName(QStringLiteral("userChartTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_title->setFont(bold);
    m_source->setTextFormat(Qt::PlainText);
    m_source->setForegroundRole(QPalette::PlaceholderText);

    const auto line = [](SeriesMetric m) {
        return LegendEntry{ChartStyle::metricName(m), ChartStyle::metricPen(m), Qt::NoBrush};
    };
    m_bandwidth = m_stack->addPlot(tr("Bandwidth (kbps)"), 3,
                                   {line(SeriesMetric::Upload), line(SeriesMetric::Download)});
    m_latency = m_stack->addPlot(tr("Latency and jitter (ms)"), 3,
                                 {line(SeriesMetric::Latency), line(SeriesMetric::Jitter)});
    m_loss = m_stack->addPlot(tr("Packet loss (%)"), 2, {line(SeriesMetric::PacketLoss)});
    std::vector<LegendEntry> levels;
    for (const Quality q : ShareLevels)
        levels.push_back({ChartStyle::qualityLabel(q), QPen(), ChartStyle::qualityBrush(q)});
    levels.push_back({tr("Inactive"), QPen(), ChartStyle::inactiveBrush()});
    m_quality = m_stack->addPlot(tr("Quality"), 1, levels);
    m_quality->setValueAxisVisible(false);

    m_upload = m_bandwidth->addLine(ChartStyle::metricPen(SeriesMetric::Upload));
    m_download = m_bandwidth->addLine(ChartStyle::metricPen(SeriesMetric::Download));
    m_latencyLine = m_latency->addLine(ChartStyle::metricPen(SeriesMetric::Latency));
    m_jitter = m_latency->addLine(ChartStyle::metricPen(SeriesMetric::Jitter));
    m_lossLine = m_loss->addLine(ChartStyle::metricPen(SeriesMetric::PacketLoss));
    m_lossFormat = QStringLiteral("%.1f");
    m_loss->setValueLabelFormat(TimePlot::Axis::Left, m_lossFormat);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_source);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);

    connect(m_stack, &PlotStack::hovered, this, &UserChartView::onHovered);
    bindPlots(m_stack);
    clear(tr("Select a user to see their history."));
}

void UserChartView::setSeries(const UserSeries &series, qint64 fromMs, qint64 toMs)
{
    const bool sameUser = m_hasData && series.userId == m_series.userId
        && series.meetingId == m_series.meetingId;
    m_series = series;
    setWindow(fromMs, toMs);
    m_hasData = true;
    // Live updates of the same user keep a zoom; anything else starts over.
    if (!sameUser)
        dropZoom();
    m_title->setText(ChartStyle::boundedPlain(
        series.username.isEmpty()
            ? tr("User %1 in meeting %2").arg(series.userId, series.meetingId)
            : tr("%1 — user %2 in meeting %3").arg(series.username, series.userId,
                                                   series.meetingId),
        MaxTitleChars));
    m_source->setText(series.fromRollups ? tr("per-minute rollups: lines show min and max")
                                         : tr("raw 1 s samples"));
    redraw();
}

void UserChartView::clear(const QString &message)
{
    m_series = UserSeries{};
    m_hasData = false;
    m_title->setText(QString());
    m_source->setText(QString());
    redraw();
    m_stack->setMessage(message);
}



void UserChartView::redraw()
{
    const qint64 from = shownFrom();
    const qint64 to = shownTo();
    // Range and data together: each series is laid out once, at endUpdate().
    m_stack->beginUpdate(from, to);
    const PlotRange range{double(from), double(to), m_stack->columns()};
    const auto runs = [&](SeriesMetric m) {
        return ChartAdapters::userMetricRuns(m_series, m, range);
    };
    const PointRuns up = runs(SeriesMetric::Upload);
    const PointRuns down = runs(SeriesMetric::Download);
    const PointRuns latency = runs(SeriesMetric::Latency);
    const PointRuns jitter = runs(SeriesMetric::Jitter);
    const PointRuns loss = runs(SeriesMetric::PacketLoss);
    m_bandwidth->setLineRuns(m_upload, up);
    m_bandwidth->setLineRuns(m_download, down);
    m_latency->setLineRuns(m_latencyLine, latency);
    m_latency->setLineRuns(m_jitter, jitter);
    m_loss->setLineRuns(m_lossLine, loss);
    m_bandwidth->setValueRange(TimePlot::Axis::Left, 0,
                               PlotStack::niceMax(std::max(PlotStack::maxY(up),
                                                           PlotStack::maxY(down)),
                                                  100));
    m_latency->setValueRange(TimePlot::Axis::Left, 0,
                             PlotStack::niceMax(std::max(PlotStack::maxY(latency),
                                                         PlotStack::maxY(jitter)),
                                                50));
    const double lossMax = PlotStack::niceMax(PlotStack::maxY(loss), 2);
    m_loss->setValueRange(TimePlot::Axis::Left, 0, lossMax);
    // A decimal only where the steps need one: "50.0" is noise.
    const QString lossFormat = lossMax >= 10 ? QStringLiteral("%.0f") : QStringLiteral("%.1f");
    if (lossFormat != m_lossFormat) {
        m_lossFormat = lossFormat;
        m_loss->setValueLabelFormat(TimePlot::Axis::Left, lossFormat);
    }

    std::vector<TimePlot::BandSegment> band;
    for (const QualitySegment &s : ChartAdapters::qualitySegments(m_series, range))
        band.push_back({s.fromMs, s.toMs, ChartStyle::qualityBrush(s.level),
                        ChartStyle::qualityLabel(s.level)});
    m_quality->setBandSegments(band);
    // Shading starts where the series' knowledge starts (a live series
    // knows nothing before the meeting was first seen).
    m_stack->setShadedSpans(ChartAdapters::inactiveStretches(m_series.timeMs, m_series.stepMs,
                                                             m_series.fromRollups,
                                                             std::max(from, m_series.fromMs), to),
                            tr("inactive"));
    const auto firstAfter = std::lower_bound(m_series.timeMs.begin(), m_series.timeMs.end(),
                                             from - m_series.stepMs);
    const bool anyInRange = firstAfter != m_series.timeMs.end() && *firstAfter <= to;
    m_stack->setMessage(!m_hasData ? QString()
                                   : (anyInRange ? QString() : tr("No data in this window.")));
    m_stack->endUpdate();
}

QString UserChartView::hoverTextAt(qint64 timeMs) const
{
    QStringList lines;
    lines << ChartStyle::hoverTime(timeMs);
    const int i = ChartAdapters::stepIndexAt(m_series.timeMs, m_series.stepMs, timeMs);
    if (i < 0) {
        lines << tr("No data (inactive)");
        return lines.join(QLatin1Char('\n'));
    }
    const QString stepTime = ChartStyle::hoverTime(m_series.timeMs[size_t(i)]);
    lines[0] = m_series.fromRollups ? tr("%1 (one-minute rollup)").arg(stepTime) : stepTime;
    static constexpr SeriesMetric order[] = {SeriesMetric::Upload, SeriesMetric::Download,
                                             SeriesMetric::Latency, SeriesMetric::Jitter,
                                             SeriesMetric::PacketLoss};
    for (const SeriesMetric m : order) {
        const auto k = size_t(int(m));
        const int decimals = ChartStyle::metricDecimals(m);
        const QString unit = ChartStyle::metricUnit(m);
        const double v = k < m_series.value.size() && size_t(i) < m_series.value[k].size()
            ? m_series.value[k][size_t(i)]
            : std::nan("");
        QString text = tr("%1: %2").arg(ChartStyle::metricName(m),
                                        ChartStyle::formatValue(v, decimals, unit));
        if (m_series.fromRollups && size_t(i) < m_series.min[k].size()
            && size_t(i) < m_series.max[k].size()) {
            const double lo = m_series.min[k][size_t(i)];
            const double hi = m_series.max[k][size_t(i)];
            if (std::isfinite(lo) && std::isfinite(hi))
                text += tr(" (mean; min %1, max %2)")
                            .arg(QLocale().toString(lo, 'f', decimals),
                                 QLocale().toString(hi, 'f', decimals));
        }
        lines << text;
    }
    if (size_t(i) < m_series.quality.size())
        lines << tr("Quality: %1").arg(ChartStyle::qualityLabel(m_series.quality[size_t(i)]));
    return lines.join(QLatin1Char('\n'));
}

void UserChartView::onHovered(qint64 timeMs)
{
    if (!m_hasData)
        return;
    m_stack->showHover(hoverTextAt(timeMs), timeMs);
}

} // namespace mm
