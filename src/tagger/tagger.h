// tagger: the statistical part of named-entity recognition. An averaged-perceptron sequence
// tagger over BIO labels (PER LOC ORG MISC) that tags OUR tokens (segment's ICU word tokens,
// with the clitic stage's stems), decoded greedily left to right.
//
// What the stage guarantees:
//   - Tag returns exactly one label per token given, and is deterministic: the same model and
//     tokens always give the same labels (integer arithmetic on the quantized weights, ties broken
//     by the lower label index);
//   - the label sequence it returns is well formed IOB2: an I-X only ever follows B-X or I-X
//     (decoding only considers the labels allowed after the previous one);
//   - Mentions turns labels into spans at ORIGINAL offsets within the tokens' spans: a mention
//     starts at its first token's name_start (after the proclitics و ف ب ل, keeping the
//     article ال inside the name, as ANERcorp's gold does: الصين, الولايات المتحدة; the fused
//     article of للقاهرة, a bare ل, is left out: قاهرة, not لقاهرة; a ك or the future's س
//     cut right before the stem stays: names begin with them, ستيفان، كريس) and ends at
//     its last token's end; mentions are in order and never overlap;
//   - Load never trusts its bytes: a truncated, foreign or inconsistent model is a kInvalidArgument
//     Status, never a crash; the Tagger is then left empty (Tag gives all O).
//
// Features (one weight per label per row of a table of 2^bits rows; a feature's row mixes its
// template's seed with the FNV-1a hashes of its atoms, each atom hashed once per token):
// the token's match key and clitic stem key, prefixes and suffixes of 1-4 letters of the stem
// key, the proclitic pattern, whether an enclitic was cut, the shape (digits, Latin, Arabic,
// punctuation) and token kind, a length bucket, the keys and stems of the neighbours at -2..+2,
// the 2-letter stem suffixes of the neighbours at -1 and +1, three stem pairs (-1|0, 0|+1,
// -1|+1), the lexicon strings of the token and of its neighbours at -1 and +1
// (TokenInput::lexicon: the hook for gazetteers and trigger words), the word classes of the token
// and of its neighbours at -1 and +1 with the pairs (-1|0, 0|+1) in each clustering
// (TokenInput::cluster, from unlabeled text; none when no classes are loaded), and the previous
// label, the previous two labels, and the previous label with the stem. Weights are stored as int8
// with one scale (on the ANERcorp dev split int8 scores as well as int16, and halves the table that
// tagging reads at random) in a small binary format:
//   "BNERTAG1" | u32 version (4) | u32 bits | u32 label count | labels (u8 length + bytes) |
//   f32 scale | the i8 weights[2^bits * labels] (row major) as runs, until the table is full:
//   varint (LEB128) count of zeros | varint count n | n weights as they are.
// Serialize ends a literal run where two zeros in a row begin, or at a last zero (the next run
// counts it): most weights are zero (85 % in the shipped model), and the model, linked into the
// wasm the page downloads, is a third of the raw table. Load takes any runs that fill the table
// exactly, with counts of at most 4 varint bytes.
#ifndef BASIRA_SRC_TAGGER_TAGGER_H_
#define BASIRA_SRC_TAGGER_TAGGER_H_

#include <unicode/unistr.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "basira/result.h"
#include "basira/status.h"

namespace basira::clitics {
struct Analysis;
}
namespace basira::normalize {
class MatchKeys;
}

namespace basira::tagger {

// The label set, in model order: O, then B-/I- for each type.
enum class EntityType { kPer = 0, kLoc, kOrg, kMisc };
constexpr int kNumTypes = 4;
constexpr int kNumLabels = 1 + 2 * kNumTypes;
const char* LabelName(int label);            // "O", "B-PER", "I-PER", ...
int LabelFromName(const std::string& name);  // -1 when unknown
const char* TypeName(int type);              // "PER", "LOC", "ORG", "MISC"
inline int BeginLabel(int type) { return 1 + 2 * type; }
inline int InsideLabel(int type) { return 2 + 2 * type; }
inline int LabelType(int label) { return label == 0 ? -1 : (label - 1) / 2; }
inline bool IsBegin(int label) { return label > 0 && (label - 1) % 2 == 0; }

// How many word clusterings a token can carry.
constexpr int kMaxClusterings = 3;

// One token as the tagger sees it.
struct TokenInput {
  Span span;               // original UTF-16 span of the token
  int32_t name_start = 0;  // where a name in this token starts (after و ف ب ل, before ال)
  std::string key;         // UTF-8 match key of the whole token
  std::string stem;        // UTF-8 match key of the clitic stem (== key when nothing was cut)
  std::string proclitics;  // match keys of the proclitics joined by '+', e.g. "و+ال"; or ""
  bool enclitic = false;   // whether an enclitic was cut off
  TokenKind kind = TokenKind::kWord;
  std::vector<std::string> lexicon;  // hook: gazetteer/trigger feature strings ("gaz:LOC")
  // The word classes of the stem learned from unlabeled text (WordClusters in ner_data.h), one
  // per clustering; -1: none (a word too rare to be classed, or no clusters loaded).
  int16_t cluster[kMaxClusterings] = {-1, -1, -1};
};

// Builds the tagger's view of the token text[span] of kind `kind` with its clitic analysis.
TokenInput MakeTokenInput(const icu::UnicodeString& text, Span span, TokenKind kind,
                          const clitics::Analysis& analysis);
// The same from the token's match keys (keys.range() == the token's span).
TokenInput MakeTokenInput(const normalize::MatchKeys& keys, TokenKind kind,
                          const clitics::Analysis& analysis);

// Moves a token's offsets by `by` units: the token of the same text elsewhere.
void Shift(TokenInput* t, int32_t by);

// The label-independent feature strings of token i (for tests and debugging; Tag hashes the same
// strings).
std::vector<std::string> StaticFeatures(const std::vector<TokenInput>& tokens, size_t i);

struct Mention {
  Span span;
  int type = 0;         // EntityType as int
  int first_token = 0;  // the tokens it covers: [first_token, last_token]
  int last_token = 0;
};
// The mentions the labels describe (an I-X after O or another type starts a new mention).
std::vector<Mention> Mentions(const std::vector<TokenInput>& tokens,
                              const std::vector<int>& labels);

class Trainer;

class Tagger {
 public:
  Tagger() = default;
  // Parses a model made by Serialize. On error the tagger is left empty.
  Status Load(const uint8_t* data, size_t size);
  std::string Serialize() const;
  bool empty() const { return weights_.empty(); }
  int bits() const { return bits_; }

  // One label per token, greedy left to right. With `outside`, also how sure the tagger is that
  // no mention starts at each token: the score of O minus the best B-X score there (in weight
  // units; negative when a B-X scores higher).
  std::vector<int> Tag(const std::vector<TokenInput>& tokens,
                       std::vector<float>* outside = nullptr) const;

 private:
  friend class Trainer;
  int bits_ = 0;
  float scale_ = 1;
  std::vector<int8_t> weights_;  // [row * kNumLabels + label]
};

// Averaged-perceptron training: call TrainSentence for every sentence of an epoch, then Model.
class Trainer {
 public:
  explicit Trainer(int bits);
  // One left-to-right pass over the sentence with the current weights, the label-history
  // features taken from the GOLD labels (on the ANERcorp dev split this beats the predicted
  // history: 66 against 63 micro F1); every token whose best label differs from gold updates
  // the weights. Returns the number of such mistakes.
  int TrainSentence(const std::vector<TokenInput>& tokens, const std::vector<int>& gold);
  // The averaged, quantized model of everything seen so far.
  Tagger Model() const;
  // The averaged weights of everything seen so far, unquantized (for averaging several runs).
  std::vector<float> Averaged() const;
  // The quantized model of averaged weights (several Averaged() of one table size, summed
  // element-wise: their sum's quantization is their average's, the scale absorbs the factor).
  static Tagger Quantize(int bits, const std::vector<float>& averaged);

 private:
  void Update(const std::vector<uint32_t>& rows, int label, float delta);
  int bits_;
  uint32_t mask_;
  int64_t step_ = 1;
  std::vector<float> weights_;
  std::vector<double> totals_;
  std::vector<int64_t> stamps_;
};

}  // namespace basira::tagger

#endif  // BASIRA_SRC_TAGGER_TAGGER_H_
