#include "weeklyreport.h"

#include <QRegularExpression>

namespace mm {

std::optional<IsoWeek> IsoWeek::parse(QStringView text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-?W(\\d{2})$"));
    const QRegularExpressionMatch match = pattern.match(text.toString());
    if (!match.hasMatch())
        return std::nullopt;
    IsoWeek week{match.captured(1).toInt(), match.captured(2).toInt()};
    if (!week.isValid())
        return std::nullopt;
    return week;
}

IsoWeek IsoWeek::containing(QDate date)
{
    int year = 0;
    const int week = date.weekNumber(&year);
    return {year, week};
}

QString IsoWeek::toString() const
{
    return QStringLiteral("%1-W%2").arg(year, 4, 10, QLatin1Char('0')).arg(week, 2, 10, QLatin1Char('0'));
}

QDate IsoWeek::monday() const
{
    // 4 January is always in week 1.
    const QDate jan4(year, 1, 4);
    return jan4.addDays(1 - jan4.dayOfWeek() + 7 * qint64(week - 1));
}

IsoWeek IsoWeek::previous() const
{
    return containing(monday().addDays(-7));
}

IsoWeek IsoWeek::next() const
{
    return containing(monday().addDays(7));
}

bool IsoWeek::isValid() const
{
    if (year < 1 || year > 9998 || week < 1 || week > 53)
        return false;
    return containing(monday()) == *this; // W53 only in a year that has it
}

qint64 LevelSeconds::total() const
{
    qint64 sum = 0;
    for (const qint64 s : seconds)
        sum += s;
    return sum;
}

std::optional<double> LevelSeconds::share(Quality level) const
{
    const qint64 all = total();
    if (all <= 0)
        return std::nullopt;
    return double(in(level)) / double(all);
}

void LevelSeconds::add(const LevelSeconds &other)
{
    for (size_t i = 0; i < seconds.size(); ++i)
        seconds[i] += other.seconds[i];
}

} // namespace mm
