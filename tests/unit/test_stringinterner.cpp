#include "core/stringinterner.h"

#include <gtest/gtest.h>

using namespace mm;

namespace {

QString upperUtf8(std::string_view utf8)
{
    return QString::fromUtf8(utf8.data(), qsizetype(utf8.size())).toUpper();
}

} // namespace

TEST(StringInterner, MakesEachTextOnceAndSharesTheResult)
{
    StringInterner interner;
    int made = 0;
    auto make = [&](std::string_view utf8) {
        ++made;
        return upperUtf8(utf8);
    };
    const QString first = interner.intern("zoë", make);
    const QString again = interner.intern(std::string("zoë"), make);
    EXPECT_EQ(first, QStringLiteral("ZOË"));
    EXPECT_EQ(again, first);
    EXPECT_EQ(made, 1);
    // One allocation shared by every sample that repeats the text.
    EXPECT_EQ(again.constData(), first.constData());

    EXPECT_EQ(interner.intern("bob", make), QStringLiteral("BOB"));
    EXPECT_EQ(made, 2);
    EXPECT_EQ(interner.size(), 2u);
}

TEST(StringInterner, StaysBoundedUnderAFloodOfDistinctTexts)
{
    StringInterner interner(100);
    for (int i = 0; i < 10'000; ++i) {
        const std::string text = "user-" + std::to_string(i);
        EXPECT_EQ(interner.intern(text, upperUtf8), QString::fromStdString(text).toUpper());
        ASSERT_LE(interner.size(), 100u);
    }
    // And still remembers after a fresh start.
    int made = 0;
    auto make = [&](std::string_view utf8) {
        ++made;
        return upperUtf8(utf8);
    };
    interner.intern("again", make);
    interner.intern("again", make);
    EXPECT_EQ(made, 1);
}

TEST(StringInterner, EmptyAndBinaryTextsAreTextsLikeAnyOther)
{
    StringInterner interner;
    EXPECT_EQ(interner.intern("", upperUtf8), QString());
    const std::string withNul("a\0b", 3);
    const QString made = interner.intern(withNul, upperUtf8);
    EXPECT_EQ(made.size(), 3);
    EXPECT_NE(interner.intern("a", upperUtf8), made); // not cut at the NUL
}

// A peer must not fill memory with huge texts: those are made every time.
TEST(StringInterner, KeepsNoTextLongerThanItsBound)
{
    StringInterner interner;
    int made = 0;
    auto make = [&](std::string_view utf8) {
        ++made;
        return upperUtf8(utf8);
    };
    const std::string longest(StringInterner::MaxTextBytes, 'a');
    const std::string tooLong(StringInterner::MaxTextBytes + 1, 'a');
    EXPECT_EQ(interner.intern(tooLong, make).size(), qsizetype(tooLong.size()));
    EXPECT_EQ(interner.intern(tooLong, make).size(), qsizetype(tooLong.size()));
    EXPECT_EQ(made, 2);
    EXPECT_EQ(interner.size(), 0u);
    interner.intern(longest, make);
    interner.intern(longest, make);
    EXPECT_EQ(made, 3);
    EXPECT_EQ(interner.size(), 1u);
}
