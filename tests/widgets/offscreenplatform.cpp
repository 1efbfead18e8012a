// gtest_discover_tests lists the tests by running each binary at build time,
// where CTest's QT_QPA_PLATFORM=offscreen is not set and a widgets binary
// aborts without a display. Widget tests always run offscreen (no windows
// popping up on a developer's desktop either), so this is set before main()
// creates the QApplication.
#include <QByteArray>
#include <QtGlobal>

namespace {

const bool offscreenPlatformSet = [] {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    return true;
}();

} // namespace
