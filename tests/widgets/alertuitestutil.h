#pragma once

// Shared by the alert UI tests: a fake clock, samples, and a window whose
// alert service is driven by hand.
#include "alertcoordinator.h"
#include "alerts/alertservice.h"
#include "core/clock.h"
#include "core/sample.h"
#include "mainwindow.h"
#include "model/meetingtreemodel.h"

#include <QCoreApplication>

#include <functional>
#include <memory>

namespace mm::test {

class AlertFakeClock final : public Clock
{
public:
    qint64 nowMs() const override { return m_now; }
    void advance(qint64 ms) { m_now += ms; }

private:
    qint64 m_now = 1'700'000'000'000;
};

inline Sample alertSample(const QString &meeting, const QString &user, double latencyMs,
                          double lossPct, Quality quality, qint64 nowMs,
                          const QString &username = {})
{
    Sample s;
    s.meetingId = meeting;
    s.userId = user;
    s.username = username;
    s.receivedMs = nowMs;
    s.latencyMs = latencyMs;
    s.packetLossPct = lossPct;
    s.jitterMs = 5.0;
    s.uploadKbps = 500.0;
    s.downloadKbps = 800.0;
    s.quality = quality;
    return s;
}

// A window on a fake clock with a wanted, connected (fake) gateway; the
// alert service's timer is off so the test moves time.
struct AlertWindow
{
    AlertWindow()
        : window(clock)
    {
        QCoreApplication::setOrganizationName(QStringLiteral("MeetingMonitorTest"));
        service()->setTimerEnabled(false);
        alerts()->setConnectionWanted(true);
        alerts()->onConnectionStateChanged(ConnectionState::Connected);
    }
    AlertCoordinator *alerts() const { return window.alerts(); }
    AlertService *service() const { return window.alerts()->service(); }

    // `seconds` of samples from `make()` (one batch a second) into the tree
    // and the alerts, evaluating each second.
    void run(int seconds, const std::function<SampleBatch()> &make)
    {
        for (int i = 0; i < seconds; ++i) {
            auto batch = std::make_shared<const SampleBatch>(make());
            window.model()->applyBatch(batch);
            service()->onSamplesArrived(batch);
            clock.advance(1000);
            service()->evaluateNow();
        }
    }

    AlertFakeClock clock;
    MainWindow window;
};

} // namespace mm::test
