#include "alerts/alertrules.h"

#include "core/quality.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <cmath>

// Settings schema (version 1). Durations in seconds, thresholds in the
// rule's unit; every key optional, unknown keys rejected (typos must not
// silently become defaults):
//
// { "version": 1, "preset": "plan",
//   "reopenWindowSeconds": 120, "userGoneSeconds": 15,
//   "gatewayResolveSeconds": 30, "gatewaySilenceSeconds": 5,
//   "unknownGatewaySeverity": "warning",
//   "rules": {
//     "high-latency":     {"enabled": true, "severity": "warning", "fireAbove": 300,
//                          "clearBelow": 270, "holdSeconds": 10, "clearSeconds": 30},
//     "packet-loss":      {... same keys, percent},
//     "high-jitter":      {... same keys, ms},
//     "poor-connection":  {"enabled", "severity", "fireAt": "poor", "clearAt": "fair",
//                          "holdSeconds", "clearSeconds"},
//     "meeting-degraded": {"enabled", "severity", "firePercent": 50,
//                          "clearBelowPercent": 50, "minUsers": 2, "holdSeconds", "clearSeconds"},
//     "gateway-down":     {"enabled", "severity", "holdSeconds", "clearSeconds"} } }

namespace mm {

namespace {

constexpr qint64 MaxDurationMs = 24 * 3600 * 1000LL;

struct TypeInfo
{
    AlertType type;
    const char *name;
};
constexpr TypeInfo TypeNames[] = {
    {AlertType::HighLatency, "high-latency"},
    {AlertType::PacketLoss, "packet-loss"},
    {AlertType::HighJitter, "high-jitter"},
    {AlertType::PoorConnection, "poor-connection"},
    {AlertType::MeetingDegraded, "meeting-degraded"},
    {AlertType::GatewayDown, "gateway-down"},
};

// Upper bounds of a sane threshold, per numeric type.
double maxThreshold(AlertType type)
{
    switch (type) {
    case AlertType::HighLatency:
        return 60'000.0;
    case AlertType::PacketLoss:
        return 100.0;
    case AlertType::HighJitter:
        return 10'000.0;
    case AlertType::MeetingDegraded:
        return 100.0;
    default:
        return 0.0;
    }
}

AlertRule makeRule(AlertType type, Severity severity, double fire, double clear,
                   bool enabled = true)
{
    AlertRule rule;
    rule.type = type;
    rule.severity = severity;
    rule.fireThreshold = fire;
    rule.clearThreshold = clear;
    rule.enabled = enabled;
    return rule;
}

} // namespace

QString alertTypeName(AlertType type)
{
    for (const TypeInfo &info : TypeNames) {
        if (info.type == type)
            return QString::fromLatin1(info.name);
    }
    return {};
}

AlertType alertTypeFromName(QStringView name)
{
    for (const TypeInfo &info : TypeNames) {
        if (name == QLatin1StringView(info.name))
            return info.type;
    }
    return AlertType::Custom;
}

QString alertTypeDisplayName(AlertType type)
{
    switch (type) {
    case AlertType::HighLatency:
        return QCoreApplication::translate("mm::AlertRules", "High latency");
    case AlertType::PacketLoss:
        return QCoreApplication::translate("mm::AlertRules", "Packet loss");
    case AlertType::HighJitter:
        return QCoreApplication::translate("mm::AlertRules", "High jitter");
    case AlertType::PoorConnection:
        return QCoreApplication::translate("mm::AlertRules", "Poor connection");
    case AlertType::MeetingDegraded:
        return QCoreApplication::translate("mm::AlertRules", "Meeting degraded");
    case AlertType::GatewayDown:
        return QCoreApplication::translate("mm::AlertRules", "Gateway down");
    case AlertType::Custom:
        break;
    }
    return QCoreApplication::translate("mm::AlertRules", "Gateway alert");
}

QString severityName(Severity severity)
{
    return severity == Severity::Critical ? QStringLiteral("critical") : QStringLiteral("warning");
}

std::optional<Severity> severityFromName(QStringView name)
{
    if (name == QLatin1StringView("warning"))
        return Severity::Warning;
    if (name == QLatin1StringView("critical"))
        return Severity::Critical;
    return std::nullopt;
}

QString severityDisplayName(Severity severity)
{
    return severity == Severity::Critical
        ? QCoreApplication::translate("mm::AlertRules", "Critical")
        : QCoreApplication::translate("mm::AlertRules", "Warning");
}

AlertRules::AlertRules()
{
    // The plan's thresholds (issue 4), the gateway's own rules plus the
    // dashboard's clear levels at 90 % of the fire levels.
    setRule(makeRule(AlertType::HighLatency, Severity::Warning, 300, 270));
    setRule(makeRule(AlertType::PacketLoss, Severity::Warning, 5, 4.5));
    // Jitter is not in the plan's rules: present but off until a preset or
    // the admin turns it on.
    setRule(makeRule(AlertType::HighJitter, Severity::Warning, 30, 27, false));
    setRule(makeRule(AlertType::PoorConnection, Severity::Critical, double(Quality::Poor),
                     double(Quality::Fair)));
    setRule(makeRule(AlertType::MeetingDegraded, Severity::Critical, 50, 50));
    setRule(makeRule(AlertType::GatewayDown, Severity::Critical, 0, 0));
}

AlertRules AlertRules::preset(Preset which)
{
    AlertRules rules;
    switch (which) {
    case Preset::Plan:
        break;
    case Preset::TeamsCallQuality:
        // Microsoft Teams' call-quality "poor stream" limits: round trip
        // 500 ms, packet loss 10 %, jitter 30 ms.
        rules.setRule(makeRule(AlertType::HighLatency, Severity::Warning, 500, 450));
        rules.setRule(makeRule(AlertType::PacketLoss, Severity::Warning, 10, 9));
        rules.setRule(makeRule(AlertType::HighJitter, Severity::Warning, 30, 27));
        break;
    case Preset::ItuG114:
        // G.114 keeps one-way delay under 150 ms for conversation: 300 ms
        // round trip, the only limit it sets; the rest as the plan.
        rules.setRule(makeRule(AlertType::HighLatency, Severity::Warning, 300, 270));
        break;
    }
    return rules;
}

QString AlertRules::presetName(Preset which)
{
    switch (which) {
    case Preset::Plan:
        return tr("Plan thresholds (default)");
    case Preset::TeamsCallQuality:
        return tr("Teams call-quality");
    case Preset::ItuG114:
        return tr("ITU-T G.114");
    }
    return {};
}

QString AlertRules::presetKey(Preset which)
{
    switch (which) {
    case Preset::Plan:
        return QStringLiteral("plan");
    case Preset::TeamsCallQuality:
        return QStringLiteral("teams");
    case Preset::ItuG114:
        return QStringLiteral("itu-g114");
    }
    return {};
}

std::optional<QString> AlertRules::validate() const
{
    const auto durationOk = [](qint64 ms) { return ms >= 0 && ms <= MaxDurationMs; };
    if (!durationOk(reopenWindowMs) || !durationOk(userGoneMs) || !durationOk(gatewayResolveMs)
        || !durationOk(gatewaySilenceMs))
        return tr("a time setting is outside 0 s to 24 h");
    if (userGoneMs < 1000)
        return tr("a user must be silent for at least 1 s to count as gone");
    if (gatewayResolveMs < 1000)
        return tr("gateway alerts must be silent for at least 1 s to resolve");
    for (const AlertRule &rule : m_rules) {
        const QString name = alertTypeName(rule.type);
        if (!durationOk(rule.holdMs) || !durationOk(rule.clearMs))
            return tr("%1: hold and clear times must lie between 0 s and 24 h").arg(name);
        if (!std::isfinite(rule.fireThreshold) || !std::isfinite(rule.clearThreshold))
            return tr("%1: thresholds must be numbers").arg(name);
        switch (rule.type) {
        case AlertType::HighLatency:
        case AlertType::PacketLoss:
        case AlertType::HighJitter:
        case AlertType::MeetingDegraded:
            if (rule.fireThreshold < 0 || rule.fireThreshold > maxThreshold(rule.type)
                || rule.clearThreshold < 0 || rule.clearThreshold > maxThreshold(rule.type))
                return tr("%1: thresholds must lie between 0 and %2")
                    .arg(name)
                    .arg(maxThreshold(rule.type));
            if (rule.clearThreshold > rule.fireThreshold)
                return tr("%1: the clear level must not be above the fire level").arg(name);
            if (rule.type == AlertType::MeetingDegraded
                && (rule.clearThreshold <= 0 || rule.minUsers < 1 || rule.minUsers > 10'000))
                return tr("%1: needs a clear level above 0 and at least 1 user").arg(name);
            break;
        case AlertType::PoorConnection: {
            const double fire = rule.fireThreshold;
            const double clear = rule.clearThreshold;
            const auto isLevel = [](double v) {
                return v == std::floor(v) && v >= double(Quality::Excellent)
                    && v <= double(Quality::Poor);
            };
            if (!isLevel(fire) || !isLevel(clear) || clear >= fire)
                return tr("%1: the clear level must be better than the fire level").arg(name);
            break;
        }
        case AlertType::GatewayDown:
        case AlertType::Custom:
            break;
        }
    }
    return std::nullopt;
}

QByteArray AlertRules::toJson() const
{
    const auto seconds = [](qint64 ms) { return double(ms) / 1000.0; };
    QJsonObject rules;
    for (const AlertRule &rule : m_rules) {
        QJsonObject o;
        o.insert(QStringLiteral("enabled"), rule.enabled);
        o.insert(QStringLiteral("severity"), severityName(rule.severity));
        switch (rule.type) {
        case AlertType::HighLatency:
        case AlertType::PacketLoss:
        case AlertType::HighJitter:
            o.insert(QStringLiteral("fireAbove"), rule.fireThreshold);
            o.insert(QStringLiteral("clearBelow"), rule.clearThreshold);
            break;
        case AlertType::PoorConnection:
            o.insert(QStringLiteral("fireAt"), qualityName(Quality(int(rule.fireThreshold))));
            o.insert(QStringLiteral("clearAt"), qualityName(Quality(int(rule.clearThreshold))));
            break;
        case AlertType::MeetingDegraded:
            o.insert(QStringLiteral("firePercent"), rule.fireThreshold);
            o.insert(QStringLiteral("clearBelowPercent"), rule.clearThreshold);
            o.insert(QStringLiteral("minUsers"), rule.minUsers);
            break;
        case AlertType::GatewayDown:
        case AlertType::Custom:
            break;
        }
        o.insert(QStringLiteral("holdSeconds"), seconds(rule.holdMs));
        o.insert(QStringLiteral("clearSeconds"), seconds(rule.clearMs));
        rules.insert(alertTypeName(rule.type), o);
    }
    QJsonObject root;
    root.insert(QStringLiteral("version"), 1);
    root.insert(QStringLiteral("reopenWindowSeconds"), seconds(reopenWindowMs));
    root.insert(QStringLiteral("userGoneSeconds"), seconds(userGoneMs));
    root.insert(QStringLiteral("gatewayResolveSeconds"), seconds(gatewayResolveMs));
    root.insert(QStringLiteral("gatewaySilenceSeconds"), seconds(gatewaySilenceMs));
    root.insert(QStringLiteral("unknownGatewaySeverity"), severityName(unknownGatewaySeverity));
    root.insert(QStringLiteral("rules"), rules);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

namespace {

// Reads typed members of one JSON object, remembering the first error.
class JsonReader final
{
public:
    JsonReader(const QJsonObject &object, QString where, QString *error)
        : m_object(object)
        , m_where(std::move(where))
        , m_error(error)
    {
    }

    bool failed() const { return m_failed; }

    void fail(const QString &message)
    {
        if (!m_failed && m_error)
            *m_error = m_where.isEmpty() ? message : m_where + QStringLiteral(": ") + message;
        m_failed = true;
    }

    // Fails on keys not in `known`.
    void allowOnly(std::initializer_list<const char *> known)
    {
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            bool ok = false;
            for (const char *key : known)
                ok = ok || it.key() == QLatin1StringView(key);
            if (!ok) {
                fail(AlertRules::tr("unknown key \"%1\"").arg(it.key().left(40)));
                return;
            }
        }
    }

    void number(const char *key, double *out)
    {
        const QJsonValue v = m_object.value(QLatin1StringView(key));
        if (v.isUndefined())
            return;
        if (!v.isDouble() || !std::isfinite(v.toDouble()))
            return fail(AlertRules::tr("\"%1\" must be a number").arg(QLatin1StringView(key)));
        *out = v.toDouble();
    }

    void seconds(const char *key, qint64 *outMs)
    {
        double s = double(*outMs) / 1000.0;
        number(key, &s);
        if (m_failed)
            return;
        if (s < 0 || s > double(MaxDurationMs) / 1000.0)
            return fail(AlertRules::tr("\"%1\" must lie between 0 and 86400 seconds")
                            .arg(QLatin1StringView(key)));
        *outMs = qint64(std::llround(s * 1000.0));
    }

    void integer(const char *key, int *out)
    {
        double d = *out;
        number(key, &d);
        if (m_failed)
            return;
        if (d != std::floor(d) || d < 0 || d > 1e6)
            return fail(
                AlertRules::tr("\"%1\" must be a whole number").arg(QLatin1StringView(key)));
        *out = int(d);
    }

    void boolean(const char *key, bool *out)
    {
        const QJsonValue v = m_object.value(QLatin1StringView(key));
        if (v.isUndefined())
            return;
        if (!v.isBool())
            return fail(AlertRules::tr("\"%1\" must be true or false").arg(QLatin1StringView(key)));
        *out = v.toBool();
    }

    void severity(const char *key, Severity *out)
    {
        const QJsonValue v = m_object.value(QLatin1StringView(key));
        if (v.isUndefined())
            return;
        const auto parsed = severityFromName(v.toString());
        if (!v.isString() || !parsed)
            return fail(AlertRules::tr("\"%1\" must be \"warning\" or \"critical\"")
                            .arg(QLatin1StringView(key)));
        *out = *parsed;
    }

    void quality(const char *key, double *out)
    {
        const QJsonValue v = m_object.value(QLatin1StringView(key));
        if (v.isUndefined())
            return;
        const auto parsed = qualityFromString(v.toString());
        if (!v.isString() || !parsed)
            return fail(
                AlertRules::tr("\"%1\" must be a quality level").arg(QLatin1StringView(key)));
        *out = double(*parsed);
    }

private:
    const QJsonObject &m_object;
    QString m_where;
    QString *m_error;
    bool m_failed = false;
};

} // namespace

std::optional<AlertRules> AlertRules::fromJson(const QByteArray &json, QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<AlertRules> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(tr("not valid JSON: %1").arg(parseError.errorString()));
    if (!doc.isObject())
        return fail(tr("the alert rules must be a JSON object"));
    const QJsonObject root = doc.object();

    AlertRules rules;
    JsonReader top(root, QString(), error);
    top.allowOnly({"version", "preset", "reopenWindowSeconds", "userGoneSeconds",
                   "gatewayResolveSeconds", "gatewaySilenceSeconds", "unknownGatewaySeverity",
                   "rules"});
    double version = 1;
    top.number("version", &version);
    if (!top.failed() && version != 1)
        top.fail(tr("unsupported version"));
    top.seconds("reopenWindowSeconds", &rules.reopenWindowMs);
    top.seconds("userGoneSeconds", &rules.userGoneMs);
    top.seconds("gatewayResolveSeconds", &rules.gatewayResolveMs);
    top.seconds("gatewaySilenceSeconds", &rules.gatewaySilenceMs);
    top.severity("unknownGatewaySeverity", &rules.unknownGatewaySeverity);
    if (top.failed())
        return std::nullopt;
    const QJsonValue preset = root.value(QStringLiteral("preset"));
    if (!preset.isUndefined() && !preset.isString())
        return fail(tr("\"preset\" must be a string"));

    const QJsonValue rulesValue = root.value(QStringLiteral("rules"));
    if (!rulesValue.isUndefined() && !rulesValue.isObject())
        return fail(tr("\"rules\" must be an object"));
    const QJsonObject ruleObjects = rulesValue.toObject();
    for (auto it = ruleObjects.begin(); it != ruleObjects.end(); ++it) {
        const AlertType type = alertTypeFromName(it.key());
        if (type == AlertType::Custom)
            return fail(tr("unknown rule type \"%1\"").arg(it.key().left(40)));
        if (!it.value().isObject())
            return fail(tr("%1: a rule must be an object").arg(it.key()));
        const QJsonObject object = it.value().toObject();
        AlertRule rule = rules.rule(type);
        JsonReader read(object, it.key(), error);
        switch (type) {
        case AlertType::HighLatency:
        case AlertType::PacketLoss:
        case AlertType::HighJitter:
            read.allowOnly(
                {"enabled", "severity", "fireAbove", "clearBelow", "holdSeconds", "clearSeconds"});
            read.number("fireAbove", &rule.fireThreshold);
            read.number("clearBelow", &rule.clearThreshold);
            break;
        case AlertType::PoorConnection:
            read.allowOnly(
                {"enabled", "severity", "fireAt", "clearAt", "holdSeconds", "clearSeconds"});
            read.quality("fireAt", &rule.fireThreshold);
            read.quality("clearAt", &rule.clearThreshold);
            break;
        case AlertType::MeetingDegraded:
            read.allowOnly({"enabled", "severity", "firePercent", "clearBelowPercent", "minUsers",
                            "holdSeconds", "clearSeconds"});
            read.number("firePercent", &rule.fireThreshold);
            read.number("clearBelowPercent", &rule.clearThreshold);
            read.integer("minUsers", &rule.minUsers);
            break;
        case AlertType::GatewayDown:
        case AlertType::Custom:
            read.allowOnly({"enabled", "severity", "holdSeconds", "clearSeconds"});
            break;
        }
        read.boolean("enabled", &rule.enabled);
        read.severity("severity", &rule.severity);
        read.seconds("holdSeconds", &rule.holdMs);
        read.seconds("clearSeconds", &rule.clearMs);
        if (read.failed())
            return std::nullopt;
        rules.setRule(rule);
    }
    if (const auto problem = rules.validate())
        return fail(*problem);
    return rules;
}

} // namespace mm
