// basira_eval_sentences: sentence-boundary precision and recall.
//
//   basira_eval_sentences FILE...
//
// FILE is either our own text format (one gold sentence per line, a blank line between
// paragraphs, '#' comment lines; data/sentences/eval_paragraphs.txt) or CoNLL (token<TAB>tag,
// a blank line between sentences; the tokens of a sentence joined by single spaces, and every
// five consecutive sentences joined into one paragraph). Each paragraph is segmented by basira's
// sentence segmenter (ICU + Arabic rules) as one block; a boundary is the offset where a
// sentence starts (the paragraph's own start is not counted). Prints boundary precision, recall,
// F1 and the share of gold sentences found exactly, then the first errors.
#include <cstdio>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "basira/analyzer.h"
#include "segment/segment.h"

namespace {

using Paragraph = std::vector<std::string>;  // gold sentences

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<Paragraph> Read(const std::string& path) {
  std::vector<Paragraph> out;
  std::ifstream in(path);
  const bool conll = EndsWith(path, ".conll");
  Paragraph paragraph;
  std::string sentence;
  for (std::string line; std::getline(in, line);) {
    if (conll) {
      if (line.empty()) {
        if (!sentence.empty()) paragraph.push_back(sentence);
        sentence.clear();
        if (paragraph.size() == 5) out.push_back(paragraph), paragraph.clear();
      } else {
        const std::string token = line.substr(0, line.find('\t'));
        sentence += (sentence.empty() ? "" : " ") + token;
      }
    } else if (!line.empty() && line[0] == '#') {
      continue;
    } else if (line.empty()) {
      if (!paragraph.empty()) out.push_back(paragraph), paragraph.clear();
    } else {
      paragraph.push_back(line);
    }
  }
  if (!sentence.empty()) paragraph.push_back(sentence);
  if (!paragraph.empty()) out.push_back(paragraph);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: basira_eval_sentences FILE...\n");
    return 2;
  }
  // The Analyzer loads ICU's data; the segmenter is then used directly.
  std::unique_ptr<basira::Analyzer> analyzer;
  if (!basira::Analyzer::Create(&analyzer).ok()) return 1;
  std::unique_ptr<basira::segment::Segmenter> segmenter;
  if (!basira::segment::Segmenter::Create(&segmenter).ok()) return 1;
  basira::segment::Segmenter::Session session(*segmenter);

  for (int f = 1; f < argc; ++f) {
    const std::vector<Paragraph> paragraphs = Read(argv[f]);
    long gold_boundaries = 0, found = 0, correct = 0, sentences = 0, exact = 0;
    std::vector<std::string> errors;
    for (const Paragraph& p : paragraphs) {
      std::string joined;
      std::set<int32_t> gold;
      std::vector<std::pair<int32_t, int32_t>> gold_spans;
      icu::UnicodeString text;
      for (const std::string& s : p) {
        if (!joined.empty()) joined += ' ';
        const int32_t start = icu::UnicodeString::fromUTF8(joined).length();
        joined += s;
        const int32_t end = icu::UnicodeString::fromUTF8(joined).length();
        if (start > 0) gold.insert(start);
        gold_spans.emplace_back(start, end);
      }
      text = icu::UnicodeString::fromUTF8(joined);
      std::vector<basira::Span> spans;
      session.Sentences(text, basira::Span{0, text.length()}, &spans);
      std::set<int32_t> predicted;
      std::set<std::pair<int32_t, int32_t>> predicted_spans;
      for (const basira::Span& s : spans) {
        if (s.start > 0) predicted.insert(s.start);
        predicted_spans.emplace(s.start, s.end);
      }
      gold_boundaries += static_cast<long>(gold.size());
      found += static_cast<long>(predicted.size());
      for (int32_t b : predicted) {
        if (gold.count(b)) {
          ++correct;
        } else if (errors.size() < 12) {
          std::string left, right;
          text.tempSubString(std::max(0, b - 30), std::min(30, b)).toUTF8String(left);
          text.tempSubString(b, 30).toUTF8String(right);
          errors.push_back("extra break:  ..." + left + " | " + right + "...");
        }
      }
      for (int32_t b : gold) {
        if (!predicted.count(b) && errors.size() < 12) {
          std::string left, right;
          text.tempSubString(std::max(0, b - 30), std::min(30, b)).toUTF8String(left);
          text.tempSubString(b, 30).toUTF8String(right);
          errors.push_back("missed break: ..." + left + " | " + right + "...");
        }
      }
      for (const auto& g : gold_spans) {
        ++sentences;
        if (predicted_spans.count(g)) ++exact;
      }
    }
    const double precision = found ? 100.0 * correct / found : 0;
    const double recall = gold_boundaries ? 100.0 * correct / gold_boundaries : 0;
    const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    std::printf("basira sentences: %s\n", argv[f]);
    std::printf("  paragraphs %zu, gold sentences %ld, gold boundaries %ld\n", paragraphs.size(),
                sentences, gold_boundaries);
    std::printf("  boundary precision %.2f%%  recall %.2f%%  F1 %.2f%%\n", precision, recall, f1);
    std::printf("  sentences found exactly %.2f%% (%ld/%ld)\n",
                sentences ? 100.0 * exact / sentences : 0.0, exact, sentences);
    for (const std::string& e : errors) std::printf("  %s\n", e.c_str());
  }
  return 0;
}
