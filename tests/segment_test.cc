#include "segment/segment.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "test_util.h"

namespace basira::segment {
namespace {

using test::Utf8;
using Tok = std::pair<std::string, std::string>;  // (text, kind name)
using Toks = std::vector<Tok>;
using Strings = std::vector<std::string>;

// One Segmenter for all tests, made after basira's ICU data is loaded (by the shared Analyzer).
const Segmenter& SharedSegmenter() {
  static const Segmenter* const segmenter = [] {
    test::SharedAnalyzer();
    std::unique_ptr<Segmenter> made;
    const Status status = Segmenter::Create(&made);
    if (!status.ok() || made == nullptr) {
      std::fprintf(stderr, "Segmenter::Create failed: %s\n", status.message().c_str());
      std::abort();
    }
    return made.release();
  }();
  return *segmenter;
}

// What a sentence may not start or end with: white space and invisible padding (bidi marks,
// ZWNJ, BOM), but not ZWJ or variation selectors, which belong to an emoji.
bool IsSpaceLike(UChar32 c) {
  if (c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F)) return false;
  return u_isUWhiteSpace(c) || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

std::string Slice(const icu::UnicodeString& text, Span s) {
  return Utf8(text.tempSubString(s.start, s.length()));
}

// Checks the sentence guarantees of segment.h for `spans` of text[range].
void CheckSentenceSpans(const icu::UnicodeString& text, Span range,
                        const std::vector<Span>& spans) {
  int32_t previous_end = range.start;
  for (const Span& s : spans) {
    EXPECT_GE(s.start, previous_end) << "out of order or overlapping: " << Slice(text, s);
    EXPECT_LT(s.start, s.end) << "empty sentence at " << s.start;
    EXPECT_LE(s.end, range.end) << "beyond the range: " << Slice(text, s);
    if (s.start < s.end && s.end <= text.length()) {
      EXPECT_FALSE(IsSpaceLike(text.char32At(s.start))) << "untrimmed: " << Slice(text, s);
      EXPECT_FALSE(IsSpaceLike(text.char32At(s.end - 1))) << "untrimmed: " << Slice(text, s);
    }
    previous_end = s.end;
  }
}

// Checks the token guarantees of segment.h for `tokens` of text[range].
void CheckTokenSpans(const icu::UnicodeString& text, Span range,
                     const std::vector<TokenSpan>& tokens) {
  int32_t previous_end = range.start;
  for (const TokenSpan& t : tokens) {
    EXPECT_GE(t.span.start, previous_end) << "out of order or overlapping: " << Slice(text, t.span);
    EXPECT_LT(t.span.start, t.span.end) << "empty token at " << t.span.start;
    EXPECT_LE(t.span.end, range.end) << "beyond the range: " << Slice(text, t.span);
    bool all_space = true;
    for (int32_t i = t.span.start; i < t.span.end; i += U16_LENGTH(text.char32At(i))) {
      all_space = all_space && IsSpaceLike(text.char32At(i));
      EXPECT_FALSE(u_isUWhiteSpace(text.char32At(i)))
          << "whitespace in token: " << Slice(text, t.span);
    }
    EXPECT_FALSE(all_space) << "blank token at " << t.span.start;
    previous_end = t.span.end;
  }
}

std::vector<Span> SentenceSpans(const icu::UnicodeString& text, Span range) {
  Segmenter::Session session(SharedSegmenter());
  std::vector<Span> spans;
  session.Sentences(text, range, &spans);
  CheckSentenceSpans(text, range, spans);
  return spans;
}

std::vector<TokenSpan> TokenSpans(const icu::UnicodeString& text, Span range) {
  Segmenter::Session session(SharedSegmenter());
  std::vector<TokenSpan> tokens;
  session.Tokens(text, range, &tokens);
  CheckTokenSpans(text, range, tokens);
  return tokens;
}

// The sentences of the whole of `utf8`, as text.
Strings Sentences(const char* utf8) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  Strings out;
  for (const Span& s : SentenceSpans(text, Span{0, text.length()})) out.push_back(Slice(text, s));
  return out;
}

// The tokens of the whole of `utf8`, as (text, kind).
Toks Tokens(const char* utf8) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  Toks out;
  for (const TokenSpan& t : TokenSpans(text, Span{0, text.length()})) {
    out.emplace_back(Slice(text, t.span), TokenKindName(t.kind));
  }
  return out;
}

// The text Trim leaves of the whole of `utf8`.
std::string Trimmed(const char* utf8) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  return Slice(text, Trim(text, Span{0, text.length()}));
}

// --- Sentences -----------------------------------------------------------------------------------

TEST(SentencesTest, SplitsAtFullStop) {
  EXPECT_EQ(Sentences("ذهب الولد إلى المدرسة. عاد في المساء."),
            (Strings{"ذهب الولد إلى المدرسة.", "عاد في المساء."}));
}

TEST(SentencesTest, SplitsAtArabicQuestionMark) {
  EXPECT_EQ(Sentences("هل زرت القاهرة؟ نعم زرتها."), (Strings{"هل زرت القاهرة؟", "نعم زرتها."}));
}

TEST(SentencesTest, SplitsAtExclamationMark) {
  EXPECT_EQ(Sentences("يا له من يوم! سنعود غدا."), (Strings{"يا له من يوم!", "سنعود غدا."}));
}

TEST(SentencesTest, SplitsAtArabicFullStop) {
  EXPECT_EQ(Sentences("انتهى الاجتماع۔ بدأ المؤتمر۔"),
            (Strings{"انتهى الاجتماع۔", "بدأ المؤتمر۔"}));
}

TEST(SentencesTest, HeadlineWithoutPunctuationIsASentence) {
  EXPECT_EQ(Sentences("صفقة أسلحة ضخمة\n\nقال المتحدث إن الاتفاق وشيك."),
            (Strings{"صفقة أسلحة ضخمة", "قال المتحدث إن الاتفاق وشيك."}));
}

TEST(SentencesTest, ArabicCommaDoesNotSplit) {
  EXPECT_EQ(Sentences("قال الوزير، ثم غادر القاعة."), (Strings{"قال الوزير، ثم غادر القاعة."}));
}

TEST(SentencesTest, DecimalNumberDoesNotSplit) {
  EXPECT_EQ(Sentences("بلغ النمو 3.5 في المئة."), (Strings{"بلغ النمو 3.5 في المئة."}));
}

TEST(SentencesTest, ColonDoesNotSplit) {
  EXPECT_EQ(Sentences("قال: «انتهى الأمر». ثم غادر."),
            (Strings{"قال: «انتهى الأمر».", "ثم غادر."}));
}

TEST(SentencesTest, ClosingQuoteStaysWithTheSentence) {
  EXPECT_EQ(Sentences("قال «انتهى الأمر.» ثم غادر."), (Strings{"قال «انتهى الأمر.»", "ثم غادر."}));
}

TEST(SentencesTest, AgencyMarkInParenthesesDoesNotSplit) {
  EXPECT_EQ(Sentences("قال الوزير (أ.ف.ب). وغادر."), (Strings{"قال الوزير (أ.ف.ب).", "وغادر."}));
}

TEST(SentencesTest, FullStopInsideParenthesesDoesNotSplit) {
  EXPECT_EQ(Sentences("أعلن (وهذا مؤكد. تماما) الخبر. ثم غادر."),
            (Strings{"أعلن (وهذا مؤكد. تماما) الخبر.", "ثم غادر."}));
}

TEST(SentencesTest, OneLetterInitialDoesNotSplit) {
  EXPECT_EQ(Sentences("قال د. أحمد إن الاتفاق وشيك. وغادر."),
            (Strings{"قال د. أحمد إن الاتفاق وشيك.", "وغادر."}));
}

TEST(SentencesTest, InitialsDoNotSplit) {
  EXPECT_EQ(Sentences("نقلت و.أ.م الخبر. وأكدته."), (Strings{"نقلت و.أ.م الخبر.", "وأكدته."}));
}

TEST(SentencesTest, AnAbbreviationSpelledWithLetterNamesDoesNotSplit) {
  EXPECT_EQ(Sentences("وقال لهيئة الإذاعة البريطانية « بي. بي. سي » إنه متفائل. وغادر."),
            (Strings{"وقال لهيئة الإذاعة البريطانية « بي. بي. سي » إنه متفائل.", "وغادر."}));
  EXPECT_EQ(Sentences("وعمل في الكي. جي. بي سنوات. ثم تقاعد."),
            (Strings{"وعمل في الكي. جي. بي سنوات.", "ثم تقاعد."}));
  // The abbreviation at a sentence's end: the next sentence is another.
  EXPECT_EQ(Sentences("وقالت شبكة سي. إن. إن. وأضافت أن الوضع هادئ."),
            (Strings{"وقالت شبكة سي. إن. إن.", "وأضافت أن الوضع هادئ."}));
}

// A range with several lines is a hard-wrapped paragraph (the structure stage gives every other
// line as a block of its own): a single line break after no final mark goes on with the sentence.
TEST(SentencesTest, LineBreakWithoutFinalMarkIsAWrap) {
  EXPECT_EQ(Sentences("سطر أول بلا نقطة\nيكمل الجملة."),
            (Strings{"سطر أول بلا نقطة\nيكمل الجملة."}));
  EXPECT_EQ(Sentences("سطر أول بلا نقطة\r\nيكمل الجملة."),
            (Strings{"سطر أول بلا نقطة\r\nيكمل الجملة."}));
}

TEST(SentencesTest, LineBreakAfterFinalMarkEndsASentence) {
  EXPECT_EQ(Sentences("سطر أول.\nسطر ثان."), (Strings{"سطر أول.", "سطر ثان."}));
  EXPECT_EQ(Sentences("هل انتهى؟\nلا."), (Strings{"هل انتهى؟", "لا."}));
}

TEST(SentencesTest, BlankLineEndsASentence) {
  EXPECT_EQ(Sentences("سطر أول بلا نقطة\n\nسطر ثان."), (Strings{"سطر أول بلا نقطة", "سطر ثان."}));
  EXPECT_EQ(Sentences("سطر أول بلا نقطة\u2029سطر ثان."), (Strings{"سطر أول بلا نقطة", "سطر ثان."}));
}

TEST(SentencesTest, LastSentenceWithoutFullStop) {
  EXPECT_EQ(Sentences("وصل الوفد. وبدأت المحادثات"), (Strings{"وصل الوفد.", "وبدأت المحادثات"}));
}

TEST(SentencesTest, SurroundingWhitespaceIsNeverPartOfASentence) {
  EXPECT_EQ(Sentences("  \n\t جملة أولى.   جملة ثانية. \n "),
            (Strings{"جملة أولى.", "جملة ثانية."}));
}

TEST(SentencesTest, SurroundingInvisiblesAreNeverPartOfASentence) {
  EXPECT_EQ(Sentences("\uFEFF\u200F جملة أولى.\u00A0\u200C جملة ثانية.\u200C\u00A0"),
            (Strings{"جملة أولى.", "جملة ثانية."}));
}

TEST(SentencesTest, WhitespaceOnlyTextHasNoSentences) {
  EXPECT_TRUE(Sentences("  \n\t \r\n").empty());
}

TEST(SentencesTest, InvisibleOnlyTextHasNoSentences) {
  EXPECT_TRUE(Sentences("\u200C \u00A0\n\uFEFF\u200F").empty());
}

TEST(SentencesTest, EmptyTextHasNoSentences) { EXPECT_TRUE(Sentences("").empty()); }

TEST(SentencesTest, SpansOfARangeAreOffsetsIntoTheWholeText) {
  const icu::UnicodeString text =
      icu::UnicodeString::fromUTF8("مقدمة طويلة. الجملة الأولى. الجملة الثانية. خاتمة.");
  const int32_t first = text.indexOf(u"الجملة الأولى");
  const int32_t last = text.indexOf(u" خاتمة");
  ASSERT_GT(first, 0);
  ASSERT_GT(last, first);
  const std::vector<Span> spans = SentenceSpans(text, Span{first, last});
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].start, first);
  EXPECT_EQ(Slice(text, spans[0]), "الجملة الأولى.");
  EXPECT_EQ(Slice(text, spans[1]), "الجملة الثانية.");
  EXPECT_EQ(spans[1].end, last);
}

TEST(SentencesTest, RangeAfterASurrogatePair) {
  // A range that starts after an emoji (a surrogate pair) and mid-way through the text.
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8("😀 أولى. ثانية. ثالثة.");
  const int32_t start = text.indexOf(u"ثانية");
  const std::vector<Span> spans = SentenceSpans(text, Span{start, text.length()});
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].start, start);
  EXPECT_EQ(Slice(text, spans[0]), "ثانية.");
  EXPECT_EQ(Slice(text, spans[1]), "ثالثة.");
  EXPECT_EQ(spans[1].end, text.length());
}

TEST(SentencesTest, AppendsToOutput) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8("أولى. ثانية.");
  Segmenter::Session session(SharedSegmenter());
  std::vector<Span> spans = {Span{100, 200}};
  session.Sentences(text, Span{0, text.length()}, &spans);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0], (Span{100, 200}));
  EXPECT_EQ(Slice(text, spans[1]), "أولى.");
  EXPECT_EQ(Slice(text, spans[2]), "ثانية.");
}

TEST(SentencesTest, OneSessionServesManyTexts) {
  Segmenter::Session session(SharedSegmenter());
  const icu::UnicodeString a = icu::UnicodeString::fromUTF8("أولى. ثانية. ثالثة.");
  const icu::UnicodeString b = icu::UnicodeString::fromUTF8("نص واحد فقط");
  std::vector<Span> spans_a, spans_b;
  session.Sentences(a, Span{0, a.length()}, &spans_a);
  session.Sentences(b, Span{0, b.length()}, &spans_b);
  EXPECT_EQ(spans_a.size(), 3u);
  ASSERT_EQ(spans_b.size(), 1u);
  EXPECT_EQ(spans_b[0], (Span{0, b.length()}));
}

// --- Trim ----------------------------------------------------------------------------------------

TEST(TrimTest, SpacesAtBothEnds) { EXPECT_EQ(Trimmed("  سلام عليكم \n"), "سلام عليكم"); }
TEST(TrimTest, ZwnjAtBothEnds) { EXPECT_EQ(Trimmed("\u200Cسلام\u200C"), "سلام"); }
TEST(TrimTest, MixedInvisibles) {
  EXPECT_EQ(Trimmed("\u200C \uFEFF\u200Fسلام \u00A0\u200C\t"), "سلام");
}
TEST(TrimTest, InnerZwnjKept) { EXPECT_EQ(Trimmed(" می\u200Cخواهم "), "می\u200Cخواهم"); }
TEST(TrimTest, NothingToTrim) { EXPECT_EQ(Trimmed("سلام"), "سلام"); }
TEST(TrimTest, DiacriticsAreNotTrimmed) { EXPECT_EQ(Trimmed(" َسلامً "), "َسلامً"); }
TEST(TrimTest, EmojiAtEndIsNotTrimmed) { EXPECT_EQ(Trimmed(" سلام 😀 "), "سلام 😀"); }

TEST(TrimTest, AllBlankGivesEmptySpan) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(" \u200C\n\u00A0 ");
  const Span s = Trim(text, Span{0, text.length()});
  EXPECT_EQ(s.length(), 0);
  EXPECT_GE(s.start, 0);
  EXPECT_LE(s.end, text.length());
}

TEST(TrimTest, StaysWithinTheGivenSpan) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8("أ  \u200Cب ج\u200C  د");
  const int32_t b = text.indexOf(u'ب');
  const int32_t d = text.indexOf(u'د');
  const Span s = Trim(text, Span{1, d});
  EXPECT_EQ(s.start, b);
  EXPECT_EQ(Slice(text, s), "ب ج");
}

// --- Tokens --------------------------------------------------------------------------------------

TEST(TokensTest, WordsPunctuationAndNumbers) {
  EXPECT_EQ(Tokens("كوريا الشمالية، 2023."), (Toks{{"كوريا", "word"},
                                                   {"الشمالية", "word"},
                                                   {"،", "punct"},
                                                   {"2023", "number"},
                                                   {".", "punct"}}));
}

TEST(TokensTest, EasternArabicDigits) { EXPECT_EQ(Tokens("١٣"), (Toks{{"١٣", "number"}})); }
TEST(TokensTest, EasternArabicDate) {
  EXPECT_EQ(Tokens("١٣ سبتمبر ٢٠٢٣"),
            (Toks{{"١٣", "number"}, {"سبتمبر", "word"}, {"٢٠٢٣", "number"}}));
}
TEST(TokensTest, DecimalNumberIsOneToken) { EXPECT_EQ(Tokens("3.5"), (Toks{{"3.5", "number"}})); }
TEST(TokensTest, WordWithDiacritics) { EXPECT_EQ(Tokens("حَليفًا"), (Toks{{"حَليفًا", "word"}})); }
TEST(TokensTest, WordWithShadda) {
  EXPECT_EQ(Tokens("قويًّا."), (Toks{{"قويًّا", "word"}, {".", "punct"}}));
}
TEST(TokensTest, QuestionMark) {
  EXPECT_EQ(Tokens("لماذا؟"), (Toks{{"لماذا", "word"}, {"؟", "punct"}}));
}
TEST(TokensTest, Quotes) {
  EXPECT_EQ(Tokens("«سلام»"), (Toks{{"«", "punct"}, {"سلام", "word"}, {"»", "punct"}}));
}
TEST(TokensTest, EachPunctuationMarkIsItsOwnToken) {
  EXPECT_EQ(Tokens("نعم!؟"), (Toks{{"نعم", "word"}, {"!", "punct"}, {"؟", "punct"}}));
}
TEST(TokensTest, LatinWordAmongArabic) {
  EXPECT_EQ(Tokens("شركة Apple"), (Toks{{"شركة", "word"}, {"Apple", "word"}}));
}
TEST(TokensTest, Emoji) { EXPECT_EQ(Tokens("رائع 😀"), (Toks{{"رائع", "word"}, {"😀", "symbol"}})); }

TEST(TokensTest, EmojiIsASymbolWithATwoUnitSpan) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8("أ 😀 ب");
  const std::vector<TokenSpan> tokens = TokenSpans(text, Span{0, text.length()});
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].kind, TokenKind::kSymbol);
  EXPECT_EQ(tokens[1].span, (Span{2, 4}));
  EXPECT_EQ(tokens[1].span.length(), 2);
  EXPECT_EQ(tokens[2].span, (Span{5, 6}));
}

TEST(TokensTest, NoWhitespaceToken) {
  EXPECT_EQ(Tokens(" \t كلمة \u00A0 \u200C\n كلمة  \r\n"),
            (Toks{{"كلمة", "word"}, {"كلمة", "word"}}));
}
TEST(TokensTest, BidiControlsAreNeverPartOfAWord) {
  // ICU keeps format marks with the word before them; a token never ends or starts with one.
  EXPECT_EQ(Tokens("\u202Bسمير العلوي\u202C \u200Fقال\u200F \u2067Rotterdam\u2069 12\u200E"),
            (Toks{{"سمير", "word"},
                  {"العلوي", "word"},
                  {"قال", "word"},
                  {"Rotterdam", "word"},
                  {"12", "number"}}));
}
TEST(TokensTest, WhitespaceOnlyHasNoTokens) { EXPECT_TRUE(Tokens(" \n\u00A0\t\u200C").empty()); }
TEST(TokensTest, SpaceBetweenPunctuation) {
  EXPECT_EQ(Tokens(". ، ."), (Toks{{".", "punct"}, {"،", "punct"}, {".", "punct"}}));
}

TEST(TokensTest, SpansOfARangeAreOffsetsIntoTheWholeText) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8("😀 مقدمة. قال الوزير، 2023. خاتمة.");
  const int32_t start = text.indexOf(u"قال");
  const int32_t end = text.indexOf(u" خاتمة");
  const std::vector<TokenSpan> tokens = TokenSpans(text, Span{start, end});
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0].span, (Span{start, start + 3}));
  EXPECT_EQ(Slice(text, tokens[0].span), "قال");
  EXPECT_EQ(Slice(text, tokens[1].span), "الوزير");
  EXPECT_EQ(Slice(text, tokens[2].span), "،");
  EXPECT_EQ(tokens[2].kind, TokenKind::kPunctuation);
  EXPECT_EQ(Slice(text, tokens[3].span), "2023");
  EXPECT_EQ(tokens[3].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[4].span, (Span{end - 1, end}));
}

}  // namespace
}  // namespace basira::segment

namespace basira::segment {
namespace {

// Cases found in review: each one line.
TEST(SentencesTest, EraLetterAfterAYearEndsASentence) {
  EXPECT_EQ(Sentences("ولد عام 1950 م. وتوفي عام 2000 م."),
            (Strings{"ولد عام 1950 م.", "وتوفي عام 2000 م."}));
}

TEST(SentencesTest, TwoLetterEraAbbreviationStaysWhole) {
  EXPECT_EQ(Sentences("عاشوا بين سنتي 3000 ق.م. و1000 ق.م. في الوادي. ثم رحلوا."),
            (Strings{"عاشوا بين سنتي 3000 ق.م. و1000 ق.م. في الوادي.", "ثم رحلوا."}));
}

TEST(SentencesTest, AFarUnclosedParenthesisDoesNotSwallowTheParagraph) {
  EXPECT_EQ(Sentences("انظر (الصفحة الثالثة من التقرير السنوي للوزارة. ثم عاد. وذهب."),
            (Strings{"انظر (الصفحة الثالثة من التقرير السنوي للوزارة.", "ثم عاد.", "وذهب."}));
}

TEST(TokensTest, EmojiSequencesStayWhole) {
  EXPECT_EQ(Tokens("عائلة 👨‍👩‍👧"),
            (Toks{{"عائلة", "word"}, {"👨‍👩‍👧", "symbol"}}));
  EXPECT_EQ(Tokens("علم 🇸🇦"), (Toks{{"علم", "word"}, {"🇸🇦", "symbol"}}));
  EXPECT_EQ(Tokens("👍🏽"), (Toks{{"👍🏽", "symbol"}}));
}

TEST(TrimTest, VariationSelectorStaysWithItsEmoji) {
  EXPECT_EQ(Trimmed(" أحبك ❤️ "), "أحبك ❤️");
  EXPECT_EQ(Sentences("أحبك ❤️"), (Strings{"أحبك ❤️"}));
}

}  // namespace
}  // namespace basira::segment

namespace basira::segment {
namespace {

TEST(SentencesTest, LatinAbbreviationDoesNotSplit) {
  EXPECT_EQ(Sentences("أعلنت شركة «أوبن داتا» (OpenData Ltd.) في دبي عن جولة تمويل. وانتهى."),
            (Strings{"أعلنت شركة «أوبن داتا» (OpenData Ltd.) في دبي عن جولة تمويل.", "وانتهى."}));
  EXPECT_EQ(Sentences("التقى Dr. Smith الوزير."), (Strings{"التقى Dr. Smith الوزير."}));
}

}  // namespace
}  // namespace basira::segment

namespace basira::segment {
namespace {

// The sentence evaluation list (data/sentences/eval_paragraphs.txt, our own writing): each
// paragraph, joined with spaces, must come back as its gold sentences; at most one paragraph may
// differ (basira_eval_sentences prints the full figures).
TEST(SentencesTest, EvaluationParagraphs) {
  std::string data;
  ASSERT_TRUE(test::ReadFile(test::SourceDir() + "/data/sentences/eval_paragraphs.txt", &data));
  std::vector<Strings> paragraphs(1);
  size_t start = 0;
  while (start < data.size()) {
    size_t end = data.find('\n', start);
    if (end == std::string::npos) end = data.size();
    const std::string line = data.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line[0] == '#') continue;
    if (line.empty()) {
      if (!paragraphs.back().empty()) paragraphs.emplace_back();
    } else {
      paragraphs.back().push_back(line);
    }
  }
  if (paragraphs.back().empty()) paragraphs.pop_back();
  ASSERT_GE(paragraphs.size(), 15u);
  int wrong = 0;
  for (const Strings& gold : paragraphs) {
    std::string joined;
    for (const std::string& s : gold) joined += (joined.empty() ? "" : " ") + s;
    if (Sentences(joined.c_str()) != gold) ++wrong;
  }
  EXPECT_LE(wrong, 1);
}

}  // namespace
}  // namespace basira::segment
