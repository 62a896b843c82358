// basira_eval_entities: scores the FULL analyzer's entities on CoNLL files, the way we are
// measured: each gold sentence's tokens joined by single spaces, given to Analyze as one input;
// every gold token a predicted mention overlaps is marked; exact-span conlleval P/R/F1 per type
// and micro (all four types, and PER/LOC/ORG for sets that tag MISC differently).
//
//   basira_eval_entities [--tail FRACTION] [--show N] [--whole] FILE.conll...
//
// --tail 0.1 scores only the last 10 % of each file's sentences (the dev split carved from the
// end of ANERcorp train). --show N prints the first N wrong predictions and misses. --whole gives
// the sentences (of the tail) as ONE input, a sentence a line, the other way a file of one
// sentence a line may be given to the analyzer; each sentence is scored on the mentions inside
// its line.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "basira/analyzer.h"
#include "conll_file.h"
#include "tagger/ner_data.h"

namespace {

void Print(const char* label, const basira::tagger::Counts& c) {
  std::printf("  %-16s P %6.2f  R %6.2f  F1 %6.2f   (tp %lld, fp %lld, fn %lld)\n", label,
              c.Precision(), c.Recall(), c.F1(), static_cast<long long>(c.tp),
              static_cast<long long>(c.fp), static_cast<long long>(c.fn));
}

}  // namespace

int main(int argc, char** argv) {
  double tail = 1.0;
  int show = 0;
  bool whole = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--tail" && i + 1 < argc) {
      tail = std::atof(argv[++i]);
    } else if (a == "--show" && i + 1 < argc) {
      show = std::atoi(argv[++i]);
    } else if (a == "--whole") {
      whole = true;
    } else {
      files.push_back(a);
    }
  }
  if (files.empty() || tail <= 0 || tail > 1) {
    std::fprintf(stderr,
                 "usage: basira_eval_entities [--tail FRACTION] [--show N] [--whole] "
                 "FILE.conll...\n");
    return 2;
  }
  std::unique_ptr<basira::Analyzer> analyzer;
  if (!basira::Analyzer::Create(&analyzer).ok()) return 1;
  namespace t = basira::tagger;
  for (const std::string& file : files) {
    std::vector<t::ConllSentence> sentences;
    if (!basira::tools::LoadConll("basira_eval_entities", file, &sentences)) return 1;
    const size_t first = sentences.size() - static_cast<size_t>(sentences.size() * tail);
    t::Scores scores;
    t::ErrorKinds errors;
    size_t words = 0;
    double seconds = 0;
    // --whole: every sentence of the tail in one input, a line each, analyzed once.
    std::vector<int32_t> line_start;
    basira::Result whole_result;
    basira::Status whole_status;
    if (whole) {
      icu::UnicodeString all;
      for (size_t s = first; s < sentences.size(); ++s) {
        line_start.push_back(all.length());
        all.append(t::Join(sentences[s]).text).append(u'\n');
      }
      std::vector<basira::Input> inputs(1);
      all.toUTF8String(inputs[0].text);
      inputs[0].name = "sentences";
      const auto start = std::chrono::steady_clock::now();
      whole_status = analyzer->Analyze(inputs, basira::Options(), &whole_result);
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      words += static_cast<size_t>(whole_result.stats.words);
    }
    for (size_t s = first; s < sentences.size(); ++s) {
      const t::JoinedSentence joined = t::Join(sentences[s]);
      std::vector<t::TokenRange> predicted;
      if (whole) {
        const int32_t from = line_start[s - first], to = from + joined.text.length();
        std::vector<t::Mention> mentions;
        for (const basira::Entity& e : whole_result.entities) {
          for (const basira::Mention& m : e.mentions) {
            if (m.span.start < from || m.span.end > to) continue;
            t::Mention tm;
            tm.span = basira::Span{m.span.start - from, m.span.end - from};
            tm.type = static_cast<int>(e.type);
            mentions.push_back(tm);
          }
        }
        if (whole_status.ok()) predicted = t::MapToGold(joined.spans, mentions);
      } else {
        std::vector<basira::Input> inputs(1);
        joined.text.toUTF8String(inputs[0].text);
        inputs[0].name = "sentence";
        basira::Result result;
        const auto start = std::chrono::steady_clock::now();
        const basira::Status status = analyzer->Analyze(inputs, basira::Options(), &result);
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (status.ok()) {
          std::vector<t::Mention> mentions;
          for (const basira::Entity& e : result.entities) {
            for (const basira::Mention& m : e.mentions) {
              t::Mention tm;
              tm.span = m.span;
              tm.type = static_cast<int>(e.type);
              mentions.push_back(tm);
            }
          }
          predicted = t::MapToGold(joined.spans, mentions);
          words += static_cast<size_t>(result.stats.words);
        }
      }
      const std::vector<t::TokenRange> gold = t::GoldMentions(sentences[s].tags);
      static const char* kNames[] = {"PER", "LOC", "ORG", "MISC"};
      auto words_of = [&](const t::TokenRange& r) {
        std::string out;
        for (int k = r.first; k <= r.last; ++k)
          out += (k > r.first ? " " : "") + sentences[s].tokens[k];
        return std::string(kNames[r.type]) + " «" + out + "»";
      };
      for (const t::TokenRange& p : predicted) {
        if (show > 0 && std::find(gold.begin(), gold.end(), p) == gold.end()) {
          std::printf("  wrong  %s\n", words_of(p).c_str());
          --show;
        }
      }
      for (const t::TokenRange& g : gold) {
        if (show > 0 && std::find(predicted.begin(), predicted.end(), g) == predicted.end()) {
          std::printf("  missed %s\n", words_of(g).c_str());
          --show;
        }
      }
      scores.Add(gold, predicted);
      errors.Add(gold, predicted);
    }
    std::printf("basira entities: %s (%zu sentences%s)\n", file.c_str(), sentences.size() - first,
                tail < 1 ? ", the tail" : "");
    static const char* kTypes[] = {"PER", "LOC", "ORG", "MISC"};
    for (int type = 0; type < 4; ++type) Print(kTypes[type], scores.per_type[type]);
    Print("micro (all)", scores.Micro());
    Print("micro PER/LOC/ORG", scores.Micro(0x7));
    std::printf(
        "  errors: wrong type %lld, boundary %lld, missed %lld, spurious %lld, other %lld\n",
        static_cast<long long>(errors.wrong_type), static_cast<long long>(errors.boundary),
        static_cast<long long>(errors.missed), static_cast<long long>(errors.spurious),
        static_cast<long long>(errors.other));
    std::printf("  %.0f K words/s through the whole analyzer, one sentence per call\n",
                words / seconds / 1e3);
  }
  return 0;
}
