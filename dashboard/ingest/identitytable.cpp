#include "identitytable.h"

namespace mm {

std::string_view IdentityTable::keyOf(std::string_view meetingId, std::string_view userId)
{
    const size_t length = meetingId.size();
    m_key.assign(reinterpret_cast<const char *>(&length), sizeof length);
    m_key.append(meetingId);
    m_key.append(userId);
    return m_key;
}

IdentityTable::Entry *IdentityTable::find(std::string_view meetingId, std::string_view userId)
{
    const auto it = m_entries.find(keyOf(meetingId, userId));
    return it == m_entries.end() ? nullptr : &it->second;
}

IdentityTable::Entry &IdentityTable::insert(std::string_view meetingId, std::string_view userId,
                                            QString meetingIdText, QString userIdText)
{
    if (m_entries.size() >= Sample::MaxIdentity)
        m_entries.clear();
    Entry entry;
    entry.number = quint32(m_entries.size()) + 1;
    entry.meetingId = std::move(meetingIdText);
    entry.userId = std::move(userIdText);
    return m_entries.insert_or_assign(std::string(keyOf(meetingId, userId)), std::move(entry))
        .first->second;
}

} // namespace mm
