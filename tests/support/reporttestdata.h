#pragma once

// A generated history for the weekly report's tests: random sessions of
// participants in a few meetings around one ISO week (some in the week
// before and after), with gaps, unknown values and unknown quality, plus
// incidents; written through the real HistoryWriter. The samples and
// incidents are kept so that tests can compute the figures by brute force.

#include "alerts/incident.h"
#include "core/sample.h"
#include "history/historywriter.h"
#include "report/weeklyreport.h"
#include "report/weeklyreportbuilder.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QString>
#include <QTimeZone>
#include <algorithm>
#include <gtest/gtest.h>
#include <vector>

namespace mm::test {

struct ReportTestData
{
    std::vector<Sample> samples;
    std::vector<Incident> incidents;
};

struct ReportTestOptions
{
    int meetings = 4;
    int users = 12;
    int sessionsPerUser = 5;
    quint32 seed = 7;
    // Names of meeting 0 and user 0 (untrusted text for the PDF tests).
    QString firstMeetingName = QStringLiteral("Weekly sync, team A");
    QString firstUserName = QStringLiteral("Ana");
};

inline QString meetingIdOf(int m)
{
    return QStringLiteral("meeting-%1").arg(m);
}

inline QString userIdOf(int u)
{
    return QStringLiteral("user-%1").arg(u, 2, 10, QLatin1Char('0'));
}

// Generates and writes the data for `week` in `zone` into the history at `path`.
inline ReportTestData writeReportTestHistory(const QString &path, const IsoWeek &week,
                                             const QTimeZone &zone, const ReportTestOptions &options = {})
{
    ReportTestData data;
    QRandomGenerator rng(options.seed);
    const std::vector<qint64> bounds = WeeklyReportBuilder::dayBounds(week, zone);
    // From two days before the week to one day after it.
    const qint64 from = bounds.front() - 2 * 86'400'000LL;
    const qint64 to = bounds.back() + 86'400'000LL;
    const auto metric = [&rng](double low, double high, double unknownChance) -> Metric {
        if (rng.generateDouble() < unknownChance)
            return std::nullopt;
        return low + (high - low) * rng.generateDouble();
    };
    for (int u = 0; u < options.users; ++u) {
        // Each user has a "network": some are mostly poor.
        const double badness = double((u + 3) % 4) / 3.0; // user 0 the worst
        for (int s = 0; s < options.sessionsPerUser; ++s) {
            // Users 0..2 also join meeting 0 now and then (one user id in two meetings).
            const int m = (s == 0 && u < 3) ? 0 : (u % options.meetings);
            const qint64 start = (from + qint64(rng.bounded(quint32((to - from) / 1000))) * 1000);
            const int seconds = 300 + int(rng.bounded(3000u));
            for (int t = 0; t < seconds; ++t) {
                if (rng.generateDouble() < 0.03)
                    continue; // a missing second: gaps are gaps
                Sample sample;
                sample.meetingId = meetingIdOf(m);
                sample.userId = userIdOf(u);
                sample.username = u == 0 ? options.firstUserName : QStringLiteral("User %1").arg(u);
                sample.meetingName = m == 0 ? options.firstMeetingName : QStringLiteral("Meeting %1").arg(m);
                sample.receivedMs = start + qint64(t) * 1000;
                sample.uploadKbps = metric(100, 2000, 0.05);
                sample.downloadKbps = metric(100, 4000, 0.05);
                sample.latencyMs = metric(20, 80 + 600 * badness, 0.1);
                sample.packetLossPct = metric(0, 1 + 8 * badness, 0.1);
                sample.jitterMs = metric(1, 30, 0.1);
                if (rng.generateDouble() < 0.05 || !sample.latencyMs || !sample.packetLossPct)
                    sample.quality = Quality::Unknown;
                else
                    sample.quality = classifyQuality(*sample.latencyMs, *sample.packetLossPct);
                data.samples.push_back(sample);
            }
        }
    }
    std::stable_sort(data.samples.begin(), data.samples.end(),
                     [](const Sample &a, const Sample &b) { return a.receivedMs < b.receivedMs; });

    // Incidents: critical ones overlapping each other, one crossing the
    // week's start, one still open, warnings, and one never fired.
    const qint64 start = bounds.front();
    quint64 id = 0;
    const auto incident = [&](int m, int u, AlertType type, Severity severity, qint64 firedMs,
                              qint64 resolvedMs) {
        Incident i;
        i.id = ++id;
        i.meetingId = meetingIdOf(m);
        i.userId = u < 0 ? QString() : userIdOf(u);
        i.type = type;
        i.typeName = alertTypeName(type);
        i.severity = severity;
        i.startedMs = firedMs > 0 ? firedMs - 10'000 : start + 3'600'000;
        i.firedMs = firedMs;
        i.resolvedMs = resolvedMs;
        i.state = firedMs == 0 ? IncidentState::Cancelled
            : resolvedMs == 0  ? IncidentState::Firing
                               : IncidentState::Resolved;
        i.message = QStringLiteral("test");
        data.incidents.push_back(i);
    };
    const qint64 h = 3'600'000;
    incident(0, 1, AlertType::HighLatency, Severity::Critical, start + 10 * h, start + 12 * h);
    incident(0, 2, AlertType::PacketLoss, Severity::Critical, start + 11 * h, start + 13 * h + 1000);
    incident(1, -1, AlertType::MeetingDegraded, Severity::Critical, start - 2 * h, start + h);
    incident(2, 3, AlertType::HighLatency, Severity::Warning, start + 30 * h, start + 31 * h);
    incident(2, 3, AlertType::HighJitter, Severity::Warning, start + 50 * h, start + 50 * h + 60'000);
    incident(3, 0, AlertType::PacketLoss, Severity::Warning, start - 30 * h, start - 29 * h);
    incident(3, 0, AlertType::HighLatency, Severity::Critical, start - 20 * h, start - 19 * h);
    incident(1, 5, AlertType::PoorConnection, Severity::Critical, bounds.back() - 2 * h, 0); // still open
    incident(1, 5, AlertType::HighLatency, Severity::Warning, 0, 0); // never fired

    HistoryRetention keep;
    keep.rawMs = 0;
    keep.rollupMs = 0;
    keep.enforce = false;
    HistoryWriter writer(path, 3'600'000, 1'000'000);
    writer.setRetention(keep);
    EXPECT_TRUE(writer.open());
    constexpr size_t Chunk = 50'000;
    for (size_t i = 0; i < data.samples.size(); i += Chunk) {
        const auto last = data.samples.begin() + qsizetype(std::min(data.samples.size(), i + Chunk));
        writer.writeBatch(std::make_shared<const SampleBatch>(
            std::vector<Sample>(data.samples.begin() + qsizetype(i), last)));
        EXPECT_TRUE(writer.flush());
    }
    writer.writeIncidents(data.incidents);
    EXPECT_TRUE(writer.flush());
    writer.close();
    return data;
}

} // namespace mm::test
