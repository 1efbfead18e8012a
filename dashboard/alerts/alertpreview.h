#pragma once

#include "alerts/alertrules.h"
#include "core/sample.h"

#include <QCoreApplication>
#include <QString>

#include <array>
#include <functional>

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

// "What would these rules have raised?": replays stored samples through a
// fresh AlertEngine on a clock that follows the samples' receive times, as
// if the dashboard had been watching with `rules`. Gaps in the samples are
// periods nobody recorded, not gateway outages: gateway-down is left out
// and per-user time runs on (users time out across a gap).
class AlertPreview final
{
    Q_DECLARE_TR_FUNCTIONS(mm::AlertPreview)
public:
    static AlertPreviewResult run(const AlertRules &rules, const SampleSource &source,
                                  qint64 fromMs, qint64 toMs);
};

// A SampleSource over the live store's recent 1 Hz history (each user's
// last MeetingStore::historySeconds()). The samples are copied when called,
// so the store may change afterwards.
SampleSource storeSampleSource(const MeetingStore &store);

} // namespace mm
