#include "alertmarkdelegate.h"

#include "alerts/alertservice.h"
#include "model/modelroles.h"
#include "treeitemdelegate.h"

#include <QHelpEvent>

namespace mm {

AlertMarkDelegate::AlertMarkDelegate(const AlertService &service, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_service(service)
    , m_critical(QStringLiteral(":/icons/alert-critical.svg"))
    , m_warning(QStringLiteral(":/icons/alert-warning.svg"))
{
}

std::optional<Severity> AlertMarkDelegate::markFor(const QModelIndex &index) const
{
    const QString meetingId = index.data(MeetingIdRole).toString();
    if (meetingId.isEmpty())
        return std::nullopt;
    const bool isUser = index.data(KindRole).toInt() == int(RowKind::User);
    return m_service.firingSeverity(meetingId,
                                    isUser ? index.data(UserIdRole).toString() : QString());
}

bool AlertMarkDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                  const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event && view && index.isValid() && event->type() == QEvent::ToolTip)
        return showPlainTextToolTip(event, view, index);
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

void AlertMarkDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    styleInactiveRow(option, index);
    const std::optional<Severity> severity = markFor(index);
    if (!severity)
        return;
    option->icon = *severity == Severity::Critical ? m_critical : m_warning;
    option->features |= QStyleOptionViewItem::HasDecoration;
}

} // namespace mm
