// Fuzz target: the CSV writer's round trip. The input is any row of cells
// (UTF-16 units, lone surrogates and control characters included, cells
// split at the unit U+FFFF) plus a double from the first 8 bytes; CsvWriter
// writes it as the exports do (addText, addNumber, addEmpty, then a second
// row), and the import's CsvRecordReader reads it back.
//
// Invariants: exactly the rows written come back, with their cell counts and
// no error; each text cell comes back as exactly the bytes of
// CsvWriter::neutralise(cell), which for valid UTF-16 is the cell minus its
// C0/C1 controls (TAB, CR and LF kept), with a ' before a leading = + - @
// TAB CR LF; no cell written starts with one of those (OWASP CSV
// injection); a finite number comes back as exactly the same double, in
// fixed notation; a non-finite one as an empty cell.
#include "app/importcommand.h"
#include "fuzzcheck.h"
#include "history/csvwriter.h"

#include <QBuffer>
#include <QByteArray>
#include <QList>
#include <QString>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

using namespace mm;

namespace {

bool isFormulaTrigger(QChar c)
{
    switch (c.unicode()) {
    case u'=': case u'+': case u'-': case u'@': case u'\t': case u'\r': case u'\n':
        return true;
    default:
        return false;
    }
}

bool hasLoneSurrogate(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        else if (text.at(i).isSurrogate())
            return true;
    }
    return false;
}

// What the writer must keep of a cell: everything but C0 controls other
// than TAB, CR, LF, and DEL and C1.
QString withoutControls(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r') || (u >= 0x7f && u <= 0x9f))
            continue;
        out.append(c);
    }
    return out;
}

QString withoutLeadingBom(const QString &text)
{
    return text.startsWith(QChar(0xFEFF)) ? text.mid(1) : text;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    double number = 0;
    if (size >= sizeof number) {
        std::memcpy(&number, data, sizeof number);
        data += sizeof number;
        size -= sizeof number;
    }
    QString units(qsizetype(size / 2), Qt::Uninitialized);
    if (size >= 2) // memcpy from a null pointer is undefined even for 0 bytes
        std::memcpy(units.data(), data, (size / 2) * 2);
    const QList<QString> cells = units.split(QChar(0xFFFF));
    if (cells.size() > CsvRecordReader::MaxCells - 2)
        return 0; // beyond the reader's bounds by design

    QByteArray file;
    {
        QBuffer out(&file);
        out.open(QIODevice::WriteOnly);
        CsvWriter writer(out);
        for (const QString &cell : cells) {
            if (CsvWriter::neutralise(cell).toUtf8().size() > CsvRecordReader::MaxCellBytes)
                return 0;
            writer.addText(cell);
        }
        writer.addNumber(number);
        writer.addEmpty();
        MM_FUZZ_CHECK(writer.endRow());
        writer.addRaw("time");
        writer.addText(QStringLiteral("last"));
        MM_FUZZ_CHECK(writer.endRow());
    }
    MM_FUZZ_CHECK(file.endsWith("\r\n"));

    QBuffer in(&file);
    in.open(QIODevice::ReadOnly);
    CsvRecordReader reader(in);
    QList<QByteArray> row;
    qint64 line = 0;
    QString error;

    MM_FUZZ_CHECK(reader.next(&row, &line, &error));
    MM_FUZZ_CHECK(error.isEmpty());
    MM_FUZZ_CHECK(line == 1);
    MM_FUZZ_CHECK(row.size() == cells.size() + 2);
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const QString &cell = cells.at(i);
        const QString neutral = CsvWriter::neutralise(cell);
        MM_FUZZ_CHECK(row.at(i) == neutral.toUtf8());
        MM_FUZZ_CHECK(neutral.isEmpty() || !isFormulaTrigger(neutral.front()));
        if (!hasLoneSurrogate(cell)) {
            // QString::fromUtf8 (the import's decoding) drops one leading
            // U+FEFF; the bytes above are exact, so compare past it.
            const QString back = QString::fromUtf8(row.at(i));
            MM_FUZZ_CHECK(back == withoutLeadingBom(neutral));
            const QString kept = withoutControls(cell);
            if (!kept.isEmpty() && isFormulaTrigger(kept.front()))
                MM_FUZZ_CHECK(neutral == QLatin1Char('\'') + kept);
            else
                MM_FUZZ_CHECK(neutral == kept);
        }
    }
    const QByteArray numberCell = row.at(cells.size());
    if (std::isfinite(number)) {
        MM_FUZZ_CHECK(!numberCell.isEmpty());
        MM_FUZZ_CHECK(!numberCell.contains('e') && !numberCell.contains('E'));
        double back = 0;
        const char *end = numberCell.constData() + numberCell.size();
        const auto [ptr, ec] = std::from_chars(numberCell.constData(), end, back);
        MM_FUZZ_CHECK(ec == std::errc() && ptr == end);
        MM_FUZZ_CHECK(back == number);
    } else {
        MM_FUZZ_CHECK(numberCell.isEmpty());
    }
    MM_FUZZ_CHECK(row.constLast().isEmpty());

    MM_FUZZ_CHECK(reader.next(&row, &line, &error));
    MM_FUZZ_CHECK(error.isEmpty());
    MM_FUZZ_CHECK(row == (QList<QByteArray>{"time", "last"}));
    MM_FUZZ_CHECK(!reader.next(&row, &line, &error));
    return 0;
}
