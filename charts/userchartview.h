#pragma once

#include "history/historyseries.h"

#include <QWidget>

class QLabel;

namespace mm {

class PlotStack;
class TimePlot;

// One user's history on one time axis: upload and download, latency and
// jitter, packet loss, and the quality level as a patterned, labelled band.
// Gaps stay gaps, inactive stretches are shaded and labelled, hover shows
// the exact values of the step under the cursor as plain text.
class UserChartView final : public QWidget
{
    Q_OBJECT
public:
    explicit UserChartView(QWidget *parent = nullptr);

    // Shows `series` over [fromMs, toMs] (the window), resetting any zoom.
    void setSeries(const UserSeries &series, qint64 fromMs, qint64 toMs);
    // Same data, new window (live scrolling) keeping the zoom if any.
    const UserSeries &series() const { return m_series; }
    void clear(const QString &message);

    void zoomTo(qint64 fromMs, qint64 toMs);
    void resetZoom();
    bool isZoomed() const { return m_zoomed; }
    qint64 shownFrom() const;
    qint64 shownTo() const;

    PlotStack *plots() const { return m_stack; }
    // The hover text for `timeMs` (what the hover box shows there).
    QString hoverTextAt(qint64 timeMs) const;

signals:
    // The user dragged a range; the owner may pause following live.
    void zoomChanged(bool zoomed);

private:
    void redraw();
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

    UserSeries m_series;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 1;
    qint64 m_zoomFrom = 0;
    qint64 m_zoomTo = 0;
    bool m_zoomed = false;
    bool m_hasData = false;
};

} // namespace mm
