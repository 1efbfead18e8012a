#pragma once

#include "alerts/alertrules.h"
#include "alerts/incident.h"
#include "core/clock.h"
#include "core/identitycache.h"
#include "core/sample.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <array>
#include <limits>
#include <unordered_map>
#include <vector>

namespace mm {

// Mutes notifications for incidents matching every non-empty field until
// untilMs (wall clock). At least one field must be set.
struct Silence
{
    quint64 id = 0; // given by AlertEngine::addSilence
    QString meetingId;
    QString userId;
    QString typeName; // wire name, e.g. "high-latency" or a gateway type
    qint64 untilMs = 0;
    QString createdBy; // plain text, bounded
    QString comment; // plain text, bounded
    qint64 createdMs = 0;

    bool matches(const Incident &incident) const;
};

// Turns samples and gateway alerts into incidents with a lifecycle
// (docs: issue 4, DESIGN.md "Alerts"). Plain C++ on QtCore, used from one
// thread, driven by an injected clock; no timers: call evaluate() about
// once a second.
//
// Every mutating call returns the changes it made, in order, as
// (incident snapshot, event) pairs: feed them to the AlertListModel, the
// NotificationPolicy and the recorder. An empty vector costs no allocation.
//
// Semantics worth knowing:
//  - Per-user rules are judged on each sample: a rule fires when its
//    condition has held on every known sample for the hold time, and clears
//    after the clear condition held for the clear time; samples in the
//    hysteresis band keep a firing alert firing and cancel a pending one.
//    Unknown values change nothing.
//  - Time for per-user alerts (hold, clear, user gone, gateway resolve,
//    meeting-degraded) stops while the gateway is down (disconnected, or
//    connected but silent while users were active): nothing fires or
//    resolves for lack of data, and the clocks resume where they were.
//  - A gateway alert fires its key at once; repeats refresh it; it resolves
//    gatewayResolveMs after the last one unless the local rule still
//    breaches or fires. Gateway alerts of a disabled rule type are dropped.
//  - Severity: the rule's for known types; for unknown types the gateway's
//    if "warning"/"critical", else AlertRules::unknownGatewaySeverity
//    (warning), fixed when the incident opens.
class AlertEngine final
{
    Q_DECLARE_TR_FUNCTIONS(mm::AlertEngine)
public:
    static constexpr int DefaultMaxRecent = 500; // closed incidents kept
    static constexpr qint64 DefaultRecentMaxAgeMs = 24 * 3600 * 1000LL;
    static constexpr int MaxCustomTypes = 256; // distinct gateway type names
    static constexpr int MaxCustomSlotsPerKey = 16; // gateway types per user/meeting
    static constexpr int MaxSilences = 1000;

    explicit AlertEngine(const Clock &clock, AlertRules rules = AlertRules());
    ~AlertEngine();
    AlertEngine(const AlertEngine &) = delete;
    AlertEngine &operator=(const AlertEngine &) = delete;

    // Takes effect at once: pending alerts of a rule now disabled are
    // cancelled, firing ones resolve (unless the gateway still reports them).
    IncidentChanges setRules(const AlertRules &rules);
    const AlertRules &rules() const { return m_rules; }

    IncidentChanges ingest(const SampleBatch &batch);
    IncidentChanges ingestGatewayAlerts(const GatewayAlertBatch &batch);
    // Map ConnectionState::Connected to true and every other state to false.
    IncidentChanges setGatewayConnected(bool connected);
    // Whether a connection is wanted at all (default true). While it is not
    // (the admin disconnected, or never connected), being disconnected is
    // no outage: gateway-down neither fires nor stays open (a pending one is
    // cancelled, a firing one ends without a recovery), and per-user time
    // runs on, so users time out and their incidents end.
    IncidentChanges setGatewayExpected(bool expected);
    bool isGatewayExpected() const { return m_expected; }
    // Time-driven transitions (user gone, gateway resolve, meeting-degraded,
    // gateway-down, silence expiry, forgetting old incidents) and coalesced
    // Updated events.
    IncidentChanges evaluate();

    // Records who acknowledged (stops notification repeats). False changes
    // nothing (unknown id or cancelled).
    IncidentChanges acknowledge(quint64 incidentId, const QString &by, const QString &note = {});

    // Returns the silence's id (0 when invalid: no field set, already
    // expired, or too many silences). Matching incidents change at once.
    quint64 addSilence(Silence silence, IncidentChanges *changes = nullptr);
    bool removeSilence(quint64 silenceId, IncidentChanges *changes = nullptr);
    std::vector<Silence> silences() const { return m_silences; }

    // Open and recently closed incidents, oldest first.
    std::vector<Incident> incidents() const;
    std::vector<Incident> activeIncidents() const; // pending and firing
    const Incident *incident(quint64 id) const;

    // Recent closed incidents are kept up to this many, this long.
    void setRecentLimits(int maxClosed, qint64 maxAgeMs);

    bool isGatewayConnected() const { return m_connected; }
    // The gateway-down condition (disconnected, or silent while users were
    // active): per-user time is frozen.
    bool isFrozen() const { return m_frozen; }
    int trackedUserCount() const { return m_liveUsers; }
    int trackedMeetingCount() const { return int(m_meetingById.size()); }
    quint64 droppedGatewayAlerts() const { return m_droppedGatewayAlerts; }

private:
    enum class Phase : quint8 { Idle, Pending, Firing };
    static constexpr qint64 NoTime = std::numeric_limits<qint64>::min();
    static constexpr quint32 NoIndex = std::numeric_limits<quint32>::max();

    // The live state of one alert key.
    struct Slot
    {
        quint64 incidentId = 0; // open incident, or a resolved one that may reopen
        qint64 sinceUt = NoTime; // Pending: breach start; Firing: clear start
        qint64 gatewayLastUt = NoTime; // last gateway alert still in force
        Phase phase = Phase::Idle;
        quint32 typeId = 0; // custom slots: interned type name
        AlertType type = AlertType::Custom;
    };
    static constexpr int PerUserTypeCount = 4; // HighLatency..PoorConnection

    struct UserState
    {
        QString userId;
        QString username;
        quint32 meeting = 0;
        quint32 nextSameId = NoIndex; // another meeting's user with the same id
        qint64 lastSeenUt = 0;
        Quality lastQuality = Quality::Unknown; // latest known level
        bool live = false;
        std::array<Slot, PerUserTypeCount> fixed {};
        std::vector<Slot> custom;
    };

    struct MeetingState
    {
        QString meetingId;
        QString meetingName;
        int userCount = 0;
        Slot degraded;
        std::vector<Slot> custom;
        bool live = false;
        int knownUsers = 0; // scratch for evaluate()
        int poorUsers = 0;
    };

    struct Record
    {
        Incident incident;
        bool dirty = false;
    };

    struct Key
    {
        const MeetingState *meeting = nullptr;
        const UserState *user = nullptr;
    };

    qint64 userTime(qint64 nowMs) const;
    void setFrozen(bool frozen, qint64 sinceMs);
    quint32 meetingFor(const QString &meetingId);
    // The user's index (created with its meeting if new); one hash lookup
    // on the user id for a known user.
    quint32 userFor(const QString &meetingId, const QString &userId);
    // The same for a sample, by its identity number when it has been seen.
    quint32 userFor(const Sample &sample);
    quint32 internType(const QString &name);
    Slot *customSlot(std::vector<Slot> &list, quint32 typeId, AlertType type);

    Record *find(quint64 id);
    Record &create(const Key &key, AlertType type, const QString &typeName, Severity severity,
                   IncidentState state, qint64 startedMs, qint64 nowMs);
    void emitChange(Record &record, IncidentEvent event, IncidentChanges &out);
    void markDirty(Record &record);

    // The local state machine of one key, fed one observation.
    void observe(Slot &slot, const Key &key, const AlertRule &rule, bool breach, bool clear,
                 std::optional<double> value, qint64 nowMs, qint64 ut, IncidentChanges &out);
    void fire(Slot &slot, const Key &key, const AlertRule &rule, const QString &typeName,
              AlertSource source, qint64 startedMs, const QString &message,
              std::optional<double> value, qint64 nowMs, IncidentChanges &out);
    void gatewayAlert(Slot &slot, const Key &key, AlertType type, const QString &typeName,
                      Severity severity, const QString &message, qint64 nowMs, qint64 ut,
                      IncidentChanges &out);
    void cancel(Slot &slot, Record &record, qint64 nowMs, IncidentChanges &out);
    void resolve(Record &record, qint64 nowMs, IncidentChanges &out);
    void closeForGone(Slot &slot, qint64 nowMs, IncidentChanges &out);
    void resetSlot(Slot &slot, qint64 nowMs, IncidentChanges &out);
    // Gateway expiry and reopen-window housekeeping of an idle key.
    void tidySlot(Slot &slot, qint64 nowMs, qint64 ut, IncidentChanges &out);
    bool gatewayActive(const Slot &slot, qint64 ut) const;

    void evaluateGateway(qint64 nowMs, IncidentChanges &out);
    void removeUser(quint32 index, qint64 nowMs, IncidentChanges &out);
    void removeMeeting(quint32 index);
    void refreshSilenced(IncidentChanges &out);
    void forgetOld(qint64 nowMs, IncidentChanges &out);
    QString localMessage(const AlertRule &rule, std::optional<double> value) const;

    const Clock &m_clock;
    AlertRules m_rules;

    std::vector<UserState> m_users;
    std::vector<quint32> m_freeUsers;
    std::vector<MeetingState> m_meetings;
    std::vector<quint32> m_freeMeetings;
    QHash<QString, quint32> m_meetingById;
    QHash<QString, quint32> m_userById; // head of a chain through UserState::nextSameId
    // User indexes by the samples' identity numbers; cleared when a user
    // goes (its index may be given to another).
    IdentityCache<quint32> m_userByIdentity;
    int m_liveUsers = 0;
    qint64 m_nextForgetMs = 0;

    QHash<QString, quint32> m_typeIds;
    std::vector<QString> m_typeNames;

    std::unordered_map<quint64, Record> m_incidents;
    std::vector<quint64> m_dirty;
    quint64 m_nextId = 1;
    int m_maxRecent = DefaultMaxRecent;
    qint64 m_recentMaxAgeMs = DefaultRecentMaxAgeMs;

    std::vector<Silence> m_silences;
    quint64 m_nextSilenceId = 1;

    // Gateway state. Wall-clock times.
    Slot m_gatewaySlot;
    bool m_connected = false;
    bool m_expected = true;
    bool m_messageSinceConnect = false;
    qint64 m_connectionChangedMs = 0;
    qint64 m_lastMessageMs = 0;
    qint64 m_gatewayClearSinceMs = NoTime;
    bool m_frozen = false;
    qint64 m_frozenSinceMs = 0;
    qint64 m_unfrozenAtMs = 0;
    qint64 m_frozenTotalMs = 0;
    quint64 m_droppedGatewayAlerts = 0;
};

} // namespace mm
