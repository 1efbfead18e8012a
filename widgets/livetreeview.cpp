#include "livetreeview.h"

#include <QScrollBar>
#include <QTimer>

namespace mm {

void LiveTreeView::setModel(QAbstractItemModel *model)
{
    if (QAbstractItemModel *old = this->model())
        disconnect(old, nullptr, this, nullptr);
    QTreeView::setModel(model);
    if (!model)
        return;
    // A re-sort is a layout change; a re-filter inserts and removes rows.
    connect(model, &QAbstractItemModel::layoutChanged, this, &LiveTreeView::onRowsMoved);
    connect(model, &QAbstractItemModel::rowsInserted, this, &LiveTreeView::onRowsMoved);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &LiveTreeView::onRowsMoved);
    // actionTriggered comes from the user only (wheel, drag, arrows, page),
    // never from scrollTo(): it tells "scrolled away" from "was moved".
    connect(verticalScrollBar(), &QScrollBar::actionTriggered, this,
            &LiveTreeView::onUserScrolled, Qt::UniqueConnection);
}

void LiveTreeView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                               const QList<int> &roles)
{
    Q_UNUSED(topLeft);
    Q_UNUSED(bottomRight);
    Q_UNUSED(roles);
    // update() coalesces: many ranges in one batch cost one repaint of the
    // visible rows. No editors are open on this read-only view.
    viewport()->update();
}

void LiveTreeView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QTreeView::currentChanged(current, previous);
    // Choosing a row (click, keys, --select) means wanting to see it.
    m_keepCurrentVisible = current.isValid();
}

void LiveTreeView::onRowsMoved()
{
    if (!m_keepCurrentVisible || m_scrollPending)
        return;
    // One scroll after the whole refresh (filter, then sort), not one per
    // signal: the rows settle first.
    m_scrollPending = true;
    QTimer::singleShot(0, this, [this] {
        m_scrollPending = false;
        const QModelIndex current = currentIndex();
        if (m_keepCurrentVisible && current.isValid())
            scrollTo(current, QAbstractItemView::EnsureVisible);
    });
}

void LiveTreeView::onUserScrolled()
{
    // The action fires before the scroll bar moves: judge once it has.
    QTimer::singleShot(0, this, [this] { m_keepCurrentVisible = isCurrentInView(); });
}

bool LiveTreeView::isCurrentInView() const
{
    const QModelIndex current = currentIndex();
    return current.isValid() && viewport()->rect().intersects(visualRect(current));
}

} // namespace mm
