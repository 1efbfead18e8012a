#pragma once

#include <QStyledItemDelegate>

namespace mm {

// Shared look of every cell of the meeting tree: inactive users greyed and
// italic (from ActiveRole), and tooltips shown literally, because QToolTip
// would otherwise render a client-supplied name that looks like HTML.
void styleInactiveRow(QStyleOptionViewItem *option, const QModelIndex &index);
bool showPlainTextToolTip(QHelpEvent *event, QAbstractItemView *view, const QModelIndex &index);
// The tooltip a cell gets: the model's, else for the name column the full
// name and the ids (names may be elided in the column).
QString treeCellToolTip(const QModelIndex &index);

class TreeItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view,
                   const QStyleOptionViewItem &option, const QModelIndex &index) override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace mm
