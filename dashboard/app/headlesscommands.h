#pragma once

namespace mm {

// The command-line modes that need no display: `meeting-monitor record`,
// `export`, `import` and `simulate`. main() asks first, before it creates a
// QApplication, so these run on a server without X or Wayland.
bool isHeadlessCommand(int argc, char **argv);

// Runs the command named by argv[1] with its own QCoreApplication (or the
// existing application object, if there is one) and returns the process
// exit code: 0 success, 1 runtime error, 2 usage error, 3 (record) the
// gateway refused the connection.
int runHeadlessCommand(int argc, char **argv);

} // namespace mm
