// tagger: features, the averaged perceptron, the model format, label projection onto our tokens,
// mapping mentions back to gold tokens, and the conlleval scorer.
#include "tagger/tagger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tagger/ner_data.h"
#include "test_util.h"

// Defined by the generated basira_ner_model.cc (data/models/ner.model).
extern "C" const unsigned char basira_ner_model[];
extern "C" const size_t basira_ner_model_size;

namespace basira::tagger {
namespace {

// A model's bytes before its weights: magic, version, bits, label count, the 9 labels, scale.
constexpr size_t kHeaderSize = 8 + 12 + 9 + 1 + 6 * 5 + 2 * 6 + 4;

// A LEB128 varint, as the weight runs count.
std::string Varint(size_t v) {
  std::string out;
  for (; v >= 0x80; v >>= 7) out.push_back(static_cast<char>((v & 0x7F) | 0x80));
  out.push_back(static_cast<char>(v));
  return out;
}

// `model` (Serialize's bytes) with its weights replaced by `table`, written as one literal run.
std::string WithTable(const std::string& model, const std::vector<int8_t>& table) {
  return model.substr(0, kHeaderSize) + Varint(0) + Varint(table.size()) +
         std::string(reinterpret_cast<const char*>(table.data()), table.size());
}

Pipeline& SharedPipeline() {
  static Pipeline* const pipeline = [] {
    std::unique_ptr<Pipeline> made;
    const Status status = Pipeline::Create(&made);
    if (!status.ok() || made == nullptr) {
      std::fprintf(stderr, "Pipeline::Create failed: %s\n", status.message().c_str());
      std::abort();
    }
    return made.release();
  }();
  return *pipeline;
}

std::vector<TokenInput> TokensOf(const std::string& utf8, icu::UnicodeString* text) {
  *text = icu::UnicodeString::fromUTF8(utf8);
  return SharedPipeline().Tokens(*text, Span{0, text->length()});
}

bool Has(const std::vector<std::string>& features, const std::string& f) {
  return std::find(features.begin(), features.end(), f) != features.end();
}

std::string Slice(const icu::UnicodeString& text, Span span) {
  return test::Utf8(text.tempSubStringBetween(span.start, span.end));
}

ConllSentence Conll(std::vector<std::string> tokens, std::vector<std::string> tags) {
  ConllSentence s;
  s.tokens = std::move(tokens);
  s.tags = std::move(tags);
  return s;
}

TEST(TaggerFeatures, TokenWithProcliticHasStemFeatures) {
  icu::UnicodeString text;
  const std::vector<TokenInput> tokens = TokensOf("سافر الوزير لروسيا أمس", &text);
  ASSERT_EQ(tokens.size(), 4u);
  const TokenInput& t = tokens[2];
  EXPECT_EQ(t.key, "لروسيا");
  EXPECT_EQ(t.stem, "روسيا");
  EXPECT_EQ(t.proclitics, "ل");
  EXPECT_FALSE(t.enclitic);
  EXPECT_EQ(Slice(text, Span{t.name_start, t.span.end}), "روسيا");

  const std::vector<std::string> f = StaticFeatures(tokens, 2);
  EXPECT_TRUE(Has(f, "w=لروسيا"));
  EXPECT_TRUE(Has(f, "s=روسيا"));
  EXPECT_TRUE(Has(f, "p1=ر"));
  EXPECT_TRUE(Has(f, "p3=روس"));
  EXPECT_TRUE(Has(f, "x2=يا"));
  EXPECT_TRUE(Has(f, "pc=ل"));
  EXPECT_TRUE(Has(f, "sh=A"));
  EXPECT_TRUE(Has(f, "ln=5-6"));
  EXPECT_TRUE(Has(f, "w-1=الوزير"));
  EXPECT_TRUE(Has(f, "w-2=سافر"));
  EXPECT_TRUE(Has(f, "w+1=امس"));  // match keys fold أ to ا
  EXPECT_TRUE(Has(f, "w+2=</s>"));
  EXPECT_TRUE(Has(f, "s-1s0=وزير|روسيا"));
  EXPECT_TRUE(Has(f, "s-1s+1=وزير|امس"));
  EXPECT_TRUE(Has(f, "p4=روسي"));
  EXPECT_TRUE(Has(f, "x4=وسيا"));
  EXPECT_TRUE(Has(f, "x2-1=ير"));
  EXPECT_TRUE(Has(f, "x2+1=مس"));
  EXPECT_FALSE(Has(f, "pc="));
}

// A token moved by Shift is the token of the same text further on.
TEST(TaggerFeatures, ShiftGivesTheTokenOfTheSameWordElsewhere) {
  icu::UnicodeString alone_text, later_text;
  const std::vector<TokenInput> alone = TokensOf("وبالقاهرة", &alone_text);
  const std::vector<TokenInput> later = TokensOf("سافر الوزير وبالقاهرة", &later_text);
  ASSERT_EQ(alone.size(), 1u);
  ASSERT_EQ(later.size(), 3u);
  TokenInput moved = alone[0];
  Shift(&moved, later[2].span.start);
  const TokenInput& expected = later[2];
  EXPECT_GT(expected.name_start, expected.span.start);  // after و and ب
  EXPECT_EQ(moved.span, expected.span);
  EXPECT_EQ(moved.name_start, expected.name_start);
  EXPECT_EQ(moved.key, expected.key);
  EXPECT_EQ(moved.stem, expected.stem);
  EXPECT_EQ(moved.proclitics, expected.proclitics);
}

// A name starts after the proclitics and keeps its article ال, but not the bare ل that is all
// the text keeps of the article after the preposition ل (للمنظمة: منظمة, never لمنظمة).
TEST(TaggerFeatures, NamesStartAtTheArticleButNotAtAFusedLam) {
  icu::UnicodeString text;
  const std::vector<TokenInput> tokens = TokensOf("وبالصين للمنظمة للبنان", &text);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(Slice(text, Span{tokens[0].name_start, tokens[0].span.end}), "الصين");
  EXPECT_EQ(Slice(text, Span{tokens[1].name_start, tokens[1].span.end}), "منظمة");
  EXPECT_EQ(Slice(text, Span{tokens[2].name_start, tokens[2].span.end}), "لبنان");
}

TEST(TaggerFeatures, ShapesAndSentenceEdges) {
  icu::UnicodeString text;
  const std::vector<TokenInput> tokens = TokensOf("عام 2024 في Paris", &text);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_TRUE(Has(StaticFeatures(tokens, 1), "sh=9"));
  EXPECT_TRUE(Has(StaticFeatures(tokens, 1), "k=number"));
  EXPECT_TRUE(Has(StaticFeatures(tokens, 3), "sh=a"));
  EXPECT_TRUE(Has(StaticFeatures(tokens, 3), "w=paris"));  // keys are case-folded
  EXPECT_TRUE(Has(StaticFeatures(tokens, 0), "w-1=<s>"));
  EXPECT_TRUE(Has(StaticFeatures(tokens, 0), "s-2=<s>"));
  EXPECT_TRUE(Has(StaticFeatures(tokens, 0), "pc="));
}

TEST(TaggerFeatures, LexiconHookAddsFeaturesToTheTokenAndItsNeighbours) {
  icu::UnicodeString text;
  std::vector<TokenInput> tokens = TokensOf("قال الرئيس ماكرون", &text);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_FALSE(Has(StaticFeatures(tokens, 1), "lx=trigger:PER"));
  tokens[1].lexicon.push_back("trigger:PER");
  EXPECT_TRUE(Has(StaticFeatures(tokens, 1), "lx=trigger:PER"));
  EXPECT_TRUE(Has(StaticFeatures(tokens, 2), "lx-1=trigger:PER"));
  EXPECT_TRUE(Has(StaticFeatures(tokens, 0), "lx+1=trigger:PER"));
}

TEST(TaggerFeatures, GazetteerFillsTheLexiconHook) {
  Gazetteer g;
  g.Parse(
      "# comment\n"
      "الأمم المتحدة | المنظمة الدولية، الامم | United Nations | ORG\n"
      "روسيا | | Russia | LOC\n"
      "title | الرئيس\n");
  EXPECT_EQ(g.size(), 5u);
  icu::UnicodeString text;
  std::vector<TokenInput> tokens = TokensOf("قال الرئيس إن الامم المتحدة ولروسيا", &text);
  ASSERT_EQ(tokens.size(), 6u);
  g.Annotate(&tokens);
  EXPECT_TRUE(tokens[0].lexicon.empty());
  EXPECT_EQ(tokens[1].lexicon, (std::vector<std::string>{"trigger:title"}));
  EXPECT_TRUE(tokens[2].lexicon.empty());
  // The longest name wins: الامم المتحدة, not the variant الامم alone.
  EXPECT_EQ(tokens[3].lexicon, (std::vector<std::string>{"ORG:B"}));
  EXPECT_EQ(tokens[4].lexicon, (std::vector<std::string>{"ORG:I"}));
  EXPECT_EQ(tokens[5].lexicon, (std::vector<std::string>{"LOC:B"}));  // by its stem
}

TEST(TaggerFeatures, WordClustersGiveClassFeatures) {
  WordClusters c;
  c.Parse(
      "# comment\n"
      "روسيا\t3,17,250\n"
      "قال\t5,9\n"
      "bad line without a tab\n");
  EXPECT_EQ(c.size(), 2u);
  icu::UnicodeString text;
  std::vector<TokenInput> tokens = TokensOf("قال ولروسيا غدا", &text);
  ASSERT_EQ(tokens.size(), 3u);
  // No classes yet: no class features at all.
  for (const std::string& f : StaticFeatures(tokens, 1)) EXPECT_NE(f.rfind("c0", 0), 0u) << f;
  c.Annotate(&tokens);
  EXPECT_EQ(tokens[0].cluster[0], 5);
  EXPECT_EQ(tokens[0].cluster[1], 9);
  EXPECT_EQ(tokens[0].cluster[2], -1);
  EXPECT_EQ(tokens[1].cluster[2], 250);  // by its stem روسيا
  EXPECT_EQ(tokens[2].cluster[0], -1);
  const std::vector<std::string> f = StaticFeatures(tokens, 1);
  EXPECT_TRUE(Has(f, "c0=3"));
  EXPECT_TRUE(Has(f, "c1=17"));
  EXPECT_TRUE(Has(f, "c2=250"));
  EXPECT_TRUE(Has(f, "c0-1=5"));
  EXPECT_TRUE(Has(f, "c0+1=-"));
  EXPECT_TRUE(Has(f, "c0-1|5|3"));
  EXPECT_TRUE(Has(f, "c1+1|17|-"));
  EXPECT_TRUE(Has(StaticFeatures(tokens, 0), "c0-1=<>"));
}

TEST(TaggerMentions, ProcliticsLeaveTheNameButTheArticleStays) {
  icu::UnicodeString text;
  const std::vector<TokenInput> tokens = TokensOf("وصل وبريطانيا والقاهرة", &text);
  ASSERT_EQ(tokens.size(), 3u);
  const int loc = static_cast<int>(EntityType::kLoc);
  const std::vector<Mention> m = Mentions(tokens, {0, BeginLabel(loc), BeginLabel(loc)});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(Slice(text, m[0].span), "بريطانيا");
  EXPECT_EQ(Slice(text, m[1].span), "القاهرة");
  EXPECT_EQ(m[1].first_token, 2);
  EXPECT_EQ(m[1].last_token, 2);
}

TEST(TaggerMentions, LabelsToSpans) {
  // Four tokens "aa bb cc dd" without clitics.
  std::vector<TokenInput> tokens(4);
  for (int i = 0; i < 4; ++i) {
    tokens[i].span = Span{3 * i, 3 * i + 2};
    tokens[i].name_start = 3 * i;
  }
  const int per = static_cast<int>(EntityType::kPer), org = static_cast<int>(EntityType::kOrg);
  // B-PER I-PER | I-ORG after another type starts a mention | B-ORG starts another one.
  std::vector<Mention> m =
      Mentions(tokens, {BeginLabel(per), InsideLabel(per), InsideLabel(org), BeginLabel(org)});
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].span, (Span{0, 5}));
  EXPECT_EQ(m[0].type, per);
  EXPECT_EQ(m[1].span, (Span{6, 8}));
  EXPECT_EQ(m[1].type, org);
  EXPECT_EQ(m[2].span, (Span{9, 11}));
  EXPECT_TRUE(Mentions(tokens, {0, 0, 0, 0}).empty());
}

TEST(TaggerData, ParseConllAndGoldMentions) {
  std::vector<ConllSentence> s;
  std::string problem;
  ASSERT_TRUE(ParseConll("a\tB-PER\nb\tI-PER\nc\tO\n\n\nd\tI-LOC\ne\tB-LOC\n", &s, &problem));
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].tokens, (std::vector<std::string>{"a", "b", "c"}));
  const std::vector<TokenRange> g0 = GoldMentions(s[0].tags);
  ASSERT_EQ(g0.size(), 1u);
  EXPECT_EQ(g0[0], (TokenRange{0, 1, static_cast<int>(EntityType::kPer)}));
  // An orphan I- starts a mention; a B- right after ends the previous one.
  const std::vector<TokenRange> g1 = GoldMentions(s[1].tags);
  ASSERT_EQ(g1.size(), 2u);
  EXPECT_EQ(g1[0], (TokenRange{0, 0, static_cast<int>(EntityType::kLoc)}));
  EXPECT_EQ(g1[1], (TokenRange{1, 1, static_cast<int>(EntityType::kLoc)}));

  EXPECT_FALSE(ParseConll("a B-PER\n", &s, &problem));
  EXPECT_NE(problem.find("line 1"), std::string::npos);
  EXPECT_FALSE(ParseConll("a\tO\nb\tB-XYZ\n", &s, &problem));
  EXPECT_NE(problem.find("line 2"), std::string::npos);
}

TEST(TaggerData, JoinGivesUtf16SpansOfGoldTokens) {
  const JoinedSentence j = Join(Conll({"زار", "Paris", "٢"}, {"O", "B-LOC", "O"}));
  EXPECT_EQ(test::Utf8(j.text), "زار Paris ٢");
  ASSERT_EQ(j.spans.size(), 3u);
  EXPECT_EQ(j.spans[0], (Span{0, 3}));
  EXPECT_EQ(j.spans[1], (Span{4, 9}));
  EXPECT_EQ(j.spans[2], (Span{10, 11}));
}

TEST(TaggerData, ProjectLabelsByOverlap) {
  // Gold: "زار بان-كي مون لبنان،" as O B-PER I-PER B-LOC; ours split the hyphen and the comma.
  const std::vector<Span> gold_spans = {{0, 3}, {4, 10}, {11, 14}, {15, 21}};
  const std::vector<TokenRange> gold = {{1, 2, 0}, {3, 3, 1}};
  const std::vector<Span> ours = {{0, 3}, {4, 7}, {7, 8}, {8, 10}, {11, 14}, {15, 20}, {20, 21}};
  const std::vector<int> labels = ProjectLabels(gold_spans, gold, ours);
  std::vector<std::string> names;
  for (int l : labels) names.push_back(LabelName(l));
  EXPECT_EQ(names,
            (std::vector<std::string>{"O", "B-PER", "I-PER", "I-PER", "I-PER", "B-LOC", "I-LOC"}));
  // Two adjacent mentions of one type stay two mentions on our tokens.
  const std::vector<int> two =
      ProjectLabels({{0, 2}, {3, 5}}, {{0, 0, 1}, {1, 1, 1}}, {{0, 2}, {3, 5}});
  EXPECT_EQ(two, (std::vector<int>{BeginLabel(1), BeginLabel(1)}));
}

TEST(TaggerData, ProjectionOnOurTokensOfAJoinedSentence) {
  const ConllSentence s = Conll({"سافر", "لروسيا", "(أ", "ف", "ب)"}, {"O", "B-LOC", "O", "O", "O"});
  const PreparedSentence p = Prepare(&SharedPipeline(), s);
  ASSERT_EQ(p.tokens.size(), 7u);  // سافر لروسيا ( أ ف ب )
  EXPECT_EQ(p.labels, (std::vector<int>{0, BeginLabel(1), 0, 0, 0, 0, 0}));
  // The predicted mention without ل still marks the gold token لروسيا: an exact match.
  const std::vector<TokenRange> mapped = MapToGold(p.joined.spans, Mentions(p.tokens, p.labels));
  ASSERT_EQ(mapped.size(), 1u);
  EXPECT_EQ(mapped[0], (TokenRange{1, 1, 1}));
}

TEST(TaggerScore, MapToGoldMarksEveryOverlappedToken) {
  const std::vector<Span> gold_spans = {{0, 3}, {4, 8}, {9, 12}};
  std::vector<Mention> predicted(4);
  predicted[0].span = Span{5, 7};   // inside gold token 1
  predicted[1].span = Span{2, 10};  // partly over tokens 0 and 2: marks 0..2
  predicted[2].span = Span{3, 4};   // only the space: overlaps nothing
  predicted[3].span = Span{4, 6};   // token 1 again: one range
  predicted[1].type = 2;
  const std::vector<TokenRange> r = MapToGold(gold_spans, predicted);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0], (TokenRange{0, 2, 2}));
  EXPECT_EQ(r[1], (TokenRange{1, 1, 0}));
}

TEST(TaggerScore, ConllevalExactSpans) {
  Scores s;
  // Gold LOC at 1, PER at 2..3. Predicted: LOC at 1 (right), LOC at 2..3 (wrong type),
  // PER at 2 (partial span: wrong), ORG at 0 (spurious).
  s.Add({{1, 1, 1}, {2, 3, 0}}, {{1, 1, 1}, {2, 3, 1}, {2, 2, 0}, {0, 0, 2}});
  EXPECT_EQ(s.per_type[1].tp, 1);
  EXPECT_EQ(s.per_type[1].fp, 1);
  EXPECT_EQ(s.per_type[0].fn, 1);
  EXPECT_EQ(s.per_type[0].fp, 1);
  EXPECT_EQ(s.per_type[2].fp, 1);
  const Counts micro = s.Micro();
  EXPECT_DOUBLE_EQ(micro.Precision(), 25.0);
  EXPECT_DOUBLE_EQ(micro.Recall(), 50.0);
  EXPECT_NEAR(micro.F1(), 100.0 / 3, 1e-9);
  const Counts per_loc_org = s.Micro(0x2 | 0x4);
  EXPECT_EQ(per_loc_org.tp, 1);
  EXPECT_EQ(per_loc_org.fp, 2);
  EXPECT_EQ(per_loc_org.fn, 0);

  ErrorKinds e;
  e.Add({{1, 1, 1}, {2, 3, 0}, {5, 5, 3}}, {{1, 1, 1}, {2, 3, 1}, {2, 2, 0}, {0, 0, 2}});
  EXPECT_EQ(e.wrong_type, 1);
  EXPECT_EQ(e.boundary, 1);
  EXPECT_EQ(e.spurious, 1);
  EXPECT_EQ(e.missed, 1);
}

// A tiny training set of our own sentences, in the measured form.
std::vector<PreparedSentence> TinySet() {
  const std::vector<ConllSentence> conll = {
      Conll({"زار", "محمد", "القاهرة", "أمس"}, {"O", "B-PER", "B-LOC", "O"}),
      Conll({"قال", "أحمد", "علي", "إن", "الشركة", "ربحت"}, {"O", "B-PER", "I-PER", "O", "O", "O"}),
      Conll({"وصل", "الوزير", "إلى", "لبنان", "اليوم"}, {"O", "O", "O", "B-LOC", "O"}),
      Conll({"أعلنت", "الأمم", "المتحدة", "عن", "خطة"}, {"O", "B-ORG", "I-ORG", "O", "O"}),
      Conll({"سافر", "محمد", "لروسيا"}, {"O", "B-PER", "B-LOC"}),
  };
  std::vector<PreparedSentence> out;
  for (const ConllSentence& s : conll) out.push_back(Prepare(&SharedPipeline(), s));
  return out;
}

Tagger TrainTiny(int epochs) {
  const std::vector<PreparedSentence> set = TinySet();
  Trainer trainer(12);
  for (int e = 0; e < epochs; ++e) {
    for (const PreparedSentence& s : set) trainer.TrainSentence(s.tokens, s.labels);
  }
  return trainer.Model();
}

TEST(TaggerPerceptron, LearnsATinyTrainingSet) {
  const std::vector<PreparedSentence> set = TinySet();
  Tagger untrained;
  EXPECT_EQ(untrained.Tag(set[0].tokens), (std::vector<int>(set[0].tokens.size(), 0)));
  const Tagger tagger = TrainTiny(8);
  for (const PreparedSentence& s : set) {
    EXPECT_EQ(tagger.Tag(s.tokens), s.labels) << test::Utf8(s.joined.text);
  }
  const Scores scores = Evaluate(tagger, set);
  EXPECT_DOUBLE_EQ(scores.Micro().F1(), 100.0);
  EXPECT_EQ(scores.Micro().tp, 7);
}

TEST(TaggerPerceptron, TagsAreWellFormedIob2) {
  // Weights that prefer I-PER, then B-LOC, in every row: wherever the features' signs (see
  // tagger.cc: a feature adds or subtracts its row) sum to more than zero, I-PER scores best, and
  // decoding must still never put I-X after O or after another type.
  std::vector<int8_t> table((size_t{1} << 12) * kNumLabels);
  for (size_t row = 0; row < (size_t{1} << 12); ++row) {
    for (int l = 0; l < kNumLabels; ++l) {
      table[row * kNumLabels + l] = l == InsideLabel(0) ? 100 : (l == BeginLabel(1) ? 50 : 0);
    }
  }
  const std::string bytes = WithTable(TrainTiny(2).Serialize(), table);
  Tagger tagger;
  ASSERT_TRUE(tagger.Load(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()).ok());
  icu::UnicodeString text;
  const std::vector<TokenInput> tokens = TokensOf("قال محمد إن الأمم المتحدة في القاهرة", &text);
  const std::vector<int> labels = tagger.Tag(tokens);
  ASSERT_EQ(labels.size(), tokens.size());
  // I-PER can follow neither O nor B-LOC: where it scores best, B-LOC wins; elsewhere O does.
  int begins = 0;
  for (int l : labels) {
    EXPECT_TRUE(l == BeginLabel(1) || l == 0) << LabelName(l);
    begins += l == BeginLabel(1) ? 1 : 0;
  }
  EXPECT_GT(begins, 0);
}

TEST(TaggerModel, SaveLoadRoundTripGivesIdenticalTags) {
  const Tagger tagger = TrainTiny(8);
  const std::string bytes = tagger.Serialize();
  // Runs: far less than the header and the raw table of 2^12 rows (mostly zeros here).
  EXPECT_LT(bytes.size(), (kHeaderSize + (size_t{1} << 12) * kNumLabels) / 4);
  Tagger loaded;
  ASSERT_TRUE(loaded.Load(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()).ok());
  EXPECT_EQ(loaded.bits(), 12);
  EXPECT_EQ(loaded.Serialize(), bytes);
  icu::UnicodeString text;
  const std::vector<TokenInput> unseen = TokensOf("قال محمد إن الأمم المتحدة في القاهرة", &text);
  EXPECT_EQ(loaded.Tag(unseen), tagger.Tag(unseen));
  for (const PreparedSentence& s : TinySet()) EXPECT_EQ(loaded.Tag(s.tokens), s.labels);
}

TEST(TaggerModel, LoadRejectsBadBytes) {
  const std::string bytes = TrainTiny(1).Serialize();
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  Tagger t;
  EXPECT_EQ(t.Load(data, bytes.size() - 1).code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(t.empty());
  EXPECT_EQ(t.Load(data, 10).code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(t.Load(nullptr, 0).code(), ErrorCode::kInvalidArgument);
  std::string wrong = bytes;
  wrong[0] = 'X';
  EXPECT_EQ(t.Load(reinterpret_cast<const uint8_t*>(wrong.data()), wrong.size()).code(),
            ErrorCode::kInvalidArgument);
  wrong = bytes;
  wrong[8] = 1;  // version 1 (int16 weights) is no longer read
  EXPECT_EQ(t.Load(reinterpret_cast<const uint8_t*>(wrong.data()), wrong.size()).code(),
            ErrorCode::kInvalidArgument);
  wrong = bytes;
  wrong[12] = 30;  // table bits
  EXPECT_EQ(t.Load(reinterpret_cast<const uint8_t*>(wrong.data()), wrong.size()).code(),
            ErrorCode::kInvalidArgument);
  EXPECT_TRUE(t.Load(data, bytes.size()).ok());
  EXPECT_FALSE(t.empty());
}

// The weight runs (format 4) must fill the table exactly; nothing else loads, nothing crashes.
TEST(TaggerModel, LoadRejectsBadWeightRuns) {
  const std::string header = TrainTiny(1).Serialize().substr(0, kHeaderSize);
  const size_t count = (size_t{1} << 12) * kNumLabels;
  auto load = [](const std::string& bytes) {
    Tagger t;
    const Status status = t.Load(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    EXPECT_EQ(status.ok(), !t.empty());
    return status.code();
  };
  // Accepted: all zeros in one run; one literal run of the whole table (zeros inside are fine);
  // a last weight alone; `count` zeros written in 4 varint bytes (36864 = 0x9000, padded).
  EXPECT_EQ(load(header + Varint(count) + Varint(0)), ErrorCode::kOk);
  EXPECT_EQ(load(header + Varint(0) + Varint(count) + std::string(count, '\0')), ErrorCode::kOk);
  EXPECT_EQ(load(header + Varint(count - 1) + Varint(1) + "\x05"), ErrorCode::kOk);
  EXPECT_EQ(load(header + std::string("\x80\xA0\x82\x00", 4) + Varint(0)), ErrorCode::kOk);
  // Rejected: a table one short, one over, a run past its end, bytes after the table, a run that
  // adds nothing (it would never end), a count in a varint of 5 bytes (4 at most: the same value
  // wraps in a 32-bit size_t when it is larger), no runs at all, a cut literal.
  const ErrorCode bad = ErrorCode::kInvalidArgument;
  EXPECT_EQ(load(header + Varint(count - 1) + Varint(0)), bad);
  EXPECT_EQ(load(header + Varint(count + 1) + Varint(0)), bad);
  EXPECT_EQ(load(header + Varint(count - 1) + Varint(2) + "\x05\x05"), bad);
  EXPECT_EQ(load(header + Varint(count) + Varint(0) + "\x01"), bad);
  EXPECT_EQ(load(header + Varint(0) + Varint(0) + Varint(count) + Varint(0)), bad);
  EXPECT_EQ(load(header + std::string("\x80\xA0\x82\x80\x00", 5) + Varint(0)), bad);
  EXPECT_EQ(load(header), bad);
  EXPECT_EQ(load(header + Varint(count - 3) + Varint(3) + "\x05\x05"), bad);
}

// The model linked into the analyzer loads, and is in the encoding Serialize writes: retraining
// with the model card's command gives these bytes, not merely the same weights.
TEST(TaggerModel, ShippedModelIsCanonical) {
  Tagger t;
  ASSERT_TRUE(t.Load(basira_ner_model, basira_ner_model_size).ok());
  EXPECT_EQ(t.bits(), 18);
  EXPECT_EQ(t.Serialize(),
            std::string(reinterpret_cast<const char*>(basira_ner_model), basira_ner_model_size));
  // Runs keep it well under the raw table of 2^18 rows x 9 labels (2.36 MB).
  EXPECT_LT(basira_ner_model_size, size_t{1} << 20);
}

}  // namespace
}  // namespace basira::tagger
