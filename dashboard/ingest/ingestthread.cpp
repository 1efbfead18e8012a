#include "ingestthread.h"

namespace mm {

IngestThread::IngestThread(SocketIoConfig config, const Clock &clock, int flushIntervalMs,
                           QObject *parent)
    : QObject(parent)
    , m_worker(new IngestWorker(std::move(config), clock, flushIntervalMs))
{
    registerSampleMetaTypes();
    qRegisterMetaType<mm::IngestStats>();
    qRegisterMetaType<mm::ConnectionState>();
    m_thread.setObjectName(QStringLiteral("ingest"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
}

IngestThread::~IngestThread()
{
    const bool neverStarted = !m_thread.isRunning() && !m_thread.isFinished();
    stop();
    if (neverStarted)
        delete m_worker;
}

void IngestThread::start()
{
    if (m_thread.isRunning())
        return;
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &IngestWorker::start, Qt::QueuedConnection);
}

void IngestThread::stop()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(m_worker, &IngestWorker::stop, Qt::BlockingQueuedConnection);
    m_finalStats = stats();
    m_thread.quit();
    m_thread.wait();
}

IngestStats IngestThread::stats() const
{
    if (!m_thread.isRunning())
        return m_finalStats;
    IngestStats result;
    QMetaObject::invokeMethod(
        m_worker, [this] { return m_worker->stats(); }, Qt::BlockingQueuedConnection, &result);
    return result;
}

} // namespace mm
