#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>
#include <string>
#include <string_view>

namespace mm {

// Why a frame could not be parsed. Shared by the Engine.IO and Socket.IO
// layers; never fatal for the connection, the client counts and drops.
enum class PacketError {
    None,
    Empty,              // zero-length frame or packet
    UnknownType,        // first character is not a known packet type
    IllegalAttachments, // binary packet without a valid "<n>-" prefix
    TooManyAttachments, // more than the server parser's limit
    InvalidAckId,       // ack id beyond what a JS number holds exactly
    MalformedJson,      // payload is not JSON
    NestingTooDeep,     // payload nested deeper than we are willing to hold
    InvalidPayload,     // JSON of the wrong shape for the packet type
};

QString packetErrorName(PacketError error);

// Engine.IO v4 packet types: the first character of every text frame.
enum class EngineIoPacketType : quint8 {
    Open = 0,
    Close = 1,
    Ping = 2,
    Pong = 3,
    Message = 4,
    Upgrade = 5,
    Noop = 6,
};

// One Engine.IO text packet. `data` points into the parsed frame, so it is
// valid only as long as that frame.
struct EngineIoPacket
{
    EngineIoPacketType type = EngineIoPacketType::Noop;
    std::string_view data;
};

// The open packet's JSON. Missing or unusable fields keep engine.io 6's
// defaults, so an older server (no maxPayload, pingTimeout 5000) still works.
struct EngineIoOpen
{
    static constexpr int DefaultPingIntervalMs = 25000;
    static constexpr int DefaultPingTimeoutMs = 20000;
    static constexpr qint64 DefaultMaxPayload = 1000000;

    std::string sid; // secret-ish: never log it
    int pingIntervalMs = DefaultPingIntervalMs;
    int pingTimeoutMs = DefaultPingTimeoutMs;
    qint64 maxPayload = DefaultMaxPayload; // bytes per WebSocket message
};

// Payloads nested deeper than this are refused before JSON parsing: ours are
// three levels deep, and a megabyte of '[' must not reach recursive code.
inline constexpr int MaxJsonNesting = 128;

// "2" -> Ping; "4..." -> Message with the rest as data. Only the type digit
// is interpreted; on failure returns nullopt and sets *error.
std::optional<EngineIoPacket> parseEngineIoPacket(std::string_view frame,
                                                  PacketError *error = nullptr);
std::string encodeEngineIoPacket(EngineIoPacketType type, std::string_view data = {});

// The JSON after the '0' of an open packet. Fails only when it is not a JSON
// object; individual fields fall back to their defaults.
std::optional<EngineIoOpen> parseEngineIoOpen(std::string_view json,
                                              PacketError *error = nullptr);

// Maximum nesting depth of the JSON text (brackets outside strings), stopping
// early once `limit` is exceeded. Linear, no allocation.
int jsonNestingDepth(std::string_view json, int limit = MaxJsonNesting);

} // namespace mm
