#include "alertfilterproxymodel.h"

#include "alerts/alertlistmodel.h"
#include "alerts/incident.h"

namespace mm {

AlertFilterProxyModel::AlertFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_critical(QStringLiteral(":/icons/alert-critical.svg"))
    , m_warning(QStringLiteral(":/icons/alert-warning.svg"))
{
    setSortRole(AlertRawValueRole);
}

void AlertFilterProxyModel::setSeverityFilter(std::optional<Severity> severity)
{
    m_severity = severity;
    invalidateRowsFilter();
}

void AlertFilterProxyModel::setStateFilter(StateFilter filter)
{
    m_state = filter;
    invalidateRowsFilter();
}

void AlertFilterProxyModel::setMeetingFilter(const QString &text)
{
    m_meeting = text.trimmed();
    invalidateRowsFilter();
}

void AlertFilterProxyModel::setUserFilter(const QString &text)
{
    m_user = text.trimmed();
    invalidateRowsFilter();
}

QVariant AlertFilterProxyModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DecorationRole && index.column() == int(AlertColumn::Severity)) {
        const int severity = index.data(AlertSeverityRole).toInt();
        return severity == int(Severity::Critical) ? m_critical : m_warning;
    }
    return QSortFilterProxyModel::data(index, role);
}

bool AlertFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    const QModelIndex row = source->index(sourceRow, 0, sourceParent);
    if (m_severity && row.data(AlertSeverityRole).toInt() != int(*m_severity))
        return false;
    const auto state = IncidentState(row.data(IncidentStateRole).toInt());
    switch (m_state) {
    case StateFilter::Active:
        if (state != IncidentState::Pending && state != IncidentState::Firing)
            return false;
        break;
    case StateFilter::Firing:
        if (state != IncidentState::Firing)
            return false;
        break;
    case StateFilter::Pending:
        if (state != IncidentState::Pending)
            return false;
        break;
    case StateFilter::Closed:
        if (state == IncidentState::Pending || state == IncidentState::Firing)
            return false;
        break;
    case StateFilter::All:
        break;
    }
    const auto matches = [&](const QString &needle, int idRole, AlertColumn nameColumn) {
        if (needle.isEmpty())
            return true;
        const QString id = row.data(idRole).toString();
        const QString name
            = source->index(sourceRow, int(nameColumn), sourceParent).data().toString();
        return id.contains(needle, Qt::CaseInsensitive)
            || name.contains(needle, Qt::CaseInsensitive);
    };
    return matches(m_meeting, AlertMeetingIdRole, AlertColumn::Meeting)
        && matches(m_user, AlertUserIdRole, AlertColumn::User);
}

} // namespace mm
