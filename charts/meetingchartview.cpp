#include "meetingchartview.h"

#include "chartadapters.h"
#include "chartstyle.h"
#include "plotstack.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace mm {

namespace {

constexpr int MaxTitleChars = 160;
constexpr int MaxNameChars = 80;
constexpr int MaxHoverNameChars = 40;
constexpr int MaxHoverParticipants = 8;
constexpr int UserIdRole = Qt::UserRole + 1;

QString displayName(const MeetingSeries::Participant &p)
{
    return ChartStyle::boundedPlain(p.username.isEmpty() ? p.userId : p.username, MaxNameChars);
}

double valueAt(const std::vector<double> &values, int i)
{
    return i >= 0 && size_t(i) < values.size() ? values[size_t(i)] : std::nan("");
}

} // namespace

MeetingChartView::MeetingChartView(QWidget *parent)
    : ZoomableChartView(parent)
    , m_title(new QLabel(this))
    , m_source(new QLabel(this))
    , m_stack(new PlotStack(this))
    , m_legend(new QListWidget(this))
    , m_legendNote(new QLabel(this))
{
    setObjectName(QStringLiteral("meetingChartView"));
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_title->setFont(bold);
    m_source->setTextFormat(Qt::PlainText);
    m_source->setForegroundRole(QPalette::PlaceholderText);

    m_latency = m_stack->addPlot(tr("Latency per participant (ms)"), 3, {});
    m_bandwidth = m_stack->addPlot(tr("Bandwidth per participant, up + down (kbps)"), 3, {});
    const QPen scorePen(QColor(0x1f, 0x77, 0xb4), 1);
    QPen countPen(QColor(0x55, 0x55, 0x55), 1);
    countPen.setStyle(Qt::DashLine);
    m_score = m_stack->addPlot(tr("Meeting"), 2,
                               {{tr("Score (0–100, left)"), scorePen, Qt::NoBrush},
                                {tr("Participants (right)"), countPen, Qt::NoBrush}});
    m_scoreLine = m_score->addLine(scorePen, TimePlot::Axis::Left);
    m_countLine = m_score->addLine(countPen, TimePlot::Axis::Right);
    m_score->setValueRange(TimePlot::Axis::Left, 0, 100);

    m_legend->setObjectName(QStringLiteral("participantLegend"));
    m_legend->setTextElideMode(Qt::ElideRight);
    m_legend->setUniformItemSizes(true);
    m_legend->setSelectionMode(QAbstractItemView::SingleSelection);
    m_legend->setMinimumWidth(150);
    m_legend->setMaximumWidth(240);
    m_legendNote->setTextFormat(Qt::PlainText);
    m_legendNote->setWordWrap(true);
    auto *legendHint = new QLabel(tr("Click a name to highlight"), this);
    legendHint->setTextFormat(Qt::PlainText);
    legendHint->setForegroundRole(QPalette::PlaceholderText);

    auto *side = new QVBoxLayout;
    side->addWidget(legendHint);
    side->addWidget(m_legend, 1);
    side->addWidget(m_legendNote);
    auto *body = new QHBoxLayout;
    body->addWidget(m_stack, 1);
    body->addLayout(side);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_source);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(header);
    layout->addLayout(body, 1);

    connect(m_legend, &QListWidget::itemClicked, this, &MeetingChartView::onLegendClicked);
    connect(m_stack, &PlotStack::hovered, this, &MeetingChartView::onHovered);
    bindPlots(m_stack);
    clear(tr("Select a meeting to see its history."));
}

void MeetingChartView::setSeries(const MeetingSeries &series, qint64 fromMs, qint64 toMs)
{
    const bool sameMeeting = m_hasData && series.meetingId == m_series.meetingId;
    m_series = series;
    setWindow(fromMs, toMs);
    m_hasData = true;
    if (!sameMeeting) {
        m_highlighted.clear();
        dropZoom();
    }
    const QString name = series.meetingName.isEmpty() ? series.meetingId : series.meetingName;
    m_title->setText(
        ChartStyle::boundedPlain(tr("Meeting %1 (%2)").arg(name, series.meetingId), MaxTitleChars));
    m_source->setText(series.fromRollups ? tr("per-minute rollups") : tr("raw 1 s samples"));
    rebuildParticipants();
    redraw();
}

void MeetingChartView::clear(const QString &message)
{
    m_series = MeetingSeries{};
    m_hasData = false;
    m_title->setText(QString());
    m_source->setText(QString());
    rebuildParticipants();
    redraw();
    m_stack->setMessage(message);
}

void MeetingChartView::rebuildParticipants()
{
    const int shown = std::min<int>(int(m_series.participants.size()), MaxParticipantLines);
    QStringList ids;
    for (int i = 0; i < shown; ++i)
        ids << m_series.participants[size_t(i)].userId;
    m_legendNote->setText(
        int(m_series.participants.size()) > shown
            ? tr("%1 more participants not drawn").arg(int(m_series.participants.size()) - shown)
            : QString());
    if (ids == m_shownUserIds && m_legend->count() == shown) {
        // Same people (a live update): keep lines and legend, refresh names.
        for (int i = 0; i < shown; ++i)
            m_legend->item(i)->setText(displayName(m_series.participants[size_t(i)]));
        return;
    }
    m_shownUserIds = ids;
    m_latency->removeLines();
    m_bandwidth->removeLines();
    m_latencyLines.clear();
    m_bandwidthLines.clear();
    m_legend->clear();
    for (int i = 0; i < shown; ++i) {
        const MeetingSeries::Participant &p = m_series.participants[size_t(i)];
        const QPen pen = ChartStyle::participantPen(i, false, false);
        m_latencyLines.push_back(m_latency->addLine(pen));
        m_bandwidthLines.push_back(m_bandwidth->addLine(pen));
        // QListWidget items are always plain text; elided by the view.
        auto *item = new QListWidgetItem(displayName(p), m_legend);
        item->setData(UserIdRole, p.userId);
        item->setIcon(QIcon(PlotStack::swatch({QString(), pen, Qt::NoBrush}, 14)));
    }
    if (!m_shownUserIds.contains(m_highlighted))
        m_highlighted.clear();
    applyPens();
}

void MeetingChartView::highlightUser(const QString &userId)
{
    m_highlighted = m_shownUserIds.contains(userId) ? userId : QString();
    applyPens();
}

void MeetingChartView::applyPens()
{
    const bool any = !m_highlighted.isEmpty();
    for (int i = 0; i < int(m_latencyLines.size()); ++i) {
        const bool on = m_shownUserIds.value(i) == m_highlighted;
        const QPen pen = ChartStyle::participantPen(i, any && on, any && !on);
        m_latency->setLinePen(m_latencyLines[size_t(i)], pen);
        m_bandwidth->setLinePen(m_bandwidthLines[size_t(i)], pen);
        if (QListWidgetItem *item = m_legend->item(i)) {
            QFont font = item->font();
            font.setBold(any && on);
            item->setFont(font);
            item->setSelected(any && on);
        }
    }
}

void MeetingChartView::onLegendClicked(QListWidgetItem *item)
{
    const QString id = item ? item->data(UserIdRole).toString() : QString();
    // A second click on the highlighted name turns highlighting off.
    highlightUser(id == m_highlighted ? QString() : id);
}


void MeetingChartView::redraw()
{
    const qint64 from = shownFrom();
    const qint64 to = shownTo();
    // Range and data together: each series is laid out once, at endUpdate().
    m_stack->beginUpdate(from, to);
    const PlotRange range{double(from), double(to), m_stack->columns()};
    double maxLatency = 0;
    double maxBandwidth = 0;
    for (int i = 0; i < int(m_latencyLines.size()); ++i) {
        const PointRuns latency = ChartAdapters::participantLatencyRuns(m_series, i, range);
        const PointRuns bandwidth = ChartAdapters::participantBandwidthRuns(m_series, i, range);
        maxLatency = std::max(maxLatency, PlotStack::maxY(latency));
        maxBandwidth = std::max(maxBandwidth, PlotStack::maxY(bandwidth));
        m_latency->setLineRuns(m_latencyLines[size_t(i)], latency);
        m_bandwidth->setLineRuns(m_bandwidthLines[size_t(i)], bandwidth);
    }
    m_latency->setValueRange(TimePlot::Axis::Left, 0, PlotStack::niceMax(maxLatency, 50));
    m_bandwidth->setValueRange(TimePlot::Axis::Left, 0, PlotStack::niceMax(maxBandwidth, 100));
    const PointRuns counts = ChartAdapters::participantCountRuns(m_series, range);
    m_score->setLineRuns(m_scoreLine, ChartAdapters::meetingScoreRuns(m_series, range));
    m_score->setLineRuns(m_countLine, counts);
    m_score->setValueRange(TimePlot::Axis::Right, 0, PlotStack::niceMax(PlotStack::maxY(counts), 5));

    // The meeting was not running where nobody was there.
    std::vector<qint64> present;
    present.reserve(m_series.timeMs.size());
    for (size_t i = 0; i < m_series.timeMs.size(); ++i) {
        if (i < m_series.participantCount.size() && m_series.participantCount[i] > 0)
            present.push_back(m_series.timeMs[i]);
    }
    m_stack->setShadedSpans(
        ChartAdapters::inactiveStretches(present, m_series.stepMs, m_series.fromRollups,
                                         std::max(from, m_series.fromMs), to),
        tr("no participants"));
    const auto first = std::lower_bound(present.begin(), present.end(), from - m_series.stepMs);
    const bool anyInRange = first != present.end() && *first <= to;
    m_stack->setMessage(m_hasData && !anyInRange ? tr("No data in this window.") : QString());
    m_stack->endUpdate();
}

QString MeetingChartView::hoverTextAt(qint64 timeMs) const
{
    QStringList lines;
    const int i = ChartAdapters::stepIndexAt(m_series.timeMs, m_series.stepMs, timeMs);
    if (i < 0) {
        lines << ChartStyle::hoverTime(timeMs) << tr("No data");
        return lines.join(QLatin1Char('\n'));
    }
    lines << ChartStyle::hoverTime(m_series.timeMs[size_t(i)]);
    const double score = valueAt(m_series.score, i);
    lines << tr("Score: %1").arg(std::isfinite(score) ? QLocale().toString(score, 'f', 0)
                                                      : tr("unknown"));
    const int count
        = size_t(i) < m_series.participantCount.size() ? m_series.participantCount[size_t(i)] : 0;
    lines << tr("Participants: %1").arg(count);

    // The highlighted user first, then the worst latencies.
    std::vector<int> order;
    for (int p = 0; p < int(m_series.participants.size()); ++p) {
        if (std::isfinite(valueAt(m_series.participants[size_t(p)].latencyMs, i))
            || std::isfinite(valueAt(m_series.participants[size_t(p)].bandwidthKbps, i)))
            order.push_back(p);
    }
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const auto &pa = m_series.participants[size_t(a)];
        const auto &pb = m_series.participants[size_t(b)];
        const bool ha = pa.userId == m_highlighted;
        const bool hb = pb.userId == m_highlighted;
        if (ha != hb)
            return ha;
        const double la = valueAt(pa.latencyMs, i);
        const double lb = valueAt(pb.latencyMs, i);
        return (std::isfinite(la) ? la : -1) > (std::isfinite(lb) ? lb : -1);
    });
    for (int k = 0; k < int(order.size()) && k < MaxHoverParticipants; ++k) {
        const auto &p = m_series.participants[size_t(order[size_t(k)])];
        lines << tr("%1: %2, %3")
                     .arg(ChartStyle::boundedPlain(p.username.isEmpty() ? p.userId : p.username,
                                                   MaxHoverNameChars),
                          ChartStyle::formatValue(valueAt(p.latencyMs, i), 0, tr("ms")),
                          ChartStyle::formatValue(valueAt(p.bandwidthKbps, i), 0, tr("kbps")));
    }
    if (int(order.size()) > MaxHoverParticipants)
        lines << tr("… and %1 more").arg(int(order.size()) - MaxHoverParticipants);
    return lines.join(QLatin1Char('\n'));
}

void MeetingChartView::onHovered(qint64 timeMs)
{
    if (!m_hasData)
        return;
    m_stack->showHover(hoverTextAt(timeMs), timeMs);
}

} // namespace mm
