// structure: articles, blocks, datelines and web noise, as a reader would cut them.
#include "structure/structure.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "normalize/normalize.h"
#include "test_util.h"

namespace basira::structure {
namespace {

const Structurer& SharedStructurer() {
  static const Structurer* const s = [] {
    std::unique_ptr<Structurer> made;
    const Status status = Structurer::Create(&made);
    if (!status.ok()) std::abort();
    return made.release();
  }();
  return *s;
}

// "YYYY-MM-DD HH:MM" (or "YYYY-MM-DD") of a dateline line, or "none".
std::string Dateline(const std::string& line) {
  basira::Dateline d;
  if (!SharedStructurer().ParseDateline(normalize::KeyFromUtf8(line), &d)) return "none";
  char out[40];
  if (d.hour >= 0) {
    std::snprintf(out, sizeof out, "%04d-%02d-%02d %02d:%02d", d.year, d.month, d.day, d.hour,
                  d.minute);
  } else {
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", d.year, d.month, d.day);
  }
  return out;
}

struct Cut {
  icu::UnicodeString text;
  Structure structure;
  std::string At(Span s) const { return test::Utf8(text.tempSubString(s.start, s.length())); }
  // "kind:text" of every block of document d.
  std::vector<std::string> Blocks(size_t d) const {
    std::vector<std::string> out;
    for (const Block& b : structure.documents.at(d).blocks) {
      out.push_back(std::string(BlockKindName(b.kind)) + ":" + At(b.span));
    }
    return out;
  }
  std::vector<std::string> Noise() const {
    std::vector<std::string> out;
    for (const basira::Noise& n : structure.noise) {
      out.push_back(std::string(NoiseKindName(n.kind)) + ":" + At(n.span));
    }
    return out;
  }
};

Cut Analyze(const std::string& utf8) {
  Cut cut;
  cut.text = icu::UnicodeString::fromUTF8(utf8);
  cut.structure = SharedStructurer().Analyze(cut.text);
  return cut;
}

TEST(DatelineTest, Forms) {
  EXPECT_EQ(Dateline("الأربعاء ١٣ سبتمبر ٢٠٢٣ الساعة ١١:٣٨ مساءً"), "2023-09-13 23:38");
  EXPECT_EQ(Dateline("الثلاثاء 12 سبتمبر 2023 / 12:38"), "2023-09-12 12:38");
  EXPECT_EQ(Dateline("13 أيلول/سبتمبر 2023"), "2023-09-13");
  EXPECT_EQ(Dateline("الاثنين ٣ حزيران/يونيو ٢٠٢٤"), "2024-06-03");
  EXPECT_EQ(Dateline("1 كانون الثاني 2020"), "2020-01-01");
  EXPECT_EQ(Dateline("٢٥ تشرين الأول ٢٠٢٢ - ٩:٠٥ صباحاً"), "2022-10-25 09:05");
  EXPECT_EQ(Dateline("الجمعة 5 يناير 2024 12:10 ص"), "2024-01-05 00:10");
  EXPECT_EQ(Dateline("2023/9/13"), "2023-09-13");
  EXPECT_EQ(Dateline("13-09-2023"), "2023-09-13");
  EXPECT_EQ(Dateline("نُشر في ١/١/٢٠١٨"), "2018-01-01");
}

TEST(DatelineTest, NotDatelines) {
  EXPECT_EQ(Dateline("كانون الثاني 2020"), "none");  // no day
  EXPECT_EQ(Dateline("31 فبراير 2023"), "none");     // no such day
  EXPECT_EQ(Dateline("وقال الوزير إن الاتفاق الذي وُقّع في 13 سبتمبر 2023 سيدخل حيز التنفيذ "
                     "بعد مصادقة البرلمانين عليه في الأسابيع المقبلة"),
            "none");  // a sentence, not a dateline
  EXPECT_EQ(Dateline("سبتمبر"), "none");
}

TEST(StructureTest, HeadOfAnArticle) {
  const Cut cut = Analyze(
      "اقتصاد\n\n"
      "البنك المركزي يرفع سعر الفائدة للمرة الثالثة هذا العام\n"
      "قرار يهدف إلى كبح التضخم المتصاعد منذ الربيع\n\n"
      "الأحد ٧ تموز/يوليو ٢٠٢٤ الساعة ٤:٢٠ مساءً\n"
      "صحيفة النهار - كتب: سامر يوسف\n\n"
      "مبنى البنك المركزي في العاصمة (رويترز)\n\n"
      "رفع البنك المركزي سعر الفائدة الرئيسي نصف نقطة مئوية، في خطوة قال محافظه إنها ضرورية "
      "لوقف ارتفاع الأسعار الذي أثقل كاهل الأسر منذ بداية العام.\n\n"
      "ردود فعل الأسواق\n\n"
      "وتراجعت أسهم المصارف في التعاملات المبكرة قبل أن تستعيد جزءاً من خسائرها مع نهاية "
      "الجلسة، بحسب متعاملين تحدثوا للصحيفة.\n");
  ASSERT_EQ(cut.structure.documents.size(), 1u);
  const std::vector<std::string> blocks = cut.Blocks(0);
  ASSERT_EQ(blocks.size(), 9u);
  EXPECT_EQ(blocks[0], "section:اقتصاد");
  EXPECT_EQ(blocks[1], "headline:البنك المركزي يرفع سعر الفائدة للمرة الثالثة هذا العام");
  EXPECT_EQ(blocks[2], "subheadline:قرار يهدف إلى كبح التضخم المتصاعد منذ الربيع");
  EXPECT_EQ(blocks[3], "dateline:الأحد ٧ تموز/يوليو ٢٠٢٤ الساعة ٤:٢٠ مساءً");
  EXPECT_EQ(blocks[4], "byline:صحيفة النهار - كتب: سامر يوسف");
  EXPECT_EQ(blocks[5], "caption:مبنى البنك المركزي في العاصمة (رويترز)");
  EXPECT_EQ(blocks[6].rfind("paragraph:رفع البنك", 0), 0u);
  EXPECT_EQ(blocks[7], "heading:ردود فعل الأسواق");
  EXPECT_EQ(blocks[8].rfind("paragraph:وتراجعت", 0), 0u) << blocks[8];
  const basira::Dateline& d = cut.structure.documents[0].dateline;
  EXPECT_TRUE(cut.structure.documents[0].has_dateline);
  EXPECT_EQ(d.year * 10000 + d.month * 100 + d.day, 20240707);
  EXPECT_EQ(d.hour * 100 + d.minute, 1620);
}

TEST(StructureTest, DuplicatesAndInterfaceStringsAreNoise) {
  const Cut cut = Analyze(
      "سيول تغمر أحياء في المدينة القديمة (أ ف ب)\n"
      "سيول تغمر أحياء في المدينة القديمة (أ ف ب)\n"
      "غمرت السيول أحياء عدة في المدينة القديمة بعد أمطار غزيرة استمرت طوال الليل، وفق ما "
      "أفاد به الدفاع المدني في بيان صباح اليوم.\n"
      "اظهار أخبار متعلقة\n"
      "وأكدت البلدية أن فرقها تعمل على فتح الطرق المغلقة وإجلاء السكان من المنازل المتضررة "
      "قبل حلول المساء.\n"
      "التعليقات (12)\n"
      "شارك\n");
  EXPECT_EQ(cut.Noise(),
            (std::vector<std::string>{"duplicate:سيول تغمر أحياء في المدينة القديمة (أ ف ب)",
                                      "interface:اظهار أخبار متعلقة", "interface:التعليقات (12)",
                                      "interface:شارك"}));
  ASSERT_EQ(cut.structure.noise.size(), 4u);
  EXPECT_EQ(cut.At(cut.structure.noise[0].original), "سيول تغمر أحياء في المدينة القديمة (أ ف ب)");
  EXPECT_LT(cut.structure.noise[0].original.start, cut.structure.noise[0].span.start);
  ASSERT_EQ(cut.structure.documents.size(), 1u);
  EXPECT_EQ(cut.Blocks(0)[0], "caption:سيول تغمر أحياء في المدينة القديمة (أ ف ب)");
}

TEST(StructureTest, SeparatorsSplitArticles) {
  const Cut cut = Analyze("خبر أول قصير.\n\n---\n\nخبر ثان قصير.\n***\nخبر ثالث.\n");
  ASSERT_EQ(cut.structure.documents.size(), 3u);
  EXPECT_EQ(cut.Blocks(1), (std::vector<std::string>{"paragraph:خبر ثان قصير."}));
  EXPECT_EQ(cut.Noise(), (std::vector<std::string>{"separator:---", "separator:***"}));
}

// Our own article with a related-links block and a second article whose headline the template
// repeats, as news pages do.
TEST(StructureTest, RelatedLinksAndATrailingArticle) {
  std::string text =
      "افتتاح جسر جديد فوق النهر يختصر الطريق إلى المطار\n\n"
      "افتتح المحافظ صباح اليوم الجسر الجديد الذي يربط ضفتي النهر، بعد أعمال استمرت ثلاث "
      "سنوات وكلفت أكثر من مئتي مليون دولار.\n\n"
      "وقال المحافظ في كلمة أمام الحضور إن الجسر سيختصر زمن الرحلة إلى المطار إلى النصف، "
      "ويخفف الازدحام في وسط المدينة.\n\n"
      "وأضاف أن المرحلة الثانية من المشروع تشمل طريقاً دائرياً جديداً يبدأ العمل فيه مطلع "
      "العام المقبل إذا توفر التمويل.\n\n"
      "اقرأ أيضاً\n\n"
      "ارتفاع أسعار الوقود للمرة الثانية\n"
      "رفعت الحكومة أسعار الوقود للمرة الثانية هذا العام في خطوة أثارت انتقادات واسعة بين "
      "السائقين وأصحاب سيارات الأجرة.\n"
      "مراسلنا (المدينة)\n\n"
      "فوز المنتخب في مباراة ودية\n\n"
      "فوز المنتخب الوطني على ضيفه بهدفين نظيفين\n"
      "الملعب البلدي خلال المباراة (رويترز)\n"
      "فوز المنتخب الوطني على ضيفه بهدفين نظيفين\n\n"
      "فاز المنتخب الوطني على ضيفه بهدفين نظيفين في مباراة ودية أقيمت مساء أمس على الملعب "
      "البلدي أمام آلاف المشجعين.\n\n"
      "وسجل الهدف الأول مهاجم الفريق في الدقيقة العشرين بعد تمريرة من خط الوسط، ثم أضاف "
      "زميله الهدف الثاني قبل نهاية المباراة بقليل.\n\n"
      "وقال المدرب بعد المباراة إن الفوز يمنح اللاعبين ثقة كبيرة قبل انطلاق التصفيات القارية "
      "الشهر المقبل.\n";
  const Cut cut = Analyze(text);
  ASSERT_EQ(cut.structure.documents.size(), 2u);
  EXPECT_EQ(cut.Blocks(0)[0], "headline:افتتاح جسر جديد فوق النهر يختصر الطريق إلى المطار");
  EXPECT_EQ(cut.Blocks(1)[0], "headline:فوز المنتخب الوطني على ضيفه بهدفين نظيفين");
  ASSERT_FALSE(cut.structure.noise.empty());
  const basira::Noise& related = cut.structure.noise[0];
  EXPECT_EQ(related.kind, NoiseKind::kRelated);
  const std::string block = cut.At(related.span);
  EXPECT_EQ(block.rfind("اقرأ أيضاً", 0), 0u);
  EXPECT_NE(block.find("فوز المنتخب في مباراة ودية"), std::string::npos);
  EXPECT_LT(related.span.end, cut.structure.documents[1].span.start);
  EXPECT_GT(related.span.start, cut.structure.documents[0].span.end);
}

TEST(StructureTest, EveryLineIsABlockOrNoise) {
  const Cut cut = Analyze("عنوان الخبر هنا\n\nفقرة أولى.\nTT\nعنوان الخبر هنا\n\nفقرة ثانية.\n");
  size_t lines = 0;
  for (const Document& d : cut.structure.documents) lines += d.blocks.size();
  lines += cut.structure.noise.size();
  EXPECT_EQ(lines, 5u);
}

// --- the samples in ../shared, cut as a reader would ------------------------------------------

Structure Sample(const std::string& prefix, icu::UnicodeString* text) {
  const std::string dir = test::SharedDir();
  for (const std::string& path : test::ListTxtFiles(dir + "/samples")) {
    if (path.rfind(dir + "/samples/" + prefix, 0) != 0) continue;
    std::string utf8;
    test::ReadFile(path, &utf8);
    *text = icu::UnicodeString::fromUTF8(utf8);
    return SharedStructurer().Analyze(*text);
  }
  ADD_FAILURE() << "no sample " << prefix;
  return Structure();
}

#define SKIP_WITHOUT_SAMPLES()                                                         \
  if (test::SharedDir().empty()) {                                                     \
    GTEST_SKIP() << "../shared/samples not found (set BASIRA_SHARED): sample goldens"; \
  }

std::string Text(const icu::UnicodeString& text, Span s) {
  return test::Utf8(text.tempSubString(s.start, s.length()));
}

TEST(SamplesStructureTest, DatelineOf000) {
  SKIP_WITHOUT_SAMPLES();
  icu::UnicodeString text;
  const Structure s = Sample("000_", &text);
  ASSERT_EQ(s.documents.size(), 1u);
  const basira::Dateline& d = s.documents[0].dateline;
  ASSERT_TRUE(s.documents[0].has_dateline);
  EXPECT_EQ(d.year * 10000 + d.month * 100 + d.day, 20230913);
  EXPECT_EQ(d.hour * 100 + d.minute, 2338);
}

TEST(SamplesStructureTest, DuplicatedCaptionsFlaggedIn001To003) {
  SKIP_WITHOUT_SAMPLES();
  for (const char* prefix : {"001_", "002_", "003_"}) {
    icu::UnicodeString text;
    const Structure s = Sample(prefix, &text);
    int duplicated_captions = 0;
    for (const basira::Noise& n : s.noise) {
      if (n.kind != NoiseKind::kDuplicate) continue;
      const std::string t = Text(text, n.span);
      if (t.find("جيتي") != std::string::npos || t.find("(أ ف ب)") != std::string::npos ||
          t.find("(أ.ب)") != std::string::npos) {
        ++duplicated_captions;
      }
    }
    EXPECT_GE(duplicated_captions, 1) << prefix;
  }
}

TEST(SamplesStructureTest, OreshnikArticleAndRelatedHeadlinesSeparateIn003) {
  SKIP_WITHOUT_SAMPLES();
  icu::UnicodeString text;
  const Structure s = Sample("003_", &text);
  ASSERT_EQ(s.documents.size(), 2u);
  const Document& summit = s.documents[0];
  const Document& oreshnik = s.documents[1];
  EXPECT_EQ(summit.blocks[0].kind, BlockKind::kHeadline);
  EXPECT_NE(Text(text, summit.blocks[0].span).find("كيم"), std::string::npos);
  EXPECT_EQ(oreshnik.blocks[0].kind, BlockKind::kHeadline);
  EXPECT_NE(Text(text, oreshnik.blocks[0].span).find("أوريشنيك"), std::string::npos);
  EXPECT_EQ(Text(text, summit.span).find("أوريشنيك"), std::string::npos);
  bool related = false;
  for (const basira::Noise& n : s.noise) {
    if (n.kind != NoiseKind::kRelated) continue;
    related = true;
    EXPECT_GT(n.span.start, summit.span.end);
    EXPECT_LT(n.span.end, oreshnik.span.start);
    EXPECT_NE(Text(text, n.span).find("زيلينسكي"), std::string::npos);
  }
  EXPECT_TRUE(related);
}

TEST(SamplesStructureTest, HeadlinesAndBylines) {
  SKIP_WITHOUT_SAMPLES();
  icu::UnicodeString text;
  Structure s = Sample("002_", &text);
  ASSERT_EQ(s.documents.size(), 1u);
  std::string headline, byline;
  for (const Block& b : s.documents[0].blocks) {
    if (b.kind == BlockKind::kHeadline && headline.empty()) headline = Text(text, b.span);
    if (b.kind == BlockKind::kByline && byline.empty()) byline = Text(text, b.span);
  }
  EXPECT_EQ(headline.rfind("لقاء بوتين وكيم يثير قلق واشنطن", 0), 0u) << headline;
  EXPECT_NE(byline.find("شادية سرحان"), std::string::npos) << byline;
  EXPECT_TRUE(s.documents[0].has_dateline);
  s = Sample("000_", &text);
  EXPECT_EQ(s.documents[0].blocks[0].kind, BlockKind::kHeadline);
  EXPECT_EQ(s.documents[0].blocks[1].kind, BlockKind::kSubheadline);
}

}  // namespace
}  // namespace basira::structure

namespace basira::structure {
namespace {

TEST(StructureTest, AShortLineOfSeveralSentencesIsAParagraph) {
  const Cut cut = Analyze("قمة في موسكو\n\nالتقى الزعيمان اليوم. وناقشا صفقة أسلحة؟ نعم!\n");
  EXPECT_EQ(cut.Blocks(0),
            (std::vector<std::string>{"headline:قمة في موسكو",
                                      "paragraph:التقى الزعيمان اليوم. وناقشا صفقة أسلحة؟ نعم!"}));
}

TEST(StructureTest, ALabelledHeadlineIsNoByline) {
  const Cut cut = Analyze("تقرير: شركة ناشئة تجمع 15 مليون دولار\n\nنص الخبر الكامل هنا.\n");
  EXPECT_EQ(cut.Blocks(0)[0], "headline:تقرير: شركة ناشئة تجمع 15 مليون دولار");
}

TEST(StructureTest, AVeryLongLineIsNoByline) {
  // One "word" of 1,400 letters that holds مراسل: too long for any byline.
  std::string line;
  for (int i = 0; i < 100; ++i) line += "كتبوالمراسلون";
  const Cut cut = Analyze(line + "\n\nنص الخبر الكامل هنا.\n");
  EXPECT_EQ(cut.Blocks(0)[0].rfind("byline:", 0), std::string::npos)
      << cut.Blocks(0)[0].substr(0, 40);
}

// --- hard-wrapped text: every paragraph cut into lines of nearly one width -----------------------

// Our own report, hard-wrapped at 60 columns as e-mail and plain-text wires do.
const char kWrapped[] =
    "مجلس المدينة يناقش خطة النقل الجديدة\n"
    "\n"
    "عمّان — خدمة بصيرة التجريبية\n"
    "\n"
    "ناقش مجلس مدينة عمّان مساء أمس خطة لتوسيع شبكة الحافلات في\n"
    "الأحياء الشرقية، وقالت رئيسة لجنة النقل سلمى الحسيني إن الخطة\n"
    "ستعرض على المجلس مطلع الشهر المقبل.\n"
    "\n"
    "وأضافت أن كلفة المرحلة الأولى تقارب عشرين مليون دينار، وأن\n"
    "البلدية تبحث عن تمويل من مصارف محلية ودولية قبل توقيع أي عقد\n"
    "مع الشركات المتقدمة للمناقصة.\n";

TEST(StructureTest, AHardWrappedParagraphIsOneBlock) {
  const Cut cut = Analyze(kWrapped);
  ASSERT_EQ(cut.structure.documents.size(), 1u);
  const std::vector<std::string> blocks = cut.Blocks(0);
  ASSERT_EQ(blocks.size(), 4u);
  EXPECT_EQ(blocks[0], "headline:مجلس المدينة يناقش خطة النقل الجديدة");
  EXPECT_EQ(blocks[1], "byline:عمّان — خدمة بصيرة التجريبية");
  EXPECT_EQ(blocks[2],
            "paragraph:ناقش مجلس مدينة عمّان مساء أمس خطة لتوسيع شبكة الحافلات في\n"
            "الأحياء الشرقية، وقالت رئيسة لجنة النقل سلمى الحسيني إن الخطة\n"
            "ستعرض على المجلس مطلع الشهر المقبل.");
  EXPECT_EQ(blocks[3].rfind("paragraph:وأضافت أن كلفة", 0), 0u) << blocks[3];
  EXPECT_NE(blocks[3].find("للمناقصة."), std::string::npos) << blocks[3];
}

TEST(StructureTest, AHeadlineAsWideAsTheWrapIsNotJoinedToTheFirstParagraph) {
  // The headline is followed by a single line break and is almost as wide as the wrap, but the
  // first word of the next line would have fit after it: a wrapper would have put it there.
  const Cut cut = Analyze(
      "مجلس مدينة عمّان يقر خطة لتوسيع شبكة الحافلات الكهربائية\n"
      "أقر مجلس مدينة عمّان مساء أمس خطة لتوسيع شبكة الحافلات في\n"
      "الأحياء الشرقية، وقالت رئيسة لجنة النقل سلمى الحسيني إن الخطة\n"
      "ستعرض على المجلس مطلع الشهر المقبل.\n"
      "\n"
      "وأضافت أن كلفة المرحلة الأولى تقارب عشرين مليون دينار، وأن\n"
      "البلدية تبحث عن تمويل من مصارف محلية ودولية قبل توقيع أي عقد\n"
      "مع الشركات المتقدمة للمناقصة.\n");
  const std::vector<std::string> blocks = cut.Blocks(0);
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0], "headline:مجلس مدينة عمّان يقر خطة لتوسيع شبكة الحافلات الكهربائية");
  EXPECT_EQ(blocks[1].rfind("paragraph:أقر مجلس", 0), 0u) << blocks[1];
  EXPECT_NE(blocks[1].find("في\nالأحياء"), std::string::npos) << blocks[1];
}

TEST(StructureTest, AWrappedLineEndingASentenceEndsItsParagraph) {
  // The first paragraph's second line ends with a full stop: the paragraph may go on, but the
  // line is not joined (a sentence end is where paragraphs end, so none is made up across it).
  const Cut cut = Analyze(
      "عنوان قصير للخبر\n\n"
      "بدأت اليوم في العاصمة أعمال المؤتمر السنوي للمياه بمشاركة\n"
      "خبراء من عشرين دولة عربية وأجنبية في ثلاث قاعات متجاورة.\n"
      "وتناقش الجلسات الأولى ملفات الجفاف وإدارة السدود وتحلية مياه\n"
      "البحر في المدن الساحلية على مدى ثلاثة أيام متتالية.\n");
  const std::vector<std::string> blocks = cut.Blocks(0);
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_NE(blocks[1].find("بمشاركة\nخبراء"), std::string::npos) << blocks[1];
  EXPECT_EQ(blocks[2].rfind("paragraph:وتناقش", 0), 0u) << blocks[2];
}

TEST(StructureTest, OneLineParagraphsOfNaturalLengthsAreNotJoined) {
  // No blank lines between paragraphs, but their lengths vary as written text does.
  const Cut cut = Analyze(
      "عنوان الخبر\n\n"
      "افتتحت البلدية صباح اليوم سوق الكتب القديمة بعد أعمال ترميم استمرت أشهراً طويلة\n"
      "وقال رئيس البلدية إن السوق سيضم مئة محل\n"
      "ويفتح السوق أبوابه كل يوم من الصباح حتى المساء طوال أيام الأسبوع عدا يوم الجمعة الذي "
      "يخصص للصيانة والتنظيف\n"
      "ودعت البلدية الزوار إلى استعمال النقل العام\n");
  EXPECT_EQ(cut.Blocks(0).size(), 5u);
}

TEST(StructureTest, AFullWidthSeparatorInWrappedTextStillSplitsArticles) {
  const std::string paragraph =
      "بدأت اليوم في العاصمة أعمال المؤتمر السنوي للمياه بمشاركة\n"
      "خبراء من عشرين دولة عربية وأجنبية في ثلاث قاعات متجاورة\n"
      "وتناقش الجلسات الأولى ملفات الجفاف وإدارة السدود وتحلية مياه\n"
      "البحر في المدن الساحلية على مدى ثلاثة أيام متتالية.\n";
  const Cut cut = Analyze("عنوان أول\n\n" + paragraph + std::string(58, '-') + "\n" +
                          "عنوان ثان\n\n" + paragraph);
  EXPECT_EQ(cut.structure.documents.size(), 2u);
}

TEST(StructureTest, ListItemsInWrappedTextAreNotJoined) {
  const Cut cut = Analyze(
      "عنوان الخبر\n\n"
      "أعلنت الوزارة اليوم قائمة بالإجراءات الجديدة التي تبدأ في\n"
      "مطلع الشهر المقبل في جميع المحافظات وتشمل ما يلي من بنود\n"
      "- خفض رسوم النقل العام للطلاب والمتقاعدين وذوي الدخل المحدود\n"
      "- تمديد ساعات عمل المكاتب الحكومية في المدن الكبرى حتى المساء\n");
  const std::vector<std::string> blocks = cut.Blocks(0);
  ASSERT_EQ(blocks.size(), 4u);
  EXPECT_NE(blocks[1].find("تبدأ في\nمطلع"), std::string::npos) << blocks[1];
  EXPECT_NE(blocks[2].find(":- خفض"), std::string::npos) << blocks[2];
  EXPECT_NE(blocks[3].find(":- تمديد"), std::string::npos) << blocks[3];
}

TEST(StructureTest, EllipsisInAHeadlineIsNoSentenceEnd) {
  const Cut cut = Analyze("اتهامات جديدة.. مقابل ماذا؟\n\nنص الخبر الكامل هنا.\n");
  EXPECT_EQ(cut.Blocks(0)[0], "headline:اتهامات جديدة.. مقابل ماذا؟");
}

}  // namespace
}  // namespace basira::structure
