// `meeting-monitor record` keeps alert incidents: in-process against the
// project's loopback simulator (a real Socket.IO server whose fleet has
// latency spikes, loss bursts and gateway alerts), stopped by SIGTERM.
#include "alerts/alertrules.h"
#include "app/recorder.h"
#include "history/incidentexporter.h"
#include "history/sampleexporter.h"
#include "historytestutil.h"
#include "simulatorserver.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <csignal>
#include <gtest/gtest.h>

using namespace mm;

TEST(RecorderAlerts, IncidentsAreRecordedAndSurviveSigterm)
{
    FleetConfig fleet;
    fleet.seed = 11;
    fleet.meetings = 3;
    fleet.totalUsers = 30;
    fleet.samplesPerSecond = 2.0;
    fleet.incidents = true;
    SimulatorServer server(fleet, SimulatorServerConfig{});
    QString error;
    ASSERT_TRUE(server.listen(&error)) << error.toStdString();

    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("h.sqlite"));
    // Short holds so local rules fire within the test too (not only the
    // gateway's alerts, which fire at once).
    AlertRules rules;
    for (AlertType type : {AlertType::HighLatency, AlertType::PacketLoss, AlertType::HighJitter,
                           AlertType::PoorConnection}) {
        rules.rule(type).holdMs = 1000;
        rules.rule(type).clearMs = 2000;
    }
    const QString rulesFile = dir.filePath(QStringLiteral("rules.json"));
    {
        QFile file(rulesFile);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(rules.toJson());
    }

    // SIGTERM once the gateway has sent a few alerts and the recorder has
    // had a few seconds to judge samples (or at a generous deadline, so a
    // broken path fails below instead of hanging).
    QObject context;
    QElapsedTimer sinceStart;
    sinceStart.start();
    std::function<void()> check = [&] {
        if ((server.alertsSent() >= 5 && sinceStart.elapsed() >= 6000) || sinceStart.hasExpired(90'000))
            ::raise(SIGTERM);
        else
            QTimer::singleShot(100, &context, check);
    };
    QTimer::singleShot(100, &context, check);
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    const int code = runRecordCommand({QStringLiteral("--gateway"), server.url().toString(),
                                       QStringLiteral("--db"), db, QStringLiteral("--rules"), rulesFile},
                                      out, err);
    server.close();
    const QString log = QString::fromUtf8(err.data());
    ASSERT_EQ(code, Recorder::ExitOk) << log.toStdString();
    EXPECT_GE(server.alertsSent(), 5u) << "the simulator sent too few alerts to test anything";

    // The final line says how many incidents the engine opened; every one
    // of them is in the history after SIGTERM, none lost in the last commit.
    static const QRegularExpression summary(
        QStringLiteral("stopped; \\d+ samples committed, (\\d+) incidents recorded \\((\\d+) fired\\)"));
    const QRegularExpressionMatch match = summary.match(log);
    ASSERT_TRUE(match.hasMatch()) << log.toStdString();
    const int recorded = match.captured(1).toInt();
    const int fired = match.captured(2).toInt();
    EXPECT_GE(recorded, 1) << log.toStdString();
    EXPECT_GE(fired, 1) << log.toStdString();
    EXPECT_EQ(test::scalar(db, QStringLiteral("SELECT count(*) FROM incidents")).toInt(), recorded);
    EXPECT_GE(test::scalar(db, QStringLiteral("SELECT count(*) FROM incidents WHERE fired_ms IS NOT NULL"))
                  .toInt(),
              1);
    // The gateway's alerts became incidents of their own source.
    EXPECT_GE(test::scalar(db, QStringLiteral("SELECT count(*) FROM incidents WHERE source IN "
                                              "('gateway', 'both')"))
                  .toInt(),
              1);
    // Sane rows: a known state, a start, and no close time while open.
    EXPECT_EQ(test::scalar(db, QStringLiteral("SELECT count(*) FROM incidents WHERE state NOT IN "
                                              "('pending', 'firing', 'resolved', 'ended', 'cancelled')"))
                  .toInt(),
              0);
    EXPECT_EQ(test::scalar(db, QStringLiteral("SELECT count(*) FROM incidents WHERE state IN "
                                              "('pending', 'firing') AND resolved_ms IS NOT NULL"))
                  .toInt(),
              0);
    EXPECT_EQ(test::scalar(db, QStringLiteral("SELECT count(*) FROM incidents WHERE state NOT IN "
                                              "('pending', 'firing') AND resolved_ms IS NULL"))
                  .toInt(),
              0);
    EXPECT_EQ(test::scalar(db, QStringLiteral("SELECT count(*) FROM incidents WHERE started_ms <= 0"))
                  .toInt(),
              0);

    // And `export --alerts` lists each one.
    QBuffer csv;
    QBuffer exportErr;
    csv.open(QIODevice::WriteOnly);
    exportErr.open(QIODevice::WriteOnly);
    ASSERT_EQ(runExportCommand({QStringLiteral("--db"), db, QStringLiteral("--alerts")}, csv, exportErr), 0)
        << exportErr.data().toStdString();
    EXPECT_TRUE(csv.data().startsWith(QByteArray(IncidentExporter::csvHeader() + "\r\n")));
    EXPECT_EQ(csv.data().count("\r\n"), recorded + 1);
}

TEST(RecorderAlerts, UnreadableRulesAreAUsageError)
{
    QTemporaryDir dir;
    const QString rulesFile = dir.filePath(QStringLiteral("rules.json"));
    {
        QFile file(rulesFile);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("{ not json");
    }
    for (const QString &path : {rulesFile, dir.filePath(QStringLiteral("missing.json"))}) {
        QBuffer out;
        QBuffer err;
        out.open(QIODevice::WriteOnly);
        err.open(QIODevice::WriteOnly);
        const int code = runRecordCommand({QStringLiteral("--gateway"), QStringLiteral("ws://127.0.0.1:1"),
                                           QStringLiteral("--db"), dir.filePath(QStringLiteral("h.sqlite")),
                                           QStringLiteral("--rules"), path},
                                          out, err);
        EXPECT_EQ(code, Recorder::ExitUsage) << err.data().toStdString();
        EXPECT_TRUE(err.data().contains("--rules: ")) << err.data().toStdString();
    }
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("h.sqlite"))));
}
