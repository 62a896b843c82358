// segment: cuts a text into sentences and tokens with ICU's break rules for Arabic.
//
// Sentences follow ICU's rules for Arabic (؟ ! . end a sentence; a closing quote stays with it;
// a colon does not end one) plus two Arabic rules: no sentence ends inside parentheses, so
// agency marks like (أ.ف.ب) stay in their sentence, and none ends after a one-letter initial
// with a dot (د. / و.أ.م). Callers give one block at a time: a line end ends a sentence, except
// inside a block of several lines (a hard-wrapped paragraph, src/structure), where a single line
// break after no sentence-final mark (. ! ? ؟ …, inside closing quotes or not) is a space.
//
// Guarantees: sentence spans lie within the range asked for, are in order, do not overlap, and
// are trimmed (never start or end with whitespace); no sentence is whitespace only. Token spans
// lie within their sentence, in order, without overlap, and whitespace is never a token. Spans
// are UTF-16 offsets into the text given, which is the original input.
#ifndef BASIRA_SRC_SEGMENT_SEGMENT_H_
#define BASIRA_SRC_SEGMENT_SEGMENT_H_

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <memory>
#include <vector>

#include "basira/result.h"
#include "basira/status.h"

namespace basira::segment {

struct TokenSpan {
  Span span;
  TokenKind kind = TokenKind::kWord;
};

// Trims White_Space and Default_Ignorable code points from both ends of `span` in `text`.
Span Trim(const icu::UnicodeString& text, Span span);

// Holds the break-rule prototypes; Session clones them for one analysis (ICU iterators keep
// state, so a Segmenter is shared read-only and each Session is used by one thread).
class Segmenter {
 public:
  static Status Create(std::unique_ptr<Segmenter>* segmenter);

  class Session {
   public:
    explicit Session(const Segmenter& segmenter);
    // Appends the sentences of text[range] to `out`.
    void Sentences(const icu::UnicodeString& text, Span range, std::vector<Span>* out);
    // Appends the tokens of text[range] to `out`.
    void Tokens(const icu::UnicodeString& text, Span range, std::vector<TokenSpan>* out);

   private:
    std::unique_ptr<icu::BreakIterator> sentences_;
    std::unique_ptr<icu::BreakIterator> words_;
  };

 private:
  Segmenter() = default;
  std::unique_ptr<icu::BreakIterator> sentences_;
  std::unique_ptr<icu::BreakIterator> words_;
};

}  // namespace basira::segment

#endif  // BASIRA_SRC_SEGMENT_SEGMENT_H_
