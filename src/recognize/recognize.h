// recognize: finds mentions of named entities in one sentence, from lexicons and context rules.
//
// Guarantees: candidate spans are ORIGINAL offsets, lie within the sentence's word tokens, never
// include a proclitic (لروسيا -> روسيا; the article stays when the name has it: القاهرة) but
// the ب، ل or ك the clitic stage cut off a place name right after a place word in construct,
// which is the name's own letter (منطقة بريمورسكي), and do not overlap one another (longest
// lexicon match first, then rules on what is left).
//
// Sources, in order:
//   1. lexicons (data/lexicon/*.txt: canonical | variants | latin | TYPE), matched on match keys
//      of whole tokens, of tokens from their article on, or of their stems (وبالقاهرة, لروسيا);
//      before them, an outlet's name without its head noun in quotes (لـ«الشرق الأوسط» is
//      the lexicon's صحيفة الشرق الأوسط, not the region; one word only after لـ or a dateline);
//      then the statistical tagger's mentions (src/tagger), where no lexicon name stands: a
//      person mention over two people joined by و is two; a mention ends before a future verb
//      (سيرثون); a nationality adjective alone (الكورية الشمالية) is dropped; a person with a
//      hyphenated number (كوفيد-19) is a MISC designation, number included;
//      before both, a Korean name by its shape (data/lexicon/korean_names.txt: a family name and
//      two given-name syllables, جو تشون ريونغ) where no lexicon name of three words or more
//      starts: a person, whatever the tagger says (it takes such a name's last word for a place);
//   2. a title (الرئيس، وزير الخارجية، الأمين العام ...), optional nationality adjectives, then
//      one to three name words: a person; the title is kept for the resolver (title mentions);
//      name words that run into a person the tagger found are the first words of its name
//      (الفنان طلعت زكريا, the tagger's زكريا); an occupation (الفنان، المخرجة) does only that;
//      a given name and one or two words before an office in apposition (نضال الحديد أمين عمان،
//      فايزة أبوالنجا وزيرة التعاون): a person;
//   3. an organization word (وكالة، صحيفة، شبكة ...) before a quoted name, or (وزارة، حزب ...)
//      before a word with the article: an organization, with its adjectives and what it is for
//      after لل (a noun of data/lexicon/org_words.txt: المركز الأوكراني للتواصل والحوار), which
//      make it specific enough to stand against the tagger; a place word (قاعدة، مدينة ...) before
//      a quoted name or a bare word: a place; سورية (also the adjective "Syrian") is Syria first
//      in a sentence, after a preposition, a particle or a direction (جنوب سورية), with ب or ل,
//      or after a place and و or a comma (data/lexicon/not_names keeps the document's other
//      occurrences from becoming Syria too: مصادر سورية).
// A name right after one or two words that make, with it, a longer listed name of another entry
// of its type is part of that name (بحر اليابان), not after a place word, a title, an
// organization's head or a head triggers.txt leaves outside names (استاد القاهرة and شمال
// أفريقيا keep القاهرة and أفريقيا). A tagger's mention starts at the first letter the clitic stage
// cut off when only the whole word is a listed name (ليفربول) or, for a person, a given name
// (بيير، فيليب), or right after a preposition, which no second one follows (في بريمن). An
// organization ending in a noun after ل that follows a word in ال takes the name right after it
// (المعهد العالمي لدراسات كوريا الشمالية: "for the studies of"). A city's name after نادي or before
// a nationality adjective in the masculine (ليون الفرنسي) is its club, an organization. Two persons
// with only spaces between them are one (كيني ميلر, where a listed surname cut the tagger's name),
// unless the first is a listed name or the second has a proclitic. No candidate of any source
// covers a word of a common phrase that reads as a name (data/lexicon/triggers.txt's `common`: حسن
// الجوار). In a byline, BylineAuthors adds its authors. Overlaps with the tagger are decided once,
// in 1: the tagger says whether a name stands, the lexicon which and where it ends. A name from
// weak evidence (a lexicon match the tagger tags O, an unquoted rule; for organizations only after
// a head that is also a common noun, مجلس، حركة) is dropped where the tagger is confident that no
// name starts (Word::outside).
#ifndef BASIRA_SRC_RECOGNIZE_RECOGNIZE_H_
#define BASIRA_SRC_RECOGNIZE_RECOGNIZE_H_

#include <unicode/unistr.h>

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "basira/result.h"
#include "basira/status.h"
#include "clitics/clitics.h"
#include "table/table.h"

namespace basira::recognize {

// A word token as the recognizer sees it, with the keys it is matched on.
struct Word {
  Span span;
  Span stem;                 // after clitics; == span when none
  int32_t article = -1;      // where the token's article (ال or the fused ل of لل) starts
  bool proclitic = false;    // something other than the article precedes the stem
  bool teh_marbuta = false;  // the original token ends in ة
  bool enclitic = false;     // a pronoun is attached at the end (قوله): never a name
  bool tanween = false;      // the original token ends in tanween (ـاً ـٍ ـٌ): an adverb or
                             // an indefinite noun, never a name
  bool conjunction = false;  // starts with the conjunction و
  bool verb = false;         // a future verb in the plural (سيرثون): never in a name
  std::u16string key;        // the whole token
  std::u16string article_key;      // "ال" + stem key when the token has the article, else empty
  std::u16string stem_key;         // the stem
  int32_t after_conjunction = -1;  // where the token goes on after a first و/ف proclitic
  std::u16string conjunct_key;  // the key from there on (وبيونغ -> بيونغ, even if ب was cut)
  // Which phrases (a bit per Recognizer::Phrase) and whether a name (bit kNameHeads) may start
  // here: set by Recognizer::MarkHeads from one look-up of each form of the word, so that matching
  // skips the word for every other kind. All set on a word not marked: it is then looked up each
  // time.
  uint16_t heads = 0xFFFF;
  // How sure the statistical tagger is that no name starts here (its O score minus its best
  // B-X score; 0 when untagged): a rule or lexicon name overrides a confident O only on strong
  // evidence.
  float outside = 0;
};

// How sure the tagger must be that no name starts at a word (Word::outside, its O score minus its
// best B-X score) for a name from weak evidence (a lexicon match it tags O although it sees the
// match as a feature, an unquoted context rule, a surname alias in src/resolve) to be dropped
// there: at every word of the name. On the ANERcorp dev split the tagger's O decisions above
// this are nearly always right.
constexpr float kConfidentOutside = 200;
// How sure the tagger must be that no name starts at the word right after a title for the title
// rule to find no name there (less sure than kConfidentOutside: a title names someone, but a verb
// after it is none: الملكة يختلف حسب نوع النمل "the queen differs with the kind of ant"). On
// EASC's 102 articles this drops six such persons (أراد، آنذاك، يختلف، عرفت ...) and no right one.
constexpr float kNoNameAfterTitle = 70;

// Whether the tagger is that confident at every one of words [from, to).
bool ConfidentOutside(const std::vector<Word>& words, size_t from, size_t to);

// The key of a name as the lexicons are keyed: match keys of its words (split at spaces and
// hyphens, a dot that ends a word dropped: بي. بي. سي), joined by one space.
std::u16string NameKey(std::string_view utf8);

// A set of match keys made once from words written out (a rule's word list); never freed.
const table::KeySet* KeySetOf(std::initializer_list<const char*> words);

// Builds a Word from a token and its clitic analysis.
Word MakeWord(const icu::UnicodeString& text, Span span, const clitics::Analysis& analysis);
// The same from the token's match keys (keys.range() == span).
Word MakeWord(const icu::UnicodeString& text, const normalize::MatchKeys& keys,
              const clitics::Analysis& analysis);
// Moves a word's offsets by `by` units: the word of the same text elsewhere.
void Shift(Word* w, int32_t by);

// Which part of the recognizer produced a candidate (for scoring tools and tests).
// kConsistency: another occurrence of a name the document names elsewhere (resolve::Propagate).
// kNameShape: a person's name by its shape (a Korean family name and two given-name syllables).
// kByline: an author's name in a byline (Recognizer::BylineAuthors).
// kWorkTitle: the quoted title of a work after the noun of its kind (برنامج «...»).
// kList: an item of a list of people (محمد سعد، ومحمد منير، وعلي الحجار).
enum class Source {
  kLexicon,
  kTagger,
  kTitle,
  kOrgRule,
  kLocRule,
  kConsistency,
  kNameShape,
  kByline,
  kWorkTitle,
  kList
};

struct Candidate {
  Span span;
  Source source = Source::kTagger;
  EntityType type = EntityType::kPerson;
  int32_t entry = -1;      // lexicon entry, or -1 for a rule-found name
  std::u16string key;      // the name's key (words joined by one space)
  int32_t first_word = 0;  // word indices [first_word, end_word) in the sentence
  int32_t end_word = 0;
  std::u16string title_key;  // for a person after a title: the title phrase (with nationality)
};

class Recognizer {
 public:
  struct Entry {
    std::string canonical;
    std::string latin;
    EntityType type = EntityType::kPerson;
    std::vector<std::u16string> keys;  // the name keys of its forms that name it, canonical first
    // The key of its form written with diacritics that another entry's form shares (عُمان Oman,
    // عمّان Amman: spellings_), or empty.
    std::u16string homograph_key;
  };
  enum class Phrase {
    kTitle,
    kOccupation,
    kNationality,
    kOrg,
    kOrgName,
    kOrgCommon,
    kLoc,
    kLocQuoted,
    kOutside,
    kStop,
    kClub,
    kSport,
    kCommon
  };
  // The bit of Word::heads (after the Phrase kinds' bits) that marks the first word of a name.
  static constexpr int kNameHeads = static_cast<int>(Phrase::kCommon) + 1;
  static_assert(kNameHeads < 16, "Word::heads has a bit for each Phrase kind and one for names");

  static Status Create(std::unique_ptr<Recognizer>* recognizer);

  // Appends the candidates of one sentence's words, in text order: lexicon names first, then
  // the `statistical` candidates (the tagger's) that overlap none of them, then context rules
  // on the words left (a title before any person candidate gives it its title key).
  void Recognize(const icu::UnicodeString& text, const std::vector<Word>& words,
                 const std::vector<Candidate>& statistical, std::vector<Candidate>* out) const;

  // Appends to the candidates `out` that Recognize found in a byline (the structure's: «24 -
  // شادية سرحان - خاص», «كتب: ...») its authors: each part of it set off by a dash, a slash, a
  // colon or a comma that is two or three words after the byline's own (كتب، بقلم ...), the first
  // a given name or the feminine of one (شادية of شادي), none of them a title, a function word
  // or a word with a clitic, nor in a name other than a person's inside the part (the tagger's
  // منصور of رشيدة منصور, which the author's whole name replaces). The candidates stay in text
  // order. Only words [0, end) are read as the byline (all of them by default).
  void BylineAuthors(const icu::UnicodeString& text, const std::vector<Word>& words,
                     std::vector<Candidate>* out, size_t end = SIZE_MAX) const;

  // Where a byline that opens a paragraph of text ends (كتب ـ خليفة أدهم : ...): after the word
  // before the first colon, when the paragraph's first word is a byline's own (كتب، بقلم ...) and
  // the colon comes within a byline's few words; 0 when the paragraph opens with none.
  size_t InlineBylineEnd(const icu::UnicodeString& text, const std::vector<Word>& words) const;

  const Entry& entry(int32_t id) const { return entries_[id]; }
  // The lexicon entry a name key (match keys of its words joined by one space) names, or -1:
  // one of the matched lexicons, else one of the news lexicons (data/lexicon/news_*.txt), which
  // the tagger sees as features and which are not matched as names themselves (but for an
  // organization's name of two words or more, matched as the other lists' are), but name what
  // it finds (إنترفاكس -> Interfax).
  int32_t FindName(std::u16string_view key) const {
    const int32_t* id = names_.Find(key);
    if (id == nullptr) id = known_names_.Find(key);
    return id == nullptr ? -1 : *id;
  }
  // The entry the mention at `span` of `text` names, when its lexicon entry `entry` has a
  // homograph that the lexicons tell apart only by their diacritics (عُمان Oman, عمّان Amman): the
  // one whose listed spelling shares the most marks with the text's (`entry` itself when none
  // shares any); -1 when the entry has no such homograph or the mention has no marks, which tell
  // nothing. Constant time for an entry without a homograph.
  int32_t SpelledEntry(int32_t entry, const icu::UnicodeString& text, Span span) const;
  // Whether a one-word key is listed as a common word that spells a name (data/lexicon/not_names).
  bool NotName(std::u16string_view key) const { return not_names_.Contains(key); }
  // The Latin of a Korean family name (`surname`) or given-name syllable, or null when the
  // one-word key is none (data/lexicon/korean_names.txt).
  const std::string* KoreanLatin(std::u16string_view key, bool surname) const;
  // Who held a title with its nationality (data/lexicon/title_holders.txt), and when: years
  // inclusive, `to` 0 while the holder holds it still.
  struct TitleHolder {
    int32_t entry = -1;  // the person's lexicon entry
    int16_t from = 0, to = 0;
  };
  // Whether a key is a title phrase and one or two nationality phrases (الرئيس الكوري الشمالي):
  // the keys the resolver looks title holders up under.
  bool TitleWithNationality(std::u16string_view key) const;
  // The holders of a title key (الرئيس الروسي: title and nationality), or null.
  const std::vector<TitleHolder>* TitleHolders(std::u16string_view key) const;
  // The Latin of a given name (a key of one or two words: هالة، عبد الرحمن), or null when
  // data/lexicon/given_names.txt does not list it.
  const std::string* GivenLatin(std::u16string_view key) const;
  // The Latin of a family name (one word's key, without its article: خطيب), or null when
  // data/lexicon/family_names.txt does not list it.
  const std::string* FamilyLatin(std::u16string_view key) const;
  // The words of organizations' names with their English (data/lexicon/org_words.txt).
  enum class OrgWord { kHead, kAdjective, kNation, kNoun };
  // The English of a key (the match keys of one or two words without their article, joined by
  // one space) as a word of `kind`, or null.
  const std::string* OrgWordLatin(OrgWord kind, std::u16string_view key) const;
  // Whether a one-word key is a function word (data/summarize/stopwords.txt: في، لو، الذي ...).
  bool FunctionWord(std::u16string_view key) const { return function_words_.Contains(key); }
  // The length in words of the longest phrase of `kind` starting at words[i] (0 if none);
  // `key` receives the phrase's key.
  int MatchPhrase(Phrase kind, const std::vector<Word>& words, size_t i, std::u16string* key) const;
  // How many words of sport (triggers.txt `sport`: مباراة، الدوري، فاز ...) a sentence has, up to
  // `most`: where a club whose name is also a common word (`club`: النصر، الهلال) may stand alone
  // for the club (one word of sport; two for a club the tagger did not find: a single one may
  // be a word of something else, كرة of الكرة الأرضية "the globe", هزيمة of a war).
  int SportWords(const std::vector<Word>& words, int most) const;
  // Marks in `marks` (one per word, set to true, never cleared) the words of the common phrases
  // that read as a name (triggers.txt `common`: حسن الجوار); returns whether there are any.
  bool MarkCommonPhrases(const std::vector<Word>& words, std::vector<bool>* marks) const;
  // Sets w->heads: which kinds of phrases and names may start at the word.
  void MarkHeads(Word* w) const;
  // Whether words[i] and words[i + 1] are separated only by spaces or a hyphen.
  static bool Adjacent(const icu::UnicodeString& text, const std::vector<Word>& words, size_t i);

 private:
  // Whether a word is a listed place's relative adjective: the place's one-word name ending in ي
  // after a consonant, under an article the name does not take (التشيلي، البوروندي، للتشيلي "the
  // Chilean"; not الأوروغواي, nor a name listed with its article).
  bool PlaceAdjective(const Word& w) const;
  Recognizer() = default;
  // Adds a lexicon's entries: to the names matched in text, or (`matched` false) to those only
  // FindName knows, but for an organization's name of two words or more that does not start
  // with نادي (matched in text too).
  Status AddLexicon(std::string_view data, const char* name, bool matched = true);
  Status AddPhrases(std::string_view data);
  Status AddKoreanNames(std::string_view data);
  // given_names.txt (PER-GIVEN) and family_names.txt (PER-FAMILY): key -> Latin.
  Status AddNameLatin(std::string_view data, const char* file, const char* kind,
                      table::KeyMap<int32_t>* keys, std::vector<std::string>* latin);
  Status AddTitleHolders(std::string_view data);
  Status AddOrgWords(std::string_view data);
  // The length of a Korean name by its shape starting at words[i] (3), or 0; `start` receives
  // where it starts (after a conjunction or a preposition before the family name), `family_key`
  // the family name's key.
  int MatchKoreanName(const std::vector<Word>& words, const icu::UnicodeString& text, size_t i,
                      int32_t* start, std::u16string* family_key) const;
  int MatchName(const std::vector<Word>& words, const icu::UnicodeString& text, size_t i,
                int32_t* start, int32_t* entry, std::u16string* key) const;
  // Where a person's name that starts at words[i] with a given name (after و at most) ends
  // when one or two more words, then an office in apposition (وزيرة التعاون، رئيس بعثة ...),
  // follow it, all of them unused and side by side; else 0.
  size_t PersonBeforeOffice(const icu::UnicodeString& text, const std::vector<Word>& words,
                            size_t i, const std::vector<bool>& used) const;
  // Whether سورية at words[i] is Syria, not the feminine adjective "Syrian": first in the
  // sentence, with ب or ل, after a stop word or a direction (جنوب), or after a place among `out`
  // (from first_out on) and و or a comma.
  bool SyriaHere(const icu::UnicodeString& text, const std::vector<Word>& words, size_t i,
                 const std::vector<Candidate>& out, size_t first_out) const;

  std::vector<Entry> entries_;
  int32_t syria_ = -1;      // the lexicon entry of Syria (سوريا), or -1
  int32_t west_bank_ = -1;  // the lexicon entry of the West Bank (الضفة الغربية), or -1
  table::KeySet not_names_;       // data/lexicon/not_names.txt
  table::KeySet function_words_;  // data/summarize/stopwords.txt
  table::KeySet byline_words_;    // the words of a byline before its author (كتب، بقلم ...)
  // data/lexicon/korean_names.txt: key -> index into korean_latin_.
  table::KeyMap<int32_t> korean_surnames_, korean_given_;
  std::vector<std::string> korean_latin_;
  // data/lexicon/given_names.txt: key -> index into given_latin_.
  table::KeyMap<int32_t> given_names_;
  std::vector<std::string> given_latin_;
  // data/lexicon/family_names.txt: key -> index into family_latin_.
  table::KeyMap<int32_t> family_names_;
  std::vector<std::string> family_latin_;
  // data/lexicon/title_holders.txt: title key -> index into holders_.
  table::KeyMap<int32_t> title_holders_;
  std::vector<std::vector<TitleHolder>> holders_;
  // data/lexicon/org_words.txt, by OrgWord kind: key -> index into org_latin_.
  table::KeyMap<int32_t> org_words_[4];
  std::vector<std::string> org_latin_;
  table::KeyMap<int32_t> names_;        // name key -> entry, matched in text
  table::KeyMap<int32_t> known_names_;  // name key -> entry, of the news lexicons, not matched
  // A name key of the lexicons' forms written with diacritics: each spelling's marks (harakat,
  // shadda, sukun, in order) and its entry; two entries or more make homographs (عُمان، عمّان).
  table::KeyMap<std::vector<std::pair<std::u16string, int32_t>>> spellings_;
  table::KeySet phrases_[kNameHeads];  // a Phrase's keys, by kind
  // For every first word of a phrase or a name: the most words of a phrase of each kind (by
  // Phrase) and of a name (kNameHeads) that start with it, 0 for none. One look-up of a word
  // tells every kind at once whether to look further.
  struct Heads {
    uint8_t most[kNameHeads + 1] = {};
  };
  table::KeyMap<Heads> heads_;
};

}  // namespace basira::recognize

#endif  // BASIRA_SRC_RECOGNIZE_RECOGNIZE_H_
