#include "meetingfilterproxymodel.h"

#include "model/modelroles.h"

namespace mm {

MeetingFilterProxyModel::MeetingFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(false);
    setSortRole(RawValueRole);
}

void MeetingFilterProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filterText)
        return;
    m_filterText = trimmed;
    invalidateFilter();
}

void MeetingFilterProxyModel::setOnlyIssues(bool onlyIssues)
{
    if (onlyIssues == m_onlyIssues)
        return;
    m_onlyIssues = onlyIssues;
    invalidateFilter();
}

void MeetingFilterProxyModel::refresh()
{
    // Without a filter every row passes, as it did when the filter was last
    // set (setFilterText() and setOnlyIssues() re-filter): re-filtering
    // could change nothing.
    if (isFiltering())
        invalidateFilter();
    // With dynamicSortFilter off, sort() with the same column and order
    // still re-sorts: one layout change per refresh, after which the tree
    // lays out all its rows again (tens of ms at 10,000 users). By name the
    // order rarely changes, so check it first (one comparison per row).
    if (sortColumn() >= 0 && !isInOrder())
        sort(sortColumn(), sortOrder());
}

bool MeetingFilterProxyModel::isFiltering() const
{
    return !m_filterText.isEmpty() || m_onlyIssues;
}

bool MeetingFilterProxyModel::isInOrder() const
{
    // The proxy sorts stably with lessThan(a, b), or lessThan(b, a) when
    // descending: rows are in order when no row sorts before the one above.
    const int column = sortColumn();
    const bool ascending = sortOrder() == Qt::AscendingOrder;
    const auto inOrder = [&](const QModelIndex &parent) {
        const int rows = rowCount(parent);
        QModelIndex above = rows > 0 ? mapToSource(index(0, column, parent)) : QModelIndex();
        for (int row = 1; row < rows; ++row) {
            const QModelIndex current = mapToSource(index(row, column, parent));
            if (ascending ? lessThan(current, above) : lessThan(above, current))
                return false;
            above = current;
        }
        return true;
    };
    if (!inOrder({}))
        return false;
    const int meetings = rowCount();
    for (int row = 0; row < meetings; ++row) {
        if (!inOrder(index(row, 0)))
            return false;
    }
    return true;
}

bool MeetingFilterProxyModel::textMatches(const QModelIndex &sourceIndex) const
{
    return m_filterText.isEmpty()
        || sourceIndex.data(SearchTextRole).toString().contains(m_filterText, Qt::CaseInsensitive);
}

bool MeetingFilterProxyModel::userPasses(const QModelIndex &user, bool meetingMatches) const
{
    if (m_onlyIssues && !user.data(HasIssueRole).toBool())
        return false;
    return meetingMatches || textMatches(user);
}

bool MeetingFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    if (!source)
        return false;
    const QModelIndex index = source->index(sourceRow, 0, sourceParent);
    if (!index.isValid())
        return false;
    if (m_filterText.isEmpty() && !m_onlyIssues)
        return true;
    if (index.data(KindRole).toInt() == int(RowKind::User))
        return userPasses(index, textMatches(sourceParent));

    const bool meetingMatches = textMatches(index);
    if (meetingMatches && !m_onlyIssues)
        return true;
    const int users = source->rowCount(index);
    for (int row = 0; row < users; ++row) {
        if (userPasses(source->index(row, 0, index), meetingMatches))
            return true;
    }
    return false;
}

bool MeetingFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() == 0) {
        const QString l = left.data(Qt::DisplayRole).toString();
        const QString r = right.data(Qt::DisplayRole).toString();
        const int byText = l.compare(r, Qt::CaseInsensitive);
        if (byText != 0)
            return byText < 0;
        return l < r; // a total order: case decides last
    }
    const QVariant l = left.data(RawValueRole);
    const QVariant r = right.data(RawValueRole);
    const bool lKnown = l.isValid();
    const bool rKnown = r.isValid();
    if (lKnown && rKnown)
        return l.toDouble() < r.toDouble();
    if (lKnown == rKnown)
        return false; // both unknown: equal (the sort is stable)
    // Unknown sorts last in both orders: descending sorts with the
    // arguments swapped, so an unknown left must then count as smaller.
    return sortOrder() == Qt::AscendingOrder ? lKnown : !lKnown;
}

} // namespace mm
