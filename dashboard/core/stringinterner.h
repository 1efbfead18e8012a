#pragma once

#include <QString>

#include <string>
#include <string_view>
#include <unordered_map>

namespace mm {

// Remembers what a function made of each distinct UTF-8 text, so that the
// ids and names every sample repeats are converted and allocated once, not
// per sample. The samples then share one QString per text: the threads that
// read them (model, alerts, history) find the characters already in cache,
// equal strings compare by pointer, and freeing a sample frees no text.
// Bounded: at MaxEntries distinct texts it starts afresh (a flood of
// one-off ids costs what it did before interning, never more memory), and
// a text longer than MaxTextBytes is made every time, never kept (a
// network peer must not fill memory with megabyte names).
// Not thread-safe: one per ingest thread.
class StringInterner final
{
public:
    static constexpr size_t DefaultMaxEntries = 1 << 16;
    static constexpr size_t MaxTextBytes = 1024;

    explicit StringInterner(size_t maxEntries = DefaultMaxEntries)
        : m_maxEntries(maxEntries == 0 ? 1 : maxEntries)
    {
    }

    // make(utf8) for a text not seen since the last fresh start; the
    // remembered result otherwise. `make` must depend on the text alone.
    template <typename Make>
    QString intern(std::string_view utf8, Make &&make)
    {
        if (utf8.size() > MaxTextBytes)
            return make(utf8);
        if (const auto it = m_texts.find(utf8); it != m_texts.end())
            return it->second;
        if (m_texts.size() >= m_maxEntries)
            m_texts.clear();
        QString made = make(utf8);
        m_texts.emplace(std::string(utf8), made);
        return made;
    }

    size_t size() const { return m_texts.size(); }

private:
    // Heterogeneous look-up: a string_view finds a std::string key without
    // building one.
    struct Hash
    {
        using is_transparent = void;
        size_t operator()(std::string_view text) const { return std::hash<std::string_view>()(text); }
    };

    size_t m_maxEntries;
    std::unordered_map<std::string, QString, Hash, std::equal_to<>> m_texts;
};

// Equal text; interned or shared copies (the common case for repeated ids
// and names) compare by address without reading the characters.
inline bool sameText(const QString &a, const QString &b)
{
    return (a.size() == b.size() && a.constData() == b.constData()) || a == b;
}

} // namespace mm
