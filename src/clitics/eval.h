// clitics evaluation: scores CliticAnalyzer against a gold list (data/clitics/eval_words.tsv).
// Header only, so that the native tool (tools/eval/eval_clitics.cc) and the test suite (native
// and wasm) score exactly the same way. No exceptions, no allocation beyond strings and vectors.
//
// Gold format: UTF-8, one `word<TAB>parts joined by +` per line; '#' lines and blank lines are
// skipped. The parts must concatenate back to the word.
#ifndef BASIRA_SRC_CLITICS_EVAL_H_
#define BASIRA_SRC_CLITICS_EVAL_H_

#include <unicode/unistr.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "clitics/clitics.h"

namespace basira::clitics {

// The parts of `analysis` (proclitics, stem, enclitics) as original text joined by '+'.
inline std::string Segmentation(const icu::UnicodeString& text, const Analysis& analysis) {
  std::string out;
  auto add = [&](Span s) {
    if (!out.empty()) out += '+';
    text.tempSubString(s.start, s.length()).toUTF8String(out);
  };
  for (Span s : analysis.proclitics) add(s);
  add(analysis.stem);
  for (Span s : analysis.enclitics) add(s);
  return out;
}

// Whether the parts of `analysis` tile `word`: in order, non-empty, no gap, no overlap.
inline bool Tiles(const Analysis& analysis, Span word) {
  std::vector<Span> parts(analysis.proclitics);
  parts.push_back(analysis.stem);
  parts.insert(parts.end(), analysis.enclitics.begin(), analysis.enclitics.end());
  int32_t at = word.start;
  for (Span s : parts) {
    if (s.start != at || s.end <= s.start) return false;
    at = s.end;
  }
  return at == word.end;
}

struct EvalError {
  std::string word;
  std::string gold;
  std::string predicted;
};

struct EvalReport {
  std::string problem;  // non-empty when the gold list is malformed: says which line and why
  int words = 0;
  int exact = 0;
  int listed_words = 0;  // words whose gold stem is an entry of the lexicon
  int listed_exact = 0;
  int over_words = 0;   // words with a predicted cut that gold does not have
  int under_words = 0;  // words missing a cut that gold has
  int gold_boundaries = 0;
  int predicted_boundaries = 0;
  int correct_boundaries = 0;
  std::vector<EvalError> errors;

  double Accuracy() const { return words == 0 ? 0 : static_cast<double>(exact) / words; }
  double Precision() const {
    return predicted_boundaries == 0
               ? 1
               : static_cast<double>(correct_boundaries) / predicted_boundaries;
  }
  double Recall() const {
    return gold_boundaries == 0 ? 1 : static_cast<double>(correct_boundaries) / gold_boundaries;
  }
};

// Scores `analyzer` on the gold list `tsv`. Boundaries are UTF-16 offsets inside the word.
inline EvalReport Evaluate(const CliticAnalyzer& analyzer, std::string_view tsv) {
  EvalReport report;
  size_t pos = 0;
  int line_number = 0;
  while (pos < tsv.size()) {
    size_t end = tsv.find('\n', pos);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      report.problem = "line " + std::to_string(line_number) + ": no TAB";
      return report;
    }
    const std::string word_utf8(line.substr(0, tab));
    const std::string gold_utf8(line.substr(tab + 1));
    // Gold parts and their boundaries.
    std::vector<int32_t> gold;
    std::string joined;
    std::string stem_utf8;
    int32_t at = 0;
    size_t start = 0;
    while (true) {
      const size_t plus = gold_utf8.find('+', start);
      const std::string part =
          gold_utf8.substr(start, plus == std::string::npos ? std::string::npos : plus - start);
      const int32_t length = icu::UnicodeString::fromUTF8(part).length();
      if (length == 0) {
        report.problem = "line " + std::to_string(line_number) + ": empty part";
        return report;
      }
      joined += part;
      if (part.size() > stem_utf8.size()) stem_utf8 = part;  // the stem: the first longest part
      at += length;
      if (plus == std::string::npos) break;
      gold.push_back(at);
      start = plus + 1;
    }
    if (joined != word_utf8) {
      report.problem = "line " + std::to_string(line_number) + ": parts do not make the word";
      return report;
    }
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(word_utf8);
    const Span word{0, text.length()};
    const Analysis analysis = analyzer.Analyze(text, word);
    std::vector<int32_t> predicted;
    for (Span s : analysis.proclitics) predicted.push_back(s.end);
    if (!analysis.enclitics.empty()) predicted.push_back(analysis.stem.end);

    const bool listed = analyzer.lexicon().Contains(Lexicon::KeyOf(stem_utf8));
    int correct = 0;
    for (int32_t b : predicted) {
      if (std::find(gold.begin(), gold.end(), b) != gold.end()) ++correct;
    }
    const bool over = correct < static_cast<int>(predicted.size());
    const bool under = correct < static_cast<int>(gold.size());
    ++report.words;
    report.listed_words += listed ? 1 : 0;
    report.gold_boundaries += static_cast<int>(gold.size());
    report.predicted_boundaries += static_cast<int>(predicted.size());
    report.correct_boundaries += correct;
    report.over_words += over ? 1 : 0;
    report.under_words += under ? 1 : 0;
    if (!over && !under) {
      ++report.exact;
      report.listed_exact += listed ? 1 : 0;
    } else {
      report.errors.push_back({word_utf8, gold_utf8, Segmentation(text, analysis)});
    }
  }
  return report;
}

}  // namespace basira::clitics

#endif  // BASIRA_SRC_CLITICS_EVAL_H_
