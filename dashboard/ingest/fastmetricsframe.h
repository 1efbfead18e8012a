#pragma once

#include "ingest/metricsfields.h"

#include <QStringView>
#include <vector>

namespace mm {

// The ingest fast path's parser: reads a `meeting:metrics:update` event
// straight from the WebSocket frame's UTF-16 text into MetricsFields, for
// MetricsDecoder's shared validation, without the generic path's UTF-8 copy
// of the frame and its JSON DOM (a map per object, an allocation per key).
//
// It takes only the frames the gateway sends for that event,
//   42<namespace>,["meeting:metrics:update",{payload}]
// optionally with a connection-state-recovery offset string after the
// payload, as strict RFC 8259 JSON. It declines anything else, and the
// caller then takes the generic path: an ack id, another event or
// namespace, an escape sequence or a lone surrogate in any string, an array
// or object anywhere but as `metrics`, a number out of a double's range,
// malformed JSON. So a frame it accepts is one the generic path would have
// delivered, with the same payload (fuzz/fuzz_metricsframe.cpp checks both).
class FastMetricsFrame final
{
public:
    // True when `frame` is such an event on `nspace` (as packets write it:
    // "/" or "/name"); fields() then holds its payload until the next call.
    bool parse(QStringView frame, QStringView nspace);
    const MetricsFields &fields() const { return m_fields; }

private:
    MetricsFields m_fields;
    // The UTF-8 of the strings in m_fields. Grown for the largest frame so
    // far, never shrunk: frames cost no allocation once it has grown.
    std::vector<char> m_text;
};

} // namespace mm
