#pragma once

#include <QTreeView>

namespace mm {

// A QTreeView for a model whose values change every second on thousands of
// rows. Qt 6.4's QTreeView::dataChanged looks up the view index of each
// changed range linearly over all visible items (QTreeViewPrivate::viewIndex),
// which measured at 44 % of the GUI thread for 10,000 users in 1,000
// meetings. Rows here have uniform heights and a value change never moves
// or resizes one, so repainting the visible area, at most once per event
// loop pass, is all a value change needs.
//
// The proxy above the model re-sorts and re-filters every few seconds, which
// moves rows under a still viewport: the current row would drift out of
// sight. While the current row is in view (the user has not scrolled away
// from it), the view keeps it in view after each such change.
class LiveTreeView final : public QTreeView
{
    Q_OBJECT
public:
    using QTreeView::QTreeView;

    void setModel(QAbstractItemModel *model) override;
    // Whether the view scrolls to keep the current row visible after rows
    // move (true until the user scrolls the current row out of view).
    bool keepsCurrentVisible() const { return m_keepCurrentVisible; }

protected:
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = QList<int>()) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;

private:
    void onRowsMoved();
    void onUserScrolled();
    bool isCurrentInView() const;

    bool m_keepCurrentVisible = false;
    bool m_scrollPending = false;
};

} // namespace mm
