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
    invalidateFilter();
    // With dynamicSortFilter off, sort() with the same column and order
    // still re-sorts: one layout change per refresh.
    if (sortColumn() >= 0)
        sort(sortColumn(), sortOrder());
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
