#include "core/quality.h"

#include <gtest/gtest.h>

using namespace mm;

TEST(Quality, ClassifiesByThePlansThresholds)
{
    EXPECT_EQ(classifyQuality(99.9, 0.99), Quality::Excellent);
    EXPECT_EQ(classifyQuality(100, 0), Quality::Good);       // 100 ms is no longer < 100
    EXPECT_EQ(classifyQuality(50, 1), Quality::Good);        // 1 % is no longer < 1
    EXPECT_EQ(classifyQuality(199, 2.9), Quality::Good);
    EXPECT_EQ(classifyQuality(200, 0), Quality::Fair);
    EXPECT_EQ(classifyQuality(10, 3), Quality::Fair);
    EXPECT_EQ(classifyQuality(399, 4.99), Quality::Fair);
    EXPECT_EQ(classifyQuality(400, 0), Quality::Poor);
    EXPECT_EQ(classifyQuality(10, 5), Quality::Poor);
}

TEST(Quality, NamesRoundTripAndRejectOthers)
{
    for (auto q : {Quality::Excellent, Quality::Good, Quality::Fair, Quality::Poor})
        EXPECT_EQ(qualityFromString(qualityName(q)), q);
    EXPECT_FALSE(qualityFromString(u"Excellent").has_value());
    EXPECT_FALSE(qualityFromString(u"unknown").has_value());
    EXPECT_FALSE(qualityFromString(u"").has_value());
}

TEST(Quality, ScoresMirrorTheDesign)
{
    EXPECT_EQ(qualityScore(Quality::Excellent), 100);
    EXPECT_EQ(qualityScore(Quality::Good), 75);
    EXPECT_EQ(qualityScore(Quality::Fair), 50);
    EXPECT_EQ(qualityScore(Quality::Poor), 25);
    EXPECT_FALSE(qualityScore(Quality::Unknown).has_value());
}
