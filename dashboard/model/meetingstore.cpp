#include "meetingstore.h"

#include <QSet>

#include <algorithm>

namespace mm {

namespace {

// Running mean/sum of the known values of one metric.
struct Accumulator
{
    double sum = 0;
    int count = 0;
    void add(const Metric &value)
    {
        if (value) {
            sum += *value;
            ++count;
        }
    }
    Metric total() const { return count ? Metric(sum) : std::nullopt; }
    Metric mean() const { return count ? Metric(sum / count) : std::nullopt; }
};

// The level whose score is nearest to a meeting's 0-100 score.
Quality levelOfScore(double score)
{
    if (score >= 87.5)
        return Quality::Excellent;
    if (score >= 62.5)
        return Quality::Good;
    if (score >= 37.5)
        return Quality::Fair;
    return Quality::Poor;
}

// Calls `fn(first, last)` for each run of consecutive rows flagged in
// `flags`, from the last run to the first, so that earlier rows keep their
// numbers while later ones are removed.
template<typename Fn> void forEachRunBackwards(const std::vector<char> &flags, Fn fn)
{
    int last = int(flags.size()) - 1;
    while (last >= 0) {
        if (!flags[size_t(last)]) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && flags[size_t(first - 1)])
            --first;
        fn(first, last);
        last = first - 1;
    }
}

} // namespace

MeetingStore::MeetingStore(const Clock &clock, int historySeconds)
    : m_clock(clock)
    , m_historySeconds(std::max(1, historySeconds))
{
}

MeetingStore::~MeetingStore() = default;

const MeetingNode *MeetingStore::findMeeting(const QString &meetingId) const
{
    return m_meetingById.value(meetingId, nullptr);
}

const UserNode *MeetingStore::findUser(const QString &meetingId, const QString &userId) const
{
    const MeetingNode *meeting = findMeeting(meetingId);
    return meeting ? meeting->userById.value(userId, nullptr) : nullptr;
}

MeetingNode *MeetingStore::addMeeting(const QString &meetingId)
{
    auto node = std::make_unique<MeetingNode>(meetingId);
    node->row = int(m_meetings.size());
    MeetingNode *raw = node.get();
    m_meetings.push_back(std::move(node));
    m_meetingById.insert(meetingId, raw);
    return raw;
}

UserNode *MeetingStore::addUser(MeetingNode &meeting, const QString &userId)
{
    auto node = std::make_unique<UserNode>(userId, &meeting, m_historySeconds);
    node->row = int(meeting.users.size());
    UserNode *raw = node.get();
    meeting.users.push_back(std::move(node));
    meeting.userById.insert(userId, raw);
    return raw;
}

void MeetingStore::applySample(UserNode &user, const Sample &sample, qint64 nowMs)
{
    // The receive time is the truth for activity and history; a sample built
    // without one (0) counts as received now.
    const qint64 seenMs = sample.receivedMs > 0 ? sample.receivedMs : nowMs;
    user.latest = sample;
    user.latest.receivedMs = seenMs;
    if (!sample.username.isEmpty())
        user.username = sample.username;
    if (user.firstSeenMs == 0 || seenMs < user.firstSeenMs)
        user.firstSeenMs = seenMs;
    user.lastSeenMs = std::max(user.lastSeenMs, seenMs);
    user.active = nowMs - user.lastSeenMs < InactiveAfterMs;
    user.history.record(sample, seenMs);

    MeetingNode &meeting = *user.meeting;
    if (!sample.meetingName.isEmpty())
        meeting.meetingName = sample.meetingName;
    if (meeting.startMs == 0 || seenMs < meeting.startMs)
        meeting.startMs = seenMs;
}

void MeetingStore::recomputeAggregate(MeetingNode &meeting)
{
    MeetingAggregate a;
    Accumulator upload, download, latency, loss, jitter, score;
    a.totalUsers = int(meeting.users.size());
    for (const auto &user : meeting.users) {
        a.lastSeenMs = std::max(a.lastSeenMs, user->lastSeenMs);
        if (!user->active)
            continue;
        ++a.activeUsers;
        const Sample &s = user->latest;
        upload.add(s.uploadKbps);
        download.add(s.downloadKbps);
        latency.add(s.latencyMs);
        loss.add(s.packetLossPct);
        jitter.add(s.jitterMs);
        if (const auto points = qualityScore(s.quality))
            score.add(double(*points));
        if (hasIssue(s.quality))
            ++a.usersWithIssues;
    }
    a.uploadKbps = upload.total();
    a.downloadKbps = download.total();
    a.avgUploadKbps = upload.mean();
    a.avgDownloadKbps = download.mean();
    a.latencyMs = latency.mean();
    a.packetLossPct = loss.mean();
    a.jitterMs = jitter.mean();
    a.score = score.mean();
    a.scoreLevel = a.score ? levelOfScore(*a.score) : Quality::Unknown;
    meeting.aggregate = a;
}

void MeetingStore::recomputeTotals()
{
    int users = 0;
    int active = 0;
    for (const auto &meeting : m_meetings) {
        users += int(meeting->users.size());
        active += meeting->aggregate.activeUsers;
    }
    m_userCount = users;
    m_activeUserCount = active;
}

void MeetingStore::removeUsers(MeetingNode &meeting, int first, int last)
{
    m_userByIdentity.clear();
    for (int row = first; row <= last; ++row)
        meeting.userById.remove(meeting.users[size_t(row)]->userId);
    meeting.users.erase(meeting.users.begin() + first, meeting.users.begin() + last + 1);
    for (size_t row = size_t(first); row < meeting.users.size(); ++row)
        meeting.users[row]->row = int(row);
}

void MeetingStore::removeMeetings(int first, int last)
{
    m_userByIdentity.clear();
    for (int row = first; row <= last; ++row)
        m_meetingById.remove(m_meetings[size_t(row)]->meetingId);
    m_meetings.erase(m_meetings.begin() + first, m_meetings.begin() + last + 1);
    for (size_t row = size_t(first); row < m_meetings.size(); ++row)
        m_meetings[row]->row = int(row);
}

// One dataChanged range per touched meeting's users, then one over the
// meeting rows; rows are final by now.
void MeetingStore::announceValueChanges(const std::vector<MeetingNode *> &touched,
                                        MeetingStoreObserver &notify)
{
    int firstMeeting = -1;
    int lastMeeting = -1;
    for (MeetingNode *meeting : touched) {
        recomputeAggregate(*meeting);
        if (meeting->changedFirst >= 0)
            notify.usersChanged(*meeting, meeting->changedFirst, meeting->changedLast);
        firstMeeting = firstMeeting < 0 ? meeting->row : std::min(firstMeeting, meeting->row);
        lastMeeting = std::max(lastMeeting, meeting->row);
        meeting->changedFirst = meeting->changedLast = -1;
        meeting->touched = false;
    }
    recomputeTotals();
    if (firstMeeting >= 0)
        notify.meetingsChanged(firstMeeting, lastMeeting);
}

void MeetingStore::applyBatch(const SampleBatch &batch, MeetingStoreObserver *observer)
{
    MeetingStoreObserver none;
    MeetingStoreObserver &notify = observer ? *observer : none;
    const qint64 nowMs = m_clock.nowMs();
    std::vector<char> consumed(batch.size(), 0);

    // Pass 1: find what is new, in order of first appearance.
    struct NewMeeting
    {
        QString id;
        std::vector<size_t> samples;
    };
    struct NewUsers
    {
        MeetingNode *meeting;
        std::vector<size_t> firstSamples;
        QSet<QString> ids;
    };
    std::vector<NewMeeting> newMeetings;
    QHash<QString, size_t> newMeetingIndex;
    std::vector<NewUsers> newUsers;
    QHash<MeetingNode *, size_t> newUsersIndex;
    // Each known user is looked up once, here; pass 2 reuses the node.
    // Hashing the ids is most of the per-sample cost at 50,000 samples/s,
    // and consecutive samples often come from the same meeting (a gateway
    // that walks its rooms), which a one-entry cache answers with one
    // comparison.
    std::vector<UserNode *> resolved(batch.size(), nullptr);
    MeetingNode *lastMeeting = nullptr;
    for (size_t i = 0; i < batch.size(); ++i) {
        const Sample &sample = batch[i];
        if (UserNode *const *known = m_userByIdentity.find(sample)) {
            resolved[i] = *known;
            lastMeeting = (*known)->meeting;
            continue;
        }
        MeetingNode *meeting = lastMeeting && lastMeeting->meetingId == sample.meetingId
            ? lastMeeting
            : m_meetingById.value(sample.meetingId, nullptr);
        if (meeting) {
            lastMeeting = meeting;
            if (UserNode *user = meeting->userById.value(sample.userId, nullptr)) {
                resolved[i] = user;
                m_userByIdentity.remember(sample, user);
                continue;
            }
            auto it = newUsersIndex.constFind(meeting);
            if (it == newUsersIndex.cend()) {
                it = newUsersIndex.insert(meeting, newUsers.size());
                newUsers.push_back({meeting, {}, {}});
            }
            NewUsers &entry = newUsers[*it];
            if (!entry.ids.contains(sample.userId)) {
                entry.ids.insert(sample.userId);
                entry.firstSamples.push_back(i);
            }
        } else {
            auto it = newMeetingIndex.constFind(sample.meetingId);
            if (it == newMeetingIndex.cend()) {
                it = newMeetingIndex.insert(sample.meetingId, newMeetings.size());
                newMeetings.push_back({sample.meetingId, {}});
            }
            newMeetings[*it].samples.push_back(i);
        }
    }

    // New meetings arrive with all their users and values in one insertion.
    if (!newMeetings.empty()) {
        const int first = meetingCount();
        notify.meetingsAboutToBeInserted(first, first + int(newMeetings.size()) - 1);
        for (const NewMeeting &entry : newMeetings) {
            MeetingNode *meeting = addMeeting(entry.id);
            for (const size_t i : entry.samples) {
                const Sample &sample = batch[i];
                UserNode *user = meeting->userById.value(sample.userId, nullptr);
                if (!user)
                    user = addUser(*meeting, sample.userId);
                applySample(*user, sample, nowMs);
                consumed[i] = 1;
            }
            recomputeAggregate(*meeting);
        }
        notify.meetingsInserted();
    }

    std::vector<MeetingNode *> touched;
    const auto touch = [&touched](MeetingNode *meeting) {
        if (!meeting->touched) {
            meeting->touched = true;
            touched.push_back(meeting);
        }
    };

    // New users of existing meetings: one insertion per meeting, each user
    // born with its first sample so that no view sees an empty row.
    for (const NewUsers &entry : newUsers) {
        MeetingNode &meeting = *entry.meeting;
        const int first = int(meeting.users.size());
        notify.usersAboutToBeInserted(meeting, first, first + int(entry.firstSamples.size()) - 1);
        for (const size_t i : entry.firstSamples) {
            UserNode *user = addUser(meeting, batch[i].userId);
            applySample(*user, batch[i], nowMs);
            consumed[i] = 1;
        }
        notify.usersInserted();
        touch(&meeting);
    }

    // Pass 2: value updates.
    for (size_t i = 0; i < batch.size(); ++i) {
        if (consumed[i])
            continue;
        const Sample &sample = batch[i];
        UserNode *user = resolved[i];
        if (!user) {
            // A user new in this batch, past its first sample.
            const MeetingNode *meeting = m_meetingById.value(sample.meetingId, nullptr);
            user = meeting ? meeting->userById.value(sample.userId, nullptr) : nullptr;
        }
        if (!user)
            continue; // cannot happen: pass 1 created every meeting and user
        MeetingNode *meeting = user->meeting;
        applySample(*user, sample, nowMs);
        meeting->changedFirst
            = meeting->changedFirst < 0 ? user->row : std::min(meeting->changedFirst, user->row);
        meeting->changedLast = std::max(meeting->changedLast, user->row);
        touch(meeting);
    }

    announceValueChanges(touched, notify);
}

void MeetingStore::refreshActivity(MeetingStoreObserver *observer)
{
    MeetingStoreObserver none;
    MeetingStoreObserver &notify = observer ? *observer : none;
    const qint64 nowMs = m_clock.nowMs();

    std::vector<char> meetingGone(m_meetings.size(), 0);
    bool anyMeetingGone = false;
    std::vector<MeetingNode *> touched;
    std::vector<char> departing;

    for (size_t m = 0; m < m_meetings.size(); ++m) {
        MeetingNode &meeting = *m_meetings[m];
        departing.assign(meeting.users.size(), 0);
        bool anyDeparting = false;
        bool anyStaying = false;
        for (size_t u = 0; u < meeting.users.size(); ++u) {
            if (nowMs - meeting.users[u]->lastSeenMs >= DepartAfterMs) {
                departing[u] = 1;
                anyDeparting = true;
            } else {
                anyStaying = true;
            }
        }
        if (!anyStaying) {
            // Everyone left: the meeting goes as a whole, below.
            meetingGone[m] = 1;
            anyMeetingGone = true;
            continue;
        }
        if (anyDeparting) {
            forEachRunBackwards(departing, [&](int first, int last) {
                notify.usersAboutToBeRemoved(meeting, first, last);
                removeUsers(meeting, first, last);
                notify.usersRemoved();
            });
            meeting.touched = true;
        }
        for (const auto &user : meeting.users) {
            if (user->active && nowMs - user->lastSeenMs >= InactiveAfterMs) {
                user->active = false;
                meeting.changedFirst = meeting.changedFirst < 0
                    ? user->row
                    : std::min(meeting.changedFirst, user->row);
                meeting.changedLast = std::max(meeting.changedLast, user->row);
                meeting.touched = true;
            }
        }
        if (meeting.touched)
            touched.push_back(&meeting);
    }

    if (anyMeetingGone) {
        forEachRunBackwards(meetingGone, [&](int first, int last) {
            notify.meetingsAboutToBeRemoved(first, last);
            removeMeetings(first, last);
            notify.meetingsRemoved();
        });
    }

    // Rows are final now; announce the value changes against them.
    announceValueChanges(touched, notify);
}

} // namespace mm
