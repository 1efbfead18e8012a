#include "alerts/incident.h"

#include <QCoreApplication>

namespace mm {

QString incidentStateName(IncidentState state)
{
    switch (state) {
    case IncidentState::Pending:
        return QStringLiteral("pending");
    case IncidentState::Firing:
        return QStringLiteral("firing");
    case IncidentState::Resolved:
        return QStringLiteral("resolved");
    case IncidentState::Ended:
        return QStringLiteral("ended");
    case IncidentState::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QString incidentStateDisplayName(IncidentState state)
{
    switch (state) {
    case IncidentState::Pending:
        return QCoreApplication::translate("mm::Incident", "Pending");
    case IncidentState::Firing:
        return QCoreApplication::translate("mm::Incident", "Firing");
    case IncidentState::Resolved:
        return QCoreApplication::translate("mm::Incident", "Resolved");
    case IncidentState::Ended:
        return QCoreApplication::translate("mm::Incident", "Ended", "the user left while alerting");
    case IncidentState::Cancelled:
        return QCoreApplication::translate("mm::Incident", "Cancelled");
    }
    return {};
}

QString alertSourceName(AlertSource source)
{
    switch (source) {
    case AlertSource::Local:
        return QStringLiteral("local");
    case AlertSource::Gateway:
        return QStringLiteral("gateway");
    case AlertSource::Both:
        return QStringLiteral("both");
    }
    return {};
}

QString alertSourceDisplayName(AlertSource source)
{
    switch (source) {
    case AlertSource::Local:
        return QCoreApplication::translate("mm::Incident", "Dashboard");
    case AlertSource::Gateway:
        return QCoreApplication::translate("mm::Incident", "Gateway");
    case AlertSource::Both:
        return QCoreApplication::translate("mm::Incident", "Dashboard and gateway");
    }
    return {};
}

QString incidentEventName(IncidentEvent event)
{
    switch (event) {
    case IncidentEvent::Opened:
        return QStringLiteral("opened");
    case IncidentEvent::Fired:
        return QStringLiteral("fired");
    case IncidentEvent::Reopened:
        return QStringLiteral("reopened");
    case IncidentEvent::Resolved:
        return QStringLiteral("resolved");
    case IncidentEvent::Ended:
        return QStringLiteral("ended");
    case IncidentEvent::Cancelled:
        return QStringLiteral("cancelled");
    case IncidentEvent::Acknowledged:
        return QStringLiteral("acknowledged");
    case IncidentEvent::Updated:
        return QStringLiteral("updated");
    case IncidentEvent::Forgotten:
        return QStringLiteral("forgotten");
    }
    return {};
}

} // namespace mm
