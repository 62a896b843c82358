#include "facts/facts.h"

#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "normalize/normalize.h"
#include "table/table.h"

// Defined by the generated sources (data/facts/words.txt, data/lexicon/icu_currencies.txt,
// data/facts/umalqura.txt).
extern "C" const unsigned char basira_facts_words[];
extern "C" const size_t basira_facts_words_size;
extern "C" const unsigned char basira_lexicon_icu_currencies[];
extern "C" const size_t basira_lexicon_icu_currencies_size;
extern "C" const unsigned char basira_facts_umalqura[];
extern "C" const size_t basira_facts_umalqura_size;

namespace basira::facts {
namespace {

enum Class : uint8_t {
  kUnit,
  kTen,
  kTeen,
  kHundred,
  kScale,
  kVague,
  kFraction,
  kOrdinal,
  kDual,
  kTimeUnit,
  kWeekday,
  kMonth,
  kHMonth,
  kRelDay,
  kPeriod,
  kModifier,
  kThis,
  kDayPart,
  kHourCue,
  kYearCue,
  kSince,
  kHijri,
  kGregorian,
  kMonthCue,
  kPercent,
  kQualifier,
  kMeasure,
  kCurrency,
  kIdCue,
  kDateCue,
  kClassCount,
};
constexpr const char* kClassNames[] = {
    "unit",    "ten",       "teen",    "hundred",  "scale",  "vague",  "fraction",  "ordinal",
    "dual",    "timeunit",  "weekday", "month",    "hmonth", "relday", "period",    "modifier",
    "this",    "daypart",   "hourcue", "yearcue",  "since",  "hijri",  "gregorian", "monthcue",
    "percent", "qualifier", "measure", "currency", "idcue",  "datecue"};
static_assert(sizeof(kClassNames) / sizeof(kClassNames[0]) == kClassCount);

enum Flag : uint8_t { kNeedsArticle = 1, kNoArticle = 2, kDualForm = 4, kPluralForm = 8 };

struct Entry {
  Class cls = kUnit;
  double value = 0;
  uint8_t flags = 0;
  std::string code;  // currency ISO code
};

// Time units (data/facts/words.txt timeunit values).
enum Unit { kSecond = 1, kMinute, kHour, kDay, kWeek, kMonthUnit, kYear, kDecade, kCentury };

bool IsSpace(char16_t c) { return c == u' ' || c == u'\t' || c == 0x00A0 || c == 0x3000; }

std::vector<std::u16string_view> Words(std::u16string_view s) {
  std::vector<std::u16string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !IsSpace(s[j])) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// --- calendar arithmetic (proleptic Gregorian, days since 1970-01-01) ---------------------------

int64_t DaysFromCivil(int y, int m, int d) {
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

int WeekdayOf(int64_t days) { return static_cast<int>(((days + 4) % 7 + 7) % 7); }  // 0 Sunday

bool ValidDate(int y, int m, int d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1000 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= (m == 2 && !leap ? 28 : kDays[m - 1]);
}

std::string Iso(int y, int m = 0, int d = 0) {
  char out[32];
  const char* fmt = d > 0 ? "%04d-%02d-%02d" : m > 0 ? "%04d-%02d" : "%04d";
  if (y <= 0) fmt = d > 0 ? "XXXX-%02d-%02d" : "XXXX-%02d";
  if (y <= 0) {
    std::snprintf(out, sizeof out, fmt, m, d);
  } else {
    std::snprintf(out, sizeof out, fmt, y, m, d);
  }
  return out;
}

std::string IsoWeek(int64_t days) {
  const int monday_based = (WeekdayOf(days) + 6) % 7;
  const int64_t thursday = days - monday_based + 3;
  int y, m, d;
  CivilFromDays(thursday, &y, &m, &d);
  const int week = static_cast<int>((thursday - DaysFromCivil(y, 1, 1)) / 7 + 1);
  char out[16];
  std::snprintf(out, sizeof out, "%04d-W%02d", y, week);
  return out;
}

std::string Clock(int h, int m) {
  char out[16];
  std::snprintf(out, sizeof out, "%02d:%02d", h, m);
  return out;
}

// --- key tokens --------------------------------------------------------------------------------

enum TokKind : uint8_t { kWord, kDigits, kPunct };

struct Variant {
  int16_t start;  // key units from the token start where the mention starts (after proclitics)
  int16_t rest;   // where the looked-up word starts (after the article)
  bool article;
};

struct Hit {
  int32_t entry;
  int16_t words;  // tokens the phrase covers
  int16_t start;  // Variant::start
  bool article;
};

struct Tok {
  int32_t b = 0, e = 0;
  TokKind kind = kWord;
  char16_t c = 0;  // the character of a punctuation token
  int32_t hits_begin = 0, hits_end = 0;
};

}  // namespace

struct Extractor::Lexicon {
  std::vector<Entry> entries;
  table::KeyMap<std::vector<int32_t>> phrases;  // key words -> entries
  table::KeyMap<int> heads;                     // first word -> most words of a phrase
  int max_words = 1;
  // A cheap filter before hashing: the signatures (length, first and last unit) of head words.
  std::vector<bool> head_signatures = std::vector<bool>(1 << 16);
  static size_t Signature(std::u16string_view w) {
    return (w.size() * 7919 + w.front() * 131 + w.back()) & 0xFFFF;
  }
  bool MayBeHead(std::u16string_view w) const {
    return !w.empty() && head_signatures[Signature(w)];
  }
  // ICU's islamic-umalqura calendar (data/facts/umalqura.txt): per Hijri year from
  // kFirstHijriYear, the day (since 1970-01-01) of 1 Muharram and the 30-day months (bit m).
  static constexpr int kFirstHijriYear = 1300;
  std::vector<std::pair<int64_t, uint16_t>> umalqura;

  // Hijri (Umm al-Qura) to Gregorian; false when the date does not exist or lies outside the
  // years ICU's Umm al-Qura data covers (1300..1600 AH).
  bool HijriToGregorian(int hy, int hm, int hd, int* y, int* m, int* d) const {
    const int index = hy - kFirstHijriYear;
    if (index < 0 || index >= static_cast<int>(umalqura.size()) || hm < 1 || hm > 12 || hd < 1) {
      return false;
    }
    const auto [first, thirty] = umalqura[index];
    int64_t days = first;
    for (int month = 0; month + 1 < hm; ++month) days += (thirty >> month & 1) ? 30 : 29;
    if (hd > ((thirty >> (hm - 1) & 1) ? 30 : 29)) return false;
    CivilFromDays(days + hd - 1, y, m, d);
    return true;
  }

  void Add(std::u16string key, const Entry& e) {
    const std::vector<std::u16string_view> w = Words(key);
    if (w.empty()) return;
    std::u16string joined;
    for (size_t i = 0; i < w.size(); ++i) {
      if (i > 0) joined += u' ';
      joined += w[i];
    }
    const auto id = static_cast<int32_t>(entries.size());
    entries.push_back(e);
    phrases[joined].push_back(id);
    int& most = heads[w[0]];
    most = std::max(most, static_cast<int>(w.size()));
    head_signatures[Signature(w[0])] = true;
    max_words = std::max(max_words, static_cast<int>(w.size()));
  }
};

namespace {

std::vector<std::string_view> Lines(std::string_view data) {
  std::vector<std::string_view> out;
  while (!data.empty()) {
    const size_t nl = data.find('\n');
    std::string_view line = data.substr(0, nl);
    data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    out.push_back(line);
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitOn(std::string_view s, std::string_view sep) {
  std::vector<std::string_view> out;
  while (true) {
    const size_t at = s.find(sep);
    out.push_back(Trim(s.substr(0, at)));
    if (at == std::string_view::npos) break;
    s = s.substr(at + sep.size());
  }
  return out;
}

// The scanner of one sentence key: tokens, their lexicon hits, then one left-to-right pass.
class Scanner {
 public:
  Scanner(const Extractor::Lexicon& lex, const std::u16string& key, const Dateline* anchor)
      : lex_(lex), key_(key), anchor_(anchor) {
    if (anchor_ != nullptr && anchor_->year > 0) {
      anchor_days_ = DaysFromCivil(anchor_->year, anchor_->month, anchor_->day);
      anchor_value_ = Iso(anchor_->year, anchor_->month, anchor_->day);
      if (anchor_->hour >= 0) anchor_value_ += "T" + Clock(anchor_->hour, anchor_->minute);
    } else {
      anchor_ = nullptr;
    }
    Tokenize();
  }

  void Run(std::vector<Found>* out) {
    out_ = out;
    const int n = static_cast<int>(toks_.size());
    for (int i = 0; i < n;) {
      // Every pattern starts with digits or a word of data/facts/words.txt.
      if (toks_[i].kind != kDigits && toks_[i].hits_begin == toks_[i].hits_end) {
        ++i;
        continue;
      }
      int end = TryDate(i);
      if (end > i) {
        i = end;
        continue;
      }
      end = TryNumber(i);
      i = end > i ? end : i + 1;
    }
  }

 private:
  // --- tokens and hits ---

  void Tokenize() {
    const auto n = static_cast<int32_t>(key_.size());
    for (int32_t i = 0; i < n;) {
      const char16_t c = key_[i];
      if (IsSpace(c)) {
        ++i;
        continue;
      }
      Tok t;
      t.b = i;
      if (c >= u'0' && c <= u'9') {
        t.kind = kDigits;
        while (i < n && key_[i] >= u'0' && key_[i] <= u'9') ++i;
      } else if (IsLetter(c)) {
        t.kind = kWord;
        while (i < n && IsLetter(key_[i])) ++i;
      } else {
        t.kind = kPunct;
        t.c = c;
        i += U16_IS_LEAD(c) && i + 1 < n ? 2 : 1;
      }
      t.e = i;
      toks_.push_back(t);
    }
    for (size_t k = 0; k < toks_.size(); ++k) {
      toks_[k].hits_begin = static_cast<int32_t>(hits_.size());
      if (toks_[k].kind == kWord || IsSymbolWord(toks_[k])) LookUp(static_cast<int>(k));
      toks_[k].hits_end = static_cast<int32_t>(hits_.size());
    }
  }

  static bool IsLetter(char16_t c) {
    if (c < 0x80) return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
    if (c >= 0x0621 && c <= 0x064A) return true;  // the Arabic letters of match keys
    return u_isalpha(c) || u_charType(c) == U_NON_SPACING_MARK;
  }
  // $ € £ are looked up as words (currencies).
  static bool IsSymbolWord(const Tok& t) {
    return t.kind == kPunct && (t.c == u'$' || t.c == 0x20AC || t.c == 0x00A3);
  }

  std::u16string_view Text(int k) const {
    return std::u16string_view(key_).substr(toks_[k].b, toks_[k].e - toks_[k].b);
  }

  // Adds the hits of every phrase starting at token k, for every way of reading its proclitics.
  void LookUp(int k) {
    const std::u16string_view w = Text(k);
    Variant variants[8];
    int count = 0;
    auto add = [&](int start, int rest, bool article) {
      if (rest > 0 && static_cast<int>(w.size()) - rest < 2) return;
      if (count < 8)
        variants[count++] =
            Variant{static_cast<int16_t>(start), static_cast<int16_t>(rest), article};
    };
    add(0, 0, false);
    if (w.size() >= 3 && w[0] == u'ا' && w[1] == u'ل') add(0, 2, true);
    const int n = static_cast<int>(w.size());
    for (int p1 = 0; p1 <= 1; ++p1) {
      if (p1 == 1 && !(n > 2 && (w[0] == u'و' || w[0] == u'ف'))) continue;
      for (int p2 = 0; p2 <= 1; ++p2) {
        if (p2 == 1 && !(n > p1 + 2 && (w[p1] == u'ب' || w[p1] == u'ل' || w[p1] == u'ك'))) {
          continue;
        }
        const int pos = p1 + p2;
        if (pos == 0) continue;
        if (p2 == 0 || w[p1] == u'ب') add(pos, pos, false);
        if (pos + 2 < n && w[pos] == u'ا' && w[pos + 1] == u'ل') add(pos, pos + 2, true);
        if (p2 == 1 && w[p1] == u'ل' && pos + 1 < n && w[pos] == u'ل') add(pos, pos + 1, true);
      }
    }
    const int n_toks = static_cast<int>(toks_.size());
    std::u16string& phrase = phrase_;
    for (int v = 0; v < count; ++v) {
      const std::u16string_view rest = w.substr(variants[v].rest);
      if (!lex_.MayBeHead(rest)) continue;
      const int* head = lex_.heads.Find(rest);
      if (head == nullptr) continue;
      const int most = *head;
      phrase.assign(rest);
      for (int words = 1; words <= most && k + words - 1 < n_toks; ++words) {
        if (words > 1) {
          const Tok& t = toks_[k + words - 1];
          if (t.kind != kWord) break;
          phrase += u' ';
          phrase.append(Text(k + words - 1));
        }
        const std::vector<int32_t>* ids = lex_.phrases.Find(phrase);
        if (ids == nullptr) continue;
        for (int32_t id : *ids) {
          const Entry& e = lex_.entries[id];
          if ((e.flags & kNeedsArticle) && !variants[v].article) continue;
          if ((e.flags & kNoArticle) && variants[v].article) continue;
          hits_.push_back(
              Hit{id, static_cast<int16_t>(words), variants[v].start, variants[v].article});
        }
      }
    }
  }

  // The longest hit of class `cls` at token k (nullptr if none); `conj` asks for the hits whose
  // word starts with the conjunction و and nothing else, `plain` for hits without proclitics.
  enum Prefix { kAny, kPlain, kConj };
  const Hit* Find(int k, Class cls, Prefix prefix = kAny) const {
    if (k < 0 || k >= static_cast<int>(toks_.size())) return nullptr;
    const Hit* best = nullptr;
    for (int32_t h = toks_[k].hits_begin; h < toks_[k].hits_end; ++h) {
      const Hit& hit = hits_[h];
      if (lex_.entries[hit.entry].cls != cls) continue;
      if (prefix == kPlain && hit.start != 0) continue;
      if (prefix == kConj && !(hit.start == 1 && key_[toks_[k].b] == u'و')) continue;
      if (best == nullptr || hit.words > best->words ||
          (hit.words == best->words && hit.start < best->start)) {
        best = &hit;
      }
    }
    return best;
  }
  const Entry& E(const Hit* h) const { return lex_.entries[h->entry]; }

  bool Is(int k, TokKind kind) const {
    return k >= 0 && k < static_cast<int>(toks_.size()) && toks_[k].kind == kind;
  }
  bool IsPunct(int k, char16_t c) const { return Is(k, kPunct) && toks_[k].c == c; }
  bool Adjacent(int a, int b) const { return toks_[a].e == toks_[b].b; }
  bool IsWordText(int k, std::u16string_view w) const { return Is(k, kWord) && Text(k) == w; }
  int Digits(int k) const { return toks_[k].e - toks_[k].b; }
  int64_t IntValue(int k) const {
    int64_t v = 0;
    for (int32_t i = toks_[k].b; i < toks_[k].e && i - toks_[k].b < 18; ++i) {
      v = v * 10 + (key_[i] - u'0');
    }
    return v;
  }
  int32_t Start(int k, const Hit* h) const { return toks_[k].b + (h != nullptr ? h->start : 0); }

  // --- dates ---

  Found MakeDate(int32_t begin, int32_t end, DateType type) const {
    Found f;
    f.is_date = true;
    f.begin = begin;
    f.end = end;
    f.date.type = type;
    return f;
  }

  void SetRelative(Found* f, const std::string& relation) const {
    f->date.relative = true;
    f->date.relation = relation;
    if (anchor_ != nullptr && !f->date.value.empty()) f->date.anchor = anchor_value_;
  }

  // A year token: 1-4 digits (`hijri` years) or 4 digits, with optional parentheses around it;
  // returns the token after it (and after a calendar mark), or -1.
  int Year(int k, bool allow_short, int* year, bool* hijri, bool* mark) const {
    *hijri = false;
    *mark = false;
    int j = k;
    const bool paren = IsPunct(j, u'(');
    if (paren) ++j;
    if (!Is(j, kDigits)) return -1;
    const int digits = Digits(j);
    *year = static_cast<int>(IntValue(j));
    ++j;
    if (paren) {
      if (!IsPunct(j, u')')) return -1;
      ++j;
    }
    if (const Hit* h = Find(j, kHijri)) {
      *hijri = true;
      *mark = true;
      j += h->words;
    } else if (const Hit* g = Find(j, kGregorian, kPlain)) {
      *mark = true;
      j += g->words;
    }
    if (digits > 4 || digits < (*hijri ? 1 : allow_short ? 3 : 4)) return -1;
    if (!*hijri && (*year < 1000 || *year > 2200)) return -1;
    return j;
  }

  // A month name at k (with its paired form: أيلول/ سبتمبر, سبتمبر (أيلول)); returns the token
  // after it or -1.
  int MonthName(int k, int* month, bool* hijri) const {
    const Hit* h = Find(k, kMonth);
    const Hit* hh = Find(k, kHMonth);
    if (h == nullptr && hh == nullptr) return -1;
    *hijri = h == nullptr;
    const Hit* use = h != nullptr ? h : hh;
    *month = static_cast<int>(E(use).value);
    int j = k + use->words;
    if (*hijri) return j;
    // The paired form.
    int p = j;
    const bool paren = IsPunct(p, u'(');
    if (IsPunct(p, u'/') || IsPunct(p, u'-') || paren) ++p;
    if (const Hit* second = Find(p, kMonth, kPlain)) {
      if (static_cast<int>(E(second).value) == *month) {
        p += second->words;
        if (paren) {
          if (IsPunct(p, u')')) return p + 1;
        } else {
          return p;
        }
      }
    }
    return j;
  }

  // A time at k: [الساعة] H:MM | الساعة H | الساعة <ordinal>, then [والنصف] [daypart]. Returns the
  // token after it or -1.
  int Time(int k, int* hour, int* minute) const {
    int j = k;
    const Hit* cue = Find(j, kHourCue);
    if (cue != nullptr) j += cue->words;
    int h = -1, m = 0;
    if (Is(j, kDigits) && Digits(j) <= 2 && IsPunct(j + 1, u':') && Is(j + 2, kDigits) &&
        Digits(j + 2) == 2 && Adjacent(j, j + 1) && Adjacent(j + 1, j + 2)) {
      h = static_cast<int>(IntValue(j));
      m = static_cast<int>(IntValue(j + 2));
      j += 3;
    } else if (Is(j, kDigits) && Digits(j) <= 2 &&
               (cue != nullptr || ClockPart(j + 1) != nullptr)) {
      // الساعة 10، or an hour with a spelled-out part of the day: 10 مساءً (never 10 م, meters).
      h = static_cast<int>(IntValue(j));
      j += 1;
    } else if (cue != nullptr) {
      const Hit* o = Find(j, kOrdinal, kPlain);
      if (o == nullptr || !o->article) return -1;
      h = static_cast<int>(E(o).value);
      j += o->words;
      if (const Hit* f = Find(j, kFraction, kConj)) {
        m = E(f).value == 0.5 ? 30 : 15;
        j += f->words;
      }
    } else {
      return -1;
    }
    if (h > 24 || m > 59) return -1;
    if (const Hit* part = Find(j, kDayPart, kPlain)) {
      const int p = static_cast<int>(E(part).value);
      if (p == 2 && h < 12) h += 12;
      if (p == 1 && h == 12) h = 0;
      if (p == 3 && h >= 6 && h < 12) h += 12;
      j += part->words;
    }
    if (h == 24) h = 0;
    *hour = h;
    *minute = m;
    return j;
  }

  // A part of the day written out after an hour (مساءً، صباحاً، ليلاً), not the letters م/ص.
  const Hit* ClockPart(int k) const {
    const Hit* part = Find(k, kDayPart, kPlain);
    return part != nullptr && toks_[k].e - toks_[k].b > 1 && !part->article ? part : nullptr;
  }

  // After a day-granular date ending at token j: an optional time ("، الساعة 11:38 مساءً",
  // "/ 12:38", "- ٩:٠٥ صباحاً"). Merges it into `f` and returns the new end token.
  int MaybeTime(int j, Found* f) const {
    int k = j;
    if (IsPunct(k, u'/') || IsPunct(k, u'-') || IsPunct(k, 0x060C) || IsPunct(k, u',') ||
        IsPunct(k, u'|') || IsPunct(k, 0x2013)) {
      ++k;
    }
    if (IsWordText(k, u"في")) ++k;
    int h, m;
    const int end = Time(k, &h, &m);
    if (end < 0) return j;
    f->hour = h;
    f->minute = m;
    f->date.type = DateType::kTime;
    if (!f->date.value.empty()) f->date.value += "T" + Clock(h, m);
    f->end = toks_[end - 1].e;
    return end;
  }

  void Emit(Found f) { out_->push_back(std::move(f)); }

  // Sets an absolute or year-less day date.
  void SetDay(Found* f, int y, int m, int d, bool year_known) const {
    f->month = m;
    f->day = d;
    if (year_known) {
      f->year = y;
      f->date.value = Iso(y, m, d);
    } else if (anchor_ != nullptr) {
      f->year = anchor_->year;
      f->date.value = Iso(anchor_->year, m, d);
      SetRelative(f, "year+0");
    } else {
      f->date.value = Iso(0, m, d);
      SetRelative(f, "year+0");
    }
  }

  // Tries every date, time and duration pattern at token i; returns the token after the match,
  // or i when none matched.
  int TryDate(int i) {
    int end;
    if ((end = NumericDate(i)) > i) return end;
    if ((end = DayMonth(i)) > i) return end;
    if ((end = MonthYear(i)) > i) return end;
    if ((end = Weekday(i)) > i) return end;
    if ((end = Relative(i)) > i) return end;
    if ((end = YearWithCue(i)) > i) return end;
    if ((end = Since(i)) > i) return end;
    if ((end = TimeAlone(i)) > i) return end;
    if ((end = BareYear(i)) > i) return end;
    return i;
  }

  // A date cue before the date at tokens [i, end) is part of its span, with the parentheses
  // around the date after it: "يوم 30 مارس"، "بتاريخ ( 26 / 4 / 1948 )" (the span starts after
  // the proclitic: تاريخ). Returns the new end token.
  int Wrap(int i, int end, Found* f) const {
    int c = i - 1;
    const bool paren = IsPunct(c, u'(');
    if (paren) --c;
    if (IsPunct(c, u':')) --c;
    const Hit* cue = Find(c, kDateCue);
    if (cue == nullptr || c + cue->words > i) return end;
    f->begin = Start(c, cue);
    if (paren && IsPunct(end, u')')) {
      f->end = toks_[end].e;
      return end + 1;
    }
    return end;
  }

  // 13/9/2023, 2023-09-13, ١/١/٢٠١٨, 13.09.2023 (spaces allowed around '/').
  int NumericDate(int i) {
    if (!Is(i, kDigits) || !Is(i + 1, kPunct) || !Is(i + 2, kDigits) || !Is(i + 3, kPunct) ||
        !Is(i + 4, kDigits)) {
      return i;
    }
    const char16_t sep = toks_[i + 1].c;
    if (!(sep == u'/' || sep == u'-' || sep == u'.') || toks_[i + 3].c != sep) return i;
    if (sep != u'/' && !(Adjacent(i, i + 1) && Adjacent(i + 1, i + 2) && Adjacent(i + 2, i + 3) &&
                         Adjacent(i + 3, i + 4))) {
      return i;
    }
    const int a = static_cast<int>(IntValue(i)), b = static_cast<int>(IntValue(i + 2)),
              c = static_cast<int>(IntValue(i + 4));
    int y, m, d;
    if (Digits(i) == 4 && Digits(i + 2) <= 2 && Digits(i + 4) <= 2) {
      y = a, m = b, d = c;
    } else if (Digits(i + 4) == 4 && Digits(i) <= 2 && Digits(i + 2) <= 2) {
      y = c, m = b, d = a;
    } else {
      return i;
    }
    if (!ValidDate(y, m, d)) return i;
    Found f = MakeDate(toks_[i].b, toks_[i + 4].e, DateType::kDate);
    f.year = y;
    int end = Wrap(i, i + 5, &f);
    SetDay(&f, y, m, d, true);
    end = MaybeTime(end, &f);
    Emit(std::move(f));
    return end;
  }

  // D month [/month] [year [marks]] [time].
  int DayMonth(int i) {
    if (!Is(i, kDigits) || Digits(i) > 2) return i;
    const int d = static_cast<int>(IntValue(i));
    int month;
    bool hijri;
    const int after_month = MonthName(i + 1, &month, &hijri);
    if (after_month < 0 || d < 1 || d > 31) return i;
    int year = 0;
    bool year_hijri = false, mark = false;
    int end = Year(after_month, hijri, &year, &year_hijri, &mark);
    const bool has_year = end > 0;
    if (!has_year) end = after_month;
    Found f = MakeDate(toks_[i].b, toks_[end - 1].e, DateType::kDate);
    end = Wrap(i, end, &f);
    if (hijri || year_hijri) {
      f.date.hijri = true;
      if (!has_year) {
        f.date.hijri_value = Iso(0, month, d);
        Emit(std::move(f));
        return end;
      }
      f.date.hijri_value = Iso(year, month, d);
      int gy, gm, gd;
      if (!hijri || !lex_.HijriToGregorian(year, month, d, &gy, &gm, &gd)) return i;
      SetDay(&f, gy, gm, gd, true);
      f.year = gy;
    } else {
      if (has_year && !ValidDate(year, month, d)) return i;
      if (!has_year && !ValidDate(2000, month, d)) return i;
      SetDay(&f, year, month, d, has_year);
      // "10 شباط الماضي": the last such day before the article's date (or the next one).
      if (!has_year) {
        if (const Hit* mod = Find(end, kModifier, kPlain); mod != nullptr && E(mod).value != 0) {
          const int dir = static_cast<int>(E(mod).value);
          end += mod->words;
          f.end = toks_[end - 1].e;
          f.date.relation = dir < 0 ? "year-last" : "year-next";
          if (anchor_ != nullptr) {
            int y = anchor_->year;
            const int64_t days = DaysFromCivil(y, month, d);
            if (dir < 0 && days >= anchor_days_) --y;
            if (dir > 0 && days <= anchor_days_) ++y;
            if (!ValidDate(y, month, d)) return i;
            f.year = y;
            f.date.value = Iso(y, month, d);
          }
        }
      }
    }
    end = MaybeTime(end, &f);
    Emit(std::move(f));
    return end;
  }

  // month [/month] year | month الماضي/المقبل | a month alone after a cue (في سبتمبر).
  int MonthYear(int i) {
    int month;
    bool hijri;
    const int after = MonthName(i, &month, &hijri);
    if (after < 0) return i;
    const Hit* name = hijri ? Find(i, kHMonth) : Find(i, kMonth);
    const int32_t begin = Start(i, name);
    // A month name before the same date in digits: نيسان ( 26 / 4 / 1947 ).
    if (!hijri && IsPunct(after, u'(')) {
      const size_t before = out_->size();
      const int e = NumericDate(after + 1);
      if (e > after + 1 && out_->size() > before) {
        if (out_->back().month == month && IsPunct(e, u')') &&
            out_->back().date.type == DateType::kDate) {
          out_->back().begin = begin;
          out_->back().end = toks_[e].e;
          return e + 1;
        }
        out_->pop_back();
      }
    }
    int year = 0;
    bool year_hijri = false, mark = false;
    const int end = Year(after, hijri, &year, &year_hijri, &mark);
    if (end > 0) {
      Found f = MakeDate(begin, toks_[end - 1].e, DateType::kDate);
      f.month = month;
      if (hijri || year_hijri) {
        if (!hijri) return i;
        f.date.hijri = true;
        f.date.hijri_value = Iso(year, month);
        int gy, gm, gd;
        if (!lex_.HijriToGregorian(year, month, 1, &gy, &gm, &gd)) return i;
        f.year = gy;
        f.month = gm;
        f.date.value = Iso(gy, gm);
      } else {
        f.year = year;
        f.date.value = Iso(year, month);
      }
      Emit(std::move(f));
      return end;
    }
    if (hijri) return i;
    if (const Hit* mod = Find(after, kModifier, kPlain)) {
      const int dir = static_cast<int>(E(mod).value);
      Found f = MakeDate(begin, toks_[after + mod->words - 1].e, DateType::kDate);
      f.month = month;
      if (anchor_ != nullptr) {
        int y = anchor_->year;
        if (dir < 0 && month >= anchor_->month) --y;
        if (dir > 0 && month <= anchor_->month) ++y;
        f.year = y;
        f.date.value = Iso(y, month);
      }
      SetRelative(&f, "month:" + std::to_string(month) +
                          (dir < 0   ? "-last"
                           : dir > 0 ? "-next"
                                     : "-this"));
      Emit(std::move(f));
      return after + mod->words;
    }
    // A month alone: only after a cue (في، منذ، خلال، شهر ...), and never آب (also "father").
    if (month == 8 && Text(i).size() <= 3) return i;
    if (Find(i - 1, kMonthCue) == nullptr) return i;
    Found f = MakeDate(begin, toks_[after - 1].e, DateType::kDate);
    f.month = month;
    if (anchor_ != nullptr) {
      f.year = anchor_->year;
      f.date.value = Iso(anchor_->year, month);
    } else {
      f.date.value = Iso(0, month).substr(0, 7);
    }
    SetRelative(&f, "year+0");
    Emit(std::move(f));
    return after;
  }

  // [يوم] weekday [،] [date] | weekday الماضي/المقبل | weekday alone; [time].
  int Weekday(int i) {
    int k = i;
    int32_t begin = -1;
    if (IsWordText(k, u"يوم") || Find(k, kDayPart, kAny) != nullptr) {
      if (Find(k + 1, kWeekday) != nullptr) {
        begin = toks_[k].b;
        ++k;
      }
    }
    const Hit* wd = Find(k, kWeekday);
    if (wd == nullptr) return i;
    if (begin < 0) begin = Start(k, wd);
    const int weekday = static_cast<int>(E(wd).value);
    int j = k + wd->words;
    // An explicit date after it wins (the weekday is part of the date's span).
    int p = j;
    if (IsPunct(p, 0x060C) || IsPunct(p, u',')) ++p;
    if (IsWordText(p, u"الموافق")) ++p;
    if (IsPunct(p, u'(')) ++p;
    const size_t before = out_->size();
    int end = NumericDate(p);
    if (end == p) end = DayMonth(p);
    if (end > p && out_->size() > before) {
      Found& f = out_->back();
      f.begin = begin;
      if (IsPunct(end, u')') && IsPunct(p - 1, u'(')) {
        f.end = toks_[end].e;
        ++end;
      }
      return end;
    }
    Found f = MakeDate(begin, toks_[j - 1].e, DateType::kDate);
    static const char* kDays[] = {"sunday",   "monday", "tuesday", "wednesday",
                                  "thursday", "friday", "saturday"};
    std::string relation = kDays[weekday];
    int dir = 0;
    if (const Hit* mod = Find(j, kModifier, kPlain)) {
      dir = static_cast<int>(E(mod).value);
      f.end = toks_[j + mod->words - 1].e;
      j += mod->words;
      relation += dir < 0 ? "-last" : dir > 0 ? "-next" : "";
    }
    if (anchor_ != nullptr) {
      const int aw = WeekdayOf(anchor_days_);
      int64_t days;
      if (dir > 0) {
        int delta = (weekday - aw + 7) % 7;
        if (delta == 0) delta = 7;
        days = anchor_days_ + delta;
      } else {
        int delta = (aw - weekday + 7) % 7;
        if (dir < 0 && delta == 0) delta = 7;
        days = anchor_days_ - delta;
      }
      int y, m, d;
      CivilFromDays(days, &y, &m, &d);
      f.year = y, f.month = m, f.day = d;
      f.date.value = Iso(y, m, d);
    }
    SetRelative(&f, relation);
    j = MaybeTime(j, &f);
    Emit(std::move(f));
    return j;
  }

  // اليوم، أمس، غداً، أول أمس، (صباح) أمس; الأسبوع/الشهر/العام الماضي; هذا العام.
  int Relative(int i) {
    int k = i;
    int32_t begin = -1;
    const Hit* part = Find(k, kDayPart);
    if (part != nullptr && Find(k + part->words, kRelDay) != nullptr) {
      begin = Start(k, part);
      k += part->words;
    }
    if (const Hit* rd = Find(k, kRelDay)) {
      if (begin < 0) begin = Start(k, rd);
      const int delta = static_cast<int>(E(rd).value);
      int j = k + rd->words;
      // اليوم التالي، اليوم الأول: "the day", not today (اليوم الأربعاء is).
      if (delta == 0 && Is(j, kWord) && Text(j).size() > 3 && Text(j)[0] == u'ا' &&
          Text(j)[1] == u'ل' && Find(j, kWeekday) == nullptr) {
        return i;
      }
      Found f = MakeDate(begin, toks_[j - 1].e, DateType::kDate);
      if (anchor_ != nullptr) {
        int y, m, d;
        CivilFromDays(anchor_days_ + delta, &y, &m, &d);
        f.year = y, f.month = m, f.day = d;
        f.date.value = Iso(y, m, d);
      }
      SetRelative(&f, std::string("day") + (delta < 0 ? "" : "+") + std::to_string(delta));
      j = MaybeTime(j, &f);
      Emit(std::move(f));
      return j;
    }
    if (begin >= 0) return i;
    // هذا العام / هذه السنة
    const Hit* this_word = Find(k, kThis);
    const int pk = this_word != nullptr ? k + 1 : k;
    const Hit* period = Find(pk, kPeriod);
    if (period == nullptr || !period->article) return i;
    int dir = 0, j = pk + period->words;
    if (this_word == nullptr) {
      const Hit* mod = Find(j, kModifier, kPlain);
      if (mod == nullptr) return i;
      dir = static_cast<int>(E(mod).value);
      j += mod->words;
    }
    const int unit = static_cast<int>(E(period).value);
    Found f = MakeDate(Start(k, this_word != nullptr ? this_word : period), toks_[j - 1].e,
                       DateType::kDate);
    const char* name = unit == kWeek ? "week" : unit == kMonthUnit ? "month" : "year";
    if (anchor_ != nullptr) {
      if (unit == kWeek) {
        f.date.value = IsoWeek(anchor_days_ + 7 * dir);
      } else if (unit == kMonthUnit) {
        int total = anchor_->year * 12 + anchor_->month - 1 + dir;
        f.year = total / 12;
        f.month = total % 12 + 1;
        f.date.value = Iso(f.year, f.month);
      } else {
        f.year = anchor_->year + dir;
        f.date.value = Iso(f.year);
      }
    }
    SetRelative(&f, std::string(name) + (dir < 0 ? "" : "+") + std::to_string(dir));
    Emit(std::move(f));
    return j;
  }

  // عام 2019، العام 2019، سنة ( 1993 )، عام 1445 هـ.
  int YearWithCue(int i) {
    const Hit* cue = Find(i, kYearCue);
    if (cue == nullptr) return i;
    int year;
    bool hijri, mark;
    const int end = Year(i + cue->words, true, &year, &hijri, &mark);
    if (end < 0) return i;
    const int stop = EmitYear(Start(i, cue), end, year, hijri);
    return stop > 0 ? stop : i;
  }

  // A second year after a year ending at token `end`: "1936 - 1939", "2019/2020". Returns the
  // token after it (or `end`).
  int YearRange(int end, int year, int* second) const {
    *second = 0;
    if (!(IsPunct(end, u'-') || IsPunct(end, u'/') || IsPunct(end, 0x2013)) ||
        !Is(end + 1, kDigits) || Digits(end + 1) != 4) {
      return end;
    }
    const int y = static_cast<int>(IntValue(end + 1));
    if (y <= year || y > year + 200) return end;
    *second = y;
    return end + 2;
  }

  // Emits a year (or a range of years) at [begin, end); returns the end token, or -1.
  int EmitYear(int32_t begin, int end, int year, bool hijri) {
    int second = 0;
    if (!hijri) end = YearRange(end, year, &second);
    Found f = MakeDate(begin, toks_[end - 1].e, DateType::kDate);
    if (hijri) {
      f.date.hijri = true;
      f.date.hijri_value = std::to_string(year);
      int gy, gm, gd;
      if (!lex_.HijriToGregorian(year, 1, 1, &gy, &gm, &gd)) return -1;
      year = gy;
    } else if (year < 1000 || year > 2200) {
      return -1;
    }
    f.year = year;
    f.date.value = Iso(year);
    if (second > 0) f.date.value += "/" + Iso(second);  // an ISO 8601 interval
    Emit(std::move(f));
    return end;
  }

  // A number of time units: "18 شهراً", "ساعتين", "نحو ساعتين" (a duration, and a number of kind
  // duration); after منذ/قبل a relative date ("منذ 4 سنوات" = four years before the dateline).
  // Returns the end token, or -1.
  struct Amount {
    double count = 0;
    int unit = 0;
    int end = -1;
    int32_t unit_begin = -1, unit_end = -1;
    bool number = false;  // the count is written (not a dual or a lone unit)
  };
  bool DurationAt(int k, Amount* a, bool allow_single) const {
    Num n;
    if (ParseNumber(k, &n) && n.end > k) {
      const Hit* u = Find(n.end, kTimeUnit, kPlain);
      if (u == nullptr || (E(u).flags & kDualForm)) return false;
      a->count = n.value;
      a->unit = static_cast<int>(E(u).value);
      a->end = n.end + u->words;
      a->unit_begin = toks_[n.end].b;
      a->unit_end = toks_[a->end - 1].e;
      a->number = true;
      return true;
    }
    const Hit* u = Find(k, kTimeUnit, kPlain);
    if (u == nullptr) return false;
    const Entry& e = E(u);
    if (!(e.flags & kDualForm) && !(allow_single && !(e.flags & kPluralForm) && !u->article)) {
      return false;
    }
    a->count = (e.flags & kDualForm) ? 2 : 1;
    a->unit = static_cast<int>(e.value);
    a->end = k + u->words;
    a->unit_begin = toks_[k].b;
    a->unit_end = toks_[a->end - 1].e;
    return true;
  }

  static std::string IsoDuration(double count, int unit) {
    if (unit == kDecade) count *= 10, unit = kYear;
    if (unit == kCentury) count *= 100, unit = kYear;
    char number[32];
    std::snprintf(number, sizeof number, "%g", count);
    static const char* kLetters = "?SMHDWMY";
    const bool clock = unit <= kHour;
    return std::string(clock ? "PT" : "P") + number + kLetters[unit];
  }

  int Since(int i) {
    const Hit* since = Find(i, kSince);
    if (since == nullptr) return i;
    int k = i + since->words;
    // "منذ عام 2019" is a year, not "a year ago".
    if (Find(k, kYearCue) != nullptr && Is(k + 1, kDigits)) return i;
    int q_end = QualifierEnd(k);
    Amount a;
    if (!DurationAt(q_end, &a, true)) return i;
    Found f = MakeDate(Start(i, since), toks_[a.end - 1].e, DateType::kDate);
    const double n = a.count;
    const int unit = a.unit;
    static const char* kUnits[] = {"",     "second", "minute", "hour",   "day",
                                   "week", "month",  "year",   "decade", "century"};
    const bool whole = n == std::floor(n) && n < 100000;
    if (anchor_ != nullptr && whole) {
      const int c = static_cast<int>(n);
      if (unit == kDay || unit == kWeek || (unit <= kHour && anchor_->hour < 0)) {
        int64_t days = anchor_days_ - (unit == kDay ? c : unit == kWeek ? 7 * c : 0);
        int y, m, d;
        CivilFromDays(days, &y, &m, &d);
        f.year = y, f.month = m, f.day = d;
        f.date.value = Iso(y, m, d);
      } else if (unit <= kHour) {
        const int64_t minutes = (anchor_days_ * 24 + anchor_->hour) * 60 + anchor_->minute -
                                (unit == kHour     ? 60 * c
                                 : unit == kMinute ? c
                                                   : 0);
        int y, m, d;
        CivilFromDays(minutes / 1440, &y, &m, &d);
        f.date.value = Iso(y, m, d) + "T" +
                       Clock(static_cast<int>(minutes % 1440 / 60), static_cast<int>(minutes % 60));
      } else if (unit == kMonthUnit) {
        const int total = anchor_->year * 12 + anchor_->month - 1 - c;
        f.year = total / 12;
        f.month = total % 12 + 1;
        f.date.value = Iso(f.year, f.month);
      } else {
        f.year = anchor_->year - c * (unit == kDecade ? 10 : unit == kCentury ? 100 : 1);
        f.date.value = Iso(f.year);
      }
    }
    SetRelative(&f, std::string(kUnits[unit]) + "-" + (whole ? std::to_string(int64_t(n)) : "?"));
    Emit(std::move(f));
    // The count is also a number (of kind duration).
    EmitDurationNumber(q_end, a, k);
    return a.end;
  }

  void EmitDurationNumber(int k, const Amount& a, int qualifier_start) {
    if (!a.number && a.count == 1) return;  // منذ عام: a date, no number is written
    Found num;
    num.begin = Is(k, kWord) ? Start(k, BestNumberHit(k)) : toks_[k].b;
    num.end = toks_[a.end - 1].e;
    num.number.kind = NumberKind::kDuration;
    num.number.value = a.count;
    num.unit_begin = a.unit_begin;
    num.unit_end = a.unit_end;
    if (qualifier_start < k) {
      num.qualifier_begin = Start(qualifier_start, Find(qualifier_start, kQualifier));
      num.qualifier_end = toks_[k - 1].e;
    }
    Emit(std::move(num));
  }

  const Hit* BestNumberHit(int k) const {
    for (Class c : {kUnit, kTen, kTeen, kHundred, kScale, kVague, kFraction, kTimeUnit, kDual}) {
      if (const Hit* h = Find(k, c)) return h;
    }
    return nullptr;
  }

  // A time alone: الساعة 11:38 مساءً، 12:38، الساعة الثامنة والنصف.
  int TimeAlone(int i) {
    int h, m;
    const int end = Time(i, &h, &m);
    if (end < 0) return i;
    Found f = MakeDate(Start(i, Find(i, kHourCue)), toks_[end - 1].e, DateType::kTime);
    f.hour = h;
    f.minute = m;
    f.date.value = "T" + Clock(h, m);
    Emit(std::move(f));
    return end;
  }

  // A year alone: four digits 1900..2100 that count nothing (في 2019، (1948)); a Hijri year
  // with its mark (1445 هـ).
  int BareYear(int i) {
    if (!Is(i, kDigits) || Digits(i) > 4) return i;
    if (i > 0 && Is(i - 1, kPunct) && Adjacent(i - 1, i) &&
        (toks_[i - 1].c == u'.' || toks_[i - 1].c == u',' || toks_[i - 1].c == u'%' ||
         toks_[i - 1].c == u'$' || toks_[i - 1].c == u':' || toks_[i - 1].c == u'/')) {
      return i;
    }
    int year;
    bool hijri, mark;
    const int end = Year(i, false, &year, &hijri, &mark);
    if (end < 0 || (!hijri && (year < 1900 || year > 2100))) return i;
    if (!mark) {
      // Not a count: no separator glued to it, no unit, scale, currency or percent after it.
      if (Is(i + 1, kPunct) && Adjacent(i, i + 1) &&
          (toks_[i + 1].c == u'.' || toks_[i + 1].c == u',' || toks_[i + 1].c == u':' ||
           toks_[i + 1].c == u'/')) {
        return i;
      }
      if (IsPunct(i + 1, u'%') || Find(i + 1, kScale) || Find(i + 1, kCurrency) ||
          Find(i + 1, kMeasure) || Find(i + 1, kTimeUnit) || Find(i + 1, kPercent) ||
          (IsWordText(i + 1, u"في") && Find(i + 2, kPercent))) {
        return i;
      }
    }
    const int stop = EmitYear(toks_[i].b, end, year, hijri);
    return stop > 0 ? stop : i;
  }

  // --- numbers ---

  struct Num {
    double value = 0;
    int end = -1;
    bool words = false;  // written with number words
    bool plural = false;  // ends with a plural scale (آلاف، ملايين، عشرات): a definite noun
                          // may follow in construct (آلاف السكان)
  };

  // Digits with separators at k: 1,500 / 2.5 / ١٬٥٠٠ / ٢٫٥. Returns the token after or -1.
  int DigitNumber(int k, double* value) const {
    if (!Is(k, kDigits) || Digits(k) > 15) return -1;
    double v = static_cast<double>(IntValue(k));
    int j = k + 1;
    while (IsPunct(j, u',') && Is(j + 1, kDigits) && Digits(j + 1) == 3 && Adjacent(j - 1, j) &&
           Adjacent(j, j + 1)) {
      v = v * 1000 + static_cast<double>(IntValue(j + 1));
      j += 2;
    }
    if (IsPunct(j, u'.') && Is(j + 1, kDigits) && Adjacent(j - 1, j) && Adjacent(j, j + 1) &&
        Digits(j + 1) <= 6) {
      v += static_cast<double>(IntValue(j + 1)) / std::pow(10.0, Digits(j + 1));
      j += 2;
    }
    *value = v;
    return j;
  }

  // A cardinal at k: digits, number words, or digits then scale words (2.5 مليار). Words join
  // with و in Arabic order (خمسة وعشرون، مئة وأربعون، مليون وخمسمئة ألف): after و a piece must be
  // smaller than every piece of its group, or a ten after a unit.
  bool ParseNumber(int k, Num* out) const {
    double total = 0, cur = 0;
    bool any = false, ten_in_group = false;
    double group_min = 1e18;  // the smallest piece of the current group
    int last_class = -1;
    double last_value = 0;
    int j = k;
    if (Is(k, kDigits)) {
      const int end = DigitNumber(k, &cur);
      if (end < 0) return false;
      j = end;
      any = true;
      group_min = 0;  // digits take scale words only
    }
    while (Is(j, kWord)) {
      const Hit* h = nullptr;
      Class cls = kUnit;
      // The reading with the fewest proclitic letters (واحد is one, not و + أحد).
      for (Class c : {kScale, kHundred, kTen, kTeen, kUnit, kVague, kFraction}) {
        const Hit* x = Find(j, c);
        if (x != nullptr && (h == nullptr || x->start < h->start)) {
          h = x;
          cls = c;
        }
      }
      if (h == nullptr) break;
      const Entry& e = E(h);
      const bool conj = h->start == 1 && key_[toks_[j].b] == u'و';
      if (any && h->start != 0 && !conj) break;
      if (cls == kScale) {
        if (any && (conj || (cur == 0 && total > 0))) break;
        if (e.flags & kDualForm) {
          if (any) break;
          cur = 2;
        }
        if (cur == 0) cur = 1;
        total += cur * e.value;
        cur = 0;
        any = true;
        group_min = e.value;
        ten_in_group = false;
        last_class = kScale;
        last_value = e.value;
        out->plural = (e.flags & kPluralForm) != 0;
        j += h->words;
        continue;
      }
      if (cls == kFraction && conj && last_class == kScale && cur == 0) {
        // مليونين ونصف: half of the last scale.
        total += e.value * last_value;
        last_class = kFraction;
        j += h->words;
        break;
      }
      if (cls == kFraction) {
        // نصف/ربع only before a scale: نصف مليون.
        const Hit* s = Find(j + 1, kScale, kPlain);
        if (any || s == nullptr || (E(s).flags & kDualForm)) break;
        total += e.value * E(s).value;
        any = true;
        group_min = E(s).value;
        last_class = kScale;
        j += 1 + s->words;
        continue;
      }
      if (cls == kTeen) {
        // أحد عشر، اثنا عشر
        const Hit* ten = Find(j + 1, kTen, kPlain);
        if (ten == nullptr || E(ten).value != 10) break;
        if (any && (!conj || !(e.value < group_min))) break;
        cur += e.value;
        any = true;
        group_min = std::min(group_min, e.value);
        ten_in_group = true;
        last_class = kTeen;
        last_value = e.value;
        j += 2;
        continue;
      }
      const bool after_unit = last_class == kUnit && last_value < 10 && !Is(k, kDigits);
      if (any && !conj) {
        // ثلاثة عشر (13), ثلاث مئة (300); anything else ends the number.
        if (after_unit && cls == kTen && e.value == 10 && !ten_in_group) {
          cur += 10;
          ten_in_group = true;
          last_class = kTeen;
          j += h->words;
          continue;
        }
        if (after_unit && cls == kHundred && e.value == 100 && !(e.flags & kPluralForm)) {
          cur += last_value * 99;
          group_min = 100;
          last_class = kHundred;
          j += h->words;
          continue;
        }
        break;
      }
      if (any) {
        const bool unit_then_ten = after_unit && cls == kTen && e.value >= 20 && !ten_in_group;
        if (!unit_then_ten && !(e.value < group_min)) break;
      }
      cur += e.value;
      any = true;
      out->plural = cls == kVague || (cls == kHundred && (e.flags & kPluralForm));
      if (cls == kTen) ten_in_group = true;
      group_min = std::min(group_min, e.value);
      last_class = cls == kVague ? kHundred : cls;
      last_value = e.value;
      j += h->words;
    }
    if (!any) return false;
    out->value = total + cur;
    out->end = j;
    out->words = !Is(k, kDigits);
    return true;
  }

  // The end of a qualifier phrase starting at k (k itself when none).
  int QualifierEnd(int k) const {
    const Hit* q = Find(k, kQualifier);
    return q != nullptr ? k + q->words : k;
  }

  // Whether a word has the article, alone or after a proclitic (الدول، والهندية، بالمدينة، للدول).
  static bool HasArticle(std::u16string_view w) {
    auto at = [&](size_t i) { return w.size() > i + 2 && w[i] == u'ا' && w[i + 1] == u'ل'; };
    const bool conj = !w.empty() && (w[0] == u'و' || w[0] == u'ف');
    const size_t p = conj ? 1 : 0;
    return at(0) || (conj && at(1)) ||
           (w.size() > p + 3 && (w[p] == u'ب' || w[p] == u'ك') && at(p + 1)) ||
           (w.size() > p + 3 && w[p] == u'ل' && w[p + 1] == u'ل');
  }

  bool IsStopWord(std::u16string_view w) const {
    static constexpr std::u16string_view kStop[] = {
        u"في",     u"من",   u"علي",  u"الي",  u"عن",   u"مع",   u"او",     u"ثم",     u"قد",
        u"لا",     u"لم",   u"لن",   u"ما",   u"هذا",  u"هذه",  u"التي",   u"الذي",   u"الذين",
        u"حيث",    u"بين",  u"منذ",  u"حتي",  u"خلال", u"عند",  u"بعد",    u"قبل",    u"كما",
        u"ان",     u"انه",  u"منهم", u"منها", u"فقط",  u"كان",  u"كانت",   u"وفي",    u"و",
        u"اي",     u"كل",   u"لكل",  u"فيما", u"هو",   u"هي",   u"هم",     u"نحو",    u"حوالي",
        u"اكثر",   u"اقل",  u"الا",  u"بل",   u"كلها", u"كلهم", u"جميعها", u"جميعهم", u"فقط",
        u"تقريبا", u"اخري", u"اخرين"};
    for (std::u16string_view s : kStop) {
      if (w == s) return true;
    }
    return false;
  }

  int TryNumber(int i) {
    const int n_toks = static_cast<int>(toks_.size());
    // A qualifier, then the number.
    const int k = QualifierEnd(i);
    const bool qualified = k > i;
    Found f;
    f.number.kind = NumberKind::kCardinal;
    int j = -1;
    int32_t begin = -1;
    Num n;
    bool percent_before = false, dollar_before = false;
    // Duration: a number of time units, or a dual time unit.
    {
      Amount a;
      if (DurationAt(k, &a, false)) {
        Found d = MakeDate(Is(k, kWord) ? Start(k, BestNumberHit(k)) : toks_[k].b,
                           toks_[a.end - 1].e, DateType::kDuration);
        d.date.value = IsoDuration(a.count, a.unit);
        Emit(std::move(d));
        EmitDurationNumber(k, a, qualified ? i : k);
        return a.end;
      }
    }
    if (Is(k, kDigits) && (GluedToLatin(k - 1, k) || GluedToLatin(k + 1, k) ||
                           (IsPunct(k - 1, u'-') && Adjacent(k - 1, k) && Is(k - 2, kWord) &&
                            Adjacent(k - 2, k - 1)))) {
      return k + 1;  // part of a code or a name: g2, www2, r41z2x, كوفيد-19
    }
    if (ParseNumber(k, &n)) {
      j = n.end;
      begin = Is(k, kWord) ? Start(k, BestNumberHit(k)) : toks_[k].b;
      if (k > 0 && Is(k, kDigits) && Is(k - 1, kPunct) && Adjacent(k - 1, k)) {
        if (toks_[k - 1].c == u'%') percent_before = true;
        if (toks_[k - 1].c == u'$') dollar_before = true;
        if (percent_before || dollar_before) begin = toks_[k - 1].b;
      }
      f.number.value = n.value;
    } else if (const Hit* o = Find(k, kOrdinal)) {
      // An ordinal word (الأول، الثانية، أول); not followed by a number word (أول أمس is a date).
      if (qualified) return i;
      // The second word of a month name (كانون الثاني) is no ordinal.
      if (const Hit* m = Find(k - 1, kMonth); m != nullptr && m->words == 2) return k + 1;
      if (const Hit* m = Find(k - 1, kHMonth); m != nullptr && m->words == 2) return k + 1;
      f.number.kind = NumberKind::kOrdinal;
      f.number.value = E(o).value;
      begin = Start(k, o);
      j = k + o->words;
      // الحادي عشر
      if (E(o).value == 11 || E(o).value == 2) {
        if (const Hit* ten = Find(j, kTen, kPlain)) {
          if (E(ten).value == 10 && !ten->article) {
            f.number.value = E(o).value == 11 ? 11 : 12;
            j += ten->words;
          }
        }
      }
      // الخامس والعشرون، الحادي والثلاثين: a unit ordinal, و, and a ten.
      if (f.number.value < 10 || f.number.value == 11) {
        if (const Hit* ten = Find(j, kTen, kConj); ten != nullptr && E(ten).value >= 20) {
          f.number.value = (f.number.value == 11 ? 1 : f.number.value) + E(ten).value;
          j += ten->words;
        }
      }
      f.begin = begin;
      f.end = toks_[j - 1].e;
      Emit(std::move(f));
      return j;
    } else if (const Hit* d = Find(k, kDual)) {
      f.number.value = 2;
      begin = Start(k, d);
      j = k + d->words;
      f.unit_begin = begin;
      f.unit_end = toks_[j - 1].e;
      f.begin = begin;
      f.end = toks_[j - 1].e;
      if (qualified) {
        f.qualifier_begin = Start(i, Find(i, kQualifier));
        f.qualifier_end = toks_[k - 1].e;
      }
      Emit(std::move(f));
      return j;
    } else {
      return i;
    }
    // What the number is of.
    int end = j;
    if (percent_before) {
      f.number.kind = NumberKind::kPercent;
    } else if (dollar_before) {
      f.number.kind = NumberKind::kMoney;
      f.number.currency = "USD";
    } else if (IsPunct(j, u'%')) {
      f.number.kind = NumberKind::kPercent;
      end = j + 1;
    } else if (IsWordText(j, u"في") && Find(j + 1, kPercent, kPlain)) {
      f.number.kind = NumberKind::kPercent;
      end = j + 1 + Find(j + 1, kPercent, kPlain)->words;
    } else if (const Hit* p = Find(j, kPercent);
               p != nullptr && p->start == 1 && key_[toks_[j].b] == u'ب') {
      f.number.kind = NumberKind::kPercent;
      end = j + p->words;
    } else if (const Hit* c = Find(j, kCurrency, kPlain)) {
      f.number.kind = NumberKind::kMoney;
      f.number.currency = E(c).code;
      end = j + c->words;
      f.unit_begin = toks_[j].b;
      f.unit_end = toks_[end - 1].e;
    } else if (const Hit* m = Find(j, kMeasure, kPlain)) {
      f.number.kind = NumberKind::kMeasure;
      end = j + m->words;
      f.unit_begin = toks_[j].b;
      f.unit_end = toks_[end - 1].e;
    } else if (!n.words && !qualified && NamesAnItem(k, j)) {
      // المادة 5، رقم ( 12 )، a list item "2 -": an ordinal.
      f.number.kind = NumberKind::kOrdinal;
    } else if (j < n_toks && Is(j, kWord) && toks_[j].hits_begin == toks_[j].hits_end &&
               !IsStopWord(Text(j)) && (n.plural || !HasArticle(Text(j)))) {
      // The counted noun (not part of the span).
      f.unit_begin = toks_[j].b;
      f.unit_end = toks_[j].e;
    }
    f.begin = begin;
    f.end = toks_[end - 1].e;
    if (qualified) {
      f.qualifier_begin = Start(i, Find(i, kQualifier));
      f.qualifier_end = toks_[k - 1].e;
    }
    Emit(std::move(f));
    return end;
  }

  // Whether token `w` is a Latin word glued to token k.
  bool GluedToLatin(int w, int k) const {
    if (!Is(w, kWord)) return false;
    const char16_t c = key_[toks_[w].b];
    return c < 0x80 && (w < k ? Adjacent(w, k) : Adjacent(k, w));
  }

  // Whether the number at tokens [k, j) names an item: after an identifier cue (رقم، المادة،
  // الفقرة, maybe with an opening parenthesis), or a list item number opening the sentence.
  bool NamesAnItem(int k, int j) const {
    int p = k - 1;
    if (IsPunct(p, u'(')) --p;
    if (Find(p, kIdCue) != nullptr) return true;
    return k == 0 && (IsPunct(j, u'-') || IsPunct(j, u')') || IsPunct(j, 0x2013)) &&
           static_cast<int>(toks_.size()) > j + 2;
  }

  const Extractor::Lexicon& lex_;
  const std::u16string& key_;
  const Dateline* anchor_;
  int64_t anchor_days_ = 0;
  std::string anchor_value_;
  std::vector<Tok> toks_;
  std::vector<Hit> hits_;
  std::vector<Found>* out_ = nullptr;
  std::u16string phrase_;  // LookUp's buffer
};

}  // namespace

Extractor::~Extractor() = default;

Status Extractor::Create(std::unique_ptr<Extractor>* extractor) {
  std::unique_ptr<Extractor> x(new Extractor());
  x->lexicon_ = std::make_unique<Lexicon>();
  Lexicon& lex = *x->lexicon_;
  const std::string_view words(reinterpret_cast<const char*>(basira_facts_words),
                               basira_facts_words_size);
  for (std::string_view line : Lines(words)) {
    const std::vector<std::string_view> cols = SplitOn(line, "|");
    if (cols.size() != 4) {
      return Status(ErrorCode::kInternal,
                    "data/facts/words.txt: a line without 4 columns: " + std::string(line));
    }
    Entry e;
    const auto* cls = std::find(std::begin(kClassNames), std::end(kClassNames), cols[0]);
    if (cls == std::end(kClassNames)) {
      return Status(ErrorCode::kInternal,
                    "data/facts/words.txt: unknown class " + std::string(cols[0]));
    }
    e.cls = static_cast<Class>(cls - std::begin(kClassNames));
    if (e.cls == kCurrency) {
      e.code = cols[1] == "-" ? "" : std::string(cols[1]);
    } else {
      e.value = std::strtod(std::string(cols[1]).c_str(), nullptr);
    }
    if (cols[2] == "article") e.flags = kNeedsArticle;
    if (cols[2] == "bare") e.flags = kNoArticle;
    if (cols[2] == "dual") e.flags = kDualForm;
    if (cols[2] == "plural") e.flags = kPluralForm;
    for (std::string_view form : SplitOn(cols[3], "،")) {
      if (!form.empty()) lex.Add(normalize::KeyFromUtf8(form), e);
    }
  }
  // ICU's currency names: canonical | variants | CODE | MISC.
  const std::string_view currencies(reinterpret_cast<const char*>(basira_lexicon_icu_currencies),
                                    basira_lexicon_icu_currencies_size);
  for (std::string_view line : Lines(currencies)) {
    const std::vector<std::string_view> cols = SplitOn(line, "|");
    if (cols.size() != 4 || cols[2].size() != 3) continue;
    Entry e;
    e.cls = kCurrency;
    e.code = std::string(cols[2]);
    lex.Add(normalize::KeyFromUtf8(cols[0]), e);
    for (std::string_view form : SplitOn(cols[1], "،")) {
      if (!form.empty()) lex.Add(normalize::KeyFromUtf8(form), e);
    }
  }
  // ICU's Umm al-Qura calendar as a table: year | 1 Muharram (YYYY-MM-DD) | month lengths.
  const std::string_view umalqura(reinterpret_cast<const char*>(basira_facts_umalqura),
                                  basira_facts_umalqura_size);
  for (std::string_view line : Lines(umalqura)) {
    const std::vector<std::string_view> cols = SplitOn(line, "|");
    int y, m, d;
    if (cols.size() != 3 || cols[2].size() != 12 ||
        std::atoi(std::string(cols[0]).c_str()) !=
            Lexicon::kFirstHijriYear + static_cast<int>(lex.umalqura.size()) ||
        std::sscanf(std::string(cols[1]).c_str(), "%d-%d-%d", &y, &m, &d) != 3) {
      return Status(ErrorCode::kInternal,
                    "data/facts/umalqura.txt: a bad line: " + std::string(line));
    }
    uint16_t thirty = 0;
    for (int month = 0; month < 12; ++month) {
      if (cols[2][month] == '1') thirty |= static_cast<uint16_t>(1u << month);
    }
    lex.umalqura.emplace_back(DaysFromCivil(y, m, d), thirty);
  }
  *extractor = std::move(x);
  return Status::Ok();
}

void Extractor::Scan(const std::u16string& key, const Dateline* anchor,
                     std::vector<Found>* out) const {
  Scanner scanner(*lexicon_, key, anchor);
  scanner.Run(out);
}

void Extractor::Extract(const icu::UnicodeString& text, Span range, int32_t input, int32_t sentence,
                        const Dateline* anchor, std::vector<DateMention>* dates,
                        std::vector<NumberMention>* numbers) const {
  const normalize::MatchKeys keys(text, range);
  std::vector<Found> found;
  Scan(keys.key(), anchor, &found);
  auto utf8 = [&](int32_t begin, int32_t end) {
    std::string out;
    if (begin < 0 || end <= begin) return out;
    const Span s = keys.ToOriginal(begin, end);
    text.tempSubString(s.start, s.length()).toUTF8String(out);
    return out;
  };
  for (Found& f : found) {
    if (f.end <= f.begin) continue;
    const Span span = keys.ToOriginal(f.begin, f.end);
    if (f.is_date) {
      f.date.input = input;
      f.date.sentence = sentence;
      f.date.span = span;
      dates->push_back(std::move(f.date));
    } else {
      f.number.input = input;
      f.number.sentence = sentence;
      f.number.span = span;
      f.number.unit = utf8(f.unit_begin, f.unit_end);
      f.number.qualifier = utf8(f.qualifier_begin, f.qualifier_end);
      numbers->push_back(std::move(f.number));
    }
  }
}

bool ParseDateline(const Extractor& extractor, const std::u16string& key, Dateline* out) {
  if (Words(key).size() > 14) return false;
  std::vector<Found> found;
  extractor.Scan(key, nullptr, &found);
  const Found* date = nullptr;
  int hour = -1, minute = -1;
  for (const Found& f : found) {
    if (!f.is_date) continue;
    if (date == nullptr && f.day > 0 && f.year > 0 && !f.date.relative) {
      date = &f;
    } else if (date != nullptr && date->hour < 0 && f.date.type == DateType::kTime && f.year == 0 &&
               f.hour >= 0) {
      hour = f.hour;
      minute = f.minute;
    }
  }
  if (date == nullptr || date->year < 1900 || date->year > 2100) return false;
  out->year = date->year;
  out->month = date->month;
  out->day = date->day;
  out->hour = date->hour >= 0 ? date->hour : hour;
  out->minute = date->hour >= 0 ? date->minute : minute;
  if (out->hour < 0) out->minute = -1;
  return true;
}

}  // namespace basira::facts
