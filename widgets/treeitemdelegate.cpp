#include "treeitemdelegate.h"

#include "model/modelroles.h"
#include "plaintext.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QToolTip>

namespace mm {

void styleInactiveRow(QStyleOptionViewItem *option, const QModelIndex &index)
{
    const QVariant active = index.data(ActiveRole);
    if (!active.isValid() || active.toBool())
        return;
    option->font.setItalic(true);
    // Drawing as disabled greys both the text and the icon with the style's
    // own disabled colours, so it stays legible in dark themes too.
    option->state &= ~QStyle::State_Enabled;
    option->palette.setCurrentColorGroup(QPalette::Disabled);
}

QString treeCellToolTip(const QModelIndex &index)
{
    const QString fromModel = index.data(Qt::ToolTipRole).toString();
    if (!fromModel.isEmpty() || index.column() != int(TreeColumn::Name))
        return fromModel;
    const QString name = index.data(Qt::DisplayRole).toString();
    const QString meetingId = index.data(MeetingIdRole).toString();
    if (index.data(KindRole).toInt() == int(RowKind::User)) {
        return TreeItemDelegate::tr("%1\nUser id: %2\nMeeting id: %3")
            .arg(name, index.data(UserIdRole).toString(), meetingId);
    }
    return TreeItemDelegate::tr("%1\nMeeting id: %2").arg(name, meetingId);
}

bool showPlainTextToolTip(QHelpEvent *event, QAbstractItemView *view, const QModelIndex &index)
{
    const QString tip = treeCellToolTip(index);
    if (tip.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
        return false;
    }
    // Names are untrusted: shown literally and bounded.
    QToolTip::showText(event->globalPos(), plainTextToolTip(tip), view, view->visualRect(index));
    return true;
}

bool TreeItemDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                 const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event && view && index.isValid() && event->type() == QEvent::ToolTip)
        return showPlainTextToolTip(event, view, index);
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

void TreeItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    // "3 of 4 active" and "Active" read as words, not figures.
    if (index.column() == int(TreeColumn::Status))
        option->displayAlignment = Qt::AlignLeft | Qt::AlignVCenter;
    styleInactiveRow(option, index);
}

} // namespace mm
