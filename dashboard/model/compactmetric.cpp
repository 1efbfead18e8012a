#include "compactmetric.h"

#include <cmath>
#include <limits>

namespace mm::CompactMetric {

namespace {

constexpr int FractionBits = 11;
constexpr int MinExponent = -7; // the smallest normal value is 2^-7
constexpr quint16 LargestCode = Unknown - 1;

// Code layout: exponent field e (top 5 bits), fraction f (low 11 bits).
// e = 0: f × 2^(MinExponent - 11); e ≥ 1: (2048 + f) × 2^(e - 1 + MinExponent - 11).
// Both read as "significand × 2^scale" with the code equal to
// (e << 11) + significand - 2048 for e ≥ 1, which is why a significand that
// rounds up to 4096 simply carries into the next exponent.
constexpr int Hidden = 1 << FractionBits;

} // namespace

quint16 encode(double value)
{
    if (!(value >= 0)) // NaN and negative
        return Unknown;
    if (value >= maxValue())
        return LargestCode;
    int exponent = 0;
    std::frexp(value, &exponent); // value in [2^(exponent-1), 2^exponent)
    const int binade = exponent - 1; // value in [2^binade, 2^(binade+1))
    if (value == 0 || binade < MinExponent) {
        // Subnormal: a fixed step; rounding up to 2048 is exactly the
        // smallest normal code, so no special case.
        return quint16(std::nearbyint(std::ldexp(value, FractionBits - MinExponent)));
    }
    const int field = binade - MinExponent + 1;
    const double significand = std::nearbyint(std::ldexp(value, FractionBits - binade));
    const int code = (field << FractionBits) + int(significand) - Hidden;
    return quint16(std::min(code, int(LargestCode)));
}

double decode(quint16 code)
{
    if (code == Unknown)
        return std::numeric_limits<double>::quiet_NaN();
    const int field = code >> FractionBits;
    const int fraction = code & (Hidden - 1);
    if (field == 0)
        return std::ldexp(double(fraction), MinExponent - FractionBits);
    return std::ldexp(double(Hidden + fraction), field - 1 + MinExponent - FractionBits);
}

double maxValue()
{
    // encode() asks for it five times a sample: worked out once.
    static const double largest = decode(LargestCode);
    return largest;
}

} // namespace mm::CompactMetric
