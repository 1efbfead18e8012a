#pragma once

#include "core/sample.h"

#include <QString>

#include <vector>

namespace mm {

// What a consumer of samples (the store, the alert engine, the history
// writer) resolved a sample's (meetingId, userId) to, found by the sample's
// identity number (Sample::identity) with no hashing of the ids: at tens of
// thousands of samples a second, hashing and comparing the same two strings
// in every consumer cost more than all the rest of their per-sample work.
//
// A slot holds the ids it was filled for (so their characters stay alive)
// and answers only a sample whose ids share those very characters: the
// decoder gives every sample of a pair the same interned strings, while a
// number reused for another pair, or ids that were built elsewhere, simply
// miss and take the consumer's ordinary look-up. Values must stay valid
// while remembered: clear() when what they point to goes away.
template <typename Value>
class IdentityCache final
{
public:
    // The value remembered for this sample's ids, or nullptr.
    const Value *find(const Sample &sample) const
    {
        if (sample.identity == 0 || sample.identity >= m_slots.size())
            return nullptr;
        const Slot &slot = m_slots[sample.identity];
        if (!slot.filled || !sameCharacters(slot.meetingId, sample.meetingId)
            || !sameCharacters(slot.userId, sample.userId))
            return nullptr;
        return &slot.value;
    }

    void remember(const Sample &sample, Value value)
    {
        if (sample.identity == 0 || sample.identity > Sample::MaxIdentity)
            return;
        if (sample.identity >= m_slots.size()) {
            // Grown by whole chunks, not doubled: numbers come densely from
            // 1, and a doubled vector would hold up to twice the users.
            const size_t size = (size_t(sample.identity) / GrowBy + 1) * GrowBy;
            m_slots.reserve(size);
            m_slots.resize(size);
        }
        Slot &slot = m_slots[sample.identity];
        slot.meetingId = sample.meetingId;
        slot.userId = sample.userId;
        slot.value = std::move(value);
        slot.filled = true;
    }

    void clear() { m_slots.clear(); }

private:
    static constexpr size_t GrowBy = 4096;

    struct Slot
    {
        QString meetingId;
        QString userId;
        Value value{};
        bool filled = false;
    };

    // The same characters in memory, not merely equal text: the slot keeps
    // them alive, so no other text can be at that address meanwhile.
    static bool sameCharacters(const QString &a, const QString &b)
    {
        return a.constData() == b.constData() && a.size() == b.size() && !a.isEmpty();
    }

    std::vector<Slot> m_slots;
};

} // namespace mm
