#pragma once

#include "core/quality.h"

#include <QtGlobal>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mm {

// What the simulated fleet looks like. Same config (seed included) and the
// same sequence of step() times give byte-identical payloads.
struct FleetConfig
{
    quint64 seed = 1;
    int meetings = 6;
    // Users per meeting, drawn per meeting when totalUsers is 0.
    int minUsersPerMeeting = 2;
    int maxUsersPerMeeting = 12;
    // > 0: exactly this many users spread evenly over the meetings (load tests).
    int totalUsers = 0;
    // Metrics payloads per second per user (browsers send 1 Hz; load tests more).
    double samplesPerSecond = 1.0;
    bool incidents = true;    // latency spikes, loss bursts, dropouts
    bool meetingChurn = true; // meetings end and new ones start
    // Meeting lifetime and the gap before a slot's next meeting, seconds.
    int meetingMinSeconds = 180;
    int meetingMaxSeconds = 900;
    int meetingGapMinSeconds = 5;
    int meetingGapMaxSeconds = 40;
    // A stalled caller gets at most this much backlog; older samples are
    // skipped (counted) instead of arriving as one huge burst.
    int maxBacklogMs = 3000;
};

// The network a user sits on; drives the random walk's centre and spread.
enum class NetworkProfile : quint8 { Fibre, OfficeWifi, Cellular4G, Satellite };

struct FleetStats
{
    quint64 metricsPayloads = 0;
    quint64 alertPayloads = 0;
    quint64 skippedSamples = 0; // dropped because the caller fell behind
    quint64 meetingsStarted = 0;
    quint64 meetingsEnded = 0;
    quint64 latencySpikes = 0;
    quint64 lossBursts = 0;
    quint64 dropouts = 0;
    quint64 rejoins = 0;
};

// One payload the gateway would emit: the JSON text of the event's single
// argument. Views point into the simulator's reused buffers and are valid
// only during the sink call.
struct FleetPayload
{
    enum class Kind : quint8 { Metrics, Alerts };
    Kind kind = Kind::Metrics;
    std::string_view json;
    std::string_view meetingId;
    std::string_view userId;
    qint64 timeMs = 0;               // simulated time, ms since epoch
    Quality quality = Quality::Unknown; // the level the client reported
};

// Owned copy of a FleetPayload, for tests and small consumers.
struct OwnedFleetPayload
{
    FleetPayload::Kind kind = FleetPayload::Kind::Metrics;
    std::string json;
    std::string meetingId;
    std::string userId;
    qint64 timeMs = 0;
    Quality quality = Quality::Unknown;
};

// Event names the gateway uses, for the frame builder.
inline constexpr std::string_view MetricsEventName = "meeting:metrics:update";
inline constexpr std::string_view AlertsEventName = "meeting:alerts";

struct FleetState;

// A seeded fleet of meetings whose users walk through realistic network
// conditions and incidents. Pure logic: no sockets, no Qt event loop, no
// wall clock (time is whatever the caller passes in).
class FleetSimulator final
{
public:
    using Sink = std::function<void(const FleetPayload &)>;

    explicit FleetSimulator(FleetConfig config);
    ~FleetSimulator();
    FleetSimulator(const FleetSimulator &) = delete;
    FleetSimulator &operator=(const FleetSimulator &) = delete;

    // Sets the simulated origin. step() calls it with its first time if not
    // called before.
    void start(qint64 nowMs);
    // Advances to nowMs and hands every payload due since the previous step
    // to sink, in order (an alerts payload right after the metrics payload
    // that crossed a threshold). Times that go backwards are ignored.
    void step(qint64 nowMs, const Sink &sink);
    // Convenience for tests: the same, collected into owned copies.
    std::vector<OwnedFleetPayload> samplesDue(qint64 nowMs);
    // Moves time forward without producing anything (nobody is listening).
    void skipTo(qint64 nowMs);

    const FleetConfig &config() const { return m_config; }
    const FleetStats &stats() const;
    int runningMeetings() const;
    // Users of running meetings, including those currently dropped out.
    int currentUsers() const;

    static std::string_view profileName(NetworkProfile profile);

private:
    // step() and skipTo(): without a sink, time moves and nothing is built.
    void advance(qint64 nowMs, const Sink *sink);

    FleetConfig m_config;
    std::unique_ptr<FleetState> m_state;
};

// Appends `text` to `out` as the inside of a JSON string (no quotes).
void appendJsonEscaped(std::string &out, std::string_view text);
// ISO-8601 UTC with milliseconds, e.g. 2024-05-01T12:34:56.789Z.
void appendIsoTimestamp(std::string &out, qint64 epochMs);

} // namespace mm
