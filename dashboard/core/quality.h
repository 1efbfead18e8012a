#pragma once

#include <QString>
#include <optional>

namespace mm {

// The plan's four connection-quality levels, plus Unknown for a sample that
// neither reported a level nor carried both latency and packet loss.
enum class Quality : quint8 { Unknown = 0, Excellent, Good, Fair, Poor };

// "excellent", "good", "fair", "poor"; anything else is nullopt.
std::optional<Quality> qualityFromString(QStringView text);
// Stable lower-case wire name; "unknown" for Unknown.
QString qualityName(Quality quality);

// The plan's thresholds (gateway-contract.md): excellent < 100 ms and < 1 %,
// good < 200 ms and < 3 %, fair < 400 ms and < 5 %, otherwise poor.
Quality classifyQuality(double latencyMs, double packetLossPct);

// A level's contribution to a meeting's 0-100 score; nullopt for Unknown.
std::optional<int> qualityScore(Quality quality);

// Fair and poor count as "users with issues".
inline bool hasIssue(Quality quality)
{
    return quality == Quality::Fair || quality == Quality::Poor;
}

} // namespace mm
