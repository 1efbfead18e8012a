#include "eventlooplagprobe.h"

#include <algorithm>

namespace mm {

namespace {
constexpr int BucketsPerMs = 10;
constexpr int MaxTrackedMs = 10000;
} // namespace

EventLoopLagProbe::EventLoopLagProbe(QObject *parent)
    : QObject(parent)
    , m_buckets(size_t(MaxTrackedMs * BucketsPerMs + 1), 0)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(IntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopLagProbe::onTick);
}

void EventLoopLagProbe::start()
{
    m_clock.start();
    m_expectedNs = qint64(IntervalMs) * 1000000;
    m_timer.start();
}

void EventLoopLagProbe::stop()
{
    m_timer.stop();
}

void EventLoopLagProbe::reset()
{
    std::fill(m_buckets.begin(), m_buckets.end(), 0);
    m_count = 0;
    m_maxMs = 0;
}

void EventLoopLagProbe::onTick()
{
    const qint64 nowNs = m_clock.nsecsElapsed();
    const double lateMs = std::max<qint64>(0, nowNs - m_expectedNs) / 1e6;
    // The next tick is due one interval after this one actually ran: a long
    // stall counts once, not once per missed tick.
    m_expectedNs = nowNs + qint64(IntervalMs) * 1000000;
    const auto bucket = std::min<size_t>(size_t(lateMs * BucketsPerMs), m_buckets.size() - 1);
    ++m_buckets[bucket];
    ++m_count;
    m_maxMs = std::max(m_maxMs, lateMs);
}

EventLoopLagProbe::Summary EventLoopLagProbe::summary() const
{
    Summary s;
    s.samples = m_count;
    if (m_count == 0)
        return s;
    s.maxMs = m_maxMs;
    const auto percentile = [this](double p) {
        const auto rank = qint64(p * double(m_count - 1));
        qint64 seen = 0;
        for (size_t i = 0; i < m_buckets.size(); ++i) {
            seen += m_buckets[i];
            if (seen > rank)
                return double(i) / BucketsPerMs;
        }
        return m_maxMs;
    };
    s.p50Ms = percentile(0.50);
    s.p99Ms = percentile(0.99);
    return s;
}

} // namespace mm
