#include "core/identitycache.h"
#include "ingest/identitytable.h"

#include <gtest/gtest.h>

#include <string>

using namespace mm;

namespace {

Sample sampleOf(const QString &meetingId, const QString &userId, quint32 identity)
{
    Sample sample;
    sample.meetingId = meetingId;
    sample.userId = userId;
    sample.identity = identity;
    return sample;
}

} // namespace

TEST(IdentityCache, AnswersOnlyTheStringsItWasFilledFor)
{
    const QString meeting = QStringLiteral("m1");
    const QString user = QStringLiteral("u1");
    IdentityCache<int> cache;
    const Sample first = sampleOf(meeting, user, 7);
    EXPECT_EQ(cache.find(first), nullptr);
    cache.remember(first, 42);
    ASSERT_NE(cache.find(first), nullptr);
    EXPECT_EQ(*cache.find(first), 42);
    // Copies share the characters: the decoder's next sample of the pair.
    EXPECT_NE(cache.find(sampleOf(meeting, user, 7)), nullptr);

    // Equal text in strings of its own, the number reused for another pair,
    // another number, or none: all miss.
    EXPECT_EQ(cache.find(sampleOf(QString(meeting.data(), 2), user, 7)), nullptr);
    EXPECT_EQ(cache.find(sampleOf(meeting, QString(user.data(), 2), 7)), nullptr);
    EXPECT_EQ(cache.find(sampleOf(meeting, QStringLiteral("u2"), 7)), nullptr);
    EXPECT_EQ(cache.find(sampleOf(meeting, user, 8)), nullptr);
    EXPECT_EQ(cache.find(sampleOf(meeting, user, 0)), nullptr);

    // The slot keeps the ids alive, whatever happens to the caller's
    // copies: a string built later with the same text lives elsewhere.
    const QChar *kept = nullptr;
    {
        const QString shortLived = QStringLiteral("m%1").arg(2);
        kept = shortLived.constData();
        cache.remember(sampleOf(shortLived, user, 3), 5);
    }
    const QString later = QStringLiteral("m%1").arg(2);
    EXPECT_NE(later.constData(), kept);
    EXPECT_EQ(cache.find(sampleOf(later, user, 3)), nullptr);

    cache.clear();
    EXPECT_EQ(cache.find(first), nullptr);
}

TEST(IdentityCache, IgnoresNumbersOutOfRange)
{
    IdentityCache<int> cache;
    const Sample huge = sampleOf(QStringLiteral("m"), QStringLiteral("u"), Sample::MaxIdentity + 1);
    cache.remember(huge, 1);
    EXPECT_EQ(cache.find(huge), nullptr);
    const Sample top = sampleOf(QStringLiteral("m"), QStringLiteral("u"), Sample::MaxIdentity);
    cache.remember(top, 2);
    ASSERT_NE(cache.find(top), nullptr);
    EXPECT_EQ(*cache.find(top), 2);
}

TEST(IdentityTable, NumbersPairsFromOneAndStartsAfreshWhenFull)
{
    IdentityTable table;
    EXPECT_EQ(table.find("m", "u"), nullptr);
    IdentityTable::Entry &first = table.insert("m", "u", QStringLiteral("m"), QStringLiteral("u"));
    EXPECT_EQ(first.number, 1u);
    EXPECT_EQ(table.find("m", "u"), &first);
    EXPECT_EQ(table.find("mu", ""), nullptr);
    EXPECT_EQ(table.find("", "mu"), nullptr);
    EXPECT_EQ(table.insert("mu", "", QStringLiteral("mu"), QString()).number, 2u);

    for (quint32 i = 3; i <= Sample::MaxIdentity; ++i) {
        const std::string user = std::to_string(i);
        ASSERT_EQ(table.insert("x", user, QStringLiteral("x"), QString::fromStdString(user)).number, i);
    }
    EXPECT_EQ(table.size(), size_t(Sample::MaxIdentity));
    // Full: the next pair starts a new table, numbered from 1 again.
    EXPECT_EQ(table.insert("y", "z", QStringLiteral("y"), QStringLiteral("z")).number, 1u);
    EXPECT_EQ(table.size(), 1u);
    EXPECT_EQ(table.find("m", "u"), nullptr);
}
