#pragma once

#include <Qt>

namespace mm {

// The meeting tree's columns. Meeting rows aggregate their active users;
// user rows show the latest sample.
enum class TreeColumn : int {
    Name,         // meeting: name, else id;     user: username, else user id
    Status,       // meeting: "3 of 4 active";   user: "Active" / "Inactive"
    Upload,       // kbps; meeting: sum over active users
    Download,     // kbps; meeting: sum over active users
    Latency,      // ms;   meeting: mean over active users with a value
    PacketLoss,   // %;    meeting: mean over active users with a value
    Jitter,       // ms;   meeting: mean over active users with a value
    Quality,      // meeting: 0-100 score;       user: level
    Issues,       // meeting: users with issues (fair or poor); user: empty
    Count_
};

enum class RowKind : int { Meeting = 1, User = 2 };

// Custom roles. Views turn these into colours, icons and sort order.
enum ModelRole : int {
    RawValueRole = Qt::UserRole + 1, // double for numeric cells, QVariant() when unknown
    QualityRole,      // int(mm::Quality): user's level, or the level of a meeting's score
    KindRole,         // int(mm::RowKind)
    ActiveRole,       // bool: user active (sample within 10 s); meeting: any user active
    MeetingIdRole,    // QString
    UserIdRole,       // QString (user rows only)
    HasIssueRole,     // bool: user fair/poor; meeting: at least one such user
    SearchTextRole,   // QString: ids and names, for the filter box
    LastSeenRole,     // qint64 ms since epoch of the newest sample
};

} // namespace mm
