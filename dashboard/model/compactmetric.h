#pragma once

#include <QtGlobal>

namespace mm {

// A metric value in 16 bits for the live history, where 10,000 users ×
// 15 minutes × 5 metrics make 45 M values (performance-notes.md §8 G2):
// 2 bytes each instead of a float's 4 saves 90 MB at that size.
//
// An unsigned minifloat: 5 exponent bits, 11 fraction bits, so every value
// keeps 12 significant bits (relative error at most 2^-12 ≈ 0.024 %, whole
// numbers up to 4,096 exact) over 0 .. 16.7 M, which covers the decoder's
// ranges (bitrates to 10 M kbps, latency to 60,000 ms, loss to 100 %).
// Below 2^-7 the step is a fixed 2^-18 (3.8e-6). Codes sort like the values.
// Metrics are never negative (the decoder refuses them), so there is no
// sign; NaN and negative values are stored as unknown, never as a number.
// The history database keeps full precision; this is what the live charts
// and the rules preview of the last minutes read.
namespace CompactMetric {

inline constexpr quint16 Unknown = 0xFFFF;

quint16 encode(double value);
// NaN for Unknown.
double decode(quint16 code);
// The largest value a code can hold (16,769,024); larger values are stored
// as this.
double maxValue();

} // namespace CompactMetric

} // namespace mm
