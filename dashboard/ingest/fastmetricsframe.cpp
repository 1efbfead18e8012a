#include "fastmetricsframe.h"

#include <QChar>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

namespace mm {

namespace {

constexpr QStringView EventName = u"meeting:metrics:update";
// Longer number tokens are declined rather than copied to the heap: the
// gateway's numbers are a few digits, and the generic path takes the rest.
constexpr qsizetype MaxNumberChars = 64;

bool isJsonSpace(char16_t c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

bool isDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

bool equalsAscii(QStringView text, std::string_view ascii)
{
    if (text.size() != qsizetype(ascii.size()))
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].unicode() != char16_t(ascii[size_t(i)]))
            return false;
    }
    return true;
}

// Writes the UTF-8 of `c` at `out` and moves `out` past it.
void appendUtf8(char *&out, char32_t c)
{
    const auto continuation = [](char32_t bits) { return char(0x80 | (bits & 0x3f)); };
    if (c < 0x80) {
        *out++ = char(c);
    } else if (c < 0x800) {
        *out++ = char(0xc0 | (c >> 6));
        *out++ = continuation(c);
    } else if (c < 0x10000) {
        *out++ = char(0xe0 | (c >> 12));
        *out++ = continuation(c >> 6);
        *out++ = continuation(c);
    } else {
        *out++ = char(0xf0 | (c >> 18));
        *out++ = continuation(c >> 12);
        *out++ = continuation(c >> 6);
        *out++ = continuation(c);
    }
}

// The metrics keys by length, at most three of a length (a fourth fails
// the build here), so that a member name is compared with one to three
// keys rather than with all of them.
constexpr size_t MaxKeysOfALength = 3;
using KeysOfALength = std::array<std::optional<MetricsKey>, MaxKeysOfALength>;

constexpr size_t LongestKey
    = std::max_element(MetricsKeyNames.begin(), MetricsKeyNames.end(),
                       [](std::string_view a, std::string_view b) { return a.size() < b.size(); })
          ->size();

constexpr std::array<KeysOfALength, LongestKey + 1> KeysByLength = [] {
    std::array<KeysOfALength, LongestKey + 1> byLength {};
    for (size_t key = 0; key < MetricsKeyNames.size(); ++key) {
        KeysOfALength &keys = byLength[MetricsKeyNames[key].size()];
        size_t free = 0;
        while (keys[free])
            ++free;
        keys[free] = MetricsKey(key);
    }
    return byLength;
}();

std::optional<MetricsKey> metricsKeyOf(QStringView name)
{
    if (name.size() > qsizetype(LongestKey))
        return std::nullopt;
    for (const std::optional<MetricsKey> key : KeysByLength[size_t(name.size())]) {
        if (key && equalsAscii(name, MetricsKeyNames[size_t(*key)]))
            return key;
    }
    return std::nullopt;
}

// A cursor over the frame. Each read returns false on anything it does not
// take; the parse then stops there and the frame goes the generic way.
class FrameReader
{
public:
    // `text` has room for the frame's UTF-8 (3 bytes per UTF-16 unit).
    FrameReader(QStringView frame, char *text)
        : m_pos(frame.utf16())
        , m_end(frame.utf16() + frame.size())
        , m_text(text)
    {
    }

    // `expected` right here, with no white space before it.
    bool skipExactly(QStringView expected)
    {
        if (m_end - m_pos < expected.size() || QStringView(m_pos, expected.size()) != expected)
            return false;
        m_pos += expected.size();
        return true;
    }

    // The structural character `c`, after optional white space.
    bool expect(char16_t c)
    {
        skipSpace();
        if (m_pos == m_end || *m_pos != c)
            return false;
        ++m_pos;
        return true;
    }

    bool nextIs(char16_t c)
    {
        skipSpace();
        return m_pos != m_end && *m_pos == c;
    }

    bool atEnd()
    {
        skipSpace();
        return m_pos == m_end;
    }

    // A string without escape sequences, control characters or lone
    // surrogates; `out` is its text inside the frame.
    bool readString(QStringView *out)
    {
        if (!expect(u'"'))
            return false;
        const char16_t *start = m_pos;
        for (; m_pos != m_end; ++m_pos) {
            const char16_t c = *m_pos;
            // Nearly every character passes this one test.
            if (c > u'"' && c != u'\\' && c < 0xd800)
                continue;
            if (c == u'"') {
                *out = QStringView(start, m_pos - start);
                ++m_pos;
                return true;
            }
            // Escapes are decoded by the generic path only: one decoder of
            // them, not two to keep identical.
            if (c == u'\\' || c < 0x20)
                return false;
            if (QChar::isSurrogate(c)) {
                if (!QChar::isHighSurrogate(c) || m_end - m_pos < 2
                    || !QChar::isLowSurrogate(m_pos[1]))
                    return false;
                ++m_pos;
            }
        }
        return false;
    }

    // A string, number, true, false or null into `out`, a string's text
    // converted to UTF-8.
    bool readScalar(JsonScalar *out) { return readScalar(out, true); }
    // The same, validated and thrown away.
    bool skipScalar()
    {
        JsonScalar ignored;
        return readScalar(&ignored, false);
    }

    // An object whose members `onMember(key)` reads, value included.
    template<typename OnMember> bool readObject(OnMember onMember)
    {
        if (!expect(u'{'))
            return false;
        if (expect(u'}'))
            return true;
        do {
            QStringView key;
            if (!readString(&key) || !expect(u':') || !onMember(key))
                return false;
        } while (expect(u','));
        return expect(u'}');
    }

private:
    void skipSpace()
    {
        while (m_pos != m_end && isJsonSpace(*m_pos))
            ++m_pos;
    }

    bool skipIf(char16_t c)
    {
        if (m_pos == m_end || *m_pos != c)
            return false;
        ++m_pos;
        return true;
    }

    // One digit or more.
    bool skipDigits()
    {
        const char16_t *start = m_pos;
        while (m_pos != m_end && isDigit(*m_pos))
            ++m_pos;
        return m_pos != start;
    }

    bool readScalar(JsonScalar *out, bool keepText)
    {
        *out = JsonScalar();
        skipSpace();
        if (m_pos == m_end)
            return false;
        switch (*m_pos) {
        case u'"': {
            QStringView text;
            if (!readString(&text))
                return false;
            out->kind = JsonScalar::Kind::String;
            if (keepText)
                out->utf8 = keep(text);
            return true;
        }
        case u't':
            out->kind = JsonScalar::Kind::Other;
            return skipExactly(u"true");
        case u'f':
            out->kind = JsonScalar::Kind::Other;
            return skipExactly(u"false");
        case u'n':
            out->kind = JsonScalar::Kind::Null;
            return skipExactly(u"null");
        default:
            out->kind = JsonScalar::Kind::Number;
            return readNumber(&out->number);
        }
    }

    // RFC 8259's number grammar, converted like the DOM's strtod: from_chars
    // rounds correctly too, and for an integer that fits 64 bits the
    // correctly rounded value is the DOM's double(integer). Out of a double's
    // range is declined (the DOM refuses overflow and keeps underflow).
    bool readNumber(double *out)
    {
        const char16_t *start = m_pos;
        skipIf(u'-');
        if (!skipIf(u'0') && !skipDigits())
            return false;
        if (skipIf(u'.') && !skipDigits())
            return false;
        if (skipIf(u'e') || skipIf(u'E')) {
            if (!skipIf(u'+'))
                skipIf(u'-');
            if (!skipDigits())
                return false;
        }
        const qsizetype length = m_pos - start;
        if (length > MaxNumberChars)
            return false;
        std::array<char, MaxNumberChars> ascii;
        for (qsizetype i = 0; i < length; ++i)
            ascii[size_t(i)] = char(start[i]); // ASCII by the grammar above
        const char *end = ascii.data() + length;
        const auto [ptr, ec] = std::from_chars(ascii.data(), end, *out);
        return ec == std::errc() && ptr == end;
    }

    // Writes the UTF-8 of `text` (valid UTF-16: readString() checked the
    // surrogates) after the texts kept before and returns it.
    std::string_view keep(QStringView text)
    {
        char *const start = m_text;
        char *out = start; // a local: writes through a char * may alias m_text
        for (qsizetype i = 0; i < text.size(); ++i) {
            char32_t c = text[i].unicode();
            if (QChar::isHighSurrogate(c)) {
                c = QChar::surrogateToUcs4(text[i], text[i + 1]);
                ++i;
            }
            appendUtf8(out, c);
        }
        m_text = out;
        return std::string_view(start, size_t(out - start));
    }

    const char16_t *m_pos;
    const char16_t *const m_end;
    char *m_text; // where the next kept text goes
};

// `42<namespace>,["meeting:metrics:update",` and nothing else: no binary
// attachments, no ack id (acks are the generic path's to send).
bool readEventStart(FrameReader &in, QStringView nspace)
{
    if (!in.skipExactly(u"42"))
        return false;
    // The server writes no namespace for "/"; another one is followed by a
    // comma right away (the generic parser takes everything up to it).
    if (nspace != u"/" && !(in.skipExactly(nspace) && in.skipExactly(u",")))
        return false;
    QStringView name;
    return in.expect(u'[') && in.readString(&name) && name == EventName && in.expect(u',');
}

bool readMetrics(FrameReader &in, MetricsFields &fields)
{
    fields.metricsIsObject = in.nextIs(u'{');
    if (!fields.metricsIsObject)
        return in.skipScalar(); // the decoder then rejects the sample
    // A repeated `metrics` replaces the earlier one as a whole, as in the DOM.
    fields.metrics = {};
    return in.readObject([&in, &fields](QStringView key) {
        const std::optional<MetricsKey> known = metricsKeyOf(key);
        return known ? in.readScalar(&fields.inMetrics(*known)) : in.skipScalar();
    });
}

// Repeated keys: the last one wins, as in nlohmann::json's DOM.
bool readPayload(FrameReader &in, MetricsFields &fields)
{
    return in.readObject([&in, &fields](QStringView key) {
        if (equalsAscii(key, "metrics"))
            return readMetrics(in, fields);
        if (equalsAscii(key, "meetingId"))
            return in.readScalar(&fields.meetingId);
        if (equalsAscii(key, "userId"))
            return in.readScalar(&fields.userId);
        return in.skipScalar();
    });
}

// An optional connection-state-recovery offset, then the end of the array
// and of the frame.
bool readEventEnd(FrameReader &in)
{
    QStringView offset;
    if (in.expect(u',') && !in.readString(&offset))
        return false;
    return in.expect(u']') && in.atEnd();
}

} // namespace

bool FastMetricsFrame::parse(QStringView frame, QStringView nspace)
{
    m_fields = MetricsFields();
    // UTF-8 takes at most 3 bytes per UTF-16 unit, and the kept texts are
    // parts of the frame.
    const size_t maxText = size_t(frame.size()) * 3;
    if (m_text.size() < maxText)
        m_text.resize(maxText);
    FrameReader in(frame, m_text.data());
    return readEventStart(in, nspace) && readPayload(in, m_fields) && readEventEnd(in);
}

} // namespace mm
