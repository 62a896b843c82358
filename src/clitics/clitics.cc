#include "clitics/clitics.h"

#include <unicode/utf16.h>

#include <cstddef>
#include <cstring>
#include <utility>

#include "normalize/normalize.h"

extern "C" {
extern const unsigned char basira_clitic_stems[];
extern const size_t basira_clitic_stems_size;
}

namespace basira::clitics {
namespace {

// Words whose match key is longer than this are returned whole (no Arabic word is this long);
// it bounds the per-word arrays, which live on the stack.
constexpr int kMaxKey = 48;

constexpr char16_t kHamza = u'\u0621';
constexpr char16_t kAlef = u'\u0627';
constexpr char16_t kBeh = u'\u0628';
constexpr char16_t kTeh = u'\u062A';
constexpr char16_t kDal = u'\u062F';
constexpr char16_t kSeen = u'\u0633';
constexpr char16_t kTah = u'\u0637';
constexpr char16_t kFeh = u'\u0641';
constexpr char16_t kKaf = u'\u0643';
constexpr char16_t kLam = u'\u0644';
constexpr char16_t kNoon = u'\u0646';
constexpr char16_t kHeh = u'\u0647';
constexpr char16_t kTehMarbuta = u'\u0629';
constexpr char16_t kWaw = u'\u0648';
constexpr char16_t kYeh = u'\u064A';

// Letters of the key alphabet (after folding): the Arabic letters proper and the extended
// letters used for loan words. Anything else (digits, Latin, signs) makes a token non-Arabic.
bool IsArabicLetter(char16_t c) {
  return (c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A) ||
         (c >= 0x0671 && c <= 0x06D3) || c == 0x06D5;
}

// Presentation forms (U+FB50..U+FEFF) whose letter the key folds to a different letter: the
// hamza seats and madda alef, teh marbuta, alef maqsura, Farsi yeh, and lam-alef with hamza.
bool IsFoldedPresentationForm(UChar32 c) {
  return (c >= 0xFE80 && c <= 0xFE8C) || c == 0xFE93 || c == 0xFE94 || c == 0xFEEF || c == 0xFEF0 ||
         (c >= 0xFEF5 && c <= 0xFEFA) || (c >= 0xFBFC && c <= 0xFBFF) || c == 0xFBE8 ||
         c == 0xFBE9 || c == 0xFC5D || c == 0xFC90;
}

// Original alef forms that may stand for the alef of the article: ا and ٱ (wasla).
bool IsArticleAlef(UChar32 c) { return c == 0x0627 || c == 0x0671 || c == 0xFE8D || c == 0xFE8E; }

// Original alef forms that may be the first-person prefix after the future س: ا and أ.
bool IsImperfectAlef(UChar32 c) {
  return c == 0x0627 || c == 0x0623 || c == 0xFE8D || c == 0xFE8E || c == 0xFE83 || c == 0xFE84;
}

uint32_t Hash(std::u16string_view s) {
  uint32_t h = 2166136261u;
  for (char16_t c : s) {
    h ^= static_cast<uint32_t>(c);
    h *= 16777619u;
  }
  return h;
}

bool EndsWith(std::u16string_view s, std::u16string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The key view of one word, with what the decisions need about each key unit's original.
class Word {
 public:
  Word(const normalize::MatchKeys& keys, int n) : key_(keys.key().data(), n) {}
  std::u16string_view key_;
  // The key with ة kept as ة (lexicon keys do the same, so كتابة does not match كتابه).
  char16_t lexicon_key_[kMaxKey];
  int32_t start_[kMaxKey];  // original offset of the code point each key unit came from
  UChar32 orig_[kMaxKey];   // that code point
  bool plain_[kMaxKey];     // the key unit is that code point's own letter (not a folded one)

  int size() const { return static_cast<int>(key_.size()); }
  // Key unit i is the letter c, written as itself (ة is not ه, ى/ئ are not ي, ؤ is not و).
  bool Is(int i, char16_t c) const { return i < size() && key_[i] == c && plain_[i]; }
  // A cut may fall before key unit i: it starts a code point of its own.
  bool CanCutBefore(int i) const { return start_[i] > start_[i - 1]; }
  // Key unit i comes from ة.
  bool IsTehMarbuta(int i) const { return key_[i] == kHeh && !plain_[i]; }
};

// Proclitic chains: up to three parts (conjunction, preposition or future, article).
struct Chain {
  int parts[3] = {0, 0, 0};  // key length of each part
  int count = 0;
  int length = 0;  // key units in all parts
  bool article = false;
  bool future = false;
};

constexpr int kMaxChains = 24;

// Appends to `out` every proclitic chain the start of `w` allows, the empty one first.
int Chains(const Word& w, Chain* out) {
  int n = 0;
  for (int conj = 0; conj <= 1; ++conj) {
    if (conj == 1 && !w.Is(0, kWaw) && !w.Is(0, kFeh)) continue;
    const int p = conj;
    for (char16_t mid : {char16_t{0}, kBeh, kLam, kKaf, kSeen}) {
      if (mid != 0 && !w.Is(p, mid)) continue;
      const int q = p + (mid != 0 ? 1 : 0);
      for (int art = 0; art <= 1; ++art) {
        int article_length = 0;
        if (art == 1) {
          if (mid == kSeen) continue;
          if (mid == kLam) {
            // li + al- is written لل: the article is the second lam alone.
            if (!w.Is(q, kLam)) continue;
            article_length = 1;
          } else {
            if (q + 1 >= w.size() || w.key_[q] != kAlef || !IsArticleAlef(w.orig_[q]) ||
                !w.Is(q + 1, kLam)) {
              continue;
            }
            article_length = 2;
          }
        }
        Chain c;
        if (conj == 1) c.parts[c.count++] = 1;
        if (mid != 0) c.parts[c.count++] = 1;
        if (article_length > 0) c.parts[c.count++] = article_length;
        c.length = q + article_length;
        c.article = article_length > 0;
        c.future = mid == kSeen;
        if (n < kMaxChains) out[n++] = c;
      }
    }
  }
  return n;
}

// The enclitics, longest first where one ends another (ني before ي).
constexpr std::u16string_view kEnclitics[] = {u"هما", u"كما", u"ها", u"هم", u"هن", u"كم",
                                              u"كن",  u"نا",  u"ني", u"ه",  u"ي"};

// Endings that inflect a lexicon entry without making it another word: feminine ة, plurals and
// duals (also in construct: لاعبو, لاعبي, فلسطينيي), the accusative alef, and the nisba ي with
// its own inflections. `nisba` endings also
// accept an entry that ends in ا / يا / ة (فرنسا → فرنسي, روسيا → روسي, وزارة → وزاري);
// `feminine` endings replace the ة of an entry (وزارات → وزارة).
struct Inflection {
  std::u16string_view ending;
  bool nisba;
  bool feminine;
};
constexpr Inflection kInflections[] = {
    {u"ة", false, false},  {u"ات", false, true},  {u"ان", false, false},  {u"ين", false, false},
    {u"ون", false, false}, {u"ا", false, false},  {u"تان", false, true},  {u"تين", false, true},
    {u"ي", true, false},   {u"ية", true, false},  {u"يون", true, false},  {u"يين", true, false},
    {u"يات", true, false}, {u"يان", true, false}, {u"يتان", true, false}, {u"يتين", true, false},
    {u"و", false, false},  {u"يي", true, false},  {u"يو", true, false},
};

// `base` + `ending` as a view into `buffer` (kMaxKey + 4 units).
std::u16string_view Join(std::u16string_view base, std::u16string_view ending, char16_t* buffer) {
  std::memcpy(buffer, base.data(), base.size() * sizeof(char16_t));
  std::memcpy(buffer + base.size(), ending.data(), ending.size() * sizeof(char16_t));
  return std::u16string_view(buffer, base.size() + ending.size());
}

}  // namespace

void Lexicon::Insert(std::u16string_view key) {
  if (key.empty() || Contains(key)) return;
  if ((count_ + 1) * 2 > slots_.size()) {
    // Grow and rehash: the table stays at most half full.
    std::vector<std::pair<uint32_t, uint32_t>> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, {0, 0});
    for (const auto& slot : old) {
      if (slot.first == 0) continue;
      const std::u16string_view k(pool_.data() + slot.first - 1, slot.second);
      size_t i = Hash(k) & (slots_.size() - 1);
      while (slots_[i].first != 0) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = slot;
    }
  }
  const uint32_t offset = static_cast<uint32_t>(pool_.size());
  pool_.append(key.data(), key.size());
  size_t i = Hash(key) & (slots_.size() - 1);
  while (slots_[i].first != 0) i = (i + 1) & (slots_.size() - 1);
  slots_[i] = {offset + 1, static_cast<uint32_t>(key.size())};
  ++count_;
}

bool Lexicon::Contains(std::u16string_view key) const {
  if (slots_.empty()) return false;
  size_t i = Hash(key) & (slots_.size() - 1);
  while (slots_[i].first != 0) {
    if (slots_[i].second == key.size() &&
        std::u16string_view(pool_.data() + slots_[i].first - 1, slots_[i].second) == key) {
      return true;
    }
    i = (i + 1) & (slots_.size() - 1);
  }
  return false;
}

std::u16string Lexicon::KeyOf(std::string_view utf8) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::u16string key;
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (c == 0x0629 || c == 0xFE93 || c == 0xFE94) {
      key.push_back(kTehMarbuta);
    } else {
      normalize::FoldCodePoint(c, &key);
    }
  }
  return key;
}

void Lexicon::Parse(std::string_view utf8) {
  size_t pos = 0;
  while (pos < utf8.size()) {
    size_t end = utf8.find('\n', pos);
    if (end == std::string_view::npos) end = utf8.size();
    std::string_view line = utf8.substr(pos, end - pos);
    pos = end + 1;
    const size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
      line.remove_suffix(1);
    }
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty()) continue;
    const std::u16string key = KeyOf(line);
    if (!key.empty() && static_cast<int>(key.size()) <= kMaxKey) Insert(key);
  }
}

Status CliticAnalyzer::Create(std::unique_ptr<CliticAnalyzer>* out) {
  std::unique_ptr<CliticAnalyzer> analyzer(new CliticAnalyzer());
  analyzer->lexicon_.Parse(std::string_view(reinterpret_cast<const char*>(basira_clitic_stems),
                                            basira_clitic_stems_size));
  if (analyzer->lexicon_.size() == 0) {
    return Status(ErrorCode::kInternal,
                  "the clitic stem lexicon (data/clitics/stems.txt) is empty");
  }
  *out = std::move(analyzer);
  return Status::Ok();
}

namespace {

// How key units [a, b) of `w` relate to the lexicon.
enum class Lexical {
  kNo,
  kDerived,  // an inflected or nisba form of an entry (لاعبون, لبناني, فعلي)
  kEntry,    // an entry, or before an enclitic a ة entry whose ة became ت (حكومت)
};

Lexical LookUp(const Lexicon& lexicon, const Word& w, int a, int b, bool before_enclitic) {
  const std::u16string_view stem(w.lexicon_key_ + a, b - a);
  if (lexicon.Contains(stem)) return Lexical::kEntry;
  char16_t buffer[kMaxKey + 4];
  if (before_enclitic && stem.size() >= 3) {
    // Before an enclitic a final ة is written ت (حكومة → حكومتهم), and a final ء sits on a seat
    // (وزراء → وزرائه, key ي or و from ئ or ؤ).
    const std::u16string_view base = stem.substr(0, stem.size() - 1);
    const bool seat = !w.plain_[b - 1] && (stem.back() == kYeh || stem.back() == kWaw);
    if ((stem.back() == kTeh && lexicon.Contains(Join(base, u"ة", buffer))) ||
        (seat && lexicon.Contains(Join(base, u"ء", buffer)))) {
      return Lexical::kEntry;
    }
  }
  for (const Inflection& inflection : kInflections) {
    const std::u16string_view ending = inflection.ending;
    if (stem.size() < ending.size() + 3 || !EndsWith(stem, ending)) continue;
    const std::u16string_view base = stem.substr(0, stem.size() - ending.size());
    if (lexicon.Contains(base)) return Lexical::kDerived;
    if (inflection.feminine && lexicon.Contains(Join(base, u"ة", buffer))) {
      return Lexical::kDerived;
    }
    if (inflection.nisba && (lexicon.Contains(Join(base, u"ا", buffer)) ||
                             lexicon.Contains(Join(base, u"يا", buffer)) ||
                             lexicon.Contains(Join(base, u"ة", buffer)))) {
      return Lexical::kDerived;
    }
  }
  return Lexical::kNo;
}

struct Candidate {
  const Chain* chain = nullptr;
  int enclitic_length = 0;
  int stem_length = 0;
  Lexical lexical = Lexical::kNo;
  bool valid = false;
};

// True when `x` is a better analysis than `y` (see the header for the order).
bool Better(const Candidate& x, const Candidate& y) {
  if (!y.valid) return x.valid;
  if (!x.valid) return false;
  if (x.lexical != y.lexical) return x.lexical > y.lexical;
  if (x.lexical != Lexical::kNo) return x.stem_length > y.stem_length;
  const int x_clitics = x.chain->count + (x.enclitic_length > 0 ? 1 : 0);
  const int y_clitics = y.chain->count + (y.enclitic_length > 0 ? 1 : 0);
  if (x_clitics != y_clitics) return x_clitics > y_clitics;
  if ((x.enclitic_length > 0) != (y.enclitic_length > 0)) return x.enclitic_length > 0;
  return x.stem_length > y.stem_length;
}

}  // namespace

Analysis CliticAnalyzer::Analyze(const icu::UnicodeString& text, Span word,
                                 const normalize::MatchKeys* given) const {
  Analysis out;
  out.stem = word;
  if (word.length() < 3) return out;  // a clitic and a stem of 2 letters need 3 units
  // Only tokens with some Arabic letter get keys; the rest are whole without further work.
  bool arabic = false;
  for (int32_t i = word.start; i < word.end && !arabic; ++i) {
    const char16_t c = text[i];
    arabic = (c >= 0x0621 && c <= 0x06FF) || (c >= 0xFB50 && c <= 0xFEFC);
  }
  if (!arabic) return out;

  normalize::MatchKeys own;
  if (given == nullptr) own.Assign(text, word);
  const normalize::MatchKeys& keys = given != nullptr ? *given : own;
  const int n = static_cast<int>(keys.key().size());
  if (n < 3 || n > kMaxKey) return out;
  Word w(keys, n);
  for (int i = 0; i < n; ++i) {
    if (!IsArabicLetter(w.key_[i])) return out;
    w.start_[i] = keys.ToOriginal(i, i + 1).start;
    const UChar32 c = text.char32At(w.start_[i]);
    w.orig_[i] = c;
    w.plain_[i] = c == w.key_[i] || (c >= 0xFB50 && !IsFoldedPresentationForm(c));
    w.lexicon_key_[i] = w.IsTehMarbuta(i) ? kTehMarbuta : w.key_[i];
  }

  // A lexicon word (or its inflection) is never cut, except that و before a listed word beats
  // the same letters read as a construct plural in و of a listed word: وسمو is و + سمو, not
  // "the brands of" (وسم). Other inflections keep the word whole (وجيزة is no و + الجيزة).
  const Lexical whole = LookUp(lexicon_, w, 0, n, false);
  const bool and_before_entry = n >= 4 && w.key_[0] == kWaw && w.key_[n - 1] == kWaw &&
                                LookUp(lexicon_, w, 1, n, false) == Lexical::kEntry &&
                                LookUp(lexicon_, w, 0, n - 1, false) == Lexical::kEntry;
  if (whole != Lexical::kNo && !and_before_entry) return out;

  Chain chains[kMaxChains];
  const int chain_count = Chains(w, chains);
  int enclitics[3] = {0, 0, 0};  // key lengths; 0 = no enclitic
  int enclitic_count = 1;
  for (std::u16string_view e : kEnclitics) {
    const int length = static_cast<int>(e.size());
    if (length >= n || !EndsWith(w.key_, e)) continue;
    bool plain = true;
    for (int i = n - length; i < n; ++i) plain = plain && w.plain_[i];
    if (plain && enclitic_count < 3) enclitics[enclitic_count++] = length;
  }

  Candidate best;
  for (int ci = 0; ci < chain_count; ++ci) {
    const Chain& chain = chains[ci];
    // Every cut of the chain falls between code points.
    bool cuts_ok = true;
    for (int p = 0, at = 0; p < chain.count; ++p) {
      at += chain.parts[p];
      cuts_ok = cuts_ok && at < n && w.CanCutBefore(at);
    }
    if (!cuts_ok) continue;
    for (int ei = 0; ei < enclitic_count; ++ei) {
      const int e = enclitics[ei];
      if (chain.count == 0 && e == 0) continue;  // the whole word: the fallback
      const int a = chain.length;
      const int b = n - e;
      const int stem_length = b - a;
      if (stem_length < 2) continue;
      if (e > 0 && (chain.article || !w.CanCutBefore(b))) continue;
      if (chain.count > 0) {
        // No stem starts with hamza, or with ئ ؤ ة ى (folded letters other than an alef).
        if (w.key_[a] == kHamza || (!w.plain_[a] && w.key_[a] != kAlef)) continue;
      }
      if (chain.future) {
        // The prefix is not followed by a bare ا (سياق, ستار are nouns; يأتي has أ).
        const bool imperfect = (w.Is(a, kYeh) || w.Is(a, kTeh) || w.Is(a, kNoon) ||
                                (w.key_[a] == kAlef && IsImperfectAlef(w.orig_[a]))) &&
                               !w.Is(a + 1, kAlef);
        const std::u16string_view stem = w.key_.substr(a, stem_length);
        if (!imperfect || w.IsTehMarbuta(b - 1) || EndsWith(stem, u"ات")) continue;
      }
      Candidate c;
      c.chain = &chain;
      c.enclitic_length = e;
      c.stem_length = stem_length;
      c.lexical = LookUp(lexicon_, w, a, b, e > 0);
      // A 2-letter stem before an enclitic must be a lexicon entry (فيه، منها، أنه، معه).
      if (e > 0 && stem_length < 3 && c.lexical != Lexical::kEntry) continue;
      // ي only after a lexicon entry: otherwise it is a nisba (عربي) or a plural in construct
      // (فلسطينيي).
      if (e == 1 && w.key_[n - 1] == kYeh && c.lexical != Lexical::kEntry) continue;
      if (c.lexical == Lexical::kNo) {
        if (stem_length < 3) continue;

        if (chain.count > 0 && w.key_[a] == kAlef && w.plain_[a] && !chain.article) {
          // A bare ا after a proclitic is the article (بالغ is not ب + الغ) or starts a
          // derived noun or verb: انفعال, افتعال (also اتّ اطّ), استفعال (لاتفاق, باستقرار).
          if (stem_length < 4 || w.key_[a + 1] == kLam) continue;
          const char16_t second = w.key_[a + 1];
          const char16_t third = w.key_[a + 2];
          const bool derived = second == kNoon || second == kTeh || second == kTah ||
                               third == kTeh || third == kTah || third == kDal;
          if (!derived) continue;
        }
        if (e == 2 && w.key_[n - 2] == kNoon) {
          const char16_t before = w.key_[b - 1];
          if (before == kAlef || before == kWaw || before == kYeh) continue;
        }
      }
      c.valid = true;
      if (Better(c, best)) best = c;
    }
  }
  if (!best.valid) return out;

  // Key boundaries to original offsets: a part runs to the start of the next part's first code
  // point, so dropped marks and tatweel stay with the letter before them.
  auto boundary = [&](int i) { return i == 0 ? word.start : (i == n ? word.end : w.start_[i]); };
  int at = 0;
  out.proclitics.reserve(best.chain->count);
  for (int p = 0; p < best.chain->count; ++p) {
    out.proclitics.push_back(Span{boundary(at), boundary(at + best.chain->parts[p])});
    at += best.chain->parts[p];
  }
  const int b = n - best.enclitic_length;
  out.stem = Span{boundary(at), boundary(b)};
  if (best.enclitic_length > 0) out.enclitics.push_back(Span{boundary(b), word.end});
  return out;
}

void Shift(Analysis* a, int32_t by) {
  a->stem.start += by;
  a->stem.end += by;
  for (Span& p : a->proclitics) p.start += by, p.end += by;
  for (Span& e : a->enclitics) e.start += by, e.end += by;
}

}  // namespace basira::clitics
