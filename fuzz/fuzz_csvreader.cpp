// Fuzz target: a whole CSV file as `meeting-monitor import --csv` reads it,
// through CsvRecordReader (app/importcommand.h).
//
// Invariants: the reader ends (every call consumes input or returns false);
// a record without an error respects the documented bounds (at most MaxCells
// cells of at most MaxCellBytes bytes); line numbers start at 1 and only
// grow; no record holds more bytes than the file; and for a file without any
// quote character the records are exactly the file split at line ends and
// commas (CRLF or LF, a UTF-8 byte order mark dropped), which is what any
// CSV reader must agree on.
#include "app/importcommand.h"
#include "fuzzcheck.h"

#include <QBuffer>
#include <QByteArray>
#include <QList>

#include <cstdint>

using namespace mm;

namespace {

// The quote-free reference: lines at LF (a CR right before it belongs to the
// line end), cells at commas. An empty last line is no record, except in a
// file that is only a byte order mark: the reader has seen a byte there and
// returns one empty record (harmless: the import finds no header in it).
QList<QList<QByteArray>> splitPlain(QByteArray text)
{
    QList<QList<QByteArray>> records;
    if (text == "\xEF\xBB\xBF")
        return {{QByteArray()}};
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        const bool last = end < 0;
        if (last)
            end = text.size();
        QByteArray line = text.mid(start, end - start);
        if (!last && line.endsWith('\r'))
            line.chop(1);
        records.append(line.split(','));
        start = end + 1;
    }
    return records;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer device(&bytes);
    device.open(QIODevice::ReadOnly);
    CsvRecordReader reader(device);

    QList<QList<QByteArray>> records;
    QList<QByteArray> cells;
    qint64 line = 0;
    qint64 lastLine = 0;
    QString error;
    bool anyError = false;
    // Each record consumes at least one byte, so more records than bytes
    // means the reader is stuck.
    qsizetype calls = 0;
    while (reader.next(&cells, &line, &error)) {
        MM_FUZZ_CHECK(++calls <= qsizetype(size));
        MM_FUZZ_CHECK(line > lastLine);
        lastLine = line;
        MM_FUZZ_CHECK(line <= qint64(bytes.count('\n')) + 1);
        if (!error.isEmpty()) {
            anyError = true;
            continue;
        }
        MM_FUZZ_CHECK(cells.size() <= CsvRecordReader::MaxCells);
        qsizetype total = 0;
        for (const QByteArray &cell : cells) {
            MM_FUZZ_CHECK(cell.size() <= CsvRecordReader::MaxCellBytes);
            total += cell.size();
        }
        MM_FUZZ_CHECK(total <= qsizetype(size));
        records.append(cells);
    }
    MM_FUZZ_CHECK(!reader.next(&cells, &line, &error)); // the end stays the end

    if (!bytes.contains('"') && !anyError)
        MM_FUZZ_CHECK(records == splitPlain(bytes));
    return 0;
}
