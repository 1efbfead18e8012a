// The history's incidents table (schema 3): the writer upserts incident
// snapshots by id in its transactions, and `export --alerts` writes one CSV
// row per incident.
#include "alerts/alertrules.h"
#include "history/historydatabase.h"
#include "history/historywriter.h"
#include "history/incidentexporter.h"
#include "history/sampleexporter.h"
#include "historytestutil.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace mm;

namespace {

constexpr qint64 T0 = 1795514400000; // 2026-11-24T10:00:00.000Z

struct Result
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Result exportAlerts(const QString &db, QStringList extra = {})
{
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    Result r;
    r.code = runExportCommand(QStringList{QStringLiteral("--db"), db, QStringLiteral("--alerts"),
                                          QStringLiteral("--format"), QStringLiteral("csv")}
                                  + extra,
                              out, err);
    r.out = out.data();
    r.err = err.data();
    return r;
}

// The fields every incident below sets; each then adds its own.
Incident incident(qint64 id, AlertType type, Severity severity, IncidentState state,
                  qint64 startedMs, const QString &message)
{
    Incident i;
    i.id = id;
    i.type = type;
    i.typeName = alertTypeName(type);
    i.severity = severity;
    i.state = state;
    i.startedMs = startedMs;
    i.message = message;
    return i;
}

Incident meetingDegraded()
{
    Incident i = incident(1, AlertType::MeetingDegraded, Severity::Critical, IncidentState::Resolved,
                          T0, QStringLiteral("3 of 4 users poor, the call is struggling"));
    i.meetingId = QStringLiteral("room-1");
    i.meetingName = QStringLiteral("Weekly");
    i.source = AlertSource::Local;
    i.firedMs = T0 + 10'000;
    i.resolvedMs = T0 + 250'500;
    i.peak = 62.5;
    return i;
}

Incident cancelledLatency()
{
    // The message is from a client: the export neutralises it.
    Incident i = incident(2, AlertType::HighLatency, Severity::Warning, IncidentState::Cancelled,
                          T0 + 60'000, QStringLiteral("=HYPERLINK(\"http://evil\")"));
    i.meetingId = QStringLiteral("room-1");
    i.userId = QStringLiteral("u-alice");
    i.username = QStringLiteral("Alice");
    i.resolvedMs = T0 + 65'000;
    i.peak = 310.25;
    return i;
}

Incident openGatewayDown()
{
    Incident i = incident(3, AlertType::GatewayDown, Severity::Critical, IncidentState::Firing,
                          T0 + 3'600'000, QStringLiteral("no connection to the gateway"));
    i.firedMs = T0 + 3'610'000;
    return i;
}

Incident gatewayLoss()
{
    Incident i = incident(4, AlertType::PacketLoss, Severity::Warning, IncidentState::Ended,
                          T0 + 7'200'000, QStringLiteral("loss 12 %"));
    i.meetingId = QStringLiteral("room, 2");
    i.userId = QStringLiteral("u-bob");
    i.source = AlertSource::Both;
    i.firedMs = T0 + 7'200'000;
    i.resolvedMs = T0 + 7'300'000;
    i.peak = 12;
    i.reopenCount = 1;
    i.acknowledgements.append({T0 + 7'250'000, QStringLiteral("ops"), QStringLiteral("on it")});
    return i;
}

const QByteArray Header = "started,fired,resolved,meeting_id,user_id,type,severity,source,peak,message\r\n";
// Text from the network (ids, type names, messages) is always quoted by
// CsvWriter; our own names (severity, source) and numbers are not.
const QByteArray RowDegraded = "2026-11-24T10:00:00.000Z,2026-11-24T10:00:10.000Z,2026-11-24T10:04:10.500Z,"
                               "\"room-1\",,\"meeting-degraded\",critical,local,62.5,"
                               "\"3 of 4 users poor, the call is struggling\"\r\n";
const QByteArray RowCancelled = "2026-11-24T10:01:00.000Z,,2026-11-24T10:01:05.000Z,\"room-1\",\"u-alice\","
                                "\"high-latency\",warning,local,310.25,\"'=HYPERLINK(\"\"http://evil\"\")\"\r\n";
const QByteArray RowGatewayDown = "2026-11-24T11:00:00.000Z,2026-11-24T11:00:10.000Z,,,,\"gateway-down\","
                                  "critical,local,,\"no connection to the gateway\"\r\n";
const QByteArray RowLoss = "2026-11-24T12:00:00.000Z,2026-11-24T12:00:00.000Z,2026-11-24T12:01:40.000Z,"
                           "\"room, 2\",\"u-bob\",\"packet-loss\",warning,both,12,\"loss 12 %\"\r\n";

// A history holding the four incidents, written the way the recorder does.
void writeIncidents(const QString &path, const std::vector<std::vector<Incident>> &batches)
{
    HistoryWriter writer(path);
    writer.setRetention(test::keepAll());
    ASSERT_TRUE(writer.open()) << writer.errorString().toStdString();
    for (const auto &batch : batches) {
        writer.writeIncidents(batch);
        ASSERT_TRUE(writer.flush()) << writer.errorString().toStdString();
    }
    writer.close();
}

// Each test's own history file.
class IncidentHistory : public ::testing::Test
{
protected:
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
};

} // namespace

TEST_F(IncidentHistory, ANewHistoryIsSchemaThreeWithAnIncidentsTable)
{
    HistoryDatabase db;
    ASSERT_TRUE(db.open(path)) << db.errorString().toStdString();
    EXPECT_EQ(db.schemaVersion(), 3);
    EXPECT_TRUE(db.hasIncidents());
}

TEST_F(IncidentHistory, UpsertsByIdKeepingTheLatestSnapshotAndTimeline)
{
    Incident pending = gatewayLoss();
    pending.state = IncidentState::Pending;
    pending.firedMs = 0;
    pending.resolvedMs = 0;
    pending.peak = 6;
    pending.acknowledgements.clear();
    pending.reopenCount = 0;
    Incident firing = pending;
    firing.state = IncidentState::Firing;
    firing.firedMs = T0 + 7'200'000;
    // Two snapshots in one commit, then the final one in the next.
    writeIncidents(path, {{pending, firing}, {gatewayLoss()}});

    EXPECT_EQ(test::scalar(path, QStringLiteral("SELECT count(*) FROM incidents")).toInt(), 1);
    EXPECT_EQ(test::scalar(path, QStringLiteral("SELECT state FROM incidents")).toString(),
              QStringLiteral("ended"));
    EXPECT_EQ(test::scalar(path, QStringLiteral("SELECT reopen_count FROM incidents")).toInt(), 1);
    EXPECT_DOUBLE_EQ(test::scalar(path, QStringLiteral("SELECT peak FROM incidents")).toDouble(), 12.0);
    const QJsonObject timeline =
        QJsonDocument::fromJson(test::scalar(path, QStringLiteral("SELECT timeline FROM incidents"))
                                    .toString()
                                    .toUtf8())
            .object();
    EXPECT_EQ(timeline.value(QStringLiteral("pending")).toInteger(), T0 + 7'200'000);
    EXPECT_EQ(timeline.value(QStringLiteral("fired")).toInteger(), T0 + 7'200'000);
    EXPECT_EQ(timeline.value(QStringLiteral("ended")).toInteger(), T0 + 7'300'000);
    EXPECT_TRUE(timeline.value(QStringLiteral("resolved")).isNull());
    EXPECT_EQ(timeline.value(QStringLiteral("reopenCount")).toInt(), 1);
    const QJsonArray acks = timeline.value(QStringLiteral("acknowledgements")).toArray();
    ASSERT_EQ(acks.size(), 1);
    EXPECT_EQ(acks.at(0).toObject().value(QStringLiteral("by")).toString(), QStringLiteral("ops"));
    EXPECT_EQ(acks.at(0).toObject().value(QStringLiteral("at")).toInteger(), T0 + 7'250'000);

    // A second writer (a restarted recorder) numbers from 1 again: its
    // incident 4 is another row, not an overwrite.
    Incident again = meetingDegraded();
    again.id = 4;
    writeIncidents(path, {{again}});
    EXPECT_EQ(test::scalar(path, QStringLiteral("SELECT count(*) FROM incidents")).toInt(), 2);
    EXPECT_EQ(test::scalar(path, QStringLiteral("SELECT count(DISTINCT run_id) FROM incidents")).toInt(), 2);
}

TEST_F(IncidentHistory, ExportWritesOneExactRowPerIncident)
{
    // Written out of start order: the export sorts by start.
    writeIncidents(path, {{gatewayLoss(), openGatewayDown()}, {cancelledLatency(), meetingDegraded()}});

    const Result r = exportAlerts(path);
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(r.out.toStdString(), QByteArray(Header + RowDegraded + RowCancelled + RowGatewayDown + RowLoss).toStdString());
}

TEST_F(IncidentHistory, FromAndToFilterOnTheStartTime)
{
    writeIncidents(path, {{meetingDegraded(), cancelledLatency(), openGatewayDown(), gatewayLoss()}});

    // [10:01, 12:00): the cancelled one starts exactly at --from (kept), the
    // loss exactly at --to (left out); the degraded one started before
    // --from although it was still firing then (filtered on start).
    const Result r = exportAlerts(path, {QStringLiteral("--from"), QStringLiteral("2026-11-24T10:01:00Z"),
                                         QStringLiteral("--to"), QStringLiteral("2026-11-24T12:00:00Z")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(r.out.toStdString(), QByteArray(Header + RowCancelled + RowGatewayDown).toStdString());

    const Result late = exportAlerts(path, {QStringLiteral("--from"), QStringLiteral("2026-11-24T11:30:00+01:00")});
    ASSERT_EQ(late.code, 0) << late.err.toStdString();
    EXPECT_EQ(late.out.toStdString(), QByteArray(Header + RowGatewayDown + RowLoss).toStdString());

    const Result bob = exportAlerts(path, {QStringLiteral("--user"), QStringLiteral("u-bob")});
    ASSERT_EQ(bob.code, 0) << bob.err.toStdString();
    EXPECT_EQ(bob.out.toStdString(), QByteArray(Header + RowLoss).toStdString());
}

TEST_F(IncidentHistory, AlertsAndResolutionDoNotCombine)
{
    writeIncidents(path, {});
    const Result r = exportAlerts(path, {QStringLiteral("--resolution"), QStringLiteral("1m")});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains("--alerts and --resolution")) << r.err.toStdString();
    EXPECT_TRUE(r.out.isEmpty());
}

TEST_F(IncidentHistory, ASchemaTwoHistoryReadsWithNoIncidentsAndUpgradesOnWrite)
{
    // A schema-2 history: a current one without the table, labelled 2.
    {
        HistoryDatabase db;
        ASSERT_TRUE(db.open(path)) << db.errorString().toStdString();
        QSqlQuery q(db.database());
        ASSERT_TRUE(q.exec(QStringLiteral("DROP TABLE incidents")));
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version=2")));
    }
    {
        HistoryDatabase reader;
        ASSERT_TRUE(reader.open(path, HistoryDatabase::Mode::ReadOnly)) << reader.errorString().toStdString();
        EXPECT_EQ(reader.schemaVersion(), 2); // a reader never migrates
        EXPECT_FALSE(reader.hasIncidents());
    }
    const Result before = exportAlerts(path);
    ASSERT_EQ(before.code, 0) << before.err.toStdString();
    EXPECT_EQ(before.out.toStdString(), QByteArray(Header).toStdString());

    writeIncidents(path, {{openGatewayDown()}});
    EXPECT_EQ(test::scalar(path, QStringLiteral("PRAGMA user_version")).toInt(), 3);
    const Result after = exportAlerts(path);
    ASSERT_EQ(after.code, 0) << after.err.toStdString();
    EXPECT_EQ(after.out.toStdString(), QByteArray(Header + RowGatewayDown).toStdString());
}
