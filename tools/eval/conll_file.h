// Reading files for the evaluation and training tools (the library itself reads none).
//
// ReadFile appends a whole file to `out`; false when it cannot be opened or read.
// LoadConll reads and parses a CoNLL file (token<TAB>tag, a blank line between sentences); on
// failure it prints "TOOL: cannot read PATH" or "TOOL: PATH: the bad line" and returns false, so
// no tool ever scores an unreadable file as an empty one.
// FoldOf and ReadModel are the cross-validation and model choices the tools share (--cv K PREFIX,
// --model PATH).
#ifndef BASIRA_TOOLS_EVAL_CONLL_FILE_H_
#define BASIRA_TOOLS_EVAL_CONLL_FILE_H_

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "tagger/ner_data.h"

namespace basira::tools {

inline bool ReadFile(const std::string& path, std::string* out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), f)) > 0) out->append(buffer, n);
  const bool ok = std::ferror(f) == 0;
  std::fclose(f);
  return ok;
}

inline bool LoadConll(const char* tool, const std::string& path,
                      std::vector<tagger::ConllSentence>* out) {
  std::string text, problem;
  if (!ReadFile(path, &text)) {
    std::fprintf(stderr, "%s: cannot read %s\n", tool, path.c_str());
    return false;
  }
  if (!tagger::ParseConll(text, out, &problem)) {
    std::fprintf(stderr, "%s: %s: %s\n", tool, path.c_str(), problem.c_str());
    return false;
  }
  return true;
}

// Which of `folds` contiguous blocks sentence i of the first `count` is in: the folds of
// basira_train_tagger --cv, which the scoring tools must cut alike.
inline size_t FoldOf(size_t i, size_t folds, size_t count) { return i * folds / count; }

// Which entity model a scoring tool runs: the built-in one, --model's file, or (--cv) one per
// fold, PREFIX-fold<f>.model.
struct ModelChoice {
  std::string path;       // --model
  int cv_folds = 0;       // --cv K (0: none)
  std::string cv_prefix;  // --cv's PREFIX
  size_t count() const { return cv_folds > 0 ? static_cast<size_t>(cv_folds) : 1; }
};

// The bytes of model `f` of `choice` (`builtin` when neither --model nor --cv is given); false,
// after printing "TOOL: cannot read PATH", when the file cannot be read.
inline bool ReadModel(const char* tool, const ModelChoice& choice, size_t f,
                      std::string_view builtin, std::string* bytes) {
  if (choice.cv_folds == 0 && choice.path.empty()) {
    bytes->assign(builtin);
    return true;
  }
  const std::string path = choice.cv_folds == 0
                               ? choice.path
                               : choice.cv_prefix + "-fold" + std::to_string(f) + ".model";
  if (!ReadFile(path, bytes)) {
    std::fprintf(stderr, "%s: cannot read %s\n", tool, path.c_str());
    return false;
  }
  return true;
}

}  // namespace basira::tools

#endif  // BASIRA_TOOLS_EVAL_CONLL_FILE_H_
