// facts: dates, times, durations and numbers, one Arabic case per line.
#include "facts/facts.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "test_util.h"

namespace basira::facts {
namespace {

const Extractor& SharedExtractor() {
  static const Extractor* const x = [] {
    std::unique_ptr<Extractor> made;
    if (!Extractor::Create(&made).ok()) std::abort();
    return made.release();
  }();
  return *x;
}

struct Found {
  icu::UnicodeString text;
  std::vector<DateMention> dates;
  std::vector<NumberMention> numbers;
  std::string At(Span s) const { return test::Utf8(text.tempSubString(s.start, s.length())); }
};

// Anchor "YYYY-MM-DD" (the article's date) or "" for none.
Found Extract(const std::string& sentence, const std::string& anchor = "") {
  Found f;
  f.text = icu::UnicodeString::fromUTF8(sentence);
  Dateline d;
  const bool has =
      !anchor.empty() && std::sscanf(anchor.c_str(), "%d-%d-%d", &d.year, &d.month, &d.day) == 3;
  SharedExtractor().Extract(f.text, Span{0, f.text.length()}, 0, 0, has ? &d : nullptr, &f.dates,
                            &f.numbers);
  return f;
}

// "surface value TYPE" of every date, joined by " ; " (an unresolved one shows its relation).
std::string Dates(const std::string& sentence, const std::string& anchor = "") {
  const Found f = Extract(sentence, anchor);
  std::string out;
  for (const DateMention& d : f.dates) {
    if (!out.empty()) out += " ; ";
    out += f.At(d.span) + " " + (d.value.empty() ? "rel:" + d.relation : d.value) + " " +
           DateTypeName(d.type);
  }
  return out;
}

// "surface value kind [unit] [(qualifier)]" of every number, joined by " ; ".
std::string Numbers(const std::string& sentence) {
  const Found f = Extract(sentence);
  std::string out;
  for (const NumberMention& n : f.numbers) {
    if (!out.empty()) out += " ; ";
    char value[64];
    std::snprintf(value, sizeof value, "%.15g", n.value);
    out += f.At(n.span) + " " + value + " " + NumberKindName(n.kind);
    if (!n.unit.empty()) out += " [" + n.unit + "]";
    if (!n.currency.empty()) out += " " + n.currency;
    if (!n.qualifier.empty()) out += " (" + n.qualifier + ")";
  }
  return out;
}

TEST(FactsTest, GregorianAndLevantineMonths) {
  EXPECT_EQ(Dates("وصل الوفد في 13 سبتمبر 2023 إلى موسكو."), "13 سبتمبر 2023 2023-09-13 DATE");
  EXPECT_EQ(Dates("ولد في 1 كانون الثاني 1950 في حلب."), "1 كانون الثاني 1950 1950-01-01 DATE");
  EXPECT_EQ(Dates("عبرت القوات في 6 تشرين الأول 1973."), "6 تشرين الأول 1973 1973-10-06 DATE");
  EXPECT_EQ(Dates("وقع الزلزال في 6 آب 1999."), "6 آب 1999 1999-08-06 DATE");
  EXPECT_EQ(Dates("افتتح في 7 إبريل 2019 رسميا."), "7 إبريل 2019 2019-04-07 DATE");
  EXPECT_EQ(Dates("تراجعت الصادرات في آذار 2020."), "آذار 2020 2020-03 DATE");
  // No such day: only the month and year are a date.
  EXPECT_EQ(Dates("لا يوجد 31 فبراير 2023 في التقويم."), "فبراير 2023 2023-02 DATE");
}

TEST(FactsTest, PairedMonthNames) {
  EXPECT_EQ(Dates("التقيا في 13 أيلول/ سبتمبر 2023 هناك."),
            "13 أيلول/ سبتمبر 2023 2023-09-13 DATE");
  EXPECT_EQ(Dates("نشر في 2 سبتمبر (أيلول) 2021 على الموقع."),
            "2 سبتمبر (أيلول) 2021 2021-09-02 DATE");
  EXPECT_EQ(Dates("ارتفع التضخم في أيلول/سبتمبر 2022."), "أيلول/سبتمبر 2022 2022-09 DATE");
}

TEST(FactsTest, EasternDigitsAndNumericDates) {
  EXPECT_EQ(Dates("وقعت في ١٣ سبتمبر ٢٠٢٣ بحضور الوزراء."), "١٣ سبتمبر ٢٠٢٣ 2023-09-13 DATE");
  EXPECT_EQ(Dates("نشر في ١/١/٢٠١٨ على الموقع."), "١/١/٢٠١٨ 2018-01-01 DATE");
  EXPECT_EQ(Dates("تاريخ الوثيقة 2023/9/13 بحسب الختم."), "2023/9/13 2023-09-13 DATE");
  EXPECT_EQ(Dates("صدرت بتاريخ 13-09-2023 عن الوزارة."), "تاريخ 13-09-2023 2023-09-13 DATE");
  EXPECT_EQ(Dates("كتبت في 26 / 4 / 1947 في نابلس."), "26 / 4 / 1947 1947-04-26 DATE");
  EXPECT_EQ(Dates("الرقم 13/45/2023 ليس تاريخا."), "");
  EXPECT_EQ(Dates("كتبت بتاريخ ( 9 / 2 / 1948 ) في يافا."),
            "تاريخ ( 9 / 2 / 1948 ) 1948-02-09 DATE");
  EXPECT_EQ(Dates("أرسلت في نيسان ( 26 / 4 / 1947 ) إلى القدس."),
            "نيسان ( 26 / 4 / 1947 ) 1947-04-26 DATE");
}

TEST(FactsTest, Years) {
  EXPECT_EQ(Dates("في عام 2019 ارتفعت الأسعار."), "عام 2019 2019 DATE");
  EXPECT_EQ(Dates("بدأ المشروع في العام 2015."), "العام 2015 2015 DATE");
  EXPECT_EQ(Dates("هاجرت العائلة في 1948 إلى لبنان."), "1948 1948 DATE");
  EXPECT_EQ(Dates("انتهى الحصار في 2023م بعد سنوات."), "2023م 2023 DATE");
  EXPECT_EQ(Dates("اندلعت الثورة بين 1936 - 1939 في فلسطين."), "1936 - 1939 1936/1939 DATE");
  EXPECT_EQ(Dates("دفع 2000 دولار ثمنا للسيارة."), "");  // a sum, not a year
}

TEST(FactsTest, HijriDatesConvertWithUmmAlQura) {
  EXPECT_EQ(Dates("بدأ العام الهجري في 1 محرم 1445 هـ بهدوء."), "1 محرم 1445 هـ 2023-07-19 DATE");
  EXPECT_EQ(Dates("بدأ الصيام في ١ رمضان ١٤٤٥ هـ في المملكة."), "١ رمضان ١٤٤٥ هـ 2024-03-11 DATE");
  EXPECT_EQ(Dates("وقف الحجاج في 9 ذو الحجة 1444 هـ بعرفة."), "9 ذو الحجة 1444 هـ 2023-06-27 DATE");
  EXPECT_EQ(Dates("بني المسجد عام 1445 هـ في المدينة."), "عام 1445 هـ 2023 DATE");
  const Found f = Extract("صدر عام 1319 هجري في القدس.");
  ASSERT_EQ(f.dates.size(), 1u);
  EXPECT_TRUE(f.dates[0].hijri);
  EXPECT_EQ(f.dates[0].hijri_value, "1319");
  EXPECT_EQ(f.dates[0].value, "1901");
}

TEST(FactsTest, Times) {
  EXPECT_EQ(Dates("الأربعاء ١٣ سبتمبر ٢٠٢٣ الساعة ١١:٣٨ مساءً"),
            "الأربعاء ١٣ سبتمبر ٢٠٢٣ الساعة ١١:٣٨ مساءً 2023-09-13T23:38 TIME");
  EXPECT_EQ(Dates("الجمعة 5 يناير 2024 12:10 ص"),
            "الجمعة 5 يناير 2024 12:10 ص 2024-01-05T00:10 TIME");
  EXPECT_EQ(Dates("دوى الانفجار الساعة ١١:٣٨ مساءً في الحي."), "الساعة ١١:٣٨ مساءً T23:38 TIME");
  EXPECT_EQ(Dates("تنتهي المهلة الساعة الثامنة مساء اليوم."),
            "الساعة الثامنة مساء T20:00 TIME ; اليوم rel:day+0 DATE");
  EXPECT_EQ(Dates("انطلق القطار عند 14:15 من المحطة."), "14:15 T14:15 TIME");
  EXPECT_EQ(Dates("يفتح السوق حتى 10 مساءً كل يوم."), "10 مساءً T22:00 TIME");
  EXPECT_EQ(Dates("يبلغ طوله 10 م فقط."), "");  // meters, not 10 p.m.
  EXPECT_EQ(Dates("انتهت المباراة بنتيجة 2:1 للضيوف."), "");
}

TEST(FactsTest, RelativeDatesResolveAgainstTheDateline) {
  const std::string wednesday = "2023-09-13";
  EXPECT_EQ(Dates("قال الوزير أمس إن المحادثات ستستأنف.", wednesday), "أمس 2023-09-12 DATE");
  EXPECT_EQ(Dates("وصل المبعوث اليوم إلى دمشق.", wednesday), "اليوم 2023-09-13 DATE");
  EXPECT_EQ(Dates("تعقد القمة غداً في جنيف.", wednesday), "غداً 2023-09-14 DATE");
  EXPECT_EQ(Dates("بدأت الزيارة أول أمس.", wednesday), "أول أمس 2023-09-11 DATE");
  EXPECT_EQ(Dates("وأمس أعلن الجيش تقدما.", wednesday), "أمس 2023-09-12 DATE");
  EXPECT_EQ(Dates("التقيا الثلاثاء الماضي في القصر.", wednesday),
            "الثلاثاء الماضي 2023-09-12 DATE");
  EXPECT_EQ(Dates("اجتمع المجلس الأربعاء الماضي.", wednesday), "الأربعاء الماضي 2023-09-06 DATE");
  EXPECT_EQ(Dates("تبدأ الدراسة الخميس المقبل.", wednesday), "الخميس المقبل 2023-09-14 DATE");
  EXPECT_EQ(Dates("ارتفعت الأسعار الأسبوع الماضي.", wednesday), "الأسبوع الماضي 2023-W36 DATE");
  EXPECT_EQ(Dates("تراجعت البطالة الشهر الماضي.", wednesday), "الشهر الماضي 2023-08 DATE");
  EXPECT_EQ(Dates("سجل نموا العام الماضي.", wednesday), "العام الماضي 2022 DATE");
  EXPECT_EQ(Dates("تضاعفت الصادرات هذا العام.", wednesday), "هذا العام 2023 DATE");
  EXPECT_EQ(Dates("غادر البلاد منذ 4 سنوات ولم يعد.", wednesday), "منذ 4 سنوات 2019 DATE");
  EXPECT_EQ(Dates("اختفى قبل يومين في ظروف غامضة.", wednesday), "قبل يومين 2023-09-11 DATE");
  EXPECT_EQ(Dates("حصل الاتفاق في سبتمبر الماضي.", wednesday), "سبتمبر الماضي 2022-09 DATE");
  EXPECT_EQ(Dates("هطلت الأمطار في 10 شباط الماضي.", wednesday), "10 شباط الماضي 2023-02-10 DATE");
  EXPECT_EQ(Dates("تنتهي المهلة في 20 سبتمبر المقبل.", wednesday),
            "20 سبتمبر المقبل 2023-09-20 DATE");
  EXPECT_EQ(Dates("افتتح المهرجان في 20 أكتوبر بحضور الفنانين.", wednesday),
            "20 أكتوبر 2023-10-20 DATE");
  EXPECT_EQ(Dates("اندلع الحريق أمس الساعة 10 مساءً.", wednesday),
            "أمس الساعة 10 مساءً 2023-09-12T22:00 TIME");
  EXPECT_EQ(Dates("في اليوم التالي عاد الهدوء.", wednesday), "");
}

TEST(FactsTest, RelativeDatesWithoutDatelineKeepTheirRelation) {
  EXPECT_EQ(Dates("قال المتحدث أمس إن الهدنة صامدة."), "أمس rel:day-1 DATE");
  EXPECT_EQ(Dates("وقع الانفجار الثلاثاء الماضي."), "الثلاثاء الماضي rel:tuesday-last DATE");
  EXPECT_EQ(Dates("رحل منذ 4 سنوات مع عائلته."), "منذ 4 سنوات rel:year-4 DATE");
  const Found f = Extract("ارتفع الدين العام الماضي.");
  ASSERT_EQ(f.dates.size(), 1u);
  EXPECT_TRUE(f.dates[0].relative);
  EXPECT_TRUE(f.dates[0].anchor.empty());
}

TEST(FactsTest, Durations) {
  EXPECT_EQ(Dates("استمرت المعارك 18 شهراً في المدينة."), "18 شهراً P18M DURATION");
  EXPECT_EQ(Dates("تحدثا نحو ساعتين عبر الهاتف."), "ساعتين PT2H DURATION");
  EXPECT_EQ(Dates("دامت الرحلة ثلاثة أيام كاملة."), "ثلاثة أيام P3D DURATION");
  EXPECT_EQ(Dates("استمر الاجتماع 45 دقيقة فقط."), "45 دقيقة PT45M DURATION");
  EXPECT_EQ(Numbers("استمرت المعارك 18 شهراً في المدينة."), "18 شهراً 18 duration [شهراً]");
  EXPECT_EQ(Numbers("تحدثا نحو ساعتين عبر الهاتف."), "ساعتين 2 duration [ساعتين] (نحو)");
}

TEST(FactsTest, DigitsWithSeparators) {
  EXPECT_EQ(Numbers("قتل 15 شخصا في الحادث."), "15 15 cardinal [شخصا]");
  EXPECT_EQ(Numbers("وصلت 1,200 حاوية إلى الميناء."), "1,200 1200 cardinal [حاوية]");
  EXPECT_EQ(Numbers("يعيش فيها ١٬٥٠٠٬٠٠٠ نسمة."), "١٬٥٠٠٬٠٠٠ 1500000 cardinal [نسمة]");
  EXPECT_EQ(Numbers("ارتفع إلى ٣٫٧٥ نقطة."), "٣٫٧٥ 3.75 cardinal [نقطة]");
  EXPECT_EQ(Numbers("انتشر ۱۲۳ عنصرا في الشوارع."), "۱۲۳ 123 cardinal [عنصرا]");
}

TEST(FactsTest, NumberWords) {
  EXPECT_EQ(Numbers("اعتقلت ثلاث نساء."), "ثلاث 3 cardinal [نساء]");
  EXPECT_EQ(Numbers("وقع عشرون نائبا على العريضة."), "عشرون 20 cardinal [نائبا]");
  EXPECT_EQ(Numbers("سقط مائة وأربعون صاروخاً."), "مائة وأربعون 140 cardinal [صاروخاً]");
  EXPECT_EQ(Numbers("تبرع بخمسة وعشرين منزلا."), "خمسة وعشرين 25 cardinal [منزلا]");
  EXPECT_EQ(Numbers("وصل سبعة عشر لاجئا."), "سبعة عشر 17 cardinal [لاجئا]");
  EXPECT_EQ(Numbers("استقبل أحد عشر مليون مسافر."), "أحد عشر مليون 11000000 cardinal [مسافر]");
  EXPECT_EQ(Numbers("وصل ثلاثة ملايين زائر."), "ثلاثة ملايين 3000000 cardinal [زائر]");
  EXPECT_EQ(Numbers("ضمت القائمة مليون وخمسمائة ألف ناخب."),
            "مليون وخمسمائة ألف 1500000 cardinal [ناخب]");
  EXPECT_EQ(Numbers("يعمل فيه ألفان وخمسمائة عامل."), "ألفان وخمسمائة 2500 cardinal [عامل]");
  EXPECT_EQ(Numbers("شارك عشرات الآلاف من المواطنين."), "عشرات الآلاف 10000 cardinal");
  EXPECT_EQ(Numbers("فر مئات الآلاف من منازلهم."), "مئات الآلاف 100000 cardinal");
  EXPECT_EQ(Numbers("أطلق الجيش مليون قذيفة."), "مليون 1000000 cardinal [قذيفة]");
  EXPECT_EQ(Numbers("سجلت 7.8 مليون نسمة."), "7.8 مليون 7800000 cardinal [نسمة]");
  EXPECT_EQ(Numbers("يبلغ عددهم مليونين ونصف تقريبا."), "مليونين ونصف 2500000 cardinal");
  EXPECT_EQ(Numbers("ثلاثة وأربعة"), "ثلاثة 3 cardinal ; أربعة 4 cardinal");  // not 7
}

TEST(FactsTest, DualsCountTwo) {
  EXPECT_EQ(Numbers("زار المدينة مرتين هذا العام."), "مرتين 2 cardinal [مرتين]");
  EXPECT_EQ(Numbers("سقطت قذيفتين على الحي."), "قذيفتين 2 cardinal [قذيفتين]");
  EXPECT_EQ(Numbers("دمرت الغارات ألفي منزل."), "ألفي 2000 cardinal [منزل]");
  EXPECT_EQ(Numbers("اتفق البلدين على التعاون."), "");  // the two countries: a name, no count
}

TEST(FactsTest, Ordinals) {
  EXPECT_EQ(Numbers("فاز للمرة الأولى بالبطولة."), "الأولى 1 ordinal");
  EXPECT_EQ(Numbers("احتل المركز الثاني في السباق."), "الثاني 2 ordinal");
  EXPECT_EQ(Numbers("عقدت الجولة الرابعة في الدوحة."), "الرابعة 4 ordinal");
  EXPECT_EQ(Numbers("عقدت الدورة الحادية عشرة للمؤتمر."), "الحادية عشرة 11 ordinal");
  EXPECT_EQ(Numbers("يعد هذا أول لقاء بينهما."), "أول 1 ordinal");
  EXPECT_EQ(Numbers("احتفل بعيد ميلاده الخامس والعشرين."), "الخامس والعشرين 25 ordinal");
  EXPECT_EQ(Numbers("ثانياً: يعاقب كل من خالف."), "ثانياً 2 ordinal");
  EXPECT_EQ(Numbers("ولد في كانون الثاني الماضي."), "");  // a month, not "the second"
}

TEST(FactsTest, Percentages) {
  EXPECT_EQ(Numbers("خفض الفائدة إلى 5 في المئة."), "5 في المئة 5 percent");
  EXPECT_EQ(Numbers("ارتفعت إلى 12 بالمئة."), "12 بالمئة 12 percent");
  EXPECT_EQ(Numbers("فاز بنسبة 51.3% من الأصوات."), "51.3% 51.3 percent");
  EXPECT_EQ(Numbers("صوت ٦٠٪ من الناخبين."), "٦٠٪ 60 percent");
  EXPECT_EQ(Numbers("نما بنسبة %40 خلال عقد."), "%40 40 percent");
  EXPECT_EQ(Numbers("ارتفع ٪40 منذ بداية العام."), "٪40 40 percent");
}

TEST(FactsTest, NumbersThatNameAnItemAreOrdinals) {
  EXPECT_EQ(Numbers("تنص المادة 5 على ذلك."), "5 5 ordinal");
  EXPECT_EQ(Numbers("صدر القرار رقم ( 12 ) أمس."), "12 12 ordinal");
  EXPECT_EQ(Numbers("زر الموقع www2 أو g2 للمزيد."), "");  // codes, not numbers
  EXPECT_EQ(Numbers("منذ بداية جائحة كوفيد-19 تغير كل شيء."), "");
}

TEST(FactsTest, Money) {
  EXPECT_EQ(Numbers("بلغت 2.5 مليار دولار."), "2.5 مليار دولار 2500000000 money [دولار] USD");
  EXPECT_EQ(Numbers("دفعت ٢٫٥ مليار روبل ضرائب."), "٢٫٥ مليار روبل 2500000000 money [روبل] RUB");
  EXPECT_EQ(Numbers("قدرت بـ 13.2 مليون يورو."), "13.2 مليون يورو 13200000 money [يورو] EUR");
  EXPECT_EQ(Numbers("كلف 300 مليون ريال سعودي."),
            "300 مليون ريال سعودي 300000000 money [ريال سعودي] SAR");
  EXPECT_EQ(Numbers("بيع بـ 25 ألف ليرة سورية."), "25 ألف ليرة سورية 25000 money [ليرة سورية] SYP");
  EXPECT_EQ(Numbers("تلقى 50 دولارا مكافأة."), "50 دولارا 50 money [دولارا] USD");
  EXPECT_EQ(Numbers("يكلف $45 في الموسم."), "$45 45 money USD");
}

TEST(FactsTest, Measures) {
  EXPECT_EQ(Numbers("هطلت أمطار بمعدل 122 ملم."), "122 ملم 122 measure [ملم]");
  EXPECT_EQ(Numbers("تطير بسرعة 10 ماخ."), "10 ماخ 10 measure [ماخ]");
  EXPECT_EQ(Numbers("يبلغ طوله 3 كيلومترات."), "3 كيلومترات 3 measure [كيلومترات]");
  EXPECT_EQ(Numbers("بلغت 45 درجة مئوية في الظل."), "45 درجة مئوية 45 measure [درجة مئوية]");
  EXPECT_EQ(Numbers("يصدر مليون برميل يوميا."), "مليون برميل 1000000 measure [برميل]");
}

TEST(FactsTest, Qualifiers) {
  EXPECT_EQ(Numbers("شارك نحو 40 في المئة من السكان."), "40 في المئة 40 percent (نحو)");
  EXPECT_EQ(Numbers("تقدم أكثر من 500 مرشح."), "500 500 cardinal [مرشح] (أكثر من)");
  EXPECT_EQ(Numbers("شارك حوالي 300 صحفي."), "300 300 cardinal [صحفي] (حوالي)");
  EXPECT_EQ(Numbers("نزح ما يقرب من مليون شخص."), "مليون 1000000 cardinal [شخص] (ما يقرب من)");
  EXPECT_EQ(Numbers("سجلت أقل من 20 إصابة."), "20 20 cardinal [إصابة] (أقل من)");
}

TEST(FactsTest, NumbersInsideDatesAreNotNumbers) {
  EXPECT_EQ(Numbers("وصل الوفد في 13 سبتمبر 2023 إلى موسكو."), "");
  EXPECT_EQ(Numbers("في عام 2019 ارتفعت الأسعار."), "");
}

TEST(FactsTest, SpansAreOriginalOffsetsWithoutProclitics) {
  const Found f = Extract("وبعشرةِ آلافٍ وقعت، وأمسِ كان ١١:٣٨ مساءً.");
  ASSERT_EQ(f.numbers.size(), 1u);
  EXPECT_EQ(f.At(f.numbers[0].span), "عشرةِ آلافٍ");
  EXPECT_EQ(f.numbers[0].value, 10000);
  ASSERT_EQ(f.dates.size(), 2u);
  EXPECT_EQ(f.At(f.dates[0].span), "أمسِ");
  EXPECT_EQ(f.At(f.dates[1].span), "١١:٣٨ مساءً");
}

TEST(FactsTest, AnalyzeResolvesAgainstTheArticleDateline) {
  std::vector<Input> inputs(1);
  inputs[0].text =
      "قمة في موسكو\n\nالأربعاء ١٣ سبتمبر ٢٠٢٣\n\nقال مسؤولون أمس إن الجيش أطلق مليون قذيفة.\n";
  Result result;
  ASSERT_TRUE(test::SharedAnalyzer().Analyze(inputs, Options(), &result).ok());
  const DateMention* yesterday = nullptr;
  for (const DateMention& d : result.dates) {
    if (d.relation == "day-1") yesterday = &d;
  }
  ASSERT_NE(yesterday, nullptr);
  EXPECT_EQ(yesterday->value, "2023-09-12");
  EXPECT_EQ(yesterday->anchor, "2023-09-13");
  EXPECT_TRUE(yesterday->relative);
  ASSERT_EQ(result.numbers.size(), 1u);
  EXPECT_EQ(result.numbers[0].value, 1000000);
  EXPECT_EQ(result.numbers[0].unit, "قذيفة");
}

}  // namespace
}  // namespace basira::facts
