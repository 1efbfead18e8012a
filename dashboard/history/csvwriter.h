#pragma once

#include <QByteArray>
#include <QString>

class QIODevice;

namespace mm {

// Writes RFC 4180 CSV: cells separated by commas, rows ended by CRLF (the
// RFC's line break; spreadsheets read it everywhere), a cell quoted when it
// holds a comma, a quote, CR or LF, with inner quotes doubled. UTF-8.
//
// Untrusted text goes through addText(), which also defuses formulas
// (reliability-notes.md §3, OWASP CSV injection): NUL and the other C0/C1
// control characters except TAB, CR and LF are removed, then a cell that
// would start with = + - @ TAB CR or LF gets a leading ' so that no
// spreadsheet evaluates it, and such text cells are always quoted.
// Numbers the caller formats itself go through addNumber()/addRaw(), which
// are not neutralised (a negative number is not a formula).
class CsvWriter final
{
public:
    explicit CsvWriter(QIODevice &device);

    void addText(QStringView untrusted);
    void addRaw(QByteArrayView trusted); // already-safe ASCII, e.g. a header name or a date
    void addNumber(double value);        // shortest round-trip, fixed notation; non-finite -> empty
    void addEmpty();
    // Ends the row. False once any write to the device has failed.
    bool endRow();
    bool ok() const { return m_ok; }

    // Building blocks, exposed for tests and other exporters.
    static QString neutralise(QStringView untrusted);
    static QByteArray quote(const QByteArray &utf8, bool always);
    // "12.5" for 12.5, "300" for 300, "0.1" for 0.1; never exponent notation.
    static QByteArray formatNumber(double value);

private:
    void separate();

    QIODevice &m_device;
    QByteArray m_row;
    bool m_rowStarted = false;
    bool m_ok = true;
};

} // namespace mm
