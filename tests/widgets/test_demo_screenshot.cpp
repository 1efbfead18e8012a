// End to end: `meeting-monitor --demo --screenshot FILE --screenshot-after 3`
// as a real process, offscreen, saves a PNG of the whole window and quits.
#include "mainwindow.h"

#include <QColor>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace {

// Pixels of the "excellent" and "good" quality icons' fills: they only
// appear inside the tree, so finding them means the demo's users are shown.
int countQualityIconPixels(const QImage &image)
{
    const QColor fills[] = {QColor(0x1e, 0x8e, 0x3e), QColor(0x1a, 0x73, 0xe8)};
    int count = 0;
    // Only the band between the tool bar and the status bar.
    for (int y = image.height() * 15 / 100; y < image.height() * 85 / 100; ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            for (const QColor &f : fills) {
                if (qAbs(c.red() - f.red()) <= 4 && qAbs(c.green() - f.green()) <= 4
                    && qAbs(c.blue() - f.blue()) <= 4)
                    ++count;
            }
        }
    }
    return count;
}

TEST(DemoScreenshotTest, DemoRunSavesTheWindowAndQuits)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("out.png"));

    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // Keep the run away from the user's settings.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    // The application records its own history by default: keep it in the
    // test's folder, not in the real user data folder.
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MM_MEETING_MONITOR_EXE),
                  {QStringLiteral("--demo"), QStringLiteral("--screenshot"), file,
                   QStringLiteral("--screenshot-after"), QStringLiteral("3")});
    ASSERT_TRUE(process.waitForStarted(30000)) << qPrintable(process.errorString());
    const bool finished = process.waitForFinished(90000);
    if (!finished)
        process.kill();
    ASSERT_TRUE(finished) << "meeting-monitor --demo --screenshot did not quit";
    const QString out = QString::fromLocal8Bit(process.readAllStandardOutput());
    const QString err = QString::fromLocal8Bit(process.readAllStandardError());
    ASSERT_EQ(process.exitStatus(), QProcess::NormalExit) << qPrintable(err);
    ASSERT_EQ(process.exitCode(), 0) << qPrintable(err);
    EXPECT_EQ(out.trimmed(), QFileInfo(file).absoluteFilePath());

    ASSERT_TRUE(QFileInfo(file).size() > 0);
    QImage image;
    ASSERT_TRUE(image.load(file, "PNG"));
    EXPECT_EQ(image.size(), mm::MainWindow::defaultSize());
    EXPECT_GT(countQualityIconPixels(image), 20) << "no quality icons in the tree";
}

TEST(DemoScreenshotTest, BadOptionsFailWithAMessage)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MM_MEETING_MONITOR_EXE),
                  {QStringLiteral("--gateway"), QStringLiteral("http://not-a-websocket")});
    ASSERT_TRUE(process.waitForFinished(30000));
    EXPECT_NE(process.exitCode(), 0);
    EXPECT_FALSE(process.readAllStandardError().isEmpty());
}

} // namespace
