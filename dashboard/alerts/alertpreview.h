#pragma once

#include "alerts/alertrules.h"
#include "core/sample.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <QThread>

#include <array>
#include <atomic>
#include <functional>
#include <memory>

namespace mm {

class MeetingStore;

// Receives samples in time order (receivedMs ascending); returns false to
// stop early.
using SampleSink = std::function<bool(const SampleBatch &batch)>;
// Yields the samples received in [fromMs, toMs) to `sink`, in time order,
// in batches of any size. False (with a reason in *error) when the samples
// cannot be read. The preview does not care where they come from: the live
// store's recent history, or the history database.
using SampleSource
    = std::function<bool(qint64 fromMs, qint64 toMs, const SampleSink &sink, QString *error)>;

struct AlertPreviewResult
{
    bool ok = false;
    bool cancelled = false; // stopped by AlertPreviewControl::cancel (ok is false)
    QString error; // translated, when !ok
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 samples = 0;
    qint64 firstSampleMs = 0; // 0 when there was no sample
    qint64 lastSampleMs = 0;
    // Incidents that fired, per rule-bearing type (a reopened incident counts
    // once). gateway-down cannot be judged from samples and stays 0.
    std::array<int, AlertTypeCount> fired {};

    int totalFired() const;
};

// Shared between a preview running in another thread and whoever watches
// it: the run polls `cancelled` with every batch and publishes how far it
// got, so the watcher needs no signal per batch.
struct AlertPreviewControl
{
    std::atomic<bool> cancelled {false};
    std::atomic<int> permille {0}; // 0..1000 of [fromMs, toMs) replayed

    void cancel() { cancelled.store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return cancelled.load(std::memory_order_relaxed); }
};

// "What would these rules have raised?": replays stored samples through a
// fresh AlertEngine on a clock that follows the samples' receive times, as
// if the dashboard had been watching with `rules`. Gaps in the samples are
// periods nobody recorded, not gateway outages: gateway-down is left out
// and per-user time runs on (users time out across a gap).
class AlertPreview final
{
    Q_DECLARE_TR_FUNCTIONS(mm::AlertPreview)
public:
    // `control` (optional) reports progress and stops the run early; a
    // cancelled run returns cancelled = true, ok = false.
    static AlertPreviewResult run(const AlertRules &rules, const SampleSource &source,
                                  qint64 fromMs, qint64 toMs,
                                  AlertPreviewControl *control = nullptr);
};

class AlertPreviewWorker;

// Runs previews off the calling thread: seven days of history can take
// seconds to replay, and the rules editor must stay responsive and
// cancellable meanwhile. Like HistoryReader, it owns a thread with a worker
// in it; each start() returns an id that finished() echoes. The source is
// called in the runner's thread, so it must not touch objects of the
// caller's (storeSnapshotSource copies the live store first; a history
// source opens its own connection).
class AlertPreviewRunner final : public QObject
{
    Q_OBJECT
public:
    explicit AlertPreviewRunner(QObject *parent = nullptr);
    ~AlertPreviewRunner() override; // cancels what runs and joins

    quint64 start(const AlertRules &rules, SampleSource source, qint64 fromMs, qint64 toMs);
    // Cancels the current run; its finished() still comes, with cancelled set.
    void cancel();
    bool isRunning() const { return m_running != 0; }
    // Progress of the current run, 0..1000.
    int permille() const;

signals:
    void finished(quint64 runId, const mm::AlertPreviewResult &result);

private:
    QThread m_thread;
    AlertPreviewWorker *m_worker; // lives in m_thread
    std::shared_ptr<AlertPreviewControl> m_control;
    quint64 m_nextId = 1;
    quint64 m_running = 0;
};

// A SampleSource over the live store's recent 1 Hz history (each user's
// last MeetingStore::historySeconds()). The samples are copied when called,
// so the store may change afterwards.
SampleSource storeSampleSource(const MeetingStore &store);
// The same samples, copied now: the returned source owns its copy and may
// run in any thread (AlertPreviewRunner).
SampleSource storeSnapshotSource(const MeetingStore &store);

} // namespace mm

Q_DECLARE_METATYPE(mm::AlertPreviewResult)
