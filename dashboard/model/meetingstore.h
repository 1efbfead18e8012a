#pragma once

#include "core/clock.h"
#include "core/identitycache.h"
#include "core/sample.h"
#include "model/samplehistory.h"

#include <QHash>
#include <QString>

#include <memory>
#include <vector>

namespace mm {

struct MeetingNode;

// One participant of a live meeting. Nodes are individually heap-allocated
// and never move, so views may key on their address.
struct UserNode
{
    QString userId;
    QString username; // latest non-empty name a client sent (sanitized)
    Sample latest; // the newest sample
    qint64 firstSeenMs = 0;
    qint64 lastSeenMs = 0; // receive time of the newest sample
    bool active = false; // a sample within the last InactiveAfterMs
    SampleHistory history;
    MeetingNode *meeting = nullptr;
    int row = 0; // position in meeting->users

    // The level that counts for aggregates and the issue filter.
    bool hasActiveIssue() const { return active && hasIssue(latest.quality); }

    UserNode(QString id, MeetingNode *owner, int historySeconds)
        : userId(std::move(id))
        , history(historySeconds)
        , meeting(owner)
    {
    }
};

// The plan's MeetingMetrics, derived from the users' latest samples. Means
// and sums are over *active* users with a known value; nullopt when there is
// none (unknown is never zero).
struct MeetingAggregate
{
    int totalUsers = 0;
    int activeUsers = 0;
    Metric uploadKbps; // sum
    Metric downloadKbps; // sum
    Metric avgUploadKbps; // mean per active user with a value
    Metric avgDownloadKbps; // mean per active user with a value
    Metric latencyMs; // mean
    Metric packetLossPct; // mean
    Metric jitterMs; // mean
    std::optional<double> score; // 0-100: mean of qualityScore over active users with a level
    Quality scoreLevel = Quality::Unknown; // the level nearest to the score
    int usersWithIssues = 0; // active users at fair or poor
    qint64 lastSeenMs = 0;
};

struct MeetingNode
{
    QString meetingId;
    QString meetingName; // latest non-empty name a client sent (sanitized), else empty
    qint64 startMs = 0; // first sample seen
    std::vector<std::unique_ptr<UserNode>> users; // row order: arrival order
    QHash<QString, UserNode *> userById;
    MeetingAggregate aggregate;
    int row = 0; // position in the store's meeting list

    // Per-operation scratch: the range of user rows changed (-1 = none).
    int changedFirst = -1;
    int changedLast = -1;
    bool touched = false;

    explicit MeetingNode(QString id)
        : meetingId(std::move(id))
    {
    }
};

// Told about every structural and value change, in the order a
// QAbstractItemModel must announce them: "about to" calls come before the
// store changes, the others after. Rows are those at the time of the call.
class MeetingStoreObserver
{
public:
    virtual ~MeetingStoreObserver() = default;
    virtual void meetingsAboutToBeInserted(int first, int last) { }
    virtual void meetingsInserted() { }
    virtual void usersAboutToBeInserted(const MeetingNode &meeting, int first, int last) { }
    virtual void usersInserted() { }
    virtual void meetingsAboutToBeRemoved(int first, int last) { }
    virtual void meetingsRemoved() { }
    virtual void usersAboutToBeRemoved(const MeetingNode &meeting, int first, int last) { }
    virtual void usersRemoved() { }
    // Values of users first..last (all columns) changed; at most once per
    // meeting per operation.
    virtual void usersChanged(const MeetingNode &meeting, int first, int last) { }
    // Values (aggregates) of meetings first..last changed; at most once per
    // operation.
    virtual void meetingsChanged(int first, int last) { }
};

// The live state: meetings -> users, each user's latest sample and recent
// 1 Hz history, activity, and the meeting aggregates. Plain C++ (QtCore
// only), used from one thread; the tree model is a view of it.
class MeetingStore final
{
public:
    static constexpr qint64 InactiveAfterMs = 10'000; // no sample for 10 s: inactive
    static constexpr qint64 DepartAfterMs = 300'000; // no sample for 5 min: gone
    static constexpr int DefaultHistorySeconds = 15 * 60;

    explicit MeetingStore(const Clock &clock, int historySeconds = DefaultHistorySeconds);
    ~MeetingStore();
    MeetingStore(const MeetingStore &) = delete;
    MeetingStore &operator=(const MeetingStore &) = delete;

    // Applies a batch: new meetings and users are appended (one insertion
    // per parent), values updated, aggregates recomputed, each change
    // announced once to `observer`.
    void applyBatch(const SampleBatch &batch, MeetingStoreObserver *observer = nullptr);
    // Marks users without a sample for InactiveAfterMs inactive, removes
    // those silent for DepartAfterMs and meetings left without users.
    void refreshActivity(MeetingStoreObserver *observer = nullptr);

    int meetingCount() const { return int(m_meetings.size()); }
    const MeetingNode &meetingAt(int row) const { return *m_meetings[size_t(row)]; }
    const MeetingNode *findMeeting(const QString &meetingId) const;
    const UserNode *findUser(const QString &meetingId, const QString &userId) const;

    int userCount() const { return m_userCount; }
    int activeUserCount() const { return m_activeUserCount; }
    int historySeconds() const { return m_historySeconds; }
    const Clock &clock() const { return m_clock; }

private:
    MeetingNode *addMeeting(const QString &meetingId);
    UserNode *addUser(MeetingNode &meeting, const QString &userId);
    void applySample(UserNode &user, const Sample &sample, qint64 nowMs);
    void recomputeAggregate(MeetingNode &meeting);
    void recomputeTotals();
    void announceValueChanges(const std::vector<MeetingNode *> &touched,
                              MeetingStoreObserver &notify);
    void removeUsers(MeetingNode &meeting, int first, int last);
    void removeMeetings(int first, int last);

    const Clock &m_clock;
    int m_historySeconds;
    std::vector<std::unique_ptr<MeetingNode>> m_meetings;
    QHash<QString, MeetingNode *> m_meetingById;
    // Users by the samples' identity numbers: no hashing of the ids for a
    // user seen before. Cleared when users go (the nodes are freed).
    IdentityCache<UserNode *> m_userByIdentity;
    int m_userCount = 0;
    int m_activeUserCount = 0;
};

} // namespace mm
