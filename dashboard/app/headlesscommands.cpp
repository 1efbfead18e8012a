#include "headlesscommands.h"

#include "app/importcommand.h"
#include "app/recorder.h"
#include "history/sampleexporter.h"
#include "report/reportcommand.h"
#include "security/tokencommand.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringList>
#include <cstdio>
#include <cstring>
#include <memory>

namespace mm {

namespace {

const char *const RecordCommand = "record";
const char *const ExportCommand = "export";
const char *const ImportCommand = "import";
const char *const SimulateCommand = "simulate";
const char *const TokenCommand = "token";
const char *const ReportCommand = "report";

} // namespace

bool isHeadlessCommand(int argc, char **argv)
{
    if (argc < 2 || !argv[1])
        return false;
    for (const char *command :
         {RecordCommand, ExportCommand, ImportCommand, SimulateCommand, TokenCommand, ReportCommand})
        if (std::strcmp(argv[1], command) == 0)
            return true;
    return false;
}

bool headlessCommandDraws(int argc, char **argv)
{
    if (!isHeadlessCommand(argc, argv))
        return false;
    if (std::strcmp(argv[1], ReportCommand) == 0)
        return true;
    if (std::strcmp(argv[1], RecordCommand) != 0)
        return false;
    for (int i = 2; i < argc; ++i) {
        if (argv[i] && std::strncmp(argv[i], "--weekly-report-dir", 19) == 0)
            return true;
    }
    return false;
}

int runHeadlessCommand(int argc, char **argv, const WeeklyReportPdfRenderer &pdfRenderer,
                       const HeadlessCommandRunner &simulate)
{
    if (!isHeadlessCommand(argc, argv))
        return 2;
    std::unique_ptr<QCoreApplication> app;
    if (!QCoreApplication::instance()) {
        app = std::make_unique<QCoreApplication>(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("meeting-monitor"));
    }
    QStringList arguments;
    for (int i = 2; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    QFile out;
    QFile err;
    out.open(stdout, QIODevice::WriteOnly);
    // Unbuffered: log lines appear as they happen, also when stderr is a pipe.
    err.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);
    int code = 0;
    if (std::strcmp(argv[1], ExportCommand) == 0)
        code = runExportCommand(arguments, out, err);
    else if (std::strcmp(argv[1], ImportCommand) == 0)
        code = runImportCommand(arguments, out, err);
    else if (std::strcmp(argv[1], ReportCommand) == 0)
        code = runReportCommand(arguments, out, err, pdfRenderer);
    else if (std::strcmp(argv[1], SimulateCommand) == 0) {
        if (simulate) {
            code = simulate(arguments, out, err);
        } else {
            err.write("meeting-monitor simulate: "
                      + QCoreApplication::translate("mm::HeadlessCommands",
                                                    "not available in this program")
                            .toUtf8()
                      + '\n');
            code = 1;
        }
    }
    else if (std::strcmp(argv[1], TokenCommand) == 0) {
        QFile in;
        in.open(stdin, QIODevice::ReadOnly);
        code = runTokenCommand(arguments, in, out, err);
    }
    else
        code = runRecordCommand(arguments, out, err, pdfRenderer);
    if (!out.flush() && code == 0)
        code = 1; // e.g. stdout closed or the disk behind it full
    return code;
}

} // namespace mm
