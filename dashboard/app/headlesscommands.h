#pragma once

#include "report/weeklyreportwriter.h"

#include <QStringList>
#include <functional>

class QIODevice;

namespace mm {

// The command-line modes that need no display: `meeting-monitor record`,
// `export`, `import`, `simulate`, `token` and `report`. main() asks first, before it creates a
// QApplication, so these run on a server without X or Wayland.
bool isHeadlessCommand(int argc, char **argv);

// Runs the command named by argv[1] with its own QCoreApplication (or the
// existing application object, if there is one) and returns the process
// exit code: 0 success, 1 runtime error, 2 usage error, 3 (record) the
// gateway refused the connection.
// `pdfRenderer` draws the weekly report's PDF (`report`, and `record
// --weekly-report-dir`); the application passes the charts' renderer.
// `simulate` lives in simulator/ (it drives the fleet simulator, which
// builds on this library), so the program passes it in: runSimulateCommand.
using HeadlessCommandRunner =
    std::function<int(const QStringList &arguments, QIODevice &out, QIODevice &err)>;
int runHeadlessCommand(int argc, char **argv, const WeeklyReportPdfRenderer &pdfRenderer = {},
                       const HeadlessCommandRunner &simulate = {});

// Whether the command draws with Qt Widgets (the report's PDF charts) and so
// needs a QApplication, on the offscreen platform when there is no display:
// `report`, and `record` with --weekly-report-dir.
bool headlessCommandDraws(int argc, char **argv);

} // namespace mm
