#pragma once

#include "core/sample.h"

#include <QString>

#include <string>
#include <string_view>
#include <unordered_map>

namespace mm {

// The decoder's side of Sample::identity. Numbers each distinct
// (meetingId, userId) pair it is given, keeps the pair's converted ids, and
// the user's and meeting's names as last received and as made: a sample
// from a known pair then costs one look-up instead of one per id and name.
// Bounded: at Sample::MaxIdentity pairs it starts afresh, numbering from 1
// again (consumers tell a reused number apart, see IdentityCache). Not
// thread-safe: one per decoder.
class IdentityTable final
{
public:
    // A name as the payload carried it (UTF-8) and what the decoder made of
    // it, so that an unchanged name is not converted again.
    struct Name
    {
        bool known = false;
        std::string received;
        QString made;
    };
    struct Entry
    {
        quint32 number = 0;
        QString meetingId;
        QString userId;
        Name username;
        Name meetingName;
    };

    // The pair's entry, or nullptr. The ids are the payload's UTF-8 texts.
    Entry *find(std::string_view meetingId, std::string_view userId);
    // Adds a pair find() did not know, with its validated ids. The entry
    // stays put until the table starts afresh.
    Entry &insert(std::string_view meetingId, std::string_view userId, QString meetingIdText,
                  QString userIdText);

    size_t size() const { return m_entries.size(); }

private:
    // The two ids in one key, the first prefixed by its length so that no
    // two pairs share a key.
    std::string_view keyOf(std::string_view meetingId, std::string_view userId);

    struct Hash
    {
        using is_transparent = void;
        size_t operator()(std::string_view key) const { return std::hash<std::string_view>()(key); }
    };

    std::string m_key; // scratch for keyOf(), reused: no allocation per look-up
    std::unordered_map<std::string, Entry, Hash, std::equal_to<>> m_entries;
};

} // namespace mm
