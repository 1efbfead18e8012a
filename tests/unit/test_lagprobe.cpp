#include "core/eventlooplagprobe.h"

#include <QEventLoop>
#include <QThread>
#include <QTimer>
#include <gtest/gtest.h>

using namespace mm;

namespace {
void runEventLoopFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}
} // namespace

TEST(EventLoopLagProbe, ReportsNothingBeforeItRan)
{
    EventLoopLagProbe probe;
    EXPECT_EQ(probe.summary().samples, 0);
}

TEST(EventLoopLagProbe, SeesABlockedEventLoop)
{
    EventLoopLagProbe probe;
    probe.start();
    runEventLoopFor(100);
    // Block the loop the way a slow slot would.
    QTimer::singleShot(0, &probe, [] { QThread::msleep(150); });
    runEventLoopFor(200);
    const auto s = probe.summary();
    EXPECT_GT(s.samples, 5);
    EXPECT_GE(s.maxMs, 100.0);   // the 150 ms stall, minus at most one interval
    EXPECT_LE(s.p50Ms, s.p99Ms);
    EXPECT_LE(s.p99Ms, s.maxMs);
}

TEST(EventLoopLagProbe, ResetForgetsTheStall)
{
    EventLoopLagProbe probe;
    probe.start();
    QTimer::singleShot(0, &probe, [] { QThread::msleep(120); });
    runEventLoopFor(200);
    ASSERT_GE(probe.summary().maxMs, 70.0);
    probe.reset();
    EXPECT_EQ(probe.summary().samples, 0);
    EXPECT_EQ(probe.summary().maxMs, 0.0);
}
