#pragma once

#include "alerts/alertrules.h"

#include <QIcon>
#include <QStyledItemDelegate>

#include <optional>

namespace mm {

class AlertService;

// The meeting tree's name column, as TreeItemDelegate draws it, plus an
// alert icon on user and meeting rows with a firing incident (the worst
// severity's icon). The marks come from the AlertService, so the core's
// tree model stays unaware of alerts.
class AlertMarkDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    AlertMarkDelegate(const AlertService &service, QObject *parent = nullptr);

    // The severity whose icon a row gets (nullopt: none).
    std::optional<Severity> markFor(const QModelIndex &index) const;

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view,
                   const QStyleOptionViewItem &option, const QModelIndex &index) override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    const AlertService &m_service;
    QIcon m_critical;
    QIcon m_warning;
};

} // namespace mm
