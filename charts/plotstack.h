#pragma once

#include "timeplot.h"

#include <QWidget>
#include <vector>

class QLabel;
class QHBoxLayout;
class QVBoxLayout;

namespace mm {

// A legend entry drawn as a swatch (line or filled box) and plain text.
struct LegendEntry
{
    QString text;
    QPen pen;
    QBrush brush; // Qt::NoBrush: a line swatch
};

// Plots stacked on one shared time axis, each under a plain-text title and
// legend; only the bottom plot labels the time axis. Keeps the crosshair
// in every plot, shows one plain-text hover box, and reports drag-zooms.
class PlotStack final : public QWidget
{
    Q_OBJECT
public:
    explicit PlotStack(QWidget *parent = nullptr);

    TimePlot *addPlot(const QString &title, int stretch, const std::vector<LegendEntry> &legend);
    int plotCount() const { return int(m_plots.size()); }
    TimePlot *plot(int i) const { return m_plots[size_t(i)]; }

    void setTimeRange(qint64 fromMs, qint64 toMs);
    // TimePlot::beginUpdate()/endUpdate() on every plot: a redraw sets the
    // range and all data in between and is laid out once.
    void beginUpdate(qint64 fromMs, qint64 toMs);
    void endUpdate();
    // Pixel columns of the plot areas (all the same width).
    int columns() const;
    void setShadedSpans(const std::vector<TimeSpan> &spans, const QString &label);

    // Plain text (never rich text: it can hold untrusted names).
    void showHover(const QString &text, qint64 timeMs);
    void hideHover();
    QString hoverText() const;
    // A message over the plots ("No data in this window"); empty hides it.
    void setMessage(const QString &text);
    QString message() const;

    static QPixmap swatch(const LegendEntry &entry, int height);
    // A round upper bound for a value axis (1, 2 or 5 times a power of ten).
    static double niceMax(double value, double floor);
    static double maxY(const PointRuns &runs);

signals:
    void hovered(qint64 timeMs);
    void hoverLeft();
    void zoomRequested(qint64 fromMs, qint64 toMs);
    void columnsChanged(int columns);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void onPlotHovered(qint64 timeMs, const QPoint &globalPos);
    void updateMargins();

    QVBoxLayout *m_layout;
    std::vector<TimePlot *> m_plots;
    QLabel *m_hover;
    QLabel *m_message;
    QPoint m_lastGlobalPos;
};

} // namespace mm
