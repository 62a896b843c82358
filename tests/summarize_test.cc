// The summarize stage through Analyze: what a summary may hold, its length options, its spans,
// keyphrases, near-duplicate documents and sentences several inputs support. The articles are
// our own writing (a fictional desalination plant).
#include "summarize/summarize.h"

#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "basira/analyzer.h"
#include "basira/json.h"
#include "basira/result.h"
#include "clitics/clitics.h"
#include "recognize/recognize.h"
#include "test_util.h"

namespace basira {
namespace {

const char kPlant[] =
    "افتتاح محطة تحلية مياه جديدة في مدينة الساحل\n\n"
    "محطة تحلية المياه الجديدة على شاطئ المدينة (رويترز)\n\n"
    "افتتحت الحكومة محطة تحلية مياه جديدة في مدينة الساحل بطاقة مئة ألف متر مكعب يومياً. "
    "وتغطي المحطة حاجة نصف سكان المدينة من مياه الشرب.\n\n"
    "وقال مدير المحطة إن محطة تحلية المياه تعمل بالطاقة الشمسية خلال النهار. "
    "وأضاف أن كلفة المشروع بلغت مئتي مليون دولار.\n\n"
    "وكان السكان يشكون من انقطاع مياه الشرب في فصل الصيف منذ سنوات. "
    "ويتوقع خبراء أن تخفف المحطة الضغط على الآبار الجوفية القديمة.\n\n"
    "وتخطط وزارة المياه لبناء محطة تحلية ثانية في الجنوب خلال ثلاث سنوات. "
    "وقالت الوزيرة: «سنواصل العمل حتى يصل الماء إلى كل بيت. "
    "وأي تأخير في المشاريع لن يكون مقبولاً».\n";

// Another outlet's article: one sentence in common with kPlant, the rest its own.
const char kResidents[] =
    "سكان الساحل ينتظرون مياه المحطة الجديدة\n\n"
    "تسلمت بلدية الساحل أمس أول شحنة من المياه المحلاة بعد أشهر من الانتظار. "
    "وتغطي المحطة حاجة نصف سكان المدينة من مياه الشرب.\n\n"
    "ويقول صيادون في الميناء إنهم يخشون أثر المياه المالحة المعادة إلى البحر على الأسماك. "
    "وتعهدت البلدية بنشر نتائج فحص مياه البحر كل شهر.\n";

// kPlant under another headline with one figure reworded: a near duplicate.
std::string Reworded() {
  std::string text = kPlant;
  const std::string from = "افتتاح محطة تحلية مياه جديدة في مدينة الساحل";
  text.replace(text.find(from), from.size(), "الحكومة تفتتح محطة لتحلية المياه في الساحل");
  const std::string amount = "بلغت مئتي";
  text.replace(text.find(amount), amount.size(), "تجاوزت مئتي");
  return text;
}

Result Summarize(const std::vector<std::string>& texts, SummaryLength length = SummaryLength()) {
  std::vector<Input> inputs;
  for (size_t i = 0; i < texts.size(); ++i) inputs.push_back({std::to_string(i), texts[i]});
  Options options;
  options.summary = length;
  Result result;
  const Status status = test::SharedAnalyzer().Analyze(inputs, options, &result);
  EXPECT_TRUE(status.ok()) << status.message();
  return result;
}

std::string Slice(const std::string& utf8, Span span) {
  return test::Utf8(icu::UnicodeString::fromUTF8(utf8).tempSubString(span.start, span.length()));
}

int Eligible(const Result& r, int32_t document) {
  int n = 0;
  for (const Sentence& s : r.sentences)
    n += s.document == document && s.block == BlockKind::kParagraph;
  return n;
}

TEST(SummarizeTest, OnlyParagraphSentencesAreChosenNeverCaptionsHeadlinesOrQuoteFragments) {
  const Result r = Summarize({kPlant}, {SummaryLength::Unit::kSentences, 100});
  ASSERT_EQ(r.summaries.size(), 1u);
  bool has_caption = false, has_headline = false, has_fragment = false;
  for (const Sentence& s : r.sentences) {
    has_caption = has_caption || s.block == BlockKind::kCaption;
    has_headline = has_headline || s.block == BlockKind::kHeadline;
    const std::string text = Slice(kPlant, s.span);
    has_fragment = has_fragment ||
                   (text.find("«") == std::string::npos) != (text.find("»") == std::string::npos);
  }
  ASSERT_TRUE(has_caption && has_headline && has_fragment) << "the fixture lost a block kind";
  ASSERT_GE(r.summaries[0].sentences.size(), 5u);
  for (const SummarySentence& s : r.summaries[0].sentences) {
    EXPECT_EQ(r.sentences[s.sentence].block, BlockKind::kParagraph) << s.sentence;
    const std::string text = Slice(kPlant, s.span);
    EXPECT_EQ(text.find("«") == std::string::npos, text.find("»") == std::string::npos) << text;
  }
}

TEST(SummarizeTest, SpansSliceToTheSentenceInTextOrder) {
  const Result r = Summarize({kPlant, kResidents});
  ASSERT_EQ(r.summaries.size(), 2u);
  for (const DocumentSummary& d : r.summaries) {
    ASSERT_FALSE(d.sentences.empty());
    for (size_t i = 0; i < d.sentences.size(); ++i) {
      const SummarySentence& s = d.sentences[i];
      const Sentence& sentence = r.sentences[s.sentence];
      EXPECT_EQ(s.span, sentence.span);
      EXPECT_EQ(s.input, sentence.input);
      EXPECT_EQ(sentence.document, d.document);
      EXPECT_GE(s.score, 0);
      EXPECT_LE(s.score, 1);
      if (i > 0) EXPECT_LT(d.sentences[i - 1].sentence, s.sentence);
    }
  }
  // The lead sentence of the plant story is in its 3-sentence summary.
  EXPECT_EQ(Slice(kPlant, r.summaries[0].sentences[0].span).rfind("افتتحت الحكومة", 0), 0u);
}

TEST(SummarizeTest, LengthBySentencesRatioAndWords) {
  const int eligible = Eligible(Summarize({kPlant}), 0);
  ASSERT_GE(eligible, 8);
  EXPECT_EQ(Summarize({kPlant}).summaries[0].sentences.size(), 3u);  // the default
  EXPECT_EQ(Summarize({kPlant}, {SummaryLength::Unit::kSentences, 2}).summaries[0].sentences.size(),
            2u);
  EXPECT_EQ(Summarize({kPlant}, {SummaryLength::Unit::kSentences, 1}).summaries[0].sentences.size(),
            1u);
  // A ratio of the eligible sentences (paragraph sentences that are no quote fragment).
  const size_t half =
      Summarize({kPlant}, {SummaryLength::Unit::kRatio, 0.5}).summaries[0].sentences.size();
  EXPECT_GE(half, 3u);
  EXPECT_LE(half, static_cast<size_t>(eligible) / 2 + 1);
  // Words: whole sentences within the budget, at least one.
  for (int budget : {5, 25, 40}) {
    const Result r =
        Summarize({kPlant}, {SummaryLength::Unit::kWords, static_cast<double>(budget)});
    const auto& chosen = r.summaries[0].sentences;
    ASSERT_FALSE(chosen.empty());
    int words = 0;
    for (const SummarySentence& s : chosen) {
      const std::string text = Slice(kPlant, s.span);
      words += static_cast<int>(std::count(text.begin(), text.end(), ' ')) + 1;
    }
    if (chosen.size() > 1) EXPECT_LE(words, budget) << budget;
  }
  EXPECT_GT(Summarize({kPlant}, {SummaryLength::Unit::kWords, 40}).summaries[0].sentences.size(),
            1u);
}

TEST(SummarizeTest, KeyphrasesAreNormalizedRecurringPhrases) {
  const Result r = Summarize({kPlant});
  const auto& phrases = r.summaries[0].keyphrases;
  ASSERT_FALSE(phrases.empty());
  EXPECT_LE(phrases.size(), static_cast<size_t>(summarize::kMaxKeyphrases));
  EXPECT_EQ(phrases[0].key, "محطه تحليه");  // محطة تحلية, four times
  EXPECT_EQ(phrases[0].score, 1);
  EXPECT_GE(phrases[0].count, 3);
  EXPECT_EQ(Slice(kPlant, phrases[0].span), "محطة تحلية");
  bool place = false;
  for (const Keyphrase& p : phrases) {
    EXPECT_EQ(p.input, 0);
    // Entities merge with the phrases: the ministry وزارة المياه is one phrase, linked to its
    // entity.
    if (p.key == "وزاره مياه")
      place = p.entity >= 0 && r.entities[p.entity].type == EntityType::kOrganization;
  }
  EXPECT_TRUE(place);
}

TEST(SummarizeTest, NearDuplicateDocumentIsReported) {
  const Result r = Summarize({kPlant, kResidents, Reworded()});
  ASSERT_EQ(r.documents.size(), 3u);
  ASSERT_EQ(r.story.duplicates.size(), 1u);
  const DuplicateDocument& d = r.story.duplicates[0];
  EXPECT_EQ(d.document, 2);
  EXPECT_EQ(d.input, 2);
  EXPECT_EQ(d.duplicate_of, 0);
  EXPECT_GE(d.similarity, summarize::kDuplicateJaccard);
  EXPECT_LT(d.similarity, 1);
  // Two different articles are no duplicates.
  EXPECT_TRUE(Summarize({kPlant, kResidents}).story.duplicates.empty());
}

TEST(SummarizeTest, SentenceSaidInTwoInputsIsSupportedByBoth) {
  const Result r = Summarize({kPlant, kResidents}, {SummaryLength::Unit::kSentences, 4});
  ASSERT_FALSE(r.story.summary.empty());
  // The shared sentence leads the story: two independent outlets say it.
  const StorySentence& top = r.story.summary[0];
  EXPECT_EQ(Slice(top.input == 0 ? kPlant : kResidents, top.span),
            "وتغطي المحطة حاجة نصف سكان المدينة من مياه الشرب.");
  EXPECT_EQ(top.support, (std::vector<int32_t>{0, 1}));
  EXPECT_EQ(top.documents, (std::vector<int32_t>{0, 1}));
  ASSERT_EQ(top.sentences.size(), 2u);
  EXPECT_EQ(r.sentences[top.sentences[0]].input, 0);
  EXPECT_EQ(r.sentences[top.sentences[1]].input, 1);
  EXPECT_LE(r.story.summary.size(), 4u);
  for (size_t i = 1; i < r.story.summary.size(); ++i) {
    EXPECT_EQ(r.story.summary[i].support.size(), 1u) << "only one sentence is shared";
    EXPECT_EQ(r.story.summary[i].span, r.sentences[r.story.summary[i].sentence].span);
  }
  // One document: no story.
  EXPECT_TRUE(Summarize({kPlant}).story.summary.empty());
}

// Rebuilds the stage's model from an analysis with tokens, as basira_eval_rouge does.
struct Rebuilt {
  explicit Rebuilt(const std::string& utf8) : text(icu::UnicodeString::fromUTF8(utf8)) {
    Options options;
    options.tokens = true;
    EXPECT_TRUE(test::SharedAnalyzer().Analyze({{"a", utf8}}, options, &result).ok());
    EXPECT_TRUE(summarize::Summarizer::Create(&summarizer).ok());
    collector = std::make_unique<summarize::Collector>(*summarizer);
    size_t t = 0;
    for (size_t s = 0; s < result.sentences.size(); ++s) {
      std::vector<recognize::Word> words;
      for (; t < result.tokens.size() && result.tokens[t].sentence == static_cast<int32_t>(s);
           ++t) {
        const Token& token = result.tokens[t];
        if (token.kind != TokenKind::kWord) continue;
        words.push_back(recognize::MakeWord(
            text, token.span, clitics::Analysis{token.stem, token.proclitics, token.enclitics}));
      }
      collector->AddSentence(text, result.sentences[s].span, words);
    }
    model = std::make_unique<summarize::Model>(*collector, result);
  }
  icu::UnicodeString text;
  Result result;
  std::unique_ptr<summarize::Summarizer> summarizer;
  std::unique_ptr<summarize::Collector> collector;
  std::unique_ptr<summarize::Model> model;
};

// A long lede (one sentence of more than 35 words, as news ledes often are) before short
// paragraphs.
const char kLongLede[] =
    "الساحل تفتتح محطة التحلية\n\n"
    "افتتحت الحكومة صباح اليوم في مدينة الساحل محطة تحلية مياه جديدة بطاقة مئة ألف متر مكعب "
    "يومياً، بحضور وزيرة المياه ومحافظ المدينة وعدد من النواب وممثلي الشركات التي نفذت المشروع "
    "خلال ثلاث سنوات من العمل المتواصل، في خطوة تقول الحكومة إنها ستنهي انقطاع مياه الشرب عن "
    "نصف سكان المدينة في فصل الصيف وتخفف الضغط عن الآبار الجوفية القديمة التي جفت في القرى "
    "المجاورة منذ سنوات طويلة.\n\n"
    "وتعمل المحطة بالطاقة الشمسية خلال النهار.\n\n"
    "وبلغت كلفة المشروع مئتي مليون دولار.\n\n"
    "ويخشى صيادون أثر المياه المالحة على الأسماك.\n";

TEST(SummarizeTest, LongLedeIsNotScaledDown) {
  const Result r = Summarize({kLongLede}, {SummaryLength::Unit::kSentences, 1});
  ASSERT_EQ(r.summaries.size(), 1u);
  ASSERT_EQ(r.summaries[0].sentences.size(), 1u);
  const std::string lede = Slice(kLongLede, r.summaries[0].sentences[0].span);
  EXPECT_EQ(lede.rfind("افتتحت الحكومة صباح اليوم", 0), 0u) << lede;
  const Rebuilt rebuilt(kLongLede);
  const std::vector<int32_t> lead = rebuilt.model->Rank(0, summarize::Method::kLead, 1);
  ASSERT_EQ(lead.size(), 1u);
  EXPECT_GT(rebuilt.model->words(lead[0]), 35) << "the fixture's lede must be long";
  EXPECT_EQ(r.summaries[0].sentences[0].sentence, lead[0]);
}

// A hard-wrapped article: every line is a block, and the third line goes on with the sentence the
// second left unfinished. `stop` ends the second line.
std::string Wrapped(const std::string& stop) {
  return "محطة جديدة لتحلية المياه في الساحل\n\n"
         "افتتحت الحكومة محطة تحلية مياه جديدة في مدينة الساحل بطاقة مئة ألف متر مكعب يومياً "
         "بعد ثلاث سنوات من العمل.\n"
         "وقال مدير المحطة في مؤتمر صحفي عقده ظهر اليوم إن المحطة تعمل بالطاقة الشمسية خلال" +
         stop +
         "\n"
         "ساعات النهار وبالكهرباء من الشبكة العامة في ساعات الليل وفي أيام الشتاء الغائمة.\n"
         "ويتوقع خبراء أن تخفف المحطة الضغط على الآبار الجوفية القديمة في القرى المجاورة.\n";
}

TEST(SummarizeTest, WrappedLineThatGoesOnWithASentenceOpensNoParagraph) {
  // The same words with and without a full stop at the end of the second line: the third line
  // opens a paragraph only when the second ended its sentence.
  double score[2] = {-1, -1};
  for (int stop = 0; stop < 2; ++stop) {
    const std::string text = Wrapped(stop ? "." : "");
    const Result r = Summarize({text}, {SummaryLength::Unit::kRatio, 1});
    ASSERT_EQ(r.summaries.size(), 1u);
    ASSERT_EQ(r.summaries[0].sentences.size(), 4u) << stop;
    for (const SummarySentence& s : r.summaries[0].sentences) {
      EXPECT_EQ(r.sentences[s.sentence].block, BlockKind::kParagraph);
      if (Slice(text, s.span).rfind("ساعات النهار", 0) == 0) score[stop] = s.score;
    }
  }
  ASSERT_GE(score[0], 0);
  ASSERT_GE(score[1], 0);
  EXPECT_LT(score[0] + 0.05, score[1]);
}

TEST(SummarizeTest, RankingMethodsForTheEvaluation) {
  Rebuilt r(kPlant);
  std::vector<int32_t> eligible;
  for (size_t s = 0; s < r.result.sentences.size(); ++s) {
    if (r.model->Eligible(static_cast<int32_t>(s))) eligible.push_back(static_cast<int32_t>(s));
  }
  ASSERT_GE(eligible.size(), 7u);
  EXPECT_EQ(r.model->Rank(0, summarize::Method::kLead, 100), eligible);
  std::vector<int32_t> lexrank = r.model->Rank(0, summarize::Method::kLexRank, 100);
  std::sort(lexrank.begin(), lexrank.end());
  EXPECT_EQ(lexrank, eligible);
  const std::vector<int32_t> basira = r.model->Rank(0, summarize::Method::kBasira, 3);
  ASSERT_EQ(basira.size(), 3u);
  EXPECT_EQ(basira[0], eligible[0]) << "the lead sentence comes first";
  // The model rebuilt from tokens summarizes exactly as Analyze did.
  Result again = r.result;
  again.summaries.clear();
  again.story = Story();
  r.model->Summarize(SummaryLength(), &again);
  ASSERT_EQ(again.summaries.size(), 1u);
  ASSERT_EQ(again.summaries[0].sentences.size(), r.result.summaries[0].sentences.size());
  for (size_t i = 0; i < again.summaries[0].sentences.size(); ++i) {
    EXPECT_EQ(again.summaries[0].sentences[i].sentence,
              r.result.summaries[0].sentences[i].sentence);
  }
}

TEST(SummarizeTest, LongDocumentUsesTheCentroidAndStaysBounded) {
  // More sentences than LexRank takes: 240 distinct sentences of our own making.
  const char* kPlaces[] = {"الميناء", "السوق", "المطار", "الجامعة", "المستشفى", "الملعب"};
  const char* kThings[] = {"الكهرباء", "المياه",  "الطرق",   "الحافلات",
                           "الإنارة",  "الحدائق", "المدارس", "الأرصفة"};
  std::string text = "تقرير البلدية عن الأشغال\n\n";
  for (int i = 0; i < 240; ++i) {
    text += std::string("أصلحت فرق البلدية ") + kThings[i % 8] + " قرب " + kPlaces[i % 6] +
            " في الحي رقم " + std::to_string(i) + " خلال الأسبوع " + std::to_string(i / 8) + ". ";
    if (i % 4 == 3) text += "\n\n";
  }
  const Result r = Summarize({text}, {SummaryLength::Unit::kRatio, 1});
  ASSERT_GT(Eligible(r, 0), summarize::kMaxLexRankSentences);
  EXPECT_EQ(r.summaries[0].sentences.size(), static_cast<size_t>(summarize::kMaxSummarySentences));
  EXPECT_FALSE(r.summaries[0].keyphrases.empty());
  EXPECT_EQ(Summarize({text}).summaries[0].sentences.size(), 3u);
}

TEST(SummarizeTest, SummaryOptionJson) {
  Options o;
  ASSERT_TRUE(ParseOptionsJson(R"({"summary": {"ratio": 0.2}})", &o).ok());
  EXPECT_EQ(o.summary.unit, SummaryLength::Unit::kRatio);
  EXPECT_EQ(o.summary.value, 0.2);
  ASSERT_TRUE(ParseOptionsJson(R"({"summary": {"words": 60}})", &o).ok());
  EXPECT_EQ(o.summary.unit, SummaryLength::Unit::kWords);
  ASSERT_TRUE(ParseOptionsJson(R"({"summary": {"sentences": 2}})", &o).ok());
  EXPECT_EQ(o.summary.unit, SummaryLength::Unit::kSentences);
  EXPECT_EQ(o.summary.value, 2);
  for (const char* bad :
       {R"({"summary": 3})", R"({"summary": {"ratio": 2}})", R"({"summary": {"sentences": 0}})",
        R"({"summary": {"lines": 2}})", R"({"summary": {"sentences": 2, "words": 9}})"}) {
    EXPECT_EQ(ParseOptionsJson(bad, &o).code(), ErrorCode::kInvalidArgument) << bad;
  }
}

}  // namespace
}  // namespace basira
