#include "engineiopacket.h"

#include <QCoreApplication>

#include <cmath>
#include <nlohmann/json.hpp>

namespace mm {

QString packetErrorName(PacketError error)
{
    switch (error) {
    case PacketError::None:
        return QCoreApplication::translate("mm::PacketError", "no error");
    case PacketError::Empty:
        return QCoreApplication::translate("mm::PacketError", "empty packet");
    case PacketError::UnknownType:
        return QCoreApplication::translate("mm::PacketError", "unknown packet type");
    case PacketError::IllegalAttachments:
        return QCoreApplication::translate("mm::PacketError", "illegal attachment count");
    case PacketError::TooManyAttachments:
        return QCoreApplication::translate("mm::PacketError", "too many attachments");
    case PacketError::InvalidAckId:
        return QCoreApplication::translate("mm::PacketError", "invalid acknowledgement id");
    case PacketError::MalformedJson:
        return QCoreApplication::translate("mm::PacketError", "malformed JSON");
    case PacketError::NestingTooDeep:
        return QCoreApplication::translate("mm::PacketError", "JSON nested too deeply");
    case PacketError::InvalidPayload:
        return QCoreApplication::translate("mm::PacketError", "invalid payload for the packet type");
    }
    return QCoreApplication::translate("mm::PacketError", "unknown error");
}

namespace {

void setError(PacketError *out, PacketError error)
{
    if (out)
        *out = error;
}

// A positive, finite JSON number no larger than `max`, else nullopt.
std::optional<qint64> positiveNumber(const nlohmann::json &object, const char *key, qint64 max)
{
    const auto it = object.find(key);
    if (it == object.end())
        return std::nullopt;
    if (it->is_number_unsigned()) {
        const auto value = it->get<std::uint64_t>();
        if (value == 0 || value > std::uint64_t(max))
            return std::nullopt;
        return qint64(value);
    }
    if (it->is_number_integer()) {
        const auto value = it->get<std::int64_t>();
        if (value <= 0 || value > max)
            return std::nullopt;
        return qint64(value);
    }
    if (it->is_number_float()) {
        const double value = it->get<double>();
        if (!std::isfinite(value) || value < 1 || value > double(max))
            return std::nullopt;
        return qint64(value);
    }
    return std::nullopt;
}

} // namespace

int jsonNestingDepth(std::string_view json, int limit)
{
    int depth = 0;
    int maxDepth = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : json) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '[':
        case '{':
            if (++depth > maxDepth) {
                maxDepth = depth;
                if (maxDepth > limit)
                    return maxDepth;
            }
            break;
        case ']':
        case '}':
            if (depth > 0)
                --depth;
            break;
        default:
            break;
        }
    }
    return maxDepth;
}

std::optional<EngineIoPacket> parseEngineIoPacket(std::string_view frame, PacketError *error)
{
    setError(error, PacketError::None);
    if (frame.empty()) {
        setError(error, PacketError::Empty);
        return std::nullopt;
    }
    const char digit = frame.front();
    if (digit < '0' || digit > '6') {
        setError(error, PacketError::UnknownType);
        return std::nullopt;
    }
    return EngineIoPacket{EngineIoPacketType(digit - '0'), frame.substr(1)};
}

std::string encodeEngineIoPacket(EngineIoPacketType type, std::string_view data)
{
    std::string frame;
    frame.reserve(1 + data.size());
    frame.push_back(char('0' + int(type)));
    frame.append(data);
    return frame;
}

std::optional<EngineIoOpen> parseEngineIoOpen(std::string_view json, PacketError *error)
{
    setError(error, PacketError::None);
    if (jsonNestingDepth(json) > MaxJsonNesting) {
        setError(error, PacketError::NestingTooDeep);
        return std::nullopt;
    }
    const auto parsed = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
    if (parsed.is_discarded()) {
        setError(error, PacketError::MalformedJson);
        return std::nullopt;
    }
    if (!parsed.is_object()) {
        setError(error, PacketError::InvalidPayload);
        return std::nullopt;
    }

    // Timer intervals are ints of milliseconds and the client adds interval
    // and timeout: bound each to a day so the sum cannot overflow.
    constexpr qint64 MaxIntervalMs = 24LL * 3600 * 1000;
    // Beyond 2^53 a JS number is not exact; no real server announces that.
    constexpr qint64 MaxPayload = (qint64(1) << 53) - 1;

    EngineIoOpen open;
    if (const auto sid = parsed.find("sid"); sid != parsed.end() && sid->is_string())
        open.sid = sid->get<std::string>();
    if (const auto v = positiveNumber(parsed, "pingInterval", MaxIntervalMs))
        open.pingIntervalMs = int(*v);
    if (const auto v = positiveNumber(parsed, "pingTimeout", MaxIntervalMs))
        open.pingTimeoutMs = int(*v);
    if (const auto v = positiveNumber(parsed, "maxPayload", MaxPayload))
        open.maxPayload = *v;
    return open;
}

} // namespace mm
