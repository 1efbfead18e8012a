#pragma once

#include "net/engineiopacket.h"

#include <QtGlobal>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace mm {

// Socket.IO v5 packet types (the character after the Engine.IO '4').
enum class SocketIoPacketType : quint8 {
    Connect = 0,
    Disconnect = 1,
    Event = 2,
    Ack = 3,
    ConnectError = 4,
    BinaryEvent = 5,
    BinaryAck = 6,
};

// One decoded Socket.IO packet:
// <type>[<attachments>-][<namespace>,][<ack id>][<JSON>]
struct SocketIoPacket
{
    // socket.io-parser 4.2.6 refuses more attachments than this per packet.
    static constexpr int MaxAttachments = 10;
    // Ack ids are JS numbers: beyond 2^53 - 1 an id could not be echoed exactly.
    static constexpr quint64 MaxAckId = (quint64(1) << 53) - 1;

    SocketIoPacketType type = SocketIoPacketType::Event;
    std::string nsp = "/";
    std::optional<quint64> id;
    int attachments = 0; // BinaryEvent / BinaryAck only
    std::optional<nlohmann::json> data;

    bool isBinary() const
    {
        return type == SocketIoPacketType::BinaryEvent || type == SocketIoPacketType::BinaryAck;
    }
};

// Decodes like the server's socket.io-parser (decodeString + isPayloadValid),
// with two deliberate differences: ack ids beyond MaxAckId and JSON nested
// deeper than MaxJsonNesting are refused. Never throws, whatever the bytes.
std::optional<SocketIoPacket> parseSocketIoPacket(std::string_view text,
                                                  PacketError *error = nullptr);

// Encodes like the JS encoder: the namespace (when not "/") is always
// followed by a comma. Strings that are not valid UTF-8 are replaced, never
// thrown on. The namespace must start with '/' and contain no ','.
std::string encodeSocketIoPacket(const SocketIoPacket &packet);

// Event names the server refuses (and closes the connection for).
bool isReservedEventName(std::string_view name);

} // namespace mm
