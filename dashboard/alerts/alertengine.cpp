#include "alerts/alertengine.h"

#include "core/stringinterner.h"
#include "ingest/metricsdecoder.h"

#include <algorithm>
#include <limits>

namespace mm {

namespace {

constexpr int MaxTypeNameLength = 64;
constexpr int MaxAckByLength = 64;
constexpr int MaxAckNoteLength = 300;

bool hasPeakValue(AlertType type)
{
    return type == AlertType::HighLatency || type == AlertType::PacketLoss
        || type == AlertType::HighJitter || type == AlertType::MeetingDegraded;
}

// Untrusted text as plain, bounded text. The gateway repeats the same short
// clean strings every second: those are checked and shared, not rebuilt.
QString plainText(const QString &text, qsizetype maxLength)
{
    bool clean = text.size() <= maxLength
        && (text.isEmpty() || (!text.front().isSpace() && !text.back().isSpace()));
    for (qsizetype i = 0; clean && i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        clean = u >= 0x20 && !(u >= 0x7F && u <= 0x9F) && !c.isSurrogate() && u != 0x2028
            && u != 0x2029 && c.category() != QChar::Other_Format;
    }
    return clean ? text : sanitizeUntrustedText(text, maxLength);
}

AlertSource combine(AlertSource a, AlertSource b)
{
    return AlertSource(quint8(a) | quint8(b));
}

bool hasGateway(AlertSource source)
{
    return (quint8(source) & quint8(AlertSource::Gateway)) != 0;
}

QString number(double value)
{
    // Whole numbers without decimals, others with one: "312", "5.5".
    return value == double(qint64(value)) ? QString::number(qint64(value))
                                          : QString::number(value, 'f', 1);
}

} // namespace

bool Silence::matches(const Incident &incident) const
{
    if (meetingId.isEmpty() && userId.isEmpty() && typeName.isEmpty())
        return false;
    return (meetingId.isEmpty() || meetingId == incident.meetingId)
        && (userId.isEmpty() || userId == incident.userId)
        && (typeName.isEmpty() || typeName == incident.typeName);
}

AlertEngine::AlertEngine(const Clock &clock, AlertRules rules)
    : m_clock(clock)
    , m_rules(std::move(rules))
{
    m_gatewaySlot.type = AlertType::GatewayDown;
    // Until told otherwise the gateway is not connected: time for per-user
    // alerts stands still and gateway-down counts from here.
    const qint64 now = m_clock.nowMs();
    m_connectionChangedMs = now;
    m_lastMessageMs = now;
    m_frozen = true;
    m_frozenSinceMs = now;
    m_frozenTotalMs = 0;
}

AlertEngine::~AlertEngine() = default;

// ---------------------------------------------------------------------------
// Time

qint64 AlertEngine::userTime(qint64 nowMs) const
{
    const qint64 frozenNow = m_frozen ? std::max<qint64>(0, nowMs - m_frozenSinceMs) : 0;
    return nowMs - m_frozenTotalMs - frozenNow;
}

void AlertEngine::setFrozen(bool frozen, qint64 sinceMs)
{
    if (frozen == m_frozen)
        return;
    if (frozen) {
        m_frozenSinceMs = sinceMs;
    } else {
        m_frozenTotalMs += std::max<qint64>(0, sinceMs - m_frozenSinceMs);
        m_unfrozenAtMs = sinceMs;
    }
    m_frozen = frozen;
}

IncidentChanges AlertEngine::setGatewayConnected(bool connected)
{
    IncidentChanges out;
    if (connected == m_connected)
        return out;
    const qint64 now = m_clock.nowMs();
    m_connected = connected;
    m_connectionChangedMs = now;
    m_messageSinceConnect = false;
    // Disconnected: per-user time stops at once. Connected: it runs again;
    // evaluate() freezes it anew if data stops once more.
    setFrozen(!connected && m_expected, now);
    evaluateGateway(now, out);
    return out;
}

IncidentChanges AlertEngine::setGatewayExpected(bool expected)
{
    IncidentChanges out;
    if (expected == m_expected)
        return out;
    const qint64 now = m_clock.nowMs();
    m_expected = expected;
    // A wanted connection counts as down from now, not from when the last
    // one was closed on purpose.
    m_connectionChangedMs = now;
    m_messageSinceConnect = false;
    setFrozen(expected && !m_connected, now);
    evaluateGateway(now, out);
    return out;
}

// ---------------------------------------------------------------------------
// Keys

quint32 AlertEngine::meetingFor(const QString &meetingId)
{
    const auto it = m_meetingById.constFind(meetingId);
    if (it != m_meetingById.cend())
        return *it;
    quint32 index;
    if (!m_freeMeetings.empty()) {
        index = m_freeMeetings.back();
        m_freeMeetings.pop_back();
    } else {
        index = quint32(m_meetings.size());
        m_meetings.emplace_back();
    }
    MeetingState &meeting = m_meetings[index];
    meeting = MeetingState();
    meeting.meetingId = meetingId;
    meeting.degraded.type = AlertType::MeetingDegraded;
    meeting.live = true;
    m_meetingById.insert(meetingId, index);
    return index;
}

quint32 AlertEngine::userFor(const QString &meetingId, const QString &userId)
{
    // Keyed by user id alone (one hash per sample); the rare user id seen in
    // two meetings chains through nextSameId.
    const auto found = m_userById.constFind(userId);
    const quint32 head = found != m_userById.cend() ? *found : NoIndex;
    for (quint32 i = head; i != NoIndex; i = m_users[i].nextSameId) {
        if (sameText(m_meetings[m_users[i].meeting].meetingId, meetingId))
            return i;
    }
    const quint32 meetingIndex = meetingFor(meetingId);
    quint32 index;
    if (!m_freeUsers.empty()) {
        index = m_freeUsers.back();
        m_freeUsers.pop_back();
    } else {
        index = quint32(m_users.size());
        m_users.emplace_back();
    }
    UserState &user = m_users[index];
    user = UserState();
    user.userId = userId;
    user.meeting = meetingIndex;
    user.nextSameId = head;
    user.live = true;
    for (int k = 0; k < PerUserTypeCount; ++k)
        user.fixed[size_t(k)].type = AlertType(k);
    m_userById.insert(userId, index);
    ++m_meetings[meetingIndex].userCount;
    ++m_liveUsers;
    return index;
}

quint32 AlertEngine::userFor(const Sample &sample)
{
    if (const quint32 *known = m_userByIdentity.find(sample))
        return *known;
    const quint32 index = userFor(sample.meetingId, sample.userId);
    m_userByIdentity.remember(sample, index);
    return index;
}

quint32 AlertEngine::internType(const QString &name)
{
    const auto it = m_typeIds.constFind(name);
    if (it != m_typeIds.cend())
        return *it;
    // Bounded: a gateway inventing type names cannot grow this without end.
    if (m_typeNames.size() >= size_t(MaxCustomTypes)) {
        const QString other = QStringLiteral("other");
        const auto found = m_typeIds.constFind(other);
        if (found != m_typeIds.cend())
            return *found;
        m_typeIds.insert(other, quint32(m_typeNames.size()));
        m_typeNames.push_back(other);
        return quint32(m_typeNames.size() - 1);
    }
    const quint32 id = quint32(m_typeNames.size());
    m_typeIds.insert(name, id);
    m_typeNames.push_back(name);
    return id;
}

AlertEngine::Slot *AlertEngine::customSlot(std::vector<Slot> &list, quint32 typeId, AlertType type)
{
    for (Slot &slot : list) {
        if (slot.typeId == typeId)
            return &slot;
    }
    if (list.size() >= size_t(MaxCustomSlotsPerKey))
        return nullptr;
    Slot slot;
    slot.typeId = typeId;
    slot.type = type;
    list.push_back(slot);
    return &list.back();
}

// ---------------------------------------------------------------------------
// Incidents

AlertEngine::Record *AlertEngine::find(quint64 id)
{
    if (id == 0)
        return nullptr;
    const auto it = m_incidents.find(id);
    return it == m_incidents.end() ? nullptr : &it->second;
}

const Incident *AlertEngine::incident(quint64 id) const
{
    const auto it = m_incidents.find(id);
    return it == m_incidents.end() ? nullptr : &it->second.incident;
}

AlertEngine::Record &AlertEngine::create(const Key &key, AlertType type, const QString &typeName,
                                         Severity severity, IncidentState state, qint64 startedMs,
                                         qint64 nowMs)
{
    const quint64 id = m_nextId++;
    Record &record = m_incidents[id];
    Incident &incident = record.incident;
    incident.id = id;
    if (key.meeting) {
        incident.meetingId = key.meeting->meetingId;
        incident.meetingName = key.meeting->meetingName;
    }
    if (key.user) {
        incident.userId = key.user->userId;
        incident.username = key.user->username;
    }
    incident.type = type;
    incident.typeName = typeName;
    incident.severity = severity;
    incident.state = state;
    incident.startedMs = std::min(startedMs, nowMs);
    for (const Silence &silence : m_silences)
        incident.silenced = incident.silenced || silence.matches(incident);
    return record;
}

void AlertEngine::emitChange(Record &record, IncidentEvent event, IncidentChanges &out)
{
    out.push_back(IncidentChange {record.incident, event});
}

void AlertEngine::markDirty(Record &record)
{
    if (!record.dirty) {
        record.dirty = true;
        m_dirty.push_back(record.incident.id);
    }
}

bool AlertEngine::gatewayActive(const Slot &slot, qint64 ut) const
{
    return slot.gatewayLastUt != NoTime && ut - slot.gatewayLastUt < m_rules.gatewayResolveMs;
}

QString AlertEngine::localMessage(const AlertRule &rule, std::optional<double> value) const
{
    const QString v = value ? number(*value) : QStringLiteral("?");
    const QString limit = number(rule.fireThreshold);
    switch (rule.type) {
    case AlertType::HighLatency:
        return tr("Latency %1 ms, above %2 ms").arg(v, limit);
    case AlertType::PacketLoss:
        return tr("Packet loss %1 %, above %2 %").arg(v, limit);
    case AlertType::HighJitter:
        return tr("Jitter %1 ms, above %2 ms").arg(v, limit);
    case AlertType::PoorConnection:
        return tr("Connection quality is %1").arg(qualityName(Quality(int(rule.fireThreshold))));
    case AlertType::MeetingDegraded:
        return tr("%1 % of the meeting's users have a poor connection").arg(v);
    case AlertType::GatewayDown:
        return m_connected ? tr("No message from the gateway for %1 s while meetings were active")
                                 .arg(m_rules.gatewaySilenceMs / 1000)
                           : tr("No connection to the gateway");
    case AlertType::Custom:
        break;
    }
    return {};
}

void AlertEngine::fire(Slot &slot, const Key &key, const AlertRule &rule, const QString &typeName,
                       AlertSource source, qint64 startedMs, const QString &message,
                       std::optional<double> value, qint64 nowMs, IncidentChanges &out)
{
    // `rule` only supplies type and severity here (callers for gateway
    // types build a transient one).
    Record *record = find(slot.incidentId);
    if (record && record->incident.state != IncidentState::Pending
        && record->incident.state != IncidentState::Firing
        && record->incident.state != IncidentState::Resolved)
        record = nullptr;
    const bool fromGateway = source == AlertSource::Gateway;
    const auto applyMessage = [&](Incident &incident) {
        // The gateway's words win once it has spoken; local text otherwise.
        if (fromGateway ? !message.isEmpty() : !hasGateway(incident.source))
            incident.message = message;
    };
    const auto refreshNames = [&](Incident &incident) {
        if (key.meeting && !key.meeting->meetingName.isEmpty())
            incident.meetingName = key.meeting->meetingName;
        if (key.user && !key.user->username.isEmpty())
            incident.username = key.user->username;
    };
    if (!record) {
        Record &created = create(key, rule.type, typeName, rule.severity, IncidentState::Firing,
                                 startedMs, nowMs);
        created.incident.firedMs = nowMs;
        created.incident.source = source;
        created.incident.message = message;
        if (value && hasPeakValue(rule.type))
            created.incident.peak = value;
        slot.incidentId = created.incident.id;
        emitChange(created, IncidentEvent::Fired, out);
        return;
    }
    Incident &incident = record->incident;
    switch (incident.state) {
    case IncidentState::Pending:
        incident.state = IncidentState::Firing;
        incident.firedMs = nowMs;
        incident.source = source;
        applyMessage(incident);
        refreshNames(incident);
        emitChange(*record, IncidentEvent::Fired, out);
        break;
    case IncidentState::Resolved:
        incident.state = IncidentState::Firing;
        incident.resolvedMs = 0;
        ++incident.reopenCount;
        incident.source = combine(incident.source, source);
        applyMessage(incident);
        refreshNames(incident);
        if (value && hasPeakValue(rule.type) && (!incident.peak || *value > *incident.peak))
            incident.peak = value;
        emitChange(*record, IncidentEvent::Reopened, out);
        break;
    case IncidentState::Firing: {
        const AlertSource before = incident.source;
        const QString messageBefore = incident.message;
        incident.source = combine(incident.source, source);
        applyMessage(incident);
        if (incident.source != before || incident.message != messageBefore)
            markDirty(*record);
        break;
    }
    default:
        break;
    }
}

void AlertEngine::cancel(Slot &slot, Record &record, qint64 nowMs, IncidentChanges &out)
{
    // A pending alert that never fired: announced, then dropped.
    const quint64 id = record.incident.id;
    record.incident.state = IncidentState::Cancelled;
    record.incident.resolvedMs = nowMs;
    emitChange(record, IncidentEvent::Cancelled, out);
    m_incidents.erase(id);
    if (slot.incidentId == id)
        slot.incidentId = 0;
}

void AlertEngine::resolve(Record &record, qint64 nowMs, IncidentChanges &out)
{
    record.incident.state = IncidentState::Resolved;
    record.incident.resolvedMs = nowMs;
    emitChange(record, IncidentEvent::Resolved, out);
}

void AlertEngine::observe(Slot &slot, const Key &key, const AlertRule &rule, bool breach,
                          bool clear, std::optional<double> value, qint64 nowMs, qint64 ut,
                          IncidentChanges &out)
{
    Record *record = nullptr;
    if (slot.incidentId != 0) {
        record = find(slot.incidentId);
        if (!record)
            slot.incidentId = 0;
        else if (record->incident.isOpen() && value && hasPeakValue(rule.type)
                 && (!record->incident.peak || *value > *record->incident.peak)) {
            record->incident.peak = value;
            markDirty(*record);
        }
    }

    switch (slot.phase) {
    case Phase::Idle: {
        if (!breach)
            return;
        slot.phase = Phase::Pending;
        slot.sinceUt = ut;
        const bool reopenable = record && record->incident.state == IncidentState::Resolved
            && nowMs - record->incident.resolvedMs <= m_rules.reopenWindowMs;
        if (!record || (!record->incident.isOpen() && !reopenable)) {
            Record &created = create(key, rule.type, alertTypeName(rule.type), rule.severity,
                                     IncidentState::Pending, nowMs, nowMs);
            if (value && hasPeakValue(rule.type))
                created.incident.peak = value;
            created.incident.message = localMessage(rule, value);
            slot.incidentId = created.incident.id;
            emitChange(created, IncidentEvent::Opened, out);
        }
        [[fallthrough]];
    }
    case Phase::Pending:
        if (!breach) {
            slot.phase = Phase::Idle;
            slot.sinceUt = NoTime;
            Record *pending = find(slot.incidentId);
            if (pending && pending->incident.state == IncidentState::Pending)
                cancel(slot, *pending, nowMs, out);
            return;
        }
        if (ut - slot.sinceUt >= rule.holdMs) {
            const qint64 startedMs = nowMs - (ut - slot.sinceUt);
            slot.phase = Phase::Firing;
            slot.sinceUt = NoTime;
            fire(slot, key, rule, alertTypeName(rule.type), AlertSource::Local, startedMs,
                 localMessage(rule, value), value, nowMs, out);
        }
        return;
    case Phase::Firing:
        if (!clear) {
            slot.sinceUt = NoTime;
            return;
        }
        if (slot.sinceUt == NoTime)
            slot.sinceUt = ut;
        if (ut - slot.sinceUt >= rule.clearMs) {
            slot.phase = Phase::Idle;
            slot.sinceUt = NoTime;
            Record *firing = find(slot.incidentId);
            if (firing && firing->incident.state == IncidentState::Firing
                && !gatewayActive(slot, ut))
                resolve(*firing, nowMs, out);
        }
        return;
    }
}

void AlertEngine::gatewayAlert(Slot &slot, const Key &key, AlertType type, const QString &typeName,
                               Severity severity, const QString &message, qint64 nowMs, qint64 ut,
                               IncidentChanges &out)
{
    slot.gatewayLastUt = ut;
    Record *record = find(slot.incidentId);
    if (record && record->incident.state == IncidentState::Resolved
        && nowMs - record->incident.resolvedMs > m_rules.reopenWindowMs)
        slot.incidentId = 0; // too long ago: a new incident
    AlertRule rule;
    rule.type = type;
    rule.severity = severity;
    fire(slot, key, rule, typeName, AlertSource::Gateway, nowMs, message, std::nullopt, nowMs, out);
}

void AlertEngine::closeForGone(Slot &slot, qint64 nowMs, IncidentChanges &out)
{
    if (Record *record = find(slot.incidentId)) {
        Incident &incident = record->incident;
        if (incident.state == IncidentState::Pending) {
            cancel(slot, *record, nowMs, out);
        } else if (incident.state == IncidentState::Firing) {
            incident.state = IncidentState::Ended;
            incident.resolvedMs = nowMs;
            emitChange(*record, IncidentEvent::Ended, out);
        }
    }
    slot.incidentId = 0;
    slot.phase = Phase::Idle;
    slot.sinceUt = NoTime;
    slot.gatewayLastUt = NoTime;
}

void AlertEngine::resetSlot(Slot &slot, qint64 nowMs, IncidentChanges &out)
{
    // The rule was turned off: forget the local judgement; a pending alert
    // is cancelled, a firing one resolves unless the gateway still reports it.
    slot.phase = Phase::Idle;
    slot.sinceUt = NoTime;
    Record *record = find(slot.incidentId);
    if (!record)
        return;
    if (record->incident.state == IncidentState::Pending) {
        cancel(slot, *record, nowMs, out);
    } else if (record->incident.state == IncidentState::Firing
               && !gatewayActive(slot, userTime(nowMs))) {
        resolve(*record, nowMs, out);
    }
}

void AlertEngine::tidySlot(Slot &slot, qint64 nowMs, qint64 ut, IncidentChanges &out)
{
    if (slot.gatewayLastUt != NoTime && ut - slot.gatewayLastUt >= m_rules.gatewayResolveMs)
        slot.gatewayLastUt = NoTime;
    if (slot.incidentId == 0)
        return;
    Record *record = find(slot.incidentId);
    if (!record) {
        slot.incidentId = 0;
        return;
    }
    const Incident &incident = record->incident;
    // Firing with neither a local judgement nor a live gateway report.
    if (incident.state == IncidentState::Firing && slot.phase == Phase::Idle
        && slot.gatewayLastUt == NoTime) {
        resolve(*record, nowMs, out);
        return;
    }
    if (incident.state == IncidentState::Resolved && slot.phase == Phase::Idle
        && nowMs - incident.resolvedMs > m_rules.reopenWindowMs)
        slot.incidentId = 0;
}

// ---------------------------------------------------------------------------
// Input

IncidentChanges AlertEngine::ingest(const SampleBatch &batch)
{
    IncidentChanges out;
    if (batch.empty())
        return out;
    const qint64 now = m_clock.nowMs();
    m_lastMessageMs = now;
    if (m_connected) {
        m_messageSinceConnect = true;
        setFrozen(false, now); // receiving again
    }
    const qint64 ut = userTime(now);

    for (const Sample &sample : batch) {
        UserState &user = m_users[userFor(sample)];
        MeetingState &meeting = m_meetings[user.meeting];
        if (!sample.meetingName.isEmpty() && !sameText(sample.meetingName, meeting.meetingName))
            meeting.meetingName = sample.meetingName;
        if (!sample.username.isEmpty() && !sameText(sample.username, user.username))
            user.username = sample.username;
        user.lastSeenUt = ut;
        if (sample.quality != Quality::Unknown)
            user.lastQuality = sample.quality;
        const Key key {&meeting, &user};

        for (int k = 0; k < PerUserTypeCount; ++k) {
            const AlertRule &rule = m_rules.rule(AlertType(k));
            if (!rule.enabled)
                continue;
            Metric value;
            switch (AlertType(k)) {
            case AlertType::HighLatency:
                value = sample.latencyMs;
                break;
            case AlertType::PacketLoss:
                value = sample.packetLossPct;
                break;
            case AlertType::HighJitter:
                value = sample.jitterMs;
                break;
            default:
                if (sample.quality != Quality::Unknown)
                    value = double(sample.quality);
                break;
            }
            if (!value)
                continue; // unknown: neither fires nor clears
            bool breach;
            bool clear;
            if (rule.type == AlertType::PoorConnection) {
                breach = *value >= rule.fireThreshold;
                clear = *value <= rule.clearThreshold;
            } else {
                breach = *value > rule.fireThreshold;
                clear = *value < rule.clearThreshold;
            }
            observe(user.fixed[size_t(k)], key, rule, breach, clear, value, now, ut, out);
        }
    }
    return out;
}

IncidentChanges AlertEngine::ingestGatewayAlerts(const GatewayAlertBatch &batch)
{
    IncidentChanges out;
    if (batch.empty())
        return out;
    const qint64 now = m_clock.nowMs();
    m_lastMessageMs = now;
    if (m_connected) {
        m_messageSinceConnect = true;
        setFrozen(false, now);
    }
    const qint64 ut = userTime(now);

    for (const GatewayAlert &alert : batch) {
        if (alert.meetingId.isEmpty()) {
            ++m_droppedGatewayAlerts;
            continue;
        }
        QString typeName = plainText(alert.type, MaxTypeNameLength);
        if (typeName.isEmpty())
            typeName = QStringLiteral("unknown");
        const AlertType type = alertTypeFromName(typeName);
        Severity severity;
        if (type != AlertType::Custom) {
            const AlertRule &rule = m_rules.rule(type);
            if (!rule.enabled) {
                ++m_droppedGatewayAlerts;
                continue;
            }
            severity = rule.severity;
        } else {
            severity = severityFromName(alert.severity).value_or(m_rules.unknownGatewaySeverity);
        }
        const QString message = plainText(alert.message, Incident::MaxMessageLength);

        const quint32 mi = meetingFor(alert.meetingId);
        Slot *slot = nullptr;
        Key key {&m_meetings[mi], nullptr};
        if (!isPerUserType(type) || alert.userId.isEmpty()) {
            const quint32 typeId = internType(typeName);
            typeName = m_typeNames[typeId]; // "other" once too many names were seen
            if (alert.userId.isEmpty()) {
                slot = customSlot(m_meetings[mi].custom, typeId, type);
            } else {
                UserState &user = m_users[userFor(alert.meetingId, alert.userId)];
                slot = customSlot(user.custom, typeId, type);
            }
        } else {
            slot = &m_users[userFor(alert.meetingId, alert.userId)].fixed[size_t(type)];
        }
        if (!alert.userId.isEmpty()) {
            UserState &user = m_users[userFor(alert.meetingId, alert.userId)];
            user.lastSeenUt = ut; // the gateway judged a fresh sample of theirs
            key = Key {&m_meetings[mi], &user};
        }
        if (!slot) {
            ++m_droppedGatewayAlerts;
            continue;
        }
        gatewayAlert(*slot, key, type, typeName, severity, message, now, ut, out);
    }
    return out;
}

// ---------------------------------------------------------------------------
// Evaluation

void AlertEngine::evaluateGateway(qint64 nowMs, IncidentChanges &out)
{
    if (!m_expected) {
        // No connection wanted: nothing to judge; an open gateway-down
        // closes without claiming the gateway recovered.
        setFrozen(false, nowMs);
        m_gatewayClearSinceMs = NoTime;
        closeForGone(m_gatewaySlot, nowMs, out);
        return;
    }
    // Connected but silent counts as down only while users were active.
    // After data stopped, per-user time freezes (the silence says nothing
    // about the users). After a reconnection that brought no data yet it
    // does not: users then time out, so meetings that ended during the
    // outage do not keep the gateway "down" for ever.
    const qint64 silence = m_rules.gatewaySilenceMs;
    const bool watching = m_connected && silence > 0 && m_liveUsers > 0;
    const bool silentAfterData
        = watching && m_messageSinceConnect && nowMs - m_lastMessageMs >= silence;
    const bool quietAfterConnect
        = watching && !m_messageSinceConnect && nowMs - m_connectionChangedMs >= silence;
    const bool down = !m_connected || silentAfterData || quietAfterConnect;
    qint64 downSinceMs = m_connectionChangedMs;
    if (silentAfterData)
        downSinceMs = m_lastMessageMs + silence;
    else if (quietAfterConnect)
        downSinceMs = m_connectionChangedMs + silence;
    if (silentAfterData)
        setFrozen(true, std::clamp(downSinceMs, m_unfrozenAtMs, nowMs));
    else if (m_connected)
        setFrozen(false, nowMs);

    const AlertRule &rule = m_rules.rule(AlertType::GatewayDown);
    Slot &slot = m_gatewaySlot;
    const Key key {};
    if (!rule.enabled) {
        if (slot.phase != Phase::Idle || slot.incidentId != 0) {
            resetSlot(slot, nowMs, out);
            slot.incidentId = 0;
        }
        return;
    }
    Record *record = find(slot.incidentId);
    if (!record)
        slot.incidentId = 0;

    if (down) {
        m_gatewayClearSinceMs = NoTime;
        if (slot.phase == Phase::Idle) {
            slot.phase = Phase::Pending;
            const bool reopenable = record && record->incident.state == IncidentState::Resolved
                && nowMs - record->incident.resolvedMs <= m_rules.reopenWindowMs;
            if (!record || (!record->incident.isOpen() && !reopenable)) {
                Record &created
                    = create(key, AlertType::GatewayDown, alertTypeName(AlertType::GatewayDown),
                             rule.severity, IncidentState::Pending, downSinceMs, nowMs);
                created.incident.message = localMessage(rule, std::nullopt);
                slot.incidentId = created.incident.id;
                emitChange(created, IncidentEvent::Opened, out);
            }
        }
        if (slot.phase == Phase::Pending && nowMs - downSinceMs >= rule.holdMs) {
            slot.phase = Phase::Firing;
            fire(slot, key, rule, alertTypeName(AlertType::GatewayDown), AlertSource::Local,
                 downSinceMs, localMessage(rule, std::nullopt), std::nullopt, nowMs, out);
        }
        return;
    }

    if (slot.phase == Phase::Pending) {
        slot.phase = Phase::Idle;
        if (record && record->incident.state == IncidentState::Pending)
            cancel(slot, *record, nowMs, out);
    } else if (slot.phase == Phase::Firing) {
        if (m_gatewayClearSinceMs == NoTime)
            m_gatewayClearSinceMs = nowMs;
        if (nowMs - m_gatewayClearSinceMs >= rule.clearMs) {
            slot.phase = Phase::Idle;
            m_gatewayClearSinceMs = NoTime;
            if (record && record->incident.state == IncidentState::Firing)
                resolve(*record, nowMs, out);
        }
    } else if (record && record->incident.state == IncidentState::Resolved
               && nowMs - record->incident.resolvedMs > m_rules.reopenWindowMs) {
        slot.incidentId = 0;
    }
}

void AlertEngine::removeUser(quint32 index, qint64 nowMs, IncidentChanges &out)
{
    UserState &user = m_users[index];
    for (Slot &slot : user.fixed)
        closeForGone(slot, nowMs, out);
    for (Slot &slot : user.custom)
        closeForGone(slot, nowMs, out);
    // Unlink from the chain of users sharing this id.
    const quint32 head = m_userById.value(user.userId, NoIndex);
    if (head == index) {
        if (user.nextSameId == NoIndex)
            m_userById.remove(user.userId);
        else
            m_userById.insert(user.userId, user.nextSameId);
    } else {
        for (quint32 i = head; i != NoIndex; i = m_users[i].nextSameId) {
            if (m_users[i].nextSameId == index) {
                m_users[i].nextSameId = user.nextSameId;
                break;
            }
        }
    }
    --m_meetings[user.meeting].userCount;
    user = UserState();
    m_freeUsers.push_back(index);
    m_userByIdentity.clear();
    --m_liveUsers;
}

void AlertEngine::removeMeeting(quint32 index)
{
    MeetingState &meeting = m_meetings[index];
    m_meetingById.remove(meeting.meetingId);
    meeting = MeetingState();
    m_freeMeetings.push_back(index);
}

IncidentChanges AlertEngine::evaluate()
{
    IncidentChanges out;
    const qint64 now = m_clock.nowMs();
    evaluateGateway(now, out);

    if (!m_frozen) {
        const qint64 ut = userTime(now);
        for (MeetingState &meeting : m_meetings) {
            meeting.knownUsers = 0;
            meeting.poorUsers = 0;
        }
        for (quint32 i = 0; i < quint32(m_users.size()); ++i) {
            UserState &user = m_users[i];
            if (!user.live)
                continue;
            if (ut - user.lastSeenUt >= m_rules.userGoneMs) {
                removeUser(i, now, out);
                continue;
            }
            for (Slot &slot : user.fixed) {
                if (slot.incidentId != 0 || slot.gatewayLastUt != NoTime)
                    tidySlot(slot, now, ut, out);
            }
            for (Slot &slot : user.custom)
                tidySlot(slot, now, ut, out);
            if (user.lastQuality != Quality::Unknown) {
                MeetingState &meeting = m_meetings[user.meeting];
                ++meeting.knownUsers;
                if (user.lastQuality == Quality::Poor)
                    ++meeting.poorUsers;
            }
        }

        const AlertRule &degraded = m_rules.rule(AlertType::MeetingDegraded);
        for (quint32 i = 0; i < quint32(m_meetings.size()); ++i) {
            MeetingState &meeting = m_meetings[i];
            if (!meeting.live)
                continue;
            const Key key {&meeting, nullptr};
            if (meeting.userCount == 0) {
                closeForGone(meeting.degraded, now, out);
            } else if (!degraded.enabled) {
                if (meeting.degraded.phase != Phase::Idle || meeting.degraded.incidentId != 0)
                    resetSlot(meeting.degraded, now, out);
            } else if (meeting.knownUsers > 0) {
                const double percent = 100.0 * meeting.poorUsers / meeting.knownUsers;
                const bool breach
                    = percent >= degraded.fireThreshold && meeting.poorUsers >= degraded.minUsers;
                const bool clear = percent < degraded.clearThreshold;
                observe(meeting.degraded, key, degraded, breach, clear, percent, now, ut, out);
            }
            if (meeting.degraded.incidentId != 0)
                tidySlot(meeting.degraded, now, ut, out);
            bool busy = meeting.degraded.incidentId != 0;
            for (Slot &slot : meeting.custom) {
                tidySlot(slot, now, ut, out);
                busy = busy || slot.incidentId != 0 || slot.gatewayLastUt != NoTime;
            }
            if (meeting.userCount == 0 && !busy)
                removeMeeting(i);
        }
    }

    // Silences that expired.
    const auto expired = std::remove_if(m_silences.begin(), m_silences.end(),
                                        [now](const Silence &s) { return s.untilMs <= now; });
    if (expired != m_silences.end()) {
        m_silences.erase(expired, m_silences.end());
        refreshSilenced(out);
    }

    // Coalesced value changes (peak, message, source), at most one per
    // incident per evaluation.
    for (const quint64 id : m_dirty) {
        if (Record *record = find(id)) {
            record->dirty = false;
            emitChange(*record, IncidentEvent::Updated, out);
        }
    }
    m_dirty.clear();

    // Sorting the closed incidents every second would cost more than the
    // rest of evaluate(): tidy up every 10 s.
    if (now >= m_nextForgetMs) {
        m_nextForgetMs = now + 10'000;
        forgetOld(now, out);
    }
    return out;
}

void AlertEngine::forgetOld(qint64 nowMs, IncidentChanges &out)
{
    std::vector<std::pair<qint64, quint64>> closed; // (resolvedMs, id)
    for (auto &[id, record] : m_incidents) {
        if (!record.incident.isOpen())
            closed.emplace_back(record.incident.resolvedMs, id);
    }
    if (closed.empty())
        return;
    std::sort(closed.begin(), closed.end());
    const size_t excess
        = closed.size() > size_t(m_maxRecent) ? closed.size() - size_t(m_maxRecent) : 0;
    for (size_t i = 0; i < closed.size(); ++i) {
        if (i >= excess && nowMs - closed[i].first <= m_recentMaxAgeMs)
            break;
        Record *record = find(closed[i].second);
        emitChange(*record, IncidentEvent::Forgotten, out);
        m_incidents.erase(closed[i].second);
    }
}

void AlertEngine::setRecentLimits(int maxClosed, qint64 maxAgeMs)
{
    m_maxRecent = std::max(0, maxClosed);
    m_recentMaxAgeMs = std::max<qint64>(0, maxAgeMs);
}

IncidentChanges AlertEngine::setRules(const AlertRules &rules)
{
    IncidentChanges out;
    if (rules.validate())
        return out; // invalid rule sets are refused (callers validate first)
    m_rules = rules;
    const qint64 now = m_clock.nowMs();
    for (UserState &user : m_users) {
        if (!user.live)
            continue;
        for (Slot &slot : user.fixed) {
            if (!m_rules.rule(slot.type).enabled)
                resetSlot(slot, now, out);
        }
    }
    return out;
}

// ---------------------------------------------------------------------------
// Acknowledgements and silences

IncidentChanges AlertEngine::acknowledge(quint64 incidentId, const QString &by, const QString &note)
{
    IncidentChanges out;
    Record *record = find(incidentId);
    if (!record)
        return out;
    Acknowledgement ack;
    ack.atMs = m_clock.nowMs();
    ack.by = sanitizeUntrustedText(by, MaxAckByLength);
    ack.note = sanitizeUntrustedText(note, MaxAckNoteLength);
    QList<Acknowledgement> &acks = record->incident.acknowledgements;
    if (acks.size() >= Incident::MaxAcknowledgements)
        acks.removeAt(1); // keep the first (it stopped the repeats) and the latest
    acks.append(ack);
    emitChange(*record, IncidentEvent::Acknowledged, out);
    return out;
}

void AlertEngine::refreshSilenced(IncidentChanges &out)
{
    for (auto &[id, record] : m_incidents) {
        bool silenced = false;
        for (const Silence &silence : m_silences)
            silenced = silenced || silence.matches(record.incident);
        if (silenced != record.incident.silenced) {
            record.incident.silenced = silenced;
            emitChange(record, IncidentEvent::Updated, out);
        }
    }
}

quint64 AlertEngine::addSilence(Silence silence, IncidentChanges *changes)
{
    const qint64 now = m_clock.nowMs();
    silence.meetingId = silence.meetingId.left(MetricsDecoder::MaxIdLength);
    silence.userId = silence.userId.left(MetricsDecoder::MaxIdLength);
    silence.typeName = silence.typeName.left(MaxTypeNameLength);
    silence.createdBy = sanitizeUntrustedText(silence.createdBy, MaxAckByLength);
    silence.comment = sanitizeUntrustedText(silence.comment, MaxAckNoteLength);
    if ((silence.meetingId.isEmpty() && silence.userId.isEmpty() && silence.typeName.isEmpty())
        || silence.untilMs <= now || m_silences.size() >= size_t(MaxSilences))
        return 0;
    silence.id = m_nextSilenceId++;
    // A silence restored from the history keeps its creation time (its key
    // there); a new one is made now.
    if (silence.createdMs <= 0 || silence.createdMs > now)
        silence.createdMs = now;
    m_silences.push_back(silence);
    IncidentChanges local;
    refreshSilenced(changes ? *changes : local);
    return silence.id;
}

bool AlertEngine::removeSilence(quint64 silenceId, IncidentChanges *changes)
{
    const auto it = std::find_if(m_silences.begin(), m_silences.end(),
                                 [silenceId](const Silence &s) { return s.id == silenceId; });
    if (it == m_silences.end())
        return false;
    m_silences.erase(it);
    IncidentChanges local;
    refreshSilenced(changes ? *changes : local);
    return true;
}

std::vector<Incident> AlertEngine::incidents() const
{
    std::vector<Incident> all;
    all.reserve(m_incidents.size());
    for (const auto &[id, record] : m_incidents)
        all.push_back(record.incident);
    std::sort(all.begin(), all.end(),
              [](const Incident &a, const Incident &b) { return a.id < b.id; });
    return all;
}

std::vector<Incident> AlertEngine::activeIncidents() const
{
    std::vector<Incident> all = incidents();
    all.erase(std::remove_if(all.begin(), all.end(), [](const Incident &i) { return !i.isOpen(); }),
              all.end());
    return all;
}

} // namespace mm
