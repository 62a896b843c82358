// quotes: direct and indirect speech with their speakers, and the sources a text cites.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "basira/analyzer.h"
#include "test_util.h"

namespace basira {
namespace {

using Strings = std::vector<std::string>;

Result AnalyzeText(const std::string& text) {
  Result result;
  const Status status = test::SharedAnalyzer().Analyze({Input{"t", text}}, Options(), &result);
  EXPECT_TRUE(status.ok()) << status.message();
  return result;
}

std::string Cut(const std::string& utf8, Span s) {
  return test::Utf8(icu::UnicodeString::fromUTF8(utf8).tempSubString(s.start, s.length()));
}

// "kind|speaker|words" per quote: speaker is the entity's name, else the describing words in
// brackets, else "?"; an inherited speaker ends in "^".
Strings Quotes(const std::string& text) {
  const Result r = AnalyzeText(text);
  Strings out;
  for (const Quote& q : r.quotes) {
    std::string speaker = "?";
    if (q.speaker >= 0) {
      speaker = r.entities[q.speaker].name + (q.inherited ? "^" : "");
    } else if (q.speaker_span.length() > 0) {
      speaker = "[" + Cut(text, q.speaker_span) + "]" + (q.inherited ? "^" : "");
    }
    out.push_back(std::string(QuoteKindName(q.kind)) + "|" + speaker + "|" + Cut(text, q.span));
  }
  return out;
}

TEST(Quotes, GuillemetsAfterAVerbAndName) {
  EXPECT_EQ(Quotes("وقال فلاديمير بوتين: «سنواصل العمل مع شركائنا في آسيا».\n"),
            Strings({"direct|فلاديمير بوتين|سنواصل العمل مع شركائنا في آسيا"}));
}

TEST(Quotes, ABylineThatOpensAParagraphQuotesNobody) {
  // كتب with a dash after it is the report's author, not a speaker: no quote of the paragraph.
  EXPECT_EQ(Quotes("كتب ـ سامر الحجار : يستضيف الفنان كريم النجار عددا من النجوم في برنامجه.\n"),
            Strings{});
  // كتب as a verb of its sentence still opens the words after its colon.
  EXPECT_EQ(Quotes("كتب الوزير على حسابه: الخطة جاهزة للتنفيذ.\n"),
            Strings({"direct|[الوزير على حسابه]|الخطة جاهزة للتنفيذ"}));
}

TEST(Quotes, CurlyQuotesAndAVerbAfterTheQuote) {
  EXPECT_EQ(Quotes("“لن نقبل بأي ضغوط خارجية على قرارنا”، قال فلاديمير بوتين للصحفيين.\n"),
            Strings({"direct|فلاديمير بوتين|لن نقبل بأي ضغوط خارجية على قرارنا"}));
}

TEST(Quotes, AFollowingVerbWithNoNameKeepsTheSpeaker) {
  EXPECT_EQ(Quotes("وقال فلاديمير بوتين: «المحادثات كانت مفيدة جداً».\n"
                   "وأضاف: «سنلتقي مرة أخرى في الربيع المقبل».\n"),
            Strings({"direct|فلاديمير بوتين|المحادثات كانت مفيدة جداً",
                     "direct|فلاديمير بوتين^|سنلتقي مرة أخرى في الربيع المقبل"}));
}

TEST(Quotes, ThePersonAfterTheBodyInHisTitleIsTheSpeaker) {
  EXPECT_EQ(Quotes("وقال الأمين العام لجامعة الدول العربية أحمد أبو الغيط أمام الوزراء: «التعاون "
                   "اليوم ضرورة لا خيار».\n"),
            Strings({"direct|أحمد أبو الغيط|التعاون اليوم ضرورة لا خيار"}));
  EXPECT_EQ(Quotes("وقال وزير خارجية روسيا سيرغي لافروف للصحفيين: «الحوار مستمر مع الجميع».\n"),
            Strings({"direct|سيرغي لافروف|الحوار مستمر مع الجميع"}));
  // With no person after it, the title and the body describe the speaker.
  EXPECT_EQ(Quotes("وقال الأمين العام للمنظمة: «نحتاج إلى تمويل عاجل للمزارعين».\n"),
            Strings({"direct|[الأمين العام للمنظمة]|نحتاج إلى تمويل عاجل للمزارعين"}));
  EXPECT_EQ(Quotes("وقال مدير الوكالة الدولية للطاقة الذرية: «لم نجد أي دليل على ذلك».\n"),
            Strings({"direct|[مدير الوكالة الدولية للطاقة الذرية]|لم نجد أي دليل على ذلك"}));
  // A person after the body and a comma is the speaker.
  EXPECT_EQ(Quotes("وقال الأمين العام لجامعة الدول العربية، أحمد أبو الغيط: «التعاون اليوم ضرورة "
                   "لا خيار».\n"),
            Strings({"direct|أحمد أبو الغيط|التعاون اليوم ضرورة لا خيار"}));
  // A body far from the title is no part of it: the body stays the speaker, as with no title.
  EXPECT_EQ(Quotes("وقال رئيس الوزراء في كلمة طويلة أمام حلف شمال الأطلسي: «لن نتراجع عن "
                   "موقفنا».\n"),
            Strings({"direct|حلف شمال الأطلسي|لن نتراجع عن موقفنا"}));
  // A body alone stays the speaker.
  EXPECT_EQ(Quotes("وقالت وزارة الخارجية الروسية في بيان: «الحوار مستمر مع الجميع».\n"),
            Strings({"direct|وزارة الخارجية الروسية|الحوار مستمر مع الجميع"}));
}

TEST(Quotes, WhomTheSpeakerTellsIsNotTheSpeaker) {
  // After a named speaker's quote, «وقال للصحفيين ...» has no subject of its own: the speaker
  // carries over; the addressee is no described speaker.
  EXPECT_EQ(Quotes("وقال فلاديمير بوتين: «المحادثات كانت مفيدة جداً».\n"
                   "وقال للصحفيين في وقت لاحق: «سنلتقي مرة أخرى في الربيع».\n"),
            Strings({"direct|فلاديمير بوتين|المحادثات كانت مفيدة جداً",
                     "direct|فلاديمير بوتين^|سنلتقي مرة أخرى في الربيع"}));
  // A described speaker ends where whom he tells begins.
  EXPECT_EQ(Quotes("وأضاف الرئيس الروسي لقناة تلفزيونية محلية: «هناك قيود نلتزم بها».\n"),
            Strings({"direct|[الرئيس الروسي]|هناك قيود نلتزم بها"}));
  // An outlet told (ل cut off its name) is not the speaker: the named person is, before or after.
  EXPECT_EQ(Quotes("وقال فلاديمير بوتين: «المحادثات كانت مفيدة جداً».\n"
                   "وقال لرويترز: «سنلتقي مرة أخرى في الربيع».\n"),
            Strings({"direct|فلاديمير بوتين|المحادثات كانت مفيدة جداً",
                     "direct|فلاديمير بوتين^|سنلتقي مرة أخرى في الربيع"}));
  // A named outlet told first, then the speaker's words; an outlet that is no mention: its words
  // stay, and the previous speaker does not carry over.
  EXPECT_EQ(Quotes("وقال لصحيفة الشرق الأوسط مسؤول سعودي: «سنلتقي مرة أخرى في الربيع».\n"),
            Strings({"direct|[مسؤول سعودي]|سنلتقي مرة أخرى في الربيع"}));
  EXPECT_EQ(Quotes("وقال فلاديمير بوتين: «المحادثات كانت مفيدة جداً».\n"
                   "وقال لصحيفة محلية مسؤول سعودي: «سنلتقي مرة أخرى في الربيع».\n"),
            Strings({"direct|فلاديمير بوتين|المحادثات كانت مفيدة جداً",
                     "direct|[لصحيفة محلية مسؤول سعودي]|سنلتقي مرة أخرى في الربيع"}));
  // A day after whom he tells is no speaker.
  EXPECT_EQ(Quotes("وقال فلاديمير بوتين: «المحادثات كانت مفيدة جداً».\n"
                   "وقال لرويترز يوم الأحد: «سنلتقي مرة أخرى في الربيع».\n"),
            Strings({"direct|فلاديمير بوتين|المحادثات كانت مفيدة جداً",
                     "direct|فلاديمير بوتين^|سنلتقي مرة أخرى في الربيع"}));
  EXPECT_EQ(Quotes("وقال مسؤول روسي كبير لوكالة رويترز: «لم يتقرر شيء بعد».\n"),
            Strings({"direct|[مسؤول روسي كبير]|لم يتقرر شيء بعد"}));
  // Whom he tells first, then the words describing the speaker.
  EXPECT_EQ(Quotes("وقال لوكالة فرانس برس خبير روسي في الشؤون الكورية: «العقوبات لن تتغير».\n"),
            Strings({"direct|[خبير روسي في الشؤون الكورية]|العقوبات لن تتغير"}));
  // A name after words complete in themselves (للصحفيين، لها) is the speaker.
  EXPECT_EQ(Quotes("وقال للصحفيين سيرغي لافروف: «الحوار مستمر مع الجميع».\n"),
            Strings({"direct|سيرغي لافروف|الحوار مستمر مع الجميع"}));
  EXPECT_EQ(Quotes("وقالت في بيان لها وزارة الخارجية الروسية إن الحوار مستمر مع الجميع.\n"),
            Strings({"indirect|وزارة الخارجية الروسية|الحوار مستمر مع الجميع"}));
  // After a title (also السابق, listed with the nationalities), an outlet noun may be its body.
  EXPECT_EQ(Quotes("وقال المدير التنفيذي لموقع المعلومات المفتوحة: «سننشر الوثائق كلها».\n"),
            Strings({"direct|[المدير التنفيذي لموقع المعلومات المفتوحة]|سننشر الوثائق كلها"}));
  EXPECT_EQ(Quotes("وقال المدير السابق لوكالة الفضاء المحلية: «سننشر الوثائق كلها».\n"),
            Strings({"direct|[المدير السابق لوكالة الفضاء المحلية]|سننشر الوثائق كلها"}));
  EXPECT_EQ(Quotes("وقال مراسل لقناة محلية: «لن نتراجع عن موقفنا».\n"),
            Strings({"direct|[مراسل لقناة محلية]|لن نتراجع عن موقفنا"}));
  EXPECT_EQ(Quotes("وقال وزير الخارجية للصحفيين: «سننشر الوثائق كلها».\n"),
            Strings({"direct|[وزير الخارجية]|سننشر الوثائق كلها"}));
  // The outlet's own words after its name are no speaker.
  EXPECT_EQ(Quotes("وقال لوكالة رويترز للأنباء مسؤول روسي: «لم يتقرر شيء بعد».\n"),
            Strings({"direct|[مسؤول روسي]|لم يتقرر شيء بعد"}));
}

TEST(Quotes, TheSpeakerMayStandBeforeTheVerb) {
  EXPECT_EQ(Quotes("وسئل فلاديمير بوتين عن الاتفاق فقال: «سنعلن التفاصيل قريباً جداً».\n"),
            Strings({"direct|فلاديمير بوتين|سنعلن التفاصيل قريباً جداً"}));
}

TEST(Quotes, ColonWithoutQuotationMarks) {
  EXPECT_EQ(Quotes("وقال فلاديمير بوتين: الوضع في المنطقة يتحسن تدريجياً.\n"),
            Strings({"direct|فلاديمير بوتين|الوضع في المنطقة يتحسن تدريجياً"}));
}

TEST(Quotes, IndirectSpeechAfterInna) {
  EXPECT_EQ(Quotes("وقال فلاديمير بوتين إن المحادثات ستستمر الأسبوع المقبل.\n"),
            Strings({"indirect|فلاديمير بوتين|المحادثات ستستمر الأسبوع المقبل"}));
}

TEST(Quotes, ASpeakerDescribedAtLengthBeforeInna) {
  // A person set off by a comma after the verb may be described at length before إن; the next
  // وأضاف carries him over.
  EXPECT_EQ(Quotes("وقال سيرغي لافروف، الذي عاد أمس من جولة طويلة شملت ثلاث عواصم في آسيا الوسطى، "
                   "لقناة روسيا 1 إن الاتفاق سيوقع الشهر المقبل.\n"
                   "وأضاف: «لا نرى أي عقبة أمام ذلك».\n"),
            Strings({"indirect|سيرغي لافروف|الاتفاق سيوقع الشهر المقبل",
                     "direct|سيرغي لافروف^|لا نرى أي عقبة أمام ذلك"}));
  // أن right after the comma that ends the description opens his speech too.
  EXPECT_EQ(Quotes("وذكر سيرغي لافروف، الذي حضر جلسة مغلقة مع مسؤولين كبار في وزارة الخارجية، أن "
                   "المحادثات صعبة.\n"),
            Strings({"indirect|سيرغي لافروف|المحادثات صعبة"}));
  // Beyond eight words أن is another verb's object, not speech: إن after it is.
  EXPECT_EQ(
      Quotes("وقال فلاديمير بوتين، الذي التقى الرئيس الصيني شي جينبينغ في بكين الأسبوع الماضي "
             "وطلب منه أن يخفض الرسوم، للصحفيين إن الموعد لم يحدد.\n"),
      Strings({"indirect|فلاديمير بوتين|الموعد لم يحدد"}));
  // Without the comma, إن that far from the verb is not its speech.
  EXPECT_EQ(Quotes("وقال سيرغي لافروف الذي عاد أمس من جولة طويلة شملت ثلاث عواصم في آسيا الوسطى "
                   "بعد محادثات إن الاتفاق سيوقع.\n"),
            Strings());
}

TEST(Quotes, WhomAnOutletQuotesIsTheSpeaker) {
  // نقلت الوكالة عن فلان قوله: the person before قوله speaks; the outlet carries the words.
  EXPECT_EQ(Quotes("ونقلت وكالة رويترز عن سيرغي لافروف قوله: «المحادثات كانت صريحة».\n"),
            Strings({"direct|سيرغي لافروف|المحادثات كانت صريحة"}));
  // قوله before إن also lets إن stand further from the verb than usual.
  EXPECT_EQ(Quotes("ونقلت صحف محلية كثيرة عن وزير الخارجية الروسي السابق سيرغي لافروف، قوله إن "
                   "المحادثات ستستمر.\n"),
            Strings({"indirect|سيرغي لافروف|المحادثات ستستمر"}));
  // Not whoever comes last before قوله: the source close to Putin speaks, not Putin.
  EXPECT_EQ(Quotes("ونقلت وكالة رويترز عن مصدر مقرب من الرئيس فلاديمير بوتين قوله إن القمة "
                   "ستعقد قريبا.\n"),
            Strings({"indirect|رويترز|القمة ستعقد قريبا"}));
}

TEST(Quotes, WhomAnOutletQuotesWithoutANameDescribesTheSpeaker) {
  // نقلت الوكالة عن مسؤولين ... قولهم: the officials speak, described; the outlet does not.
  EXPECT_EQ(Quotes("ونقلت وكالة رويترز عن مسؤولين أوروبيين قولهم إن الاتفاق سيوقع الشهر المقبل.\n"),
            Strings({"indirect|[مسؤولين أوروبيين]|الاتفاق سيوقع الشهر المقبل"}));
  // Only plain words: the عن of «عدم الكشف عن اسمه» is not the outlet's, and a description
  // set off by commas is not guessed at; the outlet stays the speaker.
  EXPECT_EQ(Quotes("ونقلت وكالة رويترز عن مسؤول طلب عدم الكشف عن اسمه قوله إن الاتفاق سيوقع الشهر "
                   "المقبل.\n"),
            Strings({"indirect|رويترز|الاتفاق سيوقع الشهر المقبل"}));
  EXPECT_EQ(Quotes("ونقلت وكالة رويترز عن مسؤولين، طلبوا عدم نشر أسمائهم، قولهم إن الاتفاق سيوقع "
                   "الشهر المقبل.\n"),
            Strings({"indirect|رويترز|الاتفاق سيوقع الشهر المقبل"}));
}

TEST(Quotes, AQuotationGoesOnSpeechOpenedFurtherBack) {
  // The verb and its أن stand more than twenty words before the quotation marks: the
  // quotation goes on what the speaker was saying.
  const std::string speech =
      "وأشار سيرغي لافروف إلى أن الدول الغربية كانت قد وعدت مرارا بأن تسير المفاوضات "
      "السياسية بالتوازي مع العقوبات";
  const std::string whole = speech + " وأن تحل القضايا الإنسانية العالقة في المنطقة كلها،";
  const std::string lead = whole + " لكن ";
  EXPECT_EQ(Quotes(lead + "«هذه الوعود لم تنفذ أبدا حتى الآن».\n"),
            Strings({"direct|سيرغي لافروف|هذه الوعود لم تنفذ أبدا حتى الآن"}));
  // A term of one or two words in quotation marks there is no quotation: the sentence is the
  // speaker's indirect speech.
  EXPECT_EQ(
      Quotes(lead + "«الضمانات» سقطت.\n"),
      Strings({"indirect|سيرغي لافروف|" + lead.substr(lead.find("الدول")) + "«الضمانات» سقطت"}));
  // Nor when the closest verb opens no speech of its own (قال, with no أن after it).
  EXPECT_EQ(Quotes("وأشار سيرغي لافروف إلى أن الدول الغربية كانت قد وعدت بحل سياسي شامل، ثم "
                   "قال الحاضرون في القاعة كلاما كثيرا عن الموعد المقبل للقاء الوزراء في "
                   "العاصمة الروسية وعن التحضيرات الجارية له منذ أسابيع طويلة في المدن الكبرى "
                   "كلها، لكن «هذه الوعود لم تنفذ أبدا حتى الآن».\n"),
            Strings({"direct|?|هذه الوعود لم تنفذ أبدا حتى الآن"}));
  // A verb right after the quotation names its speaker first.
  EXPECT_EQ(Quotes(whole + " و«هذه الوعود لم تنفذ أبدا حتى الآن»، قال الرئيس فلاديمير بوتين.\n"),
            Strings({"direct|فلاديمير بوتين|هذه الوعود لم تنفذ أبدا حتى الآن"}));
  // Not across someone else named after the speech, nor a clause of its own.
  EXPECT_EQ(
      Quotes(speech + "، في حين هتف أنصار المعارض أليكسي نافالني الذين تجمعوا أمام مبنى السفارة في "
                      "العاصمة البريطانية لندن منذ ساعات الصباح الأولى مرددين «هذه الوعود لم تنفذ "
                      "أبدا حتى الآن».\n"),
      Strings({"direct|?|هذه الوعود لم تنفذ أبدا حتى الآن"}));
  // Nor to a title a noun names (اسم «...»).
  EXPECT_EQ(Quotes("وأعلنت الوزارة عن خطة جديدة يجب أن تنفذ خلال عامين في المدن الكبرى والقرى "
                   "النائية على حد سواء وفي المناطق الحدودية كلها، وحملت الخطة اسم «الطريق إلى "
                   "السلام الدائم والشامل».\n"),
            Strings({"direct|?|الطريق إلى السلام الدائم والشامل"}));
}

TEST(Quotes, AMixedPairOfMarksIsOneQuote) {
  // “ closed by »: the whole quotation, not the colon's first sentence with its mark.
  EXPECT_EQ(Quotes("وقال فلاديمير بوتين: “روسيا تحترم هذه القيود. لكن هناك أشياء نناقشها».\n"),
            Strings({"direct|فلاديمير بوتين|روسيا تحترم هذه القيود. لكن هناك أشياء نناقشها"}));
  // Not across another speaker's words, nor to a ” that opens a quotation of its own.
  EXPECT_EQ(Quotes("وقال فلاديمير بوتين: «نحن مستعدون للحوار مع الجميع. وقالت الوزارة في بيان "
                   "”لن نتراجع عن موقفنا أبدا“.\n"),
            Strings({"direct|فلاديمير بوتين|«نحن مستعدون للحوار مع الجميع",
                     "direct|[الوزارة في بيان]|لن نتراجع عن موقفنا أبدا"}));
}

TEST(Quotes, AHeadNounAfterTheVerbIsTheEntityItNamedBefore) {
  // وقالت الوكالة: the agency the text named with وكالة, not the person named before the verb.
  EXPECT_EQ(Quotes("ذكرت وكالة «رويترز» أن الوفد الروسي وصل إلى العاصمة صباح اليوم.\n"
                   "وصافح فلاديمير بوتين الضيوف، وقالت الوكالة إن المحادثات ستبدأ غدا.\n"),
            Strings({"indirect|رويترز|الوفد الروسي وصل إلى العاصمة صباح اليوم",
                     "indirect|رويترز|المحادثات ستبدأ غدا"}));
  // A title the same way refers back to the person it named.
  EXPECT_EQ(Quotes("والتقى وزير الخارجية الروسي سيرغي لافروف نظيره أمس في العاصمة.\n"
                   "وصافح فلاديمير بوتين الضيوف، وأكد الوزير أن المحادثات ستبدأ غدا.\n"),
            Strings({"indirect|سيرغي لافروف|المحادثات ستبدأ غدا"}));
  // With no such organization, the name before the verb stays the speaker.
  EXPECT_EQ(Quotes("وصافح فلاديمير بوتين الضيوف، وقال الأسبوع الماضي إن المحادثات ستبدأ غدا.\n"),
            Strings({"indirect|فلاديمير بوتين|المحادثات ستبدأ غدا"}));
}

TEST(Quotes, PraiseAndCriticismQuoteTheirWords) {
  EXPECT_EQ(Quotes("وفي الشهر الماضي أشاد فلاديمير بوتين بـ«التعاون الوثيق بين البلدين في كل "
                   "المجالات».\n"),
            Strings({"direct|فلاديمير بوتين|التعاون الوثيق بين البلدين في كل المجالات"}));
  // A participle (مشيداً) with no subject of its own: the speaker carries over; the ب before
  // the quote describes nobody.
  EXPECT_EQ(Quotes("وقال فلاديمير بوتين: «سنواصل الاختبارات».\n"
                   "وتابع: «القرار اتخذ فعليا»، مشيداً بـ«القدرات الكبيرة لهذا النظام».\n"),
            Strings({"direct|فلاديمير بوتين|سنواصل الاختبارات",
                     "direct|فلاديمير بوتين^|القرار اتخذ فعليا",
                     "direct|فلاديمير بوتين^|القدرات الكبيرة لهذا النظام"}));
}

TEST(Quotes, AHeadNounFindsNoEntityItDoesNotHead) {
  // لوكالة رويترز is whom the director told: الوكالة is his agency, named in his title.
  EXPECT_EQ(Quotes("وقال مدير الوكالة الدولية للطاقة الذرية رافائيل غروسي لوكالة رويترز إن "
                   "التفتيش سيستمر.\nوقالت الوكالة في بيان لاحق إن المنشأة لم تتضرر.\n")
                .back(),
            "indirect|الوكالة الدولية للطاقة الذرية|المنشأة لم تتضرر");
  // شركة after a preposition (مصدر في شركة) heads no speaker.
  EXPECT_EQ(Quotes("ونقلت وكالة رويترز عن مصدر في شركة أرامكو أن الإنتاج سيرتفع.\n"
                   "وقال المصدر إن القرار نهائي.\n")
                .back(),
            "indirect|[المصدر]|القرار نهائي");
  // الرئيس is not رئيس الوزراء.
  EXPECT_EQ(Quotes("التقى الرئيس فلاديمير بوتين رئيس الوزراء الهندي ناريندرا مودي في موسكو.\n"
                   "وقال الرئيس إن المحادثات كانت مثمرة.\n"),
            Strings({"indirect|فلاديمير بوتين|المحادثات كانت مثمرة"}));
  // Another article of the same input is not looked into.
  EXPECT_EQ(Quotes("ذكرت وكالة رويترز أن الوفد وصل إلى العاصمة صباح اليوم.\n\n---\n\n"
                   "وصافح فلاديمير بوتين الضيوف، وقالت الوكالة إن المحادثات ستبدأ غدا.\n")
                .back(),
            "indirect|فلاديمير بوتين|المحادثات ستبدأ غدا");
}

TEST(Quotes, WhatAVerbOfPraiseIsAboutIsNoSpeaker) {
  // رحب بقرار مجلس الأمن: the council is what he welcomed; the speaker carries over.
  EXPECT_EQ(Quotes("وقال فلاديمير بوتين إن المحادثات كانت مثمرة.\n"
                   "ورحب بقرار مجلس الأمن الدولي، مؤكدا أن الاتفاق سيصمد طويلا.\n"),
            Strings({"indirect|فلاديمير بوتين|المحادثات كانت مثمرة",
                     "indirect|فلاديمير بوتين^|الاتفاق سيصمد طويلا"}));
}

TEST(Quotes, AnIsNoInna) {
  // آن (a name here) folds to the key of أن/إن; it opens no indirect speech.
  EXPECT_EQ(Quotes("وتحتاج البلاد إلى التقنية، حسب ما قال لوكالة فرانس برس آن تشان إيل، مدير "
                   "المعهد العالمي للدراسات الكورية.\n"),
            Strings());
}

TEST(Quotes, ADescribedSpeakerKeepsItsWords) {
  EXPECT_EQ(Quotes("وقال مسؤول روسي كبير: «لم يتقرر شيء بعد في هذا الملف».\n"),
            Strings({"direct|[مسؤول روسي كبير]|لم يتقرر شيء بعد في هذا الملف"}));
  // The preposition the verb takes before أن is not part of them.
  EXPECT_EQ(Quotes("وجاء اللقاء بعد أن حذر مسؤولون غربيون من أن الاتفاق قد ينهار قريبا.\n"),
            Strings({"indirect|[مسؤولون غربيون]|الاتفاق قد ينهار قريبا"}));
}

TEST(Quotes, AFollowingVerbWithNoNameKeepsADescribedSpeaker) {
  EXPECT_EQ(Quotes("وقال المتحدث باسم الوزارة للصحفيين: «الخطة جاهزة للتنفيذ».\n"
                   "وأضاف أن العمل يبدأ في الربيع المقبل.\n"),
            Strings({"direct|[المتحدث باسم الوزارة]|الخطة جاهزة للتنفيذ",
                     "indirect|[المتحدث باسم الوزارة]^|العمل يبدأ في الربيع المقبل"}));
  // Not once the text has named a person since: the last named speaker is the subject again.
  EXPECT_EQ(Quotes("وقال فلاديمير بوتين إن المحادثات كانت مفيدة.\n"
                   "وقال مسؤولون أمريكيون إن الصفقة تتقدم.\n"
                   "وسئل بوتين عن الصفقة في المؤتمر الصحفي.\n"
                   "وقال للصحفيين: «لا أعلق على ذلك».\n"),
            Strings({"indirect|فلاديمير بوتين|المحادثات كانت مفيدة",
                     "indirect|[مسؤولون أمريكيون]|الصفقة تتقدم",
                     "direct|فلاديمير بوتين^|لا أعلق على ذلك"}));
  // Nor onto a verb with a subject of its own before it (the municipality, no entity).
  EXPECT_EQ(Quotes("وقال رئيس البلدية إن العمل انتهى.\n"
                   "وكانت البلدية قد أعلنت أن السوق سيفتح قريبا.\n"),
            Strings({"indirect|[رئيس البلدية]|العمل انتهى", "indirect|?|السوق سيفتح قريبا"}));
}

TEST(Quotes, ANameBeforeAWordThatOpensAClauseIsNotTheSpeakerAfterIt) {
  // بينما opens a clause of its own: the minister named before it is not who «قال» after it.
  EXPECT_EQ(Quotes("وافتتح الرئيس الروسي فلاديمير بوتين المعرض، بينما قال المنظمون إن الزوار "
                   "تجاوزوا الألف.\n"),
            Strings({"indirect|[المنظمون]|الزوار تجاوزوا الألف"}));
  // With no such word the name before the verb is still its speaker.
  EXPECT_EQ(Quotes("وبوتين قال إن الزوار تجاوزوا الألف.\n"),
            Strings({"indirect|فلاديمير بوتين|الزوار تجاوزوا الألف"}));
}

TEST(Quotes, AWordThatOpensAClauseHoldsForEveryLaterVerbOfItsSentence) {
  // Four verbs in one sentence, read in turn: the name before the first two is who says them;
  // after بينما it is not named before the third or the fourth (each then carries on the last
  // speaker, not found by name: ^), however the sentence's earlier words were read for the first.
  EXPECT_EQ(Quotes("وبوتين قال «الخطة جاهزة» ثم قال «العمل بدأ» بينما قال «الزوار كانوا أكثر من "
                   "المتوقع بكثير هذا العام» ثم قال «المعرض انتهى قبل موعده بيومين كاملين».\n"),
            Strings({"direct|فلاديمير بوتين|الخطة جاهزة", "direct|فلاديمير بوتين|العمل بدأ",
                     "direct|فلاديمير بوتين^|الزوار كانوا أكثر من المتوقع بكثير هذا العام",
                     "direct|فلاديمير بوتين^|المعرض انتهى قبل موعده بيومين كاملين"}));
}

TEST(Quotes, ADayOrAPronounAfterTheVerbDescribesNoSpeaker) {
  EXPECT_EQ(Quotes("وكانت اللجنة اعتبرت الخميس أن القرار غير قانوني.\n"),
            Strings({"indirect|?|القرار غير قانوني"}));
  EXPECT_EQ(Quotes("وأرسل الكاتب رسالة قال فيها: «الأدب مرآة الناس».\n"),
            Strings({"direct|?|الأدب مرآة الناس"}));
}

TEST(Quotes, SpeechAfterAPlaceWordAndAColonIsNoQuotedName) {
  // المدينة is a place word that takes a quoted name (مدينة «...»); after a colon the quote is
  // speech: a quote without its marks, and no place.
  const std::string text = "وقال مسؤول في المدينة: «لن نتراجع عن موقفنا».\n";
  EXPECT_EQ(Quotes(text), Strings({"direct|[مسؤول في المدينة]|لن نتراجع عن موقفنا"}));
  EXPECT_TRUE(AnalyzeText(text).entities.empty());
}

TEST(Quotes, AQuotedNameIsNotAQuote) {
  // One or two quoted words with no verb beside them, and a quoted name, are names or titles.
  EXPECT_EQ(Quotes("وبثت قناة «روسيا اليوم» صوراً للصاروخ «سارمات» في العرض العسكري.\n"), Strings());
}

TEST(Quotes, UnpairedMarksAndLineBreaksEndNothing) {
  // The « on the first line has no pair on its line: nothing is quoted across the line break.
  EXPECT_EQ(Quotes("وقال فلاديمير بوتين: «كلام لم يكتمل\nوهذا سطر آخر» لا علاقة له.\n"), Strings());
}

TEST(Quotes, SpansExcludeMarksAndFinalStop) {
  const std::string text = "وقال فلاديمير بوتين: «سنواصل العمل.»\n";
  const Result r = AnalyzeText(text);
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(Cut(text, r.quotes[0].span), "سنواصل العمل");
  EXPECT_EQ(Cut(text, r.quotes[0].verb), "وقال");
  EXPECT_EQ(r.quotes[0].sentence, 0);
}

TEST(Sources, CuesAndCitingVerbsAreCountedPerEntity) {
  const std::string text =
      "أعلنت الحكومة خطة جديدة للنقل بحسب وكالة رويترز.\n"
      "وقالت وكالة رويترز إن الخطة تشمل ثلاث مدن.\n"
      "ووفقاً لصحيفة الغارديان فإن التمويل لم يحسم بعد.\n";
  const Result r = AnalyzeText(text);
  Strings sources;
  for (const Source& s : r.sources) {
    sources.push_back(r.entities[s.entity].name + ":" + std::to_string(s.citations.size()));
    for (const Citation& c : s.citations) EXPECT_EQ(c.input, 0);
  }
  ASSERT_FALSE(sources.empty());
  EXPECT_EQ(sources[0], "رويترز:2") << ::testing::PrintToString(sources);
  EXPECT_NE(std::find(sources.begin(), sources.end(), "الغارديان:1"), sources.end())
      << ::testing::PrintToString(sources);
}

TEST(Sources, APersonAfterQalaIsASpeakerNotASource) {
  const Result r = AnalyzeText("وقال فلاديمير بوتين إن المحادثات ستستمر.\n");
  EXPECT_TRUE(r.sources.empty());
}

}  // namespace
}  // namespace basira
