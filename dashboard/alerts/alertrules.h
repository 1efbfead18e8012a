#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace mm {

// The alert types the dashboard evaluates itself. Custom stands for a type
// only the gateway knows (kept as received in Incident::typeName).
enum class AlertType : quint8 {
    HighLatency,
    PacketLoss,
    HighJitter,
    PoorConnection,
    MeetingDegraded,
    GatewayDown,
    Custom,
};
inline constexpr int AlertTypeCount = int(AlertType::Custom); // rule-bearing types

enum class Severity : quint8 { Warning = 1, Critical = 2 };

// Wire and settings names: "high-latency", "packet-loss", "high-jitter",
// "poor-connection", "meeting-degraded", "gateway-down"; Custom has none.
QString alertTypeName(AlertType type);
// Custom for anything else (including the empty string).
AlertType alertTypeFromName(QStringView name);
// Translated, for the panel and notifications.
QString alertTypeDisplayName(AlertType type);
// True for the types evaluated on each user's samples.
constexpr bool isPerUserType(AlertType type)
{
    return type == AlertType::HighLatency || type == AlertType::PacketLoss
        || type == AlertType::HighJitter || type == AlertType::PoorConnection;
}

QString severityName(Severity severity); // "warning", "critical"
std::optional<Severity> severityFromName(QStringView name);
QString severityDisplayName(Severity severity);

// One rule. What the two thresholds mean depends on the type:
//  - high-latency (ms), packet-loss (%), high-jitter (ms): fires when the
//    value is above fireThreshold for holdMs, clears when it is below
//    clearThreshold for clearMs (clearThreshold <= fireThreshold: the gap
//    is the hysteresis band, where nothing changes).
//  - poor-connection: thresholds are quality ordinals (1 excellent, 2 good,
//    3 fair, 4 poor; names in JSON): fires at fireThreshold or worse, clears
//    at clearThreshold or better.
//  - meeting-degraded: percent of a meeting's active users with a known
//    quality that are poor: fires at >= fireThreshold when at least
//    minUsers are poor, clears below clearThreshold.
//  - gateway-down: no thresholds (see AlertRules::gatewaySilenceMs); fires
//    after holdMs without connection or messages, clears after clearMs
//    connected and receiving.
struct AlertRule
{
    AlertType type = AlertType::HighLatency;
    bool enabled = true;
    Severity severity = Severity::Warning;
    double fireThreshold = 0;
    double clearThreshold = 0;
    qint64 holdMs = 10'000;
    qint64 clearMs = 30'000;
    int minUsers = 2; // meeting-degraded only

    bool operator==(const AlertRule &) const = default;
};

// The whole rule set, every value configurable. Plain value type; the
// defaults are the plan's thresholds (issue 4's table).
class AlertRules final
{
    Q_DECLARE_TR_FUNCTIONS(mm::AlertRules)
public:
    enum class Preset : quint8 { Plan, TeamsCallQuality, ItuG114 };

    AlertRules(); // == preset(Preset::Plan)
    static AlertRules preset(Preset which);
    static QList<Preset> presets()
    {
        return {Preset::Plan, Preset::TeamsCallQuality, Preset::ItuG114};
    }
    static QString presetName(Preset which); // translated
    static QString presetKey(Preset which); // "plan", "teams", "itu-g114"

    const AlertRule &rule(AlertType type) const { return m_rules[size_t(type)]; }
    AlertRule &rule(AlertType type) { return m_rules[size_t(type)]; }
    void setRule(const AlertRule &rule) { m_rules[size_t(rule.type)] = rule; }

    // A resolved incident that breaches again within this window reopens.
    qint64 reopenWindowMs = 120'000;
    // A user without samples (or gateway alerts) for this long has left:
    // their incidents end, without a recovery.
    qint64 userGoneMs = 15'000;
    // A gateway-sourced alert resolves after this long with neither a
    // gateway alert nor a local breach.
    qint64 gatewayResolveMs = 30'000;
    // Connected but no message at all for this long while users were active
    // counts as "gateway down" (0 disables that half of the rule).
    qint64 gatewaySilenceMs = 5'000;
    // Severity given to gateway alerts of an unknown type whose severity is
    // not "warning" or "critical": warning (listed, never popped up by
    // default; an unverified claim is not escalated, nor dropped).
    Severity unknownGatewaySeverity = Severity::Warning;

    // Settings form (see alertrules.cpp for the schema). fromJson validates
    // everything and returns nullopt with a translated reason on any error;
    // rules missing from the document keep their defaults.
    QByteArray toJson() const;
    static std::optional<AlertRules> fromJson(const QByteArray &json, QString *error = nullptr);

    // nullopt when valid, else a translated reason.
    std::optional<QString> validate() const;

    bool operator==(const AlertRules &) const = default;

private:
    std::array<AlertRule, AlertTypeCount> m_rules;
};

} // namespace mm
