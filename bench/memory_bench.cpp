// Memory and model-update benchmark (issue 7: "10,000 users with 15
// minutes of 1 Hz history in at most 300 MB resident"): 10,000 users (1,000
// meetings of 10) streaming at 1 Hz for 15 simulated minutes into the real
// main window, composed as the application composes it: its tree model
// (which keeps each user's live history in memory) with the tree expanded,
// a user's chart showing, the alert engine fed every batch, and the history
// recorded by a real HistoryWriterThread into a temporary file (committed
// every simulated second, as the app's 1 s commits do) and read by a
// HistoryReader. Everything is painted offscreen. Only the network is left
// out: batches go in as the ingest thread would hand them over (for the
// whole process with its ingest thread, see ingest_bench's peak RSS at
// --rates 10000 --seconds 900). Time is simulated (the last 15 minutes up to
// now), so a run takes a minute or two, not 15.
//
// Prints the process's resident memory (VmRSS) before and after and its
// peak (VmHWM), bytes per stored sample, and the GUI-thread cost of applying
// one second's batch of 10,000 samples (model update + repaint).
//
//   QT_QPA_PLATFORM=offscreen bench/memory_bench [--users 10000] [--minutes 15] [--record 1]
#include "alertcoordinator.h"
#include "alerts/alertservice.h"
#include "core/clock.h"
#include "core/sample.h"
#include "history/historyreader.h"
#include "history/historywriter.h"
#include "ingest/metricsdecoder.h"
#include "mainwindow.h"
#include "model/meetingtreemodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTreeView>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <random>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {

class ManualClock final : public mm::Clock
{
public:
    qint64 nowMs() const override { return m_now; }
    void set(qint64 ms) { m_now = ms; }

private:
    qint64 m_now = 0;
};

// A "VmRSS:" or "VmHWM:" (peak) figure of /proc/self/status, in kB.
qint64 statusKb(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

qint64 residentKb()
{
    return statusKb("VmRSS:");
}

// Resident memory and, with glibc, how much of the heap malloc hands out
// versus holds (all arenas): a large gap is fragmentation or free memory
// kept by per-thread arenas, not data.
void printMemory(const char *when)
{
#if defined(__GLIBC__)
    const struct mallinfo2 info = mallinfo2();
    std::printf("%s: VmRSS %.1f MB, malloc in use %.1f MB, held %.1f MB (free in arenas %.1f MB)\n",
                when, double(residentKb()) / 1024,
                double(info.uordblks + info.hblkhd) / (1024.0 * 1024.0),
                double(info.arena + info.hblkhd) / (1024.0 * 1024.0),
                double(info.fordblks) / (1024.0 * 1024.0));
#else
    std::printf("%s: VmRSS %.1f MB\n", when, double(residentKb()) / 1024);
#endif
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption usersOpt(QStringLiteral("users"), QStringLiteral("Users."),
                                QStringLiteral("N"), QStringLiteral("10000"));
    QCommandLineOption minutesOpt(QStringLiteral("minutes"), QStringLiteral("Minutes of 1 Hz history."),
                                  QStringLiteral("N"), QStringLiteral("15"));
    QCommandLineOption recordOpt(QStringLiteral("record"),
                                 QStringLiteral("Record the history as the app does (1) or not (0)."),
                                 QStringLiteral("0|1"), QStringLiteral("1"));
    QCommandLineOption valuesOpt(
        QStringLiteral("values"),
        QStringLiteral("Metric values as the plan's browser client sends them (plan: whole kbps, "
                       "latency the mean of whole-ms peer RTTs, loss and jitter to 0.1) or drawn "
                       "at full double precision (full: the raw-block codec's widest form)."),
        QStringLiteral("plan|full"), QStringLiteral("plan"));
    parser.addOptions({usersOpt, minutesOpt, recordOpt, valuesOpt});
    parser.process(app);
    const int users = parser.value(usersOpt).toInt();
    const int seconds = parser.value(minutesOpt).toInt() * 60;
    const bool record = parser.value(recordOpt) != QLatin1String("0");
    const QString values = parser.value(valuesOpt);
    if (values != QLatin1String("plan") && values != QLatin1String("full")) {
        std::fprintf(stderr, "memory_bench: --values takes plan or full\n");
        return 2;
    }
    const bool planValues = values == QLatin1String("plan");
    constexpr int UsersPerMeeting = 10;

    // The last `seconds` up to now, on a minute boundary: the history keeps
    // these samples raw (24 h raw retention), as it would live.
    ManualClock clock;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 start = (now - qint64(seconds) * 1000) / 60000 * 60000;
    clock.set(start);

    // The application's history: recorded by the writer's own thread and
    // read back by the charts. Both outlive the window, as in main.cpp.
    QTemporaryDir historyDir;
    std::unique_ptr<mm::HistoryWriterThread> writer;
    std::unique_ptr<mm::HistoryReader> reader;
    if (record) {
        const QString path = historyDir.filePath(QStringLiteral("history.sqlite"));
        writer = std::make_unique<mm::HistoryWriterThread>(path);
        QString error;
        if (!historyDir.isValid() || !writer->start(&error)) {
            std::fprintf(stderr, "memory_bench: cannot record the history: %s\n",
                         qPrintable(error));
            return 1;
        }
        reader = std::make_unique<mm::HistoryReader>(path);
    }

    mm::MainWindow window(clock);
    window.setHistory(reader.get(), writer ? writer->writer() : nullptr);
    mm::MeetingTreeModel &model = *window.model();
    QTreeView &view = *window.treeView();
    window.resize(1400, 900);
    window.show();
    // A user's live chart shows throughout, as in ingest_bench.
    window.selectTarget(QStringLiteral("meeting-0"), QStringLiteral("user-0"));
    app.processEvents();
    const qint64 rssBefore = residentKb();
    printMemory("before the first sample");

    std::mt19937_64 rng(42);
    // A fleet like the load gateway's: each user keeps a base latency and
    // bandwidth and wanders around it; 2 % are troubled (satellite-like
    // latency). Values drawn afresh every second for everyone would make
    // every user's alerts flap, which no fleet does: the alert engine and
    // the incident table would then hold far more than they ever do.
    std::uniform_real_distribution<double> unit(0, 1);
    std::vector<double> baseLatency, baseKbps;
    for (int u = 0; u < users; ++u) {
        const bool troubled = unit(rng) < 0.02;
        baseLatency.push_back(troubled ? 500 + 250 * unit(rng) : 15 + 90 * unit(rng));
        baseKbps.push_back(600 + 3400 * unit(rng));
    }
    // Ids, names and identity numbers as the ingest thread's decoder hands
    // them out (shared strings, a number per user): one decoded payload per
    // user, whose strings the user's samples then share. The decoder stays
    // alive, with its tables, as it does in the app.
    mm::MetricsDecoder decoder;
    std::vector<mm::Sample> identities;
    identities.reserve(size_t(users));
    for (int u = 0; u < users; ++u) {
        const nlohmann::json payload = {
            {"meetingId", QStringLiteral("meeting-%1").arg(u / UsersPerMeeting).toStdString()},
            {"userId", QStringLiteral("user-%1").arg(u).toStdString()},
            {"metrics", {{"username", QStringLiteral("Người dùng %1").arg(u).toStdString()}}}};
        auto decoded = decoder.decodeMetrics(payload, start);
        if (!decoded) {
            std::fprintf(stderr, "memory_bench: the decoder rejected user %d\n", u);
            return 1;
        }
        identities.push_back(std::move(*decoded));
    }

    std::vector<double> tickMs;
    QElapsedTimer timer;
    for (int s = 0; s < seconds; ++s) {
        clock.set(start + qint64(s) * 1000);
        auto batch = std::make_shared<mm::SampleBatch>();
        batch->reserve(size_t(users));
        for (int u = 0; u < users; ++u) {
            mm::Sample sample;
            const mm::Sample &identity = identities[size_t(u)];
            sample.meetingId = identity.meetingId;
            sample.userId = identity.userId;
            sample.username = identity.username;
            sample.identity = identity.identity;
            sample.receivedMs = clock.nowMs();
            double lat = baseLatency[size_t(u)] * (0.9 + 0.2 * unit(rng));
            double up = baseKbps[size_t(u)] * (0.8 + 0.2 * unit(rng));
            double down = baseKbps[size_t(u)] * 1.5 * (0.8 + 0.2 * unit(rng));
            double loss = 1.5 * unit(rng);
            double jitter = lat / 10 * (0.5 + unit(rng));
            if (planValues) {
                // The plan's useWebRTCStats: Math.round per peer, summed
                // bitrates, the mean of the peers' whole-ms RTTs (so
                // latency often stays a full double: 412 / 9), loss to 0.1.
                constexpr int Peers = UsersPerMeeting - 1;
                double rttSum = 0;
                for (int p = 0; p < Peers; ++p)
                    rttSum += std::round(lat * (0.95 + 0.1 * unit(rng)));
                lat = rttSum / Peers;
                up = std::round(up);
                down = std::round(down);
                loss = std::round(loss * 10) / 10;
                jitter = std::round(jitter * 10) / 10;
            }
            sample.uploadKbps = up;
            sample.downloadKbps = down;
            sample.latencyMs = lat;
            sample.packetLossPct = loss;
            sample.jitterMs = jitter;
            sample.quality = mm::classifyQuality(*sample.latencyMs, *sample.packetLossPct);
            batch->push_back(std::move(sample));
        }
        if (s == 0)
            view.expandAll();
        // What the ingest thread's samplesArrived reaches: the writer (its
        // own thread), the alert engine and the model (GUI thread).
        if (writer) {
            mm::HistoryWriter *w = writer->writer();
            QMetaObject::invokeMethod(
                w, [w, batch] { w->writeBatch(batch); }, Qt::QueuedConnection);
        }
        window.alerts()->service()->onSamplesArrived(batch);
        timer.start();
        model.applyBatch(batch);
        app.processEvents(); // the repaint the batch caused
        tickMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        // One commit per simulated second, as the app's 1 s commits; it
        // also keeps the writer from falling behind the simulated clock.
        if (writer)
            writer->flush();
        // One line per simulated minute, so a short run gives the slope.
        if ((s + 1) % 60 == 0)
            printMemory(qPrintable(QStringLiteral("after %1 min").arg((s + 1) / 60)));
    }
    const qint64 rssAfter = residentKb();
    const qint64 rssPeak = statusKb("VmHWM:");
    const qint64 stored = writer ? writer->writer()->rowsCommitted() : -1;
    std::sort(tickMs.begin() + 1, tickMs.end());
    const double p50 = tickMs[tickMs.size() / 2];
    const double p99 = tickMs[size_t(double(tickMs.size() - 1) * 0.99)];

    const double samples = double(users) * seconds;
    std::printf("users: %d, history: %d s at 1 Hz (%.0f samples kept), values: %s\n", users, seconds,
                samples, qPrintable(values));
    std::printf("history recorded: %s\n",
                record ? qPrintable(QStringLiteral("%1 samples committed").arg(stored))
                       : "no (--record 0)");
    std::printf("resident memory of the whole process: %.1f MB before the first sample, %.1f MB "
                "after, peak %.1f MB (window, model with its live history, alerts, chart%s)\n",
                double(rssBefore) / 1024, double(rssAfter) / 1024, double(rssPeak) / 1024,
                record ? ", history writer and reader" : "");
    std::printf("growth per stored sample: %.1f bytes\n",
                double(rssAfter - rssBefore) * 1024.0 / samples);
    std::printf("one batch of %d samples on the GUI thread (model update + repaint): "
                "p50 %.1f ms, p99 %.1f ms, first %.1f ms\n",
                users, p50, p99, tickMs.front());
    return 0;
}
