#include "alerts/notificationpolicy.h"

#include "ingest/metricsdecoder.h"

#include <QStringList>
#include <algorithm>

#include <map>

namespace mm {

QString notificationSafeText(QStringView text, qsizetype maxLength)
{
    if (maxLength <= 0)
        return {};
    // Sanitize a little beyond the limit so that a cut can be marked.
    QString out = sanitizeUntrustedText(text, maxLength + 1);
    out.removeIf(
        [](QChar c) { return c == u'<' || c == u'>' || c == u'&' || c == u'"' || c == u'\''; });
    if (out.size() > maxLength) {
        qsizetype cut = maxLength - 1;
        if (cut > 0 && out.at(cut - 1).isHighSurrogate())
            --cut;
        out.truncate(cut);
        out.append(QChar(0x2026)); // …
    }
    return out;
}

QString formatAlertDuration(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(0, (ms + 500) / 1000);
    if (seconds < 60)
        return QCoreApplication::translate("mm::NotificationPolicy", "%n s", "duration",
                                           int(seconds));
    const qint64 minutes = (seconds + 30) / 60;
    if (minutes < 60)
        return QCoreApplication::translate("mm::NotificationPolicy", "%n min", "duration",
                                           int(minutes));
    const qint64 hours = minutes / 60;
    const qint64 rest = minutes % 60;
    const QString h
        = QCoreApplication::translate("mm::NotificationPolicy", "%n h", "duration", int(hours));
    if (rest == 0)
        return h;
    return h + QLatin1Char(' ')
        + QCoreApplication::translate("mm::NotificationPolicy", "%n min", "duration", int(rest));
}

namespace {

QString typeText(const Incident &incident)
{
    return incident.type == AlertType::Custom
        ? notificationSafeText(incident.typeName, NotificationPolicy::MaxNameLength)
        : alertTypeDisplayName(incident.type);
}

QString userText(const Incident &incident)
{
    return notificationSafeText(incident.username.isEmpty() ? incident.userId : incident.username,
                                NotificationPolicy::MaxNameLength);
}

QString meetingText(const Incident &incident)
{
    return notificationSafeText(incident.meetingName.isEmpty() ? incident.meetingId
                                                               : incident.meetingName,
                                NotificationPolicy::MaxNameLength);
}

} // namespace

NotificationPolicy::NotificationPolicy(NotificationSettings settings)
    : m_settings(settings)
{
}

bool NotificationPolicy::notifiable(const Incident &incident) const
{
    return !incident.silenced
        && (incident.severity == Severity::Critical || m_settings.notifyWarnings);
}

void NotificationPolicy::queue(Tracked &tracked, qint64 nowMs)
{
    if (tracked.queued)
        return;
    Group &group = m_groups[tracked.incident.meetingId];
    if (group.ids.empty())
        group.firstMs = nowMs;
    group.ids.push_back(tracked.incident.id);
    tracked.queued = true;
}

void NotificationPolicy::unqueue(Tracked &tracked)
{
    if (!tracked.queued)
        return;
    tracked.queued = false;
    const auto it = m_groups.find(tracked.incident.meetingId);
    if (it == m_groups.end())
        return;
    auto &ids = it->ids;
    ids.erase(std::remove(ids.begin(), ids.end(), tracked.incident.id), ids.end());
    if (ids.empty())
        m_groups.erase(it);
}

void NotificationPolicy::apply(const IncidentChange &change, qint64 nowMs)
{
    const Incident &incident = change.incident;
    const auto found = m_tracked.find(incident.id);
    switch (change.event) {
    case IncidentEvent::Opened:
        return; // pending: nothing to say yet
    case IncidentEvent::Fired:
    case IncidentEvent::Reopened: {
        Tracked &tracked = m_tracked[incident.id];
        tracked.incident = incident;
        if (tracked.recoveryDueMs != NoTime) {
            // Reopened before its recovery was announced: the incident
            // simply continues (its repeat clock too).
            tracked.recoveryDueMs = NoTime;
            return;
        }
        // Announced and still tracked (recoveries off): it continues too.
        // After a recovery went out the entry is gone and this is news again.
        if (!tracked.announced && notifiable(incident))
            queue(tracked, nowMs);
        return;
    }
    case IncidentEvent::Resolved:
        if (found == m_tracked.end())
            return;
        found->second.incident = incident;
        unqueue(found->second);
        if (found->second.announced && m_settings.notifyRecoveries) {
            found->second.recoveryDueMs = nowMs + m_settings.recoveryDelayMs;
        } else if (!found->second.announced) {
            m_tracked.erase(found); // never announced: nothing to take back
        }
        return;
    case IncidentEvent::Ended:
    case IncidentEvent::Cancelled:
    case IncidentEvent::Forgotten:
        if (found != m_tracked.end()) {
            unqueue(found->second);
            m_tracked.erase(found);
        }
        return;
    case IncidentEvent::Acknowledged:
    case IncidentEvent::Updated:
        if (found == m_tracked.end()) {
            // A firing incident that was not notifiable may have become so
            // (a silence expired).
            if (incident.state == IncidentState::Firing && notifiable(incident)) {
                Tracked &tracked = m_tracked[incident.id];
                tracked.incident = incident;
                queue(tracked, nowMs);
            }
            return;
        }
        found->second.incident = incident;
        if (!notifiable(incident))
            unqueue(found->second);
        else if (incident.state == IncidentState::Firing && !found->second.announced)
            queue(found->second, nowMs);
        return;
    }
}

Notification NotificationPolicy::compose(Notification::Kind kind, const QString &meetingId,
                                         const std::vector<const Tracked *> &items,
                                         qint64 nowMs) const
{
    Notification n;
    n.kind = kind;
    n.meetingId = meetingId;
    n.severity = Severity::Warning;
    bool oneUser = true;
    for (const Tracked *t : items) {
        n.incidentIds.append(t->incident.id);
        if (t->incident.severity == Severity::Critical)
            n.severity = Severity::Critical;
        oneUser = oneUser && t->incident.userId == items.front()->incident.userId;
    }
    if (oneUser)
        n.userId = items.front()->incident.userId;

    const Incident &first = items.front()->incident;
    const auto subject = [](const Incident &incident) {
        if (incident.meetingId.isEmpty())
            return tr("the gateway");
        if (incident.userId.isEmpty())
            return meetingText(incident);
        return tr("%1 in %2").arg(userText(incident), meetingText(incident));
    };
    const auto line = [&](const Incident &incident) {
        const QString who = incident.userId.isEmpty() ? meetingText(incident) : userText(incident);
        return incident.meetingId.isEmpty() ? typeText(incident)
                                            : tr("%1: %2").arg(typeText(incident), who);
    };
    const auto listBody = [&](const auto &detail) {
        QStringList lines;
        const int listed = std::min<int>(int(items.size()), std::max(1, m_settings.maxListed));
        for (int i = 0; i < listed; ++i)
            lines.append(detail(items[size_t(i)]->incident));
        if (int(items.size()) > listed)
            lines.append(tr("and %n more", "", int(items.size()) - listed));
        return lines.join(QLatin1Char('\n'));
    };
    const QString where = first.meetingId.isEmpty() ? tr("the gateway") : meetingText(first);
    const int count = int(items.size());

    switch (kind) {
    case Notification::Kind::Firing:
        if (count == 1) {
            n.title = tr("%1: %2").arg(typeText(first), subject(first));
            n.body = notificationSafeText(first.message, MaxMessageLength);
        } else {
            n.title = tr("%n alert(s) in %1", "", count).arg(where);
            n.body = listBody(line);
        }
        break;
    case Notification::Kind::Repeat: {
        const auto since = [&](const Incident &incident) {
            return formatAlertDuration(
                nowMs - (incident.firedMs ? incident.firedMs : incident.startedMs));
        };
        if (count == 1) {
            n.title = tr("Still firing: %1: %2").arg(typeText(first), subject(first));
            n.body = tr("Firing for %1, not acknowledged.").arg(since(first));
        } else {
            n.title = tr("%n alert(s) still firing in %1", "", count).arg(where);
            n.body = listBody([&](const Incident &incident) {
                return tr("%1 (for %2)").arg(line(incident), since(incident));
            });
        }
        break;
    }
    case Notification::Kind::Recovered: {
        const auto after = [](const Incident &incident) {
            const qint64 from = incident.firedMs ? incident.firedMs : incident.startedMs;
            return formatAlertDuration(incident.resolvedMs - from);
        };
        if (count == 1) {
            n.title = tr("Recovered: %1: %2").arg(typeText(first), subject(first));
            n.body = tr("Recovered after %1.").arg(after(first));
        } else {
            n.title = tr("%n alert(s) recovered in %1", "", count).arg(where);
            n.body = listBody([&](const Incident &incident) {
                return tr("%1 (after %2)").arg(line(incident), after(incident));
            });
        }
        break;
    }
    }
    // Composed from already-safe parts; bound the whole once more.
    n.title = notificationSafeText(n.title, MaxTitleLength);
    if (n.body.size() > MaxBodyLength) {
        n.body.truncate(MaxBodyLength - 1);
        n.body.append(QChar(0x2026));
    }
    return n;
}

void NotificationPolicy::emitNotification(Notification notification, qint64 nowMs,
                                          QList<Notification> &out) const
{
    if (!isMuted(nowMs))
        out.append(std::move(notification));
}

QList<Notification> NotificationPolicy::process(const IncidentChanges &changes, qint64 nowMs)
{
    for (const IncidentChange &change : changes)
        apply(change, nowMs);

    QList<Notification> out;

    // Firing groups whose wait is over, oldest first.
    std::vector<std::pair<qint64, QString>> due;
    for (auto it = m_groups.cbegin(); it != m_groups.cend(); ++it) {
        if (nowMs - it->firstMs >= m_settings.groupWaitMs)
            due.emplace_back(it->firstMs, it.key());
    }
    std::sort(due.begin(), due.end());
    for (const auto &[firstMs, meetingId] : due) {
        const Group group = m_groups.take(meetingId);
        std::vector<const Tracked *> items;
        for (const quint64 id : group.ids) {
            const auto it = m_tracked.find(id);
            if (it == m_tracked.end())
                continue;
            Tracked &tracked = it->second;
            tracked.queued = false;
            if (tracked.incident.state != IncidentState::Firing || !notifiable(tracked.incident))
                continue;
            tracked.announced = true;
            tracked.lastNotifiedMs = nowMs;
            items.push_back(&tracked);
        }
        if (!items.empty())
            emitNotification(compose(Notification::Kind::Firing, meetingId, items, nowMs), nowMs,
                             out);
    }

    // Reminders and recoveries, one notification per meeting each; std::map
    // keeps the output order stable.
    std::map<QString, std::vector<const Tracked *>> repeats;
    std::map<QString, std::vector<const Tracked *>> recoveries;
    std::vector<quint64> finished;
    for (auto &[id, tracked] : m_tracked) {
        const Incident &incident = tracked.incident;
        if (incident.state == IncidentState::Firing && tracked.announced
            && !incident.isAcknowledged() && notifiable(incident) && m_settings.repeatIntervalMs > 0
            && nowMs - tracked.lastNotifiedMs >= m_settings.repeatIntervalMs) {
            tracked.lastNotifiedMs = nowMs;
            repeats[incident.meetingId].push_back(&tracked);
        } else if (incident.state == IncidentState::Resolved && tracked.recoveryDueMs != NoTime
                   && nowMs >= tracked.recoveryDueMs) {
            if (!incident.silenced)
                recoveries[incident.meetingId].push_back(&tracked);
            finished.push_back(id);
        }
    }
    const auto byId
        = [](const Tracked *a, const Tracked *b) { return a->incident.id < b->incident.id; };
    for (auto &[meetingId, items] : repeats) {
        std::sort(items.begin(), items.end(), byId);
        emitNotification(compose(Notification::Kind::Repeat, meetingId, items, nowMs), nowMs, out);
    }
    for (auto &[meetingId, items] : recoveries) {
        std::sort(items.begin(), items.end(), byId);
        emitNotification(compose(Notification::Kind::Recovered, meetingId, items, nowMs), nowMs,
                         out);
    }
    for (const quint64 id : finished)
        m_tracked.erase(id);
    return out;
}

} // namespace mm
