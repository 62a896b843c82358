#include "recognize/recognize.h"

#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <initializer_list>
#include <string_view>

#include "normalize/normalize.h"

// Defined by the generated sources of data/lexicon/*.txt (basira_embed in CMakeLists.txt).
extern "C" const unsigned char basira_lexicon_people[];
extern "C" const size_t basira_lexicon_people_size;
extern "C" const unsigned char basira_lexicon_organizations[];
extern "C" const size_t basira_lexicon_organizations_size;
extern "C" const unsigned char basira_lexicon_places[];
extern "C" const size_t basira_lexicon_places_size;
extern "C" const unsigned char basira_lexicon_icu_places[];
extern "C" const size_t basira_lexicon_icu_places_size;
extern "C" const unsigned char basira_lexicon_not_names[];
extern "C" const size_t basira_lexicon_not_names_size;
extern "C" const unsigned char basira_lexicon_triggers[];
extern "C" const size_t basira_lexicon_triggers_size;
extern "C" const unsigned char basira_lexicon_news_people[];
extern "C" const size_t basira_lexicon_news_people_size;
extern "C" const unsigned char basira_lexicon_news_organizations[];
extern "C" const size_t basira_lexicon_news_organizations_size;
extern "C" const unsigned char basira_lexicon_news_places[];
extern "C" const size_t basira_lexicon_news_places_size;
extern "C" const unsigned char basira_lexicon_news_misc[];
extern "C" const size_t basira_lexicon_news_misc_size;
extern "C" const unsigned char basira_lexicon_korean_names[];
extern "C" const size_t basira_lexicon_korean_names_size;
extern "C" const unsigned char basira_lexicon_given_names[];
extern "C" const size_t basira_lexicon_given_names_size;
extern "C" const unsigned char basira_lexicon_family_names[];
extern "C" const size_t basira_lexicon_family_names_size;
extern "C" const unsigned char basira_lexicon_title_holders[];
extern "C" const size_t basira_lexicon_title_holders_size;
extern "C" const unsigned char basira_lexicon_org_words[];
extern "C" const size_t basira_lexicon_org_words_size;
// data/summarize/stopwords.txt, the summarizer's function words (basira_summarize_stopwords).
extern "C" const unsigned char basira_summarize_stopwords[];
extern "C" const size_t basira_summarize_stopwords_size;

namespace basira::recognize {
namespace {

// Korean family names and given-name syllables are at most this many letters (AddKoreanNames
// refuses longer ones): longer words need no look-up.
constexpr size_t kKoreanMostLetters = 5;

constexpr int kMaxNameWords = 7;
constexpr int kMaxTitleNameWords = 3;
constexpr int kMaxQuotedWords = 6;
// The longest person's name a genealogy makes (محمد بن عبد الله بن عبد المطلب بن هاشم ...).
constexpr int32_t kMaxGenealogyWords = 16;
constexpr int kMaxDesignationDigits = 3;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Splits on `sep` (a UTF-8 string).
std::vector<std::string_view> Split(std::string_view s, std::string_view sep) {
  std::vector<std::string_view> out;
  for (size_t at; (at = s.find(sep)) != std::string_view::npos; s.remove_prefix(at + sep.size())) {
    out.push_back(Trim(s.substr(0, at)));
  }
  out.push_back(Trim(s));
  return out;
}

std::u16string FirstWord(const std::u16string& key) { return key.substr(0, key.find(u' ')); }

int WordCount(const std::u16string& key) {
  return 1 + static_cast<int>(std::count(key.begin(), key.end(), u' '));
}

bool IsArabicWord(const std::u16string& key) {
  if (key.empty()) return false;
  for (char16_t c : key) {
    if (!(c >= 0x0620 && c <= 0x064A) && !(c >= 0x0671 && c <= 0x06D3)) return false;
  }
  return true;
}

bool IsQuote(char16_t c) {
  return c == u'"' || c == 0x00AB || c == 0x00BB || c == 0x201C || c == 0x201D || c == 0x201E;
}

bool GapHasQuote(const icu::UnicodeString& text, int32_t from, int32_t to) {
  for (int32_t i = from; i < to; ++i) {
    if (IsQuote(text[i])) return true;
  }
  return false;
}

// Whether text [from, to), between a trigger word and a name, opens a quoted name: an opening
// quote mark (« “ „ or ") and nothing else but spaces and invisible marks (شركة «ترافيكو»). After
// a colon or a comma (مسؤول في المدينة: «...») the quote is speech; a closing mark (المدينة»
// وأضاف «...») ends a quote and opens no name.
bool OpensQuotedName(const icu::UnicodeString& text, int32_t from, int32_t to) {
  bool quote = false;
  for (int32_t i = from; i < to; ++i) {
    const char16_t c = text[i];
    if (IsQuote(c) && c != 0x00BB && c != 0x201D) {  // any mark but the closing » and ”
      quote = true;
    } else if (!(c == u' ' || c == u'\t' || c == 0x00A0 || c == 0x202F || c == 0x200C ||
                 c == 0x200E || c == 0x200F || c == 0x061C)) {
      return false;
    }
  }
  return quote;
}

// The candidate each word of a sentence is in (an index into out, from first_out), or -1.
std::vector<int32_t> Owners(const std::vector<Candidate>& out, size_t first_out, size_t n) {
  std::vector<int32_t> owner(n, -1);
  for (size_t c = first_out; c < out.size(); ++c) {
    for (int32_t k = out[c].first_word; k < out[c].end_word; ++k) {
      owner[k] = static_cast<int32_t>(c);
    }
  }
  return owner;
}

// Common nouns of place that follow a place word in construct with a preposition of their own
// (قرية بريف حماة، بلدة بجنوب لبنان): their ب is a preposition.
bool IsRegionNoun(std::u16string_view stem_key) {
  static const table::KeySet* const keys =
      KeySetOf({"ريف", "جنوب", "شمال", "شرق", "غرب", "وسط", "أطراف", "ضواحي", "محيط", "قرب", "جوار",
                "منطقة", "مدينة"});
  return keys->Contains(stem_key);
}

bool IsDigit(char16_t c) {
  return (c >= u'0' && c <= u'9') || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9);
}

// The end of a short number (1-3 digits) right after `from` (after one hyphen, or after spaces
// unless `hyphen` is required), ending at a word boundary; -1 if none. كوفيد-19، روسيا 1.
int32_t DesignationEnd(const icu::UnicodeString& text, int32_t from, bool hyphen) {
  int32_t k = from;
  if (k < text.length() && (text[k] == u'-' || text[k] == 0x2010 || text[k] == 0x2011)) {
    ++k;
  } else if (hyphen) {
    return -1;
  } else {
    while (k < text.length() && (text[k] == u' ' || text[k] == 0x00A0)) ++k;
    if (k == from) return -1;
  }
  const int32_t digits = k;
  while (k < text.length() && IsDigit(text[k])) ++k;
  if (k == digits || k - digits > kMaxDesignationDigits) return -1;
  if (k < text.length() && u_isalnum(text.char32At(k))) return -1;
  // Not the whole part of a decimal number (1.5، 1,5).
  if (k + 1 < text.length() && (text[k] == u'.' || text[k] == u',' || text[k] == 0x066B) &&
      IsDigit(text[k + 1])) {
    return -1;
  }
  return k;
}

// An adjective that may extend a phrase in ال: a relative adjective (ـي، ـية) or a participle
// (م...): الأركان المشتركة، الحزب الشيوعي.
bool LooksAdjective(const std::u16string& stem_key) {
  if (stem_key.size() < 3) return false;
  const char16_t last = stem_key.back();
  const char16_t before = stem_key[stem_key.size() - 2];
  return last == u'ي' || (before == u'ي' && (last == u'ة' || last == u'ه')) ||
         stem_key.front() == u'م';
}

// Whether a stem is the one ordinal that looks like an adjective (ثاني، ثانية: المركز الثاني is
// "second place"; the others, ثالث، رابع ...، do not end in ي).
bool Ordinal(const std::u16string& stem_key) {
  return stem_key == u"ثاني" || stem_key == u"ثانية" || stem_key == u"ثانيه";
}

// Whether a head is حركة, "movement" and as often "motion" (حركة الأرض حول الشمس، حركة الدورة
// الدموية، الحركة الجوية "air traffic"): it heads an organization's name only before a noun that
// names what a movement is for (حركة المقاومة الإسلامية، حركة عدم الانحياز), or in ال before a
// political adjective (الحركة الديمقراطية، الحركة الشعبية لتحرير السودان), unless quoted.
bool IsMotionHead(const std::u16string& stem_key) {
  static const std::u16string kHaraka = NameKey("حركة");
  return stem_key == kHaraka;
}
bool IsMovementAdjective(const std::u16string& stem_key) {
  static const table::KeySet* const keys =
      KeySetOf({"ديمقراطية", "ديموقراطية", "شعبية", "إسلامية", "وطنية", "قومية", "اشتراكية",
                "تقدمية", "ليبرالية", "ثورية", "صهيونية"});
  return keys->Contains(stem_key);
}
bool IsMovementNoun(const std::u16string& stem_key) {
  static const table::KeySet* const keys =
      KeySetOf({"مقاومة", "جهاد", "تحرير", "تحرر", "نهضة", "إصلاح", "توحيد", "عدل", "تغيير", "شباب",
                "مستقبل", "وفاق", "تجديد", "إنقاذ", "استقلال"});
  return keys->Contains(stem_key);
}

// Whether a key is a scale word that counts what follows it (مليون، مليار ...). Not ألف, also the
// verb "wrote" (ألف جالينوس كتبا).
bool IsScale(const std::u16string& key) {
  static const table::KeySet* const keys =
      KeySetOf({"آلاف", "مليون", "ملايين", "مليار", "مليارات", "بليون", "بلايين"});
  return keys->Contains(key);
}

// Whether a word is a noun that names a kind of work before its quoted title (برنامج، فيلم،
// مسلسل، رواية، كتاب ...), with any clitics (ببرنامج، برنامجها) or tanween (برنامجا).
bool IsWorkNoun(const Word& w) {
  static const table::KeySet* const keys =
      KeySetOf({"برنامج", "مسلسل", "فيلم", "كتاب", "رواية", "مسرحية", "قصيدة", "ديوان", "ألبوم",
                "أغنية", "كليب", "برنامجا", "مسلسلا", "فيلما", "كتابا",
                // ة becomes ت before a pronoun (أغنيتها، روايته)
                "أغنيت", "روايت", "مسرحيت", "قصيدت"});
  return keys->Contains(w.stem_key) || keys->Contains(w.key);
}

// Whether word w may stand between the work's noun `head` and its quoted title: بعنوان, a word
// of naming, or a relative adjective that agrees with the noun, in gender (برنامج تليفزيوني،
// رواية مصرية) and in being definite (المسلسل التليفزيوني، برنامجها التليفزيوني): البرنامج قضية
// "the programme, the issue of" is no adjective. Not a participle (كتاب مفتوح is an open letter:
// what it quotes is speech).
bool IsWorkTitleLink(const Word& head, const Word& w) {
  static const table::KeySet* const keys =
      KeySetOf({"جديد",   "جديدا",   "جديدة", "بعنوان", "عنوان",  "عنوانه", "عنوانها",
                "تحت",    "باسم",    "اسم",   "اسمه",   "اسمها",  "الشهير", "الشهيرة",
                "الأخير", "الأخيرة", "الأول", "الأولى", "الثاني", "الجديد", "الجديدة"});
  if (keys->Contains(w.key)) return true;
  const std::u16string& k = w.stem_key;
  const size_t len = k.size();
  if (w.proclitic || len < 3 || head.stem_key.empty() ||
      (w.article >= 0) != (head.article >= 0 || head.enclitic)) {
    return false;
  }
  const char16_t last = head.stem_key.back();
  const bool feminine = last == u'ة' || last == u'ه' || last == u'ت';
  return feminine ? k[len - 2] == u'ي' && (k[len - 1] == u'ة' || k[len - 1] == u'ه')
                  : k[len - 1] == u'ي' || (k[len - 2] == u'ي' && k[len - 1] == u'ا');
}

// Whether a word opens quoted speech rather than a title (إن الحكومة ...، لقد ...، سوف ...).
bool OpensSpeech(const Word& w) {
  static const table::KeySet* const keys =
      KeySetOf({"إن", "أن", "إنه", "إنها", "إننا", "إنهم", "لقد", "قد", "سوف"});
  return keys->Contains(w.key);
}

// The forms words[i] is looked up under: (key, where the match starts).
struct Form {
  const std::u16string* key;
  int32_t start;
};

int Forms(const Word& w, Form out[4]) {
  int n = 0;
  out[n++] = {&w.key, w.span.start};
  if (w.after_conjunction >= 0) out[n++] = {&w.conjunct_key, w.after_conjunction};
  if (!w.article_key.empty() && w.proclitic) out[n++] = {&w.article_key, w.article};
  if (w.stem.start != w.span.start && !w.stem_key.empty()) out[n++] = {&w.stem_key, w.stem.start};
  return n;
}

// The key of words [i, i + len), `first` standing for words[i]'s key: `first` itself for one
// word, else the keys joined by spaces in `joined`.
std::u16string_view Run(const std::u16string& first, const std::vector<Word>& words, size_t i,
                        int len, std::u16string* joined) {
  if (len == 1) return first;
  *joined = first;
  for (int j = 1; j < len; ++j) {
    *joined += u' ';
    *joined += words[i + j].key;
  }
  return *joined;
}

}  // namespace

const table::KeySet* KeySetOf(std::initializer_list<const char*> words) {
  auto* set = new table::KeySet();
  for (const char* w : words) set->Insert(normalize::KeyFromUtf8(w));
  return set;
}

bool Recognizer::PlaceAdjective(const Word& w) const {
  if (w.article < 0 || w.stem_key.size() < 3 || w.stem_key.back() != u'ي') return false;
  const char16_t before = w.stem_key[w.stem_key.size() - 2];
  if (before == u'ا' || before == u'و' || before == u'ي') return false;
  const int32_t e = FindName(w.stem_key);
  return e >= 0 && entries_[e].type == EntityType::kLocation && FindName(w.article_key) < 0;
}

// The key of a lexicon name: match keys of its words (split at spaces and hyphens), joined by one
// space, as the recognizer builds them from word tokens.
std::u16string NameKey(std::string_view utf8) {
  const std::u16string key = normalize::KeyFromUtf8(utf8);
  std::u16string out;
  bool space = false;
  for (size_t i = 0; i < key.size(); ++i) {
    const char16_t c = key[i];
    if (c == u' ' || c == u'-' || c == 0x2010 || c == 0x2011 || c == u'\t') {
      space = !out.empty();
      continue;
    }
    // The dot that ends a word of an abbreviation spelled out (بي. بي. سي is بي بي سي).
    if (c == u'.' && (i + 1 == key.size() || key[i + 1] == u' ')) continue;
    if (space) out.push_back(u' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

bool ConfidentOutside(const std::vector<Word>& words, size_t from, size_t to) {
  for (size_t k = from; k < to; ++k) {
    if (words[k].outside <= kConfidentOutside) return false;
  }
  return true;
}

Word MakeWord(const icu::UnicodeString& text, Span span, const clitics::Analysis& a) {
  return MakeWord(text, normalize::MatchKeys(text, span), a);
}

Word MakeWord(const icu::UnicodeString& text, const normalize::MatchKeys& keys,
              const clitics::Analysis& a) {
  Word w;
  const Span span = keys.range();
  w.span = span;
  w.stem = a.stem.length() > 0 ? a.stem : span;
  // One match-key view of the token; the stem's and the clitics' keys are cuts of it.
  w.key = keys.key();
  auto cut = [&](Span part) { return std::u16string(keys.KeyOf(part)); };
  w.stem_key = w.stem == span ? w.key : cut(w.stem);
  std::u16string previous;
  bool future = false;
  for (const Span& p : a.proclitics) {
    std::u16string k = cut(p);
    // The article is ال, or the second ل of a fused لل (للقاهرة = ل + ل + قاهرة).
    if (k == u"ال") {
      w.article = p.start;
    } else if (k == u"ل" && previous == u"ل") {
      // The text holds no alef to start the name at: the name starts at the stem.
      w.article = w.stem.start;
    } else {
      w.proclitic = true;
      future = future || k == u"س";
    }
    previous = std::move(k);
  }
  if (w.article >= 0) w.article_key = u"ال" + w.stem_key;
  // A future verb in the plural: س, a person prefix, a root of three letters or more, ون
  // (سيرثون، ستقولون). A foreign name may look like it starts with س (سيزار، ستيفان), rarely
  // like all of this.
  const std::u16string& st = w.stem_key;
  w.verb = future && st.size() >= 5 &&
           (st[0] == u'ي' || st[0] == u'ت' || st[0] == u'ن' || st[0] == u'ا') &&
           st.compare(st.size() - 2, 2, u"ون") == 0;
  // The clitic analysis may cut a name's first letter as a preposition (و+ب+يونغ for وبيونغ);
  // the token after its conjunction alone is looked up too.
  if (!a.proclitics.empty()) {
    const std::u16string first = cut(a.proclitics.front());
    w.conjunction = first == u"و";
    if ((first == u"و" || first == u"ف") && a.proclitics.size() > 1) {
      w.after_conjunction = a.proclitics.front().end;
      w.conjunct_key = cut(Span{w.after_conjunction, span.end});
    }
  }
  const UChar32 last = text.char32At(w.stem.end - 1);
  w.teh_marbuta = last == 0x0629;
  w.enclitic = !a.enclitics.empty();
  for (int32_t k = span.end - 1; k >= span.start && k >= span.end - 2; --k) {
    if (text[k] >= 0x064B && text[k] <= 0x064D) w.tanween = true;
  }
  return w;
}

void Shift(Word* w, int32_t by) {
  w->span.start += by;
  w->span.end += by;
  w->stem.start += by;
  w->stem.end += by;
  if (w->article >= 0) w->article += by;
  if (w->after_conjunction >= 0) w->after_conjunction += by;
}

Status Recognizer::Create(std::unique_ptr<Recognizer>* recognizer) {
  std::unique_ptr<Recognizer> r(new Recognizer());
  auto view = [](const unsigned char* data, size_t size) {
    return std::string_view(reinterpret_cast<const char*>(data), size);
  };
  for (std::string_view line :
       Split(view(basira_lexicon_not_names, basira_lexicon_not_names_size), "\n")) {
    if (!line.empty() && line[0] != '#') r->not_names_.Insert(NameKey(line));
  }
  for (std::string_view line :
       Split(view(basira_summarize_stopwords, basira_summarize_stopwords_size), "\n")) {
    line = Trim(line.substr(0, line.find('#')));
    if (!line.empty()) r->function_words_.Insert(NameKey(line));
  }
  Status s = r->AddLexicon(view(basira_lexicon_people, basira_lexicon_people_size), "people");
  if (s.ok()) {
    s = r->AddLexicon(view(basira_lexicon_organizations, basira_lexicon_organizations_size),
                      "organizations");
  }
  if (s.ok()) s = r->AddLexicon(view(basira_lexicon_places, basira_lexicon_places_size), "places");
  // Countries and cities as ICU names them (generated); the hand-written lists above win.
  if (s.ok()) {
    s = r->AddLexicon(view(basira_lexicon_icu_places, basira_lexicon_icu_places_size),
                      "icu_places");
  }
  // The news lexicons: names for what the tagger finds (it sees them as features), not matched
  // as names themselves; except an organization's name of two words or more (جنرال موتورز،
  // ستيوا بوخارست), which is seldom a common phrase: it is matched as the other lists' names are,
  // so that the tagger's missing or cutting it (موتورز a person, ستيوا and بوخارست two names) does
  // not lose it. (Cross-validating the whole analyzer: 76.14 -> 76.23; the second split 78.52 ->
  // 79.98; dev 80.13 -> 80.20; AQMAR 54.60 -> 54.62. Places, people and other names of two
  // words are not: جائزة نوبل، شمال أفريقيا، المسجد الأقصى are names the corpora cut otherwise, and
  // cross-validation fell to 75.62.)
  const std::pair<const unsigned char*, size_t> news[] = {
      {basira_lexicon_news_people, basira_lexicon_news_people_size},
      {basira_lexicon_news_organizations, basira_lexicon_news_organizations_size},
      {basira_lexicon_news_places, basira_lexicon_news_places_size},
      {basira_lexicon_news_misc, basira_lexicon_news_misc_size},
  };
  for (const auto& [data, size] : news) {
    if (s.ok()) s = r->AddLexicon(view(data, size), "news_*", /*matched=*/false);
  }
  if (s.ok()) s = r->AddPhrases(view(basira_lexicon_triggers, basira_lexicon_triggers_size));
  if (s.ok()) {
    s = r->AddKoreanNames(view(basira_lexicon_korean_names, basira_lexicon_korean_names_size));
  }
  if (s.ok()) {
    s = r->AddNameLatin(view(basira_lexicon_given_names, basira_lexicon_given_names_size),
                        "given_names", "PER-GIVEN", &r->given_names_, &r->given_latin_);
  }
  if (s.ok()) {
    s = r->AddNameLatin(view(basira_lexicon_family_names, basira_lexicon_family_names_size),
                        "family_names", "PER-FAMILY", &r->family_names_, &r->family_latin_);
  }
  if (s.ok()) {
    s = r->AddTitleHolders(view(basira_lexicon_title_holders, basira_lexicon_title_holders_size));
  }
  if (s.ok()) s = r->AddOrgWords(view(basira_lexicon_org_words, basira_lexicon_org_words_size));
  for (const char* word :
       {"كتب", "كتبت", "بقلم", "إعداد", "تحرير", "تقرير", "ترجمة", "مراسل", "مراسلة", "خاص"}) {
    r->byline_words_.Insert(NameKey(word));
  }
  if (!s.ok()) return s;
  r->syria_ = r->FindName(NameKey("سوريا"));
  r->west_bank_ = r->FindName(NameKey("الضفة الغربية"));
  *recognizer = std::move(r);
  return Status::Ok();
}

namespace {

// Whether c is a diacritic that tells homographs apart: harakat and tanween, shadda, sukun,
// dagger alif.
bool IsMark(char16_t c) { return (c >= 0x064B && c <= 0x0652) || c == 0x0670; }

// The diacritics of text[from, to), in order.
std::u16string Marks(const icu::UnicodeString& text, int32_t from, int32_t to) {
  std::u16string marks;
  for (int32_t i = from; i < to; ++i) {
    if (IsMark(text.charAt(i))) marks.push_back(text.charAt(i));
  }
  return marks;
}

// The diacritics of UTF-8 text, in order, read from the bytes (every one is two bytes, the first
// 0xD9): a lexicon's form needs no conversion to be told it has none, as nearly all have.
std::u16string MarksOfUtf8(std::string_view utf8) {
  std::u16string marks;
  for (size_t i = 0; i + 1 < utf8.size(); ++i) {
    if (static_cast<unsigned char>(utf8[i]) != 0xD9) continue;
    const auto c = static_cast<char16_t>(0x0640 | (static_cast<unsigned char>(utf8[i + 1]) & 0x3F));
    if (IsMark(c)) marks.push_back(c);
  }
  return marks;
}

// Whether a news lexicon's name is matched in text as the other lists' are: an organization's
// of two words or more (see Create), but not a club's name with its head noun (نادي ليفربول: the
// corpora leave نادي out).
bool LongOrganization(EntityType type, const std::u16string& key) {
  if (type != EntityType::kOrganization || WordCount(key) < 2) return false;
  static const std::u16string kClub = NameKey("نادي"), kTheClub = NameKey("النادي");
  const std::u16string first = FirstWord(key);
  return first != kClub && first != kTheClub;
}

}  // namespace

Status Recognizer::AddLexicon(std::string_view data, const char* name, bool matched) {
  for (std::string_view line : Split(data, "\n")) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string_view> f = Split(line, "|");
    if (f.size() != 4) {
      return Status(ErrorCode::kInternal,
                    std::string("data/lexicon/") + name +
                        ".txt: a line without 4 fields: " + std::string(line));
    }
    Entry e;
    e.canonical = std::string(f[0]);
    e.latin = std::string(f[2]);
    if (f[3] == "PER") {
      e.type = EntityType::kPerson;
    } else if (f[3] == "LOC") {
      e.type = EntityType::kLocation;
    } else if (f[3] == "ORG") {
      e.type = EntityType::kOrganization;
    } else if (f[3] == "MISC") {
      e.type = EntityType::kMisc;
    } else {
      return Status(ErrorCode::kInternal, std::string("data/lexicon/") + name +
                                              ".txt: unknown type " + std::string(f[3]));
    }
    auto id = static_cast<int32_t>(entries_.size());
    // A news lexicon's entry for a name a matched lexicon (or an earlier news lexicon's matched
    // organization) lists too (سول، سيول: Seoul) is that entry, so that both spellings are one
    // entity.
    const int32_t* same = matched ? nullptr : names_.Find(NameKey(f[0]));
    if (same != nullptr && entries_[*same].type == e.type) {
      id = *same;
    } else {
      entries_.push_back(std::move(e));
    }
    std::vector<std::string_view> forms = {f[0]};
    for (std::string_view v : Split(f[1], "،")) {
      for (std::string_view w : Split(v, ",")) {
        if (!w.empty()) forms.push_back(w);
      }
    }
    for (std::string_view form : forms) {
      const std::u16string key = NameKey(form);
      if (key.empty() || WordCount(key) > kMaxNameWords || not_names_.Contains(key)) continue;
      // A form written with diacritics: another entry's homograph may be told apart by them.
      const std::u16string marks = MarksOfUtf8(form);
      if (!marks.empty()) {
        std::vector<std::pair<std::u16string, int32_t>>& spelled =
            *spellings_.Insert(key, {}).first;
        spelled.emplace_back(marks, id);
        if (spelled.size() >= 2) {
          for (const auto& [other_marks, other] : spelled) entries_[other].homograph_key = key;
        }
      }
      if (!matched && !LongOrganization(entries_[id].type, key)) {
        if (names_.Find(key) == nullptr && known_names_.Insert(key, id).second) {
          entries_[id].keys.push_back(key);
        }
        continue;
      }
      if (names_.Insert(key, id).second) {
        entries_[id].keys.push_back(key);
        uint8_t& most = heads_[FirstWord(key)].most[kNameHeads];
        most = static_cast<uint8_t>(std::max<int>(most, WordCount(key)));
      }
    }
  }
  return Status::Ok();
}

Status Recognizer::AddKoreanNames(std::string_view data) {
  for (std::string_view line : Split(data, "\n")) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string_view> f = Split(line, "|");
    const std::string_view kind = f.empty() ? "" : Trim(f[0]);
    if (f.size() != 3 || (kind != "surname" && kind != "given")) {
      return Status(ErrorCode::kInternal,
                    "data/lexicon/korean_names.txt: bad line: " + std::string(line));
    }
    const auto latin = static_cast<int32_t>(korean_latin_.size());
    korean_latin_.emplace_back(Trim(f[2]));
    table::KeyMap<int32_t>& map = kind == "surname" ? korean_surnames_ : korean_given_;
    for (std::string_view form : Split(f[1], "،")) {
      const std::u16string key = NameKey(Trim(form));
      if (key.size() > kKoreanMostLetters) {
        return Status(ErrorCode::kInternal, "data/lexicon/korean_names.txt: longer than " +
                                                std::to_string(kKoreanMostLetters) +
                                                " letters: " + std::string(form));
      }
      if (!key.empty() && key.find(u' ') == std::u16string::npos) map.Insert(key, latin);
    }
  }
  return Status::Ok();
}

Status Recognizer::AddNameLatin(std::string_view data, const char* file, const char* kind,
                                table::KeyMap<int32_t>* keys, std::vector<std::string>* latin) {
  for (std::string_view line : Split(data, "\n")) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string_view> f = Split(line, "|");
    if (f.size() != 4 || Trim(f[3]) != kind || Trim(f[2]).empty()) {
      return Status(ErrorCode::kInternal,
                    std::string("data/lexicon/") + file + ".txt: bad line: " + std::string(line));
    }
    const auto index = static_cast<int32_t>(latin->size());
    latin->emplace_back(Trim(f[2]));
    std::vector<std::string_view> forms = {f[0]};
    for (std::string_view v : Split(f[1], "،")) forms.push_back(v);
    for (std::string_view form : forms) {
      const std::u16string key = NameKey(Trim(form));
      if (!key.empty()) keys->Insert(key, index);  // the first line of a key wins
    }
  }
  return Status::Ok();
}

Status Recognizer::AddTitleHolders(std::string_view data) {
  auto bad = [](std::string_view line, const char* why) {
    return Status(ErrorCode::kInternal,
                  std::string("data/lexicon/title_holders.txt: ") + why + ": " + std::string(line));
  };
  // A year, or 0 for an empty field; -1 when the field is not a year.
  auto year = [](std::string_view field) {
    field = Trim(field);
    if (field.empty()) return 0;
    int y = 0;
    for (char c : field) {
      if (c < '0' || c > '9' || y > 9999) return -1;
      y = y * 10 + (c - '0');
    }
    return y > 9999 ? -1 : y;
  };
  for (std::string_view line : Split(data, "\n")) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string_view> f = Split(line, "|");
    if (f.size() != 4) return bad(line, "a line without 4 fields");
    TitleHolder h;
    h.entry = FindName(NameKey(Trim(f[1])));
    if (h.entry < 0 || entries_[h.entry].type != EntityType::kPerson) {
      return bad(line, "a holder no people lexicon lists");
    }
    const int from = year(f[2]), to = year(f[3]);
    if (from <= 0 || to < 0 || (to > 0 && to < from)) return bad(line, "bad years");
    h.from = static_cast<int16_t>(from);
    h.to = static_cast<int16_t>(to);
    for (std::string_view title : Split(f[0], "،")) {
      const std::u16string key = NameKey(Trim(title));
      if (!TitleWithNationality(key)) return bad(line, "not a title and its nationality");
      auto [at, fresh] = title_holders_.Insert(key, static_cast<int32_t>(holders_.size()));
      if (fresh) holders_.emplace_back();
      holders_[*at].push_back(h);
    }
  }
  return Status::Ok();
}

bool Recognizer::TitleWithNationality(std::u16string_view key) const {
  // A title phrase (the longest that starts the key), then one or two nationality phrases.
  std::vector<size_t> ends;  // where each word of the key ends
  for (size_t at = key.find(u' '); at != std::u16string_view::npos; at = key.find(u' ', at + 1)) {
    ends.push_back(at);
  }
  ends.push_back(key.size());
  const auto& titles = phrases_[static_cast<int>(Phrase::kTitle)];
  const auto& nationalities = phrases_[static_cast<int>(Phrase::kNationality)];
  for (size_t t = ends.size() - 1; t-- > 0;) {
    if (!titles.Contains(key.substr(0, ends[t]))) continue;
    const size_t rest = ends[t] + 1;
    if (nationalities.Contains(key.substr(rest))) return true;
    for (size_t m = t + 1; m + 1 < ends.size(); ++m) {
      if (nationalities.Contains(key.substr(rest, ends[m] - rest)) &&
          nationalities.Contains(key.substr(ends[m] + 1))) {
        return true;
      }
    }
    return false;
  }
  return false;
}

const std::vector<Recognizer::TitleHolder>* Recognizer::TitleHolders(
    std::u16string_view key) const {
  const int32_t* at = title_holders_.Find(key);
  return at == nullptr ? nullptr : &holders_[*at];
}

Status Recognizer::AddOrgWords(std::string_view data) {
  for (std::string_view line : Split(data, "\n")) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string_view> f = Split(line, "|");
    const std::string_view kind = f.empty() ? "" : Trim(f[0]);
    OrgWord k;
    if (kind == "head") {
      k = OrgWord::kHead;
    } else if (kind == "adj") {
      k = OrgWord::kAdjective;
    } else if (kind == "nation") {
      k = OrgWord::kNation;
    } else if (kind == "noun") {
      k = OrgWord::kNoun;
    } else {
      return Status(ErrorCode::kInternal,
                    "data/lexicon/org_words.txt: unknown kind: " + std::string(line));
    }
    if (f.size() != 3 || Trim(f[2]).empty()) {
      return Status(ErrorCode::kInternal,
                    "data/lexicon/org_words.txt: a line without 3 fields: " + std::string(line));
    }
    const auto latin = static_cast<int32_t>(org_latin_.size());
    org_latin_.emplace_back(Trim(f[2]));
    table::KeyMap<int32_t>& map = org_words_[static_cast<int>(k)];
    for (std::string_view form : Split(f[1], "،")) {
      form = Trim(form);
      const std::u16string key = NameKey(form);
      if (key.empty() || WordCount(key) > 2 || form.rfind("ال", 0) == 0) {
        return Status(ErrorCode::kInternal,
                      "data/lexicon/org_words.txt: not one or two words without the article: " +
                          std::string(line));
      }
      map.Insert(key, latin);
      // An adjective's feminine (اقتصادية، كورية شمالية): ة, which is ه in a key, on each word.
      if (k == OrgWord::kAdjective || k == OrgWord::kNation) {
        std::u16string feminine;
        for (char16_t c : key) {
          if (c == u' ') feminine += u'ه';
          feminine += c;
        }
        map.Insert(feminine + u'ه', latin);
      }
    }
  }
  return Status::Ok();
}

const std::string* Recognizer::OrgWordLatin(OrgWord kind, std::u16string_view key) const {
  const int32_t* latin = org_words_[static_cast<int>(kind)].Find(key);
  return latin == nullptr ? nullptr : &org_latin_[*latin];
}

const std::string* Recognizer::GivenLatin(std::u16string_view key) const {
  const int32_t* latin = given_names_.Find(key);
  return latin == nullptr ? nullptr : &given_latin_[*latin];
}

const std::string* Recognizer::FamilyLatin(std::u16string_view key) const {
  const int32_t* latin = family_names_.Find(key);
  return latin == nullptr ? nullptr : &family_latin_[*latin];
}

const std::string* Recognizer::KoreanLatin(std::u16string_view key, bool surname) const {
  const int32_t* latin = (surname ? korean_surnames_ : korean_given_).Find(key);
  return latin == nullptr ? nullptr : &korean_latin_[*latin];
}

int Recognizer::MatchKoreanName(const std::vector<Word>& words, const icu::UnicodeString& text,
                                size_t i, int32_t* start, std::u16string* family_key) const {
  constexpr size_t kWords = 3;
  if (i + kWords > words.size()) return 0;
  const Word& family = words[i];
  if (family.article >= 0) return 0;
  // The family name as the whole token first: the clitic stage cuts a letter off some of them
  // (كوون as ك+وون); then without a conjunction or a preposition before it (وكيم، لكيم).
  auto known = [this](const std::u16string& key) {
    return key.size() <= kKoreanMostLetters && korean_surnames_.Find(key) != nullptr;
  };
  const bool conjunction = family.after_conjunction >= 0;
  const std::u16string& bare = conjunction ? family.conjunct_key : family.stem_key;
  if (known(family.key)) {
    *start = family.span.start;
    *family_key = family.key;
  } else if (family.proclitic && known(bare)) {
    *start = conjunction ? family.after_conjunction : family.stem.start;
    *family_key = bare;
  } else {
    return 0;
  }
  // The given-name syllables as whole tokens, whatever the clitic stage made of them (كيونغ is
  // no ك+يونغ here).
  for (size_t k = i + 1; k < i + kWords; ++k) {
    const Word& w = words[k];
    if (w.tanween || w.key.size() > kKoreanMostLetters || !Adjacent(text, words, k - 1) ||
        korean_given_.Find(w.key) == nullptr) {
      return 0;
    }
  }
  return static_cast<int>(kWords);
}

Status Recognizer::AddPhrases(std::string_view data) {
  for (std::string_view line : Split(data, "\n")) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string_view> f = Split(line, "|");
    if (f.size() != 2) {
      return Status(ErrorCode::kInternal,
                    "data/lexicon/triggers.txt: bad line: " + std::string(line));
    }
    Phrase kind;
    if (f[0] == "title") {
      kind = Phrase::kTitle;
    } else if (f[0] == "occupation") {
      kind = Phrase::kOccupation;
    } else if (f[0] == "nationality") {
      kind = Phrase::kNationality;
    } else if (f[0] == "org") {
      kind = Phrase::kOrg;
    } else if (f[0] == "orgname") {
      kind = Phrase::kOrgName;
    } else if (f[0] == "orgcommon") {
      kind = Phrase::kOrgCommon;
    } else if (f[0] == "loc") {
      kind = Phrase::kLoc;
    } else if (f[0] == "locquoted") {
      kind = Phrase::kLocQuoted;
    } else if (f[0] == "outside") {
      kind = Phrase::kOutside;
    } else if (f[0] == "stop") {
      kind = Phrase::kStop;
    } else if (f[0] == "club") {
      kind = Phrase::kClub;
    } else if (f[0] == "sport") {
      kind = Phrase::kSport;
    } else if (f[0] == "common") {
      kind = Phrase::kCommon;
    } else {
      return Status(ErrorCode::kInternal,
                    "data/lexicon/triggers.txt: unknown kind: " + std::string(f[0]));
    }
    const std::u16string key = NameKey(f[1]);
    if (key.empty()) continue;
    if (WordCount(key) > UINT8_MAX) {
      return Status(ErrorCode::kInternal,
                    "data/lexicon/triggers.txt: a phrase too long: " + std::string(line));
    }
    phrases_[static_cast<int>(kind)].Insert(key);
    uint8_t& most = heads_[FirstWord(key)].most[static_cast<int>(kind)];
    most = static_cast<uint8_t>(std::max<int>(most, WordCount(key)));
  }
  return Status::Ok();
}

bool Recognizer::Adjacent(const icu::UnicodeString& text, const std::vector<Word>& words,
                          size_t i) {
  if (i + 1 >= words.size()) return false;
  int line_breaks = 0;  // one is where a hard-wrapped line cut the name
  for (int32_t k = words[i].span.end; k < words[i + 1].span.start; ++k) {
    const char16_t c = text[k];
    if (c == u'\n' || c == 0x2028) {
      ++line_breaks;
      continue;
    }
    if (!(c == u' ' || c == u'\t' || c == u'\r' || c == u'-' || c == 0x00A0 || c == 0x2010 ||
          c == 0x2011 || c == 0x200C || c == 0x200F || c == 0x200E)) {
      return false;
    }
  }
  return line_breaks <= 1;
}

void Recognizer::MarkHeads(Word* w) const {
  Form forms[4];
  const int n = Forms(*w, forms);
  w->heads = 0;
  for (int f = 0; f < n; ++f) {
    const Heads* heads = heads_.Find(*forms[f].key);
    if (heads == nullptr) continue;
    for (int k = 0; k <= kNameHeads; ++k) {
      if (heads->most[k] > 0) w->heads |= 1u << k;
    }
  }
}

bool Recognizer::MarkCommonPhrases(const std::vector<Word>& words, std::vector<bool>* marks) const {
  bool any = false;
  for (size_t i = 0; i < words.size(); ++i) {
    const int len = MatchPhrase(Phrase::kCommon, words, i, nullptr);
    if (len > 0) std::fill(marks->begin() + i, marks->begin() + i + len, any = true);
  }
  return any;
}

int32_t Recognizer::SpelledEntry(int32_t entry, const icu::UnicodeString& text, Span span) const {
  const std::u16string& key = entries_[entry].homograph_key;
  if (key.empty()) return -1;
  const std::u16string marks = Marks(text, span.start, span.end);
  if (marks.empty()) return -1;
  const std::vector<std::pair<std::u16string, int32_t>>& spelled = *spellings_.Find(key);
  int32_t best = entry;
  size_t most = 0;
  for (const auto& [listed, id] : spelled) {
    if (entries_[id].type != entries_[entry].type) continue;
    size_t shared = 0;
    for (char16_t c : marks) shared += listed.find(c) != std::u16string::npos ? 1 : 0;
    if (shared > most) {
      most = shared;
      best = id;
    }
  }
  return best;
}

int Recognizer::SportWords(const std::vector<Word>& words, int most) const {
  int count = 0;
  for (size_t k = 0; k < words.size() && count < most; ++k) {
    if (MatchPhrase(Phrase::kSport, words, k, nullptr) > 0) ++count;
  }
  return count;
}

int Recognizer::MatchPhrase(Phrase kind, const std::vector<Word>& words, size_t i,
                            std::u16string* key) const {
  const int k = static_cast<int>(kind);
  if (i >= words.size() || (words[i].heads >> k & 1) == 0) return 0;
  Form forms[4];
  const int n = Forms(words[i], forms);
  for (int f = 0; f < n; ++f) {
    const Heads* heads = heads_.Find(*forms[f].key);
    if (heads == nullptr || heads->most[k] == 0) continue;
    const int most = std::min<int>(heads->most[k], static_cast<int>(words.size() - i));
    std::u16string joined;
    for (int len = most; len >= 1; --len) {
      const std::u16string_view candidate = Run(*forms[f].key, words, i, len, &joined);
      if (phrases_[k].Contains(candidate)) {
        if (key != nullptr) key->assign(candidate);
        return len;
      }
    }
  }
  return 0;
}

int Recognizer::MatchName(const std::vector<Word>& words, const icu::UnicodeString& text, size_t i,
                          int32_t* start, int32_t* entry, std::u16string* key) const {
  if ((words[i].heads >> kNameHeads & 1) == 0) return 0;
  Form forms[4];
  const int n = Forms(words[i], forms);
  int best = 0;
  for (int f = 0; f < n; ++f) {
    const Heads* heads = heads_.Find(*forms[f].key);
    if (heads == nullptr || heads->most[kNameHeads] == 0) continue;
    // How far the words run on without punctuation between them.
    int most = 1;
    while (most < heads->most[kNameHeads] && Adjacent(text, words, i + most - 1)) ++most;
    std::u16string joined;
    for (int len = most; len > best; --len) {
      const std::u16string_view candidate = Run(*forms[f].key, words, i, len, &joined);
      const int32_t* found = names_.Find(candidate);
      if (found == nullptr) continue;
      best = len;
      *start = forms[f].start;
      *entry = *found;
      key->assign(candidate);
      break;
    }
  }
  return best;
}

size_t Recognizer::PersonBeforeOffice(const icu::UnicodeString& text,
                                      const std::vector<Word>& words, size_t i,
                                      const std::vector<bool>& used) const {
  // The offices a name is put before in apposition: in construct (وزير الخارجية، رئيس الوفد),
  // or with the article (الأمين العام، المتحدث باسم ...).
  static const std::vector<std::u16string> kOffices = [] {
    std::vector<std::u16string> keys;
    for (const char* office :
         {"وزير",     "وزيرة",  "رئيس",    "رئيسة",  "مدير",    "مديرة",   "نائب",
          "نائبة",    "سفير",   "سفيرة",   "مستشار", "مستشارة", "مندوب",   "مندوبة",
          "محافظ",    "محافظة", "قائد",    "أمين",   "الأمين",  "الأمينة", "المتحدث",
          "المتحدثة", "الناطق", "الناطقة", "زعيم",   "زعيمة"}) {
      keys.push_back(NameKey(office));
    }
    return keys;
  }();
  const size_t n = words.size();
  const Word& first = words[i];
  if (used[i] || first.enclitic || first.tanween || first.article >= 0 ||
      (first.proclitic && !(first.conjunction && first.stem.start == first.span.start + 1)) ||
      GivenLatin(first.stem_key) == nullptr) {
    return 0;
  }
  for (size_t j = i + 1; j < n && j <= i + 3; ++j) {
    if (!Adjacent(text, words, j - 1) || used[j]) return 0;
    const Word& w = words[j];
    if (!w.proclitic && std::find(kOffices.begin(), kOffices.end(), w.key) != kOffices.end()) {
      return j >= i + 2 ? j : 0;
    }
    if (w.proclitic || w.enclitic || w.tanween ||
        MatchPhrase(Phrase::kStop, words, j, nullptr) > 0 ||
        MatchPhrase(Phrase::kTitle, words, j, nullptr) > 0) {
      return 0;
    }
  }
  return 0;
}

bool Recognizer::SyriaHere(const icu::UnicodeString& text, const std::vector<Word>& words, size_t i,
                           const std::vector<Candidate>& out, size_t first_out) const {
  const Word& w = words[i];
  if (w.article >= 0 || w.enclitic || w.tanween) return false;
  const char16_t before = w.stem.start > w.span.start ? text[w.stem.start - 1] : 0;
  if (i == 0 || before == u'ب' || before == u'ل') return true;
  // After a preposition or a particle, or a direction or a region's extent (جنوب سورية، أنحاء
  // سورية: "of Syria"): no adjective.
  static const std::u16string kOf[] = {NameKey("جنوب"), NameKey("شمال"), NameKey("شرق"),
                                       NameKey("غرب"),  NameKey("وسط"),  NameKey("أنحاء")};
  if (before == 0 &&
      (MatchPhrase(Phrase::kStop, words, i - 1, nullptr) > 0 ||
       std::find(std::begin(kOf), std::end(kOf), words[i - 1].key) != std::end(kOf))) {
    return true;
  }
  // After a place and و or a comma (الأردن وسورية، دمشق، سورية).
  bool comma = false;
  for (int32_t k = words[i - 1].span.end; before == 0 && k < w.span.start; ++k) {
    comma = comma || text[k] == u'،' || text[k] == u',';
  }
  if (before != u'و' && before != u'ف' && !comma) return false;
  return std::any_of(
      out.begin() + static_cast<std::ptrdiff_t>(first_out), out.end(), [&](const Candidate& place) {
        return place.type == EntityType::kLocation && place.end_word == static_cast<int32_t>(i);
      });
}

void Recognizer::Recognize(const icu::UnicodeString& text, const std::vector<Word>& words,
                           const std::vector<Candidate>& statistical,
                           std::vector<Candidate>* out) const {
  const size_t n = words.size();
  const size_t first_out = out->size();
  std::vector<bool> used(n, false);
  auto confident_outside = [&](size_t from, size_t to) {
    return ConfidentOutside(words, from, to);
  };
  // The key of word w from `start` on, where a mention starts in it (after its conjunction, at
  // its article, at its stem, or the whole token).
  auto key_from = [](const Word& w, int32_t start) -> const std::u16string& {
    return start == w.stem.start          ? w.stem_key
           : start == w.article           ? w.article_key
           : start == w.after_conjunction ? w.conjunct_key
                                          : w.key;
  };
  // The length of a title or an occupation at words[k] (الرئيس، الفنان ...), or 0: words that are
  // never part of a person's name.
  auto title_here = [&](size_t k) {
    return std::max(MatchPhrase(Phrase::kTitle, words, k, nullptr),
                    MatchPhrase(Phrase::kOccupation, words, k, nullptr));
  };
  // Whether words [from, to) stand alone in parentheses: a credit or an agency mark, (أ ف ب)،
  // (رويترز), which the lexicon names with certainty whatever the tagger makes of the line.
  auto parenthesized = [&](size_t from, size_t to) {
    int32_t before = words[from].span.start, after = words[to - 1].span.end;
    while (before > 0 && (text[before - 1] == u' ' || text[before - 1] == 0x00A0)) --before;
    while (after < text.length() && (text[after] == u' ' || text[after] == 0x00A0)) ++after;
    return before > 0 && text[before - 1] == u'(' && after < text.length() && text[after] == u')';
  };
  // Whether words [from, to) are exactly a nationality adjective (الكورية الشمالية): an
  // adjective, never a name by itself (العاصمة الكورية الشمالية is Pyongyang, or nothing).
  auto nationality_only = [&](size_t from, size_t to) {
    return static_cast<size_t>(MatchPhrase(Phrase::kNationality, words, from, nullptr)) ==
           to - from;
  };
  // Whether words [from, to) are a nationality adjective HERE: exactly one, and where the same
  // words also name a place (السعودية: "Saudi", and Saudi Arabia) written as an adjective is:
  // right after a definite word (الحكومة السعودية، المحادثات الإسرائيلية السعودية) with no clitic
  // of their own. في السعودية، والسعودية، لعهد السعودية، إن السعودية name the country.
  auto adjective_here = [&](size_t from, size_t to) {
    if (!nationality_only(from, to)) return false;
    int32_t start = 0, entry = -1;
    std::u16string key;
    if (static_cast<size_t>(MatchName(words, text, from, &start, &entry, &key)) != to - from ||
        entries_[entry].type != EntityType::kLocation) {
      return true;
    }
    return !words[from].proclitic && from > 0 && words[from - 1].article >= 0 &&
           Adjacent(text, words, from - 1);  // not after a comma, a quote mark ...
  };
  // Whether words [from, to) are exactly a trigger head (حركة، قطاع، وزارة ...).
  auto trigger_only = [&](size_t from, size_t to) {
    for (Phrase kind :
         {Phrase::kOrg, Phrase::kOrgName, Phrase::kOrgCommon, Phrase::kLoc, Phrase::kLocQuoted}) {
      if (static_cast<size_t>(MatchPhrase(kind, words, from, nullptr)) == to - from) return true;
    }
    return false;
  };
  // 1a. Korean names by their shape, where no lexicon name of as many words starts (كيم جونغ أون
  // is the lexicon's; كيم يو جونغ is not Kim Jong Un, whom the lexicon's كيم alone names).
  for (size_t i = 0; i < n; ++i) {
    int32_t start = 0, lexicon_start = 0, entry = -1;
    std::u16string family, key;
    const int len = MatchKoreanName(words, text, i, &start, &family);
    if (len == 0 || MatchName(words, text, i, &lexicon_start, &entry, &key) >= len) continue;
    Candidate c;
    c.span = Span{start, words[i + len - 1].span.end};
    c.type = EntityType::kPerson;
    c.source = Source::kNameShape;
    c.first_word = static_cast<int32_t>(i);
    c.end_word = static_cast<int32_t>(i + len);
    c.key = std::move(family);
    for (int32_t k = c.first_word + 1; k < c.end_word; ++k) c.key += u' ' + words[k].key;
    std::fill(used.begin() + c.first_word, used.begin() + c.end_word, true);
    out->push_back(std::move(c));
    i += len - 1;
  }
  // 1a'. An outlet's name without its head noun, in quotes (لـ«الشرق الأوسط»، بيروت: «الحياة»):
  // the outlet a lexicon lists with the head (صحيفة الشرق الأوسط), not the place or the common
  // word the name also is. A name of one word only where the quote tells whom one spoke to (لـ)
  // or follows a dateline's colon: alone, a quoted word is as often a word in scare quotes.
  static const std::vector<std::u16string>* const kOutletHeads = [] {
    auto* heads = new std::vector<std::u16string>();
    for (const char* head : {"صحيفة", "جريدة", "مجلة", "قناة", "وكالة", "إذاعة", "شبكة"}) {
      heads->push_back(NameKey(head) + u' ');
    }
    return heads;
  }();
  for (size_t i = 0; i < n; ++i) {
    if (used[i]) continue;
    // The opening quote mark right before word i, and what comes before it.
    int32_t q = words[i].span.start;
    while (q > 0 && (text[q - 1] == u' ' || text[q - 1] == 0x00A0)) --q;
    if (q == 0 || !IsQuote(text[q - 1]) || text[q - 1] == 0x00BB || text[q - 1] == 0x201D) {
      continue;
    }
    int32_t b = q - 1;
    while (b > 0 && (text[b - 1] == u' ' || text[b - 1] == 0x00A0 || text[b - 1] == 0x0640)) --b;
    const bool told =
        b > 0 && text[b - 1] == u'ل' && (b == 1 || !u_isalpha(static_cast<UChar32>(text[b - 2])));
    const bool dateline = b > 0 && (text[b - 1] == u':' || text[b - 1] == 0x061B);
    for (size_t k = i; k < n && k < i + kMaxQuotedWords && !used[k]; ++k) {
      const int32_t gap_end = k + 1 < n ? words[k + 1].span.start : text.length();
      int32_t e = words[k].span.end;
      while (e < gap_end && (text[e] == u' ' || text[e] == 0x00A0)) ++e;
      if (e >= gap_end || !IsQuote(text[e])) {
        if (k + 1 < n && !Adjacent(text, words, k)) break;
        continue;
      }
      if (k == i && !told && !dateline) break;
      std::u16string key;
      for (size_t w = i; w <= k; ++w) key += (w > i ? u" " : u"") + words[w].key;
      int32_t entry = -1;
      for (const std::u16string& head : *kOutletHeads) {
        const int32_t found = FindName(head + key);
        if (found >= 0 && entries_[found].type == EntityType::kOrganization) {
          entry = found;
          break;
        }
      }
      if (entry < 0) break;
      Candidate c;
      c.span = Span{words[i].span.start, words[k].span.end};
      c.type = EntityType::kOrganization;
      c.source = Source::kLexicon;
      c.entry = entry;
      c.key = std::move(key);
      c.first_word = static_cast<int32_t>(i);
      c.end_word = static_cast<int32_t>(k + 1);
      std::fill(used.begin() + i, used.begin() + k + 1, true);
      out->push_back(std::move(c));
      i = k;
      break;
    }
  }
  // 1a''. The title of a work in quotes after the noun that names its kind (برنامج «الناس وأنا»،
  // فيلم «...»، رواية «...», with adjectives or بعنوان between: برنامجا تليفزيونيا بعنوان «...»,
  // or بعنوان a few words on: برنامجا منذ فترة كان بعنوان «...»):
  // MISC, the quoted words whole, whatever else they would name (مع نور is a programme, not the
  // person نور). Scare quotes after other nouns are left to the other rules.
  for (size_t i = 0; i < n; ++i) {
    if (used[i] || !IsWorkNoun(words[i])) continue;
    size_t j = i + 1;
    while (j < n && j <= i + 3 && !used[j] && Adjacent(text, words, j - 1) &&
           IsWorkTitleLink(words[i], words[j])) {
      ++j;
    }
    // Or بعنوان a few words on, whatever comes between (برنامجا منذ فترة كان بعنوان «...»).
    static const std::u16string kTitled = NameKey("بعنوان");
    for (size_t k = j; k < n && k <= i + 5 && Adjacent(text, words, k - 1); ++k) {
      if (words[k].key == kTitled) {
        j = k + 1;
        break;
      }
    }
    if (j >= n || used[j] || OpensSpeech(words[j]) ||
        !OpensQuotedName(text, words[j - 1].span.end, words[j].span.start)) {
      continue;
    }
    size_t end = j;
    for (size_t k = j; k < n && k < j + kMaxQuotedWords && !used[k]; ++k) {
      const int32_t gap_end = k + 1 < n ? words[k + 1].span.start : text.length();
      if (GapHasQuote(text, words[k].span.end, std::min(gap_end, words[k].span.end + 3))) {
        end = k + 1;
        break;
      }
      if (k + 1 < n && !Adjacent(text, words, k)) break;  // punctuation inside: no title
    }
    if (end == j) continue;
    Candidate c;
    c.span = Span{words[j].span.start, words[end - 1].span.end};
    c.type = EntityType::kMisc;
    c.source = Source::kWorkTitle;
    c.first_word = static_cast<int32_t>(j);
    c.end_word = static_cast<int32_t>(end);
    for (size_t k = j; k < end; ++k) c.key += (k > j ? u" " : u"") + words[k].key;
    std::fill(used.begin() + j, used.begin() + end, true);
    out->push_back(std::move(c));
    i = end - 1;
  }
  // 1. Lexicon names, longest first at each position. Overlaps with the tagger's mentions are
  // decided here, once: the tagger (which sees the lexicon match as a feature, and the context)
  // says whether a name stands here; the lexicon says which, and where it ends.
  for (size_t i = 0; i < n;) {
    int32_t start = 0, entry = -1;
    std::u16string key;
    const int len = MatchName(words, text, i, &start, &entry, &key);
    if (len == 0 ||
        std::any_of(used.begin() + i, used.begin() + i + len, [](bool u) { return u; })) {
      ++i;
      continue;
    }
    const auto first = static_cast<int32_t>(i), end = static_cast<int32_t>(i + len);
    const EntityType type = entries_[entry].type;
    bool overlapped = false, inside = false;
    const Candidate* tail = nullptr;
    // The tagger's mentions are in text order and do not overlap: the ones over [first, end)
    // start at the first that ends after `first`.
    const auto from = std::partition_point(statistical.begin(), statistical.end(),
                                           [&](const Candidate& c) { return c.end_word <= first; });
    for (auto it = from; it != statistical.end() && it->first_word < end; ++it) {
      const Candidate& c = *it;
      overlapped = true;
      // A lexicon name inside a longer tagger mention of another type is part of another name
      // (the place كييف in the club دينامو كييف): the tagger's mention is taken instead.
      // But a person's name never starts with a place's name of two words or more (موسكو
      // وبيونغ يانغ تنفيان: the tagger ran the city into the verb after it).
      if (c.first_word <= first && c.end_word >= end && c.end_word - c.first_word > len &&
          c.type != type &&
          !(c.type == EntityType::kPerson && type == EntityType::kLocation && len >= 2 &&
            c.first_word == first)) {
        inside = true;
      }
      // A lexicon place inside a longer tagger mention of a place (أميركا in أميركا اللاتينية،
      // جيرسي in نيو جيرسي، الصين in بحر الصين), or a Korean family name (كيم, listed alone as
      // كيم جونغ أون's) starting the tagger's person of two words (كيم هاولز): another referent
      // whose name takes the listed one in; the tagger's mention is taken instead. Only where
      // the tagger's other words could be a name's: none after its first starts with و (سوريا
      // ولبنان are two), carries tanween or is a function word (بغداد أمس); and not for a
      // surname the tagger's name goes on past (كيني ميلر هدفين). (Checked by cross-validating
      // the whole analyzer and on AQMAR; see the model card.)
      auto name_words_around = [&]() {
        for (int32_t k = c.first_word; k < c.end_word; ++k) {
          if (k >= first && k < end) continue;
          const Word& w = words[k];
          if ((w.conjunction && k > c.first_word) || w.tanween || FunctionWord(w.key) ||
              MatchPhrase(Phrase::kStop, words, k, nullptr) > 0) {
            return false;
          }
        }
        return true;
      };
      const bool korean_family = len == 1 && korean_surnames_.Find(key) != nullptr;
      if (c.first_word <= first && c.end_word >= end && c.end_word - c.first_word > len &&
          c.type == type &&
          (type == EntityType::kLocation || (type == EntityType::kPerson && korean_family &&
                                             c.first_word == first && c.end_word == end + 1)) &&
          name_words_around()) {
        inside = true;
      }
      // A lexicon name that is a head noun before the tagger's mention of the same type (حركة
      // حماس، قطاع غزة): the name proper is the tagger's, without its head noun.
      if (c.type == type && c.end_word == end && c.first_word > first &&
          trigger_only(i, static_cast<size_t>(c.first_word))) {
        tail = &c;
      }
    }
    // A lexicon name the tagger tags O where it is confident (it saw the match) is a common
    // phrase here (مجلس الشيوخ as a chamber in general, a place in a club's name), unless it
    // stands alone in parentheses; a nationality adjective alone is never a name. Nor is a
    // place whose one-word name ends in ي found under an article it does not have: that is its
    // relative adjective (التشيلي "the Chilean", البوروندي، المالي), not the country.
    const bool nisba = type == EntityType::kLocation && len == 1 && start >= words[i].stem.start &&
                       PlaceAdjective(words[i]);
    if (inside || (!overlapped && confident_outside(i, i + len) && !parenthesized(i, i + len)) ||
        adjective_here(i, i + len) || nisba) {
      ++i;
      continue;
    }
    Candidate c;
    c.span = Span{start, words[i + len - 1].span.end};
    c.type = type;
    c.source = Source::kLexicon;
    c.entry = entry;
    c.key = std::move(key);
    c.first_word = first;
    c.end_word = end;
    if (tail != nullptr) {
      c.span.start = tail->span.start;
      c.key = tail->key;
      c.first_word = tail->first_word;
    }
    // A person's listed form with a title (الشيخ تميم) names the person from the word after the
    // title, as every person's mention starts after its titles; the title's words stay free, so
    // that the title rule gives the person its title.
    int32_t used_from = first;
    if (type == EntityType::kPerson) {
      const int title = title_here(i);
      if (title > 0 && title < len) {
        c.first_word = first + title;
        used_from = c.first_word;
        c.span.start = words[c.first_word].span.start;
        c.key.clear();
        for (int32_t k = c.first_word; k < end; ++k) {
          c.key += (k > c.first_word ? u" " : u"") + words[k].key;
        }
      }
    }
    std::fill(used.begin() + used_from, used.begin() + end, true);
    out->push_back(std::move(c));
    i += len;
  }

  // 1b. The tagger's mentions where no lexicon name stands. A one-word mention that is a stop
  // word (جراء، داخل), carries tanween (حسنًا) or is listed in not_names (مالي) is a common
  // word, not a name.
  // Two people joined by و (عبدالرحمن وعباس بابكر): the tagger's one mention is two.
  std::vector<Candidate> split;
  // Whether the sentence has a word of sport (computed once, when first asked).
  int sport = -1;
  auto sport_here = [&](int words_of_sport) {
    if (sport < 0) sport = SportWords(words, 2);
    return sport >= words_of_sport;
  };
  // Whether word k comes right after a place word (منطقة، مدينة، إقليم ...) without its article.
  auto after_place_word = [&](size_t k) {
    for (size_t len = 1; len <= 2 && len <= k; ++len) {
      const size_t head = k - len;
      if (words[head].article < 0 && Adjacent(text, words, k - 1) &&
          static_cast<size_t>(MatchPhrase(Phrase::kLoc, words, head, nullptr)) == len) {
        return true;
      }
    }
    return false;
  };
  for (const Candidate& c : statistical) {
    // Words [from, to) of c as a mention of its own. A person's name starts after its titles
    // (والشيخ مايد، وسمو الأمير ...: the corpora leave titles outside names), where a word is left.
    auto part = [&](int32_t from, int32_t to) {
      Candidate p = c;
      bool titled = false;
      while (c.type == EntityType::kPerson) {
        const int len = title_here(from);
        if (len <= 0 || from + len >= to) break;
        from += len;
        titled = true;
      }
      const Word& w = words[from];
      p.first_word = from;
      p.end_word = to;
      // After و the name starts at the letter after it (وبرنار: the ب is the name's own).
      p.span = Span{titled                     ? w.span.start
                    : from == c.first_word     ? c.span.start
                    : w.after_conjunction >= 0 ? w.after_conjunction
                    : w.article >= 0           ? w.article
                                               : w.stem.start,
                    to == c.end_word ? c.span.end : words[to - 1].span.end};
      split.push_back(std::move(p));
    };
    int32_t from = c.first_word;
    if (c.type == EntityType::kPerson) {
      for (int32_t k = c.first_word + 1; k + 1 < c.end_word; ++k) {
        if (!words[k].conjunction || words[k].stem_key.size() < 3) continue;
        part(from, k);
        from = k;
      }
    } else if (c.type == EntityType::kOrganization) {
      // Two organizations a lexicon lists, joined by و (تويوتا وجنرال موتورز، أرسنال وموناكو): the
      // tagger's one mention is two. Names with و of their own (البنك الأوروبي لإعادة الإعمار
      // والتنمية) are not two listed names.
      const std::u16string& first = key_from(words[c.first_word], c.span.start);
      // Each side at most as long as a lexicon name: a long mention is not tried at every و.
      for (int32_t k = std::max(c.first_word + 1, c.end_word - kMaxNameWords);
           k < c.end_word && k - c.first_word <= kMaxNameWords; ++k) {
        const Word& w = words[k];
        if (!w.conjunction) continue;
        const std::u16string& second = w.after_conjunction >= 0 ? w.conjunct_key
                                       : w.article >= 0         ? w.article_key
                                                                : w.stem_key;
        std::u16string before, after;
        if (FindName(Run(first, words, from, k - from, &before)) >= 0 &&
            FindName(Run(second, words, k, c.end_word - k, &after)) >= 0) {
          part(from, k);
          from = k;
          break;
        }
      }
    }
    part(from, c.end_word);
  }
  for (Candidate c : split) {
    // A place right after a place word in construct (منطقة بريمورسكي) takes no preposition: a
    // ب، ل or ك the clitic stage cut off its first word is the name's own letter. Not before a
    // common noun of place (قرية بريف حماة: "a village in the countryside of Hama").
    const Word& head = words[c.first_word];
    if (c.type == EntityType::kLocation && head.proclitic && head.article < 0 &&
        head.after_conjunction < 0 && c.span.start > head.span.start &&
        after_place_word(c.first_word) && !IsRegionNoun(head.stem_key)) {
      c.span.start = head.span.start;
    }
    // A name a lexicon lists with the first letter the clitic stage took for a preposition
    // (ليفربول is no ل + يفربول) starts at that letter, when the name without it is not listed.
    std::u16string joined;
    auto listed = [&](const std::u16string& first) {
      if (first.empty()) return false;
      const int32_t e =
          FindName(Run(first, words, c.first_word, c.end_word - c.first_word, &joined));
      return e >= 0 && entries_[e].type == c.type;
    };
    // The other way round: a mention the tagger starts at a ك or س it kept (names begin with
    // them: src/tagger) starts after it when only the name without it is listed (كبحر قزوين).
    if (head.proclitic && head.article < 0 && c.span.start < head.stem.start &&
        (c.span.start == head.span.start || c.span.start == head.after_conjunction)) {
      const std::u16string& now = c.span.start == head.span.start ? head.key : head.conjunct_key;
      if (!listed(now) && listed(head.stem_key)) c.span.start = head.stem.start;
    }
    if (head.proclitic && c.span.start > head.span.start) {
      const std::u16string* now = c.span.start == head.stem.start          ? &head.stem_key
                                  : c.span.start == head.article           ? &head.article_key
                                  : c.span.start == head.after_conjunction ? &head.conjunct_key
                                                                           : nullptr;
      // A person's first word that is a given name whole (فرانسيس، فيليب، بيير، ليوناردو: no
      // ف + رانسيس) starts at its first letter, when what is left is none.
      auto given = [&](const std::u16string& key) {
        return c.type == EntityType::kPerson && GivenLatin(key) != nullptr &&
               GivenLatin(*now) == nullptr;
      };
      // Nor is the ف of a name's particle a conjunction (فان نيستلروي، فون براون), before the
      // rest of the name.
      static const std::u16string kVan = NameKey("فان"), kVon = NameKey("فون");
      const bool particle = c.type == EntityType::kPerson && c.end_word - c.first_word >= 2 &&
                            (head.key == kVan || head.key == kVon);
      if (now != nullptr && !listed(*now)) {
        if (head.after_conjunction > head.span.start && c.span.start > head.after_conjunction &&
            (listed(head.conjunct_key) || given(head.conjunct_key))) {
          c.span.start = head.after_conjunction;
        } else if (!head.conjunction && (listed(head.key) || given(head.key) || particle)) {
          c.span.start = head.span.start;
        }
      }
    }
    // Right after a preposition (في بريمن، من بلكيفيتش), a ب، ل or ك the clitic stage cut off is
    // the name's own first letter: Arabic puts no second preposition there.
    if (head.proclitic && head.article < 0 && c.span.start == head.stem.start &&
        head.stem.start == head.span.start + 1 && c.first_word > 0 &&
        Adjacent(text, words, c.first_word - 1)) {
      static const std::u16string kPrepositions[] = {NameKey("في"),  NameKey("من"), NameKey("إلى"),
                                                     NameKey("على"), NameKey("عن"), NameKey("مع")};
      const char16_t letter = text[head.span.start];
      const std::u16string& before = words[c.first_word - 1].key;
      if ((letter == u'ب' || letter == u'ل' || letter == u'ك') &&
          std::find(std::begin(kPrepositions), std::end(kPrepositions), before) !=
              std::end(kPrepositions)) {
        c.span.start = head.span.start;
      }
    }
    // A mention that the words after it make into a longer name a lexicon lists as the same type
    // (البنك الأوروبي, then لإعادة الإعمار والتنمية; بحر الصين, then الشرقي) is that name: the
    // tagger stopped short in it. (Places were left out while the lexicon listed an epithet with
    // its place, مكة المكرمة; it no longer does. Cross-validation: 3 mentions fewer right, النيل
    // الأزرق and السد العالي whole where ANERcorp tags النيل and السد; AQMAR +0.05.)
    {
      const std::u16string& first = key_from(head, c.span.start);
      std::u16string joined;
      for (int32_t len = std::min<int32_t>(kMaxNameWords, static_cast<int32_t>(n) - c.first_word);
           len > c.end_word - c.first_word; --len) {
        const int32_t end = c.first_word + len;
        bool adjacent = true;
        for (int32_t k = c.end_word - 1; k + 1 < end && adjacent; ++k) {
          adjacent = Adjacent(text, words, k) && !used[k + 1];
        }
        if (!adjacent) continue;
        const int32_t e = FindName(Run(first, words, c.first_word, len, &joined));
        if (e >= 0 && entries_[e].type == c.type) {
          c.end_word = end;
          c.span.end = words[end - 1].span.end;
          break;
        }
      }
    }
    // The same to the left for a person: the word before the tagger's mention makes it a listed
    // person's name (بايهود اولمرت: the tagger found اولمرت, the lexicon lists إيهود أولمرت), the
    // word taken from where the name starts in it (after its proclitics).
    // The clitic stage may have left a proclitic letter on it (بايهود): the word without its
    // first letter is tried too. Not a title (البابا يوحنا بولس الثاني: the name starts after it).
    if (c.type == EntityType::kPerson && c.first_word > 0 && !used[c.first_word - 1] &&
        Adjacent(text, words, c.first_word - 1) && title_here(c.first_word - 1) == 0 &&
        c.span.start == words[c.first_word].span.start) {
      const Word& before = words[c.first_word - 1];
      Form forms[5];
      int count = Forms(before, forms);
      const char16_t letter = before.key.empty() ? 0 : before.key[0];
      const std::u16string unglued = before.key.size() > 3 ? before.key.substr(1) : u"";
      if (count == 1 && !unglued.empty() &&
          (letter == u'و' || letter == u'ف' || letter == u'ب' || letter == u'ل' ||
           letter == u'ك')) {
        forms[count++] = {&unglued, before.span.start + 1};
      }
      std::u16string joined;
      bool extended = false;
      for (int f = count - 1; f >= 0; --f) {  // the shortest form first: after the proclitics
        joined = *forms[f].key;
        for (int32_t k = c.first_word; k < c.end_word; ++k) joined += u' ' + words[k].key;
        const int32_t e = FindName(joined);
        if (e >= 0 && entries_[e].type == EntityType::kPerson) {
          --c.first_word;
          c.span.start = forms[f].start;
          extended = true;
          break;
        }
      }
      // A kunya the tagger starts a name with (أبو السعود) follows the given name before it
      // (حسن أبو السعود): Arabic puts the given name first.
      const Word& head_now = words[c.first_word];
      const std::u16string_view first_written(text.getBuffer() + head_now.span.start,
                                              head_now.span.end - head_now.span.start);
      if (!extended && !before.enclitic && before.article < 0 &&
          (first_written == u"أبو" || first_written == u"ابو" || first_written == u"أبي") &&
          GivenLatin(before.conjunction ? before.stem_key : before.key) != nullptr &&
          (!before.proclitic || before.conjunction)) {
        --c.first_word;
        c.span.start = before.conjunction ? before.stem.start : before.span.start;
      }
    }
    // A verb (سيرثون) ends a name, and so does a particle that opens what follows one (محمد
    // حتى، الجامعة إن الوضع، الذي) after its first word, wherever the tagger ran on past it: the
    // words from it on are not part of it (سيرثون النصر is "will inherit victory"). A trailing
    // word with tanween is an adverb or an indefinite noun (كيم مخاطباً): not the name; nor is a
    // trailing word that links a name to the next (بن، آل، عبد: a genealogy cut short). Particles
    // and links are compared as written, with their hamza: match keys would fold names into them
    // (إمام is أمام, غير and في end names: ريتشارد غير، تي في 5).
    auto written_as = [&](int32_t k, const auto& list) {
      const Word& w = words[k];
      const int32_t from = w.article >= 0 ? w.article : w.stem.start;  // الذي keeps its ال
      const std::u16string_view written(text.getBuffer() + from, w.span.end - from);
      return std::any_of(std::begin(list), std::end(list),
                         [&](const char16_t* p) { return written == p; });
    };
    static const char16_t* const kOpening[] = {u"حتى", u"إن",   u"أن",   u"إنه",
                                               u"أنه", u"الذي", u"التي", u"الذين"};
    static const char16_t* const kLinks[] = {u"بن", u"ابن", u"إبن", u"بنت", u"أبو", u"عبد", u"آل"};
    for (int32_t k = c.first_word; k < c.end_word; ++k) {
      if (!words[k].verb && (k == c.first_word || !written_as(k, kOpening))) continue;
      c.end_word = k;
      if (k > c.first_word) c.span.end = words[k - 1].span.end;
      break;
    }
    auto trailing_stop = [&](int32_t k) { return written_as(k, kLinks); };
    while (c.end_word - c.first_word > 1 &&
           (words[c.end_word - 1].tanween || trailing_stop(c.end_word - 1))) {
      --c.end_word;
      c.span.end = words[c.end_word - 1].span.end;
    }
    if (c.end_word <= c.first_word || adjective_here(c.first_word, c.end_word)) continue;
    c.key.clear();
    for (int32_t k = c.first_word; k < c.end_word; ++k) {
      if (k > c.first_word) c.key += u' ';
      c.key += words[k].key;
    }
    // A name with a number after a hyphen (كوفيد-19) is a designation (a disease, a model, a
    // product), never a person: MISC, with its number.
    if (c.type == EntityType::kPerson) {
      const int32_t number = DesignationEnd(text, c.span.end, /*hyphen=*/true);
      if (number > 0) {
        c.type = EntityType::kMisc;
        c.span.end = number;
      }
    }
    // No person follows a scale word (50 مليار يوان): what the tagger took for a name there is
    // what is counted, a currency or a product (MISC, as the corpora tag دولار after مليون).
    if (c.type == EntityType::kPerson && c.first_word > 0 &&
        Adjacent(text, words, c.first_word - 1) && IsScale(words[c.first_word - 1].key)) {
      c.type = EntityType::kMisc;
    }
    // A person's mention that is only a title (آية الله، البابا) names no one: the title rule
    // below may find the name after it.
    if (c.type == EntityType::kPerson && title_here(c.first_word) == c.end_word - c.first_word) {
      continue;
    }
    if (c.end_word - c.first_word == 1) {
      const Word& w = words[c.first_word];
      if (w.tanween || MatchPhrase(Phrase::kStop, words, c.first_word, nullptr) > 0 ||
          not_names_.Contains(c.key)) {
        continue;
      }
      // The head noun of an organization's name alone (المنظمة، للجامعة، الوزارة) is the common
      // noun: "the organization" names none.
      const Phrase heads[] = {Phrase::kOrg, Phrase::kOrgName, Phrase::kOrgCommon};
      if (std::any_of(std::begin(heads), std::end(heads), [&](Phrase kind) {
            return MatchPhrase(kind, words, c.first_word, nullptr) == 1;
          })) {
        continue;
      }
      // A listed place's relative adjective (البوروندي of بوروندي, see the lexicon names above)
      // is no place.
      if (c.type == EntityType::kLocation && PlaceAdjective(w)) continue;
    }
    if (std::any_of(used.begin() + c.first_word, used.begin() + c.end_word,
                    [](bool u) { return u; })) {
      continue;
    }
    // A name only a news lexicon lists, as another type than the tagger's (بنفيكا, the club,
    // tagged a place): the lexicon's type. Not a place the tagger calls something else: a city
    // stands for its club (مانشستر) and a country for its government or team, which the tagger
    // reads from the context; nor a place after a place word (مدينة تويوتا is Toyota City).
    {
      const std::u16string& first = key_from(words[c.first_word], c.span.start);
      std::u16string joined;
      const std::u16string_view key =
          Run(first, words, c.first_word, c.end_word - c.first_word, &joined);
      const int32_t* known = names_.Find(key) == nullptr ? known_names_.Find(key) : nullptr;
      if (known != nullptr && entries_[*known].type != c.type &&
          entries_[*known].type != EntityType::kLocation &&
          !(c.type == EntityType::kLocation && after_place_word(c.first_word))) {
        c.type = entries_[*known].type;
      }
    }
    // A club whose name is also a common word (النصر "victory", الهلال "crescent"; triggers.txt's
    // `club`), alone, is the club only in a sentence about sport (a word of triggers.txt's
    // `sport`: مباراة، الدوري، فاز ...): «سيرثون النصر المشرق» is a victory, «رؤية الهلال» the
    // moon.
    if (c.type == EntityType::kOrganization && c.end_word - c.first_word == 1 &&
        MatchPhrase(Phrase::kClub, words, c.first_word, nullptr) == 1 && !sport_here(1)) {
      continue;
    }
    out->push_back(c);
    std::fill(used.begin() + c.first_word, used.begin() + c.end_word, true);
  }

  auto is_name_word = [&](size_t k, bool first) {
    const Word& w = words[k];
    if (used[k] || w.proclitic || w.teh_marbuta || w.tanween || w.key.size() < 2 ||
        !IsArabicWord(w.key)) {
      return false;
    }
    // The first name word may look like it has a pronoun (أندريه); later ones may not (قوله).
    if (first ? w.article >= 0 : w.enclitic) return false;
    return MatchPhrase(Phrase::kStop, words, k, nullptr) == 0 && title_here(k) == 0 &&
           MatchPhrase(Phrase::kNationality, words, k, nullptr) == 0;
  };
  // The candidate that starts at each word (an index into *out), or -1: kept up to date by `add`
  // and by the rules below that move a candidate's start, so that the title rule finds the name
  // after a title without reading every candidate.
  std::vector<int32_t> starts(n, -1);
  for (size_t c = first_out; c < out->size(); ++c) {
    starts[(*out)[c].first_word] = static_cast<int32_t>(c);
  }
  auto add = [&](EntityType type, Source source, size_t from, size_t to, std::u16string title) {
    starts[from] = static_cast<int32_t>(out->size());
    Candidate c;
    c.type = type;
    c.source = source;
    c.span = Span{words[from].span.start, words[to - 1].span.end};
    for (size_t k = from; k < to; ++k) {
      if (k > from) c.key += u' ';
      c.key += words[k].key;
      used[k] = true;
    }
    c.first_word = static_cast<int32_t>(from);
    c.end_word = static_cast<int32_t>(to);
    c.title_key = std::move(title);
    out->push_back(std::move(c));
  };
  // The words of a quoted name right after the trigger words [head, j) (« » " “ ”), as [j, end):
  // end = j if none. A trigger in ال (في المدينة «...») is no head in construct: what follows
  // in quotes is speech.
  auto quoted = [&](size_t head, size_t j) {
    if (j >= n || j == 0 || words[head].article >= 0 ||
        !OpensQuotedName(text, words[j - 1].span.end, words[j].span.start)) {
      return j;
    }
    for (size_t k = j; k < n && k < j + kMaxQuotedWords; ++k) {
      if (used[k]) return j;
      const int32_t gap_end = k + 1 < n ? words[k + 1].span.start : text.length();
      if (GapHasQuote(text, words[k].span.end, std::min(gap_end, words[k].span.end + 3))) {
        return k + 1;
      }
    }
    return j;
  };

  // 2. and 3. Context rules on the words the lexicons left.
  static const std::u16string kSyria = NameKey("سورية");
  for (size_t i = 0; i < n; ++i) {
    // سورية: Syria as its own press and many others spell it, and also the feminine adjective
    // "Syrian" (مصادر سورية، عربية وسورية), which no lexicon lists for it: the country where no
    // adjective can stand (SyriaHere), and a place the tagger found there.
    const Word& w = words[i];
    if (syria_ >= 0 && w.stem_key == kSyria) {
      if (!used[i] && SyriaHere(text, words, i, *out, first_out)) {
        add(EntityType::kLocation, Source::kLocRule, i, i + 1, u"");
        out->back().span.start = w.stem.start;
        out->back().entry = syria_;
        continue;
      }
      for (size_t c = first_out; used[i] && c < out->size(); ++c) {
        Candidate& place = (*out)[c];
        if (place.type == EntityType::kLocation && place.entry < 0 &&
            place.first_word == static_cast<int32_t>(i) && place.end_word == place.first_word + 1) {
          place.entry = syria_;
        }
      }
    }
    // A given name and one or two more words right before an office held (فايزة أبوالنجا وزيرة
    // التعاون الدولي، كلاوس ايبرمان رئيس بعثة ...): a person named in apposition, whatever the
    // sentence does with it.
    if (const size_t end = PersonBeforeOffice(text, words, i, used);
        end > 0 && !confident_outside(i, end)) {
      add(EntityType::kPerson, Source::kTitle, i, end, u"");
      out->back().span.start = w.stem.start;
      i = end - 1;
      continue;
    }
    std::u16string title;
    int len = MatchPhrase(Phrase::kTitle, words, i, &title);
    // An occupation (الفنان) only extends a name the tagger found after it: alone, it is as often
    // a noun that names no one (معرض الفنان صدى طيباً: "the artist's exhibition found...").
    const bool occupation =
        len == 0 && (len = MatchPhrase(Phrase::kOccupation, words, i, &title)) > 0;
    if (len > 0 && !used[i]) {
      size_t j = i + len;
      std::u16string nationality;
      for (int m = 0; m < 2 && j < n; ++m) {
        const int nl = MatchPhrase(Phrase::kNationality, words, j, &nationality);
        if (nl == 0 || !Adjacent(text, words, j - 1)) break;
        title += u' ' + nationality;
        j += nl;
      }
      // A lexicon person right after the title takes the title.
      bool named = false;
      if (j < n && starts[j] >= 0) {
        Candidate& cand = (*out)[starts[j]];
        if (cand.type == EntityType::kPerson && Adjacent(text, words, j - 1)) {
          cand.title_key = title;
          named = true;
        }
      }
      if (!named && j < n && Adjacent(text, words, j - 1) && is_name_word(j, true)) {
        size_t end = j + 1;
        while (end < n && end < j + kMaxTitleNameWords && Adjacent(text, words, end - 1) &&
               is_name_word(end, false)) {
          ++end;
        }
        // The name words run into a person the tagger found (الفنان طلعت زكريا, the tagger's
        // mention زكريا): they are the first words of its name, which takes them and the title.
        // Not a lexicon's person: the lexicon knows where its names start (الرئيس يستقبل بوتين).
        Candidate* next = nullptr;
        if (end < n && used[end] && starts[end] >= 0) {
          Candidate& cand = (*out)[starts[end]];
          if (cand.source == Source::kTagger && cand.type == EntityType::kPerson &&
              Adjacent(text, words, end - 1)) {
            next = &cand;
          }
        }
        if (confident_outside(j, end) || (occupation && next == nullptr)) {
          // The tagger is sure no name starts here, or an occupation has no name after it.
        } else if (next != nullptr) {
          starts[j] = starts[end];
          starts[end] = -1;
          next->span.start = words[j].span.start;
          next->first_word = static_cast<int32_t>(j);
          std::u16string key;
          for (size_t k = j; k < end; ++k) key += words[k].key + u' ';
          next->key = key + next->key;
          next->title_key = title;
          std::fill(used.begin() + j, used.begin() + end, true);
        } else if (words[j].outside > kNoNameAfterTitle) {
          // The tagger is fairly sure no name starts at the first word: a verb or a noun after
          // a title that is none here (الملكة يختلف: the ants' queen; الرئيس يستقبل).
        } else {
          add(EntityType::kPerson, Source::kTitle, j, end, title);
        }
      }
      i = j - 1;
      continue;
    }
    std::u16string trigger;
    const int org_named = MatchPhrase(Phrase::kOrgName, words, i, &trigger);
    // A head that is also a common noun (مجلس الإدارة، حركة الطيران) yields to a confident tagger.
    const bool common = org_named == 0;
    const int org = org_named > 0 ? org_named : MatchPhrase(Phrase::kOrgCommon, words, i, &trigger);
    const int org_quoted = org > 0 ? org : MatchPhrase(Phrase::kOrg, words, i, &trigger);
    if (org_quoted > 0 && !used[i]) {
      const size_t j = i + org_quoted;
      const size_t end = quoted(i, j);
      if (end > j) {
        add(EntityType::kOrganization, Source::kOrgRule, j, end, u"");
        i = end - 1;
        continue;
      }
      // قناة روسيا 1: an outlet named by a name and a number is an organization, number included.
      if (j < n && Adjacent(text, words, j - 1) && starts[j] >= 0) {
        Candidate& cand = (*out)[starts[j]];
        const int32_t number = DesignationEnd(text, cand.span.end, /*hyphen=*/false);
        if (number >= 0) {
          cand.type = EntityType::kOrganization;
          cand.span.end = number;
          cand.entry = -1;
          cand.source = Source::kOrgRule;
        }
      }
      // وزارة الدفاع (الروسية): the head word, a word in ال, and adjectives: a nationality, or
      // an adjective (relative or participle) of the head's gender (هيئة الأركان المشتركة). After
      // a head in ال the next word must be its adjective, of its gender (البنك التجاري, not
      // البنك المرونة).
      const bool definite = words[i].article >= 0;
      if (org > 0 && j < n && !used[j] && Adjacent(text, words, j - 1) && words[j].article >= 0 &&
          !(IsMotionHead(words[i].stem_key) && !(definite ? IsMovementAdjective(words[j].stem_key)
                                                          : IsMovementNoun(words[j].stem_key))) &&
          !words[j].proclitic && !words[j].enclitic &&
          MatchPhrase(Phrase::kStop, words, j, nullptr) == 0 &&
          MatchPhrase(Phrase::kTitle, words, j, nullptr) == 0 &&
          (!definite ||
           (words[j].teh_marbuta == words[i].teh_marbuta && LooksAdjective(words[j].stem_key)))) {
        size_t stop = j + 1;
        for (int m = 0; m < 2 && stop < n && !used[stop] && Adjacent(text, words, stop - 1); ++m) {
          const int nl = MatchPhrase(Phrase::kNationality, words, stop, nullptr);
          if (nl > 0) {
            stop += nl;
            continue;
          }
          const Word& w = words[stop];
          if (w.article < 0 || w.proclitic || w.enclitic || w.teh_marbuta != words[i].teh_marbuta ||
              !LooksAdjective(w.stem_key) || MatchPhrase(Phrase::kStop, words, stop, nullptr) > 0 ||
              MatchPhrase(Phrase::kTitle, words, stop, nullptr) > 0) {
            break;
          }
          ++stop;
        }
        // A head in construct with its own adjective (وزارة الدفاع الروسية، هيئة الأركان
        // المشتركة), or a head in ال with two (المنتدى الاقتصادي الشرقي), names one body; a
        // shorter phrase (مجلس الإدارة، المركز الرئيسي) may be a common noun, and yields to a
        // confident tagger.
        // What the body is for, after ل (للتواصل والحوار، للدراسات): part of its name, and
        // it makes the name specific (nouns of data/lexicon/org_words.txt only).
        bool purpose = false;
        // Not للصحفيين: in news that is whom a statement is made to (وقال المتحدث باسم الوزارة
        // المصرية للصحفيين), never in the corpora part of a name.
        auto purpose_noun = [&](size_t k, std::u16string_view prefix) {
          const Word& w = words[k];
          if (used[k] || !Adjacent(text, words, k - 1) || w.enclitic || w.tanween ||
              w.key.size() <= prefix.size() + 2 || w.key.rfind(prefix, 0) != 0) {
            return false;
          }
          const std::u16string_view noun = std::u16string_view(w.key).substr(prefix.size());
          return noun != u"صحفيين" && OrgWordLatin(OrgWord::kNoun, noun) != nullptr;
        };
        if (stop < n && purpose_noun(stop, u"لل")) {
          purpose = true;
          for (++stop; stop < n && purpose_noun(stop, u"وال"); ++stop) {
          }
        }
        const bool specific = (stop > j + 1 || purpose) && !Ordinal(words[j].stem_key);
        if (!common || specific || !confident_outside(i, stop)) {
          add(EntityType::kOrganization, Source::kOrgRule, i, stop, u"");
          // The span starts at the head word itself (with its article), without its proclitics.
          Candidate& made = out->back();
          made.span.start = words[i].article >= 0 ? words[i].article : words[i].stem.start;
          i = stop - 1;
          continue;
        }
      }
    }
    // A currency by its name with the article (اليوان، الروبل: the currency itself, as the corpora
    // tag الدولار and اليورو): MISC. Singular names only: الدولارات are dollars in general. A
    // counted sum (2.5 مليون دينار) is the figures' (src/facts), not an entity of the story.
    static const table::KeySet* const kCurrencies =
        KeySetOf({"دولار", "يورو", "يوان", "روبل", "جنيه", "دينار", "درهم", "فرنك", "روبية", "ليرة",
                  "شيكل", "بيزو", "كرونة", "زلوتي", "إسترليني"});
    if (!used[i] && w.article >= 0 && !w.enclitic && kCurrencies->Contains(w.stem_key)) {
      add(EntityType::kMisc, Source::kLexicon, i, i + 1, u"");
      out->back().span.start = w.article;
      out->back().key = w.article_key;
      continue;
    }
    // الضفة alone, without an adjective or a noun in ال after it (شمال الضفة، قرى الضفة): the
    // West Bank, as the press shortens it (الضفة الأخرى، الضفة الجنوبية are banks of a river),
    // after a direction or a region's part (شمال الضفة، ريف، محيط ...) or where the tagger is not
    // sure it names nothing (تنقل الطاقة إلى الضفة: a shore).
    static const std::u16string kBank = NameKey("ضفة");
    if (!used[i] && west_bank_ >= 0 && w.article >= 0 && !w.enclitic && w.stem_key == kBank &&
        (i + 1 >= n || !Adjacent(text, words, i) || words[i + 1].article < 0) &&
        (!confident_outside(i, i + 1) ||
         (i > 0 && Adjacent(text, words, i - 1) && IsRegionNoun(words[i - 1].stem_key)))) {
      add(EntityType::kLocation, Source::kLocRule, i, i + 1, u"");
      out->back().span.start = w.article;
      out->back().key = w.article_key;
      out->back().entry = west_bank_;
      continue;
    }
    // Two places after a place word in the dual (بلدتي الباذان وطلوزة، مدينتي نابلس ورام الله): the
    // two names, one word each, joined by و, are two places.
    static const table::KeySet* const kDualPlaces =
        KeySetOf({"بلدتي", "مدينتي", "قريتي", "منطقتي", "محافظتي", "ولايتي", "مخيمي"});
    if (words[i].article < 0 && !words[i].proclitic && kDualPlaces->Contains(words[i].key) &&
        i + 2 < n && Adjacent(text, words, i) && Adjacent(text, words, i + 1)) {
      auto place_word = [&](size_t k, bool second) {
        const Word& p = words[k];
        return !used[k] && !p.enclitic && !p.tanween && p.key.size() >= 2 && IsArabicWord(p.key) &&
               (second ? p.conjunction && p.after_conjunction < 0 : !p.proclitic) &&
               MatchPhrase(Phrase::kStop, words, k, nullptr) == 0 && title_here(k) == 0 &&
               MatchPhrase(Phrase::kNationality, words, k, nullptr) == 0;
      };
      if (place_word(i + 1, false) && place_word(i + 2, true)) {
        add(EntityType::kLocation, Source::kLocRule, i + 1, i + 2, u"");
        add(EntityType::kLocation, Source::kLocRule, i + 2, i + 3, u"");
        const Word& second = words[i + 2];
        out->back().span.start = second.article >= 0 ? second.article : second.stem.start;
        out->back().key = second.article >= 0 ? second.article_key : second.stem_key;
        i += 2;
        continue;
      }
    }
    // A club named by a common word (النصر، الهلال; triggers.txt `club`) is the club in a
    // sentence about sport (فاز الهلال على النصر في الدوري) where the tagger missed it: alone, or
    // before a nationality (الأهلي المصري), not before another adjective (الهلال الأحمر).
    if (!used[i] && MatchPhrase(Phrase::kClub, words, i, nullptr) == 1 &&
        (i + 1 >= n || words[i + 1].article < 0 || !Adjacent(text, words, i) ||
         MatchPhrase(Phrase::kNationality, words, i + 1, nullptr) > 0)) {
      const int32_t entry =
          sport_here(2) ? FindName(w.article >= 0 ? w.article_key : w.stem_key) : -1;
      if (entry >= 0 && entries_[entry].type == EntityType::kOrganization) {
        add(EntityType::kOrganization, Source::kLexicon, i, i + 1, u"");
        out->back().span.start = w.article >= 0 ? w.article : w.stem.start;
        out->back().entry = entry;
        continue;
      }
    }
    const int loc_bare = MatchPhrase(Phrase::kLoc, words, i, &trigger);
    const int loc = loc_bare > 0 ? loc_bare : MatchPhrase(Phrase::kLocQuoted, words, i, &trigger);
    if (loc > 0 && !used[i]) {
      const size_t j = i + loc;
      size_t end = quoted(i, j);
      // A bare name after the place word in construct (منطقة دنيبرو); after a place word in ال
      // (المنطقة كلها) the next word is not its name.
      // Not a function word (مدينة لا يزال ...) nor a verb with its object (مدينة يقطنها: an
      // imperfect's ي or ت before a pronoun the clitic stage cut).
      const Word& bare = words[j < n ? j : i];
      const bool verb_like = bare.enclitic && !bare.stem_key.empty() &&
                             (bare.stem_key.front() == u'ي' || bare.stem_key.front() == u'ت');
      if (end == j && loc_bare > 0 && j < n && words[i].article < 0 &&
          Adjacent(text, words, j - 1) && is_name_word(j, true) && !FunctionWord(bare.key) &&
          !verb_like && !confident_outside(j, j + 1)) {
        end = j + 1;
      }
      if (end > j) {
        add(EntityType::kLocation, Source::kLocRule, j, end, u"");
        i = end - 1;
      }
    }
  }
  // A stadium's name after ملعب، استاد or ستاد (ملعب فيسر، استاد «سلتيك بارك»، ملعب سانتياغو
  // برنابيو): MISC, quoted, or one to three bare name words where no lexicon names a place or
  // another name there (استاد القاهرة is Cairo's stadium, and the corpora's name is القاهرة).
  // A name the tagger found there without a lexicon (سانتياغو, taken for a place) becomes the
  // stadium's.
  {
    static const table::KeySet* const kStadiums = KeySetOf({"ملعب", "استاد", "ستاد"});
    // The candidate each word is in (an index into *out), or -1; one that gives way to a
    // stadium's name is left empty (end_word == first_word) and removed after the loop.
    std::vector<int32_t> owner = Owners(*out, first_out, n);
    auto candidate_at = [&](size_t k) -> Candidate* {
      return owner[k] >= 0 ? &(*out)[owner[k]] : nullptr;
    };
    bool emptied = false;
    auto unlisted = [&](const Candidate* c) {
      return c == nullptr || (c->entry < 0 && FindName(c->key) < 0 &&
                              (c->source == Source::kTagger || c->source == Source::kConsistency));
    };
    for (size_t i = 0; i + 1 < n; ++i) {
      if (words[i].article >= 0 || !kStadiums->Contains(words[i].stem_key)) continue;
      const size_t j = i + 1;
      size_t end = j;
      const bool in_quotes = OpensQuotedName(text, words[i].span.end, words[j].span.start);
      if (in_quotes) {
        for (size_t k = j; k < n && k < j + 4; ++k) {
          const int32_t gap_end = k + 1 < n ? words[k + 1].span.start : text.length();
          if (GapHasQuote(text, words[k].span.end, std::min(gap_end, words[k].span.end + 3))) {
            end = k + 1;
            break;
          }
        }
      } else if (Adjacent(text, words, i)) {
        const Candidate* found = candidate_at(j);
        if (found != nullptr && found->first_word == static_cast<int32_t>(j) && unlisted(found)) {
          // The tagger's name, and the name words right after it (سانتياغو برنابيو).
          // A stadium's name is short: the words of a longer mention after its third are left
          // free (below).
          end = std::min<size_t>(found->end_word, j + 3);
          while (end < n && end < j + 3 && Adjacent(text, words, end - 1) &&
                 candidate_at(end) == nullptr && is_name_word(end, false)) {
            ++end;
          }
        } else if (found == nullptr && !used[j] && words[j].key.size() >= 3 &&
                   !confident_outside(j, j + 1)) {
          // One word: what follows may be the sentence (ملعب فيسر في بريمن). In construct after
          // the head it takes no proclitic: a letter the clitic stage cut (ف of فيسر) is its own.
          const Word& w = words[j];
          if (w.article < 0 && !w.enclitic && !w.tanween && !w.teh_marbuta && IsArabicWord(w.key) &&
              MatchPhrase(Phrase::kStop, words, j, nullptr) == 0 && title_here(j) == 0 &&
              MatchPhrase(Phrase::kNationality, words, j, nullptr) == 0 &&
              !not_names_.Contains(w.key)) {
            end = j + 1;
          }
        }
      }
      if (end == j) continue;
      // Quoted, the words are the stadium's name whatever a lexicon lists them as (ملعب
      // «الإمارات»).
      bool free = true;
      for (size_t k = j; k < end && free && !in_quotes; ++k) free = unlisted(candidate_at(k));
      if (!free) continue;
      // The candidates inside give way to the stadium's name.
      for (size_t k = j; k < end; ++k) {
        if (owner[k] < 0) continue;
        Candidate& inside = (*out)[owner[k]];
        for (int32_t w = inside.first_word; w < inside.end_word; ++w) {
          owner[w] = -1;
          if (w >= static_cast<int32_t>(end)) used[w] = false;
        }
        inside.end_word = inside.first_word;
        emptied = true;
      }
      std::fill(used.begin() + j, used.begin() + end, false);
      add(EntityType::kMisc, Source::kLocRule, j, end, u"");  // a place's kind of rule
      for (size_t k = j; k < end; ++k) owner[k] = static_cast<int32_t>(out->size() - 1);
      i = end - 1;
    }
    if (emptied) {
      out->erase(std::remove_if(out->begin() + first_out, out->end(),
                                [](const Candidate& c) { return c.end_word == c.first_word; }),
                 out->end());
    }
  }
  // A name right after one or two words that make a longer name a lexicon lists as ANOTHER
  // referent of the same type is part of it: اليابان in بحر اليابان (the Sea of Japan, not
  // Japan), the club بورتو in نادي بورتو. Not after a head the corpora leave out of a name (a
  // place word: نهر، مدينة; triggers.txt's `outside`: استاد القاهرة is Cairo's stadium and شمال
  // أفريقيا the north of Africa, and ANERcorp's names there are القاهرة and أفريقيا; an
  // organization's head or a title: صحيفة الأهرام، الأمير مولاي رشيد); a longer form of the same
  // entry (صحيفة هآرتس for هآرتس, قطاع غزة for غزة) is left as the text's own choice. Nothing is
  // taken after the name (أميركا الشمالية: ANERcorp's name is أميركا).
  {
    constexpr int32_t kMostBefore = 2;
    std::vector<bool> covered(n, false);
    for (size_t c = first_out; c < out->size(); ++c) {
      std::fill(covered.begin() + (*out)[c].first_word, covered.begin() + (*out)[c].end_word, true);
    }
    for (size_t ci = first_out; ci < out->size(); ++ci) {
      Candidate& c = (*out)[ci];
      int32_t from = c.first_word;
      while (from > 0 && c.first_word - from < kMostBefore && !covered[from - 1] &&
             Adjacent(text, words, static_cast<size_t>(from - 1))) {
        --from;
      }
      if (from == c.first_word) continue;
      const int32_t inner = c.entry >= 0 ? c.entry : FindName(c.key);
      std::u16string joined;
      for (int32_t s = from; s < c.first_word; ++s) {
        bool outside = false, named = false;
        for (Phrase kind : {Phrase::kLoc, Phrase::kLocQuoted, Phrase::kOutside}) {
          outside = outside || MatchPhrase(kind, words, s, nullptr) > 0;
        }
        if (outside) continue;
        // After a title or an organization's head the name stays as it is, but it is the listed
        // name's referent when it has no entry of its own (الأهرام of صحيفة الأهرام: Al-Ahram).
        for (Phrase kind : {Phrase::kTitle, Phrase::kOrg, Phrase::kOrgName, Phrase::kOrgCommon}) {
          named = named || MatchPhrase(kind, words, s, nullptr) > 0;
        }
        if (named && (s + 1 != c.first_word || inner >= 0)) continue;
        // The first word under each of its forms (whole, after its conjunction, from its
        // article, its stem), the other words whole.
        Form forms[4];
        const int nf = Forms(words[s], forms);
        bool found = false;
        for (int f = 0; f < nf; ++f) {
          const std::u16string_view name = Run(*forms[f].key, words, s, c.end_word - s, &joined);
          const int32_t e = FindName(name);
          if (e < 0 || e == inner || entries_[e].type != c.type) continue;
          found = true;
          c.entry = e;
          if (named) break;
          c.key = std::u16string(name);
          c.span.start = forms[f].start;
          c.first_word = s;
          c.title_key.clear();
          std::fill(covered.begin() + s, covered.begin() + c.end_word, true);
          break;
        }
        if (found) break;
      }
    }
  }
  // An organization cannot end in a noun in construct after ل that follows a word in ال
  // (المعهد العالمي لدراسات: "the world institute for the studies of"): the name it governs,
  // right after it, is part of the organization's (كوريا الشمالية in المعهد العالمي لدراسات كوريا
  // الشمالية), whatever found that name apart. After a word without ال the ل may be a name's
  // own letter (نادي ليفربول).
  std::sort(out->begin() + first_out, out->end(),
            [](const Candidate& a, const Candidate& b) { return a.span.start < b.span.start; });
  for (size_t c = first_out; c + 1 < out->size(); ++c) {
    Candidate& org = (*out)[c];
    const Candidate& next = (*out)[c + 1];
    const Word& last = words[org.end_word - 1];
    if (org.type != EntityType::kOrganization || org.entry >= 0 ||
        org.end_word - org.first_word < 2 || next.first_word != org.end_word ||
        next.type == EntityType::kMisc ||
        !Adjacent(text, words, static_cast<size_t>(org.end_word - 1)) || !last.proclitic ||
        last.article >= 0 || last.tanween || last.enclitic || last.key.size() < 4 ||
        last.key[0] != u'ل' || last.stem.start != last.span.start + 1 ||
        words[org.end_word - 2].article < 0) {
      continue;
    }
    org.span.end = next.span.end;
    for (int32_t k = org.end_word; k < next.end_word; ++k) org.key += u' ' + words[k].key;
    org.end_word = next.end_word;
    out->erase(out->begin() + static_cast<std::ptrdiff_t>(c) + 1);
    --c;  // it may govern another name in turn
  }
  // Two persons side by side with only spaces between them are one person's name (محمود صبري
  // ابو تريكة, كيني ميلر: a listed name or surname inside a longer one cut it in two): news text
  // joins two people with و, a comma or a title. Not when the second has a proclitic (لزيدان "to
  // Zidane" is another person), nor after a listed person's name, which ends where the lexicon
  // says (عمر البشير ميني ميناوي, a missing و, are two).
  for (size_t c = first_out; c + 1 < out->size(); ++c) {
    Candidate& person = (*out)[c];
    const Candidate& next = (*out)[c + 1];
    if (person.type != EntityType::kPerson || next.type != EntityType::kPerson ||
        person.entry >= 0 || FindName(person.key) >= 0 || next.first_word != person.end_word ||
        !next.title_key.empty() || words[next.first_word].proclitic) {
      continue;
    }
    bool spaces = true;
    for (int32_t k = person.span.end; k < next.span.start && spaces; ++k) {
      spaces = text[k] == u' ' || text[k] == 0x00A0;
    }
    if (!spaces || person.span.end != words[person.end_word - 1].span.end ||
        next.span.start != words[next.first_word].span.start) {
      continue;
    }
    person.span.end = next.span.end;
    person.key += u' ' + next.key;
    person.end_word = next.end_word;
    out->erase(out->begin() + static_cast<std::ptrdiff_t>(c) + 1);
    --c;
  }
  // A person's name goes on through its genealogy (تميم بن حمد آل ثاني: the lexicon lists تميم
  // بن حمد, and the tagger found ثاني apart): بن، بنت، ابن or آل, then a name word or a person's
  // mention, as often as they come. Compared as written (آل is no article, بن no preposition).
  {
    // The candidate each word is in, or -1; one merged into a person is left empty and removed
    // after the loop.
    std::vector<int32_t> owner = Owners(*out, first_out, n);
    auto written_as = [&](size_t k, std::initializer_list<const char16_t*> forms) {
      const Word& w = words[k];
      const std::u16string_view written(text.getBuffer() + w.span.start, w.span.end - w.span.start);
      return std::any_of(forms.begin(), forms.end(),
                         [&](const char16_t* f) { return written == f; });
    };
    bool merged = false;
    for (size_t c = first_out; c < out->size(); ++c) {
      Candidate& person = (*out)[c];
      if (person.type != EntityType::kPerson || person.end_word == person.first_word) continue;
      for (;;) {
        const auto e = static_cast<size_t>(person.end_word);
        if (e + 1 >= n || person.end_word - person.first_word >= kMaxGenealogyWords ||
            owner[e] >= 0 || person.span.end != words[e - 1].span.end ||
            !Adjacent(text, words, e - 1) || !Adjacent(text, words, e) ||
            !written_as(e, {u"بن", u"بنت", u"ابن", u"إبن", u"آل"})) {
          break;
        }
        // After the link: a person's mention that starts there, or a free name word (two where
        // the first is عبد or أبو: بن عبد الملك).
        int32_t end = -1;
        const int32_t next = owner[e + 1];
        if (next >= 0) {
          const Candidate& m = (*out)[next];
          if (m.type == EntityType::kPerson && m.first_word == static_cast<int32_t>(e + 1) &&
              m.span.start == words[e + 1].span.start) {
            end = m.end_word;
          }
        } else if (is_name_word(e + 1, false)) {
          end = static_cast<int32_t>(e + 2);
          if (e + 2 < n && written_as(e + 1, {u"عبد", u"أبو", u"ابو", u"أبي"}) &&
              owner[e + 2] < 0 && Adjacent(text, words, e + 1) && is_name_word(e + 2, false)) {
            end = static_cast<int32_t>(e + 3);
          }
        }
        if (end < 0) break;
        for (int32_t k = static_cast<int32_t>(e); k < end; ++k) {
          person.key += u' ' + words[k].key;
          owner[k] = static_cast<int32_t>(c);
        }
        person.end_word = end;
        person.span.end = words[end - 1].span.end;
        if (next >= 0) {
          (*out)[next].end_word = (*out)[next].first_word;
          merged = true;
        }
      }
    }
    if (merged) {
      out->erase(std::remove_if(out->begin() + first_out, out->end(),
                                [](const Candidate& c) { return c.end_word == c.first_word; }),
                 out->end());
    }
  }
  // A club named after its city: the city's name right after نادي, or before a nationality
  // adjective in the masculine (ليون الفرنسي، تشلسي الإنجليزي: a city is feminine, هامبورغ
  // الألمانية is the city, and the masculine agrees with the club, نادٍ). A place with the
  // article is left alone (الجولان السوري، الخليج العربي). The club is the lexicon's نادي X where
  // it lists one.
  static const std::u16string kClub = NameKey("نادي");
  for (size_t c = first_out; c < out->size(); ++c) {
    Candidate& place = (*out)[c];
    if (place.type != EntityType::kLocation || words[place.first_word].article >= 0) continue;
    const auto end = static_cast<size_t>(place.end_word);
    bool club = place.first_word > 0 && words[place.first_word - 1].key == kClub &&
                Adjacent(text, words, place.first_word - 1) && !words[place.first_word].proclitic;
    const int adjective = end < n && Adjacent(text, words, end - 1)
                              ? MatchPhrase(Phrase::kNationality, words, end, nullptr)
                              : 0;
    static const std::u16string kFormer = NameKey("السابق");
    if (adjective > 0 && !words[end].proclitic && words[end].key != kFormer) {
      club = true;
      // Not a feminine adjective: the key folds its ة and ه alike (الفرنسية، الفرنسيه).
      for (size_t k = end; k < end + adjective; ++k) {
        if (words[k].key.back() == u'ه') club = false;
      }
    }
    if (!club) continue;
    const int32_t entry = FindName(kClub + u' ' + place.key);
    place.type = EntityType::kOrganization;
    place.entry = entry >= 0 && entries_[entry].type == EntityType::kOrganization ? entry : -1;
  }
  // A list of people goes on with people (محمد سعد، ومحمد هنيدي، ... ومحمد منير، وعلي الحجار،
  // ونيكول سابا): after two persons in a row set off by commas, an item of two or three name
  // words that is a whole item (a comma or the sentence's end after it) is a person too, unless
  // the tagger is confident that no name starts at it.
  {
    std::vector<int32_t> owner = Owners(*out, first_out, n);
    // What separates words[k - 1] and words[k]: 1 for a comma (with spaces), 2 for the end of
    // a clause or sentence (. ؛ :), 0 for spaces only, -1 for anything else.
    // (text is the whole input: after the sentence's last word only the characters up to the
    // first that is not a space are read.)
    auto gap = [&](size_t k) {
      if (k == 0) return -1;
      const int32_t from = words[k - 1].span.end;
      const int32_t to = k < n ? words[k].span.start : text.length();
      int kind = 0;
      for (int32_t at = from; at < to; ++at) {
        const char16_t ch = text[at];
        if (ch == u' ' || ch == 0x00A0) continue;
        if ((ch == 0x060C || ch == u',') && kind == 0) {
          kind = 1;
        } else if ((ch == u'.' || ch == 0x061B || ch == u';' || ch == 0x061F || ch == u'!' ||
                    ch == u'?' || ch == u'\n') &&
                   kind <= 1) {
          kind = 2;
        } else {
          return -1;
        }
        if (k == n) break;  // the mark that ends the sentence: what follows is another's
      }
      return k == n && kind == 0 ? 2 : kind;
    };
    auto name_word = [&](size_t k, bool first) {
      const Word& w = words[k];
      if (owner[k] >= 0 || w.enclitic || w.tanween || w.key.size() < 2 || !IsArabicWord(w.key) ||
          (first ? w.article >= 0 || (w.proclitic && !w.conjunction) : w.proclitic)) {
        return false;
      }
      // A given name that is also a function word's spelling (علي، على) is the name here.
      const bool given = first && GivenLatin(w.conjunction ? w.stem_key : w.key) != nullptr;
      return (given || MatchPhrase(Phrase::kStop, words, k, nullptr) == 0) && title_here(k) == 0 &&
             MatchPhrase(Phrase::kNationality, words, k, nullptr) == 0 &&
             !not_names_.Contains(w.key);
    };
    int persons = 0;  // persons in a row so far, each set off from the last by a comma
    int32_t last_end = -1;
    for (size_t k = 0; k < n; ++k) {
      const int32_t c = owner[k];
      if (c >= 0 && static_cast<int32_t>(k) == (*out)[c].first_word) {
        const Candidate& m = (*out)[c];
        const bool listed = last_end >= 0 && last_end == m.first_word && gap(k) == 1;
        persons = m.type == EntityType::kPerson ? (listed ? persons + 1 : 1) : 0;
        last_end = m.end_word;
        k = static_cast<size_t>(m.end_word) - 1;
        continue;
      }
      if (c >= 0 || persons < 2 || static_cast<int32_t>(k) != last_end || gap(k) != 1) {
        if (c < 0 && static_cast<int32_t>(k) >= last_end) persons = 0;
        continue;
      }
      // An item [k, end): two or three name words, then a comma or the clause's end.
      size_t end = k;
      while (end < n && end < k + 3 && name_word(end, end == k) && (end == k || gap(end) == 0)) {
        ++end;
      }
      // Not where the tagger is confident that no name starts (ووزراء الخارجية، وممثلو الشركات).
      if (end - k < 2 || gap(end) <= 0 || confident_outside(k, k + 1)) {
        persons = 0;
        continue;
      }
      const Word& w = words[k];
      Candidate p;
      p.type = EntityType::kPerson;
      p.source = Source::kList;
      p.first_word = static_cast<int32_t>(k);
      p.end_word = static_cast<int32_t>(end);
      p.span = Span{w.conjunction ? w.stem.start : w.span.start, words[end - 1].span.end};
      p.key = w.conjunction ? w.stem_key : w.key;
      for (size_t j = k + 1; j < end; ++j) p.key += u' ' + words[j].key;
      for (size_t j = k; j < end; ++j) owner[j] = static_cast<int32_t>(out->size());
      out->push_back(std::move(p));
      ++persons;
      last_end = static_cast<int32_t>(end);
      k = end - 1;
    }
  }
  // A common phrase that reads as a name (حسن الجوار "good neighbourliness", not Hassan): no
  // name covers any of its words, whatever found one there.
  std::vector<bool> common(n, false);
  if (MarkCommonPhrases(words, &common)) {
    out->erase(std::remove_if(out->begin() + first_out, out->end(),
                              [&](const Candidate& c) {
                                return std::any_of(common.begin() + c.first_word,
                                                   common.begin() + c.end_word,
                                                   [](bool b) { return b; });
                              }),
               out->end());
  }
  std::sort(out->begin() + first_out, out->end(),
            [](const Candidate& a, const Candidate& b) { return a.span.start < b.span.start; });
}

size_t Recognizer::InlineBylineEnd(const icu::UnicodeString& text,
                                   const std::vector<Word>& words) const {
  if (words.size() < 3 || !byline_words_.Contains(words[0].key)) return 0;
  for (size_t k = 1; k < words.size() && k <= 4; ++k) {
    // The colon right after the word, past spaces and dashes only (text is the whole input).
    for (int32_t at = words[k].span.end; at < text.length(); ++at) {
      const char16_t ch = text[at];
      if (ch == u':') return k + 1;
      if (!(ch == u' ' || ch == 0x00A0 || ch == u'-' || ch == 0x2013 || ch == 0x2014 ||
            ch == 0x0640)) {
        break;
      }
    }
  }
  return 0;
}

void Recognizer::BylineAuthors(const icu::UnicodeString& text, const std::vector<Word>& words,
                               std::vector<Candidate>* out, size_t end) const {
  constexpr size_t kMostWords = 3;
  end = std::min(end, words.size());
  // The mention each word is in (an index into *out), or -1.
  const std::vector<int32_t> owner = Owners(*out, 0, words.size());
  // Whether words[k] is in a person's mention that covers part of [start, to) and nothing
  // outside it (the tagger's منصور of رشيدة منصور): the byline's name then replaces it.
  auto part_of_person = [&](size_t k, size_t start, size_t to) {
    if (owner[k] < 0) return false;
    const Candidate& c = (*out)[owner[k]];
    return c.type == EntityType::kPerson && c.first_word >= static_cast<int32_t>(start) &&
           c.end_word <= static_cast<int32_t>(to) &&
           c.end_word - c.first_word < static_cast<int32_t>(to - start);
  };
  std::vector<bool> replaced(out->size(), false);
  // Whether only white space (and format marks: RLM, ZWNJ) separates words[k] and words[k + 1]
  // (a byline's parts are set off by a dash, a slash, a colon or a comma).
  auto spaced = [&](size_t k) {
    for (int32_t at = words[k].span.end; at < words[k + 1].span.start; ++at) {
      if (!u_isUWhiteSpace(text[at]) && u_charType(text[at]) != U_FORMAT_CHAR) return false;
    }
    return true;
  };
  // A given name, or the feminine of one (شادية of شادي: the key's final ه is the ة).
  auto given = [&](const Word& w) {
    if (GivenLatin(w.key) != nullptr) return true;
    return w.teh_marbuta && w.key.size() > 3 &&
           GivenLatin(std::u16string_view(w.key).substr(0, w.key.size() - 1)) != nullptr;
  };
  auto name_word = [&](size_t k, size_t start, size_t to) {
    const Word& w = words[k];
    const bool first = k == start;
    return (owner[k] < 0 || part_of_person(k, start, to)) && !w.proclitic && !w.enclitic &&
           !w.tanween && (!first || w.article < 0) && w.key.size() >= 2 && IsArabicWord(w.key) &&
           !FunctionWord(w.key) && !not_names_.Contains(w.key) && !byline_words_.Contains(w.key) &&
           MatchPhrase(Phrase::kTitle, words, k, nullptr) == 0 &&
           MatchPhrase(Phrase::kStop, words, k, nullptr) == 0;
  };
  for (size_t from = 0; from < end;) {
    size_t to = from + 1;
    while (to < end && spaced(to - 1)) ++to;
    // A part: [from, to). Its author's name follows the byline's own words (كتب، بقلم).
    size_t start = from;
    // A tatweel standing for a dash (كتب ـ فلان) is a word with an empty key.
    while (start < to && (byline_words_.Contains(words[start].key) || words[start].key.empty())) {
      ++start;
    }
    const size_t len = to - start;
    bool name = len >= 2 && len <= kMostWords && given(words[start]);
    for (size_t k = start; name && k < to; ++k) name = name_word(k, start, to);
    if (name) {
      for (size_t k = start; k < to; ++k) {
        if (owner[k] >= 0) replaced[owner[k]] = true;
      }
      Candidate c;
      c.source = Source::kByline;
      c.type = EntityType::kPerson;
      c.span = Span{words[start].span.start, words[to - 1].span.end};
      c.first_word = static_cast<int32_t>(start);
      c.end_word = static_cast<int32_t>(to);
      for (size_t k = start; k < to; ++k) c.key += (k > start ? u" " : u"") + words[k].key;
      out->push_back(std::move(c));
    }
    from = to;
  }
  size_t kept = 0;
  for (size_t c = 0; c < out->size(); ++c) {
    if (c < replaced.size() && replaced[c]) continue;
    if (kept != c) (*out)[kept] = std::move((*out)[c]);
    ++kept;
  }
  out->resize(kept);
  std::sort(out->begin(), out->end(),
            [](const Candidate& a, const Candidate& b) { return a.span.start < b.span.start; });
}

}  // namespace basira::recognize
