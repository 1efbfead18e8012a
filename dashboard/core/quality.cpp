#include "quality.h"

namespace mm {

std::optional<Quality> qualityFromString(QStringView text)
{
    if (text == u"excellent")
        return Quality::Excellent;
    if (text == u"good")
        return Quality::Good;
    if (text == u"fair")
        return Quality::Fair;
    if (text == u"poor")
        return Quality::Poor;
    return std::nullopt;
}

QString qualityName(Quality quality)
{
    switch (quality) {
    case Quality::Excellent:
        return QStringLiteral("excellent");
    case Quality::Good:
        return QStringLiteral("good");
    case Quality::Fair:
        return QStringLiteral("fair");
    case Quality::Poor:
        return QStringLiteral("poor");
    case Quality::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

Quality classifyQuality(double latencyMs, double packetLossPct)
{
    if (latencyMs < 100 && packetLossPct < 1)
        return Quality::Excellent;
    if (latencyMs < 200 && packetLossPct < 3)
        return Quality::Good;
    if (latencyMs < 400 && packetLossPct < 5)
        return Quality::Fair;
    return Quality::Poor;
}

std::optional<int> qualityScore(Quality quality)
{
    switch (quality) {
    case Quality::Excellent:
        return 100;
    case Quality::Good:
        return 75;
    case Quality::Fair:
        return 50;
    case Quality::Poor:
        return 25;
    case Quality::Unknown:
        break;
    }
    return std::nullopt;
}

} // namespace mm
