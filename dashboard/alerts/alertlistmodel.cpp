#include "alerts/alertlistmodel.h"

#include "alerts/notificationpolicy.h"

#include <QDateTime>

#include <algorithm>
#include <limits>

namespace mm {

AlertListModel::AlertListModel(const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(clock)
{
}

AlertListModel::~AlertListModel() = default;

int AlertListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(AlertColumn::Count_);
}

Qt::ItemFlags AlertListModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant AlertListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= int(AlertColumn::Count_))
        return {};
    switch (AlertColumn(section)) {
    case AlertColumn::State:
        return tr("State");
    case AlertColumn::Severity:
        return tr("Severity");
    case AlertColumn::Type:
        return tr("Type");
    case AlertColumn::Meeting:
        return tr("Meeting");
    case AlertColumn::User:
        return tr("User");
    case AlertColumn::Source:
        return tr("Source");
    case AlertColumn::Started:
        return tr("Started");
    case AlertColumn::Duration:
        return tr("Duration");
    case AlertColumn::Peak:
        return tr("Peak");
    case AlertColumn::Message:
        return tr("Message");
    case AlertColumn::Count_:
        break;
    }
    return {};
}

qint64 AlertListModel::durationMs(const Incident &incident) const
{
    const qint64 from = incident.firedMs ? incident.firedMs : incident.startedMs;
    const qint64 to = incident.resolvedMs ? incident.resolvedMs : m_clock.nowMs();
    return std::max<qint64>(0, to - from);
}

QString AlertListModel::displayText(const Incident &incident, AlertColumn column) const
{
    switch (column) {
    case AlertColumn::State:
        return incidentStateDisplayName(incident.state);
    case AlertColumn::Severity:
        return severityDisplayName(incident.severity);
    case AlertColumn::Type:
        return incident.type == AlertType::Custom ? incident.typeName
                                                  : alertTypeDisplayName(incident.type);
    case AlertColumn::Meeting:
        if (incident.meetingId.isEmpty())
            return tr("Gateway");
        return incident.meetingName.isEmpty() ? incident.meetingId : incident.meetingName;
    case AlertColumn::User:
        return incident.username.isEmpty() ? incident.userId : incident.username;
    case AlertColumn::Source:
        return alertSourceDisplayName(incident.source);
    case AlertColumn::Started:
        return m_locale.toString(QDateTime::fromMSecsSinceEpoch(incident.startedMs).toLocalTime(),
                                 QLocale::ShortFormat);
    case AlertColumn::Duration:
        return formatAlertDuration(durationMs(incident));
    case AlertColumn::Peak: {
        if (!incident.peak)
            return {};
        const QString value = m_locale.toString(*incident.peak, 'f',
                                                incident.type == AlertType::PacketLoss ? 1 : 0);
        switch (incident.type) {
        case AlertType::HighLatency:
        case AlertType::HighJitter:
            return tr("%1 ms").arg(value);
        case AlertType::PacketLoss:
            return tr("%1 %", "packet loss").arg(value);
        case AlertType::MeetingDegraded:
            return tr("%1 % of users", "meeting degraded").arg(value);
        default:
            return value;
        }
    }
    case AlertColumn::Message:
        return incident.message;
    case AlertColumn::Count_:
        break;
    }
    return {};
}

QVariant AlertListModel::rawValue(const Incident &incident, AlertColumn column) const
{
    switch (column) {
    case AlertColumn::State:
        return int(incident.state);
    case AlertColumn::Severity:
        return int(incident.severity);
    case AlertColumn::Type:
        return incident.typeName;
    case AlertColumn::Meeting:
        return incident.meetingId;
    case AlertColumn::User:
        return incident.userId;
    case AlertColumn::Source:
        return int(incident.source);
    case AlertColumn::Started:
        return incident.startedMs;
    case AlertColumn::Duration:
        return durationMs(incident);
    case AlertColumn::Peak:
        return incident.peak ? QVariant(*incident.peak) : QVariant();
    case AlertColumn::Message:
        return incident.message;
    case AlertColumn::Count_:
        break;
    }
    return {};
}

QVariant AlertListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Incident &incident = m_rows[size_t(index.row())];
    const auto column = AlertColumn(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(incident, column);
    case AlertRawValueRole:
        return rawValue(incident, column);
    case IncidentIdRole:
        return incident.id;
    case IncidentStateRole:
        return int(incident.state);
    case AlertSeverityRole:
        return int(incident.severity);
    case AlertTypeRole:
        return int(incident.type);
    case AlertTypeNameRole:
        return incident.typeName;
    case AlertMeetingIdRole:
        return incident.meetingId;
    case AlertUserIdRole:
        return incident.userId;
    case AlertSourceRole:
        return int(incident.source);
    case StartedMsRole:
        return incident.startedMs;
    case FiredMsRole:
        return incident.firedMs;
    case ResolvedMsRole:
        return incident.resolvedMs;
    case AcknowledgedRole:
        return incident.isAcknowledged();
    case SilencedRole:
        return incident.silenced;
    case OpenRole:
        return incident.isOpen();
    default:
        return {};
    }
}

void AlertListModel::setIncidents(const std::vector<Incident> &incidents)
{
    beginResetModel();
    m_rows.clear();
    m_rowById.clear();
    for (const Incident &incident : incidents) {
        if (incident.state == IncidentState::Cancelled || m_rowById.contains(incident.id))
            continue;
        m_rowById.insert(incident.id, int(m_rows.size()));
        m_rows.push_back(incident);
    }
    endResetModel();
}

void AlertListModel::removeRowAt(int row)
{
    beginRemoveRows({}, row, row);
    m_rowById.remove(m_rows[size_t(row)].id);
    m_rows.erase(m_rows.begin() + row);
    for (int r = row; r < int(m_rows.size()); ++r)
        m_rowById[m_rows[size_t(r)].id] = r;
    endRemoveRows();
}

void AlertListModel::applyChanges(const IncidentChanges &changes)
{
    QHash<quint64, bool> updated;
    for (const IncidentChange &change : changes) {
        const quint64 id = change.incident.id;
        const auto found = m_rowById.constFind(id);
        const bool removes
            = change.event == IncidentEvent::Cancelled || change.event == IncidentEvent::Forgotten;
        if (removes) {
            if (found != m_rowById.cend())
                removeRowAt(*found);
            updated.remove(id);
            continue;
        }
        if (found != m_rowById.cend()) {
            m_rows[size_t(*found)] = change.incident;
            updated.insert(id, true);
            continue;
        }
        const int row = int(m_rows.size());
        beginInsertRows({}, row, row);
        m_rows.push_back(change.incident);
        m_rowById.insert(id, row);
        endInsertRows();
    }
    if (updated.isEmpty())
        return;
    int first = std::numeric_limits<int>::max();
    int last = -1;
    for (auto it = updated.cbegin(); it != updated.cend(); ++it) {
        const int row = rowOf(it.key());
        if (row < 0)
            continue;
        first = std::min(first, row);
        last = std::max(last, row);
    }
    if (last >= 0)
        emit dataChanged(index(first, 0), index(last, int(AlertColumn::Count_) - 1));
}

void AlertListModel::refreshDurations()
{
    int first = std::numeric_limits<int>::max();
    int last = -1;
    for (int row = 0; row < int(m_rows.size()); ++row) {
        if (m_rows[size_t(row)].isOpen()) {
            first = std::min(first, row);
            last = row;
        }
    }
    if (last >= 0) {
        const QModelIndex cell = index(first, int(AlertColumn::Duration));
        emit dataChanged(cell, index(last, int(AlertColumn::Duration)),
                         {Qt::DisplayRole, AlertRawValueRole});
    }
}

const Incident *AlertListModel::incidentAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)] : nullptr;
}

int AlertListModel::rowOf(quint64 incidentId) const
{
    return m_rowById.value(incidentId, -1);
}

void AlertListModel::setLocale(const QLocale &locale)
{
    m_locale = locale;
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, int(AlertColumn::Count_) - 1));
}

} // namespace mm
