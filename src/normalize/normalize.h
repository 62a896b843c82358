// normalize: match keys. A match key is a folded copy of the text used only for comparing
// (lexicons, triggers, duplicate lines); every key unit maps back to the original code point it
// came from, so whatever is found on keys is reported at ORIGINAL offsets. Nothing downstream
// ever reports a key offset.
//
// Folding, per original code point:
//   - compatibility decomposition (NFKD mapping): presentation forms such as U+FEFB (ﻻ) become
//     lam + alef, ligatures and full-width forms their plain letters;
//   - removed: tashkeel (U+064B..U+065F, U+0670 superscript alef), Quranic marks
//     (U+06D6..U+06ED), tatweel U+0640, and Default_Ignorable code points (ZWNJ, ZWJ, bidi marks,
//     BOM);
//   - alef forms أ إ آ ٱ ٲ ٳ → ا; ى → ي; ة → ه; hamza seats ؤ → و, ئ → ي; Persian ک → ك, ی → ي;
//   - Eastern Arabic (U+0660..) and Persian (U+06F0..) digits → 0-9; ٫ → '.', ٬ → ',', ٪ → '%';
//   - every White_Space code point (tab, line breaks, U+2028, U+0085, the spaces of U+2000..)
//     → ' ' (one for one: runs are not collapsed), so a name across a hard-wrapped line matches;
//   - everything else case-folded (Latin names match regardless of case).
#ifndef BASIRA_SRC_NORMALIZE_NORMALIZE_H_
#define BASIRA_SRC_NORMALIZE_NORMALIZE_H_

#include <unicode/unistr.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "basira/result.h"

namespace basira::normalize {

// Appends the key units of one code point to `out`; returns how many (0 when it is dropped).
int FoldCodePoint(UChar32 c, std::u16string* out);

// The match key of a standalone string (a lexicon entry, a trigger word).
std::u16string Key(std::u16string_view text);
std::u16string KeyFromUtf8(std::string_view utf8);

// The match-key view of text[range], with the map back to original offsets.
class MatchKeys {
 public:
  MatchKeys() = default;
  MatchKeys(const icu::UnicodeString& text, Span range) { Assign(text, range); }
  // Makes this the view of text[range], reusing the memory of the last one: one MatchKeys can
  // serve every token of a text without allocating per token.
  void Assign(const icu::UnicodeString& text, Span range);

  const std::u16string& key() const { return key_; }
  Span range() const { return range_; }
  // The key units of an original span inside range(): those of the code points that start in
  // it. For a span that starts and ends between code points, this equals Key() of text[part]
  // (keys fold code point by code point).
  std::u16string_view KeyOf(Span part) const {
    const int32_t from = KeyIndexAt(part.start);
    const int32_t to =
        part.end >= range_.end ? static_cast<int32_t>(key_.size()) : KeyIndexAt(part.end);
    return to > from ? std::u16string_view(key_).substr(from, to - from) : std::u16string_view();
  }

  // The original span that key units [begin, end) came from; begin < end <= key().size().
  Span ToOriginal(int32_t begin, int32_t end) const {
    return Span{origin_start_[begin], origin_end_[end - 1]};
  }
  // The first key unit produced at or after original offset `offset` (key().size() if none).
  int32_t KeyIndexAt(int32_t offset) const;

 private:
  Span range_;
  std::u16string key_;
  std::vector<int32_t> origin_start_;  // per key unit: start of the code point it came from
  std::vector<int32_t> origin_end_;    // per key unit: end of that code point
};

}  // namespace basira::normalize

#endif  // BASIRA_SRC_NORMALIZE_NORMALIZE_H_
