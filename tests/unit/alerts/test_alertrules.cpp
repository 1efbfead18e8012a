#include "alerttestutil.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace mm;
using namespace mm::test;

TEST(AlertRules, DefaultsAreTheIssueTable)
{
    const AlertRules rules;
    const AlertRule &latency = rules.rule(AlertType::HighLatency);
    EXPECT_TRUE(latency.enabled);
    EXPECT_EQ(latency.severity, Severity::Warning);
    EXPECT_EQ(latency.fireThreshold, 300);
    EXPECT_EQ(latency.clearThreshold, 270);
    EXPECT_EQ(latency.holdMs, 10'000);
    EXPECT_EQ(latency.clearMs, 30'000);

    const AlertRule &loss = rules.rule(AlertType::PacketLoss);
    EXPECT_EQ(loss.severity, Severity::Warning);
    EXPECT_EQ(loss.fireThreshold, 5);
    EXPECT_EQ(loss.clearThreshold, 4.5);

    const AlertRule &poor = rules.rule(AlertType::PoorConnection);
    EXPECT_EQ(poor.severity, Severity::Critical);
    EXPECT_EQ(poor.fireThreshold, double(Quality::Poor));
    EXPECT_EQ(poor.clearThreshold, double(Quality::Fair));

    const AlertRule &degraded = rules.rule(AlertType::MeetingDegraded);
    EXPECT_EQ(degraded.severity, Severity::Critical);
    EXPECT_EQ(degraded.fireThreshold, 50);
    EXPECT_EQ(degraded.clearThreshold, 50);
    EXPECT_EQ(degraded.minUsers, 2);

    EXPECT_EQ(rules.rule(AlertType::GatewayDown).severity, Severity::Critical);
    EXPECT_TRUE(rules.rule(AlertType::GatewayDown).enabled);
    EXPECT_FALSE(rules.rule(AlertType::HighJitter).enabled);

    EXPECT_EQ(rules.reopenWindowMs, 120'000);
    EXPECT_EQ(rules.userGoneMs, 15'000);
    EXPECT_EQ(rules.gatewayResolveMs, 30'000);
    EXPECT_EQ(rules.unknownGatewaySeverity, Severity::Warning);
    EXPECT_FALSE(rules.validate().has_value());
    EXPECT_EQ(AlertRules::preset(AlertRules::Preset::Plan), rules);
}

TEST(AlertRules, Presets)
{
    const AlertRules teams = AlertRules::preset(AlertRules::Preset::TeamsCallQuality);
    EXPECT_EQ(teams.rule(AlertType::HighLatency).fireThreshold, 500);
    EXPECT_EQ(teams.rule(AlertType::PacketLoss).fireThreshold, 10);
    EXPECT_TRUE(teams.rule(AlertType::HighJitter).enabled);
    EXPECT_EQ(teams.rule(AlertType::HighJitter).fireThreshold, 30);
    EXPECT_FALSE(teams.validate().has_value());

    const AlertRules itu = AlertRules::preset(AlertRules::Preset::ItuG114);
    EXPECT_EQ(itu.rule(AlertType::HighLatency).fireThreshold, 300);
    EXPECT_FALSE(itu.validate().has_value());

    for (const auto preset : AlertRules::presets()) {
        EXPECT_FALSE(AlertRules::presetName(preset).isEmpty());
        EXPECT_FALSE(AlertRules::presetKey(preset).isEmpty());
    }

    // The Teams preset judges differently: 400 ms is fine, jitter 40 is not.
    AlertHarness h(teams);
    for (int s = 0; s < 15; ++s) {
        Sample sample = makeSample(QStringLiteral("m"), QStringLiteral("u"), 400.0, 0.0);
        sample.jitterMs = 40.0;
        h.feed(sample);
        h.tick();
    }
    EXPECT_TRUE(h.incidentsOf(AlertType::HighLatency).empty());
    ASSERT_EQ(h.incidentsOf(AlertType::HighJitter).size(), 1u);
    EXPECT_EQ(h.incidentsOf(AlertType::HighJitter)[0].state, IncidentState::Firing);
    EXPECT_EQ(h.incidentsOf(AlertType::HighJitter)[0].typeName, QStringLiteral("high-jitter"));
}

TEST(AlertRules, JsonRoundTrip)
{
    for (const auto preset : AlertRules::presets()) {
        const AlertRules rules = AlertRules::preset(preset);
        QString error;
        const auto back = AlertRules::fromJson(rules.toJson(), &error);
        ASSERT_TRUE(back.has_value()) << error.toStdString();
        EXPECT_EQ(*back, rules);
    }
    AlertRules custom;
    custom.rule(AlertType::HighLatency).fireThreshold = 412.5;
    custom.rule(AlertType::HighLatency).clearThreshold = 380;
    custom.rule(AlertType::HighLatency).holdMs = 2'500;
    custom.rule(AlertType::PacketLoss).enabled = false;
    custom.rule(AlertType::PoorConnection).clearThreshold = double(Quality::Good);
    custom.rule(AlertType::PoorConnection).severity = Severity::Warning;
    custom.rule(AlertType::MeetingDegraded).minUsers = 3;
    custom.rule(AlertType::GatewayDown).clearMs = 5'000;
    custom.reopenWindowMs = 300'000;
    custom.gatewaySilenceMs = 0;
    custom.unknownGatewaySeverity = Severity::Critical;
    const QByteArray json = custom.toJson();
    const auto back = AlertRules::fromJson(json);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, custom);
    EXPECT_NE(*back, AlertRules());
    // Human-readable levels in the settings file.
    EXPECT_TRUE(json.contains("\"clearAt\": \"good\""));
}

TEST(AlertRules, MissingEntriesKeepTheirDefaults)
{
    const auto rules = AlertRules::fromJson(
        R"({"rules": {"high-latency": {"fireAbove": 400, "clearBelow": 350}}})");
    ASSERT_TRUE(rules.has_value());
    EXPECT_EQ(rules->rule(AlertType::HighLatency).fireThreshold, 400);
    EXPECT_EQ(rules->rule(AlertType::HighLatency).holdMs, 10'000);
    EXPECT_EQ(rules->rule(AlertType::PacketLoss), AlertRules().rule(AlertType::PacketLoss));
    EXPECT_TRUE(AlertRules::fromJson("{}").has_value());
}

TEST(AlertRules, InvalidJsonIsRejectedWithAReason)
{
    const char *cases[] = {
        "",
        "not json",
        "[1, 2]",
        R"({"rules": []})",
        R"({"version": 2})",
        R"({"colour": "red"})",
        R"({"reopenWindowSeconds": -1})",
        R"({"userGoneSeconds": "15"})",
        R"({"userGoneSeconds": 0})",
        R"({"unknownGatewaySeverity": "fatal"})",
        R"({"rules": {"cpu-hot": {}}})",
        R"({"rules": {"high-latency": 5}})",
        R"({"rules": {"high-latency": {"fireAbove": "300"}}})",
        R"({"rules": {"high-latency": {"fireAbove": 300, "clearBelow": 310}}})",
        R"({"rules": {"high-latency": {"fireAbove": 1e9}}})",
        R"({"rules": {"high-latency": {"holdSeconds": -5}}})",
        R"({"rules": {"high-latency": {"holdSeconds": 1e12}}})",
        R"({"rules": {"high-latency": {"enabled": "yes"}}})",
        R"({"rules": {"high-latency": {"threshold": 300}}})",
        R"({"rules": {"packet-loss": {"fireAbove": 101, "clearBelow": 100}}})",
        R"({"rules": {"poor-connection": {"fireAt": "fair", "clearAt": "poor"}}})",
        R"({"rules": {"poor-connection": {"fireAt": "awful"}}})",
        R"({"rules": {"meeting-degraded": {"minUsers": 0}}})",
        R"({"rules": {"meeting-degraded": {"minUsers": 2.5}}})",
        R"({"rules": {"meeting-degraded": {"firePercent": 40, "clearBelowPercent": 60}}})",
        R"({"rules": {"gateway-down": {"fireAbove": 3}}})",
        R"({"rules": {"high-latency": {"severity": "info"}}})",
    };
    for (const char *text : cases) {
        QString error;
        const auto rules = AlertRules::fromJson(QByteArray(text), &error);
        EXPECT_FALSE(rules.has_value()) << text;
        EXPECT_FALSE(error.isEmpty()) << text;
    }
}

TEST(AlertRules, ValidateCatchesBadValues)
{
    AlertRules rules;
    rules.rule(AlertType::PacketLoss).clearThreshold = 6;
    EXPECT_TRUE(rules.validate().has_value());
    rules = AlertRules();
    rules.rule(AlertType::HighLatency).fireThreshold = std::numeric_limits<double>::quiet_NaN();
    EXPECT_TRUE(rules.validate().has_value());
    rules = AlertRules();
    rules.rule(AlertType::GatewayDown).holdMs = -1;
    EXPECT_TRUE(rules.validate().has_value());

    // An engine refuses an invalid rule set and keeps the one it had.
    test::FakeClock clock;
    AlertEngine engine(clock);
    rules = AlertRules();
    rules.rule(AlertType::HighLatency).clearThreshold = 500;
    engine.setRules(rules);
    EXPECT_EQ(engine.rules(), AlertRules());
}

TEST(AlertRules, NamesRoundTrip)
{
    for (int t = 0; t < AlertTypeCount; ++t) {
        const auto type = AlertType(t);
        EXPECT_EQ(alertTypeFromName(alertTypeName(type)), type);
        EXPECT_FALSE(alertTypeDisplayName(type).isEmpty());
    }
    EXPECT_EQ(alertTypeFromName(u"High-Latency"), AlertType::Custom);
    EXPECT_EQ(alertTypeFromName(u""), AlertType::Custom);
    EXPECT_EQ(severityFromName(u"critical"), Severity::Critical);
    EXPECT_EQ(severityFromName(u"warning"), Severity::Warning);
    EXPECT_FALSE(severityFromName(u"CRITICAL").has_value());
}
