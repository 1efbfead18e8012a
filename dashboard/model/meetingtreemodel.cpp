#include "meetingtreemodel.h"

#include "ingest/metricsdecoder.h"

namespace mm {

namespace {

// internalId of user indexes: the node's address times an odd constant.
// Qt 6.4's qHash(QModelIndex) is (row << 4) + column + internalId, which
// collides badly for raw addresses of nearby nodes and makes persistent-index
// bookkeeping 60-70x slower (performance-notes.md §4); the multiplication
// spreads them and is undone exactly with the modular inverse. Meeting
// indexes use internalId 0 (their hash is then unique per row and column).
constexpr quintptr Spread = quintptr(0x9E3779B97F4A7C15ull);

constexpr quintptr inverseOf(quintptr odd)
{
    quintptr inverse = odd; // Newton's iteration doubles the correct bits each step
    for (int i = 0; i < 6; ++i)
        inverse *= quintptr(2) - odd * inverse;
    return inverse;
}
constexpr quintptr Unspread = inverseOf(Spread);
static_assert(Spread * Unspread == 1, "modular inverse");

quintptr encode(const UserNode *user)
{
    return quintptr(user) * Spread;
}

const UserNode *decode(quintptr id)
{
    return reinterpret_cast<const UserNode *>(id * Unspread);
}

bool isNumericColumn(int column)
{
    return column >= int(TreeColumn::Status) && column < int(TreeColumn::Count_);
}

QString emDash()
{
    return QStringLiteral("\u2014");
}

} // namespace

MeetingTreeModel::MeetingTreeModel(const Clock &clock, QObject *parent)
    : QAbstractItemModel(parent)
    , m_store(clock)
{
    registerSampleMetaTypes();
    m_activityTimer.setInterval(ActivityIntervalMs);
    connect(&m_activityTimer, &QTimer::timeout, this, &MeetingTreeModel::refreshActivity);
    m_activityTimer.start();
}

MeetingTreeModel::~MeetingTreeModel() = default;

void MeetingTreeModel::setLocale(const QLocale &locale)
{
    m_locale = locale;
    if (m_store.meetingCount() > 0) {
        // Every number's text changes; still a value change, not a reset.
        emit dataChanged(index(0, 0), index(m_store.meetingCount() - 1, columnCount() - 1));
        for (int row = 0; row < m_store.meetingCount(); ++row) {
            const QModelIndex parent = index(row, 0);
            const int users = rowCount(parent);
            if (users > 0)
                emit dataChanged(index(0, 0, parent), index(users - 1, columnCount() - 1, parent));
        }
    }
}

QModelIndex MeetingTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= int(TreeColumn::Count_))
        return {};
    if (!parent.isValid()) {
        if (row >= m_store.meetingCount())
            return {};
        return createIndex(row, column, quintptr(0));
    }
    const MeetingNode *meeting = meetingAt(parent);
    if (!meeting || parent.column() != 0 || row >= int(meeting->users.size()))
        return {};
    return createIndex(row, column, encode(meeting->users[size_t(row)].get()));
}

QModelIndex MeetingTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(decode(child.internalId())->meeting->row, 0, quintptr(0));
}

int MeetingTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_store.meetingCount();
    if (parent.column() != 0)
        return 0;
    const MeetingNode *meeting = meetingAt(parent);
    return meeting ? int(meeting->users.size()) : 0;
}

int MeetingTreeModel::columnCount(const QModelIndex &) const
{
    return int(TreeColumn::Count_);
}

Qt::ItemFlags MeetingTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.internalId() != 0)
        result |= Qt::ItemNeverHasChildren;
    return result;
}

const MeetingNode *MeetingTreeModel::meetingAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() != 0)
        return nullptr;
    if (index.row() >= m_store.meetingCount())
        return nullptr;
    return &m_store.meetingAt(index.row());
}

const UserNode *MeetingTreeModel::userAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == 0)
        return nullptr;
    return decode(index.internalId());
}

QModelIndex MeetingTreeModel::indexOf(const QString &meetingId, const QString &userId) const
{
    const MeetingNode *meeting = m_store.findMeeting(meetingId);
    if (!meeting)
        return {};
    if (userId.isEmpty())
        return createIndex(meeting->row, 0, quintptr(0));
    const UserNode *user = meeting->userById.value(userId, nullptr);
    return user ? createIndex(user->row, 0, encode(user)) : QModelIndex();
}

QVariant MeetingTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    if (const UserNode *user = userAt(index))
        return userData(*user, index.column(), role);
    if (const MeetingNode *meeting = meetingAt(index))
        return meetingData(*meeting, index.column(), role);
    return {};
}

QVariant MeetingTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= int(TreeColumn::Count_))
        return {};
    if (role == Qt::TextAlignmentRole) {
        // Headers line up with their cells: the delegates draw status and
        // quality as left-aligned text (with an icon), numbers to the right.
        const bool leftAligned = section == int(TreeColumn::Name)
                              || section == int(TreeColumn::Status)
                              || section == int(TreeColumn::Quality);
        return QVariant::fromValue(leftAligned ? Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter)
                                               : Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole && role != Qt::ToolTipRole)
        return {};
    switch (TreeColumn(section)) {
    case TreeColumn::Name:
        return tr("Name");
    case TreeColumn::Status:
        return tr("Status");
    case TreeColumn::Upload:
        return tr("Upload (kbps)");
    case TreeColumn::Download:
        return tr("Download (kbps)");
    case TreeColumn::Latency:
        return tr("Latency (ms)");
    case TreeColumn::PacketLoss:
        return tr("Packet loss (%)");
    case TreeColumn::Jitter:
        return tr("Jitter (ms)");
    case TreeColumn::Quality:
        return tr("Quality");
    case TreeColumn::Issues:
        return tr("Issues", "users with fair or poor connections");
    case TreeColumn::Count_:
        break;
    }
    return {};
}

QString MeetingTreeModel::numberText(const Metric &value, int decimals) const
{
    return value ? m_locale.toString(*value, 'f', decimals) : emDash();
}

QString MeetingTreeModel::qualityText(Quality quality) const
{
    switch (quality) {
    case Quality::Excellent:
        return tr("Excellent");
    case Quality::Good:
        return tr("Good");
    case Quality::Fair:
        return tr("Fair");
    case Quality::Poor:
        return tr("Poor");
    case Quality::Unknown:
        break;
    }
    return tr("Unknown", "connection quality");
}

QString MeetingTreeModel::meetingText(const MeetingNode &meeting, int column) const
{
    const MeetingAggregate &a = meeting.aggregate;
    switch (TreeColumn(column)) {
    case TreeColumn::Name:
        return meeting.meetingName.isEmpty()
            ? sanitizeUntrustedText(meeting.meetingId, MetricsDecoder::MaxIdLength)
            : meeting.meetingName;
    case TreeColumn::Status:
        return tr("%1 of %2 active")
            .arg(m_locale.toString(a.activeUsers), m_locale.toString(a.totalUsers));
    case TreeColumn::Upload:
        return numberText(a.uploadKbps, 0);
    case TreeColumn::Download:
        return numberText(a.downloadKbps, 0);
    case TreeColumn::Latency:
        return numberText(a.latencyMs, 0);
    case TreeColumn::PacketLoss:
        return numberText(a.packetLossPct, 1);
    case TreeColumn::Jitter:
        return numberText(a.jitterMs, 0);
    case TreeColumn::Quality:
        return a.score
            ? tr("%1 / 100", "meeting quality score").arg(m_locale.toString(qRound(*a.score)))
            : emDash();
    case TreeColumn::Issues:
        return m_locale.toString(a.usersWithIssues);
    case TreeColumn::Count_:
        break;
    }
    return {};
}

QString MeetingTreeModel::userText(const UserNode &user, int column) const
{
    const Sample &s = user.latest;
    switch (TreeColumn(column)) {
    case TreeColumn::Name:
        return user.username.isEmpty()
            ? sanitizeUntrustedText(user.userId, MetricsDecoder::MaxIdLength)
            : user.username;
    case TreeColumn::Status:
        return user.active ? tr("Active") : tr("Inactive");
    case TreeColumn::Upload:
        return numberText(s.uploadKbps, 0);
    case TreeColumn::Download:
        return numberText(s.downloadKbps, 0);
    case TreeColumn::Latency:
        return numberText(s.latencyMs, 0);
    case TreeColumn::PacketLoss:
        return numberText(s.packetLossPct, 1);
    case TreeColumn::Jitter:
        return numberText(s.jitterMs, 0);
    case TreeColumn::Quality:
        return qualityText(s.quality);
    case TreeColumn::Issues:
    case TreeColumn::Count_:
        break;
    }
    return {};
}

QVariant MeetingTreeModel::meetingRaw(const MeetingNode &meeting, int column) const
{
    const MeetingAggregate &a = meeting.aggregate;
    const auto raw = [](const Metric &value) { return value ? QVariant(*value) : QVariant(); };
    switch (TreeColumn(column)) {
    case TreeColumn::Name:
        return {};
    case TreeColumn::Status:
        return double(a.activeUsers);
    case TreeColumn::Upload:
        return raw(a.uploadKbps);
    case TreeColumn::Download:
        return raw(a.downloadKbps);
    case TreeColumn::Latency:
        return raw(a.latencyMs);
    case TreeColumn::PacketLoss:
        return raw(a.packetLossPct);
    case TreeColumn::Jitter:
        return raw(a.jitterMs);
    case TreeColumn::Quality:
        return raw(a.score);
    case TreeColumn::Issues:
        return double(a.usersWithIssues);
    case TreeColumn::Count_:
        break;
    }
    return {};
}

QVariant MeetingTreeModel::userRaw(const UserNode &user, int column) const
{
    const Sample &s = user.latest;
    const auto raw = [](const Metric &value) { return value ? QVariant(*value) : QVariant(); };
    switch (TreeColumn(column)) {
    case TreeColumn::Status:
        return user.active ? 1.0 : 0.0;
    case TreeColumn::Upload:
        return raw(s.uploadKbps);
    case TreeColumn::Download:
        return raw(s.downloadKbps);
    case TreeColumn::Latency:
        return raw(s.latencyMs);
    case TreeColumn::PacketLoss:
        return raw(s.packetLossPct);
    case TreeColumn::Jitter:
        return raw(s.jitterMs);
    case TreeColumn::Quality: {
        const auto score = qualityScore(s.quality);
        return score ? QVariant(double(*score)) : QVariant();
    }
    case TreeColumn::Name:
    case TreeColumn::Issues:
    case TreeColumn::Count_:
        break;
    }
    return {};
}

QVariant MeetingTreeModel::meetingData(const MeetingNode &meeting, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return meetingText(meeting, column);
    case Qt::ToolTipRole:
        // Only for unknown cells, and never with client text: tooltips may be
        // rendered as rich text.
        if (isNumericColumn(column) && !meetingRaw(meeting, column).isValid())
            return tr("unknown");
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(isNumericColumn(column)
                                       ? Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter)
                                       : Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    case RawValueRole:
        return meetingRaw(meeting, column);
    case QualityRole:
        return int(meeting.aggregate.scoreLevel);
    case KindRole:
        return int(RowKind::Meeting);
    case ActiveRole:
        return meeting.aggregate.activeUsers > 0;
    case MeetingIdRole:
        return meeting.meetingId;
    case HasIssueRole:
        return meeting.aggregate.usersWithIssues > 0;
    case SearchTextRole:
        return meeting.meetingName.isEmpty()
            ? meeting.meetingId
            : meeting.meetingId + QLatin1Char('\n') + meeting.meetingName;
    case LastSeenRole:
        return meeting.aggregate.lastSeenMs;
    default:
        return {};
    }
}

QVariant MeetingTreeModel::userData(const UserNode &user, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return userText(user, column);
    case Qt::ToolTipRole:
        if (isNumericColumn(column) && column != int(TreeColumn::Issues)
            && !userRaw(user, column).isValid())
            return tr("unknown");
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(isNumericColumn(column)
                                       ? Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter)
                                       : Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    case RawValueRole:
        return userRaw(user, column);
    case QualityRole:
        return int(user.latest.quality);
    case KindRole:
        return int(RowKind::User);
    case ActiveRole:
        return user.active;
    case MeetingIdRole:
        return user.meeting->meetingId;
    case UserIdRole:
        return user.userId;
    case HasIssueRole:
        return user.hasActiveIssue();
    case SearchTextRole:
        return user.username.isEmpty() ? user.userId
                                       : user.userId + QLatin1Char('\n') + user.username;
    case LastSeenRole:
        return user.lastSeenMs;
    default:
        return {};
    }
}

void MeetingTreeModel::applyBatch(SampleBatchPtr batch)
{
    if (!batch || batch->empty())
        return;
    m_store.applyBatch(*batch, this);
    emitTotalsIfChanged();
}

void MeetingTreeModel::refreshActivity()
{
    m_store.refreshActivity(this);
    emitTotalsIfChanged();
}

void MeetingTreeModel::emitTotalsIfChanged()
{
    if (m_lastMeetingCount == meetingCount() && m_lastUserCount == userCount()
        && m_lastActiveCount == activeUserCount())
        return;
    m_lastMeetingCount = meetingCount();
    m_lastUserCount = userCount();
    m_lastActiveCount = activeUserCount();
    emit totalsChanged();
}

void MeetingTreeModel::meetingsAboutToBeInserted(int first, int last)
{
    beginInsertRows({}, first, last);
}

void MeetingTreeModel::meetingsInserted()
{
    endInsertRows();
}

void MeetingTreeModel::usersAboutToBeInserted(const MeetingNode &meeting, int first, int last)
{
    beginInsertRows(createIndex(meeting.row, 0, quintptr(0)), first, last);
}

void MeetingTreeModel::usersInserted()
{
    endInsertRows();
}

void MeetingTreeModel::meetingsAboutToBeRemoved(int first, int last)
{
    beginRemoveRows({}, first, last);
}

void MeetingTreeModel::meetingsRemoved()
{
    endRemoveRows();
}

void MeetingTreeModel::usersAboutToBeRemoved(const MeetingNode &meeting, int first, int last)
{
    beginRemoveRows(createIndex(meeting.row, 0, quintptr(0)), first, last);
}

void MeetingTreeModel::usersRemoved()
{
    endRemoveRows();
}

void MeetingTreeModel::usersChanged(const MeetingNode &meeting, int first, int last)
{
    const QModelIndex parent = createIndex(meeting.row, 0, quintptr(0));
    emit dataChanged(index(first, 0, parent), index(last, columnCount() - 1, parent));
}

void MeetingTreeModel::meetingsChanged(int first, int last)
{
    emit dataChanged(index(first, 0), index(last, columnCount() - 1));
}

} // namespace mm
