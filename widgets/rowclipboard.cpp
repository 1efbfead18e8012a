#include "rowclipboard.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QHeaderView>
#include <QMimeData>
#include <QTableView>
#include <QTreeView>
#include <algorithm>

namespace mm {

namespace {

// One line stays one line, one cell one cell.
QString cellText(const QVariant &value)
{
    QString text = value.toString();
    for (QChar &c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || u == 0x2028 || u == 0x2029)
            c = QLatin1Char(' ');
    }
    return text;
}

// Row numbers from the top level down: sorting these puts parents before
// their children and rows in the model's (the view's) order.
QList<int> pathOf(QModelIndex index)
{
    QList<int> path;
    while (index.isValid()) {
        path.prepend(index.row());
        index = index.parent();
    }
    return path;
}

const QHeaderView *headerOf(const QAbstractItemView &view)
{
    if (const auto *tree = qobject_cast<const QTreeView *>(&view))
        return tree->header();
    if (const auto *table = qobject_cast<const QTableView *>(&view))
        return table->horizontalHeader();
    return nullptr;
}

} // namespace

QString rowsAsTabSeparated(const QModelIndexList &rows, const QHeaderView &header)
{
    const QAbstractItemModel *model = header.model();
    if (!model)
        return {};
    QList<int> columns; // logical indexes, in visual order
    for (int visual = 0; visual < header.count(); ++visual) {
        const int logical = header.logicalIndex(visual);
        if (logical >= 0 && !header.isSectionHidden(logical))
            columns << logical;
    }

    QList<std::pair<QList<int>, QModelIndex>> ordered;
    ordered.reserve(rows.size());
    for (const QModelIndex &index : rows)
        if (index.isValid())
            ordered.append({pathOf(index), index.siblingAtColumn(0)});
    std::sort(ordered.begin(), ordered.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    ordered.erase(std::unique(ordered.begin(), ordered.end(),
                              [](const auto &a, const auto &b) { return a.first == b.first; }),
                  ordered.end());

    QStringList lines;
    QStringList cells;
    for (const int column : columns)
        cells << cellText(model->headerData(column, Qt::Horizontal, Qt::DisplayRole));
    lines << cells.join(QLatin1Char('\t'));
    for (const auto &[path, index] : ordered) {
        cells.clear();
        for (const int column : columns)
            cells << cellText(index.siblingAtColumn(column).data(Qt::DisplayRole));
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString selectedRowsAsTabSeparated(const QAbstractItemView &view)
{
    const QHeaderView *header = headerOf(view);
    if (!header || !view.selectionModel() || !view.selectionModel()->hasSelection())
        return {};
    return rowsAsTabSeparated(view.selectionModel()->selectedRows(0), *header);
}

QAction *addCopyRowsAction(QAbstractItemView *view)
{
    auto *action = new QAction(QCoreApplication::translate("mm::RowClipboard", "&Copy rows"), view);
    action->setObjectName(QStringLiteral("copyRowsAction"));
    action->setShortcut(QKeySequence::Copy);
    // Only while the view has focus: Ctrl+C in a text field copies its text.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(QCoreApplication::translate(
        "mm::RowClipboard", "Copy the selected rows as tab-separated text"));
    QObject::connect(action, &QAction::triggered, view, [view] {
        const QString text = selectedRowsAsTabSeparated(*view);
        if (text.isEmpty())
            return;
        // Plain text only: names from clients must never arrive as markup.
        auto *mime = new QMimeData;
        mime->setText(text);
        QApplication::clipboard()->setMimeData(mime);
    });
    auto updateEnabled = [view, action] {
        action->setEnabled(view->selectionModel() && view->selectionModel()->hasSelection());
    };
    if (view->selectionModel())
        QObject::connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, action,
                         updateEnabled);
    updateEnabled();
    view->addAction(action);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    return action;
}

} // namespace mm
