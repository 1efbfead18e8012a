// Fuzz target: one Engine.IO text frame as the gateway could send it, through
// the same parsers the client runs (engineiopacket, socketiopacket).
//
// Invariants, beyond "no crash, leak or hang":
// - a parse fails exactly when it reports an error;
// - Engine.IO: encode(parse(frame)) is the frame, byte for byte;
// - Socket.IO: a packet that parses re-encodes to text that parses again to
//   the same packet (type, namespace, ack id, attachments, JSON payload), and
//   that second encoding is identical to the first (the encoder is stable);
// - every field is within the limits the client relies on (ack id exact as
//   a JS number, at most MaxAttachments, namespace starting with '/' and
//   without ',', open-packet timers within a day and positive).
#include "fuzzcheck.h"
#include "net/engineiopacket.h"
#include "net/socketiopacket.h"

#include <cstdint>
#include <string_view>

using namespace mm;

namespace {

void checkSocketIo(std::string_view text)
{
    PacketError error = PacketError::None;
    const auto packet = parseSocketIoPacket(text, &error);
    MM_FUZZ_CHECK(packet.has_value() == (error == PacketError::None));
    if (!packet)
        return;

    MM_FUZZ_CHECK(!packet->nsp.empty() && packet->nsp.front() == '/');
    MM_FUZZ_CHECK(packet->nsp.find(',') == std::string::npos);
    MM_FUZZ_CHECK(!packet->id || *packet->id <= SocketIoPacket::MaxAckId);
    MM_FUZZ_CHECK(packet->attachments >= 0 && packet->attachments <= SocketIoPacket::MaxAttachments);
    MM_FUZZ_CHECK(packet->isBinary() || packet->attachments == 0);
    MM_FUZZ_CHECK(packet->type != SocketIoPacketType::Disconnect || !packet->data);

    const std::string encoded = encodeSocketIoPacket(*packet);
    PacketError again = PacketError::None;
    const auto reparsed = parseSocketIoPacket(encoded, &again);
    MM_FUZZ_CHECK(reparsed.has_value());
    MM_FUZZ_CHECK(again == PacketError::None);
    MM_FUZZ_CHECK(reparsed->type == packet->type);
    MM_FUZZ_CHECK(reparsed->nsp == packet->nsp);
    MM_FUZZ_CHECK(reparsed->id == packet->id);
    MM_FUZZ_CHECK(reparsed->attachments == packet->attachments);
    MM_FUZZ_CHECK(reparsed->data.has_value() == packet->data.has_value());
    if (packet->data)
        MM_FUZZ_CHECK(*reparsed->data == *packet->data);
    MM_FUZZ_CHECK(encodeSocketIoPacket(*reparsed) == encoded);
}

void checkOpen(std::string_view json)
{
    PacketError error = PacketError::None;
    const auto open = parseEngineIoOpen(json, &error);
    MM_FUZZ_CHECK(open.has_value() == (error == PacketError::None));
    if (!open)
        return;
    constexpr int Day = 24 * 3600 * 1000;
    MM_FUZZ_CHECK(open->pingIntervalMs > 0 && open->pingIntervalMs <= Day);
    MM_FUZZ_CHECK(open->pingTimeoutMs > 0 && open->pingTimeoutMs <= Day);
    MM_FUZZ_CHECK(open->maxPayload > 0 && open->maxPayload <= (qint64(1) << 53) - 1);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view frame(reinterpret_cast<const char *>(data), size);

    // The nesting scan is what stands between a hostile frame and recursive
    // JSON code: it must never report less than the real depth it stops at.
    const int depth = jsonNestingDepth(frame);
    MM_FUZZ_CHECK(depth >= 0 && depth <= MaxJsonNesting + 1);

    PacketError error = PacketError::None;
    const auto packet = parseEngineIoPacket(frame, &error);
    MM_FUZZ_CHECK(packet.has_value() == (error == PacketError::None));
    if (!packet)
        return 0;
    MM_FUZZ_CHECK(encodeEngineIoPacket(packet->type, packet->data) == frame);

    switch (packet->type) {
    case EngineIoPacketType::Open:
        checkOpen(packet->data);
        break;
    case EngineIoPacketType::Message:
        checkSocketIo(packet->data);
        break;
    default:
        break;
    }
    // The Socket.IO parser also sees the whole frame: it must cope with
    // anything, not only with what follows a '4'.
    checkSocketIo(frame);
    return 0;
}
