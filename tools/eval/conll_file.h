// Reading files for the evaluation and training tools (the library itself reads none).
//
// ReadFile appends a whole file to `out`; false when it cannot be opened or read.
// LoadConll reads and parses a CoNLL file (token<TAB>tag, a blank line between sentences); on
// failure it prints "TOOL: cannot read PATH" or "TOOL: PATH: the bad line" and returns false, so
// no tool ever scores an unreadable file as an empty one.
#ifndef BASIRA_TOOLS_EVAL_CONLL_FILE_H_
#define BASIRA_TOOLS_EVAL_CONLL_FILE_H_

#include <cstdio>
#include <string>
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

}  // namespace basira::tools

#endif  // BASIRA_TOOLS_EVAL_CONLL_FILE_H_
