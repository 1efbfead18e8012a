#include "socketiopacket.h"

#include <array>

namespace mm {

namespace {

void setError(PacketError *out, PacketError error)
{
    if (out)
        *out = error;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// socket.io-parser's Decoder.isPayloadValid.
bool isPayloadValid(SocketIoPacketType type, const nlohmann::json &payload)
{
    switch (type) {
    case SocketIoPacketType::Connect:
        return payload.is_object();
    case SocketIoPacketType::Disconnect:
        return false; // a DISCONNECT carries no payload at all
    case SocketIoPacketType::ConnectError:
        return payload.is_string() || payload.is_object();
    case SocketIoPacketType::Event:
    case SocketIoPacketType::BinaryEvent:
        if (!payload.is_array() || payload.empty())
            return false;
        if (payload.front().is_number())
            return true;
        return payload.front().is_string()
            && !isReservedEventName(payload.front().get_ref<const std::string &>());
    case SocketIoPacketType::Ack:
    case SocketIoPacketType::BinaryAck:
        return payload.is_array();
    }
    return false;
}

} // namespace

bool isReservedEventName(std::string_view name)
{
    static constexpr std::array<std::string_view, 6> Reserved = {
        "connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener",
    };
    for (const auto reserved : Reserved) {
        if (name == reserved)
            return true;
    }
    return false;
}

std::optional<SocketIoPacket> parseSocketIoPacket(std::string_view str, PacketError *error)
{
    setError(error, PacketError::None);
    if (str.empty()) {
        setError(error, PacketError::Empty);
        return std::nullopt;
    }
    if (str[0] < '0' || str[0] > '6') {
        setError(error, PacketError::UnknownType);
        return std::nullopt;
    }

    SocketIoPacket packet;
    packet.type = SocketIoPacketType(str[0] - '0');
    std::size_t i = 1; // index of the next unread character

    if (packet.isBinary()) {
        const std::size_t start = i;
        while (i < str.size() && str[i] != '-')
            ++i;
        if (i == str.size()) {
            setError(error, PacketError::IllegalAttachments);
            return std::nullopt;
        }
        const std::string_view count = str.substr(start, i - start);
        // The JS decoder takes "" as 0; more than a few digits is over the
        // limit anyway, so the number cannot overflow.
        int n = 0;
        for (const char c : count) {
            if (!isDigit(c)) {
                setError(error, PacketError::IllegalAttachments);
                return std::nullopt;
            }
            if (n <= SocketIoPacket::MaxAttachments)
                n = n * 10 + (c - '0');
        }
        if (n > SocketIoPacket::MaxAttachments) {
            setError(error, PacketError::TooManyAttachments);
            return std::nullopt;
        }
        packet.attachments = n;
        ++i; // the '-'
    }

    // Namespace: from '/' up to ',' or the end; the comma is consumed.
    if (i < str.size() && str[i] == '/') {
        const std::size_t start = i;
        while (i < str.size() && str[i] != ',')
            ++i;
        packet.nsp = std::string(str.substr(start, i - start));
        if (i < str.size())
            ++i;
    }

    // Ack id: the digits right there, no separator before the JSON.
    if (i < str.size() && isDigit(str[i])) {
        quint64 id = 0;
        while (i < str.size() && isDigit(str[i])) {
            id = id * 10 + quint64(str[i] - '0');
            if (id > SocketIoPacket::MaxAckId) {
                setError(error, PacketError::InvalidAckId);
                return std::nullopt;
            }
            ++i;
        }
        packet.id = id;
    }

    if (i < str.size()) {
        const std::string_view json = str.substr(i);
        if (jsonNestingDepth(json) > MaxJsonNesting) {
            setError(error, PacketError::NestingTooDeep);
            return std::nullopt;
        }
        auto payload = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
        if (payload.is_discarded()) {
            setError(error, PacketError::MalformedJson);
            return std::nullopt;
        }
        if (!isPayloadValid(packet.type, payload)) {
            setError(error, PacketError::InvalidPayload);
            return std::nullopt;
        }
        packet.data = std::move(payload);
    }
    return packet;
}

std::string encodeSocketIoPacket(const SocketIoPacket &packet)
{
    std::string out;
    out.push_back(char('0' + int(packet.type)));
    if (packet.isBinary()) {
        out += std::to_string(packet.attachments);
        out.push_back('-');
    }
    if (!packet.nsp.empty() && packet.nsp != "/") {
        out += packet.nsp;
        out.push_back(',');
    }
    if (packet.id)
        out += std::to_string(*packet.id);
    if (packet.data)
        out += packet.data->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return out;
}

} // namespace mm
