#include "alerttestutil.h"

#include "alerts/alertlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace mm;
using namespace mm::test;

namespace {

// The model must mirror the engine: same incidents, same order, same state.
void expectMirrors(const AlertListModel &model, const AlertEngine &engine)
{
    const std::vector<Incident> incidents = engine.incidents();
    ASSERT_EQ(model.rowCount(), int(incidents.size()));
    for (int row = 0; row < model.rowCount(); ++row) {
        const Incident &expected = incidents[size_t(row)];
        const QModelIndex index = model.index(row, 0);
        ASSERT_EQ(index.data(IncidentIdRole).toULongLong(), expected.id) << row;
        ASSERT_EQ(index.data(IncidentStateRole).toInt(), int(expected.state)) << row;
        ASSERT_EQ(index.data(SilencedRole).toBool(), expected.silenced) << row;
        ASSERT_EQ(model.rowOf(expected.id), row);
    }
}

} // namespace

TEST(AlertListModel, ShowsIncidentsAsPlainValuesWithRawRoles)
{
    AlertHarness h;
    AlertListModel model(h.clock);
    for (int s = 0; s < 15; ++s) {
        Sample sample = makeSample(QStringLiteral("m1"), QStringLiteral("u1"), 350.0, 0.0);
        sample.username = QStringLiteral("<b>Alice</b>");
        model.applyChanges(h.feed(sample));
        model.applyChanges(h.tick());
    }
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.columnCount(), int(AlertColumn::Count_));
    const auto cell = [&](AlertColumn column, int role = Qt::DisplayRole) {
        return model.index(0, int(column)).data(role);
    };
    EXPECT_EQ(cell(AlertColumn::State).toString(), incidentStateDisplayName(IncidentState::Firing));
    EXPECT_EQ(cell(AlertColumn::Severity).toString(), severityDisplayName(Severity::Warning));
    EXPECT_EQ(cell(AlertColumn::Type, AlertRawValueRole).toString(),
              QStringLiteral("high-latency"));
    EXPECT_EQ(cell(AlertColumn::Meeting).toString(), QStringLiteral("m1"));
    EXPECT_EQ(cell(AlertColumn::User).toString(), QStringLiteral("<b>Alice</b>")); // as text
    EXPECT_EQ(cell(AlertColumn::User, AlertRawValueRole).toString(), QStringLiteral("u1"));
    EXPECT_DOUBLE_EQ(cell(AlertColumn::Peak, AlertRawValueRole).toDouble(), 350.0);
    EXPECT_TRUE(cell(AlertColumn::Peak).toString().contains(QStringLiteral("350")));
    EXPECT_EQ(cell(AlertColumn::Duration, AlertRawValueRole).toLongLong(),
              5'000); // fired at 10, now 15
    EXPECT_EQ(cell(AlertColumn::Started, AlertRawValueRole).toLongLong(),
              h.incidentsOf(AlertType::HighLatency)[0].startedMs);
    EXPECT_EQ(cell(AlertColumn::Source, AlertRawValueRole).toInt(), int(AlertSource::Local));
    EXPECT_TRUE(cell(AlertColumn::State, OpenRole).toBool());
    EXPECT_FALSE(cell(AlertColumn::State, AcknowledgedRole).toBool());
    EXPECT_FALSE(model.headerData(0, Qt::Horizontal).toString().isEmpty());

    // Durations of open incidents move with the clock, announced on request.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    h.clock.advance(60'000);
    model.refreshDurations();
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(cell(AlertColumn::Duration, AlertRawValueRole).toLongLong(), 65'000);

    // A gateway-only type has no value: its peak is unknown, not zero.
    model.applyChanges(
        h.alert(makeGatewayAlert(QStringLiteral("m1"), QStringLiteral("u2"), QStringLiteral("odd"),
                                 QStringLiteral("critical"))));
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_FALSE(model.index(1, int(AlertColumn::Peak)).data(AlertRawValueRole).isValid());
    EXPECT_TRUE(model.index(1, int(AlertColumn::Peak)).data().toString().isEmpty());
    EXPECT_EQ(model.index(1, int(AlertColumn::Type)).data().toString(), QStringLiteral("odd"));
    EXPECT_EQ(model.index(1, 0).data(AlertSeverityRole).toInt(), int(Severity::Critical));
}

TEST(AlertListModel, CancelledAndForgottenRowsAreRemoved)
{
    AlertHarness h;
    h.engine.setRecentLimits(1, 3'600'000);
    AlertListModel model(h.clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    for (int s = 0; s < 5; ++s) {
        model.applyChanges(h.feed(makeSample(QStringLiteral("m"), QStringLiteral("u"), 350.0)));
        model.applyChanges(h.tick());
    }
    EXPECT_EQ(model.rowCount(), 1); // pending
    model.applyChanges(h.feed(makeSample(QStringLiteral("m"), QStringLiteral("u"), 100.0)));
    EXPECT_EQ(model.rowCount(), 0); // cancelled
    for (int i = 0; i < 3; ++i) {
        model.applyChanges(h.alert(makeGatewayAlert(
            QStringLiteral("m"), QStringLiteral("g%1").arg(i), QStringLiteral("packet-loss"))));
        for (int s = 0; s < 35; ++s) {
            model.applyChanges(
                h.feed(makeSample(QStringLiteral("m"), QStringLiteral("g%1").arg(i), 50.0)));
            model.applyChanges(h.tick());
        }
    }
    for (int s = 0; s < 10; ++s) { // the engine forgets every 10 s
        model.applyChanges(h.feed(makeSample(QStringLiteral("m"), QStringLiteral("g2"), 50.0)));
        model.applyChanges(h.tick());
    }
    expectMirrors(model, h.engine);
    EXPECT_EQ(model.rowCount(), 1);
}

// Random streams of samples, gateway alerts, outages, acknowledgements and
// silences: the model passes QAbstractItemModelTester and mirrors the engine.
TEST(AlertListModel, PassesTheModelTesterUnderRandomStreams)
{
    for (const quint32 seed : {7u, 8u, 9u}) {
        ModelTesterFailures failures;
        FakeClock clock;
        RandomFleet fleet(seed, clock, 4, 6);
        AlertEngine engine(clock);
        engine.setRecentLimits(40, 20 * 60'000);
        AlertListModel model(clock);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Warning);
        model.applyChanges(engine.setGatewayConnected(true));
        bool connected = true;
        const QStringList types
            = {QStringLiteral("high-latency"), QStringLiteral("packet-loss"),
               QStringLiteral("poor-connection"), QStringLiteral("<i>x</i>"), QString()};
        for (int step = 0; step < 3000; ++step) {
            const int dice = fleet.rng().bounded(100);
            if (dice < 60) {
                model.applyChanges(engine.ingest(*fleet.randomBatch(8)));
            } else if (dice < 70) {
                GatewayAlertBatch alerts;
                const int m = fleet.rng().bounded(4);
                alerts.push_back(makeGatewayAlert(
                    QStringLiteral("meeting-%1").arg(m),
                    fleet.rng().bounded(4) == 0
                        ? QString()
                        : QStringLiteral("user-%1-%2").arg(m).arg(fleet.rng().bounded(6)),
                    types[fleet.rng().bounded(int(types.size()))],
                    fleet.rng().bounded(2) ? QStringLiteral("critical") : QStringLiteral("??")));
                model.applyChanges(engine.ingestGatewayAlerts(alerts));
            } else if (dice < 72) {
                connected = !connected;
                model.applyChanges(engine.setGatewayConnected(connected));
            } else if (dice < 75) {
                const auto open = engine.activeIncidents();
                if (!open.empty())
                    model.applyChanges(
                        engine.acknowledge(open[size_t(fleet.rng().bounded(int(open.size())))].id,
                                           QStringLiteral("admin")));
            } else if (dice < 77) {
                Silence silence;
                silence.meetingId = QStringLiteral("meeting-%1").arg(fleet.rng().bounded(4));
                silence.untilMs = clock.nowMs() + fleet.rng().bounded(120'000) + 1;
                IncidentChanges changes;
                engine.addSilence(silence, &changes);
                model.applyChanges(changes);
            } else {
                fleet.advanceClock();
                model.applyChanges(engine.evaluate());
                model.refreshDurations();
            }
            if (step % 50 == 0)
                expectMirrors(model, engine);
        }
        expectMirrors(model, engine);
        EXPECT_TRUE(failures.messages().isEmpty()) << failures.messages().join(u'\n').toStdString();

        // Reloading from the engine gives the same rows.
        AlertListModel reloaded(clock);
        reloaded.setIncidents(engine.incidents());
        expectMirrors(reloaded, engine);
    }
}
