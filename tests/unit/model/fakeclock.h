#pragma once

#include "core/clock.h"

namespace mm::test {

// A clock the test moves by hand.
class FakeClock final : public Clock
{
public:
    explicit FakeClock(qint64 startMs = 1'700'000'000'000)
        : m_nowMs(startMs)
    {
    }
    qint64 nowMs() const override { return m_nowMs; }
    void advance(qint64 ms) { m_nowMs += ms; }
    void set(qint64 ms) { m_nowMs = ms; }

private:
    qint64 m_nowMs;
};

} // namespace mm::test
