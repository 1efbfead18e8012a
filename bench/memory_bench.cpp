// Memory and model-update benchmark: 10,000 users (1,000 meetings of 10)
// streaming at 1 Hz for 15 simulated minutes into the real tree model,
// shown in the real main window with its tree expanded (offscreen). Prints
// resident memory before
// and after, bytes per stored sample, and the GUI-thread cost of applying
// one second's batch of 10,000 samples (model update + repaint).
//
//   QT_QPA_PLATFORM=offscreen bench/memory_bench [--users 10000] [--minutes 15]
#include "core/clock.h"
#include "core/sample.h"
#include "mainwindow.h"
#include "model/meetingtreemodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QTreeView>
#include <algorithm>
#include <cstdio>
#include <random>

namespace {

class ManualClock final : public mm::Clock
{
public:
    qint64 nowMs() const override { return m_now; }
    void set(qint64 ms) { m_now = ms; }

private:
    qint64 m_now = 0;
};

qint64 residentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
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
    parser.addOptions({usersOpt, minutesOpt});
    parser.process(app);
    const int users = parser.value(usersOpt).toInt();
    const int seconds = parser.value(minutesOpt).toInt() * 60;
    constexpr int UsersPerMeeting = 10;

    ManualClock clock;
    const qint64 start = 1'780'000'000'000;
    clock.set(start);
    mm::MainWindow window(clock);
    mm::MeetingTreeModel &model = *window.model();
    QTreeView &view = *window.treeView();
    window.resize(1400, 900);
    window.show();
    app.processEvents();
    const qint64 rssBefore = residentKb();

    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> latency(20, 450), loss(0, 6), kbps(100, 4000);
    std::vector<QString> meetingIds, userIds, names;
    for (int u = 0; u < users; ++u) {
        meetingIds.push_back(QStringLiteral("meeting-%1").arg(u / UsersPerMeeting));
        userIds.push_back(QStringLiteral("user-%1").arg(u));
        names.push_back(QStringLiteral("Người dùng %1").arg(u));
    }

    std::vector<double> tickMs;
    QElapsedTimer timer;
    for (int s = 0; s < seconds; ++s) {
        clock.set(start + qint64(s) * 1000);
        auto batch = std::make_shared<mm::SampleBatch>();
        batch->reserve(size_t(users));
        for (int u = 0; u < users; ++u) {
            mm::Sample sample;
            sample.meetingId = meetingIds[size_t(u)];
            sample.userId = userIds[size_t(u)];
            sample.username = names[size_t(u)];
            sample.receivedMs = clock.nowMs();
            sample.uploadKbps = kbps(rng);
            sample.downloadKbps = kbps(rng);
            sample.latencyMs = latency(rng);
            sample.packetLossPct = loss(rng);
            sample.jitterMs = latency(rng) / 10;
            sample.quality = mm::classifyQuality(*sample.latencyMs, *sample.packetLossPct);
            batch->push_back(std::move(sample));
        }
        if (s == 0)
            view.expandAll();
        timer.start();
        model.applyBatch(batch);
        app.processEvents(); // the repaint the batch caused
        tickMs.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    const qint64 rssAfter = residentKb();
    std::sort(tickMs.begin() + 1, tickMs.end());
    const double p50 = tickMs[tickMs.size() / 2];
    const double p99 = tickMs[size_t(double(tickMs.size() - 1) * 0.99)];

    const double samples = double(users) * seconds;
    std::printf("users: %d, history: %d s at 1 Hz (%.0f samples kept)\n", users, seconds, samples);
    std::printf("resident memory: %.1f MB before, %.1f MB after (window, model and history)\n",
                double(rssBefore) / 1024, double(rssAfter) / 1024);
    std::printf("growth per stored sample: %.1f bytes\n",
                double(rssAfter - rssBefore) * 1024.0 / samples);
    std::printf("one batch of %d samples on the GUI thread (model update + repaint): "
                "p50 %.1f ms, p99 %.1f ms, first %.1f ms\n",
                users, p50, p99, tickMs.front());
    return 0;
}
