// ner_data: what training and scoring the tagger need around it: CoNLL sentences, the measured
// way of turning a gold sentence into our input (gold tokens joined by single spaces, cut into
// OUR tokens), projecting gold labels onto our tokens, mapping our mentions back to gold tokens,
// and conlleval-style exact-span scoring.
//
// Guarantees: ParseConll never crashes on bad text (it reports the line); ProjectLabels gives
// one well-formed IOB2 label per token of ours, B on the first of our tokens overlapping each
// gold mention; MapToGold marks every gold token a predicted mention overlaps, and a mention
// overlapping none is dropped; Scores counts a predicted mention as correct only when its type,
// first and last gold token all equal a gold mention's (conlleval).
#ifndef BASIRA_SRC_TAGGER_NER_DATA_H_
#define BASIRA_SRC_TAGGER_NER_DATA_H_

#include <unicode/unistr.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "basira/result.h"
#include "basira/status.h"
#include "table/table.h"
#include "tagger/tagger.h"

namespace basira::segment {
class Segmenter;
}
namespace basira::clitics {
class CliticAnalyzer;
}

namespace basira::tagger {

struct ConllSentence {
  std::vector<std::string> tokens;
  std::vector<std::string> tags;  // O, B-PER, I-LOC, ...
};

// Parses `token<TAB>tag` lines with a blank line between sentences. False (and `problem` says
// which line) on a line without a tab or with an unknown tag.
bool ParseConll(std::string_view text, std::vector<ConllSentence>* out, std::string* problem);

// A mention over gold tokens [first, last] (inclusive).
struct TokenRange {
  int first = 0;
  int last = 0;
  int type = 0;
  bool operator<(const TokenRange& o) const;
  bool operator==(const TokenRange& o) const {
    return first == o.first && last == o.last && type == o.type;
  }
};

// The mentions of IOB tags (an I-X after O or another type starts a mention, as conlleval does).
std::vector<TokenRange> GoldMentions(const std::vector<std::string>& tags);

// The gold tokens joined by single spaces, with each token's UTF-16 span in the joined text.
struct JoinedSentence {
  icu::UnicodeString text;
  std::vector<Span> spans;
};
JoinedSentence Join(const ConllSentence& sentence);

// Labels for our tokens: a token overlapping a gold mention's token gets its type; B on the first
// of our tokens overlapping each gold mention, I on the next ones, O elsewhere.
std::vector<int> ProjectLabels(const std::vector<Span>& gold_spans,
                               const std::vector<TokenRange>& gold, const std::vector<Span>& ours);

// Each predicted mention as the range of gold tokens it overlaps (sorted, duplicates removed).
std::vector<TokenRange> MapToGold(const std::vector<Span>& gold_spans,
                                  const std::vector<Mention>& predicted);

struct Counts {
  int64_t tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp == 0 ? 0 : 100.0 * tp / (tp + fp); }
  double Recall() const { return tp + fn == 0 ? 0 : 100.0 * tp / (tp + fn); }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

struct Scores {
  Counts per_type[kNumTypes];
  // Adds one sentence's gold and predicted mentions (exact span and type).
  void Add(const std::vector<TokenRange>& gold, const std::vector<TokenRange>& predicted);
  // Micro counts over the types whose bit is set in `types` (bit i = type i).
  Counts Micro(unsigned types = (1u << kNumTypes) - 1) const;
};

// Our tokens for a sentence: ICU tokens, clitic analyses, TokenInputs. Not thread-safe.
class Pipeline {
 public:
  // Loads the ICU data, the segmenter and the clitic analyzer.
  static Status Create(std::unique_ptr<Pipeline>* out);
  ~Pipeline();
  std::vector<TokenInput> Tokens(const icu::UnicodeString& text, Span range);

 private:
  Pipeline();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A gazetteer for the TokenInput::lexicon hook: the tagger's view of the lexicons (the
// recognizer matches names itself; here a lexicon match is only evidence the model weighs).
// Entries are lines of basira's lexicon files:
//   `canonical | variants (،-separated) | Latin | TYPE`  names: each name a TYPE entry;
//   `kind | text`                                         triggers: text a trigger of that kind.
// Lines starting with '#' are comments. Names match a run of our tokens whose match keys (the
// first token's stem also counts, so لروسيا matches روسيا) equal the name's words.
class Gazetteer {
 public:
  void Parse(std::string_view utf8);
  size_t size() const { return size_; }
  // Adds "TYPE:B" / "TYPE:I" (a name) and "trigger:KIND" strings to the tokens' lexicon lists,
  // longest match first, left to right; a run listed under several features gets them all.
  void Annotate(std::vector<TokenInput>* tokens) const;

 private:
  // Every run of an entry's first words (1 to all of them, joined by ' '), mapped to the index in
  // features_ of the features of the entries whose words are exactly the run, or -1 when the run
  // only begins entries: a match grows word by word while its run is in here, so a token that
  // starts no entry costs one hash look-up and a longer one a few.
  table::Utf8Map<int32_t> runs_;
  std::vector<std::vector<std::string>> features_;  // each sorted, without repeats
  size_t size_ = 0;                                 // (words, feature) pairs
  // A bit per hash of every entry's first word (kFirstWordBits of them): most tokens start no
  // entry, and this says so from a few kilobytes, without copying the word or probing runs_.
  static constexpr int kFirstWordBits = 16;
  std::vector<uint64_t> first_words_ = std::vector<uint64_t>((size_t{1} << kFirstWordBits) / 64);
  bool MayStart(std::string_view word) const {
    const size_t bit = std::hash<std::string_view>()(word) & ((size_t{1} << kFirstWordBits) - 1);
    return (first_words_[bit / 64] >> (bit % 64)) & 1;
  }
  size_t max_words_ = 0;
  // The most words of an entry that tokens[i..] give, starting with `first` for the first
  // token and the others' keys (0: none), with that entry's features.
  size_t Longest(const std::vector<TokenInput>& tokens, size_t i, const std::string& first,
                 const std::vector<std::string>** features) const;
};

// The gazetteer the analyzer tags with: the lexicon files linked into the binary
// (kTaggerLexicons). A model trained with lexicon features must be trained with this same
// gazetteer (basira_train_tagger --analyzer-lexicons), and retrained when these files change.
extern const char* const kTaggerLexicons[];
void LoadAnalyzerGazetteer(Gazetteer* gazetteer);

// Word classes learned from unlabeled text (basira_make_clusters; data/models/clusters.txt):
// lines `stem<TAB>class[,class]...`, '#' lines are comments. Annotate gives every token the
// classes of its stem's match key (else of its whole key), -1 where the word has none.
class WordClusters {
 public:
  void Parse(std::string_view utf8);
  size_t size() const { return classes_.size(); }
  void Annotate(std::vector<TokenInput>* tokens) const;

 private:
  struct Classes {
    int16_t c[kMaxClusterings] = {-1, -1, -1};
  };
  table::Utf8Map<Classes> classes_;
};

// The clusters the analyzer tags with (data/models/clusters.txt, linked into the binary).
void LoadAnalyzerClusters(WordClusters* clusters);

// Which gazetteer and word classes a tool (training, scoring) tags with: the analyzer's own,
// linked in, unless files replace them or they are dropped.
struct FeatureFiles {
  std::vector<std::string> lexicons;  // lexicon files instead of the analyzer's gazetteer
  bool no_lexicons = false;           // no gazetteer at all
  std::string clusters;               // a clusters file instead of the analyzer's classes
  bool no_clusters = false;           // no word classes at all
};
// Reads the file at `path` into `text`; false when it cannot. (The library does no I/O: the
// tool passes its own reader.)
using ReadFileFunction = std::function<bool(const std::string& path, std::string* text)>;
// Fills the gazetteer and the word classes as `files` says. False, with `unread` the path,
// when a file cannot be read.
bool LoadFeatures(const FeatureFiles& files, const ReadFileFunction& read, Gazetteer* gazetteer,
                  WordClusters* clusters, std::string* unread);

// One gold sentence made ready for training or scoring the measured way.
struct PreparedSentence {
  JoinedSentence joined;
  std::vector<TokenInput> tokens;  // ours
  std::vector<TokenRange> gold;    // over gold tokens
  std::vector<int> labels;         // gold projected onto our tokens
};
PreparedSentence Prepare(Pipeline* pipeline, const ConllSentence& sentence,
                         const Gazetteer* gazetteer = nullptr,
                         const WordClusters* clusters = nullptr);

// Where a scorer's mistakes come from (conlleval counts each of these as an fp, an fn or both).
struct ErrorKinds {
  int64_t wrong_type = 0;  // a predicted span equals a gold span, with another type
  int64_t boundary = 0;    // a predicted span overlaps a gold span of its type, not exactly
  int64_t missed = 0;      // a gold mention no prediction overlaps
  int64_t spurious = 0;    // a prediction overlapping no gold mention
  int64_t other = 0;       // overlaps of another type with different bounds
  void Add(const std::vector<TokenRange>& gold, const std::vector<TokenRange>& predicted);
};

// Tags every sentence and scores it the measured way.
Scores Evaluate(const Tagger& tagger, const std::vector<PreparedSentence>& sentences,
                ErrorKinds* errors = nullptr);

}  // namespace basira::tagger

#endif  // BASIRA_SRC_TAGGER_NER_DATA_H_
