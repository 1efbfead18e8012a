#pragma once

#include "core/clock.h"
#include "core/sample.h"
#include "model/meetingstore.h"
#include "model/modelroles.h"

#include <QAbstractItemModel>
#include <QLocale>
#include <QTimer>

namespace mm {

// The live meeting tree: meeting rows (aggregates) with their users as
// children, a view of a MeetingStore it owns. Each batch is announced as one
// insertion per parent for newcomers and one dataChanged per parent for
// value changes (never a reset or layout change), so views repaint a few
// times a second whatever the message rate. Display text is plain text.
class MeetingTreeModel final : public QAbstractItemModel, private MeetingStoreObserver
{
    Q_OBJECT
public:
    static constexpr int ActivityIntervalMs = 1000;

    explicit MeetingTreeModel(const Clock &clock, QObject *parent = nullptr);
    ~MeetingTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    const MeetingStore &store() const { return m_store; }
    int meetingCount() const { return m_store.meetingCount(); }
    int userCount() const { return m_store.userCount(); }
    int activeUserCount() const { return m_store.activeUserCount(); }

    // Column-0 index of a meeting, or of one of its users; invalid if absent.
    QModelIndex indexOf(const QString &meetingId, const QString &userId = {}) const;
    // The node behind an index (nullptr for the other kind or invalid).
    const MeetingNode *meetingAt(const QModelIndex &index) const;
    const UserNode *userAt(const QModelIndex &index) const;

    // The locale used for numbers; QLocale() (the system's) by default.
    void setLocale(const QLocale &locale);

public slots:
    void applyBatch(mm::SampleBatchPtr batch);
    void refreshActivity();

signals:
    // meetingCount(), userCount() or activeUserCount() changed.
    void totalsChanged();

private:
    // MeetingStoreObserver: translate the store's changes into model signals.
    void meetingsAboutToBeInserted(int first, int last) override;
    void meetingsInserted() override;
    void usersAboutToBeInserted(const MeetingNode &meeting, int first, int last) override;
    void usersInserted() override;
    void meetingsAboutToBeRemoved(int first, int last) override;
    void meetingsRemoved() override;
    void usersAboutToBeRemoved(const MeetingNode &meeting, int first, int last) override;
    void usersRemoved() override;
    void usersChanged(const MeetingNode &meeting, int first, int last) override;
    void meetingsChanged(int first, int last) override;

    QVariant meetingData(const MeetingNode &meeting, int column, int role) const;
    QVariant userData(const UserNode &user, int column, int role) const;
    QString meetingText(const MeetingNode &meeting, int column) const;
    QString userText(const UserNode &user, int column) const;
    QVariant meetingRaw(const MeetingNode &meeting, int column) const;
    QVariant userRaw(const UserNode &user, int column) const;
    QString numberText(const Metric &value, int decimals) const;
    QString qualityText(Quality quality) const;
    void emitTotalsIfChanged();

    MeetingStore m_store;
    QLocale m_locale;
    QTimer m_activityTimer;
    int m_lastMeetingCount = 0;
    int m_lastUserCount = 0;
    int m_lastActiveCount = 0;
};

} // namespace mm
