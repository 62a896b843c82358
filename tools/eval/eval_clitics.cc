// basira_eval_clitics: scores the clitic segmentation stage against a gold word list.
//
// usage: basira_eval_clitics [GOLD.tsv]   (default: data/clitics/eval_words.tsv)
// Prints the number of words, exact-match accuracy (also split by whether the gold stem is an
// entry of data/clitics/stems.txt), over-segmentation (word rate and boundary precision),
// under-segmentation (word rate and boundary recall), the time per word, and every error.
// Exits 1 if the list cannot be read or is malformed, 0 otherwise.
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "clitics/clitics.h"
#include "clitics/eval.h"
#include "conll_file.h"

namespace {

double Percent(int part, int whole) { return whole == 0 ? 0 : 100.0 * part / whole; }

}  // namespace

int main(int argc, char** argv) {
  const char* path = argc > 1 ? argv[1] : "data/clitics/eval_words.tsv";
  std::string tsv;
  if (!basira::tools::ReadFile(path, &tsv)) {
    std::fprintf(stderr, "basira_eval_clitics: cannot read %s\n", path);
    return 1;
  }
  std::unique_ptr<basira::clitics::CliticAnalyzer> analyzer;
  const basira::Status status = basira::clitics::CliticAnalyzer::Create(&analyzer);
  if (!status.ok()) {
    std::fprintf(stderr, "basira_eval_clitics: %s\n", status.message().c_str());
    return 1;
  }
  const basira::clitics::EvalReport r = basira::clitics::Evaluate(*analyzer, tsv);
  if (!r.problem.empty()) {
    std::fprintf(stderr, "basira_eval_clitics: %s: %s\n", path, r.problem.c_str());
    return 1;
  }

  // Speed: every gold word, analyzed as its own text, many times over.
  std::vector<icu::UnicodeString> words;
  for (size_t pos = 0; pos < tsv.size();) {
    size_t end = tsv.find('\n', pos);
    if (end == std::string::npos) end = tsv.size();
    const std::string line = tsv.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line[0] == '#') continue;
    words.push_back(icu::UnicodeString::fromUTF8(line.substr(0, line.find('\t'))));
  }
  const int rounds = 2000;
  int64_t checksum = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int round = 0; round < rounds; ++round) {
    for (const icu::UnicodeString& w : words) {
      checksum += analyzer->Analyze(w, basira::Span{0, w.length()}).stem.start;
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double analyses = static_cast<double>(rounds) * static_cast<double>(words.size());

  std::printf("basira clitic segmentation: %s (lexicon: %zu keys)\n", path,
              analyzer->lexicon().size());
  std::printf("words                  %d\n", r.words);
  std::printf("exact match            %.2f%%  (%d/%d)\n", Percent(r.exact, r.words), r.exact,
              r.words);
  std::printf("  gold stem listed     %.2f%%  (%d/%d)\n", Percent(r.listed_exact, r.listed_words),
              r.listed_exact, r.listed_words);
  std::printf("  gold stem not listed %.2f%%  (%d/%d)\n",
              Percent(r.exact - r.listed_exact, r.words - r.listed_words), r.exact - r.listed_exact,
              r.words - r.listed_words);
  std::printf("over-segmentation      words %.2f%% (%d)  boundary precision %.2f%% (%d/%d)\n",
              Percent(r.over_words, r.words), r.over_words, 100.0 * r.Precision(),
              r.correct_boundaries, r.predicted_boundaries);
  std::printf("under-segmentation     words %.2f%% (%d)  boundary recall    %.2f%% (%d/%d)\n",
              Percent(r.under_words, r.words), r.under_words, 100.0 * r.Recall(),
              r.correct_boundaries, r.gold_boundaries);
  std::printf("speed                  %.3f us/word (%.0f analyses%s)\n", 1e6 * seconds / analyses,
              analyses, checksum < 0 ? "!" : "");
  std::printf("errors (%zu): word, gold, predicted\n", r.errors.size());
  for (const basira::clitics::EvalError& e : r.errors) {
    std::printf("  %s\t%s\t%s\n", e.word.c_str(), e.gold.c_str(), e.predicted.c_str());
  }
  return 0;
}
