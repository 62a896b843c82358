// facts: dates, times, durations and numbers in one sentence, with their normalized values.
//
// Guarantees, for one sentence:
//  - every mention's span is an ORIGINAL UTF-16 span inside the sentence; a span never starts
//    with a proclitic (وأمس -> أمس, بعشرة -> عشرة) and keeps the article (الثلاثاء);
//  - dates do not overlap one another, numbers do not overlap one another; a number inside a
//    date (the day and year of "13 سبتمبر 2023", the "4" of "منذ 4 سنوات" aside) is never a
//    number; a duration ("18 شهراً") is both a DURATION date and a number of kind duration;
//  - dates carry an ISO 8601 value at their granularity: Gregorian and Levantine month names,
//    Hijri months and years (converted with ICU's islamic-umalqura calendar, as the table
//    data/facts/umalqura.txt that basira_gen_icu_lexicon writes from it), Eastern Arabic
//    digits, numeric dates (١/١/٢٠١٨, 2023/9/13, 13-09-2023), years after a cue (عام 2019) or
//    alone (1900..2100), times (الساعة ١١:٣٨ مساءً) merged into the date before them;
//  - relative expressions (اليوم، أمس، الثلاثاء الماضي، الشهر المقبل، هذا العام، منذ 4 سنوات,
//    a month or day without its year) are resolved against the article's dateline when there is
//    one (value set, anchor = the dateline's value), else keep an empty value and their relation;
//  - numbers carry their value: digits with ٫ ٬ , . separators, number words and their
//    combinations (مئة وأربعون، ثلاثة ملايين، 2.5 مليار، عشرات الآلاف), duals (ساعتين، مرتين),
//    ordinals (الأول، الثانية), percentages (40 في المئة، %40), money (data/lexicon/
//    icu_currencies.txt and data/facts/words.txt), measures (122 ملم) and the counted noun after
//    a cardinal (مليون قذيفة -> unit قذيفة), with a hedge before them (نحو، أكثر من) as qualifier.
// The words are data/facts/words.txt; matching runs on match keys (src/normalize), in one pass
// over the sentence's key tokens.
#ifndef BASIRA_SRC_FACTS_FACTS_H_
#define BASIRA_SRC_FACTS_FACTS_H_

#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "basira/result.h"
#include "basira/status.h"

namespace basira::facts {

// One date or number found on a match key, at key offsets (what Extract turns into mentions).
struct Found {
  bool is_date = false;
  int32_t begin = 0, end = 0;  // key units of the whole mention
  DateMention date;            // when is_date (span, input and sentence unset)
  NumberMention number;        // otherwise (span, unit and qualifier text unset)
  // Date parts as found (0 / -1 when absent), Gregorian after any conversion.
  int year = 0, month = 0, day = 0, hour = -1, minute = -1;
  int32_t unit_begin = -1, unit_end = -1;  // key units of the unit or counted noun
  int32_t qualifier_begin = -1, qualifier_end = -1;
};

class Extractor {
 public:
  // Loads data/facts/words.txt, the ICU currency names and the Umm al-Qura table.
  static Status Create(std::unique_ptr<Extractor>* extractor);
  ~Extractor();

  // Scans one sentence's match key. `anchor` (may be null) resolves relative dates.
  void Scan(const std::u16string& key, const Dateline* anchor, std::vector<Found>* out) const;

  // Appends the dates and numbers of text[range] (one sentence) to `dates` and `numbers`.
  void Extract(const icu::UnicodeString& text, Span range, int32_t input, int32_t sentence,
               const Dateline* anchor, std::vector<DateMention>* dates,
               std::vector<NumberMention>* numbers) const;

  struct Lexicon;

 private:
  Extractor() = default;
  std::unique_ptr<Lexicon> lexicon_;
};

// Parses a dateline such as "الأربعاء ١٣ سبتمبر ٢٠٢٣ الساعة ١١:٣٨ مساءً" from a line's match
// key: a short line (14 words at most) holding a full date (day, month, year) and maybe a time.
bool ParseDateline(const Extractor& extractor, const std::u16string& key, Dateline* dateline);

}  // namespace basira::facts

#endif  // BASIRA_SRC_FACTS_FACTS_H_
