#include "livetreeview.h"

namespace mm {

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

} // namespace mm
