// Hostile inputs: one test per row of docs/hostile-inputs.md, each asserting the result the table
// defines. Runs natively and as wasm under node, like the rest of the suite.
#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "basira/analyzer.h"
#include "basira/json.h"
#include "basira/result.h"
#include "basira/status.h"
#include "test_util.h"

namespace basira {
namespace {

using test::Utf8;

const Analyzer& A() { return test::SharedAnalyzer(); }

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Every span of `r` lies within its input, is ordered and never cuts a surrogate pair.
void ExpectSpansValid(const Result& r, const std::vector<Input>& inputs) {
  std::vector<icu::UnicodeString> texts;
  for (const Input& input : inputs) texts.push_back(icu::UnicodeString::fromUTF8(input.text));
  ASSERT_EQ(r.inputs.size(), texts.size());
  for (size_t i = 0; i < texts.size(); ++i) EXPECT_EQ(r.inputs[i].length, texts[i].length());
  auto check = [&](int32_t input, const Span& s, const char* what) {
    ASSERT_GE(input, 0) << what;
    ASSERT_LT(static_cast<size_t>(input), texts.size()) << what;
    const icu::UnicodeString& t = texts[input];
    EXPECT_LE(0, s.start) << what;
    EXPECT_LE(s.start, s.end) << what;
    EXPECT_LE(s.end, t.length()) << what;
    for (int32_t at : {s.start, s.end}) {
      if (at > 0 && at < t.length()) {
        EXPECT_FALSE(U16_IS_LEAD(t[at - 1]) && U16_IS_TRAIL(t[at]))
            << what << " [" << s.start << ", " << s.end << ") cuts a surrogate pair";
      }
    }
  };
  for (const Document& d : r.documents) {
    check(d.input, d.span, "document");
    for (const Block& b : d.blocks) check(d.input, b.span, "block");
  }
  for (const Noise& n : r.noise) check(n.input, n.span, "noise");
  for (const Sentence& s : r.sentences) check(s.input, s.span, "sentence");
  for (const Token& t : r.tokens) {
    check(t.input, t.span, "token");
    check(t.input, t.stem, "stem");
    for (const Span& c : t.proclitics) check(t.input, c, "proclitic");
    for (const Span& c : t.enclitics) check(t.input, c, "enclitic");
  }
  for (const Entity& e : r.entities) {
    for (const Mention& m : e.mentions) check(m.input, m.span, "mention");
  }
  for (const DateMention& d : r.dates) check(d.input, d.span, "date");
  for (const NumberMention& n : r.numbers) check(n.input, n.span, "number");
  for (const Quote& q : r.quotes) check(q.input, q.span, "quote");
}

// Analyzes one text with tokens on, expecting success and valid spans.
Result AnalyzeOk(const std::string& text) {
  const std::vector<Input> inputs = {{"hostile.txt", text}};
  Options options;
  options.tokens = true;
  Result result;
  const Status status = A().Analyze(inputs, options, &result);
  EXPECT_TRUE(status.ok()) << status.message();
  ExpectSpansValid(result, inputs);
  return result;
}

// Analyzes one text, expecting the error `code` and an empty result.
Status AnalyzeError(const std::string& text, ErrorCode code) {
  const std::vector<Input> inputs = {{"hostile.txt", text}};
  Result result;
  const Status status = A().Analyze(inputs, Options(), &result);
  EXPECT_EQ(status.code(), code) << status.message();
  EXPECT_FALSE(status.message().empty());
  EXPECT_TRUE(result.inputs.empty());
  EXPECT_TRUE(result.sentences.empty());
  return status;
}

std::vector<std::string> TokenTexts(const Result& r, const std::string& text) {
  const icu::UnicodeString t = icu::UnicodeString::fromUTF8(text);
  std::vector<std::string> out;
  for (const Token& token : r.tokens) {
    out.push_back(Utf8(t.tempSubString(token.span.start, token.span.length())));
  }
  return out;
}

// --- Refused inputs ------------------------------------------------------------------------------

TEST(HostileTest, InvalidUtf8IsRefusedWithTheByteOffset) {
  // "خبر " is 7 bytes; then a lead byte whose continuation is missing.
  const Status status = AnalyzeError("خبر \xC3\x28 عاجل", ErrorCode::kInvalidUtf8);
  EXPECT_EQ(status.input(), 0);
  EXPECT_EQ(status.byte_offset(), 7);
  EXPECT_TRUE(Contains(status.message(), "byte offset 7")) << status.message();
  const std::string json = ErrorToJson(status, {{"hostile.txt", ""}});
  EXPECT_TRUE(Contains(json, "\"code\":\"invalid_utf8\"")) << json;
  EXPECT_TRUE(Contains(json, "\"byte_offset\":7")) << json;
}

TEST(HostileTest, NulByteIsRefusedAsBinaryData) {
  const Status status =
      AnalyzeError(std::string("خبر\0عاجل", sizeof("خبر\0عاجل") - 1), ErrorCode::kBinaryData);
  EXPECT_EQ(status.byte_offset(), 6);
  EXPECT_TRUE(Contains(status.message(), "NUL byte at byte offset 6")) << status.message();
}

TEST(HostileTest, NulByteFromJsonIsRefusedToo) {
  // The wasm boundary: JSON may escape a NUL; it reaches ingest and is refused the same way.
  std::vector<Input> inputs;
  ASSERT_TRUE(ParseInputsJson(R"(["خبر\u0000عاجل"])", &inputs).ok());
  Result result;
  const Status status = A().Analyze(inputs, Options(), &result);
  EXPECT_EQ(status.code(), ErrorCode::kBinaryData);
  EXPECT_EQ(status.byte_offset(), 6);
}

TEST(HostileTest, EmptyTextIsRefused) {
  const Status status = AnalyzeError("", ErrorCode::kEmptyInput);
  EXPECT_TRUE(Contains(status.message(), "is empty")) << status.message();
}

TEST(HostileTest, WhitespaceOnlyTextIsRefused) {
  // Spaces, tabs, newlines, no-break space, ideographic space.
  const Status status = AnalyzeError(" \t\r\n \xC2\xA0\xE3\x80\x80\n", ErrorCode::kEmptyInput);
  EXPECT_TRUE(Contains(status.message(), "only whitespace")) << status.message();
}

TEST(HostileTest, BidiControlsAloneAreRefusedAsEmpty) {
  // RLM, LRM, RLE, PDF, RLI, PDI, ZWNJ: nothing a reader could read.
  AnalyzeError("\u200F\u200E\u202B\u202C\u2067\u2069\u200C", ErrorCode::kEmptyInput);
}

TEST(HostileTest, FiftyMegabytesIsRefusedWithTheLimit) {
  std::vector<Input> inputs(1);
  inputs[0].name = "big.txt";
  inputs[0].text.assign(50 << 20, 'a');  // the one 50 MiB allocation of this test
  Result result;
  const Status status = A().Analyze(inputs, Options(), &result);
  EXPECT_EQ(status.code(), ErrorCode::kInputTooLarge);
  EXPECT_TRUE(Contains(status.message(), "52,428,800 bytes")) << status.message();
  EXPECT_TRUE(Contains(status.message(), "the limit is 33,554,432 bytes (32 MiB)"))
      << status.message();
  EXPECT_TRUE(result.inputs.empty());
  const std::string json = ErrorToJson(status, inputs);
  EXPECT_TRUE(Contains(json, "\"code\":\"input_too_large\"")) << json;
}

// --- Analyzed inputs -----------------------------------------------------------------------------

TEST(HostileTest, OnlyDiacriticsGiveNoEntity) {
  // Fathatan, dammatan, kasratan, fatha, damma, kasra, shadda, sukun, superscript alef.
  const Result r = AnalyzeOk("ًٌٍَُِّْٰ ًٌٍَُِّْٰ\nَُِ");
  EXPECT_TRUE(r.entities.empty());
  EXPECT_TRUE(r.dates.empty());
  EXPECT_TRUE(r.numbers.empty());
  EXPECT_TRUE(r.quotes.empty());
}

TEST(HostileTest, BidiControlsStayInTheSpans) {
  const std::string text =
      "قال \u200Fالرئيس\u200F \u202Bسمير العلوي\u202C إن \u2067Rotterdam\u2069 ستستقبل 300 "
      "سفينة\u200E في 2024.";
  const Result r = AnalyzeOk(text);
  ASSERT_EQ(r.sentences.size(), 1u);
  EXPECT_EQ(r.inputs[0].length, icu::UnicodeString::fromUTF8(text).length());
  // The marks are in the input's spans but never part of a word or a name.
  for (const std::string& token : TokenTexts(r, text)) {
    const icu::UnicodeString t = icu::UnicodeString::fromUTF8(token);
    ASSERT_FALSE(t.isEmpty());
    EXPECT_FALSE(u_hasBinaryProperty(t.char32At(0), UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) << token;
    EXPECT_FALSE(
        u_hasBinaryProperty(t.char32At(t.length() - 1), UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
        << token;
  }
  for (const Entity& e : r.entities) {
    EXPECT_EQ(e.name.find("\u202C"), std::string::npos) << e.name;
    EXPECT_EQ(e.name.find("\u200F"), std::string::npos) << e.name;
  }
  // The figures are still read through the marks around them.
  bool found_300 = false;
  for (const NumberMention& n : r.numbers) found_300 |= n.value == 300;
  EXPECT_TRUE(found_300);
}

TEST(HostileTest, EmojiAndSurrogatePairsKeepSpansOnCodePoints) {
  // Astral emoji (surrogate pairs), a flag (two pairs), a ZWJ family, a skin tone, math letters.
  const std::string text =
      "\U0001F600 أغلقت السلطات الميناء \U0001F1F8\U0001F1E6 يوم الاثنين "
      "\U0001F468\u200D\U0001F469\u200D\U0001F467 بعد إضراب \U0001F44D\U0001F3FD شارك فيه "
      "\U0001D400\U0001D401\U0001D402 نحو 200 عامل\U0001F600.";
  const Result r = AnalyzeOk(text);
  EXPECT_FALSE(r.tokens.empty());
  EXPECT_EQ(r.inputs[0].length, icu::UnicodeString::fromUTF8(text).length());
  // The spans slice to well-formed UTF-16: no token text holds a lone surrogate.
  for (const std::string& token : TokenTexts(r, text)) {
    EXPECT_EQ(token.find("\xEF\xBF\xBD"), std::string::npos) << token;
  }
}

TEST(HostileTest, OneLongLineWithoutSpacesCompletes) {
  const size_t kLetters = 512 << 10;  // 1 MB of two-byte Arabic letters (about 1 s under node)
  const std::string pattern = "كتبوالمراسلون";
  std::string text;
  text.reserve(kLetters * 2);
  while (text.size() < kLetters * 2) text += pattern;
  const std::vector<Input> inputs = {{"long.txt", text}};
  Result result;
  const Status status = A().Analyze(inputs, Options(), &result);
  ASSERT_TRUE(status.ok()) << status.message();
  ExpectSpansValid(result, inputs);
  EXPECT_EQ(result.sentences.size(), 1u);
  EXPECT_GE(result.stats.tokens, 1);
  // It holds مراسل ("correspondent") but is far too long to be a byline.
  ASSERT_EQ(result.documents.size(), 1u);
  EXPECT_NE(result.documents[0].blocks[0].kind, BlockKind::kByline);
}

// Hard-wrapped lines that never end a sentence: one block and one sentence of a megabyte. Joining
// the sentence line by line used to read it whole at every join, quadratic in the lines (this
// input took 3.3 s natively, and 60-column lines of random words 112 s; 0.3 and 0.8 s now). No
// test times anything: the figures are in docs/hostile-inputs.md.
TEST(HostileTest, OneMegabyteOfWrappedLinesWithoutAFullStopCompletes) {
  // Every line differs (its number), or all but the first would be repeats, which are noise.
  std::string text;
  for (int n = 1; text.size() < (1u << 20); ++n) {
    text += "قال الوزير إن الحكومة ستعمل على تطوير الطريق رقم " + std::to_string(100000 + n) +
            " في المدن الكبرى\n";
  }
  const std::vector<Input> inputs = {{"wrapped.txt", text}};
  Result result;
  const Status status = A().Analyze(inputs, Options(), &result);
  ASSERT_TRUE(status.ok()) << status.message();
  ExpectSpansValid(result, inputs);
  ASSERT_EQ(result.documents.size(), 1u);
  EXPECT_EQ(result.documents[0].blocks.size(), 1u);
  EXPECT_EQ(result.sentences.size(), 1u);
}

TEST(HostileTest, LatinOnlyTextIsAnalyzed) {
  const Result r = AnalyzeOk(
      "Port closed\n\nThe port of Rotterdam closed on Monday after a strike by 300 workers. "
      "The union said talks would resume.");
  EXPECT_GE(r.sentences.size(), 2u);
  EXPECT_GE(r.stats.words, 20);
}

TEST(HostileTest, MixedArabicLatinAndDigitsAreAnalyzed) {
  const std::string text =
      "أعلنت شركة Nordlicht GmbH في 2024 عن 1500 وظيفة و٣٠٠ أخرى في فرعها بـ Berlin، بكلفة "
      "4.5 مليون EUR.";
  const Result r = AnalyzeOk(text);
  std::vector<double> values;
  for (const NumberMention& n : r.numbers) values.push_back(n.value);
  EXPECT_NE(std::find(values.begin(), values.end(), 1500), values.end());
  EXPECT_NE(std::find(values.begin(), values.end(), 300), values.end());
  const std::vector<std::string> tokens = TokenTexts(r, text);
  EXPECT_NE(std::find(tokens.begin(), tokens.end(), "Nordlicht"), tokens.end());
}

TEST(HostileTest, HtmlWithScriptsIsPlainText) {
  const std::string text =
      "<html><body><script>alert(\"x\");document.cookie</script>\n"
      "<p onclick=\"steal()\">أغلقت السلطات الميناء يوم الاثنين.</p>\n"
      "<img src=x onerror=alert(1)></body></html>";
  const Result r = AnalyzeOk(text);
  // Markup is text: its words are tokens, nothing is stripped, spans index the raw markup.
  const std::vector<std::string> tokens = TokenTexts(r, text);
  EXPECT_NE(std::find(tokens.begin(), tokens.end(), "script"), tokens.end());
  EXPECT_NE(std::find(tokens.begin(), tokens.end(), "الميناء"), tokens.end());
  EXPECT_EQ(r.inputs[0].bytes, static_cast<int64_t>(text.size()));
  // The JSON carries the markup as string content only.
  const std::string json = ResultToJson(r, {{"hostile.txt", text}});
  EXPECT_TRUE(Contains(json, "\"schema\":\"basira.analysis\"")) << json.substr(0, 200);
}

TEST(HostileTest, SameInputGivesTheSameBytes) {
  const std::vector<Input> inputs = {
      {"a.txt", "😀 \u200Fقال الوزير\u200F: «سنفتح الطريق في 12 مارس 2024». <b>Latin</b>"},
      {"b.txt", "ًٌٍ كتبوالمراسلون 4.5 مليون EUR\n\n---\n\nخبر آخر قصير."}};
  Options options;
  options.tokens = true;
  Result first, other, second;
  ASSERT_TRUE(A().Analyze(inputs, options, &first).ok());
  ASSERT_TRUE(A().Analyze({{"x", "نص آخر تماما."}}, options, &other).ok());
  ASSERT_TRUE(A().Analyze(inputs, options, &second).ok());
  EXPECT_EQ(ResultToJson(first, inputs), ResultToJson(second, inputs));
}

}  // namespace
}  // namespace basira
