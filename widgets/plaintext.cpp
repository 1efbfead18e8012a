#include "plaintext.h"

#include <QStringList>

namespace mm {

namespace {

QString cut(const QString &text, int maxChars)
{
    if (text.size() <= maxChars)
        return text;
    QString out = text.left(qMax(0, maxChars - 1));
    // Never end on half of a surrogate pair.
    if (!out.isEmpty() && out.back().isHighSurrogate())
        out.chop(1);
    return out + QChar(0x2026);
}

void blankControls(QString *text)
{
    for (QChar &c : *text) {
        // Format characters (bidi controls) are already stripped by the
        // decoder; keeping the rest leaves emoji sequences (ZWJ) intact.
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    }
}

} // namespace

QString boundedForDisplay(const QString &text, int maxChars)
{
    QString out = cut(text, maxChars);
    blankControls(&out);
    return out;
}

QString plainTextToolTip(const QString &text, int maxChars)
{
    if (text.isEmpty())
        return {};
    QStringList lines = cut(text, maxChars).split(QLatin1Char('\n'));
    for (QString &line : lines) {
        blankControls(&line);
        line = line.toHtmlEscaped();
    }
    return QStringLiteral("<qt>") + lines.join(QStringLiteral("<br>")) + QStringLiteral("</qt>");
}

} // namespace mm
