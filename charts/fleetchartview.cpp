#include "fleetchartview.h"

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

QList<QPointF> asPercent(const QList<QPointF> &points)
{
    QList<QPointF> out;
    out.reserve(points.size());
    for (const QPointF &p : points)
        out.append({p.x(), p.y() * 100.0});
    return out;
}

} // namespace

FleetChartView::FleetChartView(QWidget *parent)
    : ZoomableChartView(parent)
    , m_title(new QLabel(tr("All meetings"), this))
    , m_stack(new PlotStack(this))
{
    setObjectName(QStringLiteral("fleetChartView"));
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_title->setFont(bold);

    const QPen usersPen(QColor(0x1f, 0x77, 0xb4), 1);
    QPen meetingsPen(QColor(0x55, 0x55, 0x55), 1);
    meetingsPen.setStyle(Qt::DashLine);
    m_counts = m_stack->addPlot(tr("Live users and meetings"), 2,
                                {{tr("Users (left)"), usersPen, Qt::NoBrush},
                                 {tr("Meetings (right)"), meetingsPen, Qt::NoBrush}});
    m_usersLine = m_counts->addLine(usersPen, TimePlot::Axis::Left);
    m_meetingsLine = m_counts->addLine(meetingsPen, TimePlot::Axis::Right);

    std::vector<LegendEntry> levels;
    for (const Quality q : ShareLevels)
        levels.push_back({ChartStyle::qualityLabel(q), QPen(), ChartStyle::qualityBrush(q)});
    m_shares = m_stack->addPlot(tr("Share of users by quality (%)"), 3, levels);
    for (size_t l = 0; l < ShareLevels.size(); ++l) {
        const QBrush brush = ChartStyle::qualityBrush(ShareLevels[l]);
        m_areas[l] = m_shares->addArea(QPen(brush.color().darker(140), 0.8), brush);
    }
    m_shares->setValueRange(TimePlot::Axis::Left, 0, 100);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_stack, 1);

    connect(m_stack, &PlotStack::hovered, this, &FleetChartView::onHovered);
    bindPlots(m_stack);
    clear(tr("No fleet history yet."));
}

void FleetChartView::setSeries(const FleetSeries &series, qint64 fromMs, qint64 toMs)
{
    m_series = series;
    setWindow(fromMs, toMs);
    m_hasData = true;
    redraw();
}

void FleetChartView::clear(const QString &message)
{
    m_series = FleetSeries{};
    m_hasData = false;
    redraw();
    m_stack->setMessage(message);
}


void FleetChartView::redraw()
{
    const qint64 from = shownFrom();
    const qint64 to = shownTo();
    // Range and data together: each series is laid out once, at endUpdate().
    m_stack->beginUpdate(from, to);
    const PlotRange range{double(from), double(to), m_stack->columns()};
    const PointRuns users = ChartAdapters::fleetUserRuns(m_series, range);
    const PointRuns meetings = ChartAdapters::fleetMeetingRuns(m_series, range);
    m_counts->setLineRuns(m_usersLine, users);
    m_counts->setLineRuns(m_meetingsLine, meetings);
    m_counts->setValueRange(TimePlot::Axis::Left, 0, PlotStack::niceMax(PlotStack::maxY(users), 10));
    m_counts->setValueRange(TimePlot::Axis::Right, 0,
                            PlotStack::niceMax(PlotStack::maxY(meetings), 5));
    const StackedShares shares = ChartAdapters::fleetShares(m_series, range);
    for (size_t l = 0; l < ShareLevels.size(); ++l)
        m_shares->setArea(m_areas[l], asPercent(shares.upper[l]), asPercent(shares.lower[l]));

    std::vector<qint64> present;
    for (size_t i = 0; i < m_series.timeMs.size(); ++i) {
        if (i < m_series.users.size() && m_series.users[i] > 0)
            present.push_back(m_series.timeMs[i]);
    }
    m_stack->setShadedSpans(ChartAdapters::inactiveStretches(present, m_series.stepMs,
                                                             m_series.stepMs >= 60000,
                                                             std::max(from, m_series.fromMs), to),
                            tr("no users"));
    const auto first = std::lower_bound(present.begin(), present.end(), from - m_series.stepMs);
    const bool anyInRange = first != present.end() && *first <= to;
    m_stack->setMessage(m_hasData && !anyInRange ? tr("No data in this window.") : QString());
    m_stack->endUpdate();
}

QString FleetChartView::hoverTextAt(qint64 timeMs) const
{
    QStringList lines;
    const int i = ChartAdapters::stepIndexAt(m_series.timeMs, m_series.stepMs, timeMs);
    if (i < 0 || size_t(i) >= m_series.users.size() || m_series.users[size_t(i)] <= 0) {
        lines << ChartStyle::hoverTime(timeMs) << tr("No users");
        return lines.join(QLatin1Char('\n'));
    }
    const auto k = size_t(i);
    lines << ChartStyle::hoverTime(m_series.timeMs[k]);
    lines << tr("Users: %1").arg(m_series.users[k]);
    if (k < m_series.meetings.size())
        lines << tr("Meetings: %1").arg(m_series.meetings[k]);
    for (size_t l = 0; l < ShareLevels.size(); ++l) {
        const double v = k < m_series.share[l].size() ? m_series.share[l][k] : std::nan("");
        lines << tr("%1: %2").arg(ChartStyle::qualityLabel(ShareLevels[l]),
                                  ChartStyle::formatValue(std::isfinite(v) ? v * 100 : v, 1,
                                                          tr("%")));
    }
    return lines.join(QLatin1Char('\n'));
}

void FleetChartView::onHovered(qint64 timeMs)
{
    if (!m_hasData)
        return;
    m_stack->showHover(hoverTextAt(timeMs), timeMs);
}

} // namespace mm
