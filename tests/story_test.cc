// The story stage through Analyze: the timeline of dated events, figures the outlets give
// differently, and the story summary's single-source entries. The articles are our own writing
// (a fictional shelling of a border town reported by two outlets).
#include "story/story.h"

#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include <string>
#include <vector>

#include "basira/analyzer.h"
#include "basira/json.h"
#include "basira/result.h"
#include "test_util.h"

namespace basira {
namespace {

const char kFirst[] =
    "قصف مكثف على بلدة الوادي الحدودية\n\n"
    "السبت ١٢ تشرين الأول/أكتوبر ٢٠٢٤\n\n"
    "أطلقت القوات أمس نحو 1000 قذيفة على بلدة الوادي الحدودية خلال ساعات الليل.\n\n"
    "وأصيب في القصف 12 مدنياً نقلوا إلى مستشفى البلدة، بحسب الدفاع المدني.\n\n"
    "واستمر القصف 6 ساعات متواصلة قبل أن يتوقف مع الفجر.\n\n"
    "وشهدت المنطقة الحدودية هذا الشهر تصعيداً متواصلاً بين الطرفين.\n\n"
    "وكانت البلدة قد تعرضت لهجوم مماثل في 3 آب 2024 دمر سوقها القديم.\n";

// Another outlet: the same night with other figures, and a sentence of its own.
const char kSecond[] =
    "الوادي تحت النار\n\n"
    "السبت ١٢ تشرين الأول/أكتوبر ٢٠٢٤\n\n"
    "سقطت أمس أكثر من 1500 قذيفة على بلدة الوادي الحدودية خلال ساعات الليل.\n\n"
    "وقال مسعفون إن ثلاثة مدنيين أصيبوا بجروح طفيفة في الأحياء الشرقية.\n\n"
    "ويطالب أهالي البلدة ببناء ملاجئ تحت الأرض منذ سنوات طويلة دون استجابة.\n\n"
    "وشهدت المنطقة الحدودية الأسبوع الماضي تصعيداً متواصلاً بين الطرفين.\n";

// No dateline: its relative dates stay unresolved and are no events.
const char kUndated[] =
    "زيارة إلى الوادي\n\n"
    "زار الوزير أمس بلدة الوادي واطلع على الأضرار، ووعد بإعادة بناء السوق قبل نهاية عام 2025.\n";

// Another story altogether.
const char kMatch[] =
    "فوز فريق المدينة في نهائي الكأس\n\n"
    "فاز فريق المدينة بكأس البطولة بعد مباراة نهائية مثيرة انتهت بركلات الترجيح.\n\n"
    "واحتفل آلاف المشجعين في الساحة الكبرى حتى ساعة متأخرة من الليل.\n";

Result Analyze(const std::vector<std::string>& texts) {
  std::vector<Input> inputs;
  for (size_t i = 0; i < texts.size(); ++i) inputs.push_back({std::to_string(i), texts[i]});
  Result result;
  const Status status = test::SharedAnalyzer().Analyze(inputs, Options(), &result);
  EXPECT_TRUE(status.ok()) << status.message();
  return result;
}

std::string Slice(const std::string& utf8, Span span) {
  return test::Utf8(icu::UnicodeString::fromUTF8(utf8).tempSubString(span.start, span.length()));
}

TEST(StoryTest, TimelineIsChronologicalWithRelativeDatesResolvedByTheDateline) {
  const Result r = Analyze({kFirst});
  const auto& timeline = r.story.timeline;
  std::vector<std::string> values;
  for (const TimelineEvent& e : timeline) values.push_back(e.value);
  // 3 آب 2024, then أمس (the dateline's day before), then هذا الشهر: the month after its days.
  // The dateline, the headline and the duration (6 ساعات) are no events.
  EXPECT_EQ(values, (std::vector<std::string>{"2024-08-03", "2024-10-11", "2024-10"}));
  ASSERT_EQ(timeline.size(), 3u);
  EXPECT_EQ(timeline[0].granularity, "day");
  EXPECT_EQ(timeline[2].granularity, "month");
  const TimelineEvent& yesterday = timeline[1];
  EXPECT_EQ(Slice(kFirst, yesterday.date_span), "أمس");
  EXPECT_EQ(r.dates[yesterday.date].span, yesterday.date_span);
  EXPECT_TRUE(r.dates[yesterday.date].relative);
  EXPECT_EQ(Slice(kFirst, yesterday.span).rfind("أطلقت القوات أمس", 0), 0u);
  for (const TimelineEvent& e : timeline) {
    EXPECT_EQ(r.sentences[e.sentence].block, BlockKind::kParagraph);
    EXPECT_EQ(r.sentences[e.sentence].span, e.span);
    EXPECT_NE(r.dates[e.date].type, DateType::kDuration);
    EXPECT_EQ(e.support, (std::vector<int32_t>{0}));
    EXPECT_TRUE(e.other_dates.empty());
  }
}

TEST(StoryTest, OneEventPerDateAndSentenceGroupAcrossOutlets) {
  const Result r = Analyze({kFirst, kSecond, kUndated});
  int nights = 0;
  for (const TimelineEvent& e : r.story.timeline) {
    // Only kUndated's year is absolute; its أمس has no dateline to resolve it.
    if (e.input == 2) EXPECT_EQ(e.value, "2025");
    if (e.value != "2024-10-11") continue;
    ++nights;
    // The night of shelling: both outlets, one entry, the first outlet's sentence first.
    EXPECT_EQ(e.support, (std::vector<int32_t>{0, 1}));
    EXPECT_EQ(e.input, 0);
    ASSERT_EQ(e.sentences.size(), 2u);
    EXPECT_EQ(r.sentences[e.sentences[1]].input, 1);
  }
  EXPECT_EQ(nights, 1);
  // The escalation: هذا الشهر in one outlet, الأسبوع الماضي in the other; each entry points to
  // the other outlet's date.
  int escalations = 0;
  for (const TimelineEvent& e : r.story.timeline) {
    if (e.value != "2024-10" && e.granularity != "week") continue;
    ++escalations;
    EXPECT_EQ(e.support, (std::vector<int32_t>{0, 1}));
    ASSERT_EQ(e.other_dates.size(), 1u) << e.value;
    const DateMention& other = r.dates[e.other_dates[0]];
    EXPECT_NE(other.value, e.value);
    EXPECT_EQ(Slice(other.input == 0 ? kFirst : kSecond, other.span),
              e.value == "2024-10" ? "الأسبوع الماضي" : "هذا الشهر");
  }
  EXPECT_EQ(escalations, 2);
  EXPECT_EQ(r.story.timeline.back().value, "2025");
  for (size_t i = 1; i < r.story.timeline.size(); ++i) {
    EXPECT_LE(r.story.timeline[i - 1].value.substr(0, 4), r.story.timeline[i].value.substr(0, 4));
  }
}

TEST(StoryTest, FiguresTheOutletsGiveDifferentlyAreListedSideBySide) {
  const Result r = Analyze({kFirst, kSecond});
  ASSERT_EQ(r.story.figures.size(), 2u);
  // نحو 1000 قذيفة against أكثر من 1500 قذيفة.
  const Figure& shells = r.story.figures[0];
  EXPECT_EQ(shells.key, "قذيفه");
  EXPECT_EQ(shells.kind, NumberKind::kCardinal);
  EXPECT_FALSE(shells.agree);
  ASSERT_EQ(shells.values.size(), 2u);
  EXPECT_EQ(shells.values[0].value, 1000);
  EXPECT_EQ(shells.values[0].qualifier, "نحو");
  EXPECT_EQ(shells.values[0].document, 0);
  EXPECT_EQ(Slice(kFirst, shells.values[0].span), "1000");
  EXPECT_EQ(shells.values[1].value, 1500);
  EXPECT_EQ(shells.values[1].qualifier, "أكثر من");
  EXPECT_EQ(shells.values[1].document, 1);
  EXPECT_EQ(Slice(kSecond, shells.values[1].span), "1500");
  EXPECT_EQ(r.numbers[shells.values[1].number].span, shells.values[1].span);
  // 12 مدنياً against ثلاثة مدنيين: the accusative and the plural meet on one key.
  const Figure& civilians = r.story.figures[1];
  EXPECT_EQ(civilians.key, "مدني");
  ASSERT_EQ(civilians.values.size(), 2u);
  EXPECT_EQ(civilians.values[0].value, 12);
  EXPECT_EQ(civilians.values[1].value, 3);
  // The same article twice agrees with itself: nothing to compare. One article: no figures.
  EXPECT_TRUE(Analyze({kFirst, kFirst}).story.figures.empty());
  EXPECT_TRUE(Analyze({kFirst}).story.figures.empty());
}

TEST(StoryTest, TheSameFigureOnDifferentSourcesIsListedToo) {
  const Result r =
      Analyze({"انفجار في مستودع وقود\n\n"
               "قتل 5 عمال في انفجار داخل مستودع للوقود في ميناء المدينة، بحسب وكالة رويترز.\n",
               "حريق الميناء\n\n"
               "قتل 5 عمال في انفجار داخل مستودع للوقود في ميناء المدينة، وفقاً لوزارة الصحة.\n"});
  ASSERT_EQ(r.story.figures.size(), 1u);
  const Figure& workers = r.story.figures[0];
  EXPECT_EQ(workers.key, "عامل");
  EXPECT_TRUE(workers.agree);
  ASSERT_EQ(workers.values.size(), 2u);
  ASSERT_EQ(workers.values[0].sources.size(), 1u);
  ASSERT_EQ(workers.values[1].sources.size(), 1u);
  EXPECT_EQ(r.entities[workers.values[0].sources[0]].name, "رويترز");
  EXPECT_EQ(r.entities[workers.values[1].sources[0]].name, "وزارة الصحة");
}

TEST(StoryTest, CountedNounsMeetOnTheirSingularKey) {
  EXPECT_EQ(story::CountedKey("قذائف"), story::CountedKey("قذيفة"));
  EXPECT_EQ(story::CountedKey("الحاويات"), story::CountedKey("حاوية"));
  EXPECT_EQ(story::CountedKey("صواريخ"), story::CountedKey("صاروخاً"));
  EXPECT_NE(story::CountedKey("قذيفة"), story::CountedKey("حاوية"));
}

TEST(StoryTest, SummaryAddsWhatOnlyOneOutletReportsAfterTheSharedSentences) {
  const Result r = Analyze({kFirst, kSecond});
  const auto& summary = r.story.summary;
  ASSERT_GE(summary.size(), 2u);
  EXPECT_FALSE(summary[0].single_source);
  EXPECT_EQ(summary[0].support, (std::vector<int32_t>{0, 1}));
  int singles = 0;
  std::vector<int32_t> single_inputs;
  for (size_t i = 0; i < summary.size(); ++i) {
    if (!summary[i].single_source) {
      EXPECT_EQ(singles, 0) << "a shared entry after a single-source one";
      EXPECT_GE(summary[i].documents.size(), 2u);
      continue;
    }
    ++singles;
    EXPECT_EQ(summary[i].support.size(), 1u);
    single_inputs.push_back(summary[i].input);
  }
  EXPECT_GE(singles, 1);
  EXPECT_LE(singles, summarize::kMaxSingleSource);
  // One per outlet.
  if (singles == 2) EXPECT_NE(single_inputs[0], single_inputs[1]);
  // An unrelated article beside them is another story: none of its sentences is added.
  const Result three = Analyze({kFirst, kSecond, kMatch});
  ASSERT_FALSE(three.story.summary.empty());
  for (const StorySentence& e : three.story.summary) EXPECT_NE(e.input, 2) << e.sentence;
  const std::string json = ResultToJson(r, {{"0", kFirst}, {"1", kSecond}});
  EXPECT_NE(json.find("\"single_source\":true"), std::string::npos);
  EXPECT_NE(json.find("\"figures\":[{\"key\":\"قذيفه\""), std::string::npos);
  EXPECT_NE(json.find("\"timeline\":[{\"value\":\"2024-08-03\""), std::string::npos);
}

}  // namespace
}  // namespace basira
