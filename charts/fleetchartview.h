#pragma once

#include "history/historyseries.h"

#include "zoomablechartview.h"

#include <array>

class QLabel;

namespace mm {

class PlotStack;
class TimePlot;

// The whole fleet over time: live meetings and users, and the share of
// users in each quality level as a stacked area (patterned per level).
class FleetChartView final : public ZoomableChartView
{
    Q_OBJECT
public:
    explicit FleetChartView(QWidget *parent = nullptr);

    void setSeries(const FleetSeries &series, qint64 fromMs, qint64 toMs);
    const FleetSeries &series() const { return m_series; }
    void clear(const QString &message);


    PlotStack *plots() const { return m_stack; }
    QString hoverTextAt(qint64 timeMs) const;

private:
    void redraw() override;
    void onHovered(qint64 timeMs);

    QLabel *m_title;
    PlotStack *m_stack;
    TimePlot *m_counts;
    TimePlot *m_shares;
    int m_usersLine = -1;
    int m_meetingsLine = -1;
    std::array<int, ShareLevels.size()> m_areas{};

    FleetSeries m_series;
    bool m_hasData = false;
};

} // namespace mm
