// The analysis of one request, as plain values. The JSON writer (basira/json.h) writes exactly
// this structure; docs/schema.json documents it.
//
// Offsets: every Span is [start, end) in UTF-16 code units into the ORIGINAL text of the input
// named by `input` (what JavaScript's String.prototype.slice uses), so that
//   inputs[input].text.slice(span.start, span.end) == the text the span claims.
// No stage ever reports an offset into a normalized or otherwise rewritten copy of the text.
#ifndef BASIRA_RESULT_H_
#define BASIRA_RESULT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace basira {

struct Span {
  int32_t start = 0;
  int32_t end = 0;
  int32_t length() const { return end - start; }
  bool operator==(const Span& o) const { return start == o.start && end == o.end; }
};

// One text given to Analyze, in the order given (the CLI's FILE arguments, the page's texts).
struct InputInfo {
  std::string name;    // a file name, "-" for standard input, or what the caller chose
  int64_t bytes = 0;   // UTF-8 length
  int32_t length = 0;  // UTF-16 length: every span of this input lies within [0, length]
};

// An article. For now one per input, spanning its text without surrounding whitespace; the
// structure stage will split inputs that hold several articles.
struct Document {
  int32_t input = 0;
  Span span;
};

struct Sentence {
  int32_t input = 0;
  int32_t document = 0;  // index into Result::documents
  Span span;             // trimmed: never starts or ends with whitespace
};

enum class TokenKind { kWord, kNumber, kPunctuation, kSymbol };
const char* TokenKindName(TokenKind kind);

struct Token {
  int32_t input = 0;
  int32_t sentence = 0;  // index into Result::sentences
  Span span;
  TokenKind kind = TokenKind::kWord;
};

struct Stats {
  int64_t words = 0;   // tokens of kind word or number
  int64_t tokens = 0;  // all tokens, whether or not Result::tokens was filled
};

struct Result {
  std::vector<InputInfo> inputs;
  std::vector<Document> documents;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;  // filled only when Options::tokens is set
  Stats stats;
};

}  // namespace basira

#endif  // BASIRA_RESULT_H_
