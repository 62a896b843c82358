// summarize: extractive summaries and keyphrases per document, and a story summary across
// documents (the same story from several outlets).
//
// Terms: a word's term is the match key (normalize) of its clitic stem (وبالقاهرة → قاهره);
// stop words (data/summarize/stopwords.txt, compared on the stem's and the whole token's key)
// and one-letter stems are no terms. Sentence vectors are TF-IDF over the request's sentences,
// unit length, compared by cosine.
//
// What the stage guarantees:
//   - a summary sentence is a sentence of Result::sentences from a paragraph block of its
//     document: never a headline, subheadline, section, byline, dateline, caption or heading,
//     never noise (noise is never a sentence), never a quote fragment (a sentence whose quote
//     marks « » “ ” " do not pair up, i.e. a piece of a quotation the segmenter cut), and never a
//     sentence with fewer than kMinTerms terms;
//   - a document's summary lists its sentences in text order, each with its sentence index,
//     input and span (the sentence's own span, so it slices to the sentence), and a score in
//     [0, 1]; its length follows SummaryLength (sentences, a ratio of the eligible sentences,
//     or words: whole sentences within the budget, at least one), at most kMaxSummarySentences;
//   - scores: position (rank among the eligible sentences, and whether the sentence opens its
//     paragraph: not when it goes on with a sentence the paragraph block before it left
//     unfinished, as each line of a hard-wrapped text does), LexRank centrality (continuous, over
//     at most kMaxLexRankSentences sentences of a document; a longer document uses the cosine to
//     its centroid), cosine to the headline and subheadline, and the salience of the entities the
//     sentence mentions, scaled down for sentences longer than 35 words except the document's first
//     eligible sentence (its lede); then MMR drops redundant sentences;
//   - keyphrases: at most kMaxKeyphrases per document, runs of one to three adjacent terms (no
//     stop word or punctuation between) and the names of the entities the document mentions,
//     ranked by score; a phrase whose terms all lie in a better phrase is dropped. `key` is the
//     terms' match keys joined by spaces, `text` the first occurrence without its proclitics;
//   - story (two documents or more): a document whose word 5-shingles overlap an earlier one's
//     by Jaccard >= kDuplicateJaccard is reported as its near duplicate; sentences of different
//     documents whose cosine is >= kSameSentenceCosine say the same thing and are grouped; the
//     story summary ranks groups by how many independent documents support them (near
//     duplicates count once), then by their best sentence's score in its document, each entry
//     listing every input and sentence that supports it. Only groups two independent documents
//     support fill the summary's length; after them come at most kMaxSingleSource entries marked
//     single_source: the best sentences only one document says (its score in its document at
//     least kSingleSourceMinScore, one per document, cosine below kSameSentenceCosine to every
//     entry before it, and from a document that shares a group with another when any does:
//     a trailing unrelated article is another story).
// Cost: near-linear in the request. LexRank is capped per document, MMR looks at a bounded
// pool, duplicate documents are found through min-hash bands, and sentence groups through an
// inverted index on each sentence's rarest terms with capped postings: no all-pairs pass over
// the request's sentences. Arithmetic avoids library transcendental functions (a series
// logarithm, sqrt only), and every order has a full tie-break, so native and wasm agree.
#ifndef BASIRA_SRC_SUMMARIZE_SUMMARIZE_H_
#define BASIRA_SRC_SUMMARIZE_SUMMARIZE_H_

#include <unicode/unistr.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "basira/analyzer.h"
#include "basira/result.h"
#include "basira/status.h"
#include "recognize/recognize.h"
#include "table/table.h"

namespace basira::summarize {

inline constexpr int kMinTerms = 3;
inline constexpr int kMaxLexRankSentences = 100;
inline constexpr int kMaxSummarySentences = 100;
inline constexpr int kMaxKeyphrases = 8;
inline constexpr double kDuplicateJaccard = 0.5;
inline constexpr double kSameSentenceCosine = 0.4;
inline constexpr int kMaxSingleSource = 2;
inline constexpr double kSingleSourceMinScore = 0.5;

// How a document's eligible sentences are ranked.
enum class Method {
  kBasira,   // the stage's own: centrality, position, headline, entities, then MMR
  kLexRank,  // plain continuous LexRank centrality (an evaluation baseline)
  kLead,     // text order (an evaluation baseline)
};

class Summarizer;

// What the stage keeps of each sentence while the pipeline segments: its terms in order.
class Collector {
 public:
  explicit Collector(const Summarizer& summarizer) : summarizer_(summarizer) {}
  // Called once per sentence of Result::sentences, in order, with the sentence's word tokens.
  void AddSentence(const icu::UnicodeString& text, Span sentence,
                   const std::vector<recognize::Word>& words);

 private:
  friend class Model;
  int32_t Intern(std::u16string_view key);
  const Summarizer& summarizer_;
  table::KeyMap<int32_t> ids_;         // term id, or -1 for a stop word
  std::vector<std::u16string> terms_;  // by id
  // Per sentence [begin_[s], begin_[s + 1]) into seq_/spans_: term ids in order, -1 where a run
  // of adjacent terms breaks (a stop word, punctuation).
  std::vector<uint32_t> begin_ = {0};
  std::vector<int32_t> seq_;
  std::vector<Span> spans_;  // per term: its word without proclitics (the article stays)
  std::vector<uint8_t> fragment_;
  std::vector<uint8_t> unfinished_;  // the sentence ends without . ! ? ؟ … or a closing mark
  std::vector<int32_t> words_;       // word tokens per sentence
};

// The vectors and scores derived from a Collector and the Result it describes.
class Model {
 public:
  Model(const Collector& collector, const Result& result);

  // A document's eligible sentences (Result::sentences indices) in the order `method` ranks
  // them, at most `limit` (the MMR pool is bounded, so kBasira may return fewer).
  std::vector<int32_t> Rank(int32_t document, Method method, int32_t limit) const;
  // Fills result->summaries (one per document) and result->story.
  void Summarize(const SummaryLength& length, Result* result) const;

  int32_t words(int32_t sentence) const { return collector_.words_[sentence]; }
  bool Eligible(int32_t sentence) const;
  double Cosine(int32_t a, int32_t b) const;
  // The group of sentences of different documents that say the same thing as `sentence` (cosine
  // >= kSameSentenceCosine, linked transitively), named by its smallest sentence index; a
  // sentence in no group (or not eligible, or in a request of one document) is its own group.
  int32_t Group(int32_t sentence) const { return group_[sentence]; }

 private:
  struct DocScores {
    std::vector<int32_t> eligible;  // sentence indices, text order
    std::vector<double> score;      // per eligible sentence, in [0, 1]
  };
  DocScores Score(int32_t document) const;
  std::vector<double> Centrality(const std::vector<int32_t>& sentences) const;
  std::vector<int32_t> Mmr(const std::vector<int32_t>& candidates, const std::vector<double>& score,
                           int32_t limit, std::vector<double>* chosen_scores) const;
  int32_t Count(const SummaryLength& length, const std::vector<int32_t>& ranked,
                int32_t eligible) const;
  std::vector<Keyphrase> Keyphrases(int32_t document) const;
  void Group();
  void Story(const std::vector<DocScores>& scores, const SummaryLength& length,
             Result* result) const;

  const Collector& collector_;
  const Result& result_;
  std::vector<int32_t> df_;       // per term: how many sentences hold it
  std::vector<double> idf_;       // per term
  std::vector<uint32_t> vbegin_;  // per sentence into vterm_/vweight_
  std::vector<int32_t> vterm_;    // sorted term ids
  std::vector<double> vweight_;   // unit-length TF-IDF
  std::vector<double> salience_;  // per sentence: entities' salience
  struct EntityInDocument {
    int32_t entity = 0;
    int32_t first = 0;  // index of its first mention in the document
    int32_t count = 0;  // its mentions in the document
  };
  std::vector<std::vector<EntityInDocument>> doc_entities_;  // per document, by entity index
  std::vector<std::pair<int32_t, int32_t>> doc_range_;       // per document: [first, end) sentence
  std::vector<int32_t> group_;                               // per sentence: Group()
};

class Summarizer {
 public:
  // Loads the embedded stop-word list. Fails (kInternal) only if it is empty.
  static Status Create(std::unique_ptr<Summarizer>* out);
  // Whether a match key is a stop word.
  bool IsStopWord(std::u16string_view key) const { return stop_.Contains(key); }

 private:
  Summarizer() = default;
  table::KeySet stop_;
};

}  // namespace basira::summarize

#endif  // BASIRA_SRC_SUMMARIZE_SUMMARIZE_H_
