#include "basira/analyzer.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <string>
#include <vector>

#include "basira/json.h"
#include "basira/result.h"
#include "basira/status.h"
#include "clitics/clitics.h"
#include "tagger/tagger.h"
#include "test_util.h"

namespace basira {
namespace {

using test::Utf8;

const Analyzer& A() { return test::SharedAnalyzer(); }

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A result with something in every field, to see that a failed Analyze empties it.
Result NonEmptyResult() {
  Result r;
  r.inputs.emplace_back();
  r.inputs.back().name = "stale";
  r.documents.emplace_back();
  r.documents.back().span = Span{0, 1};
  r.sentences.emplace_back();
  r.sentences.back().span = Span{0, 1};
  r.tokens.emplace_back();
  r.tokens.back().span = Span{0, 1};
  r.stats.tokens = 1;
  r.stats.words = 1;
  return r;
}

void ExpectEmpty(const Result& r) {
  EXPECT_TRUE(r.inputs.empty());
  EXPECT_TRUE(r.documents.empty());
  EXPECT_TRUE(r.sentences.empty());
  EXPECT_TRUE(r.tokens.empty());
  EXPECT_EQ(r.stats.tokens, 0);
  EXPECT_EQ(r.stats.words, 0);
}

// Analyzes `inputs`, expecting the error `code` about input `input`; the result must stay empty.
Status ExpectError(const std::vector<Input>& inputs, const Options& options, ErrorCode code,
                   int32_t input) {
  Result result = NonEmptyResult();
  const Status status = A().Analyze(inputs, options, &result);
  EXPECT_EQ(status.code(), code) << status.message();
  EXPECT_EQ(status.input(), input) << status.message();
  EXPECT_FALSE(status.message().empty());
  ExpectEmpty(result);
  return status;
}

std::string Slice(const std::string& utf8, Span s) {
  return Utf8(icu::UnicodeString::fromUTF8(utf8).tempSubString(s.start, s.length()));
}

const std::vector<Input> kThreeInputs = {
    {"first.txt", "قمة في موسكو\n\nالتقى الزعيمان اليوم. وناقشا صفقة أسلحة؟ نعم، قالا ذلك."},
    {"second.txt", "  😀 بلغ النمو ٣٫٥ في المئة عام 2023، حسب التقرير.\n"},
    {"third.txt", "خبر قصير"}};

// --- Errors --------------------------------------------------------------------------------------

// A word form seen before is remembered, not analyzed again (the analyzer's WordForms): every
// occurrence still gets the clitics of its own place in the text, as the clitic analyzer gives
// them there, across inputs and sentences, and the same entity at each.
TEST(AnalyzerTest, RepeatedWordsKeepTheirOwnOffsets) {
  const std::string first = "وبالقاهرة قال الرئيس كتابهم. وبالقاهرة كتابهم في القاهرة.";
  const std::string second = "قالوا كتابهم وبالقاهرة وبالقاهرة";
  Options options;
  options.tokens = true;
  Result result;
  ASSERT_TRUE(test::SharedAnalyzer().Analyze({{"a", first}, {"b", second}}, options, &result).ok());
  std::unique_ptr<clitics::CliticAnalyzer> clitics;
  ASSERT_TRUE(clitics::CliticAnalyzer::Create(&clitics).ok());
  const icu::UnicodeString texts[2] = {icu::UnicodeString::fromUTF8(first),
                                       icu::UnicodeString::fromUTF8(second)};
  int repeated = 0;
  for (const Token& t : result.tokens) {
    if (t.kind != TokenKind::kWord) continue;
    const clitics::Analysis direct = clitics->Analyze(texts[t.input], t.span);
    EXPECT_EQ(t.stem, direct.stem) << t.input << ":" << t.span.start;
    EXPECT_EQ(t.proclitics, direct.proclitics) << t.input << ":" << t.span.start;
    EXPECT_EQ(t.enclitics, direct.enclitics) << t.input << ":" << t.span.start;
    const std::string word =
        test::Utf8(texts[t.input].tempSubString(t.span.start, t.span.length()));
    if (word == "وبالقاهرة" || word == "كتابهم") ++repeated;
  }
  EXPECT_EQ(repeated, 7);
  // Cairo, found in each place it is named, is one entity.
  int cairo = 0;
  for (const Entity& e : result.entities) {
    if (e.type == EntityType::kLocation && e.mentions.size() >= 5) ++cairo;
  }
  EXPECT_EQ(cairo, 1);
}

// The evaluation tools' analyzer with an entity model of their own: it tags with that model, and
// refuses bytes that are not one.
TEST(AnalyzerTest, CreateWithAnEntityModel) {
  std::unique_ptr<Analyzer> bad;
  const Status refused = Analyzer::Create(&bad, "not a model");
  EXPECT_EQ(refused.code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(refused.message().find("entity model"), std::string::npos) << refused.message();
  EXPECT_EQ(bad, nullptr);
  // Nor are no bytes at all: an empty model file is not the built-in model.
  EXPECT_EQ(Analyzer::Create(&bad, std::string()).code(), ErrorCode::kInvalidArgument);

  // A name no lexicon lists, which only the tagger finds.
  std::vector<Input> inputs(1);
  inputs[0].text = "وقال غاريث ماكلين إن الاتفاق صامد.";
  Result result;
  ASSERT_TRUE(A().Analyze(inputs, Options(), &result).ok());
  ASSERT_EQ(result.entities.size(), 1u);
  EXPECT_EQ(result.entities[0].name, "غاريث ماكلين");

  // A model of zero weights tags nothing, so the analyzer made with it finds no one there.
  std::unique_ptr<Analyzer> blank;
  ASSERT_TRUE(Analyzer::Create(&blank, tagger::Trainer(12).Model().Serialize()).ok());
  Result blank_result;
  ASSERT_TRUE(blank->Analyze(inputs, Options(), &blank_result).ok());
  EXPECT_TRUE(blank_result.entities.empty());
}

TEST(AnalyzerTest, NoInputs) {
  const Status status = ExpectError({}, Options(), ErrorCode::kInvalidArgument, -1);
  EXPECT_EQ(status.byte_offset(), -1);
}

TEST(AnalyzerTest, EmptyInputIsNamed) {
  const Status status = ExpectError({{"a.txt", "أولى."}, {"b.txt", ""}, {"c.txt", "ثالثة."}},
                                    Options(), ErrorCode::kEmptyInput, 1);
  EXPECT_TRUE(Contains(status.message(), "input 1")) << status.message();
  EXPECT_TRUE(Contains(status.message(), "b.txt")) << status.message();
}

TEST(AnalyzerTest, WhitespaceOnlyInputIsNamed) {
  const Status status =
      ExpectError({{"a.txt", "أولى."}, {"b.txt", " \n\t\u00A0\u200C\n"}, {"c.txt", "ثالثة."}},
                  Options(), ErrorCode::kEmptyInput, 1);
  EXPECT_TRUE(Contains(status.message(), "input 1")) << status.message();
  EXPECT_TRUE(Contains(status.message(), "b.txt")) << status.message();
}

TEST(AnalyzerTest, InvalidUtf8InThirdInput) {
  const Status status =
      ExpectError({{"a.txt", "أولى."}, {"b.txt", "ثانية."}, {"c.txt", "ثالثة \xE0\x80\xAF."}},
                  Options(), ErrorCode::kInvalidUtf8, 2);
  EXPECT_EQ(status.byte_offset(), 11);
  EXPECT_TRUE(Contains(status.message(), "input 2")) << status.message();
  EXPECT_TRUE(Contains(status.message(), "c.txt")) << status.message();
  EXPECT_TRUE(Contains(status.message(), "11")) << status.message();
}

TEST(AnalyzerTest, NulByteInSecondInput) {
  const Status status = ExpectError({{"a.txt", "أولى."}, {"b.bin", std::string("ab\0cd", 5)}},
                                    Options(), ErrorCode::kBinaryData, 1);
  EXPECT_EQ(status.byte_offset(), 2);
}

TEST(AnalyzerTest, FirstBadInputIsReported) {
  ExpectError({{"a", "أ."}, {"b", "  "}, {"c", "\xC0"}}, Options(), ErrorCode::kEmptyInput, 1);
}

TEST(AnalyzerTest, TooLarge) {
  Options options;
  options.max_bytes = 100;
  // 3 x 40 bytes = 120 > 100.
  const std::string forty(20, 'x');
  const std::string text = forty + forty;
  const Status status =
      ExpectError({{"a", text}, {"b", text}, {"c", text}}, options, ErrorCode::kInputTooLarge, -1);
  EXPECT_TRUE(Contains(status.message(), "100")) << status.message();
  EXPECT_TRUE(Contains(status.message(), "120")) << status.message();
}

TEST(AnalyzerTest, TooLargeNamesTheLimitInMiB) {
  Options options;
  options.max_bytes = 2 << 20;
  const std::string text((2 << 20) + 1, 'x');
  const Status status = ExpectError({{"big.txt", text}}, options, ErrorCode::kInputTooLarge, -1);
  EXPECT_TRUE(Contains(status.message(), "2,097,152")) << status.message();
  EXPECT_TRUE(Contains(status.message(), "2 MiB")) << status.message();
}

// Regression: the message used to give the limit in whole MiB rounded down for every limit, so
// a limit under 1 MiB read "the limit is 100 bytes (0 MiB)".
TEST(AnalyzerTest, TooLargeMessageNeverSaysZeroMiB) {
  Options options;
  options.max_bytes = 100;
  const Status status =
      ExpectError({{"a", std::string(101, 'x')}}, options, ErrorCode::kInputTooLarge, -1);
  EXPECT_FALSE(Contains(status.message(), "(0 MiB)")) << status.message();
}

TEST(AnalyzerTest, ExactlyAtTheLimitIsAccepted) {
  Options options;
  const std::string text = "قال الوزير.";
  options.max_bytes = static_cast<int64_t>(text.size());
  Result result;
  const Status status = A().Analyze({{"a", text}}, options, &result);
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(result.sentences.size(), 1u);
}

TEST(AnalyzerTest, NonPositiveMaxBytes) {
  Options options;
  options.max_bytes = 0;
  ExpectError({{"a", "أ."}}, options, ErrorCode::kInvalidArgument, -1);
}

// --- Results -------------------------------------------------------------------------------------

TEST(AnalyzerTest, MultipleInputs) {
  Options options;
  options.tokens = true;
  Result r;
  ASSERT_TRUE(A().Analyze(kThreeInputs, options, &r).ok());

  ASSERT_EQ(r.inputs.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(r.inputs[i].name, kThreeInputs[i].name);
    EXPECT_EQ(r.inputs[i].bytes, static_cast<int64_t>(kThreeInputs[i].text.size()));
    EXPECT_EQ(r.inputs[i].length, icu::UnicodeString::fromUTF8(kThreeInputs[i].text).length());
  }

  // One document per input, spanning its text without surrounding whitespace.
  ASSERT_EQ(r.documents.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(r.documents[i].input, static_cast<int32_t>(i));
  }
  EXPECT_EQ(r.documents[0].span, (Span{0, r.inputs[0].length}));
  EXPECT_EQ(r.documents[1].span, (Span{2, r.inputs[1].length - 1}));
  EXPECT_EQ(r.documents[2].span, (Span{0, r.inputs[2].length}));

  std::vector<std::string> texts;
  for (const Sentence& s : r.sentences) {
    ASSERT_GE(s.input, 0);
    ASSERT_LT(s.input, 3);
    EXPECT_EQ(s.document, s.input);
    EXPECT_GE(s.span.start, 0);
    EXPECT_LE(s.span.end, r.inputs[s.input].length);
    EXPECT_LT(s.span.start, s.span.end);
    texts.push_back(Slice(kThreeInputs[s.input].text, s.span));
  }
  EXPECT_EQ(texts,
            (std::vector<std::string>{
                "قمة في موسكو", "التقى الزعيمان اليوم.", "وناقشا صفقة أسلحة؟", "نعم، قالا ذلك.",
                "😀 بلغ النمو ٣٫٥ في المئة عام 2023، حسب التقرير.", "خبر قصير"}));
  ASSERT_EQ(r.sentences.size(), 6u);
  EXPECT_EQ(r.sentences[0].input, 0);
  EXPECT_EQ(r.sentences[3].input, 0);
  EXPECT_EQ(r.sentences[4].input, 1);
  EXPECT_EQ(r.sentences[5].input, 2);

  ASSERT_FALSE(r.tokens.empty());
  int32_t previous_sentence = 0;
  for (const Token& t : r.tokens) {
    ASSERT_GE(t.sentence, 0);
    ASSERT_LT(t.sentence, static_cast<int32_t>(r.sentences.size()));
    EXPECT_GE(t.sentence, previous_sentence) << "tokens are in sentence order";
    previous_sentence = t.sentence;
    const Sentence& s = r.sentences[t.sentence];
    EXPECT_EQ(t.input, s.input);
    EXPECT_GE(t.span.start, s.span.start);
    EXPECT_LE(t.span.end, s.span.end);
    EXPECT_LT(t.span.start, t.span.end);
  }
  EXPECT_EQ(r.tokens.back().input, 2);
  EXPECT_EQ(Slice(kThreeInputs[2].text, r.tokens.back().span), "قصير");
}

TEST(AnalyzerTest, TokensOnlyWhenAsked) {
  Options options;
  Result without;
  ASSERT_TRUE(A().Analyze(kThreeInputs, options, &without).ok());
  EXPECT_TRUE(without.tokens.empty());
  EXPECT_GT(without.stats.tokens, 0);
  EXPECT_GT(without.stats.words, 0);

  options.tokens = true;
  Result with;
  ASSERT_TRUE(A().Analyze(kThreeInputs, options, &with).ok());
  EXPECT_EQ(with.stats.tokens, static_cast<int64_t>(with.tokens.size()));
  int64_t words = 0;
  for (const Token& t : with.tokens) {
    if (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) ++words;
  }
  EXPECT_EQ(with.stats.words, words);
  EXPECT_LT(words, with.stats.tokens) << "there is punctuation and an emoji";
  // Statistics do not depend on whether the tokens are kept.
  EXPECT_EQ(without.stats.tokens, with.stats.tokens);
  EXPECT_EQ(without.stats.words, with.stats.words);
  EXPECT_EQ(with.sentences.size(), without.sentences.size());
}

TEST(AnalyzerTest, WordStatsCountWordsAndNumbers) {
  Options options;
  options.tokens = true;
  Result r;
  ASSERT_TRUE(A().Analyze({{"a", "زار ٣ وزراء 12 دولة، 😀 أمس!"}}, options, &r).ok());
  // Words: زار وزراء دولة أمس; numbers: ٣ 12; punctuation: ، !; symbol: 😀.
  EXPECT_EQ(r.stats.words, 6);
  EXPECT_EQ(r.stats.tokens, 9);
  EXPECT_EQ(r.tokens.size(), 9u);
}

// --- Progress ------------------------------------------------------------------------------------

struct Report {
  std::string stage;
  int64_t done;
  int64_t total;
};

std::vector<Report> RunWithProgress(const std::vector<Input>& inputs, Status* status,
                                    Result* result) {
  std::vector<Report> reports;
  Options options;
  options.progress = [&reports](const Progress& p) {
    reports.push_back(Report{p.stage, p.done, p.total});
    return true;
  };
  *status = A().Analyze(inputs, options, result);
  return reports;
}

TEST(AnalyzerTest, ProgressStartsAndEnds) {
  Status status;
  Result result;
  const std::vector<Report> reports = RunWithProgress(kThreeInputs, &status, &result);
  ASSERT_TRUE(status.ok()) << status.message();
  int64_t total = 0;
  for (const InputInfo& info : result.inputs) total += info.length;
  ASSERT_GE(reports.size(), 2u);
  EXPECT_EQ(reports.front().stage, "start");
  EXPECT_EQ(reports.front().done, 0);
  EXPECT_EQ(reports.back().stage, "done");
  EXPECT_EQ(reports.back().done, reports.back().total);
  EXPECT_EQ(reports.back().total, total);
}

TEST(AnalyzerTest, ProgressOnALongText) {
  std::string text;
  for (int i = 0; i < 4000; ++i) text += "قال المتحدث إن الاجتماع انتهى. ";
  Status status;
  Result result;
  const std::vector<Report> reports = RunWithProgress({{"a", text}, {"b", text}}, &status, &result);
  ASSERT_TRUE(status.ok()) << status.message();
  ASSERT_EQ(result.sentences.size(), 8000u);
  const int64_t total = 2 * static_cast<int64_t>(result.inputs[0].length);
  ASSERT_GE(reports.size(), 3u) << "a long text reports progress between start and done";
  EXPECT_EQ(reports.front().stage, "start");
  EXPECT_EQ(reports.back().stage, "done");
  EXPECT_EQ(reports.back().done, total);
  int64_t previous = 0;
  for (size_t i = 0; i < reports.size(); ++i) {
    EXPECT_EQ(reports[i].total, total);
    EXPECT_GE(reports[i].done, previous) << "progress never goes back";
    EXPECT_LE(reports[i].done, total);
    previous = reports[i].done;
    if (i > 0 && i + 1 < reports.size()) {
      EXPECT_EQ(reports[i].stage, "analyze");
    }
  }
}

// Cancels at the `n`th report (0 = "start") and expects kCancelled with an empty result.
void ExpectCancelledAt(const std::vector<Input>& inputs, const std::string& stage, int n) {
  int calls = 0;
  std::string last_stage;
  Options options;
  options.tokens = true;
  options.progress = [&](const Progress& p) {
    last_stage = p.stage;
    return calls++ < n;
  };
  Result result = NonEmptyResult();
  const Status status = A().Analyze(inputs, options, &result);
  EXPECT_EQ(status.code(), ErrorCode::kCancelled) << status.message();
  EXPECT_EQ(calls, n + 1) << "no report after the one that cancelled";
  EXPECT_EQ(last_stage, stage);
  ExpectEmpty(result);
}

TEST(AnalyzerTest, CancelAtStart) { ExpectCancelledAt(kThreeInputs, "start", 0); }
TEST(AnalyzerTest, CancelAtDone) { ExpectCancelledAt(kThreeInputs, "done", 1); }
TEST(AnalyzerTest, CancelWhileSegmenting) {
  std::string text;
  for (int i = 0; i < 4000; ++i) text += "قال المتحدث إن الاجتماع انتهى. ";
  ExpectCancelledAt({{"a", text}}, "analyze", 1);
}

TEST(AnalyzerTest, AnalyzeAfterCancelStillWorks) {
  ExpectCancelledAt(kThreeInputs, "start", 0);
  Result result;
  ASSERT_TRUE(A().Analyze(kThreeInputs, Options(), &result).ok());
  EXPECT_EQ(result.sentences.size(), 6u);
}

// --- Determinism ---------------------------------------------------------------------------------

TEST(AnalyzerTest, Deterministic) {
  Options options;
  options.tokens = true;
  Result first, second;
  ASSERT_TRUE(A().Analyze(kThreeInputs, options, &first).ok());
  // Something else in between, so no state of the previous call can be reused by accident.
  Result other;
  ASSERT_TRUE(A().Analyze({{"x", "نص آخر تماما. ومختلف!"}}, options, &other).ok());
  ASSERT_TRUE(A().Analyze(kThreeInputs, options, &second).ok());
  ASSERT_EQ(first.sentences.size(), second.sentences.size());
  ASSERT_EQ(first.tokens.size(), second.tokens.size());
  for (size_t i = 0; i < first.sentences.size(); ++i) {
    EXPECT_EQ(first.sentences[i].span, second.sentences[i].span);
    EXPECT_EQ(first.sentences[i].input, second.sentences[i].input);
  }
  for (size_t i = 0; i < first.tokens.size(); ++i) {
    EXPECT_EQ(first.tokens[i].span, second.tokens[i].span);
    EXPECT_EQ(first.tokens[i].kind, second.tokens[i].kind);
    EXPECT_EQ(first.tokens[i].sentence, second.tokens[i].sentence);
  }
  EXPECT_EQ(ResultToJson(first, kThreeInputs), ResultToJson(second, kThreeInputs));
}

TEST(AnalyzerTest, CreateMakesIndependentAnalyzers) {
  std::unique_ptr<Analyzer> other;
  ASSERT_TRUE(Analyzer::Create(&other).ok());
  ASSERT_NE(other, nullptr);
  Options options;
  options.tokens = true;
  Result a, b;
  ASSERT_TRUE(other->Analyze(kThreeInputs, options, &a).ok());
  ASSERT_TRUE(A().Analyze(kThreeInputs, options, &b).ok());
  EXPECT_EQ(ResultToJson(a, kThreeInputs), ResultToJson(b, kThreeInputs));
}

// --- Hard-wrapped text ---------------------------------------------------------------------------

// Our own report (made up), one paragraph a line.
const char kReport[] =
    "وزراء المياه العرب يتفقون على خطة مشتركة لمواجهة الجفاف\n"
    "\n"
    "القاهرة — خدمة بصيرة التجريبية\n"
    "\n"
    "اتفق وزراء المياه في اثنتي عشرة دولة عربية في ختام اجتماعهم في القاهرة على خطة مشتركة "
    "لمواجهة موجات الجفاف المتكررة، تقوم على تبادل بيانات الأمطار ومخزون السدود كل أسبوع.\n"
    "\n"
    "وقال الأمين العام لجامعة الدول العربية أحمد أبو الغيط في كلمته أمام الوزراء: \"لن تنجح أي "
    "دولة "
    "وحدها في مواجهة أزمة بهذا الحجم، والتعاون اليوم ضرورة لا خيار\".\n"
    "\n"
    "وأضاف أن الخطة تشمل إنشاء صندوق إقليمي بقيمة خمسمئة مليون دولار لتمويل مشروعات تحلية "
    "مياه البحر في الدول الأشد فقراً، على أن يبدأ العمل به مطلع العام المقبل.\n"
    "\n"
    "من جهتها، أكدت وزيرة المياه الأردنية أن بلادها تعاني منذ سنوات من نقص حاد في الموارد، "
    "وأن الأردن سيكون من أوائل المستفيدين من الصندوق.\n";

// `text` with every line longer than `width` UTF-16 units cut at spaces into lines of at most
// `width`, as e-mail and plain-text wires do.
std::string HardWrap(const std::string& text, int32_t width) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  icu::UnicodeString out;
  int32_t line_start = 0;
  while (line_start <= u.length()) {
    int32_t line_end = u.indexOf(u'\n', line_start);
    if (line_end < 0) line_end = u.length();
    int32_t start = line_start;
    while (line_end - start > width) {
      int32_t cut = u.lastIndexOf(u' ', start, width + 1);
      if (cut <= start) cut = u.indexOf(u' ', start);
      if (cut < 0 || cut >= line_end) break;
      out.append(u, start, cut - start).append(u'\n');
      start = cut + 1;
    }
    out.append(u, start, line_end - start);
    if (line_end < u.length()) out.append(u'\n');
    line_start = line_end + 1;
  }
  return Utf8(out);
}

// What a reader sees of an analysis, with white space runs as one space.
std::vector<std::string> Seen(const std::string& text) {
  Result r;
  EXPECT_TRUE(A().Analyze({{"report.txt", text}}, Options(), &r).ok());
  const auto flat = [&](Span s) {
    std::string out;
    for (char c : Slice(text, s)) {
      const bool space = c == ' ' || c == '\n' || c == '\r';
      if (space && (out.empty() || out.back() == ' ')) continue;
      out.push_back(space ? ' ' : c);
    }
    return out;
  };
  std::vector<std::string> seen;
  for (const Sentence& s : r.sentences) seen.push_back("sentence " + flat(s.span));
  for (const Entity& e : r.entities) {
    seen.push_back("entity " + e.name + " " + std::to_string(e.mentions.size()));
  }
  for (const Quote& q : r.quotes) {
    const std::string speaker = q.speaker >= 0 ? r.entities[q.speaker].name : "-";
    seen.push_back("quote " + speaker + ": " + flat(q.span));
  }
  return seen;
}

TEST(AnalyzerTest, HardWrappedTextReadsAsTheSameArticle) {
  const std::vector<std::string> whole = Seen(kReport);
  ASSERT_GT(whole.size(), 10u);
  for (int32_t width : {56, 64, 72, 80}) {
    const std::string wrapped = HardWrap(kReport, width);
    ASSERT_NE(wrapped, kReport);
    EXPECT_EQ(Seen(wrapped), whole) << "wrapped at " << width << ":\n" << wrapped;
  }
}

TEST(AnalyzerTest, VersionIsSet) { EXPECT_STREQ(Version(), "0.1.0"); }

}  // namespace
}  // namespace basira
