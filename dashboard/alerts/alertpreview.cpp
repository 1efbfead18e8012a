#include "alerts/alertpreview.h"

#include "alerts/alertengine.h"
#include "core/clock.h"
#include "model/meetingstore.h"

#include <QSet>

#include <algorithm>
#include <limits>

namespace mm {

namespace {

constexpr qint64 StepMs = 1000;
// After this long without samples every time-driven transition (user gone,
// clear times, gateway resolve) has happened; evaluating each second of a
// longer gap would only cost time.
constexpr qint64 SettleMs = 180'000;

class ReplayClock final : public Clock
{
public:
    qint64 nowMs() const override { return m_now; }
    void set(qint64 ms) { m_now = std::max(m_now, ms); }

private:
    qint64 m_now = 0;
};

} // namespace

int AlertPreviewResult::totalFired() const
{
    int total = 0;
    for (const int count : fired)
        total += count;
    return total;
}

AlertPreviewResult AlertPreview::run(const AlertRules &rules, const SampleSource &source,
                                     qint64 fromMs, qint64 toMs, AlertPreviewControl *control)
{
    AlertPreviewResult result;
    result.fromMs = fromMs;
    result.toMs = toMs;
    if (!source || toMs <= fromMs) {
        result.error = tr("There is no history to replay.");
        return result;
    }
    if (const std::optional<QString> invalid = rules.validate()) {
        result.error = *invalid;
        return result;
    }

    AlertRules replayRules = rules;
    replayRules.rule(AlertType::GatewayDown).enabled = false;
    replayRules.gatewaySilenceMs = 0;

    ReplayClock clock;
    clock.set(fromMs);
    AlertEngine engine(clock, replayRules);
    (void)engine.setGatewayConnected(true);

    QSet<quint64> firedIds;
    const auto count = [&](const IncidentChanges &changes) {
        for (const IncidentChange &change : changes) {
            if (change.event != IncidentEvent::Fired || firedIds.contains(change.incident.id))
                continue;
            firedIds.insert(change.incident.id);
            const int type = int(change.incident.type);
            if (type >= 0 && type < AlertTypeCount)
                ++result.fired[size_t(type)];
        }
    };

    qint64 lastEvaluateMs = fromMs;
    // Evaluates each second up to `untilMs`, skipping the inside of long gaps.
    const auto advanceTo = [&](qint64 untilMs) {
        qint64 next = lastEvaluateMs + StepMs;
        const qint64 settledAt = lastEvaluateMs + SettleMs;
        while (next <= untilMs) {
            if (next > settledAt) {
                next = untilMs;
            }
            clock.set(next);
            count(engine.evaluate());
            lastEvaluateMs = next;
            next += StepMs;
        }
    };

    SampleBatch second; // samples of one second, fed together
    qint64 secondStart = 0;
    const auto flush = [&] {
        if (second.empty())
            return;
        advanceTo(secondStart);
        clock.set(second.front().receivedMs);
        count(engine.ingest(second));
        second.clear();
    };

    const SampleSink sink = [&](const SampleBatch &batch) {
        if (control) {
            if (control->isCancelled())
                return false;
            if (!batch.empty()) {
                const qint64 at = std::clamp(batch.back().receivedMs, fromMs, toMs);
                control->permille.store(int((at - fromMs) * 1000 / (toMs - fromMs)),
                                        std::memory_order_relaxed);
            }
        }
        for (const Sample &sample : batch) {
            const qint64 t = sample.receivedMs;
            if (t < fromMs || t >= toMs)
                continue;
            const qint64 start = t - t % StepMs;
            if (!second.empty() && start != secondStart)
                flush();
            if (second.empty())
                secondStart = start;
            second.push_back(sample);
            ++result.samples;
            if (result.firstSampleMs == 0)
                result.firstSampleMs = t;
            result.lastSampleMs = std::max(result.lastSampleMs, t);
        }
        return true;
    };

    QString error;
    const bool read = source(fromMs, toMs, sink, &error);
    if (control && control->isCancelled()) {
        result.cancelled = true;
        result.error = tr("The preview was cancelled.");
        return result;
    }
    if (!read) {
        result.error = error.isEmpty() ? tr("The history could not be read.") : error;
        return result;
    }
    flush();
    // Let the last alerts run their hold times out, as they would have.
    advanceTo(std::min(toMs, lastEvaluateMs + SettleMs));
    if (control)
        control->permille.store(1000, std::memory_order_relaxed);
    result.ok = true;
    return result;
}

// Runs previews in the runner's thread, one at a time in request order.
class AlertPreviewWorker final : public QObject
{
public:
    using QObject::QObject;
};

AlertPreviewRunner::AlertPreviewRunner(QObject *parent)
    : QObject(parent)
    , m_worker(new AlertPreviewWorker)
{
    qRegisterMetaType<mm::AlertPreviewResult>();
    m_thread.setObjectName(QStringLiteral("alert-preview"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

AlertPreviewRunner::~AlertPreviewRunner()
{
    if (m_control)
        m_control->cancel();
    m_thread.quit();
    m_thread.wait();
}

quint64 AlertPreviewRunner::start(const AlertRules &rules, SampleSource source, qint64 fromMs,
                                  qint64 toMs)
{
    // One run at a time: a new request replaces (cancels) the current one.
    cancel();
    const quint64 id = m_nextId++;
    m_running = id;
    auto control = std::make_shared<AlertPreviewControl>();
    m_control = control;
    AlertPreviewRunner *runner = this;
    QMetaObject::invokeMethod(
        m_worker,
        [runner, id, rules, source = std::move(source), fromMs, toMs, control] {
            const AlertPreviewResult result
                = AlertPreview::run(rules, source, fromMs, toMs, control.get());
            // Back in the runner's thread; dropped if the runner is gone.
            QMetaObject::invokeMethod(
                runner,
                [runner, id, result] {
                    if (runner->m_running == id)
                        runner->m_running = 0;
                    emit runner->finished(id, result);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    return id;
}

void AlertPreviewRunner::cancel()
{
    if (m_control)
        m_control->cancel();
}

int AlertPreviewRunner::permille() const
{
    return m_control ? m_control->permille.load(std::memory_order_relaxed) : 0;
}

SampleSource storeSampleSource(const MeetingStore &store)
{
    return [&store](qint64 fromMs, qint64 toMs, const SampleSink &sink, QString *) {
        SampleBatch all;
        for (int m = 0; m < store.meetingCount(); ++m) {
            const MeetingNode &meeting = store.meetingAt(m);
            for (const auto &user : meeting.users) {
                const SampleHistory &history = user->history;
                for (int i = 0; i < history.size(); ++i) {
                    const qint64 t = history.timeMsAt(i);
                    if (t < fromMs || t >= toMs)
                        continue;
                    Sample s;
                    s.meetingId = meeting.meetingId;
                    s.userId = user->userId;
                    s.receivedMs = t;
                    s.uploadKbps = history.valueAt(SampleHistory::Field::Upload, i);
                    s.downloadKbps = history.valueAt(SampleHistory::Field::Download, i);
                    s.latencyMs = history.valueAt(SampleHistory::Field::Latency, i);
                    s.packetLossPct = history.valueAt(SampleHistory::Field::PacketLoss, i);
                    s.jitterMs = history.valueAt(SampleHistory::Field::Jitter, i);
                    s.quality = history.qualityAt(i);
                    all.push_back(std::move(s));
                }
            }
        }
        std::stable_sort(all.begin(), all.end(), [](const Sample &a, const Sample &b) {
            return a.receivedMs < b.receivedMs;
        });
        return sink(all);
    };
}

SampleSource storeSnapshotSource(const MeetingStore &store)
{
    auto copy = std::make_shared<SampleBatch>();
    const SampleSource live = storeSampleSource(store);
    QString ignored;
    (void)live(std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(),
               [&copy](const SampleBatch &batch) {
                   copy->insert(copy->end(), batch.begin(), batch.end());
                   return true;
               },
               &ignored);
    return [copy](qint64 fromMs, qint64 toMs, const SampleSink &sink, QString *) {
        SampleBatch inRange;
        for (const Sample &sample : *copy) {
            if (sample.receivedMs >= fromMs && sample.receivedMs < toMs)
                inRange.push_back(sample);
        }
        return sink(inRange);
    };
}

} // namespace mm
