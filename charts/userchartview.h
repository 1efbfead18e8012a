#pragma once

#include "history/historyseries.h"

#include "zoomablechartview.h"


class QLabel;

namespace mm {

class PlotStack;
class TimePlot;

// One user's history on one time axis: upload and download, latency and
// jitter, packet loss, and the quality level as a patterned, labelled band.
// Gaps stay gaps, inactive stretches are shaded and labelled, hover shows
// the exact values of the step under the cursor as plain text.
class UserChartView final : public ZoomableChartView
{
    Q_OBJECT
public:
    explicit UserChartView(QWidget *parent = nullptr);

    // Shows `series` over [fromMs, toMs] (the window), resetting any zoom.
    void setSeries(const UserSeries &series, qint64 fromMs, qint64 toMs);
    const UserSeries &series() const { return m_series; }
    void clear(const QString &message);

    PlotStack *plots() const { return m_stack; }
    // The hover text for `timeMs` (what the hover box shows there).
    QString hoverTextAt(qint64 timeMs) const;

private:
    void redraw() override;
    void onHovered(qint64 timeMs);

    QLabel *m_title;
    QLabel *m_source;
    PlotStack *m_stack;
    TimePlot *m_bandwidth;
    TimePlot *m_latency;
    TimePlot *m_loss;
    TimePlot *m_quality;
    int m_upload = -1;
    int m_download = -1;
    int m_latencyLine = -1;
    int m_jitter = -1;
    int m_lossLine = -1;
    QString m_lossFormat; // the loss axis's label format, set only on change

    UserSeries m_series;
    bool m_hasData = false;
};

} // namespace mm
