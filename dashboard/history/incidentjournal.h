#pragma once

#include "alerts/alertengine.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <functional>
#include <vector>

namespace mm {

class IncidentJournalWorker;

// Keeps the silences an admin sets in the window in the history database,
// so that they outlive a restart of the window within their duration (the
// incidents themselves, acknowledgements included, go through
// HistoryWriter::writeIncidents). Writes run on the journal's own thread
// with its own connection, like HistoryReader's reads: a click never waits
// for a database lock. The table is created if missing; it is not part of
// the versioned schema, so readers and older builds simply ignore it:
//
//   silences(meeting_id TEXT, user_id TEXT, type TEXT,   ('' = any)
//            until_ms INTEGER, created_ms INTEGER, created_by TEXT,
//            comment TEXT, PRIMARY KEY(created_ms, meeting_id, user_id, type))
//
// A silence is identified across runs by (created_ms, meeting, user, type):
// the engine's ids start again at 1 in every run.
class IncidentJournal final : public QObject
{
    Q_OBJECT
public:
    explicit IncidentJournal(QString databasePath, QObject *parent = nullptr);
    ~IncidentJournal() override; // finishes queued writes, then joins

    QString databasePath() const { return m_path; }

    void saveSilence(const Silence &silence);
    void removeSilence(const Silence &silence);
    // Reads the silences still running at nowMs (and deletes expired ones);
    // silencesLoaded() brings them to this object's thread.
    void loadSilences(qint64 nowMs);
    // Blocks until everything queued so far has run (tests, shutdown).
    void waitForIdle();

signals:
    void silencesLoaded(const std::vector<mm::Silence> &silences);
    // Plain text for people; the journal keeps going.
    void failed(const QString &message);

private:
    using SilenceWrite = bool (IncidentJournalWorker::*)(const Silence &, QString *);
    // Runs `write` in the worker's thread; a failure comes back as failed().
    void postWrite(SilenceWrite write, const Silence &silence);

    QString m_path;
    QThread m_thread;
    IncidentJournalWorker *m_worker; // lives in m_thread
};

} // namespace mm
