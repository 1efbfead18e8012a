#include "history/csvwriter.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <gtest/gtest.h>

using namespace mm;

namespace {

// An independent RFC 4180 reader (records end with CRLF; quoted fields may
// hold commas, quotes doubled, CR and LF). Fails the test on malformed input.
std::vector<std::vector<QString>> parseCsv(const QByteArray &data)
{
    std::vector<std::vector<QString>> records;
    std::vector<QString> record;
    QByteArray field;
    bool quoted = false;      // inside a quoted field
    bool wasQuoted = false;   // current field began with a quote
    qsizetype i = 0;
    auto endField = [&] {
        record.push_back(QString::fromUtf8(field));
        field.clear();
        wasQuoted = false;
    };
    while (i < data.size()) {
        const char c = data[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < data.size() && data[i + 1] == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                quoted = false;
                ++i;
                continue;
            }
            field.append(c);
            ++i;
            continue;
        }
        if (c == '"') {
            EXPECT_TRUE(field.isEmpty() && !wasQuoted) << "quote inside an unquoted field at " << i;
            quoted = wasQuoted = true;
            ++i;
        } else if (c == ',') {
            endField();
            ++i;
        } else if (c == '\r') {
            EXPECT_TRUE(i + 1 < data.size() && data[i + 1] == '\n') << "bare CR at " << i;
            endField();
            records.push_back(std::move(record));
            record.clear();
            i += 2;
        } else {
            EXPECT_NE(c, '\n') << "bare LF outside quotes at " << i;
            field.append(c);
            ++i;
        }
    }
    EXPECT_FALSE(quoted) << "unterminated quoted field";
    EXPECT_TRUE(record.empty() && field.isEmpty()) << "last record without CRLF";
    return records;
}

QByteArray row(const std::function<void(CsvWriter &)> &fill)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter csv(buffer);
    fill(csv);
    EXPECT_TRUE(csv.endRow());
    return buffer.data();
}

bool dangerousStart(const QString &cell)
{
    return !cell.isEmpty()
        && QStringLiteral("=+-@\t\r\n").contains(cell.front());
}

} // namespace

TEST(CsvWriter, QuotesPerRfc4180AndEndsRowsWithCrLf)
{
    EXPECT_EQ(row([](CsvWriter &c) {
                  c.addRaw("time");
                  c.addText(u"plain");
                  c.addText(u"a,b");
                  c.addText(u"say \"hi\"");
                  c.addText(u"two\r\nlines");
                  c.addEmpty();
                  c.addText(u"");
              }),
              QByteArray("time,\"plain\",\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",,\r\n"));
}

TEST(CsvWriter, NeutralisesFormulaTriggersInTextCells)
{
    EXPECT_EQ(CsvWriter::neutralise(u"=1+2"), QStringLiteral("'=1+2"));
    EXPECT_EQ(CsvWriter::neutralise(u"+33 1 23"), QStringLiteral("'+33 1 23"));
    EXPECT_EQ(CsvWriter::neutralise(u"-2"), QStringLiteral("'-2"));
    EXPECT_EQ(CsvWriter::neutralise(u"@SUM(A1)"), QStringLiteral("'@SUM(A1)"));
    EXPECT_EQ(CsvWriter::neutralise(u"\tx"), QStringLiteral("'\tx"));
    EXPECT_EQ(CsvWriter::neutralise(u"\rx"), QStringLiteral("'\rx"));
    EXPECT_EQ(CsvWriter::neutralise(u"\nx"), QStringLiteral("'\nx"));
    EXPECT_EQ(CsvWriter::neutralise(u"a=b"), QStringLiteral("a=b"));
    // NUL (and other controls) are removed first, so they cannot hide a trigger.
    EXPECT_EQ(CsvWriter::neutralise(QStringView(u"\0=cmd", 5)), QStringLiteral("'=cmd"));
    EXPECT_EQ(CsvWriter::neutralise(u"a\x01" "b\x7f" "c\x9f"), QStringLiteral("abc"));
    // The OWASP example.
    EXPECT_EQ(row([](CsvWriter &c) { c.addText(u"=1+2\";=1+2"); }),
              QByteArray("\"'=1+2\"\";=1+2\"\r\n"));
}

TEST(CsvWriter, NumbersAreWrittenAsReceivedAndNotNeutralised)
{
    EXPECT_EQ(CsvWriter::formatNumber(12.5), QByteArray("12.5"));
    EXPECT_EQ(CsvWriter::formatNumber(300), QByteArray("300"));
    EXPECT_EQ(CsvWriter::formatNumber(0.1), QByteArray("0.1"));
    EXPECT_EQ(CsvWriter::formatNumber(0), QByteArray("0"));
    EXPECT_EQ(CsvWriter::formatNumber(-0.0), QByteArray("0"));
    EXPECT_EQ(CsvWriter::formatNumber(10'000'000), QByteArray("10000000"));
    EXPECT_EQ(CsvWriter::formatNumber(1234.5678), QByteArray("1234.5678"));
    EXPECT_EQ(CsvWriter::formatNumber(0.0001), QByteArray("0.0001"));
    EXPECT_EQ(CsvWriter::formatNumber(std::nan("")), QByteArray());
    EXPECT_EQ(CsvWriter::formatNumber(HUGE_VAL), QByteArray());
    EXPECT_EQ(row([](CsvWriter &c) { c.addNumber(-3.25); c.addNumber(std::nan("")); }),
              QByteArray("-3.25,\r\n"));
    // Round trip for awkward values.
    QRandomGenerator rng(42);
    for (int i = 0; i < 2000; ++i) {
        const double value = rng.generateDouble() * std::pow(10.0, rng.bounded(-6, 8));
        EXPECT_EQ(CsvWriter::formatNumber(value).toDouble(), value);
    }
}

TEST(CsvWriter, PropertyNoCellStartsDangerouslyAndEveryCellParsesBack)
{
    // Characters that matter to CSV and spreadsheets, plus ordinary and
    // non-ASCII text, in random strings.
    const QString alphabet = QStringLiteral("=+-@\t\r\n,\"';: aZ09") + QChar(0) + QChar(1)
        + QChar(0x7f) + QChar(0x85) + QChar(0xe9) + QChar(0x4e2d) + QChar(0xff1d) + QChar(0x202e);
    QRandomGenerator rng(20261124);
    for (int round = 0; round < 3000; ++round) {
        std::vector<QString> inputs;
        const int cells = rng.bounded(1, 6);
        for (int c = 0; c < cells; ++c) {
            QString text;
            const int length = rng.bounded(0, 12);
            for (int k = 0; k < length; ++k)
                text.append(alphabet.at(rng.bounded(alphabet.size())));
            inputs.push_back(text);
        }
        const QByteArray data = row([&](CsvWriter &csv) {
            for (const QString &text : inputs)
                csv.addText(text);
        });
        const auto records = parseCsv(data);
        ASSERT_EQ(records.size(), 1u) << data.toStdString();
        ASSERT_EQ(records[0].size(), inputs.size()) << data.toStdString();
        for (size_t c = 0; c < inputs.size(); ++c) {
            const QString &cell = records[0][c];
            EXPECT_FALSE(dangerousStart(cell)) << data.toStdString();
            EXPECT_FALSE(cell.contains(QChar(0))) << data.toStdString();
            // What was kept is the input minus controls, behind at most one '.
            QString expected;
            for (QChar ch : inputs[c]) {
                const char16_t u = ch.unicode();
                const bool control = (u < 0x20 && u != u'\t' && u != u'\r' && u != u'\n')
                    || (u >= 0x7f && u <= 0x9f);
                if (!control)
                    expected.append(ch);
            }
            if (dangerousStart(expected))
                EXPECT_EQ(cell, QLatin1Char('\'') + expected) << data.toStdString();
            else
                EXPECT_EQ(cell, expected) << data.toStdString();
        }
    }
}

TEST(CsvWriter, ReportsAFailingDevice)
{
    QBuffer buffer;
    buffer.open(QIODevice::ReadOnly); // writes fail
    CsvWriter csv(buffer);
    csv.addText(u"x");
    EXPECT_FALSE(csv.endRow());
    EXPECT_FALSE(csv.ok());
}
