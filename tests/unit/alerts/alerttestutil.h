#pragma once

#include "../model/modeltesthelpers.h" // FakeClock, PrintTo(QString)
#include "alerts/alertengine.h"
#include "alerts/notificationpolicy.h"
#include "core/quality.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace mm::test {

inline Sample makeSample(const QString &meeting, const QString &user, Metric latencyMs,
                         Metric lossPct = 0.0, Quality quality = Quality::Good)
{
    Sample s;
    s.meetingId = meeting;
    s.userId = user;
    s.latencyMs = latencyMs;
    s.packetLossPct = lossPct;
    s.quality = quality;
    return s;
}

inline GatewayAlert makeGatewayAlert(const QString &meeting, const QString &user,
                                     const QString &type,
                                     const QString &severity = QStringLiteral("warning"),
                                     const QString &message = QString())
{
    GatewayAlert a;
    a.meetingId = meeting;
    a.userId = user;
    a.type = type;
    a.severity = severity;
    a.message = message;
    return a;
}

// An engine on a fake clock that records every change it reports.
class AlertHarness
{
public:
    explicit AlertHarness(const AlertRules &rules = AlertRules(), bool connect = true)
        : engine(clock, rules)
    {
        if (connect)
            take(engine.setGatewayConnected(true));
    }

    IncidentChanges take(IncidentChanges changes)
    {
        log.insert(log.end(), changes.begin(), changes.end());
        return changes;
    }

    IncidentChanges feed(const Sample &sample) { return take(engine.ingest(SampleBatch {sample})); }
    IncidentChanges feed(const SampleBatch &batch) { return take(engine.ingest(batch)); }
    IncidentChanges alert(const GatewayAlert &a) { return take(engine.ingestGatewayAlerts({a})); }
    IncidentChanges evaluate() { return take(engine.evaluate()); }
    IncidentChanges setConnected(bool connected)
    {
        return take(engine.setGatewayConnected(connected));
    }

    // One second passes: the clock moves, then the engine evaluates.
    IncidentChanges tick(qint64 ms = 1000)
    {
        clock.advance(ms);
        return evaluate();
    }

    // `seconds` of a user sending `sample` every second (sample, then tick).
    void sendFor(int seconds, const Sample &sample)
    {
        for (int i = 0; i < seconds; ++i) {
            feed(sample);
            tick();
        }
    }

    int count(IncidentEvent event, AlertType type) const
    {
        return int(std::count_if(log.begin(), log.end(), [&](const IncidentChange &c) {
            return c.event == event && c.incident.type == type;
        }));
    }
    int count(IncidentEvent event) const
    {
        return int(std::count_if(log.begin(), log.end(),
                                 [&](const IncidentChange &c) { return c.event == event; }));
    }

    std::vector<Incident> incidentsOf(AlertType type) const
    {
        std::vector<Incident> all = engine.incidents();
        all.erase(std::remove_if(all.begin(), all.end(),
                                 [type](const Incident &i) { return i.type != type; }),
                  all.end());
        return all;
    }

    FakeClock clock;
    AlertEngine engine;
    IncidentChanges log;
};

} // namespace mm::test
