#pragma once

#include "alerts/alertrules.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>
#include <vector>

namespace mm {

// Lifecycle of one incident (one alert key: meeting, user, type).
enum class IncidentState : quint8 {
    Pending, // condition seen, hold time not yet met
    Firing,
    Resolved, // clear for the clear time (may reopen within the reopen window)
    Ended, // the user (or meeting) went away while it fired: no recovery
    Cancelled, // pending that cleared (or whose user left) before firing
};
QString incidentStateName(IncidentState state); // "pending", "firing", ...
QString incidentStateDisplayName(IncidentState state);

// Who judged it: the dashboard's own rules, the gateway's meeting:alerts, or both.
enum class AlertSource : quint8 { Local = 1, Gateway = 2, Both = 3 };
QString alertSourceName(AlertSource source); // "local", "gateway", "both"
QString alertSourceDisplayName(AlertSource source);

struct Acknowledgement
{
    qint64 atMs = 0;
    QString by; // bounded plain text
    QString note; // bounded plain text
};

struct Incident
{
    static constexpr int MaxMessageLength = 300;
    static constexpr int MaxAcknowledgements = 20;

    quint64 id = 0; // unique within one engine, increasing
    QString meetingId;
    QString userId; // empty for meeting- and gateway-level incidents
    QString meetingName; // latest a client sent (sanitized), may be empty
    QString username; // likewise
    AlertType type = AlertType::Custom;
    QString typeName; // wire name; for Custom the gateway's (sanitized, bounded)
    Severity severity = Severity::Warning;
    IncidentState state = IncidentState::Pending;
    AlertSource source = AlertSource::Local;
    qint64 startedMs = 0; // condition first seen (wall clock, ms since epoch UTC)
    qint64 firedMs = 0; // first time it fired; 0 = never
    qint64 resolvedMs = 0; // resolved, ended or cancelled; 0 while open
    int reopenCount = 0;
    // Worst value while open, in the rule's unit (ms, %, % of users); nullopt
    // when the type has no value (poor-connection, gateway-down, Custom) or
    // none was known.
    std::optional<double> peak;
    QString message; // plain text, bounded; the gateway's when it sent one
    QList<Acknowledgement> acknowledgements;
    bool silenced = false; // a silence matches it now

    bool isOpen() const
    {
        return state == IncidentState::Pending || state == IncidentState::Firing;
    }
    bool isAcknowledged() const { return !acknowledgements.isEmpty(); }
};

// What happened to an incident. Consumers key on Incident::id: an unknown id
// is a new row; Cancelled and Forgotten remove it.
enum class IncidentEvent : quint8 {
    Opened, // new incident, pending
    Fired, // pending -> firing, or a new incident that fired at once (gateway)
    Reopened, // resolved -> firing again within the reopen window (same id)
    Resolved,
    Ended, // user or meeting gone while firing: never notify a recovery
    Cancelled, // pending that never fired; dropped by the engine
    Acknowledged,
    Updated, // peak, message, source, names or silenced changed (at most once a second)
    Forgotten, // a closed incident dropped from the engine's recent list
};
QString incidentEventName(IncidentEvent event);

struct IncidentChange
{
    Incident incident; // snapshot after the change
    IncidentEvent event = IncidentEvent::Updated;
};
using IncidentChanges = std::vector<IncidentChange>;

} // namespace mm

Q_DECLARE_METATYPE(mm::Incident)
Q_DECLARE_METATYPE(mm::IncidentEvent)
