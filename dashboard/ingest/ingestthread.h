#pragma once

#include "ingest/ingestworker.h"

#include <QThread>

namespace mm {

// Runs an IngestWorker on a thread of its own, so that frames are parsed
// and decoded off the GUI thread. Connect to worker()'s signals: they arrive
// queued in the receiver's thread.
class IngestThread final : public QObject
{
    Q_OBJECT
public:
    IngestThread(SocketIoConfig config, const Clock &clock,
                 int flushIntervalMs = IngestWorker::DefaultFlushIntervalMs,
                 QObject *parent = nullptr);
    ~IngestThread() override; // stops and joins

    IngestWorker *worker() const { return m_worker; }

    void start();
    // Closes the connection, flushes the last batch and joins the thread.
    void stop();

    // The worker's counters now (a blocking call into its thread), or as
    // they were when stop() ended it.
    IngestStats stats() const;

private:
    QThread m_thread;
    IngestStats m_finalStats;
    IngestWorker *m_worker; // lives in m_thread, deleted there
};

} // namespace mm
