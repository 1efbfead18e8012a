#pragma once

#include "alerts/incident.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <limits>
#include <unordered_map>
#include <vector>

namespace mm {

struct NotificationSettings
{
    bool notifyWarnings = false; // warnings are listed in the panel, not popped up
    bool notifyRecoveries = true;
    // Alerts of one meeting that fire within this window make one notification.
    qint64 groupWaitMs = 3'000;
    // While firing and unacknowledged, a reminder this often.
    qint64 repeatIntervalMs = 30 * 60 * 1000LL;
    // A recovery is announced once it has held this long (the engine's
    // reopen window): a flapping alert that reopens meanwhile continues its
    // incident without a "recovered" and a new "firing" notification.
    qint64 recoveryDelayMs = 120'000;
    int maxListed = 5; // incidents named in one grouped body
};

// What to tell the admin. Plain text: title and body carry no markup
// (markup-significant characters are removed, since some desktop
// notification servers interpret body markup), untrusted parts are bounded.
struct Notification
{
    enum class Kind : quint8 { Firing, Repeat, Recovered };

    Kind kind = Kind::Firing;
    QString title;
    QString body;
    Severity severity = Severity::Warning; // the worst of the incidents
    QString meetingId; // empty for the gateway
    QString userId; // set when every incident is about one user
    QList<quint64> incidentIds;
};

// Decides WHAT to notify and when (no D-Bus, no tray here). Feed it every
// batch of IncidentChanges the engine returns, and call process() about once
// a second even without changes (grouping, repeats and delayed recoveries
// are due by time). Plain C++ on QtCore.
//
// - A critical incident (or a warning, if enabled) notifies once when it
//   fires, grouped with its meeting's other firings within groupWaitMs;
//   one that resolves, ends or is silenced before the group is sent is
//   never announced.
// - While firing, unacknowledged and not silenced: a reminder every
//   repeatIntervalMs (one per meeting per round).
// - A recovery ("recovered after 4 min") once it held recoveryDelayMs;
//   never for an ended incident, nor for one never announced.
// - Muted: nothing is returned, but bookkeeping goes on as if it were
//   shown, so unmuting does not release a burst.
class NotificationPolicy final
{
    Q_DECLARE_TR_FUNCTIONS(mm::NotificationPolicy)
public:
    static constexpr int MaxTitleLength = 120;
    static constexpr int MaxBodyLength = 500;
    static constexpr int MaxNameLength = 48;
    static constexpr int MaxMessageLength = 160;

    explicit NotificationPolicy(NotificationSettings settings = NotificationSettings());

    void setSettings(const NotificationSettings &settings) { m_settings = settings; }
    const NotificationSettings &settings() const { return m_settings; }

    QList<Notification> process(const IncidentChanges &changes, qint64 nowMs);

    void muteUntil(qint64 untilMs) { m_mutedUntilMs = untilMs; }
    void unmute() { m_mutedUntilMs = 0; }
    bool isMuted(qint64 nowMs) const { return nowMs < m_mutedUntilMs; }
    qint64 mutedUntilMs() const { return m_mutedUntilMs; }

    int trackedCount() const { return int(m_tracked.size()); }

private:
    static constexpr qint64 NoTime = std::numeric_limits<qint64>::min();

    struct Tracked
    {
        Incident incident;
        bool announced = false; // a firing notification went out (or was muted)
        bool queued = false; // waiting in its meeting's group
        qint64 lastNotifiedMs = NoTime;
        qint64 recoveryDueMs = NoTime;
    };
    struct Group
    {
        qint64 firstMs = 0;
        std::vector<quint64> ids;
    };

    bool notifiable(const Incident &incident) const;
    void queue(Tracked &tracked, qint64 nowMs);
    void unqueue(Tracked &tracked);
    void apply(const IncidentChange &change, qint64 nowMs);
    Notification compose(Notification::Kind kind, const QString &meetingId,
                         const std::vector<const Tracked *> &items, qint64 nowMs) const;
    void emitNotification(Notification notification, qint64 nowMs, QList<Notification> &out) const;

    NotificationSettings m_settings;
    std::unordered_map<quint64, Tracked> m_tracked;
    QHash<QString, Group> m_groups; // by meeting id ("" = gateway)
    qint64 m_mutedUntilMs = 0;
};

// Untrusted text made safe for a notification: control and format
// characters dropped, `< > & " '` removed, at most maxLength characters
// (an ellipsis marks a cut).
QString notificationSafeText(QStringView text, qsizetype maxLength);

// "45 s", "4 min", "2 h 5 min" (translated).
QString formatAlertDuration(qint64 ms);

} // namespace mm
