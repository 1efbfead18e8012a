#pragma once

#include "core/quality.h"
#include "history/historyseries.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QPen>
#include <QString>

namespace mm {

// Colours, patterns and wording shared by the chart views. Quality levels
// differ in pattern and label as well as colour, never in colour alone.
class ChartStyle final
{
    Q_DECLARE_TR_FUNCTIONS(mm::ChartStyle)
public:
    static QColor metricColor(SeriesMetric metric);
    static QString metricName(SeriesMetric metric);
    static QString metricUnit(SeriesMetric metric);
    static int metricDecimals(SeriesMetric metric);
    static QPen metricPen(SeriesMetric metric);

    static QColor qualityColor(Quality level);
    static QBrush qualityBrush(Quality level);
    static QString qualityLabel(Quality level);

    // The i-th participant's line: colours cycle, and every cycle changes
    // the dash so two users never look alike.
    static QPen participantPen(int index, bool highlighted, bool dimmed);

    static QBrush inactiveBrush();
    // From the application palette, so that light and dark both read well:
    // the grid a faint mix of text on background, the labels the text colour.
    static QColor gridColor();
    static QColor axisLabelColor();

    // "unknown" for NaN (unknown is never zero), else the value with unit.
    static QString formatValue(double value, int decimals, const QString &unit);
    // Untrusted text for a plain-text label: control characters become
    // spaces and the length is bounded with an ellipsis.
    static QString boundedPlain(const QString &text, int maxChars);
    // The date/time axis format for a range of this length.
    static QString axisTimeFormat(qint64 spanMs);
    // Full date and time for the hover text.
    static QString hoverTime(qint64 timeMs);
};

} // namespace mm
