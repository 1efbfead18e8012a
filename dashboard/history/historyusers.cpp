#include "historyusers.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace mm {

std::optional<QHash<qint64, HistoryUser>> loadHistoryUsers(const QSqlDatabase &db,
                                                           const QString &meetingId,
                                                           const QString &userId,
                                                           QString *error)
{
    QString sql = QStringLiteral("SELECT user_key, meeting_id, user_id, username FROM users WHERE 1");
    if (!meetingId.isEmpty())
        sql += QStringLiteral(" AND meeting_id = :meeting");
    if (!userId.isEmpty())
        sql += QStringLiteral(" AND user_id = :user");
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    if (!meetingId.isEmpty())
        query.bindValue(QStringLiteral(":meeting"), meetingId);
    if (!userId.isEmpty())
        query.bindValue(QStringLiteral(":user"), userId);
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    QHash<qint64, HistoryUser> users;
    while (query.next())
        users.insert(query.value(0).toLongLong(),
                     HistoryUser{query.value(1).toString(), query.value(2).toString(),
                                 query.value(3).toString()});
    return users;
}

} // namespace mm
