#include "ingest/ingest.h"

#include <gtest/gtest.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <cstdio>
#include <string>
#include <string_view>

#include "test_util.h"

namespace basira::ingest {
namespace {

using test::Utf8;

// "ab\xC0\xAF" -> "ab\xC0\xAF" as printable ASCII, for failure messages.
std::string Escaped(std::string_view bytes) {
  std::string out;
  for (const char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    if (b >= 0x20 && b < 0x7F && b != '\\') {
      out += ch;
    } else {
      char hex[8];
      std::snprintf(hex, sizeof(hex), "\\x%02X", b);
      out += hex;
    }
  }
  return out;
}

// Expects `utf8` to decode to `units` UTF-16 code units that re-encode to the same bytes.
void ExpectValid(std::string_view utf8, int32_t units) {
  icu::UnicodeString out(u"stale contents");
  const Status status = DecodeUtf8(utf8, &out);
  ASSERT_TRUE(status.ok()) << Escaped(utf8) << ": " << status.message();
  EXPECT_EQ(out.length(), units) << Escaped(utf8);
  EXPECT_EQ(Utf8(out), std::string(utf8)) << Escaped(utf8);
}

// Expects DecodeUtf8 to refuse `bytes` with `code` at byte offset `offset`.
void ExpectErrorAt(std::string_view bytes, ErrorCode code, int64_t offset) {
  icu::UnicodeString out;
  const Status status = DecodeUtf8(bytes, &out);
  ASSERT_FALSE(status.ok()) << Escaped(bytes) << " was accepted";
  EXPECT_EQ(status.code(), code) << Escaped(bytes) << ": " << status.message();
  EXPECT_EQ(status.byte_offset(), offset) << Escaped(bytes) << ": " << status.message();
  EXPECT_NE(status.message().find("byte offset " + std::to_string(offset)), std::string::npos)
      << Escaped(bytes) << ": " << status.message();
  EXPECT_EQ(status.input(), -1) << "DecodeUtf8 knows no input index";
}

void ExpectInvalidAt(std::string_view bytes, int64_t offset) {
  ExpectErrorAt(bytes, ErrorCode::kInvalidUtf8, offset);
}

void ExpectBinaryAt(std::string_view bytes, int64_t offset) {
  ExpectErrorAt(bytes, ErrorCode::kBinaryData, offset);
}

bool Blank(const char* utf8) { return IsBlank(icu::UnicodeString::fromUTF8(utf8)); }

// --- DecodeUtf8: well-formed text ---------------------------------------------------------------

TEST(DecodeUtf8Test, Empty) { ExpectValid("", 0); }
TEST(DecodeUtf8Test, Ascii) { ExpectValid("Reuters, 2023.", 14); }
TEST(DecodeUtf8Test, ArabicLetters) { ExpectValid("سلام", 4); }
TEST(DecodeUtf8Test, ArabicPhrase) { ExpectValid("كوريا الشمالية", 14); }
TEST(DecodeUtf8Test, ArabicWithDiacritics) { ExpectValid("حَليفًا", 7); }
TEST(DecodeUtf8Test, EasternArabicDigits) { ExpectValid("١٣ سبتمبر ٢٠٢٣", 14); }
TEST(DecodeUtf8Test, ThreeByteCharacters) { ExpectValid("\xE2\x80\x8C\xEF\xBB\xBF", 2); }
TEST(DecodeUtf8Test, LargestCodePoint) { ExpectValid("\xF4\x8F\xBF\xBF", 2); }
TEST(DecodeUtf8Test, SmallestTwoByteForm) { ExpectValid("\xC2\x80", 1); }
TEST(DecodeUtf8Test, LastCodePointBeforeSurrogates) { ExpectValid("\xED\x9F\xBF", 1); }

TEST(DecodeUtf8Test, EmojiIsASurrogatePair) {
  ExpectValid("\xF0\x9F\x98\x80", 2);
  icu::UnicodeString out;
  ASSERT_TRUE(DecodeUtf8("x\xF0\x9F\x98\x80y", &out).ok());
  ASSERT_EQ(out.length(), 4);
  EXPECT_TRUE(U16_IS_LEAD(out[1]));
  EXPECT_TRUE(U16_IS_TRAIL(out[2]));
  EXPECT_EQ(out.char32At(1), 0x1F600);
  EXPECT_EQ(out[3], u'y');
}

TEST(DecodeUtf8Test, ReplacesPreviousContents) {
  icu::UnicodeString out(u"previous text that is longer");
  ASSERT_TRUE(DecodeUtf8("نص", &out).ok());
  EXPECT_EQ(out, icu::UnicodeString(u"نص"));
}

// --- DecodeUtf8: ill-formed text ----------------------------------------------------------------

TEST(DecodeUtf8Test, OverlongTwoByte) { ExpectInvalidAt("ab\xC0\xAF", 2); }
TEST(DecodeUtf8Test, OverlongTwoByteC1) { ExpectInvalidAt("\xC1\xBF", 0); }
TEST(DecodeUtf8Test, OverlongThreeByte) { ExpectInvalidAt("ab\xE0\x80\xAF", 2); }
TEST(DecodeUtf8Test, OverlongThreeByteAfterArabic) { ExpectInvalidAt("سلام\xE0\x9F\xBF", 8); }
TEST(DecodeUtf8Test, OverlongFourByte) { ExpectInvalidAt("a\xF0\x8F\xBF\xBF", 1); }
TEST(DecodeUtf8Test, EncodedLeadSurrogate) { ExpectInvalidAt("x\xED\xA0\x80", 1); }
TEST(DecodeUtf8Test, EncodedTrailSurrogate) { ExpectInvalidAt("\xED\xBF\xBF", 0); }
TEST(DecodeUtf8Test, AboveMaxCodePoint) { ExpectInvalidAt("\xF4\x90\x80\x80", 0); }
TEST(DecodeUtf8Test, LeadByteF5) { ExpectInvalidAt("ab\xF5\x80\x80\x80", 2); }
TEST(DecodeUtf8Test, ByteFF) { ExpectInvalidAt("\xFF", 0); }
TEST(DecodeUtf8Test, LoneContinuationByte) {
  ExpectInvalidAt(
      "a\x80"
      "b",
      1);
}
TEST(DecodeUtf8Test, LoneContinuationAfterArabic) { ExpectInvalidAt("سلام\xBF", 8); }
TEST(DecodeUtf8Test, TruncatedTwoByteAtEnd) { ExpectInvalidAt("سلا\xD9", 6); }
TEST(DecodeUtf8Test, TruncatedThreeByteAtEnd) { ExpectInvalidAt("ab\xE2\x80", 2); }
TEST(DecodeUtf8Test, TruncatedFourByteAtEnd) { ExpectInvalidAt("\xF0\x9F\x98", 0); }
TEST(DecodeUtf8Test, MissingContinuationInMiddle) {
  ExpectInvalidAt(
      "a\xD9"
      "b سلام",
      1);
}
TEST(DecodeUtf8Test, MissingThirdByteInMiddle) {
  ExpectInvalidAt(
      "سل\xE2\x80"
      "a بب",
      4);
}
TEST(DecodeUtf8Test, MissingFourthByteInMiddle) { ExpectInvalidAt("\xF0\x9F\x98\xD8\xA8", 0); }
TEST(DecodeUtf8Test, FirstErrorIsReported) { ExpectInvalidAt("ok\x80\xC0\xAF", 2); }

TEST(DecodeUtf8Test, NulByte) { ExpectBinaryAt(std::string_view("ab\0c", 4), 2); }
TEST(DecodeUtf8Test, NulByteFirst) { ExpectBinaryAt(std::string_view("\0", 1), 0); }
TEST(DecodeUtf8Test, NulByteAfterArabic) { ExpectBinaryAt(std::string_view("سلام\0", 9), 8); }

// --- IsBlank -------------------------------------------------------------------------------------

TEST(IsBlankTest, EmptyText) { EXPECT_TRUE(Blank("")); }
TEST(IsBlankTest, Spaces) { EXPECT_TRUE(Blank("   ")); }
TEST(IsBlankTest, NewlinesAndTabs) { EXPECT_TRUE(Blank("\n\t\r\n \t")); }
TEST(IsBlankTest, NoBreakSpace) { EXPECT_TRUE(Blank("\u00A0")); }
TEST(IsBlankTest, ZeroWidthNonJoiner) { EXPECT_TRUE(Blank("\u200C")); }
TEST(IsBlankTest, ZeroWidthJoiner) { EXPECT_TRUE(Blank("\u200D")); }
TEST(IsBlankTest, ByteOrderMark) { EXPECT_TRUE(Blank("\uFEFF")); }
TEST(IsBlankTest, RightToLeftMark) { EXPECT_TRUE(Blank("\u200F")); }
TEST(IsBlankTest, ArabicLetterMark) { EXPECT_TRUE(Blank("\u061C")); }
TEST(IsBlankTest, LineSeparator) { EXPECT_TRUE(Blank("\u2028")); }
TEST(IsBlankTest, Mixture) { EXPECT_TRUE(Blank("\uFEFF \u200F\n\u00A0\u200C\t\u3000")); }
TEST(IsBlankTest, DiacriticAlone) { EXPECT_FALSE(Blank("َ")); }
TEST(IsBlankTest, ShaddaAndKasratanAlone) { EXPECT_FALSE(Blank("ٍّ")); }
TEST(IsBlankTest, SingleArabicLetter) { EXPECT_FALSE(Blank("ب")); }
TEST(IsBlankTest, LetterAmongSpaces) { EXPECT_FALSE(Blank(" \u200C\n ب \u00A0")); }
TEST(IsBlankTest, EasternArabicDigit) { EXPECT_FALSE(Blank("\u200F١")); }
TEST(IsBlankTest, Punctuation) { EXPECT_FALSE(Blank(" ؟ ")); }
TEST(IsBlankTest, EmojiAtEnd) { EXPECT_FALSE(Blank("  \xF0\x9F\x98\x80")); }

// --- Ingest --------------------------------------------------------------------------------------

TEST(IngestTest, AcceptsArabicText) {
  icu::UnicodeString out;
  const Status status = Ingest(0, "a.txt", "  قال الوزير.\n", &out);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(out, icu::UnicodeString(u"  قال الوزير.\n"));  // never altered, not even trimmed
}

TEST(IngestTest, EmptyInput) {
  icu::UnicodeString out;
  const Status status = Ingest(3, "empty.txt", "", &out);
  EXPECT_EQ(status.code(), ErrorCode::kEmptyInput);
  EXPECT_EQ(status.input(), 3);
  EXPECT_EQ(status.byte_offset(), -1);
  EXPECT_NE(status.message().find("input 3"), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("empty.txt"), std::string::npos) << status.message();
}

TEST(IngestTest, WhitespaceOnlyInput) {
  icu::UnicodeString out;
  const Status status = Ingest(1, "blank.txt", " \n\t\u00A0\u200C\uFEFF\u200F\r\n", &out);
  EXPECT_EQ(status.code(), ErrorCode::kEmptyInput);
  EXPECT_EQ(status.input(), 1);
  EXPECT_EQ(status.byte_offset(), -1);
  EXPECT_NE(status.message().find("input 1"), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("blank.txt"), std::string::npos) << status.message();
}

TEST(IngestTest, DiacriticOnlyInputIsNotEmpty) {
  icu::UnicodeString out;
  EXPECT_TRUE(Ingest(0, "x", " َ ", &out).ok());
}

TEST(IngestTest, InvalidUtf8CarriesInputAndOffset) {
  icu::UnicodeString out;
  const Status status = Ingest(2, "bad.txt", "قال \xC0\xAF", &out);
  EXPECT_EQ(status.code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(status.input(), 2);
  EXPECT_EQ(status.byte_offset(), 7);
  EXPECT_NE(status.message().find("input 2"), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("bad.txt"), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("byte offset 7"), std::string::npos) << status.message();
}

TEST(IngestTest, InvalidUtf8WinsOverBlank) {
  icu::UnicodeString out;
  const Status status = Ingest(0, "x", "  \x80", &out);
  EXPECT_EQ(status.code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(status.byte_offset(), 2);
}

TEST(IngestTest, NulByteCarriesInputAndOffset) {
  icu::UnicodeString out;
  const Status status = Ingest(4, "image.png", std::string_view("\x89PNG\0", 5), &out);
  // \x89 is a lone continuation byte, before the NUL: the first problem is reported.
  EXPECT_EQ(status.code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(status.byte_offset(), 0);

  const Status nul = Ingest(4, "data.bin", std::string_view("نص\0\0", 6), &out);
  EXPECT_EQ(nul.code(), ErrorCode::kBinaryData);
  EXPECT_EQ(nul.input(), 4);
  EXPECT_EQ(nul.byte_offset(), 4);
  EXPECT_NE(nul.message().find("input 4"), std::string::npos) << nul.message();
  EXPECT_NE(nul.message().find("data.bin"), std::string::npos) << nul.message();
}

TEST(IngestTest, MessageWithoutName) {
  icu::UnicodeString out;
  const Status status = Ingest(5, "", "   ", &out);
  EXPECT_EQ(status.code(), ErrorCode::kEmptyInput);
  EXPECT_EQ(status.input(), 5);
  EXPECT_NE(status.message().find("input 5"), std::string::npos) << status.message();
  EXPECT_EQ(status.message().find("()"), std::string::npos) << status.message();
}

}  // namespace
}  // namespace basira::ingest
