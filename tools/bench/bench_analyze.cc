// basira_bench: words per second of the full native analysis on Arabic text of a given size.
//
//   basira_bench [--size BYTES] [--tokens] [--json] [--repeat N] [--write PATH] [FILE...]
//   basira_bench --exact [--tokens] [--json] [--repeat N] FILE
//
// The text is the given files (default: tests/fixtures/*.txt and ../shared/samples/*.txt when
// present) repeated, each copy's lines numbered so none repeats, up to --size bytes (default
// 1 MiB) as ONE input.
//   --json        the time includes writing the JSON result (what the page and the CLI pay)
//   --exact       analyze FILE's bytes as they are (no copies, no numbers): the text that
//                 `--write` wrote, for runs paired with tools/bench/bench_wasm.mjs --native
//   --write PATH  also write the generated text to PATH (tools/bench/bench_wasm.mjs and the
//                 page benchmark analyze the same bytes)
// Prints bytes, words, the best and median time of N runs, words/s, MB/s and peak RSS.
#include <dirent.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "basira/analyzer.h"
#include "basira/json.h"

namespace {

std::vector<std::string> TxtFiles(const std::string& dir) {
  std::vector<std::string> out;
  if (DIR* d = opendir(dir.c_str())) {
    while (const dirent* e = readdir(d)) {
      const std::string name = e->d_name;
      if (name.size() > 4 && name.substr(name.size() - 4) == ".txt")
        out.push_back(dir + "/" + name);
    }
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  size_t size = 1 << 20;
  int repeat = 5;
  basira::Options options;
  std::vector<std::string> files;
  std::string write_path;
  bool json = false;
  bool exact = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--size" && i + 1 < argc) {
      size = std::strtoull(argv[++i], nullptr, 10);
    } else if (a == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--write" && i + 1 < argc) {
      write_path = argv[++i];
    } else if (a == "--json") {
      json = true;
    } else if (a == "--exact") {
      exact = true;
    } else if (a == "--tokens") {
      options.tokens = true;
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) {
    files = TxtFiles(BASIRA_SOURCE_DIR "/tests/fixtures");
    for (const std::string& f : TxtFiles(BASIRA_SOURCE_DIR "/../shared/samples"))
      files.push_back(f);
  }
  std::string corpus;
  for (const std::string& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    corpus += ss.str() + "\n\n";
  }
  if (corpus.empty()) {
    std::fprintf(stderr, "basira_bench: no text\n");
    return 1;
  }
  std::vector<basira::Input> inputs(1);
  inputs[0].name = "bench";
  if (exact) {
    if (files.size() != 1) {
      std::fprintf(stderr, "basira_bench: --exact takes one FILE\n");
      return 2;
    }
    corpus.resize(corpus.size() - 2);  // the "\n\n" added after the file above
    size = corpus.size();
    inputs[0].text = corpus;
  }
  // Each copy's lines get the copy's number, so no line repeats an earlier one (repeated lines
  // would be flagged as noise and skipped, which would flatter the figures).
  for (int copy = 1; inputs[0].text.size() < size; ++copy) {
    std::istringstream lines(corpus);
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty()) inputs[0].text += std::to_string(copy) + " ";
      inputs[0].text += line + '\n';
    }
  }
  // Cut at a line end at or before `size`, so no character is split.
  if (!exact) {
    size_t cut = inputs[0].text.rfind('\n', size);
    inputs[0].text.resize(cut == std::string::npos ? size : cut + 1);
  }
  options.max_bytes = static_cast<int64_t>(inputs[0].text.size()) + 1;
  if (!write_path.empty()) {
    std::ofstream out(write_path, std::ios::binary);
    out << inputs[0].text;
    if (!out) {
      std::fprintf(stderr, "basira_bench: cannot write %s\n", write_path.c_str());
      return 1;
    }
  }

  std::unique_ptr<basira::Analyzer> analyzer;
  basira::Status status = basira::Analyzer::Create(&analyzer);
  if (!status.ok()) return 1;
  std::vector<double> seconds;
  basira::Result result;
  size_t json_bytes = 0;
  for (int r = 0; r < repeat; ++r) {
    const auto start = std::chrono::steady_clock::now();
    status = analyzer->Analyze(inputs, options, &result);
    if (json && status.ok()) json_bytes = basira::ResultToJson(result, inputs).size();
    seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    if (!status.ok()) {
      std::fprintf(stderr, "basira_bench: %s\n", status.message().c_str());
      return 1;
    }
  }
  std::sort(seconds.begin(), seconds.end());
  const double best = seconds.front(), median = seconds[seconds.size() / 2];
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double bytes = static_cast<double>(inputs[0].text.size());
  std::printf(
      "basira_bench: %.0f bytes, %lld words, %lld sentences, %zu documents, tokens %s%s\n"
      "  best %.1f ms, median %.1f ms of %d runs\n"
      "  %.0f K words/s, %.1f MB/s (best)\n"
      "  peak RSS %.1f MB\n",
      bytes, static_cast<long long>(result.stats.words),
      static_cast<long long>(result.sentences.size()), result.documents.size(),
      options.tokens ? "listed (with clitics)" : "counted",
      json ? (", JSON written (" + std::to_string(json_bytes) + " bytes)").c_str() : "", best * 1e3,
      median * 1e3, repeat, result.stats.words / best / 1e3, bytes / best / 1e6,
      usage.ru_maxrss / 1024.0);
  return 0;
}
