#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

namespace mm {

// Reads RFC 4180 CSV record by record from a device, without holding the
// file: quoted cells may hold commas, quotes ("") and line breaks; rows end
// with CRLF or LF. Bounded: a cell over MaxCellBytes or a row over
// MaxCells cells is an error for that row (the reader skips to its end and
// goes on), so a hostile file cannot make it allocate without limit.
class CsvRecordReader final
{
public:
    static constexpr qsizetype MaxCellBytes = 64 * 1024;
    static constexpr int MaxCells = 256;

    explicit CsvRecordReader(QIODevice &device);

    // Next record into *cells; *line is the line it starts on (1-based).
    // False at the end of the input. *error is set (and *cells unusable)
    // for a record that broke the bounds or an unterminated quote.
    bool next(QList<QByteArray> *cells, qint64 *line, QString *error);

private:
    bool fill();
    int peek();
    int get();

    QIODevice &m_device;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qint64 m_line = 1;
    bool m_eof = false;
};

// `meeting-monitor import --db FILE --csv FILE`: loads samples in the format
// `export --format csv` writes, `time` as the sample time, through the
// recorder's writer (raw blocks and rollups, in transactions of at most
// 50,000 rows; a kill leaves whole transactions only). Problems are
// reported on `err` row by row ("line 17: latency_ms: not a number") and
// the good rows are kept. Exit codes: 0 every row imported, 1 runtime error
// (unreadable file, history error), 2 usage error, 3 imported with some
// rows rejected.
int runImportCommand(const QStringList &arguments, QIODevice &out, QIODevice &err);

} // namespace mm
