#include "plotstack.h"

#include "chartstyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QVBoxLayout>
#include <cmath>

namespace mm {

namespace {

constexpr int LeftMargin = 64;
constexpr int RightMargin = 48;
constexpr int BottomLabelsMargin = 26;

} // namespace

PlotStack::PlotStack(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
    , m_hover(new QLabel(this))
    , m_message(new QLabel(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(0);

    m_hover->setObjectName(QStringLiteral("hoverText"));
    m_hover->setTextFormat(Qt::PlainText);
    m_hover->setAutoFillBackground(true);
    m_hover->setFrameShape(QFrame::Box);
    m_hover->setMargin(4);
    m_hover->setAttribute(Qt::WA_TransparentForMouseEvents);
    QPalette palette = m_hover->palette();
    palette.setColor(QPalette::Window, QColor(255, 255, 240));
    palette.setColor(QPalette::WindowText, Qt::black);
    m_hover->setPalette(palette);
    m_hover->hide();

    m_message->setObjectName(QStringLiteral("chartMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setAttribute(Qt::WA_TransparentForMouseEvents);
    QFont big = m_message->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_message->setFont(big);
    m_message->hide();
}

TimePlot *PlotStack::addPlot(const QString &title, int stretch,
                             const std::vector<LegendEntry> &legend)
{
    auto *header = new QWidget(this);
    auto *row = new QHBoxLayout(header);
    row->setContentsMargins(LeftMargin - 56, 4, 8, 0);
    row->setSpacing(6);
    auto *titleLabel = new QLabel(title, header);
    titleLabel->setTextFormat(Qt::PlainText);
    QFont bold = titleLabel->font();
    bold.setBold(true);
    titleLabel->setFont(bold);
    row->addWidget(titleLabel);
    row->addSpacing(12);
    for (const LegendEntry &entry : legend) {
        auto *icon = new QLabel(header);
        icon->setPixmap(swatch(entry, titleLabel->sizeHint().height()));
        auto *text = new QLabel(entry.text, header);
        text->setTextFormat(Qt::PlainText);
        row->addWidget(icon);
        row->addWidget(text);
        row->addSpacing(8);
    }
    row->addStretch(1);
    m_layout->addWidget(header);

    auto *plot = new TimePlot(this);
    plot->setMinimumHeight(50);
    m_layout->addWidget(plot, stretch);
    connect(plot, &TimePlot::hovered, this, &PlotStack::onPlotHovered);
    connect(plot, &TimePlot::hoverLeft, this, &PlotStack::hoverLeft);
    connect(plot, &TimePlot::zoomRequested, this, &PlotStack::zoomRequested);
    // The bottom plot is as wide as the others; one announcement suffices.
    if (m_plots.empty())
        connect(plot, &TimePlot::columnsChanged, this, &PlotStack::columnsChanged);
    m_plots.push_back(plot);
    updateMargins();
    return plot;
}

void PlotStack::updateMargins()
{
    for (size_t i = 0; i < m_plots.size(); ++i) {
        const bool last = i + 1 == m_plots.size();
        m_plots[i]->setTimeLabelsVisible(last);
        m_plots[i]->setPlotMargins(
            QMargins(LeftMargin, 10, RightMargin, last ? BottomLabelsMargin : 8));
    }
}

void PlotStack::setTimeRange(qint64 fromMs, qint64 toMs)
{
    for (TimePlot *plot : m_plots)
        plot->setTimeRange(fromMs, toMs);
}

void PlotStack::beginUpdate(qint64 fromMs, qint64 toMs)
{
    for (TimePlot *plot : m_plots)
        plot->beginUpdate(fromMs, toMs);
}

void PlotStack::endUpdate()
{
    for (TimePlot *plot : m_plots)
        plot->endUpdate();
}

int PlotStack::columns() const
{
    return m_plots.empty() ? std::max(1, width() - LeftMargin - RightMargin)
                           : m_plots.front()->plotColumns();
}

void PlotStack::setShadedSpans(const std::vector<TimeSpan> &spans, const QString &label)
{
    for (size_t i = 0; i < m_plots.size(); ++i) {
        // Labelled once, in the top plot; the others are only shaded.
        m_plots[i]->setShadedSpans(spans, ChartStyle::inactiveBrush(),
                                   i == 0 ? label : QString());
    }
}

void PlotStack::onPlotHovered(qint64 timeMs, const QPoint &globalPos)
{
    m_lastGlobalPos = globalPos;
    emit hovered(timeMs);
}

void PlotStack::showHover(const QString &text, qint64 timeMs)
{
    for (TimePlot *plot : m_plots)
        plot->setCrosshair(timeMs);
    m_hover->setText(text);
    m_hover->adjustSize();
    // Beside the cursor, flipped to stay inside the stack.
    QPoint pos = mapFromGlobal(m_lastGlobalPos) + QPoint(16, 16);
    if (pos.x() + m_hover->width() > width())
        pos.rx() -= m_hover->width() + 32;
    if (pos.y() + m_hover->height() > height())
        pos.ry() = std::max(0, height() - m_hover->height());
    m_hover->move(std::max(0, pos.x()), std::max(0, pos.y()));
    m_hover->show();
    m_hover->raise();
}

void PlotStack::hideHover()
{
    for (TimePlot *plot : m_plots)
        plot->clearCrosshair();
    m_hover->hide();
}

QString PlotStack::hoverText() const
{
    return m_hover->isHidden() ? QString() : m_hover->text();
}

void PlotStack::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    if (!text.isEmpty()) {
        m_message->setGeometry(rect());
        m_message->raise();
    }
}

QString PlotStack::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void PlotStack::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_message->setGeometry(rect());
}

QPixmap PlotStack::swatch(const LegendEntry &entry, int height)
{
    const int h = std::max(10, height);
    QPixmap pixmap(h * 2, h);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    if (entry.brush.style() != Qt::NoBrush) {
        painter.setPen(QPen(entry.brush.color().darker(130), 1));
        painter.setBrush(entry.brush);
        painter.drawRect(QRectF(1, 2, h * 2 - 2, h - 4));
    } else {
        QPen pen = entry.pen;
        pen.setWidthF(std::max(2.0, pen.widthF()));
        painter.setPen(pen);
        painter.drawLine(QPointF(1, h / 2.0), QPointF(h * 2 - 1, h / 2.0));
    }
    return pixmap;
}

double PlotStack::niceMax(double value, double floor)
{
    const double v = std::max(value, floor);
    if (!std::isfinite(v) || v <= 0)
        return std::max(1.0, floor);
    const double magnitude = std::pow(10.0, std::floor(std::log10(v)));
    for (const double f : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (v <= f * magnitude)
            return f * magnitude;
    }
    return 10 * magnitude;
}

double PlotStack::maxY(const PointRuns &runs)
{
    double best = 0;
    for (const PointRun &run : runs) {
        for (const QPointF &p : run)
            best = std::max(best, p.y());
    }
    return best;
}

} // namespace mm
