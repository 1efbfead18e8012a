#pragma once

#include "alerts/incident.h"
#include "core/clock.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QLocale>

#include <vector>

namespace mm {

enum class AlertColumn : int {
    State,
    Severity,
    Type,
    Meeting, // name, else id; "Gateway" for gateway-level incidents
    User, // name, else id; empty for meeting- and gateway-level
    Source,
    Started,
    Duration, // firing time (or pending time) until resolved/ended, or until now
    Peak, // in the rule's unit; empty when the type has none
    Message,
    Count_
};

// Roles of AlertListModel (column-independent unless noted).
enum AlertListRole : int {
    IncidentIdRole = Qt::UserRole + 1, // quint64
    AlertRawValueRole, // per column: int state/severity/source, QString type name and ids,
                       // qint64 ms for times, double peak (QVariant() when none), message
    IncidentStateRole, // int(mm::IncidentState)
    AlertSeverityRole, // int(mm::Severity)
    AlertTypeRole, // int(mm::AlertType)
    AlertTypeNameRole, // QString wire name
    AlertMeetingIdRole, // QString
    AlertUserIdRole, // QString, empty for meeting- and gateway-level
    AlertSourceRole, // int(mm::AlertSource)
    StartedMsRole, // qint64 ms since epoch
    FiredMsRole, // qint64, 0 = never fired
    ResolvedMsRole, // qint64, 0 = open
    AcknowledgedRole, // bool
    SilencedRole, // bool
    OpenRole, // bool: pending or firing
};

// The alerts panel's table: open and recent incidents as the engine reports
// them, in the order they opened. Fed with the engine's change lists; rows
// are inserted for new ids, updated in place, removed on Cancelled and
// Forgotten. Display text is plain text (names and messages come from
// clients: views must not render them as rich text).
class AlertListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit AlertListModel(const Clock &clock, QObject *parent = nullptr);
    ~AlertListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // Replaces everything (e.g. from AlertEngine::incidents() at start-up).
    void setIncidents(const std::vector<Incident> &incidents);
    // One insertion per new incident, one dataChanged over the updated rows.
    void applyChanges(const IncidentChanges &changes);
    // Durations of open incidents grow with time: call about once a second.
    void refreshDurations();

    const Incident *incidentAt(int row) const;
    int rowOf(quint64 incidentId) const; // -1 if absent

    void setLocale(const QLocale &locale);

private:
    QString displayText(const Incident &incident, AlertColumn column) const;
    QVariant rawValue(const Incident &incident, AlertColumn column) const;
    qint64 durationMs(const Incident &incident) const;
    void removeRowAt(int row);

    const Clock &m_clock;
    QLocale m_locale;
    std::vector<Incident> m_rows;
    QHash<quint64, int> m_rowById;
};

} // namespace mm
