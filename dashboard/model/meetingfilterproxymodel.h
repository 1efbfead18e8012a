#pragma once

#include <QSortFilterProxyModel>

namespace mm {

// Filters and sorts the meeting tree (MeetingTreeModel or anything with its
// roles). A meeting is shown when it or any of its users matches; a user
// when it matches or its meeting does. "Only issues" keeps users with
// HasIssueRole and their meetings. Numeric columns sort by RawValueRole with
// unknown values last in both orders; the Name column by display text.
//
// Dynamic sorting and filtering are off on purpose: with live values they
// cost seconds per update at 10,000 rows (performance-notes.md §4). The
// owner calls refresh() on a 1-2 s timer instead; rows inserted by the
// source in between are filtered but not re-sorted until then.
class MeetingFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit MeetingFilterProxyModel(QObject *parent = nullptr);

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);
    bool onlyIssues() const { return m_onlyIssues; }
    void setOnlyIssues(bool onlyIssues);

    // Re-filters and re-sorts (by the current sort column and order); a
    // no-op (no layout change) when no filter is set and the rows are
    // already in order.
    void refresh();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool isFiltering() const;
    // Whether the rows of every parent already stand in sort order.
    bool isInOrder() const;
    bool textMatches(const QModelIndex &sourceIndex) const;
    bool userPasses(const QModelIndex &user, bool meetingMatches) const;

    QString m_filterText;
    bool m_onlyIssues = false;
};

} // namespace mm
