#pragma once

#include "alerts/alertrules.h"

#include <QIcon>
#include <QSortFilterProxyModel>

#include <optional>

namespace mm {

// The alerts panel's filter over AlertListModel: by severity, state, and
// meeting and user (case-insensitive substring of the id or the name). Adds
// the severity icon; sorts on the model's raw values (times as numbers).
class AlertFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class StateFilter { Active, Firing, Pending, Closed, All };
    Q_ENUM(StateFilter)

    explicit AlertFilterProxyModel(QObject *parent = nullptr);

    void setSeverityFilter(std::optional<Severity> severity);
    void setStateFilter(StateFilter filter);
    void setMeetingFilter(const QString &text);
    void setUserFilter(const QString &text);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<Severity> m_severity;
    StateFilter m_state = StateFilter::All;
    QString m_meeting;
    QString m_user;
    QIcon m_critical;
    QIcon m_warning;
};

} // namespace mm
