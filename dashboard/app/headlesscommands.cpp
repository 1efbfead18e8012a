#include "headlesscommands.h"

#include "app/recorder.h"
#include "history/sampleexporter.h"

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

} // namespace

bool isHeadlessCommand(int argc, char **argv)
{
    return argc >= 2 && argv[1]
        && (std::strcmp(argv[1], RecordCommand) == 0 || std::strcmp(argv[1], ExportCommand) == 0);
}

int runHeadlessCommand(int argc, char **argv)
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
    else
        code = runRecordCommand(arguments, out, err);
    if (!out.flush() && code == 0)
        code = 1; // e.g. stdout closed or the disk behind it full
    return code;
}

} // namespace mm
