#pragma once

#include "ingest/metricsdecoder.h"
#include "net/socketioclient.h"

#include <QMetaType>

namespace mm {

// A snapshot of the ingest path's counters, published a few times a second
// for the status bar, the recorder's log and --print-stats.
struct IngestStats
{
    ConnectionState state = ConnectionState::Idle;
    quint64 eventsReceived = 0;    // Socket.IO events on our namespace
    quint64 samplesAccepted = 0;
    quint64 alertsAccepted = 0;
    // Metrics events dropped undecoded because too many samples were still
    // waiting for the model and the history writer (IngestWorker::
    // MaxInFlightSamples): load shedding, counted, never silent.
    quint64 samplesShed = 0;
    quint64 namespaceConnects = 0; // the first connection and every reconnection
    qint64 lastConnectedMs = 0;    // wall clock of the latest one; 0 = never
    RejectCounters rejects;
    ProtocolCounters protocol;
    qint64 lastMessageMs = 0;      // receive time of the newest event; 0 = none yet
    QString lastError;             // last CONNECT_ERROR or disconnect reason, plain text
};

} // namespace mm

Q_DECLARE_METATYPE(mm::IngestStats)
