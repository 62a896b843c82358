// clitics: one word token → proclitics + stem + enclitics, at original offsets.
#include "clitics/clitics.h"

#include <gtest/gtest.h>

#include <string>

#include "clitics/eval.h"
#include "test_util.h"

namespace basira::clitics {
namespace {

const CliticAnalyzer& Shared() {
  static const CliticAnalyzer* const analyzer = [] {
    std::unique_ptr<CliticAnalyzer> made;
    const Status status = CliticAnalyzer::Create(&made);
    if (!status.ok() || made == nullptr) {
      std::fprintf(stderr, "CliticAnalyzer::Create failed: %s\n", status.message().c_str());
      std::abort();
    }
    return made.release();
  }();
  return *analyzer;
}

// The parts of `word` (analyzed as a whole text) joined by '+'; also checks that they tile it.
std::string Segments(const std::string& word) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(word);
  const Span span{0, text.length()};
  const Analysis analysis = Shared().Analyze(text, span);
  EXPECT_TRUE(Tiles(analysis, span)) << word;
  return Segmentation(text, analysis);
}

#define ExpectSegments(word, parts) EXPECT_EQ(Segments(word), parts) << "word: " << (word)

TEST(CliticsTest, ConjunctionsAndPrepositions) {
  ExpectSegments("وقال", "و+قال");
  ExpectSegments("فقد", "ف+قد");
  ExpectSegments("بسبب", "ب+سبب");
  ExpectSegments("لتحقيق", "ل+تحقيق");
  ExpectSegments("كرئيس", "ك+رئيس");
  ExpectSegments("وقد", "و+قد");  // a 2-letter stem that the lexicon lists
}

TEST(CliticsTest, ArticleAndFusedLamLam) {
  ExpectSegments("الحكومة", "ال+حكومة");
  ExpectSegments("بالقاهرة", "ب+ال+قاهرة");
  ExpectSegments("كالعادة", "ك+ال+عادة");
  ExpectSegments("للقاهرة", "ل+ل+قاهرة");
  ExpectSegments("للحكومة", "ل+ل+حكومة");
  ExpectSegments("فللحكومة", "ف+ل+ل+حكومة");
  ExpectSegments("والحكومة", "و+ال+حكومة");
  ExpectSegments("وبالقاهرة", "و+ب+ال+قاهرة");
}

TEST(CliticsTest, ArticleSpanOfLamLamIsTheSecondLam) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8("للقاهرة");
  const Analysis a = Shared().Analyze(text, Span{0, text.length()});
  ASSERT_EQ(a.proclitics.size(), 2u);
  EXPECT_EQ(a.proclitics[0], (Span{0, 1}));
  EXPECT_EQ(a.proclitics[1], (Span{1, 2}));
  EXPECT_EQ(a.stem, (Span{2, 7}));
}

TEST(CliticsTest, FutureOnlyBeforeAnImperfectPrefix) {
  ExpectSegments("سيتم", "س+يتم");
  ExpectSegments("ستكون", "س+تكون");
  ExpectSegments("سنعمل", "س+نعمل");
  ExpectSegments("سأعود", "س+أعود");
  ExpectSegments("وسيتم", "و+س+يتم");
  ExpectSegments("سلاح", "سلاح");    // ل is no imperfect prefix
  ExpectSegments("سنوات", "سنوات");  // a plural in ات is no verb
  ExpectSegments("سيطرة", "سيطرة");  // nor is a noun in ة
  ExpectSegments("سياط", "سياط");    // nor a prefix followed by a bare ا
  ExpectSegments("ستالينغراد", "ستالينغراد");
}

TEST(CliticsTest, EveryEnclitic) {
  ExpectSegments("كتابه", "كتاب+ه");
  ExpectSegments("بيانها", "بيان+ها");
  ExpectSegments("كتابهم", "كتاب+هم");
  ExpectSegments("بينهما", "بين+هما");
  ExpectSegments("بيوتهن", "بيوت+هن");
  ExpectSegments("أرضكم", "أرض+كم");
  ExpectSegments("كتابكما", "كتاب+كما");
  ExpectSegments("عملكن", "عمل+كن");
  ExpectSegments("بلادنا", "بلاد+نا");
  ExpectSegments("أخبرني", "أخبر+ني");
  ExpectSegments("حكومتي", "حكومت+ي");  // ي after a lexicon noun whose ة became ت
  ExpectSegments("حكومتهم", "حكومت+هم");
}

TEST(CliticsTest, ProcliticsAndEncliticsTogether) {
  ExpectSegments("ولكنه", "و+لكن+ه");
  ExpectSegments("ولبلاده", "و+ل+بلاد+ه");
  ExpectSegments("وسيزوره", "و+س+يزور+ه");
  ExpectSegments("ببلاده", "ب+بلاد+ه");
}

TEST(CliticsTest, GuardWordsStayWhole) {
  for (const char* word : {"بوتين", "بيروت", "لبنان", "فلاديفوستوك", "بكين", "كييف", "واشنطن",
                           "فرنسا", "بريطانيا", "لندن", "باريس", "بغداد", "وزير", "وكالة"}) {
    ExpectSegments(word, word);
  }
}

TEST(CliticsTest, GuardWordsTakeTheirClitics) {
  ExpectSegments("لروسيا", "ل+روسيا");
  ExpectSegments("وبكين", "و+بكين");
  ExpectSegments("وبوتين", "و+بوتين");
  ExpectSegments("لبوتين", "ل+بوتين");
  ExpectSegments("وواشنطن", "و+واشنطن");
  ExpectSegments("للبنان", "ل+لبنان");
  ExpectSegments("لليبيا", "ل+ليبيا");
  ExpectSegments("ببيروت", "ب+بيروت");
}

TEST(CliticsTest, EveryLexiconEntryStaysWhole) {
  std::string stems;
  ASSERT_TRUE(test::ReadFile(test::SourceDir() + "/data/clitics/stems.txt", &stems));
  int entries = 0;
  size_t pos = 0;
  while (pos < stems.size()) {
    size_t end = stems.find('\n', pos);
    if (end == std::string::npos) end = stems.size();
    std::string line = stems.substr(pos, end - pos);
    pos = end + 1;
    line = line.substr(0, line.find('#'));
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (line.empty()) continue;
    ExpectSegments(line, line);
    ++entries;
  }
  EXPECT_GE(entries, 400);
  EXPECT_GE(Shared().lexicon().size(), 400u);
}

TEST(CliticsTest, LexiconKeepsTehMarbutaApartFromHeh) {
  ExpectSegments("كتابة", "كتابة");   // listed: "writing"
  ExpectSegments("كتابه", "كتاب+ه");  // not the listed كتابة: "his book"
}

TEST(CliticsTest, AListedEntryBeatsAnInflectedForm) {
  ExpectSegments("ولديه", "و+لدي+ه");  // not ولدي (nisba of the listed ولد) + ه
  ExpectSegments("فعليه", "ف+علي+ه");  // not فعلي (nisba of the listed فعل) + ه
}

TEST(CliticsTest, AndBeforeAListedWordBeatsAConstructPluralInWaw) {
  // وسم ("brand") is listed, so وسمو could be its construct plural; سمو ("Highness") is listed
  // too, and و + سمو is the reading (وسمو الشيخ ...).
  ExpectSegments("وسمو", "و+سمو");
  ExpectSegments("لاعبو", "لاعبو");  // no و + اعبو: اعبو is not listed
  ExpectSegments("وجيزة", "وجيزة");  // other inflections keep the word whole (not و + جيزة)
}

TEST(CliticsTest, HamzaOnASeatBeforeAnEnclitic) {
  ExpectSegments("وزرائه", "وزرائ+ه");  // وزراء is listed; its ء sits on ئ before ه
  ExpectSegments("ووزرائهم", "و+وزرائ+هم");
}

TEST(CliticsTest, BareAlefAfterAProcliticMustLookDerived) {
  ExpectSegments("لاتفاق", "ل+اتفاق");
  ExpectSegments("باستقرار", "ب+استقرار");
  ExpectSegments("فاصطدمت", "ف+اصطدمت");
  ExpectSegments("لاريجاني", "لاريجاني");  // not listed, and اريجاني is no derived form
  ExpectSegments("كاميليا", "كاميليا");
  ExpectSegments("بالون", "بالون");  // ب + الون would leave a stem starting like the article
}

TEST(CliticsTest, InflectedAndNisbaFormsOfGuardWordsStayWhole) {
  ExpectSegments("لاعبون", "لاعبون");
  ExpectSegments("لاعبو", "لاعبو");
  ExpectSegments("فلسطينيي", "فلسطينيي");
  ExpectSegments("لبناني", "لبناني");
  ExpectSegments("فرنسية", "فرنسية");
  ExpectSegments("لاجئين", "لاجئين");
  ExpectSegments("اللبنانية", "ال+لبنانية");
}

TEST(CliticsTest, PluralAndNisbaEndingsKeepTheirNoonAndYeh) {
  ExpectSegments("أحيانا", "أحيانا");    // ن of ان, then the accusative alef: no نا
  ExpectSegments("قانوني", "قانوني");    // ن of ون: no ني
  ExpectSegments("فلسطيني", "فلسطيني");  // ن of ين: no ني
  ExpectSegments("سياسي", "سياسي");      // nisba ي, not "my"
}

TEST(CliticsTest, MinimumStemLength) {
  ExpectSegments("وقت", "وقت");  // و + قت would leave a 2-letter stem that is no word
  ExpectSegments("بين", "بين");
  // Before an enclitic a stem needs 3 letters, or 2 when it is a lexicon entry.
  ExpectSegments("منه", "من+ه");
  ExpectSegments("فيها", "في+ها");
  ExpectSegments("أنهم", "أن+هم");
  ExpectSegments("دمه", "دمه");  // دم is no entry: stays whole
}

TEST(CliticsTest, DiacriticsStayWithTheirLetter) {
  ExpectSegments("وَبِالقَاهِرَةِ", "وَ+بِ+ال+قَاهِرَةِ");
  ExpectSegments("لِلحُكُومَةِ", "لِ+ل+حُكُومَةِ");
  ExpectSegments("كِتَابُهُم", "كِتَابُ+هُم");
  ExpectSegments("بُوتِين", "بُوتِين");
}

TEST(CliticsTest, TatweelStaysWithTheLetterBefore) {
  ExpectSegments("بالـقاهرة", "ب+الـ+قاهرة");
  ExpectSegments("كتابـهم", "كتابـ+هم");
  ExpectSegments("وســيتم", "و+ســ+يتم");
}

TEST(CliticsTest, TehMarbutaIsNeverTheEncliticHeh) {
  ExpectSegments("مدرسة", "مدرسة");
  ExpectSegments("جامعة", "جامعة");
  ExpectSegments("بمدرسة", "ب+مدرسة");
  ExpectSegments("مدرسه", "مدرس+ه");  // the same letters with a real heh: "his teacher"
}

TEST(CliticsTest, AlefMaqsuraIsNeverTheEncliticYeh) {
  ExpectSegments("مستشفى", "مستشفى");
  ExpectSegments("مصطفى", "مصطفى");
  ExpectSegments("حكومتي", "حكومت+ي");
  ExpectSegments("حكومتى", "حكومتى");  // the same letters with ى: no clitic
}

TEST(CliticsTest, HamzaAlefIsNoArticle) {
  ExpectSegments("ألعاب", "ألعاب");
  ExpectSegments("إلغاء", "إلغاء");
}

TEST(CliticsTest, NonArabicTokensAreWhole) {
  for (const char* word :
       {"Putin", "COVID-19", "2023", "٢٠٢٣", "ب2", "x-ray", "و2023", "لـCNN", "بالـ2023"}) {
    ExpectSegments(word, word);
  }
}

TEST(CliticsTest, SpansAreOriginalOffsetsInsideALargerText) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8("قال وَبِالقَاهِرَةِ أمس");
  const Span word{4, 4 + icu::UnicodeString::fromUTF8("وَبِالقَاهِرَةِ").length()};
  const Analysis a = Shared().Analyze(text, word);
  EXPECT_TRUE(Tiles(a, word));
  ASSERT_EQ(a.proclitics.size(), 3u);
  EXPECT_EQ(a.proclitics[0], (Span{4, 6}));   // وَ
  EXPECT_EQ(a.proclitics[1], (Span{6, 8}));   // بِ
  EXPECT_EQ(a.proclitics[2], (Span{8, 10}));  // ال
  EXPECT_EQ(a.stem, (Span{10, word.end}));
}

TEST(CliticsTest, PresentationFormsAreAnalyzedAndLigaturesNeverSplit) {
  ExpectSegments("ﻭﺑﻮﺗﻴﻦ", "ﻭ+ﺑﻮﺗﻴﻦ");
  // ﻻ is one code point for lam + alef: no cut may fall inside it.
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8("ﻟﻼﺗﻔﺎﻕ");
  const Span word{0, text.length()};
  EXPECT_TRUE(Tiles(Shared().Analyze(text, word), word));
}

TEST(CliticsTest, EveryWordOfTheEvalListTiles) {
  std::string tsv;
  ASSERT_TRUE(test::ReadFile(test::SourceDir() + "/data/clitics/eval_words.tsv", &tsv));
  size_t pos = 0;
  int words = 0;
  while (pos < tsv.size()) {
    size_t end = tsv.find('\n', pos);
    if (end == std::string::npos) end = tsv.size();
    const std::string line = tsv.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line[0] == '#') continue;
    const icu::UnicodeString text =
        icu::UnicodeString::fromUTF8("« " + line.substr(0, line.find('\t')) + " »");
    const Span word{2, text.length() - 2};
    EXPECT_TRUE(Tiles(Shared().Analyze(text, word), word)) << line;
    ++words;
  }
  EXPECT_GT(words, 300);
}

TEST(CliticsTest, EvalListAccuracyIsAtLeast95Percent) {
  std::string tsv;
  ASSERT_TRUE(test::ReadFile(test::SourceDir() + "/data/clitics/eval_words.tsv", &tsv));
  const EvalReport report = Evaluate(Shared(), tsv);
  ASSERT_TRUE(report.problem.empty()) << report.problem;
  EXPECT_GE(report.words, 300);
  std::string errors;
  for (const EvalError& e : report.errors) {
    errors += "  " + e.word + "\tgold " + e.gold + "\tgot " + e.predicted + "\n";
  }
  EXPECT_GE(report.Accuracy(), 0.95) << report.exact << "/" << report.words << " exact\n" << errors;
}

// A word's analysis moved by Shift is its analysis where the same text stands further on.
TEST(CliticsTest, ShiftGivesTheAnalysisOfTheSameWordElsewhere) {
  int with_clitics = 0;
  for (const char* word : {"وبالقاهرة", "كتابهم", "للقاهرة", "وسيكتبون", "الرئيس"}) {
    const icu::UnicodeString alone = icu::UnicodeString::fromUTF8(word);
    const icu::UnicodeString later = icu::UnicodeString::fromUTF8(std::string("قال في ") + word);
    const int32_t by = later.length() - alone.length();
    Analysis moved = Shared().Analyze(alone, Span{0, alone.length()});
    Shift(&moved, by);
    const Analysis expected = Shared().Analyze(later, Span{by, later.length()});
    EXPECT_EQ(moved.stem, expected.stem) << word;
    EXPECT_EQ(moved.proclitics, expected.proclitics) << word;
    EXPECT_EQ(moved.enclitics, expected.enclitics) << word;
    with_clitics += expected.proclitics.empty() && expected.enclitics.empty() ? 0 : 1;
  }
  EXPECT_GE(with_clitics, 4);  // spans for Shift to move besides the stem
}

}  // namespace
}  // namespace basira::clitics
