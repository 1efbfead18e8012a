#pragma once

// What the process-driving benchmarks (ingest_bench, startup_bench,
// crash_bench) share: finding the built binaries, children that never
// outlive the harness, and the load average they print beside figures.

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QString>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace mm::bench {

// A binary of this build (e.g. "widgets/meeting-monitor"), looked up from
// the working directory (the build directory) and from next to the
// benchmark's own folder; empty when neither has it.
inline QString findBinary(const QString &relative)
{
    const QStringList roots = {QDir::currentPath(),
                               QCoreApplication::applicationDirPath() + QStringLiteral("/..")};
    for (const QString &root : roots) {
        const QString path = QDir(root).filePath(relative);
        if (QFileInfo::exists(path))
            return QDir::cleanPath(path);
    }
    return {};
}

// Children die with the harness, even when it is killed: nothing it started
// may keep running (or keep a port) after it. Call before start().
inline void dieWithParent(QProcess &process)
{
#ifdef Q_OS_LINUX
    process.setChildProcessModifier([] { prctl(PR_SET_PDEATHSIG, SIGKILL); });
#else
    Q_UNUSED(process);
#endif
}

// The 1, 5 and 15 minute load averages, or "?" without /proc.
inline QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).section(u' ', 0, 2)
                                          : QStringLiteral("?");
}

} // namespace mm::bench
