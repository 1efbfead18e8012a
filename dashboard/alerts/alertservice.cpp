#include "alerts/alertservice.h"

#include <algorithm>

namespace mm {

namespace {

Severity worse(std::optional<Severity> a, Severity b)
{
    return a && *a > b ? *a : b;
}

} // namespace

AlertService::AlertService(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_engine(clock)
{
    qRegisterMetaType<mm::IncidentChanges>();
    qRegisterMetaType<mm::Notification>();
    // Nothing is wanted until the window opens a connection: an application
    // started without one has no gateway to be down.
    publish(m_engine.setGatewayExpected(false));
    syncRecoveryDelay();
    m_timer.setInterval(DefaultEvaluateIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &AlertService::evaluateNow);
    m_timer.start();
}

AlertService::~AlertService() = default;

void AlertService::setRules(const AlertRules &rules)
{
    publish(m_engine.setRules(rules));
    syncRecoveryDelay();
}

void AlertService::setNotificationSettings(const NotificationSettings &settings)
{
    m_policy.setSettings(settings);
    syncRecoveryDelay();
}

void AlertService::setTimerEnabled(bool enabled)
{
    if (enabled)
        m_timer.start();
    else
        m_timer.stop();
}

int AlertService::acknowledge(const QList<quint64> &incidentIds, const QString &by,
                              const QString &note)
{
    IncidentChanges changes;
    int count = 0;
    for (const quint64 id : incidentIds) {
        IncidentChanges one = m_engine.acknowledge(id, by, note);
        if (!one.empty())
            ++count;
        changes.insert(changes.end(), std::make_move_iterator(one.begin()),
                       std::make_move_iterator(one.end()));
    }
    publish(std::move(changes));
    return count;
}

quint64 AlertService::addSilence(const Silence &silence)
{
    IncidentChanges changes;
    const quint64 id = m_engine.addSilence(silence, &changes);
    publish(std::move(changes));
    if (id != 0) {
        // As the engine keeps it (bounded, sanitized, with its id).
        for (const Silence &added : m_engine.silences()) {
            if (added.id == id)
                emit silenceAdded(added);
        }
    }
    return id;
}

bool AlertService::removeSilence(quint64 silenceId)
{
    IncidentChanges changes;
    Silence silence;
    for (const Silence &s : m_engine.silences()) {
        if (s.id == silenceId)
            silence = s;
    }
    const bool removed = m_engine.removeSilence(silenceId, &changes);
    publish(std::move(changes));
    if (removed)
        emit silenceRemoved(silence);
    return removed;
}

void AlertService::muteUntil(qint64 untilMs)
{
    m_policy.muteUntil(untilMs);
    const bool muted = isMuted();
    if (muted != m_wasMuted) {
        m_wasMuted = muted;
        emit mutedChanged(muted);
    }
}

void AlertService::unmute()
{
    muteUntil(0);
}

std::optional<Severity> AlertService::worstFiringSeverity() const
{
    return m_worst;
}

std::optional<Severity> AlertService::firingSeverity(const QString &meetingId,
                                                     const QString &userId) const
{
    if (userId.isEmpty()) {
        const auto it = m_meetingMarks.constFind(meetingId);
        return it == m_meetingMarks.cend() ? std::nullopt : std::optional<Severity>(*it);
    }
    const auto it = m_userMarks.constFind({meetingId, userId});
    return it == m_userMarks.cend() ? std::nullopt : std::optional<Severity>(*it);
}

void AlertService::onSamplesArrived(SampleBatchPtr batch)
{
    if (batch)
        publish(m_engine.ingest(*batch));
}

void AlertService::onAlertsArrived(GatewayAlertBatchPtr batch)
{
    if (batch)
        publish(m_engine.ingestGatewayAlerts(*batch));
}

void AlertService::onConnectionStateChanged(ConnectionState state)
{
    if (state == ConnectionState::Idle) {
        // Closed on purpose: not an outage (unwanted first, so that the
        // disconnection opens nothing).
        publish(m_engine.setGatewayExpected(false));
        publish(m_engine.setGatewayConnected(false));
        return;
    }
    // Connecting, retrying or rejected while a connection is wanted is
    // exactly what gateway-down is about.
    publish(m_engine.setGatewayExpected(true));
    publish(m_engine.setGatewayConnected(state == ConnectionState::Connected));
}

void AlertService::setConnectionWanted(bool wanted)
{
    publish(m_engine.setGatewayExpected(wanted));
    if (!wanted)
        publish(m_engine.setGatewayConnected(false));
}

void AlertService::evaluateNow()
{
    // Expired mutes end here too, so the tray's "muted" state follows time.
    muteUntil(m_policy.mutedUntilMs());
    publish(m_engine.evaluate());
}

void AlertService::syncRecoveryDelay()
{
    // Decision (issue 4, reviewed): "recovered" goes out once the incident
    // can no longer reopen, i.e. after the engine's reopen window, not the
    // second it resolves. A notice sent at once would be contradicted by
    // every reopen within the window (the admin told "recovered" while it
    // fires again, or a second "firing" for the same incident); waiting
    // means every notice stays true, a flapping alert is one firing and at
    // most one recovery, and the notice still says when it recovered
    // ("recovered after 4 min" counts to the resolve time). The panel and
    // the tray show "resolved" at once. So the delay follows the rules'
    // reopen window whatever it is edited to.
    NotificationSettings settings = m_policy.settings();
    settings.recoveryDelayMs = m_engine.rules().reopenWindowMs;
    m_policy.setSettings(settings);
}

void AlertService::publish(IncidentChanges changes)
{
    // The policy is due every second even without changes (grouping,
    // repeats, delayed recoveries), so it runs on every publish.
    const QList<Notification> notifications = m_policy.process(changes, m_clock.nowMs());
    if (!changes.empty()) {
        recount();
        emit incidentsChanged(changes);
    }
    for (const Notification &notification : notifications)
        emit notificationRequested(notification);
}

void AlertService::recount()
{
    int firing = 0;
    int active = 0;
    std::optional<Severity> worst;
    QHash<QString, Severity> meetings;
    QHash<std::pair<QString, QString>, Severity> users;
    for (const Incident &incident : m_engine.activeIncidents()) {
        ++active;
        if (incident.state != IncidentState::Firing)
            continue;
        ++firing;
        worst = worse(worst, incident.severity);
        if (incident.meetingId.isEmpty())
            continue; // gateway-level
        auto meeting = meetings.find(incident.meetingId);
        if (meeting == meetings.end())
            meetings.insert(incident.meetingId, incident.severity);
        else
            *meeting = worse(*meeting, incident.severity);
        if (!incident.userId.isEmpty()) {
            const std::pair<QString, QString> key {incident.meetingId, incident.userId};
            auto user = users.find(key);
            if (user == users.end())
                users.insert(key, incident.severity);
            else
                *user = worse(*user, incident.severity);
        }
    }
    const bool changed = firing != m_firingCount || active != m_activeCount || worst != m_worst
        || meetings != m_meetingMarks || users != m_userMarks;
    m_firingCount = firing;
    m_activeCount = active;
    m_worst = worst;
    m_meetingMarks = std::move(meetings);
    m_userMarks = std::move(users);
    if (changed)
        emit summaryChanged();
}

} // namespace mm
