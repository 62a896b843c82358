#include "story/story.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>
#include <utility>
#include <vector>

#include "normalize/normalize.h"

namespace basira::story {
namespace {

// Broken plurals of nouns news counts, as match keys: plural -> singular.
const std::pair<const char16_t*, const char16_t*> kPlurals[] = {
    {u"قذايف", u"قذيفه"}, {u"صواريخ", u"صاروخ"},  {u"جنود", u"جندي"},   {u"قتلي", u"قتيل"},
    {u"جرحي", u"جريح"},   {u"اسلحه", u"سلاح"},    {u"اشخاص", u"شخص"},   {u"ضحايا", u"ضحيه"},
    {u"رجال", u"رجل"},    {u"اطفال", u"طفل"},     {u"اسري", u"اسير"},   {u"منازل", u"منزل"},
    {u"مدافع", u"مدفع"},  {u"دول", u"دوله"},      {u"مدنيين", u"مدني"}, {u"براميل", u"برميل"},
    {u"مصانع", u"مصنع"},  {u"مقاتلين", u"مقاتل"}, {u"عمال", u"عامل"},
};

int Digits(const std::string& s, size_t at, size_t n) {
  if (at + n > s.size()) return -1;
  int v = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

// Days since 1970-01-01 of a Gregorian date (H. Hinnant's days_from_civil).
int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

// The sort key of an absolute ISO value: a period sorts at its end, after what lies inside it.
// False for anything else (durations, "XXXX-09", "T23:38").
bool DateOrder(const std::string& v, int64_t* key, const char** granularity) {
  const int y = Digits(v, 0, 4);
  if (y < 0) return false;
  int m = 13, d = 0, minutes = 0;
  if (v.size() == 4) {
    *granularity = "year";
  } else if (v.size() == 8 && v[4] == '-' && v[5] == 'W') {
    const int w = Digits(v, 6, 2);
    if (w < 1 || w > 53) return false;
    // ISO week 1 holds 4 January; the week ends on its Sunday.
    const int64_t jan4 = DaysFromCivil(y, 1, 4);
    const int64_t monday = jan4 - (((jan4 + 3) % 7 + 7) % 7);
    int yy = 0;
    CivilFromDays(monday + 7 * (w - 1) + 6, &yy, &m, &d);
    *key = ((static_cast<int64_t>(yy) * 14 + m) * 33 + d) * 1500 + 24 * 60 + 1;
    *granularity = "week";
    return true;
  } else if (v.size() >= 7 && v[4] == '-') {
    m = Digits(v, 5, 2);
    if (m < 1 || m > 12) return false;
    d = 32;
    *granularity = "month";
    if (v.size() >= 10) {
      if (v[7] != '-') return false;
      d = Digits(v, 8, 2);
      if (d < 1 || d > 31) return false;
      minutes = 24 * 60;
      *granularity = "day";
      if (v.size() >= 16) {
        const int h = Digits(v, 11, 2), mi = Digits(v, 14, 2);
        if (v[10] != 'T' || h < 0 || mi < 0) return false;
        minutes = h * 60 + mi;
        *granularity = "minute";
      } else if (v.size() != 10) {
        return false;
      }
    } else if (v.size() != 7) {
      return false;
    }
  } else {
    return false;
  }
  *key = ((static_cast<int64_t>(y) * 14 + m) * 33 + d) * 1500 + minutes;
  return true;
}

std::string Utf8(const std::u16string& s) {
  std::string out;
  icu::UnicodeString(s.data(), static_cast<int32_t>(s.size())).toUTF8String(out);
  return out;
}

void SortUnique(std::vector<int32_t>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

bool Compared(BlockKind kind) {
  return kind != BlockKind::kCaption && kind != BlockKind::kByline &&
         kind != BlockKind::kDateline && kind != BlockKind::kSection;
}

void Timeline(const summarize::Model& model, Result* result) {
  struct Event {
    int64_t order = 0;
    TimelineEvent event;
    std::vector<int32_t> groups;  // the sentence groups it covers
  };
  // The members of every sentence group of more than one sentence.
  std::unordered_map<int32_t, std::vector<int32_t>> members;
  for (size_t s = 0; s < result->sentences.size(); ++s) {
    const int32_t g = model.Group(static_cast<int32_t>(s));
    if (g != static_cast<int32_t>(s)) {
      std::vector<int32_t>& m = members[g];
      if (m.empty()) m.push_back(g);
      m.push_back(static_cast<int32_t>(s));
    }
  }
  std::vector<Event> events;
  std::map<std::pair<std::string, int32_t>, size_t> by_group;     // (value, group) -> event
  std::unordered_map<std::string, std::vector<size_t>> by_value;  // value -> events
  for (size_t i = 0; i < result->dates.size(); ++i) {
    const DateMention& date = result->dates[i];
    if (date.type == DateType::kDuration) continue;
    const Sentence& sentence = result->sentences[date.sentence];
    if (sentence.block != BlockKind::kParagraph) continue;
    int64_t order = 0;
    const char* granularity = "";
    if (!DateOrder(date.value, &order, &granularity)) continue;
    const auto key = std::make_pair(date.value, model.Group(date.sentence));
    auto found = by_group.find(key);
    size_t e = events.size();
    if (found != by_group.end()) {
      e = found->second;
    } else {
      // The same date in a similar sentence of another document: the same event.
      std::vector<size_t>& same = by_value[date.value];
      for (size_t k = 0; k < same.size() && e == events.size(); ++k) {
        const TimelineEvent& other = events[same[k]].event;
        if (other.documents.front() == sentence.document && other.documents.size() == 1) continue;
        const size_t n = std::min(other.sentences.size(), static_cast<size_t>(8));
        for (size_t j = 0; j < n; ++j) {
          const int32_t s = other.sentences[j];
          if (result->sentences[s].document != sentence.document &&
              model.Cosine(s, date.sentence) >= kSameEventCosine) {
            e = same[k];
            break;
          }
        }
      }
      by_group.emplace(key, e);
      if (e == events.size()) {
        if (same.size() < static_cast<size_t>(kMaxCompared)) same.push_back(e);
        Event created;
        created.order = order;
        TimelineEvent& t = created.event;
        t.value = date.value;
        t.granularity = granularity;
        t.date = static_cast<int32_t>(i);
        t.sentence = date.sentence;
        t.input = sentence.input;
        t.document = sentence.document;
        t.span = sentence.span;
        t.date_span = date.span;
        events.push_back(std::move(created));
      }
    }
    TimelineEvent& t = events[e].event;
    std::vector<int32_t>& groups = events[e].groups;
    const int32_t group = model.Group(date.sentence);
    if (std::find(groups.begin(), groups.end(), group) != groups.end()) continue;
    groups.push_back(group);
    // The sentences of its group report the event too, whether or not they repeat the date.
    auto m = members.find(group);
    const std::vector<int32_t> alone = {date.sentence};
    for (int32_t s : m != members.end() ? m->second : alone) {
      t.sentences.push_back(s);
      t.support.push_back(result->sentences[s].input);
      t.documents.push_back(result->sentences[s].document);
    }
    SortUnique(&t.sentences);
    SortUnique(&t.support);
    SortUnique(&t.documents);
  }
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    if (a.order != b.order) return a.order < b.order;
    if (a.event.input != b.event.input) return a.event.input < b.event.input;
    if (a.event.sentence != b.event.sentence) return a.event.sentence < b.event.sentence;
    return a.event.date < b.event.date;
  });
  // The dates of the event's other sentences (those that do not give its value).
  std::vector<int32_t> first_date(result->sentences.size() + 1, 0);
  for (const DateMention& d : result->dates) ++first_date[d.sentence + 1];
  for (size_t s = 0; s < result->sentences.size(); ++s) first_date[s + 1] += first_date[s];
  for (Event& e : events) {
    TimelineEvent& t = e.event;
    for (int32_t s : t.sentences) {
      bool gives = false;
      for (int32_t d = first_date[s]; d < first_date[s + 1]; ++d) {
        gives = gives || result->dates[d].value == t.value;
      }
      if (gives) continue;
      for (int32_t d = first_date[s]; d < first_date[s + 1]; ++d) {
        if (result->dates[d].type != DateType::kDuration) t.other_dates.push_back(d);
      }
    }
    result->story.timeline.push_back(std::move(t));
  }
}

void Figures(const summarize::Model& model, Result* result) {
  if (result->documents.size() < 2) return;
  // The entities each sentence cites or quotes.
  std::unordered_map<int32_t, std::vector<int32_t>> cited;
  for (const Source& source : result->sources) {
    for (const Citation& c : source.citations) cited[c.sentence].push_back(source.entity);
  }
  for (const Quote& q : result->quotes) {
    if (q.speaker >= 0) cited[q.sentence].push_back(q.speaker);
  }
  for (auto& [s, v] : cited) SortUnique(&v);

  std::unordered_map<std::u16string, size_t> bucket_of;
  std::vector<std::vector<int32_t>> buckets;  // number indices, text order
  for (size_t i = 0; i < result->numbers.size(); ++i) {
    const NumberMention& n = result->numbers[i];
    if (!Compared(result->sentences[n.sentence].block)) continue;
    std::u16string key;
    switch (n.kind) {
      case NumberKind::kCardinal: {
        if (n.unit.empty()) continue;
        // A dual (مرتين، صاروخين) is its own number.
        if (n.value == 2 && icu::UnicodeString::fromUTF8(n.unit).length() == n.span.length()) {
          continue;
        }
        key = u"cardinal:" + CountedKey(n.unit);
        break;
      }
      case NumberKind::kMoney:
        key = u"money:" +
              (n.currency.empty() ? CountedKey(n.unit) : normalize::KeyFromUtf8(n.currency));
        break;
      case NumberKind::kPercent:
        key = u"percent";
        break;
      case NumberKind::kMeasure:
        key = u"measure:" + CountedKey(n.unit);
        break;
      default:
        continue;
    }
    auto [it, added] = bucket_of.emplace(key, buckets.size());
    if (added) buckets.emplace_back();
    if (buckets[it->second].size() < static_cast<size_t>(kMaxFigureValues)) {
      buckets[it->second].push_back(static_cast<int32_t>(i));
    }
  }
  for (const std::vector<int32_t>& bucket : buckets) {
    const NumberMention& first = result->numbers[bucket.front()];
    // Components: everything for a counted noun; related sentences for the others.
    std::vector<int32_t> root(bucket.size(), 0);
    if (first.kind != NumberKind::kCardinal) {
      std::iota(root.begin(), root.end(), 0);
      auto find = [&](int32_t x) {
        while (root[x] != x) x = root[x] = root[root[x]];
        return x;
      };
      for (size_t a = 0; a < bucket.size(); ++a) {
        for (size_t b = a + 1; b < bucket.size(); ++b) {
          const int32_t sa = result->numbers[bucket[a]].sentence;
          const int32_t sb = result->numbers[bucket[b]].sentence;
          if (sa == sb || model.Group(sa) == model.Group(sb) ||
              model.Cosine(sa, sb) >= kRelatedCosine) {
            const int32_t ra = find(static_cast<int32_t>(a)), rb = find(static_cast<int32_t>(b));
            root[std::max(ra, rb)] = std::min(ra, rb);
          }
        }
      }
      for (size_t a = 0; a < bucket.size(); ++a) root[a] = find(static_cast<int32_t>(a));
    }
    for (size_t c = 0; c < bucket.size(); ++c) {
      if (root[c] != static_cast<int32_t>(c)) continue;  // not a component's first value
      Figure figure;
      const NumberMention& lead = result->numbers[bucket[c]];
      figure.kind = lead.kind;
      figure.unit = lead.unit;
      figure.currency = lead.currency;
      std::vector<int32_t> docs;
      for (size_t k = c; k < bucket.size(); ++k) {
        if (root[k] != static_cast<int32_t>(c)) continue;
        const NumberMention& n = result->numbers[bucket[k]];
        const Sentence& sentence = result->sentences[n.sentence];
        FigureValue v;
        v.number = bucket[k];
        v.input = n.input;
        v.document = sentence.document;
        v.sentence = n.sentence;
        v.span = n.span;
        v.value = n.value;
        v.qualifier = n.qualifier;
        auto it = cited.find(n.sentence);
        if (it != cited.end()) v.sources = it->second;
        docs.push_back(v.document);
        figure.values.push_back(std::move(v));
      }
      SortUnique(&docs);
      if (docs.size() < 2) continue;
      std::stable_sort(
          figure.values.begin(), figure.values.end(),
          [](const FigureValue& a, const FigureValue& b) { return a.document < b.document; });
      figure.agree =
          std::all_of(figure.values.begin(), figure.values.end(),
                      [&](const FigureValue& v) { return v.value == figure.values.front().value; });
      if (figure.agree) {
        // The same value: worth showing only when documents credit different sources.
        std::vector<std::vector<int32_t>> per_doc;
        for (int32_t d : docs) {
          std::vector<int32_t> s;
          for (const FigureValue& v : figure.values) {
            if (v.document == d) s.insert(s.end(), v.sources.begin(), v.sources.end());
          }
          SortUnique(&s);
          if (!s.empty()) per_doc.push_back(std::move(s));
        }
        bool differ = false;
        for (size_t k = 1; k < per_doc.size(); ++k) differ = differ || per_doc[k] != per_doc[0];
        if (!differ) continue;
      }
      const std::u16string key = CountedKey(lead.unit);
      figure.key = lead.kind == NumberKind::kPercent                           ? "%"
                   : lead.kind == NumberKind::kMoney && !lead.currency.empty() ? lead.currency
                                                                               : Utf8(key);
      result->story.figures.push_back(std::move(figure));
    }
  }
  std::sort(result->story.figures.begin(), result->story.figures.end(),
            [](const Figure& a, const Figure& b) {
              return a.values.front().number < b.values.front().number;
            });
}

}  // namespace

std::u16string CountedKey(const std::string& unit) {
  std::u16string key = normalize::KeyFromUtf8(unit);
  if (key.size() >= 5 && key.compare(0, 2, u"ال") == 0) key.erase(0, 2);
  for (const auto& [plural, singular] : kPlurals) {
    if (key == plural) return singular;
  }
  // The accusative's alef (صاروخاً), then the sound feminine plural (حاويات → حاويه).
  if (key.size() >= 5 && key.back() == u'ا' && key[key.size() - 2] != u'ا') key.pop_back();
  if (key.size() >= 5 && key.compare(key.size() - 2, 2, u"ات") == 0) {
    key.replace(key.size() - 2, 2, u"ه");
  }
  return key;
}

void Build(const summarize::Model& model, Result* result) {
  Timeline(model, result);
  Figures(model, result);
}

}  // namespace basira::story
