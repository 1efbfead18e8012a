#pragma once

#include "history/historyseries.h"

#include <QWidget>
#include <array>

class QLabel;

namespace mm {

class PlotStack;
class TimePlot;

// The whole fleet over time: live meetings and users, and the share of
// users in each quality level as a stacked area (patterned per level).
class FleetChartView final : public QWidget
{
    Q_OBJECT
public:
    explicit FleetChartView(QWidget *parent = nullptr);

    void setSeries(const FleetSeries &series, qint64 fromMs, qint64 toMs);
    const FleetSeries &series() const { return m_series; }
    void clear(const QString &message);

    void zoomTo(qint64 fromMs, qint64 toMs);
    void resetZoom();
    bool isZoomed() const { return m_zoomed; }

    PlotStack *plots() const { return m_stack; }
    QString hoverTextAt(qint64 timeMs) const;

signals:
    void zoomChanged(bool zoomed);

private:
    void redraw();
    void onHovered(qint64 timeMs);
    qint64 shownFrom() const { return m_zoomed ? m_zoomFrom : m_fromMs; }
    qint64 shownTo() const { return m_zoomed ? m_zoomTo : m_toMs; }

    QLabel *m_title;
    PlotStack *m_stack;
    TimePlot *m_counts;
    TimePlot *m_shares;
    int m_usersLine = -1;
    int m_meetingsLine = -1;
    std::array<int, ShareLevels.size()> m_areas{};

    FleetSeries m_series;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 1;
    qint64 m_zoomFrom = 0;
    qint64 m_zoomTo = 0;
    bool m_zoomed = false;
    bool m_hasData = false;
};

} // namespace mm
