// Shared main() for the GoogleTest binaries: a Qt application object must
// exist before any test touches timers, sockets or widgets.
#include <QStandardPaths>
#include <gtest/gtest.h>

#ifdef MM_TEST_GUI
#include <QApplication>
using TestApplication = QApplication;
#else
#include <QCoreApplication>
using TestApplication = QCoreApplication;
#endif

int main(int argc, char **argv)
{
    // Keep tests away from the user's real settings and data.
    QStandardPaths::setTestModeEnabled(true);
#ifdef MM_TEST_GUI
    // Test discovery runs the binary at build time, without CTest's
    // QT_QPA_PLATFORM; widget tests always run offscreen, never on a desktop.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
#endif
    TestApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
