#include "reportcommand.h"

#include "history/historydatabase.h"
#include "report/weeklyreportbuilder.h"

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QFileInfo>
#include <QIODevice>
#include <QTimeZone>

namespace mm {

namespace {

// The translation context of the report command's help, errors and summary.
class ReportText final
{
    Q_DECLARE_TR_FUNCTIONS(mm::ReportCommand)
};

const char *const Program = "meeting-monitor report";

void say(QIODevice &err, const QString &message)
{
    err.write(QByteArray(Program) + ": " + message.toUtf8() + '\n');
}

// Arguments come from the command line, but a report may be scripted from
// other data: keep control characters out of the terminal.
QString printable(const QString &text)
{
    QString safe;
    for (const QChar c : text.left(200))
        safe += c.isPrint() ? c : QChar(u'?');
    return safe;
}

} // namespace

int runReportCommand(const QStringList &arguments, QIODevice &out, QIODevice &err,
                     const WeeklyReportPdfRenderer &pdfRenderer)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(ReportText::tr(
        "Write the weekly quality report of a Meeting Monitor history (from its per-minute "
        "rollups and alert incidents) as PDF or CSV. Needs no display.\n"
        "Exit codes: 0 written, 1 history or write error, 2 usage error."));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        ReportText::tr("Show this help."));
    const QCommandLineOption dbOption(QStringLiteral("db"), ReportText::tr("History database to read."),
                                      ReportText::tr("FILE"));
    const QCommandLineOption weekOption(
        QStringLiteral("week"),
        ReportText::tr("ISO week, e.g. 2026-W47 (default: the last completed week)."),
        QStringLiteral("YYYY-Www"));
    const QCommandLineOption tzOption(
        QStringLiteral("tz"),
        ReportText::tr("IANA time zone of the days and the week, e.g. Asia/Ho_Chi_Minh "
                       "(default: the system's)."),
        ReportText::tr("ZONE"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          ReportText::tr("pdf or csv (default: from --out's suffix)."),
                                          ReportText::tr("FORMAT"));
    const QCommandLineOption outOption(QStringLiteral("out"),
                                       ReportText::tr("Write to FILE (atomically)."),
                                       ReportText::tr("FILE"));
    const QCommandLineOption gatewayOption(
        QStringLiteral("gateway"), ReportText::tr("Gateway name or URL for the report's header."),
        ReportText::tr("NAME"));
    parser.addOptions({helpOption, dbOption, weekOption, tzOption, formatOption, outOption,
                       gatewayOption});

    if (!parser.parse(QStringList{QString::fromLatin1(Program)} + arguments)) {
        say(err, parser.errorText() + ReportText::tr(" (try --help)"));
        return 2;
    }
    if (parser.isSet(helpOption)) {
        out.write(parser.helpText().toUtf8());
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        say(err, ReportText::tr("unexpected argument '%1' (try --help)")
                     .arg(printable(parser.positionalArguments().constFirst())));
        return 2;
    }
    if (parser.value(dbOption).isEmpty()) {
        say(err, ReportText::tr("--db FILE is required (try --help)"));
        return 2;
    }
    const QString outPath = parser.value(outOption);
    if (outPath.isEmpty()) {
        say(err, ReportText::tr("--out FILE is required (try --help)"));
        return 2;
    }
    QString formatName = parser.value(formatOption).toLower();
    if (formatName.isEmpty())
        formatName = QFileInfo(outPath).suffix().toLower();
    if (formatName != QStringLiteral("pdf") && formatName != QStringLiteral("csv")) {
        say(err, ReportText::tr("--format: '%1' is not pdf or csv").arg(printable(formatName)));
        return 2;
    }
    const ReportFormat format = formatName == QStringLiteral("pdf") ? ReportFormat::Pdf : ReportFormat::Csv;

    QTimeZone zone = QTimeZone::systemTimeZone();
    if (parser.isSet(tzOption)) {
        const QByteArray id = parser.value(tzOption).toUtf8();
        zone = QTimeZone(id); // invalid for an id the system does not know
        if (id.isEmpty() || !zone.isValid()) {
            say(err, ReportText::tr("--tz: unknown time zone '%1' (an IANA name such as "
                                    "Europe/Berlin or Asia/Ho_Chi_Minh)")
                         .arg(printable(parser.value(tzOption))));
            return 2;
        }
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    IsoWeek week = IsoWeek::containing(QDateTime::fromMSecsSinceEpoch(now, zone).date()).previous();
    if (parser.isSet(weekOption)) {
        const std::optional<IsoWeek> parsed = IsoWeek::parse(parser.value(weekOption));
        if (!parsed) {
            say(err, ReportText::tr("--week: '%1' is not an ISO week like 2026-W47 (weeks 01 to 52, "
                                    "or 53 in a year that has one)")
                         .arg(printable(parser.value(weekOption))));
            return 2;
        }
        week = *parsed;
    }
    if (format == ReportFormat::Pdf && !pdfRenderer) {
        say(err, ReportText::tr("PDF output is not available in this program"));
        return 1;
    }

    HistoryDatabase db;
    if (!db.open(parser.value(dbOption), HistoryDatabase::Mode::ReadOnly)) {
        say(err, db.errorString());
        return 1;
    }
    WeeklyReportBuilder builder(db);
    const std::optional<WeeklyReport> report =
        builder.build(week, zone, now, parser.value(gatewayOption));
    if (!report) {
        say(err, ReportText::tr("cannot build the report: %1").arg(builder.errorString()));
        return 1;
    }
    QString error;
    if (!WeeklyReportWriter::save(*report, format, outPath, pdfRenderer, nullptr, &error)) {
        say(err, error);
        return 1;
    }
    say(err, ReportText::tr("wrote %1 (%2, %3 in %4: %5 meetings%6)")
                 .arg(outPath, formatName, week.toString(), QString::fromUtf8(zone.id()))
                 .arg(report->meetings.size())
                 .arg(report->hasData() ? QString() : ReportText::tr(", no data")));
    return 0;
}

} // namespace mm
