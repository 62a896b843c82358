// normalize: match keys fold what a reader sees as the same word, and map back to the original.
#include "normalize/normalize.h"

#include <gtest/gtest.h>

#include <string>

#include "test_util.h"

namespace basira::normalize {
namespace {

std::string KeyOf(const std::string& utf8) {
  const std::u16string k = KeyFromUtf8(utf8);
  std::string out;
  icu::UnicodeString(k.data(), static_cast<int32_t>(k.size())).toUTF8String(out);
  return out;
}

// The original text behind key units [begin, end) of `utf8`'s keys.
std::string Back(const std::string& utf8, int32_t begin, int32_t end) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  const MatchKeys keys(text, Span{0, text.length()});
  const Span s = keys.ToOriginal(begin, end);
  std::string out;
  text.tempSubString(s.start, s.length()).toUTF8String(out);
  return out;
}

TEST(KeyTest, AlefForms) {
  EXPECT_EQ(KeyOf("أحمد"), "احمد");
  EXPECT_EQ(KeyOf("إيران"), "ايران");
  EXPECT_EQ(KeyOf("آسيا"), "اسيا");
  EXPECT_EQ(KeyOf("ٱلله"), "الله");
}

TEST(KeyTest, YehTehMarbutaAndHamzaSeats) {
  EXPECT_EQ(KeyOf("مصطفى"), "مصطفي");
  EXPECT_EQ(KeyOf("القاهرة"), "القاهره");
  EXPECT_EQ(KeyOf("مؤتمر"), "موتمر");
  EXPECT_EQ(KeyOf("رئيس"), "رييس");
}

TEST(KeyTest, TashkeelAndTatweelRemoved) {
  EXPECT_EQ(KeyOf("حَلِيفًا"), "حليفا");
  EXPECT_EQ(KeyOf("العـــربية"), "العربيه");
  EXPECT_EQ(KeyOf("قويًّا"), "قويا");
  EXPECT_EQ(KeyOf("رحمٰن"), "رحمن");
}

TEST(KeyTest, PresentationFormsDecomposed) {
  EXPECT_EQ(KeyOf("ﻻ"), "لا");
  EXPECT_EQ(KeyOf("ﺑﻮﺗﻴﻦ"), "بوتين");
}

TEST(KeyTest, DigitsAndSeparatorsToAscii) {
  EXPECT_EQ(KeyOf("٢٠٢٣"), "2023");
  EXPECT_EQ(KeyOf("۱۲۳"), "123");
  EXPECT_EQ(KeyOf("٣٫٥"), "3.5");
  EXPECT_EQ(KeyOf("١٬٢٠٠"), "1,200");
  EXPECT_EQ(KeyOf("٤٠٪"), "40%");
}

TEST(KeyTest, IgnorablesDroppedAndLatinCaseFolded) {
  EXPECT_EQ(KeyOf("بو\u200Cتين"), "بوتين");
  EXPECT_EQ(KeyOf("\u200Fكيم"), "كيم");
  EXPECT_EQ(KeyOf("OpenData"), "opendata");
  EXPECT_EQ(KeyOf("Ｐｕｔｉｎ"), "putin");
}

TEST(KeyTest, EverySpaceIsASpaceOneForOne) {
  EXPECT_EQ(KeyOf("كوريا\nالشمالية"), "كوريا الشماليه");
  EXPECT_EQ(KeyOf("كوريا\r\nالشمالية"), "كوريا  الشماليه");
  EXPECT_EQ(KeyOf("كوريا\tالشمالية"), "كوريا الشماليه");
  EXPECT_EQ(KeyOf("كوريا\u2028الشمالية"), "كوريا الشماليه");
  EXPECT_EQ(KeyOf("كوريا\u0085الشمالية"), "كوريا الشماليه");
  EXPECT_EQ(KeyOf("كوريا\u00A0الشمالية"), "كوريا الشماليه");
  EXPECT_EQ(KeyOf("كوريا\u2003الشمالية"), "كوريا الشماليه");
}

TEST(MatchKeysTest, SpansMapBackToTheOriginal) {
  // Key "بالقاهره": units 1..8 are "القاهره", whose original is "القَاهِرَةِ" with its marks.
  EXPECT_EQ(Back("بِالقَاهِرَةِ", 1, 8), "القَاهِرَةِ");
  EXPECT_EQ(Back("بِالقَاهِرَةِ", 0, 1), "بِ");
  // One presentation form gives two key units, both mapping to it.
  EXPECT_EQ(Back("ﻻ شيء", 0, 1), "ﻻ");
  EXPECT_EQ(Back("ﻻ شيء", 1, 2), "ﻻ");
  EXPECT_EQ(Back("ﻻ شيء", 0, 2), "ﻻ");
  // Dropped tatweel inside a match stays inside its span.
  EXPECT_EQ(Back("العـــربية", 0, 7), "العـــربية");
  // Surrogate pairs before the match do not shift it.
  EXPECT_EQ(Back("😀 كيم", 3, 6), "كيم");
}

TEST(MatchKeysTest, RangeOffsetsAreOriginalOffsets) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8("مقدمة ثم بوتين");
  const MatchKeys keys(text, Span{9, text.length()});
  EXPECT_EQ(keys.key(), u"بوتين");
  EXPECT_EQ(keys.ToOriginal(0, 5), (Span{9, 14}));
  EXPECT_EQ(keys.KeyIndexAt(9), 0);
  EXPECT_EQ(keys.KeyIndexAt(11), 2);
  EXPECT_EQ(keys.KeyIndexAt(14), 5);
}

}  // namespace
}  // namespace basira::normalize
