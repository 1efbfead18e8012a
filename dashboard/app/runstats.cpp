#include "runstats.h"

#include <nlohmann/json.hpp>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace mm {

QByteArray formatRunStats(const RunStats &stats)
{
    using nlohmann::json;
    const IngestStats &in = stats.ingest;

    json rejected = json::object();
    for (size_t i = 0; i < size_t(RejectReason::Count_); ++i)
        rejected[rejectReasonName(RejectReason(i)).toStdString()] = in.rejects.byReason[i];
    rejected["invalid fields (kept as unknown)"] = in.rejects.invalidFields;

    const ProtocolCounters &p = in.protocol;
    const json dropped = {
        {dropReasonName(DropReason::BinaryFrame).toStdString(), p.droppedBinary},
        {dropReasonName(DropReason::UnknownPacketType).toStdString(), p.droppedUnknownType},
        {dropReasonName(DropReason::OtherNamespace).toStdString(), p.droppedOtherNamespace},
        {dropReasonName(DropReason::Oversize).toStdString(), p.droppedOversize},
        {dropReasonName(DropReason::MalformedJson).toStdString(), p.droppedMalformed},
    };

    json lag = {{"samples", stats.guiLag.samples}, {"p50", nullptr}, {"p99", nullptr},
                {"max", nullptr}};
    if (stats.guiLag.samples > 0) {
        lag["p50"] = stats.guiLag.p50Ms;
        lag["p99"] = stats.guiLag.p99Ms;
        lag["max"] = stats.guiLag.maxMs;
    }

    json cpuSeconds = nullptr;
    json peakRssKb = nullptr;
#ifdef Q_OS_UNIX
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) == 0) {
        cpuSeconds = double(usage.ru_utime.tv_sec) + double(usage.ru_utime.tv_usec) / 1e6
                   + double(usage.ru_stime.tv_sec) + double(usage.ru_stime.tv_usec) / 1e6;
        peakRssKb = usage.ru_maxrss; // Linux reports kilobytes
    }
#endif

    const json out = {
        {"events_received", in.eventsReceived},
        {"samples_accepted", in.samplesAccepted},
        {"alerts_accepted", in.alertsAccepted},
        {"rejected", rejected},
        {"rejected_total", in.rejects.total()},
        {"frames_dropped", dropped},
        {"text_frames", p.textFrames},
        {"reconnects", p.reconnects},
        {"gui_lag_ms", lag},
        {"meetings", stats.meetings},
        {"users", stats.users},
        {"cpu_seconds", cpuSeconds},
        {"peak_rss_kb", peakRssKb},
    };
    return QByteArray::fromStdString(out.dump());
}

} // namespace mm
