#pragma once

#include "alerts/alertengine.h"
#include "alerts/incident.h"
#include "alerts/notificationpolicy.h"
#include "core/clock.h"
#include "core/sample.h"
#include "net/socketioclient.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QTimer>

#include <optional>
#include <utility>

namespace mm {

// The alert engine and the notification policy as one live object for the
// GUI thread: fed the ingest worker's batches and connection state, it
// evaluates once a second and announces what changed and what to tell the
// admin. It decides nothing itself; the engine and policy do (see their
// headers). No widgets: the window, tray and notifier listen to it.
class AlertService final : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultEvaluateIntervalMs = 1000;

    explicit AlertService(const Clock &clock, QObject *parent = nullptr);
    ~AlertService() override;

    const AlertEngine &engine() const { return m_engine; }
    const NotificationPolicy &policy() const { return m_policy; }
    const Clock &clock() const { return m_clock; }

    const AlertRules &rules() const { return m_engine.rules(); }
    void setRules(const AlertRules &rules);
    void setNotificationSettings(const NotificationSettings &settings);

    // Stops the 1 s evaluation (tests drive evaluateNow() by hand).
    void setTimerEnabled(bool enabled);

    // Every id that names an incident is acknowledged by `by`; returns how
    // many were.
    int acknowledge(const QList<quint64> &incidentIds, const QString &by,
                    const QString &note = {});
    // 0 when the silence is invalid (see AlertEngine::addSilence).
    quint64 addSilence(const Silence &silence);
    bool removeSilence(quint64 silenceId);

    // Notifications stay quiet until untilMs (the policy keeps counting, so
    // unmuting releases no burst).
    void muteUntil(qint64 untilMs);
    void unmute();
    bool isMuted() const { return m_policy.isMuted(m_clock.nowMs()); }
    qint64 mutedUntilMs() const { return m_policy.mutedUntilMs(); }

    // Firing incidents, for the tray and the tree's marks.
    int firingCount() const { return m_firingCount; }
    int activeCount() const { return m_activeCount; } // pending and firing
    std::optional<Severity> worstFiringSeverity() const;
    // The worst firing severity of a user (userId set) or of anything in a
    // meeting (userId empty: the meeting's own and its users' incidents).
    std::optional<Severity> firingSeverity(const QString &meetingId,
                                           const QString &userId = {}) const;

    // Slots for the ingest worker (queued from its thread) and the window.
    void onSamplesArrived(mm::SampleBatchPtr batch);
    void onAlertsArrived(mm::GatewayAlertBatchPtr batch);
    // Connected -> connected; every other state -> not connected. Idle (a
    // connection closed on purpose) also means no connection is wanted.
    void onConnectionStateChanged(mm::ConnectionState state);
    // The admin opened (true) or closed (false) a connection: only a wanted
    // connection that is down is a gateway-down incident.
    void setConnectionWanted(bool wanted);
    // One evaluation now (the timer calls this every second).
    void evaluateNow();

signals:
    // Every change the engine reported, in order (never empty).
    void incidentsChanged(const mm::IncidentChanges &changes);
    void notificationRequested(const mm::Notification &notification);
    // Counts, worst severity or marks changed.
    void summaryChanged();
    void mutedChanged(bool muted);
    // A silence was accepted (with its engine id) or removed; the window
    // keeps them in its history (IncidentJournal).
    void silenceAdded(const mm::Silence &silence);
    void silenceRemoved(const mm::Silence &silence);

private:
    void publish(IncidentChanges changes);
    void recount();
    void syncRecoveryDelay();

    const Clock &m_clock;
    AlertEngine m_engine;
    NotificationPolicy m_policy;
    QTimer m_timer;
    bool m_wasMuted = false;

    int m_firingCount = 0;
    int m_activeCount = 0;
    std::optional<Severity> m_worst;
    QHash<QString, Severity> m_meetingMarks; // meeting id -> worst firing
    QHash<std::pair<QString, QString>, Severity> m_userMarks; // (meeting, user) -> worst firing
};

} // namespace mm

Q_DECLARE_METATYPE(mm::IncidentChanges)
Q_DECLARE_METATYPE(mm::Notification)
