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
    TestApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
