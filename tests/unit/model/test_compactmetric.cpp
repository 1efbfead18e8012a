#include "model/compactmetric.h"

#include <QString>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

using namespace mm;

namespace {

double roundTrip(double value)
{
    return CompactMetric::decode(CompactMetric::encode(value));
}

} // namespace

TEST(CompactMetric, WholeNumbersUpTo4096AndZeroAreExact)
{
    for (int n = 0; n <= 4096; ++n)
        ASSERT_EQ(roundTrip(n), double(n)) << n;
    // Halves are exact up to 2,048 too.
    EXPECT_EQ(roundTrip(1234.5), 1234.5);
}

TEST(CompactMetric, RelativeErrorIsAtMostTwoToTheMinus12AcrossTheDecodersRanges)
{
    std::mt19937_64 random(7);
    // Log-uniform from 2^-7 (the smallest normal) to 10 M kbps.
    std::uniform_real_distribution<double> exponent(-7, std::log2(10'000'000.0));
    double worst = 0;
    for (int i = 0; i < 1'000'000; ++i) {
        const double value = std::exp2(exponent(random));
        worst = std::max(worst, std::abs(roundTrip(value) - value) / value);
    }
    EXPECT_LE(worst, std::exp2(-12));
    EXPECT_GT(worst, std::exp2(-13)); // the bound is tight: 12 significant bits, not more
    // Below 2^-7 the step is fixed: absolute error at most half of 2^-18.
    for (double value : {1e-7, 3.3e-6, 0.001, 0.0078})
        EXPECT_LE(std::abs(roundTrip(value) - value), std::exp2(-19)) << value;
}

TEST(CompactMetric, TypicalReadingsShowTheSameAtTheChartsPrecision)
{
    // The hover text's decimals (ChartStyle::metricDecimals): loss 2,
    // jitter 1, latency and bitrates 0.
    const auto shown = [](double value, int decimals) { return QString::number(value, 'f', decimals); };
    for (double loss : {0.01, 0.5, 2.35, 7.77, 9.99, 15.25, 33.3})
        EXPECT_EQ(shown(roundTrip(loss), 2), shown(loss, 2)) << loss;
    for (double jitter : {0.1, 2.3, 12.7, 48.9, 99.9, 150.4})
        EXPECT_EQ(shown(roundTrip(jitter), 1), shown(jitter, 1)) << jitter;
    // Above 4,096 a whole number may move by half a step: 1 kbps to 8,192,
    // 2 to 16,384, at most 0.025 % of the value.
    EXPECT_NEAR(roundTrip(13'501), 13'501, 2);
    EXPECT_NEAR(roundTrip(10'000'000.0), 10'000'000.0, 10'000'000.0 * std::exp2(-12));
}

TEST(CompactMetric, UnknownIsNeverANumber)
{
    EXPECT_EQ(CompactMetric::encode(std::numeric_limits<double>::quiet_NaN()), CompactMetric::Unknown);
    EXPECT_EQ(CompactMetric::encode(-1.0), CompactMetric::Unknown);
    EXPECT_EQ(CompactMetric::encode(-std::numeric_limits<double>::infinity()), CompactMetric::Unknown);
    EXPECT_TRUE(std::isnan(CompactMetric::decode(CompactMetric::Unknown)));
    // Too large is the largest value, not unknown; nothing else maps to the
    // unknown code, even what rounds up at the top.
    EXPECT_EQ(roundTrip(std::numeric_limits<double>::infinity()), CompactMetric::maxValue());
    EXPECT_EQ(roundTrip(1e300), CompactMetric::maxValue());
    EXPECT_EQ(roundTrip(CompactMetric::maxValue() * (1 - 1e-9)), CompactMetric::maxValue());
    EXPECT_EQ(CompactMetric::maxValue(), 16'769'024.0);
}

TEST(CompactMetric, CodesSortLikeValuesAndEveryCodeRoundTrips)
{
    double previous = -1;
    for (int code = 0; code < CompactMetric::Unknown; ++code) {
        const double value = CompactMetric::decode(quint16(code));
        ASSERT_GT(value, previous) << code;
        ASSERT_EQ(CompactMetric::encode(value), code) << code;
        previous = value;
    }
}
