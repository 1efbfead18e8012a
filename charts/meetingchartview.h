#pragma once

#include "history/historyseries.h"

#include "zoomablechartview.h"

#include <vector>

class QLabel;
class QListWidget;
class QListWidgetItem;

namespace mm {

class PlotStack;
class TimePlot;

// A meeting over time: each participant's latency and bandwidth (one line
// per user, a plain-text legend by name where clicking a name highlights
// that user's lines), the 0-100 score and the participant count.
class MeetingChartView final : public ZoomableChartView
{
    Q_OBJECT
public:
    // More lines than this would be unreadable and slow; the legend says
    // how many are left out.
    static constexpr int MaxParticipantLines = 40;

    explicit MeetingChartView(QWidget *parent = nullptr);

    void setSeries(const MeetingSeries &series, qint64 fromMs, qint64 toMs);
    const MeetingSeries &series() const { return m_series; }
    void clear(const QString &message);

    // Highlights a participant's lines (empty: none).
    void highlightUser(const QString &userId);
    QString highlightedUser() const { return m_highlighted; }


    PlotStack *plots() const { return m_stack; }
    QListWidget *legend() const { return m_legend; }
    QString hoverTextAt(qint64 timeMs) const;

private:
    void rebuildParticipants();
    void redraw() override;
    void applyPens();
    void onHovered(qint64 timeMs);
    void onLegendClicked(QListWidgetItem *item);

    QLabel *m_title;
    QLabel *m_source;
    PlotStack *m_stack;
    TimePlot *m_latency;
    TimePlot *m_bandwidth;
    TimePlot *m_score;
    QListWidget *m_legend;
    QLabel *m_legendNote;
    int m_scoreLine = -1;
    int m_countLine = -1;
    // Per shown participant: its line in the latency and bandwidth plots.
    std::vector<int> m_latencyLines;
    std::vector<int> m_bandwidthLines;
    QStringList m_shownUserIds;

    MeetingSeries m_series;
    QString m_highlighted;
    bool m_hasData = false;
};

} // namespace mm
