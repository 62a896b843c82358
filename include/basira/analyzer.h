// basira's entry point. An Analyzer owns the loaded resources (ICU data, break rules) and is
// immutable once made, so one instance serves any number of Analyze calls. It does no I/O.
#ifndef BASIRA_ANALYZER_H_
#define BASIRA_ANALYZER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "basira/result.h"
#include "basira/status.h"

namespace basira {

// The library's version, also written into every JSON result.
const char* Version();

struct Input {
  std::string name;
  std::string text;  // UTF-8, as read: validated by Analyze, never trusted
};

// Where an analysis is: `done` of `total` units of work (UTF-16 code units), in `stage`
// ("start", then "analyze" now and then, then "done").
struct Progress {
  const char* stage = "";
  int64_t done = 0;
  int64_t total = 0;
};
// Called now and then during Analyze; return false to stop it (Analyze then returns kCancelled).
using ProgressCallback = std::function<bool(const Progress&)>;

// How long a summary is: a number of sentences, a ratio of the document's eligible sentences
// (rounded, at least one), or a budget of words (whole sentences within it, at least one).
struct SummaryLength {
  enum class Unit { kSentences, kRatio, kWords };
  Unit unit = Unit::kSentences;
  double value = 3;
};

struct Options {
  static constexpr int64_t kDefaultMaxBytes = 32 << 20;
  // The most UTF-8 bytes all inputs of one request may hold together.
  int64_t max_bytes = kDefaultMaxBytes;
  // Whether Result::tokens is filled (it is large: about one entry per word).
  bool tokens = false;
  // The length of each document's summary and of the story summary.
  SummaryLength summary;
  ProgressCallback progress;
};

class Analyzer {
 public:
  // Loads the resources. Fails (kInternal) only if the build's ICU data is broken.
  static Status Create(std::unique_ptr<Analyzer>* analyzer);
  // The same with the entity tagger's model read from `ner_model` (the bytes of a model file,
  // src/tagger/tagger.h) instead of the one built in: the evaluation tools score text with a
  // model that never trained on it. Fails (kInvalidArgument) if the bytes are not a model.
  static Status Create(std::unique_ptr<Analyzer>* analyzer, const std::string& ner_model);
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Analyzes the inputs as one request: validates every input first (UTF-8, binary data, empty,
  // size), then segments and recognizes. On error `result` is left empty. Deterministic: the same
  // inputs and options always give the same result.
  Status Analyze(const std::vector<Input>& inputs, const Options& options, Result* result) const;

 private:
  // Create's work: with the built-in entity model when `ner_model` is null.
  static Status Make(std::unique_ptr<Analyzer>* analyzer, const std::string* ner_model);
  struct Impl;
  explicit Analyzer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace basira

#endif  // BASIRA_ANALYZER_H_
