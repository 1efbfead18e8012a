#include "chartstyle.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QPalette>
#include <QLocale>
#include <cmath>

namespace mm {

QColor ChartStyle::metricColor(SeriesMetric metric)
{
    switch (metric) {
    case SeriesMetric::Upload:
        return QColor(0x1f, 0x77, 0xb4);
    case SeriesMetric::Download:
        return QColor(0x2c, 0xa0, 0x2c);
    case SeriesMetric::Latency:
        return QColor(0xd6, 0x27, 0x28);
    case SeriesMetric::Jitter:
        return QColor(0x94, 0x67, 0xbd);
    case SeriesMetric::PacketLoss:
        return QColor(0xff, 0x7f, 0x0e);
    case SeriesMetric::Count_:
        break;
    }
    return Qt::black;
}

QString ChartStyle::metricName(SeriesMetric metric)
{
    switch (metric) {
    case SeriesMetric::Upload:
        return tr("Upload");
    case SeriesMetric::Download:
        return tr("Download");
    case SeriesMetric::Latency:
        return tr("Latency");
    case SeriesMetric::Jitter:
        return tr("Jitter");
    case SeriesMetric::PacketLoss:
        return tr("Packet loss");
    case SeriesMetric::Count_:
        break;
    }
    return {};
}

QString ChartStyle::metricUnit(SeriesMetric metric)
{
    switch (metric) {
    case SeriesMetric::Upload:
    case SeriesMetric::Download:
        return tr("kbps");
    case SeriesMetric::Latency:
    case SeriesMetric::Jitter:
        return tr("ms");
    case SeriesMetric::PacketLoss:
        return tr("%");
    case SeriesMetric::Count_:
        break;
    }
    return {};
}

int ChartStyle::metricDecimals(SeriesMetric metric)
{
    return metric == SeriesMetric::PacketLoss ? 2 : (metric == SeriesMetric::Jitter ? 1 : 0);
}

QPen ChartStyle::metricPen(SeriesMetric metric)
{
    QPen pen(metricColor(metric), 1.0);
    // Jitter shares the latency plot: dashed, so the two differ beyond hue.
    if (metric == SeriesMetric::Jitter || metric == SeriesMetric::Download)
        pen.setStyle(Qt::DashLine);
    return pen;
}

QColor ChartStyle::qualityColor(Quality level)
{
    switch (level) {
    case Quality::Excellent:
        return QColor(0x2e, 0x9d, 0x4f);
    case Quality::Good:
        return QColor(0x8c, 0xc0, 0x3f);
    case Quality::Fair:
        return QColor(0xf0, 0xa2, 0x1c);
    case Quality::Poor:
        return QColor(0xd3, 0x3a, 0x2c);
    case Quality::Unknown:
        break;
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

QBrush ChartStyle::qualityBrush(Quality level)
{
    // Solid for good states, ever denser hatching for the bad ones.
    switch (level) {
    case Quality::Excellent:
        return {qualityColor(level), Qt::SolidPattern};
    case Quality::Good:
        return {qualityColor(level), Qt::Dense3Pattern};
    case Quality::Fair:
        return {qualityColor(level), Qt::BDiagPattern};
    case Quality::Poor:
        return {qualityColor(level), Qt::DiagCrossPattern};
    case Quality::Unknown:
        break;
    }
    return {qualityColor(level), Qt::Dense6Pattern};
}

QString ChartStyle::qualityLabel(Quality level)
{
    switch (level) {
    case Quality::Excellent:
        return tr("Excellent");
    case Quality::Good:
        return tr("Good");
    case Quality::Fair:
        return tr("Fair");
    case Quality::Poor:
        return tr("Poor");
    case Quality::Unknown:
        break;
    }
    return tr("Unknown");
}

QPen ChartStyle::participantPen(int index, bool highlighted, bool dimmed)
{
    static const QColor palette[] = {
        QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c),
        QColor(0x94, 0x67, 0xbd), QColor(0xff, 0x7f, 0x0e), QColor(0x8c, 0x56, 0x4b),
        QColor(0xe3, 0x77, 0xc2), QColor(0x17, 0xbe, 0xcf), QColor(0xbc, 0xbd, 0x22),
        QColor(0x7f, 0x7f, 0x7f)};
    static const Qt::PenStyle dashes[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine,
                                          Qt::DashDotLine};
    constexpr int colours = int(std::size(palette));
    const int i = std::max(0, index);
    QColor colour = palette[i % colours];
    if (dimmed)
        colour.setAlpha(60);
    QPen pen(colour, highlighted ? 2.5 : 1.0);
    pen.setStyle(dashes[(i / colours) % int(std::size(dashes))]);
    return pen;
}

QBrush ChartStyle::inactiveBrush()
{
    return {QColor(120, 120, 120, 70), Qt::FDiagPattern};
}

QColor ChartStyle::gridColor()
{
    const QPalette palette = QGuiApplication::palette();
    const QColor back = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    // 15 % of the text over the background: #e0e0e0-ish on white, a dim
    // grey on a dark base instead of bright lines.
    constexpr double share = 0.15;
    return QColor::fromRgbF(float(back.redF() + (text.redF() - back.redF()) * share),
                            float(back.greenF() + (text.greenF() - back.greenF()) * share),
                            float(back.blueF() + (text.blueF() - back.blueF()) * share));
}

QColor ChartStyle::axisLabelColor()
{
    return QGuiApplication::palette().color(QPalette::WindowText);
}

QString ChartStyle::formatValue(double value, int decimals, const QString &unit)
{
    if (!std::isfinite(value))
        return tr("unknown");
    return tr("%1 %2").arg(QLocale().toString(value, 'f', decimals), unit);
}

QString ChartStyle::boundedPlain(const QString &text, int maxChars)
{
    QString out;
    out.reserve(std::min<qsizetype>(text.size(), maxChars + 1));
    for (const QChar c : text) {
        if (out.size() >= maxChars) {
            out.append(QChar(0x2026));
            return out;
        }
        out.append(c.category() == QChar::Other_Control || c == QChar::LineSeparator
                           || c == QChar::ParagraphSeparator
                       ? QChar(u' ')
                       : c);
    }
    return out;
}

QString ChartStyle::axisTimeFormat(qint64 spanMs)
{
    if (spanMs <= 20 * 60 * 1000)
        return QStringLiteral("HH:mm:ss");
    if (spanMs <= 36LL * 3600 * 1000)
        return QStringLiteral("HH:mm");
    return QStringLiteral("ddd d MMM HH:mm");
}

QString ChartStyle::hoverTime(qint64 timeMs)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(timeMs),
                              QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace mm
