#include "quotes/quotes.h"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "normalize/normalize.h"
#include "table/table.h"

namespace basira::quotes {
namespace {

using recognize::Word;

// Reporting verbs, by their match keys (alef forms folded, ة → ه, ى → ي, ؤ → و). A leading و or
// ف is matched through Word::conjunct_key.
constexpr const char* kReportingVerbs[] = {
    "قال",   "قالت",  "يقول",  "تقول",  "أضاف",  "أضافت",  "يضيف",  "تضيف",   "أكد",   "أكدت",
    "يؤكد",  "تؤكد",  "أوضح",  "أوضحت", "يوضح",  "صرح",    "صرحت",  "أشار",   "أشارت", "يشير",
    "تابع",  "تابعت", "ذكر",   "ذكرت",  "شدد",   "شددت",   "يشدد",  "أعلن",   "أعلنت", "قائلا",
    "قائلة", "مضيفا", "مضيفة", "مؤكدا", "مؤكدة", "معتبرا", "اعتبر", "اعتبرت", "رأى",   "رأت",
    "لفت",   "لفتت",  "كتب",   "كتبت",  "أفاد",  "أفادت",  "نقل",   "نقلت",   "أصر",   "أصرت",
    "حذر",   "حذرت",  "اختتم", "ختم",   "أردف",  "استطرد", "أوردت", "أورد",   "كشف",   "كشفت",
    "نفى",   "نفت",   "أعرب",  "أعربت", "وصف",   "وصفت",   "يرى",   "ترى",    "أبلغ",  "أبلغت",
    "أجاب",  "أجابت", "علق",   "علقت",  "اعترف", "اعترفت", "أقر",   "أقرت",   "زعم",   "زعمت",
    "ردد",   "رد",    "ردت",   "معربا", "مشيرا", "مشيرة",  "موضحا", "مشددا",  "لافتا", "متابعا",
    "مضيفا", "أجاب",  "سئل",   "تساءل", "هدد",   "هددت",   "دعا",   "دعت",    "أشاد",  "أشادت",
    "رحب",   "رحبت",  "ندد",   "نددت",  "مشيدا", "مشيدة",
};

// Verbs of praise and condemnation, whose object follows them with ب (أشاد بـ«...»، رحب بقرار
// مجلس الأمن): a name or words after ب are what is praised, not who speaks.
constexpr const char* kObjectVerbs[] = {"أشاد", "أشادت", "رحب",   "رحبت",
                                        "ندد",  "نددت",  "مشيدا", "مشيدة"};

// Verbs that cite an outlet when an organization follows them (قالت وكالة رويترز).
constexpr const char* kCitingVerbs[] = {"قال", "قالت", "ذكر",  "ذكرت",  "أفاد", "أفادت",
                                        "نقل", "نقلت", "أورد", "أوردت", "أعلن", "أعلنت",
                                        "كشف", "كشفت", "أكد",  "أكدت",  "أشار", "أشارت"};

// Cues that name a source after them: بحسب X، حسب X، حسبما ذكرت X، وفقاً لـ X، نقلاً عن X.
constexpr const char* kSourceCues[] = {"بحسب", "حسب",  "حسبما",   "وفق", "وفقا",
                                       "طبقا", "نقلا", "استنادا", "عن"};

// Words a described speaker never starts with (وأشار إلى ...، يرى في ...، قال فيها، اعتبرت
// الخميس أن).
constexpr const char* kNotSpeakers[] = {
    "إلى",     "في",       "على",      "عن",     "من",     "مع",    "بعد",  "قبل",
    "خلال",    "أمس",      "اليوم",    "أيضا",   "كذلك",   "ثقته",  "يوم",  "مساء",
    "صباح",    "ليلة",     "عبر",      "فيه",    "فيها",   "خصوصا", "خاصة", "الأحد",
    "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "أول"};

// Nouns that name what a quotation right after them is (حملت الخطة اسم «...»، بشعار «...»): a
// title or a slogan, never the words of speech opened further back.
constexpr const char* kTitleNouns[] = {"اسم", "عنوان", "شعار", "لافتة", "لافتات", "عبارة"};
// Words that open a clause of its own (في حين، بينما): speech opened before them does not go on
// after them.
constexpr const char* kClauseWords[] = {"حين", "بينما", "فيما", "حينما"};

// Words that head a person's title (الأمين العام، رئيس، المتحدث باسم ...): a body named after one
// (وقال الأمين العام للمنظمة:) is where the speaker works, not the speaker.
constexpr const char* kTitleHeads[] = {
    "الأمين",  "أمين",    "الرئيس",   "رئيس",     "رئيسة",  "المدير",  "مدير",   "مديرة",
    "المتحدث", "متحدث",   "المتحدثة", "الناطق",   "ناطق",   "الوزير",  "وزير",   "وزيرة",
    "السفير",  "سفير",    "المندوب",  "مندوب",    "الممثل", "ممثل",    "القائد", "قائد",
    "النائب",  "نائب",    "مساعد",    "المستشار", "مستشار", "المحافظ", "محافظ",  "الزعيم",
    "زعيم",    "المفوض",  "مفوض",     "المبعوث",  "مبعوث",  "منسق",    "عضو",    "المديرة",
    "الرئيسة", "الناطقة", "ناطقة",    "المراسل",  "مراسل",  "المؤسس",  "مؤسس",   "الوزيرة",
    "السفيرة", "سفيرة",
};

// Whom a speaker tells: words complete in themselves (قال للصحفيين، صرح لنا), never the speaker
// nor part of one; a name after them is the speaker (وقال للصحفيين لافروف).
constexpr const char* kToldWords[] = {
    "للصحفيين",  "للصحافيين", "للصحافة", "للمراسلين", "لمراسلنا", "للحضور", "للجمهور",
    "للمشاركين", "لنا",       "لها",     "له",        "لهم",      "لهن",
};
// Nouns that name an outlet told (وأضاف لقناة روسيا 1، قال لوكالة «تاس» مسؤول): the name after
// them is told too. After a title they may be its body instead (المدير التنفيذي لموقع ...): see
// ToldNounAt.
constexpr const char* kToldNouns[] = {
    "لوكالة", "لقناة",  "لصحيفة", "لشبكة",  "لإذاعة", "لتلفزيون", "لموقع",
    "لمجلة",  "لوسائل", "لمحطة",  "لمراسل", "ل",      "لل",
};

// Heads of bodies and outlets that, in ال right after a verb (وقالت الوكالة), refer back to the
// organization the article named with them (keys of the stems, without the article).
constexpr const char* kBodyNouns[] = {
    "وكالة", "صحيفة", "قناة", "شبكة", "إذاعة", "مجلة", "وزارة", "منظمة", "حركة",
    "حزب",   "جماعة", "شركة", "هيئة", "لجنة",  "جيش",  "بعثة",  "سفارة", "حكومة",
};

// إن / أن (and بأن, أنه ...): what indirect speech starts with.
constexpr const char* kThat = "ان";

constexpr size_t kVerbWindow = 20;  // words a reporting verb may stand before a quote
constexpr size_t kSpeakerWords = 6;  // the longest described speaker (قال مسؤول روسي كبير)
constexpr size_t kThatWindow = 8;  // words between a verb and its إن
// The furthest back a quotation looks for the indirect speech it goes on (SpeechVerbBefore): a
// bound, so that a sentence of many quotations is not read back to its start for each of them.
constexpr size_t kSpeechWindow = 150;
constexpr size_t kCueWindow = 5;          // words between a cue and the source it names
constexpr int kMinUnattributedWords = 4;  // a quoted run with no verb beside it: at least this
constexpr int kMinQuotedWords = 3;        // a quoted run shorter than this needs a verb
constexpr int32_t kMaxQuoteUnits = 4000;  // a quotation mark this far from its pair is no pair

using table::KeySet;

KeySet KeysOf(const char* const* words, size_t count) {
  KeySet keys;
  for (size_t i = 0; i < count; ++i) keys.Insert(normalize::KeyFromUtf8(words[i]));
  return keys;
}

const KeySet& ReportingVerbs() {
  static const KeySet* keys =
      new KeySet(KeysOf(kReportingVerbs, sizeof(kReportingVerbs) / sizeof(*kReportingVerbs)));
  return *keys;
}
const KeySet& TitleNouns() {
  static const KeySet* keys =
      new KeySet(KeysOf(kTitleNouns, sizeof(kTitleNouns) / sizeof(*kTitleNouns)));
  return *keys;
}
const KeySet& ClauseWords() {
  static const KeySet* keys =
      new KeySet(KeysOf(kClauseWords, sizeof(kClauseWords) / sizeof(*kClauseWords)));
  return *keys;
}
const KeySet& CitingVerbs() {
  static const KeySet* keys =
      new KeySet(KeysOf(kCitingVerbs, sizeof(kCitingVerbs) / sizeof(*kCitingVerbs)));
  return *keys;
}
const KeySet& SourceCues() {
  static const KeySet* keys =
      new KeySet(KeysOf(kSourceCues, sizeof(kSourceCues) / sizeof(*kSourceCues)));
  return *keys;
}

const KeySet& TitleHeads() {
  static const KeySet* keys =
      new KeySet(KeysOf(kTitleHeads, sizeof(kTitleHeads) / sizeof(*kTitleHeads)));
  return *keys;
}

const KeySet& ToldWords() {
  static const KeySet* keys =
      new KeySet(KeysOf(kToldWords, sizeof(kToldWords) / sizeof(*kToldWords)));
  return *keys;
}
const KeySet& ToldNouns() {
  static const KeySet* keys =
      new KeySet(KeysOf(kToldNouns, sizeof(kToldNouns) / sizeof(*kToldNouns)));
  return *keys;
}

const KeySet& ObjectVerbs() {
  static const KeySet* keys =
      new KeySet(KeysOf(kObjectVerbs, sizeof(kObjectVerbs) / sizeof(*kObjectVerbs)));
  return *keys;
}

// The key of a word from after its conjunction (وبقرار -> بقرار), or the whole word's.
const std::u16string& AfterConjunction(const Word& w) {
  return w.after_conjunction >= 0 ? w.conjunct_key : w.key;
}

// Whether a preposition (ب، ل، ك) comes before the word's stem, after any conjunction
// (لوكالة، وبقرار; not ووكالة, nor the article alone).
bool WithPreposition(const Word& w) {
  const std::u16string& from = AfterConjunction(w);
  return w.proclitic && from != w.stem_key && (w.article < 0 || from != w.article_key);
}

// Whether that preposition is ب (بقرار، وبقرار).
bool WithBa(const Word& w) { return WithPreposition(w) && AfterConjunction(w).rfind(u'ب', 0) == 0; }

const KeySet& BodyNouns() {
  static const KeySet* keys =
      new KeySet(KeysOf(kBodyNouns, sizeof(kBodyNouns) / sizeof(*kBodyNouns)));
  return *keys;
}

const KeySet& NotSpeakers() {
  static const KeySet* keys =
      new KeySet(KeysOf(kNotSpeakers, sizeof(kNotSpeakers) / sizeof(*kNotSpeakers)));
  return *keys;
}

// Whether the word, or the word after a leading و/ف (وقال، فقال), is in the set.
bool InSet(const KeySet& set, const Word& w) {
  if (set.Contains(w.key)) return true;
  if (w.after_conjunction >= 0 && set.Contains(w.conjunct_key)) return true;
  return w.key.size() > 2 && (w.key[0] == u'\u0648' || w.key[0] == u'\u0641') &&
         set.Contains(std::u16string_view(w.key).substr(1));
}

// Whether the word is إن/أن (بأن، وإن، أنه ...): what indirect speech starts with.
bool IsThat(const icu::UnicodeString& text, const Word& w) {
  static const std::u16string that = normalize::KeyFromUtf8(kThat);
  if (w.key != that && w.stem_key != that && w.conjunct_key != that) return false;
  // The key folds آ into ا: آن (a name, or "now") is no إن/أن.
  for (int32_t k = w.span.start; k < w.span.end; ++k) {
    if (text[k] == u'\u0622') return false;
  }
  return true;
}

// Whether a word is قوله / قولها / قولهم ("his saying"), after whom an outlet quotes.
bool Saying(const Word& w) {
  static const std::u16string saying = normalize::KeyFromUtf8("قول");
  return w.enclitic && w.stem_key == saying;
}

bool IsSpace(char16_t c) {
  return c == u' ' || c == u'\t' || c == u'\r' || c == u'\n' || c == 0x00A0 || c == 0x200F ||
         c == 0x200E || c == 0x061C;
}

bool IsComma(char16_t c) { return c == u'\u060C' || c == u','; }

// text[span] without spaces at either end, and without final full stops (. ۔) and commas.
Span Trim(const icu::UnicodeString& text, Span span) {
  while (span.start < span.end && IsSpace(text[span.start])) ++span.start;
  while (span.end > span.start) {
    const char16_t c = text[span.end - 1];
    if (IsSpace(c) || c == u'.' || c == 0x06D4 || IsComma(c)) {
      --span.end;
    } else {
      break;
    }
  }
  return span;
}

int CountWords(const icu::UnicodeString& text, Span span) {
  int words = 0;
  bool in_word = false;
  for (int32_t i = span.start; i < span.end; ++i) {
    const bool space = IsSpace(text[i]);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// The quotation mark that closes `open`, or 0 when `open` opens nothing.
char16_t Closer(char16_t open) {
  switch (open) {
    case u'\u00AB':  // «
      return u'\u00BB';
    case u'\u201C':  // “
      return u'\u201D';
    case u'\u201D':  // ” used as an opener in right-to-left text
      return u'\u201C';
    case u'"':
      return u'"';
    default:
      return 0;
  }
}

struct MentionRef {
  Span span;
  int32_t entity = 0;
};

struct Context {
  const std::vector<icu::UnicodeString>& texts;
  Result* result;
  std::vector<std::vector<int32_t>> sentences_of;  // per input: sentence indices in text order
  std::vector<const resolve::SentenceMentions*> words_of;  // per sentence (or nullptr)
  std::vector<std::vector<MentionRef>> mentions_of;        // per input, by start
  std::vector<std::vector<MentionRef>> speakers_of;  // per input: those of people and organizations
  // ClauseFrom's last answer: for the words of one sentence, up to which verb it looked and what
  // it found. A later verb of the same words reads only the words in between: a sentence of many
  // verbs is read once, not once per verb.
  struct ClauseMemo {
    const std::vector<Word>* words = nullptr;
    size_t verb = 0;
    int32_t from = 0;
  };
  mutable ClauseMemo clause_memo;
  // Per input: the blocks that hold line breaks (hard-wrapped paragraphs), by start. A line
  // break inside one is a space, never the end of a quote.
  std::vector<std::vector<Span>> wrapped_blocks;
};

bool InWrappedBlock(const Context& c, int32_t input, int32_t at) {
  const std::vector<Span>& blocks = c.wrapped_blocks[input];
  auto it = std::upper_bound(blocks.begin(), blocks.end(), at,
                             [](int32_t offset, const Span& b) { return offset < b.start; });
  return it != blocks.begin() && at < (it - 1)->end;
}

const std::vector<Word>& WordsOf(const Context& c, int32_t sentence) {
  static const std::vector<Word> none;
  const resolve::SentenceMentions* s = c.words_of[sentence];
  return s == nullptr ? none : s->words;
}

// The sentence of `input` holding offset `at` (the last one starting at or before it), or -1.
int32_t SentenceAt(const Context& c, int32_t input, int32_t at) {
  const std::vector<int32_t>& list = c.sentences_of[input];
  auto it = std::upper_bound(list.begin(), list.end(), at, [&](int32_t offset, int32_t s) {
    return offset < c.result->sentences[s].span.start;
  });
  if (it == list.begin()) return -1;
  const int32_t s = *(it - 1);
  return at < c.result->sentences[s].span.end ? s : -1;
}

// The first mention of `list` (by start) that starts at or after `offset`.
std::vector<MentionRef>::const_iterator FirstMentionFrom(const std::vector<MentionRef>& list,
                                                         int32_t offset) {
  return std::lower_bound(list.begin(), list.end(), offset,
                          [](const MentionRef& m, int32_t o) { return m.span.start < o; });
}

// The first entity mention of `input` inside [from, to), of a type that can speak or be cited
// (people, organizations; places and others when `any_type`).
const MentionRef* MentionIn(const Context& c, int32_t input, int32_t from, int32_t to,
                            bool any_type = false) {
  const std::vector<MentionRef>& list = any_type ? c.mentions_of[input] : c.speakers_of[input];
  auto it = FirstMentionFrom(list, from);
  return it != list.end() && it->span.start < to ? &*it : nullptr;
}

// The last mention of a person or an organization of `input` starting in [from, to), or nullptr.
const MentionRef* SpeakerBefore(const Context& c, int32_t input, int32_t from, int32_t to) {
  const std::vector<MentionRef>& list = c.speakers_of[input];
  auto it = FirstMentionFrom(list, to);
  if (it == list.begin() || (it - 1)->span.start < from) return nullptr;
  return &*(it - 1);
}

// Where a speaker before words[verb] may begin: right after the last word before it that opens a
// clause of its own (بينما، فيما، حين), or at the sentence's first word.
int32_t ClauseFrom(const Context& c, const std::vector<Word>& words, size_t verb) {
  Context::ClauseMemo& memo = c.clause_memo;
  int32_t from = words[0].span.start;
  size_t read = 0;  // the words before this one were read for an earlier verb
  if (memo.words == &words && memo.verb <= verb) {
    from = memo.from;
    read = memo.verb;
  }
  for (size_t k = verb; k-- > read;) {
    if (InSet(ClauseWords(), words[k])) {
      from = words[k].span.end;
      break;
    }
  }
  memo = Context::ClauseMemo{&words, verb, from};
  return from;
}

// Index of the first word of `words` starting at or after `offset`.
size_t FirstWordFrom(const std::vector<Word>& words, int32_t offset) {
  return static_cast<size_t>(
      std::lower_bound(words.begin(), words.end(), offset,
                       [](const Word& w, int32_t o) { return w.span.start < o; }) -
      words.begin());
}

// Whether text[from, to) holds only spaces and at most one comma (a name run on into the next:
// الأمين العام للأمم المتحدة، أنطونيو غوتيريش).
bool OnlySpaceBetween(const icu::UnicodeString& text, int32_t from, int32_t to) {
  int commas = 0;
  for (int32_t k = from; k < to; ++k) {
    if (IsComma(text[k])) {
      if (++commas > 1) return false;
    } else if (!IsSpace(text[k])) {
      return false;
    }
  }
  return from < to;
}

// Whether text[from, to) holds a comma.
bool HasComma(const icu::UnicodeString& text, int32_t from, int32_t to) {
  for (int32_t k = from; k < to; ++k) {
    if (IsComma(text[k])) return true;
  }
  return false;
}

constexpr size_t kTitleWords = 3;  // the most words from a title's head to its body

// Whether words[j], after the verb at `verb`, names an outlet told (لقناة، لوكالة): right after
// the verb (وقال لوكالة «تاس»), after words that do not start with a title (قال مسؤول روسي
// لوكالة «تاس»), or after a nationality closing a title (وأضاف الرئيس الروسي لقناة روسيا 1).
// After other title words it may be the title's body (المدير التنفيذي لموقع ويكيليكس): not told.
// Addressee words match by their whole key only (ولي is no و + لي).
bool ToldNounAt(const std::vector<Word>& words, size_t verb, size_t j) {
  if (j <= verb || j >= words.size() || !ToldNouns().Contains(words[j].key)) return false;
  if (j == verb + 1 || !TitleHeads().Contains(words[verb + 1].key)) return true;
  constexpr uint16_t kNationality =
      1u << static_cast<int>(recognize::Recognizer::Phrase::kNationality);
  // السابق/السابقة are listed with the nationalities, but «المدير السابق لوكالة ...» is the
  // former director of the agency.
  static const std::u16string former = normalize::KeyFromUtf8("السابق"),
                              former_f = normalize::KeyFromUtf8("السابقة");
  const Word& before = words[j - 1];
  if (before.key == former || before.key == former_f) return false;
  return before.heads != 0xFFFF && (before.heads & kNationality) != 0;
}

// Whether a word after an outlet's name describes the outlet: للأنباء، or a feminine adjective
// with the article (الفضائية، الإخبارية، الحكومية), agreeing with قناة/وكالة/صحيفة.
bool OutletWord(const Word& w) {
  static const std::u16string news = normalize::KeyFromUtf8("للأنباء");
  const std::u16string& k = w.key;
  if (k == news) return true;
  return k.size() > 4 && k[0] == u'\u0627' && k[1] == u'\u0644' && k[k.size() - 2] == u'\u064A' &&
         k[k.size() - 1] == u'\u0647';
}

bool IsTold(const std::vector<Word>& words, size_t verb, size_t j) {
  return ToldWords().Contains(words[j].key) || ToldNounAt(words, verb, j);
}

// Whether the mention `m` (of entity type `type`), whose first word is words[first], is told, not
// telling: an organization right after the verb with the preposition ل cut off (قال لرويترز), or
// a name after or within an outlet noun told (وقال لوكالة «تاس»، قال مسؤول لوكالة رويترز).
// Returns the addressee's first word in *from.
bool Addressed(const icu::UnicodeString& text, const std::vector<Word>& words, size_t verb,
               size_t first, const MentionRef& m, EntityType type, size_t* from) {
  if (first <= verb || first >= words.size()) return false;
  if (first == verb + 1 && type == EntityType::kOrganization && words[first].proclitic) {
    for (int32_t k = words[first].span.start; k < m.span.start; ++k) {
      if (text[k] == u'\u0644') {
        *from = first;
        return true;
      }
    }
  }
  // The outlet noun before the name, or inside the mention (the lexicon's «وكالة رويترز» matched
  // in لوكالة رويترز).
  const bool inside = m.span.start > words[first].span.start;
  if (ToldNounAt(words, verb, inside ? first : first - 1)) {
    *from = inside ? first : first - 1;
    return true;
  }
  return false;
}

// The entity a head noun right after a verb (its key without the article) refers back to: for
// the head of a body or an outlet (الوكالة، الوزارة: kBodyNouns) an organization, for a title
// (الوزير: TitleHeads) a person; the last mention of that type before the noun in the same
// article, among the article's last kMostBack mentions, whose first word is that noun or comes
// at most three words after it, with no preposition and no other name between (وكالة أنباء «ريا
// نوفوستي»، وزير الخارجية الروسي سيرغي لافروف; not لوكالة رويترز, whom someone told, nor شركة in
// مصدر في شركة أرامكو ... وقال المصدر). الرئيس is no رئيس in construct (رئيس الوزراء is another
// title). Null when there is none.
const MentionRef* Antecedent(const Context& c, int32_t input, int32_t sentence,
                             const Word& subject) {
  constexpr int kMostBack = 40;
  const bool title = TitleHeads().Contains(subject.key);
  if (!title && !BodyNouns().Contains(subject.stem_key)) return nullptr;
  const EntityType type = title ? EntityType::kPerson : EntityType::kOrganization;
  static const std::u16string president = normalize::KeyFromUtf8("رئيس");
  static const KeySet* heads_of_state = [] {
    const char* const words[] = {"الجمهورية", "الدولة", "البلاد"};
    return new KeySet(KeysOf(words, 3));
  }();
  const int32_t document = c.result->sentences[sentence].document;
  const std::vector<MentionRef>& list = c.mentions_of[input];
  auto it = FirstMentionFrom(list, subject.span.start);
  for (int back = 0; it != list.begin() && back < kMostBack; ++back) {
    const MentionRef& m = *--it;
    const int32_t s = SentenceAt(c, input, m.span.start);
    if (s < 0) continue;
    if (c.result->sentences[s].document != document) break;
    if (c.result->entities[m.entity].type != type) continue;
    const std::vector<Word>& words = WordsOf(c, s);
    const size_t first = FirstWordFrom(words, m.span.start + 1);  // one past the mention's first
    for (size_t j = first; j-- > 0 && first - j <= 4;) {
      const Word& w = words[j];
      // A preposition or another name between them: the noun heads something else.
      if (j + 1 < first && (NotSpeakers().Contains(w.key) ||
                            MentionIn(c, input, w.span.start, w.span.end, true) != nullptr)) {
        break;
      }
      if (w.stem_key != subject.stem_key) continue;
      // Only a conjunction before it (ووكالة): not whom someone told (لوكالة).
      const bool told = WithPreposition(w);
      const bool construct = w.stem_key == president && w.article < 0 &&
                             (j + 1 >= words.size() || !heads_of_state->Contains(words[j + 1].key));
      if (told || construct) break;
      return &m;
    }
  }
  return nullptr;
}

// The speaker: the one an outlet quotes (عن فلان قوله), else named between the verb and `limit`
// (قال بوتين: «), else the entity a head noun after the verb refers back to (وقالت الوكالة), else
// just before the verb (بوتين قال); with no entity, the describing words after the verb. Whom
// the speaker tells (للصحفيين، لقناة روسيا 1، لرويترز) and what a verb of praise is about
// (رحب بقرار مجلس الأمن) are never the speaker nor part of a described one.
void FindSpeaker(const Context& c, int32_t input, const std::vector<Word>& words, size_t verb,
                 size_t end_word, int32_t limit, Quote* q) {
  const Word& v = words[verb];
  const icu::UnicodeString& text = c.texts[input];
  q->verb = v.span;
  size_t addressee = end_word;  // the first word of whom the speaker tells, if any
  size_t after_addressee = 0;   // the word after it, when it follows the verb (else 0)
  // Whom an outlet quotes (ونقلت الوكالة عن بوتين قوله: «...»): the one named right before
  // قوله / قولها, after عن and at most his title, is the speaker; the outlet only carries the
  // words (not بوتين in عن مصدر مقرب من الرئيس بوتين قوله: the source speaks).
  static const std::u16string from_key = normalize::KeyFromUtf8("عن");
  auto after_from = [&](const MentionRef& m) {
    const size_t first = FirstWordFrom(words, m.span.start + 1) - 1;  // the mention's first word
    for (size_t j = first; j-- > verb && first - j <= 6;) {
      if (words[j].key == from_key) return true;
      if (NotSpeakers().Contains(words[j].key)) return false;
    }
    return false;
  };
  for (const MentionRef* m = MentionIn(c, input, v.span.end, limit); m != nullptr;
       m = MentionIn(c, input, m->span.end, limit)) {
    const size_t after = FirstWordFrom(words, m->span.end);
    if (after < end_word && Saying(words[after]) &&
        OnlySpaceBetween(text, m->span.end, words[after].span.start) && after_from(*m)) {
      q->speaker = m->entity;
      q->speaker_span = m->span;
      return;
    }
  }
  // Whom an outlet quotes without a name (ونقلت الصحيفة عن مسؤولين أميركيين قولهم إن): the
  // words between عن and قوله describe the speaker; the outlet is not it. Only plain words: no
  // name, no preposition, no comma, no pronoun (عن مسؤول طلب عدم الكشف عن اسمه قوله: that عن is
  // not the outlet's, and the outlet stays the speaker).
  for (size_t s = verb + 2; s < end_word; ++s) {
    if (!Saying(words[s])) continue;
    for (size_t j = s - 1; j > verb && s - j <= kSpeakerWords + 1; --j) {
      if (words[j].key == from_key) {
        if (j + 1 < s && MentionIn(c, input, words[j + 1].span.start, words[s - 1].span.end,
                                   /*any_type=*/true) == nullptr) {
          q->speaker_span = Span{words[j + 1].span.start, words[s - 1].span.end};
          return;
        }
        break;
      }
      if (NotSpeakers().Contains(words[j].key) || words[j].enclitic ||
          HasComma(text, words[j].span.end, words[j + 1].span.start)) {
        break;
      }
    }
    break;
  }
  // What a verb of praise or condemnation is about (رحب بقرار مجلس الأمن) is no speaker; right
  // after the verb it says the verb has no subject of its own.
  const bool praise = InSet(ObjectVerbs(), v);
  const bool object_first = praise && verb + 1 < end_word && WithBa(words[verb + 1]);
  // After the verb (قال بوتين:), skipping a cited source (وتابع، وفقاً لـ«الوكالة»: «...»).
  for (const MentionRef* m = object_first ? nullptr : MentionIn(c, input, v.span.end, limit);
       m != nullptr; m = MentionIn(c, input, m->span.end, limit)) {
    const size_t k = FirstWordFrom(words, m->span.start + 1);  // the word after the mention's
    bool cited = false;
    for (size_t back = 1; back <= 3 && k >= back + 1; ++back) {
      cited = cited || InSet(SourceCues(), words[k - back - 1]);
    }
    if (cited || (praise && WithBa(words[k - 1]))) continue;
    // A body named in a title right after the verb (وقال الأمين العام للمنظمة): the title and
    // its body, when the body follows the title closely (no إن, no comma).
    const EntityType type = c.result->entities[m->entity].type;
    bool title_body = false;
    if (type != EntityType::kPerson && verb + 1 < words.size() &&
        words[verb + 1].span.end <= m->span.start && TitleHeads().Contains(words[verb + 1].key)) {
      const size_t body = k - 1;
      title_body = body - (verb + 1) <= kTitleWords &&
                   !HasComma(text, words[verb + 1].span.end, m->span.start);
      for (size_t w = verb + 2; title_body && w < body; ++w) {
        title_body = !IsThat(text, words[w]) && !IsTold(words, verb, w);
      }
    }
    size_t told = 0;
    if (!title_body && Addressed(text, words, verb, k - 1, *m, type, &told)) {
      if (told == verb + 1 || (after_addressee > 0 && told <= after_addressee)) {
        // The outlet's own words after its name (لقناة الجزيرة الفضائية، لوكالة رويترز
        // للأنباء) are no speaker either.
        after_addressee = FirstWordFrom(words, m->span.end);
        while (after_addressee < end_word && OutletWord(words[after_addressee])) ++after_addressee;
      }
      addressee = std::min(addressee, told);
      continue;
    }
    // A body named in the speaker's title (وقال الأمين العام لجامعة الدول العربية أحمد أبو الغيط،
    // وقال وزير خارجية روسيا سيرغي لافروف): the person right after it is the speaker.
    if (type != EntityType::kPerson) {
      const MentionRef* next = MentionIn(c, input, m->span.end, limit);
      if (next != nullptr && c.result->entities[next->entity].type == EntityType::kPerson &&
          OnlySpaceBetween(text, m->span.end, next->span.start)) {
        m = next;
      } else if (title_body) {
        // No person after it: the title and its body describe the speaker.
        q->speaker_span = Span{words[verb + 1].span.start, m->span.end};
        return;
      }
    }
    q->speaker = m->entity;
    q->speaker_span = m->span;
    return;
  }
  // The verb's own subject, a head noun in ال right after it that refers back to an organization
  // the input named with that head (وكالة أنباء «ريا نوفوستي» ... وقالت الوكالة إن), or a title
  // that refers back to the person it named (وزير الخارجية الروسي سيرغي لافروف ... وتابع
  // الوزير): that entity, not a name before the verb.
  if (verb + 1 < end_word) {
    const Word& subject = words[verb + 1];
    if (subject.article >= 0 && !subject.proclitic && !subject.enclitic) {
      if (const MentionRef* m = Antecedent(c, input, q->sentence, subject)) {
        q->speaker = m->entity;
        q->speaker_span = subject.span;
        return;
      }
    }
  }
  // Before the verb, within the sentence (بوتين قال، وسئل بوتين ... فقال): the closest mention,
  // but not before a word that opens a clause of its own (فاز الهلال على النصر، بينما قال المعلق
  // إن: the club is no speaker).
  const MentionRef* before = SpeakerBefore(c, input, ClauseFrom(c, words, verb), v.span.start);
  if (before != nullptr) {
    q->speaker = before->entity;
    q->speaker_span = before->span;
    return;
  }
  // A described speaker (قال مسؤول روسي): the words after the verb, up to إن/أن, a comma or
  // whom the speaker tells (وأضاف الرئيس الروسي لقناة روسيا 1). When whom he tells comes first,
  // the words after it (قال لوكالة «فرانس برس» آن تشان إيل، ...); none when those are no
  // speaker (وقال للصحفيين في وقت لاحق:), and the previous speaker then carries over.
  // An outlet noun right after the verb whose outlet is no mention (لصحيفة «الشرق الأوسط», a
  // place to the lexicon) leaves the words as they are: the speaker is somewhere among them, and
  // the previous speaker must not carry over.
  size_t first = verb + 1;
  size_t end = std::min(end_word, addressee);
  const bool unnamed_outlet = after_addressee == 0 && ToldNounAt(words, verb, verb + 1);
  if (after_addressee > 0) {
    first = after_addressee;
    end = end_word;
  } else if (first < end_word && ToldWords().Contains(words[first].key)) {
    ++first;
  }
  size_t last = first;
  while (last < end && last - first < kSpeakerWords && !IsThat(text, words[last]) &&
         !ToldWords().Contains(words[last].key) &&
         !(ToldNounAt(words, verb, last) && !(unnamed_outlet && last == verb + 1))) {
    if (last > first && HasComma(text, words[last - 1].span.end, words[last].span.start)) {
      break;
    }
    ++last;
  }
  // A preposition the verb takes before إن/أن (حذر مسؤولون أمريكيون من أن) ends no description.
  while (last > first + 1 && NotSpeakers().Contains(words[last - 1].key)) --last;
  // A lone letter (مشيداً بـ«...»: the preposition ب with a tatweel) describes nobody.
  if (last > first && last - first <= kSpeakerWords && words[first].key.size() > 1 &&
      !object_first && !(praise && WithBa(words[first])) &&
      !NotSpeakers().Contains(words[first].key) && !InSet(SourceCues(), words[first])) {
    q->speaker_span = Span{words[first].span.start, words[last - 1].span.end};
  }
}

// A reporting verb among words [0, end) of the sentence, closest to `end`, no further than
// kVerbWindow words; end when there is none.
size_t VerbBefore(const std::vector<Word>& words, size_t end) {
  for (size_t k = end; k-- > 0 && end - k <= kVerbWindow;) {
    if (InSet(ReportingVerbs(), words[k])) return k;
  }
  return end;
}

// Whether `c` is a quotation mark of any kind: one that may open a pair (Closer), or ».
bool IsQuoteMark(char16_t c) { return Closer(c) != 0 || c == u'\u00BB'; }

// A quotation that goes on the indirect speech its sentence opened further back than kVerbWindow
// (وأشار لافروف إلى أن الدول الغربية كانت قد وعدت ...، لكن «...»): the closest reporting verb
// before words [0, end) with إن/أن within kThatWindow words after it and no quotation mark from
// there to `open`. Returns the verb and sets *that to its إن/أن; end when there is none.
size_t SpeechVerbBefore(const Context& c, int32_t input, const std::vector<Word>& words, size_t end,
                        int32_t open, size_t* that) {
  const icu::UnicodeString& text = c.texts[input];
  // A quotation just after a noun that names it (حملت الخطة اسم «...»، هتفوا بشعار «...»، رفعوا
  // لافتات كتب عليها «...») is a title or a slogan, not the speaker's words.
  for (size_t k = end; k-- > 0 && end - k <= 3;) {
    if (InSet(TitleNouns(), words[k]) || TitleNouns().Contains(words[k].stem_key)) return end;
  }
  for (size_t k = end; k-- > 0 && end - k <= kSpeechWindow;) {
    if (!InSet(ReportingVerbs(), words[k])) continue;
    for (size_t t = k + 1; t < end && t <= k + kThatWindow; ++t) {
      if (!IsThat(text, words[t])) continue;
      for (int32_t u = words[t].span.end; u < open; ++u) {
        if (IsQuoteMark(text[u])) return end;
      }
      // Someone else, or a clause of its own (في حين، بينما), between the speech and the
      // quotation: the quotation may be theirs.
      if (MentionIn(c, input, words[t].span.end, open) != nullptr) return end;
      for (size_t w = t + 1; w < end; ++w) {
        if (InSet(ClauseWords(), words[w])) return end;
      }
      *that = t;
      return k;
    }
    return end;  // the closest verb opens no speech: an earlier one is not this quote's
  }
  return end;
}

void Attribute(const Context& c, int32_t input, int32_t open, int32_t close, Quote* q) {
  const std::vector<Word>& words = WordsOf(c, q->sentence);
  const icu::UnicodeString& text = c.texts[input];
  const size_t before_end = FirstWordFrom(words, open);
  const size_t verb = VerbBefore(words, before_end);
  if (verb < before_end) {
    FindSpeaker(c, input, words, verb, before_end, open, q);
    return;
  }
  // After the quote: «...»، قال بوتين.
  const int32_t after_sentence = SentenceAt(c, input, close);
  if (after_sentence >= 0) {
    const std::vector<Word>& after = WordsOf(c, after_sentence);
    const size_t first = FirstWordFrom(after, close);
    for (size_t k = first; k < after.size() && k < first + 2; ++k) {
      if (!InSet(ReportingVerbs(), after[k])) continue;
      const size_t end = std::min(after.size(), k + 1 + kSpeakerWords);
      const int32_t limit = end > k + 1 ? after[end - 1].span.end : after[k].span.end;
      FindSpeaker(c, input, after, k, k + 1, limit, q);
      return;
    }
  }
  // Only a real quotation (kMinUnattributedWords words or more) goes on speech opened so far
  // back; a word or two in quotation marks there is a term, not the speaker's words.
  size_t that = 0;
  const size_t far = SpeechVerbBefore(c, input, words, before_end, open, &that);
  if (far < before_end && CountWords(text, Span{open + 1, close - 1}) >= kMinUnattributedWords) {
    FindSpeaker(c, input, words, far, that, words[that].span.start, q);
  }
}

// Whether a reporting verb stands among the words of `input` in [from, to).
bool HasReportingVerb(const Context& c, int32_t input, int32_t from, int32_t to) {
  const std::vector<int32_t>& list = c.sentences_of[input];
  auto it = std::partition_point(
      list.begin(), list.end(), [&](int32_t s) { return c.result->sentences[s].span.end <= from; });
  for (; it != list.end() && c.result->sentences[*it].span.start < to; ++it) {
    for (const Word& w : WordsOf(c, *it)) {
      if (w.span.start >= from && w.span.end <= to && InSet(ReportingVerbs(), w)) return true;
    }
  }
  return false;
}

void DirectQuotes(Context& c, int32_t input, std::vector<Quote>* out) {
  const icu::UnicodeString& text = c.texts[input];
  const int32_t n = text.length();
  for (int32_t i = 0; i < n; ++i) {
    const char16_t close_mark = Closer(text[i]);
    if (close_mark == 0) continue;
    int32_t j = i + 1;
    while (j < n && j - i < kMaxQuoteUnits && text[j] != close_mark &&
           (text[j] != u'\n' || InWrappedBlock(c, input, j))) {
      ++j;
    }
    if (j >= n || text[j] != close_mark) {
      // A pair may mix styles (“...»): an opening « or “ with no closer of its own on its line is
      // closed by the other style's closer, when no other mark comes first.
      const char16_t other = text[i] == u'\u00AB'   ? u'\u201D'
                             : text[i] == u'\u201C' ? u'\u00BB'
                                                    : 0;
      if (other == 0) continue;  // unpaired: not a quote
      j = i + 1;
      while (j < n && j - i < kMaxQuoteUnits && text[j] != other && Closer(text[j]) == 0 &&
             (text[j] != u'\n' || InWrappedBlock(c, input, j))) {
        ++j;
      }
      if (j >= n || text[j] != other) continue;  // unpaired: not a quote
      // Not a ” that opens a quotation of its own (”...“, right to left), and not across the
      // words of another speaker (وقال بوتين: «... وقالت الوزارة ”...“).
      bool opens = false;
      for (int32_t k = j + 1; other == u'\u201D' && !opens && k < n && text[k] != u'\n'; ++k) {
        opens = text[k] == u'\u201C';
      }
      if (opens || HasReportingVerb(c, input, i + 1, j)) continue;
    }
    const Span inner = Trim(text, Span{i + 1, j});
    const int32_t open = i;
    i = j;  // go on after the closing mark
    if (inner.length() <= 0) continue;
    Quote q;
    q.input = input;
    q.span = inner;
    q.sentence = SentenceAt(c, input, inner.start);
    if (q.sentence < 0) continue;  // web noise: no sentence holds it
    Attribute(c, input, open, j + 1, &q);
    // A quoted name (وكالة «بلومبرغ»، صاروخ «أوريشنيك») is a name, not a quote.
    if (const MentionRef* m = MentionIn(c, input, inner.start, inner.end, /*any_type=*/true)) {
      if (m->span.start <= inner.start + 2 && m->span.end >= inner.end - 2) continue;
    }
    const int words = CountWords(text, inner);
    if (q.verb.length() == 0 && words < kMinUnattributedWords) continue;
    if (words < kMinQuotedWords && q.verb.length() == 0) continue;
    if (words < kMinQuotedWords && q.speaker < 0) continue;  // «روسيا 1» after قالت: a name
    out->push_back(q);
  }
}

// Whether `first` is كتب or كتبت followed by a dash (- – — or a tatweel standing alone as one):
// the opening of a byline, not a verb of saying.
bool IsBylineDash(const icu::UnicodeString& text, const Word& first, const Word& second) {
  static const std::u16string kWrote = normalize::KeyFromUtf8("كتب");
  static const std::u16string kWroteF = normalize::KeyFromUtf8("كتبت");
  if (first.key != kWrote && first.key != kWroteF) return false;
  for (int32_t k = first.span.end; k < second.span.end; ++k) {
    const char16_t ch = text[k];
    if (ch == u'-' || ch == 0x2013 || ch == 0x2014) return true;
    if (ch == 0x0640 && (k == first.span.end || text[k - 1] == u' ')) return true;
    if (k >= second.span.start && ch != 0x0640) break;
  }
  return false;
}

// Quotes after a colon with no quotation mark (قال بوتين: الوضع ...) and indirect speech
// (قال بوتين إن ...), in sentences where no direct quote starts.
void UnmarkedQuotes(Context& c, int32_t input, const std::vector<Quote>& direct,
                    std::vector<Quote>* out) {
  const icu::UnicodeString& text = c.texts[input];
  std::unordered_set<int32_t> quoted;
  for (const Quote& q : direct) {
    quoted.insert(q.sentence);
    const int32_t last = SentenceAt(c, input, q.span.end - 1);
    for (int32_t s = q.sentence; s <= last && last >= 0; ++s) quoted.insert(s);
  }
  for (int32_t s : c.sentences_of[input]) {
    if (quoted.count(s) > 0) continue;
    const Sentence& sentence = c.result->sentences[s];
    if (sentence.block != BlockKind::kParagraph) continue;
    const std::vector<Word>& words = WordsOf(c, s);
    for (size_t v = 0; v < words.size(); ++v) {
      if (!InSet(ReportingVerbs(), words[v])) continue;
      // A paragraph that opens with its byline (كتب ـ سامر الحجار : ...، كتبت - ...): the author
      // wrote the report, he is not quoted in it. كتب then has a dash after it, which «كتب
      // الوزير على حسابه:» has not.
      if (v == 0 && words.size() > 1 && IsBylineDash(text, words[0], words[1])) continue;
      // A colon soon after the verb.
      const size_t window_end = std::min(words.size(), v + 1 + kSpeakerWords);
      const int32_t colon_limit =
          window_end < words.size() ? words[window_end].span.start : sentence.span.end;
      int32_t colon = -1;
      for (int32_t k = words[v].span.end; k < colon_limit; ++k) {
        if (text[k] == u':') {
          colon = k;
          break;
        }
      }
      Quote q;
      q.input = input;
      q.sentence = s;
      if (colon >= 0) {
        q.span = Trim(text, Span{colon + 1, sentence.span.end});
        if (CountWords(text, q.span) < 2) continue;
        FindSpeaker(c, input, words, v, FirstWordFrom(words, colon), colon, &q);
        out->push_back(q);
        break;
      }
      // A person named right after the verb and set off by a comma may be described at length
      // before إن (وقال آن تشان إيل، المنشق الذي ... ويرأس المعهد ...، لوكالة فرانس برس إن):
      // then إن may stand as far as kVerbWindow.
      // So may whom an outlet quotes (ونقلت وسائل إعلام عن النائب الكوري الجنوبي يو سانغ بوم،
      // قوله إن): قوله says where the speaker's words begin.
      size_t window = kThatWindow;
      if (v + 1 < words.size()) {
        const MentionRef* m = MentionIn(c, input, words[v + 1].span.start, words[v + 1].span.end);
        if (m != nullptr && c.result->entities[m->entity].type == EntityType::kPerson &&
            m->span.end < sentence.span.end && IsComma(text[m->span.end])) {
          window = kVerbWindow;
        }
      }
      for (size_t k = v + 1; k < words.size() && k <= v + kVerbWindow && window == kThatWindow;
           ++k) {
        if (Saying(words[k])) window = kVerbWindow;
      }
      // Beyond kThatWindow only إن, which opens speech, or أن right after the comma that ends
      // the speaker's description (وذكر بوم، الذي حضر جلسة ...، أن): another أن there is another
      // verb's object (وطلب منه أن يخفض الرسوم).
      auto opens = [&](size_t k) {
        if (!IsThat(text, words[k])) return false;
        if (k <= v + kThatWindow || HasComma(text, words[k - 1].span.end, words[k].span.start)) {
          return true;
        }
        for (int32_t at = words[k].span.start; at < words[k].span.end; ++at) {
          if (text[at] == u'\u0623') return false;
        }
        return true;
      };
      size_t that = v + 1;
      while (that < words.size() && that <= v + window && !opens(that)) ++that;
      if (that >= words.size() || that > v + window) continue;
      q.kind = QuoteKind::kIndirect;
      q.span = Trim(text, Span{words[that].span.end, sentence.span.end});
      if (CountWords(text, q.span) < 2) continue;
      FindSpeaker(c, input, words, v, that, words[that].span.start, &q);
      out->push_back(q);
      break;
    }
  }
}

void Sources(Context& c, std::vector<Source>* out) {
  // entity → its citations, each mention once.
  std::map<int32_t, std::vector<Citation>> cited;
  std::unordered_set<int64_t> seen;  // input << 32 | mention start
  auto cite = [&](int32_t input, int32_t sentence, const MentionRef& m) {
    if (c.result->entities[m.entity].type == EntityType::kLocation) return;
    const int64_t key = static_cast<int64_t>(input) << 32 | static_cast<uint32_t>(m.span.start);
    if (!seen.insert(key).second) return;
    cited[m.entity].push_back(Citation{input, sentence, m.span});
  };
  for (size_t s = 0; s < c.result->sentences.size(); ++s) {
    const std::vector<Word>& words = WordsOf(c, static_cast<int32_t>(s));
    const int32_t input = c.result->sentences[s].input;
    for (size_t k = 0; k < words.size(); ++k) {
      const bool cue = InSet(SourceCues(), words[k]);
      const bool verb = InSet(CitingVerbs(), words[k]);
      if (!cue && !verb) continue;
      const size_t end = std::min(words.size(), k + 1 + (cue ? kCueWindow : 2));
      if (end <= k + 1) continue;
      const MentionRef* m = MentionIn(c, input, words[k + 1].span.start, words[end - 1].span.end);
      if (m == nullptr) continue;
      // A verb cites only an organization (قالت وكالة ...); a person after قال is a speaker.
      if (verb && !cue && c.result->entities[m->entity].type != EntityType::kOrganization) {
        continue;
      }
      cite(input, static_cast<int32_t>(s), *m);
    }
  }
  for (const Quote& q : c.result->quotes) {
    if (q.speaker < 0 || q.inherited || q.speaker_span.length() == 0) continue;
    if (c.result->entities[q.speaker].type != EntityType::kOrganization) continue;
    cite(q.input, q.sentence, MentionRef{q.speaker_span, q.speaker});
  }
  for (auto& [entity, citations] : cited) {
    std::sort(citations.begin(), citations.end(), [](const Citation& a, const Citation& b) {
      return a.input != b.input ? a.input < b.input : a.span.start < b.span.start;
    });
    out->push_back(Source{entity, std::move(citations)});
  }
  std::stable_sort(out->begin(), out->end(), [](const Source& a, const Source& b) {
    return a.citations.size() > b.citations.size();
  });
}

// Whether the reporting verb at `verb` has a subject of its own before it: a definite noun right
// before it, or before قد (وكانت البلدية قد أعلنت أن، الحكومة أعلنت), unless the verb is a
// participle. Such a verb takes no speaker over from an earlier quote.
bool SubjectBeforeVerb(const Context& c, int32_t input, Span verb) {
  const int32_t sentence = SentenceAt(c, input, verb.start);
  if (sentence < 0) return false;
  const std::vector<Word>& words = WordsOf(c, sentence);
  size_t k = FirstWordFrom(words, verb.start);
  if (k == words.size() || words[k].span.start != verb.start) return false;
  // A participle (قائلاً، مشيراً، مضيفةً) goes on its sentence's subject, whatever stands before.
  const std::u16string& key = words[k].stem_key;
  if (!key.empty() && (key.back() == u'ا' || key.back() == u'ه')) return false;
  if (k > 0 && (words[k - 1].stem_key == u"قد" || words[k - 1].stem_key == u"لقد")) --k;
  if (k == 0) return false;
  const Word& before = words[k - 1];
  return before.article >= 0 && !before.proclitic &&
         !HasComma(c.texts[input], before.span.end, words[k].span.start);
}

}  // namespace

void Find(const std::vector<icu::UnicodeString>& texts,
          const std::vector<resolve::SentenceMentions>& sentences, Result* result) {
  Context c{texts, result, {}, {}, {}, {}};
  c.wrapped_blocks.resize(texts.size());
  for (const Document& doc : result->documents) {
    if (doc.input < 0 || static_cast<size_t>(doc.input) >= texts.size()) continue;
    for (const Block& b : doc.blocks) {
      if (texts[doc.input].tempSubString(b.span.start, b.span.length()).indexOf(u'\n') >= 0) {
        c.wrapped_blocks[doc.input].push_back(b.span);
      }
    }
  }
  for (std::vector<Span>& blocks : c.wrapped_blocks) {
    std::sort(blocks.begin(), blocks.end(),
              [](const Span& a, const Span& b) { return a.start < b.start; });
  }
  c.sentences_of.resize(texts.size());
  c.mentions_of.resize(texts.size());
  c.words_of.assign(result->sentences.size(), nullptr);
  for (size_t s = 0; s < result->sentences.size(); ++s) {
    const int32_t input = result->sentences[s].input;
    if (input >= 0 && static_cast<size_t>(input) < texts.size()) {
      c.sentences_of[input].push_back(static_cast<int32_t>(s));
    }
  }
  for (std::vector<int32_t>& list : c.sentences_of) {
    std::sort(list.begin(), list.end(), [&](int32_t a, int32_t b) {
      return result->sentences[a].span.start < result->sentences[b].span.start;
    });
  }
  for (const resolve::SentenceMentions& s : sentences) {
    if (s.sentence >= 0 && static_cast<size_t>(s.sentence) < c.words_of.size()) {
      c.words_of[s.sentence] = &s;
    }
  }
  for (size_t e = 0; e < result->entities.size(); ++e) {
    for (const Mention& m : result->entities[e].mentions) {
      c.mentions_of[m.input].push_back(MentionRef{m.span, static_cast<int32_t>(e)});
    }
  }
  c.speakers_of.resize(texts.size());
  for (size_t input = 0; input < texts.size(); ++input) {
    std::vector<MentionRef>& list = c.mentions_of[input];
    std::sort(list.begin(), list.end(),
              [](const MentionRef& a, const MentionRef& b) { return a.span.start < b.span.start; });
    for (const MentionRef& m : list) {
      const EntityType type = result->entities[m.entity].type;
      if (type == EntityType::kPerson || type == EntityType::kOrganization) {
        c.speakers_of[input].push_back(m);
      }
    }
  }
  result->quotes.clear();
  result->sources.clear();
  for (size_t input = 0; input < texts.size(); ++input) {
    std::vector<Quote> direct, unmarked;
    DirectQuotes(c, static_cast<int32_t>(input), &direct);
    UnmarkedQuotes(c, static_cast<int32_t>(input), direct, &unmarked);
    std::vector<Quote> all = std::move(direct);
    all.insert(all.end(), unmarked.begin(), unmarked.end());
    std::stable_sort(all.begin(), all.end(),
                     [](const Quote& a, const Quote& b) { return a.span.start < b.span.start; });
    // A verb with no subject of its own (وأضاف: «...») keeps the last speaker: the speaker of
    // the quote before it, named or only described (وقال المتحدث باسم الوزارة ... وأضاف أن).
    // A description carries over only when no person is named between the two quotes (وسئل
    // بوتين ... وقال: the subject is no longer the officials quoted before); then the last named
    // speaker does.
    const Quote* last = nullptr;        // the last quote with a speaker, named or described
    const Quote* last_named = nullptr;  // the last quote with a named speaker
    auto person_between = [&](int32_t from, int32_t to) {
      for (const MentionRef* m = MentionIn(c, static_cast<int32_t>(input), from, to); m != nullptr;
           m = MentionIn(c, static_cast<int32_t>(input), m->span.start + 1, to)) {
        if (result->entities[m->entity].type == EntityType::kPerson) return true;
      }
      return false;
    };
    for (Quote& q : all) {
      if (q.speaker < 0 && q.speaker_span.length() == 0 && q.verb.length() > 0 &&
          !SubjectBeforeVerb(c, static_cast<int32_t>(input), q.verb)) {
        const Quote* from = last;
        if (from != nullptr && from->speaker < 0 &&
            person_between(std::max(from->span.end, from->speaker_span.end), q.verb.start)) {
          from = last_named;
        }
        if (from != nullptr) {
          q.speaker = from->speaker;
          if (q.speaker < 0) q.speaker_span = from->speaker_span;
          q.inherited = true;
        }
      }
      if (q.speaker >= 0 || q.speaker_span.length() > 0) last = &q;
      if (q.speaker >= 0) last_named = &q;
    }
    result->quotes.insert(result->quotes.end(), all.begin(), all.end());
  }
  Sources(c, &result->sources);
}

}  // namespace basira::quotes
