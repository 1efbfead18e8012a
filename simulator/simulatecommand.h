#pragma once

#include "history/historywriter.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <string_view>

class QIODevice;

namespace mm {

class MetricsDecoder;

// A past period of the simulator's fleet, written into a history through
// the recorder's writer (HistoryWriterThread), as if a recorder had run:
//  - working hours 09:00-17:00 UTC every day: the fleet's `users` people
//    in long meetings (the same people every day, so a week-long user chart
//    has five busy stretches); on Saturdays and Sundays a weekend crew of
//    30 % of that size;
//  - the other 16 hours: a few night owls (2 % of the fleet, short meetings).
// Raw samples land only for the last raw-retention period; older ones only
// as rollups (the writer skips raw outside the retention).
struct SimulateOptions
{
    QString dbPath;
    int days = 7;
    int users = 1000;
    quint64 seed = 1;
    qint64 endMs = 0; // the period ends here (normally now)
    HistoryRetention retention;
};

struct SimulateResult
{
    qint64 samples = 0;  // handed to the writer
    qint64 committed = 0;
    qint64 payloadsDecodedSlowly = 0; // through the general JSON decoder
};

// Runs the simulation; progress lines go to `progress` (may be null).
// False with the reason in *error when the history cannot be written.
bool simulateHistory(const SimulateOptions &options, QIODevice *progress, SimulateResult *result,
                     QString *error);

// The simulator's own metrics payloads, read without a JSON DOM: a flat
// object with string and number members and one flat `metrics` object, the
// same field names, ranges and rules as MetricsDecoder. Anything else
// (escapes, nesting, other shapes) returns nullopt, and the caller uses
// MetricsDecoder instead. Exposed for the test that holds the two equal.
std::optional<Sample> decodeSimulatorPayload(std::string_view json, qint64 receivedMs);

// `meeting-monitor simulate --days N --users N --db FILE [--seed S]
// [--raw-retention HOURS]`; returns the exit code (0, 1 runtime, 2 usage).
int runSimulateCommand(const QStringList &arguments, QIODevice &out, QIODevice &err);

} // namespace mm
