#include "timeplot.h"

#include "chartstyle.h"

#include <QAreaSeries>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsLineItem>
#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QMouseEvent>
#include <QPainter>
#include <QRubberBand>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace mm {

namespace {

// Overlays sit above the plot background but below the grid and series
// (Qt Charts draws the plot area at z 0, shades at 1, the grid at 2 and
// series from 4 on), labels and the crosshair above everything.
constexpr qreal OverlayZ = 1.5;
constexpr qreal LineZ = 4.5; // above the areas (series, z 4), below the labels
constexpr qreal TopZ = 20;
constexpr int MinDragPixels = 5;
constexpr int MinLabelPixels = 60;

QFont smallFont(const QWidget *widget)
{
    QFont font = widget->font();
    font.setPointSizeF(std::max(6.0, font.pointSizeF() * 0.85));
    return font;
}

// Ticks a round duration apart (a minute, ten minutes, four hours, a day),
// as many as the width allows. QDateTimeAxis only divides the range evenly,
// so the tick count is what makes the step round.
int timeTickCount(qint64 spanMs, int columns)
{
    static constexpr qint64 steps[] = {
        10'000,    15'000,    30'000,     60'000,     120'000,    300'000,
        600'000,   900'000,   1'800'000,  3'600'000,  7'200'000,  10'800'000,
        14'400'000, 21'600'000, 43'200'000, 86'400'000, 172'800'000, 604'800'000};
    const qint64 maxIntervals = std::max(2, columns / 110);
    for (const qint64 step : steps) {
        if (spanMs / step <= maxIntervals)
            return int(std::max<qint64>(2, (spanMs + step / 2) / step + 1));
    }
    return int(maxIntervals) + 1;
}

// A line that is only drawn: an empty shape keeps the scene from stroking
// an outline of it to find what lies under the mouse (hover and zoom go
// by the time under the pointer, not by the item). It clips itself to the
// plot area with a clip rectangle, as Qt Charts does: a parent clipping to
// its shape would clip by path, which costs more than the line itself.
class LinePathItem final : public QGraphicsPathItem
{
public:
    using QGraphicsPathItem::QGraphicsPathItem;
    void setClip(const QRectF &clip)
    {
        if (clip != m_clip) {
            m_clip = clip;
            update();
        }
    }
    QPainterPath shape() const override { return {}; }
    bool contains(const QPointF &) const override { return false; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        painter->save();
        painter->setClipRect(m_clip, Qt::IntersectClip);
        painter->setPen(pen());
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(path());
        painter->restore();
    }

private:
    QRectF m_clip;
};

} // namespace

TimePlot::TimePlot(QWidget *parent)
    : QChartView(new QChart, parent)
    , m_timeAxis(new QDateTimeAxis)
    , m_leftAxis(new QValueAxis)
{
    QChart *c = chart();
    c->legend()->hide();
    c->setAnimationOptions(QChart::NoAnimation);
    c->setMargins(QMargins());
    c->setBackgroundRoundness(0);
    c->layout()->setContentsMargins(0, 0, 0, 0);
    setRenderHint(QPainter::Antialiasing, true);
    setFrameShape(QFrame::NoFrame);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);

    const QFont labels = smallFont(this);
    m_timeAxis->setLabelsFont(labels);
    m_timeAxis->setGridLineColor(ChartStyle::gridColor());
    m_timeAxis->setLabelsColor(ChartStyle::axisLabelColor());
    m_leftAxis->setLabelsFont(labels);
    m_leftAxis->setGridLineColor(ChartStyle::gridColor());
    m_leftAxis->setLabelsColor(ChartStyle::axisLabelColor());
    m_leftAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_leftAxis->setTickCount(4);
    c->addAxis(m_timeAxis, Qt::AlignBottom);
    c->addAxis(m_leftAxis, Qt::AlignLeft);
    m_crosshair = new QGraphicsLineItem(c);
    m_crosshair->setPen(QPen(QColor(40, 40, 40, 160), 1, Qt::DashLine));
    m_crosshair->setZValue(TopZ);
    m_crosshair->hide();
    m_leftAxis->setRange(0, 1);
    setTimeRange(0, 1);

    connect(c, &QChart::plotAreaChanged, this, &TimePlot::relayoutOverlays);
}

TimePlot::~TimePlot() = default;

void TimePlot::setTimeRange(qint64 fromMs, qint64 toMs)
{
    if (toMs <= fromMs)
        toMs = fromMs + 1;
    m_fromMs = fromMs;
    m_toMs = toMs;
    // Format and tick count first and only when they change: each change
    // rebuilds the axis labels (rich-text items) and the series geometry.
    const QString format = ChartStyle::axisTimeFormat(toMs - fromMs);
    if (m_timeAxis->format() != format)
        m_timeAxis->setFormat(format);
    const int ticks = timeTickCount(toMs - fromMs, plotColumns());
    if (m_timeAxis->tickCount() != ticks)
        m_timeAxis->setTickCount(ticks);
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(fromMs),
                         QDateTime::fromMSecsSinceEpoch(toMs));
    relayoutOverlays();
}

void TimePlot::beginUpdate(qint64 fromMs, qint64 toMs)
{
    if (toMs <= fromMs)
        toMs = fromMs + 1;
    m_updating = true;
    // QDateTimeAxis ignores a change it finds fuzzy-equal (about 2 ms at
    // today's epoch values): such a change would lay nothing out, so the
    // points are then announced as usual.
    m_rangePending = std::abs(fromMs - m_fromMs) > 2 || std::abs(toMs - m_toMs) > 2;
    m_pendingFromMs = fromMs;
    m_pendingToMs = toMs;
}

void TimePlot::endUpdate()
{
    if (!m_updating)
        return;
    m_updating = false;
    if (m_rangePending) {
        m_rangePending = false;
        setTimeRange(m_pendingFromMs, m_pendingToMs); // lays out every series
    } else {
        relayoutOverlays();
    }
}

void TimePlot::setTimeLabelsVisible(bool visible)
{
    m_timeAxis->setLabelsVisible(visible);
}

void TimePlot::setValueRange(Axis axis, double min, double max)
{
    if (!(max > min))
        max = min + 1;
    QValueAxis *values = axisFor(axis);
    const int ticks = valueTickCount();
    if (values->tickCount() != ticks)
        values->setTickCount(ticks);
    if (values->min() != min || values->max() != max) {
        values->setRange(min, max);
        layoutLines();
    }
}

void TimePlot::setValueLabelFormat(Axis axis, const QString &format)
{
    axisFor(axis)->setLabelFormat(format);
}

void TimePlot::setValueAxisVisible(bool visible)
{
    m_leftAxis->setLabelsVisible(visible);
    m_leftAxis->setGridLineVisible(visible);
}

void TimePlot::setPlotMargins(const QMargins &margins)
{
    m_margins = margins;
    applyPlotArea();
}

int TimePlot::valueTickCount() const
{
    // Ranges are 1, 2, 2.5 or 5 times a power of ten: five or two steps
    // are round numbers, one always is. Qt Charts gives each label the
    // plot height over the tick count less 8 px of padding and shows "..."
    // when the text is taller: take the most ticks whose labels fit.
    const double plotHeight = std::max(1, height() - m_margins.top() - m_margins.bottom());
    const double textHeight = QFontMetricsF(m_leftAxis->labelsFont()).height() + 2;
    for (const int ticks : {6, 3}) {
        if (plotHeight / ticks - 8 >= textHeight)
            return ticks;
    }
    return 2;
}

int TimePlot::plotColumns() const
{
    return std::max(1, width() - m_margins.left() - m_margins.right());
}

QValueAxis *TimePlot::axisFor(Axis axis)
{
    if (axis == Axis::Left)
        return m_leftAxis;
    if (!m_rightAxis) {
        m_rightAxis = new QValueAxis;
        m_rightAxis->setLabelsFont(smallFont(this));
        m_rightAxis->setLabelsColor(ChartStyle::axisLabelColor());
        m_rightAxis->setGridLineVisible(false);
        m_rightAxis->setLabelFormat(QStringLiteral("%.0f"));
        m_rightAxis->setTickCount(4);
        m_rightAxis->setRange(0, 1);
        chart()->addAxis(m_rightAxis, Qt::AlignRight);
    }
    return m_rightAxis;
}

void TimePlot::attach(QAbstractSeries *series, Axis axis)
{
    // Adding a series re-initialises the axes' ranges from its (empty)
    // data; keep the ranges the view set.
    QValueAxis *values = axisFor(axis);
    const double min = values->min();
    const double max = values->max();
    chart()->addSeries(series);
    series->attachAxis(m_timeAxis);
    series->attachAxis(values);
    values->setRange(min, max);
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(m_fromMs),
                         QDateTime::fromMSecsSinceEpoch(m_toMs));
}

int TimePlot::addLine(const QPen &pen, Axis axis)
{
    Line line;
    line.pen = pen;
    line.axis = axis;
    axisFor(axis); // the right axis exists as soon as a line uses it
    line.item = new LinePathItem(chart());
    line.item->setZValue(LineZ);
    line.item->setPen(pen);
    line.item->setAcceptedMouseButtons(Qt::NoButton);
    m_lines.push_back(std::move(line));
    return int(m_lines.size()) - 1;
}

void TimePlot::setLineRuns(int lineId, const PointRuns &runs)
{
    if (lineId < 0 || lineId >= int(m_lines.size()))
        return;
    m_lines[size_t(lineId)].runs = runs;
    layoutLines(); // at endUpdate() when inside an update
}

void TimePlot::setLinePen(int lineId, const QPen &pen)
{
    if (lineId < 0 || lineId >= int(m_lines.size()))
        return;
    Line &line = m_lines[size_t(lineId)];
    line.pen = pen;
    line.item->setPen(pen);
}

void TimePlot::removeLines()
{
    for (Line &line : m_lines)
        delete line.item;
    m_lines.clear();
}

void TimePlot::layoutLines()
{
    if (m_updating)
        return; // once, at endUpdate()
    const QRectF area = chart()->plotArea();
    const double span = double(m_toMs - m_fromMs);
    // Far outside points are clamped so the rasteriser never sees huge
    // coordinates; the clip hides the difference.
    const double limit = 4.0 * std::max(area.width(), area.height()) + 1000.0;
    for (Line &line : m_lines) {
        const QValueAxis *values = line.axis == Axis::Right && m_rightAxis ? m_rightAxis
                                                                           : m_leftAxis;
        const double min = values->min();
        const double range = values->max() - min;
        QPainterPath path;
        for (const PointRun &run : line.runs) {
            bool started = false;
            for (const QPointF &p : run) {
                if (!std::isfinite(p.x()) || !std::isfinite(p.y()) || !(range > 0)) {
                    started = false; // a break, never a zero
                    continue;
                }
                const QPointF at(std::clamp(area.left() + (p.x() - double(m_fromMs)) / span
                                                * area.width(),
                                            area.left() - limit, area.right() + limit),
                                 std::clamp(area.bottom() - (p.y() - min) / range * area.height(),
                                            area.top() - limit, area.bottom() + limit));
                if (started) {
                    path.lineTo(at);
                } else {
                    path.moveTo(at);
                    started = true;
                }
            }
        }
        line.item->setPath(path);
        static_cast<LinePathItem *>(line.item)->setClip(area);
    }
}

int TimePlot::addArea(const QPen &pen, const QBrush &brush)
{
    Area area;
    area.upper = new QLineSeries(this);
    area.lower = new QLineSeries(this);
    area.series = new QAreaSeries(area.upper, area.lower);
    area.series->setPen(pen);
    area.series->setBrush(brush);
    attach(area.series, Axis::Left);
    m_areas.push_back(area);
    return int(m_areas.size()) - 1;
}

void TimePlot::setArea(int areaId, const QList<QPointF> &upper, const QList<QPointF> &lower)
{
    if (areaId < 0 || areaId >= int(m_areas.size()))
        return;
    const Area &area = m_areas[size_t(areaId)];
    area.lower->replace(lower);
    area.upper->replace(upper);
    area.series->setVisible(!upper.isEmpty());
}

void TimePlot::setShadedSpans(const std::vector<TimeSpan> &spans, const QBrush &brush,
                              const QString &label)
{
    m_shadedSpans = spans;
    m_shadeBrush = brush;
    m_shadeLabel = label;
    relayoutOverlays();
}

void TimePlot::setBandSegments(const std::vector<BandSegment> &segments)
{
    m_band = segments;
    relayoutOverlays();
}

void TimePlot::setCrosshair(qint64 timeMs)
{
    m_crosshairMs = timeMs;
    relayoutOverlays();
}

void TimePlot::clearCrosshair()
{
    m_crosshairMs = -1;
    m_crosshair->hide();
}

int TimePlot::visibleSeriesCount() const
{
    int n = 0;
    for (const Line &line : m_lines)
        n += int(line.runs.size());
    for (const Area &area : m_areas)
        n += area.series->isVisible() ? 1 : 0;
    return n;
}

qint64 TimePlot::visiblePointCount() const
{
    qint64 n = 0;
    for (const Line &line : m_lines) {
        for (const PointRun &run : line.runs)
            n += run.size();
    }
    for (const Area &area : m_areas)
        n += area.upper->count() + area.lower->count();
    return n;
}

double TimePlot::xFor(qint64 timeMs) const
{
    const QRectF area = chart()->plotArea();
    return area.left() + double(timeMs - m_fromMs) / double(m_toMs - m_fromMs) * area.width();
}

qint64 TimePlot::timeAt(const QPoint &pos) const
{
    const QRectF area = chart()->plotArea();
    if (area.width() <= 0 || pos.x() < area.left() || pos.x() > area.right()
        || pos.y() < area.top() || pos.y() > area.bottom())
        return -1;
    return m_fromMs + qint64((pos.x() - area.left()) / area.width() * double(m_toMs - m_fromMs));
}

void TimePlot::applyPlotArea()
{
    const QRectF area(m_margins.left(), m_margins.top(),
                      std::max(1, width() - m_margins.left() - m_margins.right()),
                      std::max(1, height() - m_margins.top() - m_margins.bottom()));
    chart()->setPlotArea(area);
    relayoutOverlays();
}

void TimePlot::relayoutOverlays()
{
    if (m_updating)
        return; // once, at endUpdate()
    QChart *c = chart();
    const QRectF area = c->plotArea();
    const auto clampX = [&](double x) { return std::clamp(x, area.left(), area.right()); };
    const QFont font = smallFont(this);
    layoutLines();

    // Shaded spans (inactive stretches), with their label where it fits.
    while (m_shadeItems.size() < m_shadedSpans.size()) {
        auto *item = new QGraphicsRectItem(c);
        item->setZValue(OverlayZ);
        item->setPen(Qt::NoPen);
        m_shadeItems.push_back(item);
        auto *text = new QGraphicsSimpleTextItem(c); // plain text by construction
        text->setZValue(TopZ);
        text->setFont(font);
        text->setBrush(QColor(60, 60, 60));
        m_shadeLabels.push_back(text);
    }
    for (size_t i = 0; i < m_shadeItems.size(); ++i) {
        QGraphicsRectItem *item = m_shadeItems[i];
        QGraphicsSimpleTextItem *text = m_shadeLabels[i];
        if (i >= m_shadedSpans.size()) {
            item->hide();
            text->hide();
            continue;
        }
        const double x0 = clampX(xFor(m_shadedSpans[i].fromMs));
        const double x1 = clampX(xFor(m_shadedSpans[i].toMs));
        // At least a pixel: a short silence in a long window stays visible.
        const QRectF rect(x0, area.top(), std::max(1.0, x1 - x0), area.height());
        item->setRect(rect);
        item->setBrush(m_shadeBrush);
        item->show();
        text->setText(m_shadeLabel);
        const QRectF textRect = text->boundingRect();
        if (!m_shadeLabel.isEmpty() && rect.width() >= textRect.width() + 6
            && rect.width() >= MinLabelPixels && area.height() >= textRect.height()) {
            text->setPos(rect.center().x() - textRect.width() / 2, area.top() + 2);
            text->show();
        } else {
            text->hide();
        }
    }

    // Band segments (quality levels), labelled where wide enough.
    while (m_bandItems.size() < m_band.size()) {
        auto *item = new QGraphicsRectItem(c);
        item->setZValue(OverlayZ + 0.1);
        m_bandItems.push_back(item);
        auto *text = new QGraphicsSimpleTextItem(c);
        text->setZValue(TopZ);
        text->setFont(font);
        m_bandLabels.push_back(text);
    }
    for (size_t i = 0; i < m_bandItems.size(); ++i) {
        QGraphicsRectItem *item = m_bandItems[i];
        QGraphicsSimpleTextItem *text = m_bandLabels[i];
        if (i >= m_band.size()) {
            item->hide();
            text->hide();
            continue;
        }
        const BandSegment &s = m_band[i];
        const double x0 = clampX(xFor(s.fromMs));
        const double x1 = clampX(xFor(s.toMs));
        const QRectF rect(x0, area.top() + 2, std::max(1.0, x1 - x0), area.height() - 4);
        item->setRect(rect);
        item->setBrush(s.brush);
        item->setPen(QPen(s.brush.color().darker(130), 0.6));
        item->show();
        text->setText(s.label);
        const QRectF textRect = text->boundingRect();
        if (!s.label.isEmpty() && rect.width() >= textRect.width() + 8) {
            // A white box behind the label keeps it readable on hatching.
            text->setBrush(QColor(20, 20, 20));
            text->setPos(rect.center().x() - textRect.width() / 2,
                         rect.center().y() - textRect.height() / 2);
            text->show();
        } else {
            text->hide();
        }
    }

    if (m_crosshairMs >= m_fromMs && m_crosshairMs <= m_toMs) {
        const double x = xFor(m_crosshairMs);
        m_crosshair->setLine(x, area.top(), x, area.bottom());
        m_crosshair->show();
    } else {
        m_crosshair->hide();
    }
}

void TimePlot::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    applyPlotArea();
    m_timeAxis->setTickCount(timeTickCount(m_toMs - m_fromMs, plotColumns()));
    for (QValueAxis *values : {m_leftAxis, m_rightAxis}) {
        if (values)
            values->setTickCount(valueTickCount());
    }
    const int columns = plotColumns();
    if (columns != m_lastColumns) {
        m_lastColumns = columns;
        emit columnsChanged(columns);
    }
}

void TimePlot::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && timeAt(event->position().toPoint()) >= 0) {
        m_dragStartX = event->position().toPoint().x();
        if (!m_rubberBand)
            m_rubberBand = new QRubberBand(QRubberBand::Rectangle, viewport());
        const QRectF area = chart()->plotArea();
        m_rubberBand->setGeometry(QRect(m_dragStartX, int(area.top()), 1, int(area.height())));
        m_rubberBand->show();
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void TimePlot::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const QRectF area = chart()->plotArea();
    if (m_dragStartX >= 0 && m_rubberBand) {
        // Only the time axis zooms: the band spans the plot's full height.
        const int x = std::clamp(pos.x(), int(area.left()), int(area.right()));
        m_rubberBand->setGeometry(QRect(std::min(x, m_dragStartX), int(area.top()),
                                        std::abs(x - m_dragStartX) + 1, int(area.height())));
    }
    const qint64 t = timeAt(pos);
    if (t >= 0)
        emit hovered(t, event->globalPosition().toPoint());
    else
        emit hoverLeft();
    QChartView::mouseMoveEvent(event);
}

void TimePlot::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_dragStartX >= 0) {
        const QRectF area = chart()->plotArea();
        const int x = std::clamp(event->position().toPoint().x(), int(area.left()),
                                 int(area.right()));
        const int from = std::min(x, m_dragStartX);
        const int to = std::max(x, m_dragStartX);
        m_dragStartX = -1;
        if (m_rubberBand)
            m_rubberBand->hide();
        if (to - from >= MinDragPixels) {
            const double span = double(m_toMs - m_fromMs);
            const auto timeOf = [&](int px) {
                return m_fromMs + qint64((px - area.left()) / area.width() * span);
            };
            emit zoomRequested(timeOf(from), timeOf(to));
        }
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void TimePlot::leaveEvent(QEvent *event)
{
    emit hoverLeft();
    QChartView::leaveEvent(event);
}

} // namespace mm
