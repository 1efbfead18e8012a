#pragma once

#include <QHash>
#include <QString>
#include <optional>

class QSqlDatabase;

namespace mm {

// A user row of the history (the `users` table), by user_key.
struct HistoryUser
{
    QString meetingId;
    QString userId;
    QString username; // latest known
};

// The users an export filter allows: every user when both ids are empty,
// else those of `meetingId` and/or with `userId`. nullopt (and *error) when
// the query fails.
std::optional<QHash<qint64, HistoryUser>> loadHistoryUsers(const QSqlDatabase &db,
                                                           const QString &meetingId,
                                                           const QString &userId,
                                                           QString *error);

} // namespace mm
