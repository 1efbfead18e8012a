#pragma once

#include "history/historyseries.h"

#include <QObject>
#include <QThread>
#include <memory>

namespace mm {

class HistoryQueryWorker;

// Reads history off the GUI thread: every request runs on the reader's own
// thread with its own read-only connection, and its result arrives as a
// signal in the requester's thread. Ranges within the raw retention come
// from raw samples, longer ones from per-minute rollups. Opening a database
// a recorder is writing is fine (WAL): the reader never writes to it.
class HistoryReader final : public QObject
{
    Q_OBJECT
public:
    explicit HistoryReader(QString databasePath, QObject *parent = nullptr);
    ~HistoryReader() override;

    QString databasePath() const { return m_path; }

    // Each returns a request id, echoed by the matching signal.
    quint64 requestUser(const QString &meetingId, const QString &userId, qint64 fromMs,
                        qint64 toMs);
    quint64 requestMeeting(const QString &meetingId, qint64 fromMs, qint64 toMs);
    quint64 requestFleet(qint64 fromMs, qint64 toMs);

signals:
    void userSeriesReady(quint64 requestId, const mm::UserSeries &series);
    void meetingSeriesReady(quint64 requestId, const mm::MeetingSeries &series);
    void fleetSeriesReady(quint64 requestId, const mm::FleetSeries &series);
    // Plain text for people (no such database, locked, corrupt, ...).
    void requestFailed(quint64 requestId, const QString &error);

private:
    QString m_path;
    QThread m_thread;
    HistoryQueryWorker *m_worker; // lives in m_thread
    quint64 m_nextId = 1;
};

} // namespace mm
