#include "runstats.h"

#include <QDateTime>
#include <QFile>
#include <nlohmann/json.hpp>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif
#ifdef Q_OS_LINUX
#include <ctime>
#include <unistd.h>
#endif

namespace mm {

void IncidentTally::add(const IncidentChanges &changes)
{
    for (const IncidentChange &change : changes) {
        const Incident &incident = change.incident;
        if (change.event == IncidentEvent::Resolved || change.event == IncidentEvent::Ended) {
            ++m_resolved;
            continue;
        }
        if (change.event != IncidentEvent::Fired && change.event != IncidentEvent::Reopened)
            continue;
        ++m_fired;
        if (incident.type == AlertType::GatewayDown) {
            ++m_gatewayDownFired;
            continue;
        }
        // Ids are free text from clients: a separator they cannot contain.
        const QString key = incident.meetingId + QChar(0) + incident.userId + QChar(0)
            + incident.typeName;
        if (m_firedKeys.contains(key))
            ++m_refired;
        else
            m_firedKeys.insert(key);
    }
}

namespace {

nlohmann::json lagJson(const EventLoopLagProbe::Summary &summary)
{
    nlohmann::json lag = {{"samples", summary.samples}, {"p50", nullptr}, {"p99", nullptr},
                          {"max", nullptr}};
    if (summary.samples > 0) {
        lag["p50"] = summary.p50Ms;
        lag["p99"] = summary.p99Ms;
        lag["max"] = summary.maxMs;
    }
    return lag;
}

// VmRSS now (kB), or null where /proc is not there.
nlohmann::json currentRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return nullptr;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            bool ok = false;
            const qint64 kb = line.mid(6).trimmed().split(' ').value(0).toLongLong(&ok);
            return ok ? nlohmann::json(kb) : nlohmann::json(nullptr);
        }
    }
    return nullptr;
}

} // namespace

std::optional<double> msSinceProcessStart()
{
#ifdef Q_OS_LINUX
    QFile statFile(QStringLiteral("/proc/self/stat"));
    if (!statFile.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray stat = statFile.readAll();
    // The command name may hold spaces and parentheses: fields count from
    // the last ')'. Field 3 (state) is the first after it, 22 (starttime)
    // the 20th.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return std::nullopt;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    bool ok = false;
    const qint64 startTicks = fields.value(19).toLongLong(&ok);
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    timespec now{};
    if (!ok || ticksPerSecond <= 0 || clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return std::nullopt;
    const double nowMs = double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
    return nowMs - double(startTicks) * 1000.0 / double(ticksPerSecond);
#else
    return std::nullopt;
#endif
}

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

    const json lag = lagJson(stats.guiLag);

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

    json out = {
        {"time_ms", QDateTime::currentMSecsSinceEpoch()},
        {"events_received", in.eventsReceived},
        {"samples_accepted", in.samplesAccepted},
        {"alerts_accepted", in.alertsAccepted},
        {"samples_shed", in.samplesShed},
        {"rejected", rejected},
        {"rejected_total", in.rejects.total()},
        {"frames_dropped", dropped},
        {"text_frames", p.textFrames},
        {"reconnects", p.reconnects},
        {"connects", in.namespaceConnects},
        {"last_connected_ms", in.lastConnectedMs > 0 ? json(in.lastConnectedMs) : json(nullptr)},
        {"incidents",
         {{"fired", stats.incidents.fired()},
          {"refired", stats.incidents.refired()},
          {"resolved", stats.incidents.resolved()},
          {"gateway_down_fired", stats.incidents.gatewayDownFired()}}},
        {"gui_lag_ms", lag},
        {"meetings", stats.meetings},
        {"users", stats.users},
        {"cpu_seconds", cpuSeconds},
        {"peak_rss_kb", peakRssKb},
        {"rss_kb", currentRssKb()},
        {"samples_stored", stats.samplesStored ? json(*stats.samplesStored) : json(nullptr)},
        {"startup_ms", stats.startupMs ? json(*stats.startupMs) : json(nullptr)},
        {"meetings_expanded",
         stats.meetingsExpanded ? json(*stats.meetingsExpanded) : json(nullptr)},
        {"chart",
         {{"view", stats.chartView.toStdString()},
          {"meeting", stats.chartMeeting.toStdString()},
          {"user", stats.chartUser.toStdString()},
          {"live_repaints",
           stats.chartLiveRepaints ? json(*stats.chartLiveRepaints) : json(nullptr)}}},
    };
    if (stats.guiLagInterval)
        out["gui_lag_interval_ms"] = lagJson(*stats.guiLagInterval);
    return QByteArray::fromStdString(out.dump());
}

} // namespace mm
