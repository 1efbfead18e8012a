#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <vector>

namespace mm {

// Measures how late the event loop of the thread it lives in runs a 10 ms
// timer: the lateness is the time any queued work (a model update, a
// repaint) made everything else wait. performance-notes.md §8 uses this
// probe for every GUI-lag figure.
class EventLoopLagProbe final : public QObject
{
    Q_OBJECT
public:
    static constexpr int IntervalMs = 10;

    explicit EventLoopLagProbe(QObject *parent = nullptr);

    void start();
    void stop();
    // Forget what was measured so far (e.g. after a warm-up).
    void reset();

    struct Summary
    {
        qint64 samples = 0;
        double p50Ms = 0;
        double p99Ms = 0;
        double maxMs = 0;
    };
    // Percentiles of the lateness seen since start() or reset(); samples==0
    // when nothing was measured (the figures are then meaningless).
    Summary summary() const;

private:
    void onTick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_expectedNs = 0;
    // Lateness histogram in 0.1 ms buckets up to 10 s: bounded memory for
    // runs of any length, percentiles exact to 0.1 ms.
    std::vector<quint32> m_buckets;
    qint64 m_count = 0;
    double m_maxMs = 0;
};

} // namespace mm
