// clitics: splits one Arabic word token into proclitics, a stem and enclitics, at ORIGINAL
// UTF-16 offsets.
//
// What Analyze guarantees, for every word span it is given:
//   - the proclitic spans, the stem span and the enclitic spans, in that order, tile the word
//     exactly: the first part starts at word.start, each part ends where the next begins, the
//     last ends at word.end; no part is empty (the stem is empty only if the word is);
//   - a cut only ever falls between two code points: diacritics (tashkeel), tatweel and the
//     other characters match keys drop stay inside the part of the letter they follow, and a
//     ligature (ﻻ) is never split;
//   - a word whose key is in the guard lexicon (data/clitics/stems.txt), or is an inflected or
//     nisba form of an entry (entry + ة ات ان ين ون ا و ي ية يون يين يات يي; فرنسا → فرنسي,
//     وزارة → وزاري), is returned whole;
//   - a token that is not made only of Arabic letters (digits, Latin, mixed) is returned whole.
//
// What it recognizes:
//   proclitics  [و|ف] [ب|ل|ك | س before an imperfect prefix ي ت ن ا أ] [ال | ل after ل]
//               (للقاهرة = ل + ل + قاهرة: the article's span is the second ل);
//   enclitics   ه ها هم هما هن كم كما كن نا ني ي: one, at the end of the word, never after
//               the article. Letters are judged on the ORIGINAL characters although keys fold
//               them: ة is never the clitic ه, ى ئ ی are never the clitic ي, ؤ is never و, and
//               the article's alef is a bare ا or ٱ (أل, إل, آل are no article).
//
// How it chooses (the guards that keep stems from being cut wrongly):
//   - a stem has at least 2 letters after proclitics and at least 3 when an enclitic is cut; a
//     2-letter stem must be a lexicon entry (وقد = و + قد, منه = من + ه, but وقت stays whole);
//   - an analysis whose stem is a lexicon entry beats one whose stem is an inflected form of an
//     entry, which beats one whose stem is not in the lexicon; among those, the longest stem
//     wins (وبوتين = و + بوتين, ولديه = و + لدي + ه). Before an enclitic, a stem ending in ت is
//     also looked up with ة (حكومتهم → حكومة) and one ending in ئ/ؤ with ء (وزرائه → وزراء);
//   - when no stem is in the lexicon, the analysis with the most clitics wins (then one with an
//     enclitic, then the longer stem), among those whose stem has at least 3 letters, does not
//     start with ء ئ ؤ ة ى, and, when it starts with a bare ا after a proclitic, has 4 letters or
//     more and looks derived (انفعال, افتعال, استفعال: لاتفاق) rather than like the article;
//   - ني and نا are not cut after ا و ي unless the stem is in the lexicon (لبناني, أحيانا: the
//     ن belongs to ان/ون/ين); ي is cut only after a lexicon entry (nisba adjectives such as عربي
//     keep their ي); the future س needs a stem that does not end in ة or ات and whose prefix
//     is not followed by a bare ا (سياق, سياسي are nouns).
//
// Cost: one normalize::MatchKeys per word that has Arabic letters, a few dozen hash lookups at
// most, and the result's vectors. Thread-safe: Analyze is const and keeps no state.
#ifndef BASIRA_SRC_CLITICS_CLITICS_H_
#define BASIRA_SRC_CLITICS_CLITICS_H_

#include <unicode/unistr.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "basira/result.h"
#include "basira/status.h"
#include "normalize/normalize.h"

namespace basira::clitics {

struct Analysis {
  Span stem;                     // original UTF-16 span of the stem, never empty
  std::vector<Span> proclitics;  // original spans before the stem, in order (e.g. و, ب, ال)
  std::vector<Span> enclitics;   // original spans after the stem, in order
};

// The guard lexicon, looked up without allocating. Its keys are match keys (normalize) except
// that ة stays ة, so that an entry in ة (كتابة) never matches a word in ه (كتابه).
class Lexicon {
 public:
  // The lexicon key of `utf8`.
  static std::u16string KeyOf(std::string_view utf8);
  // Parses stems.txt text: one word per line, '#' starts a comment, blank lines ignored.
  void Parse(std::string_view utf8);
  bool Contains(std::u16string_view key) const;
  size_t size() const { return count_; }

 private:
  void Insert(std::u16string_view key);
  std::u16string pool_;                               // all keys, back to back
  std::vector<std::pair<uint32_t, uint32_t>> slots_;  // (offset + 1, length); offset 0 = empty
  size_t count_ = 0;
};

class CliticAnalyzer {
 public:
  // Parses the embedded data/clitics/stems.txt. Fails (kInternal) only if it holds no entry.
  static Status Create(std::unique_ptr<CliticAnalyzer>* out);

  // Segments one word token text[word]. Spans are ORIGINAL offsets (diacritics and tatweel stay
  // inside the span of the letter they follow; mapped through normalize::MatchKeys).
  Analysis Analyze(const icu::UnicodeString& text, Span word) const {
    return Analyze(text, word, nullptr);
  }
  // The same, with the word's match keys already made (keys->range() == word).
  Analysis Analyze(const icu::UnicodeString& text, Span word,
                   const normalize::MatchKeys* keys) const;

  // The parsed guard lexicon (for tools and tests).
  const Lexicon& lexicon() const { return lexicon_; }

 private:
  CliticAnalyzer() = default;
  Lexicon lexicon_;
};

// Moves every span of an analysis by `by` units: the analysis of the same text elsewhere.
void Shift(Analysis* a, int32_t by);

}  // namespace basira::clitics

#endif  // BASIRA_SRC_CLITICS_CLITICS_H_
