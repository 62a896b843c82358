// basira: the native command line. A thin caller of the library: reads files, calls Analyze,
// prints the same JSON the page gets.
//
//   basira analyze [--format json] [--tokens] [--max-bytes N] [--summary LEN] FILE... | -
//
// Exit status: 0 on success, 1 on bad input (a JSON error on stdout and a message on stderr),
// 2 on usage errors.
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "basira/analyzer.h"
#include "basira/json.h"

namespace {

constexpr const char* kUsage =
    "usage: basira analyze [--format json] [--tokens] [--max-bytes N] [--summary LEN] FILE... | -\n"
    "\n"
    "Analyzes Arabic news texts (UTF-8) and prints one JSON analysis of all inputs:\n"
    "documents, sentences and (with --tokens) tokens, each span [start, end) in UTF-16\n"
    "code units into its input. Inputs are numbered in the order given; '-' reads stdin.\n"
    "\n"
    "options:\n"
    "  --format json   the output format (json, the only one so far)\n"
    "  --tokens        also list every token\n"
    "  --max-bytes N   refuse inputs larger than N bytes together (default 33554432)\n"
    "  --summary LEN   summary length: N sentences (default 3), R% of them, or Nw words\n"
    "  -h, --help      print this help\n"
    "  --version       print the version\n"
    "\n"
    "exit status: 0 success, 1 bad input, 2 usage error\n";

int Usage(const std::string& problem) {
  std::cerr << "basira: " << problem << "\n\n" << kUsage;
  return 2;
}

// Reads a whole file (or stdin for "-") as bytes. Returns false with a message on failure.
bool ReadAll(const std::string& path, std::string* out, std::string* error) {
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    *error = "cannot open " + path + ": " + std::strerror(errno);
    return false;
  }
  out->clear();
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) out->append(buffer, n);
  const bool failed = std::ferror(f) != 0;
  if (f != stdin) std::fclose(f);
  if (failed) {
    *error = "cannot read " + path;
    return false;
  }
  return true;
}

int Analyze(const std::vector<std::string>& args) {
  basira::Options options;
  std::vector<std::string> files;
  bool only_files = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (only_files || a == "-" || a.empty() || a[0] != '-') {
      files.push_back(a);
    } else if (a == "--") {
      only_files = true;
    } else if (a == "--tokens") {
      options.tokens = true;
    } else if (a == "--format" || a.rfind("--format=", 0) == 0) {
      std::string value = a == "--format" ? (i + 1 < args.size() ? args[++i] : "") : a.substr(9);
      if (value != "json") return Usage("unknown format '" + value + "' (known: json)");
    } else if (a == "--max-bytes" || a.rfind("--max-bytes=", 0) == 0) {
      std::string value =
          a == "--max-bytes" ? (i + 1 < args.size() ? args[++i] : "") : a.substr(12);
      char* end = nullptr;
      const long long n = std::strtoll(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || n <= 0) {
        return Usage("--max-bytes needs a positive number of bytes");
      }
      options.max_bytes = n;
    } else if (a == "--summary" || a.rfind("--summary=", 0) == 0) {
      // N sentences, R% of the eligible sentences, or Nw words.
      std::string value = a == "--summary" ? (i + 1 < args.size() ? args[++i] : "") : a.substr(10);
      char* end = nullptr;
      const double n = std::strtod(value.c_str(), &end);
      const std::string unit = end == nullptr ? "" : std::string(end);
      if (value.empty() || n <= 0 || (unit != "" && unit != "%" && unit != "w") ||
          (unit == "%" && n > 100) || (unit != "%" && n != static_cast<long long>(n))) {
        return Usage("--summary needs N (sentences), R% (of the sentences) or Nw (words)");
      }
      options.summary = {unit == "%"   ? basira::SummaryLength::Unit::kRatio
                         : unit == "w" ? basira::SummaryLength::Unit::kWords
                                       : basira::SummaryLength::Unit::kSentences,
                         unit == "%" ? n / 100 : n};
    } else {
      return Usage("unknown option '" + a + "'");
    }
  }
  if (files.empty()) return Usage("no FILE given");

  std::vector<basira::Input> inputs;
  int64_t total = 0;
  for (const std::string& path : files) {
    basira::Input input;
    input.name = path;
    std::string error;
    if (!ReadAll(path, &input.text, &error)) {
      std::cerr << "basira: " << error << "\n";
      return 1;
    }
    total += static_cast<int64_t>(input.text.size());
    inputs.push_back(std::move(input));
    if (total > options.max_bytes) break;  // Analyze reports it; stop reading early
  }

  std::unique_ptr<basira::Analyzer> analyzer;
  basira::Status status = basira::Analyzer::Create(&analyzer);
  basira::Result result;
  if (status.ok()) status = analyzer->Analyze(inputs, options, &result);
  if (!status.ok()) {
    std::cout << basira::ErrorToJson(status, inputs) << "\n";
    std::cerr << "basira: " << status.message() << "\n";
    return 1;
  }
  std::cout << basira::ResultToJson(result, inputs) << "\n";
  std::cout.flush();
  return std::cout.good() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return Usage("no command given");
  if (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (args[0] == "--version") {
    std::cout << "basira " << basira::Version() << "\n";
    return 0;
  }
  if (args[0] != "analyze") return Usage("unknown command '" + args[0] + "'");
  args.erase(args.begin());
  for (const std::string& a : args) {
    if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      return 0;
    }
    if (a == "--") break;
  }
  return Analyze(args);
}
