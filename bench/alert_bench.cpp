// Alert engine benchmark: the cost per sample of AlertEngine::ingest plus
// its once-a-second evaluate(), for 10,000 users at 1 Hz in batches of the
// ingest worker's size (4 flushes a second), with a realistic mix: most
// users healthy, some hovering at the latency threshold, some in trouble
// (poor, lossy), some sending unknown values; the gateway's own alerts for
// the troubled ones every second. Prints figures; asserts nothing.
//
//   bench/alert_bench [users] [seconds]
#include "alerts/alertengine.h"
#include "core/clock.h"
#include "core/quality.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <vector>

namespace {

using Steady = std::chrono::steady_clock;

// CPU time of this thread: on a busy 2-core machine wall time also counts
// the time other processes held the core.
double threadCpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e9 + double(ts.tv_nsec);
}

class BenchClock final : public mm::Clock
{
public:
    qint64 nowMs() const override { return m_nowMs; }
    void advance(qint64 ms) { m_nowMs += ms; }

private:
    qint64 m_nowMs = 1'718'000'000'000LL;
};

enum class Profile { Healthy, Hovering, Troubled, Unknown };

struct UserModel
{
    Profile profile = Profile::Healthy;
    double walk = 300.0;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int users = argc > 1 ? std::max(1, atoi(argv[1])) : 10'000;
    const int seconds = argc > 2 ? std::max(1, atoi(argv[2])) : 300;
    constexpr int FlushesPerSecond = 4;
    constexpr int UsersPerMeeting = 8;

    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::normal_distribution<double> healthy(60.0, 15.0);
    std::normal_distribution<double> step(0.0, 8.0);

    std::vector<UserModel> models(static_cast<size_t>(users));
    for (UserModel &m : models) {
        const double dice = unit(rng);
        m.profile = dice < 0.80 ? Profile::Healthy
            : dice < 0.90       ? Profile::Hovering
            : dice < 0.95       ? Profile::Troubled
                                : Profile::Unknown;
    }

    // The batches are built once; each simulated second only rewrites their
    // numbers (outside the timed region), so the figure is the engine's.
    std::vector<mm::SampleBatch> batches(FlushesPerSecond);
    for (int u = 0; u < users; ++u) {
        mm::Sample s;
        s.meetingId
            = QStringLiteral("meeting-%1").arg(u / UsersPerMeeting, 5, 10, QLatin1Char('0'));
        s.userId = QStringLiteral("3f2a9c1e-user-%1").arg(u, 6, 10, QLatin1Char('0'));
        s.username = QStringLiteral("User %1").arg(u);
        batches[size_t(u % FlushesPerSecond)].push_back(s);
    }
    mm::GatewayAlertBatch gatewayAlerts;
    for (int u = 0; u < users; ++u) {
        if (models[size_t(u)].profile != Profile::Troubled)
            continue;
        mm::GatewayAlert a;
        a.meetingId
            = QStringLiteral("meeting-%1").arg(u / UsersPerMeeting, 5, 10, QLatin1Char('0'));
        a.userId = QStringLiteral("3f2a9c1e-user-%1").arg(u, 6, 10, QLatin1Char('0'));
        a.type = QStringLiteral("poor-connection");
        a.severity = QStringLiteral("critical");
        a.message = QStringLiteral("Poor connection quality");
        gatewayAlerts.push_back(a);
    }

    BenchClock clock;
    mm::AlertEngine engine(clock);
    engine.setGatewayConnected(true);

    double cpuNs = 0;
    double ingestNs = 0;
    double evaluateNs = 0;
    double gatewayNs = 0;
    double worstEvaluateUs = 0;
    quint64 samples = 0;
    quint64 changes = 0;
    quint64 fired = 0;

    for (int second = 0; second < seconds; ++second) {
        for (int b = 0; b < FlushesPerSecond; ++b) {
            for (mm::Sample &s : batches[size_t(b)]) {
                const int u = s.userId.right(6).toInt();
                UserModel &m = models[size_t(u)];
                s.latencyMs.reset();
                s.packetLossPct.reset();
                s.jitterMs.reset();
                switch (m.profile) {
                case Profile::Healthy:
                    s.latencyMs = std::max(5.0, healthy(rng));
                    s.packetLossPct = unit(rng);
                    s.jitterMs = unit(rng) * 10.0;
                    break;
                case Profile::Hovering:
                    m.walk = std::clamp(m.walk + step(rng), 260.0, 340.0);
                    s.latencyMs = m.walk;
                    s.packetLossPct = 4.0 + unit(rng) * 2.0;
                    s.jitterMs = 20.0 + unit(rng) * 20.0;
                    break;
                case Profile::Troubled:
                    s.latencyMs = 700.0 + unit(rng) * 300.0;
                    s.packetLossPct = 8.0 + unit(rng) * 8.0;
                    s.jitterMs = 50.0 + unit(rng) * 50.0;
                    break;
                case Profile::Unknown:
                    break;
                }
                s.quality = s.latencyMs && s.packetLossPct
                    ? mm::classifyQuality(*s.latencyMs, *s.packetLossPct)
                    : mm::Quality::Unknown;
            }
            const double cpuStart = threadCpuNs();
            const auto start = Steady::now();
            const mm::IncidentChanges out = engine.ingest(batches[size_t(b)]);
            ingestNs += std::chrono::duration<double, std::nano>(Steady::now() - start).count();
            cpuNs += threadCpuNs() - cpuStart;
            samples += batches[size_t(b)].size();
            changes += out.size();
            for (const mm::IncidentChange &c : out)
                fired += c.event == mm::IncidentEvent::Fired;
            clock.advance(1000 / FlushesPerSecond);
        }
        {
            const auto start = Steady::now();
            const mm::IncidentChanges out = engine.ingestGatewayAlerts(gatewayAlerts);
            gatewayNs += std::chrono::duration<double, std::nano>(Steady::now() - start).count();
            changes += out.size();
        }
        const double cpuStart = threadCpuNs();
        const auto start = Steady::now();
        const mm::IncidentChanges out = engine.evaluate();
        const double ns = std::chrono::duration<double, std::nano>(Steady::now() - start).count();
        cpuNs += threadCpuNs() - cpuStart;
        evaluateNs += ns;
        worstEvaluateUs = std::max(worstEvaluateUs, ns / 1000.0);
        changes += out.size();
        for (const mm::IncidentChange &c : out)
            fired += c.event == mm::IncidentEvent::Fired;
    }

    const double perSample = (ingestNs + evaluateNs) / double(samples);
    std::printf("alert_bench: %d users, %d s at 1 Hz, %d batches/s, %llu samples\n", users, seconds,
                FlushesPerSecond, static_cast<unsigned long long>(samples));
    std::printf("  ingest + evaluate : %.0f ns per sample (%.0f ns of CPU time)\n", perSample,
                cpuNs / double(samples));
    std::printf("  ingest only       : %.0f ns per sample\n", ingestNs / double(samples));
    std::printf("  evaluate()        : %.0f us per call (worst %.0f us), %.1f ns per user\n",
                evaluateNs / seconds / 1000.0, worstEvaluateUs, evaluateNs / seconds / users);
    std::printf("  gateway alerts    : %.0f ns per alert (%zu a second)\n",
                gatewayAlerts.empty() ? 0.0 : gatewayNs / seconds / double(gatewayAlerts.size()),
                gatewayAlerts.size());
    std::printf("  changes reported  : %llu (%llu fired), %zu incidents kept, %d users tracked\n",
                static_cast<unsigned long long>(changes), static_cast<unsigned long long>(fired),
                engine.incidents().size(), engine.trackedUserCount());
    std::printf("  budget            : %s (< 1000 ns per sample)\n",
                perSample < 1000.0 ? "within" : "OVER");
    return 0;
}
