#pragma once

#include <QModelIndexList>
#include <QString>

class QAbstractItemView;
class QAction;
class QHeaderView;

namespace mm {

// Selected rows of a tree or table as tab-separated text, for pasting into
// a spreadsheet or a ticket: a header line, then one line per row, the
// columns the header shows in the order it shows them, each cell's display
// text with tabs, line breaks and other control characters turned into
// spaces (so a client's name cannot add a column or a row). Rows come in
// the view's order (parents before children). Plain text only: nothing is
// ever put on the clipboard as HTML.
QString rowsAsTabSeparated(const QModelIndexList &rows, const QHeaderView &header);

// The selected rows of `view` (its selection model's selectedRows(0)).
QString selectedRowsAsTabSeparated(const QAbstractItemView &view);

// Adds "Copy rows" (Ctrl+C while the view has focus, and in its context
// menu) to `view`; returns the action, which the view owns.
QAction *addCopyRowsAction(QAbstractItemView *view);

} // namespace mm
