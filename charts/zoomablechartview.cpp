#include "zoomablechartview.h"

#include "plotstack.h"

#include <algorithm>

namespace mm {

void ZoomableChartView::zoomTo(qint64 fromMs, qint64 toMs)
{
    if (toMs <= fromMs)
        return;
    m_zoomFrom = fromMs;
    m_zoomTo = toMs;
    const bool was = m_zoomed;
    m_zoomed = true;
    redraw();
    if (!was)
        emit zoomChanged(true);
}

void ZoomableChartView::resetZoom()
{
    if (!m_zoomed)
        return;
    m_zoomed = false;
    redraw();
    emit zoomChanged(false);
}

void ZoomableChartView::bindPlots(PlotStack *plots)
{
    connect(plots, &PlotStack::hoverLeft, plots, &PlotStack::hideHover);
    connect(plots, &PlotStack::zoomRequested, this, &ZoomableChartView::zoomTo);
    connect(plots, &PlotStack::columnsChanged, this, [this] { redraw(); });
}

void ZoomableChartView::setWindow(qint64 fromMs, qint64 toMs)
{
    m_fromMs = fromMs;
    m_toMs = std::max(fromMs + 1, toMs);
}

void ZoomableChartView::dropZoom()
{
    if (!m_zoomed)
        return;
    m_zoomed = false;
    emit zoomChanged(false);
}

} // namespace mm
