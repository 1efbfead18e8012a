#pragma once

#include <QDateTime>
#include <QtGlobal>

namespace mm {

// Wall-clock time behind an interface so that tests can drive time by hand
// (inactivity, departures, alert hold times) instead of sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    // Milliseconds since the Unix epoch, UTC.
    virtual qint64 nowMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};

} // namespace mm
