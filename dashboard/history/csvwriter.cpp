#include "csvwriter.h"

#include <QIODevice>
#include <charconv>
#include <cmath>

namespace mm {

namespace {

bool isStrippedControl(char16_t c)
{
    // C0 except TAB, LF, CR; DEL; C1. They have no business in a name and
    // some tools treat them as terminators or escapes.
    return (c < 0x20 && c != u'\t' && c != u'\n' && c != u'\r') || (c >= 0x7f && c <= 0x9f);
}

bool isFormulaTrigger(QChar c)
{
    switch (c.unicode()) {
    case u'=': case u'+': case u'-': case u'@': case u'\t': case u'\r': case u'\n':
        return true;
    default:
        return false;
    }
}

} // namespace

CsvWriter::CsvWriter(QIODevice &device)
    : m_device(device)
{
    m_row.reserve(256);
}

QString CsvWriter::neutralise(QStringView untrusted)
{
    QString text;
    text.reserve(untrusted.size() + 1);
    for (QChar c : untrusted) {
        if (!isStrippedControl(c.unicode()))
            text.append(c);
    }
    if (!text.isEmpty() && isFormulaTrigger(text.front()))
        text.prepend(QLatin1Char('\''));
    return text;
}

QByteArray CsvWriter::quote(const QByteArray &utf8, bool always)
{
    const bool needed = always || utf8.contains(',') || utf8.contains('"') || utf8.contains('\r')
        || utf8.contains('\n');
    if (!needed)
        return utf8;
    QByteArray quoted;
    quoted.reserve(utf8.size() + 2);
    quoted.append('"');
    for (char c : utf8) {
        if (c == '"')
            quoted.append('"');
        quoted.append(c);
    }
    quoted.append('"');
    return quoted;
}

QByteArray CsvWriter::formatNumber(double value)
{
    if (!std::isfinite(value))
        return {};
    if (value == 0.0)
        value = 0.0; // -0 would print as "-0"
    // Fixed notation with the shortest digits that round-trip: what the
    // client sent (12.5, 300) comes back out unchanged, and 10000000 stays
    // 10000000 rather than becoming 1e+07.
    char buffer[400]; // enough for any finite double in fixed notation
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    if (result.ec != std::errc())
        return {};
    return QByteArray(buffer, result.ptr - buffer);
}

void CsvWriter::separate()
{
    if (m_rowStarted)
        m_row.append(',');
    m_rowStarted = true;
}

void CsvWriter::addText(QStringView untrusted)
{
    separate();
    const QString text = neutralise(untrusted);
    if (!text.isEmpty())
        m_row.append(quote(text.toUtf8(), true));
}

void CsvWriter::addRaw(QByteArrayView trusted)
{
    separate();
    m_row.append(quote(trusted.toByteArray(), false));
}

void CsvWriter::addNumber(double value)
{
    separate();
    m_row.append(formatNumber(value));
}

void CsvWriter::addEmpty()
{
    separate();
}

bool CsvWriter::endRow()
{
    m_row.append("\r\n");
    if (m_ok && m_device.write(m_row) != m_row.size())
        m_ok = false;
    m_row.clear();
    m_rowStarted = false;
    return m_ok;
}

} // namespace mm
