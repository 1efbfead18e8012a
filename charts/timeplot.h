#pragma once

#include "chartadapters.h"

#include <QBrush>
#include <QChartView>
#include <QPen>
#include <QPointer>
#include <vector>

class QAreaSeries;
class QDateTimeAxis;
class QGraphicsLineItem;
class QGraphicsPathItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QRubberBand;
class QValueAxis;

namespace mm {

// One plot of a stack that shares a time axis: a QChart with a date/time x
// axis, a value axis on the left (and optionally one on the right), lines
// drawn as one path item each (a run per subpath, so gaps stay gaps),
// stacked areas, shaded time spans with a label, a band of coloured
// segments, and a crosshair. Every update replaces a line's path or an
// area's points at once, never one point at a time. The plot area is fixed
// by margins so that stacked plots line up exactly. Hover and drag-to-zoom
// are reported as times; the owning view keeps the stack in sync.
class TimePlot final : public QChartView
{
    Q_OBJECT
public:
    enum class Axis { Left, Right };
    struct BandSegment
    {
        qint64 fromMs = 0;
        qint64 toMs = 0;
        QBrush brush;
        QString label; // drawn inside when it fits
    };

    explicit TimePlot(QWidget *parent = nullptr);
    ~TimePlot() override;

    void setTimeRange(qint64 fromMs, qint64 toMs);
    // One update of range and data: between beginUpdate() and endUpdate(),
    // new line points, value ranges and overlays are not laid out; the
    // lines and overlays are laid out once, at endUpdate(), for the new
    // range (otherwise a live tick lays them out for the scrolled range,
    // then again for each line's new points).
    void beginUpdate(qint64 fromMs, qint64 toMs);
    void endUpdate();
    qint64 timeFrom() const { return m_fromMs; }
    qint64 timeTo() const { return m_toMs; }
    void setTimeLabelsVisible(bool visible);
    void setValueRange(Axis axis, double min, double max);
    void setValueLabelFormat(Axis axis, const QString &format);
    void setValueAxisVisible(bool visible);
    // Space around the plot area, in pixels (left for the value labels,
    // bottom for the time labels, right for a second value axis).
    void setPlotMargins(const QMargins &margins);
    // The plot area's width in pixels: what the adapters decimate to.
    int plotColumns() const;

    // Lines: an id per logical line; each run is a subpath of its path.
    int addLine(const QPen &pen, Axis axis = Axis::Left);
    void setLineRuns(int line, const PointRuns &runs);
    void setLinePen(int line, const QPen &pen);
    int lineCount() const { return int(m_lines.size()); }
    // Removes every line (the meeting view's participants change).
    void removeLines();

    // Areas: an upper and a lower boundary on the same x values.
    int addArea(const QPen &pen, const QBrush &brush);
    void setArea(int area, const QList<QPointF> &upper, const QList<QPointF> &lower);

    void setShadedSpans(const std::vector<TimeSpan> &spans, const QBrush &brush,
                        const QString &label);
    void setBandSegments(const std::vector<BandSegment> &segments);
    void setCrosshair(qint64 timeMs);
    void clearCrosshair();

    // For tests and benchmarks: visible series and points in this plot.
    int visibleSeriesCount() const;
    qint64 visiblePointCount() const;
    int shadedSpanCount() const { return int(m_shadedSpans.size()); }
    int bandSegmentCount() const { return int(m_band.size()); }

    // Time at a position in this widget, or -1 outside the plot area.
    qint64 timeAt(const QPoint &pos) const;

signals:
    void hovered(qint64 timeMs, const QPoint &globalPos);
    void hoverLeft();
    // The user dragged over [fromMs, toMs] on the time axis.
    void zoomRequested(qint64 fromMs, qint64 toMs);
    // The plot area changed width: the data should be decimated again.
    void columnsChanged(int columns);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    // Not a QLineSeries: Qt Charts strokes a hit-test outline of every
    // series on each layout (a third of a live tick). Hover and the legend
    // work on times and swatches, so a plain path item loses nothing.
    struct Line
    {
        QPen pen;
        Axis axis = Axis::Left;
        PointRuns runs;
        QGraphicsPathItem *item = nullptr;
    };
    struct Area
    {
        QAreaSeries *series = nullptr;
        QLineSeries *upper = nullptr;
        QLineSeries *lower = nullptr;
    };

    QValueAxis *axisFor(Axis axis);
    void attach(QAbstractSeries *series, Axis axis);
    void applyPlotArea();
    void relayoutOverlays();
    void layoutLines();
    double xFor(qint64 timeMs) const;
    int valueTickCount() const;

    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_leftAxis;
    QValueAxis *m_rightAxis = nullptr;
    QMargins m_margins{64, 6, 16, 6};
    qint64 m_fromMs = 0;
    qint64 m_toMs = 1;
    std::vector<Line> m_lines;
    std::vector<Area> m_areas;

    std::vector<TimeSpan> m_shadedSpans;
    QBrush m_shadeBrush;
    QString m_shadeLabel;
    std::vector<QGraphicsRectItem *> m_shadeItems;
    std::vector<QGraphicsSimpleTextItem *> m_shadeLabels;
    std::vector<BandSegment> m_band;
    std::vector<QGraphicsRectItem *> m_bandItems;
    std::vector<QGraphicsSimpleTextItem *> m_bandLabels;
    QGraphicsLineItem *m_crosshair = nullptr;
    qint64 m_crosshairMs = -1;

    // Between beginUpdate() and endUpdate(): the range to apply at the end.
    bool m_updating = false;
    bool m_rangePending = false;
    qint64 m_pendingFromMs = 0;
    qint64 m_pendingToMs = 1;

    QRubberBand *m_rubberBand = nullptr;
    int m_dragStartX = -1;
    int m_lastColumns = 0;
};

} // namespace mm
