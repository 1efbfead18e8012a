#include "weeklyreportpdf.h"

#include "chartstyle.h"
#include "timeplot.h"

#include <QApplication>
#include <QDateTime>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTimeZone>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace mm {

namespace {

// Drawing units: 96 per inch, so the charts' widget pixels map one to one.
constexpr int Dpi = 96;
constexpr qreal MarginMm = 15;
constexpr qreal BodyPt = 9;
constexpr qreal TablePt = 8;
constexpr int NameChars = 80; // untrusted names are cut here, then elided to the cell

thread_local int s_lastPageCount = 0;

QFont font(qreal points, bool bold = false)
{
    QFont f = QApplication::font();
    f.setPointSizeF(points);
    f.setBold(bold);
    // No ligatures (Qt 6.4 has no font feature API): "fi" stays two
    // letters, so the text copied or searched in the PDF is the text that
    // was drawn. Scripts that need shaping still get it.
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

// ---- formatting -----------------------------------------------------------

QString noValue()
{
    return QStringLiteral("\u2014"); // an em dash: unknown, never zero
}

QString formatNumber(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

QString formatShare(const std::optional<double> &share)
{
    return share ? WeeklyReportPdf::tr("%1 %").arg(formatNumber(*share * 100.0, 1)) : noValue();
}

QString formatMs(const std::optional<double> &ms)
{
    return ms ? WeeklyReportPdf::tr("%1 ms").arg(formatNumber(*ms, *ms < 10 ? 1 : 0)) : noValue();
}

QString formatLoss(const std::optional<double> &pct)
{
    return pct ? WeeklyReportPdf::tr("%1 %").arg(formatNumber(*pct, 2)) : noValue();
}

QString formatDuration(qint64 ms)
{
    const qint64 minutes = (ms + 30'000) / 60'000;
    if (minutes < 60)
        return WeeklyReportPdf::tr("%1 min").arg(minutes);
    return WeeklyReportPdf::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString signedNumber(double value, int decimals)
{
    const QString text = formatNumber(std::abs(value), decimals);
    if (value > 0)
        return QStringLiteral("+") + text;
    if (value < 0)
        return QStringLiteral("\u2212") + text;
    return text;
}

// "+3 (+12.5 %)"; the relative part only when the previous value was not 0.
QString deltaOf(const std::optional<double> &current, const std::optional<double> &previous,
                int decimals, const QString &unit = QString())
{
    if (!current || !previous)
        return noValue();
    QString text = signedNumber(*current - *previous, decimals);
    if (!unit.isEmpty())
        text += QLatin1Char(' ') + unit;
    if (*previous != 0)
        text += QStringLiteral(" (%1 %)").arg(signedNumber((*current / *previous - 1) * 100.0, 1));
    return text;
}

// Shares change in percentage points.
QString shareDelta(const std::optional<double> &current, const std::optional<double> &previous)
{
    if (!current || !previous)
        return noValue();
    return WeeklyReportPdf::tr("%1 pp").arg(signedNumber((*current - *previous) * 100.0, 1));
}

QString plainName(const QString &untrusted)
{
    return ChartStyle::boundedPlain(untrusted, NameChars);
}

// ---- page flow --------------------------------------------------------------

// Lays content out top to bottom over pages. With no painter it only
// measures (the first pass, which counts pages for the table of contents
// and the footers).
class Flow final
{
public:
    Flow(QPdfWriter *writer, QPainter *painter, const QRectF &area)
        : m_writer(writer)
        , m_painter(painter)
        , m_area(area)
        , m_y(area.top())
    {
    }

    bool drawing() const { return m_painter != nullptr; }
    QPainter *painter() const { return m_painter; }
    const QRectF &area() const { return m_area; }
    qreal y() const { return m_y; }
    int page() const { return m_page; }
    void advance(qreal height) { m_y += height; }
    qreal remaining() const { return m_area.bottom() - m_y; }

    // Called with the page index (0-based) as each drawn page is finished.
    void setPageEnd(std::function<void(int page)> pageEnd) { m_pageEnd = std::move(pageEnd); }
    void finish()
    {
        if (m_painter && m_pageEnd)
            m_pageEnd(m_page);
    }

    void newPage()
    {
        finish();
        if (m_painter)
            m_writer->newPage();
        ++m_page;
        m_y = m_area.top();
    }
    // Starts a new page unless `height` still fits on this one.
    void ensure(qreal height)
    {
        if (height > remaining() && m_y > m_area.top())
            newPage();
    }

    // Text in one line (cut to the width): returns its height.
    qreal line(const QString &text, const QFont &f, const QColor &color = Qt::black,
               Qt::Alignment align = Qt::AlignLeft)
    {
        const QFontMetricsF metrics(f);
        const qreal height = metrics.height() * 1.25;
        ensure(height);
        if (m_painter) {
            m_painter->setFont(f);
            m_painter->setPen(color);
            m_painter->drawText(QRectF(m_area.left(), m_y, m_area.width(), height),
                                int(align | Qt::AlignVCenter),
                                metrics.elidedText(text, Qt::ElideRight, m_area.width()));
        }
        m_y += height;
        return height;
    }
    // Wrapped text (a paragraph).
    void paragraph(const QString &text, const QFont &f, const QColor &color = Qt::black)
    {
        const QFontMetricsF metrics(f);
        const QRectF bounds = metrics.boundingRect(QRectF(0, 0, m_area.width(), 10'000),
                                                   Qt::TextWordWrap, text);
        ensure(bounds.height());
        if (m_painter) {
            m_painter->setFont(f);
            m_painter->setPen(color);
            m_painter->drawText(QRectF(m_area.left(), m_y, m_area.width(), bounds.height()),
                                Qt::TextWordWrap, text);
        }
        m_y += bounds.height() + metrics.height() * 0.3;
    }

private:
    QPdfWriter *m_writer;
    QPainter *m_painter;
    QRectF m_area;
    qreal m_y;
    int m_page = 0;
    std::function<void(int page)> m_pageEnd;
};

// ---- tables -----------------------------------------------------------------

struct Column
{
    QString title;
    qreal width; // fraction of the area's width
    Qt::Alignment align = Qt::AlignLeft;
};

// A cell: a main line and an optional second, smaller grey line (an id
// under a name). Both are plain text.
struct Cell
{
    QString text;
    QString detail;
};

void drawTable(Flow &flow, const std::vector<Column> &columns, const std::vector<std::vector<Cell>> &rows)
{
    const QFont body = font(TablePt);
    const QFont bold = font(TablePt, true);
    const QFont small = font(TablePt - 1);
    const QFontMetricsF metrics(body);
    const QFontMetricsF smallMetrics(small);
    const qreal pad = 4;
    const qreal headerHeight = metrics.height() * 1.6;
    bool anyDetail = false;
    for (const auto &row : rows)
        for (const Cell &cell : row)
            anyDetail = anyDetail || !cell.detail.isEmpty();
    const qreal rowHeight = anyDetail ? metrics.height() + smallMetrics.height() + 2 * pad
                                      : metrics.height() * 1.5;
    const QRectF &area = flow.area();

    const auto header = [&] {
        flow.ensure(headerHeight + rowHeight);
        if (QPainter *p = flow.painter()) {
            p->fillRect(QRectF(area.left(), flow.y(), area.width(), headerHeight), QColor(0xe8, 0xe8, 0xe8));
            p->setFont(bold);
            p->setPen(Qt::black);
            qreal x = area.left();
            for (const Column &column : columns) {
                const qreal w = column.width * area.width();
                p->drawText(QRectF(x + pad, flow.y(), w - 2 * pad, headerHeight),
                            int(column.align | Qt::AlignVCenter),
                            QFontMetricsF(bold).elidedText(column.title, Qt::ElideRight, w - 2 * pad));
                x += w;
            }
        }
        flow.advance(headerHeight);
    };
    header();
    int index = 0;
    for (const auto &row : rows) {
        if (rowHeight > flow.remaining()) {
            flow.newPage();
            header(); // repeated on every page the table spans
        }
        if (QPainter *p = flow.painter()) {
            if (index % 2 == 1)
                p->fillRect(QRectF(area.left(), flow.y(), area.width(), rowHeight), QColor(0xf6, 0xf6, 0xf6));
            qreal x = area.left();
            for (size_t c = 0; c < columns.size() && c < row.size(); ++c) {
                const qreal w = columns[c].width * area.width();
                const Cell &cell = row[c];
                const qreal textWidth = w - 2 * pad;
                p->setFont(body);
                p->setPen(Qt::black);
                if (cell.detail.isEmpty()) {
                    p->drawText(QRectF(x + pad, flow.y(), textWidth, rowHeight),
                                int(columns[c].align | Qt::AlignVCenter),
                                metrics.elidedText(cell.text, Qt::ElideRight, textWidth));
                } else {
                    p->drawText(QRectF(x + pad, flow.y() + pad, textWidth, metrics.height()),
                                int(columns[c].align | Qt::AlignVCenter),
                                metrics.elidedText(cell.text, Qt::ElideRight, textWidth));
                    p->setFont(small);
                    p->setPen(QColor(0x55, 0x55, 0x55));
                    p->drawText(QRectF(x + pad, flow.y() + pad + metrics.height(), textWidth,
                                       smallMetrics.height()),
                                int(columns[c].align | Qt::AlignVCenter),
                                smallMetrics.elidedText(cell.detail, Qt::ElideRight, textWidth));
                }
                x += w;
            }
        }
        flow.advance(rowHeight);
        ++index;
    }
    flow.advance(metrics.height());
}

// ---- the report -------------------------------------------------------------

enum class Section { Summary, Days, WorstMeetings, WorstUsers, Incidents, Count_ };
constexpr int SectionCount = int(Section::Count_);

QString sectionTitle(Section section)
{
    switch (section) {
    case Section::Summary:
        return WeeklyReportPdf::tr("Summary");
    case Section::Days:
        return WeeklyReportPdf::tr("Quality and latency by day");
    case Section::WorstMeetings:
        return WeeklyReportPdf::tr("Meetings with the most poor time");
    case Section::WorstUsers:
        return WeeklyReportPdf::tr("Users with the most poor time");
    case Section::Incidents:
        return WeeklyReportPdf::tr("Alert incidents");
    case Section::Count_:
        break;
    }
    return QString();
}

class ReportLayout final
{
public:
    ReportLayout(const WeeklyReport &report, const std::atomic<bool> *cancel)
        : m_report(report)
        , m_cancel(cancel)
        , m_zone(report.timeZoneId)
    {
    }

    // Lays out (and with a painter, draws) the whole report. `tocPages`
    // holds each section's page (1-based) when there is a contents page.
    // False when cancelled.
    bool run(Flow &flow, const std::vector<int> *tocPages)
    {
        m_sectionPages.assign(SectionCount, 0);
        header(flow);
        if (tocPages) {
            contents(flow, *tocPages);
            flow.newPage();
        }
        const std::array<std::function<void(Flow &)>, SectionCount> sections = {
            [this](Flow &f) { summary(f); },
            [this](Flow &f) { days(f); },
            [this](Flow &f) { ranked(f, m_report.worstMeetings, true); },
            [this](Flow &f) { ranked(f, m_report.worstUsers, false); },
            [this](Flow &f) { incidents(f); }};
        for (int s = 0; s < SectionCount; ++s) {
            if (m_cancel && m_cancel->load())
                return false;
            // A section title never ends a page.
            flow.ensure(QFontMetricsF(font(12, true)).height() * 5);
            m_sectionPages[size_t(s)] = flow.page() + 1;
            flow.line(sectionTitle(Section(s)), font(12, true));
            flow.advance(3);
            sections[size_t(s)](flow);
            flow.advance(8);
        }
        return true;
    }

    const std::vector<int> &sectionPages() const { return m_sectionPages; }

private:
    QString localTime(qint64 ms, const QString &format) const
    {
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms, m_zone), format);
    }

    void header(Flow &flow)
    {
        flow.line(WeeklyReportPdf::tr("Meeting quality report"), font(18, true));
        flow.line(WeeklyReportPdf::tr("Week %1").arg(m_report.week.toString()), font(12, true), QColor(0x33, 0x33, 0x33));
        flow.advance(4);
        const QFont body = font(BodyPt);
        const QDate monday = m_report.week.monday();
        const QString gateway = m_report.gateway.isEmpty() ? WeeklyReportPdf::tr("not recorded") : plainName(m_report.gateway);
        flow.line(WeeklyReportPdf::tr("Gateway: %1").arg(gateway), body);
        flow.line(WeeklyReportPdf::tr("Period: %1 to %2")
                      .arg(QLocale().toString(monday, QStringLiteral("dddd d MMMM yyyy")),
                           QLocale().toString(monday.addDays(6), QStringLiteral("dddd d MMMM yyyy"))),
                  body);
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(m_report.current.startMs, m_zone);
        flow.line(WeeklyReportPdf::tr("Time zone: %1 (UTC%2 at the start of the week)")
                      .arg(QString::fromUtf8(m_report.timeZoneId),
                           start.timeZone().displayName(start, QTimeZone::OffsetName).mid(3)),
                  body);
        flow.line(WeeklyReportPdf::tr("Generated: %1").arg(localTime(m_report.generatedMs, QStringLiteral("yyyy-MM-dd HH:mm"))),
                  body);
        flow.advance(10);
        if (QPainter *p = flow.painter())
            p->fillRect(QRectF(flow.area().left(), flow.y() - 6, flow.area().width(), 0.8), Qt::gray);
    }

    void contents(Flow &flow, const std::vector<int> &pages)
    {
        flow.line(WeeklyReportPdf::tr("Contents"), font(12, true));
        flow.advance(4);
        const QFont body = font(BodyPt + 1);
        const QFontMetricsF metrics(body);
        for (int s = 0; s < SectionCount; ++s) {
            const qreal height = metrics.height() * 1.5;
            if (QPainter *p = flow.painter()) {
                const QRectF row(flow.area().left(), flow.y(), flow.area().width(), height);
                p->setFont(body);
                p->setPen(Qt::black);
                const QString title = sectionTitle(Section(s));
                const QString page = QString::number(pages[size_t(s)]);
                p->drawText(row, Qt::AlignLeft | Qt::AlignVCenter, title);
                p->drawText(row, Qt::AlignRight | Qt::AlignVCenter, page);
                // Dotted leader between the title and the page number.
                const qreal from = row.left() + metrics.horizontalAdvance(title) + 6;
                const qreal to = row.right() - metrics.horizontalAdvance(page) - 6;
                if (to > from) {
                    QPen dots(Qt::gray, 1, Qt::DotLine);
                    p->setPen(dots);
                    const qreal y = row.center().y() + metrics.descent();
                    p->drawLine(QPointF(from, y), QPointF(to, y));
                }
            }
            flow.advance(height);
        }
    }

    void summary(Flow &flow)
    {
        const WeekSummary &c = m_report.current;
        const WeekSummary &p = m_report.previous;
        if (!c.hasData())
            flow.paragraph(WeeklyReportPdf::tr("No data: nothing was recorded in this week."), font(BodyPt, true));
        const auto count = [](int v) { return std::optional<double>(double(v)); };
        const auto hours = [](const WeekSummary &s) { return std::optional<double>(s.participantHours()); };
        std::vector<std::vector<Cell>> rows;
        const auto add = [&rows](const QString &figure, const QString &now, const QString &before,
                                 const QString &change) {
            rows.push_back({{figure, {}}, {now, {}}, {before, {}}, {change, {}}});
        };
        add(WeeklyReportPdf::tr("Meetings held"), QLocale().toString(c.meetings), QLocale().toString(p.meetings),
            deltaOf(count(c.meetings), count(p.meetings), 0));
        add(WeeklyReportPdf::tr("Distinct users"), QLocale().toString(c.users), QLocale().toString(p.users),
            deltaOf(count(c.users), count(p.users), 0));
        add(WeeklyReportPdf::tr("Participant-hours"), formatNumber(c.participantHours(), 1),
            formatNumber(p.participantHours(), 1), deltaOf(hours(c), hours(p), 1));
        for (const Quality level : ShareLevels) {
            const QString label = level == Quality::Unknown
                ? WeeklyReportPdf::tr("Time with unknown quality")
                : WeeklyReportPdf::tr("Time at %1 quality").arg(ChartStyle::qualityLabel(level).toLower());
            add(label, formatShare(c.levels.share(level)), formatShare(p.levels.share(level)),
                shareDelta(c.levels.share(level), p.levels.share(level)));
        }
        add(WeeklyReportPdf::tr("Latency p50"), formatMs(c.latencyP50Ms), formatMs(p.latencyP50Ms),
            deltaOf(c.latencyP50Ms, p.latencyP50Ms, 0, WeeklyReportPdf::tr("ms")));
        add(WeeklyReportPdf::tr("Latency p95"), formatMs(c.latencyP95Ms), formatMs(p.latencyP95Ms),
            deltaOf(c.latencyP95Ms, p.latencyP95Ms, 0, WeeklyReportPdf::tr("ms")));
        add(WeeklyReportPdf::tr("Mean packet loss"), formatLoss(c.packetLossMeanPct), formatLoss(p.packetLossMeanPct),
            c.packetLossMeanPct && p.packetLossMeanPct
                ? WeeklyReportPdf::tr("%1 pp").arg(signedNumber(*c.packetLossMeanPct - *p.packetLossMeanPct, 2))
                : noValue());
        add(WeeklyReportPdf::tr("Warning incidents"), QLocale().toString(c.incidentsWarning),
            QLocale().toString(p.incidentsWarning),
            deltaOf(count(c.incidentsWarning), count(p.incidentsWarning), 0));
        add(WeeklyReportPdf::tr("Critical incidents"), QLocale().toString(c.incidentsCritical),
            QLocale().toString(p.incidentsCritical),
            deltaOf(count(c.incidentsCritical), count(p.incidentsCritical), 0));
        add(WeeklyReportPdf::tr("Time with a critical alert firing"), formatDuration(c.criticalFiringMs),
            formatDuration(p.criticalFiringMs),
            deltaOf(double(c.criticalFiringMs) / 60'000.0, double(p.criticalFiringMs) / 60'000.0, 0,
                    WeeklyReportPdf::tr("min")));
        drawTable(flow,
                  {{WeeklyReportPdf::tr("Figure"), 0.36}, {WeeklyReportPdf::tr("This week"), 0.18, Qt::AlignRight},
                   {WeeklyReportPdf::tr("Previous week"), 0.18, Qt::AlignRight}, {WeeklyReportPdf::tr("Change"), 0.28, Qt::AlignRight}},
                  rows);
        flow.paragraph(WeeklyReportPdf::tr("Shares are of participant-time (one participant for one second counts "
                          "one second); time with unknown quality is in the total. Latency "
                          "percentiles come from per-minute histograms (within 4 %). Incidents "
                          "are counted in the week they fired."),
                       font(BodyPt - 1), QColor(0x55, 0x55, 0x55));
    }

    // A chart rendered from a never-shown TimePlot: the same code as the
    // window's charts.
    void chart(Flow &flow, const QString &title, const std::function<void(TimePlot &)> &setUp,
               const std::vector<std::pair<QString, QBrush>> &legend, qreal height)
    {
        const QFont titleFont = font(BodyPt, true);
        const QFont labelFont = font(TablePt);
        const QFontMetricsF labelMetrics(labelFont);
        const qreal legendHeight = labelMetrics.height() * 1.6;
        const qreal total = QFontMetricsF(titleFont).height() * 1.4 + legendHeight + height
            + labelMetrics.height() * 1.6;
        flow.ensure(total);
        flow.line(title, titleFont);
        const QRectF &area = flow.area();
        // Legend: swatch and plain text.
        if (QPainter *p = flow.painter()) {
            qreal x = area.left() + 64;
            p->setFont(labelFont);
            for (const auto &[text, brush] : legend) {
                const QRectF swatch(x, flow.y() + legendHeight * 0.25, 14, legendHeight * 0.5);
                if (brush.style() == Qt::NoBrush) {
                    p->setPen(QPen(brush.color(), 2));
                    p->drawLine(QPointF(swatch.left(), swatch.center().y()),
                                QPointF(swatch.right(), swatch.center().y()));
                } else {
                    p->fillRect(swatch, brush);
                    p->setPen(QPen(brush.color().darker(140), 0.8));
                    p->drawRect(swatch);
                }
                p->setPen(Qt::black);
                const qreal w = labelMetrics.horizontalAdvance(text);
                p->drawText(QRectF(swatch.right() + 4, flow.y(), w + 2, legendHeight),
                            Qt::AlignLeft | Qt::AlignVCenter, text);
                x = swatch.right() + 4 + w + 14;
            }
        }
        flow.advance(legendHeight);
        if (QPainter *p = flow.painter()) {
            TimePlot plot;
            plot.setAttribute(Qt::WA_DontShowOnScreen);
            plot.setPlotMargins(QMargins(64, 8, 16, 4));
            plot.resize(int(area.width()), int(height));
            setUp(plot);
            plot.setTimeLabelsVisible(false);
            // A never-shown chart view lays out lazily and renders clipped:
            // show it off screen and let it settle first.
            plot.show();
            QCoreApplication::processEvents();
            plot.setTimeRange(m_axis.front(), m_axis.back());
            QCoreApplication::processEvents();
            // QGraphicsView::render draws the scene itself through the PDF
            // painter: vector paths and text, no bitmap of the widget.
            plot.render(p, QRectF(area.left(), flow.y(), plot.viewport()->width(), plot.viewport()->height()),
                        plot.viewport()->rect());
            // Day labels under the plot area, one per day column.
            const QRectF plotArea = plot.chart()->plotArea();
            const double span = double(m_axis.back() - m_axis.front());
            p->setFont(labelFont);
            p->setPen(Qt::black);
            for (size_t d = 0; d + 1 < m_axis.size(); ++d) {
                const qreal x0 = area.left() + plotArea.left()
                    + plotArea.width() * double(m_axis[d] - m_axis.front()) / span;
                const qreal x1 = area.left() + plotArea.left()
                    + plotArea.width() * double(m_axis[d + 1] - m_axis.front()) / span;
                p->drawText(QRectF(x0, flow.y() + plotArea.bottom() + 2, x1 - x0, labelMetrics.height() * 1.4),
                            Qt::AlignHCenter | Qt::AlignTop,
                            QLocale().toString(m_report.week.monday().addDays(qint64(d)),
                                               QStringLiteral("ddd d MMM")));
            }
        }
        flow.advance(height + labelMetrics.height() * 1.6);
    }

    void days(Flow &flow)
    {
        // Days sit side by side at equal widths: each day's x is its local
        // midnight in this process's time zone, which is what the chart's
        // time axis works in (the labels are drawn here, in the report's zone).
        m_axis.clear();
        for (int d = 0; d <= 7; ++d)
            m_axis.push_back(QDateTime(m_report.week.monday().addDays(d), QTime(0, 0)).toMSecsSinceEpoch());

        std::vector<std::pair<QString, QBrush>> levels;
        for (const Quality q : ShareLevels)
            levels.emplace_back(ChartStyle::qualityLabel(q), ChartStyle::qualityBrush(q));
        chart(flow, WeeklyReportPdf::tr("Share of participant-time by quality (%)"),
              [this](TimePlot &plot) {
                  std::array<QList<QPointF>, ShareLevels.size()> upper;
                  std::array<QList<QPointF>, ShareLevels.size()> lower;
                  for (size_t d = 0; d < m_report.days.size() && d + 1 < m_axis.size(); ++d) {
                      const LevelSeconds &dayLevels = m_report.days[d].levels;
                      double base = 0;
                      for (size_t l = 0; l < ShareLevels.size(); ++l) {
                          const double share = dayLevels.share(ShareLevels[l]).value_or(0.0) * 100.0;
                          // Steps: both ends of the day at the same height;
                          // a day without data is empty (0 to 0).
                          for (const qint64 x : {m_axis[d], m_axis[d + 1]}) {
                              lower[l].append(QPointF(double(x), base));
                              upper[l].append(QPointF(double(x), base + share));
                          }
                          base += share;
                      }
                  }
                  for (size_t l = 0; l < ShareLevels.size(); ++l) {
                      const QBrush brush = ChartStyle::qualityBrush(ShareLevels[l]);
                      const int area = plot.addArea(QPen(brush.color().darker(140), 0.8), brush);
                      plot.setArea(area, upper[l], lower[l]);
                  }
                  plot.setValueRange(TimePlot::Axis::Left, 0, 100);
              },
              levels, 220);

        const QPen latencyPen = ChartStyle::metricPen(SeriesMetric::Latency);
        chart(flow, WeeklyReportPdf::tr("Latency p95 by day (ms)"),
              [this, latencyPen](TimePlot &plot) {
                  PointRuns runs;
                  PointRun run;
                  double top = 0;
                  for (size_t d = 0; d < m_report.days.size() && d + 1 < m_axis.size(); ++d) {
                      const std::optional<double> p95 = m_report.days[d].latencyP95Ms;
                      if (!p95) { // a day without data is a gap, never zero
                          if (!run.isEmpty())
                              runs.push_back(run);
                          run.clear();
                          continue;
                      }
                      run.append(QPointF(double(m_axis[d]), *p95));
                      run.append(QPointF(double(m_axis[d + 1]), *p95));
                      top = std::max(top, *p95);
                  }
                  if (!run.isEmpty())
                      runs.push_back(run);
                  const int line = plot.addLine(latencyPen);
                  plot.setLineRuns(line, runs);
                  plot.setValueRange(TimePlot::Axis::Left, 0, niceMax(top));
              },
              {{WeeklyReportPdf::tr("p95 latency"), QBrush(latencyPen.color(), Qt::NoBrush)}}, 160);

        // The figures behind the charts, as text.
        std::vector<std::vector<Cell>> rows;
        for (const DaySummary &day : m_report.days) {
            std::vector<Cell> row{{QLocale().toString(day.date, QStringLiteral("ddd d MMM")), {}},
                                  {formatNumber(double(day.levels.total()) / 3600.0, 1), {}}};
            for (const Quality q : ShareLevels)
                row.push_back({formatShare(day.levels.share(q)), {}});
            row.push_back({formatMs(day.latencyP95Ms), {}});
            rows.push_back(row);
        }
        std::vector<Column> columns{{WeeklyReportPdf::tr("Day"), 0.12}, {WeeklyReportPdf::tr("Participant-hours"), 0.18, Qt::AlignRight}};
        for (const Quality q : ShareLevels)
            columns.push_back({ChartStyle::qualityLabel(q), 0.11, Qt::AlignRight});
        columns.push_back({WeeklyReportPdf::tr("Latency p95"), 0.15, Qt::AlignRight});
        drawTable(flow, columns, rows);
    }

    static double niceMax(double value)
    {
        if (!(value > 0))
            return 100;
        const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
        for (const double step : {1.0, 2.0, 5.0, 10.0}) {
            if (value <= step * magnitude)
                return step * magnitude;
        }
        return 10 * magnitude;
    }

    void ranked(Flow &flow, const std::vector<RankedEntry> &entries, bool meetings)
    {
        if (entries.empty()) {
            flow.paragraph(meetings ? WeeklyReportPdf::tr("No meeting had poor time this week.")
                                    : WeeklyReportPdf::tr("No user had poor time this week."),
                           font(BodyPt));
            return;
        }
        std::vector<std::vector<Cell>> rows;
        int rank = 0;
        for (const RankedEntry &e : entries) {
            // Name as received (plain text only), the id under it.
            const QString name = e.name.isEmpty() ? WeeklyReportPdf::tr("(no name)") : plainName(e.name);
            rows.push_back({{QString::number(++rank), {}},
                            {name, plainName(e.id)},
                            {formatShare(e.poorShare()), {}},
                            {formatMs(e.latencyP95Ms), {}},
                            {formatLoss(e.packetLossMeanPct), {}},
                            {QLocale().toString(e.incidents), {}},
                            {formatNumber(double(e.levels.total()) / 3600.0, 1), {}}});
        }
        drawTable(flow,
                  {{WeeklyReportPdf::tr("#"), 0.04},
                   {meetings ? WeeklyReportPdf::tr("Meeting (name, id)") : WeeklyReportPdf::tr("User (name, id)"), 0.38},
                   {WeeklyReportPdf::tr("Poor time"), 0.12, Qt::AlignRight},
                   {WeeklyReportPdf::tr("Latency p95"), 0.13, Qt::AlignRight},
                   {WeeklyReportPdf::tr("Mean loss"), 0.11, Qt::AlignRight},
                   {WeeklyReportPdf::tr("Incidents"), 0.11, Qt::AlignRight},
                   {WeeklyReportPdf::tr("Hours"), 0.11, Qt::AlignRight}},
                  rows);
        flow.paragraph(WeeklyReportPdf::tr("Ranked by share of poor time among those with at least %n minute(s) of "
                          "participant-time and some poor time. Hours are participant-hours.",
                          nullptr, int(WeeklyReport::MinRankedSeconds / 60)),
                       font(BodyPt - 1), QColor(0x55, 0x55, 0x55));
    }

    void incidents(Flow &flow)
    {
        const WeekSummary &c = m_report.current;
        const WeekSummary &p = m_report.previous;
        flow.line(WeeklyReportPdf::tr("Time with a critical alert firing: %1 (previous week: %2)")
                      .arg(formatDuration(c.criticalFiringMs), formatDuration(p.criticalFiringMs)),
                  font(BodyPt));
        flow.advance(4);
        // Every type seen in either week.
        std::map<QString, std::pair<IncidentTypeCount, IncidentTypeCount>> types;
        for (const IncidentTypeCount &t : c.incidentTypes)
            types[t.type].first = t;
        for (const IncidentTypeCount &t : p.incidentTypes)
            types[t.type].second = t;
        if (types.empty()) {
            flow.paragraph(WeeklyReportPdf::tr("No alert fired in this week or the previous one."), font(BodyPt));
            return;
        }
        std::vector<std::vector<Cell>> rows;
        for (const auto &[type, counts] : types) {
            rows.push_back({{plainName(type), {}},
                            {QLocale().toString(counts.first.warning), {}},
                            {QLocale().toString(counts.first.critical), {}},
                            {QLocale().toString(counts.second.warning), {}},
                            {QLocale().toString(counts.second.critical), {}}});
        }
        rows.push_back({{WeeklyReportPdf::tr("All types"), {}},
                        {QLocale().toString(c.incidentsWarning), {}},
                        {QLocale().toString(c.incidentsCritical), {}},
                        {QLocale().toString(p.incidentsWarning), {}},
                        {QLocale().toString(p.incidentsCritical), {}}});
        drawTable(flow,
                  {{WeeklyReportPdf::tr("Type"), 0.36},
                   {WeeklyReportPdf::tr("Warning"), 0.16, Qt::AlignRight},
                   {WeeklyReportPdf::tr("Critical"), 0.16, Qt::AlignRight},
                   {WeeklyReportPdf::tr("Warning, prev."), 0.16, Qt::AlignRight},
                   {WeeklyReportPdf::tr("Critical, prev."), 0.16, Qt::AlignRight}},
                  rows);
    }

    const WeeklyReport &m_report;
    const std::atomic<bool> *m_cancel;
    QTimeZone m_zone;
    std::vector<qint64> m_axis;
    std::vector<int> m_sectionPages;
};

void drawFooter(QPainter &painter, const QRectF &page, const QString &text)
{
    const QFont f = font(7);
    painter.setFont(f);
    painter.setPen(QColor(0x66, 0x66, 0x66));
    const qreal h = QFontMetricsF(f).height() * 1.5;
    painter.drawText(QRectF(page.left(), page.bottom() - h, page.width(), h),
                     Qt::AlignHCenter | Qt::AlignBottom, text);
}

} // namespace

int WeeklyReportPdf::lastPageCount()
{
    return s_lastPageCount;
}

bool WeeklyReportPdf::render(const WeeklyReport &report, QIODevice &device,
                             const std::atomic<bool> *cancel, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return fail(QStringLiteral("drawing the PDF needs a QApplication"));

    QPdfWriter writer(&device);
    writer.setResolution(Dpi);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(MarginMm, MarginMm, MarginMm, MarginMm),
                                     QPageLayout::Millimeter));
    writer.setTitle(tr("Meeting quality report %1").arg(report.week.toString()));
    writer.setCreator(QStringLiteral("Meeting Monitor"));
    const QRectF page(QPointF(0, 0), QSizeF(writer.width(), writer.height()));
    const qreal footer = QFontMetricsF(font(7)).height() * 2;
    const QRectF content(page.left(), page.top(), page.width(), page.height() - footer);

    // First pass: measure. Over two pages, measure again with a contents
    // page, whose numbers the second measurement gives.
    ReportLayout layout(report, cancel);
    std::vector<int> tocPages;
    int pages = 0;
    {
        Flow measure(&writer, nullptr, content);
        if (!layout.run(measure, nullptr))
            return fail(QStringLiteral("cancelled"));
        pages = measure.page() + 1;
    }
    const bool withContents = pages > 2;
    if (withContents) {
        std::vector<int> placeholder(SectionCount, 0);
        Flow measure(&writer, nullptr, content);
        if (!layout.run(measure, &placeholder))
            return fail(QStringLiteral("cancelled"));
        tocPages = layout.sectionPages();
        pages = measure.page() + 1;
    }

    QPainter painter;
    if (!painter.begin(&writer))
        return fail(QStringLiteral("cannot start the PDF"));
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    Flow draw(&writer, &painter, content);
    // Footers are drawn as each page is finished.
    draw.setPageEnd([&painter, &page, &report, pages](int index) {
        drawFooter(painter, page,
                   tr("Meeting quality report %1 · page %2 of %3")
                       .arg(report.week.toString())
                       .arg(index + 1)
                       .arg(pages));
    });
    const bool ok = layout.run(draw, withContents ? &tocPages : nullptr);
    if (!ok) {
        painter.end();
        return fail(QStringLiteral("cancelled"));
    }
    draw.finish();
    const int drawnPages = draw.page() + 1;
    painter.end();
    s_lastPageCount = drawnPages;
    if (drawnPages != pages)
        return fail(QStringLiteral("page layout changed between passes (%1, then %2 pages)")
                        .arg(pages)
                        .arg(drawnPages));
    return true;
}

} // namespace mm
